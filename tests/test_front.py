"""The front page editors arrange: a lead and top slots pinned from the desk, the rest newest
first; pinned stories readers may not see never show; pins change by the clock, and the
page cache never outlives that moment; stories without a photo get cards of their own."""

import datetime
import re

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from articles.derived.cache import invalidate_public_pages
from articles.models import Article, FrontSlot
from articles.models.front import LEAD, TOP_SLOTS

from .desk import desk_user
from .factories import ArticleFactory, PersonFactory, PhotoFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/articles/frontslot/"


def story(headline, minutes_ago, photo=True, **fields):
    return ArticleFactory(
        published=True,
        headline=headline,
        published_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
        lead_photo=PhotoFactory() if photo else None,
        **fields,
    )


def pin(article, position=LEAD, **times):
    return FrontSlot.objects.create(article=article, position=position, **times)


def front_of(html):
    """(lead headline, [slot headlines], [list headlines]) as the home page shows them."""
    lead = re.search(r'<h2 class="lead-headline"><a [^>]*>([^<]+)</a>', html)
    slots = re.findall(r'<h3 class="slot-headline"><a [^>]*>([^<]+)</a>', html)
    cards = re.findall(r'<h2 class="card-headline"><a [^>]*>([^<]+)</a>', html)
    return (lead.group(1) if lead else None), slots, cards


def home(client, url="/"):
    response = client.get(url)
    assert response.status_code == 200
    return front_of(response.content.decode())


@pytest.fixture
def archive():
    """Five stories, newest first: the newest has no photo."""
    return {
        "text": story("Ferry strike called off", 1, photo=False),
        "dam": story("Dam gates opened", 2),
        "port": story("Port reopens", 3),
        "budget": story("Budget passes", 4),
        "museum": story("Museum tour begins", 5),
    }


class TestArrangement:
    def test_until_arranged_the_lead_is_the_newest_story_with_a_photo(self, client, archive):
        lead, slots, cards = home(client)
        assert lead == "Dam gates opened"
        assert slots == []
        assert cards == ["Ferry strike called off", "Port reopens", "Budget passes", "Museum tour begins"]

    def test_pinned_lead_and_slots_lead_and_the_rest_stays_newest_first_without_repeats(
        self, client, archive
    ):
        pin(archive["museum"], LEAD)
        pin(archive["budget"], 1)
        pin(archive["text"], 2)
        lead, slots, cards = home(client)
        assert lead == "Museum tour begins"
        assert slots == ["Budget passes", "Ferry strike called off"]
        assert cards == ["Dam gates opened", "Port reopens"]

    def test_no_story_repeats_across_list_pages(self, client, settings):
        settings.ARTICLES_PER_PAGE = 3
        stories = [story(f"Story {i}", i) for i in range(10)]
        pin(stories[9], LEAD)
        pin(stories[5], 1)
        first = home(client)
        second = home(client, "/?page=2")
        third = home(client, "/?page=3")
        shown = [first[0], *first[1], *first[2], *second[2], *third[2]]
        assert sorted(shown) == sorted(s.headline for s in stories)
        assert second[0] is None and second[1] == []  # the lead block is the first page's only

    def test_a_new_lead_pushes_the_old_lead_down_to_the_first_slot(self, client, archive):
        pin(archive["port"], LEAD, starts_at=timezone.now() - datetime.timedelta(hours=2))
        pin(archive["budget"], 1, starts_at=timezone.now() - datetime.timedelta(hours=2))
        pin(archive["museum"], LEAD)
        lead, slots, _ = home(client)
        assert lead == "Museum tour begins"
        assert slots == ["Port reopens", "Budget passes"]

    def test_slots_only_keep_the_automatic_lead(self, client, archive):
        pin(archive["museum"], 2)
        lead, slots, cards = home(client)
        assert lead == "Dam gates opened" and slots == ["Museum tour begins"]
        assert "Museum tour begins" not in cards

    def test_pins_beyond_the_slots_wait_and_their_stories_stay_in_the_list(self, client):
        stories = [story(f"Story {i}", i) for i in range(TOP_SLOTS + 3)]
        for place, article in enumerate(stories[: TOP_SLOTS + 2]):
            pin(article, min(place, TOP_SLOTS))
        lead, slots, cards = home(client)
        assert lead == "Story 0" and len(slots) == TOP_SLOTS
        assert sorted([lead, *slots, *cards]) == sorted(s.headline for s in stories)

    def test_a_story_pinned_twice_shows_once(self, client, archive):
        pin(archive["port"], LEAD)
        pin(archive["port"], 1)
        pin(archive["budget"], 2)
        lead, slots, _ = home(client)
        assert lead == "Port reopens" and slots == ["Budget passes"]

    def test_a_lead_without_a_photo_has_a_text_lead(self, client, archive):
        pin(archive["text"], LEAD)
        html = client.get("/").content.decode()
        block = re.search(r'<article class="lead lead--text">.*?</article>', html, re.S).group(0)
        assert "Ferry strike called off" in block and "<img" not in block

    def test_the_lead_photo_loads_first_with_its_credit(self, client, archive):
        html = client.get("/").content.decode()
        block = re.search(r'<article class="lead">.*?</article>', html, re.S).group(0)
        img = re.search(r"<img [^>]+>", block).group(0)
        assert 'fetchpriority="high"' in img and "loading=" not in img
        assert archive["dam"].lead_photo.credit_line in block

    def test_the_breaking_strip_stays_above_the_lead(self, client, archive):
        story("Velna dam breached", 0, urgency=1)
        html = client.get("/").content.decode()
        assert html.index('class="breaking"') < html.index('class="lead')

    def test_an_empty_archive_still_says_so(self, client):
        html = client.get("/").content.decode()
        assert "No stories yet." in html and 'class="lead' not in html


