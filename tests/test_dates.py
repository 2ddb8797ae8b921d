import pytest
from django.core.exceptions import ValidationError

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
