"""Writing aids at the desk: quotes suggested from unsaved text, curly quotes that still match
their records, and date and time fields in the editor's own time zone."""

import datetime
import zoneinfo

import pytest
from django.test import Client
from django.urls import reverse

from articles.desk.live_suggestions import BODY_LIMIT
from articles.desk.time_zones import COOKIE
from articles.models import Article, DeskProfile, Person, Quote
from articles.models.integrity import quote_problems

from .desk import change_url, desk_user, story_post_data
from .factories import ArticleFactory, PersonFactory, QuoteFactory, UserFactory

SUGGEST = reverse("admin:articles_article_suggest_quotes")
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
BODY = (
    "<p>“We will open the new pier in spring,” said Marta Kovac, the harbour master.</p>"
    "<p>“The ferries will dock on time,” said Jonas Feldberg, a ferry captain.</p>"
)


@pytest.fixture
def kovac(db):
    return PersonFactory(name="Marta Kovac", slug="marta-kovac", role="Harbour Master")


@pytest.fixture
def reporter_client(client, db):
    client.force_login(desk_user("Reporter"))
    return client


class TestSuggestionsFromUnsavedText:
    def test_the_body_as_typed_gives_quotes_with_their_speakers(self, reporter_client, kovac):
        answer = reporter_client.post(SUGGEST, {"body": BODY}).json()
        by_text = {quote["text"]: quote for quote in answer["quotes"]}
        pier = by_text["We will open the new pier in spring"]
        assert pier["speaker"]["id"] == kovac.pk and pier["verb"] == "said"
        assert pier["ticked"] is True  # sure of the words and of a speaker on file
        ferries = by_text["The ferries will dock on time"]
        assert ferries["speaker"]["name"] == "Jonas Feldberg" and ferries["speaker"]["id"] is None
        assert ferries["ticked"] is False  # nobody on file: the editor decides
        # Reads only: nothing recorded, nobody created.
        assert not Quote.objects.exists() and not Article.objects.exists()
        assert list(Person.objects.all()) == [kovac]

    def test_quotes_already_in_the_inline_are_not_proposed_again(self, reporter_client, kovac):
        answer = reporter_client.post(
            SUGGEST, {"body": BODY, "recorded": ["We will open the new pier in spring"]}
        ).json()
        pier = next(q for q in answer["quotes"] if q["text"].startswith("We will open"))
        assert pier["in_inline"] is True and pier["ticked"] is False

    def test_an_empty_body_says_so(self, reporter_client):
        answer = reporter_client.post(SUGGEST, {"body": "<p> </p>"}).json()
        assert answer == {"quotes": [], "message": "The body is empty: write the story first."}

    def test_refusals_are_clear_json(self, client, db):
        client.force_login(desk_user("Editor"))
        response = client.get(SUGGEST)
        assert response.status_code == 405 and "POST" in response.json()["error"]
        response = client.post(SUGGEST, {"body": "x" * (BODY_LIMIT + 1)})
        assert response.status_code == 413 and "too long" in response.json()["error"]
        client.force_login(desk_user("Photo editor"))
        response = client.post(SUGGEST, {"body": BODY})
        assert response.status_code == 403 and "error" in response.json()

    def test_only_staff_and_only_with_the_csrf_token(self, db):
        outsider = Client()
        outsider.force_login(UserFactory(username="reader", is_staff=False))
        assert outsider.post(SUGGEST, {"body": BODY}).status_code == 302  # to the desk's sign-in
        guarded = Client(enforce_csrf_checks=True)
        guarded.force_login(desk_user("Editor"))
        assert guarded.post(SUGGEST, {"body": BODY}).status_code == 403

    def test_the_story_form_offers_the_button_before_the_first_save(self, reporter_client):
        page = reporter_client.get(reverse("admin:articles_article_add")).content.decode()
        assert 'id="quote-suggest-run"' in page and SUGGEST in page
        assert "articles/quote_suggest.js" in page and "articles/typography.js" in page


