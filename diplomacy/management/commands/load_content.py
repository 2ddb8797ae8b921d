from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from diplomacy import search
from history import versions
from history.validation import content_problems

FIXTURES = ["sources", "content"]


class Command(BaseCommand):
    help = (
        "Load all curated content from fixtures/ in one transaction and check it; "
        "record a baseline version in the history of each new or changed record and "
        "bring the search index up to date. "
        "Running it again changes nothing."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            call_command("loaddata", *FIXTURES, verbosity=options["verbosity"])
            problems = list(content_problems())
            if problems:
                raise CommandError("Nothing was loaded:\n" + "\n".join(problems))
            for model in versions.tracked_models():
                versions.record_baseline(model)
            # Fixture loads are raw saves, which the index's signals leave alone.
            search.rebuild()
