"""IPTC ninjs: our output passes IPTC's 2.1 schema; wire items import as drafts, once per version."""

import copy
import datetime
import json
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker
from reversion.models import Version

from articles.images.renditions import photo_create_renditions
from articles.models import Article, PartnerKey, Person, Photo, Quote, Topic, Urgency, WireItem
from articles.wire.ninjs import InvalidItem, compare_versions, parse_item

from .factories import (
    ArticleFactory,
    AuthorFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TopicFactory,
)
from .images import image_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_file_roots")]

DATA = Path(__file__).parent / "data"
SAMPLES = DATA / "ninjs"


@pytest.fixture(scope="module")
def ninjs_schema():
    """IPTC's ninjs 2.1 schema, with date-time formats checked (format is only advisory by default)."""
    checker = FormatChecker(formats=["date-time"])
    assert "date-time" in checker.checkers  # rfc3339-validator is installed, so the check is real
    schema = json.loads((DATA / "ninjs-schema_2.1.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=checker)


def assert_valid_ninjs(validator, item):
    errors = sorted(validator.iter_errors(item), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]
    # Our identifiers and links are absolute URIs (the schema's "uri" format, checked by hand).
    links = [item["uri"], *(r["href"] for r in item.get("renditions", []))]
    for picture in item.get("associations", []):
        links += [picture["uri"], *(r["href"] for r in picture["renditions"])]
    for concept in item.get("subjects", []) + item.get("people", []):
        links.append(concept["uri"])
    for link in links:
        parsed = urlparse(link)
        assert parsed.scheme in ("http", "https") and parsed.netloc, link


def ninjs_of(client, story):
    response = client.get(f"/api/stories/{story.pk}/ninjs")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def rich_story():
    person = PersonFactory(name="Irina Volkova", slug="irina-volkova")
    story = ArticleFactory(
        published=True,
        headline="Talks resume on the river treaty",
        standfirst="Negotiators meet again after a month-long pause.",
        body="<p>Negotiators met on Tuesday.</p><p>“We will not be rushed,” Volkova said.</p>",
        dateline_place="Geneva",
        agency="NWS",
        section=SectionFactory(),
        lead_photo=PhotoFactory(
            caption="Delegates arrive for talks.",
            credit="Newsroom Pictures/Ana Ortiz",
            alt_text="Delegates walk into a conference hall",
            copyright="CC BY 4.0",
        ),
        topics=[TopicFactory(name="Energy", slug="energy"), TopicFactory(name="Rivers", slug="rivers")],
        people=[person, PersonFactory(name="Jonas Berg", slug="jonas-berg")],
    )
    QuoteFactory(article=story, speaker=person, text="We will not be rushed")
    return story


# Output.


def test_a_story_with_photo_people_and_quotes_is_valid_ninjs(client, ninjs_schema, rich_story):
    photo_create_renditions(photo=rich_story.lead_photo)
    item = ninjs_of(client, rich_story)
    assert_valid_ninjs(ninjs_schema, item)
    assert item["uri"] == f"http://testserver/api/stories/{rich_story.pk}"
    assert item["headlines"] == [
        {"role": "main", "value": "Talks resume on the river treaty"},
        {"role": "sub", "value": "Negotiators meet again after a month-long pause."},
    ]
    [body] = item["bodies"]
    assert (body["contenttype"], body["value"]) == ("text/html", rich_story.body)
    assert (item["by"], item["located"], item["language"]) == ("NWS", "Geneva", "en")
    assert item["places"] == [{"name": "Geneva", "rel": "located"}]
    assert item["version"] == str(rich_story.version)
    assert item["firstcreated"].endswith("Z") and item["versioncreated"].endswith("Z")
    assert {s["name"] for s in item["subjects"]} == {"Energy", "Rivers"}
    assert {p["name"] for p in item["people"]} == {"Irina Volkova", "Jonas Berg"}
    assert "http://testserver/people/irina-volkova/" in {p["uri"] for p in item["people"]}
    [picture] = item["associations"]
    assert (picture["type"], picture["by"], picture["copyrightnotice"]) == (
        "picture",
        "Newsroom Pictures/Ana Ortiz",
        "CC BY 4.0",
    )
    assert {"role": "alt", "value": "Delegates walk into a conference hall"} in picture["descriptions"]
    assert {"role": "caption", "value": "Delegates arrive for talks."} in picture["descriptions"]
    # Partners get the widest metadata-free rendition, never the original upload.
    assert picture["renditions"][0]["name"] == "large"
    assert rich_story.lead_photo.image.url not in picture["renditions"][0]["href"]
    assert len(picture["renditions"]) > 1  # the stored sizes, each with its type and size


def test_an_organisation_goes_among_the_organisations(client, ninjs_schema, rich_story):
    ministry = PersonFactory(name="Ministry of Transport", slug="ministry-of-transport", kind="organisation")
    family = PersonFactory(name="Williams family", slug="williams-family", kind="group")
    rich_story.people.add(ministry, family)
    item = ninjs_of(client, rich_story)
    assert_valid_ninjs(ninjs_schema, item)
    assert [o["name"] for o in item["organisations"]] == ["Ministry of Transport"]
    assert {p["name"] for p in item["people"]} == {"Irina Volkova", "Jonas Berg", "Williams family"}


def test_the_byline_is_by_and_its_authors_are_people_with_the_author_role(client, ninjs_schema, rich_story):
    rich_story.authors.add(AuthorFactory(name="Mira Lund", slug="mira-lund"), through_defaults={"order": 0})
    rich_story.authors.add(
        AuthorFactory(name="Oren Vale", slug="oren-vale", organisation="Baltic Wire"),
        through_defaults={"order": 1},
    )
    rich_story.about.add(Person.objects.get(slug="irina-volkova"))
    item = ninjs_of(client, rich_story)
    assert_valid_ninjs(ninjs_schema, item)
    assert item["by"] == "Mira Lund and Oren Vale, Baltic Wire"
    assert item["copyrightholder"] == "NWS"
    assert [(p["name"], p["rel"]) for p in item["people"]] == [
        ("Irina Volkova", "about"),
        ("Jonas Berg", "mentions"),
        ("Mira Lund", "author"),
        ("Oren Vale", "author"),
    ]
    assert item["people"][2]["uri"] == "http://testserver/authors/mira-lund/"


def test_authors_in_an_item_are_not_imported_as_people_mentioned():
    item = {
        "uri": "urn:test:1",
        "headlines": [{"value": "Ferry line reopens"}],
        "people": [{"name": "Mira Lund", "rel": "author"}, {"name": "Marta Kovac", "rel": "mentions"}],
    }
    assert parse_item(item).people == ["Marta Kovac"]


def test_a_bare_story_is_valid_ninjs(client, ninjs_schema):
    story = ArticleFactory(published=True, standfirst="", dateline_place="", agency="")
    item = ninjs_of(client, story)
    assert_valid_ninjs(ninjs_schema, item)
    assert "associations" not in item and "located" not in item
    assert item["by"] == "NEWSROOM"  # our own copy carries our agency name
    assert item["subjects"] == [] and item["people"] == []


def test_a_partners_item_with_urgency_and_embargo_is_valid_ninjs(client, ninjs_schema, rich_story):
    lifts = (timezone.now() + datetime.timedelta(hours=3)).replace(microsecond=0)
    rich_story.urgency, rich_story.embargo_until = Urgency.FLASH, lifts
    rich_story.save()
    photo_create_renditions(photo=rich_story.lead_photo)
    _, key = PartnerKey.issue(name="Northern Radio")
    response = client.get(f"/api/stories/{rich_story.pk}/ninjs", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200
    item = response.json()
    assert_valid_ninjs(ninjs_schema, item)
    assert item["urgency"] == 1
    # ninjs 2.1's own field, a date-time: "before which all versions ... are embargoed".
    assert item["embargoed"] == lifts.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert not ninjs_schema.is_valid({**item, "embargoed": "after the minister speaks"})
    # After the lift the item is everyone's, with no embargo left to mark.
    with time_machine.travel(lifts + datetime.timedelta(seconds=1)):
        public = ninjs_of(client, rich_story)
    assert_valid_ninjs(ninjs_schema, public)
    assert "embargoed" not in public and public["urgency"] == 1


def test_an_agencys_embargo_is_kept_on_the_imported_draft(tmp_path):
    lifts = (timezone.now() + datetime.timedelta(hours=5)).replace(microsecond=0)
    item = json.loads((SAMPLES / "02-budget-vote.json").read_text(encoding="utf-8"))
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "item.json").write_text(json.dumps({**item, "embargoed": lifts.isoformat()}), encoding="utf-8")
    run_import(folder)
    story = Article.objects.get()
    assert story.status == Article.Status.DRAFT and story.embargo_until == lifts
    with pytest.raises(InvalidItem, match="embargoed"):
        parse_item({**item, "embargoed": "when the minister speaks"})


def test_an_uncredited_photo_notice_falls_back_to_the_credit_line(client, ninjs_schema):
    story = ArticleFactory(published=True, lead_photo=PhotoFactory(copyright=""))
    item = ninjs_of(client, story)
    assert_valid_ninjs(ninjs_schema, item)
    assert item["associations"][0]["copyrightnotice"] == "© Newsroom Pictures/Ana Ortiz"


def test_the_schema_check_would_catch_an_invalid_item(ninjs_schema):
    assert not ninjs_schema.is_valid({"headlines": [{"value": "No uri"}]})
    assert not ninjs_schema.is_valid({"uri": "http://x.test/1", "headlines": "not a list"})
    assert not ninjs_schema.is_valid({"uri": "http://x.test/1", "versioncreated": "yesterday"})
    assert not ninjs_schema.is_valid({"uri": "http://x.test/1", "body_html": "<p>ninjs 1.x</p>"})


def test_our_sample_wire_items_are_valid_ninjs(ninjs_schema):
    for path in sorted(SAMPLES.glob("*.json")):
        assert ninjs_schema.is_valid(json.loads(path.read_text(encoding="utf-8"))), path.name


# Reading items.


def test_parse_item_reads_what_a_story_needs():
    wire = parse_item(json.loads((SAMPLES / "01-harbour-strike.json").read_text(encoding="utf-8")))
    assert wire.headline == "Dock workers halt cargo at the northern harbour"
    assert wire.standfirst.startswith("A 48-hour stoppage")
    assert (wire.place, wire.agency, wire.version) == ("Tromsø", "WXA", "1")
    assert wire.topics == ["Labour", "Shipping"] and wire.people == ["Tomas Berg"]
    assert wire.picture.credit == "WXA/Kari Lunde" and wire.picture.copyright == "© WXA 2026"
    assert wire.picture.hrefs == ["01-harbour-strike.jpg"]
    plain = parse_item(json.loads((SAMPLES / "02-budget-vote.json").read_text(encoding="utf-8")))
    assert plain.body_html == (
        "<p>The city council approved the budget late on Thursday after a six-hour debate.</p>"
        "<p>The vote was 21 to 20.</p>"
    )
    assert plain.place == "Bergen"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"uri": None}, "uri"),
        ({"uri": 42}, "uri"),
        ({"headlines": []}, "headlines"),
        ({"headlines": [{"role": "main", "value": "   "}]}, "headlines"),
        ({"headlines": "Just a string"}, "headlines"),
        ({"headlines": [{"role": "main"}]}, "headlines.0.value"),
        ({"version": 2}, "version"),
        ({"versioncreated": "yesterday"}, "versioncreated"),
        ({"subjects": [{"name": 7}]}, "subjects.0.name"),
        ({"pubstatus": "maybe"}, "pubstatus"),
    ],
)
def test_invalid_items_are_refused_naming_the_field(change, field):
    item = json.loads((SAMPLES / "02-budget-vote.json").read_text(encoding="utf-8"))
    item.update(change)
    item = {key: value for key, value in item.items() if value is not None}
    with pytest.raises(InvalidItem) as refused:
        parse_item(item)
    assert refused.value.field == field


