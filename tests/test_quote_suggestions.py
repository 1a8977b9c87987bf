"""The desk's "Suggest quotes and people" step: the extractor proposes, the editor chooses."""

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse

from articles.desk.revisions import versions_of
from articles.models import Article, Person, Quote
from articles.quotes import QuoteCandidate, extract_quotes
from articles.wire.plain import parse_wire

from .desk import change_url, desk_user
from .factories import ArticleFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db

# Three quotable quotations: by Marta Kowalczyk (on file under her new name, with the old one
# as an alias), by Henrik Aalto (unknown to the desk) and by Jonas Vik.
FERRY = parse_wire((Path(__file__).parent / "data" / "wire" / "ferry-full.txt").read_text())
KOWALCZYK = "These boats have served three generations of islanders, but they burn more fuel than the rest of our fleet put together"  # noqa: E501
AALTO = (
    "People here depend on the ferry to get to work and to hospital. One cancelled crossing is one too many"
)
VIK = "We have tested the charging system through a full winter, and it has not failed once"


@pytest.fixture
def story():
    return ArticleFactory(headline=FERRY.headline, body=FERRY.body_html, author=desk_user("Reporter", "rita"))


@pytest.fixture
def marta():
    return PersonFactory(
        name="Marta Nowak", slug="marta-nowak", role="Chief executive", aliases="Marta Kowalczyk"
    )


def url(article):
    return reverse("admin:articles_article_suggestions", args=[article.pk])


def keys(page_context):
    """Form keys of the suggested quotes and people, by quote text and person name."""
    quotes = {row.candidate.text: row.key for row, _ in page_context["quote_rows"]}
    people = {row.name: row.key for row, _ in page_context["people_rows"]}
    return quotes, people


def test_the_page_lists_quotes_with_speaker_cue_confidence_and_people(client, story, marta):
    client.force_login(desk_user("Editor"))
    response = client.get(url(story))
    page = response.content.decode()
    for text in (KOWALCZYK, AALTO, VIK):
        assert f"“{text}”" in page
    assert "existing: <a" in page and "(matched as “Marta Kowalczyk”)" in page
    assert "<strong>new person</strong>, Island councillor" in page
    assert "<td>told</td>" in page and "95%" in page
    quotes, people = keys(response.context)
    assert list(people) == ["Marta Kowalczyk", "Henrik Aalto", "Jonas Vik"]
    # The proposed existing speaker is preselected.
    assert response.context["form"][f"speaker-{quotes[KOWALCZYK]}"].initial == marta.pk
    # The change page links here.
    assert url(story) in client.get(change_url(story)).content.decode()


def test_accepting_two_of_three_records_exactly_those(client, story, marta):
    editor = desk_user("Editor")
    client.force_login(editor)
    earlier = QuoteFactory(article=story, text="Four of its oldest boats", speaker=marta, order=3)
    # ^ not a quotation in the body; only there to show that new quotes come after it.
    response = client.get(url(story))
    quotes, people = keys(response.context)
    revisions_before = versions_of(story).count()
    data = {
        "version": story.version,
        f"quote-{quotes[KOWALCZYK]}": "on",
        f"speaker-{quotes[KOWALCZYK]}": marta.pk,
        f"quote-{quotes[AALTO]}": "on",
        f"speaker-{quotes[AALTO]}": "",  # keep the proposed new person
        f"person-{people['Marta Kowalczyk']}": "on",
        f"person-{people['Henrik Aalto']}": "on",
        f"name-{people['Henrik Aalto']}": "Henrik Aalto",
        f"role-{people['Henrik Aalto']}": "Island councillor",
        f"name-{people['Jonas Vik']}": "Jonas Vik",
        f"role-{people['Jonas Vik']}": "company's chief engineer",
    }
    response = client.post(url(story), data)
    assert response.status_code == 302 and response["Location"] == change_url(story)

    new = story.quotes.exclude(pk=earlier.pk).order_by("order")
    assert [(q.text, q.speaker.name, q.verb) for q in new] == [
        (KOWALCZYK, "Marta Nowak", "told"),
        (AALTO, "Henrik Aalto", "said"),
    ]
    assert [q.order for q in new] == [4, 5]
    for quote in new:  # the words exactly as the body prints them, without quote marks
        assert f"&quot;{quote.text}," in story.body or f'"{quote.text},' in story.body
    aalto = Person.objects.get(name="Henrik Aalto")
    assert (aalto.slug, aalto.role) == ("henrik-aalto", "Island councillor")
    assert not Person.objects.filter(name="Jonas Vik").exists()  # not ticked, not created
    assert set(story.people.all()) == {marta, aalto}
    # Saved through a normal save: the lock version moved and a revision records it.
    story_after = Article.objects.get(pk=story.pk)
    assert story_after.version > story.version
    assert versions_of(story).count() == revisions_before + 1
    revision = versions_of(story).first().revision
    assert revision.user == editor
    assert "2 quote(s)" in revision.get_comment()


