"""The site's URLs plus /bench/floor: the floor of this stack on this machine."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from config.urls import urlpatterns as site_urlpatterns


@never_cache
def floor(request):
    """A few bytes through the whole middleware stack, never stored in the page cache.

    Like any anonymous page it passes the page cache's lookup (a miss), so what
    it measures is everything but the view's own work.
    """
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/floor", floor, name="bench-floor"), *site_urlpatterns]
