"""Two editors, one story: the second save never silently overwrites the first."""

import pytest
from django.test import Client

from articles.models import Article, Quote

from .desk import change_url, desk_user, story_post_data
from .factories import ArticleFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    story = ArticleFactory(published=True, headline="Bridge reopens", body="<p>The bridge reopened.</p>")
    QuoteFactory(article=story, text="It is safe again", speaker=PersonFactory(name="Ana Ruiz"))
    return story


def logged_in(username):
    client = Client()
    client.force_login(desk_user("Editor", username=username))
    return client


def open_form(story, client=None):
    """What an editor's browser holds after opening the change form now."""
    (client or logged_in("opener")).get(change_url(story))  # as a browser would, before editing
    story.refresh_from_db()
    return story_post_data(story, quotes=list(story.quotes.all()))


def test_stale_save_is_refused_and_nothing_is_lost(story):
    alice, bob = logged_in("alice"), logged_in("bob")
    alice_form, bob_form = open_form(story), open_form(story)

    alice_form["headline"] = "Bridge reopens after repairs"
    assert alice.post(change_url(story), alice_form).status_code == 302

    bob_form["body"] = "<p>The bridge reopened on Monday, Bob writes.</p>"
    response = bob.post(change_url(story), bob_form)

    assert response.status_code == 200  # the form comes back, not a redirect
    content = response.content.decode()
    assert "Not saved: alice saved this story while you were editing it" in content
    # What changed meanwhile is shown, word by word.
    assert "Headline" in content and "<ins>after repairs</ins>" in content
    # Bob's text is still in the form, so nothing he typed is lost.
    assert "The bridge reopened on Monday, Bob writes." in content
    story.refresh_from_db()
    assert story.headline == "Bridge reopens after repairs"
    assert story.body == "<p>The bridge reopened.</p>"


def test_saving_again_after_review_is_a_deliberate_overwrite(story):
    alice, bob = logged_in("alice"), logged_in("bob")
    alice_form, bob_form = open_form(story), open_form(story)
    alice_form["headline"] = "Alice's headline"
    alice.post(change_url(story), alice_form)
    bob_form["headline"] = "Bob's headline"
    refused = bob.post(change_url(story), bob_form)

    # The re-rendered form now carries the current version: submitting it again wins.
    resubmit = dict(bob_form)
    resubmit["expected_version"] = refused.context["adminform"].form["expected_version"].value()
    resubmit["base_revision"] = refused.context["adminform"].form["base_revision"].value()
    assert bob.post(change_url(story), resubmit).status_code == 302
    story.refresh_from_db()
    assert story.headline == "Bob's headline"


def test_a_third_save_in_between_is_caught_again(story):
    alice, bob, carol = logged_in("alice"), logged_in("bob"), logged_in("carol")
    alice_form, bob_form = open_form(story), open_form(story)
    alice.post(change_url(story), {**alice_form, "headline": "Alice"})
    refused = bob.post(change_url(story), {**bob_form, "headline": "Bob"})
    carol.post(change_url(story), {**open_form(story), "headline": "Carol"})
    resubmit = {
        **bob_form,
        "headline": "Bob",
        "expected_version": refused.context["adminform"].form["expected_version"].value(),
    }
    response = bob.post(change_url(story), resubmit)
    assert response.status_code == 200
    assert "carol saved this story" in response.content.decode()
    story.refresh_from_db()
    assert story.headline == "Carol"


def test_quote_edits_are_guarded_too(story):
    alice, bob = logged_in("alice"), logged_in("bob")
    alice_form, bob_form = open_form(story), open_form(story)

    alice_form["quotes-0-text"] = "It is safe again, and stronger"
    alice.post(change_url(story), alice_form)

    bob_form["quotes-0-text"] = "It is quite safe again"
    response = bob.post(change_url(story), bob_form)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Quotes" in content  # the conflict report names the changed quotes
    assert "It is quite safe again" in content  # Bob's quote edit is kept in the form
    assert Quote.objects.get(article=story).text == "It is safe again, and stronger"


def test_a_publish_from_the_list_also_counts_as_a_newer_version():
    draft = ArticleFactory(headline="Quiet draft")
    alice, bob = logged_in("alice"), logged_in("bob")
    bob_form = open_form(draft)
    alice.post("/admin/articles/article/", {"action": "publish_selected", "_selected_action": [draft.pk]})
    response = bob.post(change_url(draft), {**bob_form, "headline": "Bob's late edit"})
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED and draft.headline == "Quiet draft"


def test_an_unchanged_story_saves_normally(story):
    alice = logged_in("alice")
    form = open_form(story)
    assert alice.post(change_url(story), {**form, "headline": "Fine"}).status_code == 302
    assert alice.post(change_url(story), {**open_form(story), "headline": "Fine again"}).status_code == 302
