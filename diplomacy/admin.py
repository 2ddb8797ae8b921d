import datetime

from django.conf import settings
from django.contrib import admin
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse

from history import languages, versions
from history.admin import CitedRecordAdmin, DatedAdminMixin, HistoryAdmin
from history.models import ErrorReport, Record, Status, required_links

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


@admin.register(Country)
class CountryAdmin(CitedRecordAdmin):
    list_display = ["name", "code", "status", "updated_at"]
    search_fields = ["name", "code", "aliases__name", "summary"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Relation)
class RelationAdmin(DatedAdminMixin, CitedRecordAdmin):
    list_display = ["title", "country", "kind", "when", "status"]
    list_filter = ["status", "kind", "country"]
    search_fields = ["title", "summary", "country__name"]
    autocomplete_fields = ["aliases", "country"]
    list_select_related = ["country"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Mission)
class MissionAdmin(DatedAdminMixin, CitedRecordAdmin):
    list_display = ["title", "country", "direction", "kind", "city", "when", "status"]
    list_filter = ["status", "direction", "kind", "country"]
    search_fields = ["title", "city", "summary", "country__name"]
    autocomplete_fields = ["aliases", "country", "ended_by"]
    list_select_related = ["country"]
    prepopulated_fields = {"slug": ["title"]}


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "organization"  # not the body that elected it
    fields = ["kind", "date", "status", "slug"]
    extra = 0
    show_change_link = True


@admin.register(Organization)
class OrganizationAdmin(CitedRecordAdmin):
    list_display = ["name", "acronym", "parent", "status", "updated_at"]
    list_filter = ["status", "memberships__kind"]
    search_fields = ["name", "acronym", "aliases__name", "summary"]
    autocomplete_fields = ["aliases", "parent"]
    list_select_related = ["parent"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(DatedAdminMixin, CitedRecordAdmin):
    list_display = ["organization", "kind", "when", "status"]
    list_filter = ["status", "kind", "organization"]
    search_fields = ["organization__name", "organization__acronym", "summary"]
    autocomplete_fields = ["aliases", "organization", "elected_by"]
    list_select_related = ["organization"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    autocomplete_fields = ["country", "citations"]
    extra = 1


@admin.register(Project)
class ProjectAdmin(DatedAdminMixin, CitedRecordAdmin):
    list_display = ["name", "kind", "when", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "aliases__name", "summary"]
    autocomplete_fields = ["aliases", "part_of"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ParticipationInline]


@admin.register(Participation)
class ParticipationAdmin(HistoryAdmin):
    list_display = ["project", "country", "role"]
    list_filter = ["role", "project"]
    search_fields = ["project__name", "country__name"]
    autocomplete_fields = ["project", "country", "citations"]
    list_select_related = ["project", "country"]


@admin.register(Event)
class EventAdmin(DatedAdminMixin, CitedRecordAdmin):
    list_display = ["title", "when", "category", "status", "updated_at"]
    list_filter = ["status", "category", "periods", "countries"]
    search_fields = ["title", "summary", "aliases__name"]
    autocomplete_fields = [
        "aliases",
        "periods",
        "people",
        "countries",
        "organizations",
        "projects",
    ]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Document)
class DocumentAdmin(DatedAdminMixin, CitedRecordAdmin):
    list_display = ["title", "kind", "when", "issuer", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "issuer", "summary", "aliases__name"]
    autocomplete_fields = ["aliases", "issued_by", "events", "countries", "organizations"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Priority)
class PriorityAdmin(CitedRecordAdmin):
    list_display = ["title", "kind", "position", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "summary"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Figure)
class FigureAdmin(DatedAdminMixin, CitedRecordAdmin):
    list_display = ["label", "qualifier", "value", "unit", "when", "status"]
    list_filter = ["status", "qualifier"]
    search_fields = ["label", "unit"]
    autocomplete_fields = ["aliases", "country", "organization", "event", "membership", "relation"]
    prepopulated_fields = {"slug": ["label"]}


# --- The editors' dashboard: what awaits review, and every change, across the apps ---

CHANGES_PER_PAGE = 50
BULK_LOADS_SHOWN = 10


def _viewable(request):
    """The tracked models this user may see in the admin, by label."""
    return {
        model._meta.label: model
        for model in versions.tracked_models()
        if model in admin.site._registry
        and admin.site._registry[model].has_view_or_change_permission(request)
    }


def _change_filters(request, models):
    """The filters of the change log from the query string, and a message for bad ones."""
    errors = []
    label = request.GET.get("model", "")
    if label and label not in models:
        errors.append(f"No content model “{label}”.")
        label = ""
    username = request.GET.get("user", "").strip()
    days = {}
    for name in ("from", "to"):
        value = request.GET.get(name, "").strip()
        if not value:
            continue
        try:
            days[name] = datetime.date.fromisoformat(value)
        except ValueError:
            errors.append(f"“{value}” is not a date (YYYY-MM-DD).")
    filters = {"username": username, "day_from": days.get("from"), "day_to": days.get("to")}
    return label, filters, errors


def _in_review(models):
    """The records awaiting review, the longest waiting first."""
    records = []
    for model in models.values():
        if issubclass(model, Record):
            waiting = model.objects.filter(status=Status.IN_REVIEW)
            records += list(waiting.select_related(*(f.name for f in required_links(model))))
    records.sort(key=lambda record: record.updated_at)
    return records


def _translations(models):
    """What the translators have to do: per kind of record, how many records each
    language misses a translation of, or has one older than the English, with the
    lists that show them; and the older ones by name, as they need rereading."""
    names = dict(settings.LANGUAGES)
    others = [(code, names[code]) for code in languages.TRANSLATED]
    kinds, outdated = [], []
    for model in sorted(models.values(), key=lambda model: str(model._meta.verbose_name_plural)):
        if not issubclass(model, Record) or not languages.translated_fields(model):
            continue
        states = versions.translation_states(model)
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        counts = []
        for code, _name in others:
            found = list(states[code].values())
            for state in (versions.MISSING, versions.OUTDATED):
                counts.append((found.count(state), f"{changelist}?translation={code}-{state}"))
        kinds.append((model._meta.verbose_name_plural, counts))
        older = {
            pk: code
            for code in states
            for pk, state in states[code].items()
            if state == versions.OUTDATED
        }
        for record in model.objects.filter(pk__in=older) if older else ():
            language = dict(others)[older[record.pk]]
            outdated.append((record, language, _admin_url(model, "change", record.pk)))
    return {"languages": [name for _code, name in others], "kinds": kinds, "outdated": outdated}


def _admin_url(model, view, pk):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=[pk])


