"""RSS 2.0 and Atom feeds of the latest published stories: all, or one section, topic, person or author.

Built on contrib's Feed. Each entry carries the headline, link, standfirst,
publication and update times, its byline (RSS `dc:creator` and Atom `author` per author,
with the author's page in Atom; the agency or the publication when it has none), topics
as categories, and the lead photo as an enclosure with its credit (RSS adds Media RSS for it).
`conditional()` gives every feed an ETag and Last-Modified from its own items.
"""

import hashlib
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, rfc3339_date
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from ..derived.cache import public_page
from ..models import Article, Author, Person, Section, Topic
from .structured_data import author_name

MEDIA_RSS = "http://search.yahoo.com/mrss/"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"

# Characters XML 1.0 cannot carry at all; editors' text may still hold them (pasted copy).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value):
    """`value` (a string, or strings in a list or dict) without characters XML cannot carry."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(xml_text(item) for item in value)
    if isinstance(value, dict):
        return {key: xml_text(item) for key, item in value.items()}
    return value


class XmlTextMixin:
    """A feed generator that drops unencodable characters instead of failing the whole feed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*xml_text(args), **xml_text(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*xml_text(args), **xml_text(kwargs))


class AtomFeed(XmlTextMixin, Atom1Feed):
    """Atom with one <author> per byline author, their page as its <uri>."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item.get("authors") or ():
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")


class MediaRssFeed(XmlTextMixin, Rss201rev2Feed):
    """RSS 2.0 plus the lead photo as media:content with its credit, and atom:updated."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_RSS, "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # Dublin Core's creator repeats, one per author; RSS's own <author> wants an e-mail.
        for name, _url in item.get("authors") or ():
            handler.addQuickElement("dc:creator", name)
        # RSS 2.0 has no update time; the Atom namespace it already declares does.
        if item["updateddate"] is not None:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        photo = item.get("photo")
        if photo:
            attrs = {key: str(photo[key]) for key in ("url", "type", "width", "height")}
            handler.startElement("media:content", {**attrs, "medium": "image"})
            # Readers (feedparser among them) treat media:description as HTML whatever its
            # declared type, so it is sent as escaped HTML and declared so.
            handler.addQuickElement("media:description", escape(photo["description"]), {"type": "html"})
            handler.addQuickElement("media:credit", photo["credit"])
            handler.endElement("media:content")


class LatestStoriesFeed(Feed):
    """The newest published stories; subclasses narrow `stories()` to one section, topic or person."""

    feed_type = MediaRssFeed
    size = 30
    # language: None, so contrib Feed declares the active edition's (get_language()).
    link = reverse_lazy("articles:list")

    def title(self, obj):
        return _("%(site)s: latest stories") % {"site": settings.SITE_NAME}

    def description(self, obj):
        return _("The latest stories from %(site)s.") % {"site": settings.SITE_NAME}

    def stories(self, obj):
        # Each edition's feeds carry its own stories (/ru/feeds/… the Russian ones).
        return Article.objects.published().in_edition().for_listing()

    def items(self, obj):
        return self.stories(obj).prefetch_related("topics")[: self.size]

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # contrib makes item links absolute but not enclosures; media URLs may
        # already be absolute (object storage), which build_absolute_uri keeps.
        for item in feed.items:
            for enclosure in item["enclosures"]:
                enclosure.url = request.build_absolute_uri(enclosure.url)
            if item.get("photo"):
                item["photo"]["url"] = request.build_absolute_uri(item["photo"]["url"])
            if "authors" in item:  # bylines; a live blog's entries carry none
                item["authors"] = [(name, request.build_absolute_uri(url)) for name, url in item["authors"]]
        return feed

    def item_title(self, item):
        # The wire's own convention: a FLASH reads as one in any feed reader, which shows
        # titles but rarely categories. The guid (the story's URL) stays the same.
        return f"{_(item.urgency_word)}: {item.headline}" if item.urgency_word else item.headline

    def item_description(self, item):
        summary = format_html("<p>{}</p>", item.standfirst or item.headline)
        if item.lead_photo:
            photo = item.lead_photo
            summary += format_html(
                "<p>{} {} {}</p>", _("Photo:"), photo.local_caption or photo.local_alt_text, photo.credit_line
            )
        return summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        # A scheduled story was last saved before it went live; a marked write-through
        # is the update a reader is told of.
        return max(item.modified_at, item.published_at)

    def item_author_name(self, item):
        # A story with a byline names each author itself (item_extra_kwargs); one without
        # is credited to the agency, or the publication for our own copy.
        return None if item.byline_authors else author_name(item)

    def item_categories(self, item):
        word = [item.urgency_word] if item.urgency_word else []
        return word + [topic.name for topic in item.topics.all()]

    def item_enclosures(self, item):
        photo = item.lead_photo
        if not photo:
            return []
        shared = photo.share_image
        return [Enclosure(shared.url, str(shared.size), shared.mime_type)]

    def item_extra_kwargs(self, item):
        authors = [(author.credit, author.get_absolute_url()) for author in item.byline_authors]
        photo = item.lead_photo
        if not photo:
            return {"authors": authors}
        shared = photo.share_image
        return {
            "authors": authors,
            "photo": {
                "url": shared.url,
                "type": shared.mime_type,
                "width": shared.width,
                "height": shared.height,
                "description": photo.local_caption or photo.local_alt_text,
                "credit": photo.credit_line,
            },
        }