def test_versions_compare_as_numbers_else_by_time():
    early = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    late = early + datetime.timedelta(hours=1)
    assert compare_versions("10", None, "9", None) == 1  # not as strings
    assert compare_versions("2", late, "2", early) == 0
    assert compare_versions("1", late, "3", early) == -1
    assert compare_versions("v2", late, "v1", early) == 1
    assert compare_versions("b", early, "a", late) == -1
    assert compare_versions("b", None, "a", None) is None
    assert compare_versions("", None, "", None) == 0


# Importing.


def write_item(folder, name, item):
    path = folder / name
    path.write_text(json.dumps(item), encoding="utf-8")
    return path


def run_import(*paths):
    """The command's report; a refused item makes it exit non-zero after importing the rest."""
    from io import StringIO

    out = StringIO()
    try:
        call_command("import_ninjs", *map(str, paths), stdout=out)
    except CommandError as exc:
        return out.getvalue() + f"CommandError: {exc}"
    return out.getvalue()


@pytest.fixture
def wire_folder(tmp_path):
    """The sample items with the picture file the first one names beside them."""
    folder = tmp_path / "wire"
    shutil.copytree(SAMPLES, folder)
    (folder / "01-harbour-strike.jpg").write_bytes(image_bytes())
    return folder


def test_import_creates_drafts_with_topics_people_and_picture(wire_folder):
    report = run_import(wire_folder)
    assert "2 created" in report
    story = Article.objects.get(wire_item__uri="urn:newsml:wire.example.org:20261104:harbour-strike")
    assert story.status == Article.Status.DRAFT
    assert story.slug == "harbour-strike"
    assert (story.dateline_place, story.agency) == ("Tromsø", "WXA")
    assert "<p>Cargo handling stopped" in story.body
    assert sorted(story.topics.names()) == ["Labour", "Shipping"]
    assert [p.name for p in story.people.all()] == ["Tomas Berg"]
    photo = story.lead_photo
    assert (photo.credit, photo.copyright) == ("WXA/Kari Lunde", "© WXA 2026")
    assert photo.alt_text == "Three container cranes standing still above an empty quay"
    assert photo.width == 640
    assert not Article.objects.published().exists()  # nothing reaches readers without the desk


