import contextlib
import contextvars

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history import register as register_history
from simple_history.models import HistoricalRecords

from . import dates, text

CHANGE_REASON_LENGTH = 100  # django-simple-history's history_change_reason column
# The reason of a version whose save gave none, by its history type.
UNSTATED = {"+": "Created.", "~": "Changed.", "-": "Deleted."}


def in_original_language():
    """Within it, a translated field (`record.title`) means its English text: the
    original, which the plain column holds (config/settings.py: MODELTRANSLATION_*)."""
    return translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


class ContentHistory(HistoricalRecords):
    """django-simple-history's HistoricalRecords, able to write a version on demand.

    Every content model keeps a Historical<Model> table: one row per change with
    who, when and the whole record, and for the many-to-many links named in the
    model's `_history_m2m_fields` (citations, aliases …) a row per link. See
    history/versions.py for writing, restoring and recovering versions.
    """

    tracked = {}  # model -> the ContentHistory that tracks it

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if getattr(sender._meta, "simple_history_manager_attribute", None) and (
            sender is self.cls or (self.inherit and issubclass(sender, self.cls))
        ):
            self.tracked.setdefault(sender, self)

    def pre_delete(self, instance, **kwargs):
        super().pre_delete(instance, **kwargs)
        if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            return
        # The links are gone by the time the deletion row is written: keep them,
        # so that the deletion row shows what was deleted, links included.
        instance._links_at_deletion = {
            field: list(
                field.remote_field.through.objects.filter(
                    **{field.m2m_field_name(): instance}
                ).values()
            )
            for field in self.get_m2m_fields_from_model(type(instance))
        }

    def create_historical_record_m2ms(self, history_instance, instance):
        links = getattr(instance, "_links_at_deletion", None)
        if history_instance.history_type != "-" or links is None:
            return super().create_historical_record_m2ms(history_instance, instance)
        for field in history_instance._history_m2m_fields:
            m2m_model = self.m2m_models[field]
            m2m_model.objects.bulk_create(
                m2m_model(history=history_instance, **values) for values in links.get(field, [])
            )

    def get_change_reason_for_object(self, instance, history_type, using):
        # The reason's column holds 100 characters: a longer reason ("Linked again
        # to …" a long title) is shortened, not cut mid-word or refused. A save
        # that gives none (a deletion, a shell save) says what it did.
        reason = super().get_change_reason_for_object(instance, history_type, using)
        return text.shorten(reason, CHANGE_REASON_LENGTH) if reason else UNSTATED[history_type]

    def create_historical_record(self, instance, history_type, using=None):
        pending = _pending_versions.get()
        if pending is None or history_type == "-":
            # A version's plain columns (title) hold the English, as the record's do;
            # each language has its own column (title_az) beside them.
            with in_original_language():
                return super().create_historical_record(instance, history_type, using)
        # Within one_version_each(): remember the record, write its version at the end.
        model = instance._meta.concrete_model
        first = pending.get((model, instance.pk), {})
        pending[(model, instance.pk)] = {
            "type": first.get("type", history_type),
            "user": getattr(instance, "_history_user", None) or first.get("user"),
            "reason": getattr(instance, "_change_reason", None) or first.get("reason"),
        }


_pending_versions = contextvars.ContextVar("pending_versions", default=None)


def _unchanged_since_last_version(record):
    """Whether `record`, fields and tracked links, is exactly its last version."""
    with in_original_language():
        return _same_as_last_version(record)


def _same_as_last_version(record):
    model = type(record)
    tracker = ContentHistory.tracked[model]
    latest = (
        model.history.filter(**{model._meta.pk.attname: record.pk})
        .order_by("-history_date", "-history_id")
        .first()
    )
    if latest is None or latest.history_type == "-":
        return False
    for field in tracker.fields_included(record):
        if getattr(record, field.attname) != getattr(latest, field.attname):
            return False
    for field in latest._history_m2m_fields:
        m2m_model = ContentHistory.m2m_models[field]
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        then = set(m2m_model.objects.filter(history=latest).values_list(f"{target}_id", flat=True))
        through = field.remote_field.through
        now = set(
            through.objects.filter(**{f"{source}_id": record.pk}).values_list(
                f"{target}_id", flat=True
            )
        )
        if then != now:
            return False
    return True