class LatestStoriesAtomFeed(LatestStoriesFeed):
    feed_type = AtomFeed

    def subtitle(self, obj):
        return self.description(obj)


class SectionFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, section):
        return f"{settings.SITE_NAME}: {section.local_name}"

    def link(self, section):
        return section.get_absolute_url()

    def description(self, section):
        return section.description or _("The latest %(section)s stories from %(site)s.") % {
            "section": section.local_name,
            "site": settings.SITE_NAME,
        }

    def stories(self, section):
        return super().stories(section).filter(section=section)


class SectionAtomFeed(SectionFeed, LatestStoriesAtomFeed):
    pass


class TopicFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic.objects.on_record(), slug=slug)

    def title(self, topic):
        return f"{settings.SITE_NAME}: {topic.name}"

    def link(self, topic):
        return topic.get_absolute_url()

    def description(self, topic):
        return topic.description or _("Stories about %(topic)s from %(site)s.") % {
            "topic": topic.name,
            "site": settings.SITE_NAME,
        }

    def stories(self, topic):
        return super().stories(topic).filter(topics=topic)


class TopicAtomFeed(TopicFeed, LatestStoriesAtomFeed):
    pass


class PersonFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Person.objects.on_record(), slug=slug)

    def title(self, person):
        return f"{settings.SITE_NAME}: {person.local_name}"

    def link(self, person):
        return person.get_absolute_url()

    def description(self, person):
        return _("Stories mentioning %(name)s, from %(site)s.") % {
            "name": person.local_name,
            "site": settings.SITE_NAME,
        }

    def stories(self, person):
        return super().stories(person).filter(people=person)


class PersonAtomFeed(PersonFeed, LatestStoriesAtomFeed):
    pass


class AuthorFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author.objects.on_record(), slug=slug)

    def title(self, author):
        return _("%(site)s: stories by %(name)s") % {"site": settings.SITE_NAME, "name": author.name}

    def link(self, author):
        return author.get_absolute_url()

    def description(self, author):
        return _("Stories by %(name)s, from %(site)s.") % {"name": author.credit, "site": settings.SITE_NAME}

    def stories(self, author):
        return super().stories(author).filter(authors=author)


class AuthorAtomFeed(AuthorFeed, LatestStoriesAtomFeed):
    pass


def conditional(feed):
    """`feed` as a public view answering 304 Not Modified when the reader has its current items.

    The ETag covers which stories are in the feed and their versions, so a story
    leaving the feed (unpublished) changes it even though no date moves forward.
    """

    def versions(request, *args, **kwargs):
        obj = feed.get_object(request, *args, **kwargs)
        return list(feed.stories(obj)[: feed.size].values_list("pk", "published_at", "updated_at"))

    def etag(request, *args, **kwargs):
        return hashlib.sha256(repr(versions(request, *args, **kwargs)).encode()).hexdigest()[:32]

    def last_modified(request, *args, **kwargs):
        return max((max(dates) for _, *dates in versions(request, *args, **kwargs)), default=None)

    # Shared caches may keep a feed only until the next scheduled story goes live.
    return public_page(condition(etag_func=etag, last_modified_func=last_modified)(feed))
