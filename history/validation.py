"""Whole-database content checks, run after a bulk load."""

from django.apps import apps
from django.core.exceptions import ValidationError

from . import editorial
from .models import Record, Status


def content_problems():
    """Yield a line for each record that breaks a rule the admin would enforce."""
    for model in apps.get_models():
        if not issubclass(model, Record):
            continue
        label = model._meta.label
        # Published by status, whether or not the public sees it (a draft speaker hides a quote).
        for record in editorial.uncited(model.objects.filter(status=Status.PUBLISHED)):
            yield f"{label} “{record.slug}”: published, but cites nothing."
        for record in model.objects.all():
            try:
                record.full_clean(validate_unique=False)
            except ValidationError as error:
                yield f"{label} “{record.slug}”: {'; '.join(error.messages)}"
