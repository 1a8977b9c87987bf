"""An editor embargoes a published story from its form and issues a partner key, shown once;
the partner's key sees the story in the API, a reader sees nothing of it."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, PartnerKey

from ..factories import ArticleFactory, SectionFactory, UserFactory

PASSWORD = "correct horse battery staple"


def sign_in(page, url):
    page.goto(f"{url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#queue-embargoed")).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_editor_embargoes_a_story_and_issues_a_partner_key(
    live_server, page_factory, artifacts_dir, settings
):
    settings.PAGE_CACHE = False
    UserFactory(username="chief", is_staff=True, is_superuser=True)
    SectionFactory(name="Business", slug="business")
    story = ArticleFactory(
        published=True,
        headline="Central bank sees inflation back on target by spring",
        slug="inflation-report",
    )
    lifts = timezone.localtime(timezone.now() + datetime.timedelta(hours=4)).replace(second=0, microsecond=0)

    axe = Axe()
    for width, height in ((1280, 900), (390, 844)):
        editor = page_factory(viewport={"width": width, "height": height})
        sign_in(editor, live_server.url)
        editor.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
        field = editor.locator(".field-embargo_until")
        field.scroll_into_view_if_needed()
        expect(field).to_contain_text("readers see nothing of it")
        field.screenshot(path=str(artifacts_dir / f"embargo-field-{width}.png"))
        if width == 390:
            found = axe.run(editor).response["violations"]
            assert not found, [(v["id"], [n["html"] for n in v["nodes"]]) for v in found]

    editor.fill("#id_embargo_until_0", lifts.strftime("%Y-%m-%d"))
    editor.fill("#id_embargo_until_1", lifts.strftime("%H:%M:%S"))
    editor.click("input[name=_save]")
    expect(editor.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(editor.locator("#result_list .embargo-mark")).to_have_text("EMBARGOED")
    editor.screenshot(path=str(artifacts_dir / "embargo-story-list-390.png"), full_page=True)
    story.refresh_from_db()
    assert story.is_embargoed and story.embargo_until == lifts
    wide = page_factory()
    sign_in(wide, live_server.url)
    expect(wide.locator("#queue-embargoed")).to_contain_text(story.headline)
    wide.goto(f"{live_server.url}/admin/articles/article/")
    expect(wide.locator("#result_list .embargo-mark")).to_have_text("EMBARGOED")
    wide.screenshot(path=str(artifacts_dir / "embargo-story-list-1280.png"))

    # A key, issued and shown once.
    for width, height in ((1280, 900), (390, 844)):
        desk = page_factory(viewport={"width": width, "height": height})
        sign_in(desk, live_server.url)
        desk.goto(f"{live_server.url}/admin/articles/partnerkey/add/")
        desk.fill("#id_name", f"Northern Radio ({width})")
        desk.click("input[name=_save]")
        shown = desk.locator("#partner-key")
        expect(shown).to_be_visible()
        expect(desk.locator(".partner-key-once")).to_contain_text("it is shown only once")
        desk.screenshot(path=str(artifacts_dir / f"partner-key-issued-{width}.png"), full_page=True)
        found = axe.run(desk).response["violations"]
        assert not found, [(v["id"], [n["html"] for n in v["nodes"]]) for v in found]
        raw = shown.inner_text().strip()
        assert PartnerKey.find(raw) is not None

    partner = desk.request.get(
        f"{live_server.url}/api/stories", headers={"Authorization": f"Bearer {raw}"}
    ).json()
    assert [item["headline"] for item in partner["items"]] == [story.headline]
    assert partner["items"][0]["embargoed"] is not None

    reader = page_factory()
    reader.goto(f"{live_server.url}/")
    expect(reader.locator("body")).not_to_contain_text(story.headline)
    assert reader.goto(f"{live_server.url}{story.get_absolute_url()}").status == 404
    assert Article.objects.published().count() == 0
