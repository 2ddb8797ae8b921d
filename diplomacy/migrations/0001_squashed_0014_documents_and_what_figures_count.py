"""diplomacy 0001-0014 squashed: a new database is made in one step.

Each model is created once, as the fourteen migrations left it (their field order,
indexes and constraints), and what they ran by hand runs at the same point of
the model state as before: the groups (0002) once the models of 0001 exist, before
0011 renames Priority (so that their permissions are made and granted as they
were), then the search structures (0003, 0006) once diplomacy_searchentry exists.
0009 only brought diplomacy_searchentry_id_kind (made by 0006 on SQLite) into the
state: here Django makes it with the table on every database. 0013's copy of each
project's parent into part_of is left out: a new database has no projects.

A database that applied 0001-0014 takes this migration as applied; the old files
stay until every database has (one part way through them goes on with them).
"""

import django.contrib.postgres.search
import django.db.models.deletion
import django_countries.fields
import history.dates
import simple_history.models
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

# --- 0002_editorial_groups: the two editorial groups -----------------------------
# Accounts are made by hand; no password is set here.

CONTENT_APPS = ("history", "diplomacy")
EDITOR_ACTIONS = ("add", "change", "view")
PUBLISHER_ACTIONS = ("add", "change", "view", "publish", "delete")


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    for app_label in CONTENT_APPS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content = Permission.objects.filter(content_type__app_label__in=CONTENT_APPS)
    for name, actions in (("Editors", EDITOR_ACTIONS), ("Publishers", PUBLISHER_ACTIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        wanted = [p for p in content if p.codename.split("_", 1)[0] in actions]
        group.permissions.set(wanted)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Publishers"]).delete()


# --- 0003_search_entry and 0006_search_speed: the search backends' own structures --
# Made only on the database they are for (see diplomacy/search.py).
#
# SQLite: an FTS5 table mirrors the entries through triggers, and an fts5vocab
# table lists its terms for spelling suggestions. A later migration that rebuilds
# diplomacy_searchentry on SQLite drops the triggers with the old table: recreate
# them there, and run rebuild_search_index. The narrow covering index of each
# entry's kind, diplomacy_searchentry_id_kind, which search names (INDEXED BY), is
# in SearchEntry.Meta, so Django makes it (and remakes it with the table).
SQLITE_FORWARDS = [
    """CREATE VIRTUAL TABLE diplomacy_searchentry_fts USING fts5(
        title, aliases, body,
        content='diplomacy_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER diplomacy_searchentry_fts_insert AFTER INSERT ON diplomacy_searchentry
    BEGIN
        INSERT INTO diplomacy_searchentry_fts (rowid, title, aliases, body)
        VALUES (new.id, new.title, new.aliases, new.body);
    END""",
    """CREATE TRIGGER diplomacy_searchentry_fts_delete AFTER DELETE ON diplomacy_searchentry
    BEGIN
        INSERT INTO diplomacy_searchentry_fts (diplomacy_searchentry_fts, rowid, title, aliases, body)
        VALUES ('delete', old.id, old.title, old.aliases, old.body);
    END""",
    """CREATE TRIGGER diplomacy_searchentry_fts_update AFTER UPDATE ON diplomacy_searchentry
    BEGIN
        INSERT INTO diplomacy_searchentry_fts (diplomacy_searchentry_fts, rowid, title, aliases, body)
        VALUES ('delete', old.id, old.title, old.aliases, old.body);
        INSERT INTO diplomacy_searchentry_fts (rowid, title, aliases, body)
        VALUES (new.id, new.title, new.aliases, new.body);
    END""",
    "CREATE VIRTUAL TABLE diplomacy_searchentry_vocab USING fts5vocab(diplomacy_searchentry_fts, 'row')",
]
SQLITE_BACKWARDS = [
    "DROP TABLE IF EXISTS diplomacy_searchentry_vocab",
    "DROP TRIGGER IF EXISTS diplomacy_searchentry_fts_update",
    "DROP TRIGGER IF EXISTS diplomacy_searchentry_fts_delete",
    "DROP TRIGGER IF EXISTS diplomacy_searchentry_fts_insert",
    "DROP TABLE IF EXISTS diplomacy_searchentry_fts",
]
# PostgreSQL: the GIN index of the search vector (kept out of the model's Meta so
# that SQLite never tries to build it); the titles' own tsvector, so that title
# matches (ranked first) are found without ranking every match; and trigrams of
# titles and aliases (pg_trgm, made by TrigramExtension first), so that the
# misspelt-name search (word similarity, operator %>) uses an index. Each expression
# is the one search.py writes, or the planner would not use it.
POSTGRESQL_FORWARDS = [
    "CREATE INDEX diplomacy_searchentry_vector_gin ON diplomacy_searchentry USING gin (vector)",
    "CREATE INDEX diplomacy_searchentry_title_gin ON diplomacy_searchentry "
    "USING gin (to_tsvector('english'::regconfig, title))",
    "CREATE INDEX diplomacy_searchentry_names_trgm ON diplomacy_searchentry "
    "USING gin ((title || ' ' || aliases) gin_trgm_ops)",
]
POSTGRESQL_BACKWARDS = [
    "DROP INDEX IF EXISTS diplomacy_searchentry_names_trgm",
    "DROP INDEX IF EXISTS diplomacy_searchentry_title_gin",
    "DROP INDEX IF EXISTS diplomacy_searchentry_vector_gin",
]


def run_on(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):

    replaces = [
        ('diplomacy', '0001_initial'),
        ('diplomacy', '0002_editorial_groups'),
        ('diplomacy', '0003_search_entry'),
        ('diplomacy', '0004_content_history'),
        ('diplomacy', '0005_index_date_upper'),
        ('diplomacy', '0006_search_speed'),
        ('diplomacy', '0007_dated_chronological_index'),
        ('diplomacy', '0008_record_publish_at'),
        ('diplomacy', '0009_searchentry_id_kind_index'),
        ('diplomacy', '0010_event_facets_index_status_not_indexed_alone'),
        ('diplomacy', '0011_priority_named_policy'),
        ('diplomacy', '0012_notes_plans_dated_sources'),
        ('diplomacy', '0013_elections_mission_ends_project_wholes'),
        ('diplomacy', '0014_documents_and_what_figures_count'),
    ]

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('history', '0001_squashed_0010_redirect_created_default'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The models of 0001, as they are now but for Priority's name.
        migrations.CreateModel(
            name='Country',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('code', django_countries.fields.CountryField(help_text='ISO 3166-1 alpha-2 code.', max_length=2, unique=True)),
                ('name', models.CharField(help_text='The preferred name in English.', max_length=200)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('aliases', models.ManyToManyField(blank=True, help_text='Other spellings of the name, as the sources write them.', related_name='%(app_label)s_%(class)s_set', to='history.alias')),
                ('citations', models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_set', to='history.citation')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
            ],
            options={
                'verbose_name_plural': 'countries',
                'ordering': ['name'],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
            },
        ),
        migrations.CreateModel(
            name='Organization',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('name', models.CharField(max_length=200)),
                ('acronym', models.CharField(blank=True, max_length=20)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('aliases', models.ManyToManyField(blank=True, help_text='Other spellings of the name, as the sources write them.', related_name='%(app_label)s_%(class)s_set', to='history.alias')),
                ('citations', models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_set', to='history.citation')),
                ('parent', models.ForeignKey(blank=True, help_text='The organization this is an organ of.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='organs', to='diplomacy.organization')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
            ],
            options={
                'ordering': ['name'],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
            },
        ),
        migrations.CreateModel(
            name='Priority',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('title', models.CharField(max_length=300)),
                ('kind', models.CharField(choices=[('objective', 'Objective'), ('principle', 'Principle'), ('result', 'Stated result')], max_length=10)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('position', models.PositiveSmallIntegerField(default=0, help_text='Order within its kind, as the source lists it.')),
                ('aliases', models.ManyToManyField(blank=True, help_text='Other spellings of the name, as the sources write them.', related_name='%(app_label)s_%(class)s_set', to='history.alias')),
                ('citations', models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_set', to='history.citation')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
            ],
            options={
                'verbose_name_plural': 'priorities',
                'ordering': ['kind', 'position', 'title'],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
            },
        ),
        migrations.CreateModel(
            name='Relation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('kind', models.CharField(choices=[('recognition', 'Recognition'), ('diplomatic', 'Diplomatic relations'), ('cooperation', 'Cooperation'), ('conflict', 'Conflict'), ('rule', 'Rule and occupation')], max_length=12)),
                ('title', models.CharField(max_length=300)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('aliases', models.ManyToManyField(blank=True, help_text='Other spellings of the name, as the sources write them.', related_name='%(app_label)s_%(class)s_set', to='history.alias')),
                ('citations', models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_set', to='history.citation')),
                ('country', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='relations', to='diplomacy.country')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
            ],
            options={
                'ordering': ['country__name', models.OrderBy(models.F('date_lower'), nulls_last=True), models.OrderBy(models.F('date_upper'), nulls_last=True)],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
                'indexes': [models.Index(fields=['status', 'date_lower', 'date_upper', 'id'], name='diplomacy_relation_chrono')],
                'constraints': [models.CheckConstraint(condition=models.Q(('date_lower__lte', models.F('date_upper'))), name='diplomacy_relation_end_not_before_start', violation_error_message='The end of the date comes before its start.'), models.CheckConstraint(condition=models.Q(models.Q(('date', ''), ('date_lower__isnull', True), ('date_upper__isnull', True)), models.Q(models.Q(('date', ''), _negated=True), ('date_lower__isnull', False), ('date_upper__isnull', False)), _connector='OR'), name='diplomacy_relation_date_bounds_derived')],
            },
        ),
        migrations.CreateModel(
            name='Membership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('kind', models.CharField(choices=[('member', 'Member'), ('observer', 'Observer'), ('partner', 'Cooperation without membership'), ('chair', 'Chair'), ('elected', 'Elected member of an organ')], max_length=10)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('aliases', models.ManyToManyField(blank=True, help_text='Other spellings of the name, as the sources write them.', related_name='%(app_label)s_%(class)s_set', to='history.alias')),
                ('citations', models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_set', to='history.citation')),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='memberships', to='diplomacy.organization')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
                ('elected', models.CharField(blank=True, help_text='EDTF, e.g. 2016-06. The term itself is the date.', max_length=64, validators=[history.dates.validate_edtf], verbose_name='elected on')),
                ('elected_by', models.ForeignKey(blank=True, help_text='The body that voted, e.g. the UN General Assembly.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='elections', to='diplomacy.organization')),
                ('votes_cast', models.PositiveIntegerField(blank=True, help_text='Out of how many, as the source counts them.', null=True)),
                ('votes_received', models.PositiveIntegerField(blank=True, null=True)),
            ],
            options={
                'ordering': ['organization__name', models.OrderBy(models.F('date_lower'), nulls_last=True), models.OrderBy(models.F('date_upper'), nulls_last=True)],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
                'constraints': [models.CheckConstraint(condition=models.Q(('date_lower__lte', models.F('date_upper'))), name='diplomacy_membership_end_not_before_start', violation_error_message='The end of the date comes before its start.'), models.CheckConstraint(condition=models.Q(models.Q(('date', ''), ('date_lower__isnull', True), ('date_upper__isnull', True)), models.Q(models.Q(('date', ''), _negated=True), ('date_lower__isnull', False), ('date_upper__isnull', False)), _connector='OR'), name='diplomacy_membership_date_bounds_derived'), models.CheckConstraint(condition=models.Q(('votes_received__lte', models.F('votes_cast'))), name='membership_votes_within_cast', violation_error_message='More votes received than cast.')],
                'indexes': [models.Index(fields=['status', 'date_lower', 'date_upper', 'id'], name='diplomacy_membership_chrono')],
            },
        ),
        migrations.CreateModel(
            name='Participation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('initiator', 'Initiator'), ('member', 'Member'), ('route', 'On the route')], max_length=10)),
                ('citations', models.ManyToManyField(related_name='participations', to='history.citation')),
                ('country', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='participations', to='diplomacy.country')),
            ],
            options={
                'ordering': ['project', 'country__name'],
            },
        ),
        migrations.CreateModel(
            name='Project',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('name', models.CharField(max_length=200)),
                ('kind', models.CharField(choices=[('energy', 'Energy'), ('transport', 'Transport'), ('concept', 'Concept')], max_length=10)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('aliases', models.ManyToManyField(blank=True, help_text='Other spellings of the name, as the sources write them.', related_name='%(app_label)s_%(class)s_set', to='history.alias')),
                ('citations', models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_set', to='history.citation')),
                ('countries', models.ManyToManyField(blank=True, related_name='projects', through='diplomacy.Participation', to='diplomacy.country')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
                ('part_of', models.ManyToManyField(blank=True, help_text='The larger projects or concepts this is part of.', related_name='components', to='diplomacy.project')),
            ],
            options={
                'ordering': ['name'],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
                'indexes': [models.Index(fields=['status', 'date_lower', 'date_upper', 'id'], name='diplomacy_project_chrono')],
                'constraints': [models.CheckConstraint(condition=models.Q(('date_lower__lte', models.F('date_upper'))), name='diplomacy_project_end_not_before_start', violation_error_message='The end of the date comes before its start.'), models.CheckConstraint(condition=models.Q(models.Q(('date', ''), ('date_lower__isnull', True), ('date_upper__isnull', True)), models.Q(models.Q(('date', ''), _negated=True), ('date_lower__isnull', False), ('date_upper__isnull', False)), _connector='OR'), name='diplomacy_project_date_bounds_derived')],
            },
        ),
        migrations.AddField(
            model_name='participation',
            name='project',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='participations', to='diplomacy.project'),
        ),
        migrations.AddConstraint(
            model_name='participation',
            constraint=models.UniqueConstraint(fields=('project', 'country', 'role'), name='participation_unique_role'),
        ),
        migrations.CreateModel(
            name='Event',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('title', models.CharField(max_length=300)),
                ('category', models.CharField(choices=[('statehood', 'Statehood'), ('diplomacy', 'Diplomatic service'), ('recognition', 'Recognition'), ('conflict', 'Conflict and security'), ('multilateral', 'Multilateral diplomacy'), ('economy', 'Energy, transport and economy'), ('culture', 'Dialogue and culture')], max_length=12)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('aliases', models.ManyToManyField(blank=True, help_text='Other spellings of the name, as the sources write them.', related_name='%(app_label)s_%(class)s_set', to='history.alias')),
                ('citations', models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_set', to='history.citation')),
                ('countries', models.ManyToManyField(blank=True, related_name='events', to='diplomacy.country')),
                ('people', models.ManyToManyField(blank=True, related_name='events', to='history.person')),
                ('periods', models.ManyToManyField(blank=True, related_name='events', to='history.period')),
                ('organizations', models.ManyToManyField(blank=True, related_name='events', to='diplomacy.organization')),
                ('projects', models.ManyToManyField(blank=True, related_name='events', to='diplomacy.project')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
            ],
            options={
                'ordering': [models.OrderBy(models.F('date_lower'), nulls_last=True), models.OrderBy(models.F('date_upper'), nulls_last=True), 'title'],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
                'indexes': [models.Index(fields=['status', 'date_lower', 'date_upper', 'id'], name='diplomacy_event_chrono'), models.Index(fields=['status', 'category', 'date_upper', 'date_lower'], name='diplomacy_event_facets')],
                'constraints': [models.CheckConstraint(condition=models.Q(('date_lower__lte', models.F('date_upper'))), name='diplomacy_event_end_not_before_start', violation_error_message='The end of the date comes before its start.'), models.CheckConstraint(condition=models.Q(models.Q(('date', ''), ('date_lower__isnull', True), ('date_upper__isnull', True)), models.Q(models.Q(('date', ''), _negated=True), ('date_lower__isnull', False), ('date_upper__isnull', False)), _connector='OR'), name='diplomacy_event_date_bounds_derived')],
            },
        ),
        migrations.CreateModel(
            name='Mission',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('direction', models.CharField(choices=[('in', 'Foreign mission in Azerbaijan'), ('abroad', "Azerbaijan's mission abroad")], max_length=6)),
                ('kind', models.CharField(choices=[('mission', 'Diplomatic mission'), ('consulate', 'Consulate'), ('mission-or-consulate', 'Diplomatic mission or consulate'), ('embassy', 'Embassy')], default='mission', max_length=20)),
                ('city', models.CharField(blank=True, max_length=100)),
                ('title', models.CharField(max_length=300)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('aliases', models.ManyToManyField(blank=True, help_text='Other spellings of the name, as the sources write them.', related_name='%(app_label)s_%(class)s_set', to='history.alias')),
                ('citations', models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_set', to='history.citation')),
                ('country', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='missions', to='diplomacy.country')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
                ('ended', models.CharField(blank=True, help_text='EDTF, e.g. 1923-10-08; empty while the sources attest no end.', max_length=64, validators=[history.dates.validate_edtf], verbose_name='ended on')),
                ('ended_by', models.ForeignKey(blank=True, help_text='The event that ended it, e.g. an order abolishing missions.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='missions_ended', to='diplomacy.event')),
            ],
            options={
                'ordering': [models.OrderBy(models.F('date_lower'), nulls_last=True), models.OrderBy(models.F('date_upper'), nulls_last=True), 'country__name'],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
                'constraints': [models.CheckConstraint(condition=models.Q(('date_lower__lte', models.F('date_upper'))), name='diplomacy_mission_end_not_before_start', violation_error_message='The end of the date comes before its start.'), models.CheckConstraint(condition=models.Q(models.Q(('date', ''), ('date_lower__isnull', True), ('date_upper__isnull', True)), models.Q(models.Q(('date', ''), _negated=True), ('date_lower__isnull', False), ('date_upper__isnull', False)), _connector='OR'), name='diplomacy_mission_date_bounds_derived')],
                'indexes': [models.Index(fields=['status', 'date_lower', 'date_upper', 'id'], name='diplomacy_mission_chrono')],
            },
        ),
        migrations.CreateModel(
            name='Figure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('label', models.CharField(help_text='What is counted.', max_length=300)),
                ('value', models.DecimalField(decimal_places=2, max_digits=14)),
                ('qualifier', models.CharField(blank=True, choices=[('', 'Exactly'), ('more-than', 'More than'), ('almost', 'Almost')], default='', max_length=10)),
                ('unit', models.CharField(blank=True, max_length=50)),
                ('aliases', models.ManyToManyField(blank=True, help_text='Other spellings of the name, as the sources write them.', related_name='%(app_label)s_%(class)s_set', to='history.alias')),
                ('citations', models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_set', to='history.citation')),
                ('country', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='figures', to='diplomacy.country')),
                ('organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='figures', to='diplomacy.organization')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
                ('event', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='figures', to='diplomacy.event')),
                ('membership', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='figures', to='diplomacy.membership')),
                ('relation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='figures', to='diplomacy.relation')),
            ],
            options={
                'ordering': [models.OrderBy(models.F('date_lower'), nulls_last=True), models.OrderBy(models.F('date_upper'), nulls_last=True), 'label'],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
                'constraints': [models.CheckConstraint(condition=models.Q(('date_lower__lte', models.F('date_upper'))), name='diplomacy_figure_end_not_before_start', violation_error_message='The end of the date comes before its start.'), models.CheckConstraint(condition=models.Q(models.Q(('date', ''), ('date_lower__isnull', True), ('date_upper__isnull', True)), models.Q(models.Q(('date', ''), _negated=True), ('date_lower__isnull', False), ('date_upper__isnull', False)), _connector='OR'), name='diplomacy_figure_date_bounds_derived')],
                'indexes': [models.Index(fields=['status', 'date_lower', 'date_upper', 'id'], name='diplomacy_figure_chrono')],
            },
        ),
        # 0002
        migrations.RunPython(create_groups, remove_groups),
        # 0011
        migrations.AlterModelOptions(
            name='priority',
            options={'default_permissions': ('add', 'change', 'delete', 'view', 'publish'), 'ordering': ['kind', 'position', 'title'], 'verbose_name': 'policy', 'verbose_name_plural': 'policy'},
        ),
        # 0003 and 0006. pg_trgm, for TrigramWordSimilarity; does nothing on other databases.
        TrigramExtension(),
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(help_text="The record's model name, e.g. event.", max_length=20)),
                ('object_id', models.BigIntegerField()),
                ('slug', models.CharField(max_length=120)),
                ('title', models.CharField(max_length=300)),
                ('aliases', models.TextField(blank=True, help_text='Every other spelling, one a line.')),
                ('body', models.TextField(blank=True)),
                ('url', models.CharField(max_length=300)),
                ('date_lower', models.IntegerField(blank=True, null=True)),
                ('vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
            ],
            options={
                'verbose_name_plural': 'search entries',
                'default_permissions': (),
                'constraints': [models.UniqueConstraint(fields=('kind', 'object_id'), name='search_entry_unique')],
                'indexes': [models.Index(fields=['id', 'kind'], name='diplomacy_searchentry_id_kind')],
            },
        ),
        migrations.RunPython(
            run_on({"sqlite": SQLITE_FORWARDS, "postgresql": POSTGRESQL_FORWARDS}),
            run_on({"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRESQL_BACKWARDS}),
            elidable=False,
        ),
        # The models of 0004-0014.
        migrations.CreateModel(
            name='HistoricalCountry',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('code', django_countries.fields.CountryField(db_index=True, help_text='ISO 3166-1 alpha-2 code.', max_length=2)),
                ('name', models.CharField(help_text='The preferred name in English.', max_length=200)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
            ],
            options={
                'verbose_name': 'historical country',
                'verbose_name_plural': 'historical countries',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalCountry_aliases',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('alias', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.alias')),
                ('country', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.country')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalcountry')),
            ],
            options={
                'verbose_name': 'HistoricalCountry_aliases',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalCountry_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('country', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.country')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalcountry')),
            ],
            options={
                'verbose_name': 'HistoricalCountry_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalEvent',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('title', models.CharField(max_length=300)),
                ('category', models.CharField(choices=[('statehood', 'Statehood'), ('diplomacy', 'Diplomatic service'), ('recognition', 'Recognition'), ('conflict', 'Conflict and security'), ('multilateral', 'Multilateral diplomacy'), ('economy', 'Energy, transport and economy'), ('culture', 'Dialogue and culture')], max_length=12)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
            ],
            options={
                'verbose_name': 'historical event',
                'verbose_name_plural': 'historical events',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalEvent_aliases',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('alias', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.alias')),
                ('event', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.event')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalevent')),
            ],
            options={
                'verbose_name': 'HistoricalEvent_aliases',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalEvent_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('event', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.event')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalevent')),
            ],
            options={
                'verbose_name': 'HistoricalEvent_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalEvent_countries',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('country', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.country')),
                ('event', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.event')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalevent')),
            ],
            options={
                'verbose_name': 'HistoricalEvent_countries',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalEvent_organizations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('event', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.event')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalevent')),
                ('organization', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.organization')),
            ],
            options={
                'verbose_name': 'HistoricalEvent_organizations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalEvent_people',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('event', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.event')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalevent')),
                ('person', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.person')),
            ],
            options={
                'verbose_name': 'HistoricalEvent_people',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalEvent_periods',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('event', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.event')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalevent')),
                ('period', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.period')),
            ],
            options={
                'verbose_name': 'HistoricalEvent_periods',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalEvent_projects',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('event', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.event')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalevent')),
                ('project', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.project')),
            ],
            options={
                'verbose_name': 'HistoricalEvent_projects',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalFigure',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('label', models.CharField(help_text='What is counted.', max_length=300)),
                ('value', models.DecimalField(decimal_places=2, max_digits=14)),
                ('qualifier', models.CharField(blank=True, choices=[('', 'Exactly'), ('more-than', 'More than'), ('almost', 'Almost')], default='', max_length=10)),
                ('unit', models.CharField(blank=True, max_length=50)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('country', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.country')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organization', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.organization')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
                ('event', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.event')),
                ('membership', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.membership')),
                ('relation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.relation')),
            ],
            options={
                'verbose_name': 'historical figure',
                'verbose_name_plural': 'historical figures',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalFigure_aliases',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('alias', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.alias')),
                ('figure', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.figure')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalfigure')),
            ],
            options={
                'verbose_name': 'HistoricalFigure_aliases',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalFigure_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('figure', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.figure')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalfigure')),
            ],
            options={
                'verbose_name': 'HistoricalFigure_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalMembership',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('kind', models.CharField(choices=[('member', 'Member'), ('observer', 'Observer'), ('partner', 'Cooperation without membership'), ('chair', 'Chair'), ('elected', 'Elected member of an organ')], max_length=10)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organization', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.organization')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
                ('elected', models.CharField(blank=True, help_text='EDTF, e.g. 2016-06. The term itself is the date.', max_length=64, validators=[history.dates.validate_edtf], verbose_name='elected on')),
                ('elected_by', models.ForeignKey(blank=True, db_constraint=False, help_text='The body that voted, e.g. the UN General Assembly.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.organization')),
                ('votes_cast', models.PositiveIntegerField(blank=True, help_text='Out of how many, as the source counts them.', null=True)),
                ('votes_received', models.PositiveIntegerField(blank=True, null=True)),
            ],
            options={
                'verbose_name': 'historical membership',
                'verbose_name_plural': 'historical memberships',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalMembership_aliases',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('alias', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.alias')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalmembership')),
                ('membership', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.membership')),
            ],
            options={
                'verbose_name': 'HistoricalMembership_aliases',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalMembership_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalmembership')),
                ('membership', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.membership')),
            ],
            options={
                'verbose_name': 'HistoricalMembership_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalMission',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('direction', models.CharField(choices=[('in', 'Foreign mission in Azerbaijan'), ('abroad', "Azerbaijan's mission abroad")], max_length=6)),
                ('kind', models.CharField(choices=[('mission', 'Diplomatic mission'), ('consulate', 'Consulate'), ('mission-or-consulate', 'Diplomatic mission or consulate'), ('embassy', 'Embassy')], default='mission', max_length=20)),
                ('city', models.CharField(blank=True, max_length=100)),
                ('title', models.CharField(max_length=300)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('country', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.country')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
                ('ended', models.CharField(blank=True, help_text='EDTF, e.g. 1923-10-08; empty while the sources attest no end.', max_length=64, validators=[history.dates.validate_edtf], verbose_name='ended on')),
                ('ended_by', models.ForeignKey(blank=True, db_constraint=False, help_text='The event that ended it, e.g. an order abolishing missions.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.event')),
            ],
            options={
                'verbose_name': 'historical mission',
                'verbose_name_plural': 'historical missions',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalMission_aliases',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('alias', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.alias')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalmission')),
                ('mission', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.mission')),
            ],
            options={
                'verbose_name': 'HistoricalMission_aliases',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalMission_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalmission')),
                ('mission', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.mission')),
            ],
            options={
                'verbose_name': 'HistoricalMission_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalOrganization',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('name', models.CharField(max_length=200)),
                ('acronym', models.CharField(blank=True, max_length=20)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('parent', models.ForeignKey(blank=True, db_constraint=False, help_text='The organization this is an organ of.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.organization')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
            ],
            options={
                'verbose_name': 'historical organization',
                'verbose_name_plural': 'historical organizations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalOrganization_aliases',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('alias', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.alias')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalorganization')),
                ('organization', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.organization')),
            ],
            options={
                'verbose_name': 'HistoricalOrganization_aliases',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalOrganization_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalorganization')),
                ('organization', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.organization')),
            ],
            options={
                'verbose_name': 'HistoricalOrganization_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalParticipation',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('role', models.CharField(choices=[('initiator', 'Initiator'), ('member', 'Member'), ('route', 'On the route')], max_length=10)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('country', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.country')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('project', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.project')),
            ],
            options={
                'verbose_name': 'historical participation',
                'verbose_name_plural': 'historical participations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalParticipation_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalparticipation')),
                ('participation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.participation')),
            ],
            options={
                'verbose_name': 'HistoricalParticipation_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPriority',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('title', models.CharField(max_length=300)),
                ('kind', models.CharField(choices=[('objective', 'Objective'), ('principle', 'Principle'), ('result', 'Stated result')], max_length=10)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('position', models.PositiveSmallIntegerField(default=0, help_text='Order within its kind, as the source lists it.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
            ],
            options={
                'verbose_name': 'historical policy',
                'verbose_name_plural': 'historical policy',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPriority_aliases',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('alias', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.alias')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalpriority')),
                ('priority', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.priority')),
            ],
            options={
                'verbose_name': 'HistoricalPriority_aliases',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPriority_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalpriority')),
                ('priority', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.priority')),
            ],
            options={
                'verbose_name': 'HistoricalPriority_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalProject',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('name', models.CharField(max_length=200)),
                ('kind', models.CharField(choices=[('energy', 'Energy'), ('transport', 'Transport'), ('concept', 'Concept')], max_length=10)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
            ],
            options={
                'verbose_name': 'historical project',
                'verbose_name_plural': 'historical projects',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalProject_aliases',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('alias', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.alias')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalproject')),
                ('project', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.project')),
            ],
            options={
                'verbose_name': 'HistoricalProject_aliases',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalProject_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalproject')),
                ('project', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.project')),
            ],
            options={
                'verbose_name': 'HistoricalProject_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalRelation',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('kind', models.CharField(choices=[('recognition', 'Recognition'), ('diplomatic', 'Diplomatic relations'), ('cooperation', 'Cooperation'), ('conflict', 'Conflict'), ('rule', 'Rule and occupation')], max_length=12)),
                ('title', models.CharField(max_length=300)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('country', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.country')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
            ],
            options={
                'verbose_name': 'historical relation',
                'verbose_name_plural': 'historical relations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalRelation_aliases',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('alias', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.alias')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalrelation')),
                ('relation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.relation')),
            ],
            options={
                'verbose_name': 'HistoricalRelation_aliases',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalRelation_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalrelation')),
                ('relation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.relation')),
            ],
            options={
                'verbose_name': 'HistoricalRelation_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalProject_part_of',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('from_project', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.project')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicalproject')),
                ('to_project', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.project')),
            ],
            options={
                'verbose_name': 'HistoricalProject_part_of',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Document',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('title', models.CharField(max_length=300)),
                ('kind', models.CharField(choices=[('resolution', 'Resolution'), ('order', 'Order'), ('final-act', 'Final act'), ('final-doc', 'Final document'), ('instruction', 'Instruction'), ('statement', 'Statement or declaration')], max_length=12)),
                ('issuer', models.CharField(blank=True, help_text='Who issued it, as the source names them.', max_length=300)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('aliases', models.ManyToManyField(blank=True, help_text='Other spellings of the name, as the sources write them.', related_name='%(app_label)s_%(class)s_set', to='history.alias')),
                ('citations', models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_set', to='history.citation')),
                ('countries', models.ManyToManyField(blank=True, related_name='documents', to='diplomacy.country')),
                ('events', models.ManyToManyField(blank=True, related_name='documents', to='diplomacy.event')),
                ('issued_by', models.ForeignKey(blank=True, help_text='The organization that issued it, where it has a record.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='documents_issued', to='diplomacy.organization')),
                ('organizations', models.ManyToManyField(blank=True, help_text='The organizations it concerns.', related_name='documents', to='diplomacy.organization')),
            ],
            options={
                'ordering': [models.OrderBy(models.F('date_lower'), nulls_last=True), models.OrderBy(models.F('date_upper'), nulls_last=True), 'title'],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
                'indexes': [models.Index(fields=['status', 'date_lower', 'date_upper', 'id'], name='diplomacy_document_chrono')],
                'constraints': [models.CheckConstraint(condition=models.Q(('date_lower__lte', models.F('date_upper'))), name='diplomacy_document_end_not_before_start', violation_error_message='The end of the date comes before its start.'), models.CheckConstraint(condition=models.Q(models.Q(('date', ''), ('date_lower__isnull', True), ('date_upper__isnull', True)), models.Q(models.Q(('date', ''), _negated=True), ('date_lower__isnull', False), ('date_upper__isnull', False)), _connector='OR'), name='diplomacy_document_date_bounds_derived')],
            },
        ),
        migrations.CreateModel(
            name='HistoricalDocument',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('title', models.CharField(max_length=300)),
                ('kind', models.CharField(choices=[('resolution', 'Resolution'), ('order', 'Order'), ('final-act', 'Final act'), ('final-doc', 'Final document'), ('instruction', 'Instruction'), ('statement', 'Statement or declaration')], max_length=12)),
                ('issuer', models.CharField(blank=True, help_text='Who issued it, as the source names them.', max_length=300)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('issued_by', models.ForeignKey(blank=True, db_constraint=False, help_text='The organization that issued it, where it has a record.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.organization')),
            ],
            options={
                'verbose_name': 'historical document',
                'verbose_name_plural': 'historical documents',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalDocument_aliases',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('alias', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.alias')),
                ('document', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.document')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicaldocument')),
            ],
            options={
                'verbose_name': 'HistoricalDocument_aliases',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalDocument_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('document', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.document')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicaldocument')),
            ],
            options={
                'verbose_name': 'HistoricalDocument_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalDocument_countries',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('country', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.country')),
                ('document', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.document')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicaldocument')),
            ],
            options={
                'verbose_name': 'HistoricalDocument_countries',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalDocument_events',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('document', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.document')),
                ('event', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.event')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicaldocument')),
            ],
            options={
                'verbose_name': 'HistoricalDocument_events',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalDocument_organizations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('document', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.document')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='diplomacy.historicaldocument')),
                ('organization', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='diplomacy.organization')),
            ],
            options={
                'verbose_name': 'HistoricalDocument_organizations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]
