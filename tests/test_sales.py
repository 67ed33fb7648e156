import pytest

from autodossier.extract.pipeline import Sentence
from autodossier.extract.sales import find_sales


def changes(text):
    return [f.value for f in find_sales(Sentence(text, 0, len(text), 0), None) if f.attribute == "sales_change_pct"]


@pytest.mark.parametrize("text, value", [
    ("That is a jump of 35 per cent compared with the same period last year.", 35),
    ("That figure is 12.5 per cent lower than a year earlier.", -12.5),
    ("Volume climbed 8% year-on-year.", 8),
])
def test_year_over_year_change_needs_no_sales_word(text, value):
    assert changes(text) == [value]


@pytest.mark.parametrize("text", [
    "The hatch is 20 per cent stiffer than before.",  # no year-earlier baseline, no sales word
    "Its sales were 30% higher than the company's plan for the year.",  # a plan, not a period
    "It will be priced within 5-8 per cent of the top-selling SUV.",  # a band, not a change
])
def test_percentages_that_are_no_sales_change(text):
    assert changes(text) == []


def units(text):
    return [f.value for f in find_sales(Sentence(text, 0, len(text), 0), None) if f.attribute == "sales_units"]


@pytest.mark.parametrize("text, expected", [
    ("The pickup found more than 52,000 buyers in 2023.", [52000]),
    ("Its sales fell by more than 4,200 units year-on-year.", []),
    ("It sold 18,400 units, 2,310 units more than a year earlier.", [18400]),
    ("The plant set a goal of building 150,000 units a year, with sales to follow.", []),
    ("The sedan registered 2,400 fewer units than in 2022.", []),
    ("Deliveries rose to 18,000, an increase of 9 per cent.", [18000]),
    ("Registrations totalled 6,310 in May.", [6310]),
    ("Sales rose to $1.4 billion in the quarter.", []),
])
def test_differences_and_goals_are_no_units_sold(text, expected):
    assert units(text) == expected


def test_ranked_list_and_table_rows_under_a_sales_line_are_sales():
    from extract_helpers import facts
    got = facts("These were the best sellers last month.\n\n"
                "1. Kia Sportage – 3,120\n"
                "2. Ford Puma – 2,870 (down 4.5%)\n"
                "| Nissan Qashqai | 2,450 | +6.2% |\n")
    assert {("Kia Sportage", "sales_units", 3120), ("Ford Puma", "sales_units", 2870),
            ("Ford Puma", "sales_change_pct", -4.5), ("Nissan Qashqai", "sales_units", 2450),
            ("Nissan Qashqai", "sales_change_pct", 6.2)} <= got


def test_rows_without_a_sales_line_above_are_not_sales():
    from extract_helpers import facts
    got = facts("The Kia Sportage has a long list of rivals.\n\nKia Sportage – 3,120\nFord Puma – 2,870\n")
    assert not {f for f in got if f[1] == "sales_units"}
