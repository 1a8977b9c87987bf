"""An editor's unsaved copy of a story form, read as the banner that offers it back.

The copy is form data ({field name: value or [values]}); the saved story is a model. Both
become the same flat {label: readable text} here, so the banner lists, field by field and word
by word, what restoring would change.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from taggit.utils import parse_tags

from ..models import Correction, Person, Photo, Section
from ..models.sanitize import sanitize_body
from .revisions import Change, _body_text

LABELS = [
    "Headline",
    "Slug",
    "Section",
    "Standfirst",
    "Lead photo",
    "Dateline",
    "Body",
    "People",
    "Topics",
    "Publication time",
    "Unpublish at",
    "Embargo until",
    "Quotes",
    "Corrections and updates",
    "Internal notes",
]
# Autocomplete boxes hold only the choices already picked; restoring needs the names of the
# copy's choices to put them back.
AUTOCOMPLETE = {"section": Section, "lead_photo": Photo, "people": Person, "about": Person}


def _when(value):
    return date_format(timezone.localtime(value), "j M Y H:i") if value else ""


def saved_snapshot(article):
    """The story as saved, as {label: text}; a new story (None) is empty everywhere."""
    if article is None:
        return dict.fromkeys(LABELS, "")
    quotes = article.quotes.select_related("speaker").order_by("order", "pk")
    return {
        "Headline": article.headline,
        "Slug": article.slug,
        "Section": str(article.section or ""),
        "Standfirst": article.standfirst,
        "Lead photo": str(article.lead_photo or ""),
        "Dateline": _dateline(article.dateline_place, article.dateline_date, article.agency),
        "Body": _body_text(article.body),
        "People": ", ".join(sorted(p.name for p in article.people.all())),
        "Topics": ", ".join(sorted(article.topics.names())),
        "Publication time": _when(article.published_at),
        "Unpublish at": _when(article.expires_at),
        "Embargo until": _when(article.embargo_until),
        "Quotes": "\n".join(_quote_line(q.text, q.speaker.name, q.verb) for q in quotes),
        "Corrections and updates": "\n".join(
            f"{c.get_kind_display()}: {c.text}" for c in article.corrections.all()
        ),
        "Internal notes": "\n".join(n.text for n in article.notes.all()),
    }


class _Data:
    """Reads form data as the form would: one value, or all of a multiple choice."""

    def __init__(self, data):
        self.data = data

    def one(self, name):
        value = self.data.get(name, "")
        if isinstance(value, list):
            value = value[0] if value else ""
        return str(value)

    def all(self, name):
        value = self.data.get(name, [])
        return [str(v) for v in (value if isinstance(value, list) else [value]) if str(v)]

    def rows(self, prefix, *fields):
        """The rows of inline `prefix` that stay (not marked for deletion), as dicts."""
        try:
            total = min(int(self.one(f"{prefix}-TOTAL_FORMS") or 0), 1000)
        except ValueError:
            total = 0
        rows = []
        for i in range(total):
            if self.one(f"{prefix}-{i}-DELETE"):
                continue
            row = {field: self.one(f"{prefix}-{i}-{field}") for field in fields}
            if any(row.values()):
                rows.append(row)
        return rows


def _ids(values):
    return [int(v) for v in values if v.isdigit()]


def _names(model, ids, label=str):
    return {obj.pk: label(obj) for obj in model.objects.filter(pk__in=_ids(ids))}


def _person_names(ids):
    return _names(Person, ids, label=lambda person: person.name)


def _split_time(data, name):
    date, time = data.one(f"{name}_0"), data.one(f"{name}_1")
    if not (date or time):
        return ""
    try:
        return _when(forms.SplitDateTimeField(required=False).clean([date, time]))
    except ValidationError:
        return f"{date} {time}".strip()  # as typed, even if the form would refuse it


def _dateline(place, date, agency):
    return " · ".join(part for part in (place, date, agency) if part)


def _quote_line(text, speaker, verb):
    return f"“{text}” — {speaker} ({verb})"


def copy_snapshot(data):
    """The form data of an unsaved copy as {label: text}, comparable with saved_snapshot()."""
    d = _Data(data)
    quotes = d.rows("quotes", "text", "speaker", "verb")
    speakers = _person_names([q["speaker"] for q in quotes])
    people = _person_names(d.all("people"))
    body = d.one("body")
    return {
        "Headline": d.one("headline"),
        "Slug": d.one("slug"),
        "Section": _names(Section, [d.one("section")]).get(_int(d.one("section")), ""),
        "Standfirst": d.one("standfirst").replace("\r\n", "\n"),
        "Lead photo": _names(Photo, [d.one("lead_photo")]).get(_int(d.one("lead_photo")), ""),
        "Dateline": _dateline(d.one("dateline_place"), d.one("dateline_date"), d.one("agency")),
        "Body": _body_text(sanitize_body(body)) if body else "",
        "People": ", ".join(sorted(people.values())),
        "Topics": ", ".join(sorted(_topics(d.one("topics")))),
        "Publication time": _split_time(d, "published_at"),
        "Unpublish at": _split_time(d, "expires_at"),
        "Embargo until": _split_time(d, "embargo_until"),
        "Quotes": "\n".join(
            _quote_line(q["text"], speakers.get(_int(q["speaker"]), "?"), q["verb"]) for q in quotes
        ),
        "Corrections and updates": "\n".join(
            f"{dict(Correction.Kind.choices).get(c['kind'], c['kind'])}: {c['text']}"
            for c in d.rows("corrections", "kind", "text")
        ),
        "Internal notes": "\n".join(n["text"] for n in d.rows("notes", "text")),
    }


def _int(value):
    return int(value) if value.isdigit() else None


def _topics(value):
    try:
        return parse_tags(value)
    except ValueError:
        return [value]


def changes(copy):
    """What restoring `copy` would change in the story as saved now, field by field."""
    saved, unsaved = saved_snapshot(copy.article), copy_snapshot(copy.data)
    return [
        Change(label, saved[label], unsaved[label])
        for label in LABELS
        if saved[label] != unsaved[label] and (copy.article is None or _sent(copy, label))
    ]


# A form without a field (a reporter's has no publication times, a read-only one no inlines)
# leaves it out of its copy: that is no change to the field.
_FIELDS_OF = {
    "Publication time": "published_at_0",
    "Unpublish at": "expires_at_0",
    "Embargo until": "embargo_until_0",
    "Quotes": "quotes-TOTAL_FORMS",
    "Corrections and updates": "corrections-TOTAL_FORMS",
    "Internal notes": "notes-TOTAL_FORMS",
}


def _sent(copy, label):
    name = _FIELDS_OF.get(label)
    return name is None or name in copy.data


def choice_labels(data):
    """{field name: {id: label}} for the autocomplete choices the copy holds, so the form can
    show them again when it is restored."""
    d = _Data(data)
    labels = {name: _names(model, d.all(name)) for name, model in AUTOCOMPLETE.items()}
    speaker_fields = [name for name in data if name.startswith("quotes-") and name.endswith("-speaker")]
    speakers = _names(Person, [d.one(name) for name in speaker_fields])
    for name in speaker_fields:
        labels[name] = {pk: label for pk, label in speakers.items() if str(pk) == d.one(name)}
    return {name: {str(pk): label for pk, label in found.items()} for name, found in labels.items() if found}


def at_label(moment):
    """ "14:32" today, "2 Dec 14:32" on another day, in the site's time zone."""
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return date_format(local, "H:i")
    return date_format(local, "j M H:i")


def banner(copy):
    """The banner's context for `copy`, or None when restoring it would change nothing."""
    if copy is None:
        return None
    found = changes(copy)
    if not found:
        return None
    payload = {
        "key": copy.key,
        "story": copy.article_id,
        "data": copy.data,
        "labels": choice_labels(copy.data),
        "expected_version": copy.saved_against_version,
        "base_revision": copy.base_revision,
        "at": copy.updated_at.isoformat(),
    }
    return {
        "copy": copy,
        "at": at_label(copy.updated_at),
        "changes": found,
        "behind": copy.is_behind,
        "payload": payload,
    }
