"""Autosave of the story form: the endpoint the form posts to, and the admin's part in it.

The browser (`static/articles/autosave.js`, `autosave_form.js`) posts the whole form as JSON a
moment after typing stops and when the page is hidden. It lands in the editor's own UnsavedCopy
of the story, never in the story: no revision, no lock version bumped, nothing another editor
sees. Opening the story again offers it back (`unsaved.banner`); saving the story for real
deletes it.

The endpoint answers JSON in every case, a refusal included, so the browser can tell "signed
out" (keep the text locally, say so) from "not yours" or "too large", and never gets a 500.
"""

import json
import re

from django.conf import settings
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from ..models import Article, UnsavedCopy
from .revisions import versions_of
from .unsaved import at_label, banner

KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_FIELDS = 5000
# Keys of new stories saved in this session: a late autosave of their add form must not bring
# a copy back after the story was saved.
SAVED_KEYS = "autosave_saved_keys"
ACTIONS = {"save", "push", "discard"}


class Refused(Exception):
    def __init__(self, status, message, **extra):
        super().__init__(message)
        self.response = JsonResponse({"error": message, **extra}, status=status)


def _payload(request):
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    limit = settings.AUTOSAVE_MAX_BYTES
    too_large = Refused(
        413,
        f"This autosave is larger than the {limit // 1024} KB the server keeps; "
        "your text is kept in this browser until you save the story.",
        too_large=True,
    )
    if length > limit:
        raise too_large
    raw = request.body
    if len(raw) > limit:
        raise too_large
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise Refused(400, f"The autosave was not valid JSON ({error.__class__.__name__}).") from None
    if not isinstance(payload, dict):
        raise Refused(400, "The autosave must be a JSON object.")
    if payload.get("action", "save") not in ACTIONS:
        raise Refused(400, f"Unknown action: use one of {', '.join(sorted(ACTIONS))}.")
    return payload


def _form_data(payload):
    data = payload.get("data")
    if not isinstance(data, dict):
        raise Refused(400, "The autosave needs “data”: an object of field name → value or list of values.")
    if len(data) > MAX_FIELDS:
        raise Refused(400, f"The autosave has more than {MAX_FIELDS} fields.")
    cleaned = {}
    for name, value in data.items():
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) for v in values):
            raise Refused(400, f"The value of “{_text(name)[:80]}” must be text or a list of texts.")
        texts = [_text(v) for v in values]
        cleaned[_text(name)] = texts if isinstance(value, list) else texts[0]
    return cleaned


def _text(value):
    """`value` as the database can store it: PostgreSQL refuses NUL in JSON text, and a lone
    surrogate (valid JSON, "\\ud800") is no UTF-8 at all."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Refused(400, "The autosave holds text that is not valid Unicode (a lone surrogate).") from None
    return value.replace("\x00", "")


def _number(payload, name):
    value = payload.get(name)
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdigit():
        raise Refused(400, f"“{name}” must be a whole number.")
    return min(int(value), 2**31 - 1)


def _target(model_admin, request, payload):
    """(story or None, key): the copy the request is about, if the user may change that story."""
    story = payload.get("story")
    if story not in (None, ""):
        pk = _number(payload, "story")
        article = Article.objects.filter(pk=pk).first()
        if article is None:
            raise Refused(404, "No story with this id.")
        if not model_admin.has_change_permission(request, article):
            raise Refused(403, "You cannot change this story, so nothing is kept for it.", forbidden=True)
        return article, ""
    key = payload.get("key")
    if not isinstance(key, str) or not KEY.match(key):
        raise Refused(400, "A new story's autosave needs a “key” of 1–64 letters, digits, - or _.")
    if not model_admin.has_add_permission(request):
        raise Refused(403, "You cannot write stories, so nothing is kept.", forbidden=True)
    return None, key


def _obsolete(request, article, key, expected_version, base_revision):
    """True for an autosave from a form this user has saved since: the save won. (The story
    moved past the form's version, and a revision after the form's newest is theirs; the
    baseline revision a first opening records changes no version.)"""
    if article is None:
        return key in request.session.get(SAVED_KEYS, [])
    if expected_version is None or article.version == expected_version:
        return False
    return versions_of(article).filter(pk__gt=base_revision or 0, revision__user=request.user).exists()


def autosave(model_admin, request):
    """POST {action, story | key, data, expected_version, base_revision}: keep, or discard,
    the user's unsaved copy of one story."""
    if request.method != "POST":
        return JsonResponse({"error": "Autosave accepts POST only."}, status=405)
    user = request.user
    if not (user.is_active and user.is_staff):
        return JsonResponse(
            {"error": "Not saved to the server: you are signed out.", "signed_out": True}, status=403
        )
    try:
        payload = _payload(request)
        article, key = _target(model_admin, request, payload)
        copies = UnsavedCopy.objects.of(user, article, key)
        if payload.get("action") == "discard":
            copies.delete()
            return JsonResponse({"discarded": True})
        data = _form_data(payload)
        base_revision = _number(payload, "base_revision")
        expected_version = _number(payload, "expected_version")
        if _obsolete(request, article, key, expected_version, base_revision):
            return JsonResponse({"saved": False, "obsolete": True})
        copy, _ = UnsavedCopy.objects.update_or_create(
            user=user,
            article=article,
            key=key,
            defaults={
                "data": data,
                "saved_against_version": expected_version,
                "base_revision": base_revision,
            },
        )
    except Refused as refused:
        return refused.response
    answer = {"saved": True, "at": copy.updated_at.isoformat(), "at_label": at_label(copy.updated_at)}
    if payload.get("action") == "push":
        # Text kept in the browser while signed out: the form that pushed it offers it back now.
        context = banner(copy)
        answer["banner"] = render_to_string(
            "admin/articles/article/_unsaved_copy.html", {"unsaved": context}, request=request
        )
    return JsonResponse(answer)


class AutosaveMixin:
    """The story admin's side of autosave: its URL, the banner, and a real save's clean-up."""

    def autosave_urls(self):
        # Not admin_view: a signed-out browser must get JSON saying so, not the login page.
        view = never_cache(csrf_protect(lambda request: autosave(self, request)))
        return [path("autosave/", view, name="articles_article_autosave")]

    def autosave_context(self, request, article):
        """What the form needs: the banner for an unsaved copy (on a fresh GET only) and the
        settings of the script that autosaves."""
        allowed = (
            self.has_change_permission(request, article) if article else self.has_add_permission(request)
        )
        if not allowed:
            return {}
        unsaved = None
        if request.method == "GET":
            copies = UnsavedCopy.objects.select_related("article")
            if article is not None:
                copy = copies.of(request.user, article).first()
            else:
                copy = copies.new_stories_of(request.user).first()
            unsaved = banner(copy)
            if copy is not None and unsaved is None:
                copy.delete()  # the same as the story: nothing to offer
        return {
            "unsaved": unsaved,
            "autosave": {
                "story": article.pk if article else None,
                "has_copy": unsaved is not None,
                "bound": request.method == "POST",
                "saved_keys": request.session.get(SAVED_KEYS, []),
            },
        }

    def drop_unsaved_copy(self, request, article, change):
        """A real save of the story: the editor's unsaved copy has served its purpose."""
        if change:
            UnsavedCopy.objects.of(request.user, article).delete()
            return
        key = request.POST.get("autosave_key", "")
        if KEY.match(key):
            UnsavedCopy.objects.of(request.user, None, key).delete()
            request.session[SAVED_KEYS] = [*request.session.get(SAVED_KEYS, []), key][-20:]
