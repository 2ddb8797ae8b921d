"""Every word a reader sees or hears on a public page is marked for translation.

The public templates are read with Django's own template lexer; what lies outside
{% translate %} and {% blocktranslate %} (and outside comments) is parsed as HTML,
and any text, or any attribute a reader meets (title, alt, aria-label, placeholder,
a meta description's content), that holds a letter is an unmarked string: the test
names its file, its line and the string. The few words that are the same in every
language are listed in ALLOWED, each with its reason.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

TEMPLATES = Path(settings.BASE_DIR) / "templates"

# Not the public site's: the admin's templates and the API's documentation page
# (their strings are marked in a later step, with the admin and the API).
NOT_PUBLIC = ("admin", "drf_spectacular")

# Templates that are not text for readers.
NOT_WORDS = {
    # The robots exclusion protocol's own keywords (User-agent, Disallow, Sitemap).
    "robots.txt": "protocol keywords, read by crawlers only",
}

# Strings left as they are in every language, and why.
ALLOWED = {
    # Citation styles are named by their own names in every language.
    "Chicago": "the name of a citation style (The Chicago Manual of Style)",
    "MLA": "the name of a citation style (Modern Language Association)",
    # OpenSearch's <InputEncoding>: a character set's registered name, not a word.
    "UTF-8": "the name of a character encoding (opensearch.xml)",
}

# The attributes whose values a reader sees or a screen reader speaks.
SPOKEN_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder"}

# Elements whose contents are not text for readers.
NOT_TEXT = {"script", "style"}

LETTER = re.compile(r"[^\W\d_]")

# The tags inside which text is marked already; each with its end tag.
MARKED_BLOCKS = {
    "blocktranslate": "endblocktranslate",
    "blocktrans": "endblocktrans",
    "comment": "endcomment",
}


def public_templates():
    for path in sorted(TEMPLATES.rglob("*")):
        relative = path.relative_to(TEMPLATES)
        if not path.is_file() or relative.parts[0] in NOT_PUBLIC:
            continue
        if path.suffix in (".html", ".xml", ".txt") and str(relative) not in NOT_WORDS:
            yield path


def unmarked_source(source):
    """The template's source with everything but its plain text blanked out.

    Every tag, variable and comment, and whatever stands between {% blocktranslate %}
    (or {% comment %}) and its end, is replaced by its own line breaks only: what is
    left is the template's literal text, on the lines it was written on. A variable
    or a {% translate %} stands for nothing, so "{{ count }} active" leaves " active".
    """
    kept = []
    closing = None  # the end tag of the marked block we are in
    for token in Lexer(source).tokenize():
        blank = "\n" * token.contents.count("\n")
        if closing:
            if token.token_type == TokenType.BLOCK and token.contents.split()[0] == closing:
                closing = None
            kept.append(blank)
            continue
        if token.token_type == TokenType.TEXT:
            kept.append(token.contents)
        else:
            if token.token_type == TokenType.BLOCK:
                name = token.contents.split()[0]
                if name in MARKED_BLOCKS:
                    closing = MARKED_BLOCKS[name]
            kept.append(blank)
    return "".join(kept)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []  # (line, string)
        self.skipping = []

    def _add(self, text):
        text = " ".join(text.split())
        if LETTER.search(text) and text not in ALLOWED:
            self.found.append((self.getpos()[0], text))

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name in SPOKEN_ATTRIBUTES and value:
                self._add(value)
        if tag == "meta" and attributes.get("name") == "description":
            self._add(attributes.get("content") or "")
        if tag in NOT_TEXT:
            self.skipping.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in NOT_TEXT:
            self.skipping.pop()

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self._add(data)


def unmarked_strings(source):
    """[(line, string)] of the text and spoken attributes not marked for translation."""
    collector = _Collector()
    collector.feed(unmarked_source(source))
    collector.close()
    return collector.found


def test_public_templates_are_found():
    names = {str(path.relative_to(TEMPLATES)) for path in public_templates()}
    assert {"base.html", "home.html", "diplomacy/map.html", "includes/cite.html"} <= names
    assert not any(name.startswith(NOT_PUBLIC) for name in names)


@pytest.mark.parametrize(
    "path", list(public_templates()), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_every_string_of_a_public_template_is_marked(path):
    found = unmarked_strings(path.read_text(encoding="utf-8"))
    relative = path.relative_to(TEMPLATES)
    assert not found, "Not marked for translation:\n" + "\n".join(
        f"  templates/{relative}:{line}: {text!r}" for line, text in found
    )


# --- The checker itself --------------------------------------------------------------


def test_checker_finds_an_unmarked_word():
    source = '{% load i18n %}<p>{% translate "Marked" %}</p>\n<h2>Unmarked</h2>'
    assert unmarked_strings(source) == [(2, "Unmarked")]


def test_checker_finds_unmarked_attributes():
    source = (
        '<img alt="A map" src="x.png">\n'
        '<a title="Go there" aria-label="{{ label }}" href="/">x</a>\n'
        '<input placeholder="Type">\n'
        '<meta name="description" content="About the site">\n'
        '<meta name="DC.type" content="Text">'
    )
    assert unmarked_strings(source) == [
        (1, "A map"),
        (2, "Go there"),
        (2, "x"),
        (3, "Type"),
        (4, "About the site"),
    ]


def test_checker_reads_text_around_tags_and_variables():
    source = (
        "{% if n %}<span>{{ n }} active</span>{% endif %}\n{# a comment #}\n<p>{{ x }}: · ×</p>"
    )
    assert unmarked_strings(source) == [(1, "active")]


def test_checker_leaves_marked_text_alone():
    source = (
        "{% load i18n %}\n"
        "<p>{% blocktranslate trimmed with name=x %}\n  Hello {{ name }},\n  there"
        "{% endblocktranslate %}</p>\n"
        '<a title="{% translate "Marked" %}" href="/">{% translate "Text" %}</a>\n'
        "{% comment %}Words for editors{% endcomment %}\n"
        "<script>const words = 'not for readers';</script>\n"
        "<dt>Chicago</dt>\n"
        "<p>Unmarked after all that</p>"
    )
    assert unmarked_strings(source) == [(9, "Unmarked after all that")]


def test_checker_counts_lines_across_marked_blocks():
    source = (
        "{% load i18n %}{% blocktranslate %}One\nTwo\nThree{% endblocktranslate %}\n<p>Four</p>"
    )
    assert unmarked_strings(source) == [(4, "Four")]


# --- Strings from Python ---------------------------------------------------------------


def test_every_list_page_has_a_section_name_marked_for_translation():
    """The navigation names its list pages from history.pages.SECTION_NAMES, which
    is marked for translation; a new model's list page must be named there too."""
    from history.models import public_models
    from history.pages import SECTION_NAMES, has_page

    listed = {model._meta.label_lower for model in public_models() if has_page(model, "list")}
    assert listed <= set(SECTION_NAMES)


def test_centuries_can_be_written_in_roman_numerals():
    """Azerbaijani and Russian write a century as "XX əsr", "XX век": the century's
    pattern is given its Roman numeral as well as the English ordinal."""
    from history.dates import roman

    assert [roman(n) for n in (1, 4, 7, 9, 14, 19, 20, 21)] == [
        "I",
        "IV",
        "VII",
        "IX",
        "XIV",
        "XIX",
        "XX",
        "XXI",
    ]


def test_the_picker_s_words_are_in_the_page():
    """static/js/picker.js reads its words from the picker's data attributes: the
    count of suggestions in the forms for 1, 2 and 5 (Russian's one, few and many)."""
    import json

    from history.filters import picker_words

    words = picker_words()
    assert json.loads(words["data-suggestions-count"]) == {
        "1": "%(count)s suggestion",
        "2": "%(count)s suggestions",
        "5": "%(count)s suggestions",
    }
    assert words["data-suggestions-label"] == "%(label)s: suggestions"
    assert words["data-no-matches"] == "No matches"
