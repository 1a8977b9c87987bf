# The editorial workflow: statuses, transition log, corrections, notes, old
# addresses, the optimistic-lock version, and the desk's roles as groups.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from ._permissions import create_app_permissions

# Frozen here on purpose: a migration must mean the same thing forever. Later
# changes to a role are new migrations.
ROLES = {
    "Reporter": [
        "view_article", "add_article", "change_article",
        "view_quote", "add_quote", "change_quote", "delete_quote",
        "view_person", "add_person", "change_person",
        "view_photo", "view_section", "view_topic", "add_topic",
        "view_note", "add_note",
    ],
    "Editor": [
        "view_article", "add_article", "change_article", "delete_article",
        "publish_article", "retract_article", "change_any_article",
        "view_quote", "add_quote", "change_quote", "delete_quote",
        "view_person", "add_person", "change_person", "delete_person",
        "view_photo", "add_photo",
        "view_section", "add_section", "change_section",
        "view_topic", "add_topic", "change_topic", "delete_topic",
        "view_correction", "add_correction", "change_correction",
        "view_note", "add_note", "change_note", "delete_note",
        "view_statuschange", "view_slugredirect",
    ],
    "Photo editor": [
        "view_photo", "add_photo", "change_photo", "delete_photo",
        "view_article", "view_person",
    ],
}  # fmt: skip


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        create_app_permissions(app_config, apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        found = Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        missing = set(codenames) - set(found.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Role {name}: permissions not found: {sorted(missing)}")
        group.permissions.add(*found)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_search_index"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="article",
            options={
                "get_latest_by": "published_at",
                "ordering": ["-published_at", "-id"],
                "permissions": [
                    ("publish_article", "Can publish, schedule and unpublish stories"),
                    ("retract_article", "Can retract stories"),
                    ("change_any_article", "Can edit any story, including others' and published ones"),
                ],
                "verbose_name": "story",
                "verbose_name_plural": "stories",
            },
        ),
        migrations.AddField(
            model_name="article",
            name="author",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="Who created the story; reporters may edit only their own drafts.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="stories",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="expires_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Optional: the story leaves the site by itself at this time.",
                null=True,
                verbose_name="unpublish at",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="retracted_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="article",
            name="retraction_reason",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="version",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AlterField(
            model_name="article",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "Draft"),
                    ("in_review", "In review"),
                    ("published", "Published"),
                    ("unpublished", "Unpublished"),
                    ("retracted", "Retracted"),
                ],
                default="draft",
                max_length=20,
            ),
        ),
        migrations.CreateModel(
            name="Correction",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("correction", "Correction"), ("update", "Update")],
                        default="correction",
                        max_length=20,
                    ),
                ),
                (
                    "text",
                    models.TextField(help_text="What was wrong and what is right now; readers see this."),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="corrections",
                        to="articles.article",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "correction or update",
                "verbose_name_plural": "corrections and updates",
                "ordering": ["created_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="Note",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField()),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notes",
                        to="articles.article",
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "internal note",
                "verbose_name_plural": "internal notes",
                "ordering": ["created_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="SlugRedirect",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("old_slug", models.SlugField(max_length=250, unique=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="old_slugs",
                        to="articles.article",
                    ),
                ),
            ],
            options={
                "verbose_name": "old address",
                "verbose_name_plural": "old addresses",
                "ordering": ["-created_at"],
            },
        ),
        migrations.CreateModel(
            name="StatusChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("from_status", models.CharField(max_length=20)),
                ("to_status", models.CharField(max_length=20)),
                ("at", models.DateTimeField(auto_now_add=True)),
                ("note", models.TextField(blank=True, default="")),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="status_changes",
                        to="articles.article",
                    ),
                ),
                (
                    "by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "status change",
                "verbose_name_plural": "status changes",
                "ordering": ["-at", "-id"],
                "indexes": [models.Index(fields=["article", "-at"], name="statuschange_article_idx")],
            },
        ),
        migrations.AlterField(
            model_name="article",
            name="slug",
            field=models.SlugField(
                help_text=(
                    "The story's address: /news/this-slug/. After publication, a change leaves a redirect behind."
                ),
                max_length=250,
                unique=True,
            ),
        ),
        migrations.RunPython(create_roles, remove_roles),
    ]