def test_importing_the_same_item_twice_makes_one_story(wire_folder):
    run_import(wire_folder / "02-budget-vote.json")
    report = run_import(wire_folder / "02-budget-vote.json")
    assert "ignored: 02-budget-vote.json: version 3 is not newer than 3" in report
    assert Article.objects.count() == 1 and WireItem.objects.count() == 1


def test_a_newer_version_updates_the_draft_and_keeps_a_revision(wire_folder):
    item = json.loads((wire_folder / "02-budget-vote.json").read_text(encoding="utf-8"))
    run_import(wire_folder / "02-budget-vote.json")
    story = Article.objects.get()
    newer = {**item, "version": "10", "headlines": [{"role": "main", "value": "Budget passes after recount"}]}
    report = run_import(write_item(wire_folder, "02-budget-vote.json", newer))
    assert f"updated: 02-budget-vote.json: updated draft #{story.pk}" in report
    story.refresh_from_db()
    assert story.headline == "Budget passes after recount"
    assert story.wire_item.version == "10"
    versions = Version.objects.get_for_object(story).order_by("pk")
    assert [v.field_dict["headline"] for v in versions] == [
        "City council passes next year's budget by one vote",
        "Budget passes after recount",
    ]
    assert "version 10" in versions.last().revision.get_comment()


