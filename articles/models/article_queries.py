"""The story queryset: which stories a reader may see, and when that next changes by the clock."""

from django.db import models
from django.db.models import Prefetch, Subquery
from django.utils import timezone

from .author import Byline
from .status import Status, on_record_q, published_q
from .urgency import BREAKING, breaking_since, breaking_window


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Every public read starts here: lists, pages, feeds, sitemaps, search, API."""
        return self.filter(published_q())

    def on_record(self, now=None):
        """Published stories plus retracted ones: the URLs that must keep answering.

        Only the story page uses this; a retracted story shows its retraction
        notice there but appears in no list, feed, sitemap or search.
        """
        return self.filter(on_record_q(now=now))

    def for_listing(self, *, bylines=True):
        """What a list of story cards shows: the stories in one query, their bylines in one
        more (`bylines=False` for the related-stories cards, which show none). Cards never
        show the body, the widest column, so it stays in the database."""
        stories = self.select_related("lead_photo", "section").defer("body").order_by("-published_at", "-id")
        return stories.with_bylines() if bylines else stories

    def with_bylines(self):
        """Each story's bylines with their authors, in byline order, in one query."""
        return self.prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("author")))

    def breaking(self):
        """The front page's breaking strip: FLASH and URGENT stories of the last few hours
        (NEWSROOM_BREAKING_HOURS), newest first. Chain after published()."""
        return (
            self.filter(urgency__lte=BREAKING, published_at__gt=breaking_since())
            .only("headline", "slug", "urgency", "published_at")
            .order_by("-published_at", "-id")
        )

    def next_scheduled_change(self):
        """When the published set next changes by the clock alone (a scheduled story goes
        live, one expires, or the oldest leaves the breaking strip); caches must not outlive
        it. None if nothing is due."""
        # Index probes (ORDER BY … LIMIT 1) rather than MIN() aggregates, which would read
        # every published story of the archive; all three in one round trip.
        now = timezone.now()
        live = self.model.objects.filter(status=Status.PUBLISHED)

        def first(queryset, column):
            return Subquery(queryset.order_by(column).values(column)[:1])

        probes = {
            "going_live": first(live.filter(published_at__gt=now), "published_at"),
            "expiring": first(live.filter(expires_at__gt=now), "expires_at"),
            "in_strip_since": first(
                live.filter(urgency__lte=BREAKING, published_at__range=(now - breaking_window(), now)),
                "published_at",
            ),
        }
        # Any one row carries the three answers; an empty archive has nothing due.
        rows = list(self.model.objects.order_by().annotate(**probes).values(*probes)[:1])
        row = rows[0] if rows else {}
        if row.get("in_strip_since"):
            row["in_strip_since"] += breaking_window()
        times = [when for when in row.values() if when is not None]
        return min(times) if times else None
