"""Reading story revisions (django-reversion) as editors think of them.

A revision stores the story with its quotes, topic links and corrections. Here
they become a flat {label: text} snapshot, so two revisions compare field by
field, and a word-level diff shows what changed.
"""

import difflib
from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.html import format_html, format_html_join, strip_tags
from reversion.models import Version

from ..models import Article, Correction, Person, Photo, Quote, Section, TaggedArticle, Topic


@dataclass
class Change:
    label: str
    old: str
    new: str

    @property
    def diff(self):
        return word_diff(self.old, self.new)


def versions_of(article):
    """The story's versions, newest first, with who saved them."""
    return Version.objects.get_for_object(article).select_related("revision__user").order_by("-pk")


def ensure_baseline(article):
    """Record a first revision for a story that has none (made by an import or script),
    so later changes, and conflicts, have something to compare against."""
    if versions_of(article).exists():
        return
    with reversion.create_revision():
        reversion.add_to_revision(article)
        reversion.set_comment("Revision recorded when the story was first opened at the desk.")


def latest_version_id(article):
    return versions_of(article).values_list("pk", flat=True).first() or 0


def _names(model, ids):
    ids = [pk for pk in ids if pk is not None]
    return ", ".join(sorted(str(obj) for obj in model.objects.filter(pk__in=ids))) if ids else ""


def _body_text(html):
    # Paragraph breaks survive as line breaks so a diff reads paragraph by paragraph.
    return strip_tags(html.replace("</p>", "</p>\n")).strip()


def snapshot(version):
    """The story as `version` stored it, as {label: readable text}."""
    related = {}
    for other in version.revision.version_set.all():
        related.setdefault(other.content_type_id, []).append(other.field_dict)
    ct = ContentType.objects.get_for_models(Quote, TaggedArticle, Correction)
    return _readable(
        version.field_dict,
        quotes=related.get(ct[Quote].pk, []),
        topic_ids=[t["tag_id"] for t in related.get(ct[TaggedArticle].pk, [])],
        corrections=related.get(ct[Correction].pk, []),
    )


def snapshot_of(article):
    """The story as it is saved now, in the same shape as snapshot(), so the two compare."""
    data = {field.attname: getattr(article, field.attname) for field in Article._meta.concrete_fields}
    data["people"] = list(article.people.values_list("pk", flat=True))
    return _readable(
        data,
        quotes=list(article.quotes.values()),
        topic_ids=list(article.topic_items.values_list("tag_id", flat=True)),
        corrections=list(article.corrections.values()),
    )


def _readable(data, *, quotes, topic_ids, corrections):
    quotes = sorted(quotes, key=lambda q: (q["order"], q["id"]))
    speakers = {p.pk: p.name for p in Person.objects.filter(pk__in=[q["speaker_id"] for q in quotes])}
    corrections = sorted(corrections, key=lambda c: c["id"])
    published_at = data.get("published_at")
    return {
        "Headline": data.get("headline", ""),
        "Slug": data.get("slug", ""),
        "Section": _names(Section, [data.get("section_id")]),
        "Standfirst": data.get("standfirst", ""),
        "Dateline": " ".join(
            [data.get("dateline_place", ""), data.get("dateline_date", ""), f"/{data.get('agency', '')}/"]
        ),
        "Lead photo": _names(Photo, [data.get("lead_photo_id")]),
        "Body": _body_text(data.get("body", "")),
        "People": ", ".join(
            sorted(Person.objects.filter(pk__in=data.get("people", [])).values_list("name", flat=True))
        ),
        "Topics": _names(Topic, topic_ids),
        "Quotes": "\n".join(
            f"“{q['text']}” — {speakers.get(q['speaker_id'], '?')} ({q['verb']})"
            + (" [pull quote]" if q["is_pull_quote"] else "")
            for q in quotes
        ),
        "Corrections": "\n".join(f"{c['kind']}: {c['text']}" for c in corrections),
        "Status": Article.Status(data["status"]).label if data.get("status") else "",
        "Publication time": (
            timezone.localtime(published_at).strftime("%Y-%m-%d %H:%M %Z") if published_at else ""
        ),
    }


def compare(old_version, new_version):
    """The fields that differ between two versions, in form order."""
    old, new = snapshot(old_version), snapshot(new_version)
    return [Change(label, old[label], new[label]) for label in new if old[label] != new[label]]


def word_diff(old, new):
    """`new` against `old` as HTML, deleted words in <del> and added ones in <ins>."""
    old_words, new_words = old.split(" "), new.split(" ")
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("span", " ".join(old_words[a0:a1])))
            continue
        if a1 > a0:
            parts.append(("del", " ".join(old_words[a0:a1])))
        if b1 > b0:
            parts.append(("ins", " ".join(new_words[b0:b1])))
    return format_html_join(" ", "<{0}>{1}</{0}>", parts) or format_html("")
