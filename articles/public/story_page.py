"""The story page, assembled from what was rendered once per story version.

A published story's page is rendered once and kept in the database (StoryRender) with two
holes: the origin of its absolute URLs, and the related-stories block, which changes when
other stories do. A request reads the story's state and its render in one query, merges its
related stories from the newest stories of its topics and people (NewestLinked, one query)
and joins their stored cards (one query). Anything not current is rendered here, as it always
was, and stored for every process after it; articles/derived/renders.py says what makes a
render stale. Previews, staff and retracted stories are rendered afresh every time.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connections, router, transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import mark_safe

from ..derived import renders
from ..derived.cache import NAV_SECTIONS_KEY, NEXT_CHANGE_KEY, SCHEDULE_ATTRIBUTE, nav_sections
from ..models import Article, NewestLinked, Status, StoryRender

# Absolute URLs of a stored page name this origin; each request puts its own in.
RENDER_HOST = "origin.render.invalid"
RENDER_ORIGIN = f"http://{RENDER_HOST}"
# An HTML comment: the body's sanitiser strips comments and every other stored text is
# escaped, so no story can print this.
RELATED_SLOT = "<!--related-stories-->"
CARD_FIELDS = ("pk", "version", "render__stamp", "render__rendered_stamp", "render__rendered_version")


class _RenderRequest(HttpRequest):
    """An anonymous reader's GET of `path` at the placeholder origin."""

    def __init__(self, path):
        super().__init__()
        self.method = "GET"
        self.path = self.path_info = path
        self.META = {"SERVER_NAME": RENDER_HOST, "SERVER_PORT": "80"}
        self.user = AnonymousUser()

    def get_host(self):
        return RENDER_HOST

    def _get_scheme(self):
        return "http"


_build = None


def _build_fingerprint():
    """The code and templates a render was made with: a deploy makes every render a miss."""
    global _build
    if _build is None:
        digest = hashlib.sha256()
        root = Path(settings.BASE_DIR)
        for folder, pattern in (("templates", "*.html"), ("articles", "*.py")):
            for path in sorted((root / folder).rglob(pattern)):
                digest.update(path.read_bytes())
        digest.update(static("css/site.css").encode())
        digest.update(settings.SITE_NAME.encode())
        _build = digest.hexdigest()
    return _build


def render_context(request=None):
    """What a stored page depends on beyond its own story: build, bulk-write epoch, the
    year in the footer, and the navigation (which also names every section)."""
    found = cache.get_many([renders.EPOCH_KEY, NAV_SECTIONS_KEY, NEXT_CHANGE_KEY])
    if request is not None:
        setattr(request, SCHEDULE_ATTRIBUTE, found.get(NEXT_CHANGE_KEY))
    epoch = found.get(renders.EPOCH_KEY) or renders.render_epoch()
    sections = found.get(NAV_SECTIONS_KEY)
    if sections is None:
        sections = nav_sections()
    nav = "|".join(f"{section.slug}={section.name}" for section in sections)
    year = timezone.localtime().year
    return hashlib.sha256(f"{_build_fingerprint()}\n{epoch}\n{year}\n{nav}".encode()).hexdigest()


FETCHED = (
    "id", "status", "version", "render__stamp", "render__rendered_stamp",
    "render__rendered_version", "render__context", "render__page", "render__links",
)  # fmt: skip
# Compiled once per process with these in place of the slug and the clock.
_SLUG = "\x01slug\x01"
_NOW = datetime.datetime(2000, 1, 1, 0, 0, 0, 123457, tzinfo=datetime.UTC)
_compiled = {}


@dataclass
class Found:
    """The story at an address: its id, status and version, and its render's state."""

    pk: int
    status: str
    version: int
    render: StoryRender | None

    @property
    def is_published(self):
        # on_record() returns published stories (at the clock of the query) and retracted ones.
        return self.status == Status.PUBLISHED


def _fetch_sql():
    """fetch()'s query as SQL with the positions of its slug and clock parameters: Django
    builds and compiles a queryset in about half a millisecond, more than PostgreSQL takes
    to answer it, and this one runs on every story request."""
    connection = connections[router.db_for_read(Article)]
    if connection.vendor not in _compiled:
        queryset = Article.objects.on_record(now=_NOW).filter(slug=_SLUG).order_by().values_list(*FETCHED)[:1]
        sql, params = queryset.query.sql_with_params()
        field = Article._meta.get_field("published_at")
        now = field.get_db_prep_value(_NOW, connection)
        slots = [
            (index, "now" if param == now else "slug")
            for index, param in enumerate(params)
            if param in (now, _SLUG)
        ]
        _compiled[connection.vendor] = (sql, list(params), slots, field)
    return (connection, *_compiled[connection.vendor])


def fetch(slug):
    """The story at `slug` on record, with its stored render's state: one query."""
    connection, sql, params, slots, field = _fetch_sql()
    params = list(params)
    now = field.get_db_prep_value(timezone.now(), connection)
    for index, kind in slots:
        params[index] = now if kind == "now" else slug
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    pk, status, version, stamp, rendered_stamp, rendered_version, context, page, links = row
    render = None
    if stamp is not None:
        if isinstance(links, str):
            links = json.loads(links)
        render = StoryRender(
            article_id=pk, stamp=stamp, rendered_stamp=rendered_stamp, rendered_version=rendered_version,
            context=context, page=page, links=links or [],
        )  # fmt: skip
    return Found(pk=pk, status=status, version=version, render=render)


