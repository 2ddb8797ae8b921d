"""The JSON API of the record through time: sources, periods, people and quotes.

The public reads published records only, through each model's `published()`;
editors with model permissions create and change records through the same
addresses (see history.viewsets.RecordViewSet).
"""

from . import filters, serializers
from .models import Period, Person, Quote, Source
from .viewsets import RecordViewSet


class SourceViewSet(RecordViewSet):
    """The documents the content rests on; a source's full text is on its detail."""

    model = Source
    filterset_class = filters.SourceFilterSet
    serializer_class = serializers.SourceSerializer
    write_serializer_class = serializers.SourceWriteSerializer

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.SourceDetailSerializer
        return super().get_serializer_class()


class PeriodViewSet(RecordViewSet):
    """States, dynasties and eras."""

    model = Period
    filterset_class = filters.PeriodFilterSet
    serializer_class = serializers.PeriodSerializer
    write_serializer_class = serializers.PeriodWriteSerializer


class PersonViewSet(RecordViewSet):
    """Rulers, diplomats, presidents and the scholars quoted."""

    model = Person
    filterset_class = filters.PersonFilterSet
    serializer_class = serializers.PersonSerializer
    write_serializer_class = serializers.PersonWriteSerializer


class QuoteViewSet(RecordViewSet):
    """Words spoken or written by a person, with the occasion."""

    model = Quote
    filterset_class = filters.QuoteFilterSet
    serializer_class = serializers.QuoteSerializer
    write_serializer_class = serializers.QuoteWriteSerializer
