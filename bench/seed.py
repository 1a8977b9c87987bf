"""Fill a benchmark database with a realistic archive: `python -m bench.seed --stories N`.

Each story has a 600-word body, 3 quotes, 4 topics, 2 people and a lead photo,
drawn from pools of people (growing with the archive), topics and a few real
JPEG photos with their renditions (bench/corpus.py). Running it again with a
larger N adds the older stories the archive lacks, so one database grows from
1,000 to 1,000,000 stories.

Rows go in by batches: PostgreSQL's COPY (several worker processes), Django's
bulk_create elsewhere. The search index (SearchEntry) is filled set-based, its
vectors computed by PostgreSQL in one INSERT … SELECT per batch, exactly as
articles/search.py weighs them. No signal fires on this path, so the page
cache is told at the end. Meant for a database of its own (`newsroom_bench`):
`--reset` empties the story tables first.
"""

import datetime
import io
import json
import multiprocessing
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, connections, transaction
from django.db.models.expressions import RawSQL
from django.db.models.sql import Query
from django.utils import timezone

from articles.derived.cache import NAV_SECTIONS_KEY, NEXT_CHANGE_KEY, invalidate_public_pages
from articles.derived.search import search_config, search_vector
from articles.models import Article, Person, Photo, Quote, SearchEntry, Section, TaggedArticle, Topic

# Dropped while a large batch of rows goes in and built once at the end: far faster.
REBUILD_GIN_ABOVE = 50_000
PHOTO_POOL = 24
PEOPLE_WITH_PORTRAITS = 5  # one person in five has a portrait
ArticlePeople = Article.people.through
COPY_TABLES = (Article, ArticlePeople, TaggedArticle, Quote)


