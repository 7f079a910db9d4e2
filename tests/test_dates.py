"""The date grammar and the time-zone policy of ``newsgraph.extract.dates``."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest

from newsgraph.extract.dates import find_date, normalize_iso, parse_datetime, time_zones

# --- the policy table: abbreviations are their literal standard offset, never summer-adjusted


@pytest.mark.parametrize(
    ("zone", "offset"),
    [
        ("CET", "+01:00"),
        ("CEST", "+02:00"),
        ("EET", "+02:00"),
        ("EEST", "+03:00"),
        ("WET", "+00:00"),
        ("GMT", "+00:00"),
        ("UTC", "+00:00"),
        ("BST", "+01:00"),
        ("MSK", "+03:00"),
        ("IST", "+05:30"),
        ("JST", "+09:00"),
        ("KST", "+09:00"),
        ("AEST", "+10:00"),
        ("AEDT", "+11:00"),
        ("EST", "-05:00"),
        ("EDT", "-04:00"),
        ("CST", "-06:00"),
        ("CDT", "-05:00"),
        ("MST", "-07:00"),
        ("PST", "-08:00"),
        ("PDT", "-07:00"),
        ("NZST", "+12:00"),
        ("NST", "-03:30"),
    ],
)
def test_abbreviation_is_its_literal_offset(zone: str, offset: str) -> None:
    assert parse_datetime(f"May 23, 2024 7:37 AM {zone}") == f"2024-05-23T07:37:00{offset}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("July 15, 2024 12:00 CET", "2024-07-15T12:00:00+01:00"),  # summer, still CET = +01:00
        ("January 15, 2024 12:00 CEST", "2024-01-15T12:00:00+02:00"),  # winter, still +02:00
        ("July 4, 2024 9:00 a.m. EST", "2024-07-04T09:00:00-05:00"),
        ("December 1, 2023 9:00 a.m. EDT", "2023-12-01T09:00:00-04:00"),
    ],
)
def test_abbreviations_are_never_adjusted_for_summer_time(raw: str, expected: str) -> None:
    assert parse_datetime(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("May 23, 2024 7:37 PM ET", "2024-05-23T19:37:00-04:00"),  # generic name: IANA zone that day
        ("January 23, 2024 7:37 PM ET", "2024-01-23T19:37:00-05:00"),
        ("July 2, 2024 08:00 Pacific Time", "2024-07-02T08:00:00-07:00"),
        ("July 2, 2024 08:00 Central European Summer Time", "2024-07-02T08:00:00+02:00"),
        ("July 2, 2024 08:00 Kyiv time", "2024-07-02T08:00:00+03:00"),
        ("July 2, 2024 08:00 local time", "2024-07-02T08:00:00"),
        ("May 23, 2024 07:37 (CET)", "2024-05-23T07:37:00+01:00"),
    ],
)
def test_generic_and_spelled_out_zone_names(raw: str, expected: str) -> None:
    assert parse_datetime(raw) == expected


def test_every_lexicon_zone_is_usable() -> None:
    table = time_zones()
    assert {"CET", "CEST", "EST", "EDT", "GMT", "UTC", "IST", "ET"} <= table.keys()
    for name, zone in table.items():
        if zone.iana is not None:
            ZoneInfo(zone.iana)  # raises if the IANA name is wrong
        elif name not in ("local time",):
            assert zone.offset is not None, name


# --- numeric offsets


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("23 May 2024 07:37 +0200", "2024-05-23T07:37:00+02:00"),
        ("23 May 2024 07:37 +02:00", "2024-05-23T07:37:00+02:00"),
        ("23 May 2024 07:37 -0530", "2024-05-23T07:37:00-05:30"),
        ("23 May 2024 07:37 UTC+2", "2024-05-23T07:37:00+02:00"),
        ("23 May 2024 07:37 GMT-5", "2024-05-23T07:37:00-05:00"),
        ("23 May 2024 07:37 UTC+05:30", "2024-05-23T07:37:00+05:30"),
        ("23 May 2024 07:37 GMT+5:45", "2024-05-23T07:37:00+05:45"),
        ("23 May 2024 07:37 UTC−3", "2024-05-23T07:37:00-03:00"),  # Unicode minus
        ("Thu, 23 May 2024 07:37:00 -0000", "2024-05-23T07:37:00"),  # RFC 2822: zone unknown
        ("23 May 2024 07:37 UTC+25", "2024-05-23T07:37:00"),  # no such offset: the time stays naive
    ],
)
def test_numeric_offsets(raw: str, expected: str) -> None:
    assert parse_datetime(raw) == expected


# --- the dateline forms


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("May.23 - 2024 7:37 AM CET", "2024-05-23T07:37:00+01:00"),
        ("23 May 2024 07:37", "2024-05-23T07:37:00"),
        ("Thursday, May 23, 2024", "2024-05-23"),
        ("May 23, 2024", "2024-05-23"),
        ("MAY 23, 2024", "2024-05-23"),
        ("Sept. 3, 2024", "2024-09-03"),
        ("Dec 1st 2023", "2023-12-01"),
        ("23rd of May, 2024 at 9am (CEST)", "2024-05-23T09:00:00+02:00"),
        ("2024-05-23", "2024-05-23"),
        ("2024/05/23", "2024-05-23"),
        ("2024-05-23T07:37:00+01:00", "2024-05-23T07:37:00+01:00"),
        ("2024-05-23T07:37:00.123Z", "2024-05-23T07:37:00+00:00"),
        ("23/05/2024 07:37 GMT", "2024-05-23T07:37:00+00:00"),
        ("05/23/2024 3 pm UTC+2", "2024-05-23T15:00:00+02:00"),
        ("23.05.2024", "2024-05-23"),
        ("05/05/2024", "2024-05-05"),  # same either way
        ("Updated: May 23, 2024 10:02 a.m. EDT", "2024-05-23T10:02:00-04:00"),
        ("Published 7:37 AM CET, Thu May 23, 2024", "2024-05-23T07:37:00+01:00"),
        ("Thu, 23 May 2024 07:37:00 +0100", "2024-05-23T07:37:00+01:00"),
        ("Jan. 5, 2024, 11:30 p.m. PST", "2024-01-05T23:30:00-08:00"),
        ("May 23, 2024 | 7.37pm IST", "2024-05-23T19:37:00+05:30"),
        ("May 23, 2024 12:05 AM", "2024-05-23T00:05:00"),
        ("May 23, 2024 12:05 PM", "2024-05-23T12:05:00"),
        ("May 23, 2024 23:59:59", "2024-05-23T23:59:59"),
        ("May 23, 2024 25:61", "2024-05-23"),  # not a time: the date stands alone
        ("May 23, 2024 13:00 PM", "2024-05-23"),
    ],
)
def test_forms(raw: str, expected: str) -> None:
    assert parse_datetime(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "May 23",  # no year: never guessed from today's date
        "Thursday 7:37 AM CET",
        "May 2024",
        "2 hours ago",
        "Yesterday",
        "February 30, 2024",
        "2024-13-01",
        "On May 23, 1500 troops arrived",  # 1500 is not a plausible year
        "The vote is scheduled for 2024.",
        "may 23, 2024",  # a lower-case "may" is the verb
    ],
)
def test_absent(raw: str) -> None:
    assert parse_datetime(raw) is None
    assert find_date(raw) is None


@pytest.mark.parametrize("raw", ["05/06/2024", "1.2.2024", "03-04-2024"])
def test_ambiguous_numeric_dates_are_found_but_not_read(raw: str) -> None:
    assert find_date(raw) == (raw, 0, len(raw))
    assert parse_datetime(raw) is None


@pytest.mark.parametrize(
    ("line", "raw"),
    [
        ("Updated: May 23, 2024 10:02 a.m. EDT", "May 23, 2024 10:02 a.m. EDT"),
        ("Published 7:37 AM CET, Thu May 23, 2024", "7:37 AM CET, Thu May 23, 2024"),
        ("By Jane Doe | May 23, 2024 | Politics", "May 23, 2024"),
        ("Posted on Thursday, May 23, 2024 at 7:37 pm by staff", "Thursday, May 23, 2024 at 7:37 pm"),
        ("The summit on 23 May 2024 ended early.", "23 May 2024"),
        ("Filed 2024-05-23T07:37:00Z.", "2024-05-23T07:37:00Z"),
    ],
)
def test_find_date_locates_the_exact_string(line: str, raw: str) -> None:
    found = find_date(line)
    assert found is not None
    text, start, end = found
    assert text == raw
    assert line[start:end] == raw


def test_find_date_stays_on_one_line() -> None:
    found = find_date("May 23, 2024\n7:37 AM CET")
    assert found == ("May 23, 2024", 0, 12)


# --- normalize_iso (used by the HTML extractor)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-23T07:37:00+0100", "2024-05-23T07:37:00+01:00"),
        ("2024-05-23T07:37:00+01:00", "2024-05-23T07:37:00+01:00"),
        ("2024-05-23T07:37:00+01", "2024-05-23T07:37:00+01:00"),
        ("2024-05-23T07:37:00Z", "2024-05-23T07:37:00+00:00"),
        ("2024-05-23T07:37:00.250-05:00", "2024-05-23T07:37:00-05:00"),
        ("2024-05-23T07:37", "2024-05-23T07:37:00"),
        ("2024-05-23 07:37", "2024-05-23T07:37:00"),
        ("2024-05-23", "2024-05-23"),
        (" 2024-05-23 ", "2024-05-23"),
        ("2024-05-23T07:37:00-00:00", "2024-05-23T07:37:00"),
        ("Thu, 23 May 2024 07:37:00 GMT", "2024-05-23T07:37:00+00:00"),
    ],
)
def test_normalize_iso(value: str, expected: str) -> None:
    assert normalize_iso(value) == expected


@pytest.mark.parametrize(
    "value", ["", "not a date", "2024-02-30", "2024-05-23T24:00:00", "2024-05-23T07:37+25:00"]
)
def test_normalize_iso_rejects(value: str) -> None:
    assert normalize_iso(value) is None


# --- determinism: the machine's time zone and the current date play no part


@pytest.fixture(params=["Pacific/Kiritimati", "America/Los_Angeles", "UTC", "Asia/Kolkata"])
def machine_tz(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is not available on this platform")
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("May.23 - 2024 7:37 AM CET", "2024-05-23T07:37:00+01:00"),
        ("23 May 2024 07:37", "2024-05-23T07:37:00"),
        ("Thursday, May 23, 2024", "2024-05-23"),
        ("May 23, 2024 7:37 PM ET", "2024-05-23T19:37:00-04:00"),
        ("May 23", None),
    ],
)
def test_same_answer_in_every_machine_time_zone(machine_tz: str, raw: str, expected: str | None) -> None:
    assert os.environ["TZ"] == machine_tz
    assert parse_datetime(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tue 3 Sep 2024 18.05 BST", "2024-09-03T18:05:00+01:00"),
        ("3 September 2024 18.05 CET", "2024-09-03T18:05:00+01:00"),
        ("3 September 2024 6.05 pm", "2024-09-03T18:05:00"),
        ("3 September 2024 18.05", "2024-09-03"),  # a bare dotted number is no time
        ("Up 2.5 percent on 3 September 2024", "2024-09-03"),
    ],
)
def test_dotted_times_need_a_zone_or_a_meridiem(raw: str, expected: str) -> None:
    assert parse_datetime(raw) == expected
