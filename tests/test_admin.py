"""The editors' desk: every page loads, and the desk's actions do what they say."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from articles.models import Article, Person, Photo, Quote

from .factories import ArticleFactory, PersonFactory, PhotoFactory, QuoteFactory, SectionFactory, TopicFactory
from .images import uploaded_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def populated():
    person = PersonFactory(portrait=PhotoFactory())
    story = ArticleFactory(
        published=True,
        lead_photo=PhotoFactory(),
        section=SectionFactory(),
        topics=[TopicFactory()],
        people=[person],
    )
    QuoteFactory(article=story, speaker=person)
    return story


def registered_models():
    return sorted((model._meta.app_label, model._meta.model_name) for model in admin.site._registry)


@pytest.mark.parametrize(("app", "model"), registered_models())
def test_changelist_add_and_change_pages_load(editor_client, editor, populated, app, model):
    model_class, model_admin = next(
        (m, a) for m, a in admin.site._registry.items() if m._meta.model_name == model
    )
    assert editor_client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 200
    # Read-only admins (the audit trail) refuse additions even to a superuser.
    request = RequestFactory().get("/")
    request.user = editor
    add_status = 200 if model_admin.has_add_permission(request) else 403
    assert editor_client.get(reverse(f"admin:{app}_{model}_add")).status_code == add_status
    obj = model_class.objects.first()
    if obj is not None:
        assert editor_client.get(reverse(f"admin:{app}_{model}_change", args=[obj.pk])).status_code == 200


def test_story_list_shows_thumbnail_status_and_time(editor_client, populated):
    content = editor_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert populated.headline in content
    assert populated.lead_photo.image.url in content
    assert "Published" in content


def test_story_list_filters_and_search(editor_client, populated):
    url = reverse("admin:articles_article_changelist")
    topic = populated.topics.first()
    for params in ({"status__exact": "published"}, {"topics__id__exact": topic.pk}, {"q": "river"}):
        response = editor_client.get(url, params)
        assert response.status_code == 200
        assert populated.headline in response.content.decode(), params


def test_scheduled_stories_are_labelled_in_the_list(editor_client):
    ArticleFactory(scheduled=True, headline="Embargoed until noon")
    assert "Scheduled" in editor_client.get(reverse("admin:articles_article_changelist")).content.decode()


def test_person_and_photo_lists_show_credit_and_thumbnails(editor_client, populated):
    photos = editor_client.get(reverse("admin:articles_photo_changelist")).content.decode()
    assert "Newsroom Pictures/Ana Ortiz" in photos
    assert "<img src=" in photos
    people = editor_client.get(reverse("admin:articles_person_changelist")).content.decode()
    assert "Foreign Minister" in people and "<img src=" in people


def test_autocomplete_finds_people_for_the_quote_speaker(editor_client):
    PersonFactory(name="Oleg Petrov", aliases="Oleg Petroff")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "Petroff", "app_label": "articles", "model_name": "quote", "field_name": "speaker"},
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Oleg Petrov, Foreign Minister"]


def story_form(**overrides):
    data = {
        "headline": "Port strike ends after two weeks",
        "slug": "port-strike-ends",
        "standfirst": "Dockers accept a new pay offer.",
        "body": "<p>“We won,” said union leader Pavel Orlov.</p>",
        "dateline_place": "Odesa",
        "agency": "NWS",
        "section": "",
        "lead_photo": "",
        "people": [],
        "topics": "labour, ports",
        "published_at_0": "",
        "published_at_1": "",
    }
    for inline in ("bylines", "quotes", "corrections", "notes"):
        data.update({f"{inline}-TOTAL_FORMS": "0", f"{inline}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data


def test_add_story_with_an_inline_quote(editor_client):
    speaker = PersonFactory(name="Pavel Orlov")
    data = story_form(
        **{
            "people": [speaker.pk],
            "quotes-TOTAL_FORMS": "1",
            "quotes-0-text": "We won",
            "quotes-0-speaker": speaker.pk,
            "quotes-0-verb": "said",
            "quotes-0-order": "0",
        }
    )
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    story = Article.objects.get(slug="port-strike-ends")
    assert story.status == Article.Status.DRAFT
    assert sorted(story.topics.names()) == ["labour", "ports"]
    assert list(Quote.objects.filter(article=story).values_list("text", "speaker")) == [
        ("We won", speaker.pk)
    ]


def test_body_from_the_editor_is_sanitised(editor_client):
    data = story_form(body='<p onclick="x()">Hi</p><script>alert(1)</script>')
    editor_client.post(reverse("admin:articles_article_add"), data)
    assert Article.objects.get(slug="port-strike-ends").body == "<p>Hi</p>"


def test_save_and_publish_button(editor_client, editor):
    response = editor_client.post(reverse("admin:articles_article_add"), story_form(_publish="1"))
    assert response.status_code == 302
    story = Article.objects.get(slug="port-strike-ends")
    assert story.is_published
    change = story.status_changes.get()
    assert (change.from_status, change.to_status, change.by) == ("draft", "published", editor)


def test_save_and_publish_an_empty_story_keeps_the_draft_and_explains(editor_client):
    response = editor_client.post(
        reverse("admin:articles_article_add"), story_form(body="", _publish="1"), follow=True
    )
    story = Article.objects.get(slug="port-strike-ends")
    assert story.status == Article.Status.DRAFT
    assert story.headline == "Port strike ends after two weeks"  # nothing typed is lost
    assert "its status did not change: A story needs a body" in response.content.decode()


def test_publish_and_unpublish_actions(editor_client):
    stories = ArticleFactory.create_batch(2)
    url = reverse("admin:articles_article_changelist")
    ids = [story.pk for story in stories]
    editor_client.post(url, {"action": "publish_selected", "_selected_action": ids})
    assert Article.objects.published().count() == 2
    editor_client.post(url, {"action": "unpublish_selected", "_selected_action": ids})
    assert Article.objects.published().count() == 0


def test_publish_action_reports_stories_it_could_not_publish(editor_client):
    empty = ArticleFactory(body="", headline="Empty one")
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [empty.pk]},
        follow=True,
    )
    assert "“Empty one” was saved but its status did not change" in response.content.decode()
    assert not Article.objects.published().exists()


def test_view_on_site_points_at_the_public_address(editor_client):
    story = ArticleFactory()
    content = editor_client.get(reverse("admin:articles_article_change", args=[story.pk])).content.decode()
    assert "View on site" in content


def test_photo_upload_needs_credit_and_alt_text(editor_client):
    response = editor_client.post(
        reverse("admin:articles_photo_add"), {"image": uploaded_image(), "caption": "A pier", "credit": ""}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Every photo needs a credit" in content
    assert "alt text is required" in content
    assert not Photo.objects.exists()


def test_photo_upload_of_a_non_image_is_refused(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("holiday.jpg", b"this is not a picture", content_type="image/jpeg")
    response = editor_client.post(
        reverse("admin:articles_photo_add"),
        {"image": fake, "credit": "NWS/A", "alt_text": "A pier"},
    )
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    assert not Photo.objects.exists()


def test_photo_upload_stores_dimensions(editor_client):
    response = editor_client.post(
        reverse("admin:articles_photo_add"),
        {"image": uploaded_image(width=800, height=600), "credit": "NWS/A", "alt_text": "A pier at dusk"},
    )
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (800, 600)


def test_person_add(editor_client):
    response = editor_client.post(
        reverse("admin:articles_person_add"),
        {
            "name": "Lena Berg",
            "slug": "lena-berg",
            "kind": "person",
            "role": "Mayor",
            "aliases": "Lena Bergh",
            "topics": "",
        },
    )
    assert response.status_code == 302
    assert Person.objects.get().alias_list == ["Lena Bergh"]


def test_save_and_publish_of_an_existing_story_saves_it_once(editor_client):
    """It used to save the form, then save again in publish(): version +2, indexed twice."""
    from django.db.models.signals import post_save

    from .desk import story_post_data

    story = ArticleFactory(body="<p>The port reopened on Monday.</p>")
    before = story.version
    saves = []

    def count(sender, instance, **kwargs):
        if instance.pk == story.pk:
            saves.append(instance.status)

    post_save.connect(count, sender=Article, dispatch_uid="test-one-save")
    try:
        data = story_post_data(story, headline="Port reopens after strike", _publish="Save and publish")
        response = editor_client.post(reverse("admin:articles_article_change", args=[story.pk]), data)
    finally:
        post_save.disconnect(dispatch_uid="test-one-save", sender=Article)
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.is_published and story.headline == "Port reopens after strike"
    assert story.version == before + 1
    assert saves == [Article.Status.PUBLISHED]


def test_a_refused_publish_still_keeps_the_edit(editor_client):
    from .desk import story_post_data

    story = ArticleFactory(body="<p>The port reopened on Monday.</p>")
    data = story_post_data(story, headline="Port reopens", body="", _publish="Save and publish")
    url = reverse("admin:articles_article_change", args=[story.pk])
    response = editor_client.post(url, data, follow=True)
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT and story.headline == "Port reopens"
    assert story.published_at is None
    assert "its status did not change: A story needs a body" in response.content.decode()


def test_a_refused_publish_keeps_the_editor_on_the_story_with_one_error(editor_client):
    from django.contrib.messages import get_messages

    from .desk import story_post_data

    story = ArticleFactory(body="<p>The port reopened on Monday.</p>")
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = story_post_data(story, body="", _publish="Save and publish")
    response = editor_client.post(url, data)
    assert response.status_code == 302 and response["Location"] == url
    levels = [message.level_tag for message in get_messages(response.wsgi_request)]
    assert levels == ["error"]  # no "changed successfully" beside it


def test_a_refused_publish_of_a_new_story_opens_the_new_story(editor_client):
    data = {
        "headline": "Empty story",
        "slug": "empty-story",
        "body": "",
        "_publish": "Save and publish",
        **{
            f"{inline}-{field}": "0"
            for inline in ("bylines", "quotes", "corrections", "notes")
            for field in ("TOTAL_FORMS", "INITIAL_FORMS")
        },
    }
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    story = Article.objects.get(slug="empty-story")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[story.pk])


def test_publishing_is_the_primary_button_set_apart(editor_client):
    story = ArticleFactory(body="<p>The port reopened on Monday.</p>")
    page = editor_client.get(reverse("admin:articles_article_change", args=[story.pk])).content.decode()
    assert 'value="Save and publish" name="_publish" class="default publish-button"' in page
