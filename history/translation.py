"""The content's translations (django-modeltranslation; README: Languages).

Each field named here gets a column per language beside it: `title_en`,
`title_az`, `title_ru`. English is the original and the only one required; the
plain column (`title`) always holds the English text too (Record.save), so that
queries read one language. `record.title` reads the active language's text, or
the English where its translation is not written yet; templates show it through
history/templatetags/languages.py, which marks such English `lang="en"`.

Not translated, ever: the sources' own words (a source's text, a citation's
quoted words and its place in the source, a quote's words, the spellings of
names as a source writes them), and what is not prose (slugs, codes, EDTF
dates, addresses, numbers). A source's author and publisher are names as the
document prints them.

Versions: django-simple-history builds a record's Historical<Model> from the
model's fields when it is registered; the translation columns are added here,
after the models were made. So the content's models are registered for history
here, once their translation columns exist (`keep_versions`), as
django-simple-history's documentation says to do with django-modeltranslation
(its issue #209): every version then holds every language, and diff, revert and
recovery cover them.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Period, Person, Quote, Record, Source, keep_versions


class ContentTranslation(TranslationOptions):
    # A translation not written is None in every path (the admin's form, a new
    # record, an import's empty cell), so that an exported file imported back
    # changes nothing.
    empty_values = None


@register(Record)
class RecordTranslation(ContentTranslation):
    # "About this record", for readers under the summary.
    fields = ("note",)


@register(Source)
class SourceTranslation(ContentTranslation):
    fields = ("title", "description")


@register(Period)
class PeriodTranslation(ContentTranslation):
    fields = ("name", "summary")


@register(Person)
class PersonTranslation(ContentTranslation):
    fields = ("name", "role", "summary")


@register(Quote)
class QuoteTranslation(ContentTranslation):
    # The occasion, not the words: those stay as spoken, in their own language.
    fields = ("occasion",)


for model in (Source, Period, Person, Quote):
    keep_versions(model)
