"""Plain-text wire copy: parsing its layouts, the import_wire command and the desk's import page."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.desk.revisions import versions_of
from articles.models import Article, Note, Person, Photo, Quote
from articles.wire.plain import WireFormatError, decode_wire, parse_wire

from .desk import desk_user
from .factories import PhotoFactory, SectionFactory

WIRE = Path(__file__).parent / "data" / "wire"
IMPORT_URL = "/admin/articles/article/import-wire/"


def read(name):
    return decode_wire((WIRE / name).read_bytes())


# Parsing: pure functions, no database.


def test_full_layout_puts_each_part_in_its_field():
    story = parse_wire(read("ferry-full.txt"))
    assert story.section == "BUSINESS"
    assert story.headline == "Lake ferry operator to retire its oldest boats"
    assert story.standfirst == "Four vessels built in the 1970s will be replaced by electric ferries by 2029."
    assert story.caption == "The ferry Albatross leaves the harbour at Kestrel Bay on Monday."
    assert story.credit == "Newsroom Pictures/Tomas Lind"
    assert (story.place, story.date, story.agency) == ("Kestrel Bay", "October 14", "NWS")
    assert len(story.paragraphs) == 6
    assert story.paragraphs[0].startswith("The Northern Lakes Ferry Company will retire")
    assert story.body_html.startswith("<p>The Northern Lakes Ferry Company")
    assert "/NWS/" not in story.body_html and "KESTREL BAY" not in story.body_html


def test_minimal_layout_one_paragraph_a_line():
    story = parse_wire(read("library-minimal.txt"))
    assert (story.section, story.standfirst, story.caption) == ("", "", "")
    assert story.headline == "City library to open on Sundays"
    assert (story.place, story.agency) == ("Odenburg", "NWS")
    assert len(story.paragraphs) == 3
    assert story.paragraphs[1].startswith('"Sunday is the only day')


def test_windows_line_endings_extra_blank_lines_and_a_two_word_place():
    raw = (WIRE / "pilots-windows.txt").read_bytes()
    assert b"\r\n\r\n\r\n" in raw  # the sample really is what the test says
    story = parse_wire(decode_wire(raw))
    assert (story.section, story.headline) == ("WORLD", "Harbour pilots strike over night shifts")
    assert story.standfirst == "Ships queue outside the port as talks stall."
    assert (story.place, story.date) == ("New York", "March 3")
    # A paragraph wrapped over two lines stays one paragraph.
    assert len(story.paragraphs) == 3
    assert "walked off the job on Monday in a dispute over night shifts" in story.paragraphs[0]
    assert "\r" not in story.body_html


def test_day_month_order_and_an_agency_with_punctuation():
    story = parse_wire(read("glacier-daymonth.txt"))
    assert (story.place, story.date, story.agency) == ("Geneva", "11 September", "A.N.-Wire (Europe)")
    assert story.section == "SCIENCE DESK"
    assert story.standfirst.startswith("The figures come from a survey")


def test_caption_and_credit_on_one_line():
    story = parse_wire(read("orchard-caption-inline.txt"))
    assert story.caption == "An orchard near Lindau after the night frost."
    assert story.credit == "Newsroom Pictures/Ana Ortiz"
    assert story.standfirst == "Growers say the harvest could be half of last year's."
    assert story.date == "Apr. 22"


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("RIO DE JANEIRO, May 1. /NWS/.", "Rio de Janeiro"),
        ("ST. PETERSBURG, 2 June /NWS/", "St. Petersburg"),
        ("Kyiv, Sept. 30, 2025. /NWS/.", "Kyiv"),
    ],
)
def test_dateline_variants(dateline, place):
    story = parse_wire(f"Headline\n{dateline} Body text.")
    assert story.place == place
    assert story.paragraphs == ("Body text.",)


def test_a_dateline_alone_on_its_line_is_followed_by_the_body():
    story = parse_wire("Headline\n\nMOSCOW, September 11. /NWS/.\nFirst paragraph.\n\nSecond.")
    assert story.paragraphs == ("First paragraph.", "Second.")


def test_a_known_section_name_in_any_case_is_the_section_line():
    story = parse_wire("Science\nSatellite launched\nKOUROU, May 5. /NWS/. Text.", sections=["Science"])
    assert (story.section, story.headline) == ("Science", "Satellite launched")
    # Without that knowledge, a line of navigation words is a label for the note…
    story = parse_wire("Science\nSatellite launched\nKOUROU, May 5. /NWS/. Text.")
    assert (story.section, story.headline, story.standfirst) == ("", "Satellite launched", "")
    assert [str(note) for note in story.notes] == ["line 1 (navigation): Science"]
    # … and any other first line is the headline, the next the standfirst.
    story = parse_wire("Rocket science\nSatellite launched.\nKOUROU, May 5. /NWS/. Text.")
    assert (story.section, story.headline, story.standfirst) == ("", "Rocket science", "Satellite launched.")


def test_a_word_or_two_above_a_longer_headline_is_a_label():
    story = parse_wire("Türkiye\nAnkara hosts summit on rivers\nThe summit opened.\nANKARA (AA) - Text.")
    assert (story.headline, story.standfirst) == ("Ankara hosts summit on rivers", "The summit opened.")
    assert [str(note) for note in story.notes] == ["line 1 (navigation): Türkiye"]


@pytest.mark.parametrize(
    ("text", "part", "message"),
    [
        ("", "text", "Nothing to import"),
        ("   \r\n\n  ", "text", "Nothing to import"),
        ("Council approves new bus lanes\n", "body", "No body found: the headline on line 1"),
        ("MOSCOW, September 11. /NWS/. Text.", "headline", "nothing stands above the dateline on line 1"),
        ("WORLD\nMOSCOW, May 1. /NWS/. Text.", "headline", "only the section label “WORLD” (line 1)"),
        ("All news\n\nShare\nMOSCOW, May 1. /NWS/. Text.", "headline", "navigation label “All news”"),
        ("Headline\nMOSCOW, September 11. /NWS/.\n\n", "body", "the dateline on line 2 is followed by no"),
        ("Headline\nMOSCOW, May 1. /NWS/.\nShare\nTelegram", "body", "line 3 (share buttons): Share"),
        ("Headline\x00\x01\x02\nMOSCOW, May 1. /NWS/. Text.", "text", "control characters"),
        ("x" * 300 + "\nMOSCOW, May 1. /NWS/. Text.", "headline", "300 characters"),
    ],
)
def test_unparseable_copy_is_refused_saying_which_part(text, part, message):
    with pytest.raises(WireFormatError) as refused:
        parse_wire(text, sections=["World"])
    assert refused.value.part == part
    assert message in refused.value.message


@pytest.mark.parametrize(
    ("text", "check"),
    [
        # No dateline: an editor can still use a headline and a body; the story gets no place.
        (
            "Headline\nThe council met. Nobody spoke.",
            lambda s: s.paragraphs == ("The council met. Nobody spoke.",),
        ),
        # A credit with no caption: the photo is proposed with the credit alone.
        ("Headline\n© Agency/Someone\nMOSCOW, May 1. /NWS/. Text.", lambda s: s.credit == "Agency/Someone"),
        # Lines no rule places stay in the note, never refused.
        (
            "Headline\nStandfirst\nExtra line\nAnother\nMOSCOW, May 1. /NWS/. Text.",
            lambda s: s.standfirst == "Standfirst" and [n.line for n in s.unplaced] == [3, 4],
        ),
    ],
)
def test_copy_an_editor_can_read_is_never_refused(text, check):
    assert check(parse_wire(text))


def test_binary_junk_is_not_text():
    junk = bytes(range(256)) * 8
    with pytest.raises(WireFormatError, match="not a text file"):
        parse_wire(decode_wire(junk))


# The command.


@pytest.mark.django_db
def test_command_creates_a_draft_with_each_part_in_its_field_and_lists_suggestions(capsys):
    business = SectionFactory(name="Business", slug="business")
    reporter = desk_user("Reporter", username="rita")
    call_command("import_wire", str(WIRE / "ferry-full.txt"), "--author", "rita")
    story = Article.objects.get()
    assert story.status == Article.Status.DRAFT
    assert story.author == reporter
    assert story.section == business
    assert story.headline == "Lake ferry operator to retire its oldest boats"
    assert story.slug == "lake-ferry-operator-to-retire-its-oldest-boats"
    assert story.standfirst.startswith("Four vessels")
    assert (story.dateline_place, story.agency) == ("Kestrel Bay", "NWS")
    assert story.body.startswith("<p>The Northern Lakes Ferry Company") and story.body.count("<p>") == 6
    assert story.lead_photo is None
    note = Note.objects.get(article=story)
    assert (
        "The ferry Albatross leaves the harbour" in note.text
        and "© Newsroom Pictures/Tomas Lind" in note.text
    )
    assert versions_of(story).get().revision.user == reporter
    out = capsys.readouterr().out
    assert "Suggested quotes (3)" in out
    assert "Henrik Aalto (new, Island councillor)" in out
    # Suggestions are only listed: nothing is recorded without an editor.
    assert not Quote.objects.exists() and not Person.objects.exists()


@pytest.mark.django_db
def test_command_links_a_photo_that_has_the_caption_and_warns_of_an_unknown_section(capsys):
    photo = PhotoFactory(caption="An orchard near Lindau after the night frost.")
    call_command("import_wire", str(WIRE / "orchard-caption-inline.txt"), str(WIRE / "glacier-daymonth.txt"))
    orchard = Article.objects.get(dateline_place="Lindau")
    assert orchard.lead_photo == photo and not orchard.notes.exists()
    glacier = Article.objects.get(dateline_place="Geneva")
    assert glacier.section is None and glacier.agency == "A.N.-Wire (Europe)"
    assert "No section is called “SCIENCE DESK”" in capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "Nothing to import"),
        ("furniture-only.txt", "No headline found: only the navigation label “All news” (line 1)"),
        ("headline-only.txt", "No body found: the headline on line 1"),
    ],
)
def test_command_refuses_garbage_and_creates_nothing(name, message, capsys):
    with pytest.raises(CommandError, match="1 of 1 file"):
        call_command("import_wire", str(WIRE / name))
    assert message in capsys.readouterr().err
    assert not Article.objects.exists() and not Note.objects.exists() and not Photo.objects.exists()


@pytest.mark.django_db
def test_command_refuses_binary_junk_and_imports_the_good_file_beside_it(tmp_path, capsys):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(CommandError, match="1 of 2 file"):
        call_command("import_wire", str(junk), str(WIRE / "library-minimal.txt"))
    assert "refused: " + str(junk) in capsys.readouterr().err
    assert list(Article.objects.values_list("headline", flat=True)) == ["City library to open on Sundays"]


@pytest.mark.django_db
def test_a_failure_after_the_story_is_saved_leaves_nothing_behind(monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Note.objects, "create", broken)
    with pytest.raises(RuntimeError):
        call_command("import_wire", str(WIRE / "ferry-full.txt"))
    assert not Article.objects.exists()


# The desk's page.


@pytest.mark.django_db
def test_desk_page_imports_pasted_copy_and_goes_to_its_suggestions(client):
    editor = desk_user("Editor")
    client.force_login(editor)
    changelist = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert IMPORT_URL in changelist
    assert client.get(IMPORT_URL).status_code == 200
    response = client.post(IMPORT_URL, {"text": (WIRE / "library-minimal.txt").read_text()})
    story = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_suggestions", args=[story.pk])
    assert (story.author, story.status, story.dateline_place) == (editor, Article.Status.DRAFT, "Odenburg")
    suggestions = client.get(response["Location"]).content.decode()
    assert "Sunday is the only day many families have free" in suggestions
    assert "Lena Haug" in suggestions


@pytest.mark.django_db
def test_desk_page_takes_an_uploaded_file_with_windows_line_endings(client):
    client.force_login(desk_user("Reporter"))
    upload = SimpleUploadedFile("pilots.txt", (WIRE / "pilots-windows.txt").read_bytes(), "text/plain")
    assert client.post(IMPORT_URL, {"upload": upload}).status_code == 302
    story = Article.objects.get()
    assert (story.headline, story.dateline_place) == ("Harbour pilots strike over night shifts", "New York")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "Nothing to import"),
        (
            {"text": (WIRE / "furniture-only.txt").read_text()},
            "only the navigation label “All news” (line 1)",
        ),
        ({"text": "Council approves new bus lanes"}, "No body found: the headline on line 1"),
        ({"upload": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\xff\xfe"}, "not plain text"),
    ],
)
def test_desk_page_refuses_garbage_with_its_message_and_creates_nothing(client, data, message):
    client.force_login(desk_user("Editor"))
    if "upload" in data:
        data = {"upload": SimpleUploadedFile("picture.txt", data["upload"])}
    response = client.post(IMPORT_URL, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Article.objects.exists() and not Note.objects.exists() and not Photo.objects.exists()


@pytest.mark.django_db
def test_only_users_who_may_add_stories_import(client):
    client.force_login(desk_user("Photo editor"))
    assert client.get(IMPORT_URL).status_code == 403
    assert client.post(IMPORT_URL, {"text": (WIRE / "library-minimal.txt").read_text()}).status_code == 403
    assert not Article.objects.exists()
