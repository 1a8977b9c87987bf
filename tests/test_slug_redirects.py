"""Old addresses belong to their story: no other story can take a slug that still redirects."""

import pytest
from django.core.exceptions import ValidationError

from articles.models import Article, SlugRedirect
from articles.models.slugs import unique_slug

from .desk import change_url, desk_user, story_post_data
from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moved_story():
    """A published story renamed from "dam-talks" to "dam-talks-resume"."""
    story = ArticleFactory(published=True, slug="dam-talks-resume", headline="Dam talks resume")
    SlugRedirect.objects.create(old_slug="dam-talks", article=story)
    return story


def test_a_reporter_cannot_rename_a_draft_to_another_storys_old_address(client, moved_story):
    reporter = desk_user("Reporter")
    client.force_login(reporter)
    draft = ArticleFactory(author=reporter, slug="my-draft")
    response = client.post(change_url(draft), story_post_data(draft, slug="dam-talks"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "old address of “Dam talks resume”" in errors["slug"][0]
    draft.refresh_from_db()
    assert draft.slug == "my-draft"
    assert SlugRedirect.objects.get(old_slug="dam-talks").article == moved_story
    assert client.get("/news/dam-talks/").status_code == 301


def test_an_editor_publishing_under_another_storys_old_address_is_refused(client, moved_story):
    client.force_login(desk_user("Editor"))
    story = ArticleFactory(published=True, slug="other-story")
    response = client.post(change_url(story), story_post_data(story, slug="dam-talks"))
    assert response.status_code == 200
    story.refresh_from_db()
    assert story.slug == "other-story"
    assert SlugRedirect.objects.get(old_slug="dam-talks").article == moved_story


def test_the_model_check_refuses_the_slug(moved_story):
    story = Article(headline="Another", slug="dam-talks", body="<p>x</p>")
    with pytest.raises(ValidationError) as raised:
        story.full_clean()
    assert "slug" in raised.value.message_dict


def test_a_story_may_take_back_its_own_old_address(client, moved_story):
    client.force_login(desk_user("Editor"))
    response = client.post(change_url(moved_story), story_post_data(moved_story, slug="dam-talks"))
    assert response.status_code == 302
    moved_story.refresh_from_db()
    assert moved_story.slug == "dam-talks"
    assert SlugRedirect.objects.get(old_slug="dam-talks-resume").article == moved_story
    assert not SlugRedirect.objects.filter(old_slug="dam-talks").exists()


def test_system_made_slugs_avoid_old_addresses(moved_story):
    assert unique_slug(Article, "Dam talks") == "dam-talks-2"
