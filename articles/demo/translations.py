"""Puts the demo's translations (content_ru.TRANSLATIONS) into the database the way the desk
makes one: article_translate() gives a linked draft carrying the source's words, the translator
replaces them (headline, standfirst, body and each quote), and publish() runs the same
publication gate as for any story, so a translation the gate would refuse stops the load.

A source that already has a version in the language, or a slug already taken, is left alone:
a second run creates nothing and keeps what editors changed in the translation.
"""

import datetime

from django.db.models import Q

from ..models import Article
from ..models.translation import article_translate
from .text import body_html, quote_words, typeset


def load_translations(specs, *, language, report):
    for spec in specs:
        if _translation(spec, language):
            report.created["stories"] += 1
            report.created["quotes"] += len(spec["quotes"])


def _translation(spec, language):
    """The version of `spec`'s source in `language`, made and published; False when the
    source is not published (an editor took it down) or a version was there already."""
    source = Article.objects.filter(slug=spec["source"], status=Article.Status.PUBLISHED).first()
    if source is None:
        return False
    group = source.translation_source_id or source.pk
    there = Q(slug=spec["slug"]) | Q(translation_source_id=group, language=language)
    if Article.objects.filter(there).exists():
        return False
    draft = _translate(source, spec, language)
    photo = source.lead_photo
    if photo is not None and "photo" in spec:
        # The versions share the picture; the Russian readers get its Russian words.
        photo.captions = {**photo.captions, language: typeset(spec["photo"]["caption"])}
        photo.alt_texts = {**photo.alt_texts, language: spec["photo"]["alt"]}
        photo.save(update_fields=["captions", "alt_texts"])
    published_at = source.published_at + datetime.timedelta(minutes=spec["minutes_after"])
    draft.publish(at=published_at)
    # Backdated like the English stories. Saved after its source's last change, so the desk
    # does not call the translation out of date; a written-through source, written through too.
    updated_at = max(published_at, source.updated_at) + datetime.timedelta(minutes=5)
    Article.objects.filter(pk=draft.pk).update(
        created_at=published_at - datetime.timedelta(minutes=spec["minutes_after"] // 2),
        updated_at=updated_at,
        revised_at=updated_at if source.revised_at else None,
    )
    return True


def _translate(source, spec, language):
    """The translator's work on the draft article_translate() makes: every word replaced."""
    draft = article_translate(source=source, language=language)
    draft.slug = spec["slug"]
    draft.headline = typeset(spec["headline"])
    draft.standfirst = typeset(spec["standfirst"])
    draft.body = body_html(spec["body"])
    draft.dateline_place = spec["dateline"]
    draft.save()
    placeholders = list(draft.quotes.order_by("order"))
    if len(placeholders) != len(spec["quotes"]):
        raise ValueError(
            f"Demo translation {spec['slug']!r} has {len(spec['quotes'])} quotes; "
            f"its source has {len(placeholders)}."
        )
    for quote, words in zip(placeholders, spec["quotes"], strict=True):
        quote.text = quote_words(draft, words["text"])
        quote.verb = words["verb"]
        quote.context = words.get("context", "")
        quote.save(update_fields=["text", "verb", "context"])
    return draft