HIDDEN = {
    "unpublished": lambda s, editor: s.unpublish(by=editor),
    "retracted": lambda s, editor: s.retract(reason="Wrong figures.", by=editor),
    "expired": lambda s, editor: Article.objects.filter(pk=s.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    ),
    "rescheduled": lambda s, editor: Article.objects.filter(pk=s.pk).update(
        published_at=timezone.now() + datetime.timedelta(hours=1)
    ),
}


class TestWhatReadersMayNotSee:
    @pytest.mark.parametrize("state", HIDDEN)
    def test_a_pinned_lead_that_stops_being_published_leaves_the_front_at_once(
        self, client, archive, state, settings
    ):
        settings.PAGE_CACHE = True
        pin(archive["museum"], LEAD)
        pin(archive["budget"], 1)
        assert home(client)[0] == "Museum tour begins"  # and stored in the page cache
        HIDDEN[state](archive["museum"], desk_user("Editor"))
        if state in ("expired", "rescheduled"):  # written without signals, as a bulk write would be
            invalidate_public_pages()
        lead, slots, _ = home(client)
        assert lead == "Dam gates opened"  # the automatic lead takes over
        assert slots == ["Budget passes"]
        assert "Museum tour begins" not in client.get("/").content.decode()

    def test_a_pinned_draft_or_scheduled_story_never_shows(self, client, archive):
        pin(ArticleFactory(headline="Draft scoop"), LEAD)
        pin(ArticleFactory(scheduled=True, headline="Scheduled scoop", lead_photo=PhotoFactory()), 1)
        html = client.get("/").content.decode()
        assert "Draft scoop" not in html and "Scheduled scoop" not in html
        assert front_of(html)[0] == "Dam gates opened"


class TestTheClock:
    def test_a_scheduled_lead_takes_over_on_time_even_from_a_stored_page(self, client, archive, settings):
        settings.PAGE_CACHE = True
        pin(archive["port"], LEAD)
        at = timezone.now() + datetime.timedelta(minutes=30)
        pin(archive["museum"], LEAD, starts_at=at)
        first = client.get("/")
        assert front_of(first.content.decode())[0] == "Port reopens"
        with time_machine.travel(at - datetime.timedelta(seconds=10)):
            stored = client.get("/")
            # The stored copy is sent with the time left until the pin starts, never longer.
            assert int(re.search(r"max-age=(\d+)", stored["Cache-Control"]).group(1)) <= 10
            assert front_of(stored.content.decode())[0] == "Port reopens"
        with time_machine.travel(at + datetime.timedelta(seconds=1)):
            lead, slots, _ = home(client)
            assert lead == "Museum tour begins" and slots == ["Port reopens"]

    def test_a_pin_lapses_on_time(self, client, archive, settings):
        settings.PAGE_CACHE = True
        until = timezone.now() + datetime.timedelta(minutes=5)
        pin(archive["museum"], LEAD, ends_at=until)
        assert home(client)[0] == "Museum tour begins"
        with time_machine.travel(until + datetime.timedelta(seconds=1)):
            assert home(client)[0] == "Dam gates opened"

    def test_the_next_scheduled_change_counts_pins(self, archive):
        starts = timezone.now() + datetime.timedelta(hours=3)
        ends = timezone.now() + datetime.timedelta(hours=2)
        pin(archive["museum"], LEAD, starts_at=starts)
        assert Article.objects.next_scheduled_change() == starts
        pin(archive["port"], 1, ends_at=ends)
        assert Article.objects.next_scheduled_change() == ends

    def test_a_pin_change_is_seen_at_once_through_the_page_cache(self, client, archive, settings):
        settings.PAGE_CACHE = True
        assert home(client)[0] == "Dam gates opened"
        slot = pin(archive["budget"], LEAD)
        assert home(client)[0] == "Budget passes"
        slot.delete()
        assert home(client)[0] == "Dam gates opened"


