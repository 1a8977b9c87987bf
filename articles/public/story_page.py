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
from urllib.parse import quote

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connections, router, transaction
from django.db.models import BooleanField, Case, ExpressionWrapper, Q, Value, When
from django.db.models.expressions import RawSQL
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from ..derived import renders
from ..derived.cache import NAV_SECTIONS_KEY, NEXT_CHANGE_KEY, SCHEDULE_ATTRIBUTE, nav_sections
from ..models import Article, NewestLinked, Status, StoryRender
from .compiled import Compiled
from .editions import story_alternates, story_versions

# Absolute URLs of a stored page name this origin; each request puts its own in.
RENDER_HOST = "origin.render.invalid"
RENDER_ORIGIN = f"http://{RENDER_HOST}"
# Share links carry the page's address percent-encoded inside theirs.
RENDER_ORIGIN_QUOTED = quote(RENDER_ORIGIN, safe="")
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
    nav = "|".join(f"{section.slug}={section.name}={sorted(section.names.items())}" for section in sections)
    year = timezone.localtime().year
    return hashlib.sha256(f"{renders.build_fingerprint()}\n{epoch}\n{year}\n{nav}".encode()).hexdigest()


FETCHED = (
    "id", "status", "version", "render__stamp", "render__rendered_stamp",
    "render__rendered_version", "render__context", "render__page", "render__links",
    "is_live", "live_ended", "coverage_end", "language", "translation_source_id",
)  # fmt: skip
# Placeholders for the slug and the clock in the compiled queries (articles/public/compiled.py).
_SLUG = "\x01slug\x01"
_NOW = datetime.datetime(2000, 1, 1, 0, 0, 0, 123457, tzinfo=datetime.UTC)


@dataclass
class Found:
    """The story at an address: its id, status and version, its render's state, and on
    PostgreSQL its related stories' lists and cards as they stand (`with_related`)."""

    pk: int
    status: str
    version: int
    render: StoryRender | None
    is_live: bool = False
    live_ended: bool = False
    coverage_end: datetime.datetime | None = None
    related: dict | None = None
    slug: str = ""
    language: str = ""
    translation_source_id: int | None = None

    @property
    def is_published(self):
        # on_record() returns published stories (at the clock of the query) and retracted ones.
        return self.status == Status.PUBLISHED


def _json(value):
    # Django reads JSON columns as text on both backends and decodes them in the field.
    return json.loads(value) if isinstance(value, str) else value


# On PostgreSQL the story's query also reads its related block's inputs: whether each of its
# lists (NewestLinked, by the links its render stored) is present and fresh, and the stored
# cards of the newest stories in them, merged as related_ids() merges them. That saves two
# round trips of the three a story request makes. Anything short of all present, fresh and
# current falls back to reading them as SQLite does (related_block()).
_RELATED_SQL = f"""
SELECT json_build_object(
  'lists', (
    SELECT coalesce(json_agg(nl.valid_until IS NULL OR nl.valid_until > %s), '[]'::json)
    FROM articles_newestlinked nl
    JOIN jsonb_array_elements(articles_storyrender.links) AS l(v)
      ON nl.kind = l.v->>0 AND nl.key = (l.v->>1)::bigint
  ),
  'cards', (
    SELECT coalesce(json_agg(json_build_array(
      a.id, a.version, cr.stamp, cr.rendered_stamp, cr.rendered_version, cr.context, cr.card
    ) ORDER BY c.published DESC, c.id DESC), '[]'::json)
    FROM (
      SELECT (s.v->>0)::bigint AS id, max((s.v->>1)::float8) AS published
      FROM articles_newestlinked nl
      JOIN jsonb_array_elements(articles_storyrender.links) AS l(v)
        ON nl.kind = l.v->>0 AND nl.key = (l.v->>1)::bigint
      CROSS JOIN jsonb_array_elements(nl.stories) AS s(v)
      WHERE (s.v->>0)::bigint <> articles_article.id AND s.v->>2 = articles_article.language
      GROUP BY 1 ORDER BY 2 DESC, 1 DESC LIMIT {renders.RELATED_LIMIT:d}
    ) c
    JOIN articles_article a ON a.id = c.id
    LEFT JOIN articles_storyrender cr ON cr.article_id = a.id
  )
)"""


