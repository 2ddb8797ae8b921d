"""What a reader does in a real browser: follow links, filter, search, use the map,
and read the pages with JavaScript turned off.
"""

import re
from urllib.parse import parse_qsl, urlsplit

from playwright.sync_api import expect

from .conftest import axe_violations


def url(site, path):
    """The page's address as a pattern: exact path, query and fragment as given."""
    return re.compile("^" + re.escape(site + path) + "$")


def chosen(page):
    """The filters in the page's address, without the form's empty fields."""
    return {name: value for name, value in parse_qsl(urlsplit(page.url).query) if value}


def record_count(page):
    """The number a list page gives above its results ("12 records")."""
    text = page.locator(".list-results p.count").inner_text()
    return int(re.match(r"(\d+) records?$", text).group(1))


def option(form, group, label):
    """The checkbox of a filter's option, which shows its label then its count."""
    return form.get_by_role("group", name=group).get_by_role(
        "checkbox", name=re.compile(rf"^{re.escape(label)} \d+$")
    )


def tick(form, group, label):
    """Tick an option, unfolding the group's quieter options if it is among them."""
    box = option(form, group, label)
    if not box.is_visible():
        form.get_by_role("group", name=group).get_by_text(re.compile(r"^Show \d+ more$")).click()
    box.check()


