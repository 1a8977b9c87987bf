"""/healthz: what load balancers ask before sending readers to a web process."""

import socket

import pytest
from django.db.utils import ConnectionHandler

import newsroom.health

pytestmark = pytest.mark.django_db


def test_ok_while_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_never_cached(client):
    cache_control = client.get("/healthz")["Cache-Control"]
    assert "no-store" in cache_control and "max-age=0" in cache_control


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


def test_503_when_the_database_does_not_answer(client, monkeypatch):
    # A real connection error: PostgreSQL's driver dialling a port nobody listens on.
    unreachable = ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "HOST": "127.0.0.1",
                "PORT": closed_port(),
                "NAME": "newsroom",
                "USER": "newsroom",
                "OPTIONS": {"connect_timeout": 2},
            }
        }
    )
    monkeypatch.setattr(newsroom.health, "connections", unreachable)
    try:
        response = client.get("/healthz")
    finally:
        unreachable.close_all()
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert "no-store" in response["Cache-Control"]


def test_probes_over_plain_http_are_answered_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/").status_code == 301  # readers are sent to HTTPS
    assert client.get("/healthz").status_code == 200
