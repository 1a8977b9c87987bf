"""Every save of a story is a revision: listed, compared and restorable in the desk."""

import pytest
from django.urls import reverse

from articles.desk.revisions import snapshot, versions_of, word_diff
from articles.models import Quote

from .desk import change_url, desk_user, story_post_data
from .factories import ArticleFactory, PersonFactory, QuoteFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(desk_user("Editor", username="desk-editor"))
    return client


@pytest.fixture
def story():
    story = ArticleFactory(headline="Dam talks stall", topics=[TopicFactory(name="Water")])
    QuoteFactory(article=story, text="We need more time", speaker=PersonFactory(name="Lena Berg"))
    return story


def save(client, story, **changes):
    client.get(change_url(story))
    story.refresh_from_db()
    response = client.post(
        change_url(story), story_post_data(story, quotes=list(story.quotes.all()), **changes)
    )
    assert response.status_code == 302, response.content.decode()[:500]
    story.refresh_from_db()


def test_every_save_stores_a_revision_with_author_fields_quotes_and_topics(editor_client, story):
    save(editor_client, story, headline="Dam talks resume", **{"quotes-0-text": "We have more time now"})
    latest = versions_of(story).first()
    assert latest.revision.user.username == "desk-editor"
    state = snapshot(latest)
    assert state["Headline"] == "Dam talks resume"
    assert "“We have more time now” — Lena Berg (said)" in state["Quotes"]
    assert state["Topics"] == "Water"


def test_history_lists_revisions_newest_first(editor_client, story):
    save(editor_client, story, headline="Second")
    save(editor_client, story, headline="Third")
    content = editor_client.get(reverse("admin:articles_article_history", args=[story.pk])).content.decode()
    assert content.count('name="from"') == 3  # baseline + two saves
    assert "Compare selected revisions" in content


def test_compare_two_revisions_shows_a_readable_diff(editor_client, story):
    save(editor_client, story, headline="Dam talks resume in Vienna")
    new, old = list(versions_of(story))[:2]
    response = editor_client.get(
        reverse("admin:articles_article_compare", args=[story.pk]), {"from": old.pk, "to": new.pk}
    )
    content = response.content.decode()
    assert "<del>stall</del>" in content and "<ins>resume in Vienna</ins>" in content


@pytest.mark.parametrize("params", [{}, {"from": "x", "to": "1"}, {"from": "999999", "to": "999998"}])
def test_compare_with_bad_parameters_goes_back_to_the_history(editor_client, story, params):
    response = editor_client.get(reverse("admin:articles_article_compare", args=[story.pk]), params)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{story.pk}/history/")


def test_restoring_an_old_revision_creates_a_new_one(editor_client, story):
    save(editor_client, story, headline="A mistaken headline", **{"quotes-0-text": "A mistaken quote"})
    baseline = list(versions_of(story))[-1]
    url = reverse("admin:articles_article_revision", args=[story.pk, baseline.pk])
    assert editor_client.get(url).status_code == 200
    count = versions_of(story).count()
    story.refresh_from_db()
    quote = Quote.objects.get(article=story)
    data = story_post_data(
        story, quotes=[quote], headline="Dam talks stall", **{"quotes-0-text": "We need more time"}
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.headline == "Dam talks stall"
    assert Quote.objects.get(article=story).text == "We need more time"
    assert versions_of(story).count() == count + 1


def test_word_diff_escapes_what_editors_typed():
    html = str(word_diff("<b>old</b>", "<script>new</script>"))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_restoring_never_winds_the_lock_version_back(editor_client, story):
    stale_form_version = story.version
    save(editor_client, story, headline="Second")
    save(editor_client, story, headline="Third")
    baseline = list(versions_of(story))[-1]
    url = reverse("admin:articles_article_revision", args=[story.pk, baseline.pk])
    story.refresh_from_db()
    editor_client.post(url, story_post_data(story, headline="Dam talks stall"))
    story.refresh_from_db()
    assert story.version > stale_form_version + 2
