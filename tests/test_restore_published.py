"""Restoring a revision of a published story: corrections stay, the diff is shown and confirmed,
and the restore screen is never refused as a conflict that did not happen.

The forms here are posted as the restore screen rendered them (tests.desk.form_as_shown), so a
hidden field carrying the wrong value is caught, as a browser would have sent it.
"""

import pytest
from django.test import Client
from django.urls import reverse

from articles.desk.revisions import snapshot, versions_of
from articles.models import Article, Correction

from .desk import change_url, desk_user, form_as_shown
from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

OLD_STANDFIRST = "Boats leave every hour from Monday."
NEW_STANDFIRST = "Boats leave every half hour from Monday."
CORRECTION = "An earlier version of this story said boats leave every hour."


@pytest.fixture
def editor():
    client = Client()
    client.force_login(desk_user("Editor", username="eddie"))
    return client


def desk_save(client, story, **typed):
    """Open the story's form and save it with `typed` changed, as an editor would."""
    page = client.get(change_url(story))
    response = client.post(change_url(story), form_as_shown(page, _continue="1", **typed))
    assert response.status_code == 302, response.content.decode()[:2000]
    story.refresh_from_db()


def with_correction(text=CORRECTION, kind="correction", index=0):
    return {
        "corrections-TOTAL_FORMS": str(index + 1),
        f"corrections-{index}-kind": kind,
        f"corrections-{index}-text": text,
    }


@pytest.fixture
def corrected(editor):
    """The user report: a published story, then its standfirst fixed with a published correction."""
    story = ArticleFactory(published=True, headline="Ferry timetable changes", standfirst=OLD_STANDFIRST)
    desk_save(editor, story)  # opening it records the baseline: the revision to restore
    desk_save(editor, story, standfirst=NEW_STANDFIRST, **with_correction())
    return story


def restore_url(story, version=None):
    version = version or list(versions_of(story))[-1]
    return reverse("admin:articles_article_revision", args=[story.pk, version.pk])


def corrections_of(story):
    return list(Correction.objects.filter(article=story).values_list("pk", "kind", "text", "created_at"))


def test_the_restore_screen_carries_the_current_version_not_the_revisions(editor, corrected):
    page = editor.get(restore_url(corrected))
    shown = form_as_shown(page)
    corrected.refresh_from_db()
    assert shown["expected_version"] == [str(corrected.version)]


def test_a_restore_posted_as_shown_is_not_refused_as_a_conflict(editor):
    story = ArticleFactory(headline="Old headline")
    desk_save(editor, story)
    desk_save(editor, story, headline="New headline")
    page = editor.get(restore_url(story))

    response = editor.post(restore_url(story), form_as_shown(page))

    assert response.status_code == 302, response.content.decode()[:3000]
    story.refresh_from_db()
    assert story.headline == "Old headline" and story.status == Article.Status.DRAFT


def test_a_restore_is_refused_when_someone_really_saved_in_between(editor, corrected):
    page = editor.get(restore_url(corrected))
    other = Client()
    other.force_login(desk_user("Editor", username="alice"))
    desk_save(other, corrected, headline="Ferry timetable changes again")

    response = editor.post(restore_url(corrected), form_as_shown(page, confirm_restore="on"))

    assert response.status_code == 200
    assert "alice saved this story while you were editing it" in response.content.decode()
    corrected.refresh_from_db()
    assert corrected.headline == "Ferry timetable changes again" and corrected.standfirst == NEW_STANDFIRST


def test_a_confirmed_restore_keeps_the_correction_published_since(editor, corrected):
    before = corrections_of(corrected)
    revisions = versions_of(corrected).count()
    page = editor.get(restore_url(corrected))

    response = editor.post(restore_url(corrected), form_as_shown(page, confirm_restore="on"))

    assert response.status_code == 302, response.content.decode()[:3000]
    corrected.refresh_from_db()
    assert corrected.standfirst == OLD_STANDFIRST  # the restore did what the editor confirmed
    assert corrections_of(corrected) == before  # the correction is still there, word for word
    assert versions_of(corrected).count() == revisions + 1
    assert CORRECTION in snapshot(versions_of(corrected).first())["Corrections"]  # and in the new revision
    editor.logout()
    assert CORRECTION in editor.get(corrected.get_absolute_url()).content.decode()


