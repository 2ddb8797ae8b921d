import datetime

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import reverse

from history import versions
from history.admin import CitedRecordAdmin, DatedAdminMixin, HistoryAdmin
from history.models import ErrorReport, Record, Status

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

CHANGES_PER_PAGE = 100


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
    day_from, day_to = None, None
    for name in ("from", "to"):
        value = request.GET.get(name, "").strip()
        if not value:
            continue
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            errors.append(f"“{value}” is not a date (YYYY-MM-DD).")
            continue
        if name == "from":
            day_from = day
        else:
            day_to = day
    return label, username, day_from, day_to, errors


def changes(models, label="", username="", day_from=None, day_to=None, limit=CHANGES_PER_PAGE):
    """The latest versions across `models` (or the one `label`), newest first."""
    rows = []
    for model_label, model in models.items():
        if label and model_label != label:
            continue
        history = model.history.select_related("history_user")
        if username:
            history = history.filter(history_user__username=username)
        if day_from:
            history = history.filter(history_date__date__gte=day_from)
        if day_to:
            history = history.filter(history_date__date__lte=day_to)
        rows += list(history.order_by("-history_date", "-history_id")[:limit])
    rows.sort(key=lambda version: version.history_date, reverse=True)
    return rows[:limit]


def dashboard_view(request):
    """What awaits review, and the log of changes across all content."""
    models = _viewable(request)
    in_review = []
    for model in models.values():
        if issubclass(model, Record):
            in_review += list(model.objects.filter(status=Status.IN_REVIEW))
    in_review.sort(key=lambda record: record.updated_at)
    label, username, day_from, day_to, errors = _change_filters(request, models)
    log = changes(models, label, username, day_from, day_to)
    for version in log:
        opts = version.instance_type._meta
        pk = getattr(version, opts.pk.attname)
        version.history_url = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_history", args=[pk]
        )
        version.model_name = opts.verbose_name
    context = {
        **admin.site.each_context(request),
        "title": "Review and changes",
        "in_review": [
            (
                record,
                record._meta.verbose_name,
                reverse(
                    f"admin:{record._meta.app_label}_{record._meta.model_name}_change",
                    args=[record.pk],
                ),
            )
            for record in in_review
        ],
        "log": log,
        "open_reports": (
            ErrorReport.objects.filter(resolved=False).count()
            if request.user.has_perm("history.view_errorreport")
            else None
        ),
        "errors": errors,
        "models": sorted(models),
        "filters": {"model": label, "user": username, "from": day_from, "to": day_to},
    }
    return TemplateResponse(request, "admin/dashboard.html", context)
