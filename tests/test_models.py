import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from diplomacy.models import Country, Event, Membership, Participation
from history.dates import EARLIEST, LATEST, bound
from history.models import Alias, Citation, Period, Person, Redirect, Source, Status

from . import factories as f

pytestmark = pytest.mark.django_db

PUBLIC_FACTORIES = [
    f.SourceFactory,
    f.PeriodFactory,
    f.PersonFactory,
    f.QuoteFactory,
    f.CountryFactory,
    f.RelationFactory,
    f.MissionFactory,
    f.OrganizationFactory,
    f.MembershipFactory,
    f.ProjectFactory,
    f.EventFactory,
    f.PriorityFactory,
    f.FigureFactory,
]


def model_name(value):
    return value._meta.model.__name__ if hasattr(value, "_meta") else None


def errors_of(instance, **kwargs):
    with pytest.raises(ValidationError) as error:
        instance.full_clean(**kwargs)
    return error.value.message_dict


# --- Dates ---------------------------------------------------------------------------


def test_full_clean_rejects_a_date_that_is_not_edtf():
    event = f.EventFactory.build(date="28 May 1918")

    assert "is not an EDTF date" in errors_of(event)["date"][0]


def test_full_clean_rejects_an_interval_ending_before_it_starts():
    event = f.EventFactory.build(date="2022/2019")

    assert errors_of(event)["date"] == ["The end of “2022/2019” comes before its start."]


def test_full_clean_accepts_a_valid_date_on_a_new_record():
    event = f.EventFactory.build(date="1918-05-28")

    event.full_clean()


def test_database_refuses_bounds_whose_end_comes_before_start():
    event = f.EventFactory(date="1919")

    with transaction.atomic(), pytest.raises(IntegrityError):
        Event.objects.filter(pk=event.pk).update(date_lower=bound(1920), date_upper=bound(1919))


def test_database_refuses_a_date_without_its_bounds():
    event = f.EventFactory(date="1919")

    with transaction.atomic(), pytest.raises(IntegrityError):
        Event.objects.filter(pk=event.pk).update(date_lower=None, date_upper=None)


def test_saving_derives_the_sort_bounds_from_the_date():
    event = f.EventFactory(date="1918-05-28")
    event.refresh_from_db()
    assert (event.date_lower, event.date_upper) == (19180528, 19180528)

    event.date = "1918/1920"
    event.save()
    event.refresh_from_db()
    assert (event.date_lower, event.date_upper) == (19180101, 19201231)

    event.date = ""
    event.save()
    event.refresh_from_db()
    assert (event.date_lower, event.date_upper) == (None, None)


# --- Passages: citations and aliases must stand in their source ----------------------


def test_citation_not_in_source_is_rejected():
    citation = f.CitationFactory.build(source=f.SourceFactory(), quote="Baku was founded in 1066")

    errors = errors_of(citation)

    assert list(errors) == ["quote"]
    assert "do not appear in" in errors["quote"][0]


def test_citation_not_in_source_is_refused_on_save_and_not_written():
    source = f.SourceFactory()

    with pytest.raises(ValidationError) as error:
        Citation(source=source, quote="Baku was founded in 1066").save()

    assert "quote" in error.value.message_dict
    assert not Citation.objects.exists()


def test_citation_laid_out_differently_from_its_source_is_accepted():
    source = f.SourceFactory()
    citation = Citation(source=source, quote="Azerbaijan's independence in January 1920")

    citation.full_clean()
    citation.save()

    assert Citation.objects.get(source=source).quote == citation.quote


def test_alias_not_in_source_is_rejected():
    alias = f.AliasFactory.build(source=f.SourceFactory(), name="Topçubaşov")

    errors = errors_of(alias)

    assert list(errors) == ["name"]
    assert "do not appear in" in errors["name"][0]


def test_alias_not_in_source_is_refused_on_save_and_not_written():
    source = f.SourceFactory()

    with pytest.raises(ValidationError) as error:
        Alias(source=source, name="Topçubaşov").save()

    assert "name" in error.value.message_dict
    assert not Alias.objects.exists()