@contextlib.contextmanager
def one_version_each():
    """Write one version per record changed inside the block, as it stands at the end.

    A save and then several many-to-many changes (an admin form with its
    inlines, an API write with its citations) would otherwise write a version
    for each step. Deletions are written at once; records created and deleted
    inside the block leave only their deletion.
    """
    if _pending_versions.get() is not None:
        yield
        return
    token = _pending_versions.set({})
    try:
        yield
        pending = _pending_versions.get()
    finally:
        _pending_versions.reset(token)
    for (model, pk), change in pending.items():
        record = model._base_manager.filter(pk=pk).first()
        if record is None or _unchanged_since_last_version(record):
            continue  # deleted, or its changes were rolled back (e.g. an import's dry run)
        if change["user"] is not None:
            record._history_user = change["user"]
        if change["reason"]:
            record._change_reason = change["reason"]
        ContentHistory.tracked[model].create_historical_record(record, change["type"])


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


def is_public_model(model):
    """Whether the public side reads `model` through a `published()` door."""
    return callable(getattr(model._default_manager, "published", None))


def public_models():
    """Every model the public reads through a door, in the content apps' order."""
    return [
        model
        for app_label in settings.CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models()
        if is_public_model(model)
    ]


def required_links(model):
    """The foreign keys a `model` row cannot stand without, to public models."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.many_to_one and not field.null and is_public_model(field.related_model)
    ]


def optional_links(model, many=True):
    """The links a `model` row can stand without, to public models: nullable
    foreign keys and (if `many`) many-to-many fields. Passages are left to
    with_passages(); a link through a model of its own (a project's countries,
    through participations) is read through that model."""
    return [
        field.name
        for field in model._meta.get_fields()
        if field.concrete
        and ((many and field.many_to_many) or (field.many_to_one and field.null))
        and is_public_model(field.related_model)
        and field.name not in ("citations", "aliases")
        and (not field.many_to_many or field.remote_field.through._meta.auto_created)
    ]


def pointing_links(model):
    """The reverse accessors of the public records that point at a `model` row
    (an organization's memberships, events and organs; a person's quotes and
    events): the lists its page and API answer show. Passages (citations,
    aliases) are shown from the record that cites them, not from their source."""
    return [
        relation.get_accessor_name()
        for relation in model._meta.related_objects
        if is_public_model(relation.related_model)
        and not issubclass(relation.related_model, Passage)
        # A list through a model of its own (a project's countries) is read
        # through that model (participations).
        and not (relation.many_to_many and not relation.through._meta.auto_created)
    ]


def public_condition(model, prefix="", _seen=()):
    """What makes a `model` row public, as a filter on the row `prefix` leads to.

    Published, if the model has a status; and so is every public record it
    cannot stand without (a required foreign key: a quote's speaker, a
    relation's country, a citation's source), and what they stand on in turn.
    Optional links (nullable foreign keys, many-to-many) do not hide the record:
    the channels read them through `with_links()`, which leaves drafts out.
    """
    condition = Q()
    if any(field.name == "status" for field in model._meta.concrete_fields):
        condition &= Q(**{f"{prefix}status": Status.PUBLISHED})
    for field in required_links(model):
        if field.related_model not in (model, *_seen):  # a cycle of required links ends here
            condition &= public_condition(
                field.related_model, f"{prefix}{field.name}__", (*_seen, model)
            )
    return condition


class PublicQuerySet(models.QuerySet):
    def _post_init(self):
        # django-modeltranslation makes every content model's queryset its own
        # MultilingualQuerySet, which would rewrite `title` in filters, ordering
        # and values() to the reader's language's column (title_az), mostly empty:
        # lists would lose their order and text filters their matches. Ours comes
        # first in that class, so queries keep the plain columns, which hold the
        # English (Record.save): in every language they filter and sort as in
        # English. A record's translated text is read from the record
        # (`record.title`), with its fallback to English.
        self._rewrite = False
        self._populate = None

    def published(self):
        """The only door through which the public side reads content."""
        return self.filter(public_condition(self.model))

    def with_links(self, *names, nested=False):
        """Prefetch these links (foreign keys, many-to-many, reverse), public records only.

        A draft at the end of a foreign key reads as None; a draft in a list of
        related records is left out. So no channel names what the public may not see.
        Each linked record comes with what it stands on (a relation's country),
        and if `nested`, with its optional foreign keys, through their door too
        (a listed membership's electing body).
        """
        lookups = []
        for name in names:
            target = self.model._meta.get_field(name).related_model
            required = [field.name for field in required_links(target)]
            linked = target.objects.published().select_related(*required)
            if nested:
                linked = linked.with_links(*optional_links(target, many=False))
            lookups.append(models.Prefetch(name, linked))
        return self.prefetch_related(*lookups)

    def with_own_links(self):
        """The records with every link their model declares, each through the door.

        What they stand on is joined; optional links (nullable foreign keys,
        many-to-many) are prefetched with with_links(); a cited record's passages
        with with_passages(). What a page, an API answer or the export shows of a
        record itself; the records that point at it are the caller's to add.
        """
        required = [field.name for field in required_links(self.model)]
        queryset = self.select_related(*required).with_links(*optional_links(self.model))
        if issubclass(self.model, CitedRecord):
            queryset = queryset.with_passages()
        return queryset

    def for_detail(self):
        """What a record's page and its API answer show: its own links, and the
        public records pointing at it (`pointing_links`), each through its door."""
        return self.with_own_links().with_links(*pointing_links(self.model), nested=True)


class RecordQuerySet(PublicQuerySet):
    def uncited(self):
        return self.filter(citations__isnull=True)

    def due(self, now):
        """Records in review whose scheduled publication (`publish_at`) has come."""
        return self.filter(status=Status.IN_REVIEW, publish_at__lte=now)

    def with_passages(self):
        """Prefetch citations and aliases, from published sources only, with their source."""
        return self.prefetch_related(
            models.Prefetch("citations", Citation.public_with_source()),
            models.Prefetch("aliases", Alias.public_with_source()),
        )


CHRONOLOGICAL_KEY = ("date_lower", "date_upper", "id")


class RowComparison(models.Expression):
    """`(a, b, c) > (x, y, z)`: a row-value comparison, true or false as a filter.

    Written as one row comparison on SQLite too (Django spells its own tuple
    lookups there as an OR of the columns), so that both databases seek an
    index on the same columns instead of scanning it.
    """

    output_field = models.BooleanField()

    def __init__(self, fields, operator, values):
        if operator not in ("<", ">") or len(fields) != len(values):
            raise ValueError("RowComparison needs < or > and as many values as fields.")
        super().__init__()
        self.columns = [F(name) for name in fields]
        self.operator = operator
        self.values = tuple(values)

    def get_source_expressions(self):
        return self.columns

    def set_source_expressions(self, expressions):
        self.columns = expressions

    def as_sql(self, compiler, connection):
        columns, params = [], []
        for column in self.columns:
            sql, column_params = compiler.compile(column)
            columns.append(sql)
            params.extend(column_params)
        placeholders = ", ".join(["%s"] * len(self.values))
        return f"({', '.join(columns)}) {self.operator} ({placeholders})", (*params, *self.values)


class DatedQuerySet(RecordQuerySet):
    def overlapping(self, year_from=None, year_to=None):
        """Records whose date span overlaps the years from `year_from` to `year_to`."""
        queryset = self
        if year_from is not None:
            queryset = queryset.filter(date_upper__gte=dates.bound(year_from))
        if year_to is not None:
            queryset = queryset.filter(date_lower__lte=dates.bound(year_to, 12, 31))
        return queryset

    def before(self, record):
        """The record just before `record` in chronological order, if any."""
        return self._neighbour(record, "<", "-")

    def after(self, record):
        """The record just after `record` in chronological order, if any."""
        return self._neighbour(record, ">", "")

    def _neighbour(self, record, operator, direction):
        # One row comparison, (date_lower, date_upper, id) > (…), ordered by the
        # same three columns: an index seek on Dated's chronological index.
        if record.date_lower is None:
            return None
        key = (record.date_lower, record.date_upper, record.pk)
        return (
            self.filter(RowComparison(CHRONOLOGICAL_KEY, operator, key))
            .order_by(*(direction + name for name in CHRONOLOGICAL_KEY))
            .first()
        )

    def chronological(self):
        """Earliest possible date first, then the latest; undated records last."""
        return self.order_by(
            F("date_lower").asc(nulls_last=True), F("date_upper").asc(nulls_last=True)
        )


class RecordManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Record(models.Model):
    """A public record: addressed by its slug, seen only once published."""

    slug = models.SlugField(max_length=120, unique=True)
    # Not indexed alone: half the rows or more share one status, and SQLite's
    # planner, given such an index, drives joins from it (every published
    # source, then their citations) instead of from the few rows asked for.
    # Dated records have it first in their chronological index.
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # Scheduled publishing: `manage.py publish_scheduled` (cron, every minute)
    # publishes a record in review once this moment has come.
    publish_at = models.DateTimeField(
        "publish at",
        null=True,
        blank=True,
        db_index=True,
        help_text="Publish automatically at this moment once the record is in review "
        "and cites a source. Only Publishers set it.",
    )
    note = models.TextField(
        "about this record",
        blank=True,
        help_text="For readers, under the summary: where a date or a name comes from, "
        "what the editors identified or inferred and why. Markdown.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RecordManager.from_queryset(RecordQuerySet)()
    # Versions (`history`): each model's are made in its app's translation.py
    # (keep_versions), once its translation columns exist.

    # What site search reads besides the title (str(record)) and the note:
    # attribute paths, in order. Every record is searched.
    search_body = ()

    class Meta:
        abstract = True
        # "publish" is what separates Publishers from Editors.
        default_permissions = ("add", "change", "delete", "view", "publish")

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        opts = self._meta
        return reverse(f"{opts.app_label}:{opts.model_name}-detail", args=[self.slug])

    @property
    def is_published(self):
        """Published by status (an editorial fact), whether or not the public sees it."""
        return self.status == Status.PUBLISHED

    @property
    def is_public(self):
        """Whether the public sees the record as saved: asked of the door, one query."""
        return self.pk is not None and type(self).objects.published().filter(pk=self.pk).exists()

    def save(self, *args, **kwargs):
        if self.status != Status.IN_REVIEW:
            # A schedule holds for a record in review only: published, it is done
            # with; back to draft, the Publisher's approval is gone with it.
            self.publish_at = None
        # Whatever language the editor reads the admin in, the plain column (title)
        # gets the English text (title_en), and so does everything the save sets
        # off (its version, the search index).
        with in_original_language():
            super().save(*args, **kwargs)


def keep_versions(model):
    """Keep every version of `model`'s records, each language's fields included.

    Called from the app's translation.py once django-modeltranslation has added
    the model's translation columns (see history/translation.py): a history
    model made before that would lack them.
    """
    register_history(model, records_class=ContentHistory)


class CitedRecord(Record):
    """A record that rests on cited passages and keeps the sources' spellings."""

    citations = models.ManyToManyField(
        "history.Citation", blank=True, related_name="%(app_label)s_%(class)s_set"
    )
    aliases = models.ManyToManyField(
        "history.Alias",
        blank=True,
        related_name="%(app_label)s_%(class)s_set",
        help_text="Other spellings of the name, as the sources write them.",
    )

    # Links whose every change is kept in the history, so that a restored or
    # recovered record gets them back.
    _history_m2m_fields = ["citations", "aliases"]

    search_body = ("summary",)

    class Meta(Record.Meta):
        abstract = True


class Dated(models.Model):
    """A date of any precision, kept as EDTF with integer sort bounds."""

    date = models.CharField(
        max_length=64,
        blank=True,
        validators=[dates.validate_edtf],
        help_text="EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), "
        "2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).",
    )
    planned = models.BooleanField(
        "planned",
        default=False,
        help_text="The source speaks of it as still to come: planned, not done, when written.",
    )
    date_lower = models.IntegerField(null=True, blank=True, editable=False, db_index=True)
    # Indexed too: a year range compares both bounds (DatedQuerySet.overlapping).
    date_upper = models.IntegerField(null=True, blank=True, editable=False, db_index=True)

    objects = RecordManager.from_queryset(DatedQuerySet)()

    class Meta:
        abstract = True
        default_permissions = Record.Meta.default_permissions
        # Published records in chronological order, pk last: the neighbours of a
        # record's page (DatedQuerySet.before and after) are one seek in it, on
        # SQLite too, whose planner would otherwise walk the status index.
        indexes = [
            models.Index(
                fields=["status", *CHRONOLOGICAL_KEY], name="%(app_label)s_%(class)s_chrono"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_lower__lte=F("date_upper")),
                name="%(app_label)s_%(class)s_end_not_before_start",
                violation_error_message="The end of the date comes before its start.",
            ),
            models.CheckConstraint(
                condition=Q(date="", date_lower__isnull=True, date_upper__isnull=True)
                | (~Q(date="") & Q(date_lower__isnull=False, date_upper__isnull=False)),
                name="%(app_label)s_%(class)s_date_bounds_derived",
            ),
        ]

    def clean(self):
        super().clean()
        # Bounds are derived before the constraints are checked; a bad date is
        # reported by the field's own validator.
        with contextlib.suppress(ValidationError):
            self.derive_date_bounds()

    def derive_date_bounds(self):
        if self.date:
            span = dates.parse(self.date)
            self.date_lower, self.date_upper = span.lower, span.upper
        else:
            self.date_lower = self.date_upper = None

    @property
    def date_display(self):
        return dates.humanize(self.date)


# --- Sources and what is cited from them -------------------------------------


class Source(Dated, Record):
    """A document the content rests on, with its full text, dated as far as it allows."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        UNTITLED = "untitled", _("Untitled text")

    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    author = models.CharField(max_length=200, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(blank=True)
    description = models.TextField(blank=True)
    text = models.TextField(help_text="The full text, so that citations can be checked.")

    search_body = ("author", "publisher", "description", "text")

    class Meta(Dated.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def cited_records(self):
        """{citation id: [published records citing it]}, one query per cited model."""
        records = {}
        for relation in Citation._meta.related_objects:
            if not (relation.many_to_many and issubclass(relation.related_model, Record)):
                continue
            record_field = relation.field.m2m_field_name()
            # A record's name and address may need what it hangs on (a mission's
            # country, a quote's speaker): fetched in the same query.
            hangs_on = [
                f"{record_field}__{field.name}" for field in required_links(relation.related_model)
            ]
            links = (
                relation.through.objects.filter(citation__source=self)
                .filter(public_condition(relation.related_model, f"{record_field}__"))
                .select_related(record_field, *hangs_on)
            )
            for link in links:
                records.setdefault(link.citation_id, []).append(getattr(link, record_field))
        return records

    def passages(self):
        """The text cut into plain and cited stretches, for highlighting.

        Yields (text, citations, records): citations and records are empty for
        plain stretches; overlapping citations share one stretch.
        """
        cited = self.cited_records()
        spans = []
        for citation in self.citations.filter(pk__in=cited):
            found = text.find(self.text, citation.quote)
            if found:
                spans.append((*found, citation))
        spans.sort(key=lambda span: span[:2])
        position = 0
        while spans:
            start, end, citation = spans.pop(0)
            group = [citation]
            while spans and spans[0][0] < end:
                end = max(end, spans[0][1])
                group.append(spans.pop(0)[2])
            if start > position:
                yield self.text[position:start], [], []
            records = list(dict.fromkeys(r for c in group for r in cited[c.pk]))
            yield self.text[start:end], group, records
            position = end
        if position < len(self.text):
            yield self.text[position:], [], []


class PassageManager(models.Manager.from_queryset(PublicQuerySet)):
    def get_by_natural_key(self, source_slug, words):
        return self.get(source__slug=source_slug, **{self.model.WORDS_FIELD: words})


class Passage(models.Model):
    """Words that must stand verbatim in their source's text."""

    WORDS_FIELD = None  # the field holding the words: set by each subclass

    objects = PassageManager()

    class Meta:
        abstract = True

    @classmethod
    def public_with_source(cls):
        """The passages the public may read, with their source's title (not its text)."""
        return cls.objects.published().select_related("source").defer("source__text")

    def natural_key(self):
        return (self.source.slug, getattr(self, self.WORDS_FIELD))

    natural_key.dependencies = ["history.source"]

    def clean(self):
        words = getattr(self, self.WORDS_FIELD)
        if self.source_id and words and not text.contains(self.source.text, words):
            raise ValidationError(
                {
                    self.WORDS_FIELD: f"These words do not appear in “{self.source}”. "
                    "Copy them exactly from the source text."
                },
                code="not_in_source",
            )


class Citation(Passage):
    """The exact words of a source that a record rests on."""

    WORDS_FIELD = "quote"

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    quote = models.TextField(help_text="The exact words, copied from the source text.")
    locator = models.CharField(
        max_length=100, blank=True, help_text="Where in the source: a page or paragraph."
    )

    history = ContentHistory()

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["source", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "quote"], name="citation_unique_quote")
        ]

    def __str__(self):
        return self.describe(text.shorten(self.quote, 80))

    @property
    def in_full(self):
        """The whole quoted words, with their source and locator."""
        return self.describe(self.quote)

    def describe(self, words):
        where = f"{self.source}, {self.locator}" if self.locator else f"{self.source}"
        return f"“{words}” — {where}"

    def cited_by(self):
        """Every record, of any model, that rests on this passage."""
        return [
            record
            for relation in self._meta.related_objects
            if relation.many_to_many
            for record in getattr(self, relation.get_accessor_name()).all()
        ]


