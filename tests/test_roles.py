"""The desk's roles × actions: what each role may do, and that the server refuses the rest.

Each action is attempted over HTTP exactly as the admin's forms submit it, so a
hidden button is not what stops a reporter: the server is.
"""

import datetime

import pytest
import reversion
from django.urls import reverse
from django.utils import timezone

from articles.desk.revisions import versions_of
from articles.models import Article, Correction, Photo

from .desk import change_url, desk_user, story_post_data
from .factories import ArticleFactory, PhotoFactory
from .images import uploaded_image

pytestmark = pytest.mark.django_db

ROLES = ["Reporter", "Editor", "Photo editor"]

# action -> the roles allowed to do it; every other role must be refused.
MATRIX = {
    "create a story": {"Reporter", "Editor"},
    "edit own draft": {"Reporter", "Editor"},
    "edit someone else's draft": {"Editor"},
    "edit a published story": {"Editor"},
    "submit own draft for review": {"Reporter", "Editor"},
    "withdraw own story from review": {"Reporter", "Editor"},
    "send someone else's story back, with a note": {"Editor"},
    "publish": {"Editor"},
    "publish from the list": {"Editor"},
    "schedule": {"Editor"},
    "unpublish": {"Editor"},
    "retract": {"Editor"},
    "add a correction": {"Editor"},
    "post a flash": {"Editor"},
    "restore a revision of own draft": {"Reporter", "Editor"},
    "restore a revision of own published story": {"Editor"},
    "restore a revision of someone else's draft": {"Editor"},
    "upload a photo": {"Reporter", "Editor", "Photo editor"},
    "change a photo's credit": {"Photo editor"},
    "delete a photo": {"Photo editor"},
}


def new_story_data(**overrides):
    data = {
        "headline": "Ferry fares frozen for winter",
        "slug": "ferry-fares-frozen",
        "body": "<p>Fares stay the same until March.</p>",
        "topics": "",
        "published_at_0": "",
        "published_at_1": "",
    }
    for inline in ("bylines", "quotes", "corrections", "notes"):
        data.update({f"{inline}-TOTAL_FORMS": "0", f"{inline}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data


def attempt(action, client, user):
    """Try `action` as `user`; return True if it took effect."""
    own_draft = ArticleFactory(author=user, headline="Own draft")
    others_draft = ArticleFactory(headline="Someone else's draft")
    published = ArticleFactory(published=True, author=user, headline="Live story")

    if action == "create a story":
        client.post(reverse("admin:articles_article_add"), new_story_data())
        return Article.objects.filter(slug="ferry-fares-frozen").exists()
    if action in ("edit own draft", "edit someone else's draft", "edit a published story"):
        story = {"edit own draft": own_draft, "edit someone else's draft": others_draft}.get(
            action, published
        )
        client.post(change_url(story), story_post_data(story, headline="Edited headline"))
        story.refresh_from_db()
        return story.headline == "Edited headline"
    if action == "submit own draft for review":
        client.post(change_url(own_draft), story_post_data(own_draft, _submit="1"))
        own_draft.refresh_from_db()
        return own_draft.status == Article.Status.IN_REVIEW
    if action == "withdraw own story from review":
        own_draft.submit_for_review(by=user) if user.has_perm("articles.change_article") else None
        if own_draft.status != Article.Status.IN_REVIEW:
            return False
        client.post(reverse("admin:articles_article_withdraw", args=[own_draft.pk]))
        own_draft.refresh_from_db()
        return own_draft.status == Article.Status.DRAFT
    if action == "send someone else's story back, with a note":
        others_draft.submit_for_review()
        data = story_post_data(others_draft, _send_back="1", send_back_note="Needs a second source.")
        client.post(change_url(others_draft), data)
        client.post(reverse("admin:articles_article_withdraw", args=[others_draft.pk]))
        others_draft.refresh_from_db()
        return others_draft.status == Article.Status.DRAFT
    if action == "publish":
        client.post(change_url(own_draft), story_post_data(own_draft, _publish="1"))
        own_draft.refresh_from_db()
        return own_draft.status == Article.Status.PUBLISHED
    if action == "publish from the list":
        client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish_selected", "_selected_action": [others_draft.pk]},
        )
        others_draft.refresh_from_db()
        return others_draft.status == Article.Status.PUBLISHED
    if action == "schedule":
        later = timezone.localtime() + datetime.timedelta(days=1)
        data = story_post_data(
            own_draft,
            _publish="1",
            published_at_0=later.strftime("%Y-%m-%d"),
            published_at_1=later.strftime("%H:%M:%S"),
        )
        client.post(change_url(own_draft), data)
        own_draft.refresh_from_db()
        return own_draft.is_scheduled
    if action == "unpublish":
        client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "unpublish_selected", "_selected_action": [published.pk]},
        )
        published.refresh_from_db()
        return published.status == Article.Status.UNPUBLISHED
    if action == "retract":
        client.post(
            reverse("admin:articles_article_retract", args=[published.pk]), {"reason": "Wrong figures."}
        )
        published.refresh_from_db()
        return published.is_retracted
    if action == "post a flash":
        client.post(reverse("admin:articles_article_flash"), {"headline": "Gates opened", "urgency": 1})
        return Article.objects.filter(headline="Gates opened", status=Article.Status.PUBLISHED).exists()
    if action == "add a correction":
        data = story_post_data(
            published,
            **{
                "corrections-TOTAL_FORMS": "1",
                "corrections-0-kind": "correction",
                "corrections-0-text": "Fixed.",
            },
        )
        client.post(change_url(published), data)
        return Correction.objects.filter(article=published).exists()
    if action.startswith("restore a revision"):
        story = {
            "restore a revision of own draft": own_draft,
            "restore a revision of own published story": published,
        }.get(action, others_draft)
        return restored(client, story)
    if action == "upload a photo":
        client.post(
            reverse("admin:articles_photo_add"),
            {"image": uploaded_image(), "credit": "NWS/Ana Ortiz", "alt_text": "A ferry at the quay"},
        )
        return Photo.objects.filter(alt_text="A ferry at the quay").exists()
    if action == "change a photo's credit":
        photo = PhotoFactory()
        client.post(
            reverse("admin:articles_photo_change", args=[photo.pk]),
            {"credit": "NWS/Corrected Name", "alt_text": photo.alt_text, "caption": photo.caption},
        )
        photo.refresh_from_db()
        return photo.credit == "NWS/Corrected Name"
    if action == "delete a photo":
        photo = PhotoFactory()
        client.post(reverse("admin:articles_photo_delete", args=[photo.pk]), {"post": "yes"})
        return not Photo.objects.filter(pk=photo.pk).exists()
    raise AssertionError(f"unknown action {action}")


