"""Autosave of the story form: the editor's unsaved copy, kept apart from the saved story."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, UnsavedCopy

from .desk import INLINES, change_url, desk_user, story_post_data
from .factories import ArticleFactory, PersonFactory, QuoteFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("admin:articles_article_autosave")
ADD = reverse("admin:articles_article_add")


def logged_in(user, **options):
    client = Client(**options)
    client.force_login(user)
    return client


def autosave(client, **payload):
    return client.post(URL, json.dumps(payload), content_type="application/json")


@pytest.fixture
def story():
    story = ArticleFactory(published=True, headline="Dam gates open", body="<p>The gates opened at noon.</p>")
    QuoteFactory(article=story, text="The river is high", speaker=PersonFactory(name="Lena Ortiz"))
    return story


def opened(client, story):
    """The form as the editor's browser holds it after opening the story."""
    client.get(change_url(story))
    story.refresh_from_db()
    return story_post_data(story, quotes=list(story.quotes.all()))


def copy_of(form, **changes):
    """What the browser's autosave sends for `form`: every field as text, times as the admin
    shows them (the site's time zone), without the conflict check's fields."""
    data = {name: value if isinstance(value, list) else str(value) for name, value in form.items()}
    published_at = Article.objects.get(slug=form["slug"]).published_at
    if published_at:
        local = timezone.localtime(published_at)
        data.update(published_at_0=local.strftime("%Y-%m-%d"), published_at_1=local.strftime("%H:%M:%S"))
    for name in ("expected_version", "base_revision"):
        data.pop(name)
    return {**data, **changes}


def test_autosave_keeps_a_copy_and_never_touches_the_story(story):
    editor = desk_user("Editor", username="ed")
    client = logged_in(editor)
    form = opened(client, story)
    before = story.__dict__.copy()
    versions = Version.objects.count()

    response = autosave(
        client,
        story=story.pk,
        data=copy_of(form, headline="Dam gates open early", body="<p>The gates opened at dawn.</p>"),
        expected_version=form["expected_version"],
        base_revision=form["base_revision"],
    )

    assert response.status_code == 200 and response.json()["saved"] is True
    copy = UnsavedCopy.objects.get()
    assert (copy.user, copy.article, copy.data["headline"]) == (editor, story, "Dam gates open early")
    assert copy.saved_against_version == story.version
    story.refresh_from_db()
    assert story.headline == before["headline"] and story.body == before["body"]
    assert story.version == before["version"]  # the lock version is untouched
    assert story.updated_at == before["updated_at"]
    assert Version.objects.count() == versions  # not a revision

    # Again: the same copy is updated, not a second one.
    autosave(
        client, story=story.pk, data=copy_of(form, headline="Third try"), base_revision=form["base_revision"]
    )
    assert UnsavedCopy.objects.get().data["headline"] == "Third try"


def test_reopening_offers_the_copy_with_a_diff_and_a_real_save_clears_it(story):
    editor = desk_user("Editor", username="ed")
    client = logged_in(editor)
    form = opened(client, story)
    autosave(
        client,
        story=story.pk,
        data=copy_of(form, headline="Dam gates open early"),
        expected_version=form["expected_version"],
        base_revision=form["base_revision"],
    )
    page = client.get(change_url(story)).content.decode()
    assert "Unsaved changes from" in page
    assert "<ins>early</ins>" in page  # the headline's change, word by word
    assert 'id="unsaved-copy-data"' in page

    assert client.post(change_url(story), form).status_code == 302  # a real save
    assert not UnsavedCopy.objects.exists()
    assert "Unsaved changes from" not in client.get(change_url(story)).content.decode()


def test_a_copy_no_different_from_the_story_offers_nothing(story):
    client = logged_in(desk_user("Editor", username="ed"))
    form = opened(client, story)
    autosave(client, story=story.pk, data=copy_of(form), base_revision=form["base_revision"])
    assert "Unsaved changes from" not in client.get(change_url(story)).content.decode()
    assert not UnsavedCopy.objects.exists()


def test_copies_are_each_editors_own(story):
    ed, eva = desk_user("Editor", username="ed"), desk_user("Editor", username="eva")
    ed_client, eva_client = logged_in(ed), logged_in(eva)
    form = opened(ed_client, story)
    autosave(ed_client, story=story.pk, data=copy_of(form, headline="Ed's words"))
    autosave(eva_client, story=story.pk, data=copy_of(form, headline="Eva's words"))

    assert {c.user.username: c.data["headline"] for c in UnsavedCopy.objects.all()} == {
        "ed": "Ed's words",
        "eva": "Eva's words",
    }
    page = eva_client.get(change_url(story)).content.decode()
    assert "Eva" in page and "Ed&#x27;s words" not in page and "Ed's words" not in page
    # Eva's discard removes hers, never Ed's.
    assert autosave(eva_client, action="discard", story=story.pk).json() == {"discarded": True}
    assert list(UnsavedCopy.objects.values_list("user__username", flat=True)) == ["ed"]


