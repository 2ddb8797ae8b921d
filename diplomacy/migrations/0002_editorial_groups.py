"""The two editorial groups. Accounts are made by hand; no password is set here."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("history", "0001_initial"),
        ("diplomacy", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
