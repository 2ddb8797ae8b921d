import json
import re

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

from history import dates, markup, text

register = template.Library()


@register.filter
def day(moment):
    """A datetime's day as the site writes dates in the reader's language
    (history.dates): "4 July 2017", "4 iyul 2017", "4 июля 2017"."""
    return dates.humanize(moment.date().isoformat())


# The places in a source the editors write (Citation.locator), as a reader's
# language says them; any other is shown as written.
PARAGRAPH = re.compile(r"paragraph (\d+)(?:, item (\d+))?")


@register.filter
def place(locator):
    """A citation's place in its source in the reader's language: "paragraph 6"
    is "абзац 6", "6-cı abzas"."""
    if locator == "title":
        return pgettext("a place in a source", "title")
    if match := PARAGRAPH.fullmatch(locator or ""):
        paragraph, item = match.groups()
        if item:
            return pgettext("a place in a source", "paragraph %(paragraph)s, item %(item)s") % {
                "paragraph": paragraph,
                "item": item,
            }
        pattern = pgettext("a place in a source", "paragraph %(paragraph)s")
        return pattern % {"paragraph": paragraph}
    return locator


@register.filter
def markdown(text):
    """Editors' Markdown as HTML, sanitised (the feed renders it the same way)."""
    return mark_safe(markup.to_html(text))


@register.filter
def summary_line(summary):
    """The opening of a Markdown summary as plain text, for a list's one line."""
    return text.shorten(markup.to_text(summary), 200)


@register.simple_tag(takes_context=True)
def toggle_filter(context, key, value):
    """The page's query string with one filter value added, or removed if present.

    From the declared query, never request.GET: a page cached for everyone
    links with the parameters it reads only, each value once.
    """
    query = context["declared_query"].copy()
    query.pop("page", None)
    for name in list(query):  # fields left empty by the form say nothing
        if not any(query.getlist(name)):
            del query[name]
    values = query.getlist(key)
    value = str(value)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    query.setlist(key, values)
    return f"?{query.urlencode()}" if query else "?"


@register.filter
def jsonld(data):
    """A dict as JSON safe to place inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
