"""Backup and restore: export_archive and import_archive round-trip everything, and never clobber."""

import datetime
import hashlib
import io
import json
from pathlib import Path

import pytest
import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from reversion.models import Revision, Version

from articles.archive.formats import FILE_NAMES, ArchiveError, file_sha256
from articles.archive.importer import archive_import
from articles.desk.revisions import compare, versions_of
from articles.models import (
    Article,
    Author,
    Correction,
    Note,
    Person,
    Photo,
    Quote,
    Rendition,
    Section,
    SlugRedirect,
    StatusChange,
    TaggedArticle,
    TaggedPerson,
    Topic,
    WireItem,
)

from .desk import change_url, desk_user, story_post_data
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

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.datetime(2024, 3, 5, 9, 30, 15, 123456, tzinfo=datetime.UTC)


def photo(color, **fields):
    """A photo with its own image bytes, so its SHA-256 is its own."""
    # Small, so the renditions made on import are few.
    data = image_bytes(width=320, height=213, color=color)
    return PhotoFactory(image=ContentFile(data, name=f"pic-{color[0]}.jpg"), **fields)


def save_at_desk(client, story, **changes):
    """Post the change form as a browser would; django-reversion records a revision with the user."""
    client.get(change_url(story))
    story.refresh_from_db()
    data = story_post_data(story, quotes=list(story.quotes.all()), **changes)
    response = client.post(change_url(story), data)
    assert response.status_code == 302, response.content.decode()[:500]
    story.refresh_from_db()


@pytest.fixture
def newsroom():
    """A populated newsroom: stories with every kind of part, people with portraits, history."""
    alice = desk_user("Editor", username="alice")
    rita = desk_user("Reporter", username="rita")
    world, business = (
        SectionFactory(name="World", slug="world"),
        SectionFactory(name="Business", slug="business"),
    )
    water, trade = TopicFactory(name="Water", slug="water"), TopicFactory(name="Trade", slug="trade")
    TopicFactory(name="Unused topic", slug="unused", description="No story yet.")
    lena = PersonFactory(name="Lena Berg", slug="lena-berg", portrait=photo((200, 30, 30)), bio="Engineer.")
    omar = PersonFactory(name="Omar Haddad", slug="omar-haddad", portrait=photo((30, 200, 30)))
    lena.topics.add(water)
    lead = photo((30, 30, 200), caption="The dam at dusk.", focal_x=0.25, focal_y=0.75)
    # The same picture uploaded twice with different captions: two photos, one file.
    PhotoFactory(image=ContentFile(lead.image.open("rb").read(), name="again.jpg"), caption="Again.")

    dam = ArticleFactory(
        headline="Dam talks stall",
        slug="dam-talks-stall",
        section=world,
        lead_photo=lead,
        author=rita,
        body="<p>“We need more time,” Lena Berg said. “Talks go on,” Omar Haddad noted.</p>",
        topics=[water],
        people=[lena],
        about=[lena],
        # A staff profile linked to its login, and a contributor without one, in byline order.
        authors=[
            AuthorFactory(name="Rita Sand", slug="rita-sand", user=rita, portrait=photo((90, 90, 30))),
            AuthorFactory(
                name="Oren Vale", slug="oren-vale", organisation="Baltic Wire", links="https://ov.example"
            ),
        ],
    )
    QuoteFactory(article=dam, speaker=lena, text="We need more time", order=1, is_pull_quote=True)
    QuoteFactory(
        article=dam, speaker=omar, text="Talks go on", verb="noted", context="at a briefing", order=2
    )
    dam.publish(by=alice)
    Correction.objects.create(article=dam, text="An earlier version misnamed the river.", created_by=alice)
    Note.objects.create(article=dam, text="Check the dam's height with the ministry.", author=rita)
    dam.slug = "dam-talks-stall-again"
    dam.save()
    dam.keep_old_address("dam-talks-stall")
    WireItem.objects.create(article=dam, uri="urn:wire:123", version="2")

    port = ArticleFactory(
        headline="Port reopens", slug="port-reopens", section=business, topics=[trade, water]
    )
    QuoteFactory(article=port, speaker=omar, text="Ships are moving", order=0)
    ArticleFactory(headline="A draft nobody has touched", slug="untouched-draft", people=[omar, lena])

    client = Client()
    client.force_login(alice)
    save_at_desk(client, dam, headline="Dam talks stall again")
    save_at_desk(client, port, standfirst="The harbour is open after a week.")
    with reversion.create_revision():
        reversion.set_comment("Scripted revision")
        reversion.add_to_revision(port)
    # History that mentions a row deleted since: reversion could still recover it.
    port.quotes.get().delete()
    # Times from long ago, which the archive must keep rather than stamp anew.
    Article.objects.filter(pk=port.pk).update(created_at=LONG_AGO, updated_at=LONG_AGO)
    Note.objects.filter(article=dam).update(created_at=LONG_AGO)
    return {"dam": dam, "port": port}