def test_alias_hyphenated_across_a_line_is_accepted():
    alias = f.AliasFactory(name="Nagorno-Karabakh")

    assert Alias.objects.get(pk=alias.pk).name == "Nagorno-Karabakh"


# --- Uniqueness ----------------------------------------------------------------------


def test_duplicate_slug_is_rejected():
    f.EventFactory(slug="independence")

    errors = errors_of(f.EventFactory.build(slug="independence"))

    assert "slug" in errors
    with transaction.atomic(), pytest.raises(IntegrityError):
        f.EventFactory(slug="independence", citations=[])


def test_duplicate_country_code_is_rejected():
    f.CountryFactory(code="FR", slug="france")

    errors = errors_of(f.CountryFactory.build(code="FR", slug="france-again"))

    assert "code" in errors
    with transaction.atomic(), pytest.raises(IntegrityError):
        f.CountryFactory(code="FR", slug="france-again", citations=[])


def test_duplicate_citation_of_the_same_words_is_rejected():
    citation = f.CitationFactory()
    duplicate = Citation(source=citation.source, quote=citation.quote)

    errors = errors_of(duplicate)

    assert "already exists" in str(errors)
    with transaction.atomic(), pytest.raises(IntegrityError):
        duplicate.save()


def test_same_words_may_be_cited_from_another_source():
    citation = f.CitationFactory()

    other = f.CitationFactory(quote=citation.quote)

    assert other.source != citation.source


# --- Publication ---------------------------------------------------------------------


@pytest.mark.parametrize("factory", PUBLIC_FACTORIES, ids=model_name)
def test_published_excludes_draft_and_in_review_records(factory):
    published = factory()
    factory(status=Status.DRAFT)
    factory(status=Status.IN_REVIEW)

    assert list(factory._meta.model.objects.published()) == [published]


@pytest.mark.parametrize(
    "factory",
    [factory for factory in PUBLIC_FACTORIES if factory is not f.SourceFactory],
    ids=model_name,
)
def test_published_records_from_factories_have_a_citation(factory):
    record = factory()

    assert record.citations.count() == 1
    assert factory._meta.model.objects.uncited().count() == 0


# --- Dated queries -------------------------------------------------------------------


def test_overlapping_finds_a_period_spanning_the_years():
    period = f.PeriodFactory(date="1501/1736")

    assert list(Period.objects.overlapping(1600, 1650)) == [period]
    assert list(Period.objects.overlapping(1736, 1800)) == [period]
    assert list(Period.objects.overlapping(1400, 1501)) == [period]
    assert list(Period.objects.overlapping(1737, 1800)) == []
    assert list(Period.objects.overlapping(1400, 1500)) == []


def test_overlapping_leaves_out_an_event_outside_the_years():
    event = f.EventFactory(date="1919")

    assert list(Event.objects.overlapping(1920, 1930)) == []
    assert list(Event.objects.overlapping(1900, 1918)) == []
    assert list(Event.objects.overlapping(1919, 1919)) == [event]


def test_overlapping_with_one_end_only():
    early = f.EventFactory(date="1918-05-28")
    late = f.EventFactory(date="1992-03-02")

    assert list(Event.objects.overlapping(year_from=1950)) == [late]
    assert list(Event.objects.overlapping(year_to=1950)) == [early]
    assert set(Event.objects.overlapping()) == {early, late}


def test_overlapping_finds_an_open_interval_at_any_later_year():
    since = f.MembershipFactory(date="2011/..")
    until = f.MembershipFactory(date="../1920-04")

    assert since.date_upper == LATEST and until.date_lower == EARLIEST
    assert list(Membership.objects.overlapping(2024, 2024)) == [since]
    assert list(Membership.objects.overlapping(1500, 1600)) == [until]
    assert list(Membership.objects.overlapping(2000, 2010)) == []


