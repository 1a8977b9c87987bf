"""The story page as readers get it: stored per story version (StoryRender), related stories
merged from the newest stories of its topics and people (NewestLinked), and never stale."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.derived.cache import invalidate_public_pages
from articles.models import Article, Correction, StoryRender
from articles.public import story_page
from articles.public.related import related_stories
from articles.public.views import render_story, story_queryset

from .factories import ArticleFactory, PersonFactory, PhotoFactory, QuoteFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE = False


def ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


@pytest.fixture
def person():
    return PersonFactory(name="Irina Volkova", role="Minister of Water")


@pytest.fixture
def topic():
    return TopicFactory(name="Water")


@pytest.fixture
def story(person, topic):
    story = ArticleFactory(
        published=True,
        slug="river-talks",
        headline="River talks resume",
        body="<p>“We will not be hurried,” Irina Volkova said.</p>",
        section=SectionFactory(name="World"),
        lead_photo=PhotoFactory(caption="Delegates arrive", credit="Anna Petrova/Newsroom"),
        people=[person],
        topics=[topic],
        published_at=ago(1),
    )
    QuoteFactory(article=story, speaker=person, text="We will not be hurried", is_pull_quote=True)
    return story


def page(client, story):
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def fresh(client, story):
    """The page rendered afresh, as previews and staff get it (nothing stored, no lists)."""
    request = RequestFactory().get(story.get_absolute_url(), HTTP_HOST="testserver")
    request.user = AnonymousUser()
    article = story_queryset(Article.objects.all()).get(pk=story.pk)
    return render_story(request, article).content.decode()


def test_the_stored_page_is_the_page_rendered_afresh(client, story, topic):
    for hours in range(2, 8):
        ArticleFactory(published=True, topics=[topic], published_at=ago(hours), lead_photo=PhotoFactory())
    Correction.objects.create(article=story, text="An earlier version misspelt a name.")
    first = page(client, story)  # renders and stores
    assert StoryRender.objects.get(article=story).page
    assert page(client, story) == first == fresh(client, story)
    assert "http://testserver/news/river-talks/" in first  # the request's own origin
    assert story_page.RENDER_HOST not in first
    assert story_page.RELATED_SLOT not in first


def test_each_host_gets_its_own_origin(client, story):
    page(client, story)
    other = client.get(story.get_absolute_url(), HTTP_HOST="localhost").content.decode()
    assert '<link rel="canonical" href="http://localhost/news/river-talks/">' in other


def test_a_stored_page_costs_three_queries(client, story, topic):
    ArticleFactory(published=True, topics=[topic], published_at=ago(2))
    page(client, story)
    with CaptureQueriesContext(connection) as queries:
        page(client, story)
    # The story with its render, the newest lists of its topic and person, the related cards:
    # one query on PostgreSQL, which reads all three at once (story_page._RELATED_SQL).
    assert len(queries) == (1 if connection.vendor == "postgresql" else 3)


@pytest.mark.parametrize(
    "change",
    [
        lambda story: setattr(story, "headline", "River talks collapse") or story.save(),
        lambda story: Correction.objects.create(article=story, text="River talks collapse, we said."),
        # A new quote puts its speaker under "Quoted in this story".
        lambda story: QuoteFactory(article=story, speaker=PersonFactory(name="River talks collapse")),
        lambda story: story.people.add(PersonFactory(name="River talks collapse")),
        lambda story: story.topics.add(TopicFactory(name="River talks collapse")),
        lambda story: setattr(story.lead_photo, "caption", "River talks collapse") or story.lead_photo.save(),
        lambda story: setattr(story.section, "name", "River talks collapse") or story.section.save(),
    ],
    ids=["headline", "correction", "quote", "person", "topic", "photo", "section"],
)
def test_every_change_the_page_shows_is_seen_at_once(client, story, change):
    assert "River talks collapse" not in page(client, story)
    change(story)
    assert "River talks collapse" in page(client, story)


def test_a_person_renamed_is_seen_on_every_story_quoting_them(client, story, person):
    page(client, story)
    person.name = "Irina Volkova-Smirnova"
    person.save()
    assert "Irina Volkova-Smirnova" in page(client, story)


def test_a_render_made_before_a_change_is_never_served(client, story, person):
    """A reader renders from the old rows, a change commits, then the reader stores."""
    page(client, story)
    article = story_page.fetch(story.slug)
    stamp = article.render.stamp
    old = story_queryset_of(story)
    person.name = "Irina Volkova-Smirnova"
    person.save()  # draws a new stamp
    parts = story_page.render_story_parts(old)
    story_page.store(old, stamp, story_page.render_context(), page=parts[0], card=parts[1], links=parts[2])
    assert "Irina Volkova-Smirnova" in page(client, story)


def story_queryset_of(story):
    return story_queryset(Article.objects.all()).get(pk=story.pk)


def test_bulk_writes_that_say_so_are_seen(client, story):
    page(client, story)
    Article.objects.filter(pk=story.pk).update(standfirst="Bulk-edited standfirst")
    invalidate_public_pages()
    assert "Bulk-edited standfirst" in page(client, story)


# Related stories from the newest lists.


def related_headlines(client, story):
    content = page(client, story)
    section = content.partition('<section class="related"')[2]
    return [
        a.partition(">")[2].partition("</a>")[0]
        for a in section.split('<h3 class="related-headline"><a href=')[1:]
    ]


def test_a_neighbour_published_later_appears_at_once(client, story, topic):
    assert related_headlines(client, story) == []
    draft = ArticleFactory(topics=[topic], headline="Fresh neighbour")
    assert related_headlines(client, story) == []
    draft.status, draft.published_at = Article.Status.PUBLISHED, ago(0.5)
    draft.save()
    assert related_headlines(client, story) == ["Fresh neighbour"]


def test_a_neighbour_unpublished_or_retracted_leaves_at_once(client, story, topic, person):
    gone = ArticleFactory(published=True, topics=[topic], headline="Soon gone", published_at=ago(2))
    withdrawn = ArticleFactory(published=True, people=[person], headline="Withdrawn", published_at=ago(3))
    assert related_headlines(client, story) == ["Soon gone", "Withdrawn"]
    gone.unpublish()
    withdrawn.retract(reason="Not true.")
    assert related_headlines(client, story) == []


def test_a_neighbours_new_headline_is_on_its_card(client, story, topic):
    neighbour = ArticleFactory(published=True, topics=[topic], headline="Old card", published_at=ago(2))
    assert related_headlines(client, story) == ["Old card"]
    neighbour.headline = "New card"
    neighbour.save()
    assert related_headlines(client, story) == ["New card"]


def test_a_scheduled_neighbour_appears_on_time(client, story, topic):
    at = timezone.now() + datetime.timedelta(minutes=30)
    ArticleFactory(
        status=Article.Status.PUBLISHED, published_at=at, topics=[topic], headline="Scheduled scoop"
    )
    assert related_headlines(client, story) == []
    with time_machine.travel(at + datetime.timedelta(seconds=1)):
        assert related_headlines(client, story) == ["Scheduled scoop"]


def test_an_expiring_neighbour_leaves_on_time(client, story, topic):
    until = timezone.now() + datetime.timedelta(minutes=30)
    ArticleFactory(published=True, topics=[topic], headline="Short-lived", expires_at=until)
    assert related_headlines(client, story) == ["Short-lived"]
    with time_machine.travel(until + datetime.timedelta(seconds=1)):
        assert related_headlines(client, story) == []


def test_links_added_and_removed_move_the_lists(client, story, topic):
    other_topic = TopicFactory(name="Power")
    neighbour = ArticleFactory(published=True, topics=[other_topic], headline="Power cut")
    assert related_headlines(client, story) == []
    story.topics.add(other_topic)
    assert related_headlines(client, story) == ["Power cut"]
    neighbour.topics.remove(other_topic)
    assert related_headlines(client, story) == []


def test_the_lists_give_what_the_reference_query_gives(client, story, topic, person):
    topics = [topic, *(TopicFactory() for _ in range(3))]
    people = [person, PersonFactory()]
    story.topics.add(*topics[1:])
    story.people.add(people[1])
    for number in range(40):
        ArticleFactory(
            published=number % 7 != 0,
            topics=[topics[number % 4]] if number % 3 else [],
            people=[people[number % 2]] if number % 5 == 0 else [],
            published_at=ago(2 + number % 11),
        )
    links = story_page.render_story_parts(story_queryset_of(story))[2]
    expected = related_stories(Article.objects.prefetch_related("people", "topics").get(pk=story.pk))
    assert story_page.related_ids(story.pk, links, story.language) == [other.pk for other in expected]


def test_the_related_block_read_with_the_story_is_the_one_read_alone(
    client, story, topic, person, monkeypatch
):
    # On PostgreSQL the story's own query reads its related block; on SQLite both sides read
    # it apart, so this compares like with like there and the two paths on PostgreSQL.
    topics = [topic, *(TopicFactory() for _ in range(2))]
    story.topics.add(*topics[1:])
    for number in range(30):
        ArticleFactory(
            published=number % 6 != 0,
            topics=[topics[number % 3]] if number % 4 else [],
            people=[person] if number % 5 == 0 else [],
            published_at=ago(2 + number % 9),
        )
    page(client, story)  # renders the page and stores it, and the related cards with it
    page(client, story)
    with CaptureQueriesContext(connection) as queries:
        together = page(client, story)
    assert len(queries) == (1 if connection.vendor == "postgresql" else 3)
    monkeypatch.setattr(story_page, "_prefetched_related", lambda *args: None)
    assert page(client, story) == together
    expected = related_stories(Article.objects.prefetch_related("people", "topics").get(pk=story.pk))
    assert len(expected) == 4 and together.count('class="related-item"') == 4
    for other in expected:
        assert other.get_absolute_url() in together


# The story page's queries, compiled once (articles/public/compiled.py).


def test_the_compiled_story_query_gives_what_its_queryset_gives(story):
    draft = ArticleFactory(published=False)
    later = ArticleFactory(published=True, published_at=timezone.now() + datetime.timedelta(hours=2))
    for article in (story, draft, later):
        found = story_page.fetch(article.slug)
        expected = Article.objects.on_record().filter(slug=article.slug).values_list("pk", flat=True)
        assert (found.pk if found else None) == (expected[0] if expected else None), article.status
    assert story_page.fetch(draft.slug) is None and story_page.fetch(later.slug) is None
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=3)):
        assert story_page.fetch(later.slug).pk == later.pk  # the clock is a parameter, not compiled in


def test_the_compiled_lists_query_takes_every_shape(story, topic, person):
    other_topic, other_person = TopicFactory(), PersonFactory()
    for links in (
        [["t", topic.pk]],
        [["p", person.pk]],
        [["t", topic.pk], ["t", other_topic.pk], ["p", person.pk]],
        [["t", topic.pk], ["p", person.pk], ["p", other_person.pk]],
    ):
        lists = story_page.newest_lists(links)
        assert set(lists) == {(kind, key) for kind, key in links}
        for (kind, key), stories in lists.items():
            row = story_page.NewestLinked.objects.get(kind=kind, key=key)
            assert [list(pair) for pair in stories] == [list(pair) for pair in row.stories]


def test_placeholders_that_clash_are_refused():
    from articles.public.compiled import Compiled

    query = Compiled(
        Article, lambda shape: (Article.objects.filter(pk__in=[-1, -1]).values_list("pk"), [-1, -1], {})
    )
    with pytest.raises(ValueError, match="distinct"):
        query.rows(1, [5, 6])
