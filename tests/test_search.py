"""Search at /search/?q=: ranked, highlighted, paginated, published stories only.

Runs on SQLite (the icontains fallback) and on PostgreSQL (the GIN-indexed
tsvector): DATABASE_URL=postgres://postgres@127.0.0.1:5432/test pytest tests/test_search.py
"""

import datetime
import io
import re

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.derived import search as search_module
from articles.derived.search import MAX_QUERY_LENGTH, clean_query
from articles.models import Article, SearchEntry

from .factories import ArticleFactory, PersonFactory, QuoteFactory, TopicFactory

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search only")


def search(client, q, **params):
    response = client.get("/search/", {"q": q, **params})
    assert response.status_code == 200
    return response


def result_headlines(response):
    return [article.headline for article in response.context["page_obj"]]


def story(headline, *, standfirst="A quiet day in the capital.", body="<p>Nothing to report.</p>", **kwargs):
    return ArticleFactory(published=True, headline=headline, standfirst=standfirst, body=body, **kwargs)


class TestRanking:
    def test_headline_beats_standfirst_beats_body(self, client):
        now = timezone.now()
        # Newest first would give the opposite order: rank must win over recency.
        in_body = story(
            "Council meets",
            body="<p>The glacier retreated.</p>",
            published_at=now - datetime.timedelta(hours=1),
        )
        in_standfirst = story(
            "Ministers meet",
            standfirst="A glacier is shrinking.",
            published_at=now - datetime.timedelta(hours=2),
        )
        in_headline = story("Glacier shrinks again", published_at=now - datetime.timedelta(hours=3))
        story("Unrelated story about trams")
        assert result_headlines(search(client, "glacier")) == [
            in_headline.headline,
            in_standfirst.headline,
            in_body.headline,
        ]

    def test_only_the_newest_matches_are_ranked(self, client, monkeypatch):
        monkeypatch.setattr(search_module, "RANK_CANDIDATES", 2)
        now = timezone.now()
        # The oldest would rank first (headline), but lies beyond the newest two matches.
        oldest = story("Glacier shrinks again", published_at=now - datetime.timedelta(days=30))
        newer = [
            story(f"Council meets {n}", body="<p>The glacier retreated.</p>", published_at=now - delta)
            for n, delta in enumerate([datetime.timedelta(hours=1), datetime.timedelta(hours=2)])
        ]
        headlines = result_headlines(search(client, "glacier"))
        assert oldest.headline not in headlines
        assert sorted(headlines) == sorted(article.headline for article in newer)

    def test_people_and_topic_names_are_searchable(self, client):
        person = PersonFactory(name="Oleg Petrov")
        topic = TopicFactory(name="Hydropower", slug="hydropower")
        by_person = story("Mayor opens bridge", people=[person])
        by_topic = story("Dam approved", topics=[topic])
        assert result_headlines(search(client, "Petrov")) == [by_person.headline]
        assert result_headlines(search(client, "hydropower")) == [by_topic.headline]

    def test_every_word_must_match(self, client):
        both = story("River treaty signed", body="<p>Delegates from Kazan agreed.</p>")
        story("River levels rise")
        assert result_headlines(search(client, "river kazan")) == [both.headline]


