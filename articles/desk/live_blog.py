"""The live desk: one page per live blog, to post entries fast and see them as readers will.

Pages on the story admin (like the flash form), open to whoever may change the story. The
page posts with fetch (static/articles/live_desk.js) and answers JSON, so an editor never
waits for a reload, and a refused entry stays in the editor with the reason beside it. The
rules (sanitising, the quote gate, photo credits, revisions) are the model's:
articles/models/live.py. Each post is its own INSERT and draws a new stamp for the story's
page without touching the story's row, so two editors posting at once both land, and an
editor with the story's form open meets no conflict.
"""

import copy
import json
import uuid

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from ..models import LiveEntry, Person, Quote
from ..models.live import entry_delete, entry_edit, entry_post

DESK_STREAM_SIZE = 50


class LiveEntryForm(forms.ModelForm):
    quote_text = forms.CharField(
        label="Quote",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="Optional: words someone said, exactly as the entry prints them.",
    )
    speaker = forms.ModelChoiceField(queryset=Person.objects.all(), required=False, label="Said by")
    verb = forms.CharField(initial="said", required=False, max_length=40, label="Verb")
    client_key = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    class Meta:
        model = LiveEntry
        fields = ["body", "headline", "photo", "is_pinned", "is_key_event"]
        widgets = {"headline": forms.TextInput(attrs={"size": 60})}

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        # The admin's own search-as-you-type boxes, as on the story form (its Photo and Person admins).
        for name, model in (("photo", LiveEntry), ("speaker", Quote)):
            field = self.fields[name]
            field.widget = AutocompleteSelect(model._meta.get_field(name), admin_site)
            field.widget.choices = field.choices
        self.fields["body"].label = "Entry"
        quote = getattr(self.instance, "quote", None) if self.instance.pk else None
        if quote is not None:
            self.initial.update(quote_text=quote.text, speaker=quote.speaker_id, verb=quote.verb)

    def changes(self):
        data = self.cleaned_data
        return {
            "body": data["body"],
            "headline": data.get("headline", ""),
            "photo": data.get("photo"),
            "is_pinned": data.get("is_pinned", False),
            "is_key_event": data.get("is_key_event", False),
            "quote_text": data.get("quote_text", ""),
            "speaker": data.get("speaker"),
            "verb": data.get("verb") or "said",
        }


def _article(model_admin, request, object_id):
    article = model_admin.get_object(request, object_id)
    if article is None:
        raise Http404("No story with this id.")
    if not model_admin.has_change_permission(request, article):
        raise PermissionDenied("Only those who may change this story may post to its live blog.")
    return article


def _stream(article):
    entries = list(article.live_entries.for_stream()[:DESK_STREAM_SIZE])
    for entry in entries:
        entry.article = article
        quote = entry.quote if hasattr(entry, "quote") else None
        # What the Edit button puts back in the form.
        entry.desk_json = json.dumps(
            {
                "id": entry.pk,
                "body": entry.body,
                "headline": entry.headline,
                "is_pinned": entry.is_pinned,
                "is_key_event": entry.is_key_event,
                "photo": [entry.photo_id, str(entry.photo)] if entry.photo_id else None,
                "quote_text": quote.text if quote else "",
                "speaker": [quote.speaker_id, quote.speaker.name] if quote else None,
                "verb": quote.verb if quote else "said",
            }
        )
    return entries


def _stream_html(request, article):
    return render_to_string(
        "admin/articles/article/_live_stream.html",
        {"article": article, "entries": _stream(article)},
        request=request,
    )


def _refused(form=None, exc=None):
    errors = {}
    if form is not None:
        errors = {name: [str(m) for m in messages] for name, messages in form.errors.items()}
    if exc is not None:
        for name, messages in (
            exc.message_dict.items() if hasattr(exc, "error_dict") else [("__all__", exc.messages)]
        ):
            errors.setdefault(name, []).extend(messages)
    return JsonResponse({"ok": False, "errors": errors}, status=400)


def live_desk_view(model_admin, request, object_id):
    article = _article(model_admin, request, object_id)
    form = LiveEntryForm(admin_site=model_admin.admin_site, initial={"client_key": uuid.uuid4().hex})
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"Live: {article.headline}",
        "article": article,
        "form": form,
        "entries": _stream(article),
        "opts": article._meta,
        "original": article,
    }
    return TemplateResponse(request, "admin/articles/article/live.html", context)


def live_post_view(model_admin, request, object_id):
    """A new entry, or (with `entry`) an edit of one: JSON with the stream as it now is."""
    article = _article(model_admin, request, object_id)
    if not article.is_live:
        return _refused(exc=ValidationError("Tick “Live blog” on the story's form before posting entries."))
    instance = None
    if request.POST.get("entry"):
        if not request.POST["entry"].isdigit():
            return _refused(exc=ValidationError("There is no such entry to edit."))
        instance = get_object_or_404(LiveEntry, pk=request.POST["entry"], article=article)
    # The form validates a copy: it writes its values onto its instance, and entry_edit must
    # compare them with the entry as it was to say whether the words changed.
    form = LiveEntryForm(request.POST, instance=copy.copy(instance), admin_site=model_admin.admin_site)
    if not form.is_valid():
        return _refused(form)
    try:
        if instance is None:
            entry = entry_post(
                article=article, by=request.user, client_key=form.cleaned_data["client_key"], **form.changes()
            )
        else:
            entry = entry_edit(instance, by=request.user, **form.changes())
    except ValidationError as exc:
        return _refused(exc=exc)
    return JsonResponse(
        {
            "ok": True,
            "entry": entry.pk,
            "stream": _stream_html(request, article),
            "client_key": uuid.uuid4().hex,
        }
    )


def live_delete_view(model_admin, request, object_id, entry_id):
    article = _article(model_admin, request, object_id)
    entry = get_object_or_404(LiveEntry, pk=entry_id, article=article)
    entry_delete(entry, by=request.user)
    return JsonResponse({"ok": True, "stream": _stream_html(request, article)})


def live_stream_view(model_admin, request, object_id):
    """The stream alone, which the desk page reloads to show what other editors post."""
    article = _article(model_admin, request, object_id)
    return JsonResponse({"stream": _stream_html(request, article)})


def live_urls(model_admin):
    view = model_admin.admin_site.admin_view

    def bound(func, post_only=False):
        def bound_view(request, **kwargs):
            return func(model_admin, request, **kwargs)

        return view(require_POST(bound_view) if post_only else bound_view)

    return [
        path("<path:object_id>/live/", bound(live_desk_view), name="articles_article_live"),
        path("<path:object_id>/live/post/", bound(live_post_view, True), name="articles_article_live_post"),
        path("<path:object_id>/live/stream/", bound(live_stream_view), name="articles_article_live_stream"),
        path(
            "<path:object_id>/live/<int:entry_id>/delete/",
            bound(live_delete_view, True),
            name="articles_article_live_delete",
        ),
    ]


def live_desk_url(article):
    return reverse("admin:articles_article_live", args=[article.pk])