def test_an_older_version_is_ignored(wire_folder):
    item = json.loads((wire_folder / "02-budget-vote.json").read_text(encoding="utf-8"))
    run_import(wire_folder / "02-budget-vote.json")
    older = {**item, "version": "2", "headlines": [{"role": "main", "value": "An older headline"}]}
    report = run_import(write_item(wire_folder, "older.json", older))
    assert "ignored: older.json: version 2 is not newer than 3" in report
    assert Article.objects.get().headline == "City council passes next year's budget by one vote"


def test_non_numeric_versions_are_ordered_by_versioncreated(tmp_path):
    item = {"uri": "urn:x:1", "version": "a", "versioncreated": "2026-01-01T10:00:00Z"}
    run_import(write_item(tmp_path, "a.json", {**item, "headlines": [{"value": "First"}]}))
    later = {
        **item,
        "version": "b",
        "versioncreated": "2026-01-01T11:00:00Z",
        "headlines": [{"value": "Second"}],
    }
    assert "updated" in run_import(write_item(tmp_path, "b.json", later))
    assert Article.objects.get().headline == "Second"


def test_an_invalid_item_is_refused_by_name_and_the_rest_of_the_batch_imports(wire_folder, ninjs_schema):
    good = json.loads((wire_folder / "02-budget-vote.json").read_text(encoding="utf-8"))
    no_headline = {**good, "uri": "urn:x:no-headline", "headlines": []}
    wrong_type = {**good, "uri": "urn:x:wrong-type", "headlines": "Budget passes"}
    assert not ninjs_schema.is_valid(wrong_type)  # IPTC's schema refuses it too
    write_item(wire_folder, "03-no-headline.json", no_headline)
    write_item(wire_folder, "04-wrong-type.json", wrong_type)
    (wire_folder / "05-broken.json").write_text("{not json", encoding="utf-8")
    write_item(
        wire_folder, "06-list.json", [{**good, "uri": "urn:x:in-a-list"}, {"headlines": [{"value": "x"}]}]
    )
    report = run_import(wire_folder)
    assert "refused: 03-no-headline.json: invalid item, headlines: the item has no headline." in report
    assert "refused: 04-wrong-type.json: invalid item, headlines: Input should be a valid list" in report
    assert "refused: 05-broken.json: not a readable JSON file" in report
    assert "refused: 06-list.json#2: invalid item, uri:" in report
    assert "CommandError: 4 of 7 items refused" in report
    assert set(WireItem.objects.values_list("uri", flat=True)) == {
        "urn:newsml:wire.example.org:20261104:harbour-strike",
        "urn:newsml:wire.example.org:20261105:budget-vote",
        "urn:x:in-a-list",
    }


