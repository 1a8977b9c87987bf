# Bylines (issue 17 §1): author profiles, ordered bylines, and who a story is about (§2).
#
# Existing stories get a byline from their desk owner (Article.author) only where that is
# surely right: our own copy (no agency), and an owner whose account has a full name, which
# becomes their profile's display name. Agency copy keeps no byline, because the desk user
# who imported it did not write it, and a username ("reporter", "admin") is no byline. Every
# other story shows what it showed before: the agency, or the publication for our own copy.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils.text import slugify

from ._permissions import create_app_permissions

# Frozen here on purpose, like 0004_workflow's roles.
GRANTS = {
    "Reporter": ["view_author", "add_author", "view_byline", "add_byline", "change_byline", "delete_byline"],
    "Editor": [
        "view_author", "add_author", "change_author", "delete_author",
        "view_byline", "add_byline", "change_byline", "delete_byline",
    ],
    "Photo editor": ["view_author"],
}  # fmt: skip


def _free_slug(Author, name):
    base = slugify(name)[:190].strip("-") or "author"
    slug, n = base, 1
    while Author.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def byline_from_desk_owners(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Author = apps.get_model("articles", "Author")
    Byline = apps.get_model("articles", "Byline")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    own_copy = Article.objects.filter(agency="", author__isnull=False)
    for user in User.objects.filter(pk__in=own_copy.values("author_id")).order_by("pk"):
        name = " ".join(f"{getattr(user, 'first_name', '')} {getattr(user, 'last_name', '')}".split())
        if not name:
            continue
        author = Author.objects.filter(user=user).first() or Author.objects.create(
            name=name, slug=_free_slug(Author, name), user=user
        )
        Byline.objects.bulk_create(
            [
                Byline(article_id=pk, author=author, order=0)
                for pk in own_copy.filter(author=user).values_list("pk", flat=True)
            ],
            ignore_conflicts=True,
        )


def grant_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need these now.
    create_app_permissions(apps.get_app_config("articles"), apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        found = Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        for group in Group.objects.filter(name=name):
            group.permissions.add(*found)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0025_front_slots"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="about",
            field=models.ManyToManyField(
                blank=True,
                help_text="Of the people mentioned, those the story is about; everyone else is only mentioned.",
                related_name="stories_about",
                to="articles.person",
                verbose_name="the story is about",
            ),
        ),
        migrations.CreateModel(
            name="Author",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="As the byline prints it.", max_length=200, verbose_name="display name"
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        help_text="The profile's address: /authors/this-slug/.", max_length=200, unique=True
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="e.g. Moscow correspondent, Economics editor",
                        max_length=200,
                    ),
                ),
                (
                    "organisation",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="For a contributor from another outlet or agency, e.g. TASS; empty for our own staff.",
                        max_length=200,
                    ),
                ),
                ("bio", models.TextField(blank=True, default="", verbose_name="short bio")),
                (
                    "email",
                    models.EmailField(
                        blank=True, default="", max_length=254, verbose_name="public contact e-mail"
                    ),
                ),
                (
                    "links",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="Public profile addresses, one per line (https://…).",
                        verbose_name="social and web links",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "portrait",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="portrait_of_author",
                        to="articles.photo",
                    ),
                ),
                (
                    "user",
                    models.OneToOneField(
                        blank=True,
                        help_text="The desk login this profile belongs to; empty for a contributor without one.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="author_profile",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "author",
                "verbose_name_plural": "authors",
                "ordering": ["name", "id"],
            },
        ),
        migrations.CreateModel(
            name="Byline",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="bylines",
                        to="articles.article",
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="bylines",
                        to="articles.author",
                    ),
                ),
            ],
            options={
                "verbose_name": "byline",
                "verbose_name_plural": "bylines",
                "ordering": ["article", "order", "id"],
            },
        ),
        migrations.AddField(
            model_name="article",
            name="authors",
            field=models.ManyToManyField(
                blank=True, related_name="articles", through="articles.Byline", to="articles.author"
            ),
        ),
        migrations.AddIndex(
            model_name="author",
            index=models.Index(fields=["name"], name="author_name_idx"),
        ),
        migrations.AddIndex(
            model_name="byline",
            index=models.Index(fields=["author", "article"], name="byline_author_idx"),
        ),
        migrations.AddConstraint(
            model_name="byline",
            constraint=models.UniqueConstraint(fields=("article", "author"), name="unique_byline"),
        ),
        migrations.RunPython(byline_from_desk_owners, migrations.RunPython.noop),
        migrations.RunPython(grant_roles, migrations.RunPython.noop),
    ]
