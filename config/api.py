"""The addresses of the JSON API, its schema and its docs.

The resources live in `history.api` and `diplomacy.api`; what every API view
shares, in `history.rest` (what the settings name) and `history.viewsets`.
"""

from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import routers

from diplomacy.api import VIEWSETS, ExportView, SearchView
from history.viewsets import NoSuchAddress

router = routers.DefaultRouter()
for prefix, viewset in VIEWSETS.items():
    router.register(prefix, viewset, basename=viewset.model._meta.model_name)

urlpatterns = [
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