def test_overlapping_compares_years_before_the_common_era():
    achaemenid = f.PeriodFactory(date="-0549/-0329")
    albania = f.PeriodFactory(date="-0199/0705")

    assert list(Period.objects.overlapping(-400, -300)) == [achaemenid]
    assert list(Period.objects.overlapping(-250, -200)) == []
    assert list(Period.objects.overlapping(-199, -199)) == [albania]
    assert list(Period.objects.overlapping(-1000, 2000).chronological()) == [achaemenid, albania]


def test_overlapping_leaves_out_undated_records():
    f.EventFactory(date="")

    assert list(Event.objects.overlapping(-9999, 9999)) == []
    assert Event.objects.overlapping().count() == 1


def test_chronological_orders_by_lower_then_upper_bound_with_undated_last():
    for date in ["", "1919", "1918-05-28", "1918/1920", "-0499", "1918", "1918-05"]:
        f.EventFactory(date=date)

    ordered = [event.date for event in Event.objects.chronological()]

    assert ordered == ["-0499", "1918", "1918/1920", "1918-05", "1918-05-28", "1919", ""]


# --- Citations -----------------------------------------------------------------------


def test_uncited_gives_records_without_citations():
    cited = f.PersonFactory()
    uncited = f.PersonFactory(citations=[])
    twice = f.PersonFactory(citations=[f.CitationFactory(), f.CitationFactory()])

    assert list(Person.objects.uncited()) == [uncited]

    cited.citations.clear()
    assert set(Person.objects.uncited()) == {cited, uncited}
    assert twice not in Person.objects.uncited()


def test_uncited_works_on_dated_querysets():
    f.EventFactory()
    uncited = f.EventFactory(citations=[])

    assert list(Event.objects.published().uncited()) == [uncited]


# --- Natural keys --------------------------------------------------------------------


def test_record_natural_key_is_its_slug():
    event = f.EventFactory(slug="independence")

    assert event.natural_key() == ("independence",)
    assert Event.objects.get_by_natural_key(*event.natural_key()) == event


def test_source_natural_key_round_trip():
    source = f.SourceFactory()

    assert Source.objects.get_by_natural_key(*source.natural_key()) == source


def test_country_natural_key_is_its_code():
    country = f.CountryFactory(code="GE")

    assert country.natural_key() == ("GE",)
    assert Country.objects.get_by_natural_key(*country.natural_key()) == country


def test_citation_natural_key_is_source_slug_and_quote():
    citation = f.CitationFactory()
    f.CitationFactory(source=citation.source)

    assert citation.natural_key() == (citation.source.slug, citation.quote)
    assert Citation.objects.get_by_natural_key(*citation.natural_key()) == citation


def test_alias_natural_key_is_source_slug_and_name():
    alias = f.AliasFactory(name="Tiflis")

    assert alias.natural_key() == (alias.source.slug, "Tiflis")
    assert Alias.objects.get_by_natural_key(*alias.natural_key()) == alias


def test_participation_natural_key_is_project_country_and_role():
    participation = f.ParticipationFactory(country__code="TR", role="route")
    f.ParticipationFactory(
        project=participation.project, country=participation.country, role="member"
    )

    assert participation.natural_key() == (participation.project.slug, "TR", "route")
    assert Participation.objects.get_by_natural_key(*participation.natural_key()) == (
        participation
    )


