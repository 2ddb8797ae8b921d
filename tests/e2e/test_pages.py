"""Every page type in a real browser, in each language: axe-core finds no WCAG A/AA
violation, nothing is fetched from another host, nothing overflows a 320 px screen,
and, in English, a full-page screenshot is saved at 1440 px and 360 px, light and
dark at 360 px (artifacts/screenshots/<page>-<width>-<scheme>.png).
"""

import re
import urllib.request

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations, screenshot

LISTS = {
    "period-list": "/periods/",
    "person-list": "/people/",
    "event-list": "/events/",
    "country-list": "/countries/",
    "organization-list": "/organizations/",
    "project-list": "/projects/",
    "document-list": "/documents/",
    "policy-list": "/policy/",
    "quote-list": "/quotes/",
    "source-list": "/sources/",
}
DETAILS = {name.replace("-list", "-detail"): path for name, path in LISTS.items()}
PAGES = [
    "home",
    "timeline",
    "map",
    "search-results",
    *LISTS,
    *DETAILS,
    "event-list-invalid",
    "report-error",
    "not-found",
]
FIXED = {
    "home": "/",
    "timeline": "/timeline/",
    "map": "/map/",
    "search-results": "/search/?q=Baku",
    "event-list-invalid": "/events/?year_from=abc",
    "report-error": "/report/?page=/timeline/",
    "not-found": "/no-such-page/",
}
STATUS = {"event-list-invalid": 400, "not-found": 404}
# Each page is checked wide, on a phone, and on a phone in dark mode; in Azerbaijani
# and Russian, whose longer words are what could break, on the phone (and at 320 px).
VIEWS = ((1440, "light"), (360, "light"), (360, "dark"))
LANGUAGES = {"en": "", "az": "/az", "ru": "/ru"}
NARROWEST = 320


def first_detail(site, list_path):
    """The first record linked from a list page, found the way a reader would."""
    with urllib.request.urlopen(site + list_path) as response:
        html = response.read().decode()
    results = html.split('class="list-results"', 1)[1]
    match = re.search(rf'href="({re.escape(list_path)}[^"?#/]+/)"', results)
    assert match, f"{list_path} links to no record"
    return match.group(1)


@pytest.fixture(scope="session")
def page_paths(site):
    paths = {**FIXED, **LISTS}
    for name, list_path in DETAILS.items():
        paths[name] = first_detail(site, list_path)
    return paths


# In Azerbaijani and Russian, every page type once: the lists share one template, so
# one list stands for them (tests/test_html.py checks every list's HTML in each).
IN_EACH_LANGUAGE = [(name, "en") for name in PAGES] + [
    (name, language)
    for language in ("az", "ru")
    for name in PAGES
    if name not in LISTS or name == "event-list"
]


@pytest.mark.parametrize(("name", "language"), IN_EACH_LANGUAGE)
def test_page_type(page, site, page_paths, outside_requests, name, language):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Console errors: CSP refusals, script errors (failed loads are counted below).
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on(
        "response",
        lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    page.set_viewport_size({"width": VIEWS[0][0], "height": 900})
    path = LANGUAGES[language] + page_paths[name]
    response = page.goto(site + path)
    assert response.status == STATUS.get(name, 200), path
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("main h1")).to_be_visible()
    page.wait_for_load_state("networkidle")

    for width, scheme in VIEWS if language == "en" else VIEWS[1:2]:
        page.set_viewport_size({"width": width, "height": 900})
        page.emulate_media(color_scheme=scheme)
        violations = axe_violations(page)
        assert violations == [], f"{path} at {width}px, {scheme}:\n" + "\n".join(violations)
        overflow = page.evaluate("() => document.documentElement.scrollWidth")
        assert overflow <= width, f"{path} is {overflow}px wide at {width}px"
        if language == "en":  # the others are read in review, not kept by every run
            screenshot(page, f"{name}-{width}-{scheme}")
    page.set_viewport_size({"width": NARROWEST, "height": 640})
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= NARROWEST, f"{path} is {overflow}px wide at {NARROWEST}px"

    assert outside_requests == []
    main_errors = [f"{response.status} {response.url}"] if response.status >= 400 else []
    assert errors == main_errors


def test_the_report_form_fits_a_320_px_screen_for_the_longest_address(page, site):
    with urllib.request.urlopen(site + "/sitemap.xml") as response:
        paths = re.findall(r"<loc>https?://[^/<]+(/[^<]*)</loc>", response.read().decode())
    longest = max(paths, key=len)
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(f"{site}/report/?page={longest}")
    expect(page.get_by_role("link", name=longest)).to_be_visible()

    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320, longest
    page.get_by_role("button", name="Send the report").click()  # its errors shown too
    expect(page.get_by_role("alert")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320, longest
