"""What the story page shows, kept per story version so that a cold request assembles it
rather than rendering it (docs/benchmarks.md, "The story page").

Derived data, like the search index: losing a row loses nothing, the next request renders
it again. `StoryRender` holds a published story's page and its related-stories card;
`NewestLinked` the newest published stories of one topic or person, from which every
story's related stories are merged at request time.
"""

from django.db import models


class StoryRender(models.Model):
    """A story's rendered page and card, valid while nothing they show has changed.

    `stamp` is drawn anew (articles/derived/renders.py) whenever something the page shows
    changes outside the story's own row: its quotes, corrections, people, topics, photo.
    The story's own edits move `Article.version`. A render is current only when it was
    made at the stamp and version the row holds now, in the same render context (code
    build, navigation, year, bulk-write epoch): anything else is a miss.
    """

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, primary_key=True, related_name="render"
    )
    stamp = models.PositiveIntegerField(default=0)
    rendered_stamp = models.PositiveIntegerField(null=True, blank=True)
    rendered_version = models.PositiveIntegerField(null=True, blank=True)
    context = models.CharField(max_length=64, blank=True, default="")
    # Absolute URLs are written with a placeholder origin and the related-stories block
    # is a placeholder too; the request fills both in.
    page = models.TextField(blank=True, default="")
    card = models.TextField(blank=True, default="")
    # The story's topics and people as [kind, id] pairs (NewestLinked keys), for its related stories.
    links = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "story render"
        verbose_name_plural = "story renders"

    def __str__(self):
        return f"Rendered story {self.article_id}"

    def is_current(self, version, context):
        return (
            self.rendered_stamp == self.stamp
            and self.rendered_version == version
            and self.context == context
            and bool(self.page)
        )


class NewestLinked(models.Model):
    """The newest published stories carrying one topic or person: (id, published time) pairs,
    newest first, and the moment the clock alone changes them (a scheduled story of theirs
    going live or its embargo lifting, a listed one expiring)."""

    class Kind(models.TextChoices):
        TOPIC = "t", "topic"
        PERSON = "p", "person"

    kind = models.CharField(max_length=1, choices=Kind.choices)
    key = models.BigIntegerField()
    stories = models.JSONField(default=list)
    valid_until = models.DateTimeField(null=True, blank=True)
    # Drawn anew by every writer's recomputation: a reader refreshing an outdated list writes
    # only if no writer has since (articles/derived/renders.py).
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "newest linked stories"
        verbose_name_plural = "newest linked stories"
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="unique_newest_linked")]

    def __str__(self):
        return f"Newest stories of {self.get_kind_display()} {self.key}"
