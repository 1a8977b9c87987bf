"""Embargoes on the desk: the EMBARGOED marker of the story lists and the list's filter."""

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html

from ..models.status import embargoed_q


def embargo_marker(article):
    """EMBARGOED with its lifting time, for a story partners have and readers do not; else ""."""
    if not article.is_embargoed:
        return ""
    until = timezone.localtime(article.embargo_until)
    return format_html(
        '<span class="embargo-mark">EMBARGOED</span> <span class="embargo-until">until {}</span>',
        f"{until:%d %b %H:%M}",
    )


class EmbargoFilter(admin.SimpleListFilter):
    title = "embargo"
    parameter_name = "embargo"

    def lookups(self, request, model_admin):
        return [("running", "Under embargo now"), ("any", "With an embargo time")]

    def queryset(self, request, queryset):
        if self.value() == "running":
            return queryset.filter(embargoed_q())
        if self.value() == "any":
            return queryset.filter(embargo_until__isnull=False)
        return queryset
