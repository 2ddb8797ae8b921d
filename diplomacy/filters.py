import django_filters
from django import forms
from django.db.models import Count
from django.utils.functional import cached_property

from history.filters import (
    ChoicesFilter,
    DatedFilterSet,
    OrderingFilter,
    PickedRecordsFilter,
    RecordFilterSet,
    RelatedRecordsFilter,
    SlugsFilter,
)
from history.models import Period, Person

from .models import (
    Country,
    Document,
    Event,
    Figure,
    Membership,
    Mission,
    Organization,
    Priority,
    Project,
    Relation,
)


class CountryCodesField(forms.ModelMultipleChoiceField):
    """ISO codes in either case: ge and GE are the same country."""

    def clean(self, value):
        return super().clean([code.upper() for code in value] if value else value)


class CountryFilter(RelatedRecordsFilter):
    field_class = CountryCodesField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "code")
        kwargs["queryset"] = lambda request: Country.objects.published().only("code", "name")
        super().__init__(*args, **kwargs)


class EventFilterSet(DatedFilterSet):
    search_fields = ("title", "summary", "aliases__name")
    period = SlugsFilter(field_name="periods", model=Period)
    country = CountryFilter(field_name="countries")
    organization = PickedRecordsFilter(
        field_name="organizations",
        model=Organization,
        shown=("name", "acronym"),
        source="api:organization-list",
    )
    person = PickedRecordsFilter(field_name="people", model=Person, source="api:person-list")
    category = ChoicesFilter(choices=Event.Category.choices)
    ordering = OrderingFilter(fields={"date_lower": "date", "title": "title"})

    def facets(self):
        """Counts of the filtered events per category and per period."""
        per_category = self._per_category
        # Counted from the filtered events' links, then named: joined to the
        # periods first, SQLite looked up every filtered event once per period.
        per_period = dict(
            Event.periods.through.objects.filter(event__in=self._counted.values("pk"))
            .values_list("period")
            .annotate(count=Count("pk"))
            .order_by()
        )
        return {
            "category": [
                (value, label, per_category[value])
                for value, label in Event.Category.choices
                if value in per_category
            ],
            "period": [
                (period.slug, period.name, per_period[period.pk])
                for period in Period.objects.published().only("slug", "name")
                if period.pk in per_period
            ],
        }

    def total(self):
        """How many events the filters select: the sum of the category counts."""
        return sum(self._per_category.values())

    @cached_property
    def _counted(self):
        """The filtered events, each once: a filter through a join may repeat one."""
        events = self.qs.order_by()
        if events.query.distinct:
            return Event.objects.filter(pk__in=events.values("pk"))
        return events

    @cached_property
    def _per_category(self):
        return dict(self._counted.values_list("category").annotate(count=Count("pk")).order_by())

    class Meta(DatedFilterSet.Meta):
        model = Event
        fields = [
            "q",
            "year_from",
            "year_to",
            "period",
            "country",
            "organization",
            "person",
            "category",
        ]


class CountryFilterSet(RecordFilterSet):
    search_fields = ("name", "code", "summary", "aliases__name")
    ordering = OrderingFilter(fields={"name": "name", "code": "code"})

    class Meta:
        model = Country
        fields = ["q"]


class RelationFilterSet(DatedFilterSet):
    search_fields = ("title", "summary", "country__name")
    country = CountryFilter()
    kind = ChoicesFilter(choices=Relation.Kind.choices)
    ordering = OrderingFilter(fields={"date_lower": "date", "title": "title"})

    class Meta(DatedFilterSet.Meta):
        model = Relation
        fields = ["q", "year_from", "year_to", "country", "kind"]


class MissionFilterSet(DatedFilterSet):
    search_fields = ("title", "city", "summary", "country__name")
    country = CountryFilter()
    kind = ChoicesFilter(choices=Mission.Kind.choices)
    direction = django_filters.ChoiceFilter(choices=Mission.Direction.choices)
    ordering = OrderingFilter(fields={"date_lower": "date", "title": "title"})

    class Meta(DatedFilterSet.Meta):
        model = Mission
        fields = ["q", "year_from", "year_to", "country", "kind", "direction"]


class OrganizationFilterSet(RecordFilterSet):
    search_fields = ("name", "acronym", "summary", "aliases__name")
    name_fields = ("name", "acronym", "aliases__name")
    name = django_filters.CharFilter(method="filter_name", label="Name")
    kind = django_filters.MultipleChoiceFilter(
        method="filter_kind", choices=Membership.Kind.choices, label="Azerbaijan’s standing"
    )
    ordering = OrderingFilter(fields={"name": "name", "acronym": "acronym"})

    class Meta:
        model = Organization
        fields = ["q", "name", "kind"]

    def filter_kind(self, queryset, name, value):
        # Through the memberships the public sees: a draft one says nothing yet.
        if not value:
            return queryset
        memberships = Membership.objects.published().filter(kind__in=value)
        return queryset.filter(pk__in=memberships.values("organization"))


class MembershipFilterSet(DatedFilterSet):
    search_fields = ("summary", "organization__name", "organization__acronym")
    organization = PickedRecordsFilter(
        model=Organization, shown=("name", "acronym"), source="api:organization-list"
    )
    kind = ChoicesFilter(choices=Membership.Kind.choices)
    elected_by = PickedRecordsFilter(
        model=Organization,
        shown=("name", "acronym"),
        source="api:organization-list",
        label="Elected by",
    )
    ordering = OrderingFilter(fields={"date_lower": "date"})

    class Meta(DatedFilterSet.Meta):
        model = Membership
        fields = ["q", "year_from", "year_to", "organization", "kind", "elected_by"]


class ProjectFilterSet(DatedFilterSet):
    search_fields = ("name", "summary", "aliases__name")
    country = CountryFilter(field_name="countries")
    kind = ChoicesFilter(choices=Project.Kind.choices)
    part_of = SlugsFilter(model=Project, label="Part of")
    ordering = OrderingFilter(fields={"name": "name", "date_lower": "date"})

    class Meta(DatedFilterSet.Meta):
        model = Project
        fields = ["q", "year_from", "year_to", "country", "kind", "part_of"]


class DocumentFilterSet(DatedFilterSet):
    search_fields = ("title", "issuer", "summary", "aliases__name")
    country = CountryFilter(field_name="countries")
    organization = PickedRecordsFilter(
        field_name="organizations",
        model=Organization,
        shown=("name", "acronym"),
        source="api:organization-list",
    )
    kind = ChoicesFilter(choices=Document.Kind.choices)
    ordering = OrderingFilter(fields={"date_lower": "date", "title": "title"})

    class Meta(DatedFilterSet.Meta):
        model = Document
        fields = ["q", "year_from", "year_to", "country", "organization", "kind"]


class PriorityFilterSet(RecordFilterSet):
    search_fields = ("title", "summary")
    kind = ChoicesFilter(choices=Priority.Kind.choices)
    ordering = OrderingFilter(fields={"position": "position", "title": "title"})

    class Meta:
        model = Priority
        fields = ["q", "kind"]


class FigureFilterSet(DatedFilterSet):
    search_fields = ("label", "unit")
    country = CountryFilter()
    organization = PickedRecordsFilter(
        model=Organization, shown=("name", "acronym"), source="api:organization-list"
    )
    ordering = OrderingFilter(fields={"date_lower": "date", "value": "value"})

    class Meta(DatedFilterSet.Meta):
        model = Figure
        fields = ["q", "year_from", "year_to", "country", "organization"]
