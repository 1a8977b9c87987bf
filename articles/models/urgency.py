"""Urgency on the IPTC scale (1 most urgent … 9 least, 5 normal) and the wire words the
desk knows for the top three: FLASH, URGENT, BULLETIN.

Kept apart from the story model so that the desk, feeds, the API and ninjs name the
scale from one place, and the breaking strip's window is read from one setting.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_noop


class Urgency(models.IntegerChoices):
    FLASH = 1, "1 — FLASH"
    URGENT = 2, "2 — URGENT"
    BULLETIN = 3, "3 — BULLETIN"
    HIGH = 4, "4"
    NORMAL = 5, "5 — normal"
    LOW_6 = 6, "6"
    LOW_7 = 7, "7"
    LOW_8 = 8, "8"
    LOWEST = 9, "9"


DEFAULT = Urgency.NORMAL
# The words stay English here, as feeds, the API and ninjs carry them; pages translate them
# where they print them ({% translate article.urgency_word %}).
WORDS = {
    Urgency.FLASH: gettext_noop("FLASH"),
    Urgency.URGENT: gettext_noop("URGENT"),
    Urgency.BULLETIN: gettext_noop("BULLETIN"),
}
# Stories at least this urgent go to the front page's breaking strip, and may be
# published with a headline only: on the wire a flash is one line, written through after.
BREAKING = Urgency.URGENT


def word(urgency):
    """FLASH, URGENT, BULLETIN or "" for the rest: what a page or feed prints."""
    return WORDS.get(urgency, "")


def clamp(value):
    """An urgency from outside (ninjs): an integer 1–9, else None (keep the default)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= 9 else None


def breaking_window():
    return datetime.timedelta(hours=settings.BREAKING_HOURS)


def breaking_since():
    """Stories published after this moment (and urgent enough) are in the strip now."""
    return timezone.now() - breaking_window()
