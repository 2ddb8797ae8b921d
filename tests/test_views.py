"""The public pages: lists, filters, details, feeds and what crawlers read."""

import json
import re

import pytest
from django import forms
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_countries import countries

from diplomacy.models import Country, Event
from history.filters import CheckboxGroup
from history.models import Citation, CitedRecord, Dated, Person, Quote, Status
from tests import factories as f

LISTS = {
    "history:period-list": f.PeriodFactory,
    "history:person-list": f.PersonFactory,
    "history:quote-list": f.QuoteFactory,
    "history:source-list": f.SourceFactory,
    "diplomacy:event-list": f.EventFactory,
    "diplomacy:country-list": f.CountryFactory,
    "diplomacy:organization-list": f.OrganizationFactory,
    "diplomacy:project-list": f.ProjectFactory,
    "diplomacy:priority-list": f.PriorityFactory,
}
DETAILS = list(LISTS.values())


def page(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content.decode()[:500]
    return response.content.decode()


def make(factory, count):
    """`count` published records with citations, aliases and relations, in bulk."""
    model = factory._meta.model
    source = f.SourceFactory()
    citation = f.CitationFactory(source=source)
    alias = f.AliasFactory(source=source)
    related = {}
    if model is Quote:
        related["speaker"] = f.PersonFactory()
    if model is Country:
        used = set(Country.objects.values_list("code", flat=True))
        codes = [code for code, _ in countries if code not in used][:count]
        records = [factory.build(code=code) for code in codes]
    else:
        records = factory.build_batch(count, **related)
    for record in records:
        if isinstance(record, Dated):
            record.derive_date_bounds()
    model.objects.bulk_create(records)
    if issubclass(model, CitedRecord):
        link(model.citations.through, records, citation=citation)
        link(model.aliases.through, records, alias=alias)
    if model is Event:
        link(Event.periods.through, records, period=f.PeriodFactory())
        link(Event.people.through, records, person=f.PersonFactory())
    return records


def link(through, records, **other):
    """Ties every record to the one `other` record through a many-to-many table."""
    record_field = through._meta.get_fields()[1].name
    through.objects.bulk_create([through(**{record_field: r}, **other) for r in records])


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        page(client, url)
    return len(context.captured_queries)


# --- Lists -------------------------------------------------------------------------


@pytest.mark.parametrize("name", LISTS)
def test_every_list_shows_published_records_only(client, db, name):
    published = LISTS[name]()
    draft = LISTS[name](status=Status.DRAFT)
    review = LISTS[name](status=Status.IN_REVIEW)

    html = page(client, reverse(name))

    assert published.get_absolute_url() in html
    assert draft.get_absolute_url() not in html
    assert review.get_absolute_url() not in html


@pytest.mark.parametrize("name", LISTS)
def test_list_query_count_does_not_grow_with_rows(client, db, name):
    make(LISTS[name], 10)
    few = queries_for(client, reverse(name))
    make(LISTS[name], 990)  # 1,000 in all (countries: every ISO code), many pages
    many = queries_for(client, reverse(name))

    assert few == many


def test_the_sort_select_says_what_each_order_is_and_is_no_filter(client, db):
    f.EventFactory()
    url = reverse("diplomacy:event-list")

    def options(**params):
        html = page(client, url, **params)
        select = html.split('name="ordering"')[1].split("</select>")[0]
        return html, re.findall(r'<option value="(-?\w*)"( selected)?>([^<]+)</option>', select)

    html, newest = options(ordering="-date")
    assert ("-date", " selected", "Newest first") in newest
    assert "active</span>" not in html  # a sort narrows nothing
    # The list's own order is the blank choice, so a form sent as it is adds no
    # ?ordering=; asked for by name, it shows as that choice, once.
    for params in ({}, {"ordering": "date"}):
        _, chosen = options(**params)
        assert chosen[0][::2] == ("", "Oldest first")
        assert not any(selected for _, selected, _ in chosen[1:])  # so the first shows
        assert [value for value, _, _ in chosen] == ["", "-date", "title", "-title"]


def test_an_undated_event_says_its_date_is_not_given(client, db):
    f.EventFactory(date="")
    html = page(client, reverse("diplomacy:event-list"))
    assert '<span class="when">Date not given</span>' in html


def test_country_rows_count_what_the_site_holds_through_the_door(client, db):
    georgia = f.CountryFactory(code="GE")
    f.RelationFactory.create_batch(2, country=georgia)
    f.RelationFactory(country=georgia, status=Status.DRAFT)
    f.MissionFactory(country=georgia)
    corridor = f.ProjectFactory()
    for role in ("initiator", "member"):  # two roles, one project
        f.ParticipationFactory(project=corridor, country=georgia, role=role)
    f.ParticipationFactory(project=f.ProjectFactory(status=Status.DRAFT), country=georgia)

    html = page(client, reverse("diplomacy:country-list"))

    assert '<span class="kind">2 relations · 1 mission · 1 project</span>' in html


def test_organization_rows_name_azerbaijans_standings(client, db):
    organization = f.OrganizationFactory()
    f.MembershipFactory.create_batch(2, organization=organization)
    f.MembershipFactory(organization=organization, kind="chair")
    f.MembershipFactory(organization=organization, kind="observer", status=Status.DRAFT)

    html = page(client, reverse("diplomacy:organization-list"))

    assert '<span class="kind">Member · Chair</span>' in html


def test_event_list_query_count_is_the_same_for_10_and_1000_events(client, db):
    make(f.EventFactory, 10)
    few = queries_for(client, reverse("diplomacy:event-list") + "?category=statehood")
    make(f.EventFactory, 990)
    many = queries_for(client, reverse("diplomacy:event-list") + "?category=statehood")

    assert few == many


def options(html, name):
    """{value: (count shown, ticked)} of a list filter's checkbox group."""
    return {
        value: (int(count), bool(checked))
        for value, checked, count in re.findall(
            rf'<input type="checkbox" name="{name}" value="([^"]*)"( checked)?> [^<]*'
            r'<span class="count">(\d+)</span>',
            html,
        )
    }


def test_a_checkbox_group_escapes_ticks_counts_and_folds_the_quiet_options(db):
    names = [
        "Ada <Lovelace>",
        "Bo & “Co”",
        "Cy",
        "Di",
        "Ed",
        "Flo",
        "Gus",
        "Hal",
        "Ida",
        "Jo",
        "Kai",
    ]
    people = [f.PersonFactory(name=name) for name in names]
    field = forms.ModelMultipleChoiceField(
        Person.objects.order_by("name"), to_field_name="slug", widget=CheckboxGroup
    )
    # Ida ticked, though she would give nothing; Cy gives nothing and is left out.
    field.widget.counts = {person.slug: 20 - i for i, person in enumerate(people)}
    field.widget.counts.update({people[2].slug: 0, people[8].slug: 0})

    html = field.widget.render("person", [people[8].slug], attrs={"id": "id_person"})

    assert "Ada &lt;Lovelace&gt;" in html and "Bo &amp; “Co”" in html
    assert ">Cy" not in html
    shown, folded = html.split('<details class="more">')
    # Six first, the ticked one and the busiest; the quieter rest under "Show 4 more".
    assert options(shown, "person") == {
        people[8].slug: (0, True),
        **{person.slug: (20 - i, False) for i, person in enumerate(people[:6]) if i != 2},
    }
    assert "Show 4 more" in folded
    assert options(folded, "person") == {
        person.slug: (20 - i, False) for i, person in enumerate(people) if i in (6, 7, 9, 10)
    }


def test_a_checkbox_group_folds_nothing_to_save_one_or_two_options(db):
    people = [f.PersonFactory() for _ in range(8)]
    field = forms.ModelMultipleChoiceField(
        Person.objects.all(), to_field_name="slug", widget=CheckboxGroup
    )
    field.widget.counts = {person.slug: 1 for person in people}

    html = field.widget.render("person", [])

    assert "<details" not in html and len(options(html, "person")) == 8


def test_the_event_list_offers_the_picked_people_only_and_takes_a_name(client, db):
    picked = f.PersonFactory(name="Ada <Lovelace>")
    named = f.PersonFactory(name="Fatali Khan Khoyski")
    other = f.PersonFactory(name="Somebody Else")
    events = {person.pk: f.EventFactory() for person in (picked, named, other)}
    for person in (picked, named, other):
        events[person.pk].people.add(person)
    url = reverse("diplomacy:event-list")

    html = page(client, url, person=[picked.slug, "fatali khan KHOYSKI", ""])

    form = html.split('role="search" aria-label="Filter the list"', 1)[1].split("</form>")[0]
    for person in (picked, named):
        assert f'name="person" value="{person.slug}" checked> ' in form
        assert events[person.pk].get_absolute_url() in html
    assert "Ada &lt;Lovelace&gt;" in form and "<Lovelace>" not in html
    assert "Somebody Else" not in form  # a list page no longer offers every person
    assert events[other.pk].get_absolute_url() not in html
    assert "Remove filter People: Fatali Khan Khoyski" in html


@pytest.mark.parametrize("name", ["Nobody", "Draft Person"])
def test_a_name_no_published_person_goes_by_answers_400(client, db, name):
    f.PersonFactory(name="Draft Person", status=Status.DRAFT)

    html = page(client, reverse("diplomacy:event-list"), status=400, person=name)

    assert f"No published person goes by “{name}”." in html
    assert f'value="{name}"' in html  # shown back to be corrected
    assert 'aria-describedby="id_person_hint id_person_error"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"year_from": "abc"},
        {"year_to": "1900", "year_from": "2000"},
        {"year_from": "100000"},
        {"period": "no-such-period"},
        {"country": "XX"},
        {"category": "weather"},
        {"ordering": "colour"},
        {"page": "99999"},
        {"page": "first"},
    ],
)
def test_a_bad_event_filter_answers_400_with_the_reason(client, db, params):
    f.EventFactory()

    html = page(client, reverse("diplomacy:event-list"), status=400, **params)

    assert 'class="error"' in html


