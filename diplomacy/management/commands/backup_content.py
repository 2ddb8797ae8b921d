import gzip
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from diplomacy import backup


class Command(BaseCommand):
    help = (
        "Write a complete backup of the content, its change history, the users, groups "
        "and API tokens to PATH, as one JSON file (gzipped when PATH ends in .gz). "
        "Restore it with `manage.py restore_content PATH` into an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write, e.g. backups/content-2026-11-25.json")

    def handle(self, *args, path, **options):
        target = Path(path)
        if not target.name.endswith((".json", ".json.gz")):
            raise CommandError("PATH must end in .json (or .json.gz to compress it).")
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target, then rename: a backup is never half written.
        partial = target.with_name(target.name + ".partial")
        opener = gzip.open if target.suffix == ".gz" else open
        with opener(partial, "wt", encoding="utf-8") as stream:
            counts = backup.write_backup(stream)
        partial.replace(target)
        if options["verbosity"]:
            total = sum(counts.values())
            users = counts["auth.User"]
            self.stdout.write(f"Backed up {total} rows ({users} users) to {target}.")
