"""Partner API keys: issued in the desk and shown once, stored hashed, limited to sections,
audited, throttled; with one, the API and ninjs include embargoed stories, marked so."""

import datetime
import hashlib

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.utils import timezone

from articles.images.renditions import photo_create_renditions
from articles.models import AuditEvent, PartnerKey

from .desk import desk_user
from .factories import ArticleFactory, PhotoFactory, SectionFactory
from .images import image_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_file_roots")]

HOUR = datetime.timedelta(hours=1)
A = AuditEvent.Action


@pytest.fixture
def world():
    world_section, sport = (
        SectionFactory(slug="world", name="World"),
        SectionFactory(slug="sport", name="Sport"),
    )
    lifts = (timezone.now() + 2 * HOUR).replace(microsecond=0)
    return {
        "public": ArticleFactory(
            published=True, headline="Public story", slug="public", section=world_section
        ),
        "embargoed": ArticleFactory(
            published=True,
            headline="Report under embargo",
            slug="report",
            section=world_section,
            embargo_until=lifts,
            urgency=2,
        ),
        "sport": ArticleFactory(
            published=True,
            headline="Sport under embargo",
            slug="sport-report",
            section=sport,
            embargo_until=lifts,
        ),
        "draft": ArticleFactory(headline="Draft story", slug="draft", section=world_section),
        "world": world_section,
        "lifts": lifts,
    }


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def headlines(response):
    assert response.status_code == 200, response.content
    return {item["headline"] for item in response.json()["items"]}


def test_without_a_key_the_api_shows_the_public_only(client, world):
    assert headlines(client.get("/api/stories")) == {"Public story"}
    assert client.get(f"/api/stories/{world['embargoed'].pk}").status_code == 404
    assert client.get(f"/api/stories/{world['embargoed'].pk}/ninjs").status_code == 404


def test_a_partner_sees_embargoed_stories_marked_with_their_time(client, world):
    _, raw = PartnerKey.issue(name="Northern Radio")
    response = client.get("/api/stories", **bearer(raw))
    assert headlines(response) == {"Public story", "Report under embargo", "Sport under embargo"}
    marks = {item["headline"]: item["embargoed"] for item in response.json()["items"]}
    assert marks["Public story"] is None
    assert datetime.datetime.fromisoformat(marks["Report under embargo"]) == world["lifts"]
    detail = client.get(f"/api/stories/{world['embargoed'].pk}", HTTP_X_API_KEY=raw)
    assert detail.status_code == 200 and detail.json()["embargoed"] is not None
    assert client.get(f"/api/stories/{world['draft'].pk}", **bearer(raw)).status_code == 404


def test_partner_answers_are_private_and_vary_by_key(client, world):
    _, raw = PartnerKey.issue(name="Northern Radio")
    partner = client.get("/api/stories", **bearer(raw))
    assert "private" in partner["Cache-Control"] and "no-store" in partner["Cache-Control"]
    public = client.get("/api/stories")
    assert "public" in public["Cache-Control"]
    for response in (partner, public):
        assert "Authorization" in response["Vary"] and "X-API-Key" in response["Vary"]
    # The public's copy is bounded by the embargo lifting, like any page.
    max_age = int(public["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert max_age <= (world["lifts"] - timezone.now()).total_seconds()


def test_a_key_limited_to_sections_sees_only_their_embargoed_stories(client, world):
    _, raw = PartnerKey.issue(name="World desk partner", sections=[world["world"]])
    assert headlines(client.get("/api/stories", **bearer(raw))) == {"Public story", "Report under embargo"}
    assert client.get(f"/api/stories/{world['sport'].pk}", **bearer(raw)).status_code == 404


def test_a_partner_gets_signed_links_to_an_embargoed_storys_photo(client, world):
    story = world["embargoed"]
    story.lead_photo = PhotoFactory(
        image=ContentFile(image_bytes(400, 267), name="harbour.jpg"),
        credit="NWS/Lena Park",
        alt_text="A harbour",
    )
    story.save()
    photo_create_renditions(photo=story.lead_photo)
    _, raw = PartnerKey.issue(name="Northern Radio")
    response = client.get(f"/api/stories/{story.pk}/ninjs", **bearer(raw))
    assert response.status_code == 200
    item = response.json()
    # The photo is not public yet: the partner's links to it are signed, and they work.
    href = item["associations"][0]["renditions"][1]["href"]
    assert "?sig=" in href
    assert client.get(href.removeprefix("http://testserver")).status_code == 200
    assert client.get(href.removeprefix("http://testserver").split("?")[0]).status_code == 404
    detail = client.get(f"/api/stories/{story.pk}", **bearer(raw)).json()
    assert "?sig=" in detail["lead_photo"]["url"] and "?sig=" in detail["lead_photo"]["renditions"][0]["url"]


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_AUTHORIZATION": "Bearer not-a-key"},
        {"HTTP_AUTHORIZATION": "Bearer 0123456789ab.forged"},
        {"HTTP_X_API_KEY": ""},
    ],
)
def test_a_bad_key_gets_401_with_a_clear_json_error(client, world, headers):
    response = client.get("/api/stories", **headers)
    assert response.status_code == 401
    assert response.json() == {
        "error": {"code": "invalid_key", "message": "This API key is not valid.", "field": None}
    }
    assert "no-store" in response["Cache-Control"]


