from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone

from ..forms import ArticleAdminForm
from ..models import Article, Quote
from .display import thumbnail


class QuoteInline(admin.TabularInline):
    model = Quote
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["text", "speaker", "verb", "context", "order", "is_pull_quote"]
    formfield_overrides = {
        # Quotes run to a sentence or two; a short textarea shows them whole.
        Quote._meta.get_field("text").__class__: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 50})},
    }


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["headline", "lead_thumbnail", "section", "state", "published_at", "updated_at"]
    list_display_links = ["headline"]
    list_filter = ["status", "section", ("published_at", admin.DateFieldListFilter), "topics"]
    list_select_related = ["lead_photo", "section"]
    search_fields = ["headline", "standfirst", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "lead_photo", "people"]
    readonly_fields = ["status", "created_at", "updated_at"]
    inlines = [QuoteInline]
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["section", "headline", "slug", "standfirst", "lead_photo"]}),
        ("Dateline", {"fields": [("dateline_place", "agency")]}),
        (None, {"fields": ["body"]}),
        ("People and topics", {"fields": ["people", "topics"]}),
        ("Publication", {"fields": ["status", "published_at", ("created_at", "updated_at")]}),
    ]

    class Media:
        css = {"all": ["articles/admin.css"]}

    @admin.display(description="Photo")
    def lead_thumbnail(self, article):
        return thumbnail(article.lead_photo, width=72)

    @admin.display(description="Status", ordering="status")
    def state(self, article):
        if article.status == Article.Status.PUBLISHED and article.published_at > timezone.now():
            return "Scheduled"
        return article.get_status_display()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "_publish" in request.POST:
            self._publish(request, obj)
        elif "_unpublish" in request.POST:
            obj.unpublish(by=request.user)
            self.message_user(request, f"“{obj}” is unpublished and back in drafts.", messages.WARNING)

    def _publish(self, request, article):
        try:
            article.publish(by=request.user)
        except ValidationError as error:
            # The edit itself is saved; only the publication is refused.
            self.message_user(
                request,
                f"“{article}” was saved as a draft but not published: {' '.join(error.messages)}",
                messages.ERROR,
            )
            return False
        return True

    @admin.action(description="Publish selected stories", permissions=["change"])
    def publish_selected(self, request, queryset):
        published = sum(self._publish(request, article) for article in queryset)
        if published:
            self.message_user(request, f"Published {published} stor{'y' if published == 1 else 'ies'}.")

    @admin.action(description="Unpublish selected stories", permissions=["change"])
    def unpublish_selected(self, request, queryset):
        for article in queryset:
            article.unpublish(by=request.user)
        self.message_user(request, f"Unpublished {len(queryset)} stories.", messages.WARNING)
