# Indexes for pages whose cost grew with the archive (issue 15); tests/test_indexes.py asserts
# the plans. Built on a populated database like any index.
# - The topic page's bounded count from index entries alone: a topic's links in (topic, story)
#   order, and each story's published test without a visit to its row.
# - Search's people box: trigram indexes for words anywhere in a name or an alias, on
#   PostgreSQL only (pg_trgm ships with PostgreSQL; SQLite has no GIN and scans its few rows).

from django.db import migrations, models

# On the upper-cased columns, as `icontains` compares them on PostgreSQL; raw SQL, because
# Django's OpClass() around an expression writes `((UPPER("name") gin_trgm_ops))`, which
# PostgreSQL refuses. The model state does not list them (no backend but PostgreSQL has them).
TRIGRAM_INDEXES = {"person_name_trgm": 'UPPER("name")', "person_aliases_trgm": 'UPPER("aliases")'}


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # Not TrigramExtension(): its backwards step reads pg_extension on every backend.
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, expression in TRIGRAM_INDEXES.items():
            schema_editor.execute(
                f'CREATE INDEX "{name}" ON "articles_person" USING gin (({expression}) gin_trgm_ops)'
            )


def remove_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in TRIGRAM_INDEXES:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0026_authors"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["id"],
                include=("published_at", "expires_at"),
                name="article_live_pk_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="taggedarticle",
            index=models.Index(fields=["tag", "content_object"], name="article_topic_links_idx"),
        ),
        migrations.RunPython(add_trigram_indexes, remove_trigram_indexes),
    ]
