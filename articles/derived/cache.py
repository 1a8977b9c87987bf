"""Caching of public pages: lifetimes bounded by the clock of the schedule, a shared
page cache that is never stale, and the small site-wide values every page reads.

A shared cache (a CDN, Redis) may keep a public page for a short while, but
never past the moment a scheduled story goes live or an expiring one leaves:
readers must see it at 14:00, not at 14:01 (and the front page's new lead at
06:00, not later). That moment is itself cached,
until it arrives or a story changes.

Rendered pages are kept in the configured cache (Redis when several processes
or machines serve the site) under a site-wide *content generation*: any saved
or deleted story, person, photo, quote, correction, section, topic or front-page pin draws a
new generation, and every page stored under an older one is a miss from then
on, in every process. Only anonymous readers' successful GET responses are
stored; editors, previews and errors never are.
"""

import hashlib
import time
from contextlib import nullcontext
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from newsroom.routers import public_reads

from .. import models
from ..models import Article, Section
from . import renders, tokens

NEXT_CHANGE_KEY = "articles:next-scheduled-change"
NOTHING_DUE = "none"
GENERATION_KEY = "articles:content-generation"
PAGE_KEY_PREFIX = "articles:page:"


def next_scheduled_change():
    """When the published set next changes by the clock alone, or None."""
    cached = cache.get(NEXT_CHANGE_KEY)
    if cached == NOTHING_DUE:
        return None
    if cached is not None and cached > timezone.now():
        return cached
    when = Article.objects.next_scheduled_change()
    timeout = settings.PUBLIC_CACHE_SECONDS * 10
    if when is not None:
        timeout = min(timeout, max(1, int((when - timezone.now()).total_seconds())))
    cache.set(NEXT_CHANGE_KEY, when or NOTHING_DUE, timeout)
    return when


def _max_age_until(when):
    max_age = settings.PUBLIC_CACHE_SECONDS
    if when is not None:
        max_age = min(max_age, max(0, int((when - timezone.now()).total_seconds())))
    return max_age


def public_max_age():
    return _max_age_until(next_scheduled_change())


def max_age_from(due):
    """public_max_age() from a NEXT_CHANGE_KEY value already read from the cache (or None)."""
    if due == NOTHING_DUE:
        return _max_age_until(None)
    if due is not None and due > timezone.now():
        return _max_age_until(due)
    return public_max_age()


# A view that read NEXT_CHANGE_KEY with its own values leaves it here: one round trip less.
SCHEDULE_ATTRIBUTE = "_articles_next_change"
# A view whose page changes more often than the schedule says (a running live blog) puts its
# own shorter bound here, in seconds.
MAX_AGE_ATTRIBUTE = "_articles_max_age"


def cache_publicly(response, max_age=None):
    """Mark a public page as cacheable by shared caches, for as long as it stays true."""
    patch_cache_control(response, public=True, max_age=public_max_age() if max_age is None else max_age)
    return response


NAV_SECTIONS_KEY = "articles:nav-sections"


def nav_sections():
    """The sections the site navigation lists: read on every page, changed rarely."""
    return cache.get_or_set(
        NAV_SECTIONS_KEY, lambda: list(Section.objects.only("name", "names", "slug", "position"))
    )


# The page cache.


def invalidate_public_pages():
    """Make every cached page and every stored story page a miss, in every process.

    Bulk writes that send no signals (imports, `QuerySet.update()`, seed_bench)
    call this themselves.
    """
    new_generation()
    renders.forget_all_renders()


def new_generation():
    """Make every cached page a miss (signals call this: they keep stored story pages exact)."""
    tokens.renew(GENERATION_KEY)


def content_generation():
    return tokens.current(GENERATION_KEY)


def _page_key(request):
    # The absolute URI: scheme and host appear in canonical links, feeds and sitemaps. The
    # build: processes of the previous deploy, still serving, keep their pages to themselves.
    address = f"{renders.build_fingerprint()} {request.build_absolute_uri()}"
    return PAGE_KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _cached_response(request):
    """(generation, response or None): one round trip to the cache for a hit."""
    key = _page_key(request)
    found = cache.get_many([GENERATION_KEY, key, NEXT_CHANGE_KEY])
    generation = found.get(GENERATION_KEY) or content_generation()
    entry = found.get(key)
    # Checked here, not only left to the cache's own expiry: the cache server's clock
    # may run behind ours, and the page must not outlive the next scheduled moment.
    if entry is None or entry[0] != generation or entry[1] <= time.time():
        return generation, None
    # Never longer than the copy had left: a live blog's page is stored for seconds only.
    max_age = min(max_age_from(found.get(NEXT_CHANGE_KEY)), int(entry[1] - time.time()))
    if max_age <= 0:
        return generation, None
    _, _, content, headers = entry
    response = HttpResponse(content, headers=headers)
    # The copy is as fresh as a new render: the lifetime counts from now.
    patch_cache_control(response, max_age=max_age)
    return generation, response


