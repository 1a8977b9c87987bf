"""Photos: upload validation, renditions made once, responsive markup with credit, the photo desk."""

import datetime
import html
import io
import re
from pathlib import PurePath

import pytest
from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from articles.images import renditions
from articles.images.ingest import photo_create_from_upload
from articles.images.renditions import FORMATS, photo_create_renditions
from articles.models import Photo, Rendition
from articles.models.files import rendition_key

from .factories import ArticleFactory, PersonFactory, PhotoFactory
from .images import SVG_WITH_SCRIPT, image_bytes, jpeg, photo_like, png_declaring, two_tone, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test stores files in its own folder, so "nothing stored" can be checked."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PHOTO_ROOT = str(tmp_path / "photos")
    return tmp_path / "media"


def stored_files(root):
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def noisy_jpeg(width=800, height=600):
    """A JPEG with some grain, so its size is not trivially small."""
    return jpeg(photo_like(width, height), quality=90)


def new_photo(data=None, name="harbour.jpg", **fields):
    fields = {"alt_text": "A pier at dusk", "credit": "NWS/Ana Ortiz", **fields}
    return photo_create_from_upload(upload=upload(name, data or noisy_jpeg(480, 320)), **fields)


def page_text(response):
    return html.unescape(response.content.decode()).replace("\xa0", " ")


def post_photo(client, file, **fields):
    data = {
        "image": file,
        "caption": "",
        "credit": "NWS/Ana Ortiz",
        "alt_text": "A pier at dusk",
        "copyright": "",
    }
    data.update(fields)
    return client.post(reverse("admin:articles_photo_add"), data)


@pytest.fixture
def pillow_opens(monkeypatch):
    """Counts files Pillow opens (the real Image.open still runs)."""
    calls = []
    real_open = Image.open

    def counting_open(*args, **kwargs):
        calls.append(args)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(Image, "open", counting_open)
    return calls


def gif_bytes():
    buffer = io.BytesIO()
    Image.new("P", (40, 30)).save(buffer, "GIF")
    return buffer.getvalue()


class TestUploadValidation:
    @pytest.mark.parametrize(
        ("name", "make", "message"),
        [
            (
                "holiday.jpg",
                lambda: b"this is not a picture, only text",
                "Upload a valid image: “holiday.jpg” is not a JPEG, PNG or WebP file.",
            ),
            ("pier.jpg", lambda: noisy_jpeg()[:-4000], "“pier.jpg” is damaged or incomplete"),
            (
                "bomb.png",
                lambda: png_declaring(100_000, 100_000),
                "“bomb.png” declares far more pixels than the 50-megapixel limit",
            ),
            (
                "huge.png",
                lambda: png_declaring(8000, 7000),
                "“huge.png” is 8,000 × 7,000 pixels (56 megapixels); a photo may have at most 50 megapixels.",
            ),
            (
                "logo.svg",
                lambda: SVG_WITH_SCRIPT,
                "“logo.svg” is an SVG drawing. SVG files can carry scripts",
            ),
            ("logo.jpg", lambda: SVG_WITH_SCRIPT, "“logo.jpg” is an SVG drawing."),
            ("animation.gif", gif_bytes, "“animation.gif” is not a JPEG, PNG or WebP file."),
        ],
    )
    def test_bad_files_are_refused_in_the_admin_with_their_message_and_nothing_is_stored(
        self, editor_client, media_root, name, make, message
    ):
        response = post_photo(editor_client, upload(name, make()))
        assert response.status_code == 200
        assert message in page_text(response)
        assert not Photo.objects.exists()
        assert not Rendition.objects.exists()
        assert stored_files(media_root) == []

    def test_a_file_over_the_size_limit_is_refused(self, editor_client, settings, media_root):
        settings.PHOTO_MAX_BYTES = 20_000
        data = noisy_jpeg()
        assert len(data) > 20_000
        response = post_photo(editor_client, upload("big.jpg", data))
        content = page_text(response)
        assert "“big.jpg” is " in content and "a photo may be at most 19.5 KB" in content
        assert not Photo.objects.exists()
        assert stored_files(media_root) == []

    def test_the_pixel_limit_comes_from_settings(self, editor_client, settings):
        settings.PHOTO_MAX_PIXELS = 100_000
        response = post_photo(editor_client, upload("wide.jpg", noisy_jpeg(640, 427)))
        assert "a photo may have at most 0.1 megapixels" in page_text(response)
        assert not Photo.objects.exists()

    def test_the_same_refusals_apply_outside_the_admin(self, media_root):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError) as error:
            new_photo(png_declaring(100_000, 100_000), name="bomb.png")
        assert error.value.code == "decompression_bomb"
        assert not Photo.objects.exists()
        assert stored_files(media_root) == []

    def test_contents_not_the_name_decide_the_format(self, editor_client):
        response = post_photo(editor_client, upload("actually-a-png.jpg", image_bytes(fmt="PNG")))
        assert response.status_code == 302
        photo = Photo.objects.get()
        assert photo.image.name.endswith("/actually-a-png.png")
        with Image.open(photo.image.path) as stored:
            assert stored.format == "PNG"

    @pytest.mark.parametrize(
        ("name", "fmt"), [("pier.jpg", "JPEG"), ("pier.png", "PNG"), ("pier.webp", "WEBP")]
    )
    def test_jpeg_png_and_webp_are_accepted(self, editor_client, name, fmt):
        response = post_photo(editor_client, upload(name, image_bytes(width=700, height=500, fmt=fmt)))
        assert response.status_code == 302
        photo = Photo.objects.get()
        assert (photo.width, photo.height) == (700, 500)
        assert photo.renditions.exists()

    def test_a_png_with_transparency_is_flattened_on_white(self):
        buffer = io.BytesIO()
        Image.new("RGBA", (400, 300), (0, 0, 0, 0)).save(buffer, "PNG")
        photo = new_photo(buffer.getvalue(), name="cutout.png")
        rendition = photo.renditions.get(spec="w320.jpeg")
        with Image.open(rendition.file.path) as image:
            assert image.mode == "RGB"
            assert min(image.getpixel((10, 10))) > 245