class TestResults:
    def test_snippet_highlights_the_match(self, client):
        story("Talks continue", body="<p>Delegates discussed the reservoir at length on Tuesday.</p>")
        content = search(client, "reservoir").content.decode()
        assert re.search(r"<mark>reservoir</mark>", content, re.I)

    def test_snippet_escapes_what_editors_typed(self, client):
        body = "<p>Costs &lt; 5 &amp; rising, said the &lt;b&gt;reservoir&lt;/b&gt; report.</p>"
        story("Markup story", body=body)
        content = search(client, "reservoir").content.decode()
        assert "<b>" not in content
        assert "Costs &lt; 5 &amp; rising" in content

    def test_twenty_a_page_and_the_query_is_kept_across_pages(self, client):
        for i in range(25):
            story(f"Harbour report {i}")
        first = search(client, "harbour")
        second = search(client, "harbour", page=2)
        assert len(result_headlines(first)) == 20
        assert len(result_headlines(second)) == 5
        assert 'href="?q=harbour&amp;page=2"' in first.content.decode()
        assert set(result_headlines(first)).isdisjoint(result_headlines(second))

    def test_no_match_says_so(self, client):
        story("Harbour report")
        assert b"No published story matches" in search(client, "zeppelin").content

    def test_empty_query_asks_for_words_and_searches_nothing(self, client):
        story("Harbour report")
        response = search(client, "")
        assert result_headlines(response) == []
        assert b"Type a word" in response.content

    def test_the_matches_are_found_and_ranked_once_per_page(self, client, settings):
        """The count, the page and the people box read one ranked list of ids: before, each
        ran the walk over the newest matches again (4 queries; 3 walks and 2 rankings of up to
        RANK_CANDIDATES stories at a large archive)."""
        settings.PAGE_CACHE = False
        harbour = PersonFactory(name="Harbour Master", slug="harbour-master")
        stories = [story(f"Harbour report {i}", people=[harbour]) for i in range(25)]
        search(client, "harbour")  # the site-wide values, cached by the first request
        for page, expected in (({}, 3), ({"page": 2}, 2)):
            with CaptureQueriesContext(connection) as queries:
                response = search(client, "harbour", **page)
            assert len(queries) == expected, [q["sql"] for q in queries]
            walks = [q for q in queries if f"LIMIT {search_module.RANK_CANDIDATES}" in q["sql"]]
            assert len(walks) == 1
        assert response.context["page_obj"].paginator.count == 25
        assert len(result_headlines(response)) == 5
        first = search(client, "harbour")
        assert first.context["people"] == [harbour]
        shown = result_headlines(first) + result_headlines(response)
        assert sorted(shown) == sorted(article.headline for article in stories)

    def test_result_pages_are_not_indexed(self, client):
        assert b'<meta name="robots" content="noindex, follow">' in search(client, "x").content


ODD_QUERIES = [
    " ",
    '"',
    '"unclosed phrase',
    "'",
    "a & b | !c",
    "foo:*",
    "<->",
    "(()",
    "-",
    "--",
    "-harbour",
    "OR",
    "AND OR NOT",
    "%",
    "_",
    "\\",
    "*",
    "&&&",
    "!!!",
    ":",
    "<script>alert(1)</script>",
    "'; DROP TABLE articles_article; --",
    "Москва",
    "北京",
    "ñandú",
    "😀",
    "a\x00b",
    "\x00",
    "\x01\x02\x1f",
    "\u200b",
    "x" * 10_000,
    "harbour " * 2_000,
]


@pytest.mark.parametrize("query", ODD_QUERIES, ids=range(len(ODD_QUERIES)))
def test_odd_queries_give_a_page_never_an_error(client, query):
    story("Harbour report")
    response = search(client, query)
    assert len(response.context["query"]) <= MAX_QUERY_LENGTH
    assert "\x00" not in response.context["query"]


def test_a_long_query_is_cut_and_a_nul_removed():
    assert clean_query("x" * 10_000) == "x" * MAX_QUERY_LENGTH
    assert clean_query("  river\x00 \n treaty ") == "river treaty"


class TestOnlyPublished:
    def test_drafts_and_scheduled_stories_are_never_found(self, client):
        story("Zeppelin lands")
        ArticleFactory(headline="Zeppelin draft")
        ArticleFactory(headline="Zeppelin scheduled", scheduled=True)
        assert result_headlines(search(client, "zeppelin")) == ["Zeppelin lands"]

    def test_a_scheduled_story_is_found_when_its_time_comes(self, client):
        at = timezone.now() + datetime.timedelta(hours=2)
        ArticleFactory(headline="Zeppelin scheduled", status=Article.Status.PUBLISHED, published_at=at)
        assert result_headlines(search(client, "zeppelin")) == []
        with time_machine.travel(at + datetime.timedelta(seconds=1)):
            assert result_headlines(search(client, "zeppelin")) == ["Zeppelin scheduled"]

    def test_an_unpublished_story_leaves_the_results(self, client):
        gone = story("Zeppelin lands")
        gone.unpublish()
        assert result_headlines(search(client, "zeppelin")) == []


