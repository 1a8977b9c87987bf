"""A desk user's own settings: for now, the time zone their date and time fields speak."""

import zoneinfo
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


@cache
def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def is_time_zone(name):
    """True for an IANA zone name this machine knows, e.g. "Asia/Tokyo"; False for anything else
    (a cookie is typed by whoever sends it)."""
    return bool(name) and name in dict(time_zone_choices())


class DeskProfile(models.Model):
    """One per desk user, made the first time they choose a setting. Without one, the desk
    uses the zone their browser reports, then the site's."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_profile"
    )
    time_zone = models.CharField(
        max_length=64,
        blank=True,
        default="",
        help_text="Dates and times in the desk are typed and shown in this zone. Empty: your browser's.",
    )

    class Meta:
        verbose_name = "desk profile"
        verbose_name_plural = "desk profiles"

    def __str__(self):
        return f"Desk settings of {self.user}"

    def clean(self):
        if self.time_zone and not is_time_zone(self.time_zone):
            raise ValidationError({"time_zone": f"“{self.time_zone}” is not a time zone this desk knows."})
