"""Previews: staff see drafts at their address; others only with a signed, unexpired link."""

import datetime

import pytest
import time_machine
from django.core import signing

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
        return html[html.index('<div class="story-body">') : html.index("</article>")]

    assert story_part(preview) == story_part(live)


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
