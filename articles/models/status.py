"""A story's status and the one definition of "a reader may see this story".

They sit apart from the Article class so that the rules the models call (transitions,
the audit trail) and the querysets of people and topics can name them without
importing the story model, which imports those rules.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_noop


class Status(models.TextChoices):
    # Labels stay English in the desk, its messages and revision comments; a public page (the
    # preview banner) translates them where it prints them.
    DRAFT = "draft", gettext_noop("Draft")
    IN_REVIEW = "in_review", gettext_noop("In review")
    # A published story with a future publication time is "scheduled".
    PUBLISHED = "published", gettext_noop("Published")
    UNPUBLISHED = "unpublished", gettext_noop("Unpublished")
    RETRACTED = "retracted", gettext_noop("Retracted")


def released_q(prefix="", now=None):
    """Stories given out: published, their time come, not expired. Readers see those whose
    embargo (if any) has lifted, published_q(); partners with an API key see them all."""
    now = now or timezone.now()
    return Q(**{f"{prefix}status": Status.PUBLISHED, f"{prefix}published_at__lte": now}) & (
        Q(**{f"{prefix}expires_at__isnull": True}) | Q(**{f"{prefix}expires_at__gt": now})
    )


def not_embargoed_q(prefix="", now=None):
    """No embargo, or one that has lifted: a past embargo is no embargo."""
    now = now or timezone.now()
    return Q(**{f"{prefix}embargo_until__isnull": True}) | Q(**{f"{prefix}embargo_until__lte": now})


def embargoed_q(prefix="", now=None):
    """Given out to partners and still under embargo: what readers must not see yet."""
    now = now or timezone.now()
    return released_q(prefix, now) & Q(**{f"{prefix}embargo_until__gt": now})


def published_q(prefix="", now=None):
    """The one definition of "a reader may see this story", for related lookups.

    `prefix` reaches the article through a relation, e.g. published_q("article__")
    for quotes. The clock is read when the query is built, so a scheduled story
    appears by itself when its time comes, an embargoed one when its embargo lifts,
    and an expiring one leaves on time (`now` only for a query compiled once and
    given the clock at each run).
    """
    now = now or timezone.now()
    return released_q(prefix, now) & not_embargoed_q(prefix, now)


def on_record_q(prefix="", now=None):
    """Published stories plus retracted ones: the story URLs that must keep answering. A story
    retracted while still under embargo was never public, and answers nothing."""
    now = now or timezone.now()
    return published_q(prefix, now) | (
        Q(**{f"{prefix}status": Status.RETRACTED, f"{prefix}published_at__lte": now})
        & not_embargoed_q(prefix, now)
    )