def test_a_year_range_finds_every_event_whose_span_overlaps_it(client, db):
    inside = f.EventFactory(date="1501/1736")
    before = f.EventFactory(date="1400")
    after = f.EventFactory(date="1918-05-28")

    html = page(client, reverse("diplomacy:event-list"), year_from=1600, year_to=1650)

    assert inside.get_absolute_url() in html
    assert before.get_absolute_url() not in html
    assert after.get_absolute_url() not in html


def test_repeated_parameters_mean_any_of_them(client, db):
    georgia, turkey, iran = (f.CountryFactory(code=code) for code in ("GE", "TR", "IR"))
    events = {}
    for country in (georgia, turkey, iran):
        events[country.code.code] = event = f.EventFactory()
        event.countries.add(country)

    html = page(client, reverse("diplomacy:event-list") + "?country=GE&country=tr")

    assert events["GE"].get_absolute_url() in html
    assert events["TR"].get_absolute_url() in html
    assert events["IR"].get_absolute_url() not in html


def test_a_value_repeated_300_times_counts_once_and_the_page_stays_small(client, db):
    georgia = f.CountryFactory(code="GE", name="Georgia")
    period = f.PeriodFactory()
    events = [f.EventFactory(category=category) for category in Event.Category.values]
    for event in events:  # a box per category, and one for the period
        event.countries.add(georgia)
        event.periods.add(period)
    repeated = "&".join(["country=GE"] * 300)

    response = client.get(f"{reverse('diplomacy:event-list')}?{repeated}")

    assert response.status_code == 200
    assert response.wsgi_request.GET.getlist("country") == ["GE"] * 300  # left as sent
    # It was 1.4 MB: 300 chips, each linking to the other 299 values.
    assert len(response.content) < 100_000
    html = response.content.decode()
    assert len(re.findall(r'aria-label="Remove filter [^"]*: Georgia"', html)) == 1
    # Its chip drops the filter; the form ticks it once.
    assert re.search(r'href="\?" aria-label="Remove filter [^"]*: Georgia"', html)
    assert html.count('name="country" value="GE" checked') == 1
    assert all(event.get_absolute_url() in html for event in events)


