"""schema.org JSON-LD for stories, as Google's Article structured-data guide asks for.

Plain dicts built from model fields; templates render them with the `json_ld`
tag (articles/templatetags/seo.py), which escapes `<`, `>` and `&`.
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext

LOGO = {"path": "img/logo.png", "width": 600, "height": 60}


def iso(moment):
    """A W3C datetime in the site's time zone, to the second, as pages show it."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat() if moment else None


def author_name(article):
    """Who the story is by: its byline, else the wire agency, or the publication for our own copy.
    A retracted story keeps only its headline: not who wrote what was withdrawn."""
    byline = "" if article.is_retracted else article.byline_text
    return byline or article.agency or settings.SITE_NAME


def authors(article, request):
    """`author`: a Person per byline, with the url of their page, as Google's article guide
    asks; without a byline, the agency or the publication as before. The publication is
    the `publisher` either way."""
    people = [
        {
            "@type": "Person",
            "name": author.name,
            "url": request.build_absolute_uri(author.get_absolute_url()),
            **({"jobTitle": author.role} if author.role else {}),
            **(
                {"affiliation": {"@type": "Organization", "name": author.organisation}}
                if author.organisation
                else {}
            ),
        }
        # A retracted story keeps only its headline: not who wrote what was withdrawn.
        for author in ([] if article.is_retracted else article.byline_authors)
    ]
    if people:
        return people
    own_copy = not article.agency
    return [
        {
            "@type": "NewsMediaOrganization" if own_copy else "Organization",
            "name": author_name(article),
            **({"url": request.build_absolute_uri("/")} if own_copy else {}),
        }
    ]


def publisher(request):
    home = request.build_absolute_uri("/")
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.SITE_NAME,
        "url": home,
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(LOGO["path"])),
            "width": LOGO["width"],
            "height": LOGO["height"],
        },
    }


def image_object(photo, request):
    shared = photo.share_image
    data = {
        "@type": "ImageObject",
        "url": request.build_absolute_uri(shared.url),
        "width": shared.width,
        "height": shared.height,
        "caption": photo.local_caption or photo.local_alt_text,
        "creditText": photo.credit,
    }
    if photo.copyright:
        data["copyrightNotice"] = photo.copyright
    return data


def _translations(article, alternates):
    """schema.org's link between a work and its translations: the source names its versions
    (workTranslation), a version its source (translationOfWork)."""
    others = [
        {"@type": "NewsArticle", "@id": alternate.url, "url": alternate.url, "inLanguage": alternate.code}
        for alternate in alternates
        if not alternate.current
    ]
    if not others:
        return {}
    if article.translation_source_id == article.pk:
        return {"workTranslation": others}
    source = next((alternate for alternate in alternates if alternate.is_source), None)
    if source is None:
        return {}
    return {
        "translationOfWork": {
            "@type": "NewsArticle",
            "@id": source.url,
            "url": source.url,
            "inLanguage": source.code,
        }
    }


def news_article(article, request, alternates=()):
    """The NewsArticle for one story; people and topics are read through prefetches, its
    published versions in other languages from the page's `alternates` (public/editions.py)."""
    url = request.build_absolute_uri(article.get_absolute_url())
    # A marked write-through, not a typo fix, is the modification search engines are told of.
    modified = max(article.modified_at, article.published_at) if article.published_at else article.modified_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": article.headline,
        "description": article.standfirst,
        "inLanguage": article.language,
        "datePublished": iso(article.published_at),
        "dateModified": iso(modified),
        "author": authors(article, request),
        "publisher": publisher(request),
        "isAccessibleForFree": True,
    }
    if article.is_retracted:
        # Withdrawn: the headline and the notice, nothing of what was withdrawn.
        data["description"] = gettext("Retracted: %(reason)s") % {"reason": article.retraction_reason}
        data["dateModified"] = iso(article.retracted_at) or data["dateModified"]
        return {key: value for key, value in data.items() if value not in (None, "")}
    data.update(_translations(article, alternates))
    if article.lead_photo:
        data["image"] = [image_object(article.lead_photo, request)]
    if article.dateline_place:
        data["dateline"] = article.dateline
        data["locationCreated"] = {"@type": "Place", "name": article.dateline_place}
    if article.section:
        data["articleSection"] = article.section.local_name
    about, mentioned = article.people_by_role()
    topics = [
        {"@type": "Thing", "name": topic.name, "url": request.build_absolute_uri(topic.get_absolute_url())}
        for topic in article.topics.all()
    ]
    # `about` is the editor's choice of people, and the topics; everyone else named or
    # quoted is only mentioned (ninjs says the same: articles/wire/ninjs.py).
    if about or topics:
        data["about"] = [_person(person, request) for person in about] + topics
    if mentioned:
        data["mentions"] = [_person(person, request) for person in mentioned]
    if topics:
        data["keywords"] = [topic["name"] for topic in topics]
    if article.is_live:
        data.update(live_blog(article, request, url))
    quotes = list(article.quotes.all())
    if quotes:
        data["hasPart"] = [quotation(quote, url, request) for quote in quotes]
    return {key: value for key, value in data.items() if value not in (None, "")}


