"""Every public read is served by an index, as PostgreSQL's planner sees it.

The archive is seed_bench's (also checked here, on every database). Tables this
small would be read whole by the planner anyway, so sequential scans are
priced out (`enable_seqscan = off`): a query that still scans a big table has
no index to use. The benchmark (make bench) shows the same plans at 100,000
stories and more.
"""

import json
import re

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.derived.search import search_config, search_stories
from articles.models import Article, Person, Quote, SearchEntry, Section, TaggedArticle, Topic
from articles.public.pagination import format_cursor
from articles.public.sitemaps import BLOCK_SIZE
from bench import corpus, seed

from .crawl import story_sitemap_path

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="query plans are PostgreSQL's: run with DATABASE_URL=postgres://… (CI does)",
)

STORIES = 120
# Tables that grow with the archive; the others (sections, topics, photos) stay small.
BIG_TABLES = {
    "articles_article",
    "articles_article_people",
    "articles_taggedarticle",
    "articles_quote",
    "articles_searchentry",
    "articles_person",
}


@pytest.fixture
def archive(settings):
    settings.PAGE_CACHE = False  # plans of the rendering path, not of the cache
    call_command(seed.Command(), stories=STORIES, photos=1, jobs=1, stdout=_Quiet())
    return Article.objects.published()


class _Quiet:
    def write(self, text):
        pass

    def flush(self):
        pass


def test_seed_bench_builds_the_archive_it_promises(archive):
    assert Article.objects.count() == STORIES
    assert archive.count() == STORIES - STORIES // corpus.DRAFT_EVERY
    assert Quote.objects.count() == STORIES * corpus.QUOTES_PER_STORY
    assert TaggedArticle.objects.count() == STORIES * corpus.TOPICS_PER_STORY
    assert Article.people.through.objects.count() == STORIES * corpus.PEOPLE_PER_STORY
    assert Person.objects.count() == corpus.people_pool(STORIES)
    assert SearchEntry.objects.count() == STORIES
    # Quotes appear in their story's body, as the desk's publish check demands.
    quote = Quote.objects.select_related("article").first()
    assert quote.text in quote.article.body
    # The search index was filled: a story is found by its person's name.
    story = archive.prefetch_related("people").first()
    name = story.people.all()[0].name
    assert story in search_stories(name)


def test_seed_bench_adds_only_the_older_stories_missing(archive):
    newest = Article.objects.get(pk=1)
    call_command(seed.Command(), stories=STORIES + 20, photos=1, jobs=1, stdout=_Quiet())
    assert Article.objects.count() == STORIES + 20
    assert Article.objects.get(pk=1).published_at == newest.published_at
    oldest = Article.objects.exclude(published_at=None).order_by("published_at").first()
    assert oldest.pk in {STORIES + 20, STORIES + 19}  # one of the two may be a draft


