"""A record's text in the reader's language, and English marked where it stands in.

Every public template shows a translated field (history/translation.py) through
these tags, so that where the reader's translation is not written yet, the
English shown instead carries `lang="en"`, and the page says once, at the end
of its content, that parts of it are in English ({% english_note %}). On an
English page they write exactly what `{{ record.title }}` would.

    {% field record "title" %}      the text, in <span lang="en"> if English stands in
    {% field record %}              the record's name (str), likewise
    {% field record "note" markdown=True %}  Markdown as HTML, in <div lang="en"> if English
    <div{% lang record "summary" %}>  the attribute alone, for an element around Markdown
    <text{% lang record %}>         likewise for the record's name (a drawing's label)
    <a{% written_in hit.language %}>  text known to be in a language (a search hit's)
    {% english_note %}              the note, if anything above fell back to English

The words of the sources (a citation's quote, a quotation, a source's text) are
never translated: `{% lang citation "quote" %}` marks them with their source's
language (Source.language) on a page in another, without the note, which is
about translations to come.
"""

from django import template
from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from history import languages, markup

register = template.Library()

# Set in the render's root context when English stood in for a translation.
FELL_BACK = "history.languages.fell_back"


def _note_fallback(context):
    # The root of the render context is shared by the whole page: the base
    # template, the page's own, and every include, even those with `only`.
    context.render_context.dicts[0][FELL_BACK] = True


def _page_in_original():
    return (translation.get_language() or languages.ORIGINAL) == languages.ORIGINAL


@register.simple_tag(takes_context=True)
def field(context, record, name=None, markdown=False):
    """`record`'s field `name` (its name if none) as the reader is shown it; a
    `markdown` field as its HTML, sanitised (the `markdown` filter's)."""
    if not isinstance(record, models.Model):
        return "" if record is None else record  # already text (a view's title)
    if name:
        value, fell_back = getattr(record, name), languages.in_original(record, name)
    else:
        value, fell_back = str(record), languages.name_in_original(record)
    if markdown:
        value = mark_safe(markup.to_html(value))
    if not fell_back:
        return value
    _note_fallback(context)
    element = "div" if markdown else "span"
    return format_html('<{0} lang="{1}">{2}</{0}>', element, languages.ORIGINAL, value)


@register.simple_tag(takes_context=True)
def lang(context, record, name=None):
    """` lang="en"` for an element holding `record`'s field `name` (its name if none),
    if English stands in for the reader's language (or, for the sources' own words,
    on any page not in English)."""
    if record is None:
        return ""
    if name is not None and name not in languages.translated_fields(type(record)):
        # The sources' own words: marked wherever the page's language is another.
        words = languages.written_in(record)
        return "" if words == translation.get_language() else format_html(' lang="{}"', words)
    if _page_in_original():
        return ""
    fell_back = (
        languages.name_in_original(record) if name is None else languages.in_original(record, name)
    )
    if not fell_back:
        return ""
    _note_fallback(context)
    return mark_safe(f' lang="{languages.ORIGINAL}"')


@register.simple_tag(takes_context=True)
def written_in(context, language):
    """` lang="…"` for text known to be in `language` (a search hit's title), on a
    page in another; English standing in for a translation is noted on the page."""
    if language == (translation.get_language() or languages.ORIGINAL):
        return ""
    if language == languages.ORIGINAL:
        _note_fallback(context)
    return format_html(' lang="{}"', language)


@register.simple_tag(takes_context=True)
def english_note(context):
    """The page's one note that parts of it are in English, if any are."""
    if not context.render_context.dicts[0].get(FELL_BACK):
        return ""
    return render_to_string("includes/english_note.html")
