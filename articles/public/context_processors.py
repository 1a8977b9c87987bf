from django.conf import settings

from ..derived.cache import nav_sections


def site(request):
    """Site name and the navigation's sections (cached until a section changes), and how often
    a live blog's page asks for new entries."""
    return {
        "site_name": settings.SITE_NAME,
        "nav_sections": nav_sections,
        "live_poll_seconds": settings.LIVE_POLL_SECONDS,
    }
