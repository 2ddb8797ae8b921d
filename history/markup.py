"""Editors' Markdown as HTML, for the pages and the feed alike, and as plain text."""

import html
import re

import markdown
import nh3
from django.utils.html import strip_tags


def to_html(text):
    """Markdown rendered to HTML, then sanitised: editors' text is never trusted."""
    return nh3.clean(markdown.markdown(text or ""))


def to_text(text):
    """Markdown as the words a reader sees: no markup, entities decoded, one spacing."""
    words = html.unescape(strip_tags(markdown.markdown(text or "")))
    return re.sub(r"\s+", " ", words).strip()