class TestIndexStaysCurrent:
    def test_an_edited_headline_is_found_by_its_new_words(self, client):
        article = story("Harbour report")
        article.headline = "Lighthouse report"
        article.save()
        assert result_headlines(search(client, "lighthouse")) == ["Lighthouse report"]
        assert result_headlines(search(client, "harbour")) == []

    def test_people_and_topics_added_or_removed_later(self, client):
        article = story("Bridge opens")
        person = PersonFactory(name="Oleg Petrov")
        article.people.add(person)
        article.topics.add(TopicFactory(name="Hydropower", slug="hydropower"))
        assert result_headlines(search(client, "Petrov")) == ["Bridge opens"]
        assert result_headlines(search(client, "hydropower")) == ["Bridge opens"]
        article.people.remove(person)
        article.topics.clear()
        assert result_headlines(search(client, "Petrov")) == []
        assert result_headlines(search(client, "hydropower")) == []

    def test_a_renamed_person_is_found_by_the_new_name(self, client):
        person = PersonFactory(name="Oleg Petrov")
        story("Bridge opens", people=[person])
        person.name = "Oleg Sidorov"
        person.save()
        assert result_headlines(search(client, "Sidorov")) == ["Bridge opens"]

    def test_update_search_index_rebuilds_everything(self, client):
        story("Harbour report", body="<p>The lighthouse keeper retired.</p>")
        SearchEntry.objects.all().delete()
        assert result_headlines(search(client, "lighthouse")) == []
        out = io.StringIO()
        call_command("update_search_index", stdout=out)
        assert "Indexed 1 stories" in out.getvalue()
        assert result_headlines(search(client, "lighthouse")) == ["Harbour report"]


@on_postgres
class TestPostgres:
    def test_vector_is_stored_and_gin_indexed(self):
        article = story("Harbour report")
        assert SearchEntry.objects.get(article=article).vector
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_entry_vector_gin'")
            assert "USING gin" in cursor.fetchone()[0]

    def test_websearch_syntax_phrases_and_exclusion(self, client):
        story("Harbour report", body="<p>The old lighthouse keeper retired.</p>")
        story("Harbour ferry", body="<p>The ferry keeper stayed.</p>")
        assert result_headlines(search(client, "harbour -lighthouse")) == ["Harbour ferry"]
        assert result_headlines(search(client, '"lighthouse keeper"')) == ["Harbour report"]

    def test_stemming_finds_other_forms(self, client):
        story("Harbours reopen")
        assert result_headlines(search(client, "harbour")) == ["Harbours reopen"]


