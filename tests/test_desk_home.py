"""The desk home and the review loop: what waits for whom, withdrawing from review, and an
editor's note when a story goes back (issue 14, part 3)."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction

from .desk import change_url, desk_user, story_post_data
from .factories import ArticleFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db

HOME = reverse("admin:index")


@pytest.fixture
def reporter():
    return desk_user("Reporter")


@pytest.fixture
def editor():
    return desk_user("Editor")


def in_review(author, headline, submitted_minutes_ago):
    story = ArticleFactory(author=author, headline=headline)
    story.submit_for_review(by=author)
    story.status_changes.update(at=timezone.now() - datetime.timedelta(minutes=submitted_minutes_ago))
    return story


def queue(response, key):
    return next(q for q in response.context["queues"] if q.key == key)


def test_the_desk_home_lists_what_waits_oldest_review_first(client, reporter, editor):
    newer = in_review(reporter, "Ferry timetable changes", 5)
    older = in_review(reporter, "Harbour dredging delayed", 90)
    scheduled = ArticleFactory(scheduled=True, headline="Budget vote tomorrow")
    # Earlier today in the site's time zone, whatever the hour: an hour ago is yesterday just
    # after midnight (this failed at 00:12 Moscow time).
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    today = ArticleFactory(
        published=True, published_at=midnight + (timezone.now() - midnight) / 2, headline="Council meets"
    )
    client.force_login(editor)
    response = client.get(HOME)
    assert response.status_code == 200
    review = queue(response, "review")
    assert [s.pk for s in review.stories] == [older.pk, newer.pk] and review.count == 2
    assert review.stories[0].submitted_by == reporter.username
    assert [s.pk for s in queue(response, "scheduled").stories] == [scheduled.pk]
    assert today.pk in [s.pk for s in queue(response, "today").stories]
    page = response.content.decode()
    assert "Harbour dredging delayed" in page and "submitted by reporter" in page
    assert page.index("Harbour dredging delayed") < page.index("Ferry timetable changes")
    assert "goes live" in page and "All records" in page  # the stock app list is still there, below


def test_my_drafts_are_the_users_own(client, reporter, editor):
    mine = ArticleFactory(author=reporter, headline="My own draft")
    ArticleFactory(author=editor, headline="Someone else's draft")
    client.force_login(reporter)
    stories = queue(client.get(HOME), "mine").stories
    assert [s.pk for s in stories] == [mine.pk]


def test_needs_attention_names_a_quote_the_body_lost_and_a_fresh_correction(client, reporter, editor):
    story = in_review(reporter, "Quote gone missing", 10)
    QuoteFactory(article=story, speaker=PersonFactory(), text="Words the body does not hold")
    corrected = ArticleFactory(published=True, headline="Corrected story")
    Correction.objects.create(article=corrected, text="An earlier version misspelt a name.")
    client.force_login(editor)
    attention = queue(client.get(HOME), "attention")
    reasons = {s.headline: s.attention for s in attention.stories}
    assert "a quote is not in the body" in reasons["Quote gone missing"]
    assert reasons["Corrected story"].startswith("correction added")


def test_the_desk_home_costs_the_same_with_more_stories(client, reporter, editor):
    client.force_login(editor)
    for i in range(3):
        in_review(reporter, f"Story {i}", i)
    with CaptureQueriesContext(connection) as few:
        client.get(HOME)
    for i in range(3, 12):
        in_review(reporter, f"Story {i}", i)
        ArticleFactory(published=True)
    with CaptureQueriesContext(connection) as many:
        client.get(HOME)
    assert len(many) == len(few)


def test_a_reporter_withdraws_their_story_from_review(client, reporter):
    story = in_review(reporter, "Too early", 3)
    client.force_login(reporter)
    form = client.get(change_url(story)).content.decode()
    assert "Withdraw from review" in form and "Note to the reporter" not in form
    client.post(reverse("admin:articles_article_withdraw", args=[story.pk]))
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT
    assert story.status_changes.order_by("-at", "-pk").first().by == reporter


def test_a_reporter_cannot_withdraw_someone_elses_story(client, reporter):
    story = in_review(desk_user("Reporter", "other"), "Not yours", 3)
    client.force_login(reporter)
    assert "Withdraw from review" not in client.get(change_url(story)).content.decode()
    client.post(reverse("admin:articles_article_withdraw", args=[story.pk]))
    story.refresh_from_db()
    assert story.status == Article.Status.IN_REVIEW


def test_sending_back_needs_a_note_and_the_reporter_sees_it(client, reporter, editor):
    story = in_review(reporter, "Needs a second source", 20)
    client.force_login(editor)
    response = client.post(change_url(story), story_post_data(story, _send_back="1"), follow=True)
    story.refresh_from_db()
    assert story.status == Article.Status.IN_REVIEW
    errors = [m.message for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
    assert any("Write a note for the reporter" in m for m in errors)

    note = "Call the port authority for a second source."
    client.post(change_url(story), story_post_data(story, _send_back="1", send_back_note=note))
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT

    client.force_login(reporter)
    home = client.get(HOME).content.decode()
    assert note in home and "Sent back by editor" in home
    assert note in client.get(change_url(story)).content.decode()


def test_in_review_a_reporter_reads_the_body_rendered_not_as_html(client, reporter):
    story = ArticleFactory(author=reporter, body="<p>Ferries will run <strong>hourly</strong>.</p>")
    story.submit_for_review(by=reporter)
    client.force_login(reporter)
    page = client.get(change_url(story)).content.decode()
    assert "<strong>hourly</strong>" in page
    assert "&lt;p&gt;" not in page


@pytest.mark.parametrize("tool", ["withdraw", "retract", "revoke_preview", "compare"])
def test_a_story_tool_with_a_malformed_id_is_not_found(client, editor, tool):
    client.raise_request_exception = False
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[1]).replace("/1/change/", "/not-a-number/")
    path = {"revoke_preview": "preview/revoke/", "compare": "history/compare/"}.get(tool, f"{tool}/")
    assert client.post(url + path).status_code == 404
    assert client.get(url + path).status_code == 404


def test_the_desk_photo_route_refuses_a_nul_in_the_name(client, editor):
    client.raise_request_exception = False
    client.force_login(editor)
    assert client.get("/admin/articles/photo/file/photos/a%00b.jpg").status_code == 404


def test_a_story_needing_attention_for_two_reasons_is_listed_once(client, reporter, editor):
    story = ArticleFactory(published=True, headline="Corrected, no photo")
    Correction.objects.create(article=story, text="An earlier version gave the wrong date.")
    client.force_login(editor)
    attention = queue(client.get(HOME), "attention")
    rows = [s for s in attention.stories if s.pk == story.pk]
    assert len(rows) == 1 and attention.count == 1
    assert rows[0].attention.startswith("correction added") and rows[0].attention.endswith("no lead photo")