def test_quotes_on_record_are_shown_as_such_and_not_proposed_again(client, story, marta):
    client.force_login(desk_user("Editor"))
    QuoteFactory(article=story, text=VIK, speaker=PersonFactory(name="Jonas Vik", slug="jonas-vik"))
    response = client.get(url(story))
    assert "Already on record, said by Jonas Vik" in response.content.decode()
    quotes, _ = keys(response.context)
    assert f"quote-{quotes[VIK]}" not in response.context["form"].fields
    # Even a forged tick for it records nothing more.
    data = {
        "version": story.version,
        f"quote-{quotes[VIK]}": "on",
        f"quote-{quotes[KOWALCZYK]}": "on",
        f"speaker-{quotes[KOWALCZYK]}": marta.pk,
    }
    assert client.post(url(story), data).status_code == 302
    assert story.quotes.filter(text=VIK).count() == 1
    assert story.quotes.count() == 2


def test_the_speaker_can_be_changed_to_any_existing_person(client, story, marta):
    client.force_login(desk_user("Editor"))
    other = PersonFactory(name="Eva Lind", slug="eva-lind")
    quotes, _ = keys(client.get(url(story)).context)
    client.post(
        url(story),
        {"version": story.version, f"quote-{quotes[AALTO]}": "on", f"speaker-{quotes[AALTO]}": other.pk},
    )
    assert story.quotes.get().speaker == other
    assert not Person.objects.filter(name="Henrik Aalto").exists()


def test_a_new_persons_slug_is_made_unique(client, story):
    client.force_login(desk_user("Editor"))
    PersonFactory(name="Someone Else", slug="henrik-aalto")
    _, people = keys(client.get(url(story)).context)
    client.post(url(story), {"version": story.version, f"person-{people['Henrik Aalto']}": "on"})
    assert Person.objects.get(name="Henrik Aalto").slug == "henrik-aalto-2"


def test_a_quote_with_no_speaker_needs_one_chosen(client):
    client.force_login(desk_user("Editor"))
    story = ArticleFactory(body="<p>“We want our trams back,” read one banner.</p>")
    response = client.get(url(story))
    [(row, _)] = response.context["quote_rows"]
    assert row.speaker is None and "no speaker found" in response.content.decode()
    response = client.post(url(story), {"version": story.version, f"quote-{row.key}": "on"})
    assert response.status_code == 200 and "Choose who said this." in response.content.decode()
    assert not Quote.objects.exists()


def test_nothing_ticked_records_nothing(client, story):
    client.force_login(desk_user("Editor"))
    response = client.post(url(story), {"version": story.version})
    assert "Tick the quotes and people to keep" in response.content.decode()
    assert not Quote.objects.exists() and not Person.objects.exists()
    assert Article.objects.get(pk=story.pk).version == story.version


def test_suggestions_made_before_someone_saved_the_story_are_not_applied(client, story):
    client.force_login(desk_user("Editor"))
    quotes, _ = keys(client.get(url(story)).context)
    Article.objects.get(pk=story.pk).save()  # someone else saves meanwhile
    response = client.post(
        url(story), {"version": story.version, f"quote-{quotes[AALTO]}": "on"}, follow=True
    )
    assert "Nothing was added" in response.content.decode()
    assert not Quote.objects.exists() and not Person.objects.exists()


def test_a_reporter_may_not_touch_someone_elses_story(client, story):
    client.force_login(desk_user("Reporter", "rafa"))
    assert client.get(url(story)).status_code == 403
    assert client.post(url(story), {"version": story.version, "person-0": "on"}).status_code == 403
    assert not Person.objects.exists()
    assert url(story) not in client.get(change_url(story)).content.decode()


def test_a_reporter_reviews_suggestions_for_their_own_draft(client, story):
    client.force_login(story.author)
    assert client.get(url(story)).status_code == 200


def test_an_unknown_story_is_not_found(client):
    client.force_login(desk_user("Editor"))
    assert client.get("/admin/articles/article/999999/suggestions/").status_code == 404
    assert client.get("/admin/articles/article/not-a-number/suggestions/").status_code == 404


# Near misses and speakers that are organisations or groups (issue 13).
LISITZIN_STORY = (
    "<p>Regional transport minister Pavel Lisitzin said on Monday that the bridge would reopen.</p>"
    "<p>“We will rebuild it by spring,” Lisitzin told reporters.</p>"
    "<p>“The money is there,” the Ministry of Transport said in a statement.</p>"
)


@pytest.fixture
def lisitsyn():
    return PersonFactory(
        name="Pavel Lisitsyn", slug="pavel-lisitsyn", role="Transport Minister", aliases="Lisitsin\nЛисицын"
    )


def near_miss_story():
    return ArticleFactory(body=LISITZIN_STORY, author=desk_user("Reporter", "rita"))


