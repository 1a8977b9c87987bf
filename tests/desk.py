"""Helpers for driving the editors' desk (the admin) the way a browser form would."""

import importlib
from html.parser import HTMLParser

from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.desk.revisions import latest_version_id

from .factories import UserFactory

INLINES = ("bylines", "quotes", "corrections", "notes")


def ensure_roles():
    """The role groups, as migrations 0004, 0010, 0019, 0025 and 0026 make them.

    Browser tests run in transactions that end by flushing the database, which
    removes what data migrations made; this puts the groups back, using the
    migration's own definition rather than a copy of it.
    """
    if not Group.objects.filter(name="Editor").exists():
        importlib.import_module("articles.migrations.0004_workflow").create_roles(django_apps, None)
        importlib.import_module("articles.migrations.0010_person_on_record").grant_editors(django_apps, None)
        importlib.import_module("articles.migrations.0019_reporters_upload_photos").grant_reporters(
            django_apps, None
        )
        importlib.import_module("articles.migrations.0025_front_slots").grant_editors(django_apps, None)
        importlib.import_module("articles.migrations.0026_authors").grant_roles(django_apps, None)


def desk_user(role, username=None):
    """A staff user in one of the desk's role groups."""
    ensure_roles()
    user = UserFactory(username=username or role.lower().replace(" ", "_"), is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def story_post_data(article, quotes=(), **overrides):
    """The change form of `article` as a browser would submit it, unchanged unless overridden.

    `quotes` are existing Quote objects, sent as the inline's initial forms.
    """
    data = {
        "headline": article.headline,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "body": article.body,
        "dateline_place": article.dateline_place,
        "agency": article.agency,
        "section": article.section_id or "",
        "lead_photo": article.lead_photo_id or "",
        "people": [p.pk for p in article.people.all()],
        "about": [p.pk for p in article.about.all()],
        "topics": ", ".join(article.topics.names()),
        "published_at_0": article.published_at.strftime("%Y-%m-%d") if article.published_at else "",
        "published_at_1": article.published_at.strftime("%H:%M:%S") if article.published_at else "",
        "expires_at_0": "",
        "expires_at_1": "",
        "expected_version": article.version,
        "base_revision": latest_version_id(article),
    }
    for inline in INLINES:
        data.update({f"{inline}-TOTAL_FORMS": "0", f"{inline}-INITIAL_FORMS": "0"})
    data.update({"quotes-TOTAL_FORMS": str(len(quotes)), "quotes-INITIAL_FORMS": str(len(quotes))})
    for i, quote in enumerate(quotes):
        data.update(
            {
                f"quotes-{i}-id": quote.pk,
                f"quotes-{i}-article": article.pk,
                f"quotes-{i}-text": quote.text,
                f"quotes-{i}-speaker": quote.speaker_id,
                f"quotes-{i}-verb": quote.verb,
                f"quotes-{i}-context": quote.context,
                f"quotes-{i}-order": quote.order,
            }
        )
    data.update(overrides)
    return data


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


class _FormReader(HTMLParser):
    """The fields of one <form> and the values a browser would submit for them unchanged."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.data = form_id, False, []
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.data.append((name, a.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a and "value" in a:
            self.data.append((self._select, a["value"]))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline that may follow <textarea>.
            name, value = self._textarea
            self.data.append((name, value[1:] if value.startswith("\n") else value))
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_as_shown(response, form_id="article_form", **overrides):
    """What a browser posts back for the form `form_id` of `response` when nobody touched it,
    with `overrides` typed in: the test sends exactly what the page carried, hidden fields included."""
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    data = {}
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    data.update(overrides)
    return data