class TestRenditions:
    def test_every_width_and_format_is_made_with_its_true_size(self):
        photo = new_photo(noisy_jpeg(2400, 1600))
        full = photo.renditions.filter(kind=Rendition.Kind.FULL)
        assert sorted({r.width for r in full}) == [320, 640, 960, 1280, 1920]
        assert sorted({r.format for r in full}) == sorted(FORMATS)
        assert {"webp", "jpeg"} <= set(FORMATS)
        cards = photo.renditions.filter(kind=Rendition.Kind.CARD)
        assert sorted({(r.width, r.height) for r in cards}) == [(320, 213), (640, 427), (960, 640)]
        for rendition in photo.renditions.all():
            with Image.open(rendition.file.path) as image:
                assert image.size == (rendition.width, rendition.height)
                assert image.format == {"jpeg": "JPEG", "webp": "WEBP", "avif": "AVIF"}[rendition.format]
            assert rendition.size == rendition.file.size
            # A keyed folder and the spec: neither the photo's id nor the upload's name.
            assert rendition.file.name.startswith(f"photos/renditions/{rendition_key(photo.pk)}/")
            assert PurePath(rendition.file.name).name.startswith(rendition.spec.rsplit(".", 1)[0])
        assert len(photo.rendition_index) == photo.renditions.count()
        assert photo.picture.widest_src == photo.renditions.get(spec="w1920.jpeg").file.url

    @pytest.mark.parametrize(
        ("size", "full_widths", "card_widths"),
        [((1200, 800), [320, 640, 960, 1200], [320, 640, 960]), ((200, 100), [200], [150])],
    )
    def test_never_upscaled(self, size, full_widths, card_widths):
        photo = new_photo(noisy_jpeg(*size))
        widths = {
            kind: sorted(set(photo.renditions.filter(kind=kind).values_list("width", flat=True)))
            for kind in ("full", "card")
        }
        assert widths == {"full": full_widths, "card": card_widths}

    def test_made_once_a_second_call_opens_nothing_and_changes_nothing(self, pillow_opens):
        photo = new_photo(noisy_jpeg(1400, 900))
        before = {r.file.path: r.file.storage.get_modified_time(r.file.name) for r in photo.renditions.all()}
        rows = list(Rendition.objects.order_by("pk").values_list("pk", "spec"))
        pillow_opens.clear()
        assert photo_create_renditions(photo=Photo.objects.get(pk=photo.pk)) == []
        assert pillow_opens == []
        assert list(Rendition.objects.order_by("pk").values_list("pk", "spec")) == rows
        assert {
            r.file.path: r.file.storage.get_modified_time(r.file.name) for r in photo.renditions.all()
        } == before

    def test_reading_pages_does_no_pillow_work(self, client, pillow_opens):
        photo = new_photo(noisy_jpeg(1400, 900))
        person = PersonFactory(slug="ana", portrait=photo)
        story = ArticleFactory(published=True, lead_photo=photo, people=[person])
        pillow_opens.clear()
        for url in ("/", story.get_absolute_url(), "/people/ana/"):
            assert client.get(url).status_code == 200
        assert pillow_opens == []

    def test_moving_the_focal_point_remakes_only_the_crops(self):
        photo = new_photo(noisy_jpeg(1800, 600))  # wide: a 3:2 crop can move sideways
        full = set(photo.renditions.filter(kind="full").values_list("pk", flat=True))
        old_cards = set(photo.renditions.filter(kind="card").values_list("spec", flat=True))
        photo.focal_x, photo.focal_y = 0.0, 0.5
        photo.save()
        made = photo_create_renditions(photo=photo)
        assert {r.kind for r in made} == {"card"}
        assert set(photo.renditions.filter(kind="full").values_list("pk", flat=True)) == full
        new_cards = set(photo.renditions.filter(kind="card").values_list("spec", flat=True))
        assert new_cards.isdisjoint(old_cards)
        assert all(spec.startswith(("card320-0x0.", "card640-0x0.", "card900-0x0.")) for spec in new_cards)

    def test_the_crop_follows_the_focal_point(self):
        image = two_tone(1800, 600)  # red left half, blue right half
        photo = new_photo(jpeg(image), focal_point=(0.9, 0.5))
        card = photo.renditions.get(kind="card", format="jpeg", width=320)
        with Image.open(card.file.path) as crop:
            red, _, blue = crop.getpixel((160, 106))
        assert blue > 150 and red < 100  # the right of the picture, where the focal point is

    def test_replacing_the_file_in_the_admin_remakes_the_renditions(self, editor_client):
        photo = new_photo(noisy_jpeg(1400, 900))
        old = set(photo.renditions.values_list("file", flat=True))
        url = reverse("admin:articles_photo_change", args=[photo.pk])
        response = editor_client.post(
            url,
            {
                "image": upload("new.jpg", noisy_jpeg(700, 700)),
                "caption": "",
                "credit": photo.credit,
                "alt_text": photo.alt_text,
                "copyright": "",
                "focal_x": "",
                "focal_y": "",
            },
        )
        assert response.status_code == 302
        photo.refresh_from_db()
        assert (photo.width, photo.height) == (700, 700)
        assert old.isdisjoint(set(photo.renditions.values_list("file", flat=True)))
        assert max(photo.renditions.values_list("width", flat=True)) == 700

    def test_pages_cached_before_the_renditions_existed_are_forgotten(
        self, client, settings, django_capture_on_commit_callbacks
    ):
        settings.PAGE_CACHE = True
        photo = PhotoFactory()  # uploaded before renditions were made, as old photos were
        story = ArticleFactory(published=True, lead_photo=photo)
        assert f'src="{photo.image.url}"' in client.get(story.get_absolute_url()).content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            photo_create_renditions(photo=photo)
        content = client.get(story.get_absolute_url()).content.decode()
        assert f'src="{photo.image.url}"' not in content and f"/photos/{rendition_key(photo.pk)}/" in content

    def test_a_failed_encoding_stores_nothing(self, monkeypatch, media_root):
        def broken(*args, **kwargs):
            raise OSError("disk full")

        monkeypatch.setattr(renditions, "_encode", broken)
        with pytest.raises(OSError):
            new_photo()
        assert not Photo.objects.exists() and not Rendition.objects.exists()
        assert stored_files(media_root) == []


