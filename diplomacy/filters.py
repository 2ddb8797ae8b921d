import django_filters
from django import forms
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from history.filters import (
    CheckboxGroup,
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


class StandingFilter(django_filters.MultipleChoiceFilter):
    """Organizations by the kinds of Azerbaijan's published memberships in them:
    a draft membership says nothing yet."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, widget=CheckboxGroup, **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        memberships = Membership.objects.published().filter(kind__in=value)
        return queryset.filter(pk__in=memberships.values("organization"))

    def option_counts(self, queryset):
        memberships = Membership.objects.published().filter(organization__in=queryset.values("pk"))
        return dict(
            memberships.values_list("kind")
            .annotate(count=Count("organization", distinct=True))
            .order_by()
        )


class EventFilterSet(DatedFilterSet):
    search_fields = ("title", "summary", "aliases__name")
    period = SlugsFilter(field_name="periods", model=Period, label=_("Periods"))
    country = CountryFilter(field_name="countries", label=_("Countries"))
    organization = PickedRecordsFilter(
        field_name="organizations",
        model=Organization,
        shown=("name", "acronym"),
        source="api:organization-list",
        label=_("Organizations"),
    )
    person = PickedRecordsFilter(
        field_name="people", model=Person, source="api:person-list", label=_("People")
    )
    category = ChoicesFilter(choices=Event.Category.choices, label=_("Category"))
    ordering = OrderingFilter(fields={"date_lower": "date", "title": "title"})

    class Meta(DatedFilterSet.Meta):
        model = Event
        fields = [
            "q",
            "year_from",
            "year_to",
            "category",
            "period",
            "country",
            "organization",
            "person",
        ]


class CountryFilterSet(RecordFilterSet):
    search_fields = ("name", "code", "summary", "aliases__name")
    ordering = OrderingFilter(fields={"name": "name", "code": "code"})

    class Meta:
        model = Country
        fields = ["q"]


class RelationFilterSet(DatedFilterSet):
    search_fields = ("title", "summary", "country__name")
    country = CountryFilter(label=_("Country"))
    kind = ChoicesFilter(choices=Relation.Kind.choices, label=_("Kind"))
    ordering = OrderingFilter(fields={"date_lower": "date", "title": "title"})

    class Meta(DatedFilterSet.Meta):
        model = Relation
        fields = ["q", "year_from", "year_to", "country", "kind"]


class MissionFilterSet(DatedFilterSet):
    search_fields = ("title", "city", "summary", "country__name")
    country = CountryFilter(label=_("Country"))
    kind = ChoicesFilter(choices=Mission.Kind.choices, label=_("Kind"))
    direction = django_filters.ChoiceFilter(
        choices=Mission.Direction.choices, label=_("Direction")
    )
    ordering = OrderingFilter(fields={"date_lower": "date", "title": "title"})

    class Meta(DatedFilterSet.Meta):
        model = Mission
        fields = ["q", "year_from", "year_to", "country", "kind", "direction"]


class OrganizationFilterSet(RecordFilterSet):
    search_fields = ("name", "acronym", "summary", "aliases__name")
    name_fields = ("name", "acronym", "aliases__name")
    name = django_filters.CharFilter(method="filter_name", label=_("Name"))
    kind = StandingFilter(
        field_name="memberships__kind",
        choices=Membership.Kind.choices,
        label=_("Azerbaijan’s standing"),
    )
    ordering = OrderingFilter(fields={"name": "name", "acronym": "acronym"})

    class Meta:
        model = Organization
        fields = ["q", "name", "kind"]


class MembershipFilterSet(DatedFilterSet):
    search_fields = ("summary", "organization__name", "organization__acronym")
    organization = PickedRecordsFilter(
        model=Organization,
        shown=("name", "acronym"),
        source="api:organization-list",
        label=_("Organization"),
    )
    kind = ChoicesFilter(choices=Membership.Kind.choices, label=_("Kind"))
    elected_by = PickedRecordsFilter(
        model=Organization,
        shown=("name", "acronym"),
        source="api:organization-list",
        label=_("Elected by"),
    )
    ordering = OrderingFilter(fields={"date_lower": "date"})

    class Meta(DatedFilterSet.Meta):
        model = Membership
        fields = ["q", "year_from", "year_to", "organization", "kind", "elected_by"]


class ProjectFilterSet(DatedFilterSet):
    search_fields = ("name", "summary", "aliases__name")
    country = CountryFilter(field_name="countries", label=_("Countries"))
    kind = ChoicesFilter(choices=Project.Kind.choices, label=_("Kind"))
    part_of = SlugsFilter(model=Project, label=_("Part of"))
    ordering = OrderingFilter(fields={"name": "name", "date_lower": "date"})

    class Meta(DatedFilterSet.Meta):
        model = Project
        fields = ["q", "year_from", "year_to", "country", "kind", "part_of"]


class DocumentFilterSet(DatedFilterSet):
    search_fields = ("title", "issuer", "summary", "aliases__name")
    country = CountryFilter(field_name="countries", label=_("Countries"))
    organization = PickedRecordsFilter(
        field_name="organizations",
        model=Organization,
        shown=("name", "acronym"),
        source="api:organization-list",
        label=_("Organizations"),
    )
    kind = ChoicesFilter(choices=Document.Kind.choices, label=_("Kind"))
    ordering = OrderingFilter(fields={"date_lower": "date", "title": "title"})

    class Meta(DatedFilterSet.Meta):
        model = Document
        fields = ["q", "year_from", "year_to", "country", "organization", "kind"]


class PriorityFilterSet(RecordFilterSet):
    search_fields = ("title", "summary")
    kind = ChoicesFilter(choices=Priority.Kind.choices, label=_("Kind"))
    ordering = OrderingFilter(fields={"position": "position", "title": "title"})

    class Meta:
        model = Priority
        fields = ["q", "kind"]


class FigureFilterSet(DatedFilterSet):
    search_fields = ("label", "unit")
    country = CountryFilter(label=_("Country"))
    organization = PickedRecordsFilter(
        model=Organization,
        shown=("name", "acronym"),
        source="api:organization-list",
        label=_("Organization"),
    )
    ordering = OrderingFilter(fields={"date_lower": "date", "value": "value"})

    class Meta(DatedFilterSet.Meta):
        model = Figure
        fields = ["q", "year_from", "year_to", "country", "organization"]
