"""Restoring a revision is an edit: the workflow's rules apply, and only content comes back.

A restore is checked against the story as it is now, never as the old revision
had it; status, times and retraction change only through transitions.
"""

import pytest
import reversion
from django.urls import reverse

from articles.desk.revisions import versions_of
from articles.models import Article, AuditEvent, StatusChange

from .desk import desk_user, form_as_shown, story_post_data
from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


def draft_with_history(author, **fields):
    """A draft whose oldest revision has the headline "First headline"."""
    story = ArticleFactory(author=author, headline="First headline", **fields)
    with reversion.create_revision():
        story.save()
    story.headline = "Second headline"
    with reversion.create_revision():
        story.save()
    return story


def oldest_revision_url(story):
    return reverse("admin:articles_article_revision", args=[story.pk, list(versions_of(story))[-1].pk])


def restore(client, story, url=None):
    """Open the restore screen and post it once, as shown, confirmed; a user the screen refuses
    to posts the story's own form instead."""
    url = url or oldest_revision_url(story)
    page = client.get(url)
    story.refresh_from_db()
    if page.status_code == 200:
        data = form_as_shown(page, confirm_restore="on")
    else:
        data = story_post_data(story, headline="First headline")
    return client.post(url, data, follow=True)


def test_a_reporter_cannot_restore_their_story_back_to_draft_after_it_was_published(client):
    reporter = desk_user("Reporter")
    story = draft_with_history(reporter)
    story.publish(by=desk_user("Editor"))
    client.force_login(reporter)

    response = restore(client, story)

    story.refresh_from_db()
    assert story.status == Article.Status.PUBLISHED and story.headline == "Second headline"
    assert client.get(story.get_absolute_url()).status_code == 200
    assert "You cannot restore an earlier version" in response.content.decode()


def test_an_editor_restoring_a_revision_does_not_undo_a_retraction(client):
    editor = desk_user("Editor")
    story = draft_with_history(editor)
    story.publish(by=editor)
    story.retract(reason="The figures were wrong.", by=editor)
    client.force_login(editor)
    newest_before_retraction = versions_of(story).exclude(serialized_data__contains='"retracted"').first()
    url = reverse("admin:articles_article_revision", args=[story.pk, newest_before_retraction.pk])

    restore(client, story, url)

    story.refresh_from_db()
    assert story.status == Article.Status.RETRACTED
    assert story.retraction_reason == "The figures were wrong." and story.retracted_at is not None
    assert b"The figures were wrong." in client.get(story.get_absolute_url()).content


def test_a_restore_brings_back_content_only_and_is_recorded(client):
    editor = desk_user("Editor")
    story = draft_with_history(editor)
    story.publish(by=editor)
    published_at = story.published_at
    client.force_login(editor)
    revisions, changes = versions_of(story).count(), StatusChange.objects.count()

    restore(client, story)

    story.refresh_from_db()
    assert story.headline == "First headline"  # the content came back
    assert story.status == Article.Status.PUBLISHED and story.published_at == published_at
    assert versions_of(story).count() == revisions + 1
    assert StatusChange.objects.count() == changes  # no status changed
    event = AuditEvent.objects.get(action=AuditEvent.Action.RESTORE)
    assert event.actor == editor and f"#{story.pk}" in event.target


def test_a_reporter_restores_their_own_draft(client):
    reporter = desk_user("Reporter")
    story = draft_with_history(reporter)
    client.force_login(reporter)
    restore(client, story)
    story.refresh_from_db()
    assert story.headline == "First headline" and story.status == Article.Status.DRAFT


def test_a_refused_restore_posted_directly_changes_nothing(client):
    reporter = desk_user("Reporter")
    story = draft_with_history(desk_user("Editor"))
    client.force_login(reporter)
    response = client.post(oldest_revision_url(story), story_post_data(story, headline="First headline"))
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.headline == "Second headline"


@pytest.mark.parametrize("transition", ["publish", "retract", "unpublish"])
def test_every_transition_stores_a_revision(transition):
    editor = desk_user("Editor")
    story = ArticleFactory(published=transition != "publish")
    before = versions_of(story).count()
    if transition == "retract":
        story.retract(reason="Wrong.", by=editor)
    else:
        getattr(story, transition)(by=editor)
    latest = versions_of(story).first()
    assert versions_of(story).count() == before + 1
    assert latest.field_dict["status"] == story.status and latest.revision.user == editor


def test_retracting_from_the_desk_stores_a_revision(client):
    editor = desk_user("Editor")
    story = ArticleFactory(published=True)
    client.force_login(editor)
    client.post(reverse("admin:articles_article_retract", args=[story.pk]), {"reason": "Wrong figures."})
    assert versions_of(story).first().field_dict["status"] == Article.Status.RETRACTED


def test_restore_form_does_not_change_the_publication_times(client):
    editor = desk_user("Editor")
    story = draft_with_history(editor)
    story.publish(by=editor)
    published_at = story.published_at
    client.force_login(editor)
    url = oldest_revision_url(story)
    client.get(url)
    story.refresh_from_db()
    data = story_post_data(
        story,
        headline="First headline",
        published_at_0="2001-01-01",
        published_at_1="10:00:00",
        confirm_restore="on",
    )
    assert client.post(url, data).status_code == 302
    story.refresh_from_db()
    assert story.headline == "First headline" and story.published_at == published_at


def test_a_deleted_published_story_is_recovered_as_a_draft(client):
    """reversion's "Recover deleted" wrote the whole revision back: the story was public again
    without a transition, and a retracted one came back without its retraction."""
    from reversion.models import Version

    editor = desk_user("Editor")
    story = ArticleFactory(published=True, headline="Withdrawn then deleted")
    with reversion.create_revision():
        story.save()
    story_id, slug = story.pk, story.slug
    data = story_post_data(story)  # the recover form shows the story as it was
    story.delete()
    client.force_login(editor)
    version = Version.objects.get_deleted(Article).get(object_id=str(story_id))
    url = reverse("admin:articles_article_recover", args=[version.pk])
    page = client.get(url)
    assert page.status_code == 200
    shown = page.context_data["adminform"].form  # the lock fields as the browser would send them
    data.update({name: shown[name].value() for name in ("expected_version", "base_revision")})
    response = client.post(url, data)
    assert response.status_code == 302, response.context_data["adminform"].form.errors
    recovered = Article.objects.get(pk=story_id)
    assert recovered.headline == "Withdrawn then deleted"
    assert recovered.status == Article.Status.DRAFT and recovered.published_at is None
    client.logout()
    assert client.get(f"/news/{slug}/").status_code == 404