def live_blog(article, request, url):
    """What makes the NewsArticle a LiveBlogPosting (Google's live-blog guide): the coverage
    times and the entries the page shows, each a BlogPosting with its permalink."""
    stream = getattr(article, "live_stream", None)
    updates = [blog_posting(entry, request, url) for entry in (stream.entries if stream else [])]
    return {
        "@type": "LiveBlogPosting",
        "coverageStartTime": iso(article.coverage_started_at),
        "coverageEndTime": iso(article.coverage_end),
        "liveBlogUpdate": updates,
    }


def blog_posting(entry, request, story_url):
    data = {
        "@type": "BlogPosting",
        "@id": f"{story_url}#{entry.anchor}",
        "url": f"{story_url}#{entry.anchor}",
        "articleBody": entry.text,
        "datePublished": iso(entry.posted_at),
        "author": {"@type": "Person", "name": entry.byline},
    }
    if entry.headline:
        data["headline"] = entry.headline
    if entry.edited_at:
        data["dateModified"] = iso(entry.edited_at)
    if entry.photo:
        data["image"] = image_object(entry.photo, request)
    return data


def quotation(quote, article_url, request):
    """One quote as a schema.org Quotation, part of the story (`hasPart` / `isPartOf`, the
    two directions of one relation). `spokenByCharacter` is schema.org's property for the
    person or organisation a quotation is attributed to within the work containing it;
    `creator` would credit them with the Quotation itself. docs/authors.md says more."""
    return {
        "@type": "Quotation",
        "text": quote.text,
        "spokenByCharacter": _person(quote.speaker, request, brief=True),
        "isPartOf": {"@id": article_url},
    }


def _person(person, request, brief=False):
    """A Person, or an Organization for an organisation or a group that speaks as one:
    schema.org has no type for a family or a board, and Organization is the type Google's
    profile guide accepts beside Person. `brief`: type, name and url only (the full entry
    is already under about or mentions)."""
    data = {
        "@type": "Person" if person.is_person else "Organization",
        "name": person.local_name,
        "url": request.build_absolute_uri(person.get_absolute_url()),
    }
    if brief:
        return data
    if person.alias_list:
        data["alternateName"] = person.alias_list
    if person.is_person:
        if person.local_role:
            data["jobTitle"] = person.local_role
        if person.local_organisation:
            data["affiliation"] = {"@type": "Organization", "name": person.local_organisation}
    elif person.local_organisation:
        data["parentOrganization"] = {"@type": "Organization", "name": person.local_organisation}
    return data


def profile_page(person, request):
    """The ProfilePage of a person's, an organisation's or a group's public page."""
    url = request.build_absolute_uri(person.get_absolute_url())
    entity = _person(person, request)
    if person.bio:
        entity["description"] = person.bio
    if person.portrait:
        entity["image"] = image_object(person.portrait, request)
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "@id": url,
        "url": url,
        "dateModified": iso(person.updated_at),
        "mainEntity": entity,
    }


def author_profile_page(author, request):
    """The ProfilePage of an author's page: the Person behind the byline."""
    url = request.build_absolute_uri(author.get_absolute_url())
    entity = {"@type": "Person", "name": author.name, "url": url}
    if author.role:
        entity["jobTitle"] = author.role
    if author.organisation:
        entity["affiliation"] = {"@type": "Organization", "name": author.organisation}
    else:
        entity["worksFor"] = {"@type": "NewsMediaOrganization", "name": settings.SITE_NAME}
    if author.bio:
        entity["description"] = author.bio
    if author.portrait:
        entity["image"] = image_object(author.portrait, request)
    if author.link_list:
        entity["sameAs"] = author.link_list
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "@id": url,
        "url": url,
        "dateModified": iso(author.updated_at),
        "mainEntity": entity,
    }
