from django.conf import settings
from django.http import QueryDict
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext

from . import caching, pages


def site(request):
    """The site's name, and its navigation: every public model's list page, the
    one the reader is in marked (aria-current "page" on the list, "true" below it)."""
    sections = []
    for label, url_name in pages.sections():
        url = reverse(url_name)
        current = "page" if request.path == url else request.path.startswith(url) and "true"
        sections.append((label, url, current))
    # The name is marked in the settings (gettext_noop) and translated here, per request.
    return {"site_name": gettext(settings.SITE_NAME), "sections": sections}


def declared_query(request):
    """The query templates build links from, never request.GET: see
    history.caching.declared_query. Worked out only by a page that uses it."""
    return {"declared_query": SimpleLazyObject(lambda: caching.declared_query(request))}


# Parameters that never make a page of their own: a staff preview of the same record.
NOT_CANONICAL = {"preview"}


def canonical_url(request):
    """The page's own absolute address, for <link rel="canonical">; a record's page
    gives its record's (RecordDetailView), which wins over this.

    The path, with the parameters its view declares (history.caching.declared_query:
    no tracking tags, each value once), in the order of their names, without empty
    values (a filter form sends every field) or page 1. So a filtered list is its
    own page, and the many addresses of one page name one. A view that does not say
    what it reads (the report form) gets its bare path.
    """

    return {
        "canonical_url": SimpleLazyObject(lambda: request.build_absolute_uri(_canonical(request)))
    }


def _canonical(request):
    query = QueryDict(mutable=True)
    if caching.known_params(request.path_info) is not None:
        declared = caching.declared_query(request)
        for name in sorted(set(declared) - NOT_CANONICAL):
            values = [value for value in declared.getlist(name) if value.strip()]
            if values and not (name == "page" and values == ["1"]):
                query.setlist(name, values)
    return request.path + (f"?{query.urlencode()}" if query else "")


def languages(request):
    """This page in each language the site speaks, for the language switcher and the
    hreflang alternates: its code, its own name, the page's path and absolute
    address in it, and whether it is the page's language.
    A page that does not exist (a 404) offers each language's home page instead."""

    def pages():
        try:
            resolve(request.path_info)
        except Resolver404:
            page = None
        else:
            page = _canonical(request)
        current = translation.get_language()
        found = []
        for code, name in settings.LANGUAGES:
            if page is None:
                with translation.override(code):
                    url = reverse("diplomacy:home")
            else:
                url = translate_url(page, code)
            found.append(
                {
                    "code": code,
                    "name": name,
                    "path": url,
                    "url": request.build_absolute_uri(url),
                    "current": code == current,
                }
            )
        return found

    return {"language_pages": SimpleLazyObject(pages)}
