"""Request parsers of the API (a module of its own: DRF's settings import it)."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError


def _holds_nul(value):
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(key) or _holds_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_holds_nul(item) for item in value)
    return False


class JSONParser(parsers.JSONParser):
    """JSON bodies, refusing NUL characters: no text may hold one (PostgreSQL cannot)."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        if _holds_nul(data):
            raise ParseError("Text may not contain NUL characters (\\u0000).")
        return data
