"""The newsroom's domain: one model family per module, each with its QuerySet."""

from .article import Article, ArticleQuerySet, published_q
from .audit import AuditEvent
from .person import Person
from .photo import Photo
from .quote import Quote
from .rendition import Rendition
from .search import SearchEntry
from .section import Section
from .tag import TaggedArticle, TaggedPerson, Topic
from .wire import WireItem
from .workflow import Correction, Note, SlugRedirect, StatusChange

__all__ = [
    "Article",
    "ArticleQuerySet",
    "AuditEvent",
    "Correction",
    "Note",
    "Person",
    "Photo",
    "Quote",
    "Rendition",
    "SearchEntry",
    "Section",
    "SlugRedirect",
    "StatusChange",
    "TaggedArticle",
    "TaggedPerson",
    "Topic",
    "WireItem",
    "published_q",
]
