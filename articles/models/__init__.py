"""The newsroom's domain: one model family per module, each with its QuerySet."""

from .article import Article, ArticleQuerySet, published_q
from .person import Person
from .photo import Photo
from .quote import Quote
from .section import Section
from .tag import TaggedArticle, TaggedPerson, Topic

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Person",
    "Photo",
    "Quote",
    "Section",
    "TaggedArticle",
    "TaggedPerson",
    "Topic",
    "published_q",
]
