"""Every word a reader sees or hears on a public page is marked for translation.

The public templates are read with Django's own template lexer; what lies outside
{% translate %} and {% blocktranslate %} (and outside comments) is parsed as HTML,
and any text, or any attribute a reader meets (title, alt, aria-label, placeholder,
a meta description's content), that holds a letter is an unmarked string: the test
names its file, its line and the string. The few words that are the same in every
language are listed in ALLOWED, each with its reason.
"""

import os
import re
import shutil
import subprocess
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
    """Azerbaijani and Russian write a century as "XX əsr", "XX век": a language's
    translation of the century's numbering ("ordinal" or "roman") picks the numeral."""
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


# --- The translations ------------------------------------------------------------------

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = {"az": 2, "ru": 3}  # each translated language and its number of plural forms

# A Python format placeholder: %(name)s, %(count)d, %s; "%%" is a literal percent sign.
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([diouxXeEfFgGcrsa%])")
HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
PO_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
PO_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _po_unquote(line):
    text = PO_STRING.search(line).group(1)
    return re.sub(r"\\(.)", lambda match: PO_ESCAPES[match.group(1)], text)


def read_po(text):
    """The entries of a .po file, each a dict: its flags, msgctxt, msgid, msgid_plural,
    and msgstr (or msgstr[0], msgstr[1], ...), read with the standard library only."""
    entries = []
    for block in re.split(r"\n\s*\n", text.strip()):
        entry, field = {"flags": set()}, None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#~"):
                entry["obsolete"] = True
            elif line.startswith("#") or not line.strip():
                continue
            elif line.startswith('"'):
                entry[field] += _po_unquote(line)
            else:
                field = line.split(" ", 1)[0]
                entry[field] = _po_unquote(line)
        entries.append(entry)
    return entries


def placeholders(text, entry):
    """The named and positional placeholders of one string, and the HTML tags it holds."""
    found = []
    if "no-python-format" not in entry["flags"] and "python-format" in entry["flags"]:
        found = sorted(
            (name or "", kind) for name, kind in PLACEHOLDER.findall(text) if kind != "%"
        )
    return found, sorted(HTML_TAG.findall(text))


def po_problems(text, nplurals):
    """Every untranslated, fuzzy or mistranslated entry of a .po file, in words."""
    entries = read_po(text)
    header = next((entry for entry in entries if entry.get("msgid") == ""), None)
    problems = []
    if header is None or f"nplurals={nplurals};" not in header.get("msgstr", ""):
        problems.append(f"the header does not say nplurals={nplurals}")
    for entry in entries:
        msgid = entry.get("msgid")
        if not msgid:
            continue
        name = repr(msgid) + (f" ({entry['msgctxt']})" if "msgctxt" in entry else "")
        if entry.get("obsolete"):
            problems.append(f"{name}: obsolete")
        if "fuzzy" in entry["flags"]:
            problems.append(f"{name}: fuzzy")
        if "msgid_plural" in entry:
            pairs = [(entry["msgid"], entry.get("msgstr[0]"))] + [
                (entry["msgid_plural"], entry.get(f"msgstr[{form}]"))
                for form in range(1, nplurals)
            ]
            if f"msgstr[{nplurals}]" in entry:
                problems.append(f"{name}: more than {nplurals} plural forms")
        else:
            pairs = [(msgid, entry.get("msgstr"))]
        for original, translated in pairs:
            if not translated:
                problems.append(f"{name}: untranslated")
            elif placeholders(original, entry) != placeholders(translated, entry):
                problems.append(f"{name}: placeholders or tags differ in {translated!r}")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(language):
    """No entry of a .po file is untranslated or fuzzy, and each translation keeps the
    placeholders and HTML tags of its original, in every plural form."""
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    text = path.read_text(encoding="utf-8")
    assert len(read_po(text)) > 300, "the .po file holds fewer entries than the site has"
    problems = po_problems(text, LANGUAGES[language])
    assert not problems, f"{path.relative_to(settings.BASE_DIR)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_msgfmt_accepts_the_translations(language):
    """GNU gettext's own check of the placeholders (compilemessages runs the same)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt is missing: scripts/setup installs Debian's gettext")
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        [msgfmt, "--check-format", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


PO_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : 1);\\n"\n\n'
)


def test_po_checker_finds_untranslated_fuzzy_and_mistranslated_entries():
    text = PO_HEADER + (
        'msgid "Fine"\nmsgstr "Хорошо"\n\n'
        'msgid "Empty"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Guessed"\nmsgstr "Догадка"\n\n'
        '#, python-format\nmsgid "%(count)d record"\nmsgstr "%(counter)d запись"\n\n'
        'msgid "A <a href=\\"/\\">link</a>"\nmsgstr "Ссылка"\n\n'
        '#, python-format\nmsgid "%(n)d day"\nmsgid_plural "%(n)d days"\n'
        'msgstr[0] "%(n)d день"\nmsgstr[1] "%(n)d дня"\nmsgstr[2] ""\n\n'
        'msgctxt "a button"\nmsgid "Go"\nmsgstr ""\n'
        '"Вперёд"\n'
    )
    assert po_problems(text, 3) == [
        "'Empty': untranslated",
        "'Guessed': fuzzy",
        "'%(count)d record': placeholders or tags differ in '%(counter)d запись'",
        "'A <a href=\"/\">link</a>': placeholders or tags differ in 'Ссылка'",
        "'%(n)d day': untranslated",
    ]
    assert po_problems(text.replace("nplurals=3", "nplurals=2"), 3)[0] == (
        "the header does not say nplurals=3"
    )


def _compiled(language):
    mo = LOCALE / language / "LC_MESSAGES" / "django.mo"
    assert mo.exists(), f"{mo.relative_to(settings.BASE_DIR)} is missing: run scripts/setup"


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("ru", ["Периоды", "Персоналии", "События", "Источники", "Политика"]),
        ("az", ["Dövrlər", "Şəxslər", "Hadisələr", "Mənbələr", "Siyasət"]),
    ],
)
def test_the_navigation_speaks_each_language(language, names):
    """The compiled catalogues load: the navigation's names come out translated."""
    from django.utils import translation

    from history.pages import SECTION_NAMES

    _compiled(language)
    keys = ["history.period", "history.person", "diplomacy.event", "history.source"]
    keys.append("diplomacy.priority")
    with translation.override(language):
        assert [str(SECTION_NAMES[key]) for key in keys] == names
    with translation.override("en"):
        assert str(SECTION_NAMES["history.period"]) == "Periods"


