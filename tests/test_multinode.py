"""More than one machine: the read-replica router, two gunicorn instances sharing
PostgreSQL and Redis, and media on S3-compatible object storage.

The process tests need PostgreSQL and Redis on their usual local ports (CI has
both); they skip, saying why, where either is missing. They run on a database
of their own, created and dropped here, so whichever database the rest of the
suite uses is never touched.
"""

import contextlib
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import connections
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from articles.derived.cache import public_page
from articles.images.renditions import photo_create_renditions
from articles.models import Photo
from newsroom.routers import PRIMARY, REPLICA, ReplicaRouter, public_reads, reading_publicly

from .factories import ArticleFactory, UserFactory
from .images import image_bytes

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get("NEWSROOM_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("NEWSROOM_TEST_REDIS", "redis://127.0.0.1:6379/0")


def reachable(url, default_port):
    parts = urllib.parse.urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or default_port), timeout=1):
            return True
    except OSError:
        return False


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The router, on its own.


def test_reads_go_to_the_replica_only_for_public_pages():
    router = ReplicaRouter()
    assert router.db_for_read(Photo) == PRIMARY
    with public_reads():
        assert router.db_for_read(Photo) == REPLICA
        assert router.db_for_write(Photo) == PRIMARY
    assert router.db_for_read(Photo) == PRIMARY
    assert router.allow_migrate(PRIMARY, "articles") and not router.allow_migrate(REPLICA, "articles")


# "__all__": with a replica configured, the page's own reads go to it.
@pytest.mark.django_db(databases="__all__")
def test_public_pages_read_publicly_for_readers_but_not_for_staff(settings):
    settings.PAGE_CACHE = False
    seen = []

    @public_page
    def view(request):
        seen.append(reading_publicly())
        return HttpResponse("ok")

    reader = RequestFactory().get("/")
    reader.user = AnonymousUser()
    editor = RequestFactory().get("/")
    editor.user = UserFactory(is_staff=True)
    view(reader)
    view(editor)
    assert seen == [True, False]
    assert not reading_publicly()


@pytest.mark.skipif(
    "replica" not in connections.settings,
    reason="set DATABASE_REPLICA_URL (e.g. to DATABASE_URL) to test the replica alias, a test mirror",
)
@pytest.mark.django_db(transaction=True, databases=[PRIMARY, REPLICA])
def test_with_a_replica_readers_read_it_and_editors_read_the_primary(client, editor):
    story = ArticleFactory(published=True)
    with CaptureQueriesContext(connections[REPLICA]) as replica, CaptureQueriesContext(connections[PRIMARY]):
        assert client.get(story.get_absolute_url()).status_code == 200
    assert len(replica) > 0
    client.force_login(editor)
    with CaptureQueriesContext(connections[REPLICA]) as replica:
        assert client.get(story.get_absolute_url()).status_code == 200
    assert len(replica) == 0


# Two gunicorn instances sharing PostgreSQL and Redis.

needs_services = pytest.mark.skipif(
    not (reachable(POSTGRES, 5432) and reachable(REDIS, 6379)),
    reason=f"needs PostgreSQL at {POSTGRES} and Redis at {REDIS}",
)

SETUP = """
from articles.models import Article, Section
from django.contrib.auth import get_user_model
from django.utils import timezone
get_user_model().objects.create_superuser("desk", "desk@newsroom.test", "multinode-password-1")
world = Section.objects.create(name="World", slug="world")
Article.objects.create(headline="Harbour reopens", slug="harbour-reopens", body="<p>Ships sail.</p>",
    section=world, status="published", published_at=timezone.now())
Article.objects.create(headline="Multinode scoop", slug="multinode-scoop", body="<p>News.</p>", section=world)
"""


def env_for(database_url, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "multinode-test-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_HTTPS": "0",
        "DJANGO_STATIC_MANIFEST": "0",
        "DATABASE_URL": database_url,
        "DATABASE_REPLICA_URL": "",
        "REDIS_URL": REDIS,
        "CACHE_URL": "",
        # A prefix of its own: this test shares Redis without flushing anyone's keys.
        "NEWSROOM_CACHE_KEY_PREFIX": f"multinode-{uuid.uuid4().hex[:8]}",
        "GUNICORN_ACCESS_LOG": "",
        "WEB_CONCURRENCY": "1",
        **extra,
    }


