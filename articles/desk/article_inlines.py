"""The story form's inlines: quotes, byline, corrections and internal notes."""

from django import forms
from django.contrib import admin

from ..models import Byline, Correction, Note, Quote
from .workflow import restoring


class QuoteInline(admin.StackedInline):
    """The story's quotes, one block each: a table of seven columns ran to 1,800 px and put
    Pull quote and Delete off a laptop's screen; a block fits any width, phones included."""

    model = Quote
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["text", ("speaker", "verb"), ("context", "order", "is_pull_quote")]
    formfield_overrides = {
        # Quotes run to a sentence or two; a short textarea shows them whole.
        Quote._meta.get_field("text").__class__: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})},
    }

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "is_pull_quote":
            # Said here rather than on the model, whose help text would need a migration.
            field.help_text = "Shown large between two paragraphs of the story, away from where it is said."
        return field

    def get_queryset(self, request):
        # A live entry's quote is edited with its entry, on the live desk.
        return super().get_queryset(request).filter(entry__isnull=True)


class BylineInline(admin.StackedInline):
    """Who the story is by, in order; an author is a profile (Authors in the desk menu)."""

    model = Byline
    extra = 0
    autocomplete_fields = ["author"]
    fields = [("author", "order")]
    verbose_name = "author in the byline"
    verbose_name_plural = "byline (shown to readers; empty: the agency, or the publication for our own copy)"


class CorrectionInline(admin.StackedInline):
    """Corrections and updates; readers see them, dated, at the end of the story."""

    model = Correction
    extra = 0
    fields = ["kind", "text", "created_at", "created_by"]
    readonly_fields = ["created_at", "created_by"]

    # On the restore screen they are shown as they are now and cannot be touched: readers have
    # seen them, and a restore keeps them whatever the revision held (desk/restore.py).
    def has_add_permission(self, request, obj=None):
        return not restoring(request) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not restoring(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not restoring(request) and super().has_delete_permission(request, obj)


class NoteInline(admin.StackedInline):
    """Internal notes between staff; never shown to readers. Stacked like the others: the
    tabular inline's header has an empty first cell, which screen readers announce as nothing."""

    model = Note
    extra = 0
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    verbose_name_plural = "internal notes (never shown to readers)"
