"""How the record through time reads and is written in the JSON API.

Reads: each record with its related records as short summaries (with their
API addresses), its citations and aliases, and its date as EDTF, as words and
as sort bounds. The viewsets prefetch only published related records, so a
summary never shows a draft.

Writes: editors send the model's own fields, related records by slug, and
citations and aliases by their words; everything is checked as the admin
checks it (model validation, EDTF, constraints, words in the source, and no
publication without a citation or without the permission to publish).
"""

import copy

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.reverse import reverse
from rest_framework.serializers import ListSerializer

from . import dates, editorial, markup
from .models import Alias, Citation, Dated, Period, Person, Quote, Source, in_original_language

DATE_FIELDS = ["date", "date_display", "date_earliest", "date_latest", "planned"]


class RecordUrlField(serializers.HyperlinkedIdentityField):
    """A record's address in the JSON API, plain: DRF carries the query's
    ?format=csv over into every link, and a record's address is the same in any format."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.reverse = lambda *args, **kwargs: reverse(*args, **kwargs).partition("?")[0]


def api_url(basename):
    """The address of a record in the JSON API, where a model field is named `url`."""
    return RecordUrlField(view_name=f"api:{basename}-detail", lookup_field="slug")


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The address of the record's page on the site."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record):
        path = record.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


@extend_schema_field({"type": "string", "format": "date", "nullable": True})
class DayField(serializers.Field):
    """A sort bound of a date as an ISO 8601 day, null at an open end."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return dates.iso_day(value)


class DatedFields(serializers.Serializer):
    """A date as EDTF, as people write it, and as the earliest and latest days it can mean."""

    date = serializers.CharField(read_only=True, help_text="EDTF, e.g. 1919, 2017-07, 06XX.")
    date_display = serializers.CharField(read_only=True, help_text="As people write it.")
    date_earliest = DayField(
        source="date_lower",
        help_text="The earliest day the date can mean (ISO 8601); null if open or undated.",
    )
    date_latest = DayField(
        source="date_upper",
        help_text="The latest day the date can mean (ISO 8601); null if open or undated.",
    )


# Fields every serializer of a kind has, before and after those its Meta names
# (the model's own), which need not repeat them. (Comments, not docstrings, on
# these bases: the schema would show a docstring as every serializer's description.)
class FramedFields:
    leading_fields = []
    trailing_fields = []

    def get_field_names(self, declared_fields, info):
        frame = [*self.leading_fields, *self.trailing_fields]
        own = {name: field for name, field in declared_fields.items() if name not in frame}
        return [*self.leading_fields, *super().get_field_names(own, info), *self.trailing_fields]


# A record with its `url`: its address in the JSON API, by slug.
class LinkedSerializer(serializers.ModelSerializer):
    def build_url_field(self, field_name, model_class):
        return RecordUrlField, {
            "view_name": f"api:{model_class._meta.model_name}-detail",
            "lookup_field": "slug",
        }


class SummarySerializer(LinkedSerializer):
    """A related record in short. The viewsets fetch related records through
    their model's `published()` (`with_links()`), so a draft never reaches here."""


# --- Summaries ------------------------------------------------------------------


class SourceSummarySerializer(SummarySerializer):
    url = api_url("source")

    class Meta:
        model = Source
        fields = ["slug", "title", "url"]


class PeriodSummarySerializer(DatedFields, SummarySerializer):
    class Meta:
        model = Period
        fields = ["slug", "name", "kind", "date", "date_display", "url"]


class PersonSummarySerializer(SummarySerializer):
    class Meta:
        model = Person
        fields = ["slug", "name", "role", "url"]


class QuoteSummarySerializer(DatedFields, SummarySerializer):
    class Meta:
        model = Quote
        fields = ["slug", "text", "date", "date_display", "url"]


class CitationSerializer(serializers.ModelSerializer):
    source = SourceSummarySerializer(read_only=True)

    class Meta:
        model = Citation
        fields = ["source", "quote", "locator"]


class AliasSerializer(serializers.ModelSerializer):
    source = SourceSummarySerializer(read_only=True)

    class Meta:
        model = Alias
        fields = ["name", "source"]


