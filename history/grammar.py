"""The Azerbaijani suffixes the code writes, where a translated pattern cannot.

A translation is a fixed pattern around a placeholder, but Azerbaijani adds its case
endings to the word that fills it, and which ending depends on that word's last vowel
(vowel harmony). A number in digits takes the ending of its last word as said aloud:
1936 is "min doqquz yüz otuz altı", so "1936-dan", "1936-cı".
"""

import re

from django.utils.translation import get_language

UNITS = ["sıfır", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz"]
TENS = ["", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan"]
VOWELS = "aıoueəiöü"
BACK = "aıou"
# The high vowel an ordinal's suffix takes after each vowel (see ordinal).
HIGH = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü"}


def number_word(number: int) -> str:
    """The last word of a number said aloud: 1936 ends in "altı", 1900 in "yüz"."""
    if number % 10 or number == 0:
        return UNITS[number % 10]
    if number % 100:
        return TENS[number % 100 // 10]
    for size, word in ((1000, "yüz"), (10**6, "min"), (10**9, "milyon")):
        if number % size:
            return word
    return "milyard"


def _spoken(text: str) -> str:
    """The last word of text as said: its own, or a number's when it ends in digits."""
    digits = re.search(r"\d+$", text)
    if not digits:
        return text
    # "2 000" ends in a group of zeros: the whole number says how it ends ("min").
    # A decimal part ("12,50") is said after the whole part, so it ends the number.
    return number_word(int(digits[0]) or int(re.sub(r"\D", "", text)))


def _vowel(text: str) -> str:
    return next((letter for letter in reversed(_spoken(text)) if letter in VOWELS), "ə")


def _open(text: str) -> str:
    """a or ə, as the word ending text takes them."""
    return "a" if _vowel(text) in BACK else "ə"


def _joined(text: str, suffix: str) -> str:
    # A suffix after digits is written after a hyphen: "1919-dan", "80-ə".
    return f"{text}-{suffix}" if text[-1:].isdigit() else text + suffix


def ordinal(number: int) -> str:
    """1990 as an ordinal in digits: "1990-cı"."""
    return f"{number}-c{HIGH[_vowel(str(number))]}"


def ablative(text: str) -> str:
    """From: "1919-dan", "2017-dən", "XX əsrdən"."""
    return _joined(text, "d" + _open(text) + "n")


def dative(text: str) -> str:
    """To: "80-ə", "20-yə", "XX əsrə"; y after a vowel."""
    buffer = "y" if _spoken(text)[-1] in VOWELS else ""
    return _joined(text, buffer + _open(text))


def terminative(text: str) -> str:
    """Until: "1920-dək" after digits, as written ("iyulun 15-dək"); after a word on its
    dative, "XX əsrədək". The suffix -dək has one form (it keeps no vowel harmony)."""
    return _joined(text, "dək") if text[-1:].isdigit() else dative(text) + "dək"


def suffixed(text: str, suffix) -> str:
    """text with a suffix (ablative, dative or terminative) when the reader's language is
    Azerbaijani; unchanged in the others, whose translated patterns hold their words."""
    return suffix(text) if get_language() == "az" else text
