"""In-process measurements on the benchmark database: which pages to load, how many
queries each runs, and what PostgreSQL's planner does with them (EXPLAIN ANALYZE).

Run by bench/run.py in the benchmark's environment: `python -m bench.measure N`
prints a JSON report.
"""

import json
import statistics
import sys
import time

import django
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from bench import corpus, live

STORY_SAMPLE = 200
PERSON_SAMPLE = 100
# A topic of middling popularity: the 10th commonest (about 6% of stories).
TOPIC_RANK = 10
# A word every few stories use, for the search that matches a share of the archive.
COMMON_WORD_RANK = 150
HOST = "localhost"
TIMED_REQUESTS = 9
SLOW_MS = 2000


def pages(stories):
    """{page name: [paths]}: several paths where one would keep hitting the same rows."""
    from django.utils import timezone

    from articles.models import Article, Person, Topic
    from articles.public.pagination import format_cursor
    from articles.public.sitemaps import BLOCK_SIZE

    published = Article.objects.published()
    step = max(1, stories // STORY_SAMPLE)
    story_ids = list(range(1, stories + 1, step))[:STORY_SAMPLE]
    story_paths = [
        article.get_absolute_url()
        for article in published.filter(pk__in=story_ids).only("slug").order_by("pk")
    ]
    pool = corpus.people_pool(stories)
    middle = list(range(pool // 2 - PERSON_SAMPLE // 2, pool // 2 + PERSON_SAMPLE // 2))
    people = list(Person.objects.filter(pk__in=middle).order_by("pk"))
    # Halfway down the archive: a deep keyset page.
    halfway = published.filter(pk__gte=stories // 2).order_by("pk").first()
    # The seed creates the topics in order of popularity, so the key is the rank, whichever
    # order of names the seeding process had (before bench/corpus.py fixed it, a set's).
    topic = Topic.objects.get(pk=TOPIC_RANK)
    word = corpus.VOCABULARY[COMMON_WORD_RANK - 1]
    month = timezone.localtime(halfway.published_at)
    return {
        "list /": ["/"],
        "list ?page=2": ["/?page=2"],
        "list ?page=50": ["/?page=50"],
        "list ?before= (halfway)": [f"/?before={format_cursor(halfway)}"],
        "story": story_paths,
        "person": [person.get_absolute_url() for person in people],
        "topic": [topic.get_absolute_url()],
        "search (a name)": [f"/search/?q={person.name.replace(' ', '+')}" for person in people[:20]],
        f"search ({word!r})": [f"/search/?q={word}"],
        "rss": ["/feeds/rss/"],
        "sitemap.xml (index)": ["/sitemap.xml"],
        "sitemap: a month": [f"/sitemap-stories-{month.year}-{month.month}.xml"],
        "sitemap: people": [f"/sitemap-people-{person.pk // BLOCK_SIZE}.xml" for person in people[:5]],
        **live.paths(Client(HTTP_HOST=HOST)),
    }


def _indexes(plan, found):
    if "Index Name" in plan:
        found.add(plan["Index Name"])
    if plan.get("Node Type") == "Seq Scan":
        found.add(f"Seq Scan on {plan['Relation Name']}")
    for child in plan.get("Plans", []):
        _indexes(child, found)
    return found


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
        (result,) = cursor.fetchone()
    result = json.loads(result) if isinstance(result, str) else result
    plan = result[0]
    return plan["Execution Time"], _indexes(plan["Plan"], set())


def queries(paths_by_page):
    """{page: {"queries": n, "sql_ms": t, "plans": [...]}} for the first path of each page,
    in steady state (the second request; site-wide values cached by the first)."""
    client = Client(HTTP_HOST=HOST)
    report = {}
    for page, paths in paths_by_page.items():
        with override_settings(PAGE_CACHE=False):
            report[page] = _page_queries(client, paths)
    return report


def _page_queries(client, paths):
    path, headers = live.split_line(paths[0])
    client.get(path, headers=headers)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, headers=headers)
    first = (time.perf_counter() - started) * 1000
    # A path sent with If-None-Match measures the 304 it is meant to get.
    assert response.status_code == (304 if "If-None-Match" in headers else 200), (
        paths[0],
        response.status_code,
    )
    count, total, plans = len(captured), 0.0, []
    for query in captured:
        milliseconds, used = explain(query["sql"])
        total += milliseconds
        plans.append({"ms": round(milliseconds, 2), "uses": sorted(used), "sql": query["sql"][:160]})
    # Time in this one process, without queueing behind other requests: a steadier
    # signal than the load test's on a machine shared with other work.
    timings = [first]
    # A page that takes seconds is timed once: nine more would only make the run long.
    for line in (paths * TIMED_REQUESTS)[: TIMED_REQUESTS if first < SLOW_MS else 0]:
        path, headers = live.split_line(line)
        started = time.perf_counter()
        client.get(path, headers=headers)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "queries": count,
        "sql_ms": round(total, 2),
        "median_ms": round(statistics.median(timings), 1),
        # URLs a sitemap lists: where the document itself grows with the archive, its cost
        # per URL is the figure to compare across sizes.
        "locs": response.content.count(b"<loc>"),
        "plans": plans,
    }


def search_matches(paths):
    """How many published stories each search page's query matches (all of them, not only
    the newest that are ranked)."""
    from django.contrib.postgres.search import SearchQuery

    from articles.derived.search import search_config
    from articles.models import Article

    query = paths[0].split("?q=", 1)[1].replace("+", " ")
    matches = SearchQuery(query, search_type="websearch", config=search_config())
    return Article.objects.published().filter(search_entry__vector=matches).count()


def main(stories):
    paths = pages(stories)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_database_size(current_database()), version(), current_setting('shared_buffers')"
        )
        size, version, shared_buffers = cursor.fetchone()
    report = {
        "paths": paths,
        "pages": queries(paths),
        "search_matches": {page: search_matches(p) for page, p in paths.items() if page.startswith("search")},
        "database_gb": round(size / 1024**3, 2),
        "postgresql": f"{version.split(' on ')[0]} (shared_buffers {shared_buffers}, otherwise defaults)",
    }
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    django.setup()
    main(int(sys.argv[1]))
