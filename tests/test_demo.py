"""The demo newsroom: it loads in full, a second run changes nothing, and it keeps the site's rules."""

import copy
import datetime
import html
import io
import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.text import slugify
from PIL import Image, ImageStat

from articles.demo import content, content_ru, images
from articles.demo.loader import PHOTO_DIR, body_html
from articles.models import (
    Article,
    FrontSlot,
    Person,
    Photo,
    Quote,
    Section,
    TaggedArticle,
    TaggedPerson,
    Topic,
)

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(
    r"Demo content: (?P<stories>\d+) stories, (?P<people>\d+) people, (?P<quotes>\d+) quotes, "
    r"(?P<photos>\d+) photos \(created (?P<created>\d+), already there (?P<existing>\d+)\)\."
    r"(?: Edition ru: (?P<ru>\d+) stories, (?P<ru_translations>\d+) of them translations\.)?"
)
STRAIGHT_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def load():
    out = StringIO()
    call_command("load_demo", stdout=out)
    match = SUMMARY.search(out.getvalue())
    assert match, out.getvalue()
    return {key: int(value) for key, value in match.groupdict().items() if value is not None}


def plain(text):
    """Text as the quote rule compares it: no tags, straight quote marks, single spaces."""
    return " ".join(html.unescape(strip_tags(text)).translate(STRAIGHT_QUOTES).split())


def record_counts():
    models = [Article, Person, Quote, Photo, Section, Topic, TaggedArticle, TaggedPerson]
    counts = {model.__name__: model.objects.count() for model in models}
    counts["people mentioned"] = Article.people.through.objects.count()
    return counts


def demo_files():
    root = Path(settings.PHOTO_ROOT) / PHOTO_DIR
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the tests that only read it, rolled back after the last.

    Loading takes seconds; each test's own transaction nests inside this one, so what a
    test changes is still undone after it. Tests that load the demo themselves come first
    in this file, before this fixture holds the data.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


def test_loading_twice_creates_nothing_new():
    first = load()
    counts, files = record_counts(), demo_files()

    second = load()

    assert record_counts() == counts
    assert demo_files() == files
    totals = first["stories"] + first["people"] + first["quotes"] + first["photos"]
    assert first["created"] == totals
    assert second == {**first, "created": 0, "existing": totals}


def test_a_quote_missing_from_its_body_stops_the_whole_load(monkeypatch):
    stories = copy.deepcopy(content.STORIES)
    stories[0]["quotes"][0]["text"] = "Words nobody said in this story"
    monkeypatch.setattr(content, "STORIES", stories)
    with pytest.raises(ValueError, match="not found in the body"):
        call_command("load_demo", stdout=StringIO())
    assert not Article.objects.exists()
    assert not Person.objects.exists()


def test_a_second_run_keeps_an_edited_translation_and_names_and_fills_in_missing_ones():
    first = load()
    translation = Article.objects.get(slug=content_ru.TRANSLATIONS[0]["slug"])
    translation.headline = "Заголовок, исправленный редактором"
    translation.save()
    voronin, world = Person.objects.get(slug="arkady-voronin"), Section.objects.get(slug="world")
    voronin.names = {"ru": "А. Воронин"}
    voronin.save()
    # A demo database loaded before the Russian edition existed: no Russian names yet.
    Person.objects.filter(slug="helena-marsh").update(names={})
    world.names = {}
    world.save()

    assert load() == {**first, "created": 0, "existing": first["created"]}

    assert Article.objects.get(pk=translation.pk).headline == "Заголовок, исправленный редактором"
    assert Article.objects.filter(translation_source=translation.translation_source).count() == 2
    assert Person.objects.get(slug="arkady-voronin").names == {"ru": "А. Воронин"}
    assert Person.objects.get(slug="helena-marsh").names == {"ru": "Хелена Марш"}
    assert Section.objects.get(slug="world").names == {"ru": "В мире"}


def test_a_russian_quote_missing_from_its_body_stops_the_whole_load(monkeypatch):
    translations = copy.deepcopy(content_ru.TRANSLATIONS)
    translations[-1]["quotes"][0]["text"] = "Слова, которых в заметке нет"
    monkeypatch.setattr(content_ru, "TRANSLATIONS", translations)
    with pytest.raises(ValueError, match="not found in the body"):
        call_command("load_demo", stdout=StringIO())
    assert not Article.objects.exists()


def test_a_site_without_a_russian_edition_loads_the_english_demo_alone(settings):
    settings.LANGUAGES = [("en", "English")]
    loaded = load()
    assert "ru" not in loaded and loaded["stories"] == len(content.STORIES)
    assert not Article.objects.exclude(language="en").exists()


