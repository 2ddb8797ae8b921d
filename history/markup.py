"""Editors' Markdown as HTML, for the pages and the feed alike."""

import markdown
import nh3


def to_html(text):
    """Markdown rendered to HTML, then sanitised: editors' text is never trusted."""
    return nh3.clean(markdown.markdown(text or ""))
