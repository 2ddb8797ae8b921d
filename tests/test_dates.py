import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from history import dates
from history.dates import EARLIEST, LATEST, Span, bound


@pytest.mark.parametrize(
    ("value", "lower", "upper"),
    [
        ("2017-07-04", bound(2017, 7, 4), bound(2017, 7, 4)),
        ("2017-07", bound(2017, 7, 1), bound(2017, 7, 31)),
        ("2016-02", bound(2016, 2, 1), bound(2016, 2, 29)),
        ("1919", bound(1919, 1, 1), bound(1919, 12, 31)),
        ("06XX", bound(600, 1, 1), bound(699, 12, 31)),
        ("199X", bound(1990, 1, 1), bound(1999, 12, 31)),
        ("2019/2022", bound(2019, 1, 1), bound(2022, 12, 31)),
        ("2016-09-13/2016-09-18", bound(2016, 9, 13), bound(2016, 9, 18)),
        ("../1920-04", EARLIEST, bound(1920, 4, 30)),
        ("2011/..", bound(2011, 1, 1), LATEST),
        ("199X/..", bound(1990, 1, 1), LATEST),
        ("~1919", bound(1919, 1, 1), bound(1919, 12, 31)),
        ("1919?", bound(1919, 1, 1), bound(1919, 12, 31)),
        ("-0499", bound(-499, 1, 1), bound(-499, 12, 31)),
    ],
)
def test_parse_gives_earliest_and_latest_day(value, lower, upper):
    assert dates.parse(value) == Span(lower, upper)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("", ""),
        ("2017-07-04", "4 July 2017"),
        ("2017-07", "July 2017"),
        ("1919", "1919"),
        ("06XX", "7th century"),
        ("19XX", "20th century"),
        ("199X", "1990s"),
        ("2019/2022", "2019–2022"),
        ("2016-09-13/2016-09-18", "13–18 September 2016"),
        ("2016-09-13/2016-10-02", "13 September – 2 October 2016"),
        ("../1920-04", "until April 1920"),
        ("2011/..", "since 2011"),
        ("199X/..", "since the 1990s"),
        ("-06XX/..", "since the 7th century BCE"),
        ("~1919", "c. 1919"),
        ("1919?", "1919 (?)"),
        ("[2017-07-04,2018-07-04,2019-07-04]", "4 July 2017, 2018 or 2019"),
        ("[2016-09,2017-09,2018-09]", "September 2016, 2017 or 2018"),
        ("[1919,1920-04]", "1919 or April 1920"),
        ("-0499", "500 BCE"),
        ("0000", "1 BCE"),
    ],
)
def test_humanize_writes_dates_as_people_do(value, written):
    assert dates.humanize(value) == written


@pytest.mark.parametrize(
    ("value", "written"),
    [("-06XX", "7th century BCE"), ("-00XX", "1st century BCE"), ("06XX", "7th century")],
)
def test_humanize_writes_bce_centuries(value, written):
    assert dates.humanize(value) == written


def test_bce_bounds_sort_before_ce_and_in_order():
    values = ["1919", "-0499", "0001", "-0500", "0000", "-0499-12-31", "06XX"]
    spans = {value: dates.parse(value) for value in values}

    by_lower = sorted(values, key=lambda value: spans[value].lower)

    assert by_lower == ["-0500", "-0499", "-0499-12-31", "0000", "0001", "06XX", "1919"]
    assert spans["-0500"].upper < spans["-0499"].lower
    assert spans["-0499"].upper < spans["0000"].lower
    assert dates.year_of(spans["-0499"].lower) == -499
    assert dates.year_of(spans["-0499"].upper) == -499


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "“abc” is not an EDTF date."),
        ("2017-13", "“2017-13” is not an EDTF date."),
        ("2017-02-30", "“2017-02-30” is not an EDTF date."),
        ("../..", "“../..” is not an EDTF date."),
        ("2022/2019", "The end of “2022/2019” comes before its start."),
    ],
)
def test_parse_rejects_what_is_not_a_date(value, message):
    with pytest.raises(ValidationError) as error:
        dates.parse(value)

    assert message in error.value.messages[0]


def test_invalid_date_message_shows_how_to_write_one():
    with pytest.raises(ValidationError) as error:
        dates.validate_edtf("abc")

    assert error.value.code == "invalid_edtf"
    assert "2017-07" in error.value.messages[0]


# --- In Russian and Azerbaijani ---------------------------------------------------------
#
# Each date as the three languages write it: Russian puts a month, season, century or
# decade in the genitive after since, from and «ок.», in the accusative after «по»;
# Azerbaijani adds a suffix to the date's last word. Read from locale/*/django.mo.