# --- Display -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("factory", "kwargs", "expected"),
    [
        (f.SourceFactory, {"title": "Paris 1919"}, "Paris 1919"),
        (
            f.CitationFactory,
            {"source__title": "Paris 1919", "quote": "Alimardan Topchubashov"},
            "“Alimardan Topchubashov” — Paris 1919, p. 1",
        ),
        (f.AliasFactory, {"name": "Tiflis"}, "Tiflis"),
        (
            f.PeriodFactory,
            {"name": "Azerbaijan Democratic Republic"},
            "Azerbaijan Democratic Republic",
        ),
        (f.PersonFactory, {"name": "Alimardan Topchubashov"}, "Alimardan Topchubashov"),
        (
            f.QuoteFactory,
            {"speaker__name": "Heydar Aliyev", "text": "We have created the basic principles."},
            "Heydar Aliyev: “We have created the basic principles.”",
        ),
        (f.CountryFactory, {"code": "FR", "name": "France"}, "France"),
        (f.RelationFactory, {"title": "Recognition by France"}, "Recognition by France"),
        (f.MissionFactory, {"title": "Embassy in Paris"}, "Embassy in Paris"),
        (
            f.OrganizationFactory,
            {"name": "United Nations", "acronym": "UN"},
            "United Nations (UN)",
        ),
        (
            f.OrganizationFactory,
            {"name": "Non-Aligned Movement", "acronym": ""},
            "Non-Aligned Movement",
        ),
        (
            f.MembershipFactory,
            {"organization__name": "United Nations", "organization__acronym": "UN"},
            "Member: United Nations (UN), since 2 March 1992",
        ),
        (f.ProjectFactory, {"name": "Baku–Tbilisi–Ceyhan"}, "Baku–Tbilisi–Ceyhan"),
        (
            f.ParticipationFactory,
            {
                "project__name": "TANAP",
                "country__code": "TR",
                "country__name": "Türkiye",
                "role": "route",
            },
            "Türkiye in TANAP (On the route)",
        ),
        (
            f.EventFactory,
            {"title": "Proclamation of independence"},
            "Proclamation of independence",
        ),
        (f.PriorityFactory, {"title": "Territorial integrity"}, "Territorial integrity"),
        (f.FigureFactory, {"label": "Embassies abroad"}, "Embassies abroad"),
    ],
    ids=model_name,
)
def test_str_names_the_record(factory, kwargs, expected):
    assert str(factory(**kwargs)) == expected


def test_str_shortens_long_citations_and_quotes_after_a_whole_word():
    words = "Azerbaijan pursues an independent, balanced and multi-vectoral foreign policy " * 3
    citation = f.CitationFactory(source__title="S", source__text=words, quote=words)
    quote = f.QuoteFactory(speaker__name="P", text=words)

    shown_of = {
        citation: str(citation).removeprefix("“").removesuffix("” — S, p. 1"),
        quote: str(quote).removeprefix("P: “").removesuffix("”"),
    }
    for record, limit in ((citation, 80), (quote, 60)):
        shown = shown_of[record]
        assert shown.endswith("…") and len(shown) <= limit
        kept = shown.removesuffix("…").split()
        assert kept == words.split()[: len(kept)]  # whole words, in order


def test_neighbours_follow_the_chronological_order_through_ties():
    # Same start, then same start and end (broken by pk), an undated one, a draft.
    same_day = [f.EventFactory(date="1920") for _ in range(2)]
    wider = f.EventFactory(date="1920/1921")
    earlier = f.EventFactory(date="1919-05")
    later = f.EventFactory(date="1921-01-01")
    f.EventFactory(date="")
    f.EventFactory(date="1920", status=Status.DRAFT)
    ordered = [earlier, *same_day, wider, later]
    published = Event.objects.published()

    assert [published.after(e) for e in ordered] == [*ordered[1:], None]
    assert [published.before(e) for e in ordered] == [None, *ordered[:-1]]
    assert published.after(Event(date="", pk=10**6)) is None


def test_a_redirect_in_a_fixture_loads_twice_as_one_row(db, tmp_path):
    # The content's fixtures name the old address of a merged record; loading
    # them again must not fail on the unique address or add a second row.
    fixture = tmp_path / "moved.json"
    row = {"old_path": "/events/old/", "new_path": "/events/new/"}
    fixture.write_text(json.dumps([{"model": "history.redirect", "fields": row}]))
    call_command("loaddata", str(fixture), verbosity=0)
    call_command("loaddata", str(fixture), verbosity=0)
    assert list(Redirect.objects.values("old_path", "new_path")) == [row]
