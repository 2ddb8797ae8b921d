"""Matching quoted words against a stored source text, and shortening text for titles.

Source texts come from PDFs and keep their line breaks, doubled spaces,
words hyphenated across lines and typographic quotes. A quotation matches
when its words appear in the text once both are normalised the same way.
"""

import functools
import re
import unicodedata
from array import array

_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _normalized(text: str) -> tuple[str, array]:
    """The normalised text, and for each of its characters the offset it came from.

    Runs of whitespace become one space; a hyphen followed by a line break
    joins the two halves of the word; typographic quotes and dashes become
    plain ones.
    """
    chars, offsets = [], array("q")
    index, length = 0, len(text)
    while index < length:
        if text[index].isspace():
            end = index
            while end < length and text[end].isspace():
                end += 1
            # "Ag-\nQoyunlu" is one word broken at its hyphen; "Hasan -\nHasan"
            # is a dash standing alone, and keeps its space.
            broken_word = (
                len(chars) > 1
                and chars[-1] == "-"
                and chars[-2] != " "
                and "\n" in text[index:end]
            )
            if chars and not broken_word:
                chars.append(" ")
                offsets.append(index)
            index = end
            continue
        for char in unicodedata.normalize("NFKC", text[index]).translate(_TYPOGRAPHY):
            chars.append(char)
            offsets.append(index)
        index += 1
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


# A source's page matches every citation against the same text (450 kB for the
# synthetic source): it is normalised once, not once per citation. The offsets
# are a compact array (8 bytes a character); callers must not change them.
_normalized_source = functools.lru_cache(maxsize=16)(_normalized)


def normalize(text: str) -> str:
    return _normalized(text)[0]


def contains(text: str, words: str) -> bool:
    return find(text, words) is not None


def find(text: str, words: str) -> tuple[int, int] | None:
    """The (start, end) offsets of `words` in `text`, or None if they are not there."""
    needle = normalize(words)
    if not needle:
        return None
    haystack, offsets = _normalized_source(text)
    position = haystack.find(needle)
    if position < 0:
        return None
    return offsets[position], offsets[position + len(needle) - 1] + 1


ELLIPSIS = "…"


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters: whole, or cut after a whole word with "…".

    Every shortened title, description and label goes through here, so that no
    reader meets a word cut in half, or a cut without its ellipsis. Punctuation
    left dangling before the cut goes; a single word longer than the limit is
    cut inside, as there is no better place.
    """
    text = text.strip()
    if len(text) <= limit:
        return text
    keep = limit - len(ELLIPSIS)
    if re.match(r"[\s,;:.!?)\]”]", text[keep]):  # the cut falls at a word's end
        cut = text[:keep]
    else:
        spaces = [match.start() for match in re.finditer(r"\s", text[:keep])]
        cut = text[: spaces[-1]] if spaces else text[:keep]
    return cut.rstrip(" \t\n,;:–—-(“‘\"'") + ELLIPSIS


# A break between paragraphs: a run of line breaks after the end of a sentence,
# before a capital, a digit or an opening quote.
_PARAGRAPH_END = re.compile(r"(?<=[.!?:”\"])([ \t]*\n[\s]*)(?=[\"“‘(\dA-ZА-ЯƏÜÖĞŞÇİ])")
# A line that opens an item of a list ("- Non-interference in …").
_LIST_ITEM = re.compile(r"([ \t]*\n[\s]*)(?=- )")


def reflow(text: str) -> str:
    """`text` with the line breaks of its PDF's narrow columns as spaces, those that
    end a sentence or open a list item kept: the same length, so that a passage's
    offsets still hold. A break after a hyphen ("North-|South") joins the word
    with a zero-width space, which a browser may still break at."""
    kept = {
        match.start(1) + i
        for pattern in (_PARAGRAPH_END, _LIST_ITEM)
        for match in pattern.finditer(text)
        for i in range(len(match.group(1)))
    }

    def joined(i, char):
        if char != "\n" or i in kept:
            return char
        return "\u200b" if i and text[i - 1] == "-" else " "

    return "".join(joined(i, char) for i, char in enumerate(text))
