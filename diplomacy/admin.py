from django.contrib import admin

from history.admin import CitedRecordAdmin, DatedAdminMixin, HistoryAdmin

from .models import (
    Country,
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
    autocomplete_fields = ["aliases", "country"]
    list_select_related = ["country"]
    prepopulated_fields = {"slug": ["title"]}


class MembershipInline(admin.TabularInline):
    model = Membership
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
    autocomplete_fields = ["aliases", "organization"]
    list_select_related = ["organization"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    autocomplete_fields = ["country", "citations"]
    extra = 1


@admin.register(Project)
class ProjectAdmin(DatedAdminMixin, CitedRecordAdmin):
    list_display = ["name", "kind", "parent", "when", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "aliases__name", "summary"]
    autocomplete_fields = ["aliases", "parent"]
    list_select_related = ["parent"]
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
    autocomplete_fields = ["aliases", "country", "organization"]
    prepopulated_fields = {"slug": ["label"]}
