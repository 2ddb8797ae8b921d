from django.apps import AppConfig


class HistoryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "history"
    verbose_name = "History: sources, periods, people and quotes"

    def ready(self):
        from . import caching, signals  # noqa: F401 -- receivers