def dashboard_view(request):
    """What awaits review; people's changes, a page at a time; bulk loads, a line each."""
    models = _viewable(request)
    label, filters, errors = _change_filters(request, models)
    chosen = {label: models[label]} if label else models
    page = Paginator(versions.change_log(chosen, **filters), CHANGES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    log = versions.versions_named(chosen, page.object_list)
    for version in log:
        pk = getattr(version, version.model._meta.pk.attname)
        version.history_url = _admin_url(version.model, "history", pk)
        version.kind = version.model._meta.verbose_name
    loads = versions.bulk_loads(chosen, **filters)[:BULK_LOADS_SHOWN]
    for load in loads:
        load["reason"] = load["reason"].rstrip(".")  # the line goes on
        load["kinds"] = ", ".join(
            f"{count} {opts.verbose_name if count == 1 else opts.verbose_name_plural}"
            for opts, count in ((model._meta, n) for model, n in load["kinds"].items())
        )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        **admin.site.each_context(request),
        "title": "Review and changes",
        "in_review": [
            (record, record._meta.verbose_name, _admin_url(type(record), "change", record.pk))
            for record in _in_review(models)
        ],
        "log": log,
        "translations": _translations(models),
        "page_obj": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "query": query.urlencode(),
        "bulk_loads": loads,
        "open_reports": (
            ErrorReport.objects.filter(resolved=False).count()
            if request.user.has_perm("history.view_errorreport")
            else None
        ),
        "errors": errors,
        "kinds": sorted(
            ((label, model._meta.verbose_name_plural) for label, model in models.items()),
            key=lambda kind: kind[1],
        ),
        "filters": {"model": label, "user": filters["username"], **filters},
    }
    return TemplateResponse(request, "admin/dashboard.html", context)
