"""Browser copies of agency story pages (issue 13): every layout in tests/data/wire/ imports,
with the page's furniture in the story's internal note, the photo proposed for the photo desk
and the dateline's own date kept; from the parser, the command and the desk page."""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.desk.wire_import import photo_add_url
from articles.models import Article, Note, Photo
from articles.wire.ingest import ProposedPhoto
from articles.wire.plain import decode_wire, parse_wire

from .desk import desk_user
from .factories import SectionFactory

WIRE = Path(__file__).parent / "data" / "wire"
IMPORT_URL = "/admin/articles/article/import-wire/"
SECTIONS = ["World", "world", "Politics", "politics", "Business", "business", "Economy", "economy"]

# file: (headline start, place, date, agency, section, paragraphs, caption start, credit)
PAGES = {
    "tass-ministry.txt": (
        "Moscow ready to host talks", "Moscow", "September 11", "TASS", "", 4,
        "Foreign Minister Ivan Petrenko", "Foreign Ministry press service/AGENCY",
    ),
    "tass-timestamp-byline.txt": (
        "Russian Railways to launch", "Moscow", "September 11", "TASS", "Economy", 2,
        "", "Russian Railways press service",
    ),
    "reuters-rail.txt": (
        "German rail operator orders", "Berlin", "Dec 2", "Reuters", "World", 4,
        "A night train stands", "REUTERS/Lena Hartmann",
    ),
    "ap-senate.txt": (
        "Senate panel approves bill", "Washington", "", "AP", "POLITICS", 4,
        "Workers inspect a damaged bridge", "AP Photo/Mark Ellison",
    ),
    "afp-kyiv.txt": (
        "Kyiv opens first underground school", "Kyiv", "3 March", "AFP", "", 3,
        "Pupils arrive for classes", "Olena Marchenko / AFP",
    ),
    "dpa-ferries.txt": (
        "Baltic ferry line to run on hydrogen", "Kiel", "", "dpa", "", 3,
        "The ferry Wellenreiter", "Lena Vogt/dpa",
    ),
    "xinhua-orchards.txt": (
        "Desert orchards bring", "Lanzhou", "Dec. 2", "Xinhua", "", 3,
        "Farmers pick apples", "Xinhua/Wang Lin",
    ),
    "kyodo-robots.txt": ("Japanese hospitals to trial", "Tokyo", "Dec. 2", "Kyodo", "", 3, "", ""),
    "pti-metro.txt": ("Delhi Metro to add", "New Delhi", "Dec 2", "PTI", "", 3, "", ""),
    "ani-solar.txt": ("Solar parks to power", "New Delhi", "December 2", "ANI", "", 3, "", ""),
    "efe-olive.txt": (
        "Spanish olive oil prices", "Madrid", "Dec 2", "EFE", "Economy", 3,
        "A farmer checks olives", "EFE/Marta Ruiz",
    ),
    "anadolu-water.txt": ("Ankara hosts regional summit", "Ankara", "", "AA", "World", 3, "", ""),
    "interfax-airport.txt": (
        "Kazan airport to open", "Moscow", "Dec 2", "Interfax", "Business", 3, "", "",
    ),
    "pressrelease-tidal.txt": (
        "Acme Tidal Energy signs deal", "London", "Dec. 2, 2026", "Newsline Wire", "", 5, "", "",
    ),
    "local-courier.txt": (
        "City council votes to keep", "Odenburg", "", "", "", 3,
        "Swimmers at the Westbad pool", "Tom Berg/Odenburg Courier",
    ),
}  # fmt: skip

# What each page carries that is furniture: it must be in the note and nowhere in the story.
FURNITURE = {
    "tass-ministry.txt": ["All news", "Read also", "Velmora and Moscow sign", "Tags", "Telegram", "VK"],
    "tass-timestamp-byline.txt": ["11 SEP 2026, 14:25", "By Anna Petrova", "Read also: Kazan airport"],
    "reuters-rail.txt": [
        "By Anna Petrova",
        "Updated 2 hours ago",
        "Purchase Licensing Rights",
        "Reporting by",
    ],
    "ap-senate.txt": ["By JANE HOLLOWAY", "Updated 3:12 PM EST", "Copy Link copied", "RELATED COVERAGE"],
    "afp-kyiv.txt": ["Published on 03/03/2026 - 11:42", "© 2026 AFP"],
    "dpa-ferries.txt": ["dpa English › Germany", "02.12.2026, 14:25", "#Germany #Shipping"],
    "xinhua-orchards.txt": ["Home | China", "Editor: Li Yan", "Enditem"],
    "kyodo-robots.txt": ["KYODO NEWS - Dec 2, 2026 - 14:25", "Related coverage:", "Robot makers see"],
    "pti-metro.txt": ["India News", "Last Updated : 02 Dec 2026", "Follow us on"],
    "ani-solar.txt": ["Home > National", "(ANI)"],
    "efe-olive.txt": [],
    "anadolu-water.txt": ["Burak Demir   |02.12.2026 - Update : 02.12.2026"],
    "interfax-airport.txt": ["2 December 2026 11:02"],
    "pressrelease-tidal.txt": [
        "News provided by",
        "Share this article",
        "Media contact:",
        "+44 20 7946 0000",
    ],
    "local-courier.txt": ["Home › Local news", "By Jane Doe, Staff writer", "Subscribe", "Comments"],
}


