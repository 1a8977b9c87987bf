from django.contrib import admin

from ..models import Photo
from .display import thumbnail


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["list_thumbnail", "caption_excerpt", "credit", "alt_text", "dimensions", "created_at"]
    list_display_links = ["list_thumbnail", "caption_excerpt"]
    search_fields = ["caption", "credit", "alt_text", "copyright"]
    date_hierarchy = "created_at"
    readonly_fields = ["preview", "dimensions"]
    fields = ["image", "preview", "dimensions", "caption", "credit", "alt_text", "copyright"]

    @admin.display(description="Photo")
    def list_thumbnail(self, photo):
        return thumbnail(photo)

    @admin.display(description="Preview")
    def preview(self, photo):
        return thumbnail(photo, width=480)

    @admin.display(description="Caption", ordering="caption")
    def caption_excerpt(self, photo):
        return photo.caption if len(photo.caption) <= 80 else f"{photo.caption[:77]}…"

    @admin.display(description="Size")
    def dimensions(self, photo):
        return f"{photo.width} × {photo.height}" if photo.width else "—"
