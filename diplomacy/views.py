from django.core.paginator import InvalidPage, Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from history import caching
from history.views import FilteredListView, RecordDetailView, no_such_page, public_page

from . import filters, maps
from . import search as site_search
from . import timeline as layout
from .models import Country, Document, Event, Figure, Organization, Priority, Project


@public_page
@caching.reads()
def home(request):
    return render(
        request,
        "home.html",
        {
            "figures": Figure.objects.published().chronological().with_passages(),
            "events": Event.objects.published().exclude(date="").chronological().reverse()[:8],
            "timeline_teaser": layout.teaser(),
        },
    )


class EventListView(FilteredListView):
    model = Event
    filterset_class = filters.EventFilterSet

    def get_queryset(self):
        return super().get_queryset().chronological()


class EventDetailView(RecordDetailView):
    schema_type = "Event"
    model = Event


class CountryListView(FilteredListView):
    model = Country
    filterset_class = filters.CountryFilterSet

    def get_queryset(self):
        # Each row counts what the site holds on the country (Country.holdings).
        return super().get_queryset().with_links("relations", "missions", "participations")


class CountryDetailView(RecordDetailView):
    schema_type = "Country"
    model = Country
    slug_field = "code"
    slug_url_kwarg = "code"

    def get_object(self, queryset=None):
        self.kwargs["code"] = self.kwargs["code"].upper()
        return super().get_object(queryset)


class OrganizationListView(FilteredListView):
    model = Organization
    filterset_class = filters.OrganizationFilterSet

    def get_queryset(self):
        # Each row names Azerbaijan's standings in it (Organization.standings).
        return super().get_queryset().with_links("memberships")


class OrganizationDetailView(RecordDetailView):
    schema_type = "Organization"
    model = Organization


class ProjectListView(FilteredListView):
    model = Project
    filterset_class = filters.ProjectFilterSet


class ProjectDetailView(RecordDetailView):
    model = Project


class DocumentListView(FilteredListView):
    model = Document
    filterset_class = filters.DocumentFilterSet

    def get_queryset(self):
        return super().get_queryset().chronological()


class DocumentDetailView(RecordDetailView):
    model = Document


class PriorityListView(FilteredListView):
    model = Priority
    filterset_class = filters.PriorityFilterSet
    template_name = "diplomacy/policy_list.html"


class PriorityDetailView(RecordDetailView):
    model = Priority


# --- The world map ----------------------------------------------------------------


def _map_data(request):
    """(form, year, states): states is None when the year asked for is not valid."""
    form = maps.YearForm(request.GET)
    if not form.is_valid():
        return form, None, None
    year = form.cleaned_data["year"]
    return form, year, maps.country_states(year, today=form.today)


@public_page
@caching.reads(*maps.YearForm.base_fields)
def world_map(request):
    """The world coloured by what the content says as of one year, with the same as a table."""
    form, year, states = _map_data(request)
    context = {"form": form, "today": form.today, "first_year": maps.FIRST_YEAR}
    if states is None:
        return render(request, "diplomacy/map.html", context, status=400)
    rows = sorted(states.values(), key=lambda s: (maps.PRECEDENCE[s.state.key], s.country.name))
    viewbox = maps.world_shapes()[0]
    view = form.cleaned_data["view"]
    context.update(
        view=view,
        home=maps.HOME,
        views=[(key, label) for key, (label, _) in maps.VIEWS.items()],
        viewbox=maps.VIEWS[view][1] or viewbox,
        year=year,
        shapes=maps.map_shapes(states),
        legend=maps.summarize(states),
        status=maps.status(states, year, today=year == form.today),
        rows=[row for row in rows if row.facts],
        others=[row for row in rows if not row.facts],
        key_years=[(y, label) for y, label in maps.KEY_YEARS if y <= form.today]
        + [(form.today, _("Today"))],
    )
    return render(request, "diplomacy/map.html", context)


@public_page
@caching.reads(*maps.YearForm.base_fields)
def world_map_states(request):
    """The map's data for one year as JSON, for the page's year slider."""
    form, year, states = _map_data(request)
    if states is None:
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    rows = sorted(states.values(), key=lambda s: (maps.PRECEDENCE[s.state.key], s.country.name))
    return JsonResponse(
        {
            "year": year,
            "today": year == form.today,
            "status": maps.status(states, year, today=year == form.today),
            "legend": [
                {
                    "state": state.key,
                    "label": str(state.label),
                    "count": count,
                    "countries": countries,
                }
                for state, count, countries in maps.summarize(states)
            ],
            "countries": [row.as_json() for row in rows],
        }
    )


# --- Site search ------------------------------------------------------------------


@public_page
@caching.reads(*site_search.SearchForm.base_fields, "page")
def search(request):
    """/search/?q=: every published record, ranked, with snippets and counts per type."""
    form = site_search.SearchForm(request.GET)
    context = {"form": form, "query": "", "kinds": []}
    if not form.is_valid():
        return render(request, "diplomacy/search.html", context, status=400)
    query, kinds = form.cleaned_data["q"].strip(), form.cleaned_data["kind"]
    context.update(query=query, kinds=kinds)
    if not query:
        return render(request, "diplomacy/search.html", context)
    results = site_search.Search(query, kinds)
    paginator = Paginator(results, site_search.PAGE_SIZE)
    status = 200
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        context["page_error"] = no_such_page(request.GET["page"], paginator.num_pages)
        page, status = paginator.page(1), 400
    context.update(
        results=results,
        summary=results.summary(),
        elsewhere=results.elsewhere(),
        scope=results.scope(_("or")),  # "Nothing in people or events matches …"
        facets=results.facets(),
        paginator=paginator,
        page_obj=page,
        hits=page.object_list,
        is_paginated=page.has_other_pages(),
    )
    return render(request, "diplomacy/search.html", context, status=status)


# --- The timeline -----------------------------------------------------------------


@public_page
@caching.reads(*filters.EventFilterSet.base_filters, layout.ZOOM_PARAM)
def timeline(request):
    """/timeline/: periods and events on one axis, and the same as a list grouped by period.

    ?period=<slug> zooms to a period; category, year_from, year_to (and every other
    event filter but ordering) narrow the events. Bad parameters answer 400.
    """
    page = layout.Timeline(caching.declared_query(request))  # its links are built from it
    context = {"timeline": page, "chart": None if page.errors else page.chart()}
    return render(request, "diplomacy/timeline.html", context, status=400 if page.errors else 200)
