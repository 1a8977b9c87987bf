"""Live blogs for readers: the stream on the story page, its update endpoint, older entries.

The story page (stored per version and stamp, articles/public/story_page.py) carries the
newest entries, the pinned ones and the key events; every entry posted, edited or deleted
draws a new stamp (articles/derived/renders.py), so the next reader gets it at once.

Readers' pages poll `updates` rather than holding a Server-Sent Events stream open: a poll is
an ordinary short GET that the page cache, a CDN and any number of gunicorn sync workers
serve, where an SSE stream would hold one worker (or one async task and one database
listener) per reader for as long as the page is open. Each poll carries If-None-Match; the
answer's ETag is the story's version, its render stamp and whether coverage has ended, read
in one indexed query, so "nothing new" is a 304 with no body and no rendering. Without
JavaScript the page shows the newest entries and links to older ones, paged by cursor.
"""

import hashlib
import json
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import quote_etag
from django.views.decorators.http import require_safe

from ..derived import renders
from ..derived.cache import MAX_AGE_ATTRIBUTE, public_max_age, public_page
from ..models import Article
from ..models.keyset import InvalidCursor, encode_cursor, keyset_page
from ..models.live import NEWEST_FIRST

PAGE_SIZE = 20
PINNED_SHOWN = 3
KEY_EVENTS_SHOWN = 10
UPDATES_KEY_PREFIX = "articles:live-updates:"
# An answer is keyed by the state it shows, so it never goes stale; this only frees the memory.
UPDATES_KEPT_SECONDS = 600


@dataclass
class LiveStream:
    """What a live blog's page shows of its entries."""

    entries: list
    older_url: str = ""
    pinned: list = field(default_factory=list)
    key_events: list = field(default_factory=list)


def older_url(article, cursor):
    return f"{reverse('articles:live-entries', kwargs={'slug': article.slug})}?before={cursor}"


def live_stream(article, *, before=None):
    """The newest page of entries (or the page after `before`), plus pinned entries and key
    events on the first page: two queries, whatever the blog holds. InvalidCursor for a
    cursor this site did not hand out."""
    entries = article.live_entries.for_stream()
    page, cursor = keyset_page(entries, NEWEST_FIRST, cursor=before, limit=PAGE_SIZE)
    shown = {entry.pk for entry in page} if before is None else set()
    for entry in page:
        entry.article = article  # permalinks without a query each
        entry.permalink = permalink(entry, on_first_page=before is None)
    stream = LiveStream(entries=page, older_url=older_url(article, cursor) if cursor else "")
    if before is None:
        flagged = list(
            entries.filter(Q(is_pinned=True) | Q(is_key_event=True)).order_by(
                "-is_pinned", "-posted_at", "-id"
            )[: PINNED_SHOWN + KEY_EVENTS_SHOWN]
        )
        for entry in flagged:
            entry.article = article
            entry.permalink = permalink(entry, on_first_page=entry.pk in shown)
        stream.pinned = [entry for entry in flagged if entry.is_pinned][:PINNED_SHOWN]
        stream.key_events = [entry for entry in flagged if entry.is_key_event][:KEY_EVENTS_SHOWN]
    return stream


def with_live_stream(article):
    """The story, with its stream attached when it is a live blog (what its page shows)."""
    if article is not None and article.is_live:
        article.live_stream = live_stream(article)
    return article


def permalink(entry, *, on_first_page):
    """An entry's address: `#entry-<id>` on the story page while it is among the newest,
    else on the page of older entries that starts with it."""
    if on_first_page:
        return entry.get_absolute_url()
    # The cursor of a row just after this one in the stream's order, so its page opens with it.
    just_after = SimpleNamespace(posted_at=entry.posted_at, id=entry.pk + 1)
    return f"{older_url(entry.article, encode_cursor(NEWEST_FIRST, just_after))}#{entry.anchor}"


def cap_max_age(request, article):
    """A running live blog's page changes by the minute: shared caches keep it briefly."""
    if article.is_live and not article.live_ended:
        seconds = settings.LIVE_PAGE_CACHE_SECONDS
        if article.coverage_end is not None:
            # Nor past the end of coverage, when the page starts saying so.
            seconds = min(seconds, max(0, int((article.coverage_end - timezone.now()).total_seconds())))
        setattr(request, MAX_AGE_ATTRIBUTE, seconds)


def _entry_html(entry):
    return render_to_string("articles/includes/_live_entry.html", {"entry": entry})


def _etag(pk, version, stamp, ended):
    return quote_etag(f"live-{pk}-{version}-{stamp or 0}-{int(ended)}")


def _updates_body(article, ended):
    stream = live_stream(article)
    entries = []
    for entry in stream.entries:
        html = _entry_html(entry)
        entries.append({"id": entry.pk, "v": hashlib.sha1(html.encode()).hexdigest()[:12], "html": html})
    highlights = render_to_string("articles/includes/_live_highlights.html", {"stream": stream})
    data = {"ended": ended, "entries": entries, "highlights": highlights, "older_url": stream.older_url}
    return json.dumps(data, cls=DjangoJSONEncoder).encode()


@require_safe
def updates(request, slug):
    """What a reader's open page needs to bring itself up to date, as JSON: the newest page
    of entries as HTML fragments (each with a digest, so unchanged ones are left alone), the
    pinned entries and key events, and whether coverage has ended."""
    row = (
        Article.objects.published()
        .filter(slug=slug, is_live=True)
        .values_list("pk", "version", "render__stamp", "coverage_end")
        .first()
    )
    if row is None:
        raise Http404("No live blog at this address.")
    pk, version, stamp, coverage_end = row
    ended = bool(coverage_end and coverage_end <= timezone.now())
    etag = _etag(pk, version, stamp, ended)
    max_age = min(settings.LIVE_UPDATES_CACHE_SECONDS, public_max_age())
    sent = {tag.strip().removeprefix("W/") for tag in request.headers.get("If-None-Match", "").split(",")}
    if etag in sent:
        response = HttpResponseNotModified()
    else:
        # Every open page asks for the same answer after a change: it is made once per state
        # (and per build of the templates) and kept in the shared cache for all processes.
        key = f"{UPDATES_KEY_PREFIX}{renders.build_fingerprint()[:16]}:{etag}"
        body = cache.get(key)
        if body is None:
            body = _updates_body(Article.objects.get(pk=pk), ended)
            cache.set(key, body, UPDATES_KEPT_SECONDS)
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=max_age)
    return response


@public_page
def entries(request, slug):
    """Older entries of a live blog, a page at a time by cursor: every entry is reachable
    without JavaScript, at any depth for the same cost."""
    article = get_object_or_404(
        Article.objects.published().filter(is_live=True).select_related("section"), slug=slug
    )
    try:
        stream = live_stream(article, before=request.GET.get("before") or None)
    except InvalidCursor:
        raise Http404("That page of entries does not exist; start from the live blog.") from None
    cap_max_age(request, article)
    return render(request, "articles/live_entries.html", {"article": article, "stream": stream})


def feed_entries(article, size):
    """The newest `size` entries with their permalinks, for the live blog's feeds."""
    newest = list(article.live_entries.for_stream()[:size])
    for index, entry in enumerate(newest):
        entry.article = article
        entry.permalink = permalink(entry, on_first_page=index < PAGE_SIZE)
    return newest


def published_live_blog(slug):
    return get_object_or_404(Article.objects.published().filter(is_live=True), slug=slug)
