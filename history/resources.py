"""Bulk import and export of content (django-import-export), for every content model.

A file row is one record. Records are matched by their natural key (slug; a
country by its ISO code; a citation by source and words), so a file exported
from one database imports into another. Links are written as people read them:

- a foreign key or a link to other records by slug (countries by ISO code),
  several separated by commas;
- citations and aliases one a line, as `source-slug | the exact words`; words
  that do not stand in that source's text are refused.

A translated field (history/translation.py) has a column per language: `title`
holds the English (its `title_en` is not repeated), `title_az` and `title_ru`
the translations, empty where none is written yet.

Every row is checked as the admin checks it (dates, choices, citations in their
source, a published record cites something); one bad row rejects the whole
file and nothing is written. The admin shows each row's outcome in a dry run
first. Imported saves are recorded in the history like any other change.
"""

import functools

from django.core.exceptions import ValidationError
from django.db import models
from import_export import fields, resources, widgets

from . import editorial, languages, versions
from .models import Passage, Source, in_original_language, one_version_each

NOT_IMPORTED = ("id", "created_at", "updated_at", "date_lower", "date_upper")


def natural_field(model):
    """The field that names a record of `model` in a file (its natural key)."""
    return getattr(model, "natural_key_fields", ("slug",))[0]


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key by slug (or ISO code); an unknown one is a row error."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(f"No {self.model._meta.verbose_name} “{value}”.") from None


class NaturalKeysWidget(widgets.ManyToManyWidget):
    """Links to other records by slug (or ISO code), separated by commas."""

    def clean(self, value, row=None, **kwargs):
        names = [name.strip() for name in str(value or "").split(self.separator) if name.strip()]
        if self.field == "code":
            names = [name.upper() for name in names]
        found = {
            str(getattr(r, self.field)): r
            for r in self.model.objects.filter(**{f"{self.field}__in": names})
        }
        unknown = [name for name in names if name not in found]
        if unknown:
            raise ValueError(f"No {self.model._meta.verbose_name} “{'”, “'.join(unknown)}”.")
        return [found[name] for name in names]

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return self.separator.join(str(getattr(r, self.field)) for r in value.all())


class PassagesWidget(widgets.ManyToManyWidget):
    """Citations or aliases, one a line: `source-slug | the exact words`."""

    def __init__(self, model, **kwargs):
        super().__init__(model, separator="\n", **kwargs)
        self.words = model.WORDS_FIELD

    def clean(self, value, row=None, **kwargs):
        passages = []
        for number, line in enumerate(str(value or "").splitlines(), 1):
            if not line.strip():
                continue
            slug, bar, words = (part.strip() for part in line.partition("|"))
            if not bar or not words:
                raise ValueError(f"Line {number}: write “source-slug | the exact words”.")
            source = Source.objects.filter(slug=slug).first()
            if source is None:
                raise ValueError(f"Line {number}: no source “{slug}”.")
            passage = self.model.objects.filter(source=source, **{self.words: words}).first()
            if passage is None:
                passage = self.model(source=source, **{self.words: words})
                try:
                    passage.full_clean()
                except ValidationError as error:
                    raise ValueError(f"Line {number}: {' '.join(error.messages)}") from None
                passage.save()
            passages.append(passage)
        return passages

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return "\n".join(
            f"{p.source.slug} | {getattr(p, self.words)}" for p in value.select_related("source")
        )


class TranslationWidget(widgets.CharWidget):
    """A translation's text; an empty cell is no translation (None), as in the database."""

    def clean(self, value, row=None, **kwargs):
        return super().clean(value, row, **kwargs) or None


class WordDiff(resources.Diff):
    """A row's values as the history shows them: the whole text, changed words marked."""

    def as_html(self):
        return [
            versions.word_diff("" if self.new else str(old), str(new))
            for old, new in zip(self.left, self.right, strict=True)
        ]


class ContentResource(resources.ModelResource):
    """What every content model's import and export share."""

    def get_diff_class(self):
        return WordDiff

    def export(self, *args, **kwargs):
        # A translated field's own column (title) is its English, whatever the
        # language of the admin that asks.
        with in_original_language():
            return super().export(*args, **kwargs)

    def import_data(self, dataset, **kwargs):
        # All or nothing: one invalid row rolls back every other row.
        kwargs["rollback_on_validation_errors"] = True
        # One version per imported record, written once its links are set too;
        # `title` is written to the English (title_en), as export reads it.
        with one_version_each(), in_original_language():
            return super().import_data(dataset, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        """Check every column, links included, and report all problems of a row at once."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors.update(error.error_dict)
        citations = None  # unless the row has them: those saved
        for field in self.get_import_fields():
            if not isinstance(field.widget, widgets.ManyToManyWidget):
                continue
            if field.column_name not in row:
                continue
            try:
                value = field.clean(row, **kwargs)
            except ValueError as error:
                errors[field.attribute] = [ValidationError(str(error), code="invalid")]
                continue
            if field.attribute == "citations":
                citations = value
        try:
            editorial.check_cited(instance, citations)
        except ValidationError as error:
            errors.setdefault("citations", []).append(error)
        if errors:
            raise ValidationError(errors)

    def before_import_row(self, row, **kwargs):
        # A spreadsheet's empty cell is None; a text field's empty value is "".
        for field in self._meta.model._meta.concrete_fields:
            if (
                field.name in row
                and row[field.name] is None
                and not field.null
                and isinstance(field, models.CharField | models.TextField)
            ):
                row[field.name] = ""

    def before_save_instance(self, instance, row, **kwargs):
        instance._change_reason = versions.IMPORTED


@functools.cache
def resource_for(model):
    """A ContentResource for `model`: natural keys for rows, links and foreign keys;
    each translated field as its English and its translations."""
    declared = {}
    translated = languages.translated_fields(model)
    # The English column (title_en) is the field's own (title) under another name.
    not_imported = (*NOT_IMPORTED, *(languages.original_column(name) for name in translated))
    for column in languages.translations(model):
        declared[column] = fields.Field(
            attribute=column, column_name=column, widget=TranslationWidget()
        )
    for field in model._meta.get_fields():
        if not field.concrete or field.name in not_imported:
            continue
        if field.many_to_many:
            if field.remote_field.through._meta.auto_created is False:
                continue  # e.g. a project's countries: imported as participations
            target = field.related_model
            if issubclass(target, Passage):
                widget = PassagesWidget(target)
            else:
                widget = NaturalKeysWidget(target, field=natural_field(target))
            declared[field.name] = fields.Field(
                attribute=field.name, column_name=field.name, widget=widget
            )
        elif field.many_to_one:
            target = field.related_model
            declared[field.name] = fields.Field(
                attribute=field.name,
                column_name=field.name,
                widget=NaturalKeyWidget(target, field=natural_field(target)),
            )
    if hasattr(model, "WORDS_FIELD") and model.WORDS_FIELD:
        import_id = ["source", model.WORDS_FIELD]
    else:
        import_id = list(getattr(model, "natural_key_fields", ("slug",)))
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "exclude": not_imported,
            "import_id_fields": import_id,
            "clean_model_instances": True,
            "skip_unchanged": True,
            "report_skipped": True,
            "use_transactions": True,
        },
    )
    return type(f"{model.__name__}Resource", (ContentResource,), {**declared, "Meta": meta})
