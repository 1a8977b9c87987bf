"""Embargoes: a story partners have and readers do not, until it goes public by itself.

The public side (every surface, before and after the time) is swept by the leak sweep
(tests/test_leak_sweep.py); partners' side by tests/test_partner_api.py. Here: the rule
itself, the clock, the page cache's bound, and the desk.
"""

import datetime
import re

import pytest
import reversion
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.derived.cache import next_scheduled_change
from articles.models import Article, Person, Quote, Topic

from .desk import desk_user, story_post_data
from .factories import ArticleFactory, PersonFactory, QuoteFactory, TopicFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def embargoed(**fields):
    """A story given out an hour ago, embargoed for two hours more."""
    return ArticleFactory(published=True, embargo_until=timezone.now() + 2 * HOUR, **fields)


def max_age(response):
    return int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))


def test_an_embargoed_story_is_not_published_until_its_embargo_lifts():
    story = embargoed()
    assert not Article.objects.published().filter(pk=story.pk).exists()
    assert not Article.objects.on_record().filter(pk=story.pk).exists()
    assert list(Article.objects.embargoed()) == [story]
    assert story.is_embargoed and not story.is_published and story.state_label == "Embargoed"
    with time_machine.travel(story.embargo_until + datetime.timedelta(seconds=1)):
        assert Article.objects.published().filter(pk=story.pk).exists()
        story.refresh_from_db()
        assert story.is_published and not story.is_embargoed and story.state_label == "Published"
        assert not Article.objects.embargoed().exists()


def test_a_past_embargo_is_no_embargo():
    story = ArticleFactory(published=True, embargo_until=timezone.now() - datetime.timedelta(minutes=1))
    assert story.is_published and not story.is_embargoed
    assert Article.objects.published().filter(pk=story.pk).exists()


def test_people_topics_and_quotes_only_an_embargoed_story_carries_stay_unknown():
    person, topic = PersonFactory(slug="only-embargoed"), TopicFactory(slug="only-embargoed")
    speaker = PersonFactory(slug="quoted-under-embargo")
    story = embargoed(people=[person], topics=[topic])
    QuoteFactory(article=story, speaker=speaker, text="Negotiators met on Tuesday")
    assert not Person.objects.on_record().exists()
    assert not Topic.objects.on_record().exists()
    assert not Quote.objects.published().exists()
    with time_machine.travel(story.embargo_until + datetime.timedelta(seconds=1)):
        assert set(Person.objects.on_record()) == {person, speaker}
        assert list(Topic.objects.on_record()) == [topic]
        assert Quote.objects.published().count() == 1


def test_a_story_retracted_under_embargo_never_answers():
    story = embargoed()
    story.retract(reason="The figures were wrong.")
    assert not Article.objects.on_record().filter(pk=story.pk).exists()


def test_the_next_change_by_the_clock_is_the_embargo_lifting():
    story = embargoed()
    ArticleFactory(published=True, slug="later", expires_at=timezone.now() + 5 * HOUR)
    assert Article.objects.next_scheduled_change() == story.embargo_until


def test_the_page_cache_is_bounded_by_the_embargo_and_the_story_appears_by_itself(client, settings):
    settings.PAGE_CACHE = True
    settings.PUBLIC_CACHE_SECONDS = 3600
    ArticleFactory(published=True, headline="An ordinary story", slug="ordinary")
    story = embargoed(headline="Report under embargo", slug="report")
    lifts = story.embargo_until
    with time_machine.travel(lifts - datetime.timedelta(seconds=40)):
        first = client.get("/")
        assert "Report under embargo" not in first.content.decode()
        assert max_age(first) <= 40  # not the hour the setting allows
        assert client.get("/news/report/").status_code == 404
        with CaptureQueriesContext(connection) as queries:
            hit = client.get("/")
        assert len(queries) == 0 and max_age(hit) <= 40  # the stored copy, with the time left
    with time_machine.travel(lifts + datetime.timedelta(seconds=1)):
        assert "Report under embargo" in client.get("/").content.decode()
        page = client.get("/news/report/")
        assert page.status_code == 200 and "Report under embargo" in page.content.decode()
        assert next_scheduled_change() is None


# The desk.


@pytest.fixture
def editor_client(client):
    client.force_login(desk_user("Editor"))
    return client


