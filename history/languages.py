"""The content's languages: which fields are translated, and what a reader is shown.

One home for what the templates (history/templatetags/languages.py), the admin,
the history and the import and export need to know of the content's
translations (history/translation.py). English is the original language: its
text is required, and a reader of another language is shown it, marked as
English, until the translation is written.
"""

from django.conf import settings
from django.utils import translation
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

ORIGINAL = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The languages content is translated into: every one but the original.
TRANSLATED = [code for code in LANGUAGES if code != ORIGINAL]
# The names a record's __str__ is made of, first found: the text that names it.
NAMING_FIELDS = ("title", "name", "label")


def translated_fields(model):
    """The names of `model`'s translated fields (title, summary …), or ()."""
    try:
        return tuple(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return ()


def columns(name):
    """A translated field's column per language: title → [title_en, title_az, title_ru]."""
    return [build_localized_fieldname(name, code) for code in LANGUAGES]


def original_column(name):
    """A translated field's English column: title → title_en."""
    return build_localized_fieldname(name, ORIGINAL)


def field_of(model, column):
    """The translated field a language's column belongs to (title_az → title), or None."""
    return next((name for name in translated_fields(model) if column in columns(name)), None)


def translations_of(name):
    """A translated field's columns in the languages other than English: title_az, title_ru."""
    return [build_localized_fieldname(name, code) for code in TRANSLATED]


def translations(model):
    """The columns of `model`'s languages other than the original: title_az, title_ru …"""
    return [column for name in translated_fields(model) for column in translations_of(name)]


def shown_in(record, name, language=None):
    """The language the reader of `language` (the active one) is shown `record`'s
    field in: theirs if it is written, else the original's (English); None for a
    field that is not translated, or empty in every language."""
    if name not in translated_fields(type(record)):
        return None
    language = language or translation.get_language() or ORIGINAL
    language = language if language in LANGUAGES else ORIGINAL
    for code in dict.fromkeys((language, ORIGINAL)):
        if getattr(record, build_localized_fieldname(name, code), None):
            return code
    return None


def in_original(record, name, language=None):
    """Whether the field is shown in English to a reader of another language,
    its translation not written yet."""
    language = language or translation.get_language() or ORIGINAL
    return language != ORIGINAL and shown_in(record, name, language) == ORIGINAL


def naming_field(record):
    """The translated field that names `record` (its title, name or label), if any."""
    fields = translated_fields(type(record))
    return next((name for name in NAMING_FIELDS if name in fields), None)


def name_in_original(record, language=None):
    """Whether `record`'s name (str) is shown in English to a reader of another language:
    the field it is named by, or for a record named by another (a membership by its
    organization, a quotation by its speaker) that record's."""
    from .models import required_links

    name = naming_field(record)
    if name:
        return in_original(record, name, language)
    return any(
        name_in_original(getattr(record, link.name), language)
        for link in required_links(type(record))[:1]
    )


def written_in(record):
    """The language of a record's own words, which are never translated: a source's
    (Source.language), a citation's (its source's), else the original's."""
    source = record if hasattr(record, "language") else getattr(record, "source", None)
    return getattr(source, "language", None) or ORIGINAL
