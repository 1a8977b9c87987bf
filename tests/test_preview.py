"""Previews: staff see drafts at their address; others only with a signed, unexpired link."""

import datetime

import pytest
import time_machine
from django.core import signing
from django.urls import reverse

from articles.models import Article
from articles.public.preview import preview_url

from .desk import change_url, desk_user
from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_shared_link_shows_the_draft_to_someone_without_an_account(client):
    draft = ArticleFactory(headline="Embargoed: new metro line")
    response = client.get(preview_url(draft))
    assert response.status_code == 200
    assert b"Embargoed: new metro line" in response.content
    assert b"Preview" in response.content
    assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex"


def test_the_link_looks_like_the_published_page(client):
    draft = ArticleFactory(headline="Same layout")
    preview = client.get(preview_url(draft)).content.decode()
    draft.publish()
    live = client.get(draft.get_absolute_url()).content.decode()

    # The story as readers will get it: lead photo, body, quotes and the rest.
    def story_part(html):
        end = html.find('<footer class="story-footer"')
        return html[
            html.index('<div class="story-body">') : end if end >= 0 else html.index("</article>")
        ].rstrip()

    assert story_part(preview) == story_part(live)
    # Share links only once there is a public address to share.
    assert 'class="share"' in live and 'class="share"' not in preview


def test_the_link_expires(client, settings):
    draft = ArticleFactory()
    url = preview_url(draft)
    with time_machine.travel(datetime.timedelta(seconds=settings.PREVIEW_LINK_MAX_AGE + 1)):
        response = client.get(url)
    assert response.status_code == 404
    assert b"This preview link is not valid" in response.content


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # signature altered
        lambda token: "999999" + token[token.index(":") :],  # another story's id, same signature
        lambda token: signing.TimestampSigner(salt="something-else").sign("1"),  # signed for another purpose
        lambda token: "not-a-token",
    ],
)
def test_a_forged_or_altered_link_shows_nothing(client, tamper):
    draft = ArticleFactory(headline="Secret draft")
    token = preview_url(draft).rstrip("/").rsplit("/", 1)[1]
    response = client.get(f"/preview/{tamper(token)}/")
    assert response.status_code == 404
    assert b"Secret draft" not in response.content


def test_the_desk_shows_the_link_to_share(client):
    client.force_login(desk_user("Editor"))
    draft = ArticleFactory()
    content = client.get(change_url(draft)).content.decode()
    assert "Preview link to share" in content and "/preview/" in content


def test_staff_preview_a_scheduled_story_at_its_address(client):
    client.force_login(desk_user("Reporter"))
    story = ArticleFactory(scheduled=True, headline="Tomorrow's story")
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert b"scheduled for" in response.content


@pytest.mark.parametrize("takedown", ["publish", "unpublish", "retract", "delete"])
def test_a_link_dies_when_the_story_is_published_unpublished_retracted_or_deleted(client, takedown):
    editor = desk_user("Editor")
    story = ArticleFactory(published=takedown in ("unpublish", "retract"), headline="Taken down")
    if story.status == story.Status.PUBLISHED:
        story.status = story.Status.DRAFT  # the link was made while it was still a draft
        url = preview_url(story)
        story.status = story.Status.PUBLISHED
    else:
        url = preview_url(story)
    assert client.get(url).status_code == 200
    if takedown == "retract":
        story.retract(reason="Wrong.", by=editor)
    elif takedown == "delete":
        story.delete()
    else:
        getattr(story, takedown)(by=editor)
    if takedown == "unpublish":
        # Unpublished again, it is previewable: but only with a new link.
        assert client.get(preview_url(Article.objects.get(pk=story.pk))).status_code == 200
    response = client.get(url)
    assert response.status_code == 404
    assert b"Taken down" not in response.content


def test_the_desk_revokes_shared_links(client):
    reporter = desk_user("Reporter")
    client.force_login(reporter)
    draft = ArticleFactory(author=reporter)
    url = preview_url(draft)
    page = client.get(change_url(draft)).content.decode()
    revoke = reverse("admin:articles_article_revoke_preview", args=[draft.pk])
    assert revoke in page and "Revoke preview links" in page
    response = client.post(revoke, follow=True)
    assert "no longer work" in response.content.decode()
    client.logout()
    assert client.get(url).status_code == 404
    assert client.get(preview_url(Article.objects.get(pk=draft.pk))).status_code == 200


def test_a_reporter_cannot_revoke_links_to_someone_elses_story(client):
    client.force_login(desk_user("Reporter"))
    draft = ArticleFactory()
    url = preview_url(draft)
    response = client.post(reverse("admin:articles_article_revoke_preview", args=[draft.pk]))
    assert response.status_code == 403
    client.logout()
    assert client.get(url).status_code == 200