class Alias(Passage):
    """A spelling of a name exactly as a source writes it."""

    WORDS_FIELD = "name"

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="aliases")
    name = models.CharField(max_length=200)

    history = ContentHistory()

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["source", "name"], name="alias_unique_name")
        ]

    def __str__(self):
        return self.name


# --- The record through time ---------------------------------------------------


class Period(Dated, CitedRecord):
    """A state, dynasty or era."""

    class Kind(models.TextChoices):
        STATE = "state", _("State")
        DYNASTY = "dynasty", _("Dynasty")
        ERA = "era", _("Era")

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    summary = models.TextField(blank=True, help_text="Markdown.")
    position = models.PositiveSmallIntegerField(
        default=0,
        help_text="Where the sources' narrative places it: orders the periods, "
        "which the sources mostly do not date.",
    )

    search_body = ("get_kind_display", "summary")

    class Meta(Dated.Meta):
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        ordering = ["position", F("date_lower").asc(nulls_last=True), "name"]

    def __str__(self):
        return self.name


class Person(CitedRecord):
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True, help_text="As the sources describe it.")
    summary = models.TextField(blank=True, help_text="Markdown.")
    periods = models.ManyToManyField(Period, blank=True, related_name="people")

    _history_m2m_fields = [*CitedRecord._history_m2m_fields, "periods"]
    search_body = ("role", "summary")

    class Meta(Record.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Quote(Dated, CitedRecord):
    """Words spoken or written by a person, with the occasion."""

    class Kind(models.TextChoices):
        DIRECT = "direct", _("Direct quotation")
        REPORTED = "reported", _("Reported speech")

    text = models.TextField()
    speaker = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="quotes")
    occasion = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.DIRECT)

    search_body = ("text", "occasion", "speaker.name")

    class Meta(Dated.Meta):
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = [F("date_lower").asc(nulls_last=True), "slug"]

    def __str__(self):
        return f"{self.speaker}: “{text.shorten(self.text, 60)}”"


