"""An editor restores an old revision of a published, corrected story: the correction stays."""

import pytest
from playwright.sync_api import expect

from articles.models import Article, Correction

from ..desk import desk_user
from .test_workflow_journey import log_in

OLD_STANDFIRST = "The council votes on the plan in March."
NEW_STANDFIRST = "The council votes on the plan in April."
CORRECTION = "An earlier version of this story gave the month of the vote as March."


@pytest.mark.django_db(transaction=True)
def test_restoring_a_corrected_story_keeps_its_correction(live_server, page_factory, artifacts_dir):
    desk_user("Editor", username="eddie")
    editor = page_factory()
    log_in(editor, live_server.url, "eddie")

    # The editor publishes a story.
    editor.goto(f"{live_server.url}/admin/articles/article/add/")
    editor.locator("#id_headline").press_sequentially("Cycle lanes planned for the ring road")
    editor.fill("#id_standfirst", OLD_STANDFIRST)
    editor.locator(".prose-editor [contenteditable=true]").click()
    editor.keyboard.type("The city wants cycle lanes on the whole ring road by next summer.")
    editor.click("input[name=_publish]")
    expect(editor.locator(".messagelist")).to_contain_text("is now published")
    story = Article.objects.get()

    # It is wrong: the standfirst is fixed, and a correction published with it.
    editor.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    editor.fill("#id_standfirst", NEW_STANDFIRST)
    editor.locator("#corrections-group .add-row a").click()
    editor.fill("#id_corrections-0-text", CORRECTION)
    editor.click("input[name=_continue]")
    expect(editor.locator(".messagelist")).to_contain_text("was changed successfully")

    # History: the oldest revision, opened to restore it.
    editor.get_by_role("link", name="History").click()
    editor.locator("#change-history tbody tr").last.get_by_role("link").click()
    screen = editor.locator("#restore-confirm")
    expect(screen.locator(".restore-kept")).to_contain_text(
        "Corrections and updates already published are kept"
    )
    diff = screen.locator(".restore-diff")
    expect(diff).to_contain_text("Standfirst")
    expect(diff.locator("del")).to_contain_text("April")
    expect(diff.locator("ins")).to_contain_text("March")
    expect(editor.locator("#corrections-group")).to_contain_text(CORRECTION)  # shown as it is now
    expect(editor.locator("#corrections-group textarea")).to_have_count(0)  # and cannot be edited
    editor.check("#id_confirm_restore")
    editor.screenshot(path=str(artifacts_dir / "restore-confirm.png"), full_page=False)
    editor.set_viewport_size({"width": 390, "height": 844})
    editor.screenshot(path=str(artifacts_dir / "restore-confirm-390.png"), full_page=True)
    editor.set_viewport_size({"width": 1280, "height": 900})
    editor.uncheck("#id_confirm_restore")

    # Restoring without ticking the box is refused, with one message, on the same screen.
    editor.click("input[value='Restore this revision']")
    expect(editor.locator(".errornote")).to_have_count(1)
    expect(editor.locator(".errornote")).to_contain_text("Not restored")
    expect(editor.locator("#restore-confirm")).to_be_visible()
    story.refresh_from_db()
    assert story.standfirst == NEW_STANDFIRST
    editor.screenshot(path=str(artifacts_dir / "restore-unconfirmed.png"), full_page=False)

    editor.check("#id_confirm_restore")
    editor.click("input[value='Restore this revision']")
    expect(editor.locator(".messagelist")).to_contain_text(
        "Corrections and updates already published are kept"
    )

    story.refresh_from_db()
    assert story.standfirst == OLD_STANDFIRST and story.status == Article.Status.PUBLISHED
    assert list(Correction.objects.values_list("text", flat=True)) == [CORRECTION]

    # The reader still sees the correction.
    reader = page_factory(viewport={"width": 390, "height": 844})
    reader.goto(f"{live_server.url}{story.get_absolute_url()}")
    expect(reader.locator(".corrections")).to_contain_text(CORRECTION)
    reader.screenshot(path=str(artifacts_dir / "restore-reader-390.png"), full_page=True)
