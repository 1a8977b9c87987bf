from django.conf import settings

from .models import Section


def site(request):
    """Site name and the navigation's sections; the queryset is lazy, so pages
    that do not show navigation pay nothing."""
    return {
        "site_name": settings.SITE_NAME,
        "nav_sections": Section.objects.only("name", "slug"),
    }
