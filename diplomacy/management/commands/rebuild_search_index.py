from django.core.management.base import BaseCommand
from django.db import transaction

from diplomacy import search


class Command(BaseCommand):
    help = (
        "Make the site search index match the published content: add, rewrite and "
        "remove entries. Running it again changes nothing."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            created, updated, deleted = search.rebuild()
        if options["verbosity"]:
            self.stdout.write(
                f"Search index: {created} added, {updated} rewritten, {deleted} removed."
            )
