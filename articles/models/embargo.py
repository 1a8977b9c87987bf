"""Embargoes: a story given out to partners before readers may see it.

The queryset side lives with the one definition of published (status.py: published_q,
embargoed_q); here are the rules about one story's embargo time that the model and the
desk's form both apply.
"""

from django.utils import timezone
from django.utils.formats import date_format

from .status import Status

EMBARGO_HELP = (
    "Optional: partners with an API key get the story from publication, marked embargoed; "
    "readers see nothing of it (page, lists, feeds, search) until this time, when it goes "
    "public by itself. Leave empty for no embargo."
)


class Embargoed:
    """The embargo of one story in hand (Article inherits it); reads of many stories filter
    with embargoed_q() instead, which this mirrors."""

    @property
    def is_embargoed(self):
        """Given out to partners, hidden from readers until `embargo_until`."""
        now = timezone.now()
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and (self.expires_at is None or self.expires_at > now)
            and embargo_running(self.embargo_until, now)
        )


def embargo_running(embargo_until, now=None):
    """An embargo hides a story only while it runs: a past one is no embargo."""
    return embargo_until is not None and embargo_until > (now or timezone.now())


def _when(moment):
    return date_format(timezone.localtime(moment), "j F Y, H:i")


TIMES = ("embargo_until", "published_at", "expires_at")


def embargo_problems(article, now=None):
    """Why this story's embargo time makes no sense, as messages for the desk ([] if it does).

    Checked only when the embargo or the times around it change: a story whose embargo has
    lifted keeps the time it lifted at and saves normally, and those who may not change the
    times (reporters) are never stopped by them.
    """
    until = article.embargo_until
    if until is None:
        return []
    stored = _stored_times(article)
    if stored == _to_the_second(getattr(article, name) for name in TIMES):
        return []
    now = now or timezone.now()
    new = stored is None or stored[0] != _to_the_second([until])[0]
    if until <= now and not new:
        return []  # lifted: history now, whatever else changes
    problems = []
    if until <= now:
        problems.append(
            f"The embargo time {_when(until)} has already passed, so it would hold nothing back. "
            "Clear the field for no embargo, or choose a later time."
        )
    if article.published_at and until <= article.published_at:
        problems.append(
            f"The embargo ends ({_when(until)}) before the story is published "
            f"({_when(article.published_at)}), so partners would get it no earlier than readers. "
            "Clear the embargo or choose a later time."
        )
    if article.expires_at and until >= article.expires_at:
        problems.append(
            f"The story is set to leave the site ({_when(article.expires_at)}) before its embargo ends: "
            "readers would never see it. Move the unpublish time after the embargo."
        )
    return problems


def _to_the_second(times):
    # The desk's form types times to the second; stored ones may carry microseconds.
    return tuple(time.replace(microsecond=0) if time else time for time in times)


def _stored_times(article):
    if article.pk is None:
        return None
    row = type(article).objects.filter(pk=article.pk).values_list(*TIMES).first()
    return _to_the_second(row) if row else None
