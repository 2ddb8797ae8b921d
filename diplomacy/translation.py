"""The translated fields of the diplomacy records (see history/translation.py)."""

from modeltranslation.translator import register

from history.models import keep_versions
from history.translation import ContentTranslation

from .models import (
    Country,
    Document,
    Event,
    Figure,
    Membership,
    Mission,
    Organization,
    Priority,
    Project,
    Relation,
)


@register(Country)
class CountryTranslation(ContentTranslation):
    fields = ("name", "summary")


@register(Relation)
class RelationTranslation(ContentTranslation):
    fields = ("title", "summary")


@register(Mission)
class MissionTranslation(ContentTranslation):
    fields = ("title", "city", "summary")


@register(Organization)
class OrganizationTranslation(ContentTranslation):
    # An acronym too: the UN's differs in Azerbaijani (BMT) and in Russian.
    fields = ("name", "acronym", "summary")


@register(Membership)
class MembershipTranslation(ContentTranslation):
    fields = ("summary",)


@register(Project)
class ProjectTranslation(ContentTranslation):
    fields = ("name", "summary")


@register(Event)
class EventTranslation(ContentTranslation):
    fields = ("title", "summary")


@register(Document)
class DocumentTranslation(ContentTranslation):
    fields = ("title", "issuer", "summary")


@register(Priority)
class PriorityTranslation(ContentTranslation):
    fields = ("title", "summary")


@register(Figure)
class FigureTranslation(ContentTranslation):
    # What is counted and its unit; the number and its qualifier are not words to translate.
    fields = ("label", "unit")


for model in (
    Country,
    Relation,
    Mission,
    Organization,
    Membership,
    Project,
    Event,
    Document,
    Priority,
    Figure,
):
    keep_versions(model)
