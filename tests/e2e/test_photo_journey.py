"""A reporter adds a lead photo from the story form: "+", upload, an error that keeps the
file, alt text without picking the file again, and the story leads with the new photo."""

import pytest
from playwright.sync_api import expect

from articles.models import Article, Photo

from ..desk import desk_user
from ..factories import ArticleFactory, PhotoFactory
from ..images import IPTC_BYLINE, IPTC_CAPTION, IPTC_CREDIT, jpeg, photo_like, with_iptc
from .test_workflow_journey import log_in

pytestmark = pytest.mark.usefixtures("own_file_roots")

AGENCY_JPEG = with_iptc(
    jpeg(photo_like(1200, 800)),
    {
        IPTC_CAPTION: "Night trams queue at the Linden depot before the first run.",
        IPTC_CREDIT: "Harbour Wire",
        IPTC_BYLINE: "Ines Falk",
    },
)


@pytest.mark.django_db(transaction=True)
def test_a_reporter_adds_the_lead_photo_from_the_story_form(live_server, page_factory, artifacts_dir):
    rita = desk_user("Reporter", username="rita")
    story = ArticleFactory(
        author=rita, headline="Night trams return", body="<p>Night trams run again from Friday.</p>"
    )
    page = page_factory()
    log_in(page, live_server.url, "rita")
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")

    with page.expect_popup() as opened:
        page.click("#add_id_lead_photo")
    popup = opened.value
    popup.set_viewport_size({"width": 1000, "height": 900})
    expect(popup.locator("h1")).to_contain_text("Add photo")
    popup.set_input_files(
        "#id_image", files=[{"name": "linden-depot.jpg", "mimeType": "image/jpeg", "buffer": AGENCY_JPEG}]
    )
    popup.click("input[name=_save]")  # no alt text yet

    expect(popup.locator(".errorlist").first).to_be_visible()
    expect(popup.locator(".field-alt_text .errorlist")).to_contain_text("alt text is required")
    kept = popup.locator(".kept-upload")
    expect(kept).to_contain_text("“linden-depot.jpg” kept from your upload")
    expect(kept).to_contain_text("choose another to replace it")
    thumbnail = kept.locator("img")
    expect(thumbnail).to_be_visible()
    assert popup.evaluate("img => img.naturalWidth", thumbnail.element_handle()) == 1200  # it loaded
    # What the file says, shown before anything is saved.
    expect(popup.locator("#id_credit")).to_have_value("Harbour Wire/Ines Falk")
    expect(popup.locator("#id_caption")).to_have_value(
        "Night trams queue at the Linden depot before the first run."
    )
    expect(popup.locator(".errornote + .errorlist, ul.errorlist.nonfield")).to_contain_text(
        "Filled in from the file"
    )
    assert popup.input_value("#id_image") == ""  # nothing to pick again
    popup.screenshot(path=str(artifacts_dir / "photo-kept-upload.png"), full_page=True)
    assert not Photo.objects.exists()

    popup.fill("#id_alt_text", "Three green trams in a row under depot lights")
    with popup.expect_event("close"):
        popup.click("input[name=_save]")

    photo = Photo.objects.get()
    assert (photo.credit, photo.width) == ("Harbour Wire/Ines Falk", 1200)
    expect(page.locator("#select2-id_lead_photo-container")).to_contain_text("Night trams queue")
    page.screenshot(path=str(artifacts_dir / "photo-lead-chosen.png"), full_page=False)
    page.click("input[name=_submit]")
    expect(page.locator(".messagelist")).to_contain_text("is now in review")
    story.refresh_from_db()
    assert story.lead_photo == photo and story.status == Article.Status.IN_REVIEW


@pytest.mark.django_db(transaction=True)
def test_the_kept_upload_and_a_refusal_read_well_on_a_phone(live_server, page_factory, artifacts_dir):
    desk_user("Reporter", username="rita")
    photo = PhotoFactory()
    page = page_factory(viewport={"width": 390, "height": 844})
    log_in(page, live_server.url, "rita")
    page.goto(f"{live_server.url}/admin/articles/photo/add/")
    page.set_input_files(
        "#id_image", files=[{"name": "depot.jpg", "mimeType": "image/jpeg", "buffer": AGENCY_JPEG}]
    )
    page.click("input[name=_save]")
    expect(page.locator(".kept-upload")).to_contain_text("kept from your upload")
    page.screenshot(path=str(artifacts_dir / "photo-kept-upload-390.png"), full_page=True)

    # A reporter may look at a stored photo but not delete it: the refusal says who may.
    page.goto(f"{live_server.url}/admin/articles/photo/{photo.pk}/delete/")
    expect(page.locator("#site-name")).to_be_visible()
    expect(page.locator(".refusal")).to_contain_text("You are not allowed to delete photos.")
    expect(page.locator(".refusal")).to_contain_text("“Photo editor” role")
    page.screenshot(path=str(artifacts_dir / "refusal-390.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=str(artifacts_dir / "refusal-1280.png"), full_page=False)
    page.get_by_role("link", name="← Go back").click()
    expect(page.locator("#site-name")).to_be_visible()
