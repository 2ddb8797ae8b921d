from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join

from .models import Alias, Citation, Period, Person, Quote, Source, Status


class CitationFormSet(BaseInlineFormSet):
    """Refuses to publish a record that cites nothing."""

    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data.get("citation") and not form.cleaned_data.get("DELETE")
        ]
        if self.instance.status == Status.PUBLISHED and not kept:
            raise ValidationError(
                "A published record needs at least one citation. "
                "Add one, or keep the record as a draft."
            )


class CitationInline(admin.TabularInline):
    """A record's citations, one row each; made per model by citation_inline()."""

    formset = CitationFormSet
    autocomplete_fields = ["citation"]
    extra = 1
    verbose_name = "citation"
    verbose_name_plural = "citations (the source passages this record rests on)"


def citation_inline(model):
    through = model.citations.through
    return type(f"{model.__name__}CitationInline", (CitationInline,), {"model": through})


class RecordAdmin(admin.ModelAdmin):
    """What every public record shares: status, slug, publishing actions."""

    list_filter = ["status"]
    list_per_page = 50
    readonly_fields = ["created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    save_on_top = True

    def has_publish_permission(self, request):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # Only Publishers may move a record into or out of publication.
        if obj and obj.is_published and not self.has_publish_permission(request):
            fields.append("status")
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.has_publish_permission(request):
            kwargs["choices"] = [
                choice for choice in Status.choices if choice[0] != Status.PUBLISHED
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    @admin.action(description="Publish the selected records", permissions=["publish"])
    def publish(self, request, queryset):
        uncited = queryset.filter(pk__in=self.model.objects.uncited().values("pk"))
        published = queryset.exclude(pk__in=uncited.values("pk")).update(
            status=Status.PUBLISHED, updated_at=timezone.now()
        )
        self.message_user(request, f"Published {published} record(s).", messages.SUCCESS)
        if uncited.exists():
            names = ", ".join(str(record) for record in uncited[:10])
            self.message_user(
                request,
                f"Not published, because they cite nothing: {names}.",
                messages.WARNING,
            )

    @admin.action(description="Unpublish (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = queryset.update(status=Status.DRAFT, updated_at=timezone.now())
        self.message_user(request, f"Moved {count} record(s) back to draft.", messages.SUCCESS)


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

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "when"]


@admin.register(Source)
class SourceAdmin(RecordAdmin):
    list_display = ["title", "author", "status", "updated_at"]
    search_fields = ["title", "author", "description"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "source", "locator"]
    list_filter = ["source"]
    search_fields = ["quote", "locator", "source__title"]
    autocomplete_fields = ["source"]
    list_select_related = ["source"]
    readonly_fields = ["records"]

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
class AliasAdmin(admin.ModelAdmin):
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
