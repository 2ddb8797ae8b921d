"""How relations through space read and are written in the JSON API.

The same shapes as `history.serializers`: records with short summaries of
their related records, citations, aliases and dates; countries by ISO code.
"""

from rest_framework import serializers

from history import serializers as history_serializers
from history.serializers import (
    DATE_FIELDS,
    CitedRecordSerializer,
    CitedRecordWriteSerializer,
    DatedFields,
    PeriodSummarySerializer,
    PersonSummarySerializer,
    RecordUrlField,
    SummarySerializer,
)

from .models import (
    Country,
    Document,
    Event,
    Figure,
    Membership,
    Mission,
    Organization,
    Participation,
    Priority,
    Project,
    Relation,
)


class CountryUrlField(RecordUrlField):
    """A country's API address, by its ISO code in lower case."""

    def __init__(self, **kwargs):
        super().__init__(view_name="api:country-detail", lookup_field="code", **kwargs)

    def get_url(self, obj, view_name, request, format):
        return self.reverse(
            view_name, kwargs={"code": obj.code.code.lower()}, request=request, format=format
        )


# --- Summaries ------------------------------------------------------------------


class CountrySummarySerializer(SummarySerializer):
    url = CountryUrlField()
    code = serializers.CharField(read_only=True, help_text="ISO 3166-1 alpha-2.")

    class Meta:
        model = Country
        fields = ["code", "name", "url"]


class OrganizationSummarySerializer(SummarySerializer):
    class Meta:
        model = Organization
        fields = ["slug", "name", "acronym", "url"]


class ProjectSummarySerializer(DatedFields, SummarySerializer):
    class Meta:
        model = Project
        fields = ["slug", "name", "kind", "date", "date_display", "url"]


class EventSummarySerializer(DatedFields, SummarySerializer):
    class Meta:
        model = Event
        fields = ["slug", "title", "category", "date", "date_display", "url"]


class DocumentSummarySerializer(DatedFields, SummarySerializer):
    class Meta:
        model = Document
        fields = ["slug", "title", "kind", "date", "date_display", "url"]


class RelationSummarySerializer(DatedFields, SummarySerializer):
    class Meta:
        model = Relation
        fields = ["slug", "title", "kind", "date", "date_display", "url"]


class MissionSummarySerializer(DatedFields, SummarySerializer):
    class Meta:
        model = Mission
        fields = ["slug", "title", "direction", "kind", "city", "date", "date_display", "url"]


class MembershipSummarySerializer(DatedFields, SummarySerializer):
    class Meta:
        model = Membership
        fields = ["slug", "kind", "date", "date_display", "url"]


class FigureSummarySerializer(DatedFields, SummarySerializer):
    class Meta:
        model = Figure
        fields = ["slug", "label", "value", "qualifier", "unit", "date", "date_display", "url"]


class ParticipationSerializer(serializers.ModelSerializer):
    country = CountrySummarySerializer(read_only=True)

    class Meta:
        model = Participation
        fields = ["country", "role"]


class ProjectParticipationSerializer(serializers.ModelSerializer):
    project = ProjectSummarySerializer(read_only=True)

    class Meta:
        model = Participation
        fields = ["project", "role"]


# --- Records, as the public reads them -------------------------------------------


class PeriodSerializer(history_serializers.PeriodSerializer):
    events = EventSummarySerializer(many=True, read_only=True)

    class Meta(history_serializers.PeriodSerializer.Meta):
        fields = [*history_serializers.PeriodSerializer.Meta.fields, "events"]


class PersonSerializer(history_serializers.PersonSerializer):
    events = EventSummarySerializer(many=True, read_only=True)

    class Meta(history_serializers.PersonSerializer.Meta):
        fields = [*history_serializers.PersonSerializer.Meta.fields, "events"]


class CountrySerializer(CitedRecordSerializer):
    url = CountryUrlField()
    code = serializers.CharField(read_only=True, help_text="ISO 3166-1 alpha-2.")
    relations = RelationSummarySerializer(many=True, read_only=True)
    missions = MissionSummarySerializer(many=True, read_only=True)
    projects = ProjectParticipationSerializer(source="participations", many=True, read_only=True)
    events = EventSummarySerializer(many=True, read_only=True)
    figures = FigureSummarySerializer(many=True, read_only=True)
    documents = DocumentSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Country
        fields = [
            "code",
            "name",
            "summary",
            "relations",
            "missions",
            "projects",
            "events",
            "figures",
            "documents",
        ]


class RelationSerializer(DatedFields, CitedRecordSerializer):
    country = CountrySummarySerializer(read_only=True)
    figures = FigureSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Relation
        fields = [
            "title",
            "kind",
            "country",
            *DATE_FIELDS,
            "summary",
            "figures",
        ]


class MissionSerializer(DatedFields, CitedRecordSerializer):
    country = CountrySummarySerializer(read_only=True)
    ended_display = serializers.CharField(read_only=True, help_text="As people write it.")
    ended_by = EventSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Mission
        fields = [
            "title",
            "direction",
            "kind",
            "country",
            "city",
            *DATE_FIELDS,
            "ended",
            "ended_display",
            "ended_by",
            "summary",
        ]


class OrganizationSerializer(CitedRecordSerializer):
    parent = OrganizationSummarySerializer(read_only=True, allow_null=True)
    organs = OrganizationSummarySerializer(many=True, read_only=True)
    memberships = MembershipSummarySerializer(many=True, read_only=True)
    events = EventSummarySerializer(many=True, read_only=True)
    figures = FigureSummarySerializer(many=True, read_only=True)
    documents = DocumentSummarySerializer(many=True, read_only=True)
    documents_issued = DocumentSummarySerializer(many=True, read_only=True)
    elections = MembershipSummarySerializer(
        many=True, read_only=True, help_text="Seats this body elected Azerbaijan to."
    )

    class Meta:
        model = Organization
        fields = [
            "name",
            "acronym",
            "parent",
            "organs",
            "summary",
            "memberships",
            "elections",
            "events",
            "figures",
            "documents",
            "documents_issued",
        ]


class MembershipSerializer(DatedFields, CitedRecordSerializer):
    organization = OrganizationSummarySerializer(read_only=True)
    elected_display = serializers.CharField(read_only=True, help_text="As people write it.")
    elected_by = OrganizationSummarySerializer(read_only=True, allow_null=True)
    figures = FigureSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Membership
        fields = [
            "organization",
            "kind",
            *DATE_FIELDS,
            "elected",
            "elected_display",
            "elected_by",
            "votes_received",
            "votes_cast",
            "summary",
            "figures",
        ]


class ProjectSerializer(DatedFields, CitedRecordSerializer):
    part_of = ProjectSummarySerializer(many=True, read_only=True)
    components = ProjectSummarySerializer(many=True, read_only=True)
    participants = ParticipationSerializer(source="participations", many=True, read_only=True)
    events = EventSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Project
        fields = [
            "name",
            "kind",
            *DATE_FIELDS,
            "part_of",
            "components",
            "participants",
            "summary",
            "events",
        ]


class EventSerializer(DatedFields, CitedRecordSerializer):
    periods = PeriodSummarySerializer(many=True, read_only=True)
    people = PersonSummarySerializer(many=True, read_only=True)
    countries = CountrySummarySerializer(many=True, read_only=True)
    organizations = OrganizationSummarySerializer(many=True, read_only=True)
    projects = ProjectSummarySerializer(many=True, read_only=True)
    missions_ended = MissionSummarySerializer(many=True, read_only=True)
    documents = DocumentSummarySerializer(many=True, read_only=True)
    figures = FigureSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "title",
            "category",
            *DATE_FIELDS,
            "summary",
            "periods",
            "people",
            "countries",
            "organizations",
            "projects",
            "missions_ended",
            "documents",
            "figures",
        ]


