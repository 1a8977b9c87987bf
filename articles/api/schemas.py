"""What the API answers with. These types are the OpenAPI document's components too.

Resolvers turn model instances into absolute URLs with the request in the
validation context; they read only what the endpoints prefetched.
"""

import datetime
from typing import Annotated, Generic, Literal, TypeVar

from django.conf import settings
from django.urls import reverse
from ninja import Field, Schema
from pydantic import AfterValidator, StringConstraints

from ..models import Rendition
from ..models.keyset import clean_moment
from ..models.rendition import MIME_TYPES, rendition_entries, rendition_url
from .partners import partner_photo_urls

T = TypeVar("T")


def absolute(context, url):
    return context["request"].build_absolute_uri(url)


def api_url(context, name, **kwargs):
    return absolute(context, reverse(f"api:{name}", kwargs=kwargs))


# Query and path parameters.


# A time without an offset is read in the site's time zone; offsets and years the database
# cannot take are refused here, with the same rules as cursors (articles.models.keyset).
DateTimeParam = Annotated[datetime.datetime, AfterValidator(clean_moment)]
SlugParam = Annotated[str, StringConstraints(pattern=r"^[-\w]+$", max_length=250)]


class PageParams(Schema):
    cursor: str | None = Field(
        None, max_length=1000, description="`next_cursor` of the previous page; omit for the first page."
    )
    limit: int = Field(20, ge=1, le=100, description="Items per page.")


# Responses.


class ErrorDetail(Schema):
    code: str
    message: str
    field: str | None = None


class ErrorOut(Schema):
    error: ErrorDetail


class Page(Schema, Generic[T]):
    """One page of a list; `next` is null on the last page. There is no total: counting costs."""

    items: list[T]
    next_cursor: str | None
    next: str | None


class RenditionOut(Schema):
    url: str
    kind: str
    format: str
    mime_type: str
    width: int
    height: int


def _renditions(photo, context):
    return [
        {
            **entry,
            "url": absolute(context, rendition_url(entry)),
            "mime_type": MIME_TYPES[entry["format"]],
        }
        for kind in Rendition.Kind.values
        for entry in rendition_entries(photo, kind)
    ]


class PhotoOut(Schema):
    id: int
    url: str
    width: int
    height: int
    caption: str
    alt_text: str
    credit: str
    copyright: str
    renditions: list[RenditionOut]

    # The widest metadata-free rendition, never the original (see Photo.share_image).
    @staticmethod
    def resolve_url(photo, context):
        with partner_photo_urls(context["request"]):
            return absolute(context, photo.share_image.url)

    @staticmethod
    def resolve_width(photo):
        return photo.share_image.width

    @staticmethod
    def resolve_height(photo):
        return photo.share_image.height

    @staticmethod
    def resolve_credit(photo):
        return photo.credit_line  # never without its ©, as on the site

    @staticmethod
    def resolve_renditions(photo, context):
        # Stored sizes from the photo's own rendition index: no query per photo.
        with partner_photo_urls(context["request"]):
            return _renditions(photo, context)


class SectionRef(Schema):
    slug: str
    name: str


class SectionOut(SectionRef):
    id: int
    description: str
    url: str
    stories: str

    @staticmethod
    def resolve_url(section, context):
        return absolute(context, section.get_absolute_url())

    @staticmethod
    def resolve_stories(section, context):
        return f"{api_url(context, 'stories')}?section={section.slug}"


class TopicRef(Schema):
    slug: str
    name: str


class TopicOut(TopicRef):
    id: int
    description: str
    url: str
    stories: str

    @staticmethod
    def resolve_url(topic, context):
        return absolute(context, topic.get_absolute_url())

    @staticmethod
    def resolve_stories(topic, context):
        return f"{api_url(context, 'stories')}?topic={topic.slug}"


class PersonRef(Schema):
    id: int
    slug: str
    name: str
    kind: Literal["person", "organisation", "group"]  # organisations and groups speak as one
    role: str
    organisation: str
    url: str
    api_url: str

    @staticmethod
    def resolve_url(person, context):
        return absolute(context, person.get_absolute_url())

    @staticmethod
    def resolve_api_url(person, context):
        return api_url(context, "person", slug=person.slug)


class AuthorRef(Schema):
    """A byline's author: a desk user's profile or a contributor's."""

    slug: str
    name: str
    role: str
    organisation: str = Field(description="A contributor's outlet or agency; empty for our own staff.")
    url: str
    api_url: str

    @staticmethod
    def resolve_url(author, context):
        return absolute(context, author.get_absolute_url())

    @staticmethod
    def resolve_api_url(author, context):
        return api_url(context, "author", slug=author.slug)