def restored(client, story):
    """Restore the story's first revision through the desk; True if its headline came back."""
    # The first revision is of the story as a draft, as it was before an editor published it.
    first_headline, status = story.headline, story.status
    story.status = Article.Status.DRAFT
    with reversion.create_revision():
        story.save()
    story.headline, story.status = "Later headline", status
    with reversion.create_revision():
        story.save()
    url = reverse("admin:articles_article_revision", args=[story.pk, versions_of(story).last().pk])
    client.get(url)
    story.refresh_from_db()
    # Once, confirmed (a published story's restore asks for it): a restore is never taken for a
    # conflict when nobody saved in between.
    client.post(url, story_post_data(story, headline=first_headline, confirm_restore="on"))
    story.refresh_from_db()
    return story.headline == first_headline


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(MATRIX))
def test_role_action_matrix(client, role, action):
    user = desk_user(role)
    client.force_login(user)
    expected = role in MATRIX[action]
    assert attempt(action, client, user) is expected, f"{role} {'may' if expected else 'must not'} {action}"


def test_reporters_do_not_see_buttons_they_cannot_use(client):
    reporter = desk_user("Reporter")
    client.force_login(reporter)
    draft = ArticleFactory(author=reporter)
    content = client.get(change_url(draft)).content.decode()
    assert 'name="_submit"' in content
    assert 'name="_publish"' not in content and "Retract" not in content
    changelist = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "publish_selected" not in changelist


def test_editors_see_the_workflow_buttons(client):
    client.force_login(desk_user("Editor"))
    story = ArticleFactory(published=True)
    content = client.get(change_url(story)).content.decode()
    assert 'name="_publish"' in content and 'name="_unpublish"' in content and "Retract…" in content


@pytest.mark.django_db(transaction=True)
def test_putting_the_roles_back_leaves_the_app_registry_as_it_was():
    """Browser tests put the role groups back after each flush with the migration's own code,
    run on the live app registry; it once cleared every app's models module, so the next flush
    recreated no content types and the next journey's first admin save failed on a foreign key."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    from .desk import ensure_roles

    Group.objects.filter(name="Editor").delete()
    before = {config.label: config.models_module for config in apps.get_app_configs()}
    ensure_roles()
    assert Group.objects.filter(name="Editor").exists()
    assert {config.label: config.models_module for config in apps.get_app_configs()} == before
