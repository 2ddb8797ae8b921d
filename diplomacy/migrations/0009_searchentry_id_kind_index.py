from django.db import migrations, models

# The narrow index of 0006, diplomacy_searchentry_id_kind, which search names
# (INDEXED BY) on SQLite, enters Django's migration state, so that a migration
# that rebuilds diplomacy_searchentry on SQLite (AlterField and the like) makes
# it again with the new table. On SQLite 0006 made it already; other databases
# get it here, as Django would make it, so that state and schema agree everywhere.
INDEX = models.Index(fields=["id", "kind"], name="diplomacy_searchentry_id_kind")


def unless_sqlite(method_name):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            model = apps.get_model("diplomacy", "SearchEntry")
            getattr(schema_editor, method_name)(model, INDEX)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("diplomacy", "0008_record_publish_at"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(model_name="searchentry", index=INDEX),
            ],
            database_operations=[
                migrations.RunPython(
                    unless_sqlite("add_index"), unless_sqlite("remove_index"), elidable=False
                ),
            ],
        ),
    ]