def figure_of(content, css_class):
    return re.search(rf'<figure class="{css_class}">.*?</figure>', content, re.S).group(0)


class TestMarkup:
    @pytest.fixture
    def story(self):
        photo = new_photo(noisy_jpeg(2400, 1600), caption="Ferries at the new pier.", credit="NWS/Jonas Feld")
        person = PersonFactory(name="Marta Kovac", slug="marta-kovac", portrait=photo)
        return ArticleFactory(published=True, lead_photo=photo, people=[person])

    def test_the_lead_is_a_picture_with_sources_srcset_and_credit(self, client, story):
        figure = figure_of(client.get(story.get_absolute_url()).content.decode(), "photo photo--lead")
        photo = story.lead_photo
        webp = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">', figure)
        assert webp, figure
        assert [int(w) for w in re.findall(r" (\d+)w", webp.group(1))] == [320, 640, 960, 1280, 1920]
        assert webp.group(2) == "(min-width: 46rem) 42rem, 100vw"
        img = re.search(r"<img [^>]+>", figure).group(0)
        assert 'srcset="' in img and ".jpeg 1920w" in img and 'sizes="(min-width: 46rem) 42rem, 100vw"' in img
        assert 'width="1920" height="1280"' in img
        assert f'alt="{photo.alt_text}"' in img
        assert "loading=" not in img and 'fetchpriority="high"' in img
        assert photo.image.url not in figure  # the original, with its EXIF, is not published
        assert "© NWS/Jonas Feld" in figure and "Ferries at the new pier." in figure
        if "avif" in FORMATS:
            assert figure.index('type="image/avif"') < figure.index('type="image/webp"')

    def test_the_card_shows_the_crop_and_the_credit(self, client, story):
        # On the home page the only story is the lead (tests/test_front.py); lists show cards.
        content = client.get("/people/marta-kovac/").content.decode()
        card = re.search(r'<article class="card">.*?</article>', content, re.S).group(0)
        crop = story.lead_photo.renditions.get(kind="card", format="jpeg", width=640)
        assert crop.file.url in card
        assert 'sizes="(min-width: 40rem) 12rem, calc(100vw - 2rem)"' in card
        assert 'loading="lazy"' in card
        assert '<small class="credit">© NWS/Jonas Feld</small>' in card

    def test_the_portrait_is_eager_sized_for_its_column_and_credited(self, client, story):
        # The person page's largest image, above the fold: loaded first, never lazily.
        figure = figure_of(client.get("/people/marta-kovac/").content.decode(), "photo")
        assert 'sizes="14rem"' in figure and "loading=" not in figure and 'fetchpriority="high"' in figure
        assert "© NWS/Jonas Feld" in figure

    def test_a_photo_without_renditions_falls_back_to_its_original(self, client):
        story = ArticleFactory(published=True, lead_photo=PhotoFactory())
        figure = figure_of(client.get(story.get_absolute_url()).content.decode(), "photo photo--lead")
        assert f'src="{story.lead_photo.image.url}"' in figure
        assert "© Newsroom Pictures/Ana Ortiz" in figure

    def test_renditions_cost_no_queries(self, client):
        """Pages read the rendition index stored with the photo, never the Rendition table."""

        def queries(url):
            cache.clear()  # a rendered page may be cached; count a full render each time
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            return [query["sql"] for query in captured]

        for _ in range(3):
            ArticleFactory(published=True, lead_photo=new_photo(noisy_jpeg(700, 500)))
        with_renditions = queries("/")
        Rendition.objects.all().delete()
        Photo.objects.update(rendition_index=[])
        assert len(queries("/")) == len(with_renditions)
        assert not any("articles_rendition" in sql for sql in with_renditions)