def test_a_near_miss_is_offered_not_linked(client, lisitsyn):
    client.force_login(desk_user("Editor"))
    story = near_miss_story()
    response = client.get(url(story))
    page = response.content.decode()
    assert "Did you mean <a" in page and ">Pavel Lisitsyn</a> (88%)?" in page
    assert "<strong>new person</strong>, Regional transport minister" in page
    _, people = keys(response.context)
    choice = response.context["form"][f"choice-{people['Pavel Lisitzin']}"]
    assert [c[0] for c in choice.field.choices] == [str(lisitsyn.pk), "new"]
    assert "Link to Pavel Lisitsyn, Transport Minister (88%)" in page
    assert "Create a new person: Pavel Lisitzin" in page


def test_the_editor_must_choose_between_linking_and_creating(client, lisitsyn):
    client.force_login(desk_user("Editor"))
    story = near_miss_story()
    quotes, _ = keys(client.get(url(story)).context)
    data = {"version": story.version, f"quote-{quotes['We will rebuild it by spring']}": "on"}
    response = client.post(url(story), data)
    assert response.status_code == 200
    assert "Did you mean Pavel Lisitsyn (88%)? Link one of them, or create a new record." in (
        response.content.decode()
    )
    assert not Quote.objects.exists() and Person.objects.count() == 1


def test_linking_a_near_miss_records_the_quote_for_the_person_on_file(client, lisitsyn):
    client.force_login(desk_user("Editor"))
    story = near_miss_story()
    quotes, people = keys(client.get(url(story)).context)
    key = people["Pavel Lisitzin"]
    data = {
        "version": story.version,
        f"quote-{quotes['We will rebuild it by spring']}": "on",
        f"person-{key}": "on",
        f"choice-{key}": str(lisitsyn.pk),
    }
    assert client.post(url(story), data).status_code == 302
    assert story.quotes.get().speaker == lisitsyn
    assert list(story.people.all()) == [lisitsyn]
    assert Person.objects.count() == 1


def test_creating_despite_a_near_miss_makes_a_new_person(client, lisitsyn):
    client.force_login(desk_user("Editor"))
    story = near_miss_story()
    _, people = keys(client.get(url(story)).context)
    key = people["Pavel Lisitzin"]
    data = {"version": story.version, f"person-{key}": "on", f"choice-{key}": "new"}
    assert client.post(url(story), data).status_code == 302
    assert Person.objects.get(name="Pavel Lisitzin").kind == Person.Kind.PERSON
    assert Person.objects.count() == 2


@dataclass(frozen=True)
class KindedCandidate(QuoteCandidate):
    """A QuoteCandidate as the extractor gives it once it tells the kind of each speaker."""

    speaker_kind: str = "person"


def test_a_speaker_the_extractor_calls_an_organisation_is_created_as_one(client, monkeypatch):
    from articles.desk import quote_suggestions

    def extract(text):
        return [
            KindedCandidate(
                **{**vars(c), "speaker_kind": "organisation" if "Ministry" in c.speaker else "person"}
            )
            for c in extract_quotes(text)
        ]

    monkeypatch.setattr(quote_suggestions, "extract_quotes", extract)
    client.force_login(desk_user("Editor"))
    story = near_miss_story()
    response = client.get(url(story))
    assert "<strong>new organisation</strong>" in response.content.decode()
    quotes, people = keys(response.context)
    key = people["Ministry of Transport"]
    assert response.context["form"][f"kind-{key}"].initial == "organisation"
    data = {"version": story.version, f"quote-{quotes['The money is there']}": "on"}
    assert client.post(url(story), data).status_code == 302
    ministry = Person.objects.get(name="Ministry of Transport")
    assert ministry.kind == Person.Kind.ORGANISATION and story.quotes.get().speaker == ministry


def test_an_extractor_without_speaker_kind_proposes_people_and_the_editor_may_change_the_kind(client):
    client.force_login(desk_user("Editor"))
    story = near_miss_story()
    quotes, people = keys(client.get(url(story)).context)
    key = people["Ministry of Transport"]
    data = {
        "version": story.version,
        f"quote-{quotes['The money is there']}": "on",
        f"kind-{key}": "organisation",
    }
    assert client.post(url(story), data).status_code == 302
    assert Person.objects.get(name="Ministry of Transport").kind == Person.Kind.ORGANISATION


def test_the_desk_lists_and_filters_people_by_kind(client):
    client.force_login(desk_user("Editor"))
    PersonFactory(name="Ministry of Transport", slug="ministry-of-transport", kind="organisation")
    PersonFactory(name="Williams family", slug="williams-family", kind="group")
    PersonFactory(name="Pavel Lisitsyn", slug="pavel-lisitsyn")
    changelist = reverse("admin:articles_person_changelist")
    page = client.get(changelist).content.decode()
    assert "organisation</td>" in page and "group</td>" in page and "?kind__exact=group" in page
    filtered = client.get(changelist, {"kind__exact": "organisation"})
    assert [p.name for p in filtered.context["cl"].result_list] == ["Ministry of Transport"]