def test_a_restore_keeps_the_text_of_a_correction_reworded_since(editor, corrected):
    desk_save(editor, corrected, headline="Ferry timetable changes on Monday")  # the revision to restore
    target = versions_of(corrected).first()
    desk_save(editor, corrected, **{"corrections-0-text": "Boats leave every half hour, not every hour."})
    desk_save(editor, corrected, **with_correction("Adds the winter timetable.", kind="update", index=1))
    before = corrections_of(corrected)
    page = editor.get(restore_url(corrected, target))

    response = editor.post(restore_url(corrected, target), form_as_shown(page, confirm_restore="on"))

    assert response.status_code == 302, response.content.decode()[:3000]
    corrected.refresh_from_db()
    assert corrected.headline == "Ferry timetable changes on Monday"
    assert corrections_of(corrected) == before


def test_the_restore_screen_shows_the_corrections_as_they_are_now(editor, corrected):
    content = editor.get(restore_url(corrected)).content.decode()
    assert "Corrections and updates already published are kept" in content
    assert CORRECTION in content  # the revision had none: it shows the story's, not the revision's


def test_a_forged_restore_cannot_delete_or_reword_a_correction(editor, corrected):
    before = corrections_of(corrected)
    (pk, *_), *_ = before
    page = editor.get(restore_url(corrected))
    forged = {
        "corrections-TOTAL_FORMS": "1",
        "corrections-INITIAL_FORMS": "1",
        "corrections-0-id": str(pk),
        "corrections-0-article": str(corrected.pk),
        "corrections-0-kind": "update",
        "corrections-0-text": "Nothing was wrong.",
        "corrections-0-DELETE": "on",
    }
    response = editor.post(restore_url(corrected), form_as_shown(page, confirm_restore="on", **forged))
    assert response.status_code == 302, response.content.decode()[:3000]
    corrected.refresh_from_db()
    assert corrected.standfirst == OLD_STANDFIRST
    assert corrections_of(corrected) == before


def test_restoring_a_published_story_shows_what_will_change_field_by_field(editor, corrected):
    content = editor.get(restore_url(corrected)).content.decode()
    assert 'class="restore-diff"' in content
    assert "Standfirst" in content
    assert '<td class="diff"><span>Boats leave every</span> <del>half</del>' in content
    assert 'name="confirm_restore"' in content


def test_an_unconfirmed_restore_changes_nothing_says_why_and_keeps_the_form(editor, corrected):
    revisions = versions_of(corrected).count()
    page = editor.get(restore_url(corrected))

    response = editor.post(restore_url(corrected), form_as_shown(page, headline="A headline typed here"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Not restored" in content and "tick" in content
    assert 'value="A headline typed here"' in content  # nothing typed is lost
    assert 'id="restore-confirm"' in content  # still the restore screen, not the story's form
    corrected.refresh_from_db()
    assert corrected.standfirst == NEW_STANDFIRST and corrected.headline == "Ferry timetable changes"
    assert versions_of(corrected).count() == revisions


@pytest.mark.parametrize("refusal", ["unconfirmed", "conflict"])
def test_each_refusal_is_one_message_inside_the_admin(editor, corrected, refusal):
    page = editor.get(restore_url(corrected))
    data = form_as_shown(page)
    if refusal == "conflict":
        data["confirm_restore"] = "on"
        corrected.save()  # someone saved in between
    response = editor.post(restore_url(corrected), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="container"' in content and "breadcrumbs" in content  # the admin's own layout
    assert content.count('class="errornote"') == 1
    assert "errorlist" not in content and "Please correct" not in content


def test_a_draft_restores_without_a_confirmation(editor):
    story = ArticleFactory(headline="Draft headline", standfirst="First standfirst.")
    desk_save(editor, story)
    desk_save(editor, story, standfirst="Second standfirst.")
    page = editor.get(restore_url(story))
    assert 'name="confirm_restore"' not in page.content.decode()
    assert editor.post(restore_url(story), form_as_shown(page)).status_code == 302
    story.refresh_from_db()
    assert story.standfirst == "First standfirst."


def test_the_diff_lists_only_what_the_restore_changes(editor):
    """Status, times and address stay as they are, so the diff never shows them changing."""
    story = ArticleFactory(headline="Bakery reopens", slug="bakery-reopens")
    desk_save(editor, story)  # a draft's revision
    story.publish(by=desk_user("Editor", username="pia"))
    desk_save(editor, story, headline="Bakery reopens on the square", slug="bakery-reopens-square")
    content = editor.get(restore_url(story)).content.decode()
    table = content[
        content.index('class="restore-diff"') : content.index("</table>", content.index("restore-diff"))
    ]
    assert "Headline" in table
    assert "Status" not in table and "Slug" not in table and "Publication time" not in table
