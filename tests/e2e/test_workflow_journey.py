"""A reporter files, an editor publishes; two editors collide and nothing is lost."""

import pytest
from playwright.sync_api import expect

from articles.models import Article

from ..desk import desk_user
from ..factories import ArticleFactory

PASSWORD = "correct horse battery staple"


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(username)


@pytest.mark.django_db(transaction=True)
def test_reporter_submits_and_editor_publishes(live_server, page_factory, artifacts_dir):
    desk_user("Reporter", username="rita")
    desk_user("Editor", username="eddie")

    reporter = page_factory()
    log_in(reporter, live_server.url, "rita")
    reporter.goto(f"{live_server.url}/admin/articles/article/add/")
    reporter.locator("#id_headline").press_sequentially("Night buses return to the old town")
    reporter.fill("#id_standfirst", "Three routes run again from Friday.")
    reporter.locator(".prose-editor [contenteditable=true]").click()
    reporter.keyboard.type("Night buses will run again from Friday, the city said.")
    expect(reporter.locator("input[name=_publish]")).to_have_count(0)  # reporters cannot publish
    reporter.click("input[name=_submit]")
    expect(reporter.locator(".messagelist")).to_contain_text("is now in review")
    story = Article.objects.get()
    assert story.status == Article.Status.IN_REVIEW and story.author.username == "rita"

    editor = page_factory()
    log_in(editor, live_server.url, "eddie")  # lands on the desk home
    waiting = editor.locator("#queue-review")
    expect(waiting).to_contain_text("Night buses return to the old town")
    expect(waiting).to_contain_text("submitted by rita")
    editor.screenshot(path=str(artifacts_dir / "desk-home.png"), full_page=True)
    waiting.get_by_role("link", name="Night buses return to the old town").click()
    editor.click("input[name=_publish]")
    expect(editor.locator(".messagelist")).to_contain_text("is now published")

    reader = page_factory()
    reader.goto(f"{live_server.url}/")
    reader.get_by_role("link", name="Night buses return to the old town").click()
    expect(reader.locator("h1")).to_have_text("Night buses return to the old town")


@pytest.mark.django_db(transaction=True)
def test_a_conflicting_save_is_refused_and_keeps_the_text(live_server, page_factory, artifacts_dir):
    desk_user("Editor", username="alice")
    desk_user("Editor", username="bob")
    story = ArticleFactory(published=True, headline="Harbour fees rise", body="<p>Fees rise in May.</p>")
    url = f"{live_server.url}/admin/articles/article/{story.pk}/change/"

    alice, bob = page_factory(), page_factory()
    for page, name in ((alice, "alice"), (bob, "bob")):
        log_in(page, live_server.url, name)
        page.goto(url)

    alice.fill("#id_headline", "Harbour fees rise by a tenth")
    alice.click("input[name=_continue]")
    expect(alice.locator(".messagelist")).to_contain_text("was changed successfully")

    bob.fill("#id_standfirst", "Ferry operators say they will pass the cost on.")
    bob.click("input[name=_continue]")
    expect(bob.locator(".errornote, .errorlist").first).to_be_visible()
    expect(bob.locator(".conflict-report")).to_contain_text("Headline")
    expect(bob.locator("#id_standfirst")).to_have_value("Ferry operators say they will pass the cost on.")
    bob.screenshot(path=str(artifacts_dir / "conflict.png"), full_page=False)

    story.refresh_from_db()
    assert story.headline == "Harbour fees rise by a tenth" and story.standfirst != bob.input_value(
        "#id_standfirst"
    )

    bob.click("input[name=_continue]")  # a deliberate second save, after review
    expect(bob.locator(".messagelist")).to_contain_text("was changed successfully")
    story.refresh_from_db()
    assert story.standfirst == "Ferry operators say they will pass the cost on."


@pytest.mark.django_db(transaction=True)
def test_a_story_sent_back_carries_the_editors_note_to_the_reporter(live_server, page_factory, artifacts_dir):
    rita = desk_user("Reporter", username="rita")
    desk_user("Editor", username="eddie")
    story = ArticleFactory(
        author=rita, headline="Tram depot to close", body="<p>The depot closes in June.</p>"
    )
    story.submit_for_review(by=rita)

    editor = page_factory()
    log_in(editor, live_server.url, "eddie")
    editor.locator("#queue-review").get_by_role("link", name="Tram depot to close").click()
    editor.click("input[name=_send_back]")  # without a note: refused, the story stays in review
    expect(editor.locator(".messagelist")).to_contain_text("Write a note for the reporter")
    editor.fill("#id_send_back_note", "Ask the operator how many drivers move.")
    editor.click("input[name=_send_back]")
    expect(editor.locator(".messagelist")).to_contain_text("is now draft")

    reporter = page_factory(viewport={"width": 390, "height": 844})
    log_in(reporter, live_server.url, "rita")
    mine = reporter.locator("#queue-mine")
    expect(mine).to_contain_text("Ask the operator how many drivers move.")
    reporter.screenshot(path=str(artifacts_dir / "desk-home-sent-back-390.png"), full_page=True)
    mine.get_by_role("link", name="Tram depot to close").click()
    expect(reporter.locator(".sent-back-note")).to_contain_text("Ask the operator")


@pytest.mark.django_db(transaction=True)
def test_leaving_a_story_with_unsaved_typing_asks_first_and_ctrl_s_saves(live_server, page_factory):
    rita = desk_user("Reporter", username="rita")
    story = ArticleFactory(author=rita, headline="Ferry strike called off", body="<p>Ferries sail.</p>")
    page = page_factory()
    log_in(page, live_server.url, "rita")
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()  # "stay on this page"

    page.on("dialog", answer)
    change = f"{live_server.url}/admin/articles/article/{story.pk}/change/"
    page.goto(change)
    page.locator(".breadcrumbs a").last.click()  # nothing typed: leaving asks nothing
    page.wait_for_url("**/admin/articles/article/")
    assert asked == []

    page.goto(change)
    body = page.locator(".prose-editor [contenteditable=true]")
    body.click()
    assert body.get_attribute("spellcheck") == "true"  # the browser's spell-check is on
    page.keyboard.press("End")
    page.keyboard.type(" Unions and owners agreed at dawn.")
    expect(page.locator(".word-count")).to_have_text("8 words · about 1 min to read")
    page.locator(".breadcrumbs a").last.click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert "/change/" in page.url
    expect(body).to_contain_text("Unions and owners agreed at dawn.")

    page.keyboard.press("Control+s")  # saves and stays on the story: nothing to ask about
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert "/change/" in page.url and asked == ["beforeunload"]
    story.refresh_from_db()
    assert "Unions and owners agreed at dawn." in story.body