class TestPeopleByAliasAndTransliteration:
    """Pavel Lisitsyn is on file with the aliases Lisitsin and Лисицын; the stories spell him
    one way. Search finds him and his stories under every spelling (issue 13)."""

    @pytest.fixture
    def lisitsyn(self):
        return PersonFactory(
            name="Pavel Lisitsyn",
            slug="pavel-lisitsyn",
            role="Transport Minister",
            aliases="Lisitsin\nЛисицын",
        )

    def test_a_stored_alias_finds_his_page_and_his_stories(self, client, lisitsyn):
        mentioned = story("Bridge to reopen in spring", people=[lisitsyn])
        response = search(client, "Lisitsin")
        assert result_headlines(response) == [mentioned.headline]
        assert response.context["people"] == [lisitsyn]
        assert 'href="/people/pavel-lisitsyn/">Pavel Lisitsyn</a>' in response.content.decode()

    @pytest.mark.parametrize("query", ["Лисицын", "лисицын", "Lisitzin", "Lisitsyn", "pavel lisitsin"])
    def test_cyrillic_and_other_transliterations_find_him(self, client, lisitsyn, query):
        mentioned = story("Bridge to reopen in spring", people=[lisitsyn])
        response = search(client, query)
        assert result_headlines(response) == [mentioned.headline]
        assert response.context["people"] == [lisitsyn]

    def test_a_cyrillic_name_on_file_is_found_in_latin(self, client):
        person = PersonFactory(name="Ольга Смирнова", slug="olga-smirnova", aliases="")
        mentioned = story("Smirnova wins the vote", people=[person])
        response = search(client, "Smirnova")
        assert result_headlines(response) == [mentioned.headline]
        assert response.context["people"] == [person]

    def test_stories_that_quote_him_are_found(self, client, lisitsyn):
        quoted = QuoteFactory(speaker=lisitsyn, article=story("Ferry fares frozen")).article
        assert result_headlines(search(client, "Лисицын")) == [quoted.headline]

    def test_changing_aliases_reindexes_his_stories(self, client, lisitsyn):
        mentioned = story("Bridge to reopen in spring", people=[lisitsyn])
        assert result_headlines(search(client, "Pasha")) == []
        lisitsyn.aliases += "\nPasha"  # what the regional press calls him
        lisitsyn.save()
        assert result_headlines(search(client, "Pasha")) == [mentioned.headline]

    def test_the_people_of_the_found_stories_are_read_without_joining_their_mentions(self, client, lisitsyn):
        """Candidates of the people box come from the ids of the found stories' mentions and
        quotes: an OR over the two joins, then DISTINCT, read every mention of each person
        (2.1 s at 20,000 stories). Each person once, whatever stories carry them."""
        for n in range(3):
            QuoteFactory(speaker=lisitsyn, article=story(f"Ferry fares frozen, day {n}", people=[lisitsyn]))
        with CaptureQueriesContext(connection) as queries:
            found = search_module.search_people("Lisitsin", search_module.ranked_story_ids("ferry"))
        assert found == [lisitsyn]
        people_sql = [q["sql"] for q in queries if 'FROM "articles_person"' in q["sql"]]
        assert people_sql and not any("JOIN" in sql.split(" WHERE ")[0] for sql in people_sql)

    def test_someone_only_a_draft_carries_is_not_found(self, client):
        hidden = PersonFactory(name="Pavel Lisitsyn", slug="pavel-lisitsyn", aliases="Лисицын")
        ArticleFactory(headline="Draft about Lisitsyn", people=[hidden])
        response = search(client, "Лисицын")
        assert response.context["people"] == [] and result_headlines(response) == []
        assert "pavel-lisitsyn" not in response.content.decode()

    def test_the_names_are_not_shown_in_snippets(self, client, lisitsyn):
        story("Bridge to reopen in spring", people=[lisitsyn], body="<p>The bridge reopens.</p>")
        content = search(client, "Lisitzin").content.decode()
        assert "lisicin" not in content


def ru_story(headline, **kwargs):
    return story(headline, language="ru", standfirst="Тихий день в столице.", **kwargs)


def ru_search(client, q):
    response = client.get("/ru/search/", {"q": q})
    assert response.status_code == 200
    return response


