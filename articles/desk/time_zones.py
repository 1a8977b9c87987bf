"""The editor's own time zone in the desk: the date and time fields take and show it.

Stored times stay UTC; only what the desk types and shows moves. The zone is the editor's
chosen one (DeskProfile), else the one their browser reports (a cookie set by
static/articles/desk_time_zone.js), else the site's. Public pages keep the site's zone:
they are cached and shared.
"""

from datetime import datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme

from ..models import DeskProfile
from ..models.desk_profile import is_time_zone, time_zone_choices

COOKIE = "desk_tz"


def desk_time_zone(request):
    """(zone name, where it came from: "chosen", "browser" or "site") for this editor."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        chosen = DeskProfile.objects.filter(user=user).values_list("time_zone", flat=True).first()
        if chosen and is_time_zone(chosen):
            return chosen, "chosen"
    browser = request.COOKIES.get(COOKIE, "")
    if is_time_zone(browser):
        return browser, "browser"
    return settings.TIME_ZONE, "site"


class DeskTimeZoneMiddleware:
    """Activates the editor's zone for desk requests (after AuthenticationMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def desk_prefix(self):
        return reverse("admin:index")

    def __call__(self, request):
        if not request.path.startswith(self.desk_prefix):
            return self.get_response(request)
        name, source = desk_time_zone(request)
        request.desk_time_zone = (name, source)
        timezone.activate(ZoneInfo(name))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


def time_zone_note(request):
    """What the desk says beside date and time fields: whose clock they follow, and the site's."""
    name, source = getattr(request, "desk_time_zone", (settings.TIME_ZONE, "site"))
    site_now = datetime.now(ZoneInfo(settings.TIME_ZONE))
    how = {"chosen": "your setting", "browser": "your browser's", "site": "the site's"}[source]
    return {
        "zone": name,
        "source": how,
        "site_zone": settings.TIME_ZONE,
        "site_now": site_now.strftime("%H:%M"),
        "same": name == settings.TIME_ZONE,
    }


def time_zone_description(request):
    """The Publication fieldset's line saying which clock its times follow."""
    note = time_zone_note(request)
    site = "" if note["same"] else format_html(" · site time: {} {}", note["site_zone"], note["site_now"])
    return format_html(
        '<p class="time-zone-note">Times below are in your time: <strong>{}</strong> ({}){} · '
        '<a href="{}?next={}">change</a></p>',
        note["zone"],
        note["source"],
        site,
        reverse("admin:desk_time_zone"),
        quote(request.get_full_path()),
    )


class TimeZoneForm(forms.Form):
    time_zone = forms.ChoiceField(
        required=False,
        label="Your time zone",
        help_text="Dates and times in the desk are typed and shown in this zone; stored times do not change.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [("", "Follow my browser"), *time_zone_choices()]


def time_zone_view(request, *, admin_site):
    profile = DeskProfile.objects.filter(user=request.user).first()
    form = TimeZoneForm(request.POST or None, initial={"time_zone": profile.time_zone if profile else ""})
    if request.method == "POST" and form.is_valid():
        DeskProfile.objects.update_or_create(
            user=request.user, defaults={"time_zone": form.cleaned_data["time_zone"]}
        )
        back = request.POST.get("next", "")
        safe = url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure())
        return redirect(back if safe else "admin:index")
    context = {
        **admin_site.each_context(request),
        "form": form,
        "title": "Your time zone",
        "note": time_zone_note(request),
        "next": request.GET.get("next", ""),
    }
    return TemplateResponse(request, "admin/desk_time_zone.html", context)


def time_zone_urls(admin_site):
    return [
        path(
            "time-zone/",
            admin_site.admin_view(lambda request: time_zone_view(request, admin_site=admin_site)),
            name="desk_time_zone",
        )
    ]
