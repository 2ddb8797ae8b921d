"""Factories for every model of history and diplomacy; records are published by default.

Records that rest on citations get one valid citation after creation, a line of
one source that they all share; pass `citations=[]` to leave a record uncited, or a
list of citations to use those.
"""

import itertools

import factory
from django_countries import countries
from factory.django import DjangoModelFactory

from diplomacy import models as diplomacy
from history import models as history

SOURCE_TEXT = (
    "The Azerbaijan Democratic Republic was proclaimed on 28 May 1918\n"
    "in Tiflis.  Its delegation, led by Alimardan Topchubashov, reached\n"
    "the Paris Peace Conference in 1919, where the Allies granted de\n"
    "facto recognition to Azerbaijan’s independence in January 1920.\n"
    "The Nagorno-\nKarabakh question was raised by the “Caucasian” delegations.\n"
    "Later the Republic joined the United Nations on 2 March 1992."
)

SHARED_SOURCE = "shared-source"
COUNTRY_CODES = ["FR", "GB", "TR", "IR", "GE", "RU", "US", "DE", "IT", "JP", "CN", "KZ"]


def passage(source, n):
    """A line of the source's text, different for each n up to the number of lines."""
    lines = [line.strip() for line in source.text.splitlines() if line.strip()]
    return lines[n % len(lines)]


_lines = itertools.count()


def shared_citation():
    """A line of the source that factory-made records share, a different line each time
    until the lines run out: one source, not a new one for every record."""
    source = history.Source.objects.filter(slug=SHARED_SOURCE).first()
    if source is None:
        source = SourceFactory(slug=SHARED_SOURCE, title="The source factory records cite")
    citation, _ = history.Citation.objects.get_or_create(
        source=source, quote=passage(source, next(_lines)), defaults={"locator": "p. 1"}
    )
    return citation


def add_citations(record, create, extracted, **kwargs):
    if create:
        record.citations.add(*([shared_citation()] if extracted is None else extracted))


class Factory(DjangoModelFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True


class RecordFactory(Factory):
    class Meta:
        abstract = True

    status = history.Status.PUBLISHED


class CitedRecordFactory(RecordFactory):
    class Meta:
        abstract = True

    citations = factory.PostGeneration(add_citations)


# --- history -----------------------------------------------------------------


class SourceFactory(RecordFactory):
    class Meta:
        model = history.Source

    slug = factory.Sequence(lambda n: f"source-{n}")
    title = factory.Sequence(lambda n: f"Source {n} on the first republic")
    text = SOURCE_TEXT


class CitationFactory(Factory):
    class Meta:
        model = history.Citation

    source = factory.SubFactory(SourceFactory)
    quote = factory.LazyAttributeSequence(lambda o, n: passage(o.source, n))
    locator = "p. 1"


class AliasFactory(Factory):
    class Meta:
        model = history.Alias

    source = factory.SubFactory(SourceFactory)
    name = factory.LazyAttributeSequence(
        lambda o, n: ["Topchubashov", "Tiflis", "Nagorno-Karabakh"][n % 3]
    )


class PeriodFactory(CitedRecordFactory):
    class Meta:
        model = history.Period

    slug = factory.Sequence(lambda n: f"period-{n}")
    name = factory.Sequence(lambda n: f"Period {n}")
    kind = history.Period.Kind.STATE
    date = "1918/1920"


class PersonFactory(CitedRecordFactory):
    class Meta:
        model = history.Person

    slug = factory.Sequence(lambda n: f"person-{n}")
    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Minister of Foreign Affairs"


class QuoteFactory(CitedRecordFactory):
    class Meta:
        model = history.Quote

    slug = factory.Sequence(lambda n: f"quote-{n}")
    text = "We have created the basic principles of our foreign policy."
    speaker = factory.SubFactory(PersonFactory)
    occasion = "A speech to the diplomatic corps"
    date = "1998-07-04"


# --- diplomacy ---------------------------------------------------------------


class CountryFactory(CitedRecordFactory):
    class Meta:
        model = diplomacy.Country

    slug = factory.Sequence(lambda n: f"country-{n}")
    code = factory.Sequence(lambda n: COUNTRY_CODES[n % len(COUNTRY_CODES)])
    name = factory.LazyAttribute(lambda o: countries.name(o.code))


class RelationFactory(CitedRecordFactory):
    class Meta:
        model = diplomacy.Relation

    slug = factory.Sequence(lambda n: f"relation-{n}")
    country = factory.SubFactory(CountryFactory)
    kind = diplomacy.Relation.Kind.DIPLOMATIC
    title = factory.LazyAttribute(lambda o: f"Diplomatic relations with {o.country.name}")
    date = "1992-03-30"


class MissionFactory(CitedRecordFactory):
    class Meta:
        model = diplomacy.Mission

    slug = factory.Sequence(lambda n: f"mission-{n}")
    country = factory.SubFactory(CountryFactory)
    direction = diplomacy.Mission.Direction.ABROAD
    kind = diplomacy.Mission.Kind.EMBASSY
    city = "Paris"
    title = factory.LazyAttribute(lambda o: f"Embassy in {o.country.name}")
    date = "1919"


class OrganizationFactory(CitedRecordFactory):
    class Meta:
        model = diplomacy.Organization

    slug = factory.Sequence(lambda n: f"organization-{n}")
    name = factory.Sequence(lambda n: f"Organization {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")


class MembershipFactory(CitedRecordFactory):
    class Meta:
        model = diplomacy.Membership

    slug = factory.Sequence(lambda n: f"membership-{n}")
    organization = factory.SubFactory(OrganizationFactory)
    kind = diplomacy.Membership.Kind.MEMBER
    date = "1992-03-02/.."


class ProjectFactory(CitedRecordFactory):
    class Meta:
        model = diplomacy.Project

    slug = factory.Sequence(lambda n: f"project-{n}")
    name = factory.Sequence(lambda n: f"Pipeline {n}")
    kind = diplomacy.Project.Kind.ENERGY
    date = "2002/2006"


class ParticipationFactory(Factory):
    class Meta:
        model = diplomacy.Participation

    project = factory.SubFactory(ProjectFactory)
    country = factory.SubFactory(CountryFactory)
    role = diplomacy.Participation.Role.MEMBER
    citations = factory.PostGeneration(add_citations)


class EventFactory(CitedRecordFactory):
    class Meta:
        model = diplomacy.Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    title = factory.Sequence(lambda n: f"Event {n}")
    category = diplomacy.Event.Category.STATEHOOD
    date = "1918-05-28"


class DocumentFactory(CitedRecordFactory):
    class Meta:
        model = diplomacy.Document

    slug = factory.Sequence(lambda n: f"document-{n}")
    title = factory.Sequence(lambda n: f"Document {n}")
    kind = diplomacy.Document.Kind.ORDER
    date = "1923-10-08"


class PriorityFactory(CitedRecordFactory):
    class Meta:
        model = diplomacy.Priority

    slug = factory.Sequence(lambda n: f"priority-{n}")
    title = factory.Sequence(lambda n: f"Priority {n}")
    kind = diplomacy.Priority.Kind.OBJECTIVE


class FigureFactory(CitedRecordFactory):
    class Meta:
        model = diplomacy.Figure

    slug = factory.Sequence(lambda n: f"figure-{n}")
    label = factory.Sequence(lambda n: f"Embassies abroad ({n})")
    value = 100
    unit = "embassies"
    date = "2022"


def member_of(group, username):
    """A staff user in one of the editorial groups (made by a data migration)."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username, password="a long test passphrase", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user
