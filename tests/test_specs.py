import pytest

from autodossier.extract.pipeline import Sentence
from autodossier.extract.specs import find_specs


def specs(text):
    return {(f.attribute, f.value) for f in find_specs(Sentence(text, 0, len(text), 0))}


@pytest.mark.parametrize("text, expected", [
    ("It uses a twin-turbo V6.", {("cylinders", 6), ("engine_layout", "V"), ("aspiration", "twin-turbo")}),
    ("A flat-six sits behind the axle.", {("cylinders", 6), ("engine_layout", "flat")}),
    ("The inline-four is turbocharged.", {("cylinders", 4), ("engine_layout", "inline"), ("aspiration", "turbo")}),
    ("Power comes from a turbo four.", {("cylinders", 4), ("aspiration", "turbo")}),
    ("A supercharged V8 remains.", {("aspiration", "supercharged"), ("cylinders", 8)}),
    ("It gets the VR30DDTT engine.", {("engine_code", "VR30DDTT")}),
    ("It is a rear-wheel-drive sedan.", {("drivetrain", "rwd"), ("body_style", "sedan")}),
    ("All-wheel drive is standard.", {("drivetrain", "awd")}),
    ("A six-speed manual gearbox is offered.", {("gears", 6), ("transmission", "manual")}),
    ("An eight-speed dual-clutch handles shifts.", {("gears", 8), ("transmission", "dct")}),
    ("It arrives as a plug-in hybrid.", {("powertrain", "phev")}),
    ("The fully electric sedan is coming.", {("powertrain", "ev"), ("body_style", "sedan")}),
])
def test_reads_specs(text, expected):
    assert expected <= specs(text)


@pytest.mark.parametrize("text", [
    "Demand for electric vehicles has slowed.",
    "The luxury sedan segment is shrinking.",
    "Buyers want SUVs and crossovers now.",
    "Torque and transmission details are unknown.",
    "The 2025 model ditches the V6 entirely.",
])
def test_generic_or_unknown_mentions_give_no_specs(text):
    assert not (specs(text) & {("powertrain", "ev"), ("body_style", "sedan"), ("body_style", "suv"),
                               ("cylinders", 6), ("transmission", "manual")})
