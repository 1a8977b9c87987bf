"""The front page as editors arrange it: a lead and a few top slots pinned from the desk,
every other story newest first below them.

A pin (FrontSlot) puts one story at one place from a start time, optionally until an end
time, so the arrangement can change by the clock ("a new lead at 06:00") with no cron job.
What readers see is worked out at each request from the pins in effect:

- pins are ordered by place (the lead first), and at the same place the newest start
  first: a new lead pushes the old one down to the first slot, and so on down the page;
- only stories `Article.objects.published()` admits count, so a pinned story that is
  unpublished, retracted, expired, embargoed or not yet live leaves the front at once;
- the lead is the first pin if it was pinned as the lead; otherwise (and until anyone
  arranges the front) it is the newest published story with a photo;
- TOP_SLOTS slots follow; pins beyond them wait unseen, their stories in the list below.

The module names the story model only through the relation, so the story's queryset can
import it for the cache's clock (ArticleQuerySet.next_scheduled_change).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from .language import current_edition
from .status import Status

LEAD = 0
TOP_SLOTS = 4
PLACES = [(LEAD, "Lead"), *((n, f"Top slot {n}") for n in range(1, TOP_SLOTS + 1))]


def place_label(position):
    return "Lead" if position == LEAD else f"Top slot {position}"


@dataclass
class Front:
    """What the top of the home page shows: the lead (or None) and the top slots in order."""

    lead: object = None
    slots: list = field(default_factory=list)
    # True when the lead was pinned by an editor, False when it is the newest with a photo.
    lead_pinned: bool = False

    @property
    def stories(self):
        return [story for story in [self.lead, *self.slots] if story is not None]

    @property
    def shown_ids(self):
        """The stories the list below must not repeat."""
        return [story.pk for story in self.stories]


class FrontSlotQuerySet(models.QuerySet):
    def in_effect(self, now=None):
        """Pins whose time has come and not yet gone, whatever their stories' state."""
        now = now or timezone.now()
        return self.filter(Q(starts_at__lte=now), Q(ends_at__isnull=True) | Q(ends_at__gt=now))

    def upcoming(self, now=None):
        """Pins that start later, soonest first."""
        return self.filter(starts_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def arranged(self):
        """Front-page order: by place, and at one place the most recent pin first."""
        return self.order_by("position", "-starts_at", "-pk")

    def front(self, now=None, language=None, *, bylines=True):
        """The Front readers see now in an edition (the request's), in one query, however large
        the archive: each edition's front leads with its own stories.

        Pinned stories and the newest published one with a photo come back together, each
        pinned one annotated with its first pin in effect (a story pinned twice shows once).
        """
        Article = self.model._meta.get_field("article").related_model
        language = language or current_edition()
        pins = self.in_effect(now)
        # The edition's pins; each row's own pin is then found without the join (its story is
        # of the edition already), which keeps the per-row subqueries as cheap as before.
        pinned = pins.filter(article__language=language).values("article")
        first_pin = pins.filter(article=OuterRef("pk")).arranged()
        newest_with_photo = (
            Article.objects.published()
            .in_edition(language)
            .filter(lead_photo__isnull=False)
            .exclude(pk__in=pinned)
            .order_by("-published_at", "-id")
            .values("pk")[:1]
        )
        rows = list(
            # Only the ids come from the edition's pins and stories: filtering the edition here
            # too turned PostgreSQL's plan into a scan of the archive (and a JIT compile).
            Article.objects.published()
            .for_listing(bylines=bylines)
            .filter(Q(pk__in=pinned) | Q(pk=Subquery(newest_with_photo)))
            .annotate(
                pin_position=Subquery(first_pin.values("position")[:1]),
                pin_starts=Subquery(first_pin.values("starts_at")[:1]),
                pin_id=Subquery(first_pin.values("pk")[:1]),
            )
            # The unpinned fallback first, then the pins in order: enough rows for a lead and
            # every slot whichever of the two supplies the lead.
            .order_by(F("pin_position").asc(nulls_first=True), F("pin_starts").desc(), F("pin_id").desc())[
                : TOP_SLOTS + 2
            ]
        )
        fallback = next((story for story in rows if story.pin_position is None), None)
        pinned_stories = [story for story in rows if story.pin_position is not None]
        if pinned_stories and pinned_stories[0].pin_position == LEAD:
            return Front(pinned_stories[0], pinned_stories[1 : TOP_SLOTS + 1], lead_pinned=True)
        return Front(fallback, pinned_stories[:TOP_SLOTS])


class FrontSlot(models.Model):
    """One story pinned to one place on the front page, from a start time (until an end time)."""

    article = models.ForeignKey(
        "articles.Article",
        # A pin means nothing without its story; the story's deletion is audited on its own.
        on_delete=models.CASCADE,
        related_name="front_slots",
        verbose_name="story",
    )
    position = models.PositiveSmallIntegerField(
        "place",
        choices=PLACES,
        default=LEAD,
        help_text="The lead, or a top slot under it. A story pinned where another already is "
        "goes above it and pushes it one place down.",
    )
    starts_at = models.DateTimeField(
        "on the front from",
        default=timezone.now,
        help_text="Now, or a later time: the front changes by itself then.",
    )
    ends_at = models.DateTimeField(
        "until", null=True, blank=True, help_text="Optional: the pin lapses by itself at this time."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FrontSlotQuerySet.as_manager()

    class Meta:
        ordering = ["position", "-starts_at", "-id"]
        verbose_name = "front-page pin"
        verbose_name_plural = "front page"
        indexes = [
            models.Index(fields=["starts_at"], name="frontslot_starts_idx"),
            models.Index(fields=["ends_at"], name="frontslot_ends_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="frontslot_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{place_label(self.position)}: {self.article.headline}"

    @property
    def place(self):
        return place_label(self.position)

    def clean(self):
        if self.ends_at is not None and self.starts_at is not None and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The pin must end after it starts."})
        if self.article_id is not None and self.article.status == Status.RETRACTED:
            raise ValidationError({"article": "A retracted story cannot go on the front page."})

    def move(self, offset, now=None):
        """Move this pin `offset` places (-1 up, +1 down) among the pins in effect, renumbering
        them in order. Moving the top pin up when the lead is automatic makes it the lead.
        Returns False when there is nowhere to go."""
        with transaction.atomic():
            rows = list(FrontSlot.objects.in_effect(now).arranged().select_for_update())
            ids = [row.pk for row in rows]
            if self.pk not in ids:
                raise ValidationError("This pin is not on the front now; edit its times instead.")
            index = ids.index(self.pk)
            base = LEAD if rows[0].position == LEAD else LEAD + 1
            target = index + offset
            if target < 0 and base != LEAD:
                base, target = LEAD, 0
            if not 0 <= target < len(rows) or (target == index and base == rows[0].position):
                return False
            rows.insert(target, rows.pop(index))
            for place, row in enumerate(rows, start=base):
                if row.position != place:
                    row.position = place
                    row.save(update_fields=["position"])
        return True