class TestPhotoDesk:
    @pytest.fixture
    def photos(self):
        portrait = new_photo(caption="Marta Kovac at her desk.", credit="NWS/Ivo Rak")
        lead = new_photo(caption="The new pier at dawn.", credit="Pier Agency/Lena Berg")
        spare = new_photo(
            noisy_jpeg(800, 600), caption="Seagulls over the breakwater.", credit="NWS/Ana Ortiz"
        )
        PersonFactory(name="Marta Kovac", portrait=portrait)
        mentioned = PersonFactory(name="Pavel Orlov")
        ArticleFactory(headline="Pier opens", lead_photo=lead, people=[mentioned], published=True)
        return {"portrait": portrait, "lead": lead, "spare": spare}

    def changelist(self, client, **params):
        return client.get(reverse("admin:articles_photo_changelist"), params).content.decode()

    def test_the_list_shows_thumbnails_captions_credits_and_use(self, editor_client, photos):
        content = self.changelist(editor_client)
        for photo in photos.values():
            assert photo.caption in content and photo.credit in content
        thumbnail = photos["lead"].renditions.get(kind="full", format="webp", width=320)
        assert thumbnail.file.url in content
        usage = re.findall(r'<td class="field-usage_summary">([^<]*)</td>', content)
        assert sorted(usage) == ["1 portrait", "1 story", "Unused"]

    @pytest.mark.parametrize(
        ("term", "expected"),
        [("dawn", "lead"), ("Lena Berg", "lead"), ("Marta Kovac", "portrait"), ("Pavel Orlov", "lead")],
    )
    def test_search_by_caption_credit_and_person(self, editor_client, photos, term, expected):
        content = self.changelist(editor_client, q=term)
        shown = {name for name, photo in photos.items() if photo.caption in content}
        assert shown == {expected}

    @pytest.mark.parametrize(("value", "expected"), [("used", {"lead", "portrait"}), ("unused", {"spare"})])
    def test_filter_by_use(self, editor_client, photos, value, expected):
        content = self.changelist(editor_client, use=value)
        assert {name for name, photo in photos.items() if photo.caption in content} == expected

    def test_filter_by_date(self, editor_client, photos):
        Photo.objects.filter(pk=photos["spare"].pk).update(
            created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
        )
        content = self.changelist(editor_client, created_at__gte="2025-01-01 00:00:00+00:00")
        assert photos["lead"].caption in content and photos["spare"].caption not in content

    def test_the_change_page_says_where_the_photo_is_used(self, editor_client, photos):
        story = photos["lead"].lead_of.get()
        content = editor_client.get(
            reverse("admin:articles_photo_change", args=[photos["lead"].pk])
        ).content.decode()
        assert f'href="{reverse("admin:articles_article_change", args=[story.pk])}">Pier opens</a>' in content
        portrait = photos["portrait"]
        content = editor_client.get(
            reverse("admin:articles_photo_change", args=[portrait.pk])
        ).content.decode()
        person = portrait.portrait_of.get()
        assert (
            f'href="{reverse("admin:articles_person_change", args=[person.pk])}">Marta Kovac</a>' in content
        )
        assert "focal-picker" in content and "photo_focal.js" in content

    def test_the_focal_point_is_set_in_the_admin_and_recrops(self, editor_client, photos):
        photo = photos["spare"]
        data = {"caption": photo.caption, "credit": photo.credit, "alt_text": photo.alt_text, "copyright": ""}
        url = reverse("admin:articles_photo_change", args=[photo.pk])
        response = editor_client.post(url, {**data, "focal_x": "1.5", "focal_y": "0.5"})
        assert response.status_code == 200 and "less than or equal to 1" in response.content.decode()
        response = editor_client.post(url, {**data, "focal_x": "0.2", "focal_y": "0.8"})
        assert response.status_code == 302
        photo.refresh_from_db()
        assert photo.focal_point == (0.2, 0.8)
        crops = set(photo.renditions.filter(kind="card").values_list("spec", flat=True))
        # 800 × 600 crops to 800 × 533; centred on y = 480 it would overhang, so it sits at the bottom.
        assert crops and all("-0x67." in spec for spec in crops)

    def test_deleting_a_photo_in_use_is_refused_with_the_stories_listed(self, editor_client, photos):
        photo = photos["lead"]
        url = reverse("admin:articles_photo_delete", args=[photo.pk])
        for response in (editor_client.get(url), editor_client.post(url, {"post": "yes"})):
            content = response.content.decode()
            assert response.status_code == 200
            assert "would require deleting the following protected related objects" in content
            assert "Pier opens" in content
        assert Photo.objects.filter(pk=photo.pk).exists()

    def test_bulk_deleting_photos_in_use_is_refused_too(self, editor_client, photos):
        url = reverse("admin:articles_photo_changelist")
        selected = [photos["lead"].pk, photos["spare"].pk]
        for extra in ({}, {"post": "yes"}):
            response = editor_client.post(
                url, {"action": "delete_selected", "_selected_action": selected, **extra}
            )
            assert response.status_code == 200
            content = response.content.decode()
            assert "would require deleting the following protected related objects" in content
            assert "Pier opens" in content
        assert Photo.objects.filter(pk__in=selected).count() == 2

    def test_an_unused_photo_is_deleted_with_its_renditions(self, editor_client, photos):
        photo = photos["spare"]
        response = editor_client.post(
            reverse("admin:articles_photo_delete", args=[photo.pk]), {"post": "yes"}
        )
        assert response.status_code == 302
        assert not Photo.objects.filter(pk=photo.pk).exists()
        assert not Rendition.objects.filter(photo_id=photo.pk).exists()
        assert LogEntry.objects.filter(object_id=str(photo.pk), action_flag=3).exists()