def _is_shareable(response):
    directives = {part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")}
    return "public" in directives and not directives & {"private", "no-store", "no-cache"}


def _store(request, response, generation, max_age):
    if (
        max_age <= 0
        or response.status_code != 200
        or response.streaming
        or response.cookies
        or not _is_shareable(response)
    ):
        return
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    entry = (generation, time.time() + max_age, response.content, list(response.items()))
    cache.set(_page_key(request), entry, max_age)


def public_page(view):
    """Let shared caches keep a view's successful responses, within the schedule's bound,
    and keep them in the page cache for anonymous readers.

    Responses that already say how to cache themselves (previews: private,
    no-store) and anything but a 200 are left alone. Anonymous readers' queries
    may go to the read replica (newsroom.routers); signed-in staff read the primary.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = getattr(request, "user", None)
        reader = user is None or not user.is_authenticated
        use_cache = reader and settings.PAGE_CACHE and request.method in ("GET", "HEAD")
        generation = None
        if use_cache:
            # Read before rendering: a change committed meanwhile draws a new
            # generation, so this render can never be stored as current.
            generation, hit = _cached_response(request)
            if hit is not None:
                return hit
        with public_reads() if reader else nullcontext():
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.has_header("Cache-Control"):
                if not reader:
                    # Signed-in staff may be shown what readers are not (drafts at their
                    # address, desk links); no shared cache may keep their copy.
                    patch_cache_control(response, private=True, no_cache=True)
                    return response
                max_age = max_age_from(getattr(request, SCHEDULE_ATTRIBUTE, None))
                max_age = min(max_age, getattr(request, MAX_AGE_ATTRIBUTE, max_age))
                cache_publicly(response, max_age)
                if use_cache and request.method == "GET":
                    _store(request, response, generation, max_age)
        return response

    return wrapped


# Invalidation. Signals are what they are for here: the cache is derived data.


def _now_and_on_commit(func, using):
    func()
    if transaction.get_connection(using or DEFAULT_DB_ALIAS).in_atomic_block:
        # A reader between this write and its commit still sees the old rows and
        # could store them as current; forgetting again at commit discards that.
        transaction.on_commit(func, using=using)


def _forget_next_change(sender, using=None, **kwargs):
    _now_and_on_commit(lambda: cache.delete(NEXT_CHANGE_KEY), using)


def _forget_nav_sections(sender, using=None, **kwargs):
    _now_and_on_commit(lambda: cache.delete(NAV_SECTIONS_KEY), using)


def _forget_pages(sender, using=None, action="post_", **kwargs):
    if action.startswith("post_"):  # m2m_changed also sends pre_add, pre_remove, pre_clear
        _now_and_on_commit(new_generation, using)


# Everything a public page shows. Rendition rows are written in bulk by the photo
# pipeline, which sends no signal; the Photo save around them does.
PAGE_MODELS = (
    "Article",
    "Author",
    "Byline",
    "Person",
    "Photo",
    "Rendition",
    "Quote",
    "Correction",
    "LiveEntry",
    "FrontSlot",
    "Section",
    "Topic",
    "TaggedArticle",
    "TaggedPerson",
)


def connect_signals():
    # Any saved or deleted story may move the next scheduled moment.
    post_save.connect(_forget_next_change, sender=Article, dispatch_uid="articles.cache.save")
    post_delete.connect(_forget_next_change, sender=Article, dispatch_uid="articles.cache.delete")
    # So may a front-page pin: its start and end times bound the front's lifetime too.
    post_save.connect(_forget_next_change, sender=models.FrontSlot, dispatch_uid="articles.cache.pin-save")
    post_delete.connect(
        _forget_next_change, sender=models.FrontSlot, dispatch_uid="articles.cache.pin-delete"
    )
    post_save.connect(_forget_nav_sections, sender=Section, dispatch_uid="articles.cache.section-save")
    post_delete.connect(_forget_nav_sections, sender=Section, dispatch_uid="articles.cache.section-delete")
    for name in PAGE_MODELS:
        model = getattr(models, name)
        post_save.connect(_forget_pages, sender=model, dispatch_uid=f"articles.cache.pages-save-{name}")
        post_delete.connect(_forget_pages, sender=model, dispatch_uid=f"articles.cache.pages-delete-{name}")
    # Links between stories, people and topics (taggit sends its through model as sender).
    for through in (
        Article.people.through,
        Article.about.through,
        Article.authors.through,
        models.TaggedArticle,
        models.TaggedPerson,
    ):
        m2m_changed.connect(
            _forget_pages, sender=through, dispatch_uid=f"articles.cache.pages-m2m-{through.__name__}"
        )
