"""No bare 403 on the desk: every refusal renders in the admin's layout and says why and who may."""

import html

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import NoReverseMatch, reverse

from articles.models import Article, Person, Photo

from .desk import change_url, desk_user
from .factories import ArticleFactory, PhotoFactory, QuoteFactory, SectionFactory, TopicFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_file_roots")]

HEADER = 'id="site-name"'


def assert_explained(response, *words):
    page = html.unescape(response.content.decode())
    assert response.status_code == 403
    assert HEADER in page and "editors' desk" in page, "shown in the desk's layout"
    assert 'class="errornote"' in page and "Go back" in page
    for word in words:
        assert word in page, f"{word!r} missing from the refusal"


def admin_urls():
    """Every standard admin page of every registered model: list, add, and for its first
    record change, delete and history."""
    for model in admin.site._registry:
        opts = model._meta
        first = model._default_manager.order_by("pk").first()
        for action in ("changelist", "add", "change", "delete", "history"):
            args = [] if action in ("changelist", "add") else [first.pk] if first else None
            if args is None:
                continue
            try:
                yield model, reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=args)
            except NoReverseMatch:
                continue


def test_every_admin_page_refused_to_staff_without_a_role_is_styled_and_says_why(client):
    desk_user("Editor")  # the roles exist, so the page can name them
    QuoteFactory(article=ArticleFactory(lead_photo=PhotoFactory(), section=SectionFactory()))
    TopicFactory()
    client.force_login(UserFactory(is_staff=True, username="nobody"))
    checked = set()
    for model, url in admin_urls():
        response = client.get(url)
        assert_explained(response, "You are not allowed to", "signed in as <strong>nobody</strong>")
        assert str(model._meta.verbose_name_plural) in response.content.decode(), url
        checked.add(model)
    assert {Article, Photo, Person} <= checked
    assert len(checked) == len(admin.site._registry)
    # The desk's own routes, beyond the standard pages.
    photo = Photo.objects.get()
    assert_explained(client.get(photo.image.url), "Your role does not allow this")
    assert_explained(client.get(reverse("admin:articles_article_import_wire")), "import stories")


def test_an_editor_deleting_a_photo_is_told_it_is_the_photo_editors(client):
    photo = PhotoFactory()
    client.force_login(desk_user("Editor"))
    response = client.post(reverse("admin:articles_photo_delete", args=[photo.pk]), {"post": "yes"})
    assert_explained(response, "You are not allowed to delete photos.", "“Photo editor” role.")
    assert "with the Editor role" in response.content.decode()


def test_a_reporter_changing_a_photos_credit_is_told_who_may(client):
    photo = PhotoFactory()
    client.force_login(desk_user("Reporter"))
    url = reverse("admin:articles_photo_change", args=[photo.pk])
    assert client.get(url).status_code == 200  # read-only view
    response = client.post(url, {"credit": "NWS/Someone Else", "alt_text": photo.alt_text})
    assert_explained(response, "You are not allowed to change photos.", "“Photo editor” role.")
    photo.refresh_from_db()
    assert photo.credit != "NWS/Someone Else"


def test_a_reporter_refused_one_story_is_told_it_is_this_story_not_the_role(client):
    story = ArticleFactory(headline="Someone else's draft")
    client.force_login(desk_user("Reporter"))
    response = client.post(change_url(story), {"headline": "Taken over"})
    assert_explained(response, "You may change stories, but not this one")


def test_a_message_given_with_the_refusal_is_shown(client):
    story = ArticleFactory(published=True)
    client.force_login(desk_user("Reporter"))
    response = client.get(reverse("admin:articles_article_retract", args=[story.pk]))
    assert_explained(response, "You are not allowed to retract stories.", "“Editor” role.")


def test_the_way_back_is_the_page_the_user_came_from_on_this_site_only(client):
    photo = PhotoFactory()
    client.force_login(desk_user("Editor"))
    url = reverse("admin:articles_photo_delete", args=[photo.pk])
    came_from = "http://testserver" + reverse("admin:articles_photo_changelist")
    page = client.post(url, {"post": "yes"}, headers={"referer": came_from}).content.decode()
    assert f'href="{came_from}" class="button"' in page
    page = client.post(
        url, {"post": "yes"}, headers={"referer": "https://elsewhere.example/"}
    ).content.decode()
    assert "elsewhere.example" not in page and f'href="{reverse("admin:index")}" class="button"' in page


def test_a_failed_csrf_check_on_the_desk_is_explained_in_the_desk():
    client = Client(enforce_csrf_checks=True)
    client.force_login(desk_user("Photo editor"))
    response = client.post(reverse("admin:articles_photo_add"), {"credit": "X"})
    assert_explained(response, "security check failed", "reload the page")


def test_public_refusals_keep_djangos_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/search/", {"q": "x"})
    assert response.status_code in (403, 405)
    assert HEADER not in response.content.decode()