def test_a_published_story_is_never_overwritten_by_the_wire(wire_folder):
    run_import(wire_folder / "02-budget-vote.json")
    story = Article.objects.get()
    story.publish()
    item = json.loads((wire_folder / "02-budget-vote.json").read_text(encoding="utf-8"))
    newer = {**item, "version": "4", "headlines": [{"value": "Wire rewrite"}]}
    report = run_import(write_item(wire_folder, "newer.json", newer))
    assert f"refused: newer.json: story #{story.pk} is published, not a draft" in report
    story.refresh_from_db()
    assert story.headline == "City council passes next year's budget by one vote"
    assert story.wire_item.version == "3"


@pytest.mark.parametrize(
    "href",
    ["https://pictures.wire.example.org/harbour.jpg", "../outside.jpg", "/etc/hostname", "missing.jpg"],
)
def test_a_picture_without_a_file_beside_the_item_is_left_for_the_photo_desk(tmp_path, href):
    (tmp_path / "outside.jpg").write_bytes(image_bytes())  # beside the folder, not in it
    folder = tmp_path / "wire"
    folder.mkdir()
    item = json.loads((SAMPLES / "01-harbour-strike.json").read_text(encoding="utf-8"))
    item["associations"][0]["renditions"][0]["href"] = href
    report = run_import(write_item(folder, "item.json", item))
    assert "picture left for the photo desk" in report
    assert Article.objects.get().lead_photo is None
    assert not Photo.objects.exists()


