"""Who said what, end to end: wire copy in, suggestions accepted, the attributed quote on the page."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.models import Article, Person

from ..desk import desk_user
from .test_workflow_journey import log_in

WIRE = Path(__file__).resolve().parents[1] / "data" / "wire"


@pytest.mark.django_db(transaction=True)
def test_editor_imports_wire_copy_accepts_suggestions_and_publishes(live_server, page_factory):
    desk_user("Editor", username="eddie")
    editor = page_factory()
    log_in(editor, live_server.url, "eddie")

    editor.goto(f"{live_server.url}/admin/articles/article/")
    editor.get_by_role("link", name="Import wire copy").click()
    editor.fill("textarea[name=text]", (WIRE / "library-minimal.txt").read_text())
    editor.click("input[value='Import as a draft']")

    # The suggestions: the quote with its speaker, and the people the copy names.
    expect(editor.locator(".quote-suggestions")).to_contain_text(
        "Sunday is the only day many families have free"
    )
    expect(editor.locator(".quote-suggestions")).to_contain_text("Lena Haug")
    for box in editor.locator(".quote-suggestions input[type=checkbox]").all():
        box.check()
    editor.click("input[value='Add the ticked quotes and people']")
    expect(editor.locator(".messagelist")).to_contain_text("Added 1 quote(s)")

    editor.click("input[name=_publish]")
    expect(editor.locator(".messagelist")).to_contain_text("is now published")
    story = Article.objects.get()
    haug = Person.objects.get(name="Lena Haug")
    assert story.is_published and list(story.quotes.values_list("speaker", flat=True)) == [haug.pk]

    reader = page_factory()
    reader.goto(f"{live_server.url}/")
    reader.get_by_role("link", name="City library to open on Sundays").click()
    expect(reader.locator(".story-body .dateline")).to_contain_text("ODENBURG")
    body = reader.locator(".story-body")
    expect(body).to_contain_text("Sunday is the only day many families have free")
    # The speaker links to her page, where the quote is listed on her record.
    reader.locator(f"a[href='{haug.get_absolute_url()}']").first.click()
    expect(reader.locator("h1")).to_have_text("Lena Haug")
    expect(reader.locator("main")).to_contain_text("Sunday is the only day many families have free")


@pytest.mark.django_db(transaction=True)
def test_editor_pastes_an_agency_page_and_adds_the_proposed_photo(live_server, page_factory, artifacts_dir):
    desk_user("Editor", username="eddie")
    editor = page_factory()
    log_in(editor, live_server.url, "eddie")

    editor.goto(f"{live_server.url}/admin/articles/article/import-wire/")
    editor.fill("textarea[name=text]", (WIRE / "tass-ministry.txt").read_text())
    editor.click("input[value='Import as a draft']")

    # The result: what went where, and the photo awaiting its file.
    messages = editor.locator(".messagelist")
    expect(messages).to_contain_text("Moscow, September 11, TASS; 4 paragraph(s)")
    expect(messages).to_contain_text("kept in its internal note")
    expect(messages).to_contain_text("Photo proposed: “Foreign Minister Ivan Petrenko”")
    editor.screenshot(path=str(artifacts_dir / "wire-import.png"), full_page=True)

    editor.get_by_role("link", name="Add the photo").click()
    expect(editor.locator("textarea[name=caption]")).to_have_value("Foreign Minister Ivan Petrenko")
    expect(editor.locator("input[name=credit]")).to_have_value("Foreign Ministry press service/AGENCY")
    expect(editor.locator("input[name=alt_text]")).to_have_value("Foreign Minister Ivan Petrenko")