class TestEditions:
    """/search/ finds the default edition's stories, /ru/search/ the Russian edition's, each
    story indexed in its own language (issue 18). Runs on both backends."""

    def test_each_edition_finds_its_own_stories_only(self, client):
        english = story("Harbour treaty signed")
        russian = ru_story("Договор о гавани подписан", body="<p>Harbour officials agreed.</p>")
        assert result_headlines(search(client, "harbour")) == [english.headline]
        assert result_headlines(ru_search(client, "harbour")) == [russian.headline]
        assert result_headlines(search(client, "договор")) == []

    def test_an_entry_records_its_language_and_configuration(self):
        entries = {
            code: SearchEntry.objects.get(article=story(f"Story {code}", language=code))
            for code in ("en", "ru", "uk")
        }
        assert {code: (e.language, e.config) for code, e in entries.items()} == {
            "en": ("en", "english"),
            "ru": ("ru", "russian"),
            "uk": ("uk", "simple"),  # no configuration ships for it: words as written
        }

    @pytest.mark.parametrize("query", ["переговоры", "ПЕРЕГОВОРЫ", "Переговоры"])
    def test_cyrillic_is_found_whatever_its_case(self, client, query):
        # SQLite's LIKE folds ASCII only: the fallback folds both sides with Python's casefold.
        found = ru_story("Переговоры о речном договоре возобновились")
        ru_story("Паромы стоят у причала")
        assert result_headlines(ru_search(client, query)) == [found.headline]

    def test_a_cyrillic_headline_word_ranks_first_on_both_backends(self, client):
        now = timezone.now()
        an_hour_ago = now - datetime.timedelta(hours=1)
        in_body = ru_story("Совет заседает", body="<p>Переговоры продолжились.</p>", published_at=an_hour_ago)
        in_headline = ru_story("Переговоры продолжились", published_at=now - datetime.timedelta(hours=2))
        assert result_headlines(ru_search(client, "ПЕРЕГОВОРЫ")) == [in_headline.headline, in_body.headline]

    def test_a_person_is_found_by_their_name_in_another_script(self, client):
        """On record only through a Russian story, searched in the English edition: no story
        there carries him, so only his stored name in Russian can find him."""
        person = PersonFactory(name="Joan Whitfield", slug="joan-whitfield", names={"ru": "Джоан Уитфилд"})
        ru_story("Уитфилд прибыла в Казань", people=[person])
        for query in ("Уитфилд", "уитфилд", "джоан уитфилд"):
            response = search(client, query)
            assert response.context["people"] == [person], query
            assert result_headlines(response) == []
        assert search(client, "Whitfield").context["people"] == [person]

    def test_a_stories_people_are_indexed_by_their_names_in_other_scripts(self, client):
        person = PersonFactory(name="Joan Whitfield", slug="joan-whitfield")
        found = story("Envoy arrives in Kazan", people=[person])
        assert result_headlines(search(client, "Уитфилд")) == []
        person.names = {"ru": "Джоан Уитфилд"}
        person.save()
        assert result_headlines(search(client, "Уитфилд")) == [found.headline]

    def test_a_translation_is_found_in_its_edition_only(self, client):
        from articles.models.translation import article_translate

        source = story("Ferry fares frozen")
        version = article_translate(source=source, language="ru")
        version.headline = "Тарифы на паромы заморожены"
        version.standfirst = "Цены на билеты не изменятся."
        version.save()
        assert result_headlines(ru_search(client, "паромы")) == []  # a draft is never found
        version.publish()
        assert result_headlines(ru_search(client, "паромы")) == [version.headline]
        assert result_headlines(search(client, "паромы")) == []
        assert result_headlines(search(client, "ferry")) == [source.headline]


@on_postgres
class TestRussianOnPostgres:
    @pytest.mark.parametrize("query", ["переговорах", "переговоров", "переговорами", "Переговор"])
    def test_an_inflected_form_finds_the_headline(self, client, query):
        found = ru_story("Переговоры о речном договоре возобновились")
        ru_story("Паромы стоят у причала")
        assert result_headlines(ru_search(client, query)) == [found.headline]

    def test_the_english_edition_does_not_stem_russian(self, client):
        # The same story in an English edition's configuration would miss «переговорах».
        ru_story("Переговоры о речном договоре возобновились")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT to_tsvector('english', %s) @@ websearch_to_tsquery('english', %s)",
                ["Переговоры о речном договоре", "переговорах"],
            )
            assert cursor.fetchone()[0] is False
        assert SearchEntry.objects.get(article__language="ru").config == "russian"

    def test_snippets_highlight_the_inflected_form(self, client):
        ru_story("Паромы стоят", body="<p>Стороны вернулись к переговорам во вторник.</p>")
        content = ru_search(client, "переговоры").content.decode()
        assert "<mark>переговорам</mark>" in content
