"""A reader on phone and desktop: no console error or failed request, sections one tap away in
a sideways row of 44 px targets, copying a story's link, and the story on paper. Screenshots
of each land in test-artifacts/ (reader-*.png)."""

import datetime

import pytest
from django.utils import timezone

from articles.images.renditions import photo_create_renditions

from ..factories import (
    ArticleFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TopicFactory,
)
from .test_accessibility import picture


def photo(**kwargs):
    """A photo with its renditions, as the desk's upload makes them: what readers are served."""
    made = PhotoFactory(**kwargs)
    photo_create_renditions(photo=made)
    return made


SECTIONS = ["World", "Politics", "Business", "Science", "Culture", "Sport", "Opinion"]


@pytest.fixture
def story():
    sections = [SectionFactory(name=name, slug=name.lower(), position=n) for n, name in enumerate(SECTIONS)]
    kovac = PersonFactory(
        name="Marta Kovac",
        slug="marta-kovac",
        role="Harbour Master",
        organisation="Port of Split",
        portrait=photo(image=picture(500, 500, dark=(70, 50, 40)), alt_text="Portrait of Marta Kovac"),
    )
    story = ArticleFactory(
        published=True,
        published_at=timezone.now() - datetime.timedelta(hours=2),
        slug="the-new-pier-opens",
        headline="The new pier opens in the old harbour",
        standfirst="Ferries berth inside the breakwater for the first time in a decade.",
        body=(
            "<p>“Ferries will no longer wait at sea,” said Marta Kovac, the harbour master.</p>"
            "<p>The pier took three years to build and cost less than planned.</p>"
            "<p>Fishing boats keep their old moorings along the east quay.</p>"
            "<p>The first ferry is due on Monday morning.</p>"
        ),
        dateline_place="Split",
        section=sections[0],
        topics=[TopicFactory(name="Ports", slug="ports")],
        people=[kovac],
        lead_photo=photo(
            image=picture(),
            caption="The new pier at dusk.",
            credit="NWS/Jonas Feld",
            alt_text="A long concrete pier reaching into calm water at dusk",
        ),
    )
    QuoteFactory(article=story, speaker=kovac, text="Ferries will no longer wait at sea", is_pull_quote=True)
    for hours in (4, 6):
        ArticleFactory(published=True, section=sections[0], topics=story.topics.all(), people=[kovac],
                       lead_photo=photo(image=picture(600, 400, dark=(60, 90, 60))),
                       published_at=timezone.now() - datetime.timedelta(hours=hours))  # fmt: skip
    return story


def watch(page):
    """Everything a reader's console would show as a problem: errors, failed or 4xx/5xx requests."""
    problems = []

    def console(message):
        if message.type == "error":
            problems.append(f"console: {message.text}")

    def response(answer):
        if answer.status >= 400:
            problems.append(f"{answer.status}: {answer.url}")

    page.on("console", console)
    page.on("response", response)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url} {request.failure}"))
    return problems


@pytest.mark.django_db(transaction=True)
def test_no_console_errors_nor_failed_requests(live_server, page_factory, story, artifacts_dir):
    for width in (390, 1280):
        page = page_factory(viewport={"width": width, "height": 900})
        problems = watch(page)
        pages = {"home": "/", "story": story.get_absolute_url(), "person": "/people/marta-kovac/"}
        for name, path in pages.items():
            page.goto(f"{live_server.url}{path}", wait_until="networkidle")
            # Lazy pictures load once scrolled to; then every picture must have decoded.
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_load_state("networkidle")
            broken = page.evaluate("[...document.images].filter(i => !i.naturalWidth).map(i => i.currentSrc)")
            assert broken == [], (path, broken)
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(artifacts_dir / f"reader-{name}-{width}.png"), full_page=True)
        # The browser asks for the icon by itself, at the root: it must be there.
        assert page.request.get(f"{live_server.url}/favicon.ico").status == 200
        assert problems == [], problems


@pytest.mark.django_db(transaction=True)
def test_sections_are_one_row_of_large_targets_at_390(live_server, page_factory, story):
    page = page_factory(viewport={"width": 390, "height": 844})
    page.goto(f"{live_server.url}/")
    links = page.locator(".site-nav a")
    assert links.count() == len(SECTIONS) + 1  # and "All news"
    boxes = [links.nth(i).bounding_box() for i in range(links.count())]
    assert all(box["height"] >= 44 and box["width"] >= 44 for box in boxes), boxes
    assert len({round(box["y"]) for box in boxes}) == 1  # one row
    nav = page.locator(".site-nav")
    assert nav.evaluate("nav => nav.scrollWidth > nav.clientWidth")  # wider than the phone: it scrolls
    last = links.nth(links.count() - 1)
    last.scroll_into_view_if_needed()
    box = last.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    last.click()
    assert page.url.endswith("/sections/opinion/")


@pytest.mark.django_db(transaction=True)
def test_copy_link_copies_the_address_and_says_so(live_server, page_factory, story):
    page = page_factory(viewport={"width": 390, "height": 844})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    page.get_by_role("link", name="Copy link").click()
    status = page.locator("[data-copy-status]")
    status.wait_for()
    page.wait_for_function("document.querySelector('[data-copy-status]').textContent.length > 0")
    assert status.text_content() == "Link copied."
    assert page.url == f"{live_server.url}{story.get_absolute_url()}"  # it did not navigate
    assert page.evaluate("navigator.clipboard.readText()") == f"{live_server.url}{story.get_absolute_url()}"
    assert page.get_by_role("button", name="Print").is_visible()


@pytest.mark.django_db(transaction=True)
def test_copy_link_without_script_is_a_plain_link(live_server, page_factory, story):
    page = page_factory(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    link = page.get_by_role("link", name="Copy link")
    assert link.get_attribute("href") == f"{live_server.url}{story.get_absolute_url()}"
    # No Print button that could not work.
    assert page.get_by_role("button", name="Print").count() == 0


@pytest.mark.django_db(transaction=True)
def test_the_printed_story_keeps_photo_credit_and_address(live_server, page_factory, story, artifacts_dir):
    page = page_factory(viewport={"width": 800, "height": 1100})
    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    page.emulate_media(media="print")
    page.screenshot(path=str(artifacts_dir / "reader-story-print.png"), full_page=True)
    for hidden in (".site-nav", ".site-search", ".share", ".related"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("figure.photo--lead img").is_visible()
    assert page.locator("figure.photo--lead .credit").is_visible()
    assert page.locator("figure.photo--lead .credit").text_content() == "© NWS/Jonas Feld"
    printed = page.locator(".print-only")
    assert printed.is_visible()
    assert printed.text_content() == f"Printed from {live_server.url}{story.get_absolute_url()}"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
