import pytest

from history import text
from history.text import contains, find

TEXT = (
    "Azerbaijan’s  foreign \npolicy  strategy is \n\nbased  on  national \ninterests. "
    "Under the ruler of the Ag-\nQoyunlu state, Uzun Hasan, the “political scene” changed."
)


@pytest.mark.parametrize(
    "words",
    [
        "foreign policy strategy",  # across a line break and doubled spaces
        "strategy is based on national interests",  # across a blank line
        "Azerbaijan’s  foreign",
        "Ag-Qoyunlu state",  # hyphenated across a line break
        "Azerbaijan's foreign policy",  # straight apostrophe for a curly one
        'the "political scene" changed',  # straight quotes for curly ones
        "  Uzun Hasan \n",  # the quotation's own spacing does not matter
    ],
)
def test_contains_finds_words_however_the_text_is_laid_out(words):
    assert contains(TEXT, words)


@pytest.mark.parametrize(
    "words",
    [
        "foreign policy doctrine",
        "national interest of Georgia",
        "Qara-Qoyunlu",
        "azerbaijan’s foreign policy",  # case matters: quotations are verbatim
        "foreignpolicy",
    ],
)
def test_contains_rejects_words_not_in_the_text(words):
    assert not contains(TEXT, words)


@pytest.mark.parametrize("words", ["", "   ", "\n\n"])
def test_contains_rejects_empty_words(words):
    assert not contains(TEXT, words)


def test_find_gives_offsets_in_the_original_text():
    start, end = find(TEXT, "foreign policy")

    assert TEXT[start:end] == "foreign \npolicy"


def test_contains_keeps_the_space_after_a_dash_ending_a_line():
    assert contains("Uzun Hasan -\nHasan the Long", "Uzun Hasan - Hasan the Long")


def test_a_source_text_is_normalised_once_for_many_citations():
    source = "The  treaty was\nsigned at Ag-\nQoyunlu. " * 50
    text._normalized_source.cache_clear()
    found = [text.find(source, words) for words in ("treaty was signed", "at Ag-Qoyunlu", "x")]

    assert text._normalized_source.cache_info().misses == 1
    assert [source[start:end] for start, end in found[:2]] == [
        "treaty was\nsigned",
        "at Ag-\nQoyunlu",
    ]
    assert found[2] is None


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        (100, "The treaty of Kars, signed in 1921"),  # short enough: whole
        (34, "The treaty of Kars, signed in 1921"),
        (33, "The treaty of Kars, signed in…"),
        (21, "The treaty of Kars…"),  # no comma left dangling before the ellipsis
        (19, "The treaty of Kars…"),  # the cut falls just after a word
        (18, "The treaty of…"),
    ],
)
def test_shorten_cuts_after_a_whole_word_with_an_ellipsis(limit, expected):
    assert text.shorten("The treaty of Kars, signed in 1921", limit) == expected


def test_shorten_cuts_inside_a_word_longer_than_the_limit():
    assert text.shorten("Transcaucasian federation", 8) == "Transca…"


def test_reflow_keeps_paragraphs_and_the_length():
    pdf = (
        "Azerbaijan, which has a \n\nmillennial tradition.\nThe next \nparagraph."
        "\n\n“A quote” follows."
    )
    flowed = text.reflow(pdf)
    assert len(flowed) == len(pdf)
    assert flowed.split("\n")[0] == "Azerbaijan, which has a   millennial tradition."
    assert "The next  paragraph." in flowed
    assert ".\n\n“A quote”" in flowed


def test_reflow_keeps_list_items_apart_and_joins_a_word_broken_after_its_hyphen():
    pdf = (
        "principles:\n\n- Non-interference in the internal \naffairs;"
        "\n- Completion of the North-\nSouth corridor."
    )
    flowed = text.reflow(pdf)
    assert len(flowed) == len(pdf)
    assert "principles:\n\n- Non-interference in the internal  affairs;\n- Completion" in flowed
    assert "North-\u200bSouth corridor." in flowed
