"""Seed the fuzz database: the soak's published stories, plus stories in every other state.

Drafts, stories in review, scheduled, unpublished and retracted ones are there so a fuzzer
that finds a way to reach them shows up as a leak in other tests, and so cursors and
preview tokens point at real rows of each kind. Called in-process by soak/fuzz.py.
"""

import datetime

from .seed import seed as seed_published


def seed(n_stories):
    """Rows in every state; returns the pools of real values the URL strategies draw from."""
    from django.db.models import Count
    from django.utils import timezone

    from articles.models import Article, Section
    from articles.public.preview import preview_token
    from articles.public.sitemaps import LIST_SITEMAPS

    pools = seed_published(n_stories, 0)
    now, section = timezone.now(), Section.objects.first()

    def story(name, **fields):
        return Article.objects.create(
            headline=f"Fuzz story: {name}",
            slug=f"fuzz-{name}",
            section=section,
            standfirst="Negotiators meet again.",
            body="<p>Negotiators met on Tuesday.</p>",
            **fields,
        )

    others = []
    for i in range(5):
        others.append(story(f"draft-{i}"))
        in_review = story(f"in-review-{i}")
        in_review.submit_for_review()
        scheduled = story(f"scheduled-{i}")
        scheduled.publish(at=now + datetime.timedelta(days=i + 1))
        unpublished = story(f"unpublished-{i}")
        unpublished.publish()
        unpublished.unpublish()
        retracted = story(f"retracted-{i}")
        retracted.publish()
        retracted.retract(reason="The quote was misattributed.")
        others += [in_review, scheduled, unpublished, retracted]
    # An old story: its year and its cursor sit far from today's.
    old = story("from-1900", published_at=datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC))
    old.publish()
    others.append(old)

    stories = list(Article.objects.only("pk", "slug", "published_at"))
    return {
        "story": [story.slug for story in stories],
        "story_id": [story.pk for story in stories],
        "section": pools["sections"],
        "topic": pools["topics"],
        "person": pools["people"],
        "token": [preview_token(story) for story in others],
        "year": sorted({story.published_at.year for story in stories if story.published_at}),
        "month": list(range(1, 13)),
        "kind": list(LIST_SITEMAPS),
        "block": [0, 1, 2],
        "rest": ["stories/", "nothing/here"],
        "path": ["photos/missing.jpg", "../newsroom/settings.py"],
        "states": dict(Article.objects.order_by().values_list("status").annotate(n=Count("pk"))),
    }
