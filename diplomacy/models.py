from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext, pgettext_lazy
from django_countries.fields import CountryField

from history import dates, grammar
from history.models import (
    CitedRecord,
    ContentHistory,
    Dated,
    Period,
    Person,
    PublicQuerySet,
    Record,
    RecordManager,
    RecordQuerySet,
)

CHRONOLOGICAL = [F("date_lower").asc(nulls_last=True), F("date_upper").asc(nulls_last=True)]


class CountryManager(RecordManager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Country(CitedRecord):
    """A country, and what the sources say of Azerbaijan's relations with it."""

    code = CountryField(unique=True, help_text="ISO 3166-1 alpha-2 code.")
    name = models.CharField(max_length=200, help_text="The preferred name in English.")
    summary = models.TextField(blank=True, help_text="Markdown.")

    objects = CountryManager.from_queryset(RecordQuerySet)()
    natural_key_fields = ("code",)  # how imports and exports name a country

    class Meta(Record.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code.code,)

    def get_absolute_url(self):
        return reverse("diplomacy:country-detail", args=[self.code.code.lower()])

    def holdings(self):
        """What the site holds on the country, as "2 relations · 1 mission".

        Reads the relations, missions and participations prefetched through
        the door (with_links), so a list of countries costs the same queries.
        """
        relations = len(self.relations.all())
        missions = len(self.missions.all())
        projects = len({participation.project_id for participation in self.participations.all()})
        parts = [
            (ngettext("%(n)d relation", "%(n)d relations", relations), relations),
            (ngettext("%(n)d mission", "%(n)d missions", missions), missions),
            (ngettext("%(n)d project", "%(n)d projects", projects), projects),
        ]
        return " · ".join(text % {"n": n} for text, n in parts if n)


class Relation(Dated, CitedRecord):
    """A dated fact of Azerbaijan's bilateral relation with one country."""

    class Kind(models.TextChoices):
        RECOGNITION = "recognition", _("Recognition")
        DIPLOMATIC = "diplomatic", _("Diplomatic relations")
        COOPERATION = "cooperation", _("Cooperation")
        CONFLICT = "conflict", _("Conflict")
        RULE = "rule", _("Rule and occupation")

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="relations")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True, help_text="Markdown.")

    search_body = ("country.name", "get_kind_display", "summary")

    class Meta(Dated.Meta):
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        ordering = ["country__name", *CHRONOLOGICAL]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.country.get_absolute_url()}#{self.slug}"


class Mission(Dated, CitedRecord):
    """A diplomatic mission or consulate, in one direction, when attested."""

    class Direction(models.TextChoices):
        IN_AZERBAIJAN = "in", _("Foreign mission in Azerbaijan")
        ABROAD = "abroad", _("Azerbaijan's mission abroad")

    class Kind(models.TextChoices):
        MISSION = "mission", _("Diplomatic mission")
        CONSULATE = "consulate", _("Consulate")
        MISSION_OR_CONSULATE = "mission-or-consulate", _("Diplomatic mission or consulate")
        EMBASSY = "embassy", _("Embassy")

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="missions")
    direction = models.CharField(max_length=6, choices=Direction.choices)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MISSION)
    city = models.CharField(max_length=100, blank=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True, help_text="Markdown.")
    ended = models.CharField(
        "ended on",
        max_length=64,
        blank=True,
        validators=[dates.validate_edtf],
        help_text="EDTF, e.g. 1923-10-08; empty while the sources attest no end.",
    )
    ended_by = models.ForeignKey(
        "Event",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="missions_ended",
        help_text="The event that ended it, e.g. an order abolishing missions.",
    )

    search_body = ("country.name", "city", "get_kind_display", "summary")

    class Meta(Dated.Meta):
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        ordering = [*CHRONOLOGICAL, "country__name"]

    @property
    def ended_display(self):
        return dates.humanize(self.ended) if self.ended else ""

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.country.get_absolute_url()}#{self.slug}"


class Organization(CitedRecord):
    """An international organization, or an organ of one."""

    name = models.CharField(max_length=200)
    acronym = models.CharField(max_length=20, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organs",
        help_text="The organization this is an organ of.",
    )
    summary = models.TextField(blank=True, help_text="Markdown.")

    search_body = ("acronym", "summary")

    class Meta(Record.Meta):
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def standings(self):
        """Azerbaijan's standings in it, as "Member · Chair" (memberships prefetched)."""
        kinds = dict.fromkeys(member.get_kind_display() for member in self.memberships.all())
        return " · ".join(kinds)


