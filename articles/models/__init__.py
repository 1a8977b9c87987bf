"""The newsroom's domain: one model family per module, each with its QuerySet, and the
rules the models call (status and published_q, transitions, the audit trail, the quote-
integrity gate, body sanitising).

May import: Django, django-taggit, django-reversion, the pure `articles.quotes` and
`articles.images.decode`. Never the public pages, the desk, the API, wire ingest or
derived data: they all import from here.
"""

from .article import Article, ArticleQuerySet
from .audit import AuditEvent
from .author import Author, Byline
from .autosave import UnsavedCopy
from .desk_profile import DeskProfile
from .editorial import Correction, Note, SlugRedirect, StatusChange
from .front import Front, FrontSlot
from .live import LiveEntry
from .partner import PartnerKey
from .person import Person
from .photo import Photo
from .quote import Quote
from .render import NewestLinked, StoryRender
from .rendition import Rendition
from .search import SearchEntry
from .section import Section
from .status import Status, on_record_q, published_q
from .tag import TaggedArticle, TaggedPerson, Topic
from .urgency import Urgency
from .wire import WireItem

__all__ = [
    "Article",
    "ArticleQuerySet",
    "AuditEvent",
    "Author",
    "Byline",
    "Correction",
    "DeskProfile",
    "Front",
    "FrontSlot",
    "LiveEntry",
    "NewestLinked",
    "Note",
    "PartnerKey",
    "Person",
    "Photo",
    "Quote",
    "Rendition",
    "SearchEntry",
    "Section",
    "SlugRedirect",
    "Status",
    "StatusChange",
    "StoryRender",
    "TaggedArticle",
    "TaggedPerson",
    "Topic",
    "UnsavedCopy",
    "Urgency",
    "WireItem",
    "on_record_q",
    "published_q",
]
