"""What other sites get of a photo (og:image, JSON-LD, feeds, API, ninjs) never carries its location."""

import io
import json
import re

import feedparser
import pytest
from django.core.files.storage import default_storage
from PIL import ExifTags, Image

from articles.images.ingest import photo_create_from_upload

from .factories import ArticleFactory
from .images import exif, jpeg, photo_like, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def story_with_located_photo():
    data = jpeg(photo_like(2400, 1600), exif=exif(gps=True, artist="Ana Ortiz"))
    photo = photo_create_from_upload(
        upload=upload("pier.jpg", data), alt_text="A pier at dawn", credit="NWS/Ana Ortiz"
    )
    original = Image.open(photo.image.open("rb"))
    assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo), "the test photo must carry a location"
    return ArticleFactory(published=True, lead_photo=photo)


def located(url):
    """True if the file behind a media URL carries a GPS position."""
    path = url.split("/media/", 1)[1]
    with default_storage.open(path, "rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
    return bool(image.getexif().get_ifd(ExifTags.IFD.GPSInfo))


def test_every_shared_image_is_a_rendition_without_location(client, story_with_located_photo):
    story = story_with_located_photo
    original_url = story.lead_photo.image.url
    page = client.get(story.get_absolute_url()).content.decode()
    structured = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    image = structured["image"][0] if isinstance(structured["image"], list) else structured["image"]
    urls = {
        "og:image": re.search(r'<meta property="og:image" content="([^"]+)"', page).group(1),
        "json-ld": image["url"],
        "rss enclosure": feedparser.parse(client.get("/feeds/rss/").content).entries[0].enclosures[0].href,
        "api": client.get(f"/api/stories/{story.pk}").json()["lead_photo"]["url"],
        "ninjs": client.get(f"/api/stories/{story.pk}/ninjs").json()["associations"][0]["renditions"][0][
            "href"
        ],
    }
    for where, url in urls.items():
        assert original_url not in url, f"{where} hands out the original upload"
        assert not located(url), f"{where} image carries a GPS position"
