"""Production settings, headers, login throttling, sessions and the audit trail."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import AuditEvent

from .desk import desk_user
from .factories import ArticleFactory, PhotoFactory, UserFactory

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x7!Kq2#pLm9@vR4$tW8^zB1&nC6*eF3(hJ5)uY0-aS2+dG4=oI7",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
    "DJANGO_HTTPS": "1",
    "DJANGO_STATIC_MANIFEST": "1",
}


def manage(*args, env):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "NEWSROOM_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "message"), [("DJANGO_SECRET_KEY", "SECRET_KEY"), ("DJANGO_ALLOWED_HOSTS", "ALLOWED_HOSTS")]
)
def test_production_refuses_to_start_without(missing, message):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"{message} must be set when DJANGO_DEBUG is off" in result.stderr


def test_any_command_without_production_settings_says_what_is_missing():
    # Django's command runner swallowed the guard and failed with "Models aren't loaded yet".
    result = manage("makemigrations", "--check", "--dry-run", env={})
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DJANGO_DEBUG is off" in result.stderr
    assert "DJANGO_DEBUG=1" in result.stderr
    assert "Models aren't loaded" not in result.stderr


pytestmark_db = pytest.mark.django_db


@pytestmark_db
def test_public_pages_forbid_inline_script(client):
    policy = client.get("/")["Content-Security-Policy"]
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src"))
    assert script_src == "script-src 'self'"
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy


@pytestmark_db
def test_the_desk_gets_a_policy_its_editor_can_work_under(client):
    client.force_login(UserFactory(username="su", is_staff=True, is_superuser=True))
    policy = client.get(reverse("admin:articles_article_add"))["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "default-src 'self'" in policy


@pytestmark_db
def test_security_headers(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_weak_passwords_are_refused():
    for weak in ("short1", "password1234", "123456789012"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("harbour-lamp-quietly-79")


@pytestmark_db
def test_login_is_throttled_after_repeated_failures(client, settings):
    UserFactory(username="victim", is_staff=True)
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "victim", "password": "wrong-guess"})
        assert response.status_code == 200  # the form again, with its error
    locked = client.post(url, {"username": "victim", "password": "wrong-guess"})
    assert locked.status_code == 429
    assert b"Too many failed logins" in locked.content
    # Even the right password is refused while the lock holds.
    right = client.post(url, {"username": "victim", "password": "correct horse battery staple"})
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    assert (
        AuditEvent.objects.filter(action="login_failed", username="victim").count()
        >= settings.AXES_FAILURE_LIMIT
    )


@pytestmark_db
def test_the_lock_lifts_after_the_cool_off(client, settings):
    UserFactory(username="victim", is_staff=True)
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "victim", "password": "wrong-guess"})
    with time_machine.travel(settings.AXES_COOLOFF_TIME + datetime.timedelta(minutes=1)):
        response = client.post(url, {"username": "victim", "password": "correct horse battery staple"})
        assert response.status_code == 302


@pytestmark_db
def test_staff_sessions_expire_when_idle(client, settings):
    UserFactory(username="desk", is_staff=True, is_superuser=True)
    assert (
        client.post(
            reverse("admin:login"), {"username": "desk", "password": "correct horse battery staple"}
        ).status_code
        == 302
    )
    assert client.get(reverse("admin:index")).status_code == 200
    with time_machine.travel(datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)):
        response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytestmark_db
def test_the_audit_trail_records_logins_transitions_and_deletions(client):
    editor = desk_user("Editor", username="eva")
    client.post(reverse("admin:login"), {"username": "eva", "password": "correct horse battery staple"})
    story = ArticleFactory(headline="Audit me")
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [story.pk]},
    )
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish_selected", "_selected_action": [story.pk]},
    )
    client.post(reverse("admin:articles_article_delete", args=[story.pk]), {"post": "yes"})
    events = list(AuditEvent.objects.order_by("id").values_list("action", "username"))
    assert events == [("login", "eva"), ("publish", "eva"), ("unpublish", "eva"), ("delete", "eva")]
    assert AuditEvent.objects.get(action="publish").target == f"story “Audit me” (#{story.pk})"
    assert AuditEvent.objects.get(action="login").ip_address == "127.0.0.1"
    assert editor.pk == AuditEvent.objects.get(action="login").actor_id


@pytestmark_db
def test_photo_deletions_are_audited(client):
    client.force_login(desk_user("Photo editor", username="pia"))
    photo = PhotoFactory()
    client.post(reverse("admin:articles_photo_delete", args=[photo.pk]), {"post": "yes"})
    assert AuditEvent.objects.filter(
        action="delete", username="pia", target__contains=f"#{photo.pk}"
    ).exists()


@pytestmark_db
def test_only_administrators_read_the_audit_trail(client):
    client.force_login(desk_user("Editor"))
    assert client.get(reverse("admin:articles_auditevent_changelist")).status_code == 403
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:articles_auditevent_changelist"))
    assert response.status_code == 200
    assert client.get(reverse("admin:articles_auditevent_add")).status_code == 403


def test_an_edition_setting_that_names_no_edition_refuses_to_start_and_en_us_is_english():
    result = manage("check", env={**PRODUCTION, "DJANGO_LANGUAGE_CODE": "fr"})
    assert result.returncode != 0
    assert "DJANGO_LANGUAGE_CODE=fr is not one of NEWSROOM_LANGUAGES" in result.stderr
    # The value older settings and .env files carry is the English edition.
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.LANGUAGE_CODE)",
        env={**PRODUCTION, "DJANGO_LANGUAGE_CODE": "en-us"},
    )
    assert result.stdout.strip().splitlines()[-1] == "en", result.stderr
