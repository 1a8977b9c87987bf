"""Who can download a photo file: readers get renditions of photos something public uses,
staff get everything privately, a preview's holder gets that story's photos for a while,
and nobody outside the desk ever gets an original (issue 19)."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import ExifTags, Image

from articles.images.renditions import photo_create_renditions
from articles.models import Photo
from articles.models.files import photo_storage
from articles.public.preview import preview_url

from .desk import desk_user
from .factories import ArticleFactory, PersonFactory, PhotoFactory, UserFactory
from .images import exif, image_bytes, jpeg, photo_like, png_declaring

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def photo_root(settings, tmp_path):
    settings.PHOTO_ROOT = str(tmp_path / "photos")
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PAGE_CACHE = False


def photo_with_renditions(**kwargs):
    photo = PhotoFactory(**kwargs)
    photo_create_renditions(photo=photo)
    photo.refresh_from_db()
    return photo


def reader_urls(photo):
    storage = photo_storage()
    return [storage.url(entry["name"]) for entry in photo.rendition_index]


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_published_storys_photo_is_served_publicly_for_no_longer_than_a_page(client, settings):
    settings.PUBLIC_CACHE_SECONDS = 90
    photo = photo_with_renditions()
    ArticleFactory(published=True, lead_photo=photo)
    urls = reader_urls(photo)
    assert len(urls) >= 6
    for url in urls:
        assert url.startswith("/photos/") and str(photo.pk) not in url.split("/")[2:3]
        response = client.get(url)
        assert response.status_code == 200 and body(response)
        assert "public" in response["Cache-Control"] and "max-age=90" in response["Cache-Control"]
        assert response["Content-Type"].startswith("image/")


def test_a_drafts_photo_is_not_found_by_a_reader(client):
    photo = photo_with_renditions()
    ArticleFactory(lead_photo=photo)  # a draft
    for url in reader_urls(photo):
        assert client.get(url).status_code == 404


def test_a_photo_stops_being_served_when_its_story_is_unpublished(client):
    photo = photo_with_renditions()
    story = ArticleFactory(published=True, lead_photo=photo)
    url = reader_urls(photo)[0]
    assert client.get(url).status_code == 200
    story.unpublish(by=desk_user("Editor"))
    assert client.get(url).status_code == 404


def test_a_portrait_is_public_only_while_its_person_is_on_record(client):
    photo = photo_with_renditions()
    person = PersonFactory(portrait=photo)
    url = reader_urls(photo)[0]
    draft = ArticleFactory()
    draft.people.add(person)
    assert client.get(url).status_code == 404
    ArticleFactory(published=True).people.add(person)
    assert client.get(url).status_code == 200


def test_staff_see_an_unpublished_photo_privately(client):
    photo = photo_with_renditions()
    ArticleFactory(lead_photo=photo)
    client.force_login(desk_user("Reporter"))
    response = client.get(reader_urls(photo)[0])
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_preview_shows_its_photos_to_the_links_holder_and_nobody_else(client):
    photo = photo_with_renditions()
    draft = ArticleFactory(lead_photo=photo, standfirst="A draft with a picture.")
    page = client.get(preview_url(draft)).content.decode()
    signed = sorted(set(re.findall(r'(/photos/[^"\s?]+\?sig=[^"\s,]+)', page)))
    assert signed, "the preview's pictures carry signed addresses"
    for url in signed:
        response = client.get(url.replace("&amp;", "&"))
        assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    bare = signed[0].split("?")[0]
    assert client.get(bare).status_code == 404
    assert client.get(f"{bare}?sig=forged:123").status_code == 404
    # A signature is for one file: it does not open another of the photo's renditions.
    other = next(url for url in reader_urls(photo) if url != bare)
    assert client.get(f"{other}?{signed[0].split('?')[1]}").status_code == 404


def test_a_preview_signature_expires_with_the_preview_link(client, settings):
    photo = photo_with_renditions()
    draft = ArticleFactory(lead_photo=photo)
    page = client.get(preview_url(draft)).content.decode()
    url = re.search(r'(/photos/[^"\s?]+\?sig=[^"\s,]+)', page).group(1)
    settings.PREVIEW_LINK_MAX_AGE = -1
    assert client.get(url).status_code == 404


def test_originals_are_the_desks_alone(client):
    located = jpeg(photo_like(640, 480), exif=exif(gps=True))
    photo = photo_with_renditions(image=ContentFile(located, name="IMG_1234.jpg"))
    ArticleFactory(published=True, lead_photo=photo)
    url = photo.image.url
    assert url.startswith("/admin/articles/photo/file/")
    assert client.get(url).status_code == 302  # to the login page
    assert client.get(f"/media/{photo.image.name}").status_code == 404
    # Staff without any right on photos are refused too.
    nobody = UserFactory(is_staff=True)
    client.force_login(nobody)
    assert client.get(url).status_code == 403
    client.force_login(desk_user("Photo editor"))
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    original = Image.open(io.BytesIO(body(response)))
    assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo), "the desk keeps the photographer's location"
    # What readers get has none.
    client.logout()
    rendition = client.get(next(u for u in reader_urls(photo) if u.endswith(".jpeg")))
    shared = Image.open(io.BytesIO(body(rendition)))
    assert not shared.getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_the_desk_route_serves_only_files_photos_own(client):
    client.force_login(desk_user("Editor"))
    assert client.get("/admin/articles/photo/file/photos/originals/2026/12/x/none.jpg").status_code == 404
    assert client.get("/admin/articles/photo/file/../newsroom/settings.py").status_code == 404


def test_photo_files_are_stored_outside_the_public_media_folder(settings):
    photo = photo_with_renditions()
    names = [photo.image.name, *(entry["name"] for entry in photo.rendition_index)]
    storage = photo_storage()
    assert all(storage.exists(name) for name in names)
    assert not str(storage.path(names[0])).startswith(str(settings.MEDIA_ROOT))


@pytest.mark.parametrize(
    "data, code",
    [
        (b"not a picture at all", "not_an_image"),
        (jpeg(photo_like(640, 480))[:9000], "damaged"),
        (png_declaring(40_000, 40_000), "decompression_bomb"),
    ],
    ids=["not an image", "truncated", "bomb"],
)
def test_full_clean_decodes_the_file_whatever_path_it_came_by(data, code):
    photo = Photo(image=ContentFile(data, name="upload.jpg"), credit="NWS/Ana Ortiz", alt_text="A hall")
    with pytest.raises(ValidationError) as refused:
        photo.full_clean()
    assert [error.code for error in refused.value.error_dict["image"]] == [code]


def test_full_clean_refuses_a_stored_name_with_no_file():
    photo = Photo(image="photos/originals/nowhere.jpg", credit="NWS/Ana Ortiz", alt_text="A hall")
    with pytest.raises(ValidationError, match="no stored file"):
        photo.full_clean()


def test_full_clean_accepts_a_real_photo_and_does_not_redecode_an_unchanged_one(monkeypatch):
    photo = Photo(
        image=ContentFile(image_bytes(), name="fine.jpg"), credit="NWS/Ana Ortiz", alt_text="A hall"
    )
    photo.full_clean()
    photo.save()
    stored = Photo.objects.get(pk=photo.pk)
    import articles.models.photo as module

    monkeypatch.setattr(module, "inspect_upload", lambda upload: pytest.fail("decoded again"))
    stored.caption = "A new caption"
    stored.full_clean()


def test_photos_of_stories_in_review_or_scheduled_stay_private(client):
    editor = desk_user("Editor")
    Group.objects.get(name="Editor")  # roles exist
    review_photo, scheduled_photo = photo_with_renditions(), photo_with_renditions()
    ArticleFactory(lead_photo=review_photo).submit_for_review(by=editor)
    ArticleFactory(lead_photo=scheduled_photo).publish(
        by=editor, at=timezone.now() + datetime.timedelta(hours=3)
    )
    for photo in (review_photo, scheduled_photo):
        assert all(client.get(url).status_code == 404 for url in reader_urls(photo))


def test_a_reader_url_is_what_reverse_gives_and_an_odd_name_is_still_refused():
    from django.urls import NoReverseMatch, reverse

    from articles.models.files import RENDITIONS, reader_url

    key, spec = "ab" * 16, "card-600w.webp"
    assert reader_url(f"{RENDITIONS}{key}/{spec}") == reverse(
        "articles:photo-file", kwargs={"key": key, "spec": spec}
    )
    with pytest.raises(NoReverseMatch):
        reader_url(f"{RENDITIONS}{key}/../../originals/x.jpeg")
