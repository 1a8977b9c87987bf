from django.conf import settings

from ..derived.cache import nav_sections


def site(request):
    """Site name and the navigation's sections (cached until a section changes)."""
    return {"site_name": settings.SITE_NAME, "nav_sections": nav_sections}
