"""Full-text search over published stories, and the people they carry.

PostgreSQL ranks a stored, GIN-indexed tsvector (headline A; standfirst, people
and topics B; body C) against a `websearch` query and highlights with
ts_headline. Other databases (SQLite in development and tests) fall back to
a case-folded `contains` over the same fields (Python's casefold, registered on
SQLite connections: its LIKE folds ASCII only, so «Переговоры» would miss
«переговоры») with a fixed score per field, and highlight in Python. Either way
results start from `Article.objects.published().in_edition()`: /search/ finds the
default edition's stories, /ru/search/ the Russian edition's, each story indexed in
its own language and each query parsed with its edition's configuration
(`search_config`), so a Russian query finds inflected forms of a Russian headline.

People's names are indexed with their aliases and their names in other scripts
(`Person.names`), romanised and as transliteration keys
(`articles.quotes.names.search_forms`), and each query word is looked up in those forms
too, so "Лисицын", "Lisitsin" and "Lisitzin" all find Pavel Lisitsyn's stories; the
people themselves are found the same way, among `Person.objects.on_record()`.

The index (`SearchEntry`) is derived data: `article_index()` rebuilds one row,
the signal handlers below call it whenever a story, its people or its topics
change, and `manage.py update_search_index` rebuilds everything.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import Case, F, IntegerField, Q, TextField, Value, When
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..models import Article, Person, Quote, SearchEntry, TaggedArticle, Topic
from ..models.language import current_edition, edition_codes
from ..models.search import search_config
from ..quotes.names import fold, search_forms
from .cache import invalidate_public_pages
from .folding import contains_text, register_casefold

MAX_QUERY_LENGTH = 200
# Results are ranked among the newest matches only, so a common word costs the same at
# millions of stories as at thousands (the ranking reads every candidate's vector).
RANK_CANDIDATES = 1000
MAX_FALLBACK_TERMS = 8
SNIPPET_CHARS = 240
MAX_PEOPLE = 10  # people shown above the stories

# Highlight markers that cannot occur in indexed text (private-use code points are
# stripped on indexing), so snippets are escaped first and marked up after.
MARK_START, MARK_END = "\ue000", "\ue001"


def uses_postgres():
    return connection.vendor == "postgresql"


# Indexing.


def _plain(value):
    """Printable text only: no NUL (PostgreSQL rejects it) nor our highlight markers."""
    return "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in value)


def body_text(article):
    """The story's plain body (Article.body_text) as the index keeps it: one line per block."""
    lines = (" ".join(line.split()) for line in article.body_text.splitlines())
    return _plain("\n".join(line for line in lines if line))


def search_vector(headline, weighted, body, config=None):
    """A story's weighted tsvector from three expressions: the headline (weight A); the
    standfirst with people's and topics' names (B); the body (C), parsed with `config` (the
    story's language's; the default edition's if not given). The one definition of the
    weights: article_index(), the benchmark's bulk seeder and migration 0029 build vectors
    with it."""
    config = config or search_config()
    return (
        SearchVector(headline, config=config, weight="A")
        + SearchVector(weighted, config=config, weight="B")
        + SearchVector(body, config=config, weight="C")
    )


def every_name(person):
    """A person's name, aliases and names in other scripts, as one string."""
    other_scripts = [name for name in (person.names or {}).values() if isinstance(name, str)]
    return " ".join([person.name, *person.alias_list, *other_scripts])


def person_names(person):
    """One person's line in a story's `names`: every form of every name they go by."""
    return _plain(" ".join(search_forms(every_name(person))))


