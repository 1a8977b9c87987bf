"""schema.org JSON-LD for stories, as Google's Article structured-data guide asks for.

Plain dicts built from model fields; templates render them with the `json_ld`
tag (articles/templatetags/seo.py), which escapes `<`, `>` and `&`.
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone

LOGO = {"path": "img/logo.png", "width": 600, "height": 60}


def iso(moment):
    """A W3C datetime in the site's time zone, to the second, as pages show it."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat() if moment else None


def author_name(article):
    """Who the story is by: the wire agency, or the publication for our own copy."""
    return article.agency or settings.SITE_NAME


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
        "caption": photo.caption or photo.alt_text,
        "creditText": photo.credit,
    }
    if photo.copyright:
        data["copyrightNotice"] = photo.copyright
    return data


def news_article(article, request):
    """The NewsArticle for one story; people and topics are read through prefetches."""
    url = request.build_absolute_uri(article.get_absolute_url())
    # A marked write-through, not a typo fix, is the modification search engines are told of.
    modified = max(article.modified_at, article.published_at) if article.published_at else article.modified_at
    own_copy = not article.agency
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": article.headline,
        "description": article.standfirst,
        "inLanguage": settings.NEWSROOM_PUBLICATION_LANGUAGE,
        "datePublished": iso(article.published_at),
        "dateModified": iso(modified),
        "author": [
            {
                "@type": "NewsMediaOrganization" if own_copy else "Organization",
                "name": author_name(article),
                **({"url": request.build_absolute_uri("/")} if own_copy else {}),
            }
        ],
        "publisher": publisher(request),
        "isAccessibleForFree": True,
    }
    if article.is_retracted:
        # Withdrawn: the headline and the notice, nothing of what was withdrawn.
        data["description"] = f"Retracted: {article.retraction_reason}"
        data["dateModified"] = iso(article.retracted_at) or data["dateModified"]
        return {key: value for key, value in data.items() if value not in (None, "")}
    if article.lead_photo:
        data["image"] = [image_object(article.lead_photo, request)]
    if article.dateline_place:
        data["dateline"] = article.dateline
        data["locationCreated"] = {"@type": "Place", "name": article.dateline_place}
    if article.section:
        data["articleSection"] = article.section.name
    people = [_person(person, request) for person in article.people.all()]
    topics = [
        {"@type": "Thing", "name": topic.name, "url": request.build_absolute_uri(topic.get_absolute_url())}
        for topic in article.topics.all()
    ]
    if people or topics:
        data["about"] = people + topics
    if topics:
        data["keywords"] = [topic["name"] for topic in topics]
    if article.is_live:
        data.update(live_blog(article, request, url))
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


def _person(person, request):
    """A Person, or an Organization for an organisation or a group that speaks as one:
    schema.org has no type for a family or a board, and Organization is the type Google's
    profile guide accepts beside Person."""
    data = {
        "@type": "Person" if person.is_person else "Organization",
        "name": person.name,
        "url": request.build_absolute_uri(person.get_absolute_url()),
    }
    if person.alias_list:
        data["alternateName"] = person.alias_list
    if person.is_person:
        if person.role:
            data["jobTitle"] = person.role
        if person.organisation:
            data["affiliation"] = {"@type": "Organization", "name": person.organisation}
    elif person.organisation:
        data["parentOrganization"] = {"@type": "Organization", "name": person.organisation}
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