class Membership(Dated, CitedRecord):
    """Azerbaijan's standing in an organization over a span of time."""

    class Kind(models.TextChoices):
        MEMBER = "member", _("Member")
        OBSERVER = "observer", _("Observer")
        PARTNER = "partner", _("Cooperation without membership")
        CHAIR = "chair", _("Chair")
        ELECTED = "elected", _("Elected member of an organ")

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="memberships"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    summary = models.TextField(blank=True, help_text="Markdown.")
    # An election to the seat, as far as the sources tell it.
    elected = models.CharField(
        "elected on",
        max_length=64,
        blank=True,
        validators=[dates.validate_edtf],
        help_text="EDTF, e.g. 2016-06. The term itself is the date.",
    )
    elected_by = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="elections",
        help_text="The body that voted, e.g. the UN General Assembly.",
    )
    votes_received = models.PositiveIntegerField(null=True, blank=True)
    votes_cast = models.PositiveIntegerField(
        null=True, blank=True, help_text="Out of how many, as the source counts them."
    )

    class Meta(Dated.Meta):
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organization__name", *CHRONOLOGICAL]
        constraints = [
            *Dated.Meta.constraints,
            models.CheckConstraint(
                condition=Q(votes_received__lte=F("votes_cast")),
                name="membership_votes_within_cast",
                violation_error_message="More votes received than cast.",
            ),
        ]

    @property
    def elected_display(self):
        return dates.humanize(self.elected) if self.elected else ""

    def __str__(self):
        when = f", {self.date_display}" if self.date else ""
        return f"{self.get_kind_display()}: {self.organization}{when}"

    def get_absolute_url(self):
        return f"{self.organization.get_absolute_url()}#{self.slug}"


class Project(Dated, CitedRecord):
    """An energy or transport project, and the countries taking part."""

    class Kind(models.TextChoices):
        ENERGY = "energy", _("Energy")
        TRANSPORT = "transport", _("Transport")
        CONCEPT = "concept", _("Concept")

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    part_of = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="components",
        help_text="The larger projects or concepts this is part of.",
    )
    summary = models.TextField(blank=True, help_text="Markdown.")
    countries = models.ManyToManyField(
        Country, through="Participation", blank=True, related_name="projects"
    )

    _history_m2m_fields = [*CitedRecord._history_m2m_fields, "part_of"]
    search_body = ("get_kind_display", "summary")

    class Meta(Dated.Meta):
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ParticipationManager(models.Manager.from_queryset(PublicQuerySet)):
    def get_by_natural_key(self, project_slug, country_code, role):
        return self.get(project__slug=project_slug, country__code=country_code, role=role)


class Participation(models.Model):
    """A country's part in a project, as the sources state it."""

    class Role(models.TextChoices):
        INITIATOR = "initiator", _("Initiator")
        MEMBER = "member", pgettext_lazy("a country's role in a project", "Member")
        ROUTE = "route", _("On the route")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="participations")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=10, choices=Role.choices)
    citations = models.ManyToManyField("history.Citation", related_name="participations")

    objects = ParticipationManager()
    natural_key_fields = ("project", "country", "role")
    history = ContentHistory(m2m_fields=["citations"])

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["project", "country__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "country", "role"], name="participation_unique_role"
            )
        ]

    def __str__(self):
        return f"{self.country} in {self.project} ({self.get_role_display()})"

    def natural_key(self):
        return (*self.project.natural_key(), *self.country.natural_key(), self.role)

    natural_key.dependencies = ["diplomacy.project", "diplomacy.country"]


