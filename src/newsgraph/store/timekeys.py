"""Integer time keys: the one sort order of every newest-first list, and its date bounds.

Why an integer: every list the shells show is newest first, and a list filtered by an actor,
a name, a country or an event type is read from a posting table whose key ends in this
number, so the order is an index order and a page is a range scan.  A 19-character ISO text
repeated in millions of posting rows would cost three times the bytes of the integer, and
``published_utc IS NULL`` (undated last) would need an expression that no index matches.

``t`` is the publication time in UTC as seconds since 1970; an undated article gets
:data:`UNDATED`, smaller than any real date, so newest first (``t DESC``) puts it last, as
before, and a date bound (``t >= since``) never admits it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from newsgraph.errors import StoreError
from newsgraph.store.sqlite_rows import utc_timestamp

#: The time key of an undated article: before every real date (year 1 is -62135596800).
UNDATED = -(1 << 40)
_EPOCH = datetime(1970, 1, 1)


def time_key(published_utc: str | None) -> int:
    """The time key of a naive UTC ``YYYY-MM-DDTHH:MM:SS`` (``articles.published_utc``)."""
    if not published_utc:
        return UNDATED
    try:
        moment = datetime.fromisoformat(published_utc)
    except ValueError:
        return UNDATED
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return int((moment - _EPOCH).total_seconds())


#: Seconds in a UTC day: ``edge_days.day`` is ``t // DAY_SECONDS`` (days since 1970-01-01).
DAY_SECONDS = 86400


def day_of_key(t: int) -> int | None:
    """The UTC day number of a time key; None when undated."""
    return None if t <= UNDATED else t // DAY_SECONDS


def day_number(iso_date: str) -> int:
    """The day number of a ``YYYY-MM-DD`` date."""
    return (date.fromisoformat(iso_date) - _EPOCH.date()).days


def utc_of_key(t: int | None) -> str | None:
    """The ``published_utc`` text of a time key (None for :data:`UNDATED`)."""
    if t is None or t <= UNDATED:
        return None
    return (_EPOCH + timedelta(seconds=t)).isoformat(timespec="seconds")


def week_of(published_utc: str | None) -> str | None:
    """The Monday (ISO date) of the week of a UTC time; None when undated."""
    if not published_utc:
        return None
    day = date.fromisoformat(published_utc[:10])
    return (day - timedelta(days=day.weekday())).isoformat()


def _bound(name: str, value: str | None, *, end_of_day: bool) -> str | None:
    if not value:
        return None
    value = value.strip()
    bound = utc_timestamp(value)
    if bound is None:
        raise StoreError(f"{name}={value!r} is not an ISO 8601 date or time (e.g. 2024-05-23)")
    if end_of_day and len(value) == 10:
        bound = bound[:10] + "T23:59:59"
    return bound


def since_bound(value: str | None) -> str | None:
    """``since`` as a UTC timestamp bound; raises :class:`StoreError` with the fix if invalid."""
    return _bound("since", value, end_of_day=False)


def until_bound(value: str | None) -> str | None:
    """``until`` as a UTC bound; a bare date (``2024-05-23``) includes the whole of that day."""
    return _bound("until", value, end_of_day=True)


def key_range(since: str | None, until: str | None) -> tuple[int | None, int | None]:
    """``since``/``until`` (validated) as inclusive time-key bounds; None where open.

    An ``until`` alone still excludes undated articles: the lower bound becomes the first
    real date.
    """
    low, high = since_bound(since), until_bound(until)
    low_key = time_key(low) if low is not None else None
    high_key = time_key(high) if high is not None else None
    if high_key is not None and low_key is None:
        low_key = UNDATED + 1
    return low_key, high_key


def add_time_bounds(
    where: list[str], params: list[object], column: str, low: int | None, high: int | None
) -> None:
    """Append ``column >= low`` / ``column <= high`` (where given) to a query's conditions."""
    if low is not None:
        where.append(f"{column} >= ?")
        params.append(low)
    if high is not None:
        where.append(f"{column} <= ?")
        params.append(high)
