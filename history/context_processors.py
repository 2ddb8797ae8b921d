from django.conf import settings
from django.utils.functional import SimpleLazyObject

from . import caching, pages


def site(request):
    # The navigation's sections: every public model's list page.
    return {"site_name": settings.SITE_NAME, "sections": pages.sections()}


def declared_query(request):
    """The query templates build links from, never request.GET: see
    history.caching.declared_query. Worked out only by a page that uses it."""
    return {"declared_query": SimpleLazyObject(lambda: caching.declared_query(request))}