def test_home_to_timeline_to_event_to_source_and_back(page, site, outside_requests):
    page.goto(site + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Timeline").click()
    expect(page).to_have_url(url(site, "/timeline/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Timeline")

    event = page.locator("#tl-list a[href^='/events/']").first
    title, event_path = event.inner_text(), event.get_attribute("href")
    event.click()
    expect(page).to_have_url(url(site, event_path))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    citation = page.locator("section.citations a[href^='/sources/']").first
    source_path = citation.get_attribute("href")
    assert re.fullmatch(r"/sources/[\w-]+/#passage-\d+", source_path)
    source_title = citation.inner_text()
    citation.click()
    expect(page).to_have_url(url(site, source_path))
    expect(page.get_by_role("heading", level=1)).to_have_text(source_title)
    # The cited words are highlighted, and no other passage.
    anchor = source_path.split("#")[1]
    passage = page.locator(f"#{anchor}")
    expect(passage).to_be_visible()
    assert passage.evaluate("el => el.getBoundingClientRect().top") < page.viewport_size["height"]

    def background(locator):
        return locator.evaluate("el => getComputedStyle(el).backgroundColor")

    assert background(passage) not in ("rgba(0, 0, 0, 0)", "transparent")
    other = page.locator(f".passage:not(#{anchor}):not(#{anchor} .passage)").first
    assert background(other) == "rgba(0, 0, 0, 0)"

    page.go_back()
    expect(page).to_have_url(url(site, event_path))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    page.go_back()
    expect(page).to_have_url(url(site, "/timeline/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Timeline")
    page.go_forward()
    expect(page).to_have_url(url(site, event_path))
    assert outside_requests == []


def test_a_reader_reports_an_error_on_the_page_they_read(page, site, outside_requests):
    page.goto(site + "/events/")
    page.locator(".list-results a[href^='/events/']").first.click()
    event_path = urlsplit(page.url).path
    page.get_by_role("contentinfo").get_by_role("link", name="Report it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report an error")
    expect(page.get_by_role("link", name=event_path)).to_be_visible()

    page.get_by_role("button", name="Send the report").click()
    message = page.get_by_label("The error")
    expect(message).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("alert")).to_contain_text("Say what is wrong")

    message.fill("The date in the summary differs from the source.")
    page.get_by_role("button", name="Send the report").click()
    expect(page).to_have_url(url(site, "/report/sent/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    assert outside_requests == []


def test_event_filters_apply_and_clear_one_by_one(page, site):
    page.goto(site + "/events/")
    form = page.get_by_role("search", name="Filter the list")
    counts = [record_count(page)]

    def apply(**expected):
        before = page.url
        form.get_by_role("button", name="Apply").click()
        expect(page).not_to_have_url(before)
        assert urlsplit(page.url).path == "/events/"
        assert chosen(page) == expected
        counts.append(record_count(page))
        assert counts[-1] < counts[-2], f"{expected} narrowed nothing: {counts}"

    tick(form, "Category", "Diplomatic service")
    apply(category="diplomacy")
    kinds = page.locator(".list-results .records .kind")
    expect(kinds).to_have_count(counts[-1])
    assert set(kinds.all_text_contents()) == {"Diplomatic service"}

    form.get_by_label("From year").fill("1919")
    form.get_by_label("To year").fill("1925")
    apply(category="diplomacy", year_from="1919", year_to="1925")
    for when in page.locator(".list-results .records .when").all_inner_texts():
        assert re.search(r"19[12]\d", when), when

    tick(form, "Countries", "Iran")
    apply(category="diplomacy", year_from="1919", year_to="1925", country="IR")
    # The form keeps what was chosen.
    expect(form.get_by_label("From year")).to_have_value("1919")
    expect(option(form, "Countries", "Iran")).to_be_checked()
    expect(option(form, "Category", "Diplomatic service")).to_be_checked()

    active = page.locator(".active-filters")
    expect(active.get_by_role("link", name=re.compile("^Remove filter"))).to_have_count(4)
    for name, gone in [
        ("Countries", "country=IR"),
        ("To year", "year_to=1925"),
        ("From year", "year_from=1919"),
        ("Category", "category=diplomacy"),
    ]:
        before = page.url
        active.get_by_role("link", name=re.compile(f"^Remove filter {name}:")).click()
        expect(page).not_to_have_url(before)
        assert gone not in page.url
        assert set(chosen(page).items()) < set(parse_qsl(urlsplit(before).query))
        counts.append(record_count(page))
        assert counts[-1] > counts[-2], f"removing {name} widened nothing: {counts}"
    assert counts[-1] == counts[0]
    expect(active).to_have_count(0)
    assert urlsplit(page.url).path == "/events/"
    assert chosen(page) == {}  # only the form's empty fields may stay in the address


def test_people_and_organizations_are_picked_by_typing(page, site, outside_requests):
    errors, scripts = [], []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    page.goto(site + "/events/")
    form = page.get_by_role("search", name="Filter the list")
    everything = record_count(page)
    # The module imports its library by its hashed, long-cached name (config/storage.py).
    assert any(re.search(r"/js/vendor/combobox-nav\.[0-9a-f]{12}\.js$", url) for url in scripts)

    people = form.get_by_role("combobox", name="People")
    people.fill("aliy")
    suggestions = form.get_by_role("listbox", name="People: suggestions")
    expect(suggestions.get_by_role("option")).to_have_text(["Heydar Aliyev", "Ilham Aliyev"])
    expect(people).to_have_attribute("aria-expanded", "true")
    assert axe_violations(page) == []  # with the suggestions open
    people.press("ArrowDown")
    people.press("Enter")  # picks, and does not send the form
    expect(suggestions).to_be_hidden()
    expect(people).to_have_value("")
    expect(form.get_by_role("checkbox", name="Heydar Aliyev")).to_be_checked()

    organizations = form.get_by_role("combobox", name="Organizations")
    organizations.fill("osce")  # an acronym is a name too
    option = form.get_by_role("option", name=re.compile(r"\(OSCE\)$"))
    option.click()
    expect(form.get_by_role("checkbox", name=re.compile(r"\(OSCE\)$"))).to_be_checked()

    people.fill("zzzz")
    expect(form.get_by_role("status").filter(has_text="No matches")).to_have_count(1)
    people.fill("")
    form.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"organization=osce"))
    assert chosen(page) == {"person": "heydar-aliyev", "organization": "osce"}
    assert record_count(page) < everything
    active = page.locator(".active-filters")
    expect(active.get_by_role("link", name="Remove filter People: Heydar Aliyev")).to_be_visible()

    # Unticking drops one; the form keeps the other.
    form.get_by_role("checkbox", name="Heydar Aliyev").uncheck()
    form.get_by_role("button", name="Apply").click()
    expect(page).not_to_have_url(re.compile(r"person=[^&]"))
    assert chosen(page) == {"organization": "osce"}
    assert errors == []
    assert outside_requests == []


def test_bad_filter_answers_400_with_a_clear_message(page, site):
    response = page.goto(site + "/events/?year_from=abc")
    assert response.status == 400
    field = page.get_by_label("From year")
    expect(field).to_have_attribute("aria-invalid", "true")
    message = page.get_by_role("alert").filter(has_text="Enter a whole number:")
    expect(message).to_be_visible()
    # The message is tied to its field, so a screen reader reads it with the field.
    expect(field).to_have_accessible_description(re.compile("Enter a whole number"))
    expect(page.locator(".list-results .records")).to_have_count(0)

    response = page.goto(site + "/timeline/?year_from=abc")
    assert response.status == 400
    expect(page.get_by_role("alert")).to_contain_text("The timeline cannot show this")

    response = page.goto(site + "/map/?year=abc")
    assert response.status == 400
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Year", exact=True)).to_have_attribute("aria-invalid", "true")


def test_search_from_the_header_highlights_hits(page, site, outside_requests):
    page.goto(site + "/events/")
    header = page.get_by_role("search", name="Site")
    header.get_by_label("Search the site").fill("Baku")
    header.get_by_label("Search the site").press("Enter")
    expect(page).to_have_url(url(site, "/search/?q=Baku"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    expect(page.get_by_role("search", name="Search page").get_by_role("searchbox")).to_have_value(
        "Baku"
    )
    count = page.locator(".list-results p.count")
    expect(count).to_have_text(re.compile(r"^\d+ results? for “Baku”$"))
    assert int(count.inner_text().split()[0]) > 0

    marks = page.locator(".search-results .snippet mark")
    expect(marks.first).to_be_visible()
    assert {text.lower() for text in marks.all_inner_texts()} == {"baku"}
    # The highlight is an element, not escaped markup.
    expect(page.locator(".search-results")).not_to_contain_text("<mark>")

    # A type facet narrows the results and keeps the query.
    facet = page.locator(".facet a").first
    kind = facet.inner_text()
    facet.click()
    expect(page).to_have_url(re.compile(r"/search/\?q=Baku&kind=\w+$"))
    for label in page.locator(".search-results .kind").all_inner_texts():
        assert label.lower() in kind.lower() or kind.lower().startswith(label.lower()[:5])

    first = page.locator(".search-results li a").first
    target = first.get_attribute("href")
    first.click()
    expect(page).to_have_url(url(site, target))
    assert outside_requests == []


def test_map_slider_and_year_form_then_a_country(page, site, outside_requests):
    page.goto(site + "/map/")
    status = page.locator("#map-status")
    slider = page.get_by_role("slider", name="Year, on a slider")
    expect(slider).to_be_visible()  # shown by map.js
    today = int(slider.get_attribute("max"))
    first = int(slider.get_attribute("min"))
    expect(status).to_contain_text(f"for {today} (today).")

    # The slider recolours the page in place and keeps the address in step.
    slider.focus()
    slider.press("Home")
    expect(page).to_have_url(url(site, f"/map/?year={first}"))
    expect(status).to_contain_text(f"for {first}.")
    expect(page.get_by_label("Year", exact=True)).to_have_value(str(first))
    expect(page.locator("#map-table h2")).to_contain_text(str(first))
    slider.press("ArrowRight")
    expect(page).to_have_url(url(site, f"/map/?year={first + 1}"))
    expect(status).to_contain_text(f"for {first + 1}.")
    rows_1919 = page.locator("#map-rows tr[data-code]").count()
    assert rows_1919 > 0

    # The year box works too, without a page load.
    page.evaluate("window.notReloaded = true")
    year = page.get_by_label("Year", exact=True)
    year.fill("1920")
    year.press("Enter")
    expect(page).to_have_url(url(site, "/map/?year=1920"))
    expect(status).to_contain_text("for 1920.")
    expect(slider).to_have_value("1920")
    assert page.evaluate("window.notReloaded") is True
    expect(page).to_have_title(re.compile("1920"))

    # A country on the map and in the table leads to its page.
    assert page.locator("svg.world-map-svg a[href^='/countries/']").count() > 0
    link = page.locator("#map-rows tr[data-code] th a").first
    name, code = link.inner_text(), link.locator("xpath=../..").get_attribute("data-code")
    link.click()
    expect(page).to_have_url(url(site, f"/countries/{code.lower()}/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    page.go_back()
    expect(page).to_have_url(url(site, "/map/?year=1920"))
    assert outside_requests == []


def test_map_country_shape_links_to_its_page(page, site):
    page.goto(site + "/map/?year=1919")
    shape = page.locator("svg.world-map-svg a[data-code]").first
    code = shape.get_attribute("data-code")
    shape.click()
    expect(page).to_have_url(url(site, f"/countries/{code.lower()}/"))


def test_pages_work_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site + "/timeline/")
        groups = page.locator("#tl-list .tl-group")
        assert groups.count() > 1
        expect(page.locator("#tl-list a[href^='/events/']").first).to_be_visible()
        expect(page.locator("svg.tl-chart")).to_be_visible()
        page.get_by_label("From", exact=True).fill("1918")
        page.get_by_label("to", exact=True).fill("1920")
        page.get_by_role("button", name="Show").click()
        expect(page).to_have_url(re.compile(r"/timeline/\?.*year_from=1918&year_to=1920"))
        expect(page.locator("#tl-list .tl-group").first).to_be_visible()

        page.goto(site + "/map/")
        expect(page.locator("#map-year-range")).to_be_hidden()  # the slider needs map.js
        expect(page.locator("#map-rows tr[data-code]").first).to_be_visible()
        year = page.get_by_label("Year", exact=True)
        year.fill("1919")
        page.locator("form.map-year").get_by_role("button", name="Show").click()
        expect(page).to_have_url(url(site, "/map/?year=1919"))
        expect(page.locator("#map-status")).to_contain_text("for 1919.")
        expect(page.locator("#map-table table")).to_be_visible()
        link = page.locator("#map-rows tr[data-code] th a").first
        link.click()
        expect(page).to_have_url(re.compile(r"/countries/[a-z]{2}/$"))

        page.goto(site + "/events/")
        form = page.get_by_role("search", name="Filter the list")
        tick(form, "Category", "Diplomatic service")
        form.get_by_role("button", name="Apply").click()
        expect(page).to_have_url(re.compile(r"category=diplomacy"))
        expect(page.locator(".active-filters")).to_be_visible()

        # Without the type-ahead, a person is named in full, case aside.
        form = page.get_by_role("search", name="Filter the list")
        form.get_by_label("People").fill("heydar aliyev")
        form.get_by_role("button", name="Apply").click()
        expect(page).to_have_url(re.compile(r"person=heydar\+aliyev"))
        expect(form.get_by_role("checkbox", name="Heydar Aliyev")).to_be_checked()
        expect(
            page.get_by_role("link", name="Remove filter People: Heydar Aliyev")
        ).to_be_visible()
        form.get_by_label("People").fill("Nobody Atall")
        form.get_by_role("button", name="Apply").click()
        expect(form.get_by_role("alert")).to_have_text(
            "No published person goes by “Nobody Atall”."
        )
    finally:
        context.close()


def test_on_a_phone_the_results_come_first_and_the_filters_fold(browser, site):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        for path in ("/events/", "/quotes/", "/organizations/", "/people/", "/documents/"):
            page.goto(site + path)
            first = page.locator(".list-results .records > li").first
            assert first.bounding_box()["y"] < 700, path
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, path

        page.goto(site + "/events/")
        form = page.get_by_role("search", name="Filter the list")
        expect(form).to_be_hidden()
        page.locator("details.filter-panel > summary").click()
        tick(form, "Category", "Diplomatic service")
        form.get_by_label("From year").fill("1919")
        form.get_by_role("button", name="Apply").click()
        expect(page).to_have_url(re.compile(r"category=diplomacy"))
        # Folded again, the panel says how many filters apply; their chips stay in view.
        expect(form).to_be_hidden()
        expect(page.locator("details.filter-panel > summary")).to_have_text(
            re.compile(r"Filter and sort\s+2 active")
        )
        expect(
            page.locator(".active-filters").get_by_role("link", name=re.compile("^Remove filter"))
        ).to_have_count(2)
    finally:
        context.close()


def test_a_reader_switches_language_and_stays_in_it(page, site, outside_requests):
    page.goto(site + "/events/?category=statehood")
    languages = page.get_by_role("navigation", name="Language")

    languages.get_by_role("link", name="Русский").click()

    expect(page).to_have_url(url(site, "/ru/events/?category=statehood"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text("События")
    expect(
        page.get_by_role("navigation", name="Язык").get_by_role("link", name="Русский")
    ).to_have_attribute("aria-current", "true")
    # Every link of the page keeps the reader in their language: no cookie remembers it.
    page.get_by_role("navigation", name="Основная").get_by_role("link", name="Хронология").click()
    expect(page).to_have_url(url(site, "/ru/timeline/"))
    page.get_by_role("navigation", name="Язык").get_by_role("link", name="Azərbaycanca").click()
    expect(page).to_have_url(url(site, "/az/timeline/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Zaman xətti")
    assert page.context.cookies() == []
    assert outside_requests == []
