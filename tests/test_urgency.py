"""Urgency (IPTC 1–9), a flash in one step, write-throughs, and the front page's breaking strip."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.models import Article, Urgency
from articles.models.urgency import clamp, word
from articles.wire.ninjs import InvalidItem, parse_item, story_to_ninjs

from .desk import change_url, desk_user, story_post_data
from .factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

FLASH_URL = "/admin/articles/article/flash/"


def flash(**kwargs):
    """A published, headline-only FLASH of a few minutes ago."""
    defaults = {
        "headline": "Dam gates opened at Velna",
        "slug": "dam-gates-opened",
        "body": "",
        "urgency": Urgency.FLASH,
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(minutes=5),
    }
    return ArticleFactory(**{**defaults, **kwargs})


def strip(response):
    match = re.search(r'<section class="breaking".*?</section>', response.content.decode(), re.S)
    return match.group(0) if match else ""


# The scale and the publish rule.


def test_every_story_starts_normal_and_the_top_three_have_wire_words():
    story = ArticleFactory()
    assert story.urgency == 5 and story.urgency_word == ""
    assert [word(n) for n in range(1, 10)] == ["FLASH", "URGENT", "BULLETIN", "", "", "", "", "", ""]
    assert clamp("2") == 2 and clamp(0) is None and clamp("x") is None and clamp(10) is None


@pytest.mark.parametrize(("urgency", "allowed"), [(1, True), (2, True), (3, False), (5, False)])
def test_only_a_flash_or_urgent_may_publish_with_a_headline_alone(urgency, allowed):
    story = ArticleFactory(body="", urgency=urgency)
    if allowed:
        story.publish()
        assert story.is_published
    else:
        with pytest.raises(ValidationError, match="needs a body"):
            story.publish()


def test_a_flash_still_needs_a_headline():
    story = ArticleFactory(body="", headline=" ", urgency=Urgency.FLASH)
    with pytest.raises(ValidationError, match="needs a headline"):
        story.publish()


# A flash in one step.


def test_an_editor_posts_a_flash_that_is_published_at_once(client):
    section = SectionFactory(name="World", slug="world")
    client.force_login(desk_user("Editor"))
    form = client.get(FLASH_URL).content.decode()
    assert re.search(r'<input[^>]*value="1"[^>]*checked', form)  # FLASH by default
    data = {"headline": "  Dam gates  opened ", "section": section.pk, "urgency": 1}
    response = client.post(FLASH_URL, data)
    story = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == change_url(story)
    assert story.headline == "Dam gates opened" and story.is_published and story.urgency == 1
    assert story.body == "" and story.section == section
    assert story.status_changes.get().note == "Flash"
    page = client.get(story.get_absolute_url()).content.decode()
    assert '<p class="urgency-label">FLASH</p>' in page


def test_the_desk_home_offers_the_flash_button_to_editors_only(client):
    client.force_login(desk_user("Editor"))
    assert FLASH_URL in client.get("/admin/").content.decode()
    client.force_login(desk_user("Reporter"))
    assert FLASH_URL not in client.get("/admin/").content.decode()


def test_a_reporter_cannot_post_a_flash(client):
    client.force_login(desk_user("Reporter"))
    assert client.get(FLASH_URL).status_code == 403
    response = client.post(FLASH_URL, {"headline": "Forged flash", "urgency": 1})
    assert response.status_code == 403
    assert "Only editors" in response.content.decode()
    assert not Article.objects.exists()


def test_a_flash_without_a_headline_or_with_a_normal_urgency_is_refused_with_a_message(client):
    client.force_login(desk_user("Editor"))
    response = client.post(FLASH_URL, {"headline": "   ", "urgency": 1})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    response = client.post(FLASH_URL, {"headline": "Kept headline", "urgency": 5})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert "Kept headline" in response.content.decode()
    assert not Article.objects.exists()


# Writing it through.


def test_marking_an_update_shows_updated_hh_mm_and_moves_date_modified(client):
    story = flash()
    editor = desk_user("Editor")
    client.force_login(editor)
    before = timezone.now()
    data = story_post_data(story, body="<p>Engineers opened the gates at noon.</p>", mark_updated="on")
    assert client.post(change_url(story), data).status_code == 302
    story.refresh_from_db()
    assert story.revised_at >= before and story.is_published
    client.logout()
    page = client.get(story.get_absolute_url()).content.decode()
    shown = timezone.localtime(story.revised_at).strftime("%H:%M")
    # "Updated 14:32" the same day as publication, with the date after midnight (site time).
    assert re.search(rf"Updated <time datetime=\"[^\"]+\">[^<]*{shown} ", page)
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    ld = next(item for item in (ld if isinstance(ld, list) else [ld]) if item.get("@type") == "NewsArticle")
    assert abs(parse_datetime(ld["dateModified"]) - story.revised_at) < datetime.timedelta(seconds=1)


def test_the_first_body_of_a_published_flash_counts_as_an_update_by_itself(client):
    story = flash()
    client.force_login(desk_user("Editor"))
    client.post(change_url(story), story_post_data(story, body="<p>Engineers opened the gates.</p>"))
    story.refresh_from_db()
    assert story.revised_at is not None


def test_a_typo_fix_does_not_move_the_update_readers_see(client):
    marked = timezone.now() - datetime.timedelta(minutes=2)
    story = flash(body="<p>Engineers opened the gates.</p>", revised_at=marked)
    client.force_login(desk_user("Editor"))
    client.post(change_url(story), story_post_data(story, body="<p>Engineers opened the gate.</p>"))
    story.refresh_from_db()
    assert story.revised_at == marked and story.modified_at == marked
    assert story.updated_at > marked


def test_a_correction_added_to_a_published_story_marks_it_updated(client):
    story = flash(body="<p>Engineers opened the gates.</p>")
    client.force_login(desk_user("Editor"))
    data = story_post_data(
        story,
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-kind": "update",
            "corrections-0-text": "Adds the time the gates opened.",
        },
    )
    client.post(change_url(story), data)
    story.refresh_from_db()
    assert story.revised_at is not None


def test_mark_as_updated_is_offered_on_published_stories_only(client):
    client.force_login(desk_user("Editor"))
    assert "Mark as updated" in client.get(change_url(flash())).content.decode()
    assert "Mark as updated" not in client.get(change_url(ArticleFactory())).content.decode()


def test_the_desk_list_shows_and_filters_urgency(client):
    flash(headline="Gates opened")
    ArticleFactory(headline="Quiet council meeting")
    client.force_login(desk_user("Editor"))
    listing = client.get("/admin/articles/article/").content.decode()
    assert "column-urgency_column" in listing and "FLASH" in listing
    filtered = client.get("/admin/articles/article/?urgency__exact=1").content.decode()
    assert "Gates opened" in filtered and "Quiet council meeting" not in filtered


def test_the_urgency_is_kept_when_a_form_leaves_it_out_and_changed_when_given(client):
    story = flash(body="<p>Gates opened.</p>")
    client.force_login(desk_user("Editor"))
    client.post(change_url(story), story_post_data(story))
    story.refresh_from_db()
    assert story.urgency == 1
    client.post(change_url(story), story_post_data(story, urgency=3))
    story.refresh_from_db()
    assert story.urgency == 3


# Feeds, API, ninjs.


def test_feeds_prefix_the_wire_word_keep_the_guid_and_date_the_update(client):
    story = flash()
    rss = ET.fromstring(client.get("/feeds/rss/").content)
    item = rss.find("./channel/item")
    assert item.findtext("title") == "FLASH: Dam gates opened at Velna"
    assert "FLASH" in [c.text for c in item.findall("category")]
    guid = item.findtext("guid")
    story.body = "<p>Engineers opened the gates.</p>"
    story.mark_revised(at=timezone.now())
    story.save()
    item = ET.fromstring(client.get("/feeds/rss/").content).find("./channel/item")
    assert item.findtext("guid") == guid
    atom = ET.fromstring(client.get("/feeds/atom/").content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = atom.find("a:entry", ns)
    updated = datetime.datetime.fromisoformat(entry.findtext("a:updated", namespaces=ns))
    assert abs(updated - story.revised_at) < datetime.timedelta(seconds=1)


def test_the_api_gives_urgency_and_filters_by_it(client):
    flash()
    ArticleFactory(published=True, headline="Quiet council meeting")
    items = client.get("/api/stories").json()["items"]
    by_headline = {item["headline"]: item for item in items}
    assert by_headline["Dam gates opened at Velna"]["urgency"] == 1
    assert by_headline["Dam gates opened at Velna"]["urgency_word"] == "FLASH"
    assert by_headline["Quiet council meeting"]["urgency"] == 5
    urgent = client.get("/api/stories?urgency_max=2").json()["items"]
    assert [item["headline"] for item in urgent] == ["Dam gates opened at Velna"]
    assert client.get("/api/stories?urgency_max=0").status_code in (400, 422)


def test_a_flash_exported_as_ninjs_passes_iptcs_schema():
    from jsonschema import Draft202012Validator, FormatChecker

    from .test_ninjs import DATA

    schema = json.loads((DATA / "ninjs-schema_2.1.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    for urgency in (1, 9):
        item = story_to_ninjs(flash(urgency=urgency, slug=f"f{urgency}"), base_url="https://example.test")
        assert item["urgency"] == urgency
        assert not list(validator.iter_errors(item))
    assert list(validator.iter_errors({**item, "urgency": 10}))  # the schema does check it


def test_ninjs_carries_urgency_out_and_in():
    story = flash()
    assert story_to_ninjs(story, base_url="https://example.test")["urgency"] == 1
    item = {"uri": "urn:x:1", "headlines": [{"role": "main", "value": "Gates opened"}], "urgency": 2}
    assert parse_item(item).urgency == 2
    assert parse_item({key: value for key, value in item.items() if key != "urgency"}).urgency is None
    with pytest.raises(InvalidItem, match="1 \\(FLASH\\) to 9"):
        parse_item({**item, "urgency": 12})
    with pytest.raises(InvalidItem):
        parse_item({**item, "urgency": "1"})  # the schema says integer


# The breaking strip.


def test_the_strip_shows_recent_flashes_and_urgents_only(client, settings):
    settings.PAGE_CACHE = False
    flash(headline="Gates opened", slug="a")
    flash(headline="Minister resigns", slug="b", urgency=Urgency.URGENT)
    flash(headline="Bulletin on rates", slug="c", urgency=Urgency.BULLETIN)
    flash(headline="Old flash", slug="d", published_at=timezone.now() - datetime.timedelta(hours=4))
    flash(headline="Normal story", slug="e", urgency=Urgency.NORMAL)
    flash(headline="Scheduled flash", slug="f", published_at=timezone.now() + datetime.timedelta(hours=1))
    flash(headline="Draft flash", slug="g", status=Article.Status.DRAFT)
    shown = strip(client.get("/"))
    assert "Gates opened" in shown and "Minister resigns" in shown and "URGENT" in shown
    for hidden in ("Bulletin on rates", "Old flash", "Normal story", "Scheduled flash", "Draft flash"):
        assert hidden not in shown
    assert strip(client.get("/?page=2")) == ""


def test_the_window_is_a_setting(client, settings):
    settings.PAGE_CACHE = False
    settings.BREAKING_HOURS = 0.05  # three minutes
    flash()
    assert strip(client.get("/")) == ""


def test_the_strip_vanishes_by_itself_from_the_stored_page(client, settings):
    settings.PAGE_CACHE = True
    settings.PUBLIC_CACHE_SECONDS = 600
    story = flash(headline="Gates opened")
    leaves = story.published_at + datetime.timedelta(hours=settings.BREAKING_HOURS)
    with time_machine.travel(leaves - datetime.timedelta(seconds=30)):
        first = client.get("/")
        assert "Gates opened" in strip(first)
        assert int(re.search(r"max-age=(\d+)", first["Cache-Control"]).group(1)) <= 30
        with CaptureQueriesContext(connection) as queries:
            hit = client.get("/")
        assert len(queries) == 0 and "Gates opened" in strip(hit)  # served from the page cache
    with time_machine.travel(leaves + datetime.timedelta(seconds=1)):
        after = client.get("/")
        assert strip(after) == ""
        assert "Gates opened" in after.content.decode()  # still in the list below, as a story


def test_the_strip_costs_one_query_on_the_front_page_only(client, settings):
    settings.PAGE_CACHE = False
    flash()
    client.get("/")
    with CaptureQueriesContext(connection) as with_strip:
        client.get("/")
    with CaptureQueriesContext(connection) as page_two:
        client.get("/?page=2")
    assert len(with_strip) == len(page_two) + 1


def test_no_hidden_flash_reaches_the_strip(client, settings, tmp_path):
    from .leak_sweep import HIDDEN_STATES, build_world

    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PHOTO_ROOT = str(tmp_path / "photos")
    world = build_world(desk_user("Editor"))
    shown = strip(client.get("/"))
    assert world.control.article.headline in shown  # the sweep's flashes are in the window
    for state in HIDDEN_STATES:
        assert world.cases[state].markers["headline"] not in shown, state


def test_flash_url_is_named():
    assert reverse("admin:articles_article_flash") == FLASH_URL


def test_an_imported_ninjs_flash_keeps_its_urgency(tmp_path, settings):
    from .test_ninjs import run_import, write_item

    settings.MEDIA_ROOT = str(tmp_path / "media")
    item = {"uri": "urn:wire:flash-1", "version": "1", "headlines": [{"value": "Gates opened"}], "urgency": 1}
    path = write_item(tmp_path, "flash.json", item)
    assert "created draft" in run_import(path)
    story = Article.objects.get()
    assert story.urgency == 1 and story.status == Article.Status.DRAFT
    path = write_item(tmp_path, "bad.json", {**item, "uri": "urn:wire:2", "urgency": 0})
    assert "1 (FLASH) to 9" in run_import(path)
