"""The desk's admin site: Django's, with the desk home as its front page.

Installed through DeskAdminConfig (articles/apps.py), Django's documented way of replacing
the default site, so every `admin.site` and `@admin.register` in the project is this one.
"""

from django.conf import settings
from django.contrib import admin

from .home import desk_queues
from .time_zones import time_zone_urls


class DeskSite(admin.AdminSite):
    index_template = "admin/desk_home.html"
    index_title = "Desk"

    @property
    def site_header(self):
        return f"{settings.SITE_NAME} — editors' desk"

    @property
    def site_title(self):
        return f"{settings.SITE_NAME} desk"

    def index(self, request, extra_context=None):
        context = {"queues": desk_queues(request.user), **(extra_context or {})}
        return super().index(request, context)

    def get_urls(self):
        return [*time_zone_urls(self), *super().get_urls()]