# --- Records, as the public reads them -------------------------------------------


@extend_schema_field(OpenApiTypes.STR)
class MarkdownHtmlField(serializers.Field):
    """Editors' Markdown as the page shows it: HTML, sanitised the same way."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return markup.to_html(value)


class RecordSerializer(FramedFields, LinkedSerializer):
    web_url = PageUrlField()
    leading_fields = ["url", "web_url", "slug", "created_at", "updated_at"]
    trailing_fields = ["note"]
    # Written in Markdown: each comes also as `<name>_html`, right after it.
    markdown_fields = ("summary", "note")

    def get_field_names(self, declared_fields, info):
        names = []
        for name in super().get_field_names(declared_fields, info):
            names.append(name)
            if name in self.markdown_fields:
                names.append(f"{name}_html")
        return names

    def build_field(self, field_name, info, model_class, nested_depth):
        markdown = field_name.removesuffix("_html")
        if markdown != field_name and markdown in self.markdown_fields:
            return MarkdownHtmlField, {
                "source": markdown,
                "help_text": f"The {markdown} as HTML, sanitised as the site's page shows it.",
            }
        return super().build_field(field_name, info, model_class, nested_depth)

    def get_fields(self):
        """Only the fields a read asked for (`?fields=slug,name`), if it named any."""
        fields = super().get_fields()
        wanted = self.context.get("fields")
        root = self.root
        top_level = self is root or (self.parent is root and isinstance(root, ListSerializer))
        if not wanted or not top_level:
            return fields
        if unknown := [name for name in wanted if name not in fields]:
            raise ValidationError(
                {"fields": f"No field “{unknown[0]}”; these are: {', '.join(fields)}."}
            )
        return {name: field for name, field in fields.items() if name in wanted}


class CitedRecordSerializer(RecordSerializer):
    citations = CitationSerializer(many=True, read_only=True)
    aliases = AliasSerializer(many=True, read_only=True)
    trailing_fields = ["note", "citations", "aliases"]


class SourceSerializer(DatedFields, RecordSerializer):
    url = api_url("source")
    source_url = serializers.CharField(
        source="url", read_only=True, help_text="The document’s own address; empty if none."
    )

    class Meta:
        model = Source
        fields = [
            "title",
            "kind",
            "author",
            "publisher",
            *DATE_FIELDS,
            "source_url",
            "language",
            "description",
        ]


class SourceDetailSerializer(SourceSerializer):
    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "text"]


class PeriodSerializer(DatedFields, CitedRecordSerializer):
    people = PersonSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Period
        fields = ["name", "kind", "position", *DATE_FIELDS, "summary", "people"]


class PersonSerializer(CitedRecordSerializer):
    periods = PeriodSummarySerializer(many=True, read_only=True)
    quotes = QuoteSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = [
            "name",
            "role",
            "summary",
            "periods",
            "quotes",
        ]


class QuoteSerializer(DatedFields, CitedRecordSerializer):
    speaker = PersonSummarySerializer(read_only=True)

    class Meta:
        model = Quote
        fields = [
            "text",
            "speaker",
            "occasion",
            "kind",
            *DATE_FIELDS,
        ]


# --- Records, as editors write them ---------------------------------------------


class PassageInputSerializer(serializers.ModelSerializer):
    """Words of a source, checked against its text as the admin checks them."""

    source = serializers.SlugRelatedField(slug_field="slug", queryset=Source.objects.all())

    def validate(self, attrs):
        passage = self.Meta.model(**attrs)
        try:
            passage.full_clean(validate_unique=False, validate_constraints=False)
        except DjangoValidationError as error:
            raise ValidationError(serializers.as_serializer_error(error)) from None
        return attrs


class CitationInputSerializer(PassageInputSerializer):
    class Meta:
        model = Citation
        fields = ["source", "quote", "locator"]
        validators = []  # an existing citation is reused, not refused


class AliasInputSerializer(PassageInputSerializer):
    class Meta:
        model = Alias
        fields = ["source", "name"]
        validators = []


class RecordWriteSerializer(FramedFields, serializers.ModelSerializer):
    """A record as an editor sends it: related records by slug."""

    serializer_related_field = serializers.SlugRelatedField
    leading_fields = ["slug", "status", "publish_at"]
    trailing_fields = ["note"]

    # An editor writes the English, the original, whatever language the API
    # answers in: `title` is title_en. Translations are written in the admin or
    # by import (README: Languages).
    def run_validation(self, data=serializers.empty):
        with in_original_language():
            return super().run_validation(data)

    def save(self, **kwargs):
        with in_original_language():
            return super().save(**kwargs)

    def build_relational_field(self, field_name, relation_info):
        field_class, kwargs = super().build_relational_field(field_name, relation_info)
        kwargs.setdefault("slug_field", "slug")
        return field_class, kwargs

    def passage_fields(self):
        return [name for name in ("citations", "aliases") if name in self.fields]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        record = copy.copy(self.instance) if self.instance else model()
        many = {field.name for field in model._meta.many_to_many}
        for name, value in attrs.items():
            if name not in many:
                setattr(record, name, value)
        if isinstance(record, Dated):
            try:
                record.derive_date_bounds()
            except DjangoValidationError as error:
                raise ValidationError({"date": error.messages}) from None
        try:
            record.full_clean(exclude=many)
        except DjangoValidationError as error:
            raise ValidationError(serializers.as_serializer_error(error)) from None
        self.check_publication(record, attrs)
        return attrs

    def check_publication(self, record, attrs):
        """The editorial rules (history/editorial.py), each refusal on its field."""
        user, before = self.context["request"].user, self.instance
        try:
            editorial.check_status(user, record, before.status if before else None)
        except PermissionDenied as error:
            raise ValidationError({"status": str(error)}, code="permission") from None
        try:
            editorial.check_schedule(user, record, before.publish_at if before else None)
        except PermissionDenied as error:
            raise ValidationError({"publish_at": str(error)}, code="permission") from None
        try:
            editorial.check_cited(record, attrs.get("citations"))
        except DjangoValidationError as error:
            raise ValidationError({"citations": error.messages}, code=error.code) from None
        editorial.withdraw_schedule(user, record)
        attrs["publish_at"] = record.publish_at

    def create(self, validated_data):
        passages = {name: validated_data.pop(name, None) for name in self.passage_fields()}
        with transaction.atomic():
            record = super().create(validated_data)
            self.save_passages(record, passages)
        return record

    def update(self, instance, validated_data):
        passages = {name: validated_data.pop(name, None) for name in self.passage_fields()}
        with transaction.atomic():
            record = super().update(instance, validated_data)
            self.save_passages(record, passages)
        return record

    def save_passages(self, record, passages):
        if passages.get("citations") is not None:
            record.citations.set(
                Citation.objects.get_or_create(
                    source=item["source"],
                    quote=item["quote"],
                    defaults={"locator": item.get("locator", "")},
                )[0]
                for item in passages["citations"]
            )
        if passages.get("aliases") is not None:
            record.aliases.set(
                Alias.objects.get_or_create(source=item["source"], name=item["name"])[0]
                for item in passages["aliases"]
            )


class CitedRecordWriteSerializer(RecordWriteSerializer):
    """A cited record, with its citations and aliases by their words."""

    citations = CitationInputSerializer(many=True, required=False)
    aliases = AliasInputSerializer(many=True, required=False)
    trailing_fields = ["note", "citations", "aliases"]


class SourceWriteSerializer(RecordWriteSerializer):
    class Meta:
        model = Source
        fields = ["title", "kind", "author", "publisher", "date", "url", "description", "text"]


class PeriodWriteSerializer(CitedRecordWriteSerializer):
    class Meta:
        model = Period
        fields = ["name", "kind", "position", "date", "planned", "summary"]


class PersonWriteSerializer(CitedRecordWriteSerializer):
    class Meta:
        model = Person
        fields = ["name", "role", "summary", "periods"]


class QuoteWriteSerializer(CitedRecordWriteSerializer):
    class Meta:
        model = Quote
        fields = [
            "text",
            "speaker",
            "occasion",
            "kind",
            "date",
            "planned",
        ]