@pytest.mark.parametrize(("count", "status"), [(50, 200), (51, 400)])
def test_more_than_50_values_of_one_parameter_answer_400_naming_it(client, db, count, status):
    codes = [country.code.code for country in make(f.CountryFactory, count)]
    query = "&".join(f"country={code}" for code in codes)

    html = page(client, f"{reverse('diplomacy:event-list')}?{query}", status=status)

    error = re.search(r'<p class="error" id="id_country_error" role="alert">([^<]*)</p>', html)
    if status == 200:
        assert error is None and html.count("Remove filter") == 50
    else:
        assert error and "at most 50" in error[1] and "51" in error[1]
        assert "Remove filter" not in html


def test_each_category_counts_the_events_it_would_give_with_the_other_filters(client, db):
    f.EventFactory(category=Event.Category.CONFLICT, date="1992")
    f.EventFactory(category=Event.Category.CONFLICT, date="2017")
    f.EventFactory(category=Event.Category.CULTURE, date="2015")
    f.EventFactory(category=Event.Category.CULTURE, date="2016", status=Status.DRAFT)

    html = page(client, reverse("diplomacy:event-list"), year_from=2000, category="culture")

    # The category chosen does not narrow its own counts: conflict is still offered.
    assert options(html, "category") == {"conflict": (1, False), "culture": (1, True)}
    assert "1 record<" in html


