from django import template

from history import text

register = template.Library()


@register.filter
def shorten(value, limit):
    """The text in at most `limit` characters, cut after a whole word with "…"."""
    return text.shorten(str(value), int(limit))
