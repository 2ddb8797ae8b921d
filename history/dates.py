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
from django.utils.translation import get_language, gettext, pgettext, pgettext_lazy
from edtf import EDTFParseException, parse_edtf

from history import grammar

# Sort bounds of an open end (".."): before and after any real date.
EARLIEST = -99_999_999
LATEST = 99_999_999

# Month names twice over: alone ("July 2017"), and after a day or after from, since
# or c. ("4 July 2017", "since July 2017"), which Russian writes in the genitive
# («июль 2017», «4 июля 2017»); English writes both the same. Until takes the
# second too: Russian's «до» governs the genitive («до апреля 1920»).
MONTHS = [
    pgettext_lazy("a month, alone: July 2017", "January"),
    pgettext_lazy("a month, alone: July 2017", "February"),
    pgettext_lazy("a month, alone: July 2017", "March"),
    pgettext_lazy("a month, alone: July 2017", "April"),
    pgettext_lazy("a month, alone: July 2017", "May"),
    pgettext_lazy("a month, alone: July 2017", "June"),
    pgettext_lazy("a month, alone: July 2017", "July"),
    pgettext_lazy("a month, alone: July 2017", "August"),
    pgettext_lazy("a month, alone: July 2017", "September"),
    pgettext_lazy("a month, alone: July 2017", "October"),
    pgettext_lazy("a month, alone: July 2017", "November"),
    pgettext_lazy("a month, alone: July 2017", "December"),
]
MONTHS_AFTER = [
    pgettext_lazy("a month after a day, from, since or c.: since July 2017", "January"),
    pgettext_lazy("a month after a day, from, since or c.: since July 2017", "February"),
    pgettext_lazy("a month after a day, from, since or c.: since July 2017", "March"),
    pgettext_lazy("a month after a day, from, since or c.: since July 2017", "April"),
    pgettext_lazy("a month after a day, from, since or c.: since July 2017", "May"),
    pgettext_lazy("a month after a day, from, since or c.: since July 2017", "June"),
    pgettext_lazy("a month after a day, from, since or c.: since July 2017", "July"),
    pgettext_lazy("a month after a day, from, since or c.: since July 2017", "August"),
    pgettext_lazy("a month after a day, from, since or c.: since July 2017", "September"),
    pgettext_lazy("a month after a day, from, since or c.: since July 2017", "October"),
    pgettext_lazy("a month after a day, from, since or c.: since July 2017", "November"),
    pgettext_lazy("a month after a day, from, since or c.: since July 2017", "December"),
]
SEASONS = {
    21: pgettext_lazy("a season: Spring 2017", "Spring"),
    22: pgettext_lazy("a season: Summer 2017", "Summer"),
    23: pgettext_lazy("a season: Autumn 2017", "Autumn"),
    24: pgettext_lazy("a season: Winter 2017", "Winter"),
}
# Russian: the genitive after from, since, c. or until («до весны 2017»).
SEASONS_AFTER = {
    21: pgettext_lazy("a season after from, since or c.: since Spring 2017", "Spring"),
    22: pgettext_lazy("a season after from, since or c.: since Spring 2017", "Summer"),
    23: pgettext_lazy("a season after from, since or c.: since Spring 2017", "Autumn"),
    24: pgettext_lazy("a season after from, since or c.: since Spring 2017", "Winter"),
}
SEASONS_UNTIL = {
    21: pgettext_lazy("a season after until: until Spring 2017", "Spring"),
    22: pgettext_lazy("a season after until: until Spring 2017", "Summer"),
    23: pgettext_lazy("a season after until: until Spring 2017", "Autumn"),
    24: pgettext_lazy("a season after until: until Spring 2017", "Winter"),
}


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
            gettext(
                "“%(value)s” is not an EDTF date. Write it as 1919, 2017-07, "
                "2017-07-04, 06XX (a century), 2019/2022 (a span), ~1500 "
                "(about), 1919? (uncertain) or 1918-05-28/.. (open end)."
            ),
            code="invalid_edtf",
            params={"value": value},
        ) from None
    if lower > upper:
        raise ValidationError(
            gettext("The end of “%(value)s” comes before its start."),
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
#
# Every word is marked for translation, and so is each way the parts are put
# together ("%(day)d %(month)s", "until %(date)s"), so that a language can order
# them its own way. What English writes the same in several places is told apart
# by a context, for languages that do not: a decade or century after "since",
# "until" or "from" (English adds "the"), and a word after a day, from, since,
# until or c.
#
# There Russian puts a month, a season, a century or a decade in another case, so
# each has a context for where it stands: alone (also in a span), after a day, from,
# since or c. (the genitive: «4 июля 2017», «ок. XX века»), or after until (the
# accusative: «по весну 2017»). Azerbaijani adds a suffix to the date's last word
# instead, which depends on that word ("1936-dan", "2017-dən", "XX əsrdən"):
# history.grammar writes it, and the Azerbaijani patterns hold the rest ("%(date)s bəri").

# Where a date stands: alone, after from, since or c., or after until.
ALONE, FROM, UNTIL = "alone", "from", "until"

_DATE = re.compile(r"^(?P<year>-?[0-9X]{4})(?:-(?P<month>\d\d))?(?:-(?P<day>\d\d))?$")

ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number: int) -> str:
    """7 as VII: centuries as Azerbaijani and Russian write them ("XX əsr", "XX век")."""
    written = ""
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        written += letters * count
    return written


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def written_year(year: int) -> str:
    """An astronomical year as historians write it: 0 is 1 BCE, -499 is 500 BCE."""
    if year <= 0:
        return pgettext("a year before the common era", "%(year)d BCE") % {"year": 1 - year}
    return str(year)