@pytest.mark.parametrize(
    ("value", "en", "ru", "az"),
    [
        # One date, of each precision.
        ("2017-07-04", "4 July 2017", "4 июля 2017", "4 iyul 2017"),
        ("2017-07", "July 2017", "июль 2017", "iyul 2017"),
        ("2017-21", "Spring 2017", "весна 2017", "yaz 2017"),
        ("1919", "1919", "1919", "1919"),
        ("199X", "1990s", "1990-е", "1990-cı illər"),
        ("193X", "1930s", "1930-е", "1930-cu illər"),
        ("19XX", "20th century", "XX век", "XX əsr"),
        ("-06XX", "7th century BCE", "VII век до н. э.", "e.ə. VII əsr"),
        ("-0499", "500 BCE", "500 до н. э.", "e.ə. 500"),
        # Approximate («ок.» takes the genitive) and uncertain.
        ("~1919", "c. 1919", "ок. 1919", "təqr. 1919"),
        ("~2017-07", "c. July 2017", "ок. июля 2017", "təqr. iyul 2017"),
        ("~2017-21", "c. Spring 2017", "ок. весны 2017", "təqr. yaz 2017"),
        ("~199X", "c. 1990s", "ок. 1990-х", "təqr. 1990-cı illər"),
        ("~19XX", "c. 20th century", "ок. XX века", "təqr. XX əsr"),
        ("1919?", "1919 (?)", "1919 (?)", "1919 (?)"),
        ("2017-07?", "July 2017 (?)", "июль 2017 (?)", "iyul 2017 (?)"),
        # Spans: each end as it stands alone.
        (
            "1918-05/1920-04",
            "May 1918 – April 1920",
            "май 1918 – апрель 1920",
            "may 1918 – aprel 1920",
        ),
        (
            "2016-09-13/2016-09-18",
            "13–18 September 2016",
            "13–18 сентября 2016",
            "13–18 sentyabr 2016",
        ),
        (
            "2016-09-13/2016-10-02",
            "13 September – 2 October 2016",
            "13 сентября – 2 октября 2016",
            "13 sentyabr – 2 oktyabr 2016",
        ),
        (
            "2017-07-04/2017-08",
            "4 July – August 2017",
            "4 июля – август 2017",
            "4 iyul – avqust 2017",
        ),
        ("1918-05-28/1920", "28 May 1918 – 1920", "28 мая 1918 – 1920", "28 may 1918 – 1920"),
        (
            "2017-21/2018-23",
            "Spring 2017 – Autumn 2018",
            "весна 2017 – осень 2018",
            "yaz 2017 – payız 2018",
        ),
        ("1919/199X", "1919–1990s", "1919–1990-е", "1919–1990-cı illər"),
        ("199X/20XX", "1990s–21st century", "1990-е–XXI век", "1990-cı illər–XXI əsr"),
        ("-0499/-0400", "500 BCE–401 BCE", "500 до н. э.–401 до н. э.", "e.ə. 500–e.ə. 401"),
        (
            "~1919/1920-04?",
            "c. 1919 – April 1920 (?)",
            "ок. 1919 – апрель 1920 (?)",
            "təqr. 1919 – aprel 1920 (?)",
        ),
        # Open ends: the genitive after since, the accusative after «по»; -dan/-dən, -dək.
        ("2017/..", "since 2017", "с 2017", "2017-dən bəri"),
        ("../2017", "until 2017", "до 2017", "2017-dək"),
        ("1936/..", "since 1936", "с 1936", "1936-dan bəri"),
        ("1990/..", "since 1990", "с 1990", "1990-dan bəri"),
        ("2010/..", "since 2010", "с 2010", "2010-dan bəri"),
        ("1920/..", "since 1920", "с 1920", "1920-dən bəri"),
        ("2017-07-04/..", "since 4 July 2017", "с 4 июля 2017", "4 iyul 2017-dən bəri"),
        ("../2017-07-04", "until 4 July 2017", "до 4 июля 2017", "4 iyul 2017-dək"),
        ("2017-07/..", "since July 2017", "с июля 2017", "iyul 2017-dən bəri"),
        ("../1920-04", "until April 1920", "до апреля 1920", "aprel 1920-dək"),
        ("2017-24/..", "since Winter 2017", "с зимы 2017", "qış 2017-dən bəri"),
        ("../2017-21", "until Spring 2017", "до весны 2017", "yaz 2017-dək"),
        ("199X/..", "since the 1990s", "с 1990-х", "1990-cı illərdən bəri"),
        ("../199X", "until the 1990s", "до 1990-х", "1990-cı illərədək"),
        ("19XX/..", "since the 20th century", "с XX века", "XX əsrdən bəri"),
        ("../19XX", "until the 20th century", "до XX века", "XX əsrədək"),
        ("-06XX/..", "since the 7th century BCE", "с VII века до н. э.", "e.ə. VII əsrdən bəri"),
        ("-0499/..", "since 500 BCE", "с 500 до н. э.", "e.ə. 500-dən bəri"),
        ("1918-05-28/", "from 28 May 1918", "с 28 мая 1918", "28 may 1918-dən"),
        # An approximate open end: Russian's "c." comes before the preposition.
        ("~1919/..", "since c. 1919", "примерно с 1919", "təqr. 1919-dan bəri"),
        ("../~1920-07", "until c. July 1920", "примерно до июля 1920", "təqr. iyul 1920-dək"),
        ("~1918-05/", "from c. May 1918", "примерно с мая 1918", "təqr. may 1918-dən"),
        ("~19XX/..", "since c. 20th century", "примерно с XX века", "təqr. XX əsrdən bəri"),
        # An uncertain one: the suffix before the "(?)".
        ("1919?/..", "since 1919 (?)", "с 1919 (?)", "1919-dan (?) bəri"),
        # One of several dates.
        (
            "[2017-07-04,2018-07-04]",
            "4 July 2017 or 2018",
            "4 июля 2017 или 2018",
            "4 iyul 2017 və ya 2018",
        ),
    ],
)
def test_humanize_writes_each_language_s_grammar(value, en, ru, az):
    written = {}
    for language in ("en", "ru", "az"):
        with override(language):
            written[language] = dates.humanize(value)

    assert written == {"en": en, "ru": ru, "az": az}
