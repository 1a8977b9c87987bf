"""An editor writes and publishes a story in the admin; a reader finds and reads it."""

import pytest
from playwright.sync_api import expect

from articles.models import Article, Photo, Quote

from ..factories import UserFactory
from ..images import image_bytes

PASSWORD = "correct horse battery staple"


def choose_in_autocomplete(page, field_selector, term):
    """Pick `term` in one of the admin's select2 autocomplete widgets."""
    page.locator(field_selector).locator("xpath=following-sibling::span[1]").click()
    page.locator(".select2-container--open .select2-search__field").fill(term)
    option = page.locator(".select2-results__option", has_text=term).first
    option.wait_for()
    option.click()


@pytest.mark.django_db(transaction=True)
def test_editor_publishes_and_reader_reads(live_server, page_factory, artifacts_dir, tmp_path):
    UserFactory(username="desk", is_staff=True, is_superuser=True)
    photo_file = tmp_path / "harbour.jpg"
    photo_file.write_bytes(image_bytes(width=1200, height=800, color=(30, 110, 150)))

    editor = page_factory()
    editor.goto(f"{live_server.url}/admin/login/")
    editor.fill("#id_username", "desk")
    editor.fill("#id_password", PASSWORD)
    editor.click("input[type=submit]")
    expect(editor.locator("#site-name")).to_contain_text("editors' desk")

    # A person to quote.
    editor.goto(f"{live_server.url}/admin/articles/person/add/")
    editor.locator("#id_name").press_sequentially("Marta Kovac")  # typed, as prepopulate listens to keys
    expect(editor.locator("#id_slug")).to_have_value("marta-kovac")  # prepopulated as typed
    editor.fill("#id_role", "Harbour Master")
    editor.click("input[name=_save]")
    expect(editor.locator(".messagelist")).to_contain_text("was added successfully")

    # A photo, with its credit and alt text.
    editor.goto(f"{live_server.url}/admin/articles/photo/add/")
    editor.set_input_files("#id_image", str(photo_file))
    editor.fill("#id_caption", "Harbour Master Marta Kovac on the new pier.")
    editor.fill("#id_credit", "NWS/Jonas Feld")
    editor.fill("#id_alt_text", "A woman in a hard hat stands on a concrete pier")
    editor.click("input[name=_save]")
    expect(editor.locator(".messagelist")).to_contain_text("was added successfully")

    # The story, written in the rich-text editor, with a quote by that person.
    editor.goto(f"{live_server.url}/admin/articles/article/add/")
    editor.locator("#id_headline").press_sequentially("New pier opens in the old harbour")
    editor.fill("#id_standfirst", "The pier doubles the port's capacity for ferries.")
    editor.fill("#id_dateline_place", "Split")
    editor.fill("#id_agency", "NWS")
    choose_in_autocomplete(editor, "#id_lead_photo", "Marta Kovac")
    body = editor.locator(".prose-editor [contenteditable=true]")
    body.click()
    editor.keyboard.type("The pier opened on Monday after two years of work.")
    editor.keyboard.press("Enter")
    editor.keyboard.type("“Ferries will no longer wait at sea,” Kovac said.")
    choose_in_autocomplete(editor, "#id_people", "Marta Kovac")
    editor.locator("#quotes-group .add-row a").click()
    editor.fill("#id_quotes-0-text", "Ferries will no longer wait at sea")
    choose_in_autocomplete(editor, "#id_quotes-0-speaker", "Marta Kovac")
    editor.click("input[name=_publish]")
    expect(editor.locator(".messagelist")).to_contain_text("was added successfully")

    story = Article.objects.get()
    assert story.is_published
    assert story.slug == "new-pier-opens-in-the-old-harbour"
    assert "<p>The pier opened on Monday after two years of work.</p>" in story.body
    assert Quote.objects.get().speaker.name == "Marta Kovac"
    assert story.lead_photo == Photo.objects.get()

    # A reader, not logged in, finds the story on the front page.
    reader = page_factory(viewport={"width": 390, "height": 844})
    reader.goto(f"{live_server.url}/")
    reader.get_by_role("link", name="New pier opens in the old harbour").click()
    expect(reader).to_have_url(f"{live_server.url}/news/new-pier-opens-in-the-old-harbour/")
    expect(reader.locator("h1")).to_have_text("New pier opens in the old harbour")
    figure = reader.locator("figure.photo--lead")
    expect(figure.locator("img")).to_have_attribute("alt", "A woman in a hard hat stands on a concrete pier")
    expect(figure.locator("figcaption")).to_contain_text("© NWS/Jonas Feld")
    # The browser picks from the renditions' srcset for its screen; it must have loaded one.
    # It really loaded (waited for: on a loaded machine the picture may still be on its way).
    reader.wait_for_function(
        "() => { const img = document.querySelector('figure.photo--lead img');"
        " return img && img.complete && img.naturalWidth > 0; }"
    )
    # A rendition, through the reader's photo route: never the original, never a storage path.
    assert "/photos/" in figure.locator("img").evaluate("img => img.currentSrc")
    assert "/originals/" not in figure.locator("img").evaluate("img => img.currentSrc")
    expect(reader.locator(".dateline")).to_contain_text("SPLIT,")
    expect(reader.locator(".story-body")).to_contain_text("Ferries will no longer wait at sea")
    speaker = reader.locator(".quoted li")
    expect(speaker.locator("a")).to_have_text("Marta Kovac")
    expect(speaker).to_contain_text("Harbour Master")
    reader.screenshot(path=str(artifacts_dir / "story-page.png"), full_page=True)

    speaker.locator("a").click()
    expect(reader.locator("h1")).to_have_text("Marta Kovac")
    expect(reader.locator(".person blockquote")).to_have_text("Ferries will no longer wait at sea")