def export(path):
    call_command("export_archive", str(path), stdout=io.StringIO())
    return json.loads((path / "manifest.json").read_text())


def sums(manifest):
    return {name: (entry["count"], entry["sha256"]) for name, entry in manifest["files"].items()}


def image_bytes_by_hash():
    return {file_sha256(p.image): p.image.open("rb").read() for p in Photo.objects.all()}


def stored_files():
    return sorted(str(p) for p in Path(settings.PHOTO_ROOT).rglob("*") if p.is_file())


def delete_everything():
    """What a restore starts from: no content, no history, and a user who has left."""
    Revision.objects.all().delete()
    Article.objects.all().delete()
    Author.objects.all().delete()
    Person.objects.all().delete()
    Photo.objects.all().delete()
    Section.objects.all().delete()
    Topic.objects.all().delete()
    get_user_model().objects.filter(username="rita").delete()


def test_round_trip_restores_everything_with_its_times_files_and_history(newsroom, tmp_path):
    before = export(tmp_path / "before")
    images = image_bytes_by_hash()
    dam_times = Article.objects.values_list("created_at", "updated_at", "published_at").get(
        slug="dam-talks-stall-again"
    )
    assert all(before["files"][name]["count"] for name in FILE_NAMES)  # every kind is exercised

    delete_everything()
    report = archive_import(directory=tmp_path / "before")

    after = export(tmp_path / "after")
    assert sums(after) == sums(before)
    assert image_bytes_by_hash() == images
    assert Photo.objects.count() == 5 and len(images) == 4  # the twice-uploaded file, twice
    # Renditions are made again from the originals, not copied.
    assert report.renditions > 0 and Rendition.objects.exists()
    assert all(p.rendition_index for p in Photo.objects.all())
    assert report.users_created == ["rita"]
    rita = get_user_model().objects.get(username="rita")
    assert not rita.is_active and not rita.has_usable_password()
    dam = Article.objects.get(slug="dam-talks-stall-again")
    assert [a.slug for a in dam.byline_authors] == ["rita-sand", "oren-vale"]
    assert dam.byline_authors[0].user == rita and [p.slug for p in dam.about.all()] == ["lena-berg"]

    dam = Article.objects.get(slug="dam-talks-stall-again")
    assert (dam.created_at, dam.updated_at, dam.published_at) == dam_times
    assert dam.author == rita and dam.notes.get().author == rita and dam.notes.get().created_at == LONG_AGO
    assert list(dam.quotes.values_list("text", flat=True)) == ["We need more time", "Talks go on"]
    assert SlugRedirect.objects.get(old_slug="dam-talks-stall").article == dam
    assert StatusChange.objects.filter(article=dam, to_status="published").exists()
    assert set(TaggedArticle.objects.values_list("content_object__slug", "tag__slug")) == {
        ("dam-talks-stall-again", "water"),
        ("port-reopens", "trade"),
        ("port-reopens", "water"),
    }
    assert TaggedPerson.objects.get().content_object.slug == "lena-berg"
    assert dam.search_entry.text  # the derived search index is rebuilt

    # The desk's history works on the restored revisions, with this database's ids.
    versions = list(versions_of(dam))
    # Opening the form records a baseline revision; saving records the edit.
    assert [v.revision.user.username for v in versions] == ["alice", "alice"]
    assert versions[0].field_dict["section_id"] == Section.objects.get(slug="world").pk
    assert versions[0].field_dict["lead_photo_id"] == dam.lead_photo_id
    port = Article.objects.get(slug="port-reopens")
    port_versions = list(versions_of(port))
    assert port_versions[0].revision.comment == "Scripted revision"
    changes = compare(port_versions[2], port_versions[1])
    assert [(c.label, c.new) for c in changes] == [("Standfirst", "The harbour is open after a week.")]
    # The deleted quote's version stays recoverable under an id no live row has.
    deleted = Version.objects.filter(object_id__startswith="-")
    assert deleted.count() == 3  # one in each of the port story's revisions
    assert {v.object_repr for v in Version.objects.get_deleted(Quote)} == {"“Ships are moving” — Omar Haddad"}