def test_a_revoked_key_gets_401_and_the_refusal_is_audited(client, world):
    key, raw = PartnerKey.issue(name="Northern Radio")
    assert client.get("/api/stories", **bearer(raw)).status_code == 200
    key.revoke(by=desk_user("Editor"))
    response = client.get("/api/stories", **bearer(raw))
    assert response.status_code == 401 and response.json()["error"]["code"] == "revoked_key"
    assert "revoked" in response.json()["error"]["message"]
    assert AuditEvent.objects.filter(action=A.API_REFUSED, target__contains=key.prefix).count() == 1


def test_every_use_is_recorded_in_the_audit_trail(client, world):
    key, raw = PartnerKey.issue(name="Northern Radio")
    client.get("/api/stories?limit=5", **bearer(raw))
    client.get(f"/api/stories/{world['embargoed'].pk}/ninjs", **bearer(raw))
    client.get("/api/stories")  # the public's requests are not a key's
    uses = AuditEvent.objects.filter(action=A.API_USE).order_by("at", "id")
    assert [event.target.split(": ", 1)[1] for event in uses] == [
        "GET /api/stories?limit=5",
        f"GET /api/stories/{world['embargoed'].pk}/ninjs",
    ]
    assert all(event.username == f"partner:{key.prefix}" for event in uses)
    assert uses[0].ip_address == "127.0.0.1"


def test_each_key_is_throttled_with_retry_after(client, world, settings):
    settings.PARTNER_API_REQUESTS, settings.PARTNER_API_WINDOW = 3, 60
    _, raw = PartnerKey.issue(name="Northern Radio")
    _, other = PartnerKey.issue(name="Harbour TV")
    with time_machine.travel(datetime.datetime(2030, 1, 1, 12, 0, 10, tzinfo=datetime.UTC), tick=False):
        assert [client.get("/api/stories", **bearer(raw)).status_code for _ in range(3)] == [200] * 3
        refused = client.get("/api/stories", **bearer(raw))
        assert refused.status_code == 429
        assert refused["Retry-After"] == "50"
        assert refused.json()["error"]["code"] == "throttled"
        assert "3 per 60 seconds" in refused.json()["error"]["message"]
        assert client.get("/api/stories", **bearer(other)).status_code == 200  # per key
        assert client.get("/api/stories").status_code == 200  # the public is not a key
    with time_machine.travel(datetime.datetime(2030, 1, 1, 12, 1, 1, tzinfo=datetime.UTC), tick=False):
        assert client.get("/api/stories", **bearer(raw)).status_code == 200  # a new window


def test_keys_are_stored_hashed_and_looked_up_by_prefix(world):
    key, raw = PartnerKey.issue(name="Northern Radio")
    key.refresh_from_db()
    assert raw.startswith(f"{key.prefix}.") and len(raw) > 50
    assert key.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in str(PartnerKey.objects.values().get())
    assert PartnerKey.find(raw) == key and PartnerKey.find(raw + "x") is None


def test_the_openapi_document_says_the_key_is_optional(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["components"]["securitySchemes"]["PartnerKeyAuth"]["scheme"] == "bearer"
    operation = schema["paths"]["/api/stories"]["get"]
    assert {} in operation["security"] and {"PartnerKeyAuth": []} in operation["security"]


# The desk.


def test_the_desk_issues_a_key_and_shows_it_once(client, world, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/articles/partnerkey/add/", {"name": "Northern Radio", "sections": [world["world"].pk]}
    )
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "it is shown only once" in page
    raw = page.split('<code id="partner-key">')[1].split("</code>")[0]
    key = PartnerKey.objects.get()
    assert key.created_by == editor and list(key.sections.all()) == [world["world"]]
    assert PartnerKey.find(raw) == key
    assert AuditEvent.objects.filter(action=A.KEY_ISSUE, actor=editor).exists()
    # Never again: not on the key's page nor in the list.
    for url in (f"/admin/articles/partnerkey/{key.pk}/change/", "/admin/articles/partnerkey/"):
        shown = client.get(url).content.decode()
        assert raw not in shown and key.prefix in shown
    assert headlines(client.get("/api/stories", **bearer(raw))) == {"Public story", "Report under embargo"}


def test_the_desk_revokes_keys_and_never_deletes_them(client, world, editor):
    key, raw = PartnerKey.issue(name="Northern Radio")
    client.force_login(editor)
    response = client.post(
        "/admin/articles/partnerkey/",
        {"action": "revoke_selected", "_selected_action": [key.pk]},
        follow=True,
    )
    assert "they answer 401 from now on" in response.content.decode()
    key.refresh_from_db()
    assert key.revoked_at is not None and key.revoked_by == editor
    assert AuditEvent.objects.filter(action=A.KEY_REVOKE, actor=editor).exists()
    assert client.get(f"/admin/articles/partnerkey/{key.pk}/delete/").status_code == 403
    client.logout()
    assert client.get("/api/stories", **bearer(raw)).status_code == 401


def test_only_superusers_manage_keys(client):
    client.force_login(desk_user("Editor"))
    assert client.get("/admin/articles/partnerkey/add/").status_code == 403