def test_the_kinds_a_record_is_of_speak_each_language():
    """The models' choices are marked too: an event's category, a mission's kind."""
    from django.utils import translation

    from diplomacy.models import Event, Mission

    _compiled("ru")
    _compiled("az")
    event, mission = Event(category="statehood"), Mission(kind="embassy")
    for language, words in [
        ("ru", ["Государственность", "Посольство"]),
        ("az", ["Dövlətçilik", "Səfirlik"]),
        ("en", ["Statehood", "Embassy"]),
    ]:
        with translation.override(language):
            assert [event.get_category_display(), mission.get_kind_display()] == words


def test_a_list_counts_its_records_in_russian_plural_forms():
    """templates/record_list.html's own count, through the template engine: one, few, many."""
    from django.template import engines
    from django.utils import translation

    _compiled("ru")
    source = (TEMPLATES / "record_list.html").read_text(encoding="utf-8")
    count = re.search(r"{% blocktranslate count .*?{% endblocktranslate %}", source).group()
    count = count.replace("paginator.count", "number")
    template = engines["django"].from_string("{% load i18n %}" + count)
    with translation.override("ru"):
        written = [template.render({"number": n}) for n in (1, 3, 5, 11, 21, 22)]
    assert written == [
        "1 запись",
        "3 записи",
        "5 записей",
        "11 записей",
        "21 запись",
        "22 записи",
    ]
    with translation.override("az"):
        assert [template.render({"number": n}) for n in (1, 5)] == ["1 qeyd", "5 qeyd"]
    with translation.override("en"):
        assert template.render({"number": 3}) == "3 records"


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("ru", ["XX век", "4 июля 2017", "июль 2017", "с 2011", "500 до н. э."]),
        ("az", ["XX əsr", "4 iyul 2017", "iyul 2017", "2011-dən bəri", "e.ə. 500"]),
        ("en", ["20th century", "4 July 2017", "July 2017", "since 2011", "500 BCE"]),
    ],
)
def test_dates_are_written_as_each_language_writes_them(language, written):
    """Centuries in Roman numerals, months in their case after a day and alone."""
    from django.utils import translation

    from history.dates import humanize

    if language != "en":
        _compiled(language)
    with translation.override(language):
        assert [
            humanize(value) for value in ("19XX", "2017-07-04", "2017-07", "2011/..", "-0499")
        ] == (written)
