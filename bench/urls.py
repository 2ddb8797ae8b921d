"""The site's URLs plus two references: /bench/floor, the floor of this stack on
this machine, and /bench/bare-list, the least an uncached HTML list can cost."""

from django.http import HttpResponse
from django.template import Context, Template
from django.urls import path
from django.views.decorators.cache import never_cache

from config.urls import urlpatterns as site_urlpatterns
from diplomacy.models import Event

BARE_LIST = Template(
    "<!doctype html><title>Events</title><ol>{% for event in events %}"
    '<li><a href="{{ event.get_absolute_url }}">{{ event.title }}</a></li>{% endfor %}</ol>'
)


def floor(request):
    """A few bytes, a page like any other: served from the page cache when the
    site's pages are (a hit, as cheap as one can be), computed when they are not."""
    return HttpResponse(b"ok", content_type="text/plain")


@never_cache
def bare_list(request):
    """The first 50 published events as links in a one-line template: no filters,
    counts, facets or layout. What the site's uncached lists are compared with."""
    events = Event.objects.published().chronological().only("slug", "title")[:50]
    return HttpResponse(BARE_LIST.render(Context({"events": events})))


urlpatterns = [
    path("bench/floor", floor, name="bench-floor"),
    path("bench/bare-list", bare_list, name="bench-bare-list"),
    *site_urlpatterns,
]