def article_index(*, article):
    """Rebuild the search entry of one story from its current fields, people and topics.

    Uses prefetched people/topics when the caller has them; the speakers of its quotes
    are read here (one query).
    """
    names = " ".join(
        [person.name for person in article.people.all()] + [t.name for t in article.topics.all()]
    )
    speakers = Person.objects.filter(quotes__article=article).distinct() if article.pk else []
    people = {person.pk: person for person in [*article.people.all(), *speakers]}
    people_names = "\n".join(person_names(person) for person in people.values())
    headline, standfirst, body = _plain(article.headline), _plain(article.standfirst), body_text(article)
    config = search_config(article.language)
    fields = {
        "language": article.language,
        "config": config,
        "text": "\n\n".join(part for part in (standfirst, body, _plain(names)) if part),
        "names": people_names,
    }
    if uses_postgres():
        weighted = f"{standfirst} {_plain(names)} {people_names}"
        fields["vector"] = search_vector(Value(headline), Value(weighted), Value(body), config)
    SearchEntry.objects.update_or_create(article=article, defaults=fields)


def index_all():
    """Rebuild every entry; returns how many stories were indexed."""
    count = 0
    for article in Article.objects.prefetch_related("people", "topics").iterator(chunk_size=200):
        article_index(article=article)
        count += 1
    # Cached result pages were made from the old index; no story changed, so no signal said so.
    invalidate_public_pages()
    return count


# Keeping the index current. Signals are allowed here because the index is derived data.


def _on_article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        article_index(article=instance)


def _on_article_links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Article):
        article_index(article=instance)
    elif pk_set:  # person.articles.add(...) and the like
        for article in Article.objects.filter(pk__in=pk_set).prefetch_related("people", "topics"):
            article_index(article=article)


def _on_quote_changed(sender, instance, raw=False, origin=None, **kwargs):
    """A quote added, moved or deleted: its story's speakers may have changed."""
    deleting_story = isinstance(origin, Article) or getattr(origin, "model", None) is Article
    if raw or deleting_story:  # the story's entry goes with it
        return
    article = Article.objects.filter(pk=instance.article_id).prefetch_related("people", "topics").first()
    if article is not None:
        article_index(article=article)


def _on_name_saved(sender, instance, raw=False, created=False, **kwargs):
    """A renamed person or topic, or a person's aliases changed: re-index only the stories
    whose entry lacks the new name (and, for a person, the new line of names)."""
    if raw or created:
        return
    if isinstance(instance, Person):
        linked = Q(people=instance) | Q(quotes__speaker=instance)
        current = Q(search_entry__names__contains=person_names(instance))
    else:
        linked, current = Q(topic_items__tag=instance), Q()
    stale = (
        Article.objects.filter(linked)
        .exclude(Q(search_entry__text__contains=instance.name) & current)
        .prefetch_related("people", "topics")
        .distinct()
    )
    for article in stale:
        article_index(article=article)


def connect_signals():
    connection_created.connect(register_casefold, dispatch_uid="search_sqlite_casefold")
    post_save.connect(_on_article_saved, sender=Article, dispatch_uid="search_article_saved")
    m2m_changed.connect(
        _on_article_links_changed, sender=Article.people.through, dispatch_uid="search_article_people"
    )
    # taggit sends m2m_changed with the through model as sender.
    m2m_changed.connect(_on_article_links_changed, sender=TaggedArticle, dispatch_uid="search_article_topics")
    post_save.connect(_on_quote_changed, sender=Quote, dispatch_uid="search_quote_saved")
    post_delete.connect(_on_quote_changed, sender=Quote, dispatch_uid="search_quote_deleted")
    post_save.connect(_on_name_saved, sender=Person, dispatch_uid="search_person_saved")
    post_save.connect(_on_name_saved, sender=Topic, dispatch_uid="search_topic_saved")


# Querying.


def clean_query(raw):
    """What we search for: printable, single-spaced, at most MAX_QUERY_LENGTH characters."""
    return " ".join(_plain(raw[: MAX_QUERY_LENGTH * 2]).split())[:MAX_QUERY_LENGTH].strip()


def query_terms(query):
    """Words of the query for the fallback backend; operators and quotes are ignored."""
    return re.findall(r"\w+", query)[:MAX_FALLBACK_TERMS]


