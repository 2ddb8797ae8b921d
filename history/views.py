from django.core.paginator import InvalidPage
from django.db.models import Prefetch
from django.urls import reverse_lazy
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_safe
from django.views.generic import CreateView, DetailView, ListView

from . import caching, dates, filters, markup, pages, text
from .addresses import client_address
from .forms import ErrorReportForm, is_reportable
from .models import (
    Citation,
    CitedRecord,
    Dated,
    Period,
    Person,
    Quote,
    Source,
    pointing_links,
)


def public_page(view):
    """A public page answers GET and HEAD; any other method, 405 naming those two.

    Exempt from the CSRF check, which runs before the view and would answer a
    POST with 403: a view that takes no unsafe method has nothing for it to guard.
    """
    return csrf_exempt(require_safe(view))


class PublicPageMixin:
    """`public_page` for a class-based view."""

    http_method_names = ["get", "head"]

    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


class PublishedMixin:
    """Pages read published records only."""

    def get_queryset(self):
        return self.model.objects.published()


class PreviewMixin:
    """?preview shows staff who may change a record its draft on the real page.

    The page says it is a preview and is never cached; to anyone else a draft
    does not exist.
    """

    def is_preview(self):
        opts = self.model._meta
        user = self.request.user
        return (
            "preview" in self.request.GET
            and user.is_staff
            and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        )

    def get_queryset(self):
        if self.is_preview():
            return self.model.objects.all()
        return super().get_queryset()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.is_preview():
            patch_cache_control(response, private=True, no_cache=True, no_store=True)
        return response


def no_such_page(asked, num_pages):
    """Why page `asked` cannot be shown, and which pages can."""
    if num_pages == 1:
        return _("There is no page “%(page)s”: there is only one page.") % {"page": asked}
    return ngettext(
        "There is no page “%(page)s”: pages run from 1 to %(count)d.",
        "There is no page “%(page)s”: pages run from 1 to %(count)d.",
        num_pages,
    ) % {"page": asked, "count": num_pages}


class FilteredListView(PublicPageMixin, PublishedMixin, ListView):
    """A list narrowed by the model's FilterSet; bad input answers 400 with the form."""

    filterset_class = None
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        self.filterset = self.filterset_class(
            request.GET, queryset=self.get_queryset(), request=request
        )
        valid = self.filterset.is_valid()
        self.filterset.count_options()
        self.object_list = self.filterset.qs if valid else self.filterset.queryset.none()
        self.page_error = None
        context = self.get_context_data()
        status = 200 if valid and not self.page_error else 400
        return self.render_to_response(context, status=status)

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage:
            self.page_error = no_such_page(self.request.GET["page"], paginator.num_pages)
            page = paginator.page(1)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(filter=self.filterset, **kwargs)
        # Read after pagination, which is what finds a page out of range.
        context["page_error"] = self.page_error
        return context


# About what a search engine shows of a page under its title.
DESCRIPTION_LENGTH = 160


