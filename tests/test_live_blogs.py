"""Live blogs: entries, their rules, the reader's page, its update endpoint, feeds and JSON-LD."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, LiveEntry, Quote
from articles.models.integrity import quote_problems
from articles.models.live import entry_delete, entry_edit, entry_post

from .factories import ArticleFactory, LiveEntryFactory, PersonFactory, PhotoFactory
from .test_structured_data import head

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog():
    return ArticleFactory(
        published=True,
        is_live=True,
        headline="Storm closes the northern ferry routes",
        slug="storm-ferry-routes-live",
        body="<p>Crossings are suspended while the storm passes.</p>",
    )


def updates_url(article):
    return f"/news/{article.slug}/live/updates.json"


# The entry's rules (articles/models/live.py).


def test_an_entry_is_sanitised_like_the_body(blog, editor):
    entry = entry_post(
        article=blog, by=editor, body='<p onclick="x()">Gusts <script>alert(1)</script>at 90 km/h</p>'
    )
    assert entry.body == "<p>Gusts at 90 km/h</p>"


def test_an_empty_entry_is_refused_with_a_message(blog, editor):
    with pytest.raises(ValidationError, match="needs some text"):
        entry_post(article=blog, by=editor, body="<p> </p>")
    assert not LiveEntry.objects.exists()


def test_only_a_live_blog_takes_entries(editor):
    story = ArticleFactory(published=True)
    with pytest.raises(ValidationError, match="not a live blog"):
        entry_post(article=story, by=editor, body="<p>Hello</p>")


def test_an_entrys_quote_is_a_quote_record_of_the_story_checked_against_the_entry(blog, editor, client):
    captain = PersonFactory(name="Marta Lindqvist", slug="marta-lindqvist", role="Harbour master")
    with pytest.raises(ValidationError, match="as the entry prints them"):
        entry_post(
            article=blog,
            by=editor,
            body="<p>The harbour master spoke.</p>",
            quote_text="Nobody sails tonight",
            speaker=captain,
        )
    entry = entry_post(
        article=blog,
        by=editor,
        body="<p>“Nobody sails tonight,” the harbour master said.</p>",
        quote_text="Nobody sails tonight",
        speaker=captain,
    )
    quote = Quote.objects.get()
    assert (quote.article, quote.entry, quote.speaker) == (blog, entry, captain)
    # The integrity gate checks it against the entry, not the story's body, and passes.
    assert quote_problems(blog) == []
    # Readers find it on the person's page, and in the entry on the story page.
    assert "Nobody sails tonight" in client.get("/people/marta-lindqvist/").content.decode()
    page = client.get(blog.get_absolute_url()).content.decode()
    assert "Nobody sails tonight" in page and "On the record" not in page


def test_an_entry_quote_whose_words_are_edited_out_fails_the_integrity_gate(blog, editor):
    speaker = PersonFactory()
    entry = entry_post(
        article=blog, by=editor, body="<p>“We wait,” she said.</p>", quote_text="We wait", speaker=speaker
    )
    LiveEntry.objects.filter(pk=entry.pk).update(body="<p>She said little.</p>")
    assert "not in its live entry" in quote_problems(Article.objects.get(pk=blog.pk))[0]


def test_a_photo_is_shown_with_its_credit(blog, editor, client):
    photo = PhotoFactory(credit="Coast Pictures/Ola Berg", caption="Waves over the pier")
    entry_post(article=blog, by=editor, body="<p>The pier this morning.</p>", photo=photo)
    page = client.get(blog.get_absolute_url()).content.decode()
    assert "Waves over the pier" in page and "Coast Pictures/Ola Berg" in page


def test_an_edit_is_marked_edited_only_when_the_words_change(blog, editor, client):
    entry = entry_post(article=blog, by=editor, body="<p>Winds of 80 km/h.</p>")
    entry_edit(entry, by=editor, body=entry.body, is_pinned=True)
    assert LiveEntry.objects.get().edited_at is None
    entry_edit(entry, by=editor, body="<p>Winds of 95 km/h.</p>", is_pinned=True)
    assert LiveEntry.objects.get().edited_at is not None
    page = client.get(blog.get_absolute_url()).content.decode()
    assert "Winds of 95 km/h." in page and "Edited" in page and "80 km/h" not in page
    # Every state is a revision the desk can compare.
    assert Version.objects.get_for_object(entry).count() == 3


def test_a_deletion_leaves_a_trace_in_the_revisions(blog, editor):
    entry = entry_post(article=blog, by=editor, body="<p>A wrong ferry time.</p>")
    pk = entry.pk
    entry_delete(entry, by=editor)
    assert not LiveEntry.objects.exists()
    deleted = Version.objects.get_deleted(LiveEntry)
    assert [int(version.object_id) for version in deleted] == [pk]
    assert "A wrong ferry time." in deleted[0].serialized_data
    story_revision = Version.objects.get_for_object(blog).first().revision
    assert story_revision.comment.startswith(f"Live entry {pk} deleted") and story_revision.user == editor


def test_a_retried_post_makes_one_entry(blog, editor):
    first = entry_post(article=blog, by=editor, body="<p>Once.</p>", client_key="k1")
    again = entry_post(article=blog, by=editor, body="<p>Once.</p>", client_key="k1")
    assert first.pk == again.pk and LiveEntry.objects.count() == 1


def test_coverage_must_end_after_it_starts(blog):
    blog.coverage_start = timezone.now()
    blog.coverage_end = blog.coverage_start - datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError) as raised:
        blog.clean()
    assert "coverage_end" in raised.value.message_dict


# The reader's page.


def test_the_page_shows_entries_newest_first_with_permalinks(blog, client):
    old = LiveEntryFactory(
        article=blog,
        body="<p>First word from the coast.</p>",
        posted_at=timezone.now() - datetime.timedelta(minutes=5),
    )
    new = LiveEntryFactory(article=blog, body="<p>Second word from the coast.</p>")
    page = client.get(blog.get_absolute_url()).content.decode()
    assert page.index(f'id="entry-{new.pk}"') < page.index(f'id="entry-{old.pk}"')
    assert f'href="/news/{blog.slug}/#entry-{new.pk}"' in page
    assert "data-updates-url" in page and "Live coverage has ended" not in page


def test_a_new_entry_is_on_the_stored_page_at_once(blog, client, settings):
    settings.PAGE_CACHE = True
    client.get(blog.get_absolute_url())  # rendered and stored, in the page cache too
    stored = client.get(blog.get_absolute_url())
    assert "Harbour reopens" not in stored.content.decode()
    LiveEntryFactory(article=blog, body="<p>Harbour reopens at noon.</p>")
    assert "Harbour reopens at noon." in client.get(blog.get_absolute_url()).content.decode()


def test_a_deleted_or_edited_entry_leaves_the_stored_page_at_once(blog, client, editor):
    entry = entry_post(article=blog, by=editor, body="<p>Bridge shut.</p>")
    assert "Bridge shut." in client.get(blog.get_absolute_url()).content.decode()
    entry_edit(entry, by=editor, body="<p>Bridge open again.</p>")
    assert "Bridge open again." in client.get(blog.get_absolute_url()).content.decode()
    entry_delete(LiveEntry.objects.get(), by=editor)
    assert "Bridge open again." not in client.get(blog.get_absolute_url()).content.decode()


def test_the_live_page_is_cached_briefly(blog, client, settings):
    settings.LIVE_PAGE_CACHE_SECONDS = 10
    response = client.get(blog.get_absolute_url())
    assert re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1) in {str(n) for n in range(11)}


def test_the_live_page_is_not_cached_past_the_end_of_coverage(blog, client, settings):
    settings.LIVE_PAGE_CACHE_SECONDS = 10
    Article.objects.filter(pk=blog.pk).update(coverage_end=timezone.now() + datetime.timedelta(seconds=4))
    response = client.get(blog.get_absolute_url())
    assert int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1)) <= 4


def test_coverage_ended_by_the_clock_is_shown_without_any_save(blog, client, settings):
    # The stored render (not the page cache, bounded by the end as the test above shows).
    settings.PAGE_CACHE = False
    LiveEntryFactory(article=blog)
    Article.objects.filter(pk=blog.pk).update(coverage_end=timezone.now() + datetime.timedelta(seconds=1))
    client.get(blog.get_absolute_url())  # stored while coverage runs
    Article.objects.filter(pk=blog.pk).update(coverage_end=timezone.now() - datetime.timedelta(seconds=1))
    page = client.get(blog.get_absolute_url()).content.decode()
    assert "Live coverage has ended" in page and "data-updates-url" not in page


def test_older_entries_are_paged_by_cursor_and_all_reachable_without_javascript(blog, client):
    start = timezone.now() - datetime.timedelta(hours=2)
    entries = [
        LiveEntryFactory(
            article=blog,
            body=f"<p>Entry number {n:02d}.</p>",
            posted_at=start + datetime.timedelta(minutes=n),
        )
        for n in range(45)
    ]
    seen, url = [], blog.get_absolute_url()
    while url:
        page = client.get(url).content.decode()
        seen += [int(pk) for pk in re.findall(r'<article class="live-entry[^"]*" id="entry-(\d+)"', page)]
        found = re.search(
            r'<a id="live-older" href="([^"]+)"(?! hidden)|class="live-older"><a href="([^"]+)"', page
        )
        url = (found.group(1) or found.group(2)).replace("&amp;", "&") if found else None
    assert seen == [entry.pk for entry in reversed(entries)]


def test_a_bad_cursor_is_a_clear_404(blog, client):
    response = client.get(f"/news/{blog.slug}/live/?before=not-a-cursor")
    assert response.status_code == 404


def test_json_ld_is_a_live_blog_posting_with_its_updates(blog, client):
    blog.coverage_start = timezone.now() - datetime.timedelta(hours=1)
    blog.coverage_end = timezone.now() + datetime.timedelta(hours=5)
    blog.save()
    one = LiveEntryFactory(article=blog, headline="Ferries halted", body="<p>All crossings halted.</p>")
    two = LiveEntryFactory(article=blog, body="<p>Buses replace the ferry to the islands.</p>")
    data = next(
        item for item in head(client, blog.get_absolute_url()).json_ld if item["@type"] == "LiveBlogPosting"
    )
    assert data["coverageStartTime"] and data["coverageEndTime"]
    updates = data["liveBlogUpdate"]
    assert [u["@type"] for u in updates] == ["BlogPosting", "BlogPosting"]
    assert updates[1]["headline"] == "Ferries halted" and "headline" not in updates[0]
    assert updates[0]["articleBody"] == "Buses replace the ferry to the islands."
    assert updates[0]["url"] == f"http://testserver/news/{blog.slug}/#entry-{two.pk}"
    assert updates[1]["url"].endswith(f"#entry-{one.pk}")
    for update in updates:
        assert update["datePublished"] and update["author"]["name"]


# The update endpoint.


def test_updates_answer_with_an_etag_and_a_cheap_304(blog, client, django_assert_num_queries):
    LiveEntryFactory(article=blog, body="<p>First.</p>")
    first = client.get(updates_url(blog))
    assert first.status_code == 200 and "public" in first["Cache-Control"]
    assert [e["id"] for e in first.json()["entries"]] == list(blog.live_entries.values_list("pk", flat=True))
    client.get("/")  # the site-wide values are cached by any page
    with django_assert_num_queries(1):
        again = client.get(updates_url(blog), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    LiveEntryFactory(article=blog, body="<p>Second.</p>")
    changed = client.get(updates_url(blog), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "Second." in changed.json()["entries"][0]["html"]


def test_updates_say_when_coverage_has_ended(blog, client):
    running = client.get(updates_url(blog))
    Article.objects.filter(pk=blog.pk).update(coverage_end=timezone.now() - datetime.timedelta(seconds=1))
    ended = client.get(updates_url(blog), HTTP_IF_NONE_MATCH=running["ETag"])
    assert ended.status_code == 200 and ended.json()["ended"] is True


def test_pinned_entries_and_key_events_are_in_the_highlights(blog, client):
    LiveEntryFactory(article=blog, body="<p>Ferry times are on the council's page.</p>", is_pinned=True)
    LiveEntryFactory(
        article=blog,
        headline="Red warning issued",
        body="<p>The service issued a red warning.</p>",
        is_key_event=True,
    )
    highlights = client.get(updates_url(blog)).json()["highlights"]
    assert "Pinned" in highlights and "Key events" in highlights and "Red warning issued" in highlights


@pytest.mark.parametrize("state", ["draft", "scheduled", "not live"])
def test_no_updates_or_feeds_for_a_blog_readers_may_not_see(client, state):
    fields = {"draft": {}, "scheduled": {"scheduled": True}, "not live": {"published": True}}[state]
    story = ArticleFactory(is_live=state != "not live", **fields)
    LiveEntry.objects.create(article=story, body="<p>zqhiddenentry</p>")
    for url in (
        updates_url(story),
        f"/news/{story.slug}/live/",
        f"/news/{story.slug}/live/rss/",
        f"/news/{story.slug}/live/atom/",
    ):
        response = client.get(url)
        assert response.status_code == 404 and b"zqhiddenentry" not in response.content


# Feeds.


def test_the_feeds_carry_each_entry_with_its_permalink(blog, client):
    entry = LiveEntryFactory(article=blog, headline="Ferries halted", body="<p>All crossings halted.</p>")
    rss = client.get(f"/news/{blog.slug}/live/rss/")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert "<title>Ferries halted</title>" in body
    assert f"http://testserver/news/{blog.slug}/#entry-{entry.pk}" in body
    atom = client.get(f"/news/{blog.slug}/live/atom/").content.decode()
    assert "All crossings halted." in atom and "<feed" in atom
    assert client.get(f"/news/{blog.slug}/live/rss/", HTTP_IF_NONE_MATCH=rss["ETag"]).status_code == 304


def test_the_page_links_its_entries_feed(blog, client):
    links = head(client, blog.get_absolute_url()).links
    assert any(link.get("href") == f"/news/{blog.slug}/live/rss/" for link in links)
