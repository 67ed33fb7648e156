from datetime import date

import pytest

from autodossier.extract.dates import find_dates

PUB = date(2025, 11, 20)


@pytest.mark.parametrize("text, value", [
    ("Sales start in the second half of 2027.", "2027-H2"),
    ("It arrives in 2H 2026.", "2026-H2"),
    ("Deliveries begin in Q3 2026.", "2026-Q3"),
    ("Production ends at the end of last year.", "2024-12"),
    ("It was revealed earlier this year.", "2025"),
    ("Back in the summertime, it was shown.", "2025"),
    ("It goes on sale next year.", "2026"),
    ("It launched in March.", "2025-03"),
    ("Expect it in early 2027.", "2027-H1"),
])
def test_resolves_dates_against_publication(text, value):
    assert value in [d.value for d in find_dates(text, PUB)]


def test_relative_dates_need_a_publication_date():
    assert find_dates("It was shown last year, at the end of last year.", None) == []


def test_model_year_before_a_name_is_not_an_event_date():
    [d] = find_dates("The 2025 Infiniti QX60 drops the V6.", PUB)
    assert d.model_year


def test_year_range():
    [d] = find_dates("It was built from 2016 to 2022.", PUB)
    assert (d.value, d.range_end) == ("2016", "2022")


@pytest.mark.parametrize("text, pub, value", [
    ("The hatchback arrives in showrooms next month.", date(2025, 3, 12), "2025-04"),
    ("It went on sale in Japan last month.", date(2025, 1, 20), "2024-12"),
    ("Deliveries start later this month.", date(2025, 4, 1), "2025-04"),
    ("Orders open next month.", date(2025, 12, 5), "2026-01"),
])
def test_resolves_months_relative_to_publication(text, pub, value):
    assert [d.value for d in find_dates(text, pub)] == [value]


def test_relative_month_without_publication_date_yields_nothing():
    assert find_dates("It arrives next month.", None) == []


@pytest.mark.parametrize("text, value", [
    ("before the official announcement this week", "2021-08"),
    ("first revealed three years ago", "2018"),
    ("a year ago", "2020"),
    ("announced today", "2021-08"),
])
def test_relative_weeks_days_and_years_ago(text, value):
    from autodossier.extract.dates import find_dates, parse_pub_date
    assert [d.value for d in find_dates(text, parse_pub_date("2021-08-18"), 0)] == [value]


@pytest.mark.parametrize("text, pub, value", [
    ("It lands during this year's third quarter.", date(2023, 5, 1), "2023-Q3"),
    ("Sales begin in 2026's first half.", date(2025, 5, 1), "2026-H1"),
    ("It should debut by next summer.", date(2013, 8, 21), "2014"),
    ("It should debut by next summer.", date(2013, 2, 10), "2013"),
    ("The wagon is due spring 2016.", date(2015, 9, 1), "2016"),
])
def test_possessive_parts_and_relative_seasons(text, pub, value):
    assert value in [d.value for d in find_dates(text, pub)]


def test_this_past_week_is_the_week_before_publication():
    assert [d.value for d in find_dates("This past week, Honda showed the car.", date(2023, 7, 3))] == ["2023-06"]


@pytest.mark.parametrize("text, value", [
    ("The outlet had pointed to a debut this December.", "2023-12"),
    ("It was shown last March.", "2023-03"),
    ("It was shown last September.", "2022-09"),
    ("It goes on sale next March.", "2024-03"),
])
def test_this_last_next_month_names(text, value):
    assert [d.value for d in find_dates(text, date(2023, 7, 14))] == [value]


def test_a_year_before_a_show_name_is_a_date_not_a_model_year():
    [d] = find_dates("It was a star of the 2019 Geneva motor show.", PUB)
    assert not d.model_year and d.value == "2019"


def test_early_in_the_month_is_the_publication_month():
    assert [d.value for d in find_dates("the global premiere early in the month", date(2020, 1, 29))] == ["2020-01"]


@pytest.mark.parametrize("text, value", [
    ("It will be unveiled on 14 July.", "2025-07"),
    ("The hatch is set to be revealed in October.", "2025-10"),
    ("The hatch was revealed in October.", "2024-10"),
])
def test_a_participle_after_a_future_auxiliary_is_no_past(text, value):
    assert [d.value for d in find_dates(text, date(2025, 6, 12))] == [value]


@pytest.mark.parametrize("text, value", [
    ("Sales rose sharply in May.", ["2025-05"]),
    ("Here are the best sellers for May.", ["2025-05"]),
    ("May the best hatch win.", []),
])
def test_may_after_a_preposition_is_the_month(text, value):
    assert [d.value for d in find_dates(text, date(2025, 6, 12))] == value
