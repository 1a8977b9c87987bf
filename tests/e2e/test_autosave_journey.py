"""Nothing typed is lost: a closed tab, an expired session, and leaving with changes."""

import time

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from articles.models import Article, UnsavedCopy

from ..desk import desk_user
from ..factories import ArticleFactory, PersonFactory, QuoteFactory
from .test_workflow_journey import log_in

pytestmark = pytest.mark.django_db(transaction=True)

BODY = ".prose-editor [contenteditable=true]"
KEPT = "Your typing is kept on the server"


def wait_for(condition, seconds=8):
    """Poll the database until `condition()` holds (a keepalive request lands after the page).
    Seldom: on SQLite the live server shares this thread's connection."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(1)
        if condition():
            return True
    return False


def type_at_end(page, text):
    page.locator(BODY).click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def test_a_closed_tab_comes_back_as_a_banner_to_restore(live_server, page_factory, artifacts_dir):
    desk_user("Editor", username="ed")
    story = ArticleFactory(
        published=True, headline="Lighthouse keeper retires", body="<p>After forty years.</p>"
    )
    QuoteFactory(article=story, text="The sea was my office", speaker=PersonFactory(name="Tomas Vell"))
    url = f"{live_server.url}/admin/articles/article/{story.pk}/change/"

    page = page_factory()
    log_in(page, live_server.url, "ed")
    page.goto(url)
    page.locator("#id_headline").press("End")
    page.locator("#id_headline").press_sequentially(" on Sunday")
    expect(page.locator(".autosave-status")).to_contain_text(KEPT)  # two seconds after typing stops
    type_at_end(page, " The lamp goes automatic.")
    page.fill("#id_quotes-0-text", "The sea was my office, and my home")

    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.accept()

    page.on("dialog", answer)
    page.wait_for_timeout(2500)  # the editor stops typing for a moment, then closes the tab
    with page.expect_event("close"):
        page.close(run_before_unload=True)  # asks first; accepted, the tab closes
    assert asked == ["beforeunload"]  # leaving with changes asked first
    story.refresh_from_db()
    assert story.headline == "Lighthouse keeper retires" and "automatic" not in story.body

    # Another browser (nothing kept locally): the server's copy is offered back.
    again = page_factory()
    log_in(again, live_server.url, "ed")
    again.goto(url)
    banner = again.locator(".unsaved-copy")
    expect(banner).to_contain_text("Unsaved changes from")
    expect(banner.locator("td.diff ins").first).to_be_visible()
    expect(banner).to_contain_text("on Sunday")
    expect(banner).to_contain_text("The lamp goes automatic.")
    expect(again.locator(".autosave-status")).to_contain_text("waiting")
    banner.screenshot(path=str(artifacts_dir / "autosave-banner-1280.png"))
    again.screenshot(path=str(artifacts_dir / "autosave-banner-page-1280.png"))

    narrow = page_factory(viewport={"width": 390, "height": 844})
    log_in(narrow, live_server.url, "ed")
    narrow.goto(url)
    expect(narrow.locator(".unsaved-copy")).to_be_visible()
    narrow.screenshot(path=str(artifacts_dir / "autosave-banner-390.png"))

    again.click("[data-unsaved-restore]")
    expect(again.locator(".unsaved-copy")).to_have_count(0)
    expect(again.locator("#id_headline")).to_have_value("Lighthouse keeper retires on Sunday")
    expect(again.locator(BODY)).to_contain_text("The lamp goes automatic.")
    expect(again.locator("#id_quotes-0-text")).to_have_value("The sea was my office, and my home")
    story.refresh_from_db()
    assert story.headline == "Lighthouse keeper retires"  # restored into the form, not saved
    again.keyboard.press("Control+s")
    expect(again.locator(".messagelist")).to_contain_text("was changed successfully")
    story.refresh_from_db()
    assert story.headline == "Lighthouse keeper retires on Sunday"
    assert "The lamp goes automatic." in story.body
    assert story.quotes.get().text == "The sea was my office, and my home"
    assert not UnsavedCopy.objects.exists()  # the real save cleared it
    again.reload()
    expect(again.locator(".unsaved-copy")).to_have_count(0)


def test_text_typed_after_the_session_expired_comes_back_after_signing_in(
    live_server, page_factory, artifacts_dir
):
    desk_user("Editor", username="ed")
    story = ArticleFactory(published=True, headline="Night market moves", body="<p>Stalls move uphill.</p>")
    url = f"{live_server.url}/admin/articles/article/{story.pk}/change/"

    page = page_factory()
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, live_server.url, "ed")
    page.goto(url)
    type_at_end(page, " Traders agreed on Monday.")
    expect(page.locator(".autosave-status")).to_contain_text(KEPT)

    Session.objects.all().delete()  # the session expires on the server
    type_at_end(page, " Typed after the expiry.")
    alert = page.locator(".autosave-alert")
    expect(alert).to_contain_text("Not saved to the server — you are signed out", timeout=10_000)
    expect(alert).to_contain_text("your text is kept in this browser")
    page.screenshot(path=str(artifacts_dir / "autosave-signed-out-1280.png"))
    assert "Typed after the expiry." not in UnsavedCopy.objects.get().data["body"]

    log_in(page, live_server.url, "ed")  # the desk home loads next and hands the text back
    assert wait_for(lambda: "Typed after the expiry." in UnsavedCopy.objects.get().data["body"])
    page.goto(url)
    banner = page.locator(".unsaved-copy")
    expect(banner).to_contain_text("Typed after the expiry.")
    page.click("[data-unsaved-restore]")
    expect(page.locator(BODY)).to_contain_text("Traders agreed on Monday. Typed after the expiry.")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    story.refresh_from_db()
    assert "Typed after the expiry." in story.body
    assert not UnsavedCopy.objects.exists()


def test_leaving_with_changes_asks_first_and_what_was_typed_last_goes_with_the_page(
    live_server, page_factory
):
    desk_user("Editor", username="ed")
    story = ArticleFactory(published=True, headline="Ferry fares frozen", body="<p>Until spring.</p>")
    url = f"{live_server.url}/admin/articles/article/{story.pk}/change/"
    page = page_factory()
    asked = []
    stay = [True]

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss() if stay[0] else dialog.accept()

    page.on("dialog", answer)
    log_in(page, live_server.url, "ed")
    page.goto(url)
    type_at_end(page, " Buses too.")
    page.locator(".breadcrumbs a").last.click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"] and "/change/" in page.url  # asked, and stayed

    type_at_end(page, " Trams from May.")
    stay[0] = False
    page.goto(f"{live_server.url}/admin/")  # at once: no two-second pause to autosave in
    assert asked == ["beforeunload", "beforeunload"]
    expect(page.locator("#queue-mine, .dashboard, #content").first).to_be_visible()
    page.wait_for_timeout(1000)
    assert "Trams from May." in UnsavedCopy.objects.get().data["body"]  # sent as the page went

    # Opened again, the copy is offered; typing before choosing does not overwrite it.
    page.goto(url)
    expect(page.locator(".unsaved-copy")).to_contain_text("Trams from May.")
    page.locator("#id_standfirst").fill("Typed before choosing.")
    page.wait_for_timeout(2500)
    assert "Trams from May." in UnsavedCopy.objects.get().data["body"]
    page.click("[data-unsaved-discard]")
    expect(page.locator(".unsaved-copy")).to_have_count(0)
    expect(page.locator(".autosave-status")).to_contain_text("discarded")
    page.wait_for_timeout(2500)  # then autosave resumes with what the form holds now
    assert UnsavedCopy.objects.get().data["standfirst"] == "Typed before choosing."


def test_a_new_story_never_saved_is_offered_back_on_the_add_form(live_server, page_factory):
    desk_user("Reporter", username="rita")
    page = page_factory()
    log_in(page, live_server.url, "rita")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.locator("#id_headline").press_sequentially("Old mill becomes a library")
    type_at_end(page, "Shelves go in this winter.")
    expect(page.locator(".autosave-status")).to_contain_text(KEPT)
    assert "draft=" in page.url  # the copy's key, kept in the address
    copy = UnsavedCopy.objects.get()
    assert copy.article is None and copy.data["headline"] == "Old mill becomes a library"

    again = page_factory()  # another browser: nothing kept locally
    log_in(again, live_server.url, "rita")
    again.goto(f"{live_server.url}/admin/articles/article/add/")
    expect(again.locator(".unsaved-copy")).to_contain_text("Old mill becomes a library")
    again.click("[data-unsaved-restore]")
    expect(again.locator("#id_headline")).to_have_value("Old mill becomes a library")
    expect(again.locator("#id_slug")).to_have_value("old-mill-becomes-a-library")
    expect(again.locator(BODY)).to_contain_text("Shelves go in this winter.")
    assert f"draft={copy.key}" in again.url  # the restored copy's key: one copy, not two
    again.click("input[name=_continue]")
    expect(again.locator(".messagelist")).to_contain_text("was added successfully")
    story = Article.objects.get()
    assert story.headline == "Old mill becomes a library" and "Shelves go in this winter." in story.body
    assert not UnsavedCopy.objects.exists()
