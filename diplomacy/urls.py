from django.urls import path

from . import views

app_name = "diplomacy"

urlpatterns = [
    path("", views.home, name="home"),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("countries/", views.CountryListView.as_view(), name="country-list"),
    path("countries/<str:code>/", views.CountryDetailView.as_view(), name="country-detail"),
    path("organizations/", views.OrganizationListView.as_view(), name="organization-list"),
    path(
        "organizations/<slug:slug>/",
        views.OrganizationDetailView.as_view(),
        name="organization-detail",
    ),
    path("projects/", views.ProjectListView.as_view(), name="project-list"),
    path("projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("documents/", views.DocumentListView.as_view(), name="document-list"),
    path("documents/<slug:slug>/", views.DocumentDetailView.as_view(), name="document-detail"),
    path("policy/", views.PriorityListView.as_view(), name="priority-list"),
    path("policy/<slug:slug>/", views.PriorityDetailView.as_view(), name="priority-detail"),
    path("search/", views.search, name="search"),
    path("timeline/", views.timeline, name="timeline"),
    path("map/", views.world_map, name="map"),
    path("map/states.json", views.world_map_states, name="map-states"),
]
