"""Quote suggestions for text not yet saved: the story form asks, the desk answers in JSON.

The same extractor and person matcher as the suggestions page (quote_suggestions.py), run on
the body as it stands in the editor, so a reporter can fill the quotes inline before the
first save. Reads only: nothing is recorded until the form is saved.
"""

from functools import partial

from django.http import JsonResponse
from django.urls import path

from ..models import Article
from ..models.integrity import same_quotation
from ..models.sanitize import sanitize_body
from .quote_suggestions import suggestions_for

BODY_LIMIT = 200_000  # characters of body HTML: several times the longest feature we run
RECORDED_LIMIT = 200  # quotes already in the inline, sent so they are not proposed again
CONFIDENT = 0.8  # a suggestion at least this sure, with a speaker on file, comes ticked


def live_suggestion_urls(model_admin):
    return [
        path(
            "suggest-quotes/",
            model_admin.admin_site.admin_view(partial(suggest_quotes_view, model_admin=model_admin)),
            name="articles_article_suggest_quotes",
        )
    ]


def refuse(message, status):
    return JsonResponse({"error": message}, status=status)


def suggest_quotes_view(request, *, model_admin):
    """POST body (the editor's HTML) and recorded (the inline's quote texts, repeated);
    answers {"quotes": [...]} or {"error": "..."} with a 4xx status."""
    if request.method != "POST":
        return refuse("Send the story's body with POST.", 405)
    if not (model_admin.has_add_permission(request) or model_admin.has_change_permission(request)):
        return refuse("You may not write stories, so the desk suggests no quotes to you.", 403)
    body = request.POST.get("body", "")
    if len(body) > BODY_LIMIT:
        return refuse(
            f"The body is too long to check at once ({len(body):,} characters; at most {BODY_LIMIT:,}).",
            413,
        )
    recorded = [text for text in request.POST.getlist("recorded")[:RECORDED_LIMIT] if text.strip()]
    article = Article(body=sanitize_body(body))
    if not article.body_text.strip():
        return JsonResponse({"quotes": [], "message": "The body is empty: write the story first."})
    suggestions = suggestions_for(article)
    quotes = [
        as_json(suggestion, recorded) for suggestion in suggestions.quotes if not suggestion.candidate.partial
    ]
    return JsonResponse({"quotes": quotes})


def as_json(suggestion, recorded):
    candidate, speaker = suggestion.candidate, suggestion.speaker
    person = speaker.person if speaker else None
    in_inline = any(same_quotation(text, candidate.text) for text in recorded)
    return {
        "text": candidate.text,
        "verb": suggestion.verb,
        "confidence": round(candidate.confidence, 2),
        "speaker": None
        if speaker is None
        else {
            "name": speaker.name,
            "role": speaker.role,
            "id": person.pk if person else None,
            "label": str(person) if person else speaker.name,
            "kind": speaker.kind_label,
            "near": [{"id": known.pk, "name": known.name} for known, _ in speaker.near],
        },
        "in_inline": in_inline,
        # Ticked: sure of the words and of who said them, and not in the quotes already.
        "ticked": bool(person) and candidate.confidence >= CONFIDENT and not in_inline,
    }