def test_a_reporter_cannot_autosave_a_story_they_cannot_change(story):
    rita = desk_user("Reporter", username="rita")
    own = ArticleFactory(author=rita, headline="Rita's draft")
    client = logged_in(rita)

    refused = autosave(client, story=story.pk, data={"headline": "Hijacked"})
    assert refused.status_code == 403 and refused.json()["forbidden"] is True
    assert autosave(client, story=own.pk, data={"headline": "Rita's draft, longer"}).status_code == 200
    assert list(UnsavedCopy.objects.values_list("article", flat=True)) == [own.pk]


def test_signed_out_and_non_staff_get_json_not_the_login_page(story):
    anonymous = autosave(Client(), story=story.pk, data={"headline": "x"})
    assert anonymous.status_code == 403 and anonymous.json()["signed_out"] is True
    not_staff = autosave(logged_in(UserFactory(username="reader", is_staff=False)), story=story.pk, data={})
    assert not_staff.status_code == 403 and not_staff.json()["signed_out"] is True
    assert not UnsavedCopy.objects.exists()


def test_the_endpoint_is_csrf_protected(story):
    client = logged_in(desk_user("Editor", username="ed"), enforce_csrf_checks=True)
    assert autosave(client, story=story.pk, data={"headline": "x"}).status_code == 403
    assert not UnsavedCopy.objects.exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"story": 1, "data": "text"}', "needs “data”"),
        ('{"story": 1, "data": {"headline": 3}}', "must be text or a list of texts"),
        ('{"story": "1; drop", "data": {}}', "must be a whole number"),
        ('{"key": "../../etc", "data": {}}', "needs a “key”"),
        ('{"action": "publish", "data": {}}', "Unknown action"),
        (b"\xff\xfe", "not valid JSON"),
        ("[" * 100_000, "not valid JSON"),
    ],
)
def test_malformed_autosaves_get_a_clear_400(story, body, message):
    client = logged_in(desk_user("Editor", username="ed"))
    body = body.replace('"story": 1', f'"story": {story.pk}') if isinstance(body, str) else body
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_text_the_database_cannot_store_is_cleaned_or_refused(story):
    client = logged_in(desk_user("Editor", username="ed"))
    nul = autosave(client, story=story.pk, data={"headline": "Dam\x00 gates", "people": ["1\x00"]})
    assert nul.status_code == 200  # a NUL is never meant: dropped, the rest kept
    assert UnsavedCopy.objects.get().data == {"headline": "Dam gates", "people": ["1"]}
    body = '{"story": STORY, "data": {"headline": "\\ud800"}}'.replace("STORY", str(story.pk))
    surrogate = client.post(URL, body, content_type="application/json")
    assert surrogate.status_code == 400 and "not valid Unicode" in surrogate.json()["error"]


def test_an_unknown_story_is_a_404_and_get_is_a_405():
    client = logged_in(desk_user("Editor", username="ed"))
    assert autosave(client, story=999_999, data={}).status_code == 404
    assert client.get(URL).status_code == 405


def test_an_autosave_over_the_limit_is_a_413_with_json(story, settings):
    settings.AUTOSAVE_MAX_BYTES = 10_000
    client = logged_in(desk_user("Editor", username="ed"))
    response = autosave(client, story=story.pk, data={"body": "<p>" + "word " * 5000 + "</p>"})
    assert response.status_code == 413
    assert response.json()["too_large"] is True and "kept in this browser" in response.json()["error"]
    assert not UnsavedCopy.objects.exists()


def test_a_late_autosave_from_a_form_already_saved_is_ignored(story):
    client = logged_in(desk_user("Editor", username="ed"))
    form = opened(client, story)
    client.post(change_url(story), {**form, "headline": "Saved for real"})
    late = autosave(
        client,
        story=story.pk,
        data=copy_of(form, headline="Typed before the save"),
        expected_version=form["expected_version"],
        base_revision=form["base_revision"],
    )
    assert late.json() == {"saved": False, "obsolete": True}
    assert not UnsavedCopy.objects.exists()