def plans_of(client, url, priced_out=("seqscan",)):
    """The JSON plan of every query `url` runs, with the `priced_out` scan types
    used only where nothing else can answer."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    with connection.cursor() as cursor:
        for scan in priced_out:
            cursor.execute(f"SET LOCAL enable_{scan} = off")
        plans = []
        for query in queries:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {query['sql']}")
            (result,) = cursor.fetchone()
            plans.append((query["sql"], result[0]["Plan"]))
        for scan in priced_out:
            cursor.execute(f"SET LOCAL enable_{scan} = on")
    return plans


def nodes(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from nodes(child)


def scanned(plans):
    return {
        node["Relation Name"] for _, plan in plans for node in nodes(plan) if node["Node Type"] == "Seq Scan"
    }


def indexes(plans):
    return {node["Index Name"] for _, plan in plans for node in nodes(plan) if "Index Name" in node}


def public_urls(archive):
    middle = archive.order_by("-published_at", "-id")[STORIES // 2]
    person = Person.objects.get(pk=corpus.people_pool(STORIES) // 2)
    return {
        "list": "/",
        "list page 2": "/?page=2",
        "list cursor": f"/?before={format_cursor(middle)}",
        "story": middle.get_absolute_url(),
        "person": person.get_absolute_url(),
        "topic": Topic.objects.get(slug=corpus.TOPIC_NAMES[9].lower()).get_absolute_url(),
        "section": Section.objects.get(slug="world").get_absolute_url(),
        "search": f"/search/?q={person.name.replace(' ', '+')}",
        "feed": "/feeds/rss/",
        "sitemap index": "/sitemap.xml",
        "sitemap month": story_sitemap_path(middle),
        "sitemap people": f"/sitemap-people-{person.pk // BLOCK_SIZE}.xml",
    }


@postgres_only
@pytest.mark.parametrize(
    "page",
    [
        "list",
        "list page 2",
        "list cursor",
        "story",
        "person",
        "topic",
        "section",
        "search",
        "feed",
        "sitemap index",
        "sitemap month",
        "sitemap people",
    ],
)
def test_no_public_page_scans_a_growing_table(client, archive, page):
    plans = plans_of(client, public_urls(archive)[page])
    assert not scanned(plans) & BIG_TABLES, f"{page}: {scanned(plans) & BIG_TABLES} read whole"


@postgres_only
@pytest.mark.parametrize(
    ("page", "index"),
    [
        ("list", "article_live_idx"),
        ("list cursor", "article_live_idx"),
        ("feed", "article_live_idx"),
        ("section", "article_section_live_idx"),
    ],
)
def test_story_lists_read_the_published_index_in_order(client, archive, page, index):
    # Sorting is priced out too: a few rows would be sorted in memory, millions must not be.
    plans = plans_of(client, public_urls(archive)[page], priced_out=("seqscan", "sort"))
    assert index in indexes(plans)
    for sql, plan in plans:
        if "pin_position" in sql:
            # The front page's pinned stories and its lead: at most TOP_SLOTS + 1 rows, found by
            # id, then put in their places; sorting those few is what the query is for.
            continue
        if "ORDER BY" in sql and "LIMIT" in sql:
            # Newest first straight from the index: no sort of every matching row.
            assert not any(node["Node Type"] == "Sort" for node in nodes(plan)), sql


@postgres_only
@pytest.mark.parametrize("kind", ["people", "topics"])
def test_list_sitemaps_probe_each_row_instead_of_joining_every_story_link(client, archive, kind):
    # EXISTS would become a semi-join over all of article_people (or the topic links): at a
    # million stories that read two million links for one block of people.
    # A per-row subplan that stops at the first published story is the plan we rely on,
    # in the paginator's count and in the page's query alike.
    links = "articles_article_people" if kind == "people" else "articles_taggedarticle"
    plans = plans_of(client, f"/sitemap-{kind}-0.xml")
    assert plans
    for sql, plan in plans:
        probes = [node for node in nodes(plan) if node.get("Parent Relationship") == "SubPlan"]
        inside = {id(inner) for probe in probes for inner in nodes(probe)}
        reading_links = [node for node in nodes(plan) if node.get("Relation Name") == links]
        assert reading_links and all(id(node) in inside for node in reading_links), sql


def topic_counts(plans):
    """The topic page's bounded count: the one unordered query of the topic's stories."""
    return [
        (sql, plan)
        for sql, plan in plans
        if "ORDER BY" not in sql and '"articles_taggedarticle"."tag_id" =' in sql
    ]


@postgres_only
def test_a_topic_page_counts_its_stories_from_index_entries(client, archive):
    # The bounded count (ids up to one past the numbered pages) visited a story row for each
    # link of the topic: 36 ms at 100,000 stories, against 1.4 ms from the topic's links in
    # article_topic_links_idx and the published test in article_live_pk_idx (migration 0028).
    url = public_urls(archive)["topic"]
    counts = topic_counts(plans_of(client, url))
    # From the topic's links, not a walk of the archive newest first.
    assert counts and "article_live_idx" not in indexes(counts)
    # The links are read from their own index; the published probe's index-only scan of
    # article_live_pk_idx needs a vacuumed table, which a test's transaction cannot have, so
    # that half is shown by the benchmark's plans (docs/benchmarks.md), not here.
    covered = topic_counts(plans_of(client, url, priced_out=("seqscan", "bitmapscan")))
    assert "article_topic_links_idx" in indexes(covered)


@postgres_only
def test_search_finds_people_by_name_through_trigram_indexes(client, archive):
    # Words anywhere in a name or an alias: an index scan of person_name_idx, filtered row
    # by row, read every person on file (13.6 ms at 100,000 stories, 1.2 ms now).
    plans = plans_of(client, public_urls(archive)["search"])
    people = [(sql, plan) for sql, plan in plans if 'FROM "articles_person"' in sql]
    assert people
    assert {"person_name_trgm", "person_aliases_trgm"} <= indexes(people)
    assert "person_name_idx" not in indexes(people)


@postgres_only
def test_the_next_scheduled_change_is_one_query_of_index_probes(archive):
    # Going live, expiring, leaving the breaking strip: three probes in one round trip.
    with CaptureQueriesContext(connection) as queries:
        Article.objects.next_scheduled_change()
    assert len(queries) == 1
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        plans = []
        for query in queries:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {query['sql']}")
            plans.append((query["sql"], cursor.fetchone()[0][0]["Plan"]))
        cursor.execute("SET LOCAL enable_seqscan = on")
        cursor.execute("SET LOCAL enable_sort = on")
    assert not scanned(plans) & BIG_TABLES
    assert {"article_live_idx", "article_expiry_idx"} <= indexes(plans)
    for sql, plan in plans:
        assert not any(node["Node Type"] in ("Sort", "Aggregate") for node in nodes(plan)), sql


@postgres_only
def test_search_matches_through_the_gin_index(archive):
    name = Person.objects.get(pk=corpus.people_pool(STORIES) // 2).name
    matches = SearchEntry.objects.filter(
        vector=SearchQuery(name, search_type="websearch", config=search_config())
    )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = json.loads(matches.explain(format="json"))[0]["Plan"]
        cursor.execute("SET LOCAL enable_seqscan = on")
    assert "search_entry_vector_gin" in indexes([("", plan)])


@postgres_only
def test_a_deep_cursor_starts_inside_the_index(client, archive):
    url = public_urls(archive)["list cursor"]
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    # The page's own list, not the front page's pins or the cards' bylines.
    (query,) = [
        q
        for q in queries
        if 'FROM "articles_article"' in q["sql"] and "LIMIT" in q["sql"] and "pin_position" not in q["sql"]
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {query['sql']}")
        (result,) = cursor.fetchone()
    (scan,) = [node for node in nodes(result[0]["Plan"]) if node.get("Index Name") == "article_live_idx"]
    # Half the archive lies above the cursor; the scan reads only the page (and one more row).
    read = scan["Actual Rows"] + scan.get("Rows Removed by Filter", 0)
    assert read <= 21 + 1, scan


RUSSIAN_HEADLINES = [
    "Переговоры о речном договоре возобновились",
    "Паромы стоят у причала из-за шторма",
    "Мэрия открыла новый мост через реку",
]


@pytest.fixture
def russian(archive):
    """Russian stories beside the seeded English archive: vectors of two configurations in
    one GIN index."""
    from .factories import ArticleFactory, PersonFactory

    person = PersonFactory(name="Joan Whitfield", slug="joan-whitfield", names={"ru": "Джоан Уитфилд"})
    return [
        ArticleFactory(published=True, language="ru", headline=headline, people=[person])
        for headline in RUSSIAN_HEADLINES
    ]


def explained(queryset):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
        cursor.execute("SET LOCAL enable_seqscan = on")
    return plan


@postgres_only
def test_a_russian_search_matches_through_the_same_gin_index(client, russian):
    # Each row's vector was built with its own configuration (english for the seeded
    # archive, russian for these); a query is parsed with its edition's, and the one GIN
    # index over the stored vectors serves every edition.
    assert set(SearchEntry.objects.values_list("config", flat=True)) == {"english", "russian"}
    query = SearchQuery("переговорах", search_type="websearch", config=search_config("ru"))
    plan = explained(SearchEntry.objects.filter(vector=query))
    print(f"\n{plan}")
    assert "Bitmap Index Scan on search_entry_vector_gin" in plan
    assert "'переговор'" in plan  # stemmed as Russian: «переговорах» → переговор
    # And the Russian edition's search page reads no growing table whole.
    plans = plans_of(client, "/ru/search/?q=переговорах")
    assert not scanned(plans) & BIG_TABLES


@postgres_only
def test_names_in_other_scripts_are_found_through_a_trigram_index(client, russian):
    from articles.derived.search import _name_holds

    # The by-name half of the people box, as search_people() builds it.
    plan = explained(Person.objects.filter(_name_holds("Уитфилд")).order_by().values("pk"))
    assert "Bitmap Index Scan on person_names_trgm" in plan
    assert {"person_name_trgm", "person_aliases_trgm"} <= set(re.findall(r"on (person_\w+_trgm)", plan))
    assert not scanned(plans_of(client, "/search/?q=Уитфилд")) & BIG_TABLES


@pytest.mark.django_db
def test_connections_run_without_jit_on_postgresql():
    """JIT compiled the front page's query for 690 ms at 20,000 stories; the site turns it off."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
