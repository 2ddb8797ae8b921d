"""Publish the records whose scheduled moment has come (run it from cron every minute)."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from history.models import CitedRecord, Record, Status


class Command(BaseCommand):
    help = (
        "Publish every record in review whose `publish_at` has come and that cites a "
        "source; each is saved on its own, so the history, the search index and the "
        "public cache follow as for any publication."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        published = held = 0
        for model in apps.get_models():
            if not issubclass(model, Record):
                continue
            due = model.objects.due(now)
            if issubclass(model, CitedRecord):
                uncited = due.uncited()
                for record in uncited:
                    self.stderr.write(
                        f"Not published, it cites nothing: {record._meta.label} “{record}”"
                    )
                    held += 1
                due = due.exclude(pk__in=uncited.values("pk"))
            for record in due:
                with transaction.atomic():
                    record.status = Status.PUBLISHED
                    record._change_reason = (
                        f"Published as scheduled for {record.publish_at:%Y-%m-%d %H:%M} UTC"
                    )
                    record.save()
                published += 1
        self.stdout.write(f"Published {published} scheduled record(s); {held} held back.")
