"""Tests of the vehicle gazetteer data, its build script and its loader."""
from __future__ import annotations

import csv
import functools
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autodossier.extract.gazetteer import load_gazetteer

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "build_gazetteer.py"
DATA = REPO / "src" / "autodossier" / "data"
US_CSV = REPO.parent / "shared" / "data" / "make-model-2001-2015.csv"
BODY_STYLES = {"sedan", "coupe", "suv", "crossover", "wagon", "hatchback", "convertible",
               "pickup", "van", "minivan"}


def _rows() -> list[dict[str, str]]:
    with (DATA / "vehicles.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@functools.lru_cache(maxsize=1)
def _script():
    """The build script as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


def test_gazetteer_has_enough_makes_and_models():
    gaz = load_gazetteer()
    makes_with_models = [m for m in set(gaz.makes.values()) if gaz.model_names(m)]
    assert len(makes_with_models) >= 60
    assert len(_rows()) >= 1000


def test_every_listed_make_has_models_and_every_model_a_listed_make():
    gaz = load_gazetteer()
    canonical = set(gaz.makes.values())
    assert {row["make"] for row in _rows()} == canonical


@pytest.mark.parametrize("make", ["Harley-Davidson", "Harley Davidson", "Ducati", "Kawasaki",
                                  "Yamaha", "KTM", "Polaris", "Can-Am", "Vespa", "Freightliner",
                                  "Peterbilt", "Kenworth", "Mack", "International", "Blue Bird",
                                  "Workhorse", "Hino", "Triumph"])
def test_motorcycle_and_heavy_truck_makes_are_absent(make):
    assert load_gazetteer().make_of(make) is None


@pytest.mark.parametrize("make,model", [("Honda", "CBR600RR"), ("Honda", "Gold Wing"),
                                        ("BMW", "R1200GS"), ("Suzuki", "Hayabusa"),
                                        ("Chevrolet", "Kodiak"), ("Ford", "F650")])
def test_motorcycles_and_heavy_trucks_of_car_makes_are_absent(make, model):
    gaz = load_gazetteer()
    assert gaz.resolve(make, model) is None
    assert not any(model.lower() in name.lower() for name in gaz.model_names(make))


@pytest.mark.parametrize("make,alias,subject", [
    ("Nissan", "GTR", "Nissan GT-R"),
    ("nissan", "gt-r", "Nissan GT-R"),
    ("Mazda", "CX5", "Mazda CX-5"),
    ("Mazda", "Mazda3", "Mazda 3"),
    ("Mazda", "Miata", "Mazda MX-5"),
    ("Tesla", "Model3", "Tesla Model 3"),
    ("Ford", "F150", "Ford F-150"),
    ("Ford", "F-150 Heritage", "Ford F-150"),
    ("Ford", "Econoline", "Ford E-Series"),
    ("GMC", "Sierra 2500 HD", "GMC Sierra"),
    ("Chevy", "Silverado 1500", "Chevrolet Silverado"),
    ("VW", "ID4", "Volkswagen ID.4"),
    ("Mercedes", "C300", "Mercedes-Benz C-Class"),
    ("Merc", "ML350", "Mercedes-Benz M-Class"),
    ("BMW", "328i", "BMW 3 Series"),
    ("BMW", "435i Gran Coupe", "BMW 4 Series"),
    ("Lexus", "RX350", "Lexus RX"),
    ("Infinti", "Q50S", "Infiniti Q50"),
    ("Infiniti", "Q70L", "Infiniti Q70"),
    ("Subaru", "WRX STI", "Subaru WRX"),
    ("Subaru", "XV", "Subaru Crosstrek"),
    ("Chrysler", "300C", "Chrysler 300"),
    ("Toyota", "Supra", "Toyota GR Supra"),
    ("Nissan", "Fairlady Z", "Nissan Z"),
    ("Rolls Royce", "Ghost", "Rolls-Royce Ghost"),
])
def test_aliases_map_to_the_canonical_line(make, alias, subject):
    assert load_gazetteer().canonical(make, alias) == subject


@pytest.mark.parametrize("make,model", [
    ("Nissan", "Patrol"), ("Nissan", "Armada"), ("Nissan", "Skyline"), ("Infiniti", "QX55"),
    ("Toyota", "GR86"), ("Ford", "Bronco"), ("Ford", "Maverick"), ("Rivian", "R1T"),
    ("Tesla", "Model Y"), ("Tesla", "Cybertruck"), ("Lucid", "Air"), ("Polestar", "2"),
    ("BYD", "Seal"), ("BYD", "Atto 3"), ("Hyundai", "Ioniq 5"), ("Kia", "EV6"),
    ("Porsche", "Taycan"), ("Xiaomi", "SU7"), ("Dacia", "Duster"), ("Cupra", "Born"),
    ("Skoda", "Octavia"), ("Seat", "Leon"), ("Vauxhall", "Corsa"), ("Peugeot", "208"),
    ("Renault", "Clio"), ("Citroen", "C3"), ("Alpine", "A110"), ("Lotus", "Emira"),
    ("McLaren", "Artura"), ("Genesis", "GV80"), ("Ferrari", "296"),
    ("Lamborghini", "Revuelto"), ("Mazda", "MX-5"),
])
def test_supplement_lines_are_present_with_exact_casing(make, model):
    assert model in load_gazetteer().model_names(make)


def test_renamed_lines_stay_separate_lines():
    gaz = load_gazetteer()
    assert gaz.canonical("Nissan", "Patrol") != gaz.canonical("Nissan", "Armada")


@pytest.mark.parametrize("raw,make", [("ACURA", "Acura"), ("BMW", "BMW"), ("MINI", "MINI"),
                                      ("MERCEDES-BENZ", "Mercedes-Benz"),
                                      ("LAND ROVER", "Land Rover"), ("ALFA ROMEO", "Alfa Romeo"),
                                      ("ASTON MARTIN", "Aston Martin"),
                                      ("ROLLS ROYCE", "Rolls-Royce")])
def test_makes_have_marketing_casing(raw, make):
    assert load_gazetteer().make_of(raw) == make


@pytest.mark.parametrize("make,model", [("Infiniti", "Q50"), ("Infiniti", "QX80"),
                                        ("Ford", "F-150"), ("Tesla", "Model S"),
                                        ("Toyota", "Camry"), ("Toyota", "RAV4"),
                                        ("Honda", "CR-V"), ("Nissan", "GT-R"),
                                        ("Nissan", "370Z"), ("Toyota", "4Runner"),
                                        ("Cadillac", "CTS"), ("Scion", "tC"), ("BMW", "i3"),
                                        ("Buick", "LaCrosse"), ("Honda", "Fit")])
def test_models_have_marketing_casing(make, model):
    assert model in load_gazetteer().model_names(make)


@pytest.mark.parametrize("make,model", [
    ("Ford", "Focus"), ("Honda", "Fit"), ("Ford", "Edge"), ("Ford", "Escape"),
    ("Dodge", "Journey"), ("Honda", "Pilot"), ("Honda", "Element"), ("Kia", "Soul"),
    ("Chevrolet", "Spark"), ("Toyota", "Matrix"), ("Ford", "Ranger"), ("Honda", "Passport"),
    ("Chevrolet", "Sonic"), ("Nissan", "Rogue"), ("Volkswagen", "Golf"),
    ("Volkswagen", "Beetle"), ("Chevrolet", "Express"), ("Subaru", "Legacy"),
    ("Nissan", "Frontier"), ("Jeep", "Patriot"), ("Jeep", "Compass"),
    ("Land Rover", "Discovery"), ("Land Rover", "Defender"), ("Nissan", "Z"),
    ("Nissan", "Leaf"), ("Nissan", "Note"), ("Nissan", "Quest"), ("Nissan", "Cube"),
    ("Mazda", "3"), ("Peugeot", "208"), ("Audi", "TT"), ("Dodge", "Ram"),
])
def test_common_words_short_names_and_numbers_are_ambiguous(make, model):
    assert (make, model) in load_gazetteer().ambiguous


@pytest.mark.parametrize("make,model", [
    ("Infiniti", "Q50"), ("Toyota", "RAV4"), ("Ford", "F-150"), ("Tesla", "Model 3"),
    ("Nissan", "GT-R"), ("Mazda", "CX-5"), ("Nissan", "370Z"), ("Toyota", "Camry"),
    ("Porsche", "Taycan"), ("Tesla", "Model S"), ("Hyundai", "Ioniq 5"), ("BMW", "3 Series"),
])
def test_alphanumeric_and_coined_names_are_not_ambiguous(make, model):
    assert (make, model) not in load_gazetteer().ambiguous


@pytest.mark.parametrize("name,unsafe", [("focus", True), ("z", True), ("208", True),
                                         ("q50", False), ("gtr", False), ("mazda3", False)])
def test_ambiguous_names_cover_aliases(name, unsafe):
    assert (name in load_gazetteer().ambiguous_names) is unsafe


def test_bodies_are_contract_styles():
    gaz = load_gazetteer()
    assert set(gaz.bodies.values()) <= BODY_STYLES
    assert gaz.body("Ford", "F150") == "pickup"
    assert gaz.body("Honda", "Odyssey") == "minivan"


def test_no_alias_names_another_line_of_the_same_make():
    for make_rows in _by_make().values():
        names = {row["model"].lower() for row in make_rows}
        for row in make_rows:
            clashes = {a.lower() for a in row["aliases"].split("|") if a} & names
            assert not clashes - {row["model"].lower()}, (row["make"], row["model"], clashes)


def _by_make() -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for row in _rows():
        out.setdefault(row["make"], []).append(row)
    return out


def test_years_are_ordered_and_last_year_blank_while_on_sale():
    gaz = load_gazetteer()
    for (first, last) in gaz.years.values():
        assert first is None or last is None or first <= last
    assert gaz.years[("Toyota", "Camry")] == (2001, None)
    assert gaz.years[("Pontiac", "G6")] == (2005, 2010)


def test_unknown_line_raises_key_error():
    with pytest.raises(KeyError):
        load_gazetteer().canonical("Nissan", "Camry")


def test_loader_is_cached_and_fast():
    load_gazetteer.cache_clear()
    start = time.perf_counter()
    first = load_gazetteer()
    elapsed = time.perf_counter() - start
    assert load_gazetteer() is first
    assert elapsed < 0.2  # 50 ms target; generous bound for a loaded CI machine


def test_data_files_are_small():
    for name in ("vehicles.csv", "makes.csv"):
        assert (DATA / name).stat().st_size < 1_000_000


@pytest.mark.skipif(not US_CSV.exists(), reason="needs ../shared/data beside the repo")
def test_rerunning_the_script_reproduces_vehicles_csv(tmp_path):
    out = tmp_path / "vehicles.csv"
    subprocess.run([sys.executable, str(SCRIPT), str(US_CSV), "--out", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == (DATA / "vehicles.csv").read_bytes()


@pytest.mark.parametrize("raw,line", [("F-150 HERITAGE", "F-150"), ("SIERRA 2500 HD", "SIERRA"),
                                      ("TRANSIT-350 HD", "TRANSIT"), ("ION-2", "ION"),
                                      ("F-250 SUPER DUTY", "F-250"), ("RAM 1500 PICKUP", "RAM")])
def test_generic_rules_strip_trims_and_duty_ratings(raw, line):
    assert _script().base_line("X", raw) == line


def test_unknown_source_make_fails_the_build():
    module = _script()
    with pytest.raises(SystemExit):
        module.canonical_make("NEWCO MOTORS", {})
