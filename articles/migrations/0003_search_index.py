# Schema for search (issue 5): the SearchEntry index table.
import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

VECTOR_INDEX = django.contrib.postgres.indexes.GinIndex(fields=["vector"], name="search_entry_vector_gin")


def add_vector_index(apps, schema_editor):
    # GIN exists only on PostgreSQL; SQLite searches the plain `text` column instead.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("articles", "SearchEntry"), VECTOR_INDEX)


def remove_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("articles", "SearchEntry"), VECTOR_INDEX)


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_photo_pipeline")]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("text", models.TextField(blank=True, default="")),
                ("vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                ("indexed_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "search entry",
                "verbose_name_plural": "search entries",
            },
        ),
        # The model state carries the index (so makemigrations stays clean); the
        # database gets it only where the backend supports it.
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="searchentry", index=VECTOR_INDEX)],
            database_operations=[migrations.RunPython(add_vector_index, remove_vector_index)],
        ),
    ]
