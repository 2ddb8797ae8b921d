"""Publish the records whose scheduled moment has come (run it from cron every minute)."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from history import editorial, versions
from history.models import Record, Status


class Command(BaseCommand):
    help = (
        "Publish every record in review whose `publish_at` has come and that cites a "
        "source; each is saved on its own, so the history, the search index and the "
        "public cache follow as for any publication."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        published, held = 0, []
        for model in apps.get_models():
            if not issubclass(model, Record):
                continue
            due, uncited = editorial.due(model, now)
            held += [f"{model._meta.verbose_name} “{r}”" for r in uncited]
            for pk in due.values_list("pk", flat=True):
                published += self.publish(due, pk)
        summary = f"Published {published} scheduled record(s); {len(held)} held back"
        self.stdout.write(summary + (f", citing nothing: {', '.join(held)}." if held else "."))

    @staticmethod
    @transaction.atomic
    def publish(due, pk):
        """Publish the record as it is now, if it is still due: an edit or a second
        run meanwhile is neither overwritten nor published twice."""
        record = due.select_for_update(skip_locked=True, of=("self",)).filter(pk=pk).first()
        if record is None:
            return 0
        record.status = Status.PUBLISHED
        record._change_reason = f"Published as scheduled for {versions.when(record.publish_at)}."
        record.save()
        return 1
