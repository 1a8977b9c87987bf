"""The desk's author profiles: staff with a login, and contributors without one."""

from django.contrib import admin

from ..models import Author
from .audit_log import AuditedDeleteMixin
from .display import thumbnail


@admin.register(Author)
class AuthorAdmin(AuditedDeleteMixin, admin.ModelAdmin):
    """A profile is public once a published story's byline carries it (Author.on_record);
    until then only the desk sees it. Wire import makes contributors' profiles by itself."""

    list_display = ["name", "portrait_thumbnail", "role", "organisation", "user", "updated_at"]
    list_filter = [("user", admin.EmptyFieldListFilter)]
    list_select_related = ["portrait", "user"]
    search_fields = ["name", "role", "organisation", "user__username"]
    prepopulated_fields = {"slug": ["name"]}

    class Media:
        # Cyrillic names give the slugs the server would (articles/models/slugs.py).
        js = ["articles/urlify_icao.js"]

    autocomplete_fields = ["portrait"]
    fieldsets = [
        (None, {"fields": ["name", "slug", ("role", "organisation"), "bio", "portrait"]}),
        ("Contact and links (public)", {"fields": ["email", "links"]}),
        ("Desk login", {"fields": ["user"], "description": "Empty for a contributor without a login."}),
    ]

    @admin.display(description="Portrait")
    def portrait_thumbnail(self, author):
        return thumbnail(author.portrait, width=48)
