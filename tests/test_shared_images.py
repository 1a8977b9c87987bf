"""What other sites get of a photo (og:image, JSON-LD, feeds, API, ninjs) never carries its location."""

import io
import json
import re

import feedparser
import pytest
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


def located(client, url):
    """True if the file a reader downloads from `url` carries a GPS position."""
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200, f"{url} answers {response.status_code}"
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
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
        assert not located(client, url), f"{where} image carries a GPS position"


def test_originals_live_at_addresses_no_page_gives_away(client, story_with_located_photo):
    """The original keeps its location for the photo desk, so its address must be neither
    guessable from the file's name nor printed anywhere a reader looks."""
    photo = story_with_located_photo.lead_photo
    again = photo_create_from_upload(
        upload=upload("pier.jpg", jpeg(photo_like(800, 600))), alt_text="A pier", credit="NWS/Ana Ortiz"
    )
    first, second = photo.image.name, again.image.name
    assert first.startswith("photos/originals/") and first.endswith("/pier.jpg")
    folder = first.rsplit("/", 2)[1]
    assert len(folder) >= 16  # 12 random bytes, URL-safe
    assert second != first and second.rsplit("/", 2)[1] != folder
    public = [
        story_with_located_photo.get_absolute_url(),
        "/",
        "/feeds/rss/",
        "/feeds/atom/",
        f"/api/stories/{story_with_located_photo.pk}",
        f"/api/stories/{story_with_located_photo.pk}/ninjs",
    ]
    for url in public:
        assert folder not in client.get(url).content.decode(), url