class Command(BaseCommand):
    help = "Seed a benchmark archive of N stories (adds the missing older ones; --reset starts over)."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, required=True)
        parser.add_argument("--reset", action="store_true", help="Empty the story tables first.")
        parser.add_argument("--batch", type=int, default=5000)
        parser.add_argument("--photos", type=int, default=PHOTO_POOL, help="Size of the photo pool.")
        parser.add_argument(
            "--jobs", type=int, default=2, help="Worker processes on PostgreSQL (one per core is right)."
        )

    def handle(self, *args, stories, reset, batch, jobs, photos, **options):
        from bench import corpus

        self.corpus = corpus
        self.postgres = connection.vendor == "postgresql"
        started = time.monotonic()
        if reset:
            self.reset()
        existing = Article.objects.count()
        if existing and Article.objects.order_by("-pk").values_list("pk", flat=True)[0] != existing:
            raise CommandError("This database holds stories seed_bench did not make; use --reset.")
        if existing >= stories:
            self.stdout.write(f"The archive already holds {existing} stories.")
            return
        sections, topics, photos = self.ensure_pools(photos)
        people = self.ensure_people(corpus.people_pool(stories), photos)
        anchor = self.anchor(existing)
        plan = Plan(anchor, sections, topics, photos, people)
        batches = [
            (first, min(first + batch - 1, stories)) for first in range(existing + 1, stories + 1, batch)
        ]
        rebuild_gin = self.postgres and stories - existing > REBUILD_GIN_ABOVE
        if rebuild_gin:
            self.drop_search_index()
        if self.postgres and jobs > 1 and not connection.in_atomic_block:
            connections.close_all()  # each worker opens its own
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                for done, (_first, last) in enumerate(pool.imap_unordered(plan.copy_batch, batches), 1):
                    self.progress(done, len(batches), last, started)
        else:
            load = plan.copy_batch if self.postgres else plan.create_batch
            for done, span in enumerate(batches, 1):
                load(span)
                self.progress(done, len(batches), span[1], started)
        if rebuild_gin:
            self.create_search_index()
        self.finish()
        self.stdout.write(
            self.style.SUCCESS(
                f"{stories} stories ({stories - existing} new), {len(people)} people, "
                f"in {time.monotonic() - started:.0f} s."
            )
        )

    def progress(self, done, total, last, started):
        if done == total or done % 10 == 0:
            self.stdout.write(f"  batch {done}/{total} (to story {last}), {time.monotonic() - started:.0f} s")

    def reset(self):
        models = [SearchEntry, Quote, TaggedArticle, ArticlePeople, Article, Person, Topic, Section]
        if self.postgres:
            tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models)
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        else:
            for model in models:
                model.objects.all().delete()

    def ensure_pools(self, photo_pool):
        corpus = self.corpus
        for position, name in enumerate(corpus.SECTIONS, 1):
            Section.objects.get_or_create(slug=name.lower(), defaults={"name": name, "position": position})
        sections = list(
            Section.objects.filter(slug__in=[n.lower() for n in corpus.SECTIONS]).order_by("position")
        )
        Topic.objects.bulk_create(
            [Topic(name=name, slug=name.lower()) for name in corpus.TOPIC_NAMES], ignore_conflicts=True
        )
        by_slug = dict(Topic.objects.values_list("slug", "pk"))
        topics = [by_slug[name.lower()] for name in corpus.TOPIC_NAMES]  # index = popularity rank - 1
        photos = list(Photo.objects.order_by("pk").values_list("pk", flat=True)[:photo_pool])
        for number in range(len(photos), photo_pool):
            photos.append(make_photo(number).pk)
        return [s.pk for s in sections], topics, photos

    def ensure_people(self, count, photos):
        """Person i has id i; returns every name, index 0 for person 1."""
        names = [self.corpus.person_copy(i).name for i in range(1, count + 1)]
        have = Person.objects.count()
        now = timezone.now()
        fresh = []
        for index in range(have + 1, count + 1):
            copy = self.corpus.person_copy(index)
            portrait = photos[index % len(photos)] if index % PEOPLE_WITH_PORTRAITS == 0 else None
            fresh.append(
                Person(
                    id=index,
                    name=copy.name,
                    slug=copy.slug,
                    role=copy.role,
                    organisation=copy.organisation,
                    bio=copy.bio,
                    portrait_id=portrait,
                    created_at=now,
                    updated_at=now,
                )
            )
        Person.objects.bulk_create(fresh, batch_size=2000)
        return names

    def anchor(self, existing):
        """The time story 0 would have: story i is published i intervals before it."""
        if existing:
            first = Article.objects.get(pk=1)
            return first.published_at + self.corpus.STORY_INTERVAL
        return timezone.now().replace(microsecond=0) - datetime.timedelta(minutes=5)

    def drop_search_index(self):
        with connection.schema_editor() as editor:
            editor.execute("DROP INDEX IF EXISTS search_entry_vector_gin")

    def create_search_index(self):
        self.stdout.write("  building the search index (GIN)…")
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '1GB'")
        (index,) = SearchEntry._meta.indexes
        with connection.schema_editor() as editor:
            editor.add_index(SearchEntry, index)

    def finish(self):
        models = [Article, ArticlePeople, TaggedArticle, Quote, Person, Topic, Section]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
            if self.postgres:
                tables = [m._meta.db_table for m in [*models, SearchEntry]]
                if connection.in_atomic_block:
                    cursor.execute(f"ANALYZE {', '.join(tables)}")
                else:
                    # Planner statistics, and the visibility map index-only scans rely on.
                    for table in tables:
                        cursor.execute(f"VACUUM (ANALYZE) {table}")
        # Nothing above sent a signal.
        invalidate_public_pages()
        from django.core.cache import cache

        cache.delete_many([NEXT_CHANGE_KEY, NAV_SECTIONS_KEY])


def make_photo(number):
    """A real 1600 × 1067 JPEG through the photo pipeline, renditions included."""
    from articles.images.ingest import photo_create_from_upload
    from bench.corpus import picture_jpeg

    upload = SimpleUploadedFile(f"bench-{number}.jpg", picture_jpeg(number), content_type="image/jpeg")
    return photo_create_from_upload(
        upload=upload,
        alt_text=f"Benchmark picture {number}: coloured discs on a grey gradient",
        credit="Newsroom Bench/Generated",
        caption=f"A generated picture, number {number}.",
    )


