"""Topics and sections: the labels stories are filed under."""

from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router

from ..models import Section, Topic
from ..models.keyset import BY_NAME, keyset_page
from .errors import reject_unknown_params
from .links import next_url
from .schemas import ErrorOut, PageParams, SectionOut, SlugParam, TopicOut, TopicPage

router = Router(tags=["topics and sections"])

ERRORS = {400: ErrorOut, 404: ErrorOut}
TopicSlug = Path(..., description="The topic's slug.")
SectionSlug = Path(..., description="The section's slug.")


@router.get("/topics", response={200: TopicPage, **ERRORS}, url_name="topics")
def topic_list(request, page: Query[PageParams]):
    """Topics of published stories, by name."""
    reject_unknown_params(request, PageParams.model_fields)
    items, cursor = keyset_page(Topic.objects.on_record(), BY_NAME, cursor=page.cursor, limit=page.limit)
    return {"items": items, "next_cursor": cursor, "next": next_url(request, cursor)}


@router.get("/topics/{slug}", response={200: TopicOut, **ERRORS}, url_name="topic")
def topic_detail(request, slug: SlugParam = TopicSlug):
    reject_unknown_params(request, ())
    return get_object_or_404(Topic.objects.on_record(), slug=slug)


@router.get("/sections", response={200: list[SectionOut], **ERRORS}, url_name="sections")
def section_list(request):
    """Every section, in the site navigation's order (a short, fixed list: not paginated)."""
    reject_unknown_params(request, ())
    return Section.objects.all()


@router.get("/sections/{slug}", response={200: SectionOut, **ERRORS}, url_name="section")
def section_detail(request, slug: SlugParam = SectionSlug):
    reject_unknown_params(request, ())
    return get_object_or_404(Section, slug=slug)
