# Indexes for the public reads at any archive size (issue 7); see tests/test_indexes.py.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_audit"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["-published_at", "-id"],
                name="article_live_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["section", "-published_at", "-id"],
                name="article_section_live_idx",
            ),
        ),
    ]