class DocumentSerializer(DatedFields, CitedRecordSerializer):
    issued_by = OrganizationSummarySerializer(read_only=True, allow_null=True)
    events = EventSummarySerializer(many=True, read_only=True)
    countries = CountrySummarySerializer(many=True, read_only=True)
    organizations = OrganizationSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Document
        fields = [
            "title",
            "kind",
            *DATE_FIELDS,
            "issuer",
            "issued_by",
            "summary",
            "events",
            "countries",
            "organizations",
        ]


class PrioritySerializer(CitedRecordSerializer):
    class Meta:
        model = Priority
        fields = [
            "title",
            "kind",
            "position",
            "summary",
        ]


class FigureSerializer(DatedFields, CitedRecordSerializer):
    country = CountrySummarySerializer(read_only=True, allow_null=True)
    organization = OrganizationSummarySerializer(read_only=True, allow_null=True)
    event = EventSummarySerializer(read_only=True, allow_null=True)
    membership = MembershipSummarySerializer(read_only=True, allow_null=True)
    relation = RelationSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Figure
        fields = [
            "label",
            "value",
            "qualifier",
            "unit",
            *DATE_FIELDS,
            "country",
            "organization",
            "event",
            "membership",
            "relation",
        ]


# --- Records, as editors write them ---------------------------------------------


class CountryCodeField(serializers.SlugRelatedField):
    """A country by its ISO code, in either case."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Country.objects.all())
        super().__init__(slug_field="code", **kwargs)

    def to_internal_value(self, data):
        return super().to_internal_value(data.upper() if isinstance(data, str) else data)

    def to_representation(self, country):
        return country.code.code


class CountryWriteSerializer(CitedRecordWriteSerializer):
    class Meta:
        model = Country
        fields = ["code", "name", "summary"]


class RelationWriteSerializer(CitedRecordWriteSerializer):
    country = CountryCodeField()

    class Meta:
        model = Relation
        fields = [
            "title",
            "kind",
            "country",
            "date",
            "planned",
            "summary",
        ]


class MissionWriteSerializer(CitedRecordWriteSerializer):
    country = CountryCodeField()

    class Meta:
        model = Mission
        fields = [
            "title",
            "direction",
            "kind",
            "country",
            "city",
            "date",
            "planned",
            "ended",
            "ended_by",
            "summary",
        ]


class OrganizationWriteSerializer(CitedRecordWriteSerializer):
    class Meta:
        model = Organization
        fields = ["name", "acronym", "parent", "summary"]


class MembershipWriteSerializer(CitedRecordWriteSerializer):
    class Meta:
        model = Membership
        fields = [
            "organization",
            "kind",
            "date",
            "planned",
            "elected",
            "elected_by",
            "votes_received",
            "votes_cast",
            "summary",
        ]


class ProjectWriteSerializer(CitedRecordWriteSerializer):
    class Meta:
        model = Project
        fields = ["name", "kind", "part_of", "date", "planned", "summary"]


class EventWriteSerializer(CitedRecordWriteSerializer):
    countries = CountryCodeField(many=True, required=False)

    class Meta:
        model = Event
        fields = [
            "title",
            "category",
            "date",
            "planned",
            "summary",
            "periods",
            "people",
            "countries",
            "organizations",
            "projects",
        ]


class DocumentWriteSerializer(CitedRecordWriteSerializer):
    countries = CountryCodeField(many=True, required=False)

    class Meta:
        model = Document
        fields = [
            "title",
            "kind",
            "date",
            "planned",
            "issuer",
            "issued_by",
            "summary",
            "events",
            "countries",
            "organizations",
        ]


class PriorityWriteSerializer(CitedRecordWriteSerializer):
    class Meta:
        model = Priority
        fields = ["title", "kind", "position", "summary"]


class FigureWriteSerializer(CitedRecordWriteSerializer):
    country = CountryCodeField(required=False, allow_null=True)

    class Meta:
        model = Figure
        fields = [
            "label",
            "value",
            "qualifier",
            "unit",
            "date",
            "planned",
            "country",
            "organization",
            "event",
            "membership",
            "relation",
        ]
