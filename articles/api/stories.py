"""Stories: the list with its filters, one story, and one story as IPTC ninjs."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router

from ..models import Article, Author, Person, Quote, Section, Topic
from ..models.keyset import MAX_ID, NEWEST_FIRST, keyset_page
from ..models.language import edition_codes
from ..public.editions import group_versions
from ..wire.ninjs import story_to_ninjs
from .errors import ApiError, reject_unknown_params
from .links import next_url
from .partners import partner_of, partner_photo_urls
from .schemas import DateTimeParam, ErrorOut, PageParams, SlugParam, StoryDetail, StoryPage

router = Router(tags=["stories"])

StoryId = Path(..., ge=1, le=MAX_ID, description="The story's id.")
ERRORS = {400: ErrorOut, 404: ErrorOut}


class StoryFilters(PageParams):
    language: str | None = Field(
        None, max_length=12, description="One edition's stories: its language code, e.g. en or ru."
    )
    section: SlugParam | None = Field(None, description="A section's slug.")
    topic: SlugParam | None = Field(None, description="A topic's slug.")
    person: SlugParam | None = Field(None, description="Stories mentioning this person (slug).")
    author: SlugParam | None = Field(None, description="Stories by this author (slug).")
    published_after: DateTimeParam | None = Field(
        None, description="Published at or after this ISO 8601 date or time (site time zone if none given)."
    )
    published_before: DateTimeParam | None = Field(None, description="Published before this date or time.")
    updated_since: DateTimeParam | None = Field(None, description="Changed at or after this date or time.")
    urgency_max: int | None = Field(
        None,
        ge=1,
        le=9,
        description="Only stories at least this urgent: 1 FLASH, 2 also URGENT, 3 also BULLETIN.",
    )


def _one(queryset, slug, field):
    """The filter's object; a slug that names nothing published is the client's mistake (400)."""
    found = queryset.filter(slug=slug).first()
    if found is None:
        raise ApiError("unknown_value", f"No {field} “{slug}” is known among published stories.", field=field)
    return found


def filter_stories(stories, filters):
    if filters.language:
        if filters.language not in edition_codes():
            editions = ", ".join(edition_codes())
            raise ApiError(
                "unknown_value", f"No edition “{filters.language}”: one of {editions}.", field="language"
            )
        stories = stories.in_edition(filters.language)
    if filters.section:
        stories = stories.filter(section=_one(Section.objects.all(), filters.section, "section"))
    if filters.topic:
        stories = stories.filter(topics=_one(Topic.objects.on_record(), filters.topic, "topic"))
    if filters.person:
        stories = stories.filter(people=_one(Person.objects.on_record(), filters.person, "person"))
    if filters.author:
        stories = stories.filter(authors=_one(Author.objects.on_record(), filters.author, "author"))
    after, before = filters.published_after, filters.published_before
    if after and before and after >= before:
        raise ApiError(
            "invalid_range", "published_after must be earlier than published_before.", field="published_after"
        )
    if after:
        stories = stories.filter(published_at__gte=after)
    if before:
        stories = stories.filter(published_at__lt=before)
    if filters.updated_since:
        stories = stories.filter(updated_at__gte=filters.updated_since)
    if filters.urgency_max:
        stories = stories.filter(urgency__lte=filters.urgency_max)
    return stories


def with_translations(stories):
    """Each of `stories` with `translation_urls`, [(language, path)] of its other published
    versions, for StorySummary.translations: one query for a whole page, none when no story
    on it was translated."""
    versions = group_versions(stories)
    for story in stories:
        story.translation_urls = [
            (code, Article(slug=slug, language=code).get_absolute_url())
            for code, slug, pk in versions.get(story.pk, [])
            if pk != story.pk
        ]
    return stories


def published_story(request, story_id):
    """One published story (or, for a partner, embargoed) with everything its detail shows,
    in a fixed number of queries."""
    stories = (
        Article.objects.for_partner(partner_of(request))
        .select_related("lead_photo", "section")
        .with_bylines()
        .prefetch_related(
            Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
            "people",
            "about",
            "topics",
            "corrections",
        )
    )
    return with_translations([get_object_or_404(stories, pk=story_id)])[0]


@router.get("/stories", response={200: StoryPage, **ERRORS}, url_name="stories")
def story_list(request, filters: Query[StoryFilters]):
    """Published stories, newest first, with optional filters; pages continue by `cursor`.
    With a partner key, embargoed stories too, each with its `embargoed` time."""
    reject_unknown_params(request, StoryFilters.model_fields)
    stories = Article.objects.for_partner(partner_of(request)).select_related("lead_photo", "section")
    stories = filter_stories(stories.with_bylines(), filters)
    items, cursor = keyset_page(stories, NEWEST_FIRST, cursor=filters.cursor, limit=filters.limit)
    return {"items": with_translations(list(items)), "next_cursor": cursor, "next": next_url(request, cursor)}


@router.get("/stories/{story_id}", response={200: StoryDetail, **ERRORS}, url_name="story")
def story_detail(request, story_id: int = StoryId):
    """A published story: body, dateline, lead photo with renditions, quotes, people, topics."""
    reject_unknown_params(request, ())
    return published_story(request, story_id)


@router.get("/stories/{story_id}/ninjs", response={200: dict, **ERRORS}, url_name="story-ninjs")
def story_ninjs(request, story_id: int = StoryId):
    """The published story as an IPTC ninjs 2.1 news item (JSON); for a partner, an embargoed
    story too, with ninjs's `embargoed` time."""
    reject_unknown_params(request, ())
    base_url = request.build_absolute_uri("/").rstrip("/")
    story = published_story(request, story_id)
    with partner_photo_urls(request):
        return story_to_ninjs(story, base_url=base_url)