def test_importing_the_same_archive_again_changes_nothing(newsroom, tmp_path):
    before = export(tmp_path / "before")
    delete_everything()
    archive_import(directory=tmp_path / "before")
    updated = dict(Article.objects.values_list("slug", "updated_at"))
    counts = {model: model.objects.count() for model in (Article, Photo, Revision, Version, Rendition)}

    again = archive_import(directory=tmp_path / "before")

    assert sum(again.created.values()) == 0 and again.users_created == []
    assert (
        again.unchanged["stories"] == 3
        and again.unchanged["revisions"] == before["files"]["revisions"]["count"]
    )
    assert {model: model.objects.count() for model in counts} == counts
    assert dict(Article.objects.values_list("slug", "updated_at")) == updated
    assert sums(export(tmp_path / "again")) == sums(before)


def test_importing_into_a_database_that_already_has_it_all_writes_nothing(newsroom, tmp_path):
    before = export(tmp_path / "before")
    report = archive_import(directory=tmp_path / "before")
    assert sum(report.created.values()) == 0
    assert sums(export(tmp_path / "after")) == sums(before)


@pytest.fixture
def conflicting(newsroom, tmp_path):
    """An archive, then ours changes: one story rewritten under the same slug, one deleted."""
    export(tmp_path / "archive")
    Article.objects.filter(slug="port-reopens").update(headline="Port stays shut")
    Article.objects.get(slug="untouched-draft").delete()
    return tmp_path / "archive"


def test_a_conflicting_story_stops_the_import_and_nothing_is_written(conflicting):
    counts = (Article.objects.count(), Revision.objects.count(), get_user_model().objects.count())

    with pytest.raises(CommandError) as refused:
        call_command("import_archive", str(conflicting))

    message = str(refused.value)
    assert '"port-reopens": differs in headline' in message
    assert "Nothing was imported" in message
    assert (Article.objects.count(), Revision.objects.count(), get_user_model().objects.count()) == counts
    assert not Article.objects.filter(slug="untouched-draft").exists()
    assert Article.objects.get(slug="port-reopens").headline == "Port stays shut"


def test_on_conflict_skip_keeps_ours_and_imports_the_rest(conflicting):
    port = Article.objects.get(slug="port-reopens")
    port_revisions = versions_of(port).count()

    report = archive_import(directory=conflicting, on_conflict="skip")

    port.refresh_from_db()
    assert port.headline == "Port stays shut"
    assert [str(conflict) for conflict in report.kept_ours] == ['stories "port-reopens": differs in headline']
    assert Article.objects.filter(slug="untouched-draft").exists()
    assert report.created["stories"] == 1
    # The archive's parts of the other version of the story are not grafted onto ours.
    assert versions_of(port).count() == port_revisions
    assert report.left_with_story["revisions"] == port_revisions == 3


def test_command_reports_what_it_did(newsroom, tmp_path, capsys):
    export(tmp_path / "archive")
    Article.objects.get(slug="untouched-draft").delete()
    call_command("import_archive", str(tmp_path / "archive"))
    out = capsys.readouterr().out
    assert "stories: 1 created, 2 already here" in out
    assert "Imported 1 records." in out


