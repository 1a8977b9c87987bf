"""The framework floor: the story and list templates rendered from objects in memory.

Mounted under /bench/floor/ by bench/urls.py, in the benchmark's settings only (bench/settings.py).
Same templates, middleware, context processors and cache reads as the real
pages, same amount of copy (bench/corpus.py), but not one SQL query: what the
site would cost if the database were free. The benchmark reports each real
page's rate as a share of this.
"""

from functools import cache

from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import path
from django.utils import timezone
from django.utils.safestring import mark_safe

from articles.derived.cache import cache_publicly
from articles.images.renditions import rendition_specs
from articles.models import Article, Person, Photo, Quote, Section, Topic
from articles.public.pagination import BoundedPage
from articles.public.story_page import related_cards
from bench import corpus


def _loaded(model, objects):
    """A queryset whose rows are already fetched, as a prefetch leaves it."""
    queryset = model.objects.all()
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    return queryset


def _photo(number, renditions=None):
    photo = Photo(
        id=number,
        image=f"photos/bench/bench-{number}.jpg",
        width=1600,
        height=1067,
        caption=f"A generated picture, number {number}.",
        credit="Newsroom Bench/Generated",
        alt_text=f"Benchmark picture {number}: coloured discs on a grey gradient",
    )
    if renditions is not None:
        photo.rendition_index = renditions
        return photo
    # The renditions the photo pipeline would have stored for a picture of this size.
    photo.rendition_index = [
        {
            "spec": spec.name,
            "kind": spec.kind,
            "format": spec.format,
            "name": f"photos/renditions/{number}/bench-{number}-{spec.name}",
            "width": spec.width,
            "height": spec.height,
            "size": spec.width * spec.height // 10,
        }
        for spec in rendition_specs(photo)
    ]
    return photo


def _person(index):
    copy = corpus.person_copy(index)
    return Person(id=index, name=copy.name, slug=copy.slug, role=copy.role, organisation=copy.organisation)


@cache
def _copy(index):
    return corpus.story_copy(index, lambda i: corpus.person_copy(i).name)


@cache
def _renditions(number):
    return _photo(number).rendition_index


def _story(index):
    """A fresh story each time, as a query would give: only the text is generated once, so
    per-instance work (cached properties such as a photo's <picture>) is redone per request."""
    copy = _copy(index)
    published_at = timezone.now() - index * corpus.STORY_INTERVAL
    article = Article(
        id=index,
        headline=copy.headline,
        slug=copy.slug,
        standfirst=copy.standfirst,
        body=copy.body,
        dateline_place=copy.place,
        agency=copy.agency,
        status=Article.Status.PUBLISHED,
        published_at=published_at,
        created_at=published_at,
        updated_at=published_at,
    )
    article.section = Section(id=copy.section, name=corpus.SECTIONS[copy.section - 1], slug="world")
    article.lead_photo = _photo(index % 24 + 1, _renditions(index % 24 + 1))
    people = {i: _person(i) for i in copy.people}
    quotes = [
        Quote(
            id=index * 3 + n,
            article=article,
            speaker=people[speaker],
            text=text,
            verb=verb,
            order=n,
            is_pull_quote=n == 0,
        )
        for n, (speaker, text, verb) in enumerate(copy.quotes)
    ]
    topics = [Topic(id=rank, name=corpus.TOPIC_NAMES[rank - 1], slug=f"topic-{rank}") for rank in copy.topics]
    article._prefetched_objects_cache = {
        "quotes": _loaded(Quote, quotes),
        "people": _loaded(Person, people.values()),
        "topics": _loaded(Topic, topics),
    }
    article.has_corrections = False
    return article


def story(request):
    stories = [_story(index) for index in range(1, 6)]
    # The page's related block as story_page.render_story builds it: the template reads
    # `related_block` (a `related` list would leave the four cards out of the floor).
    related = render_to_string("articles/includes/_related.html", {"related": related_cards(stories[1:5])})
    response = render(
        request, "articles/article_detail.html", {"article": stories[0], "related_block": mark_safe(related)}
    )
    return cache_publicly(response)


def story_list(request):
    # The first of fifty numbered pages, with more beyond, as on a large archive.
    paginator = Paginator(range(1000), 20)
    paginator.query, paginator.cursor, paginator.truncated = request.GET, True, True
    page = BoundedPage([_story(index) for index in range(1, 21)], 1, paginator)
    response = render(request, "articles/article_list.html", {"page_obj": page})
    return cache_publicly(response)


urlpatterns = [
    path("story/", story, name="bench-floor-story"),
    path("list/", story_list, name="bench-floor-list"),
]
