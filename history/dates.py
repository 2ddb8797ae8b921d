"""Dates of uneven precision.

Records keep their date as an EDTF string (Library of Congress Extended
Date/Time Format), parsed by the `edtf` package. From it we derive two integer
sort bounds, ``year * 10000 + month * 100 + day`` for the earliest and the
latest day the date can mean, so that years before the common era, centuries
and open intervals all sort and filter with plain integer comparisons.
"""

import functools
import math
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from edtf import EDTFParseException, parse_edtf

# Sort bounds of an open end (".."): before and after any real date.
EARLIEST = -99_999_999
LATEST = 99_999_999

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}


def bound(year: int, month: int = 1, day: int = 1) -> int:
    return year * 10_000 + month * 100 + day


def year_of(bound_value: int) -> int:
    """The year of a sort bound (floor division keeps negative years right)."""
    return math.floor(bound_value / 10_000)


def iso_day(bound_value: int | None) -> str | None:
    """A sort bound as an ISO 8601 day ("1917-01-01", "-0499-01-01"); None when
    the date is open at that end or there is no date."""
    if bound_value is None or bound_value in (EARLIEST, LATEST):
        return None
    year = year_of(bound_value)
    rest = bound_value - year * 10_000
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{rest // 100:02d}-{rest % 100:02d}"


@dataclass(frozen=True)
class Span:
    lower: int
    upper: int


def _struct_bound(struct, open_value: int) -> int:
    if isinstance(struct, float):  # the edtf package gives ±inf for ".."
        return open_value
    return bound(struct.tm_year, struct.tm_mon, struct.tm_mday)


def _lower(parsed) -> int:
    return _struct_bound(parsed.lower_strict(), EARLIEST)


def _upper(parsed) -> int:
    return _struct_bound(parsed.upper_strict(), LATEST)


@functools.lru_cache(maxsize=4096)
def parse(value: str) -> Span:
    """The sort bounds of an EDTF string; ValidationError if it is not one."""
    try:
        start, slash, end = value.partition("/")
        if start == end == "..":
            raise ValueError("open at both ends")
        if slash and ".." in (start, end):
            # An open end: the edtf package rejects it beside an unspecified
            # date such as 199X, so each side is parsed on its own.
            lower = EARLIEST if start == ".." else _lower(parse_edtf(start))
            upper = LATEST if end == ".." else _upper(parse_edtf(end))
        else:
            parsed = parse_edtf(value)
            lower, upper = _lower(parsed), _upper(parsed)
    except (EDTFParseException, TypeError, ValueError):
        raise ValidationError(
            "“%(value)s” is not an EDTF date. Write it as 1919, 2017-07, "
            "2017-07-04, 06XX (a century), 2019/2022 (a span), ~1500 "
            "(about), 1919? (uncertain) or 1918-05-28/.. (open end).",
            code="invalid_edtf",
            params={"value": value},
        ) from None
    if lower > upper:
        raise ValidationError(
            "The end of “%(value)s” comes before its start.",
            code="end_before_start",
            params={"value": value},
        )
    return Span(lower, upper)


def validate_edtf(value: str) -> None:
    parse(value)


_CALENDAR_DATE = r"\d{4}(-(0[1-9]|1[0-2])(-\d\d)?)?"
_CALENDAR = re.compile(rf"^{_CALENDAR_DATE}(/{_CALENDAR_DATE})?$")


def is_calendar_date(value: str) -> bool:
    """Whether a date is plain ISO 8601: a day, month or year, or a closed span of them."""
    return bool(_CALENDAR.match(value))


# --- Display ---------------------------------------------------------------

_DATE = re.compile(r"^(?P<year>-?[0-9X]{4})(?:-(?P<month>\d\d))?(?:-(?P<day>\d\d))?$")


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _year(text: str) -> str:
    year = int(text)
    # EDTF counts years astronomically: 0000 is 1 BCE, -0499 is 500 BCE.
    return f"{1 - year} BCE" if year <= 0 else str(year)


def _unspecified_year(year: str) -> str:
    """A century (06XX) or decade (199X), before the common era too (-06XX)."""
    bce = year.startswith("-")
    digits = year.lstrip("-")
    if digits.endswith("XX"):
        hundreds = int(digits[:2])
        # -06XX covers the astronomical years -0699 to -0600: 700 to 601 BCE.
        written = f"{_ordinal(hundreds + 1)} century"
    else:
        # -199X covers 2000 to 1991 BCE, "the 1990s BCE" as people round it.
        written = f"{digits[:3]}0s"
    return f"{written} BCE" if bce else written


def _parts(text: str) -> tuple[str, str]:
    """Split one date into (day-and-month, year) as people write them."""
    text = text.strip("?~%")
    match = _DATE.match(text)
    if not match:
        return "", text
    year, month, day = match["year"], match["month"], match["day"]
    if "X" in year:
        return "", _unspecified_year(year)
    written_year = _year(year)
    if month and int(month) in SEASONS:
        return SEASONS[int(month)], written_year
    if month and not 1 <= int(month) <= 12:
        return "", text  # not a date: shown as typed, the validator says why
    head = ""
    if month:
        head = MONTHS[int(month) - 1]
        if day:
            head = f"{int(day)} {head}"
    return head, written_year


def _single(text: str) -> str:
    approximate = text.startswith("~") or text.endswith(("~", "%"))
    uncertain = text.endswith(("?", "%"))
    head, year = _parts(text)
    written = f"{head} {year}".strip()
    if approximate:
        written = f"c. {written}"
    if uncertain:
        written = f"{written} (?)"
    return written


def _with_article(written: str) -> str:
    """ "the 1990s", "the 19th century" after since/until/from."""
    return (
        f"the {written}"
        if re.match(r"^\d+(s| century)( BCE)?$|^\d+\w\w century( BCE)?$", written)
        else written
    )


def _one_of(value: str) -> str:
    """An EDTF set, "[2017-07-04,2018-07-04]": "4 July 2017 or 2018", "one of" its dates."""
    parts = [_parts(item) for item in value.strip("[]").split(",")]
    heads = {head for head, _ in parts}
    if len(heads) == 1:
        years = [year for _, year in parts]
        joined = ", ".join(years[:-1]) + f" or {years[-1]}" if len(years) > 1 else years[0]
        return f"{heads.pop()} {joined}".strip()
    written = [f"{head} {year}".strip() for head, year in parts]
    return ", ".join(written[:-1]) + f" or {written[-1]}" if len(written) > 1 else written[0]


def humanize(value: str) -> str:
    """An EDTF string as people write it: "July 2017", "7th century", "2019–2022"."""
    if not value:
        return ""
    if value.startswith("[") and value.endswith("]") and ".." not in value:
        return _one_of(value)
    if "/" not in value:
        return _single(value)
    start, end = value.split("/", 1)
    if start in ("", ".."):
        return f"until {_with_article(_single(end))}"
    if end == "..":
        return f"since {_with_article(_single(start))}"
    if end == "":
        return f"from {_with_article(_single(start))}"
    start_head, start_year = _parts(start)
    end_head, end_year = _parts(end)
    plain = not any(mark in value for mark in "?~%")
    if plain and start_year == end_year and start_head and end_head:
        start_day, _, start_month = start_head.partition(" ")
        _, _, end_month = end_head.partition(" ")
        if start_month and start_month == end_month:
            return f"{start_day}–{end_head} {end_year}"
        return f"{start_head} – {end_head} {end_year}"
    if plain and not start_head and not end_head:
        return f"{start_year}–{end_year}"
    return f"{_single(start)} – {_single(end)}"
