"""The story queryset: which stories a reader may see, and when that next changes by the clock."""

from django.db import models
from django.db.models import Prefetch, Q, Subquery, prefetch_related_objects
from django.utils import timezone

from .author import Byline
from .front import FrontSlot
from .language import current_edition
from .status import Status, embargoed_q, on_record_q, published_q
from .urgency import BREAKING, breaking_since, breaking_window


def bylines_prefetch():
    return Prefetch("bylines", queryset=Byline.objects.select_related("author"))


def prefetch_bylines(stories):
    """The bylines of stories already fetched, from several queries, in one query for all."""
    prefetch_related_objects(list(stories), bylines_prefetch())


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Every public read starts here: lists, pages, feeds, sitemaps, search, API."""
        return self.filter(published_q())

    def in_edition(self, language=None):
        """The stories of one edition (the request's, by default): every public list and feed
        is one edition's; a story's own address answers in its own edition."""
        return self.filter(language=language or current_edition())

    def embargoed(self):
        """Stories given out to partners whose embargo is still running: hidden from readers."""
        return self.filter(embargoed_q())

    def for_partner(self, key):
        """What an API client sees: the public's stories, and with a partner key the embargoed
        ones too (of the key's sections, when it is limited to some). `key=None` is the public."""
        if key is None:
            return self.published()
        embargoed = embargoed_q()
        section_ids = key.section_ids()
        if section_ids:
            embargoed &= Q(section__in=section_ids)
        return self.filter(published_q() | embargoed)

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
        return self.prefetch_related(bylines_prefetch())

    def breaking(self):
        """The front page's breaking strip: FLASH and URGENT stories of the last few hours
        (NEWSROOM_BREAKING_HOURS), newest first. Chain after published()."""
        return (
            self.filter(urgency__lte=BREAKING, published_at__gt=breaking_since())
            .only("headline", "slug", "language", "urgency", "published_at")
            .order_by("-published_at", "-id")
        )

    def next_scheduled_change(self):
        """When the published set next changes by the clock alone (a scheduled story goes
        live, an embargo lifts, one expires, the oldest leaves the breaking strip, or a
        front-page pin starts or lapses); caches must not outlive it. None if nothing is due."""
        # Index probes (ORDER BY … LIMIT 1) rather than MIN() aggregates, which would read
        # every published story of the archive; all of them in one round trip.
        now = timezone.now()
        live = self.model.objects.filter(status=Status.PUBLISHED)

        def first(queryset, column):
            return Subquery(queryset.order_by(column).values(column)[:1])

        probes = {
            "going_live": first(live.filter(published_at__gt=now), "published_at"),
            "expiring": first(live.filter(expires_at__gt=now), "expires_at"),
            "embargo_lifting": first(live.filter(embargo_until__gt=now), "embargo_until"),
            "in_strip_since": first(
                live.filter(urgency__lte=BREAKING, published_at__range=(now - breaking_window(), now)),
                "published_at",
            ),
            "pin_starting": first(FrontSlot.objects.filter(starts_at__gt=now), "starts_at"),
            "pin_ending": first(FrontSlot.objects.filter(ends_at__gt=now), "ends_at"),
        }
        # Any one row carries all the answers; an empty archive has nothing due.
        rows = list(self.model.objects.order_by().annotate(**probes).values(*probes)[:1])
        row = rows[0] if rows else {}
        if row.get("in_strip_since"):
            row["in_strip_since"] += breaking_window()
        times = [when for when in row.values() if when is not None]
        return min(times) if times else None
