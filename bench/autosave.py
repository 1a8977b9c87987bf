"""Benchmark the desk's autosave: the round trip of one autosave POST, as the browser makes it.

    python -m bench.autosave --posts 50
    python -m bench.autosave --posts 50 --database-url postgres://postgres@127.0.0.1:5432/h_autosave

Migrates a throwaway database (a temporary SQLite file by default; a PostgreSQL URL is used as
it is, so give it one of its own), makes an editor and a story, serves the site with gunicorn
(gunicorn.conf.py's settings, one worker, DEBUG off), signs in over HTTP and posts the story
form as autosave JSON — a body of about 1,000 words, each post a little longer — on one
kept-alive connection, as fetch() does. Prints the median, 90th percentile and extremes.
"""

import argparse
import http.client
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "benchmark-only-password"
WORDS = [
    "the",
    "harbour",
    "board",
    "met",
    "on",
    "tuesday",
    "and",
    "agreed",
    "new",
    "fees",
    "for",
    "ferries",
    "and",
    "cargo",
    "ships",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database_url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "benchmark-only-not-a-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_HTTPS": "0",
        "DJANGO_STATIC_MANIFEST": "0",
        "DATABASE_URL": database_url,
    }


SETUP = """
from django.contrib.auth.models import Group
from articles.models import Article
from django.contrib.auth import get_user_model
User = get_user_model()
user, _ = User.objects.get_or_create(username="bench-editor", defaults={{"is_staff": True}})
user.is_staff = True
user.set_password({password!r})
user.save()
user.groups.add(Group.objects.get(name="Editor"))
story, _ = Article.objects.get_or_create(slug="bench-autosave", defaults={{"headline": "Harbour fees rise"}})
print(story.pk, story.version)
"""


class Client:
    """One kept-alive HTTP connection with a cookie jar, as a browser tab holds."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, content


def sign_in(client):
    status, page = client.request("GET", "/admin/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    form = f"csrfmiddlewaretoken={token}&username=bench-editor&password={PASSWORD}&next=/admin/"
    status, _ = client.request(
        "POST",
        "/admin/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": "http://127.0.0.1/admin/login/",
        },
    )
    if status != 302 or "sessionid" not in client.cookies:
        sys.exit(f"bench.autosave: could not sign in (HTTP {status})")


def form_data(i):
    body = " ".join(WORDS[(n + i) % len(WORDS)] for n in range(1000 + i))
    return {
        "headline": "Harbour fees rise",
        "slug": "bench-autosave",
        "standfirst": "Ferry operators say they will pass the cost on.",
        "section": "",
        "lead_photo": "",
        "dateline_place": "Riga",
        "dateline_date": "",
        "agency": "",
        "body": f"<p>{body}.</p>",
        "topics": "harbours, transport",
        "published_at_0": "",
        "published_at_1": "",
        "expires_at_0": "",
        "expires_at_1": "",
        **{
            f"{inline}-{n}_FORMS": "0"
            for inline in ("quotes", "corrections", "notes")
            for n in ("TOTAL", "INITIAL")
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=50)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        database_url = args.database_url or f"sqlite:///{scratch}/autosave-bench.sqlite3"
        env = environment(database_url)
        python = sys.executable
        subprocess.run([python, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
        setup = SETUP.format(password=PASSWORD)
        made = subprocess.run(
            [python, "manage.py", "shell", "-c", setup],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        story, version = (int(n) for n in made.stdout.split()[-2:])
        port = free_port()
        server = subprocess.Popen(
            [
                python,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "--workers",
                "1",
                "--bind",
                f"127.0.0.1:{port}",
                "newsroom.wsgi",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        sys.exit("bench.autosave: gunicorn did not start")
                    time.sleep(0.2)
            client = Client(port)
            sign_in(client)
            times, sizes = [], []
            for i in range(args.posts + 3):
                payload = json.dumps(
                    {
                        "action": "save",
                        "story": story,
                        "data": form_data(i),
                        "expected_version": version,
                        "base_revision": 0,
                    }
                )
                headers = {
                    "Content-Type": "application/json",
                    "X-CSRFToken": client.cookies["csrftoken"],
                    "Referer": "http://127.0.0.1/admin/",
                }
                started = time.perf_counter()
                status, content = client.request(
                    "POST", "/admin/articles/article/autosave/", payload, headers
                )
                elapsed = time.perf_counter() - started
                if status != 200 or not json.loads(content).get("saved"):
                    sys.exit(f"bench.autosave: autosave answered {status}: {content[:200]!r}")
                if i >= 3:  # the first few warm the worker up
                    times.append(elapsed * 1000)
                    sizes.append(len(payload))
        finally:
            server.terminate()
            server.wait(timeout=30)

    engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    times.sort()
    print(
        f"Desk autosave, {len(times)} POSTs, {engine}, gunicorn 1 worker, Python {platform.python_version()}"
    )
    print(f"payload {statistics.median(sizes) / 1024:.1f} KB (median)")
    p90 = times[int(len(times) * 0.9) - 1]
    print(
        f"round trip: median {statistics.median(times):.1f} ms, p90 {p90:.1f} ms, "
        f"min {times[0]:.1f} ms, max {times[-1]:.1f} ms"
    )
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
