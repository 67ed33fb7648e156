import pytest

from autodossier.extract.certainty import cues, source_of, status_for


def status(text, word):
    pos = text.index(word)
    return status_for(text, pos, cues(text), 0)


@pytest.mark.parametrize("text, word, expected", [
    ("The new M3 is expected to make 550 hp.", "550", "expected"),
    ("Rumour has it that the Supra will get a manual.", "manual", "rumored"),
    ("The engine could exceed 500 hp.", "500", "speculative"),
    ("According to Autocar, the car gets 400 hp.", "400", "reported"),
    ("BMW confirmed that the M3 would get all-wheel drive.", "all-wheel", "confirmed"),
    ("The Civic Type R makes 315 hp.", "315", "confirmed"),
    ("Honda has denied it will build a new NSX.", "NSX", "denied"),
    ("Will the Q60 make a comeback?", "comeback", "speculative"),
    ("According to data, only 2,792 were sold in 2020.", "2,792", "confirmed"),
])
def test_status_from_governing_cue(text, word, expected):
    assert status(text, word) == expected


@pytest.mark.parametrize("text, source", [
    ("According to Automotive News, the car is coming.", "Automotive News"),
    ("Speaking to Road & Track, the boss confirmed it.", "Road & Track"),
    ("The car is coming, per Motor1.", "Motor1"),
    ("The car is coming soon.", None),
])
def test_source_attribution(text, source):
    assert source_of(text) == source
