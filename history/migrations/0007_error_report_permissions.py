"""Editors and Publishers read readers' error reports and mark them resolved."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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
    dependencies = [
        ("history", "0006_publish_at_and_error_reports"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