class Plan:
    """What every batch needs, picklable into worker processes."""

    def __init__(self, anchor, sections, topics, photos, people):
        self.anchor = anchor
        self.sections = sections
        self.topics = topics
        self.photos = photos
        self.people = people

    def person_name(self, index):
        return self.people[index - 1]

    def rows(self, first, last):
        """(table rows by model, search rows) for stories first..last."""
        from bench import corpus

        tables = {model: [] for model in COPY_TABLES}
        search = []
        for index in range(first, last + 1):
            copy = corpus.story_copy(index, self.person_name)
            published_at = self.anchor - index * corpus.STORY_INTERVAL
            tables[Article].append(
                {
                    "id": index,
                    "headline": copy.headline,
                    "slug": copy.slug,
                    "section_id": self.sections[copy.section - 1],
                    "standfirst": copy.standfirst,
                    "body": copy.body,
                    "dateline_place": copy.place,
                    "agency": copy.agency,
                    "lead_photo_id": self.photos[index % len(self.photos)],
                    "status": Article.Status.DRAFT if copy.draft else Article.Status.PUBLISHED,
                    "published_at": None if copy.draft else published_at,
                    "version": 1,
                    "created_at": published_at,
                    "updated_at": published_at,
                }
            )
            for number, person in enumerate(copy.people):
                tables[ArticlePeople].append(
                    {"id": (index - 1) * 2 + number + 1, "article_id": index, "person_id": person}
                )
            for number, rank in enumerate(copy.topics):
                tables[TaggedArticle].append(
                    {
                        "id": (index - 1) * 4 + number + 1,
                        "tag_id": self.topics[rank - 1],
                        "content_object_id": index,
                    }
                )
            for number, (speaker, text, verb) in enumerate(copy.quotes):
                tables[Quote].append(
                    {
                        "id": (index - 1) * 3 + number + 1,
                        "article_id": index,
                        "speaker_id": speaker,
                        "text": text,
                        "verb": verb,
                        "order": number,
                        "is_pull_quote": number == 0,
                    }
                )
            # In the order article_index() reads them: people, then topics, each by name.
            names = " ".join(
                sorted(self.person_name(p) for p in copy.people)
                + sorted(corpus.TOPIC_NAMES[rank - 1] for rank in copy.topics)
            )
            # The same fields, in the same weights, as articles.search.article_index().
            search.append(
                (
                    index,
                    "\n\n".join([copy.standfirst, copy.body_text, names]),
                    f"{copy.standfirst} {names}",
                    copy.body_text,
                )
            )
        return tables, search

    def copy_batch(self, span):
        tables, search = self.rows(*span)
        with transaction.atomic(), connection.cursor() as cursor:
            raw = cursor.cursor  # psycopg2's, for copy_expert
            for model, rows in tables.items():
                columns = list(model._meta.concrete_fields)
                names = ", ".join(connection.ops.quote_name(field.column) for field in columns)
                raw.copy_expert(
                    f"COPY {model._meta.db_table} ({names}) FROM STDIN",
                    io.StringIO("".join(copy_line(copy_values(columns, row)) for row in rows)),
                )
            cursor.execute(
                "CREATE TEMPORARY TABLE IF NOT EXISTS bench_search_stage "
                "(article_id bigint, text text, weighted_b text, body text)"
            )
            raw.copy_expert(
                "COPY bench_search_stage FROM STDIN", io.StringIO("".join(copy_line(row) for row in search))
            )
            # Set-based: PostgreSQL computes every vector of the batch in one statement, from
            # the expression the site's own indexing uses.
            vector_sql, params = vector_from_stage()
            cursor.execute(
                # names stays empty: the seeded people have no aliases to look up. Seeded
                # stories are the default edition's, parsed with its configuration.
                "INSERT INTO articles_searchentry "
                "(article_id, text, names, vector, indexed_at, language, config) "
                f"SELECT s.article_id, s.text, '', {vector_sql}, now(), a.language, %s "
                "FROM bench_search_stage s JOIN articles_article a ON a.id = s.article_id",
                [*params, search_config()],
            )
            cursor.execute("TRUNCATE bench_search_stage")
        return span

    def create_batch(self, span):
        """SQLite and friends: bulk_create, with the plain-text search rows (no vectors there)."""
        tables, search = self.rows(*span)
        with transaction.atomic():
            for model, rows in tables.items():
                model.objects.bulk_create([model(**row) for row in rows], batch_size=500)
            SearchEntry.objects.bulk_create(
                [SearchEntry(article_id=pk, text=text, config=search_config()) for pk, text, _, _ in search],
                batch_size=500,
            )
        return span


def copy_values(fields, row):
    values = []
    for field in fields:
        if field.attname in row:
            values.append(row[field.attname])
        elif field.has_default():
            values.append(field.get_default())
        else:
            values.append(None if field.null else "")
    return values


def copy_line(values):
    """One row in COPY's text format."""
    return "\t".join(copy_text(value) for value in values) + "\n"


def copy_text(value):
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, list | dict):
        value = json.dumps(value)
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def vector_from_stage():
    """search_vector() as SQL over the staging table's columns (s.*) and the story (a.*)."""
    query = Query(SearchEntry)
    columns = (RawSQL("a.headline", ()), RawSQL("s.weighted_b", ()), RawSQL("s.body", ()))
    expression = search_vector(*columns).resolve_expression(query)
    return expression.as_sql(query.get_compiler(connection=connection), connection)


if __name__ == "__main__":
    from bench import django_command

    django_command(Command, "seed")
