"""The pure timing rules, tested without a database."""

from datetime import date

import pytest

from results.sport import timing


@pytest.mark.parametrize(
    "text, ms",
    [
        ("1.14,44", 74440),
        ("37,05", 37050),
        ("13.12,34", 792340),
        ("1:14.44", 74440),
        ("37.05", 37050),
        ("13:12.34", 792340),
        ("74.44", 74440),
        ("1:14.443", 74443),
        ("1.14,443", 74443),
        ("37,051", 37051),
        ("1:09.651", 69651),
        ("  1:14.44 ", 74440),
        ("74", 74000),
        ("34.5", 34500),
        ("1:14,20", 74200),  # minutes as on an international board, the decimal comma of a Dutch keyboard
    ],
)
def test_it_parses_every_notation(text, ms):
    assert timing.parse_time(text) == ms


@pytest.mark.parametrize(
    "text, reason",
    [
        ("1.74,44", "74 seconds"),
        ("abc", "not a time"),
        ("-37.05", "negative"),
        ("", "empty"),
        ("   ", "empty"),
        (None, "empty"),
        ("0.00", "zero"),
        ("1.14.44", "not a time"),
        ("1:4.44", "two digits"),
        ("37.0512", "not a time"),
    ],
)
def test_it_rejects_bad_times_saying_why(text, reason):
    with pytest.raises(timing.TimeFormatError, match=reason):
        timing.parse_time(text)


@pytest.mark.parametrize(
    "ms, dutch, international",
    [
        (74440, "1.14,44", "1:14.44"),
        (37050, "37,05", "37.05"),
        (792340, "13.12,34", "13:12.34"),
        (74449, "1.14,44", "1:14.44"),
        (59999, "59,99", "59.99"),
        (60000, "1.00,00", "1:00.00"),
        (784670, "13.04,67", "13:04.67"),
        (9990, "9,99", "9.99"),
    ],
)
def test_it_formats_truncated_hundredths_in_both_notations(ms, dutch, international):
    assert timing.format_time(ms, "nl") == dutch
    assert timing.format_time(ms, "en") == international


def test_it_shows_thousandths_when_asked():
    assert timing.format_time(105006, "en", thousandths=True) == "1:45.006"
    assert timing.format_time(105006, "nl", thousandths=True) == "1.45,006"


def test_a_time_round_trips_through_both_notations():
    for ms in (37050, 74443, 792340, 59999):
        for notation in ("nl", "en"):
            assert timing.parse_time(timing.format_time(ms, notation, thousandths=True)) == ms


def test_thousandths_are_shown_only_for_times_tied_in_hundredths():
    assert timing.ties_needing_thousandths([105006, 105009, 105100, 106000]) == {105006, 105009}
    assert timing.ties_needing_thousandths([105000, 105000, 106000]) == set()


def test_tied_times_share_a_rank_and_the_next_rank_skips():
    assert timing.rank_with_ties([37940, 38000, 37940, 37100, None]) == [2, 4, 2, 1, None]
    assert timing.rank_with_ties([1, 2, 2, 3]) == [1, 2, 2, 4]


def test_thousandths_decide_a_tie_in_hundredths():
    assert timing.rank_with_ties([105009, 105006]) == [2, 1]


def test_samalog_points_are_truncated_from_milliseconds():
    assert timing.samalog_points(74440, 1000) == 37220
    assert timing.samalog_points(784670, 10000) == 39233
    assert timing.samalog_points(37051, 500) == 37051
    assert timing.samalog_points(116999, 1500) == 38999
    assert timing.format_points(39233) == "39.233"
    assert timing.format_points(39233, "nl") == "39,233"


@pytest.mark.parametrize(
    "day, season",
    [(date(2023, 11, 18), 2023), (date(2024, 6, 30), 2023), (date(2024, 7, 1), 2024), (date(2022, 2, 17), 2021)],
)
def test_a_season_runs_from_july_to_june(day, season):
    assert timing.season_of(day) == season


def test_season_labels_and_parsing():
    assert timing.season_label(2023) == "2023/24"
    assert timing.season_slug(1999) == "1999-00"
    assert timing.parse_season("2023/24") == 2023
    assert timing.parse_season("2023-24") == 2023
    assert timing.parse_season("2024") == 2023  # an end-year label, as some official sources use
    with pytest.raises(ValueError):
        timing.parse_season("2023/25")


def test_age_is_counted_on_the_race_day():
    assert timing.age_on(date(1994, 5, 22), date(2023, 11, 18)) == 29
    assert timing.age_on(date(1998, 12, 30), date(2023, 11, 18)) == 24
    assert timing.age_on(date(1998, 12, 30), date(2023, 12, 30)) == 25
    assert timing.age_on(None, date(2023, 12, 30)) is None


@pytest.mark.parametrize("language", ["en", "nl"])
def test_short_dates_are_those_django_formats(language):
    from django.utils import translation
    from django.utils.formats import date_format

    from results.display.formatting import short_date

    with translation.override(language):
        for month in range(1, 13):
            day = date(2023, month, 9)
            assert short_date(day) == date_format(day, "j M Y")
            assert short_date(day, with_year=False) == date_format(day, "j M")


@pytest.mark.parametrize(
    "typed, entry",
    [
        ("1:14,20", ("FIN", 74200, False)),
        ("1.14,20", ("FIN", 74200, False)),
        ("38.4", ("FIN", 38400, True)),
        ("wdr", ("WDR", None, False)),
        (" DNF ", ("DNF", None, False)),
        ("dq", ("DQ", None, False)),
        ("", ("NYS", None, False)),
    ],
)
def test_a_race_day_field_takes_a_time_a_status_or_nothing(typed, entry):
    assert timing.read_entry(typed) == entry


def test_a_race_day_field_refuses_anything_else_naming_what_it_takes():
    with pytest.raises(timing.TimeFormatError, match="not a time.*WDR, DNF, DQ, DNS"):
        timing.read_entry("fell")


def test_a_time_says_the_precision_it_was_measured_in():
    from results.sport.timing import format_measured, precision_of

    assert [precision_of(ms, tenths) for ms, tenths in ((74_440, False), (74_441, False), (43_400, True))] == [
        "hundredths", "thousandths", "tenths",
    ]  # fmt: skip
    assert precision_of(None) is None
    assert [format_measured(74_440), format_measured(74_441), format_measured(43_400, tenths=True)] == [
        "1:14.44", "1:14.441", "43.4",
    ]  # fmt: skip
