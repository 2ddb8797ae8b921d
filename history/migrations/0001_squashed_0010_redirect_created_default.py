"""history 0001-0010 squashed: a new database is made in one step.

Each model is created once, as the ten migrations left it (their field order,
indexes and constraints), then 0007's grant runs. A database that applied 0001-0010
takes this migration as applied; the old files stay until every database has.
"""

import django.db.models.deletion
import django.utils.timezone
import history.dates
import simple_history.models
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

# From 0007_error_report_permissions: Editors and Publishers read readers' error
# reports and mark them resolved.
GRANTS = {
    "Editors": ("view_errorreport", "change_errorreport"),
    "Publishers": ("view_errorreport", "change_errorreport", "delete_errorreport"),
}


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    app_config = apps.get_app_config("history")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="history", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GRANTS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="history", content_type__model="errorreport")
        )


class Migration(migrations.Migration):

    replaces = [
        ('history', '0001_initial'),
        ('history', '0002_content_history'),
        ('history', '0003_redirects'),
        ('history', '0004_index_date_upper'),
        ('history', '0005_dated_chronological_index'),
        ('history', '0006_publish_at_and_error_reports'),
        ('history', '0007_error_report_permissions'),
        ('history', '0008_status_not_indexed_alone'),
        ('history', '0009_notes_plans_dated_sources'),
        ('history', '0010_redirect_created_default'),
    ]

    initial = True

    dependencies = [
        # grant() makes permissions and content types: their tables as they are now.
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Source',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('title', models.CharField(max_length=300)),
                ('author', models.CharField(blank=True, max_length=200)),
                ('publisher', models.CharField(blank=True, max_length=200)),
                ('url', models.URLField(blank=True)),
                ('description', models.TextField(blank=True)),
                ('text', models.TextField(help_text='The full text, so that citations can be checked.')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('kind', models.CharField(choices=[('article', 'Article'), ('untitled', 'Untitled text')], default='article', max_length=10)),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
            ],
            options={
                'ordering': ['title'],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
                'indexes': [models.Index(fields=['status', 'date_lower', 'date_upper', 'id'], name='history_source_chrono')],
                'constraints': [models.CheckConstraint(condition=models.Q(('date_lower__lte', models.F('date_upper'))), name='history_source_end_not_before_start', violation_error_message='The end of the date comes before its start.'), models.CheckConstraint(condition=models.Q(models.Q(('date', ''), ('date_lower__isnull', True), ('date_upper__isnull', True)), models.Q(models.Q(('date', ''), _negated=True), ('date_lower__isnull', False), ('date_upper__isnull', False)), _connector='OR'), name='history_source_date_bounds_derived')],
            },
        ),
        migrations.CreateModel(
            name='Alias',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200)),
                ('source', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='aliases', to='history.source')),
            ],
            options={
                'verbose_name_plural': 'aliases',
                'ordering': ['name'],
                'constraints': [models.UniqueConstraint(fields=('source', 'name'), name='alias_unique_name')],
            },
        ),
        migrations.CreateModel(
            name='Citation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('quote', models.TextField(help_text='The exact words, copied from the source text.')),
                ('locator', models.CharField(blank=True, help_text='Where in the source: a page or paragraph.', max_length=100)),
                ('source', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='citations', to='history.source')),
            ],
            options={
                'ordering': ['source', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('source', 'quote'), name='citation_unique_quote')],
            },
        ),
        migrations.CreateModel(
            name='Period',
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
                ('kind', models.CharField(choices=[('state', 'State'), ('dynasty', 'Dynasty'), ('era', 'Era')], max_length=10)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('aliases', models.ManyToManyField(blank=True, help_text='Other spellings of the name, as the sources write them.', related_name='%(app_label)s_%(class)s_set', to='history.alias')),
                ('citations', models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_set', to='history.citation')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
                ('position', models.PositiveSmallIntegerField(default=0, help_text="Where the sources' narrative places it: orders the periods, which the sources mostly do not date.")),
            ],
            options={
                'ordering': ['position', models.OrderBy(models.F('date_lower'), nulls_last=True), 'name'],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
                'indexes': [models.Index(fields=['status', 'date_lower', 'date_upper', 'id'], name='history_period_chrono')],
                'constraints': [models.CheckConstraint(condition=models.Q(('date_lower__lte', models.F('date_upper'))), name='history_period_end_not_before_start', violation_error_message='The end of the date comes before its start.'), models.CheckConstraint(condition=models.Q(models.Q(('date', ''), ('date_lower__isnull', True), ('date_upper__isnull', True)), models.Q(models.Q(('date', ''), _negated=True), ('date_lower__isnull', False), ('date_upper__isnull', False)), _connector='OR'), name='history_period_date_bounds_derived')],
            },
        ),
        migrations.CreateModel(
            name='Person',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('name', models.CharField(max_length=200)),
                ('role', models.CharField(blank=True, help_text='As the sources describe it.', max_length=200)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('aliases', models.ManyToManyField(blank=True, help_text='Other spellings of the name, as the sources write them.', related_name='%(app_label)s_%(class)s_set', to='history.alias')),
                ('citations', models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_set', to='history.citation')),
                ('periods', models.ManyToManyField(blank=True, related_name='people', to='history.period')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
            ],
            options={
                'verbose_name_plural': 'people',
                'ordering': ['name'],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
            },
        ),
        migrations.CreateModel(
            name='Quote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('text', models.TextField()),
                ('occasion', models.CharField(blank=True, max_length=300)),
                ('kind', models.CharField(choices=[('direct', 'Direct quotation'), ('reported', 'Reported speech')], default='direct', max_length=10)),
                ('aliases', models.ManyToManyField(blank=True, help_text='Other spellings of the name, as the sources write them.', related_name='%(app_label)s_%(class)s_set', to='history.alias')),
                ('citations', models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_set', to='history.citation')),
                ('speaker', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='quotes', to='history.person')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
            ],
            options={
                'ordering': [models.OrderBy(models.F('date_lower'), nulls_last=True), 'slug'],
                'abstract': False,
                'default_permissions': ('add', 'change', 'delete', 'view', 'publish'),
                'indexes': [models.Index(fields=['status', 'date_lower', 'date_upper', 'id'], name='history_quote_chrono')],
                'constraints': [models.CheckConstraint(condition=models.Q(('date_lower__lte', models.F('date_upper'))), name='history_quote_end_not_before_start', violation_error_message='The end of the date comes before its start.'), models.CheckConstraint(condition=models.Q(models.Q(('date', ''), ('date_lower__isnull', True), ('date_upper__isnull', True)), models.Q(models.Q(('date', ''), _negated=True), ('date_lower__isnull', False), ('date_upper__isnull', False)), _connector='OR'), name='history_quote_date_bounds_derived')],
            },
        ),
        migrations.CreateModel(
            name='HistoricalAlias',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(max_length=200)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('source', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.source')),
            ],
            options={
                'verbose_name': 'historical alias',
                'verbose_name_plural': 'historical aliases',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalCitation',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('quote', models.TextField(help_text='The exact words, copied from the source text.')),
                ('locator', models.CharField(blank=True, help_text='Where in the source: a page or paragraph.', max_length=100)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('source', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.source')),
            ],
            options={
                'verbose_name': 'historical citation',
                'verbose_name_plural': 'historical citations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPeriod',
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
                ('kind', models.CharField(choices=[('state', 'State'), ('dynasty', 'Dynasty'), ('era', 'Era')], max_length=10)),
                ('summary', models.TextField(blank=True, help_text='Markdown.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
                ('position', models.PositiveSmallIntegerField(default=0, help_text="Where the sources' narrative places it: orders the periods, which the sources mostly do not date.")),
            ],
            options={
                'verbose_name': 'historical period',
                'verbose_name_plural': 'historical periods',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPeriod_aliases',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('alias', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.alias')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='history.historicalperiod')),
                ('period', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.period')),
            ],
            options={
                'verbose_name': 'HistoricalPeriod_aliases',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPeriod_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='history.historicalperiod')),
                ('period', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.period')),
            ],
            options={
                'verbose_name': 'HistoricalPeriod_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPerson',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('name', models.CharField(max_length=200)),
                ('role', models.CharField(blank=True, help_text='As the sources describe it.', max_length=200)),
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
                'verbose_name': 'historical person',
                'verbose_name_plural': 'historical people',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPerson_aliases',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('alias', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.alias')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='history.historicalperson')),
                ('person', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.person')),
            ],
            options={
                'verbose_name': 'HistoricalPerson_aliases',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPerson_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='history.historicalperson')),
                ('person', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.person')),
            ],
            options={
                'verbose_name': 'HistoricalPerson_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPerson_periods',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='history.historicalperson')),
                ('period', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.period')),
                ('person', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.person')),
            ],
            options={
                'verbose_name': 'HistoricalPerson_periods',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalQuote',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('text', models.TextField()),
                ('occasion', models.CharField(blank=True, max_length=300)),
                ('kind', models.CharField(choices=[('direct', 'Direct quotation'), ('reported', 'Reported speech')], default='direct', max_length=10)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('speaker', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.person')),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
            ],
            options={
                'verbose_name': 'historical quote',
                'verbose_name_plural': 'historical quotes',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalQuote_aliases',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('alias', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.alias')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='history.historicalquote')),
                ('quote', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.quote')),
            ],
            options={
                'verbose_name': 'HistoricalQuote_aliases',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalQuote_citations',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('citation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.citation')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='history.historicalquote')),
                ('quote', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='history.quote')),
            ],
            options={
                'verbose_name': 'HistoricalQuote_citations',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalSource',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('slug', models.SlugField(max_length=120)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('published', 'Published')], default='draft', max_length=10)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('title', models.CharField(max_length=300)),
                ('author', models.CharField(blank=True, max_length=200)),
                ('publisher', models.CharField(blank=True, max_length=200)),
                ('url', models.URLField(blank=True)),
                ('description', models.TextField(blank=True)),
                ('text', models.TextField(help_text='The full text, so that citations can be checked.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('publish_at', models.DateTimeField(blank=True, db_index=True, help_text='Publish automatically at this moment once the record is in review and cites a source. Only Publishers set it.', null=True, verbose_name='publish at')),
                ('date', models.CharField(blank=True, help_text='EDTF: 1919, 2017-07, 2017-07-04, 06XX (century), 2019/2022 (span), ~1500 (about), 1919? (uncertain), 1918-05-28/.. (open).', max_length=64, validators=[history.dates.validate_edtf])),
                ('date_lower', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('date_upper', models.IntegerField(blank=True, db_index=True, editable=False, null=True)),
                ('kind', models.CharField(choices=[('article', 'Article'), ('untitled', 'Untitled text')], default='article', max_length=10)),
                ('note', models.TextField(blank=True, help_text='For readers, under the summary: where a date or a name comes from, what the editors identified or inferred and why. Markdown.', verbose_name='about this record')),
                ('planned', models.BooleanField(default=False, help_text='The source speaks of it as still to come: planned, not done, when written.', verbose_name='planned')),
            ],
            options={
                'verbose_name': 'historical source',
                'verbose_name_plural': 'historical sources',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Redirect',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('old_path', models.CharField(max_length=300, unique=True)),
                ('new_path', models.CharField(max_length=300)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
            ],
            options={
                'ordering': ['old_path'],
            },
        ),
        migrations.CreateModel(
            name='ErrorReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('page', models.CharField(help_text='The address of the page reported on.', max_length=300)),
                ('message', models.TextField(help_text='What is wrong, and where it says so.', max_length=3000)),
                ('email', models.EmailField(blank=True, help_text='Given only by readers who want an answer.', max_length=254)),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                ('resolved', models.BooleanField(db_index=True, default=False)),
            ],
            options={
                'verbose_name': 'error report',
                'ordering': ['-created_at'],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