def _year(text: str) -> str:
    # EDTF counts years astronomically: 0000 is 1 BCE, -0499 is 500 BCE.
    return written_year(int(text))


def _unspecified_year(year: str, case: str = ALONE) -> str:
    """A century (06XX) or decade (199X), before the common era too (-06XX)."""
    bce = year.startswith("-")
    digits = year.lstrip("-")
    if digits.endswith("XX"):
        # -06XX covers the astronomical years -0699 to -0600: 700 to 601 BCE.
        number = int(digits[:2]) + 1
        # Translators: how your language numbers a century: "ordinal" (7th century) or
        # "roman" (VII век, VII əsr). Write one of these two words, untranslated.
        numbering = pgettext("how a century is numbered: ordinal or roman", "ordinal")
        numeral = roman(number) if numbering == "roman" else _ordinal(number)
        if case in (FROM, UNTIL):
            pattern = pgettext(
                "a century after from, since or c.: since the 7th century", "%(numeral)s century"
            )
        else:
            # Translators: %(numeral)s is "7th", or "VII" where centuries are numbered in
            # Roman numerals (see "ordinal" above). (A .po file cannot leave out a name the
            # English uses, so the numeral is chosen before the pattern is filled.)
            pattern = pgettext("a century", "%(numeral)s century")
        written = pattern % {"numeral": numeral}
        if bce:
            return pgettext("a century before the common era", "%(century)s BCE") % {
                "century": written
            }
        return written
    # -199X covers 2000 to 1991 BCE, "the 1990s BCE" as people round it.
    decade = int(f"{digits[:3]}0")
    if case in (FROM, UNTIL):
        pattern = pgettext("a decade after from, since or c.: since the 1990s", "%(decade)ss")
    else:
        # Translators: a decade, "1990s": %(decade)s is 1990 (in Azerbaijani, its ordinal).
        pattern = pgettext("a decade", "%(decade)ss")
    # Azerbaijani writes a decade with an ordinal (1990th years).
    numeral = grammar.ordinal(decade) if get_language() == "az" else str(decade)
    written = pattern % {"decade": numeral}
    if bce:
        return pgettext("a decade before the common era", "%(decade)s BCE") % {"decade": written}
    return written


@dataclass(frozen=True)
class _Parts:
    """One date's parts as written: a day, a month (or season) and a year."""

    day: int | None
    month: str  # the month's name, or a season's, or ""
    month_after_day: str  # the month's name after a day
    year: str  # the year as written: "1919", "500 BCE", "7th century", "1990s"

    @property
    def head(self):
        """The day and month: "4 July", "July", "Spring" or ""."""
        if self.day:
            return pgettext("a day and a month: 4 July", "%(day)d %(month)s") % {
                "day": self.day,
                "month": self.month_after_day,
            }
        return self.month


def _parts(text: str, case: str = ALONE) -> _Parts:
    """Split one date into its day, month and year, as people write them where the
    date stands (case)."""
    text = text.strip("?~%")
    match = _DATE.match(text)
    if not match:
        return _Parts(None, "", "", text)
    year, month, day = match["year"], match["month"], match["day"]
    if "X" in year:
        return _Parts(None, "", "", _unspecified_year(year, case))
    written_year = _year(year)
    if month and int(month) in SEASONS:
        seasons = {ALONE: SEASONS, FROM: SEASONS_AFTER, UNTIL: SEASONS_UNTIL}[case]
        return _Parts(None, str(seasons[int(month)]), "", written_year)
    if month and not 1 <= int(month) <= 12:
        return _Parts(None, "", "", text)  # not a date: shown as typed, the validator says why
    if not month:
        return _Parts(None, "", "", written_year)
    index = int(month) - 1
    name = MONTHS_AFTER[index] if case in (FROM, UNTIL) else MONTHS[index]
    return _Parts(int(day) if day else None, str(name), str(MONTHS_AFTER[index]), written_year)


