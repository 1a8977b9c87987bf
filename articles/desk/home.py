"""The desk's front page: what is waiting for whom, read from the workflow's own records.

Each queue is one query (its list) plus one count; nothing here changes anything.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from ..models import Article, Correction, Quote, StatusChange
from ..models.integrity import quote_problems
from ..models.status import Status as S

QUEUE_LENGTH = 10


@dataclass
class Queue:
    key: str
    title: str
    empty: str
    stories: list = field(default_factory=list)
    count: int = 0


def _last_change(to_status, column):
    """The latest status change of each story into `to_status`: its `column`."""
    changes = StatusChange.objects.filter(article=OuterRef("pk"), to_status=to_status).order_by("-at", "-pk")
    return Subquery(changes.values(column)[:1])


def _queue(key, title, empty, queryset):
    return Queue(key, title, empty, list(queryset[:QUEUE_LENGTH]), queryset.count())


def desk_queues(user, now=None):
    """The desk home's lists for `user`, in the order a shift reads them."""
    now = now or timezone.now()
    stories = Article.objects.select_related("author", "section").defer("body")
    start_of_day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    sent_back = (
        stories.filter(author=user, status=S.DRAFT)
        .annotate(
            sent_back_at=_last_change(S.DRAFT, "at"),
            sent_back_note=_last_change(S.DRAFT, "note"),
            sent_back_by=_last_change(S.DRAFT, "by__username"),
        )
        .order_by("-updated_at")
    )
    queues = [
        _queue("mine", "My drafts", "You have no drafts.", sent_back),
        _queue(
            "review",
            "Waiting for review",
            "Nothing is waiting for review.",
            stories.filter(status=S.IN_REVIEW)
            .annotate(
                submitted_at=_last_change(S.IN_REVIEW, "at"),
                submitted_by=_last_change(S.IN_REVIEW, "by__username"),
            )
            .order_by("submitted_at", "pk"),
        ),
        _queue(
            "scheduled",
            "Scheduled",
            "Nothing is scheduled.",
            stories.filter(status=S.PUBLISHED, published_at__gt=now).order_by("published_at"),
        ),
        _queue(
            "embargoed",
            "Under embargo",
            "No story is under embargo.",
            stories.embargoed().order_by("embargo_until", "pk"),
        ),
        _queue(
            "today",
            "Published today",
            "Nothing has been published today yet.",
            stories.filter(
                status=S.PUBLISHED, published_at__gte=start_of_day, published_at__lte=now
            ).order_by("-published_at"),
        ),
    ]
    queues.append(_attention(stories, now))
    return queues


def _attention(stories, now):
    """Stories a shift must look at before they run: a quote the body no longer holds, no
    lead photo on a story about to be read, a correction added in the last day."""
    upcoming = stories.filter(status__in=[S.IN_REVIEW, S.PUBLISHED]).filter(
        Q(status=S.IN_REVIEW) | Q(published_at__gt=now - datetime.timedelta(days=1))
    )
    reasons = {}  # story -> what needs looking at; one row per story, however many reasons
    # A fresh correction first: it is what readers have just been told.
    day_ago = now - datetime.timedelta(days=1)
    recent = Correction.objects.filter(created_at__gt=day_ago).select_related("article")
    for correction in recent.order_by("-created_at")[:QUEUE_LENGTH]:
        added = timezone.localtime(correction.created_at)
        reasons.setdefault(correction.article, []).append(
            f"{correction.get_kind_display().lower()} added {added:%H:%M}"
        )
    quotes = Prefetch("quotes", Quote.objects.select_related("speaker"))
    for story in upcoming.prefetch_related(quotes).defer(None).order_by("-updated_at")[:50]:
        if quote_problems(story):
            reasons.setdefault(story, []).append("a quote is not in the body")
        if not story.lead_photo_id:
            reasons.setdefault(story, []).append("no lead photo")
    problems = []
    for story, why in reasons.items():
        story.attention = ", ".join(why)
        problems.append(story)
    queue = Queue("attention", "Needs attention", "Nothing needs attention.")
    queue.stories, queue.count = problems[:QUEUE_LENGTH], len(problems)
    return queue
