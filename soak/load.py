"""The soak's traffic: readers fetching public pages, editors saving stories at the desk.

Plain http.client over loopback, one connection per request (gunicorn's sync workers close
it anyway). Every response is recorded with when it finished and its status, or the kind
of connection error, so the run can count codes per second and per phase.
"""

import http.client
import random
import re
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode

MARKER = re.compile(r"\[(soak-e\d+-\d+)\]")


class Browser:
    """Cookies kept, redirects not followed: for an editor, the 302 after a save is the acknowledgement."""

    def __init__(self, port, timeout=15):
        self.port, self.timeout, self.cookies = port, timeout, {}

    def request(self, method, path, fields=None):
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, content.decode("utf-8", "replace")
        finally:
            conn.close()


class FormFields(HTMLParser):
    """What a browser submits from the form `form_id`: inputs, checked boxes, selections, textareas."""

    SKIPPED_TYPES = {"submit", "button", "image", "reset", "file"}

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "__prefix__" in (attrs.get("name") or ""):
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type", "text") not in self.SKIPPED_TYPES:
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "chosen": [], "first": None}
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._select["chosen"].append(value)
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline that follows <textarea>.
            name, text = self._textarea
            self.fields.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = self._select["chosen"]
            if not chosen and not self._select["multiple"] and self._select["first"] is not None:
                chosen = [self._select["first"]]
            self.fields.extend((self._select["name"], value) for value in chosen)
            self._select = None


def form_fields(html, form_id):
    parser = FormFields(form_id)
    parser.feed(html)
    return parser.fields


@dataclass
class Log:
    """Responses as (finished at, seconds since start, who, status or error name)."""

    start: float = field(default_factory=time.monotonic)
    responses: list = field(default_factory=list)
    acknowledged: list = field(default_factory=list)  # (story id, marker, seq)
    refused: int = 0

    def now(self):
        return time.monotonic() - self.start

    def record(self, who, outcome):
        self.responses.append((self.now(), who, outcome))


def call(log, who, browser, method, path, fields=None):
    try:
        status, body = browser.request(method, path, fields)
    except (OSError, http.client.HTTPException) as error:
        log.record(who, type(error).__name__)
        return None, ""
    log.record(who, status)
    return status, body


def reader(log, stop, port, seed, rng):
    stories = [slug for _, slug in seed["stories"]]
    pages = [  # (weight, kind, path)
        (6, "story", lambda: f"/news/{rng.choice(stories)}/"),
        (2, "home", lambda: "/"),
        (1, "list", lambda: f"/?page={rng.randint(2, 10)}"),
        (1, "section", lambda: f"/sections/{rng.choice(seed['sections'])}/"),
        (1, "person", lambda: f"/people/{rng.choice(seed['people'])}/"),
        (1, "topic", lambda: f"/topics/{rng.choice(seed['topics'])}/"),
        (1, "search", lambda: f"/search/?q=talks+{rng.randint(0, 300)}"),
        (1, "feed", lambda: "/feeds/rss/"),
    ]
    weights = [weight for weight, _, _ in pages]
    browser = Browser(port)
    while not stop.is_set():
        ((_, kind, page),) = rng.choices(pages, weights=weights)
        call(log, f"reader/{kind}", browser, "GET", page())


def editor(log, stop, port, number, credentials, story_ids, rng):
    """Log in like a person, then open a story's change form and save it with a new marker, again and again.

    Each save sets the standfirst's marker and adds an internal note carrying it: the
    note proves every acknowledged save survived; the standfirst, that none was undone.
    """
    browser, who, seq = Browser(port), f"editor-{number}", 0
    username, password = credentials
    while not stop.is_set() and not _log_in(log, who, browser, username, password):
        stop.wait(1)
    while not stop.is_set():
        story_id = rng.choice(story_ids)
        path = f"/admin/articles/article/{story_id}/change/"
        status, html = call(log, who, browser, "GET", path)
        if status != 200:
            stop.wait(0.5)
            continue
        fields = form_fields(html, "article_form")
        seq += 1
        marker = f"soak-e{number}-{seq}"
        values = dict(fields)
        notes = int(values.get("notes-TOTAL_FORMS", "0"))
        fields = [(k, v) for k, v in fields if k not in ("standfirst", "notes-TOTAL_FORMS")]
        fields += [
            ("standfirst", f"Negotiators meet again. [{marker}]"),
            ("notes-TOTAL_FORMS", str(notes + 1)),
            (f"notes-{notes}-text", marker),
            (f"notes-{notes}-article", str(story_id)),
            (f"notes-{notes}-id", ""),
        ]
        status, _ = call(log, who, browser, "POST", path, fields)
        if status == 302:
            log.acknowledged.append((story_id, marker, seq))
        elif status == 200:
            log.refused += 1  # the form came back with an error: not acknowledged, nothing promised
        stop.wait(rng.uniform(0.2, 0.6))


def _log_in(log, who, browser, username, password):
    status, html = call(log, who, browser, "GET", "/admin/login/?next=/admin/")
    if status != 200:
        return False
    fields = dict(form_fields(html, "login-form"))
    fields.update(username=username, password=password)
    status, _ = call(log, who, browser, "POST", "/admin/login/?next=/admin/", fields)
    return status == 302


def start(*, port, seed, readers, editors, rng_seed=8):
    """Start the traffic; returns (log, stop event, threads). Each editor has stories of its own."""
    log, stop, threads = Log(), threading.Event(), []
    ids = [story_id for story_id, _ in seed["stories"]]
    for i in range(readers):
        threads.append(
            threading.Thread(target=reader, args=(log, stop, port, seed, random.Random(rng_seed + i)))
        )
    for i, credentials in enumerate(seed["editors"][:editors]):
        own = ids[i::editors][:40]
        rng = random.Random(rng_seed * 100 + i)
        threads.append(threading.Thread(target=editor, args=(log, stop, port, i, credentials, own, rng)))
    for thread in threads:
        thread.daemon = True
        thread.start()
    return log, stop, threads
