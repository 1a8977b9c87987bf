"""The story form's writing aids in a browser: curly quotes as one types, quotes suggested
from unsaved text, a quotes inline that fits the window, and a Publish button that says when
the story will go out."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ..factories import ArticleFactory, PersonFactory, QuoteFactory, UserFactory

PASSWORD = "correct horse battery staple"
BODY = (
    "<p>“We will open the new pier in spring,” said Marta Kovac, the harbour master.</p>"
    "<p>The ferries have waited at sea for years. “Nobody should wait at sea for a berth,” "
    "Kovac said.</p>"
)


def sign_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_contain_text("editors' desk")


def editor(page_factory, live_server, **options):
    UserFactory(username="desk", is_staff=True, is_superuser=True)
    page = page_factory(**options)
    sign_in(page, live_server.url, "desk")
    return page


@pytest.mark.django_db(transaction=True)
def test_quotes_become_curly_as_the_editor_types(live_server, page_factory):
    page = editor(page_factory, live_server)
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.locator("#id_headline").press_sequentially('Kovac: "We\'re ready"')
    expect(page.locator("#id_headline")).to_have_value("Kovac: “We’re ready”")
    page.locator("#id_standfirst").press_sequentially("The 'new' pier isn't late")
    expect(page.locator("#id_standfirst")).to_have_value("The ‘new’ pier isn’t late")
    body = page.locator(".prose-editor [contenteditable=true]")
    body.click()
    body.press_sequentially('"It\'s done," she said.')
    expect(body).to_have_text("“It’s done,” she said.")


@pytest.mark.django_db(transaction=True)
def test_quotes_suggested_from_unsaved_text_fill_the_inline(live_server, page_factory, artifacts_dir):
    PersonFactory(name="Marta Kovac", slug="marta-kovac", role="Harbour Master")
    page = editor(page_factory, live_server)
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.locator("#id_headline").press_sequentially("New pier opens in spring")
    body = page.locator(".prose-editor [contenteditable=true]")
    body.click()
    body.press_sequentially('"We will open the new pier in spring," said Marta Kovac, the harbour master.')
    body.press("Enter")
    body.press_sequentially('Ferries wait at sea. "Nobody should wait at sea for a berth," Kovac said.')
    page.click("#quote-suggest-run")
    boxes = page.locator(".quote-suggest-list input[type=checkbox]")
    expect(boxes).to_have_count(2)
    page.click("#quote-suggest-tick-all")
    expect(page.locator(".quote-suggest-list input[type=checkbox]:checked")).to_have_count(2)
    page.screenshot(path=str(artifacts_dir / "quote-suggest-1280.png"), full_page=True)
    page.click("#quote-suggest-add")
    expect(page.locator("#id_quotes-0-text")).to_have_value("We will open the new pier in spring")
    expect(page.locator("#id_quotes-1-text")).to_have_value("Nobody should wait at sea for a berth")
    expect(page.locator("#id_quotes-0-speaker")).to_have_value(
        str(PersonFactory._meta.model.objects.get().pk)
    )
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    from articles.models import Article

    story = Article.objects.get()
    assert [q.text for q in story.quotes.order_by("id")] == [
        "We will open the new pier in spring",
        "Nobody should wait at sea for a berth",
    ]
    assert {q.speaker.name for q in story.quotes.all()} == {"Marta Kovac"}
    assert story.body.count("“") == 2  # typed straight, stored curly


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.django_db(transaction=True)
def test_quotes_inline_fits_the_window(live_server, page_factory, artifacts_dir, width):
    story = ArticleFactory(body=BODY, headline="New pier opens in spring")
    kovac = PersonFactory(name="Marta Kovac", slug="marta-kovac")
    QuoteFactory(article=story, speaker=kovac, text="We will open the new pier in spring")
    QuoteFactory(article=story, speaker=kovac, text="Nobody should wait at sea for a berth")
    page = editor(page_factory, live_server, viewport={"width": width, "height": 900})
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    group = page.locator("#quotes-group")
    group.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / f"story-form-quotes-{width}.png"), full_page=True)
    widths = group.evaluate(
        "g => ({scroll: g.scrollWidth, box: g.clientWidth, page: document.documentElement.scrollWidth,"
        " view: window.innerWidth})"
    )
    assert widths["scroll"] <= widths["box"], widths
    too_wide = page.evaluate(
        "() => Array.from(document.querySelectorAll('#content *'))"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
        ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className)"
    )
    assert widths["page"] <= widths["view"], (widths, too_wide)
    for selector in ("#id_quotes-0-is_pull_quote", "#id_quotes-1-DELETE"):
        field = page.locator(selector)
        field.scroll_into_view_if_needed()
        expect(field).to_be_visible()
        box = field.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (selector, box)


@pytest.mark.django_db(transaction=True)
def test_publish_button_says_when_it_schedules(live_server, page_factory, artifacts_dir):
    story = ArticleFactory(body=BODY, headline="New pier opens in spring")
    page = editor(page_factory, live_server, timezone_id="Asia/Tokyo")
    # The browser's zone reaches the desk from the next page on (a cookie set by script).
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    publish = page.locator("input.publish-button[name=_publish]")
    expect(publish).to_have_value("Save and publish")
    expect(page.locator(".time-zone-note")).to_contain_text("Asia/Tokyo")
    tokyo_now = timezone.now().astimezone(zoneinfo.ZoneInfo("Asia/Tokyo"))
    later = tokyo_now + datetime.timedelta(hours=2)
    page.fill("#id_published_at_0", later.strftime("%Y-%m-%d"))
    page.fill("#id_published_at_1", later.strftime("%H:%M"))
    expected = later.strftime("%H:%M") if later.date() == tokyo_now.date() else later.strftime("%-d %b %H:%M")
    expect(publish).to_have_value(f"Schedule for {expected}")
    tomorrow = tokyo_now + datetime.timedelta(days=1)
    page.fill("#id_published_at_0", tomorrow.strftime("%Y-%m-%d"))
    expect(publish).to_have_value(f"Schedule for {tomorrow.strftime('%-d %b')} {later.strftime('%H:%M')}")
    page.locator(".submit-row").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / "schedule-button-1280.png"))
    earlier = tokyo_now - datetime.timedelta(hours=1)
    page.fill("#id_published_at_0", earlier.strftime("%Y-%m-%d"))
    page.fill("#id_published_at_1", earlier.strftime("%H:%M"))
    expect(publish).to_have_value("Save and publish")
    # Scheduling for real: the time typed in Tokyo is the instant stored.
    page.fill("#id_published_at_0", tomorrow.strftime("%Y-%m-%d"))
    page.fill("#id_published_at_1", "09:30")
    publish.click()
    expect(page.locator(".messagelist")).to_contain_text("scheduled")
    story.refresh_from_db()
    assert story.is_scheduled
    assert story.published_at.astimezone(zoneinfo.ZoneInfo("Asia/Tokyo")).strftime("%Y-%m-%d %H:%M") == (
        f"{tomorrow.strftime('%Y-%m-%d')} 09:30"
    )