class StoryRef(Schema):
    id: int
    slug: str
    headline: str
    published_at: datetime.datetime
    url: str
    api_url: str

    @staticmethod
    def resolve_url(story, context):
        return absolute(context, story.get_absolute_url())

    @staticmethod
    def resolve_api_url(story, context):
        return api_url(context, "story", story_id=story.pk)


class TranslationRef(Schema):
    """Another published version of a story, in another edition."""

    language: str = Field(description="The version's language (BCP 47), e.g. ru.")
    url: str


class StorySummary(StoryRef):
    language: str = Field(description="The story's language (BCP 47), which is its edition, e.g. en, ru.")
    translations: list[TranslationRef] = Field(
        description="The story's other published versions (its translations, or the story it "
        "translates), each in its own edition; empty when it has none."
    )
    standfirst: str
    updated_at: datetime.datetime
    urgency: int = Field(description="IPTC urgency, 1 (most urgent) to 9; 5 is normal.")
    urgency_word: str = Field(description='"FLASH" (1), "URGENT" (2), "BULLETIN" (3), else "".')
    revised_at: datetime.datetime | None = Field(
        description="The last update marked for readers (a write-through); null if none."
    )
    embargoed: datetime.datetime | None = Field(
        description="Partners only: the time before which the story must not be published (it is "
        "hidden from the public until then); null when it is not embargoed."
    )
    section: SectionRef | None
    lead_photo: PhotoOut | None
    authors: list[AuthorRef] = Field(description="The byline, in order; empty when the story has none.")
    ninjs_url: str

    @staticmethod
    def resolve_embargoed(story):
        return story.embargo_until if story.is_embargoed else None

    @staticmethod
    def resolve_translations(story, context):
        # Set by the endpoints (api/stories.py), which read every version of a page at once.
        return [
            {"language": code, "url": absolute(context, url)}
            for code, url in getattr(story, "translation_urls", [])
        ]

    @staticmethod
    def resolve_authors(story):
        return story.byline_authors  # prefetched with the stories (with_bylines)

    @staticmethod
    def resolve_ninjs_url(story, context):
        return api_url(context, "story-ninjs", story_id=story.pk)


class QuoteOut(Schema):
    id: int
    text: str
    verb: str
    context: str
    is_pull_quote: bool
    speaker: PersonRef


class Dateline(Schema):
    place: str
    agency: str
    text: str

    @staticmethod
    def resolve_place(story):
        return story.dateline_place

    @staticmethod
    def resolve_agency(story):
        return story.agency or settings.DEFAULT_AGENCY  # our own copy, as the dateline prints it

    @staticmethod
    def resolve_text(story):
        return story.dateline


class CorrectionOut(Schema):
    kind: str
    text: str
    created_at: datetime.datetime


class StoryDetail(StorySummary):
    body: str
    dateline: Dateline
    quotes: list[QuoteOut]
    people: list[PersonRef]
    topics: list[TopicRef]
    corrections: list[CorrectionOut]

    @staticmethod
    def resolve_dateline(story):
        return story  # the Dateline schema reads its parts from the story


class PersonQuoteOut(Schema):
    id: int
    text: str
    verb: str
    context: str
    story: StoryRef

    @staticmethod
    def resolve_story(quote):
        return quote.article


class PersonOut(PersonRef):
    aliases: list[str]
    bio: str
    portrait: PhotoOut | None
    quotes: list[PersonQuoteOut]
    all_quotes: str

    @staticmethod
    def resolve_aliases(person):
        return person.alias_list

    @staticmethod
    def resolve_quotes(person):
        return person.latest_quotes  # prefetched: the newest published ones only

    @staticmethod
    def resolve_all_quotes(person, context):
        return api_url(context, "person-quotes", slug=person.slug)


class AuthorOut(AuthorRef):
    id: int
    bio: str
    email: str
    links: list[str]
    portrait: PhotoOut | None
    stories: str

    @staticmethod
    def resolve_links(author):
        return author.link_list

    @staticmethod
    def resolve_stories(author, context):
        return f"{api_url(context, 'stories')}?author={author.slug}"


class ApiIndex(Schema):
    stories: str
    authors: str
    people: str
    topics: str
    sections: str
    openapi: str
    docs: str


# Named pages, so the OpenAPI document says StoryPage rather than Page_StorySummary_.
class StoryPage(Page[StorySummary]):
    pass


class PersonPage(Page[PersonRef]):
    pass


class AuthorPage(Page[AuthorRef]):
    pass


class PersonQuotePage(Page[PersonQuoteOut]):
    pass


class TopicPage(Page[TopicOut]):
    pass