def test_the_period_filter_counts_the_filtered_events_of_published_periods(client, db):
    early, late = f.PeriodFactory(date="1900/1950"), f.PeriodFactory(date="1951/2000")
    hidden = f.PeriodFactory(date="1900/2000", status=Status.DRAFT)
    for date, periods in [("1920", [early, hidden]), ("1960", [late]), ("1970", [late])]:
        f.EventFactory(date=date).periods.set(periods)
    f.EventFactory(date="1930", status=Status.DRAFT).periods.set([early])

    html = page(client, reverse("diplomacy:event-list"))
    assert options(html, "period") == {early.slug: (1, False), late.slug: (2, False)}
    # A period that would give nothing is not offered.
    narrowed = page(client, reverse("diplomacy:event-list"), year_from=1965)
    assert options(narrowed, "period") == {late.slug: (1, False)}


def test_organizations_count_azerbaijan_s_published_standings(client, db):
    member, observer = f.OrganizationFactory(), f.OrganizationFactory()
    f.MembershipFactory(organization=member, kind="member")
    f.MembershipFactory(organization=observer, kind="observer")
    f.MembershipFactory(organization=observer, kind="member", status=Status.DRAFT)

    html = page(client, reverse("diplomacy:organization-list"), kind="observer")

    assert options(html, "kind") == {"member": (1, False), "observer": (1, True)}
    assert observer.name in html and member.name not in html


def test_a_filter_naming_a_draft_period_is_refused(client, db):
    period = f.PeriodFactory(status=Status.DRAFT)

    page(client, reverse("diplomacy:event-list"), status=400, period=period.slug)


def test_active_filters_can_be_cleared_one_by_one(client, db):
    f.EventFactory()

    html = page(client, reverse("diplomacy:event-list"), category="statehood", year_from=1900)

    # Each active filter links to the same list without it.
    assert re.search(r'href="\?year_from=1900"', html)
    assert re.search(r'href="\?category=statehood"', html)


# --- Details -----------------------------------------------------------------------


@pytest.mark.parametrize("factory", DETAILS)
def test_every_detail_page_shows_its_citations_and_how_to_cite_it(client, db, factory):
    record = factory()
    html = page(client, record.get_absolute_url())

    assert "Cite this page" in html
    assert 'name="citation_title"' in html and 'name="DC.title"' in html
    assert 'rel="canonical"' in html
    if isinstance(record, CitedRecord):
        citation = record.citations.get()
        assert citation.source.get_absolute_url() in html
        assert citation.quote.split()[0] in html


