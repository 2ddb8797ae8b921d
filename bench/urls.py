"""The site's URLs plus /bench/floor: the floor of this stack on this machine."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from config.urls import urlpatterns as site_urlpatterns


@never_cache
def floor(request):
    """A few bytes through the whole middleware stack, the page cache skipping it
    (bench.settings): what any request costs before a view or a cache does anything."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/floor", floor, name="bench-floor"), *site_urlpatterns]
