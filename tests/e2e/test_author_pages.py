"""The author page and a story's byline in Chromium: axe-core finds nothing at 390 and 1280 px.
Screenshots land in test-artifacts/ (author-390.png, author-1280.png, byline-story-390.png …)."""

import datetime
import json

import pytest
from django.utils import timezone

from articles.images.renditions import photo_create_renditions
from articles.models import Photo

from ..factories import (
    ArticleFactory,
    AuthorFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
)
from .test_accessibility import WIDTHS, describe, picture


@pytest.fixture
def bylined():
    world = SectionFactory(name="World", slug="world", position=1)
    mira = AuthorFactory(
        name="Mira Lund",
        slug="mira-lund",
        role="Diplomatic correspondent",
        bio="Covers the river commission and the talks on sharing the Velna's water.",
        email="mira.lund@newsroom.example",
        links="https://social.example/@miralund\nhttps://miralund.example",
        portrait=PhotoFactory(
            image=picture(800, 800, dark=(70, 60, 50)),
            caption="Mira Lund.",
            credit="NWS/Staff",
            alt_text="Portrait of Mira Lund",
        ),
    )
    oren = AuthorFactory(name="Oren Vale", slug="oren-vale", role="", organisation="Baltic Wire")
    volkova = PersonFactory(name="Irina Volkova", slug="irina-volkova")
    now = timezone.now()
    stories = []
    for hours, headline in enumerate(
        ["Dam talks reopen after a month", "Ferry line gets a second boat", "Ministers meet at the border"],
        start=1,
    ):
        stories.append(
            ArticleFactory(
                published=True,
                published_at=now - datetime.timedelta(hours=hours),
                headline=headline,
                body="<p>“We are close to an agreement,” Volkova said on Tuesday.</p>",
                section=world,
                people=[volkova],
                about=[volkova],
                lead_photo=PhotoFactory(image=picture(600, 400)) if hours != 2 else None,
                authors=[mira, oren] if hours == 1 else [mira],
            )
        )
    QuoteFactory(article=stories[0], speaker=volkova, text="We are close to an agreement")
    for photo in Photo.objects.all():  # readers get renditions, never the original
        photo_create_renditions(photo=photo)
    return {"author": mira.get_absolute_url(), "byline-story": stories[0].get_absolute_url()}


@pytest.mark.django_db(transaction=True)
def test_author_page_and_byline_have_no_axe_violations(live_server, page_factory, bylined, artifacts_dir):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    report = {}
    for width in WIDTHS:
        page = page_factory(viewport={"width": width, "height": 900})
        for name, path in bylined.items():
            page.goto(f"{live_server.url}{path}")
            report[f"{name}@{width}"] = [describe(v) for v in axe.run(page).response["violations"]]
            page.screenshot(path=str(artifacts_dir / f"{name}-{width}.png"), full_page=True)
        assert page.locator(".byline a").first.inner_text() == "Mira Lund"
    (artifacts_dir / "axe-author-report.json").write_text(json.dumps(report, indent=2))
    failures = {name: found for name, found in report.items() if found}
    assert not failures, json.dumps(failures, indent=2)
