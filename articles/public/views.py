"""Public pages. Every read starts from a public queryset: Article.objects.published()
(or on_record() for a story's own address), Person/Topic/Author.objects.on_record()."""

from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe

from ..derived.cache import public_page
from ..derived.search import clean_query, ranked_story_ids, search_people, stories_by_id
from ..models import Article, Author, Correction, FrontSlot, Person, Quote, Section, Topic
from ..models.article_queries import prefetch_bylines
from ..models.files import signed_photo_urls
from ..models.language import current_edition
from .editions import story_alternates
from .live import cap_max_age, with_live_stream
from .pagination import paginate
from .preview import story_from_token
from .related import related_stories
from .story_page import fetch, related_cards, serve


def can_preview(user):
    """Staff who may view stories in the admin may also see drafts at their public address."""
    return user.is_active and user.is_staff and user.has_perm("articles.view_article")


@public_page
def story_list(request):
    # The front's lead and top slots (articles/models/front.py) are left out of the newest-first
    # list on every page, not only the first, so that paging through it skips nobody. Pins
    # start and lapse by the clock; the page cache's lifetime is bounded by those moments too.
    front = FrontSlot.objects.front(bylines=False)
    stories = (
        Article.objects.published().in_edition().for_listing(bylines=False).exclude(pk__in=front.shown_ids)
    )
    page = paginate(request, stories, cursor=True)
    # The strip and the front lead the first page only (not a ?page= past the end, shown as the
    # last), so other pages cost what they did. Strip items leave by the clock; the page cache's
    # lifetime is bounded by that moment (ArticleQuerySet.next_scheduled_change).
    first_page = page.number == 1 and request.GET.get("page", "1") == "1"
    breaking = list(Article.objects.published().in_edition().breaking()[:5]) if first_page else []
    # The cards' bylines, the front's and the list's, in one query.
    page.object_list = list(page.object_list)
    prefetch_bylines([*page.object_list, *(front.stories if first_page else [])])
    context = {"page_obj": page, "breaking": breaking, "front": front if first_page else None}
    return render(request, "articles/article_list.html", context)


def story_queryset(queryset):
    """A story with everything its page shows, in a fixed number of queries."""
    return (
        queryset.select_related("lead_photo", "section")
        .with_bylines()
        .prefetch_related(
            Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
            "people",
            "about",
            "topics",
        )
        .annotate(has_corrections=Exists(Correction.objects.filter(article=OuterRef("pk"))))
    )


@public_page
def story_detail(request, slug):
    if can_preview(request.user):
        article = story_queryset(Article.objects.all()).filter(slug=slug).first()
        if article is not None and article.language != current_edition():
            return redirect(article)
    else:
        article = fetch(slug)
        if article is not None and article.language != current_edition():
            # One address per story, in its own edition: /ru/news/<an English story>/ moves.
            return redirect(Article(slug=slug, language=article.language), permanent=True)
        if article is not None and article.is_published:
            # Readers get the page stored for this version (articles/public/story_page.py).
            cap_max_age(request, article)
            return serve(
                request,
                article,
                lambda pk: with_live_stream(story_queryset(Article.objects.all()).get(pk=pk)),
            )
        if article is not None:  # retracted: its notice, rendered afresh
            article = story_queryset(Article.objects.on_record()).filter(pk=article.pk).first()
    if article is None:
        # A story whose slug changed after publication keeps its old address, while the
        # story itself still answers at its new one (the same on_record() rule).
        moved = Article.objects.on_record().filter(old_slugs__old_slug=slug).only("slug", "language").first()
        if moved is not None:
            return redirect(moved, permanent=True)
        raise Http404("No story at this address.")
    return render_story(request, with_live_stream(article))


def story_preview(request, token):
    """A draft or scheduled story for someone holding a signed, unexpired, unrevoked link."""
    article = story_from_token(token, story_queryset(Article.objects.all()))
    if article is None:
        return render(request, "articles/preview_invalid.html", status=404)
    # Its photos are not public yet: the link's holder gets them through signed addresses.
    with signed_photo_urls():
        return render_story(request, with_live_stream(article))


def render_story(request, article):
    """The page rendered afresh, for staff, previews and retracted stories, in its edition."""
    with translation.override(article.language):
        return _render_story(request, article)


def _render_story(request, article):
    related = render_to_string(
        "articles/includes/_related.html", {"related": related_cards(related_stories(article))}
    )
    alternates, x_default = story_alternates(article, f"{request.scheme}://{request.get_host()}")
    context = {
        "article": article,
        "related_block": mark_safe(related),
        "page_alternates": alternates,
        "x_default_url": x_default,
    }
    response = render(request, "articles/article_detail.html", context)
    if not article.is_published:
        # A preview must never be stored by a shared cache nor indexed.
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    return response


@public_page
def person_detail(request, slug):
    person = get_object_or_404(Person.objects.on_record().select_related("portrait"), slug=slug)
    quotes = paginate(
        request,
        Quote.objects.published()
        .filter(speaker=person, article__language=current_edition())
        .select_related("article", "translation_of__article")
        .order_by("-article__published_at", "order"),
    )
    stories = Article.objects.published().in_edition().filter(people=person).for_listing()[:10]
    return render(
        request,
        "articles/person_detail.html",
        {"person": person, "page_obj": quotes, "stories": stories},
    )


@public_page
def author_detail(request, slug):
    author = get_object_or_404(Author.objects.on_record().select_related("portrait"), slug=slug)
    page = paginate(
        request, Article.objects.published().in_edition().filter(authors=author).for_listing(), cursor=True
    )
    return render(request, "articles/author_detail.html", {"author": author, "page_obj": page})


@public_page
def topic_detail(request, slug):
    topic = get_object_or_404(Topic.objects.on_record(), slug=slug)
    page = paginate(
        request, Article.objects.published().in_edition().filter(topics=topic).for_listing(), cursor=True
    )
    return render(request, "articles/topic_detail.html", {"topic": topic, "page_obj": page})


@public_page
def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = paginate(
        request, Article.objects.published().in_edition().filter(section=section).for_listing(), cursor=True
    )
    return render(request, "articles/section_detail.html", {"section": section, "page_obj": page})


@public_page
def search(request):
    query = clean_query(request.GET.get("q", ""))
    # One query finds and ranks the matches; the count, the page and the people box share it.
    ranked = ranked_story_ids(query)
    page = paginate(request, ranked)
    page.object_list = stories_by_id(page.object_list, query)
    # People (always on record) lead the first page only: further pages are more stories.
    people = search_people(query, ranked) if page.number == 1 else []
    return render(request, "articles/search.html", {"query": query, "page_obj": page, "people": people})