def test_a_picture_without_alt_text_is_left_for_the_photo_desk(wire_folder):
    item = json.loads((wire_folder / "01-harbour-strike.json").read_text(encoding="utf-8"))
    item["associations"][0]["descriptions"] = []
    report = run_import(write_item(wire_folder, "01-harbour-strike.json", item))
    assert "picture left for the photo desk: Describe the image" in report
    assert Article.objects.get().lead_photo is None


def test_a_newer_version_with_the_same_picture_keeps_the_photo(wire_folder):
    run_import(wire_folder / "01-harbour-strike.json")
    photo = Article.objects.get().lead_photo
    item = json.loads((wire_folder / "01-harbour-strike.json").read_text(encoding="utf-8"))
    report = run_import(write_item(wire_folder, "01-harbour-strike.json", {**item, "version": "2"}))
    assert "1 updated" in report
    assert Article.objects.get().lead_photo == photo
    assert Photo.objects.count() == 1


def test_withheld_items_are_ignored_with_a_note(wire_folder):
    item = json.loads((wire_folder / "02-budget-vote.json").read_text(encoding="utf-8"))
    report = run_import(write_item(wire_folder, "02-budget-vote.json", {**item, "pubstatus": "withheld"}))
    assert "ignored: 02-budget-vote.json: the agency marked this item withheld" in report
    assert not Article.objects.exists()


def test_people_and_topics_are_matched_before_any_is_created(wire_folder):
    berg = PersonFactory(name="Tomas M. Berg", aliases="T. Berg\nTomas Berg")
    TopicFactory(name="labour", slug="labour")
    run_import(wire_folder / "01-harbour-strike.json")
    story = Article.objects.get()
    assert list(story.people.all()) == [berg]
    assert Person.objects.count() == 1
    assert Topic.objects.filter(name__iexact="labour").count() == 1
    assert story.topics.filter(slug="labour").exists()


# The round trip.


def empty_the_database():
    Quote.objects.all().delete()
    Article.objects.all().delete()
    Person.objects.all().delete()
    Topic.objects.all().delete()
    Photo.objects.all().delete()


@pytest.mark.parametrize("agency", ["NWS", ""])
def test_our_ninjs_imports_back_unchanged(client, settings, tmp_path, rich_story, agency):
    Article.objects.filter(pk=rich_story.pk).update(agency=agency)
    rich_story.refresh_from_db()
    item = ninjs_of(client, rich_story)
    # A wire delivery: the item, and its picture under the name its rendition link ends with.
    picture = item["associations"][0]["renditions"][0]["href"]
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(
        Path(settings.PHOTO_ROOT) / rich_story.lead_photo.image.name, folder / picture.rsplit("/", 1)[1]
    )
    write_item(folder, "story.json", item)
    expected = copy.copy(rich_story)
    photo = rich_story.lead_photo
    empty_the_database()
    assert not Article.objects.exists() and not Person.objects.exists()

    assert "1 created" in run_import(folder)

    story = Article.objects.get()
    for field in ("headline", "standfirst", "body", "dateline_place", "agency", "slug"):
        assert getattr(story, field) == getattr(expected, field), field
    assert sorted(story.topics.names()) == ["Energy", "Rivers"]
    assert sorted(p.name for p in story.people.all()) == ["Irina Volkova", "Jonas Berg"]
    imported = story.lead_photo
    assert (imported.credit, imported.caption, imported.alt_text, imported.copyright) == (
        photo.credit,
        photo.caption,
        photo.alt_text,
        photo.copyright,
    )
    assert (imported.width, imported.height) == (photo.width, photo.height)
    assert story.status == Article.Status.DRAFT


@pytest.mark.django_db
def test_a_ninjs_items_language_is_the_drafts_edition(tmp_path):
    from articles.wire.ingest import story_import_ninjs

    item = {"uri": "urn:test:ru-1", "headlines": [{"value": "Порт расширят"}], "language": "ru-RU"}
    story_import_ninjs(wire=parse_item(item), source="ru-1.json", folder=tmp_path)
    assert Article.objects.get(headline="Порт расширят").language == "ru"
