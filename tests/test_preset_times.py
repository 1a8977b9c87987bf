"""Times already on a story when an editor publishes it: shown first, and "Publish now" means now.

Reporters do not set publication or unpublish times at all: those are the
decision of whoever publishes, and a reporter's time would silently schedule or
back-date the story at the moment an editor pressed Publish.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

from .desk import change_url, desk_user, story_post_data
from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

TOMORROW_2PM = (timezone.localtime() + datetime.timedelta(days=1)).replace(
    hour=14, minute=0, second=0, microsecond=0
)


def test_a_reporter_cannot_set_the_publication_or_unpublish_time(client):
    reporter = desk_user("Reporter")
    client.force_login(reporter)
    draft = ArticleFactory(author=reporter)
    past = timezone.localtime() - datetime.timedelta(days=30)
    data = story_post_data(
        draft,
        published_at_0=past.strftime("%Y-%m-%d"),
        published_at_1=past.strftime("%H:%M:%S"),
        expires_at_0=TOMORROW_2PM.strftime("%Y-%m-%d"),
        expires_at_1="14:00:00",
    )
    assert client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.published_at is None and draft.expires_at is None


@pytest.fixture
def preset_story():
    """A story in review that already carries a publication time for 14:00 tomorrow."""
    return ArticleFactory(
        author=desk_user("Reporter"), status=Article.Status.IN_REVIEW, published_at=TOMORROW_2PM
    )


@pytest.fixture
def editor_client(client):
    client.force_login(desk_user("Editor"))
    return client


def test_the_editor_is_shown_the_time_before_publishing(editor_client, preset_story):
    content = editor_client.get(change_url(preset_story)).content.decode()
    assert "This story already has a publication time" in content
    assert timezone.localtime(TOMORROW_2PM).strftime("%H:%M") in content
    assert 'name="_publish_now"' in content and 'value="Keep schedule"' in content


def test_publish_now_publishes_now(editor_client, preset_story):
    before = timezone.now()
    editor_client.post(change_url(preset_story), story_post_data(preset_story, _publish_now="1"))
    preset_story.refresh_from_db()
    assert preset_story.is_published and before <= preset_story.published_at <= timezone.now()
    assert editor_client.get(preset_story.get_absolute_url()).status_code == 200


def test_keep_schedule_schedules(editor_client, preset_story):
    editor_client.post(change_url(preset_story), story_post_data(preset_story, _publish="1"))
    preset_story.refresh_from_db()
    assert preset_story.is_scheduled and preset_story.published_at == TOMORROW_2PM


def test_publishing_from_the_list_leaves_stories_with_preset_times_alone(editor_client, preset_story):
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [preset_story.pk]},
        follow=True,
    )
    preset_story.refresh_from_db()
    assert preset_story.status == Article.Status.IN_REVIEW
    assert "already has a publication or unpublish time" in response.content.decode()


def test_a_story_cannot_be_published_to_unpublish_before_it_goes_live(editor_client):
    story = ArticleFactory(status=Article.Status.IN_REVIEW)
    later = TOMORROW_2PM
    data = story_post_data(
        story,
        _publish="1",
        published_at_0=later.strftime("%Y-%m-%d"),
        published_at_1="14:00:00",
        expires_at_0=later.strftime("%Y-%m-%d"),
        expires_at_1="13:00:00",
    )
    editor_client.post(change_url(story), data)
    story.refresh_from_db()
    assert story.status == Article.Status.IN_REVIEW
