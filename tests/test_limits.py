"""Limits and defaults: upload size enforced while receiving, the production secret key,
and staff never served a publicly cacheable copy."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Photo
from newsroom.uploads import SizeLimitedUploadHandler, UploadTooLarge

from .desk import desk_user
from .factories import ArticleFactory
from .test_security import PRODUCTION, manage

MB = 1024 * 1024


class CountingStream(io.RawIOBase):
    """A request body of `size` bytes that are made only when read, counting them."""

    def __init__(self, size):
        self.size, self.read_bytes = size, 0

    def readable(self):
        return True

    def read(self, n=-1):
        n = self.size - self.read_bytes if n is None or n < 0 else min(n, self.size - self.read_bytes)
        self.read_bytes += n
        return b"x" * n

    def readline(self, limit=-1):
        return self.read(min(limit, 64 * 1024) if limit and limit > 0 else 64 * 1024)


@pytest.mark.django_db
def test_a_120_mb_upload_is_refused_before_it_is_received(client):
    client.force_login(desk_user("Photo editor"))
    body = CountingStream(120 * MB)
    response = client.generic(
        "POST",
        reverse("admin:articles_photo_add"),
        content_type="multipart/form-data; boundary=BoUnDaRy",
        **{"wsgi.input": body, "CONTENT_LENGTH": str(120 * MB)},
    )
    assert response.status_code == 413
    content = response.content.decode()
    assert "This upload is 120.0\xa0MB" in content and "the largest the site accepts is 26.0\xa0MB" in content
    assert body.read_bytes < MB  # refused early, not received in full


@pytest.mark.django_db
def test_the_upload_handler_alone_stops_a_file_past_the_cap_before_the_view(client, settings):
    # Without the Content-Length check (a body longer than announced, a server that
    # streams): the handler stops at the first chunk past the cap, and no view runs.
    settings.UPLOAD_MAX_BYTES = 3 * MB
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "newsroom.uploads.UploadLimitMiddleware"]
    client.force_login(desk_user("Photo editor"))
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (4 * MB), content_type="image/jpeg")
    response = client.post(
        reverse("admin:articles_photo_add"), {"image": big, "credit": "X", "alt_text": "Y"}
    )
    assert response.status_code == 400
    assert not Photo.objects.exists()
    handler = SizeLimitedUploadHandler()
    handler.receive_data_chunk(b"0" * (2 * MB), 0)
    with pytest.raises(UploadTooLarge):
        handler.receive_data_chunk(b"0" * (2 * MB), 2 * MB)


def test_production_refuses_the_placeholder_secret_key():
    result = manage("check", env={**PRODUCTION, "DJANGO_SECRET_KEY": "change-me-to-a-long-random-string"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is the placeholder from .env.example" in result.stderr


def test_the_placeholder_is_what_env_example_ships():
    from .test_security import ROOT

    assert "DJANGO_SECRET_KEY=change-me-to-a-long-random-string" in (ROOT / ".env.example").read_text()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["Editor", "Reporter"])
def test_signed_in_staff_get_private_public_pages(client, role):
    story = ArticleFactory(published=True)
    client.force_login(desk_user(role))
    for url in ("/", story.get_absolute_url(), "/feeds/rss/"):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "public" not in cache_control, (url, cache_control)
