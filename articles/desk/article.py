from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from reversion.admin import VersionAdmin
from reversion.models import Version

from ..models import Article, Correction, Note
from ..models.transitions import allowed_transitions
from ..public.preview import preview_url
from .article_inlines import BylineInline, CorrectionInline, NoteInline, QuoteInline
from .audit_log import AuditedDeleteMixin
from .autosave import AutosaveMixin
from .display import thumbnail
from .embargo import EmbargoFilter, embargo_marker
from .flash import corrected, flash_urls, written_through
from .forms import ArticleAdminForm
from .live_blog import live_urls
from .live_suggestions import live_suggestion_urls
from .restore import RestoreAdminMixin
from .revisions import compare, ensure_baseline, versions_of
from .suggestions import suggestion_urls
from .time_zones import time_zone_description
from .translations import translation_urls, translations_context, versions_cell, with_versions
from .wire_import import wire_import_urls
from .workflow import WorkflowButtonsMixin, restoring, sent_back_notice

S = Article.Status


@admin.register(Article)
class ArticleAdmin(AutosaveMixin, WorkflowButtonsMixin, RestoreAdminMixin, AuditedDeleteMixin, VersionAdmin):
    form = ArticleAdminForm
    list_display = [
        "headline",
        "lead_thumbnail",
        "section",
        "urgency_column",
        "versions_column",
        "state",
        "published_at",
        "author",
        "updated_at",
    ]
    list_display_links = ["headline"]
    list_filter = [
        "status",
        EmbargoFilter,
        "urgency",
        "is_live",
        "language",
        "section",
        ("published_at", admin.DateFieldListFilter),
        "topics",
    ]
    list_select_related = ["lead_photo", "section", "author"]
    search_fields = ["headline", "standfirst", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "lead_photo", "people", "about"]
    readonly_fields = ["state", "author", "created_at", "updated_at"]
    inlines = [BylineInline, QuoteInline, CorrectionInline, NoteInline]
    actions = ["publish_selected", "unpublish_selected"]
    history_latest_first = True
    object_history_template = "admin/articles/article/object_history.html"
    # Extends reversion's list (keeps "Recover deleted") with the quote report and wire import.
    change_list_template = "admin/articles/article/change_list.html"
    fieldsets = [
        (
            None,
            {"fields": [("section", "urgency", "language"), "headline", "slug", "standfirst", "lead_photo"]},
        ),
        ("Dateline", {"fields": [("dateline_place", "dateline_date", "agency")]}),
        (None, {"fields": ["body"]}),
        ("People and topics", {"fields": ["people", "about", "topics"]}),
        # Entries are posted from the story's live desk page (articles/desk/live_blog.py).
        ("Live blog", {"fields": [("is_live", "coverage_start", "coverage_end")]}),
        (
            "Publication",
            {
                "fields": [
                    ("state", "author"),
                    ("published_at", "expires_at"),
                    "embargo_until",
                    ("created_at", "updated_at"),
                    "expected_version",
                    "base_revision",
                ]
            },
        ),
    ]

    class Media:
        css = {"all": ["articles/admin.css"]}
        # Each aid in its own file: the form's guard and counts, curly quotes in the plain
        # boxes, the schedule-aware Publish button, quote suggestions from unsaved text,
        # autosave of the whole form.
        js = [
            "articles/story_form.js",
            "articles/typography.js",
            "articles/schedule_button.js",
            "articles/quote_suggest.js",
            "articles/desk_a11y.js",
            "articles/autosave_form.js",
            # Slugs from Cyrillic headlines as the server writes them (ICAO), after urlify.js.
            "articles/urlify_icao.js",
        ]

    # Who may do what: reporters edit only their own drafts; transitions are checked
    # again by the model, so a forged POST is refused too.

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.can_be_edited_by(request.user))

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.publish_article")

    # Columns and read-only fields.

    @admin.display(description="Photo")
    def lead_thumbnail(self, article):
        return thumbnail(article.lead_photo, width=72)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if match is not None and match.url_name == "articles_article_changelist":
            queryset = with_versions(queryset)
        return queryset

    @admin.display(description="Languages", ordering="language")
    def versions_column(self, article):
        return versions_cell(article)

    @admin.display(description="Urgency", ordering="urgency")
    def urgency_column(self, article):
        return article.urgency_word or article.urgency

    @admin.display(description="Status", ordering="status")
    def state(self, article):
        return embargo_marker(article) or article.state_label

    # Saving: author, old addresses, and the workflow buttons.

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        old_slug = form.initial.get("slug") if change else None
        if change and (form.cleaned_data.get("mark_updated") or written_through(form)):
            obj.mark_revised()
        # "Save and publish" is one save: the transition saves the edited story itself, after
        # its quotes (save_related). A new story needs its row first, for its quotes to point at.
        if not (change and self._requested_transition(request)):
            super().save_model(request, obj, form, change)
        if old_slug and old_slug != obj.slug:
            obj.keep_old_address(old_slug)
        self.drop_unsaved_copy(request, obj, change)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, Correction) and not instance.created_by_id:
                instance.created_by = request.user
            if isinstance(instance, Correction) and instance.pk is None:
                corrected(form.instance)
            if isinstance(instance, Note) and not instance.author_id:
                instance.author = request.user
            instance.save()
        for deleted in formset.deleted_objects:
            deleted.delete()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Transitions come last, so publishing checks the story with its quotes saved.
        method = self._requested_transition(request)
        if method and not self._transition(request, form.instance, method) and change:
            form.instance.save()  # the status change was refused; the edit itself is kept

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "description": time_zone_description(request)})
            if name == "Publication"
            else (name, options)
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is None or self.has_change_permission(request, obj):
            if obj is not None and obj.published_at and obj.status == Article.Status.PUBLISHED:
                fieldsets = [
                    (name, {**options, "fields": [*options["fields"], "mark_updated"]})
                    if name == "Publication"
                    else (name, options)
                    for name, options in fieldsets
                ]
            return fieldsets
        # Read-only (a reporter's story in review): the body as readers will see it, not its HTML.
        return [
            (name, {**options, "fields": ["rendered_body" if f == "body" else f for f in options["fields"]]})
            for name, options in fieldsets
        ]

    @admin.display(description="Body")
    def rendered_body(self, article):
        # Sanitised on every save (models/sanitize.py), so it is safe to show as it is.
        return format_html('<div class="rendered-body">{}</div>', mark_safe(article.body))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if (
            restoring(request)
            or getattr(request, "recovering", False)
            or not self.has_publish_permission(request)
        ):
            # The times are the workflow's: kept as they are by a restore, and set only by
            # those who publish (a reporter's time would schedule or back-date the story).
            fields += ["published_at", "expires_at", "embargo_until"]
        return fields

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id and restoring(request):
            # reversion has just written the old revision back; only its content stays.
            restoring(request).keep()
        if object_id and getattr(request, "recovering", False):
            Article.objects.filter(pk=unquote(object_id)).update(**Article.RECOVERED_AS_DRAFT)
        if object_id:
            article = self.get_object(request, object_id)
            if article is not None and not restoring(request):
                if request.method == "GET":
                    ensure_baseline(article)
                extra_context["transitions"] = [t.value for t in allowed_transitions(article, request.user)]
                extra_context["status_changes"] = article.status_changes.select_related("by")[:10]
                extra_context["sent_back"] = sent_back_notice(article)
                extra_context["withdraw_only"] = not self.has_publish_permission(request)
                if S.PUBLISHED in allowed_transitions(article, request.user):
                    extra_context["preset_times"] = article.preset_times()
                if not article.is_published and article.status != S.RETRACTED:
                    extra_context["preview_link"] = request.build_absolute_uri(preview_url(article))
                extra_context.update(self.autosave_context(request, article))
                extra_context.update(translations_context(article))
        else:
            # A new story is a draft of the user's own: the same rules say which buttons it gets.
            draft = Article(author=request.user)
            extra_context["transitions"] = [t.value for t in allowed_transitions(draft, request.user)]
            extra_context.update(self.autosave_context(request, None))
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        context["conflict"], context["merged"] = getattr(form, "conflict", []), getattr(form, "merged", [])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_view(self, request, object_id, extra_context=None):
        """Every revision, newest first, with the ids the compare form needs."""
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        action_list = [
            {
                "revision": version.revision,
                "version_id": version.pk,
                "url": reverse("admin:articles_article_revision", args=[article.pk, version.pk]),
            }
            for version in versions_of(article)
        ]
        context = {"action_list": action_list, **(extra_context or {})}
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def recover_view(self, request, version_id, extra_context=None):
        """Recover a deleted story: it comes back as a draft with no publication or expiry time
        and no retraction, whatever its last revision held. Going public again is a transition,
        checked like any other; reversion alone would have republished it as it was."""
        request.recovering = True
        return super().recover_view(request, version_id, extra_context)

    # Bulk actions on the story list.

    @admin.action(description="Publish selected stories", permissions=["publish"])
    def publish_selected(self, request, queryset):
        published = 0
        for article in queryset:
            if article.preset_times():
                self.message_user(
                    request,
                    f"“{article}” was not published: it already has a publication or unpublish time. "
                    "Open it to publish now or keep that schedule.",
                    messages.WARNING,
                )
                continue
            published += self._transition(request, article, "publish")
        if published:
            self.message_user(request, f"Published {published} stor{'y' if published == 1 else 'ies'}.")

    @admin.action(description="Unpublish selected stories", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        for article in queryset:
            self._transition(request, article, "unpublish")

    # Extra pages: retraction and revision comparison.

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            *suggestion_urls(self),
            *live_suggestion_urls(self),
            *wire_import_urls(self),
            *self.autosave_urls(),
            *flash_urls(self),
            *live_urls(self),
            *translation_urls(self),
            path("<path:object_id>/retract/", view(self.retract_view), name="articles_article_retract"),
            path("<path:object_id>/withdraw/", view(self.withdraw_view), name="articles_article_withdraw"),
            path(
                "<path:object_id>/preview/revoke/",
                view(self.revoke_preview_view),
                name="articles_article_revoke_preview",
            ),
            path(
                "<path:object_id>/history/compare/", view(self.compare_view), name="articles_article_compare"
            ),
            *super().get_urls(),
        ]

    def retract_view(self, request, object_id):
        article = self.story_or_404(request, object_id)
        if not request.user.has_perm("articles.retract_article"):
            raise PermissionDenied
        form = RetractForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                article.retract(reason=form.cleaned_data["reason"], by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(request, f"“{article}” is retracted; its page now shows the notice.")
                return redirect("admin:articles_article_change", article.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "form": form,
            "title": f"Retract “{article}”",
        }
        return TemplateResponse(request, "admin/articles/article/retract.html", context)

    def revoke_preview_view(self, request, object_id):
        """Kill every preview link shared so far; the desk shows a fresh one."""
        article = self.story_or_404(request, object_id)
        if request.method != "POST":
            return redirect("admin:articles_article_change", article.pk)
        if not article.can_be_edited_by(request.user):
            raise PermissionDenied
        article.revoke_preview_links()
        self.message_user(request, f"Preview links to “{article}” shared so far no longer work.")
        return redirect("admin:articles_article_change", article.pk)

    def compare_view(self, request, object_id):
        article = self.story_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        versions = versions_of(article)
        try:
            old = versions.get(pk=int(request.GET.get("from", "")))
            new = versions.get(pk=int(request.GET.get("to", "")))
        except (ValueError, Version.DoesNotExist):
            self.message_user(request, "Choose two revisions of this story to compare.", messages.WARNING)
            return redirect("admin:articles_article_history", article.pk)
        if old.pk > new.pk:
            old, new = new, old
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "old": old,
            "new": new,
            "changes": compare(old, new),
            "title": f"Changes to “{article}”",
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)


class RetractForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="Readers see this instead of the story. Say what was wrong.",
    )