def story_response(request, page, related_html):
    origin = f"{request.scheme}://{request.get_host()}"
    return HttpResponse(page.replace(RENDER_ORIGIN, origin).replace(RELATED_SLOT, related_html))


def serve(request, article, full_story):
    """A published story for a reader. `full_story(pk)` fetches it with all its page shows."""
    context = render_context(request)
    render = article.render
    if render is not None and render.is_current(article.version, context):
        page, links = render.page, render.links
    else:
        # The stamp is read before the rows are: a change committed meanwhile leaves
        # this render stored under a stamp that is no longer current.
        stamp = render.stamp if render is not None else 0
        story = full_story(article.pk)
        page, card, links = render_story_parts(story)
        store(story, stamp, context, page=page, card=card, links=links)
    return story_response(request, page, related_block(article.pk, links, context))


def render_story_parts(story):
    """(page, card, links) of a story, rendered at the placeholder origin."""
    request = _RenderRequest(story.get_absolute_url())
    page = render_to_string(
        "articles/article_detail.html",
        {"article": story, "related_block": mark_safe(RELATED_SLOT)},
        request=request,
    )
    card = render_to_string("articles/includes/_related_card.html", {"story": story})
    links = [[NewestLinked.Kind.TOPIC, topic.pk] for topic in story.topics.all()]
    links += [[NewestLinked.Kind.PERSON, person.pk] for person in story.people.all()]
    return page, card, links


def store(story, stamp, context, *, page=None, card, links=None, page_current=False):
    """Keep a render made at `stamp`, unless a change has drawn a newer stamp meanwhile."""
    fields = {
        "rendered_stamp": stamp,
        "rendered_version": story.version,
        "context": context,
        "card": card,
    }
    if page is not None:
        fields.update(page=page, links=links)
    elif not page_current:
        fields["page"] = ""  # a page made at another stamp must not pass for this one's
    with transaction.atomic():
        updated = StoryRender.objects.filter(article_id=story.pk, stamp=stamp).update(**fields)
        if not updated and stamp == 0:
            # No row yet: a change that came first made one (stamp 1), so this does nothing.
            StoryRender.objects.bulk_create(
                [StoryRender(article_id=story.pk, stamp=0, **fields)], ignore_conflicts=True
            )


# Related stories.


def newest_lists(links):
    """{(kind, key): stories} for these links, recomputing lists the clock has outdated."""
    if not links:
        return {}
    wanted = {(kind, key) for kind, key in links}
    condition = Q()
    for kind in (NewestLinked.Kind.TOPIC, NewestLinked.Kind.PERSON):
        keys = [key for key_kind, key in wanted if key_kind == kind]
        if keys:
            condition |= Q(kind=kind, key__in=keys)
    now = timezone.now()
    found, seen = {}, {}
    rows = NewestLinked.objects.filter(condition).values_list(
        "kind", "key", "stories", "valid_until", "revision"
    )
    for kind, key, stories, valid_until, revision in rows:
        seen[(kind, key)] = revision
        if valid_until is None or valid_until > now:
            found[(kind, key)] = stories
    for kind, key in wanted - found.keys():
        found[(kind, key)] = renders.reader_refresh(kind, key, seen.get((kind, key)))
    return found


def related_ids(article_pk, links, limit=renders.RELATED_LIMIT):
    """The ids of the `limit` newest published stories sharing a topic or person with the
    story: each is among the newest limit + 1 of one of its lists, so merging them is exact."""
    candidates = {}
    for stories in newest_lists(links).values():
        for pk, published in stories:
            if pk != article_pk:
                candidates[pk] = published
    return sorted(candidates, key=lambda pk: (candidates[pk], pk), reverse=True)[:limit]


def related_block(article_pk, links, context):
    ids = related_ids(article_pk, links)
    if not ids:
        return render_to_string("articles/includes/_related.html", {"related": []})
    rows = {
        row["pk"]: row
        for row in Article.objects.filter(pk__in=ids)
        .order_by()
        .values(*CARD_FIELDS, "render__context", "render__card")
    }
    cards = {}
    for pk, row in rows.items():
        if (
            row["render__card"]
            and row["render__rendered_stamp"] == row["render__stamp"]
            and row["render__rendered_version"] == row["version"]
            and row["render__context"] == context
        ):
            cards[pk] = row["render__card"]
    missing = [pk for pk in ids if pk in rows and pk not in cards]
    if missing:
        for story in Article.objects.filter(pk__in=missing).for_listing(bylines=False):
            row = rows[story.pk]
            stamp = row["render__stamp"] or 0
            card = render_to_string("articles/includes/_related_card.html", {"story": story})
            current = (
                row["render__rendered_stamp"] == stamp
                and row["render__rendered_version"] == story.version
                and row["render__context"] == context
            )
            store(story, stamp, context, card=card, page_current=current)
            cards[story.pk] = card
    before, after = _related_frame()
    return before + "".join(cards[pk] for pk in ids if pk in cards) + after


_frame = {}


def _related_frame():
    """_related.html around its cards, rendered once per process: joining strings is what
    Django's engine would do with the cards, at a fraction of the cost."""
    if not _frame:
        marker = "<!--cards-->"
        html = render_to_string("articles/includes/_related.html", {"related": [mark_safe(marker)]})
        _frame["parts"] = tuple(html.split(marker))
    return _frame["parts"]


def related_cards(stories):
    """Cards rendered now, in the request's own context (previews sign their photo URLs)."""
    return [
        mark_safe(render_to_string("articles/includes/_related_card.html", {"story": story}))
        for story in stories
    ]
