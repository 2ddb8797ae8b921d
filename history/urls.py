from django.urls import path
from django.views.generic import TemplateView

from . import views

app_name = "history"

urlpatterns = [
    path("report/", views.ErrorReportView.as_view(), name="report-error"),
    path(
        "report/sent/",
        views.public_page(TemplateView.as_view(template_name="history/report_sent.html")),
        name="report-error-sent",
    ),
    path("periods/", views.PeriodListView.as_view(), name="period-list"),
    path("periods/<slug:slug>/", views.PeriodDetailView.as_view(), name="period-detail"),
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("quotes/", views.QuoteListView.as_view(), name="quote-list"),
    path("quotes/<slug:slug>/", views.QuoteDetailView.as_view(), name="quote-detail"),
    path("sources/", views.SourceListView.as_view(), name="source-list"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source-detail"),
]
