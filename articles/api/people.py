"""People: those a published story mentions or quotes, with their published quotes."""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router

from ..models import Person, Quote
from ..models.keyset import BY_NAME, Key, keyset_page
from .errors import reject_unknown_params
from .links import next_url
from .schemas import ErrorOut, PageParams, PersonOut, PersonPage, PersonQuotePage, SlugParam

router = Router(tags=["people"])

ERRORS = {400: ErrorOut, 404: ErrorOut}
PersonSlug = Path(..., description="The person's slug.")
LATEST_QUOTES = 20
QUOTES_NEWEST_FIRST = (Key("article__published_at", datetime.datetime, True), Key("id", int, True))


def published_quotes():
    return Quote.objects.published().select_related("article")


@router.get("/people", response={200: PersonPage, **ERRORS}, url_name="people")
def person_list(request, page: Query[PageParams]):
    """People in published stories, by name."""
    reject_unknown_params(request, PageParams.model_fields)
    items, cursor = keyset_page(Person.objects.on_record(), BY_NAME, cursor=page.cursor, limit=page.limit)
    return {"items": items, "next_cursor": cursor, "next": next_url(request, cursor)}


@router.get("/people/{slug}", response={200: PersonOut, **ERRORS}, url_name="person")
def person_detail(request, slug: SlugParam = PersonSlug):
    """A person with their newest published quotes; `all_quotes` pages through the rest."""
    reject_unknown_params(request, ())
    latest = published_quotes().order_by("-article__published_at", "-id")[:LATEST_QUOTES]
    people = Person.objects.on_record().select_related("portrait")
    return get_object_or_404(
        people.prefetch_related(Prefetch("quotes", queryset=latest, to_attr="latest_quotes")), slug=slug
    )


@router.get("/people/{slug}/quotes", response={200: PersonQuotePage, **ERRORS}, url_name="person-quotes")
def person_quotes(request, page: Query[PageParams], slug: SlugParam = PersonSlug):
    """A person's published quotes, newest story first."""
    reject_unknown_params(request, PageParams.model_fields)
    person = get_object_or_404(Person.objects.on_record(), slug=slug)
    quotes = published_quotes().filter(speaker=person)
    items, cursor = keyset_page(quotes, QUOTES_NEWEST_FIRST, cursor=page.cursor, limit=page.limit)
    return {"items": items, "next_cursor": cursor, "next": next_url(request, cursor)}
