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
