"""The desk's roles × the records stories are built from: people, topics, sections and photos.

Like the story cells in test_roles.py, each action is attempted over HTTP as the admin's
forms submit it, and the server must refuse what the role may not do. A person on record
(mentioned in or quoted by a published story) has a public page: editors change it, a
reporter is refused and told to ask one, and every change lands in the audit trail.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.images.renditions import photo_create_renditions
from articles.models import AuditEvent, Person, Photo, Section, Topic

from .desk import desk_user
from .factories import ArticleFactory, PersonFactory, PhotoFactory, QuoteFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

ROLES = ["Reporter", "Editor", "Photo editor"]

# action -> the roles allowed to do it; every other role must be refused.
MATRIX = {
    "create a person": {"Reporter", "Editor"},
    "edit a person no published story carries": {"Reporter", "Editor"},
    "edit a person mentioned in a published story": {"Editor"},
    "edit a person quoted in a published story": {"Editor"},
    "delete a person": {"Editor"},
    "create a topic": {"Reporter", "Editor"},
    "edit a topic": {"Editor"},
    "delete a topic": {"Editor"},
    "create a section": {"Editor"},
    "edit a section": {"Editor"},
    # Sections are the site's navigation: removing one is left to administrators.
    "delete a section": set(),
    "upload a photo": {"Reporter", "Editor", "Photo editor"},
    "edit a photo's caption": {"Photo editor"},
    "delete an unused photo": {"Photo editor"},
    # The original keeps the photographer's metadata: the desk's, never a reader's.
    "download a photo's original": {"Reporter", "Editor", "Photo editor"},
    "download a rendition of a draft's photo": {"Reporter", "Editor", "Photo editor"},
}


def person_data(person=None, **overrides):
    data = {"name": "Oleg Sorokin", "slug": "oleg-sorokin", "role": "", "organisation": ""}
    if person is not None:
        data = {"name": person.name, "slug": person.slug, "role": person.role}
        data["organisation"] = person.organisation
    data["kind"] = person.kind if person is not None else "person"
    data.update({"aliases": "", "bio": "", "portrait": "", "topics": ""})
    data.update(overrides)
    return data


def on_record_person(how):
    person = PersonFactory()
    if how == "mentioned":
        ArticleFactory(published=True, people=[person])
    else:
        QuoteFactory(speaker=person).article.publish()
    return person


def change(client, model, obj, data):
    return client.post(reverse(f"admin:articles_{model}_change", args=[obj.pk]), data)


def attempt(action, client):
    """Try `action` as the logged-in user; return True if it took effect."""
    if action == "create a person":
        client.post(reverse("admin:articles_person_add"), person_data())
        return Person.objects.filter(slug="oleg-sorokin").exists()
    if action.startswith("edit a person"):
        if "no published" in action:
            person = PersonFactory()
            ArticleFactory(people=[person])  # a draft: the page is not public yet
        else:
            person = on_record_person("mentioned" if "mentioned" in action else "quoted")
        change(client, "person", person, person_data(person, bio="Rewritten biography."))
        person.refresh_from_db()
        return person.bio == "Rewritten biography."
    if action == "delete a person":
        person = PersonFactory()
        client.post(reverse("admin:articles_person_delete", args=[person.pk]), {"post": "yes"})
        return not Person.objects.filter(pk=person.pk).exists()
    if action == "create a topic":
        client.post(reverse("admin:articles_topic_add"), {"name": "Ferries", "slug": "ferries"})
        return Topic.objects.filter(slug="ferries").exists()
    if action == "edit a topic":
        topic = TopicFactory()
        change(client, "topic", topic, {"name": topic.name, "slug": topic.slug, "description": "New."})
        topic.refresh_from_db()
        return topic.description == "New."
    if action == "delete a topic":
        topic = TopicFactory()
        client.post(reverse("admin:articles_topic_delete", args=[topic.pk]), {"post": "yes"})
        return not Topic.objects.filter(pk=topic.pk).exists()
    if action == "create a section":
        client.post(reverse("admin:articles_section_add"), {"name": "Sport", "slug": "sport", "position": 3})
        return Section.objects.filter(slug="sport").exists()
    if action == "edit a section":
        section = SectionFactory()
        data = {"name": section.name, "slug": section.slug, "description": "Desk.", "position": 0}
        change(client, "section", section, data)
        section.refresh_from_db()
        return section.description == "Desk."
    if action == "delete a section":
        section = SectionFactory()
        client.post(reverse("admin:articles_section_delete", args=[section.pk]), {"post": "yes"})
        return not Section.objects.filter(pk=section.pk).exists()
    if action == "upload a photo":
        from .images import uploaded_image

        data = {"image": uploaded_image(), "credit": "NWS/Ana Ortiz", "alt_text": "A quay at dawn"}
        client.post(reverse("admin:articles_photo_add"), data)
        return Photo.objects.filter(alt_text="A quay at dawn").exists()
    if action == "edit a photo's caption":
        photo = PhotoFactory()
        data = {"caption": "Recaptioned.", "credit": photo.credit, "alt_text": photo.alt_text}
        change(client, "photo", photo, data)
        photo.refresh_from_db()
        return photo.caption == "Recaptioned."
    if action == "delete an unused photo":
        photo = PhotoFactory()
        client.post(reverse("admin:articles_photo_delete", args=[photo.pk]), {"post": "yes"})
        return not Photo.objects.filter(pk=photo.pk).exists()
    if action == "download a photo's original":
        photo = PhotoFactory()
        return client.get(photo.image.url).status_code == 200
    if action == "download a rendition of a draft's photo":
        photo = PhotoFactory()
        photo_create_renditions(photo=photo)
        ArticleFactory(lead_photo=photo)
        return client.get(photo.picture.src).status_code == 200
    raise AssertionError(f"unknown action {action}")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(MATRIX))
def test_role_record_matrix(client, role, action, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PHOTO_ROOT = str(tmp_path / "photos")
    client.force_login(desk_user(role))
    expected = role in MATRIX[action]
    assert attempt(action, client) is expected, f"{role} {'may' if expected else 'must not'} {action}"


class TestPeopleOnRecord:
    def test_a_reporter_is_told_why_a_person_on_record_is_read_only(self, client):
        person = on_record_person("mentioned")
        client.force_login(desk_user("Reporter"))
        url = reverse("admin:articles_person_change", args=[person.pk])
        page = client.get(url)
        assert page.status_code == 200
        assert 'name="bio"' not in page.content.decode()  # shown read-only
        assert "Ask an editor" in page.content.decode()

        response = client.post(url, person_data(person, bio="Rewritten."), follow=True)
        person.refresh_from_db()
        assert person.bio != "Rewritten."
        notices = [str(m) for m in get_messages(response.wsgi_request)] + [response.content.decode()]
        assert any("was not saved" in notice for notice in notices)
        assert not AuditEvent.objects.filter(action=AuditEvent.Action.CHANGE).exists()

    def test_an_editors_change_to_a_person_on_record_is_audited_with_the_fields(self, client):
        person = on_record_person("quoted")
        editor = desk_user("Editor")
        client.force_login(editor)
        change(client, "person", person, person_data(person, bio="New biography.", role="Former minister"))
        person.refresh_from_db()
        assert person.bio == "New biography."
        event = AuditEvent.objects.get(action=AuditEvent.Action.CHANGE)
        assert event.actor == editor
        assert person.name in event.target and "bio" in event.target and "role" in event.target
        assert "name" not in event.target.split(":", 1)[1]  # only what changed

    def test_changes_to_people_nobody_reads_yet_are_not_audited(self, client):
        person = PersonFactory()
        client.force_login(desk_user("Reporter"))
        change(client, "person", person, person_data(person, bio="Draft biography."))
        person.refresh_from_db()
        assert person.bio == "Draft biography."
        assert not AuditEvent.objects.filter(action=AuditEvent.Action.CHANGE).exists()