@pytest.mark.parametrize("factory", DETAILS)
def test_drafts_and_records_in_review_have_no_page(client, db, factory):
    for status in (Status.DRAFT, Status.IN_REVIEW):
        record = factory(status=status)
        page(client, record.get_absolute_url(), status=404)


@pytest.mark.parametrize(
    ("factory", "schema_type"),
    [
        (f.EventFactory, "Event"),
        (f.PersonFactory, "Person"),
        (f.OrganizationFactory, "Organization"),
        (f.CountryFactory, "Country"),
    ],
)
def test_detail_pages_carry_schema_org_json_ld(client, db, factory, schema_type):
    record = factory()
    html = page(client, record.get_absolute_url())

    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S)[1])
    assert data["@type"] == schema_type
    assert data["url"].endswith(record.get_absolute_url())


def test_event_detail_links_its_relations_and_neighbours_in_time(client, db):
    earlier = f.EventFactory(date="1918-05-28")
    event = f.EventFactory(date="1919")
    later = f.EventFactory(date="1920")
    period, person = f.PeriodFactory(), f.PersonFactory()
    country, organization = f.CountryFactory(), f.OrganizationFactory()
    event.periods.add(period)
    event.people.add(person)
    event.countries.add(country)
    event.organizations.add(organization)
    hidden = f.PersonFactory(status=Status.DRAFT)
    event.people.add(hidden)

    html = page(client, event.get_absolute_url())

    for record in (earlier, later, period, person, country, organization):
        assert record.get_absolute_url() in html
    assert hidden.get_absolute_url() not in html


def test_event_detail_query_count_does_not_grow_with_relations(client, db):
    event = f.EventFactory()
    few = queries_for(client, event.get_absolute_url())
    for _ in range(20):
        event.countries.add(make_country())
        event.people.add(f.PersonFactory())
        event.citations.add(f.CitationFactory())
    many = queries_for(client, event.get_absolute_url())

    assert few == many


def make_country(**kwargs):
    """A country with an ISO code no other country has yet."""
    used = set(Country.objects.values_list("code", flat=True))
    code = next(code for code, _ in countries if code not in used)
    return f.CountryFactory(code=code, **kwargs)


def test_source_page_anchors_each_citation_on_its_words_and_links_its_records(client, db):
    source = f.SourceFactory(text="The treaty of Kars was signed in 1921. It holds.")
    kars = f.CitationFactory(source=source, quote="treaty of Kars")
    signed = f.CitationFactory(source=source, quote="Kars was signed")  # overlaps kars
    holds = f.CitationFactory(source=source, quote="It holds")
    event = f.EventFactory(citations=[kars, holds])
    f.QuoteFactory(citations=[signed])

    html = page(client, source.get_absolute_url())

    # Each citation's anchor wraps the words it cites, overlapping ones shared, so
    # that CSS highlights the one a link names (:target); nothing is marked for all.
    assert (
        f'The <span class="passage" id="passage-{kars.pk}">'
        f'<span class="passage" id="passage-{signed.pk}">treaty of Kars was signed</span></span>'
    ) in html
    assert f'<span class="passage" id="passage-{holds.pk}">It holds</span>' in html
    assert "<mark" not in html
    assert f'<a href="{event.get_absolute_url()}">[{event}]</a>' in html


def test_source_page_folds_the_records_of_a_passage_cited_by_more_than_two(client, db):
    source = f.SourceFactory(text="Missions of 16 states functioned in Baku. It holds.")
    missions = f.CitationFactory(source=source, quote="Missions of 16 states")
    holds = f.CitationFactory(source=source, quote="It holds")
    events = f.EventFactory.create_batch(3, citations=[missions])
    f.EventFactory(citations=[holds])

    html = page(client, source.get_absolute_url())

    folded = html.split('<details class="supports"><summary>cited by 3 records</summary>')
    assert len(folded) == 2
    assert all(event.get_absolute_url() in folded[1].split("</details>")[0] for event in events)
    assert html.count('<details class="supports">') == 1  # one record: a plain link


