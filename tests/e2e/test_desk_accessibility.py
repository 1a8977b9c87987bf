"""The desk passes axe-core as the reader's pages do: its home, the story list and the story
form, at a laptop's width and a phone's, with the quotes suggested from the text open."""

import json

import pytest

from ..factories import ArticleFactory, PersonFactory, QuoteFactory, UserFactory
from .test_accessibility import describe
from .test_writing_aids import BODY, sign_in

WIDTHS = (390, 1280)


@pytest.mark.django_db(transaction=True)
def test_desk_pages_have_no_axe_violations(live_server, page_factory, artifacts_dir):
    from axe_playwright_python.sync_playwright import Axe

    UserFactory(username="desk", is_staff=True, is_superuser=True)
    kovac = PersonFactory(name="Marta Kovac", slug="marta-kovac", role="Harbour Master")
    story = ArticleFactory(body=BODY, headline="New pier opens in spring", people=[kovac])
    QuoteFactory(article=story, speaker=kovac, text="We will open the new pier in spring")
    ArticleFactory(published=True, headline="Ferry timetable changes for the winter")
    pages = {
        "desk home": "/admin/",
        "story list": "/admin/articles/article/",
        "story form": f"/admin/articles/article/{story.pk}/change/",
        "new story": "/admin/articles/article/add/",
    }
    axe = Axe()
    report = {}
    for width in WIDTHS:
        page = page_factory(viewport={"width": width, "height": 900})
        sign_in(page, live_server.url, "desk")
        for name, path in pages.items():
            page.goto(f"{live_server.url}{path}")
            if name == "story form":
                page.click("#quote-suggest-run")
                page.locator(".quote-suggest-list").wait_for()
            violations = axe.run(page).response["violations"]
            report[f"{name}@{width}"] = [describe(violation) for violation in violations]
            shot = artifacts_dir / f"desk-{name.replace(' ', '-')}-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
    (artifacts_dir / "axe-desk-report.json").write_text(json.dumps(report, indent=2))
    failures = {page: found for page, found in report.items() if found}
    assert not failures, json.dumps(failures, indent=2)