class RecordDetailView(PublicPageMixin, PreviewMixin, PublishedMixin, DetailView):
    """A record's page, with its neighbours in time and what citation managers read."""

    schema_type = None  # the schema.org type for JSON-LD, if one fits
    query_params = ("preview",)  # all a record's page reads (history.caching.known_params)

    def get_queryset(self):
        # The cited records listed here that have no page of their own (a
        # country's relations, an organization's seats) are read here, sources and all.
        without_page = [
            name
            for name in pointing_links(self.model)
            if issubclass(related := self.model._meta.get_field(name).related_model, CitedRecord)
            and not pages.has_page(related, "detail")
        ]
        sources = [
            Prefetch(f"{name}__citations", Citation.public_with_source()) for name in without_page
        ]
        return super().get_queryset().for_detail().prefetch_related(*sources)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        for name in pointing_links(type(record)):
            context[name] = getattr(record, name).all()
        if isinstance(record, Dated):
            published = self.get_queryset().prefetch_related(None)  # neighbours: no prefetches
            context["previous"] = published.before(record)
            context["next"] = published.after(record)
        title = str(record)
        url = self.request.build_absolute_uri(record.get_absolute_url())
        description = text.shorten(self.description(record), DESCRIPTION_LENGTH)
        context.update(
            title=title,
            url=url,
            canonical_url=url,  # the record's address, whatever the request's (?preview)
            description=description,
            preview=self.is_preview() and not record.is_public,
        )
        if self.schema_type:
            context["jsonld"] = self.structured_data(record, title, url, description)
        return context

    def description(self, record):
        """What the page holds, as plain text: the record's summary, or a sentence naming it."""
        summary = markup.to_text(getattr(record, "summary", ""))
        return summary or _(
            "%(title)s: a %(kind)s in Azerbaijan’s diplomatic history, "
            "with the words of the sources it rests on."
        ) % {"title": record, "kind": record._meta.verbose_name}

    def structured_data(self, record, title, url, description):
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "name": title,
            "url": url,
            "description": description,
        }
        if isinstance(record, Dated) and dates.is_calendar_date(record.date):
            start, _, end = record.date.partition("/")
            data["startDate"] = start
            if end:
                data["endDate"] = end
        return data


class PeriodListView(FilteredListView):
    model = Period
    filterset_class = filters.PeriodFilterSet


class PeriodDetailView(RecordDetailView):
    model = Period


class PersonListView(FilteredListView):
    model = Person
    filterset_class = filters.PersonFilterSet


class PersonDetailView(RecordDetailView):
    model = Person
    schema_type = "Person"


class QuoteListView(FilteredListView):
    model = Quote
    filterset_class = filters.QuoteFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("speaker")


class QuoteDetailView(RecordDetailView):
    model = Quote

    def description(self, record):
        # The words shortened inside their quotation marks, which stay a pair.
        room = DESCRIPTION_LENGTH - len(str(record.speaker)) - 4
        words = text.shorten(record.text, room)
        return _("%(speaker)s: “%(words)s”") % {"speaker": record.speaker, "words": words}


class SourceListView(FilteredListView):
    model = Source
    filterset_class = filters.SourceFilterSet


class SourceDetailView(RecordDetailView):
    model = Source

    def get_context_data(self, **kwargs):
        # Read as prose: the PDF's line breaks go, a paragraph's end stays. The
        # reflowed text has the same length, so each passage keeps its place.
        reflowed, position, passages = text.reflow(self.object.text), 0, []
        for stretch, citations, records in self.object.passages():
            passages.append((reflowed[position : position + len(stretch)], citations, records))
            position += len(stretch)
        return super().get_context_data(passages=passages, **kwargs)

    def description(self, source):
        return markup.to_text(source.description) or _(
            "The full text of “%(title)s”, with every passage this site cites from it."
        ) % {"title": source.title}


REPORTS_PER_HOUR = 10


@method_decorator(never_cache, name="dispatch")  # the form carries a CSRF token
@method_decorator(csrf_exempt, name="dispatch")  # checked in post(), see there
class ErrorReportView(CreateView):
    """A reader reports an error on a page (`?page=/events/…/`); editors see it in the admin."""

    form_class = ErrorReportForm
    template_name = "history/report_form.html"
    success_url = reverse_lazy("history:report-error-sent")
    http_method_names = ["get", "head", "post"]

    # Checked here rather than by the middleware, which runs before the view:
    # so that a PUT or DELETE answers 405, not 403.
    @method_decorator(csrf_protect)
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)

    def get_initial(self):
        return {"page": self.request.GET.get("page", "")}

    def form_valid(self, form):
        # A few reports an hour from one address; a robot's flood stops here.
        counter = f"error-reports:{client_address(self.request)}"
        if caching.count(counter, per_seconds=3600) > REPORTS_PER_HOUR:
            form.add_error(None, _("Too many reports from your address: try again in an hour."))
            return self.form_invalid(form)
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["form"]["page"].value() or ""
        context["page"] = page if is_reportable(page) else ""  # never a link elsewhere
        return context