@pytest.mark.django_db
def test_curly_quotes_in_the_body_still_match_the_quotes_on_record(kovac):
    # Typed with the typographic quotes and apostrophe the desk now puts in, recorded straight.
    story = ArticleFactory(body="<p>“We’re ready to open the pier,” said Marta Kovac.</p>")
    QuoteFactory(article=story, speaker=kovac, text="We're ready to open the pier")
    assert quote_problems(story) == []
    QuoteFactory(article=story, speaker=kovac, text="We're not ready")
    assert len(quote_problems(story)) == 1  # the check still bites


class TestEditorsTimeZone:
    def publish_at(self, client, story, day, time):
        data = story_post_data(story, published_at_0=day, published_at_1=time, _publish="Save and publish")
        return client.post(change_url(story), data)

    def test_a_time_typed_in_tokyo_is_stored_as_that_instant_and_shown_back_in_tokyo(self, client, db):
        editor = desk_user("Editor")
        DeskProfile.objects.create(user=editor, time_zone="Asia/Tokyo")
        client.force_login(editor)
        story = ArticleFactory(body=BODY, headline="New pier opens in spring")
        day = (datetime.datetime.now(TOKYO) + datetime.timedelta(days=2)).date().isoformat()
        assert self.publish_at(client, story, day, "09:30:00").status_code == 302
        story.refresh_from_db()
        expected = datetime.datetime.fromisoformat(f"{day}T09:30").replace(tzinfo=TOKYO)
        assert story.published_at == expected
        assert story.published_at.astimezone(datetime.UTC).hour == 0  # 09:30 in Tokyo is 00:30 UTC
        assert story.is_scheduled  # a future time schedules: the story waits for it
        page = client.get(change_url(story)).content.decode()
        assert f'value="{day}"' in page and 'value="09:30:00"' in page
        assert "Asia/Tokyo" in page and "site time: Europe/Moscow" in page

    def test_without_a_setting_the_browsers_zone_is_used(self, client, db):
        client.force_login(desk_user("Editor"))
        story = ArticleFactory(body=BODY, headline="New pier opens in spring")
        client.cookies[COOKIE] = "Asia/Tokyo"
        self.publish_at(client, story, "2031-05-01", "09:30:00")
        story.refresh_from_db()
        assert story.published_at == datetime.datetime(2031, 5, 1, 0, 30, tzinfo=datetime.UTC)
        assert "your browser" in client.get(change_url(story)).content.decode()

    def test_a_forged_cookie_falls_back_to_the_site_zone(self, client, db):
        client.force_login(desk_user("Editor"))
        story = ArticleFactory(body=BODY, headline="New pier opens in spring")
        client.cookies[COOKIE] = "Mars/Olympus_Mons"
        self.publish_at(client, story, "2031-05-01", "09:30:00")
        story.refresh_from_db()  # Moscow is UTC+3 all year
        assert story.published_at == datetime.datetime(2031, 5, 1, 6, 30, tzinfo=datetime.UTC)

    def test_public_pages_keep_the_site_zone(self, client, db):
        story = ArticleFactory(
            published=True, published_at=datetime.datetime(2026, 1, 5, 21, 30, tzinfo=datetime.UTC)
        )
        client.cookies[COOKIE] = "Asia/Tokyo"
        page = client.get(story.get_absolute_url()).content.decode()
        assert "6 January 2026, 00:30 MSK" in page  # Moscow's clock, not the cookie's Tokyo

    def test_an_editor_chooses_a_zone_and_a_bad_one_is_refused(self, client, db):
        editor = desk_user("Reporter")
        client.force_login(editor)
        url = reverse("admin:desk_time_zone")
        assert client.get(url).status_code == 200
        response = client.post(url, {"time_zone": "Atlantis/Capital"})
        assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
        response = client.post(url, {"time_zone": "Asia/Tokyo", "next": "https://evil.example/"})
        assert response.status_code == 302 and response["Location"] == reverse("admin:index")
        assert DeskProfile.objects.get(user=editor).time_zone == "Asia/Tokyo"
        response = client.post(url, {"time_zone": "", "next": "/admin/articles/article/"})
        assert response["Location"] == "/admin/articles/article/"
        assert DeskProfile.objects.get(user=editor).time_zone == ""  # follows the browser again