def test_an_unknown_country_code_answers_404(client, db):
    page(client, "/countries/zz/", status=404)
    page(client, "/countries/not-a-code/", status=404)


# --- Feeds and crawlers ------------------------------------------------------------


def test_feed_sitemap_and_search_hold_published_records_only(client, db):
    published = f.EventFactory(title="Published zanzibarword")
    draft = f.EventFactory(title="Draft quetzalword", status=Status.DRAFT)
    review = f.EventFactory(title="Review quetzalword", status=Status.IN_REVIEW)

    feed = page(client, reverse("event-feed"))
    sitemap = page(client, reverse("sitemap"))
    search = page(client, reverse("diplomacy:search"), q="quetzalword")
    timeline = page(client, reverse("diplomacy:timeline"))

    for html in (feed, sitemap, timeline):
        assert published.get_absolute_url() in html
    for html in (feed, sitemap, search, timeline):
        assert draft.get_absolute_url() not in html
        assert review.get_absolute_url() not in html
        assert "Draft quetzalword" not in html and "Review quetzalword" not in html


def test_feed_is_atom(client, db):
    f.EventFactory()
    response = client.get(reverse("event-feed"))

    assert response["Content-Type"].startswith("application/atom+xml")


def test_robots_and_opensearch_point_at_the_site(client, db):
    robots = page(client, reverse("robots"))
    opensearch = page(client, reverse("opensearch"))

    assert "Sitemap:" in robots and "/sitemap.xml" in robots
    assert "/search/?q={searchTerms}" in opensearch


def test_an_unknown_address_gets_the_friendly_404(client, db):
    html = page(client, "/no-such-page/", status=404)

    assert "<main" in html


def test_home_shows_figures_with_their_sources_and_latest_events(client, db):
    figure = f.FigureFactory()
    event = f.EventFactory()

    html = page(client, reverse("diplomacy:home"))

    assert figure.label in html
    assert figure.citations.get().source.get_absolute_url() in html
    assert event.get_absolute_url() in html


def test_a_figure_reads_as_a_reader_says_it_on_home_and_in_search(client, db):
    f.FigureFactory(label="Missions in Baku", value=16, unit="states", qualifier="more-than")

    home = page(client, reverse("diplomacy:home"))
    found = page(client, reverse("diplomacy:search"), q="missions")

    assert '<p class="figure-value">More than 16 states</p>' in home
    assert "more than 16 states" in found


def test_a_quotation_is_set_once_with_its_source_beside_it(client, db):
    source = f.SourceFactory(text="He said: We have created the basic principles.")
    words = "We have created the basic principles."
    citation = Citation.objects.create(source=source, quote=words)
    quote = f.QuoteFactory(text=citation.quote, citations=[citation])

    html = page(client, quote.get_absolute_url())

    main = html.split("<main")[1].split("</main>")[0]
    assert main.count("<blockquote") == 1
    assert f'The quotation above is from <a href="{source.get_absolute_url()}#passage-' in html


def test_applied_filters_read_as_names_not_codes(client, db):
    event = f.EventFactory(category=Event.Category.STATEHOOD)
    event.countries.add(f.CountryFactory(code="IR", name="Iran"))

    html = page(client, reverse("diplomacy:event-list"), country="ir", category="statehood", q="")

    assert "Countries: Iran" in html or "Country: Iran" in html
    assert ": Statehood" in html
    # Removing one filter keeps the other and drops the empty text field.
    assert 'href="?category=statehood"' in html


@pytest.mark.parametrize(
    "url", ["/", "/timeline/", "/map/", "/search/?q=event", "/feeds/events/", "/sitemap.xml"]
)
def test_site_wide_pages_cost_the_same_queries_for_10_and_300_events(client, db, url):
    make(f.EventFactory, 10)
    few = queries_for(client, url)
    make(f.EventFactory, 290)
    many = queries_for(client, url)

    assert few == many


