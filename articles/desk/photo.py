from django.contrib import admin
from django.db.models import Count
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from ..images.renditions import photo_create_renditions
from ..models import Photo
from ..models.rendition import Rendition, rendition_url
from .audit_log import AuditedDeleteMixin
from .display import thumbnail
from .forms import PhotoAdminForm
from .local_texts import local_fields, local_texts_form
from .media import desk_pending_file, desk_photo_file


class UsageListFilter(admin.SimpleListFilter):
    title = "use"
    parameter_name = "use"

    def lookups(self, request, model_admin):
        return [("used", "In use"), ("unused", "Unused")]

    def queryset(self, request, queryset):
        if self.value() == "used":
            return queryset.in_use()
        if self.value() == "unused":
            return queryset.unused()
        return queryset


@admin.register(Photo)
class PhotoAdmin(AuditedDeleteMixin, admin.ModelAdmin):
    """The photo desk: find a picture by what it shows, who took it or who is in it, and see where it runs."""

    form = local_texts_form(
        PhotoAdminForm,
        [("captions", "caption", "Caption", True), ("alt_texts", "alt_text", "Alt text", False)],
    )
    list_display = [
        "list_thumbnail",
        "caption_excerpt",
        "credit",
        "usage_summary",
        "dimensions",
        "created_at",
    ]
    list_display_links = ["list_thumbnail", "caption_excerpt"]
    list_filter = [UsageListFilter, ("created_at", admin.DateFieldListFilter)]
    # People: whose portrait it is, and who is mentioned in the stories it leads.
    search_fields = [
        "caption",
        "credit",
        "alt_text",
        "copyright",
        "portrait_of__name",
        "lead_of__people__name",
    ]
    date_hierarchy = "created_at"
    readonly_fields = ["preview", "dimensions", "card_preview", "usage", "rendition_list"]
    fieldsets = [
        (None, {"fields": ["image", "preview", "dimensions"]}),
        (
            "Description and credit",
            {
                "fields": [
                    "caption",
                    *local_fields("caption"),
                    "credit",
                    "alt_text",
                    *local_fields("alt_text"),
                    "copyright",
                ],
                "description": "Caption, credit and copyright left empty are filled from the uploaded "
                "file’s IPTC/XMP/EXIF fields when it has them, and shown to you before the photo is "
                "saved. Alt text is always yours to write.",
            },
        ),
        (
            "Crop for story cards",
            {
                "fields": [("focal_x", "focal_y"), "card_preview"],
                "description": "Click the preview above on what must stay in the picture when it is "
                "cropped to 3:2, or type the point (0–1 across, 0–1 down). Empty means the centre.",
            },
        ),
        ("Where it is used", {"fields": ["usage"]}),
        ("Renditions", {"fields": ["rendition_list"], "classes": ["collapse"]}),
    ]

    class Media:
        css = {"all": ["articles/photo_admin.css"]}
        js = ["articles/photo_focal.js"]

    def get_queryset(self, request):
        counts = {
            "story_count": Count("lead_of", distinct=True),
            "portrait_count": Count("portrait_of", distinct=True),
        }
        # Grouping for the counts drops Meta.ordering; pagination and autocomplete need an order.
        return super().get_queryset(request).annotate(**counts).order_by(*Photo._meta.ordering)

    # Who may do what (docs/workflow.md, "Roles"): reporters and editors add photos,
    # reporters from their story's lead-photo "+"; changing a stored photo (its credit
    # above all) and deleting one need the photo editor's change_photo / delete_photo.
    # Reporters get no change rights at all, not even on their own uploads: a credit is
    # fixed on upload, and a wrong one is the photo desk's to correct.

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # Kept uploads are tied to the user who made them.
        return type(form.__name__, (form,), {"uploader_id": request.user.pk})

    def get_urls(self):
        def view(request, name):
            return desk_photo_file(request, name, self)

        def pending(request, token):
            return desk_pending_file(request, token, self)

        files = path("file/<path:name>", self.admin_site.admin_view(view), name="articles_photo_file")
        kept = path("kept/<str:token>/", self.admin_site.admin_view(pending), name="articles_photo_pending")
        return [files, kept, *super().get_urls()]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        form.discard_kept()
        # Made here, once per size, so no reader's request ever waits for Pillow.
        photo_create_renditions(photo=obj, replace=change and "image" in form.changed_data)

    @admin.display(description="Photo")
    def list_thumbnail(self, photo):
        return thumbnail(photo)

    @admin.display(description="Preview")
    def preview(self, photo):
        if not photo.pk:
            return "Shown once the photo is saved."
        return format_html('<span class="focal-picker">{}</span>', thumbnail(photo, width=480))

    @admin.display(description="Card crop")
    def card_preview(self, photo):
        if not photo.pk:
            return "—"
        return thumbnail(photo, width=180, kind=Rendition.Kind.CARD)

    @admin.display(description="Caption", ordering="caption")
    def caption_excerpt(self, photo):
        return photo.caption if len(photo.caption) <= 80 else f"{photo.caption[:77]}…"

    @admin.display(description="Size")
    def dimensions(self, photo):
        return f"{photo.width} × {photo.height}" if photo.width else "—"

    @admin.display(description="Used in")
    def usage_summary(self, photo):
        parts = []
        if photo.story_count:
            parts.append(f"{photo.story_count} stor{'y' if photo.story_count == 1 else 'ies'}")
        if photo.portrait_count:
            parts.append(f"{photo.portrait_count} portrait{'' if photo.portrait_count == 1 else 's'}")
        return ", ".join(parts) or "Unused"

    @admin.display(description="Used in")
    def usage(self, photo):
        if not photo.pk:
            return "—"
        stories = format_html_join(
            "",
            '<li>Lead photo of <a href="{}">{}</a> ({})</li>',
            (
                (
                    reverse("admin:articles_article_change", args=[story.pk]),
                    story.headline,
                    story.get_status_display(),
                )
                for story in photo.lead_of.order_by("-published_at", "-id")
            ),
        )
        people = format_html_join(
            "",
            '<li>Portrait of <a href="{}">{}</a></li>',
            (
                (reverse("admin:articles_person_change", args=[person.pk]), person.name)
                for person in photo.portrait_of.order_by("name")
            ),
        )
        if not (stories or people):
            return "Nowhere yet: no story leads with it and it is nobody’s portrait."
        return format_html('<ul class="photo-usage">{}{}</ul>', stories, people)

    @admin.display(description="Stored renditions")
    def rendition_list(self, photo):
        entries = sorted(
            photo.rendition_index, key=lambda entry: (entry["kind"], entry["format"], entry["width"])
        )
        if not entries:
            return "None yet: they are made when the photo is saved."
        rows = format_html_join(
            "",
            '<li><a href="{}">{}</a> {} × {}, {}</li>',
            (
                (
                    rendition_url(entry),
                    entry["spec"],
                    entry["width"],
                    entry["height"],
                    filesizeformat(entry["size"]),
                )
                for entry in entries
            ),
        )
        total = filesizeformat(sum(entry["size"] for entry in entries))
        return format_html(
            '<p>{} files, {} in all.</p><ul class="photo-renditions">{}</ul>', len(entries), total, rows
        )
