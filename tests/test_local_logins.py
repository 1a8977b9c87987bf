"""`make run` prints one working desk login per role (manage.py create_local_logins)."""

import io
import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from .desk import ensure_roles

pytestmark = pytest.mark.django_db


def run(**options):
    out = io.StringIO()
    call_command("create_local_logins", stdout=out, **options)
    return out.getvalue()


def test_each_printed_login_works_with_its_role(settings):
    settings.DEBUG = True
    ensure_roles()
    output = run(site="http://127.0.0.1:8011")
    assert "http://127.0.0.1:8011/admin/" in output
    rows = {
        m.group(1): (m.group(2), m.group(3))
        for m in re.finditer(r"^\s+(\w+)\s+(\S+)\s+(Superuser|Reporter|Editor|Photo editor)$", output, re.M)
    }
    assert set(rows) == {"admin", "reporter", "editor", "photo"}
    for username, (password, role) in rows.items():
        user = authenticate(RequestFactory().post("/admin/login/"), username=username, password=password)
        assert user is not None and user.is_staff
        assert user.is_superuser == (role == "Superuser")
        if role != "Superuser":
            assert [group.name for group in user.groups.all()] == [role]


def test_passwords_change_on_every_run(settings):
    settings.DEBUG = True
    ensure_roles()
    assert run() != run()


def test_refused_outside_local_runs(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="local runs"):
        run()


def test_a_working_partner_key_is_printed_and_the_last_runs_is_revoked(settings, client):
    settings.DEBUG = True
    ensure_roles()
    first = re.search(r"Bearer (\S+)'", run()).group(1)
    second = re.search(r"Bearer (\S+)'", run()).group(1)
    assert first != second
    assert client.get("/api/stories", HTTP_AUTHORIZATION=f"Bearer {second}").status_code == 200
    refused = client.get("/api/stories", HTTP_AUTHORIZATION=f"Bearer {first}")
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "revoked_key"
