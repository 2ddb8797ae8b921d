from django.db import migrations

# Indexes that let site search read only what it needs (see diplomacy/search.py),
# made only on the database they are for, like those of 0003.
#
# SQLite: a narrow covering index of each entry's kind, so that counting the
# matches per kind reads it rather than the wide rows. Search names it (INDEXED
# BY): since 0009 the index is in Django's migration state (SearchEntry.Meta),
# so a later migration that rebuilds diplomacy_searchentry on SQLite makes it
# again with the table (the triggers of 0003 must still be recreated by hand).
SQLITE_FORWARDS = [
    "CREATE INDEX diplomacy_searchentry_id_kind ON diplomacy_searchentry (id, kind)",
]
SQLITE_BACKWARDS = ["DROP INDEX IF EXISTS diplomacy_searchentry_id_kind"]
# PostgreSQL: the titles' own tsvector, so that title matches (ranked first) are
# found without ranking every match; and trigrams of titles and aliases, so that
# the misspelt-name search (word similarity, operator %>) uses an index. Each
# expression is the one search.py writes, or the planner would not use it.
POSTGRESQL_FORWARDS = [
    "CREATE INDEX diplomacy_searchentry_title_gin ON diplomacy_searchentry "
    "USING gin (to_tsvector('english'::regconfig, title))",
    "CREATE INDEX diplomacy_searchentry_names_trgm ON diplomacy_searchentry "
    "USING gin ((title || ' ' || aliases) gin_trgm_ops)",
]
POSTGRESQL_BACKWARDS = [
    "DROP INDEX IF EXISTS diplomacy_searchentry_names_trgm",
    "DROP INDEX IF EXISTS diplomacy_searchentry_title_gin",
]


def run_on(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("diplomacy", "0005_index_date_upper"),
    ]

    operations = [
        migrations.RunPython(
            run_on({"sqlite": SQLITE_FORWARDS, "postgresql": POSTGRESQL_FORWARDS}),
            run_on({"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRESQL_BACKWARDS}),
            elidable=False,
        ),
    ]