def test_the_first_opening_of_a_story_is_not_taken_for_a_save():
    """A story made by a script gets its baseline revision, by the editor, as its form opens;
    that form's autosaves still count."""
    story = ArticleFactory(headline="Imported copy")
    client = logged_in(desk_user("Editor", username="ed"))
    page = client.get(change_url(story))
    form = page.context["adminform"].form
    answer = autosave(
        client,
        story=story.pk,
        data={"headline": "Imported copy, edited"},
        expected_version=form["expected_version"].value(),
        base_revision=form["base_revision"].value(),
    ).json()
    assert answer["saved"] is True


def test_autosave_keeps_conflict_detection_as_it_was(story):
    """An autosave is no save: another editor's real save is still caught, and autosaves
    in between do not hide it."""
    alice, bob = (
        logged_in(desk_user("Editor", username="alice")),
        logged_in(desk_user("Editor", username="bob")),
    )
    alice_form, bob_form = opened(alice, story), opened(bob, story)
    version = Article.objects.get(pk=story.pk).version

    autosave(
        bob,
        story=story.pk,
        data=copy_of(bob_form, standfirst="Bob's autosaved line"),
        expected_version=bob_form["expected_version"],
        base_revision=bob_form["base_revision"],
    )
    assert Article.objects.get(pk=story.pk).version == version
    # Alice's save is not refused by Bob's autosave: it was no save.
    assert alice.post(change_url(story), {**alice_form, "headline": "Alice's headline"}).status_code == 302

    # Bob's copy, made against the old version, is offered as behind; his stale save is refused.
    page = bob.get(change_url(story)).content.decode()
    assert "Someone has saved the story since" in page
    refused = bob.post(change_url(story), {**bob_form, "standfirst": "Bob's autosaved line"})
    assert refused.status_code == 200
    assert "alice saved this story while you were editing it" in refused.content.decode()
    assert UnsavedCopy.objects.filter(user__username="bob").exists()  # a refused save keeps it


def test_a_new_story_is_autosaved_under_its_key_and_cleared_when_saved():
    ed = desk_user("Editor", username="ed")
    client = logged_in(ed)
    data = {
        "headline": "Ferry timetable changes",
        "slug": "ferry-timetable-changes",
        "body": "<p>From May.</p>",
    }
    assert autosave(client, key="k1", data=data).json()["saved"] is True
    copy = UnsavedCopy.objects.get()
    assert copy.article is None and copy.key == "k1"

    page = client.get(ADD).content.decode()
    assert "Unsaved changes from" in page and "<ins>Ferry timetable changes</ins>" in page

    post = {**data, "autosave_key": "k1", "section": "", "lead_photo": "", "topics": ""}
    post.update({f"{inline}-{n}_FORMS": "0" for inline in INLINES for n in ("TOTAL", "INITIAL")})
    assert client.post(ADD, post).status_code == 302
    assert Article.objects.filter(slug="ferry-timetable-changes").exists()
    assert not UnsavedCopy.objects.exists()
    # An autosave of that add form arriving late does not bring the copy back.
    assert autosave(client, key="k1", data=data).json()["obsolete"] is True
    assert not UnsavedCopy.objects.exists()


def test_a_push_answers_with_the_banner(story):
    client = logged_in(desk_user("Editor", username="ed"))
    form = opened(client, story)
    answer = autosave(
        client, action="push", story=story.pk, data=copy_of(form, body="<p>Typed while signed out.</p>")
    ).json()
    assert answer["saved"] is True
    assert "Unsaved changes from" in answer["banner"] and "<ins>" in answer["banner"]


def test_restoring_the_copy_brings_back_quotes_and_choices(story):
    speaker = PersonFactory(name="Iva Maron")
    client = logged_in(desk_user("Editor", username="ed"))
    form = opened(client, story)
    data = copy_of(
        form,
        **{
            "quotes-TOTAL_FORMS": "2",
            "quotes-1-text": "We opened them slowly",
            "quotes-1-speaker": str(speaker.pk),
            "quotes-1-verb": "said",
            "quotes-1-order": "1",
            "people": [str(speaker.pk)],
        },
    )
    autosave(client, story=story.pk, data=data)
    response = client.get(change_url(story))
    payload = response.context["unsaved"]["payload"]
    assert payload["labels"]["quotes-1-speaker"] == {str(speaker.pk): str(speaker)}
    assert payload["labels"]["people"] == {str(speaker.pk): str(speaker)}
    changed = {change.label for change in response.context["unsaved"]["changes"]}
    assert changed == {"Quotes", "People"}
