from django.db import migrations, models

# Site search in every language (see diplomacy/search.py): each entry holds its
# record's Azerbaijani and Russian text beside the English.
#
# SQLite: the FTS5 table of 0003 mirrors the columns it names, so it is made
# again with the new ones (title, aliases, body as before, then title_az,
# body_az, title_ru, body_ru), with its triggers and its vocabulary, and filled
# from the entries ('rebuild'). It is dropped first: adding the columns rebuilds
# diplomacy_searchentry on SQLite, which would drop the triggers anyway. One
# tokenizer serves every column (FTS5 allows one a table): porter over unicode61
# with diacritics removed, as before. Porter rewrites only English (ASCII)
# endings, so Russian words pass it unchanged, and Azerbaijani words are cut the
# same way in the index and in the query, so that they still match themselves.
#
# PostgreSQL: the translated titles get their own tsvector indexes (in their
# languages' configurations: 'simple' for Azerbaijani, which PostgreSQL cannot
# stem, 'russian' for Russian), as the English title has since 0006, so that
# title matches, ranked first, are found by index in every language; and
# trigram indexes, for misspelt names in those languages.
#
# The new columns start empty: run `manage.py rebuild_search_index` after
# migrating to write every record's translations in (until then, search finds
# records by their English, as before).
COLUMNS = ("title", "aliases", "body", "title_az", "body_az", "title_ru", "body_ru")
OLD_COLUMNS = ("title", "aliases", "body")


def fts_statements(columns):
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    return [
        f"""CREATE VIRTUAL TABLE diplomacy_searchentry_fts USING fts5(
            {names},
            content='diplomacy_searchentry', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )""",
        f"""CREATE TRIGGER diplomacy_searchentry_fts_insert AFTER INSERT ON diplomacy_searchentry
        BEGIN
            INSERT INTO diplomacy_searchentry_fts (rowid, {names}) VALUES (new.id, {new});
        END""",
        f"""CREATE TRIGGER diplomacy_searchentry_fts_delete AFTER DELETE ON diplomacy_searchentry
        BEGIN
            INSERT INTO diplomacy_searchentry_fts (diplomacy_searchentry_fts, rowid, {names})
            VALUES ('delete', old.id, {old});
        END""",
        f"""CREATE TRIGGER diplomacy_searchentry_fts_update AFTER UPDATE ON diplomacy_searchentry
        BEGIN
            INSERT INTO diplomacy_searchentry_fts (diplomacy_searchentry_fts, rowid, {names})
            VALUES ('delete', old.id, {old});
            INSERT INTO diplomacy_searchentry_fts (rowid, {names}) VALUES (new.id, {new});
        END""",
        "CREATE VIRTUAL TABLE diplomacy_searchentry_vocab "
        "USING fts5vocab(diplomacy_searchentry_fts, 'row')",
        "INSERT INTO diplomacy_searchentry_fts (diplomacy_searchentry_fts) VALUES ('rebuild')",
    ]


SQLITE_DROP = [
    "DROP TABLE IF EXISTS diplomacy_searchentry_vocab",
    "DROP TRIGGER IF EXISTS diplomacy_searchentry_fts_update",
    "DROP TRIGGER IF EXISTS diplomacy_searchentry_fts_delete",
    "DROP TRIGGER IF EXISTS diplomacy_searchentry_fts_insert",
    "DROP TABLE IF EXISTS diplomacy_searchentry_fts",
]
# Each expression is the one search.py writes (title_vector, Names), or the
# planner would not use the index.
POSTGRESQL_FORWARDS = [
    "CREATE INDEX diplomacy_searchentry_title_az_gin ON diplomacy_searchentry "
    "USING gin (to_tsvector('simple'::regconfig, title_az))",
    "CREATE INDEX diplomacy_searchentry_title_ru_gin ON diplomacy_searchentry "
    "USING gin (to_tsvector('russian'::regconfig, title_ru))",
    "CREATE INDEX diplomacy_searchentry_title_az_trgm ON diplomacy_searchentry "
    "USING gin ((title_az) gin_trgm_ops)",
    "CREATE INDEX diplomacy_searchentry_title_ru_trgm ON diplomacy_searchentry "
    "USING gin ((title_ru) gin_trgm_ops)",
]
POSTGRESQL_BACKWARDS = [
    "DROP INDEX IF EXISTS diplomacy_searchentry_title_ru_trgm",
    "DROP INDEX IF EXISTS diplomacy_searchentry_title_az_trgm",
    "DROP INDEX IF EXISTS diplomacy_searchentry_title_ru_gin",
    "DROP INDEX IF EXISTS diplomacy_searchentry_title_az_gin",
]


def run_on(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("diplomacy", "0016_verbose_names"),
    ]

    operations = [
        migrations.RunPython(
            run_on({"sqlite": SQLITE_DROP}),
            run_on({"sqlite": fts_statements(OLD_COLUMNS)}),
            elidable=False,
        ),
        migrations.AddField(
            model_name="searchentry",
            name="title_az",
            field=models.CharField(blank=True, default="", max_length=300),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="body_az",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="title_ru",
            field=models.CharField(blank=True, default="", max_length=300),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="body_ru",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(
            run_on({"sqlite": fts_statements(COLUMNS), "postgresql": POSTGRESQL_FORWARDS}),
            run_on({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_BACKWARDS}),
            elidable=False,
        ),
    ]
