# Search per edition (issue 18): each entry records its story's language and the text-search
# configuration its vector is built with. Existing rows are re-indexed forwards: every vector
# so far was built with the default edition's configuration, so only the rows of stories in
# another language get a new one. Search's people box also reads names in other scripts
# (Person.names), through a trigram index like the name's and the aliases' (migration 0027).

import articles.models.language
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

# On the JSON's text, upper-cased, as `icontains` over Cast(names, text) compares it.
NAMES_TRIGRAM = ("person_names_trgm", 'UPPER(("names")::text)')

# The parts of a story's vector, from its row and its entry's, for search_vector(): the body's
# HTML as it is (PostgreSQL's parser skips tags and entities), its people's and topics' names
# aggregated. `manage.py update_search_index` rebuilds the same rows from the Python side.
HEADLINE = "a.headline"
WEIGHTED = (
    "concat_ws(' ', a.standfirst,"
    " (SELECT string_agg(p.name, ' ') FROM articles_article_people ap"
    "  JOIN articles_person p ON p.id = ap.person_id WHERE ap.article_id = a.id),"
    " (SELECT string_agg(t.name, ' ') FROM articles_taggedarticle ta"
    "  JOIN articles_topic t ON t.id = ta.tag_id WHERE ta.content_object_id = a.id),"
    " e.names)"
)
BODY = "a.body"


def index_in_each_language(apps, schema_editor):
    from articles.models.search import search_config

    SearchEntry = apps.get_model("articles", "SearchEntry")
    Article = apps.get_model("articles", "Article")
    language = Article.objects.filter(pk=OuterRef("article_id")).values("language")[:1]
    SearchEntry.objects.update(language=Subquery(language))
    for code in SearchEntry.objects.values_list("language", flat=True).distinct():
        SearchEntry.objects.filter(language=code).update(config=search_config(code))
    if schema_editor.connection.vendor != "postgresql":
        return  # no vectors elsewhere: the fallback reads the text as it is
    built_with = search_config()  # the one configuration every vector had until now
    vector_sql, params = _vector_sql(schema_editor.connection, SearchEntry)
    schema_editor.execute(
        f"UPDATE articles_searchentry e SET vector = {vector_sql} "
        "FROM articles_article a WHERE a.id = e.article_id AND e.config <> %s",
        [*params, built_with],
    )
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    name, expression = NAMES_TRIGRAM
    schema_editor.execute(f'CREATE INDEX "{name}" ON "articles_person" USING gin (({expression}) gin_trgm_ops)')


def _vector_sql(connection, SearchEntry):
    """search_vector(), the site's one definition of the weights, as SQL over a (the story)
    and e (its entry), parsed with each row's own configuration."""
    from django.db.models.expressions import RawSQL
    from django.db.models.sql import Query

    from articles.derived.search import search_vector

    query = Query(SearchEntry)
    columns = [RawSQL(sql, []) for sql in (HEADLINE, WEIGHTED, BODY)]
    expression = search_vector(*columns, config=RawSQL("e.config", [])).resolve_expression(query)
    return expression.as_sql(query.get_compiler(connection=connection), connection)


def drop_names_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{NAMES_TRIGRAM[0]}"')


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0028_languages"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="config",
            field=models.CharField(default="simple", max_length=63),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="language",
            field=models.CharField(default=articles.models.language.default_language, max_length=12),
        ),
        migrations.RunPython(index_in_each_language, drop_names_index),
    ]