def test_body_paragraphs_become_single_line_html_with_typographic_apostrophes():
    body = body_html(
        """
        The minister's plan, “first
        things first”, she said.

        A second <paragraph> & more.
        """
    )
    assert body == (
        "<p>The minister\u2019s plan, \u201cfirst things first\u201d, she said.</p>"
        "<p>A second &lt;paragraph&gt; &amp; more.</p>"
    )


def test_each_photo_file_is_written_once_under_a_fixed_name(demo):
    names = sorted(Photo.objects.values_list("image", flat=True))
    assert all(name.startswith(f"{PHOTO_DIR}/") for name in names)
    assert demo_files() == sorted(name.removeprefix(f"{PHOTO_DIR}/") for name in names)


def test_at_least_twelve_stories_are_published_over_the_past_ten_days(demo):
    now = timezone.now()
    published = Article.objects.published()
    assert published.count() >= 12
    assert demo["stories"] == len(content.STORIES) + len(content_ru.STORIES) + len(content_ru.TRANSLATIONS)
    for story in published:
        assert now - datetime.timedelta(days=10) <= story.published_at <= now
        assert story.agency == "NWS"
        assert story.dateline_place
        # Backdated with the publication, so the list does not call every story updated today.
        assert story.updated_at >= story.published_at > story.created_at


def test_every_published_quote_appears_in_its_story(demo):
    # The live blog's quotes are in its entries (test_the_live_blog_has_entries_with_quotes).
    quotes = Quote.objects.published().filter(entry__isnull=True).select_related("article", "speaker")
    assert quotes.count() >= 24
    for quote in quotes:
        assert plain(quote.text) in plain(quote.article.body), (quote.article.slug, quote.text)
        assert quote.article.people.filter(pk=quote.speaker_id).exists()


def test_every_story_is_shaped_like_wire_copy(demo):
    # The live blog is not wire copy: its entries are (test_the_live_blog_has_entries_with_quotes).
    for story in Article.objects.filter(is_live=False).prefetch_related("topics", "people", "quotes"):
        paragraphs = story.body.count("<p>")
        assert 5 <= paragraphs <= 8, story.slug
        # Each edition's own quote marks: “…” in English copy, «…» in Russian.
        marks = "«»" if story.language == "ru" else "\u201c\u201d"
        assert marks[0] in story.body and marks[1] in story.body, story.slug
        assert 2 <= len(story.topics.all()) <= 4, story.slug
        assert 2 <= len(story.quotes.all()) <= 4, story.slug
        assert story.people.exists(), story.slug
        assert story.section is not None
    assert Article.objects.filter(quotes__is_pull_quote=True).distinct().count() >= 6
    assert list(Section.objects.values_list("name", flat=True)) == [
        "World",
        "Politics",
        "Business",
        "Science",
        "Culture",
    ]


def test_every_photo_has_credit_alt_text_and_size(demo):
    photos = Photo.objects.all()
    assert demo["photos"] == photos.count() > 12
    for photo in photos:
        assert photo.credit.strip() and photo.alt_text.strip() and photo.caption.strip(), photo.image.name
        assert photo.copyright == "© NWS"
        assert photo.width > 0 and photo.height > 0
        assert photo.image.storage.exists(photo.image.name)
    assert {(p.width, p.height) for p in Photo.objects.filter(lead_of__isnull=False)} == {(1600, 1067)}
    assert {(p.width, p.height) for p in Photo.objects.filter(portrait_of__isnull=False)} == {(800, 800)}


def test_most_people_have_a_portrait_and_every_one_has_aliases(demo):
    people = Person.objects.all()
    assert people.count() >= 10
    assert people.filter(portrait__isnull=False).count() > people.count() / 2
    for person in people:
        assert person.role and person.organisation and person.bio
        assert len(person.alias_list) >= 2, person.slug


def test_one_draft_and_one_scheduled_story_stay_off_the_site(demo, client):
    now = timezone.now()
    draft = Article.objects.get(status=Article.Status.DRAFT)
    scheduled = Article.objects.get(status=Article.Status.PUBLISHED, published_at__gt=now)
    published = Article.objects.published()
    assert draft not in published
    assert scheduled not in published
    page = client.get("/").content.decode()
    assert escape(draft.headline) not in page
    assert escape(scheduled.headline) not in page