def _story_queryset(vendor):
    # A live blog's page says "Live coverage has ended" once its end time passes: the clock
    # alone changes it, so whether it has is read with the row, at the request's clock.
    ended = ExpressionWrapper(Q(coverage_end__lte=_NOW), output_field=BooleanField())
    queryset = Article.objects.on_record(now=_NOW).filter(slug=_SLUG).annotate(live_ended=ended).order_by()
    fields = FETCHED
    if vendor == "postgresql":
        queryset = queryset.annotate(related=RawSQL(_RELATED_SQL, (_NOW,)))
        fields = (*FETCHED, "related")
    return queryset.values_list(*fields)[:1], [_SLUG, _NOW], {1: Article._meta.get_field("published_at")}


_story_query = Compiled(Article, _story_queryset)


def fetch(slug):
    """The story at `slug` on record, with its stored render's state: one query."""
    vendor = connections[router.db_for_read(Article)].vendor
    rows = _story_query.rows(vendor, [slug, timezone.now()])
    if not rows:
        return None
    pk, status, version, stamp, rendered_stamp, rendered_version, context, page, links, *rest = rows[0]
    is_live, ended, end, language, source_id, *related = rest
    if isinstance(end, str):
        end = datetime.datetime.fromisoformat(end)
    if end is not None and end.tzinfo is None:  # SQLite's raw rows: UTC without its offset
        end = end.replace(tzinfo=datetime.UTC)
    render = None
    if stamp is not None:
        render = StoryRender(
            article_id=pk, stamp=stamp, rendered_stamp=rendered_stamp, rendered_version=rendered_version,
            context=context, page=page, links=_json(links) or [],
        )  # fmt: skip
    related = _json(related[0]) if related and stamp is not None else None
    return Found(
        pk=pk,
        status=status,
        version=version,
        render=render,
        related=related,
        is_live=bool(is_live),
        live_ended=bool(is_live and ended),
        coverage_end=end,
        slug=slug,
        language=language,
        translation_source_id=source_id,
    )


def story_response(request, page, related_html):
    origin = f"{request.scheme}://{request.get_host()}"
    page = page.replace(RENDER_ORIGIN, origin).replace(RENDER_ORIGIN_QUOTED, quote(origin, safe=""))
    return HttpResponse(page.replace(RELATED_SLOT, related_html))


def serve(request, article, full_story):
    """A published story for a reader. `full_story(pk)` fetches it with all its page shows."""
    context = render_context(request)
    if article.live_ended:
        # A page rendered while coverage ran must not pass for one rendered after it ended.
        context = hashlib.sha256(f"{context}\nlive-ended".encode()).hexdigest()
    # Its published translations are other stories, which publish and lapse by the clock: the
    # page is current only for the set of versions it was rendered with.
    versions = story_versions(article)
    if versions:
        signature = "|".join(f"{code}={slug}" for code, slug, _ in sorted(versions))
        context = hashlib.sha256(f"{context}\nversions:{signature}".encode()).hexdigest()
    render = article.render
    if render is not None and render.is_current(article.version, context):
        page, links = render.page, render.links
        related = _prefetched_related(article.related, links, context)
        if related is not None:
            return story_response(request, page, related)
    else:
        # The stamp is read before the rows are: a change committed meanwhile leaves
        # this render stored under a stamp that is no longer current.
        stamp = render.stamp if render is not None else 0
        story = full_story(article.pk)
        page, card, links = render_story_parts(story, versions)
        store(story, stamp, context, page=page, card=card, links=links)
    return story_response(request, page, related_block(article.pk, links, context, article.language))