def _joined(head: str, year: str) -> str:
    """A day and month, or a month, with its year: "4 July 2017", "July 2017"."""
    if not head:
        return year
    return pgettext(
        "a day and month, or a month, and a year: 4 July 2017", "%(head)s %(year)s"
    ) % {
        "head": head,
        "year": year,
    }


def _approximate(text: str) -> bool:
    return text.startswith("~") or text.endswith(("~", "%"))


def _single(text: str, case: str = ALONE) -> str:
    """One date where it stands (case); after from, since or until, without its "c.",
    which the open end's own pattern says."""
    uncertain = text.endswith(("?", "%"))
    approximate = case == ALONE and _approximate(text)
    # Russian's «ок.» takes the genitive, as from and since do: «ок. июля 1919».
    parts = _parts(text, FROM if approximate else case)
    written = _joined(parts.head, parts.year)
    if approximate:
        written = pgettext("an approximate date: c. 1919", "c. %(date)s") % {"date": written}
    if case != ALONE:  # Azerbaijani's case suffix, before "(?)": "1919-dan (?) bəri"
        suffix = grammar.ablative if case == FROM else grammar.terminative
        written = grammar.suffixed(written, suffix)
    if uncertain:
        written = pgettext("an uncertain date: 1919 (?)", "%(date)s (?)") % {"date": written}
    return written


def _with_article(written: str, text: str) -> str:
    """ "the 1990s", "the 19th century" after since/until/from."""
    match = _DATE.match(text)
    if match and "X" in match["year"]:  # a decade or century, neither uncertain nor approximate
        # Translators: a decade or century after "since", "until" or "from":
        # English says "since the 1990s"; a language without articles keeps the date.
        return pgettext("a decade or century after since, until or from", "the %(date)s") % {
            "date": written
        }
    return written


# The patterns of an open end, for a date and for an approximate one, whose "c." Russian
# says before the preposition: «примерно по 1920».
UNTIL_PATTERNS = (
    pgettext_lazy("a date open at its start: until April 1920", "until %(date)s"),
    pgettext_lazy("an approximate date open at its start: until c. 1920", "until c. %(date)s"),
)
SINCE_PATTERNS = (
    pgettext_lazy("a date open at its end: since 2011", "since %(date)s"),
    pgettext_lazy("an approximate date open at its end: since c. 1919", "since c. %(date)s"),
)
FROM_PATTERNS = (
    pgettext_lazy("a date whose end is not given: from 28 May 1918", "from %(date)s"),
    pgettext_lazy("an approximate date whose end is not given: from c. 1918", "from c. %(date)s"),
)


def _open_end(patterns: tuple, text: str, case: str) -> str:
    """ "since 2011", "until c. 1920": a date open at one end; text is the end known."""
    pattern = patterns[_approximate(text)]
    return str(pattern) % {"date": _with_article(_single(text, case), text)}


def _one_of(value: str) -> str:
    """An EDTF set, "[2017-07-04,2018-07-04]": "4 July 2017 or 2018", "one of" its dates."""
    parts = [_parts(item) for item in value.strip("[]").split(",")]
    heads = {part.head for part in parts}
    if len(heads) == 1:
        return _joined(heads.pop(), _either([part.year for part in parts]))
    return _either([_joined(part.head, part.year) for part in parts])


def _either(written: list[str]) -> str:
    """ "2017, 2018 or 2019": one of several dates."""
    if len(written) == 1:
        return written[0]
    return pgettext("one of several dates: 2017, 2018 or 2019", "%(dates)s or %(last)s") % {
        "dates": ", ".join(written[:-1]),
        "last": written[-1],
    }


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
        return _open_end(UNTIL_PATTERNS, end, UNTIL)
    if end in ("..", ""):
        return _open_end(SINCE_PATTERNS if end == ".." else FROM_PATTERNS, start, FROM)
    start_parts, end_parts = _parts(start), _parts(end)
    plain = not any(mark in value for mark in "?~%")
    same_month = start_parts.day and end_parts.day and start_parts.month == end_parts.month
    if plain and start_parts.year == end_parts.year and same_month:
        return pgettext("days of one month: 13–18 September 2016", "%(first)d–%(last)s") % {
            "first": start_parts.day,
            "last": _joined(end_parts.head, end_parts.year),
        }
    if plain and start_parts.year == end_parts.year and start_parts.head and end_parts.head:
        return _span(start_parts.head, _joined(end_parts.head, end_parts.year))
    if plain and not start_parts.head and not end_parts.head:
        return f"{start_parts.year}–{end_parts.year}"
    return _span(_single(start), _single(end))


def _span(start: str, end: str) -> str:
    """ "13 September – 2 October 2016", "c. 1919 – 1920 (?)": a span between two dates."""
    return pgettext(
        "a span between two dates: 13 September – 2 October 2016", "%(start)s – %(end)s"
    ) % {
        "start": start,
        "end": end,
    }
