"""The front page at the desk: what readers see at the top of the home page now, pins that
wait unseen or for their time, and one-click buttons to pin, move and unpin.

It is the changelist of front-page pins, extended: the arrangement sits above Django's own
list of every pin (with its edit form, for times), so nothing here is a second admin. Each
button is a POST checked against the model admin's permissions and logged in the admin's
history; the rules (order, who leads, what readers may see) are the model's.
"""

from dataclasses import dataclass

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ..models import Article, FrontSlot
from ..models.front import LEAD, TOP_SLOTS
from .audit_log import AuditedDeleteMixin
from .display import thumbnail

# How many of the newest published stories the desk offers to pin in one click.
CANDIDATES = 8


@dataclass
class Row:
    """One line of the desk's view of the front."""

    story: Article
    pin: FrontSlot | None = None
    place: str = ""
    note: str = ""
    can_move_up: bool = False
    can_move_down: bool = False


def _why_not_shown(pin, shown_ids, seen):
    story = pin.article
    if not story.is_published:
        return f"not shown: the story is {story.state_label.lower()}"
    if story.pk in seen or story.pk in shown_ids:
        return "not shown: the story is pinned higher up"
    return f"not shown: the front has {TOP_SLOTS} top slots; move it up or unpin one above"


def arrangement(now=None):
    """(on the front now, pinned but not shown, starting later) as the desk lists them."""
    now = now or timezone.now()
    front = FrontSlot.objects.front(now)
    pins = list(FrontSlot.objects.in_effect(now).arranged().select_related("article__lead_photo"))
    order = [pin.pk for pin in pins]
    by_id = {pin.pk: pin for pin in pins}
    shown, shown_pins = [], set()
    places = [("Lead", front.lead)] if front.lead is not None else []
    places += [(f"Top slot {n}", story) for n, story in enumerate(front.slots, start=1)]
    for place, story in places:
        pin = by_id.get(story.pin_id)
        note = "" if pin else "automatic: the newest story with a photo, until a lead is pinned"
        if pin is not None:
            shown_pins.add(pin.pk)
        shown.append(Row(story, pin, place, note))
    for row in shown:
        if row.pin is not None:
            position = order.index(row.pin.pk)
            # The first pin may still move up while the lead is automatic: it becomes the lead.
            row.can_move_up = position > 0 or not front.lead_pinned
            row.can_move_down = position < len(order) - 1
    waiting, seen = [], set()
    for pin in pins:
        if pin.pk in shown_pins:
            seen.add(pin.article_id)
            continue
        position = order.index(pin.pk)
        waiting.append(
            Row(
                pin.article,
                pin,
                pin.place,
                _why_not_shown(pin, front.shown_ids, seen),
                can_move_up=position > 0,
                can_move_down=position < len(order) - 1,
            )
        )
        seen.add(pin.article_id)
    later = [
        Row(pin.article, pin, pin.place)
        for pin in FrontSlot.objects.upcoming(now).select_related("article__lead_photo")[:20]
    ]
    return shown, waiting, later


def candidates(exclude):
    """The newest published stories not on the front: what an editor most often pins."""
    stories = Article.objects.published().for_listing().exclude(pk__in=exclude)
    return list(stories[:CANDIDATES])


@admin.register(FrontSlot)
class FrontSlotAdmin(AuditedDeleteMixin, admin.ModelAdmin):
    list_display = ["place_column", "story_column", "starts_at", "ends_at", "state_column"]
    list_display_links = ["story_column"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]
    fields = ["article", "position", "starts_at", "ends_at"]
    change_list_template = "admin/articles/frontslot/change_list.html"

    class Media:
        css = {"all": ["articles/front_desk.css"]}

    @admin.display(description="Place", ordering="position")
    def place_column(self, pin):
        return pin.place

    @admin.display(description="Story", ordering="article__headline")
    def story_column(self, pin):
        return pin.article.headline

    @admin.display(description="State")
    def state_column(self, pin):
        now = timezone.now()
        if pin.starts_at > now:
            return "starts later"
        if pin.ends_at is not None and pin.ends_at <= now:
            return "lapsed"
        return (
            "in effect" if pin.article.is_published else f"in effect, story {pin.article.state_label.lower()}"
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def changelist_view(self, request, extra_context=None):
        shown, waiting, later = arrangement()
        on_front = [row.story.pk for row in shown]
        context = {
            "title": "Arrange the front page",
            "front_rows": shown,
            "waiting_rows": waiting,
            "later_rows": later,
            "candidates": candidates(on_front) if self.has_add_permission(request) else [],
            "top_slots": TOP_SLOTS,
            "has_change_permission": self.has_change_permission(request),
            "has_delete_permission": self.has_delete_permission(request),
            **(extra_context or {}),
        }
        for row in [*shown, *waiting, *later, *context["candidates"]]:
            story = getattr(row, "story", row)
            story.desk_thumbnail = thumbnail(story.lead_photo, width=72, kind="card")
        return super().changelist_view(request, context)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("pin/", view(require_POST(self.pin_view)), name="articles_frontslot_pin"),
            path(
                "<int:pk>/move/<str:direction>/",
                view(require_POST(self.move_view)),
                name="articles_frontslot_move",
            ),
            path("<int:pk>/unpin/", view(require_POST(self.unpin_view)), name="articles_frontslot_unpin"),
            *super().get_urls(),
        ]

    def _back(self):
        return redirect(reverse("admin:articles_frontslot_changelist"))

    def pin_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        try:
            story = Article.objects.get(pk=int(request.POST.get("article", "")))
            position = int(request.POST.get("position", ""))
        except (Article.DoesNotExist, ValueError):
            messages.error(request, "That story could not be found; nothing was pinned.")
            return self._back()
        if position not in (LEAD, LEAD + 1):
            messages.error(
                request,
                "Pin a story as the lead or to the top slot; use “Add front-page pin” for other places.",
            )
            return self._back()
        pin = FrontSlot(article=story, position=position, created_by=request.user)
        try:
            pin.full_clean()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self._back()
        with transaction.atomic():
            pin.save()
            self.log_addition(request, pin, [{"added": {}}])
        messages.success(request, f"“{story.headline}” is now {pin.place.lower()} on the front page.")
        return self._back()

    def move_view(self, request, pk, direction):
        pin = get_object_or_404(FrontSlot.objects.select_related("article"), pk=pk)
        if not self.has_change_permission(request, pin):
            raise PermissionDenied
        offsets = {"up": -1, "down": 1}
        if direction not in offsets:
            messages.error(request, "A pin moves up or down.")
            return self._back()
        try:
            moved = pin.move(offsets[direction])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self._back()
        if moved:
            pin.refresh_from_db()
            self.log_change(request, pin, f"Moved {direction} to {pin.place.lower()}.")
            messages.success(request, f"“{pin.article.headline}” moved {direction}: now {pin.place.lower()}.")
        else:
            messages.info(request, f"“{pin.article.headline}” cannot move further {direction}.")
        return self._back()

    def unpin_view(self, request, pk):
        pin = get_object_or_404(FrontSlot.objects.select_related("article"), pk=pk)
        if not self.has_delete_permission(request, pin):
            raise PermissionDenied
        headline = pin.article.headline
        with transaction.atomic():
            self.log_deletions(request, [pin])
            self.delete_model(request, pin)
        messages.success(request, f"“{headline}” is unpinned; it stays in the list by its time.")
        return self._back()