def spellings_query(query, config):
    """Every query word or one of its name forms (romanised, transliteration key), on
    PostgreSQL: None when no word has another form, so the plain query does alone, and
    None for a query with websearch operators (a "phrase", -word, or), whose meaning the
    plain words would lose."""
    if '"' in query or re.search(r"(^|\s)-\w|\sor\s", query, re.IGNORECASE):
        return None
    combined, other = None, False
    for term in query_terms(query):
        forms = search_forms(term)
        other = other or forms != [term.casefold()]
        alternatives = SearchQuery(forms[0], search_type="plain", config=config)
        for form in forms[1:]:
            alternatives |= SearchQuery(form, search_type="plain", config=config)
        combined = alternatives if combined is None else combined & alternatives
    return combined if other else None


def _fallback_term(term):
    """One query word for the fallback backend: as written or romanised in the headline or
    the text, or in any of its forms among the people's names, case-folded."""
    matches = Q(contains_text("headline", term)) | Q(contains_text("search_entry__text", term))
    romanised = fold(term)
    if romanised != term.casefold():  # a Cyrillic word finds the Latin spelling of a story
        matches |= Q(contains_text("headline", romanised)) | Q(contains_text("search_entry__text", romanised))
    for form in search_forms(term):
        matches |= Q(contains_text("search_entry__names", form))
    return matches