def change_url(story):
    return f"/admin/articles/article/{story.pk}/change/"


def as_typed(name, when):
    """A time as the desk's form fields take it: the site's local date and time."""
    local = timezone.localtime(when) if when else None
    return {
        f"{name}_0": local.strftime("%Y-%m-%d") if local else "",
        f"{name}_1": local.strftime("%H:%M:%S") if local else "",
    }


def post_embargo(client, story, when, **overrides):
    data = story_post_data(
        story,
        **as_typed("published_at", story.published_at),
        **as_typed("embargo_until", when),
        **overrides,
    )
    return client.post(change_url(story), data)


def test_the_story_form_has_the_embargo_field_with_its_help(editor_client):
    story = ArticleFactory()
    page = editor_client.get(change_url(story)).content.decode()
    assert 'name="embargo_until_0"' in page
    assert "partners with an API key get the story from publication" in page


def test_an_editor_sets_an_embargo_from_the_story_form(editor_client):
    story = ArticleFactory(published=True)
    when = (timezone.now() + 3 * HOUR).replace(microsecond=0, second=0)
    response = post_embargo(editor_client, story, when)
    assert response.status_code == 302, response.content.decode()[:2000]
    story.refresh_from_db()
    assert story.embargo_until == when and story.is_embargoed


def test_an_embargo_already_past_is_refused_with_a_message(editor_client):
    story = ArticleFactory(published=True)
    response = post_embargo(editor_client, story, timezone.now() - HOUR)
    assert response.status_code == 200
    assert "has already passed, so it would hold nothing back" in response.content.decode()
    story.refresh_from_db()
    assert story.embargo_until is None


def test_an_embargo_ending_before_publication_is_refused(editor_client):
    story = ArticleFactory(scheduled=True)  # goes live in two hours
    response = post_embargo(editor_client, story, timezone.now() + HOUR)
    assert "so partners would get it no earlier than readers" in response.content.decode()


def test_a_lifted_embargo_does_not_stop_the_story_being_saved_again(editor_client):
    story = embargoed()
    with time_machine.travel(story.embargo_until + HOUR):
        response = post_embargo(editor_client, story, story.embargo_until, headline="Edited after the lift")
        assert response.status_code == 302
    story.refresh_from_db()
    assert story.headline == "Edited after the lift"


def test_reporters_cannot_set_an_embargo(client):
    reporter = desk_user("Reporter")
    client.force_login(reporter)
    story = ArticleFactory()
    story.author = reporter
    story.save()
    page = client.get(change_url(story)).content.decode()
    assert 'name="embargo_until_0"' not in page  # shown read-only, like the publication times


def test_desk_lists_mark_embargoed_stories(editor_client):
    story = embargoed(headline="Report under embargo")
    ArticleFactory(published=True, headline="Ordinary story", slug="ordinary")
    listing = editor_client.get("/admin/articles/article/").content.decode()
    assert re.search(r'class="embargo-mark">EMBARGOED</span> <span class="embargo-until">until ', listing)
    assert listing.count("EMBARGOED</span>") == 1
    filtered = editor_client.get("/admin/articles/article/?embargo=running").content.decode()
    assert "Report under embargo" in filtered and "Ordinary story" not in filtered
    home = editor_client.get("/admin/").content.decode()
    queue = home.split('id="queue-embargoed"')[1].split("</section>")[0]
    assert story.headline in queue and "EMBARGOED" in queue


def test_the_preview_banner_says_until_when(editor_client):
    story = embargoed(slug="report")
    page = editor_client.get("/news/report/").content.decode()
    until = timezone.localtime(story.embargo_until)
    assert f"this story is embargoed until {until:%-d %B %Y, %H:%M}" in page


def test_a_restore_never_hides_a_public_story_again_behind_an_old_embargo(client):
    from .test_restore import restore

    editor = desk_user("Editor")
    story = ArticleFactory(author=editor, headline="First headline", embargo_until=timezone.now() + 2 * HOUR)
    with reversion.create_revision():
        story.save()
    story.headline, story.embargo_until = "Second headline", None
    with reversion.create_revision():
        story.save()
    story.publish(by=editor)
    client.force_login(editor)
    restore(client, story)
    story.refresh_from_db()
    assert story.headline == "First headline"  # the content came back, the embargo did not
    assert story.embargo_until is None and story.is_published
