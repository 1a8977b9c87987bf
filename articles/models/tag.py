"""Topics: django-taggit with our own tag model, so topic pages can carry a description."""

import reversion
from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from taggit.models import ItemBase, TagBase

from .status import published_q


class TopicQuerySet(models.QuerySet):
    def on_record(self):
        """Topics of published stories: a topic only a draft carries may give the story away.
        A probe per topic that stops at its first published story (see PersonQuerySet)."""
        live = TaggedArticle.objects.filter(published_q("content_object__"), tag=OuterRef("pk"))
        return self.alias(any_story=Subquery(live.order_by().values("pk")[:1])).filter(
            any_story__isnull=False
        )


class Topic(TagBase):
    description = models.TextField(blank=True, default="")

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = "topic"
        verbose_name_plural = "topics"
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse("articles:topic", kwargs={"slug": self.slug})


@reversion.register()
class TaggedArticle(ItemBase):
    """A topic on a story: real foreign keys, so joins and indexes are ordinary."""

    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="article_items")
    content_object = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="topic_items"
    )

    class Meta:
        verbose_name = "story topic"
        verbose_name_plural = "story topics"
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_topic")]
        # A topic page's bounded count reads the topic's own links in this index and probes
        # each story once, instead of walking the archive newest first until it has met
        # enough stories of the topic (17 stories read per story counted, for a topic on 6%).
        indexes = [models.Index(fields=["tag", "content_object"], name="article_topic_links_idx")]


class TaggedPerson(ItemBase):
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="person_items")
    content_object = models.ForeignKey(
        "articles.Person", on_delete=models.CASCADE, related_name="topic_items"
    )

    class Meta:
        verbose_name = "person topic"
        verbose_name_plural = "person topics"
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="unique_person_topic")]
