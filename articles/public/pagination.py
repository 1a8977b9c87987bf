"""Pagination that costs the same whatever the archive holds.

Numbered pages (?page=N) stop at settings.ARTICLES_MAX_PAGES: counting scans at
most that many pages' ids (a LIMIT, never COUNT(*) over the archive), and the
deepest OFFSET is bounded too. A ?page= beyond them shows the last numbered
page. Lists of stories go on from there with a keyset cursor, ?before=<cursor>: the
next page starts where the index says, at any depth, in O(log n). The cursor is the
API's (articles.models.keyset); one that does not decode is treated as no cursor.
"""

from collections.abc import Sequence

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from ..models.keyset import NEWEST_FIRST, InvalidCursor, after, decode_cursor, encode_cursor

CURSOR_PARAM = "before"
PAGE_PARAM = "page"


class BoundedPaginator(Paginator):
    """A Paginator that counts no further than `max_pages` full pages."""

    def __init__(self, object_list, per_page, *, max_pages, query, cursor=False):
        super().__init__(object_list, per_page)
        self.max_pages = max_pages
        self.query = query
        self.cursor = cursor

    @cached_property
    def _found(self):
        limit = self.per_page * self.max_pages
        found = self.object_list
        if isinstance(found, QuerySet):
            # Ids only and unordered: the database stops at the limit instead of sorting everything.
            found = found.order_by().values_list("pk", flat=True)
        return len(found[: limit + 1])

    @cached_property
    def count(self):
        return min(self._found, self.per_page * self.max_pages)

    @cached_property
    def truncated(self):
        """True when there is more than the numbered pages show."""
        return self._found > self.per_page * self.max_pages

    def _get_page(self, *args, **kwargs):
        return BoundedPage(*args, **kwargs)


def _url(query, **params):
    query = query.copy()
    for name in (PAGE_PARAM, CURSOR_PARAM):
        query.pop(name, None)
    query.update({name: value for name, value in params.items() if value is not None})
    return f"?{query.urlencode(safe=':,')}"


def format_cursor(story):
    return encode_cursor(NEWEST_FIRST, story)


def parse_cursor(value):
    """[published_at, id] from a ?before= value, or None when it is malformed or out of range."""
    try:
        return decode_cursor(NEWEST_FIRST, value or "")
    except InvalidCursor:
        return None


class BoundedPage(Page):
    """A numbered page that knows the addresses of its neighbours."""

    @property
    def newer_url(self):
        if self.has_previous():
            return _url(self.paginator.query, page=self.previous_page_number())
        return None

    @property
    def older_url(self):
        if self.has_next():
            return _url(self.paginator.query, page=self.next_page_number())
        if self.paginator.cursor and self.paginator.truncated and len(self):
            return _url(self.paginator.query, before=format_cursor(self[-1]))
        return None


class KeysetPage(Sequence):
    """Stories older than a cursor, with the parts of Page's interface the templates read."""

    number = 0  # not a numbered page
    newer_url = None

    def __init__(self, stories, *, has_older, query):
        self.object_list = stories
        self._has_older = has_older
        self.query = query
        self.latest_url = _url(query)

    def __getitem__(self, index):
        return self.object_list[index]

    def __len__(self):
        return len(self.object_list)

    def has_next(self):
        return self._has_older

    def has_previous(self):
        return True

    @property
    def older_url(self):
        if self._has_older:
            return _url(self.query, before=format_cursor(self.object_list[-1]))
        return None


def paginate(request, queryset, per_page=None, *, cursor=False):
    """A page of `queryset` (or of a list already fetched) from ?page= (a malformed or
    out-of-range one gives the first or last page), or with `cursor=True`, from ?before= as
    well.

    `cursor=True` needs stories ordered newest first by (published_at, id), as
    `ArticleQuerySet.for_listing()` orders them.
    """
    per_page = per_page or settings.ARTICLES_PER_PAGE
    position = parse_cursor(request.GET.get(CURSOR_PARAM)) if cursor else None
    if position is not None:
        stories = list(queryset.filter(after(NEWEST_FIRST, position))[: per_page + 1])
        return KeysetPage(stories[:per_page], has_older=len(stories) > per_page, query=request.GET)
    paginator = BoundedPaginator(
        queryset, per_page, max_pages=settings.ARTICLES_MAX_PAGES, query=request.GET, cursor=cursor
    )
    return paginator.get_page(request.GET.get(PAGE_PARAM))