class TestMoves:
    def test_moving_a_pin_swaps_it_with_its_neighbour(self, archive):
        lead = pin(archive["museum"], LEAD)
        first = pin(archive["budget"], 1)
        second = pin(archive["port"], 2)
        assert second.move(-1)
        order = [p.article.headline for p in FrontSlot.objects.in_effect().arranged()]
        assert order == ["Museum tour begins", "Port reopens", "Budget passes"]
        assert lead.move(1)
        assert [p.position for p in FrontSlot.objects.in_effect().arranged()] == [0, 1, 2]
        assert FrontSlot.objects.in_effect().arranged().first().article == archive["port"]
        first.refresh_from_db()
        assert not first.move(1)  # already last

    def test_moving_the_top_slot_up_under_an_automatic_lead_makes_it_the_lead(self, client, archive):
        slot = pin(archive["budget"], 1)
        assert slot.move(-1)
        slot.refresh_from_db()
        assert slot.position == LEAD and home(client)[0] == "Budget passes"
        assert not slot.move(-1)

    def test_a_pin_not_in_effect_cannot_move(self, archive):
        later = pin(archive["budget"], 1, starts_at=timezone.now() + datetime.timedelta(hours=1))
        with pytest.raises(Exception, match="not on the front now"):
            later.move(-1)


@pytest.fixture
def editor_desk(client):
    client.force_login(desk_user("Editor"))
    return client