class Event(Dated, CitedRecord):
    """A dated happening, tied to periods, people, countries and organizations."""

    class Category(models.TextChoices):
        STATEHOOD = "statehood", _("Statehood")
        DIPLOMACY = "diplomacy", _("Diplomatic service")
        RECOGNITION = "recognition", _("Recognition")
        CONFLICT = "conflict", _("Conflict and security")
        MULTILATERAL = "multilateral", _("Multilateral diplomacy")
        ECONOMY = "economy", _("Energy, transport and economy")
        CULTURE = "culture", _("Dialogue and culture")

    title = models.CharField(max_length=300)
    category = models.CharField(max_length=12, choices=Category.choices)
    summary = models.TextField(blank=True, help_text="Markdown.")
    periods = models.ManyToManyField(Period, blank=True, related_name="events")
    people = models.ManyToManyField(Person, blank=True, related_name="events")
    countries = models.ManyToManyField(Country, blank=True, related_name="events")
    organizations = models.ManyToManyField(Organization, blank=True, related_name="events")
    projects = models.ManyToManyField(Project, blank=True, related_name="events")

    _history_m2m_fields = [
        *CitedRecord._history_m2m_fields,
        *("periods", "people", "countries", "organizations", "projects"),
    ]
    search_body = ("get_category_display", "summary")

    class Meta(Dated.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = [*CHRONOLOGICAL, "title"]
        indexes = [
            *Dated.Meta.indexes,
            # Covers the list's counts per category (and so its total) for any
            # year range: read from the index alone, not from 100,000 rows.
            models.Index(
                fields=["status", "category", "date_upper", "date_lower"],
                name="diplomacy_event_facets",
            ),
        ]

    def __str__(self):
        return self.title


class Document(Dated, CitedRecord):
    """A named instrument: a resolution, order, final act or instruction."""

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", _("Resolution")
        ORDER = "order", _("Order")
        FINAL_ACT = "final-act", _("Final act")
        FINAL_DOCUMENT = "final-doc", _("Final document")
        INSTRUCTION = "instruction", _("Instruction")
        STATEMENT = "statement", _("Statement or declaration")

    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    issuer = models.CharField(
        max_length=300, blank=True, help_text="Who issued it, as the source names them."
    )
    issued_by = models.ForeignKey(
        "Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents_issued",
        help_text="The organization that issued it, where it has a record.",
    )
    summary = models.TextField(blank=True, help_text="Markdown.")
    events = models.ManyToManyField("Event", blank=True, related_name="documents")
    countries = models.ManyToManyField(Country, blank=True, related_name="documents")
    organizations = models.ManyToManyField(
        "Organization",
        blank=True,
        related_name="documents",
        help_text="The organizations it concerns.",
    )

    _history_m2m_fields = [
        *CitedRecord._history_m2m_fields,
        *("events", "countries", "organizations"),
    ]
    search_body = ("get_kind_display", "issuer", "summary")

    class Meta(Dated.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = [*CHRONOLOGICAL, "title"]

    def __str__(self):
        return self.title


class Priority(CitedRecord):
    """A foreign-policy objective or principle, or a result the sources claim."""

    class Kind(models.TextChoices):
        OBJECTIVE = "objective", _("Objective")
        PRINCIPLE = "principle", _("Principle")
        RESULT = "result", _("Stated result")

    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    summary = models.TextField(blank=True, help_text="Markdown.")
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order within its kind, as the source lists it."
    )

    search_body = ("get_kind_display", "summary")

    class Meta(Record.Meta):
        verbose_name = verbose_name_plural = _("policy")
        ordering = ["kind", "position", "title"]
        # As the site names the section.

    def __str__(self):
        return self.title


class Figure(Dated, CitedRecord):
    """A number as a source states it, with the list behind it left unclaimed."""

    class Qualifier(models.TextChoices):
        EXACT = "", _("Exactly")
        MORE_THAN = "more-than", _("More than")
        ALMOST = "almost", _("Almost")

    label = models.CharField(max_length=300, help_text="What is counted.")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    qualifier = models.CharField(
        max_length=10, choices=Qualifier.choices, blank=True, default=Qualifier.EXACT
    )
    unit = models.CharField(max_length=50, blank=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="figures"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, null=True, blank=True, related_name="figures"
    )
    # What the figure counts, where that has a record of its own.
    event = models.ForeignKey(
        "Event", on_delete=models.PROTECT, null=True, blank=True, related_name="figures"
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.PROTECT, null=True, blank=True, related_name="figures"
    )
    relation = models.ForeignKey(
        Relation, on_delete=models.PROTECT, null=True, blank=True, related_name="figures"
    )

    search_body = ("amount", "date_display")

    class Meta(Dated.Meta):
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering = [*CHRONOLOGICAL, "label"]

    def __str__(self):
        return self.label

    @property
    def quantity(self):
        """The number as a reader says it, with its qualifier: "more than 1,500"."""
        value = floatformat(self.value, "-2g")
        # Azerbaijani puts the number in a case before the qualifier: "80-dən çox".
        if self.qualifier == self.Qualifier.MORE_THAN:
            return pgettext("a figure: more than 80 embassies", "more than %(value)s") % {
                "value": grammar.suffixed(value, grammar.ablative)
            }
        if self.qualifier == self.Qualifier.ALMOST:
            return pgettext("a figure: almost 80 embassies", "almost %(value)s") % {
                "value": grammar.suffixed(value, grammar.dative)
            }
        return value

    @property
    def amount(self):
        """The figure as a reader says it: "more than 1,500 people"."""
        return " ".join(filter(None, [self.quantity, self.unit]))

    def get_absolute_url(self):
        return f"{reverse('diplomacy:home')}#{self.slug}"


# --- Site search -------------------------------------------------------------------


class SearchEntry(models.Model):
    """One published record, flattened for site search (see diplomacy/search.py).

    Only published records have a row: diplomacy/signals.py writes and removes
    rows as records change, and `manage.py rebuild_search_index` rebuilds them
    all. `title`, `aliases` and `body` are the English (the original); `title_az`,
    `body_az`, `title_ru` and `body_ru` the record's translations, empty where
    none is written (aliases are the sources' spellings: never translated). On
    PostgreSQL `vector` holds the weighted tsvector of every language (title A,
    aliases B, body C) behind a GIN index; on SQLite an FTS5 table mirrors the rows.
    """

    kind = models.CharField(max_length=20, help_text="The record's model name, e.g. event.")
    object_id = models.BigIntegerField()
    slug = models.CharField(max_length=120)
    title = models.CharField(max_length=300)
    aliases = models.TextField(blank=True, help_text="Every other spelling, one a line.")
    body = models.TextField(blank=True)
    title_az = models.CharField(max_length=300, blank=True, default="")
    body_az = models.TextField(blank=True, default="")
    title_ru = models.CharField(max_length=300, blank=True, default="")
    body_ru = models.TextField(blank=True, default="")
    url = models.CharField(max_length=300)
    date_lower = models.IntegerField(null=True, blank=True)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name_plural = "search entries"
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]
        indexes = [
            # search.py names it (INDEXED BY) on SQLite, so a rebuilt table must keep it.
            models.Index(fields=["id", "kind"], name="diplomacy_searchentry_id_kind"),
        ]

    def __str__(self):
        return f"{self.kind}: {self.title}"