def _match(query):
    """(which stories match, their rank, their snippet or None) for a cleaned `query`, or
    None when nothing can match."""
    if not query:
        return None
    if uses_postgres():
        # The edition's stories were all indexed with this configuration (a story's language
        # is its edition), so the query's words are stemmed as theirs were.
        config = search_config(current_edition())
        search_query = SearchQuery(query, search_type="websearch", config=config)
        spellings = spellings_query(query, config)
        if spellings is not None:
            search_query |= spellings
        snippet = SearchHeadline(
            "search_entry__text",
            search_query,
            config=config,
            start_sel=MARK_START,
            stop_sel=MARK_END,
            min_words=20,
            max_words=40,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
        rank = SearchRank(F("search_entry__vector"), search_query)
        return Q(search_entry__vector=search_query), rank, snippet
    terms = query_terms(query)
    if not terms:
        return None
    matches, rank = Q(), Value(0)
    for term in terms:
        matches &= _fallback_term(term)
        rank += Case(
            When(contains_text("headline", term), then=4),
            When(contains_text("standfirst", term), then=2),
            default=1,
            output_field=IntegerField(),
        )
    return matches, rank, None


def _ranked(query):
    """The active edition's published stories matching `query`, best first, each with a
    `rank`: the best of the newest RANK_CANDIDATES matches, which a newsroom's readers want
    far more often than an old story that repeats the words more."""
    published = Article.objects.published().in_edition()
    match = _match(query)
    if match is None:
        return published.none(), None
    matches, rank, snippet = match
    # PostgreSQL reads the edition's newest through article_edition_live_idx and stops after
    # RANK_CANDIDATES matches, or takes a rare word's few matches from the GIN index.
    candidates = published.filter(matches).order_by("-published_at", "-id").values("pk")
    stories = published.filter(pk__in=candidates[:RANK_CANDIDATES]).annotate(rank=rank)
    return stories.order_by("-rank", "-published_at", "-id"), snippet


def search_stories(query):
    """Published stories matching `query`, best first (see _ranked), with their section and
    lead photo. On PostgreSQL each also carries `snippet`: marked-up plain text (see
    snippet_html)."""
    stories, snippet = _ranked(query)
    stories = stories.select_related("section", "lead_photo", "search_entry")
    return stories if snippet is None else stories.annotate(snippet=snippet)


def ranked_story_ids(query):
    """The ids of search_stories(query), best first, in one query: the page counts, pages and
    picks its people from this list, so the matches are found and ranked once per request,
    not once for the count, again for the page and again for the people."""
    stories, _ = _ranked(query)
    return list(stories.values_list("pk", flat=True))


def stories_by_id(ids, query):
    """The published stories with these `ids` (a page of ranked_story_ids), in that order,
    with what a result shows: section, lead photo and, on PostgreSQL, the `snippet`."""
    if not ids:
        return []
    match = _match(query)
    stories = Article.objects.published().in_edition().filter(pk__in=ids)
    stories = stories.select_related("section", "lead_photo", "search_entry")
    if match is not None and match[2] is not None:
        stories = stories.annotate(snippet=match[2])
    found = {story.pk: story for story in stories}
    return [found[pk] for pk in ids if pk in found]


def search_people(query, story_ids):
    """On-record people (and organisations, groups) whose name, an alias or their name in
    another script (`Person.names`) holds every word of `query` in one of its forms, by
    name, at most MAX_PEOPLE. People are the same in every edition: their stories need not
    be the active edition's.

    Candidates come from the names, aliases and names in other scripts that contain the
    words as written or romanised, and from the people of the best stories found
    (`story_ids`, best first: which is how a spelling only the transliteration keys join,
    Lisitsin for Lisitsyn, is found); each is then checked word by word."""
    terms = query_terms(query)
    if not terms:
        return []
    written = Q()
    for term in terms:
        spellings = {term, fold(term)}
        written &= Q(*[_name_holds(t) for t in spellings], _connector=Q.OR)
    story_ids = list(story_ids)[: MAX_PEOPLE * 5]
    # Ids from the mention and quote tables, not joins: an OR across two joins multiplies each
    # person by every story they are in before DISTINCT (2 s at 20,000 stories in bench.peer).
    mentioned = Article.people.through.objects.filter(article_id__in=story_ids).values("person_id")
    quoted = Quote.objects.filter(article_id__in=story_ids).values("speaker_id")
    # One list of ids, read from indexes (the names through their trigram indexes, migration
    # 0028): an OR of the three in the filter would test every person on file instead.
    by_name = Person.objects.filter(written).values("pk")
    ids = by_name.order_by().union(mentioned.order_by(), quoted.order_by())
    candidates = Person.objects.on_record().filter(pk__in=ids).order_by("name")
    wanted = [set(search_forms(term)) for term in terms]
    people = []
    for person in candidates[: MAX_PEOPLE * 20]:
        names = every_name(person)
        forms = set(search_forms(names))
        if all(
            term_forms & forms or term.casefold() in names.casefold()
            for term, term_forms in zip(terms, wanted, strict=True)
        ):
            people.append(person)
    return people[:MAX_PEOPLE]


def _name_holds(term):
    """A person's name, an alias or a name in another script holds `term`. On PostgreSQL the
    names are read as the JSON's text, which a trigram index covers (migration 0029); SQLite
    keeps that text ASCII-escaped (\\u0421…), so there each edition's entry is read out."""
    if uses_postgres():
        other_scripts = [contains_text(Cast("names", TextField()), term)]
    else:
        other_scripts = [contains_text(KeyTextTransform(code, "names"), term) for code in edition_codes()]
    return Q(contains_text("name", term), contains_text("aliases", term), *other_scripts, _connector=Q.OR)


def _fallback_snippet(text, terms):
    """A window of `text` around the first matching term, terms marked."""
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I)
    first = pattern.search(text) if terms else None
    start = 0
    if first and first.start() > SNIPPET_CHARS // 3:
        start = text.rfind(" ", 0, first.start() - SNIPPET_CHARS // 3) + 1
    end = start + SNIPPET_CHARS
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    window = " ".join(text[start:end].split())
    if terms:
        window = pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", window)
    return f"{'… ' if start else ''}{window}{' …' if end < len(text) else ''}"


def snippet_html(article, query):
    """The result's excerpt as safe HTML, matching words in <mark>."""
    raw = getattr(article, "snippet", None)
    if raw is None:
        entry = getattr(article, "search_entry", None)
        raw = _fallback_snippet(entry.text if entry else article.standfirst, query_terms(query))
    marked = escape(raw).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(marked)  # escaped above; only our own <mark> tags are added
