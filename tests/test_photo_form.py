"""Photos from the story form (issue 14 §2): a reporter adds the lead photo through the "+"
popup; what the file says is shown before saving; a form that comes back keeps its file,
privately, so nobody picks it twice; stale kept files are swept without a cron job."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.images import pending
from articles.models import Photo
from articles.models.files import PENDING, photo_storage

from .desk import change_url, desk_user
from .factories import ArticleFactory
from .images import IPTC_BYLINE, IPTC_CAPTION, IPTC_CREDIT, jpeg, photo_like, upload, with_iptc
from .test_photo_access import body

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_file_roots")]

ADD = reverse("admin:articles_photo_add")
AGENCY_FILE = {
    IPTC_CAPTION: "Trams wait at the depot in Grünhafen after the storm.",
    IPTC_CREDIT: "Northern Lens",
    IPTC_BYLINE: "Mira Oakes",
}


@pytest.fixture
def reporter_client(client):
    client.force_login(desk_user("Reporter", username="rita"))
    return client


def post(client, image=None, url=ADD, **fields):
    data = {"caption": "", "credit": "", "alt_text": "", "copyright": "", "focal_x": "", "focal_y": ""}
    if image is not None:
        data["image"] = image
    return client.post(url, {**data, **fields})


def kept_token(response):
    match = re.search(r'name="kept_upload" value="([^"]+)"', response.content.decode())
    return match and match.group(1)


def pending_files():
    storage = photo_storage()
    found = []

    def walk(folder):
        try:
            folders, files = storage.listdir(folder)
        except FileNotFoundError:
            return
        found.extend(f"{folder}{name}" for name in files)
        for sub in folders:
            walk(f"{folder}{sub}/")

    walk(PENDING)
    return found


PLAIN = jpeg(photo_like(800, 533))


class TestTheStoryForm:
    def test_the_lead_photo_field_has_an_add_button_for_a_reporter(self, client):
        rita = desk_user("Reporter", username="rita")
        client.force_login(rita)
        own = ArticleFactory(headline="Own draft", author=rita)
        page = client.get(change_url(own)).content.decode()
        assert 'id="add_id_lead_photo"' in page
        assert f"{ADD}?_to_field=id&amp;_popup=1" in page
        # No pencil: a reporter changes no stored photo.
        assert 'id="change_id_lead_photo"' not in page

    def test_the_popup_saves_and_hands_the_new_photo_back_to_the_story(self, reporter_client):
        response = post(
            reporter_client,
            upload("quay.jpg", PLAIN),
            url=f"{ADD}?_to_field=id&_popup=1",
            credit="NWS/Rita Vale",
            alt_text="A quay at dawn",
            _popup="1",
            _to_field="id",
        )
        photo = Photo.objects.get()
        assert response.status_code == 200
        assert "popup_response" in response.content.decode()
        assert f"&quot;value&quot;: &quot;{photo.pk}&quot;" in response.content.decode()


class TestKeptUpload:
    def test_a_missing_alt_text_keeps_the_file_as_a_thumbnail(self, reporter_client):
        response = post(reporter_client, upload("quay.jpg", PLAIN), credit="NWS/Rita Vale")
        page = response.content.decode()
        assert response.status_code == 200 and not Photo.objects.exists()
        assert "alt text is required" in page
        assert "kept from your upload" in page and "choose another to replace it" in page
        token = kept_token(response)
        thumbnail = re.search(r'<div class="kept-upload".*?<img src="([^"]+)"', page, re.S).group(1)
        assert thumbnail == reverse("admin:articles_photo_pending", args=[token])
        shown = reporter_client.get(thumbnail)
        assert shown.status_code == 200 and body(shown) == PLAIN
        assert "no-store" in shown["Cache-Control"]
        assert len(pending_files()) == 1

    def test_the_resubmitted_form_uses_the_kept_file_without_picking_it_again(self, reporter_client):
        first = post(reporter_client, upload("quay.jpg", PLAIN), alt_text="A quay at dawn")
        assert "Every photo needs a credit" in first.content.decode()  # the file has none
        response = post(
            reporter_client, credit="NWS/Rita Vale", alt_text="A quay at dawn", kept_upload=kept_token(first)
        )
        assert response.status_code == 302, response.content.decode()[-2000:]
        photo = Photo.objects.get()
        assert photo.image.name.endswith("/quay.jpg") and photo.width == 800
        with photo.image.open("rb") as stored:
            assert stored.read() == PLAIN
        assert photo.rendition_index, "renditions are made as for any upload"
        assert pending_files() == [], "the kept copy goes once the photo has its own"

    def test_a_kept_file_survives_a_second_failed_try(self, reporter_client):
        token = kept_token(post(reporter_client, upload("quay.jpg", PLAIN)))
        again = post(reporter_client, credit="NWS/Rita Vale", kept_upload=token)
        assert kept_token(again) == token and "kept from your upload" in again.content.decode()
        saved = post(reporter_client, credit="NWS/Rita Vale", alt_text="Quay", kept_upload=token)
        assert saved.status_code == 302

    def test_choosing_another_file_replaces_the_kept_one(self, reporter_client):
        token = kept_token(post(reporter_client, upload("quay.jpg", PLAIN)))
        other = jpeg(photo_like(600, 400))
        response = post(reporter_client, upload("pier.jpg", other), credit="NWS/Rita Vale", kept_upload=token)
        assert kept_token(response) != token
        assert [name.rsplit("/", 1)[1] for name in pending_files()] == ["pier.jpg"]
        post(reporter_client, credit="NWS/Rita Vale", alt_text="A pier", kept_upload=kept_token(response))
        assert Photo.objects.get().width == 600

    def test_someone_elses_or_a_forged_token_opens_nothing(self, client, reporter_client):
        token = kept_token(post(reporter_client, upload("quay.jpg", PLAIN)))
        url = reverse("admin:articles_photo_pending", args=[token])
        client.force_login(desk_user("Photo editor", username="pia"))
        assert client.get(url).status_code == 404
        response = post(client, credit="NWS/Pia", alt_text="Quay", kept_upload=token)
        assert response.status_code == 200 and not Photo.objects.exists()
        assert "choose it again" in response.content.decode()
        forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
        assert reporter_client.get(reverse("admin:articles_photo_pending", args=[forged])).status_code == 404

    def test_a_kept_file_is_never_served_outside_its_uploaders_desk(self, client, reporter_client, settings):
        token = kept_token(post(reporter_client, upload("quay.jpg", PLAIN)))
        [name] = pending_files()
        assert name.startswith(PENDING)
        client.logout()
        thumbnail = reverse("admin:articles_photo_pending", args=[token])
        assert client.get(thumbnail).status_code == 302  # to the sign-in page
        assert client.get(f"/media/{name}").status_code == 404
        assert client.get(f"/photos/{name.removeprefix('photos/')}").status_code == 404
        assert client.get(photo_storage().url(name)).status_code != 200  # the desk's file route
        client.force_login(desk_user("Editor", username="eddie"))
        assert client.get(photo_storage().url(name)).status_code == 404, "it is no photo's file"
        assert not str(photo_storage().path(name)).startswith(settings.MEDIA_ROOT)

    def test_a_token_older_than_a_day_has_expired(self, reporter_client, monkeypatch):
        token = kept_token(post(reporter_client, upload("quay.jpg", PLAIN)))
        monkeypatch.setattr(pending, "PENDING_MAX_AGE", -1)
        response = post(reporter_client, credit="NWS/Rita Vale", alt_text="Quay", kept_upload=token)
        assert "choose it again" in response.content.decode() and not Photo.objects.exists()


class TestSweep:
    def test_keeping_an_upload_sweeps_day_folders_older_than_a_day(self, reporter_client):
        post(reporter_client, upload("old.jpg", PLAIN))
        [old] = pending_files()
        assert pending.pending_sweep() == 0, "a fresh file stays"
        assert pending.pending_sweep(now=timezone.now() + datetime.timedelta(days=2)) == 1
        assert not photo_storage().exists(old)
        assert pending_files() == []

    def test_the_sweep_runs_when_another_upload_is_kept(self, reporter_client, monkeypatch):
        post(reporter_client, upload("old.jpg", PLAIN))
        later = timezone.now() + datetime.timedelta(days=2)
        monkeypatch.setattr(pending, "timezone", SimpleNamespace(now=lambda: later))  # sessions keep theirs
        post(reporter_client, upload("new.jpg", PLAIN))
        assert [name.rsplit("/", 1)[1] for name in pending_files()] == ["new.jpg"]

    def test_the_command_does_the_same(self, reporter_client, monkeypatch, capsys):
        post(reporter_client, upload("old.jpg", PLAIN))
        later = timezone.now() + datetime.timedelta(days=2)
        monkeypatch.setattr(pending, "timezone", SimpleNamespace(now=lambda: later))  # sessions keep theirs
        call_command("clear_pending_photos")
        assert "Removed 1 stale kept upload." in capsys.readouterr().out
        assert pending_files() == []


class TestPrefillShownBeforeSaving:
    def test_what_the_file_says_fills_the_boxes_and_comes_back_to_be_checked(self, reporter_client):
        response = post(reporter_client, upload("tram.jpg", with_iptc(PLAIN, AGENCY_FILE)), alt_text="Trams")
        page = response.content.decode()
        assert response.status_code == 200 and not Photo.objects.exists()
        assert "Filled in from the file: caption, credit" in page
        assert 'value="Northern Lens/Mira Oakes"' in page
        assert "Trams wait at the depot in Grünhafen after the storm.</textarea>" in page
        response = post(
            reporter_client,
            caption="Trams wait at the depot in Grünhafen after the storm.",
            credit="Northern Lens/Mira Oakes",
            alt_text="Trams",
            kept_upload=kept_token(response),
        )
        assert response.status_code == 302
        photo = Photo.objects.get()
        assert (photo.credit, photo.alt_text) == ("Northern Lens/Mira Oakes", "Trams")

    def test_the_prefill_is_shown_alongside_a_missing_alt_text(self, reporter_client):
        page = post(reporter_client, upload("tram.jpg", with_iptc(PLAIN, AGENCY_FILE))).content.decode()
        assert "alt text is required" in page and 'value="Northern Lens/Mira Oakes"' in page
        assert "kept from your upload" in page

    def test_nothing_filled_means_no_extra_round(self, reporter_client):
        response = post(reporter_client, upload("quay.jpg", PLAIN), credit="NWS/Rita Vale", alt_text="Quay")
        assert response.status_code == 302 and Photo.objects.count() == 1
        assert pending_files() == []