def test_one_embargoed_story_lifts_some_hours_after_the_load(demo, client):
    story = Article.objects.embargoed().get()
    assert datetime.timedelta(hours=2) < story.embargo_until - timezone.now() < datetime.timedelta(hours=6)
    assert client.get(story.get_absolute_url()).status_code == 404
    assert escape(story.headline) not in client.get("/").content.decode()


def test_front_page_shows_the_published_headlines(demo, client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    for headline in Article.objects.published().in_edition("en").values_list("headline", flat=True):
        assert escape(headline) in page


def test_a_story_page_shows_its_pull_quote_and_lead_photo_credit(demo, client):
    story = Article.objects.published().filter(quotes__is_pull_quote=True).first()
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert escape(story.pull_quote.text) in page
    assert escape(story.lead_photo.credit) in page


def test_one_recent_flash_leads_the_breaking_strip_written_through(demo, client, settings):
    settings.PAGE_CACHE = False
    flashes = Article.objects.published().in_edition("en").breaking()
    assert [story.urgency for story in flashes] == [1]
    story = Article.objects.get(pk=flashes[0].pk)
    assert story.revised_at and story.was_updated and story.body
    page = client.get("/").content.decode()
    assert 'class="breaking"' in page and story.headline in page


def test_each_story_picture_is_painted_as_the_kind_its_caption_describes(demo):
    for spec in content.STORIES:
        if not spec["photo"]:
            continue
        scene = spec["photo"]["scene"]
        assert scene in images.SCENES, spec["slug"]
        photo = Article.objects.get(slug=spec["slug"]).lead_photo
        # A picture painted before (another kind, or before captions said what they show) is
        # never reused for this one.
        assert photo.image.name == f"{PHOTO_DIR}/stories/{spec['slug']}-{slugify(scene)}.jpg"
        assert photo.caption and photo.alt_text


def test_a_speaker_stands_dark_against_a_lit_backdrop():
    picture = Image.open(io.BytesIO(images.scene_jpeg("speaker", "test-seed", 0))).convert("L")
    width, height = picture.size

    def brightness(left, right):
        strip = picture.crop((int(width * left), int(height * 0.3), int(width * right), int(height * 0.55)))
        return ImageStat.Stat(strip).mean[0]

    # Whichever side the figure stands, its head and shoulders darken the middle of the frame.
    assert brightness(0.46, 0.54) < 0.75 * min(brightness(0.0, 0.15), brightness(0.85, 1.0))


def test_the_live_blog_has_entries_with_quotes(demo, client):
    blog = Article.objects.published().get(is_live=True)
    entries = list(blog.live_entries.all())
    assert len(entries) >= 10
    quotes = Quote.objects.published().filter(entry__isnull=False)
    assert quotes.count() >= 3
    for quote in quotes:
        assert plain(quote.text) in plain(quote.entry.body)
    assert blog.live_entries.filter(is_key_event=True).count() >= 3 and blog.live_entries.filter(
        is_pinned=True
    )
    page = client.get(blog.get_absolute_url()).content.decode()
    assert page.count('class="live-entry') >= 10 and "Key events" in page


def test_the_front_page_is_arranged_by_hand(demo, client):
    # A lead that is not the newest story, and two top slots: what `make run` shows first.
    front = FrontSlot.objects.front()
    assert front.lead_pinned and front.lead.slug == content.FRONT["lead"]
    assert [story.slug for story in front.slots] == content.FRONT["slots"]
    assert front.lead != Article.objects.published().order_by("-published_at").first()
    html = client.get("/").content.decode()
    assert (
        html.index(front.lead.headline)
        < html.index(front.slots[0].headline)
        < html.index('id="latest-title"')
    )


def test_demo_stories_carry_bylines_of_authors_with_portraits(demo, client):
    from articles.demo import content_authors
    from articles.models import Author

    assert Author.objects.count() == len(content_authors.AUTHORS)
    assert Author.objects.filter(portrait__isnull=False).count() == 3
    assert all(
        p.image.name.startswith(f"{PHOTO_DIR}/authors/")
        for p in Photo.objects.filter(portrait_of_author__isnull=False)
    )
    # Every story of content.STORIES but the museum one; the live blog and the flash are
    # the desk's own (content_live, the flash form) and carry none.
    slugs = [spec["slug"] for spec in content.STORIES]
    stories = Article.objects.published().filter(slug__in=slugs)
    bylined = stories.filter(bylines__isnull=False).distinct().count()
    assert bylined == stories.count() - 1
    assert client.get("/authors/sara-quist/").status_code == 200
    assert Article.objects.filter(about__isnull=False).exists()
