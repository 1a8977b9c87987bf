"""Authors: the bylines of published stories. Their stories are /stories?author=<slug>."""

from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router

from ..models import Author
from ..models.keyset import BY_NAME, keyset_page
from .errors import reject_unknown_params
from .links import next_url
from .schemas import AuthorOut, AuthorPage, ErrorOut, PageParams, SlugParam

router = Router(tags=["authors"])

ERRORS = {400: ErrorOut, 404: ErrorOut}
AuthorSlug = Path(..., description="The author's slug.")


@router.get("/authors", response={200: AuthorPage, **ERRORS}, url_name="authors")
def author_list(request, page: Query[PageParams]):
    """Authors of published stories, by name."""
    reject_unknown_params(request, PageParams.model_fields)
    items, cursor = keyset_page(Author.objects.on_record(), BY_NAME, cursor=page.cursor, limit=page.limit)
    return {"items": items, "next_cursor": cursor, "next": next_url(request, cursor)}


@router.get("/authors/{slug}", response={200: AuthorOut, **ERRORS}, url_name="author")
def author_detail(request, slug: SlugParam = AuthorSlug):
    """An author's public profile; `stories` lists what they wrote."""
    reject_unknown_params(request, ())
    return get_object_or_404(Author.objects.on_record().select_related("portrait"), slug=slug)
