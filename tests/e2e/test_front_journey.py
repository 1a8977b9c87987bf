"""An editor arranges the front page from the desk (a lead, two top slots, reordered), a
reader's home page shows it at a phone's width and a laptop's, and unpublishing the lead
takes it off the front at once. Both pages pass axe-core at both widths."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from articles.images.renditions import photo_create_renditions

from ..desk import desk_user
from ..factories import ArticleFactory, PhotoFactory, SectionFactory
from .test_accessibility import describe, picture

PASSWORD = "correct horse battery staple"
WIDTHS = ((1280, 900), (390, 844))

# Headline, section, standfirst, hours ago, the picture's colours (None: a story without a photo).
STORIES = [
    (
        "Velna floodgates hold as the river crests at Dorrin",
        "world",
        "Engineers kept all six gates open through the night; the town's embankment took the strain.",
        1,
        ((40, 70, 110), (230, 190, 140)),
    ),
    (
        "Tram drivers accept a two-year pay deal",
        "business",
        "The union's members voted by a wide margin, ending a month of weekend stoppages.",
        2,
        None,
    ),
    (
        "Halvard station finds a second lake under the ice",
        "science",
        "Radar soundings show liquid water two kilometres down, sealed for thousands of years.",
        4,
        ((15, 45, 80), (200, 220, 235)),
    ),
    (
        "Saltmarket opera reopens after a three-year restoration",
        "culture",
        "The gilded hall has new seats, a deeper pit and, for the first time, a lift.",
        5,
        ((70, 30, 40), (235, 200, 120)),
    ),
    (
        "Severa Energy cuts its dividend for the first time",
        "business",
        "The gas supplier blamed a mild winter and the cost of repairing its northern pipeline.",
        7,
        ((30, 60, 50), (210, 215, 170)),
    ),
    (
        "Karvonian fishing fleet returns early from the northern grounds",
        "world",
        "Skippers said storms and thin catches made the last week of the season not worth the fuel.",
        9,
        ((25, 55, 90), (170, 190, 200)),
    ),
]
LEAD = STORIES[2][0]
FIRST_SLOT = STORIES[4][0]
SECOND_SLOT = STORIES[3][0]


def newsroom():
    sections = {
        slug: SectionFactory(name=slug.title(), slug=slug, position=position)
        for position, slug in enumerate(("world", "business", "science", "culture"), start=1)
    }
    now = timezone.now()
    for headline, section, standfirst, hours, colours in STORIES:
        photo = None
        if colours:
            photo = PhotoFactory(
                image=picture(1200, 800, *colours),
                caption=f"{headline}.",
                credit="NWS/Ana Ortiz",
                alt_text="A wide view of water under an evening sky",
            )
            # Readers get renditions only; the original stays private.
            photo_create_renditions(photo=photo)
        ArticleFactory(
            published=True,
            published_at=now - datetime.timedelta(hours=hours),
            headline=headline,
            standfirst=standfirst,
            section=sections[section],
            lead_photo=photo,
        )


def assert_no_axe_violations(page, where):
    found = Axe().run(page).response["violations"]
    assert not found, (where, [describe(violation) for violation in found])


@pytest.mark.django_db(transaction=True)
def test_editor_arranges_the_front_and_the_reader_sees_it(
    live_server, page_factory, artifacts_dir, own_file_roots
):
    desk_user("Editor", username="editor")
    newsroom()

    editor = page_factory()
    editor.goto(f"{live_server.url}/admin/login/")
    editor.fill("#id_username", "editor")
    editor.fill("#id_password", PASSWORD)
    editor.click("input[type=submit]")
    arrange = editor.get_by_role("link", name="Arrange the front page")
    expect(arrange).to_be_visible()
    arrange.click()
    now = editor.locator("section", has=editor.locator("#front-now-title"))
    expect(now).to_contain_text("automatic: the newest story with a photo")

    # Lead, then two top slots; the second pinned goes above the first, so reorder them back.
    editor.get_by_role("button", name=f"Make lead: {LEAD}").click()
    expect(editor.locator(".messagelist")).to_contain_text("is now lead on the front page")
    editor.get_by_role("button", name=f"Pin to top slot: {FIRST_SLOT}").click()
    editor.get_by_role("button", name=f"Pin to top slot: {SECOND_SLOT}").click()
    expect(now.locator(".front-headline")).to_have_text([LEAD, SECOND_SLOT, FIRST_SLOT])
    editor.get_by_role("button", name=f"Up: {FIRST_SLOT}").click()
    expect(editor.locator(".messagelist")).to_contain_text("moved up: now top slot 1")
    expect(now.locator(".front-headline")).to_have_text([LEAD, FIRST_SLOT, SECOND_SLOT])
    for width, height in WIDTHS:
        editor.set_viewport_size({"width": width, "height": height})
        assert_no_axe_violations(editor, f"desk@{width}")
        editor.screenshot(path=str(artifacts_dir / f"front-desk-{width}.png"), full_page=True)

    readers = {}
    for width, height in WIDTHS:
        reader = page_factory(viewport={"width": width, "height": height})
        reader.goto(f"{live_server.url}/")
        expect(reader.locator(".lead-headline")).to_have_text(LEAD)
        expect(reader.locator(".slot-headline")).to_have_text([FIRST_SLOT, SECOND_SLOT])
        # The rest newest first, with no pinned story repeated; the story without a photo has its own card.
        expect(reader.locator(".cards .card-headline")).to_have_text(
            [STORIES[0][0], STORIES[1][0], STORIES[5][0]]
        )
        expect(reader.locator(".card.card--text .card-headline")).to_have_text([STORIES[1][0]])
        assert_no_axe_violations(reader, f"home@{width}")
        reader.screenshot(path=str(artifacts_dir / f"front-home-{width}.png"), full_page=True)
        readers[width] = reader

    # The editor unpublishes the lead; the reader's front loses it at once, the newest story
    # with a photo leading in its place.
    editor.get_by_role("link", name=LEAD).first.click()
    editor.click("input[name=_unpublish]")
    expect(editor.locator(".messagelist")).to_contain_text("npublished")
    reader = readers[390]
    reader.reload()
    expect(reader.locator(".lead-headline")).to_have_text(STORIES[0][0])
    expect(reader.locator("main")).not_to_contain_text(LEAD)
    expect(reader.locator(".slot-headline")).to_have_text([FIRST_SLOT, SECOND_SLOT])
    reader.screenshot(path=str(artifacts_dir / "front-home-lead-unpublished-390.png"), full_page=True)
    editor.goto(f"{live_server.url}/admin/articles/frontslot/")
    expect(editor.locator("body")).to_contain_text("not shown: the story is unpublished")
