"""Speakers that are organisations, and near-miss spellings at the desk, in a real browser.

Screenshots land in test-artifacts/, and in docs/ when NEWSROOM_DOCS_SCREENSHOTS=1:
an organisation's page at 390 px and the desk's "Did you mean …?" at 1280 px.
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.models import Person

from ..desk import desk_user
from ..factories import ArticleFactory, PersonFactory, QuoteFactory

DOCS = Path(__file__).resolve().parents[2] / "docs"
PASSWORD = "correct horse battery staple"


def keep(page, artifacts_dir, name, **options):
    page.screenshot(path=str(artifacts_dir / name), **options)
    if os.environ.get("NEWSROOM_DOCS_SCREENSHOTS") == "1":
        shutil.copy(artifacts_dir / name, DOCS / name)


@pytest.mark.django_db(transaction=True)
def test_an_organisations_page_on_a_phone(live_server, page_factory, artifacts_dir):
    from axe_playwright_python.sync_playwright import Axe

    ministry = PersonFactory(
        name="Ministry of Transport",
        slug="ministry-of-transport",
        kind=Person.Kind.ORGANISATION,
        role="",
        organisation="Government of Estrava",
        aliases="Transport Ministry\nМинистерство транспорта",
        bio="Runs the country's roads, railways, ports and ferries.",
    )
    for headline, text in [
        ("Bridge over the Velna to reopen in spring", "The money for the repairs is there"),
        ("Ferry fares frozen for a second year", "Islanders will not pay more this winter"),
    ]:
        QuoteFactory(speaker=ministry, article=ArticleFactory(published=True, headline=headline), text=text)

    page = page_factory(viewport={"width": 390, "height": 844})
    page.goto(f"{live_server.url}{ministry.get_absolute_url()}")
    expect(page.locator("h1")).to_have_text("Ministry of Transport")
    expect(page.locator(".person-aliases")).to_contain_text("Министерство транспорта")
    expect(page.locator("#quotes-title")).to_have_text("Statements by Ministry of Transport")
    keep(page, artifacts_dir, "organisation-390.png", full_page=True)
    violations = Axe().run(page).response["violations"]
    assert not violations, [v["id"] for v in violations]


@pytest.mark.django_db(transaction=True)
def test_the_desk_asks_before_linking_a_near_miss(live_server, page_factory, artifacts_dir):
    editor = desk_user("Editor", "eda")
    lisitsyn = PersonFactory(
        name="Pavel Lisitsyn", slug="pavel-lisitsyn", role="Transport Minister", aliases="Lisitsin\nЛисицын"
    )
    story = ArticleFactory(
        headline="Bridge to reopen in spring",
        author=editor,
        body=(
            "<p>Regional transport minister Pavel Lisitzin said on Monday that the bridge would reopen.</p>"
            "<p>“We will rebuild it by spring,” Lisitzin told reporters.</p>"
            "<p>“The money is there,” the Ministry of Transport said in a statement.</p>"
        ),
    )

    page = page_factory(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/suggestions/")
    expect(page.locator(".near-miss").first).to_contain_text("Did you mean Pavel Lisitsyn (88%)?")
    keep(page, artifacts_dir, "near-miss-1280.png", full_page=True)

    page.get_by_label("Keep").first.check()  # the first quotation, Lisitzin's
    page.get_by_label("Link to Pavel Lisitsyn, Transport Minister (88%)").check()
    page.click("input[type=submit][value^='Add the ticked']")
    expect(page.locator(".messagelist")).to_contain_text("Added 1 quote(s)")
    assert story.quotes.get().speaker == lisitsyn
    assert not Person.objects.filter(name="Pavel Lisitzin").exists()
