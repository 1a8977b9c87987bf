"""Migration 0029 re-indexes a populated database's search entries in their stories' languages."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("articles", "0028_languages")]
AFTER = [("articles", "0029_search_editions")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def story(apps, language, headline, body):
    Article = apps.get_model("articles", "Article")
    SearchEntry = apps.get_model("articles", "SearchEntry")
    article = Article.objects.create(
        headline=headline, slug=f"story-{language}", language=language, body=body, standfirst=""
    )
    entry = SearchEntry.objects.create(article=article, text=body)
    if connection.vendor == "postgresql":
        # As 0028's code indexed every story: with the default edition's configuration.
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE articles_searchentry SET vector = "
                "setweight(to_tsvector('english', %s), 'A') || setweight(to_tsvector('english', %s), 'C') "
                "WHERE article_id = %s",
                [headline, body, article.pk],
            )
    return entry


def matches(article_id, config, words):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT vector @@ websearch_to_tsquery(%s::regconfig, %s) FROM articles_searchentry "
            "WHERE article_id = %s",
            [config, words, article_id],
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_entries_take_their_storys_language_and_are_parsed_with_its_configuration():
    old = migrate(BEFORE)
    english = story(old, "en", "Ferries return to the harbour", "<p>The crossings resumed.</p>")
    russian = story(old, "ru", "Переговоры о речном договоре", "<p>Стороны &laquo;встретились&raquo;.</p>")
    if connection.vendor == "postgresql":
        assert not matches(russian.pk, "russian", "переговорах")
        before = {row[0]: row[1] for row in _vectors()}

    new = migrate(AFTER)
    entries = {e.article_id: e for e in new.get_model("articles", "SearchEntry").objects.all()}
    assert (entries[english.pk].language, entries[english.pk].config) == ("en", "english")
    assert (entries[russian.pk].language, entries[russian.pk].config) == ("ru", "russian")
    if connection.vendor == "postgresql":
        assert matches(russian.pk, "russian", "переговорах")
        assert matches(russian.pk, "russian", "встретились")  # the body, its markup skipped
        vectors = dict(_vectors())
        assert vectors[english.pk] == before[english.pk]  # already in its configuration: untouched
        assert "laquo" not in vectors[russian.pk] and "'переговор':1A" in vectors[russian.pk]


def _vectors():
    with connection.cursor() as cursor:
        cursor.execute("SELECT article_id, vector::text FROM articles_searchentry")
        return cursor.fetchall()