def render_story_parts(story, versions=None):
    """(page, card, links) of a story, rendered at the placeholder origin in its own edition,
    with `versions` (story_versions()) as its alternates."""
    with translation.override(story.language):
        request = _RenderRequest(story.get_absolute_url())
        alternates, x_default = story_alternates(story, RENDER_ORIGIN, versions)
        page = render_to_string(
            "articles/article_detail.html",
            {
                "article": story,
                "related_block": mark_safe(RELATED_SLOT),
                "page_alternates": alternates,
                "x_default_url": x_default,
            },
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


def _lists_queryset(shape):
    topics, people = shape
    keys = [-1 - index for index in range(topics + people)]
    condition = Q()
    if topics:
        condition |= Q(kind=NewestLinked.Kind.TOPIC, key__in=keys[:topics])
    if people:
        condition |= Q(kind=NewestLinked.Kind.PERSON, key__in=keys[topics:])
    fresh = Case(
        When(Q(valid_until__isnull=True) | Q(valid_until__gt=_NOW), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    queryset = (
        NewestLinked.objects.filter(condition)
        .annotate(fresh=fresh)
        .order_by()
        .values_list("kind", "key", "stories", "fresh", "revision")
    )
    return queryset, [*keys, _NOW], {len(keys): NewestLinked._meta.get_field("valid_until")}


_lists_query = Compiled(NewestLinked, _lists_queryset)


def newest_lists(links):
    """{(kind, key): stories} for these links, recomputing lists the clock has outdated."""
    if not links:
        return {}
    wanted = {(kind, key) for kind, key in links}
    topics = sorted(key for kind, key in wanted if kind == NewestLinked.Kind.TOPIC)
    people = sorted(key for kind, key in wanted if kind == NewestLinked.Kind.PERSON)
    found, seen = {}, {}
    rows = _lists_query.rows((len(topics), len(people)), [*topics, *people, timezone.now()])
    for kind, key, stories, fresh, revision in rows:
        seen[(kind, key)] = revision
        if fresh:
            found[(kind, key)] = _json(stories)
    for kind, key in wanted - found.keys():
        found[(kind, key)] = renders.reader_refresh(kind, key, seen.get((kind, key)))
    return found


def related_ids(article_pk, links, language, limit=renders.RELATED_LIMIT):
    """The ids of the `limit` newest published stories of the story's edition sharing a topic
    or person with it: each is among the newest limit + 1 of its edition in one of its lists,
    so merging them is exact."""
    candidates = {}
    for stories in newest_lists(links).values():
        for pk, published, *edition in stories:
            if pk != article_pk and edition == [language]:
                candidates[pk] = published
    return sorted(candidates, key=lambda pk: (candidates[pk], pk), reverse=True)[:limit]


def _cards_queryset(count):
    ids = [-1 - index for index in range(count)]
    fields = (*CARD_FIELDS, "render__context", "render__card")
    return Article.objects.filter(pk__in=ids).order_by().values_list(*fields), ids, {}


_cards_query = Compiled(Article, _cards_queryset)


def _prefetched_related(found, links, context):
    """The related block from what fetch() read with the story, or None to read it afresh."""
    if found is None or len(found["lists"]) != len(links) or not all(found["lists"]):
        return None
    cards = []
    for _, version, stamp, rendered_stamp, rendered_version, card_context, card in found["cards"]:
        if not (card and rendered_stamp == stamp and rendered_version == version and card_context == context):
            return None
        cards.append(card)
    if not cards:
        return render_to_string("articles/includes/_related.html", {"related": []})
    before, after = _related_frame()
    return before + "".join(cards) + after


def related_block(article_pk, links, context, language):
    ids = related_ids(article_pk, links, language)
    if not ids:
        return render_to_string("articles/includes/_related.html", {"related": []})
    rows = {row[0]: row for row in _cards_query.rows(len(ids), ids)}
    cards = {}
    for pk, version, stamp, rendered_stamp, rendered_version, card_context, card in rows.values():
        if card and rendered_stamp == stamp and rendered_version == version and card_context == context:
            cards[pk] = card
    missing = [pk for pk in ids if pk in rows and pk not in cards]
    if missing:
        for story in Article.objects.filter(pk__in=missing).for_listing(bylines=False):
            _, _, stamp, rendered_stamp, rendered_version, card_context, _ = rows[story.pk]
            stamp = stamp or 0
            card = render_to_string("articles/includes/_related_card.html", {"story": story})
            current = (
                rendered_stamp == stamp and rendered_version == story.version and card_context == context
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
