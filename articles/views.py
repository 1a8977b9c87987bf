"""Public pages. Every read of stories starts from Article.objects.published()."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control

from .models import Article, Person, Quote, Section, Topic


def paginate(request, queryset, per_page=None):
    """A page of `queryset`; a malformed or out-of-range ?page= gives the first or last page."""
    paginator = Paginator(queryset, per_page or settings.ARTICLES_PER_PAGE)
    return paginator.get_page(request.GET.get("page"))


def can_preview(user):
    """Staff who may view stories in the admin may also see drafts at their public address."""
    return user.is_active and user.is_staff and user.has_perm("articles.view_article")


def article_list(request):
    page = paginate(request, Article.objects.published().for_listing())
    return render(request, "articles/article_list.html", {"page_obj": page})


def article_detail(request, slug):
    preview = can_preview(request.user)
    stories = Article.objects.all() if preview else Article.objects.published()
    article = get_object_or_404(
        stories.select_related("lead_photo", "section").prefetch_related(
            Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
            "people",
            "topics",
        ),
        slug=slug,
    )
    response = render(request, "articles/article_detail.html", {"article": article})
    if not article.is_published:
        # A preview must never be stored by a shared cache nor indexed.
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    return response


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.select_related("portrait"), slug=slug)
    quotes = paginate(
        request,
        Quote.objects.published()
        .filter(speaker=person)
        .select_related("article")
        .order_by("-article__published_at", "order"),
    )
    stories = Article.objects.published().filter(people=person).for_listing()[:10]
    return render(
        request,
        "articles/person_detail.html",
        {"person": person, "page_obj": quotes, "stories": stories},
    )


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    page = paginate(request, Article.objects.published().filter(topics=topic).for_listing())
    return render(request, "articles/topic_detail.html", {"topic": topic, "page_obj": page})


def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = paginate(request, Article.objects.published().filter(section=section).for_listing())
    return render(request, "articles/section_detail.html", {"section": section, "page_obj": page})
