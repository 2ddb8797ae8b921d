"""Azerbaijani suffixes after numbers and words (history.grammar), and where the site
uses them: a figure's amount, and the dates of the citation box."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils.translation import override

from diplomacy.models import Figure
from history import grammar

# A number's suffix follows its last word said aloud, the second column.
NUMBERS = [
    # (number, its last word, its ordinal, its ablative)
    (0, "sıfır", "0-cı", "0-dan"),
    (1, "bir", "1-ci", "1-dən"),
    (2, "iki", "2-ci", "2-dən"),
    (3, "üç", "3-cü", "3-dən"),
    (4, "dörd", "4-cü", "4-dən"),
    (5, "beş", "5-ci", "5-dən"),
    (6, "altı", "6-cı", "6-dan"),
    (7, "yeddi", "7-ci", "7-dən"),
    (8, "səkkiz", "8-ci", "8-dən"),
    (9, "doqquz", "9-cu", "9-dan"),
    (10, "on", "10-cu", "10-dan"),
    (20, "iyirmi", "20-ci", "20-dən"),
    (30, "otuz", "30-cu", "30-dan"),
    (40, "qırx", "40-cı", "40-dan"),
    (50, "əlli", "50-ci", "50-dən"),
    (60, "altmış", "60-cı", "60-dan"),
    (70, "yetmiş", "70-ci", "70-dən"),
    (80, "səksən", "80-ci", "80-dən"),
    (90, "doxsan", "90-cı", "90-dan"),
    (100, "yüz", "100-cü", "100-dən"),
    (1000, "min", "1000-ci", "1000-dən"),
    (1_000_000, "milyon", "1000000-cu", "1000000-dan"),
    (1918, "səkkiz", "1918-ci", "1918-dən"),
    (1919, "doqquz", "1919-cu", "1919-dan"),
    (1920, "iyirmi", "1920-ci", "1920-dən"),
    (1936, "altı", "1936-cı", "1936-dan"),
    (1990, "doxsan", "1990-cı", "1990-dan"),
    (1991, "bir", "1991-ci", "1991-dən"),
    (1993, "üç", "1993-cü", "1993-dən"),
    (1900, "yüz", "1900-cü", "1900-dən"),
    (2000, "min", "2000-ci", "2000-dən"),
    (2010, "on", "2010-cu", "2010-dan"),
    (2017, "yeddi", "2017-ci", "2017-dən"),
]


@pytest.mark.parametrize(("number", "word", "ordinal", "ablative"), NUMBERS)
def test_a_number_takes_the_suffix_of_its_last_word(number, word, ordinal, ablative):
    assert grammar.number_word(number) == word
    assert grammar.ordinal(number) == ordinal
    assert grammar.ablative(str(number)) == ablative


@pytest.mark.parametrize(
    ("text", "ablative", "dative", "terminative"),
    [
        ("1920", "1920-dən", "1920-yə", "1920-dək"),  # iyirmi: y after a vowel
        ("1930", "1930-dan", "1930-a", "1930-dək"),  # -dək has one form
        ("80", "80-dən", "80-ə", "80-dək"),
        ("6", "6-dan", "6-ya", "6-dək"),
        # Grouped and decimal numbers, as floatformat writes them in Azerbaijani.
        ("1\xa0500", "1\xa0500-dən", "1\xa0500-ə", "1\xa0500-dək"),  # ... beş yüz
        ("2\xa0000", "2\xa0000-dən", "2\xa0000-ə", "2\xa0000-dək"),  # iki min
        ("12,50", "12,50-dən", "12,50-yə", "12,50-dək"),  # ... yüzdə əlli
        # Words: vowel harmony, and -dək after the dative.
        ("XX əsr", "XX əsrdən", "XX əsrə", "XX əsrədək"),
        ("1990-cı illər", "1990-cı illərdən", "1990-cı illərə", "1990-cı illərədək"),
        ("iyul 2017", "iyul 2017-dən", "iyul 2017-yə", "iyul 2017-dək"),
        ("e.ə. 500", "e.ə. 500-dən", "e.ə. 500-ə", "e.ə. 500-dək"),
    ],
)
def test_case_suffixes(text, ablative, dative, terminative):
    assert grammar.ablative(text) == ablative
    assert grammar.dative(text) == dative
    assert grammar.terminative(text) == terminative


def test_suffixes_are_written_in_azerbaijani_only():
    written = {}
    for language in ("en", "ru", "az"):
        with override(language):
            written[language] = grammar.suffixed("1936", grammar.ablative)

    assert written == {"en": "1936", "ru": "1936", "az": "1936-dan"}


@pytest.mark.parametrize(
    ("value", "qualifier", "en", "ru", "az"),
    [
        (
            "80",
            "more-than",
            "more than 80 embassies",
            "более 80 embassies",
            "80-dən çox embassies",
        ),
        (
            "36",
            "more-than",
            "more than 36 embassies",
            "более 36 embassies",
            "36-dan çox embassies",
        ),
        (
            "1500",
            "almost",
            "almost 1,500 embassies",
            "почти 1\xa0500 embassies",
            "1\xa0500-ə yaxın embassies",
        ),
        ("20", "almost", "almost 20 embassies", "почти 20 embassies", "20-yə yaxın embassies"),
        ("16", "", "16 embassies", "16 embassies", "16 embassies"),
    ],
)
def test_a_figure_s_amount_in_each_language(value, qualifier, en, ru, az):
    """The unit is the editors' text, left as it is."""
    figure = Figure(value=Decimal(value), qualifier=qualifier, unit="embassies")
    written = {}
    for language in ("en", "ru", "az"):
        with override(language):
            written[language] = figure.amount

    assert written == {"en": en, "ru": ru, "az": az}


@pytest.mark.parametrize(
    ("language", "chicago", "mla", "changed"),
    [
        ("en", "Last modified July 4, 2017.", "4 Jul. 2017", "Last changed 4 July 2017."),
        (
            "ru",
            "Последнее изменение: 4 июля 2017.",
            "4 Jul. 2017",
            "Последнее изменение: 4 июля 2017.",
        ),
        ("az", "Son dəyişiklik: 04.07.2017.", "4 Jul. 2017", "Son dəyişiklik: 4 iyul 2017."),
    ],
)
def test_the_citation_box_writes_its_dates_in_the_reader_s_language(
    language, chicago, mla, changed
):
    """MLA's date is the English style's own; the translated sentences' dates are the
    reader's: Russian's month in the genitive, Azerbaijani's in digits (Django writes
    its month names capitalised, "İyul", where Azerbaijani writes "iyul")."""
    updated_at = datetime.datetime(2017, 7, 4, 12, tzinfo=datetime.UTC)
    context = {"object": SimpleNamespace(updated_at=updated_at), "title": "T", "site_name": "S"}
    with override(language):
        html = render_to_string("includes/record_aside.html", {**context, "url": "U"})

    assert f"<cite>S</cite>. {chicago} U.</dd>" in html
    assert f"<cite>S</cite>, {mla}, U.</dd>" in html
    assert f'<p class="reviewed">{changed}</p>' in html