def read(name):
    return decode_wire((WIRE / name).read_bytes())


# Parsing: pure, no database.


def test_the_samples_cover_the_agencies_layouts():
    assert len(PAGES) >= 15 and set(PAGES) == set(FURNITURE)
    assert all((WIRE / name).is_file() for name in PAGES)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_agency_page_puts_each_part_in_its_field(name):
    headline, place, date, agency, section, paragraphs, caption, credit = PAGES[name]
    story = parse_wire(read(name), sections=SECTIONS)
    assert story.headline.startswith(headline)
    assert (story.place, story.date, story.agency, story.section) == (place, date, agency, section)
    assert len(story.paragraphs) == paragraphs, story.paragraphs
    assert story.caption.startswith(caption) and story.credit == credit
    assert not story.unplaced, story.unplaced


@pytest.mark.parametrize("name", sorted(PAGES))
def test_furniture_goes_to_the_note_and_never_into_the_story(name):
    story = parse_wire(read(name), sections=SECTIONS)
    noted = "\n".join(note.text for note in story.notes)
    copy = "\n".join([story.headline, story.standfirst, *story.paragraphs])
    for furniture in FURNITURE[name]:
        assert furniture in noted, f"{furniture!r} is not in the note"
        assert furniture not in copy, f"{furniture!r} is in the story"
    # The first paragraph starts after the dateline, never with it.
    first = story.paragraphs[0]
    assert f"({story.agency})" not in first and f"/{story.agency}/" not in first


def test_the_tass_page_layout_from_the_issue():
    story = parse_wire(read("tass-ministry.txt"))
    assert story.standfirst == "The ministry expects delegations from four countries to arrive next week."
    assert story.caption == "Foreign Minister Ivan Petrenko"
    assert story.credit == "Foreign Ministry press service/AGENCY"
    # The alt text as the page gave it runs the credit on; the photo's own alt text is the description.
    assert story.alt_text == "Foreign Minister Ivan Petrenko"
    assert (
        "line 6 (photo alt text): Foreign Minister Ivan Petrenko  Foreign Ministry press service/AGENCY"
        in [str(note) for note in story.notes]
    )
    assert str(story.notes[0]) == "line 1 (navigation): All news"
    assert story.paragraphs[0].startswith("Moscow is ready to host a new round")


def test_a_known_section_named_by_a_breadcrumb_or_a_slug():
    story = parse_wire("Home › News › World\nTalks resume\nBERLIN (Reuters) - Text.", sections=["world"])
    assert (story.section, story.headline) == ("World", "Talks resume")


def test_a_sentence_with_brackets_and_a_dash_is_no_dateline():
    story = parse_wire("Headline\nThe minister (left) - who spoke first - was cheered.\nMore text.")
    assert not story.has_dateline
    assert story.paragraphs[0].startswith("The minister (left)")


# The command.


@pytest.mark.django_db
def test_command_imports_every_agency_page(capsys):
    for name in ("World", "Politics", "Business", "Economy"):
        SectionFactory(name=name, slug=name.lower())
    call_command("import_wire", *(str(WIRE / name) for name in sorted(PAGES)))
    assert Article.objects.count() == len(PAGES)
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.DRAFT}
    # No photo is made without its file: the photo desk gets a proposal instead.
    assert not Photo.objects.exists()
    out = capsys.readouterr().out
    assert out.count("created: ") == len(PAGES)
    assert "add it at: /admin/articles/photo/add/?caption=Foreign+Minister+Ivan+Petrenko" in out
    tass = Article.objects.get(headline__startswith="Moscow ready")
    assert (tass.dateline_place, tass.dateline_date, tass.agency) == ("Moscow", "September 11", "TASS")
    note = tass.notes.get().text
    assert (
        "Credit: © Foreign Ministry press service/AGENCY" in note and "line 1 (navigation): All news" in note
    )
    reuters = Article.objects.get(agency="Reuters")
    assert reuters.section.name == "World" and reuters.body.count("<p>") == 4
    assert (
        "Purchase Licensing Rights" not in reuters.body
        and "Purchase Licensing Rights" in reuters.notes.get().text
    )
    local = Article.objects.get(dateline_place="Odenburg")
    assert local.agency == "" and "names no agency" in out