@contextlib.contextmanager
def gunicorn(env):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                if urllib.request.urlopen(f"{base}/healthz", timeout=2).status == 200:
                    break
            if process.poll() is not None:
                pytest.fail(f"gunicorn exited: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def cluster():
    """Instances A and B on one fresh database and one Redis; B reads through the replica alias."""
    import psycopg2

    name = f"newsroom_multinode_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(f"{POSTGRES}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    database_url = f"{POSTGRES}/{name}"
    env = env_for(database_url)
    try:
        for command in (["migrate", "--noinput", "-v", "0"], ["shell", "-c", SETUP]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
        replica_env = {**env, "DATABASE_REPLICA_URL": database_url}
        with gunicorn(env) as a, gunicorn(replica_env) as b:
            yield {"a": a, "b": b, "database_url": database_url}
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def fetch(url):
    # Behind a load balancer every instance sees the site's one host name.
    request = urllib.request.Request(url, headers={"Host": "localhost"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode()


def edit_quietly(database_url, sql):
    """A write that sends no signal: only the cache's own copy can hide it."""
    import psycopg2

    with psycopg2.connect(database_url) as db, db.cursor() as cursor:
        cursor.execute(sql)


@needs_services
def test_both_instances_are_healthy(cluster):
    assert '"ok"' in fetch(f"{cluster['a']}/healthz")
    assert '"ok"' in fetch(f"{cluster['b']}/healthz")


@needs_services
def test_a_page_stored_by_one_instance_is_served_by_the_other(cluster):
    assert "Harbour reopens" in fetch(f"{cluster['a']}/news/harbour-reopens/")
    edit_quietly(
        cluster["database_url"],
        "UPDATE articles_article SET headline = 'Quiet edit' WHERE slug = 'harbour-reopens'",
    )
    # B renders nothing: it serves the copy A put in Redis.
    assert "Harbour reopens" in fetch(f"{cluster['b']}/news/harbour-reopens/")


@needs_services
def test_publishing_through_one_instance_is_seen_through_the_other_at_once(cluster):
    b_home = f"{cluster['b']}/"
    assert "Multinode scoop" not in fetch(b_home)
    assert "Multinode scoop" not in fetch(b_home)  # and now stored in the shared cache

    # An editor publishes from instance A's desk.
    jar = http.cookiejar.CookieJar()
    desk = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_url = f"{cluster['a']}/admin/login/"
    desk.open(login_url, timeout=10).read()
    csrf = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    form = {
        "username": "desk",
        "password": "multinode-password-1",
        "csrfmiddlewaretoken": csrf,
        "next": "/admin/",
    }
    desk.open(urllib.request.Request(login_url, urllib.parse.urlencode(form).encode()), timeout=10).read()
    changelist = f"{cluster['a']}/admin/articles/article/"
    page = desk.open(changelist, timeout=10).read().decode()
    story_id = re.search(r"/admin/articles/article/(\d+)/change/[^>]*>Multinode scoop", page).group(1)
    csrf = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    action = {"action": "publish_selected", "_selected_action": story_id, "csrfmiddlewaretoken": csrf}
    body = desk.open(urllib.request.Request(changelist, urllib.parse.urlencode(action).encode()), timeout=10)
    assert "Published 1 story" in body.read().decode()

    assert "Multinode scoop" in fetch(b_home)


# Media on S3-compatible object storage.


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 in server mode, on a free local port."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(endpoint, timeout=1)
                break
            time.sleep(0.1)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def s3_storage(s3_server, settings, monkeypatch):
    import boto3

    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    bucket = f"newsroom-media-{uuid.uuid4().hex[:8]}"
    boto3.client("s3", endpoint_url=s3_server).create_bucket(Bucket=bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": bucket, "endpoint_url": s3_server, "querystring_auth": False},
        },
        # Photos as production keeps them: a private prefix, reached only through signed URLs.
        "photos": {
            "BACKEND": "articles.models.files.PhotoS3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": s3_server,
                "location": "private",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 3600,
            },
        },
    }
    return f"{s3_server}/{bucket}"


@pytest.mark.django_db
def test_a_photo_is_stored_in_and_read_from_object_storage(s3_storage, client):
    import boto3

    data = image_bytes()
    photo = Photo.objects.create(
        image=ContentFile(data, name="harbour.jpg"), credit="Agency/Jane Doe", alt_text="Ships in a harbour"
    )
    # The original is the desk's: its address is the app's, never the bucket's.
    assert photo.image.url.startswith("/admin/articles/photo/file/")
    bucket = s3_storage.rsplit("/", 1)[1]
    s3 = boto3.client("s3", endpoint_url=s3_storage.rsplit("/", 1)[0])
    stored = s3.get_object(Bucket=bucket, Key=f"private/{photo.image.name}")
    assert stored["Body"].read() == data
    with Photo.objects.get(pk=photo.pk).image.open("rb") as file:
        assert file.read() == data
    assert (photo.width, photo.height) != (0, 0)

    # A reader asks the app for a rendition of a published story's photo and is sent to a
    # short-lived signed URL on the bucket; before publication the app answers 404.
    photo_create_renditions(photo=photo)
    photo.refresh_from_db()
    url = photo.picture.src
    assert url.startswith("/photos/")
    assert client.get(url).status_code == 404
    ArticleFactory(published=True, lead_photo=photo)
    response = client.get(url)
    assert response.status_code == 302
    signed = response["Location"]
    assert signed.startswith(s3_storage) and ("Signature=" in signed or "X-Amz-Signature=" in signed)
    with urllib.request.urlopen(signed, timeout=5) as fetched:
        assert fetched.read()[:2] == b"\xff\xd8"  # the JPEG rendition


def test_naming_a_bucket_switches_uploads_to_object_storage():
    settings_of = (
        "from django.conf import settings; "
        "print(settings.STORAGES['default']['BACKEND']); print(settings.MEDIA_URL)"
    )
    output = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {settings_of}"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "AWS_STORAGE_BUCKET_NAME": "newsroom-media",
            "AWS_S3_CUSTOM_DOMAIN": "media.news.example.org",
        },
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert output == ["storages.backends.s3.S3Storage", "https://media.news.example.org/"]
