import pytest

from autodossier.extract.sentences import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("The 3.0-liter V6 makes 400 hp. It arrives next year.", 2),
    ("Sales in the U.S. rose 4 percent. Europe fell.", 2),
    ("Infiniti will call it the Q50S. The car returns in 2027.", 2),
    ("The QX80 Track Spec makes 650bhp, up from 450bhp.", 1),
    ("Price is approx. $50,000 before options.", 1),
    ("Production ends in 2022。According to reports, it was popular.", 2),
])
def test_splits_where_journalists_end_sentences(text, expected):
    assert len(split_sentences(text)) == expected


def test_table_rows_are_sentences_and_rules_are_dropped():
    text = "| Category | Information |\n|---|---|\n| Engine | V6 3.0L twin-turbo |\n"
    rows = [s.text for s in split_sentences(text)]
    assert rows == ["| Category | Information |", "| Engine | V6 3.0L twin-turbo |"]


def test_sentence_text_is_verbatim_slice():
    text = "  First line here.\n\nSecond one  follows. Third!\n"
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("debris", [
    "Related: 2026 Kia EV9 GT Revealed with 501 HP",
    "Read more: Ferrari F80 revealed with 1,200PS",
    "Photo caption: The M5 Touring makes 717 hp.",
    "[1/3] A Dolphin Surf is displayed at a media event in Berlin, April 23, 2025.",
    "The Hyundai Palisade Hybrid Is Coming With 329 HP",
])
def test_page_debris_lines_are_not_sentences(debris):
    text = f"The car makes 300 hp.\n{debris}\nIt goes on sale in May.\n"
    assert [s.text for s in split_sentences(text)] == ["The car makes 300 hp.", "It goes on sale in May."]


def test_link_block_teasers_are_dropped_until_the_blank_line():
    text = ("Related Stories:\nBMW M3 CS Touring Debuts With 542 HP\nTesla sales slump as BYD gains\n\n"
            "The sedan makes 717 hp.\n")
    assert [s.text for s in split_sentences(text)] == ["The sedan makes 717 hp."]


@pytest.mark.parametrize("prose", [
    "Rumor has it that a hot GT version is in the works.",
    "Power: 523 hp | Torque: 472 lb-ft",
    "Engine: Twin-Turbo 4.4-Liter V8 Plug-In Hybrid",
    "Fiesta ST Three Door Hatch - $31,490",  # a price list's row
    "Toyota Land Cruiser Prado – 5,210 (up 3%)",  # a ranking's row
])
def test_prose_and_spec_rows_are_kept(prose):
    assert [s.text for s in split_sentences(prose + "\n")] == [prose]