class TestDesk:
    def test_the_desk_shows_the_front_as_readers_see_it(self, editor_desk, archive):
        pin(archive["museum"], LEAD)
        hidden = pin(ArticleFactory(headline="Withdrawn report"), 1)
        pin(archive["port"], 2, starts_at=timezone.now() + datetime.timedelta(hours=6))
        html = editor_desk.get(CHANGELIST).content.decode()
        now_block = html[html.index("On the front now") : html.index("Pinned, not shown")]
        assert "Museum tour begins" in now_block and "Withdrawn report" not in now_block
        waiting = html[html.index("Pinned, not shown") : html.index("Starting later")]
        assert "Withdrawn report" in waiting and "not shown: the story is draft" in waiting
        later = html[html.index("Starting later") : html.index("Latest stories, to pin")]
        assert "Port reopens" in later
        assert reverse("admin:articles_frontslot_unpin", args=[hidden.pk]) in waiting

    def test_the_automatic_lead_is_said_so_and_can_be_pinned(self, editor_desk, archive):
        html = editor_desk.get(CHANGELIST).content.decode()
        assert "automatic: the newest story with a photo" in html
        response = editor_desk.post(
            reverse("admin:articles_frontslot_pin"), {"article": archive["dam"].pk, "position": LEAD}
        )
        assert response.status_code == 302
        assert FrontSlot.objects.get().article == archive["dam"]

    def test_an_editor_pins_reorders_and_unpins_and_each_is_logged(self, editor_desk, client, archive):
        url = reverse("admin:articles_frontslot_pin")
        editor_desk.post(url, {"article": archive["museum"].pk, "position": LEAD})
        editor_desk.post(url, {"article": archive["budget"].pk, "position": 1})
        editor_desk.post(url, {"article": archive["port"].pk, "position": 1})  # above budget
        assert [p.article.headline for p in FrontSlot.objects.in_effect().arranged()] == [
            "Museum tour begins",
            "Port reopens",
            "Budget passes",
        ]
        budget = FrontSlot.objects.get(article=archive["budget"])
        response = editor_desk.post(
            reverse("admin:articles_frontslot_move", args=[budget.pk, "up"]), follow=True
        )
        assert "moved up: now top slot 1" in response.content.decode()
        museum = FrontSlot.objects.get(article=archive["museum"])
        editor_desk.post(reverse("admin:articles_frontslot_unpin", args=[museum.pk]))
        assert not FrontSlot.objects.filter(pk=museum.pk).exists()
        client.logout()
        lead, slots, _ = home(client)
        assert lead == "Dam gates opened" and slots == ["Budget passes", "Port reopens"]
        assert LogEntry.objects.filter(content_type__model="frontslot").count() == 5

    def test_a_scheduled_pin_is_added_through_the_admin_form(self, editor_desk, archive):
        at = timezone.localtime(timezone.now() + datetime.timedelta(days=1)).replace(
            hour=6, minute=0, second=0, microsecond=0
        )
        response = editor_desk.post(
            reverse("admin:articles_frontslot_add"),
            {
                "article": archive["museum"].pk,
                "position": LEAD,
                "starts_at_0": at.strftime("%Y-%m-%d"),
                "starts_at_1": "06:00:00",
                "ends_at_0": "",
                "ends_at_1": "",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        slot = FrontSlot.objects.get()
        assert slot.starts_at == at and slot.created_by is not None

    @pytest.mark.parametrize(
        ("times", "message"),
        [
            ({"ends_at_0": "2020-01-01", "ends_at_1": "05:00:00"}, "The pin must end after it starts."),
            ({"starts_at_0": "tomorrow-ish"}, "Enter a valid date."),
        ],
    )
    def test_bad_times_are_refused_with_a_message(self, editor_desk, archive, times, message):
        data = {
            "article": archive["museum"].pk,
            "position": LEAD,
            "starts_at_0": "2020-01-01",
            "starts_at_1": "06:00:00",
            "ends_at_0": "",
            "ends_at_1": "",
            **times,
        }
        response = editor_desk.post(reverse("admin:articles_frontslot_add"), data)
        assert response.status_code == 200 and message in response.content.decode()
        assert not FrontSlot.objects.exists()

    def test_a_retracted_story_cannot_be_pinned(self, editor_desk, archive):
        archive["museum"].retract(reason="Wrong.", by=None)
        response = editor_desk.post(
            reverse("admin:articles_frontslot_pin"),
            {"article": archive["museum"].pk, "position": LEAD},
            follow=True,
        )
        assert "A retracted story cannot go on the front page." in response.content.decode()
        assert not FrontSlot.objects.exists()

    @pytest.mark.parametrize(
        "data",
        [{"article": "abc", "position": "0"}, {"article": "999999", "position": "0"}, {"position": "7"}],
    )
    def test_a_malformed_pin_is_a_message_not_an_error(self, editor_desk, archive, data):
        data = {"article": archive["dam"].pk, **data}
        response = editor_desk.post(reverse("admin:articles_frontslot_pin"), data, follow=True)
        assert response.status_code == 200 and not FrontSlot.objects.exists()
        assert 'class="error"' in response.content.decode()

    def test_a_move_in_an_unknown_direction_is_refused_politely(self, editor_desk, archive):
        slot = pin(archive["dam"])
        response = editor_desk.post(
            reverse("admin:articles_frontslot_move", args=[slot.pk, "sideways"]), follow=True
        )
        assert response.status_code == 200 and "A pin moves up or down." in response.content.decode()

    def test_moves_and_pins_take_a_post(self, editor_desk, archive):
        slot = pin(archive["dam"])
        assert editor_desk.get(reverse("admin:articles_frontslot_unpin", args=[slot.pk])).status_code == 405
        assert FrontSlot.objects.filter(pk=slot.pk).exists()

    @pytest.mark.parametrize("role", ["Reporter", "Photo editor"])
    def test_only_editors_arrange_the_front(self, client, archive, role):
        client.force_login(desk_user(role))
        slot = pin(archive["dam"])
        assert client.get(CHANGELIST).status_code == 403
        pinned = client.post(
            reverse("admin:articles_frontslot_pin"), {"article": archive["port"].pk, "position": 0}
        )
        moved = client.post(reverse("admin:articles_frontslot_move", args=[slot.pk, "down"]))
        unpinned = client.post(reverse("admin:articles_frontslot_unpin", args=[slot.pk]))
        assert {pinned.status_code, moved.status_code, unpinned.status_code} == {403}
        assert list(FrontSlot.objects.all()) == [slot]

    def test_the_desk_home_links_to_the_front(self, editor_desk):
        assert CHANGELIST in editor_desk.get("/admin/").content.decode()


class TestCardsWithoutPhotos:
    @pytest.fixture
    def pages(self):
        section = SectionFactory(name="World", slug="world")
        topic = TopicFactory(name="Water", slug="water")
        person = PersonFactory(name="Marta Kovac", slug="marta-kovac")
        links = {"section": section, "topics": [topic], "people": [person]}
        story("Pier opens with a photo", 3, **links)
        story("Ferry strike called off", 2, photo=False, **links)
        story("Lead with a photo elsewhere", 1, photo=True)  # the automatic lead of "/"
        return ["/", "/sections/world/", "/topics/water/", "/people/marta-kovac/"]

    def test_every_list_gives_a_story_without_a_photo_a_text_card(self, client, pages):
        for url in pages:
            html = client.get(url).content.decode()
            cards = re.findall(r'<article class="card[^"]*">.*?</article>', html, re.S)
            text = [c for c in cards if "Ferry strike called off" in c]
            photo = [c for c in cards if "Pier opens with a photo" in c]
            assert len(text) == 1 and len(photo) == 1, url
            assert text[0].startswith('<article class="card card--text">') and "card-thumb" not in text[0], (
                url
            )
            assert photo[0].startswith('<article class="card">') and "card-thumb" in photo[0], url

    def test_the_text_card_takes_the_whole_width(self):
        from pathlib import Path

        css = (Path(__file__).resolve().parents[1] / "static/css/site.css").read_text()
        assert ".card.card--text { grid-template-columns: 1fr; }" in css
