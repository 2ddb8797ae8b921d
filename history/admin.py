import copy
import datetime
import json

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import connection
from django.db.models import OuterRef, Subquery
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, JSON, XLSX
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from . import editorial, languages, text, versions
from .models import Alias, Citation, ErrorReport, Period, Person, Quote, Source, Status
from .resources import resource_for

IMPORT_EXPORT_FORMATS = [CSV, XLSX, JSON]


class CitationFormSet(BaseInlineFormSet):
    """Refuses to publish a record that cites nothing."""

    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data.get("citation") and not form.cleaned_data.get("DELETE")
        ]
        editorial.check_cited(self.instance, kept)


class CitationInline(admin.TabularInline):
    """A record's citations, one row each; made per model by citation_inline().

    Chosen by their words (autocomplete, searching CitationAdmin.search_fields);
    a chosen citation shows its words in full, with source and locator.
    """

    formset = CitationFormSet
    autocomplete_fields = ["citation"]
    extra = 1
    verbose_name = "citation"
    verbose_name_plural = "citations (the source passages this record rests on)"
    classes = ["citations"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name != "citation":
            return super().formfield_for_foreignkey(db_field, request, **kwargs)
        kwargs["queryset"] = Citation.objects.select_related("source").defer("source__text")
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        field.label_from_instance = lambda citation: citation.in_full
        return field


def citation_inline(model):
    through = model.citations.through
    return type(f"{model.__name__}CitationInline", (CitationInline,), {"model": through})


def shown(field, value):
    """A field's value as the admin shows it, as text."""
    if value is None or value == "":
        return ""
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        return versions.when(value)
    return getattr(value, "in_full", None) or str(value)


def links_diff(old, new):
    """The links that went (<del>) and came (<ins>), one a line, each named in full."""
    gone = [shown(None, link) for link in old if link not in new]
    came = [shown(None, link) for link in new if link not in old]
    return format_html_join(
        "\n",
        '<{0} class="diff">{1}</{0}>',
        [("del", name) for name in gone] + [("ins", name) for name in came],
    )


class VersionDiff(HistoricalRecordContextHelper):
    """What a version changed, field by field: the whole text, the changed words marked."""

    def context_for_delta_changes(self, delta):
        changes = []
        # A translated field's plain column repeats its English (title_en): shown once,
        # as "Title [en]", beside "Title [az]" and "Title [ru]".
        plain = languages.translated_fields(self.model)
        for change in delta.changes:
            if change.field in plain:
                continue
            field = self.model._meta.get_field(change.field)
            old = self.prepare_delta_change_value(change, change.old)
            new = self.prepare_delta_change_value(change, change.new)
            if field.many_to_many:
                diff = links_diff(old, new)
            else:
                diff = versions.word_diff(shown(field, old), shown(field, new))
            changes.append({"field": capfirst(field.verbose_name), "diff": diff})
        return changes


class HistoryAdmin(ImportExportMixin, SimpleHistoryAdmin):
    """Every change kept: a history page with a field-level diff of each version,
    revert to any version (fields and links), and recovery of deleted records.

    An admin save writes one version, once the inlines and links are saved
    (history.middleware.OneVersionPerRequestMiddleware), so that the version
    holds the citations the editor just set.
    """

    history_list_per_page = 50
    object_history_template = "admin/history/object_history.html"
    object_history_list_template = "admin/history/object_history_list.html"
    object_history_form_template = "admin/history/object_history_form.html"
    recover_list_template = "admin/history/recover_list.html"
    # The import and export buttons are added around this one's object tools.
    change_list_template = "admin/history/change_list.html"

    def import_action(self, request, **kwargs):
        """The dry run's table, a file row a table row, its values with their errors beside them.

        Each row gets `cells`: (column, value or diff, that column's errors), and an
        invalid row `other_errors`, those of no one column (a constraint on two).
        """
        response = super().import_action(request, **kwargs)
        result = (getattr(response, "context_data", None) or {}).get("result")
        if result is None:
            return response
        headers = result.diff_headers
        for number, row in enumerate(result.rows, 1):
            cells = list(zip(headers, row.diff or [], strict=False))
            if row.import_type in ("update", "skip"):
                # Named by its first column (its key); then only what changes.
                cells = cells[:1] + [cell for cell in cells[1:] if 'class="diff"' in cell[1]]
            row.number, row.cells = number, cells
        for row in result.invalid_rows:
            errors = row.error_dict
            row.cells = [
                (header, value, errors.get(header, []))
                for header, value in zip(headers, row.values, strict=False)
            ]
            row.other_errors = [
                f"{message}" if name == NON_FIELD_ERRORS else f"{name}: {message}"
                for name, messages in errors.items()
                if name not in headers
                for message in messages
            ]
        return response

    def get_historical_record_context_helper(self, request, historical_record):
        return VersionDiff(self.model, historical_record)

    def get_resource_classes(self, request):
        return [resource_for(self.model)]

    def get_import_formats(self):
        return IMPORT_EXPORT_FORMATS

    def get_export_formats(self):
        return IMPORT_EXPORT_FORMATS

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def get_urls(self):
        opts = self.opts
        info = opts.app_label, opts.model_name
        return [
            path(
                "recover/",
                self.admin_site.admin_view(self.recover_view),
                name="{}_{}_recover".format(*info),
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        context = {"can_recover": self.has_recover_permission(request), **(extra_context or {})}
        return super().changelist_view(request, context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Show a version, every field and link, and what reverting changes (GET);
        restore it exactly, links included (POST)."""
        version = get_object_or_404(
            self.model.history, **{self.opts.pk.attname: object_id, "history_id": version_id}
        )
        if request.method != "POST":
            request.showing_version = True  # every field read-only: get_readonly_fields
            latest = versions.versions(self.model, object_id).first()
            context = {
                # The record's kind, not its history model's ("Historical events").
                "opts": self.opts,
                "version": version,
                "version_links": self.version_links(self.links_version(version)),
                "reverting": VersionDiff(self.model, version).context_for_delta_changes(
                    version.diff_against(latest, foreign_keys_are_objs=True)
                )
                if latest and latest.pk != version.pk
                else [],
                **(extra_context or {}),
            }
            # Read-only, so nothing to prepopulate (simple-history reads the attribute).
            showing = copy.copy(self)
            showing.prepopulated_fields = {}
            return super(HistoryAdmin, showing).history_form_view(
                request, object_id, version_id, context
            )
        current = self.model._base_manager.filter(pk=object_id).first()
        if current is None:
            if not self.has_recover_permission(request):
                raise PermissionDenied
        elif not self.has_change_permission(request, current):
            raise PermissionDenied
        record = versions.restore_version(
            version, user=request.user, links_from=self.links_version(version)
        )
        self.log_change(
            request, record, f"Restored the version of {versions.when(version.history_date)}."
        )
        self.message_user(request, f"Restored “{record}” as it was.", messages.SUCCESS)
        return HttpResponseRedirect(
            reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[record.pk])
        )

    def version_links(self, version):
        """[(field's name, [each linked record named in full])] of what `version` links to."""
        found = versions.links(version) if version else {}
        shown_links = []
        for field in self.opts.many_to_many:
            if field.name not in found:
                continue
            pks = found[field.name]
            target = field.related_model._base_manager.filter(pk__in=pks)
            if field.related_model is Citation:
                target = target.select_related("source").defer("source__text")
            named = {record.pk: shown(None, record) for record in target}
            names = [named.get(pk, f"#{pk}, since deleted") for pk in pks]
            shown_links.append((capfirst(field.verbose_name), names))
        return shown_links

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if getattr(request, "showing_version", False):
            # A version's links are shown from the version (version_links), not the record's.
            return [
                name
                for name in fields
                if not any(name == field.name for field in self.opts.many_to_many)
            ]
        return fields

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if getattr(request, "showing_version", False):
            fields = self.opts.concrete_fields
            # A translated field is shown by its languages' columns, not its plain one.
            plain = languages.translated_fields(self.model)
            return [
                f.name for f in fields if f.editable and not f.primary_key and f.name not in plain
            ] + [name for name in readonly if name not in (f.name for f in fields)]
        return readonly

    def links_version(self, version):
        """A deletion row is written after the links are gone: use the one before."""
        if version.history_type != versions.DELETED:
            return version
        return (
            versions.versions(self.model, getattr(version, self.opts.pk.attname))
            .exclude(history_type=versions.DELETED)
            .filter(history_date__lte=version.history_date)
            .first()
        )

    def has_recover_permission(self, request):
        return self.has_add_permission(request) and self.has_delete_permission(request)

    def recover_view(self, request):
        """The deleted records of this model, each with a button to bring it back."""
        if not self.has_recover_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            pk = request.POST.get("pk")
            try:
                record = versions.recover(self.model, int(pk), user=request.user)
            except (TypeError, ValueError, ValidationError, PermissionDenied) as error:
                self.message_user(request, f"Not recovered: {error}", messages.ERROR)
                return HttpResponseRedirect(request.path)
            self.log_addition(request, record, "Recovered from the history.")
            self.message_user(request, f"Recovered “{record}”.", messages.SUCCESS)
            return HttpResponseRedirect(
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                    args=[record.pk],
                )
            )
        deleted = versions.deleted(self.model).select_related("history_user")
        seen, rows = set(), []
        for version in deleted[:500]:
            pk = getattr(version, self.opts.pk.attname)
            if pk not in seen:
                seen.add(pk)
                rows.append(version)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Recover deleted {self.opts.verbose_name_plural}",
            "opts": self.opts,
            "deleted": rows,
        }
        return TemplateResponse(request, self.recover_list_template, context)


class RecordForm(forms.ModelForm):
    """Refuses to save over a version someone else saved after the form was opened."""

    edited_from = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.updated_at:
            self.fields["edited_from"].initial = self.instance.updated_at.isoformat()
        if "date" in self.fields and getattr(self.instance, "date", ""):
            # One Date row: the EDTF, and how the site writes it.
            date = self.fields["date"]
            date.help_text = f"The site writes “{self.instance.date_display}”. {date.help_text}"

    def clean(self):
        cleaned = super().clean()
        seen = cleaned.get("edited_from")
        # self.instance is the record as it is in the database now.
        if self.instance.pk and seen and seen != self.instance.updated_at.isoformat():
            raise ValidationError(self.conflict(seen), code="conflict")
        return cleaned

    def conflict(self, seen):
        meanwhile = versions.saved_since(self.instance, datetime.datetime.fromisoformat(seen))
        return f"Not saved: {meanwhile} Reload the page to edit the current version."


class TranslationFilter(admin.SimpleListFilter):
    """Records whose translation into a language is missing, or older than the
    English (history.versions.translation_states): what a translator takes up next."""

    title = "translation"
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        names = dict(settings.LANGUAGES)
        for code in languages.TRANSLATED:
            yield f"{code}-{versions.MISSING}", f"{names[code]}: missing"
            yield f"{code}-{versions.OUTDATED}", f"{names[code]}: older than the English"

    def queryset(self, request, queryset):
        if not self.value() or "-" not in self.value():
            return queryset
        language, state = self.value().split("-", 1)
        states = versions.translation_states(queryset.model).get(language, {})
        return queryset.filter(pk__in=[pk for pk, found in states.items() if found == state])


# Where the fields every record shares stand in its form (RecordAdmin.get_fields).
AFTER_TITLE = ["date", "planned"]
LAST = ["note", "aliases", "slug", "status", "publish_at", "created_at", "updated_at"]


class RecordAdmin(HistoryAdmin, TranslationAdmin):
    """What every public record shares: status, slug, publishing actions.

    Each translated field (history/translation.py) is edited as its three
    languages, one under the other: "Title [en]", "Title [az]", "Title [ru]";
    English is required, the others optional. modeltranslation's plain
    TranslationAdmin, not its tabbed one: the tabs need jQuery UI, which the
    admin's Content-Security-Policy (no script from elsewhere, none inline)
    would have us vendor and keep up to date, and side by side an editor sees
    the English while writing its translation (README: Languages).
    """

    form = RecordForm
    list_filter = ["status"]
    list_per_page = 50
    readonly_fields = ["created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    save_on_top = True

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        if languages.translated_fields(self.model):
            return [*filters, TranslationFilter]
        return filters

    def get_fieldsets(self, request, obj=None):
        # TranslationAdmin's own would skip get_fields, and with it the order below.
        return [(None, {"fields": self.get_fields(request, obj)})]

    def get_fields(self, request, obj=None):
        """The record's own fields first (its title in each language, then its date),
        then its note and other spellings, then its publication: slug, status,
        schedule, times."""
        fields = super().get_fields(request, obj)
        last = [column for name in LAST for column in (name, *languages.columns(name))]
        own = [name for name in fields if name not in (*AFTER_TITLE, *last)]
        # The first field with its other languages: "Title [en]", "[az]", "[ru]".
        named_by = languages.field_of(self.model, own[0]) if own else None
        title = [name for name in own if languages.field_of(self.model, name) == named_by]
        title = title if named_by else own[:1]
        return [
            *title,
            *(name for name in AFTER_TITLE if name in fields),
            *(name for name in own if name not in title),
            *(name for name in last if name in fields),
        ]

    def get_search_fields(self, request):
        """A record is found by its text in any language (title_az, title_ru too)."""
        translated = languages.translated_fields(self.model)
        return [
            column
            for name in super().get_search_fields(request)
            for column in (name, *(languages.translations_of(name) if name in translated else ()))
        ]

    def get_object(self, request, object_id, from_field=None):
        record = super().get_object(request, object_id, from_field)
        if record is not None and request.method == "POST" and connection.in_atomic_block:
            # A save holds the row from RecordForm's version check to the commit
            # (the change view is atomic): an API write meanwhile waits for it,
            # and one that came first is seen by the check.
            record = (
                type(record)._default_manager.select_for_update(of=("self",)).get(pk=record.pk)
            )
        return record

    def view_on_site(self, obj):
        """The public page; for a record not yet published, its preview there."""
        url = obj.get_absolute_url()
        if obj.is_public or "#" in url:
            return url
        return f"{url}?preview"

    def get_queryset(self, request):
        latest = versions.versions(self.model, OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .annotate(last_changed_by=Subquery(latest.values("history_user__username")[:1]))
        )

    def get_list_display(self, request):
        shown = [name for name in super().get_list_display(request) if name != "updated_at"]
        return [*shown, "last_changed"]

    @admin.display(description="last changed", ordering="-updated_at")
    def last_changed(self, obj):
        """When, and by whom (a load of fixtures is no one)."""
        day = formats.date_format(timezone.localtime(obj.updated_at), "DATE_FORMAT")
        who = getattr(obj, "last_changed_by", None)
        return f"{day}, {who}" if who else day

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        versions.record_version(form.instance, reason=self.version_reason(form, formsets, change))

    def version_reason(self, form, formsets, change):
        """What the save changed, as the admin log says it, with the inline rows counted
        ("Changed Summary. Added 1 citation."): the reason's column is short, and the
        history shows each link in full below it."""
        message = self.construct_change_message(None, form, [], not change)
        sentences = [LogEntry(change_message=json.dumps(message)).get_change_message()]
        for formset in formsets:
            opts = formset.model._meta
            if opts.auto_created:  # a link: named by what it links to (a citation)
                opts = next(f for f in opts.fields if f.many_to_one and f != formset.fk)
                opts = opts.related_model._meta
            for verb, rows in (
                ("Added", formset.new_objects),
                ("Changed", formset.changed_objects),
                ("Deleted", formset.deleted_objects),
            ):
                if rows:
                    noun = opts.verbose_name if len(rows) == 1 else opts.verbose_name_plural
                    sentences.append(f"{verb} {len(rows)} {noun}.")
        if len(sentences) > 1 and sentences[0] == "No fields changed.":
            sentences.pop(0)
        return " ".join(sentences)

    def has_publish_permission(self, request):
        return editorial.may_publish(request.user, self.model)

    def has_import_permission(self, request):
        # A file can publish, unpublish and rewrite many records at once.
        return self.has_publish_permission(request) and super().has_import_permission(request)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # The form offers no one else what only Publishers may do (history/editorial.py).
        if not self.has_publish_permission(request):
            fields.append("publish_at")
            if obj and obj.is_published:
                fields.append("status")
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.has_publish_permission(request):
            kwargs["choices"] = [
                choice for choice in Status.choices if choice[0] != Status.PUBLISHED
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        editorial.withdraw_schedule(request.user, obj)
        super().save_model(request, obj, form, change)

    def set_status(self, request, queryset, status, action):
        """Save each record, so that each change is in the history with its user."""
        count = 0
        for record in queryset.exclude(status=status):
            record.status = status
            record._history_user = request.user
            record._change_reason = action
            record.save(update_fields=["status", "publish_at", "updated_at"])
            count += 1
        return count

    @admin.action(description="Publish the selected records", permissions=["publish"])
    def publish(self, request, queryset):
        uncited = editorial.uncited(queryset)
        published = self.set_status(
            request, queryset.exclude(pk__in=uncited.values("pk")), Status.PUBLISHED, "Published."
        )
        self.message_user(
            request,
            ngettext("Published %(count)d record.", "Published %(count)d records.", published)
            % {"count": published},
            messages.SUCCESS,
        )
        if uncited.exists():
            names = ", ".join(str(record) for record in uncited[:10])
            self.message_user(
                request,
                f"Not published, because they cite nothing: {names}.",
                messages.WARNING,
            )

    @admin.action(description="Unpublish (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = self.set_status(request, queryset, Status.DRAFT, "Unpublished.")
        self.message_user(
            request,
            ngettext(
                "Moved %(count)d record back to draft.",
                "Moved %(count)d records back to draft.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


class CitedRecordAdmin(RecordAdmin):
    autocomplete_fields = ["aliases"]
    exclude = ["citations"]

    def __init__(self, model, admin_site):
        self.inlines = [citation_inline(model), *self.inlines]
        super().__init__(model, admin_site)


class DatedAdminMixin:
    """Shows an EDTF date the way people write it, and sorts by it."""

    @admin.display(description="date", ordering="date_lower")
    def when(self, obj):
        return obj.date_display or "—"


@admin.register(Source)
class SourceAdmin(RecordAdmin):
    list_display = ["title", "author", "status", "updated_at"]
    search_fields = ["title", "author", "description"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Citation)
class CitationAdmin(HistoryAdmin):
    list_display = ["words", "source", "locator"]
    list_filter = ["source"]
    search_fields = ["quote", "locator", "source__title"]
    autocomplete_fields = ["source"]
    readonly_fields = ["records"]

    def get_queryset(self, request):
        # Each citation names its source (the list, the autocomplete's choices): one
        # query for them all, without the source's whole text.
        return super().get_queryset(request).select_related("source").defer("source__text")

    @admin.display(description="words", ordering="quote")
    def words(self, citation):
        return text.shorten(citation.quote, 160)

    @admin.display(description="cited by")
    def records(self, citation):
        return (
            format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                (
                    (
                        reverse(
                            f"admin:{r._meta.app_label}_{r._meta.model_name}_change", args=[r.pk]
                        ),
                        f"{r._meta.verbose_name}: {r}",
                    )
                    for r in citation.cited_by()
                ),
            )
            or "—"
        )


@admin.register(Alias)
class AliasAdmin(HistoryAdmin):
    list_display = ["name", "source"]
    list_filter = ["source"]
    search_fields = ["name"]
    autocomplete_fields = ["source"]
    list_select_related = ["source"]


@admin.register(Period)
class PeriodAdmin(DatedAdminMixin, CitedRecordAdmin):
    list_display = ["name", "kind", "when", "status", "updated_at"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "aliases__name", "summary"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(CitedRecordAdmin):
    list_display = ["name", "role", "status", "updated_at"]
    list_filter = ["status", "periods"]
    search_fields = ["name", "aliases__name", "role", "summary"]
    autocomplete_fields = ["aliases", "periods"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Quote)
class QuoteAdmin(DatedAdminMixin, CitedRecordAdmin):
    list_display = ["__str__", "speaker", "when", "kind", "status", "updated_at"]
    list_filter = ["status", "kind", "speaker"]
    search_fields = ["text", "occasion", "speaker__name"]
    autocomplete_fields = ["aliases", "speaker"]
    list_select_related = ["speaker"]


# --- Readers' reports ----------------------------------------------------------------


@admin.register(ErrorReport)
class ErrorReportAdmin(admin.ModelAdmin):
    """Readers' reports, as they sent them: editors read, check and mark them resolved."""

    list_display = ["created_at", "page_link", "message", "email", "resolved"]
    list_filter = ["resolved"]
    search_fields = ["page", "message", "email"]
    readonly_fields = ["page_link", "message", "email", "created_at"]
    fields = ["page_link", "message", "email", "created_at", "resolved"]
    actions = ["mark_resolved"]

    def has_add_permission(self, request):
        return False

    @admin.display(description="page", ordering="page")
    def page_link(self, report):
        return format_html('<a href="{}">{}</a>', report.page, report.page)

    @admin.action(description="Mark as resolved", permissions=["change"])
    def mark_resolved(self, request, queryset):
        count = queryset.update(resolved=True)
        self.message_user(
            request,
            ngettext(
                "Marked %(count)d report resolved.", "Marked %(count)d reports resolved.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )
