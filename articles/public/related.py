"""Stories related to a story: those sharing its people or topics."""

from django.db.models import Q

from ..models import Article


def related_stories(article, limit=4):
    """Up to `limit` published stories sharing a person or topic with `article`, newest first.

    One query: the story's own people and topics are read through their
    prefetches, so the story page pays only for this.
    """
    topic_ids = [topic.pk for topic in article.topics.all()]
    person_ids = [person.pk for person in article.people.all()]
    if not topic_ids and not person_ids:
        return []
    nearest = (
        Article.objects.published()
        .in_edition(article.language)
        .filter(Q(topic_items__tag__in=topic_ids) | Q(people__in=person_ids))
        .exclude(pk=article.pk)
        .order_by("-published_at", "-id")
        # Two many-to-many joins repeat a story once per shared person or topic. Made
        # distinct on narrow (id, time) rows: DISTINCT over whole stories sorted their
        # bodies, and at 100,000 stories could take seconds (docs/benchmarks.md).
        .values("pk", "published_at")
        .distinct()[:limit]
    )
    return list(Article.objects.filter(pk__in=nearest.values("pk")).for_listing(bylines=False))