def test_source_page_costs_the_same_for_few_and_many_cited_records(client, db):
    source = f.SourceFactory()

    def cite_more(count):
        for _ in range(count):
            citation = f.CitationFactory(source=source)
            f.MissionFactory(country=make_country(), citations=[citation])
            f.QuoteFactory(citations=[citation])
            f.MembershipFactory(citations=[citation])

    cite_more(2)
    few = queries_for(client, source.get_absolute_url())
    cite_more(5)
    many = queries_for(client, source.get_absolute_url())

    assert few == many


def test_organization_page_costs_the_same_for_few_and_many_memberships(client, db):
    organization = f.OrganizationFactory()
    f.MembershipFactory.create_batch(2, organization=organization)
    few = queries_for(client, organization.get_absolute_url())
    f.MembershipFactory.create_batch(20, organization=organization)
    organization.citations.add(*f.CitationFactory.create_batch(5))
    many = queries_for(client, organization.get_absolute_url())

    assert few == many


# --- Previews ----------------------------------------------------------------------


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW])
def test_an_editor_previews_a_draft_on_its_page_never_cached(client, editor, status):
    event = f.EventFactory(title="Unseen quillword", status=status)
    client.force_login(editor)

    response = client.get(event.get_absolute_url() + "?preview")

    assert response.status_code == 200
    assert "Unseen quillword" in response.content.decode()
    assert "Preview." in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_preview_is_not_shown_to_anonymous_visitors_even_after_an_editor_saw_it(client, editor):
    event = f.EventFactory(title="Unseen quillword", status=Status.DRAFT)
    url = event.get_absolute_url() + "?preview"
    client.force_login(editor)
    client.get(url)
    client.logout()

    assert client.get(url).status_code == 404
    assert "quillword" not in page(client, reverse("diplomacy:event-list"))


def test_a_published_record_with_preview_shows_no_banner(client, editor):
    event = f.EventFactory()
    client.force_login(editor)

    assert "Preview." not in page(client, event.get_absolute_url() + "?preview")


def test_staff_without_the_change_permission_cannot_preview(client, db):
    event = f.EventFactory(status=Status.DRAFT)
    client.force_login(User.objects.create_user("viewer", is_staff=True))

    assert client.get(event.get_absolute_url() + "?preview").status_code == 404


def test_a_citation_of_a_draft_source_is_not_shown_on_public_pages(client, db):
    event = f.EventFactory()
    hidden = f.SourceFactory(title="Unpublished memoir of Zephyrine", status=Status.DRAFT)
    event.citations.add(f.CitationFactory(source=hidden))
    event.aliases.add(f.AliasFactory(source=hidden))

    for url in (event.get_absolute_url(), reverse("diplomacy:home")):
        html = page(client, url)
        assert "Zephyrine" not in html
        assert hidden.get_absolute_url() not in html


@pytest.mark.parametrize(
    "url",
    [
        "/events/?period=%00",
        "/search/?q=a%00b",
        "/timeline/?period=%00",
        "/events/%00/",
        "/countries/%00/",
        "/api/v1/events/%00/",
        "/api/v1/events/?q=%00",
    ],
)
def test_a_nul_character_anywhere_in_an_address_answers_400(client, db, url):
    f.EventFactory()

    assert client.get(url).status_code == 400


# --- Counts in words -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "cast", "words"),
    [(1, 3, "1 vote of 3."), (2, 3, "2 votes of 3."), (1, None, "1 vote."), (2, None, "2 votes.")],
)
def test_a_seat_s_votes_read_in_the_singular_and_the_plural(client, db, received, cast, words):
    seat = f.MembershipFactory(votes_received=received, votes_cast=cast)

    html = page(client, seat.organization.get_absolute_url())

    assert words in html


@pytest.mark.parametrize(
    ("count", "error"),
    [
        (3, "There is no page “9”: there is only one page."),
        (60, "There is no page “9”: pages run from 1 to 2."),
    ],
)
def test_a_page_past_the_last_says_which_pages_there_are(client, db, count, error):
    f.EventFactory.create_batch(count)

    html = page(client, reverse("diplomacy:event-list"), status=400, page="9")

    assert error in html
