"""Which editions a public page exists in, as its language switcher and hreflang links say.

A story has versions only in its translation group, and only those published now count: a
draft, scheduled or embargoed translation leaves no link on its published siblings' pages.
Every other public page (the front, a section, a topic, a person, an author, search) exists
in every edition at the same path under the edition's prefix.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url

from ..models import Article
from ..models.language import current_edition, default_language, edition_codes, language_name


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str
    current: bool
    # The source story of a translation group (a story's alternates only).
    is_source: bool = False


def alternates_of(urls, current, x_default, source=None):
    """(alternates, x-default URL) for {code: url}; nothing when the page has one version."""
    if len(urls) < 2:
        return [], None
    ordered = [code for code in edition_codes() if code in urls]
    alternates = [
        Alternate(code, language_name(code), urls[code], code == current, code == source) for code in ordered
    ]
    return alternates, urls.get(x_default) or alternates[0].url


def story_versions(article):
    """[(language, slug, pk)] of the published versions of `article`'s translation group,
    itself included: one query, and none for a story never translated."""
    if article.translation_source_id is None:
        return []
    rows = (
        Article.objects.published()
        .filter(translation_source_id=article.translation_source_id)
        .exclude(pk=article.pk)
        .values_list("language", "slug", "pk")
    )
    return [(article.language, article.slug, article.pk), *rows]


def group_versions(articles):
    """story_versions() for many stories at once (a sitemap's or the API's page): {pk:
    versions} for those of `articles` in a translation group with another version
    published, each story first; one query for all their groups, none when no story of
    them was ever translated."""
    groups = {article.translation_source_id for article in articles if article.translation_source_id}
    if not groups:
        return {}
    members = defaultdict(list)
    rows = (
        Article.objects.published()
        .filter(translation_source_id__in=groups)
        .values_list("translation_source_id", "language", "slug", "pk")
    )
    for group, *version in rows:
        members[group].append(tuple(version))
    return {
        article.pk: [
            (article.language, article.slug, article.pk),
            *(version for version in members[article.translation_source_id] if version[2] != article.pk),
        ]
        for article in articles
        if article.translation_source_id in members
    }


def story_alternates(article, origin, versions=None, *, path=None):
    """The story's alternates at `origin` ("https://example.org"): its published versions;
    x-default is the source story when it is among them. `path(code, slug)` gives a
    version's path (a sitemap's, formatted rather than reversed: it writes thousands)."""
    versions = story_versions(article) if versions is None else versions
    path = path or (lambda code, slug: Article(slug=slug, language=code).get_absolute_url())
    urls = {code: origin + path(code, slug) for code, slug, _ in versions}
    source = next((code for code, _, pk in versions if pk == article.translation_source_id), None)
    return alternates_of(urls, article.language, source or default_language(), source)


def page_alternates(request):
    """The same page in every edition, for the pages that exist in all of them."""
    path = request.get_full_path()
    origin = f"{request.scheme}://{request.get_host()}"
    urls = {code: origin + translate_url(path, code) for code in edition_codes()}
    return alternates_of(urls, current_edition(), settings.LANGUAGE_CODE)


def context(request):
    """Template context: `page_alternates` and `x_default_url` for public list pages. A story's
    page passes its own (story_alternates), which take precedence over these."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.namespace != "articles" or match.url_name in SINGLE_EDITION_PAGES:
        return {}
    alternates, x_default = page_alternates(request)
    return {"page_alternates": alternates, "x_default_url": x_default}


# Pages that are one story's (in its own language) or not pages at all.
SINGLE_EDITION_PAGES = {"story", "preview", "live-entries", "photo-file", "robots"}
