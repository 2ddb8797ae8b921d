from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from diplomacy import backup


class Command(BaseCommand):
    help = (
        "Restore a backup written by `manage.py backup_content` into an empty, migrated "
        "database (run `manage.py migrate` first). Refuses a database that already holds "
        "users or content; loads all or nothing, then rebuilds the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file (.json or .json.gz)")

    def handle(self, *args, path, **options):
        source = Path(path).resolve()
        if not source.is_file():
            raise CommandError(f"No backup file at {source}.")
        in_the_way = backup.rows_in_the_way()
        if in_the_way:
            found = ", ".join(f"{count} {label}" for label, count in sorted(in_the_way.items()))
            raise CommandError(
                "Refusing to restore: this database is not empty "
                f"(it holds {found}). Restore into a new database: create it, run "
                "`manage.py migrate`, then `manage.py restore_content` again. "
                "Nothing was changed."
            )
        created, _, _ = backup.restore_backup(source, verbosity=options["verbosity"])
        if options["verbosity"]:
            self.stdout.write(f"Restored {source}; search index rebuilt ({created} entries).")
