"""A story's status and the one definition of "a reader may see this story".

They sit apart from the Article class so that the rules the models call (transitions,
the audit trail) and the querysets of people and topics can name them without
importing the story model, which imports those rules.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    # A published story with a future publication time is "scheduled".
    PUBLISHED = "published", "Published"
    UNPUBLISHED = "unpublished", "Unpublished"
    RETRACTED = "retracted", "Retracted"


def published_q(prefix="", now=None):
    """The one definition of "a reader may see this story", for related lookups.

    `prefix` reaches the article through a relation, e.g. published_q("article__")
    for quotes. The clock is read when the query is built, so a scheduled story
    appears by itself when its time comes, and an expiring one leaves on time
    (`now` only for a query compiled once and given the clock at each run).
    """
    now = now or timezone.now()
    return Q(**{f"{prefix}status": Status.PUBLISHED, f"{prefix}published_at__lte": now}) & (
        Q(**{f"{prefix}expires_at__isnull": True}) | Q(**{f"{prefix}expires_at__gt": now})
    )


def on_record_q(prefix="", now=None):
    """Published stories plus retracted ones: the story URLs that must keep answering."""
    now = now or timezone.now()
    return published_q(prefix, now) | Q(
        **{f"{prefix}status": Status.RETRACTED, f"{prefix}published_at__lte": now}
    )