@pytest.mark.django_db
def test_the_dateline_keeps_its_own_date_when_published_later(settings):
    call_command("import_wire", str(WIRE / "tass-ministry.txt"))
    story = Article.objects.get()
    story.publish(by=None, at=timezone.now())
    assert story.dateline == "MOSCOW, September 11. /TASS/."
    # Copy whose dateline has no date prints the publication date, as before.
    call_command("import_wire", str(WIRE / "ap-senate.txt"))
    ap = Article.objects.get(agency="AP")
    assert ap.dateline_date == ""
    assert ap.dateline.startswith("WASHINGTON, ") and ap.dateline.endswith("/AP/.")


@pytest.mark.django_db
def test_a_refused_copy_leaves_nothing_behind(capsys):
    with pytest.raises(Exception, match="1 of 2 file"):
        call_command("import_wire", str(WIRE / "furniture-only.txt"), str(WIRE / "library-minimal.txt"))
    # The good file beside it is in; the refused one left nothing.
    assert list(Article.objects.values_list("headline", flat=True)) == ["City library to open on Sundays"]
    with pytest.raises(Exception, match="2 of 2 file"):
        call_command("import_wire", str(WIRE / "furniture-only.txt"), str(WIRE / "headline-only.txt"))
    err = capsys.readouterr().err
    assert "only the navigation label “All news” (line 1)" in err
    assert "No body found: the headline on line 1" in err
    assert Article.objects.count() == 1 and not Photo.objects.exists() and not Note.objects.exists()


# The desk page, over HTTP as an editor.


@pytest.mark.django_db
def test_desk_imports_a_pasted_tass_page_and_offers_the_photo_form(client):
    editor = desk_user("Editor")
    client.force_login(editor)
    response = client.post(IMPORT_URL, {"text": read("tass-ministry.txt")}, follow=True)
    story = Article.objects.get()
    assert response.redirect_chain[-1][0] == reverse("admin:articles_article_suggestions", args=[story.pk])
    page = response.content.decode()
    shown = [str(message) for message in get_messages(response.wsgi_request)] or [page]
    assert "Draft “Moscow ready to host talks" in page
    assert "Moscow, September 11, TASS; 4 paragraph(s)" in page
    link = re.search(r'href="(/admin/articles/photo/add/\?[^"]+)"', page)
    assert link, shown
    query = parse_qs(urlsplit(link.group(1).replace("&amp;", "&")).query)
    assert query == {
        "caption": ["Foreign Minister Ivan Petrenko"],
        "credit": ["Foreign Ministry press service/AGENCY"],
        "alt_text": ["Foreign Minister Ivan Petrenko"],
    }
    assert not Photo.objects.exists()
    # The story form shows the note (furniture and the proposed photo) and the dateline's date.
    form = client.get(reverse("admin:articles_article_change", args=[story.pk])).content.decode()
    assert "line 14 (related story link): Read also" in form
    assert 'value="September 11"' in form


@pytest.mark.django_db
def test_the_photo_link_fills_in_the_photo_desks_form(client):
    client.force_login(desk_user("Photo editor"))
    proposal = ProposedPhoto(caption="Farmers pick apples", credit="Xinhua/Wang Lin", alt_text="Farmers")
    form = client.get(photo_add_url(proposal)).content.decode()
    assert "Farmers pick apples</textarea>" in form
    assert 'value="Xinhua/Wang Lin"' in form and 'value="Farmers"' in form


@pytest.mark.django_db
def test_desk_refuses_only_furniture_naming_the_line_and_creates_nothing(client):
    client.force_login(desk_user("Editor"))
    response = client.post(IMPORT_URL, {"text": read("furniture-only.txt")})
    assert response.status_code == 200
    assert "Not imported. No headline found: only the navigation label “All news” (line 1)." in (
        response.content.decode()
    )
    assert not Article.objects.exists() and not Photo.objects.exists() and not Note.objects.exists()


@pytest.mark.django_db
def test_the_note_never_reaches_readers(client):
    client.force_login(desk_user("Editor"))
    client.post(IMPORT_URL, {"text": read("reuters-rail.txt")})
    client.logout()
    story = Article.objects.get()
    story.publish(by=None, at=timezone.now())
    urls = [
        story.get_absolute_url(),
        "/",
        "/feeds/rss/",
        "/feeds/atom/",
        f"/api/stories/{story.pk}",
        f"/api/stories/{story.pk}/ninjs",
    ]
    for url in urls:
        response = client.get(url, follow=True)
        text = response.content.decode()
        assert response.status_code == 200, url
        assert "Purchase Licensing Rights" not in text and "Reporting by" not in text, url
        assert story.headline in text or story.slug in text, url
