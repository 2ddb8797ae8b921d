from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from config.health import healthz
from diplomacy import sitemaps
from diplomacy.admin import dashboard_view
from diplomacy.feeds import EventFeed
from history.views import public_page

urlpatterns = [
    path(
        f"{settings.ADMIN_URL}changes/",
        admin.site.admin_view(dashboard_view),
        name="editorial-dashboard",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path("api/", include(("config.api", "api"))),
    path("sitemap.xml", public_page(sitemaps.sitemap), name="sitemap"),
    path(
        "robots.txt",
        public_page(TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
        name="robots",
    ),
    path(
        "opensearch.xml",
        public_page(
            TemplateView.as_view(
                template_name="opensearch.xml",
                content_type="application/opensearchdescription+xml",
            )
        ),
        name="opensearch",
    ),
    path("healthz", healthz, name="healthz"),
]

# The reader's pages, in each language: English at today's addresses, the others
# under /az/ and /ru/, so that every page in every language has an address of its own.
urlpatterns += i18n_patterns(
    path("feeds/events/", public_page(EventFeed()), name="event-feed"),
    path("", include("history.urls")),
    path("", include("diplomacy.urls")),
    prefix_default_language=False,
)
