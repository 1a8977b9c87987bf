# Schema for wire ingest and interchange (issue 9): which agency item each imported story came from.
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_workflow")]

    operations = [
        migrations.CreateModel(
            name="WireItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "uri",
                    models.CharField(
                        help_text="The agency's identifier (ninjs uri or guid).",
                        max_length=500,
                        verbose_name="item URI",
                    ),
                ),
                ("version", models.CharField(blank=True, default="", max_length=50)),
                ("version_created", models.DateTimeField(blank=True, null=True)),
                ("picture_uri", models.CharField(blank=True, default="", max_length=500)),
                (
                    "received_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, help_text="When this version was imported."
                    ),
                ),
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="wire_item",
                        to="articles.article",
                    ),
                ),
            ],
            options={
                "verbose_name": "wire item",
                "verbose_name_plural": "wire items",
                "ordering": ["-received_at", "-id"],
                "constraints": [models.UniqueConstraint(fields=("uri",), name="unique_wire_item_uri")],
            },
        ),
    ]
