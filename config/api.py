"""The addresses of the JSON API, its schema and its docs.

The resources live in `history.api` and `diplomacy.api`; what every API view
shares, in `history.rest` (what the settings name) and `history.viewsets`.
"""

from csp.decorators import csp_update
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import routers

from diplomacy.api import VIEWSETS, ExportView, SearchView
from history.viewsets import ChecksItsQuery, NoSuchAddress


class APIRoot(ChecksItsQuery, routers.APIRootView):
    query_params = ("format",)  # all it reads


class Router(routers.DefaultRouter):
    """The version's root lists search and export beside the resources."""

    APIRootView = APIRoot

    def get_api_root_view(self, api_urls=None):
        root = {
            prefix: self.routes[0].name.format(basename=basename)
            for prefix, _, basename in self.registry
        }
        return self.APIRootView.as_view(
            api_root_dict={**root, "search": "search", "export": "export"}
        )


router = Router()
for prefix, viewset in VIEWSETS.items():
    router.register(prefix, viewset, basename=viewset.model._meta.model_name)

urlpatterns = [
    # /api/ leads to the current version, which may change: a temporary redirect.
    path("", RedirectView.as_view(url="/api/v1/", query_string=True), name="root"),
    # The site says "policy"; the address the API first had for it moved for good.
    re_path(
        r"^v1/priorities/(?P<rest>[\s\S]*)$",
        RedirectView.as_view(url="/api/v1/policy/%(rest)s", permanent=True, query_string=True),
    ),
    path("v1/search/", SearchView.as_view(), name="search"),
    path("v1/export/", ExportView.as_view(), name="export"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        # Swagger UI styles itself inline; its script is a file (the split view).
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api:schema")
        ),
        name="docs",
    ),
    # Any other address under /api/ that ends in a slash, newlines included.
    re_path(r"^[\s\S]*/$", NoSuchAddress.as_view()),
]
