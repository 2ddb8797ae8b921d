"""The JSON API of relations through space, and the views across both apps:
search over everything published, and the export of all published content.
"""

from django.core import serializers as django_serializers
from django.db.models import Prefetch
from django.urls import resolve
from drf_orjson_renderer.renderers import ORJSONRenderer
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import generics, permissions, serializers
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from history import api as history_api
from history.api import QuoteViewSet, SourceViewSet
from history.models import Citation, Source
from history.viewsets import ChecksItsQuery, RecordViewSet

from . import filters, search
from . import serializers as api_serializers
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


# The base layer's resources, with the events that name them.
class PeriodViewSet(history_api.PeriodViewSet):
    serializer_class = api_serializers.PeriodSerializer


class PersonViewSet(history_api.PersonViewSet):
    serializer_class = api_serializers.PersonSerializer


class CountryViewSet(RecordViewSet):
    """Countries, by ISO 3166-1 alpha-2 code (either case), with Azerbaijan's relations."""

    model = Country
    filterset_class = filters.CountryFilterSet
    serializer_class = api_serializers.CountrySerializer
    write_serializer_class = api_serializers.CountryWriteSerializer
    lookup_field = "code"

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


class RelationViewSet(RecordViewSet):
    """Dated facts of Azerbaijan's bilateral relation with one country."""

    model = Relation
    filterset_class = filters.RelationFilterSet
    serializer_class = api_serializers.RelationSerializer
    write_serializer_class = api_serializers.RelationWriteSerializer


class MissionViewSet(RelationViewSet):
    """Diplomatic missions and consulates, in Azerbaijan and abroad."""

    model = Mission
    filterset_class = filters.MissionFilterSet
    serializer_class = api_serializers.MissionSerializer
    write_serializer_class = api_serializers.MissionWriteSerializer


class OrganizationViewSet(RecordViewSet):
    """International organizations and their organs."""

    model = Organization
    filterset_class = filters.OrganizationFilterSet
    serializer_class = api_serializers.OrganizationSerializer
    write_serializer_class = api_serializers.OrganizationWriteSerializer


class MembershipViewSet(RecordViewSet):
    """Azerbaijan's standing in each organization over time."""

    model = Membership
    filterset_class = filters.MembershipFilterSet
    serializer_class = api_serializers.MembershipSerializer
    write_serializer_class = api_serializers.MembershipWriteSerializer


class ProjectViewSet(RecordViewSet):
    """Energy and transport projects, and the countries taking part."""

    model = Project
    filterset_class = filters.ProjectFilterSet
    serializer_class = api_serializers.ProjectSerializer
    write_serializer_class = api_serializers.ProjectWriteSerializer


class EventViewSet(RecordViewSet):
    """Dated happenings, tied to periods, people, countries, organizations and projects."""

    model = Event
    filterset_class = filters.EventFilterSet
    serializer_class = api_serializers.EventSerializer
    write_serializer_class = api_serializers.EventWriteSerializer


class DocumentViewSet(RecordViewSet):
    """Named instruments: resolutions, orders, final acts and instructions."""

    model = Document
    filterset_class = filters.DocumentFilterSet
    serializer_class = api_serializers.DocumentSerializer
    write_serializer_class = api_serializers.DocumentWriteSerializer


class PriorityViewSet(RecordViewSet):
    """Foreign-policy objectives, principles and stated results."""

    model = Priority
    filterset_class = filters.PriorityFilterSet
    serializer_class = api_serializers.PrioritySerializer
    write_serializer_class = api_serializers.PriorityWriteSerializer


class FigureViewSet(RecordViewSet):
    """Numbers as the sources state them, with their dates."""

    model = Figure
    filterset_class = filters.FigureFilterSet
    serializer_class = api_serializers.FigureSerializer
    write_serializer_class = api_serializers.FigureWriteSerializer


# The resources in the order of their addresses, and of the export (each after
# what it refers to, so that the export loads back with loaddata).
VIEWSETS = {
    "sources": SourceViewSet,
    "periods": PeriodViewSet,
    "people": PersonViewSet,
    "quotes": QuoteViewSet,
    "countries": CountryViewSet,
    "organizations": OrganizationViewSet,
    "projects": ProjectViewSet,
    "relations": RelationViewSet,
    "memberships": MembershipViewSet,
    "events": EventViewSet,
    "missions": MissionViewSet,  # after the events that end them
    "documents": DocumentViewSet,
    "policy": PriorityViewSet,  # the site's name: /policy/
    "figures": FigureViewSet,
}


# --- Search ------------------------------------------------------------------------


class SearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(max_length=search.MAX_QUERY_LENGTH)
    kind = serializers.ListField(
        child=serializers.ChoiceField(choices=list(search.KINDS)), required=False
    )


class SearchResultSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="The kind of record, e.g. event or country.")
    title = serializers.CharField()
    snippet = serializers.CharField(
        help_text="Where the words stand in the record: HTML, the text escaped and the "
        "matched words in <mark>."
    )
    url = serializers.URLField(help_text="The record in the API.")
    web_url = serializers.URLField(help_text="The record's page on the site.")


@extend_schema(
    parameters=[
        OpenApiParameter(
            "q",
            # Something besides spaces, which are trimmed.
            {
                "type": "string",
                "minLength": 1,
                "maxLength": search.MAX_QUERY_LENGTH,
                "pattern": r"\S",
            },
            required=True,
            description="Words to find; every word must match (as the site's search does).",
        ),
        OpenApiParameter(
            "kind",
            str,
            many=True,
            enum=list(search.KINDS),
            description="Only these kinds of record; repeat for several.",
        ),
    ]
)
class SearchView(ChecksItsQuery, generics.ListAPIView):
    """Every published record holding all the words of `q`, best matches first.

    The site's own search (`diplomacy.search`): the same index, ranking,
    stemming and correction of misspelt words as /search/.
    """

    serializer_class = SearchResultSerializer
    permission_classes = [permissions.AllowAny]  # no model behind it, nothing to write
    filter_backends = []  # its own parameters, checked by SearchQuerySerializer
    query_params = ("q", "kind", "page", "page_size", "format")  # all it reads

    def get_queryset(self):
        params = {"q": self.request.query_params.get("q", "")}
        if "kind" in self.request.query_params:
            params["kind"] = self.request.query_params.getlist("kind")
        query = SearchQuerySerializer(data=params)
        query.is_valid(raise_exception=True)
        return search.Search(query.validated_data["q"], query.validated_data.get("kind"))

    def list(self, request, *args, **kwargs):
        hits = self.paginate_queryset(self.get_queryset())
        results = self.get_serializer([self.result(hit) for hit in hits], many=True)
        return self.get_paginated_response(results.data)

    def result(self, hit):
        # A record shown within another's page (a relation on its country's) is the
        # fragment, its slug; a page of its own names it as the API does (slug, or code).
        path, _, fragment = hit.url.partition("#")
        kwargs = {"slug": fragment} if fragment else resolve(path).kwargs
        return {
            "type": hit.kind,
            "title": hit.title,
            "snippet": str(hit.snippet),
            "url": reverse(f"api:{hit.kind}-detail", kwargs=kwargs, request=self.request),
            "web_url": self.request.build_absolute_uri(hit.url),
        }


# --- Export ------------------------------------------------------------------------


class ExportView(ChecksItsQuery, APIView):
    """All published content as one JSON document with natural keys.

    The document is a Django fixture (`manage.py loaddata` reads it): the
    sources, the citations and aliases that published records use, then the
    records, each after the records it refers to. Links to records that are
    not published are left out.
    """

    renderer_classes = [ORJSONRenderer]  # a fixture: one JSON document, no CSV form
    permission_classes = [permissions.AllowAny]  # no model behind it, nothing to write
    query_params = ("format",)  # all it reads

    @extend_schema(
        responses={
            200: inline_serializer(
                "ExportObject",
                {
                    "model": serializers.CharField(help_text="app_label.model_name"),
                    "fields": serializers.DictField(),
                },
                many=True,
            )
        }
    )
    def get(self, request):
        sources, records = [], []
        for viewset in VIEWSETS.values():
            # A record with its own links only: the export writes no reverse ones.
            for record in viewset.model.objects.published().with_own_links():
                (sources if isinstance(record, Source) else records).append(record)
        participations = (
            Participation.objects.published()
            .select_related("project", "country")
            .prefetch_related(Prefetch("citations", Citation.public_with_source()))
        )
        records.extend(participations)
        objects = django_serializers.serialize(
            "python",
            [*sources, *self.passages(records), *records],
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
        )
        return Response(objects)

    @staticmethod
    def passages(records):
        """The citations and aliases the records use, as prefetched for them."""
        citations, aliases = {}, {}
        for record in records:
            cache = getattr(record, "_prefetched_objects_cache", {})
            citations.update((citation.pk, citation) for citation in cache.get("citations", []))
            aliases.update((alias.pk, alias) for alias in cache.get("aliases", []))
        return [
            *sorted(citations.values(), key=lambda citation: citation.pk),
            *sorted(aliases.values(), key=lambda alias: alias.pk),
        ]