def test_export_refuses_a_directory_that_is_not_empty(newsroom, tmp_path):
    (tmp_path / "old.txt").write_text("something")
    with pytest.raises(CommandError, match="not empty"):
        call_command("export_archive", str(tmp_path))


def rewrite(archive, name, change):
    """Change records of one file and its manifest entry, as a forger (not damage) would."""
    from articles.archive.formats import canonical, checksum

    path = archive / f"{name}.jsonl"
    records = [change(json.loads(line)) for line in path.read_text().splitlines()]
    lines = [canonical(record) for record in records]
    path.write_text("".join(f"{line}\n" for line in lines))
    manifest = json.loads((archive / "manifest.json").read_text())
    manifest["files"][name]["sha256"] = checksum(lines)
    (archive / "manifest.json").write_text(json.dumps(manifest))


def test_a_damaged_file_is_refused_before_anything_is_written(newsroom, tmp_path):
    archive = tmp_path / "archive"
    export(archive)
    stories = archive / "stories.jsonl"
    stories.write_text(stories.read_text().replace("Dam talks stall again", "Dam talks collapse"))
    delete_everything()
    with pytest.raises(ArchiveError, match=r"stories\.jsonl does not match its count and checksum"):
        archive_import(directory=archive)
    assert not Article.objects.exists()


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_written(newsroom, tmp_path):
    archive = tmp_path / "archive"
    export(archive)
    # A consistent archive whose photo "file" is a script: only decoding catches it.
    script = b"<svg><script>alert(1)</script></svg>"
    fake = hashlib.sha256(script).hexdigest()
    victim = json.loads((archive / "photos.jsonl").read_text().splitlines()[0])
    (archive / "media" / fake).mkdir()
    (archive / "media" / fake / "evil.jpg").write_bytes(script)
    rewrite(archive, "photos", lambda r: {**r, "sha256": fake} if r == victim else r)
    delete_everything()
    media_before = stored_files()

    with pytest.raises(ArchiveError, match="SVG"):
        archive_import(directory=archive)

    assert not Article.objects.exists() and not Photo.objects.exists()
    # Photos stored before the bad one was reached are removed with the rolled-back rows.
    assert stored_files() == media_before


def test_a_record_with_unknown_fields_is_refused(newsroom, tmp_path):
    archive = tmp_path / "archive"
    export(archive)
    rewrite(archive, "people", lambda r: {**r, "is_superuser": True})
    with pytest.raises(ArchiveError, match="unknown fields"):
        archive_import(directory=archive)


def test_an_archive_made_before_bylines_is_read_without_them(tmp_path):
    ArticleFactory(published=True, slug="before-bylines")
    archive = tmp_path / "archive"
    export(archive)
    manifest = json.loads((archive / "manifest.json").read_text())
    for name in ("authors", "bylines"):  # what version 1 wrote before bylines existed
        del manifest["files"][name]
        (archive / f"{name}.jsonl").unlink()
    (archive / "manifest.json").write_text(json.dumps(manifest))
    Article.objects.all().delete()
    archive_import(directory=archive)
    assert Article.objects.filter(slug="before-bylines").exists()


def test_an_archive_of_a_newer_format_is_refused(newsroom, tmp_path):
    archive = tmp_path / "archive"
    export(archive)
    manifest = json.loads((archive / "manifest.json").read_text())
    (archive / "manifest.json").write_text(json.dumps({**manifest, "format_version": 2}))
    with pytest.raises(ArchiveError, match="format version 2"):
        archive_import(directory=archive)


def test_published_time_survives_exactly(newsroom, tmp_path):
    when = timezone.now().replace(microsecond=654321) - datetime.timedelta(days=3)
    Article.objects.filter(slug="port-reopens").update(published_at=when)
    export(tmp_path / "archive")
    delete_everything()
    archive_import(directory=tmp_path / "archive")
    assert Article.objects.get(slug="port-reopens").published_at == when
