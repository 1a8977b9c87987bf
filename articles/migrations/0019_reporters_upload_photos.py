# Reporters may upload photos (issue 14 §2): the lead photo's "+" on the story form.
# Changing an existing photo (its credit above all) and deleting one stay with the
# photo editor; nothing else changes for any role.

from django.db import migrations

from ._permissions import create_app_permissions


def grant_reporters(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs this one now.
    create_app_permissions(apps.get_app_config("articles"), apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="articles", codename="add_photo")
    for group in Group.objects.filter(name="Reporter"):
        group.permissions.add(permission)


def revoke_reporters(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label="articles", codename="add_photo")
    for group in Group.objects.filter(name="Reporter"):
        group.permissions.remove(*permission)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0018_unsavedcopy"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
    ]

    operations = [migrations.RunPython(grant_reporters, revoke_reporters)]
