from django.conf import settings
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from . import caching, pages


def site(request):
    """The site's name, and its navigation: every public model's list page, the
    one the reader is in marked (aria-current "page" on the list, "true" below it)."""
    sections = []
    for label, url_name in pages.sections():
        url = reverse(url_name)
        current = "page" if request.path == url else request.path.startswith(url) and "true"
        sections.append((label, url, current))
    return {"site_name": settings.SITE_NAME, "sections": sections}


def declared_query(request):
    """The query templates build links from, never request.GET: see
    history.caching.declared_query. Worked out only by a page that uses it."""
    return {"declared_query": SimpleLazyObject(lambda: caching.declared_query(request))}
