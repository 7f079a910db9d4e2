"""Dates in news text, and the time-zone policy.

Why a small grammar of our own instead of ``dateparser``: a dateline must give the same answer on
every machine and on every day.  ``dateparser`` fills missing parts from today's date, has its
own abbreviation table and is slow (tens of milliseconds a call); the English dateline forms are
few and regular, so a compiled grammar reads them in microseconds and every rule is visible here.

Policy (``published`` values are ISO 8601):

- A date needs a day, a month and a four-digit year (1900–2099).  A dateline without a year
  ("May 23", "Thursday 7:37 AM") gives no date: guessing the year from today's date would make
  the output depend on when it ran.  Relative dates ("2 hours ago", "Yesterday") give none.
- With a time and a stated zone: ``2024-05-23T07:37:00+01:00``; a time without a zone: naive
  ``2024-05-23T07:37:00``; a date alone: ``2024-05-23``.  Seconds are kept, fractions dropped.
- Zone abbreviations are read LITERALLY as their fixed standard offset (``lexicons/time-zones.txt``)
  and never adjusted for summer time: CET is +01:00 even in July, because the writer said CET
  (CEST would be +02:00).  Ambiguous abbreviations are pinned in that file (IST = India +05:30,
  CST = US Central, BST = British Summer Time).
- Generic names that do not say standard or daylight ("ET", "Pacific Time", "Kyiv time") have no
  fixed offset; they are resolved with their IANA zone for that date (``zoneinfo``, which does
  not read the machine's ``TZ``).  "local time" keeps the time naive.
- Numeric offsets are taken as written: ``+0200``, ``+02:00``, ``UTC+2``, ``GMT-5``, ``Z``;
  ``-0000`` / ``-00:00`` mean "offset unknown" (RFC 2822 / RFC 3339) and keep the time naive.
- All-numeric dates: ``23/05/2024`` is day-first because 23 > 12, ``05/23/2024`` month-first;
  ``05/06/2024`` is ambiguous and gives no date (a wrong date is worse than none).
- A 12-hour time needs its meridiem ("7:37 AM", "10:02 a.m."); "7.37" is read only with one, and
  "11.42" (a dotted 24-hour time, as in British datelines) only before a zone abbreviation.

Nothing here reads the local time zone or the current date, so the output is deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from newsgraph.nlp.knowledge.tsv import read_list

__all__ = ["Zone", "find_date", "load_lexicon", "normalize_iso", "parse_datetime", "time_zones"]

_S = r"[ \t\u00a0]"  # spaces inside one line: a date never spans a line break
_MINUS = "−"

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTHS: dict[str, int] = {
    **{name: i for i, name in enumerate(_MONTH_NAMES, start=1)},
    **{name[:3]: i for i, name in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}
_WEEKDAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun",
)  # fmt: skip
_YEARS = range(1900, 2100)


@cache
def load_lexicon(name: str) -> tuple[str, ...]:
    """The entries of ``newsgraph/extract/lexicons/<name>``: stripped lines, ``#`` comments dropped,
    a repeated entry refused (:func:`newsgraph.nlp.knowledge.tsv.read_list`)."""
    return read_list(name, "newsgraph.extract")


@dataclass(frozen=True, slots=True)
class Zone:
    """What a zone name means: a fixed offset, an IANA zone resolved per date, or nothing."""

    offset: timedelta | None = None
    iana: str | None = None

    def offset_at(self, moment: datetime) -> timedelta | None:
        """The UTC offset this zone had at the naive local ``moment`` (None: keep naive)."""
        if self.offset is not None or self.iana is None:
            return self.offset
        try:
            return moment.replace(tzinfo=ZoneInfo(self.iana)).utcoffset()
        except ZoneInfoNotFoundError:  # pragma: no cover - tzdata missing
            return None


_OFFSET = re.compile(r"(?:UTC|GMT|UT)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?")


def _offset(text: str) -> timedelta | None:
    """``+0200``, ``+02:00``, ``-05``, ``UTC+2``, ``GMT-5:30`` as a timedelta (None if invalid)."""
    m = _OFFSET.fullmatch(text.strip())
    if not m:
        return None
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes >= 60:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return -delta if m.group(1) in ("-", _MINUS) else delta


@cache
def time_zones() -> dict[str, Zone]:
    """The zone table from ``time-zones.txt``: abbreviations as written, spelled names lowercased."""
    table: dict[str, Zone] = {}
    for entry in load_lexicon("time-zones.txt"):
        name, _, value = entry.rpartition(" ")
        name = " ".join(name.split())
        key = name if " " not in name else name.lower()
        if value == "-":
            table[key] = Zone()
        elif value[0] in "+-":
            table[key] = Zone(offset=_offset(value))
        else:
            table[key] = Zone(iana=value)
    return table


def _zone(text: str) -> Zone | None:
    text = " ".join(text.strip("() \t").split())
    if any(c.isdigit() for c in text):
        if text[0] in "-−" and not text.strip("-−0:"):
            return Zone()  # "-0000" / "-00:00": the offset is unknown (RFC 2822, RFC 3339)
        delta = _offset(text)
        return None if delta is None else Zone(offset=delta)
    table = time_zones()
    return table.get(text) or table.get(text.lower())


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    """Title-case and upper-case forms of ``words``, longest first (months, weekdays)."""
    forms = {f for w in words for f in (w.capitalize(), w.upper())}
    return "|".join(sorted(forms, key=lambda f: (-len(f), f)))


def _time(p: str) -> str:
    ap = rf"[aApP]\.?{_S}?[mM]\.?(?!\w)"
    return (
        rf"(?P<{p}h>\d{{1,2}})(?=:\d{{2}}|\.\d{{2}}{_S}*(?:{ap}|[A-Z]{{2,5}}(?!\w))|{_S}*{ap})"
        rf"(?::(?P<{p}mi>\d{{2}})(?::(?P<{p}s>\d{{2}})(?:[.,]\d+)?)?|\.(?P<{p}md>\d{{2}}))?"
        rf"(?:{_S}*(?P<{p}ap>{ap}))?"
    )


def _zone_re(p: str) -> str:
    table = time_zones()
    abbrs = "|".join(sorted((k for k in table if " " not in k), key=lambda k: (-len(k), k)))
    names = "|".join(
        re.escape(k).replace(r"\ ", rf"{_S}+")
        for k in sorted((k for k in table if " " in k), key=lambda k: (-len(k), k))
    )
    numeric = (
        rf"(?:UTC|GMT|UT){_S}?[+\-−]{_S}?\d{{1,2}}(?::?\d{{2}})?(?!\d)|[+\-−]\d{{2}}(?::?\d{{2}})?(?!\d)"
    )
    return rf"(?P<{p}zp>\()?(?P<{p}z>{numeric}|(?:{abbrs})(?!\w)|(?i:{names})(?!\w))(?({p}zp)\))"


@cache
def _grammar() -> re.Pattern[str]:
    months = _alternation(list(_MONTHS))
    weekdays = _alternation(_WEEKDAYS)
    sep = r"[,|·•\-–—@/]"
    iso = r"(?P<y3>\d{4})(?P<s3>[\-/.])(?P<m3>\d{1,2})(?P=s3)(?P<d3>\d{1,2})(?!\d)"
    mdy = (
        rf"(?P<m1>{months})\.?{_S}*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
        rf"(?:{_S}*[,.\-–/]{_S}*|{_S}+)(?P<y1>\d{{4}})(?!\d)"
    )
    dmy = (
        rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:{_S}+of)?(?:{_S}+|{_S}*[\-./]{_S}*)"
        rf"(?P<m2>{months})\.?(?:{_S}*[,.\-/]{_S}*|{_S}+)(?P<y2>\d{{4}})(?!\d)"
    )
    num = r"(?P<a4>\d{1,2})(?P<s4>[/.\-])(?P<b4>\d{1,2})(?P=s4)(?P<y4>\d{4})(?!\d)"
    before = rf"(?:(?P<bt>{_time('b')})(?:{_S}*{_zone_re('b')})?{_S}*(?:{sep}{_S}*)?(?:(?i:on){_S}+)?)?"
    weekday = rf"(?:(?P<wd>{weekdays})\.?,?{_S}*)?"
    after = rf"(?:(?:T|{_S}*(?:{sep}{_S}*)?(?:(?i:at){_S}+)?)(?P<at>{_time('a')})(?:{_S}*{_zone_re('a')})?)?"
    return re.compile(rf"(?<!\w){before}{weekday}(?P<core>{iso}|{mdy}|{dmy}|{num}){after}")


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    ymd: tuple[int, int, int] | None  # None: a date, but an ambiguous one (05/06/2024)
    hms: tuple[int, int, int] | None
    zone: Zone | None


def _ymd(m: re.Match[str]) -> tuple[int, int, int] | bool | None:
    """(year, month, day); None when ambiguous; False when not a calendar date."""
    if m.group("y3"):
        y, mo, d = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
    elif m.group("y1"):
        y, mo, d = int(m.group("y1")), _MONTHS[m.group("m1").lower()], int(m.group("d1"))
    elif m.group("y2"):
        y, mo, d = int(m.group("y2")), _MONTHS[m.group("m2").lower()], int(m.group("d2"))
    else:
        a, b, y = int(m.group("a4")), int(m.group("b4")), int(m.group("y4"))
        if a <= 12 and b <= 12 and a != b:
            return None if _valid(y, a, b) or _valid(y, b, a) else False
        mo, d = (b, a) if a > 12 else (a, b)
    return (y, mo, d) if _valid(y, mo, d) else False


def _valid(y: int, mo: int, d: int) -> bool:
    if y not in _YEARS:
        return False
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return True


def _hms(m: re.Match[str], p: str) -> tuple[int, int, int] | None:
    """The time of prefix ``p`` (``b`` before the date, ``a`` after) as 24-hour h, m, s."""
    if m.group(f"{p}h") is None:
        return None
    h = int(m.group(f"{p}h"))
    mi = int(m.group(f"{p}mi") or m.group(f"{p}md") or 0)
    s = int(m.group(f"{p}s") or 0)
    ap = (m.group(f"{p}ap") or "").lower()
    if ap:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap.startswith("p") else 0)
    if h > 23 or mi > 59 or s > 59:
        return None
    return h, mi, s


def _hit(m: re.Match[str]) -> _Hit | None:
    ymd = _ymd(m)
    if ymd is False:
        return None
    start, end = m.start("core"), m.end("core")
    if m.group("wd"):
        start = m.start("wd")
    hms, zone = None, None
    for p, group in (("b", "bt"), ("a", "at")):
        t = _hms(m, p)
        if t is None:
            continue
        hms, zone = t, (_zone(m.group(f"{p}z")) if m.group(f"{p}z") else None)
        zone_end = m.end(f"{p}z") + (1 if m.group(f"{p}zp") else 0) if m.group(f"{p}z") else m.end(group)
        if p == "b":
            start = m.start(group)
        else:
            end = zone_end if zone is not None else m.end(group)
        break
    return _Hit(start, end, ymd if isinstance(ymd, tuple) else None, hms, zone)


def _first_hit(text: str) -> _Hit | None:
    for m in _grammar().finditer(text):
        hit = _hit(m)
        if hit is not None:
            return hit
    return None


def _iso(hit: _Hit) -> str | None:
    if hit.ymd is None:
        return None
    day = date(*hit.ymd)
    if hit.hms is None:
        return day.isoformat()
    moment = datetime(*hit.ymd, *hit.hms)
    offset = hit.zone.offset_at(moment) if hit.zone else None
    if offset is None:
        return moment.isoformat()
    return moment.replace(tzinfo=timezone(offset)).isoformat()


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date expression in ``text``: (the exact string, its start, its end).

    The expression runs from a leading time or weekday to a trailing time and zone:
    ``"7:37 AM CET, Thu May 23, 2024"``, ``"Thursday, May 23, 2024"``, ``"May.23 - 2024 7:37 AM CET"``.
    It needs a day, month and year; an ambiguous all-numeric date (05/06/2024) is still found,
    but :func:`parse_datetime` gives None for it.
    """
    hit = _first_hit(text)
    return None if hit is None else (text[hit.start : hit.end], hit.start, hit.end)


def parse_datetime(raw: str) -> str | None:
    """The first date expression in ``raw`` as policy ISO 8601 (see module docstring), or None."""
    hit = _first_hit(raw)
    return None if hit is None else _iso(hit)


_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+\-−]\d{2}(?::?\d{2})?)?)?"
)


def normalize_iso(value: str) -> str | None:
    """ISO-like strings in the policy format: ``2024-05-23T07:37:00+0100`` -> ``...+01:00``.

    Also ``2024-05-23 07:37`` (naive), ``...Z`` (+00:00), fractions dropped.  Anything else is read
    with :func:`parse_datetime` (``Thu, 23 May 2024 07:37:00 GMT``); None if it holds no date.
    """
    m = _ISO.fullmatch(value.strip())
    if not m:
        return parse_datetime(value)
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not _valid(y, mo, d):
        return None
    if m.group(4) is None:
        return date(y, mo, d).isoformat()
    h, mi, s = int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)
    if h > 23 or mi > 59 or s > 59:
        return None
    zone = None
    if m.group(7):
        zone = Zone(offset=timedelta(0)) if m.group(7) == "Z" else _zone(m.group(7))
        if zone is None:
            return None
    return _iso(_Hit(0, 0, (y, mo, d), (h, mi, s), zone))
