"""Embedded metadata: read to pre-fill the desk's fields, applied (orientation), and never published."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import ExifTags, Image, PngImagePlugin

from articles.images.ingest import photo_create_from_upload
from articles.images.metadata import read_metadata
from articles.models import Photo

from .images import (
    IPTC_BYLINE,
    IPTC_CAPTION,
    IPTC_COPYRIGHT,
    IPTC_CREDIT,
    exif,
    jpeg,
    photo_like,
    two_tone,
    upload,
    with_iptc,
    xmp_packet,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_file_roots")]

AGENCY_FILE = {
    IPTC_CAPTION: "Ferries queue outside Split harbour on Monday.",
    IPTC_CREDIT: "Adriatic Press",
    IPTC_BYLINE: "Jonas Feld",
    IPTC_COPYRIGHT: "© 2025 Adriatic Press",
}


def metadata_of(data):
    with Image.open(io.BytesIO(data)) as image:
        return read_metadata(image)


def post_photo(client, data, name="agency.jpg", **fields):
    form = {
        "image": upload(name, data),
        "caption": "",
        "credit": "",
        "alt_text": "Ferries in a queue",
        "copyright": "",
    }
    return client.post(reverse("admin:articles_photo_add"), {**form, **fields})


def post_and_confirm(client, data, name="agency.jpg", **fields):
    """Upload, see what the file filled in, and save that as shown, without picking the file again."""
    shown = post_photo(client, data, name, **fields)
    assert shown.status_code == 200 and "Filled in from the file" in shown.content.decode()
    assert not Photo.objects.exists(), "nothing is saved before the editor has seen it"
    form = shown.context["adminform"].form
    boxes = ["caption", "credit", "alt_text", "copyright", "focal_x", "focal_y", "kept_upload"]
    return client.post(reverse("admin:articles_photo_add"), {box: form.data.get(box, "") for box in boxes})


class TestReading:
    def test_iptc_caption_credit_byline_and_copyright(self):
        found = metadata_of(with_iptc(jpeg(), AGENCY_FILE))
        assert found.caption == "Ferries queue outside Split harbour on Monday."
        assert found.credit_line == "Adriatic Press/Jonas Feld"
        assert found.copyright == "© 2025 Adriatic Press"

    def test_iptc_from_older_software_in_latin_1(self):
        found = metadata_of(
            with_iptc(jpeg(), {IPTC_CREDIT: "Agência Lusa", IPTC_BYLINE: "José Sena"}, utf8=False)
        )
        assert found.credit_line == "Agência Lusa/José Sena"

    def test_xmp_caption_credit_creator_and_rights(self):
        packet = xmp_packet(
            caption="Harbour at dawn", credit="Pier Agency", creator="Lena Berg", rights="CC BY 4.0"
        )
        found = metadata_of(jpeg(xmp=packet))
        assert (found.caption, found.credit_line, found.copyright) == (
            "Harbour at dawn",
            "Pier Agency/Lena Berg",
            "CC BY 4.0",
        )

    def test_xmp_wins_over_iptc_and_iptc_over_exif(self):
        data = jpeg(
            xmp=xmp_packet(caption="From XMP"), exif=exif(description="From EXIF", artist="Exif Artist")
        )
        found = metadata_of(with_iptc(data, {IPTC_CAPTION: "From IPTC", IPTC_BYLINE: "Iptc Byline"}))
        assert found.caption == "From XMP"
        assert found.creator == "Iptc Byline"

    def test_exif_alone(self):
        found = metadata_of(jpeg(exif=exif(description="A pier", artist="Ana Ortiz", copyright="NWS 2025")))
        assert (found.caption, found.credit_line, found.copyright) == ("A pier", "Ana Ortiz", "NWS 2025")

    def test_xmp_in_png_and_webp(self):
        packet = xmp_packet(credit="Pier Agency")
        png_info = PngImagePlugin.PngInfo()
        png_info.add_itxt("XML:com.adobe.xmp", packet.decode())  # where Adobe puts XMP in a PNG
        for fmt, options in (("PNG", {"pnginfo": png_info}), ("WEBP", {"xmp": packet})):
            buffer = io.BytesIO()
            Image.new("RGB", (40, 30)).save(buffer, fmt, **options)
            assert metadata_of(buffer.getvalue()).credit == "Pier Agency", fmt

    def test_an_xmp_packet_with_entities_is_ignored_not_expanded(self):
        laughs = (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "hahahahahahahahahaha">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="&b;"/>'
            b"</rdf:RDF></x:xmpmeta>"
        )
        assert metadata_of(jpeg(xmp=laughs)).credit == ""

    def test_broken_blocks_are_ignored(self):
        data = with_iptc(jpeg(xmp=b"<x:xmpmeta this is not xml"), {})
        assert metadata_of(data.replace(b"\x1c\x01Z", b"\x1c\xff\xff")) == read_metadata(
            Image.new("RGB", (1, 1))
        )


class TestPrefill:
    def test_empty_caption_credit_and_copyright_are_filled_from_the_file(self, editor_client):
        response = post_and_confirm(editor_client, with_iptc(jpeg(), AGENCY_FILE))
        assert response.status_code == 302, response.content.decode()[-3000:]
        photo = Photo.objects.get()
        assert photo.caption == "Ferries queue outside Split harbour on Monday."
        assert photo.credit == "Adriatic Press/Jonas Feld"
        assert photo.copyright == "© 2025 Adriatic Press"

    def test_what_the_editor_typed_wins(self, editor_client):
        response = post_and_confirm(
            editor_client, with_iptc(jpeg(), AGENCY_FILE), caption="Our caption", credit="NWS/Ana Ortiz"
        )
        assert response.status_code == 302
        photo = Photo.objects.get()
        assert (photo.caption, photo.credit, photo.copyright) == (
            "Our caption",
            "NWS/Ana Ortiz",
            "© 2025 Adriatic Press",
        )

    def test_no_credit_typed_and_none_embedded_is_refused(self, editor_client, settings):
        response = post_photo(editor_client, jpeg(exif=exif(description="A pier")))
        assert response.status_code == 200
        assert "Every photo needs a credit" in response.content.decode()
        assert not Photo.objects.exists()

    def test_the_credit_box_is_still_required_when_the_file_is_kept(self, editor_client):
        post_and_confirm(editor_client, with_iptc(jpeg(), AGENCY_FILE))
        photo = Photo.objects.get()
        url = reverse("admin:articles_photo_change", args=[photo.pk])
        response = editor_client.post(
            url,
            {
                "caption": "",
                "credit": "  ",
                "alt_text": photo.alt_text,
                "copyright": "",
                "focal_x": "",
                "focal_y": "",
            },
        )
        assert response.status_code == 200
        assert "Every photo needs a credit" in response.content.decode()

    def test_xmp_credit_through_the_ingest_function(self):
        data = jpeg(xmp=xmp_packet(caption="Harbour at dawn", credit="Pier Agency", creator="Lena Berg"))
        photo = photo_create_from_upload(upload=upload("dawn.jpg", data), alt_text="A harbour at dawn")
        assert (photo.caption, photo.credit) == ("Harbour at dawn", "Pier Agency/Lena Berg")

    def test_the_ingest_function_refuses_a_file_without_any_credit(self):
        with pytest.raises(ValidationError) as error:
            photo_create_from_upload(upload=upload("dawn.jpg", jpeg()), alt_text="A harbour at dawn")
        assert "Every photo needs a credit" in error.value.message_dict["credit"][0]
        assert not Photo.objects.exists()


class TestPrivacyAndOrientation:
    @pytest.fixture
    def phone_photo(self):
        """A phone picture: GPS position, camera EXIF, XMP, IPTC and a comment."""
        data = jpeg(
            photo_like(1400, 1000),
            exif=exif(gps=True, description="Taken at home", artist="Ana Ortiz"),
            xmp=xmp_packet(credit="NWS"),
            comment=b"Ana's phone, serial 12345",
        )
        return photo_create_from_upload(
            upload=upload("phone.jpg", with_iptc(data, AGENCY_FILE)), alt_text="A pier"
        )

    def test_the_original_keeps_its_metadata_for_the_archive(self, phone_photo):
        with Image.open(phone_photo.image.path) as original:
            assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)

    def test_no_rendition_carries_location_or_any_other_metadata(self, phone_photo):
        renditions = list(phone_photo.renditions.all())
        assert len(renditions) >= 12
        for rendition in renditions:
            data = rendition.file.read()
            rendition.file.close()
            with Image.open(io.BytesIO(data)) as image:
                assert not image.getexif(), rendition.spec
                assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo), rendition.spec
                assert not {"exif", "xmp", "photoshop", "comment"} & set(image.info), rendition.spec
            for marker in (
                b"Exif\x00\x00",
                b"ns.adobe.com/xap",
                b"Photoshop 3.0",
                b"serial 12345",
                b"Adriatic",
            ):
                assert marker not in data, (rendition.spec, marker)

    @pytest.mark.parametrize(
        ("orientation", "stored", "upright"), [(6, (300, 200), (200, 300)), (3, (300, 200), (300, 200))]
    )
    def test_exif_orientation_is_applied(self, orientation, stored, upright):
        # Stored with red on the left; orientation 6 turns it a quarter clockwise for display
        # (red on top), 3 turns it half round (red on the right).
        data = jpeg(two_tone(*stored), exif=exif(orientation=orientation), quality=95)
        photo = photo_create_from_upload(
            upload=upload("turned.jpg", data), alt_text="Two colours", credit="NWS"
        )
        assert (photo.width, photo.height) == upright
        rendition = photo.renditions.get(kind="full", format="jpeg")
        assert (rendition.width, rendition.height) == upright
        with Image.open(rendition.file.path) as image:
            w, h = image.size
            if orientation == 6:
                top, bottom = image.getpixel((w // 2, h // 4)), image.getpixel((w // 2, 3 * h // 4))
                assert top[0] > 150 > bottom[0] and bottom[2] > 150 > top[2]
            else:
                left, right = image.getpixel((w // 4, h // 2)), image.getpixel((3 * w // 4, h // 2))
                assert right[0] > 150 > left[0] and left[2] > 150 > right[2]