# --- Addresses that moved -------------------------------------------------------


class RedirectManager(models.Manager):
    def get_by_natural_key(self, old_path):
        return self.get(old_path=old_path)


class Redirect(models.Model):
    """An old public address and where its record lives now (see signals.py).

    Written when a record's slug changes, so that no link to it ever breaks;
    served by history.middleware.RedirectMiddleware as a 301 instead of a 404.
    """

    old_path = models.CharField(max_length=300, unique=True)
    new_path = models.CharField(max_length=300)
    # A default, not auto_now_add, which a fixture's raw save would leave empty.
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    # By its old address, so that the content's fixtures (a merged record's
    # address) load again without a second row.
    objects = RedirectManager()

    class Meta:
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    def natural_key(self):
        return (self.old_path,)

    @classmethod
    def moved(cls, old_path, new_path):
        """Record that `old_path` moved to `new_path`, keeping every older address working."""
        if old_path == new_path:
            return
        cls.objects.filter(new_path=old_path).update(new_path=new_path)
        cls.objects.update_or_create(old_path=old_path, defaults={"new_path": new_path})
        cls.objects.filter(old_path=models.F("new_path")).delete()
        cls.objects.filter(old_path=new_path).delete()  # the address is in use again


# --- Readers' reports -------------------------------------------------------------


class ErrorReport(models.Model):
    """A reader's report of an error on a public page, for the editors to check."""

    page = models.CharField(max_length=300, help_text="The address of the page reported on.")
    message = models.TextField(max_length=3000, help_text="What is wrong, and where it says so.")
    email = models.EmailField(blank=True, help_text="Given only by readers who want an answer.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    resolved = models.BooleanField(default=False, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "error report"

    def __str__(self):
        return f"{self.page}: {text.shorten(self.message, 60)}"
