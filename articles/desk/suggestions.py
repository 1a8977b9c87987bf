"""Who said what at the desk: quote and people suggestions for a story, and the quote report.

Wired into ArticleAdmin by `suggestion_urls()`. The extractor proposes; nothing is written
until an editor ticks a suggestion and submits.
"""

from functools import partial

import reversion
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Max, Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from ..models import Article, Person, Quote
from ..models.integrity import quote_problems
from ..models.slugs import unique_slug
from .quote_suggestions import suggestions_for, unrecorded_quotations

REPORT_LIMIT = 200  # stories checked by the quote report: the latest published ones
REPORT_PAGE = 25


def suggestion_urls(model_admin):
    view = model_admin.admin_site.admin_view
    return [
        path(
            "<path:object_id>/suggestions/",
            view(partial(suggestions_view, model_admin=model_admin)),
            name="articles_article_suggestions",
        ),
        path(
            "quote-report/",
            view(partial(quote_report_view, model_admin=model_admin)),
            name="articles_article_quote_report",
        ),
    ]


class StaleSuggestions(Exception):
    pass


NEW = "new"


class SuggestionsForm(forms.Form):
    """One tick box per open suggestion; a speaker box per quote; name, role and kind for new
    people, and for one spelled like someone on file ("Did you mean …?") the choice to link
    them or to create a new record, which the editor must make.

    `version` is the story's lock version when the suggestions were made: the row numbers
    only mean the same quotations while the body is unchanged.
    """

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, suggestions, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.suggestions = suggestions
        for quote in suggestions.open_quotes:
            proposed = quote.speaker.person if quote.speaker else None
            self.fields[f"quote-{quote.key}"] = forms.BooleanField(required=False, label="Keep")
            self.fields[f"speaker-{quote.key}"] = forms.ModelChoiceField(
                Person.objects.all(),
                required=False,
                initial=proposed.pk if proposed else None,
                label="Speaker",
                # Searches Person as the quotes inline does; a newsroom has too many for a <select>.
                widget=AutocompleteSelect(Quote._meta.get_field("speaker"), admin_site),
            )
        for person in suggestions.open_people:
            self.fields[f"person-{person.key}"] = forms.BooleanField(required=False, label="Keep")
            if person.person is None:
                self.fields[f"name-{person.key}"] = forms.CharField(
                    max_length=200, required=False, initial=person.name, label="Name"
                )
                self.fields[f"role-{person.key}"] = forms.CharField(
                    max_length=200, required=False, initial=person.role, label="Role"
                )
                self.fields[f"kind-{person.key}"] = forms.ChoiceField(
                    choices=Person.Kind.choices, initial=person.kind, required=False, label="Kind"
                )
            if person.person is None and person.near:
                self.fields[f"choice-{person.key}"] = forms.ChoiceField(
                    choices=[
                        *(
                            (str(known.pk), f"Link to {known} ({confidence:.0%})")
                            for known, confidence in person.near
                        ),
                        (NEW, f"Create a new {person.kind_label}: {person.name}"),
                    ],
                    required=False,
                    widget=forms.RadioSelect,
                    label=f"Did you mean {person.near[0][0].name}?",
                )

    def rows(self):
        """(suggestion, its fields) for the template, which only displays."""
        quotes = [(q, self._bound(f"quote-{q.key}", f"speaker-{q.key}")) for q in self.suggestions.quotes]
        people = [
            (
                p,
                self._bound(
                    f"person-{p.key}", f"name-{p.key}", f"role-{p.key}", f"kind-{p.key}", f"choice-{p.key}"
                ),
            )
            for p in self.suggestions.people
        ]
        return quotes, people

    def _near_misses_resolved(self, keys, cleaned, by_key):
        """{key: Person} for the new people the editor linked to a near miss instead. A near
        miss is never taken nor turned down silently: without a choice the form is refused."""
        linked = {}
        for key in sorted(keys):
            suggestion = by_key[key]
            if not suggestion.near:
                continue
            choice = cleaned.get(f"choice-{key}")
            if not choice:
                names = " or ".join(
                    f"{known.name} ({confidence:.0%})" for known, confidence in suggestion.near
                )
                self.add_error(
                    f"choice-{key}", f"Did you mean {names}? Link one of them, or create a new record."
                )
            elif choice != NEW:
                linked[key] = next(known for known, _ in suggestion.near if str(known.pk) == choice)
        return linked

    def _bound(self, *names):
        return [self[name] for name in names if name in self.fields]

    def clean(self):
        cleaned = super().clean()
        by_key = {p.key: p for p in self.suggestions.people}
        self.accepted_quotes, new_keys = [], set()
        for quote in self.suggestions.open_quotes:
            if not cleaned.get(f"quote-{quote.key}"):
                continue
            speaker = cleaned.get(f"speaker-{quote.key}")
            if speaker is None and quote.speaker is not None and quote.speaker.person is None:
                speaker = quote.speaker.key  # the proposed new person
                new_keys.add(speaker)
            if speaker is None:
                self.add_error(f"speaker-{quote.key}", "Choose who said this.")
            self.accepted_quotes.append((quote, speaker))
        self.accepted_people = [
            p.person or p.key for p in self.suggestions.open_people if cleaned.get(f"person-{p.key}")
        ]
        new_keys |= {key for key in self.accepted_people if isinstance(key, int)}
        linked = self._near_misses_resolved(new_keys, cleaned, by_key)
        self.accepted_quotes = [
            (quote, linked.get(speaker, speaker)) for quote, speaker in self.accepted_quotes
        ]
        self.accepted_people = [linked.get(person, person) for person in self.accepted_people]
        self.new_people = {}
        for key in sorted(new_keys - set(linked)):
            name = (cleaned.get(f"name-{key}") or "").strip() or by_key[key].name
            kind = cleaned.get(f"kind-{key}") or by_key[key].kind
            self.new_people[key] = (name, (cleaned.get(f"role-{key}") or "").strip(), kind)
        if not self.accepted_quotes and not self.accepted_people and not self.errors:
            raise forms.ValidationError("Tick the quotes and people to keep, or go back to the story.")
        return cleaned


def suggestions_accept(*, article, version, quotes, people, new_people, user):
    """Record the accepted suggestions and save the story, so a revision holds them and the
    lock version moves on (an editor with the story open elsewhere is then warned).

    `quotes` are (QuoteSuggestion, speaker) and `people` the people mentioned, each a Person
    or the key of a new person; `new_people` maps those keys to (name, role, kind) to create.
    """
    with transaction.atomic(), reversion.create_revision():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.version != version:
            raise StaleSuggestions
        created = {
            key: Person.objects.create(name=name, slug=unique_slug(Person, name), role=role, kind=kind)
            for key, (name, role, kind) in new_people.items()
        }
        order = locked.quotes.aggregate(last=Max("order"))["last"] or 0
        for n, (suggestion, speaker) in enumerate(quotes, start=1):
            Quote.objects.create(
                article=locked,
                speaker=created.get(speaker, speaker),
                text=suggestion.candidate.text,
                verb=suggestion.verb,
                order=order + n,
            )
        locked.people.add(*(created.get(person, person) for person in people))
        locked.save()
        reversion.set_user(user)
        reversion.set_comment(
            f"Accepted suggestions: {len(quotes)} quote(s), {len(people)} person(s) mentioned."
        )
    return locked


def suggestions_view(request, object_id, *, model_admin):
    article = model_admin.get_object(request, unquote(object_id))
    if article is None:
        raise Http404("No such story.")
    if not model_admin.has_change_permission(request, article):
        raise PermissionDenied
    suggestions = suggestions_for(article)
    form = SuggestionsForm(
        request.POST or None,
        initial={"version": article.version},
        suggestions=suggestions,
        admin_site=model_admin.admin_site,
    )
    if request.method == "POST" and form.is_valid():
        try:
            suggestions_accept(
                article=article,
                version=form.cleaned_data["version"],
                quotes=form.accepted_quotes,
                people=form.accepted_people,
                new_people=form.new_people,
                user=request.user,
            )
        except StaleSuggestions:
            model_admin.message_user(
                request,
                "Nothing was added: the story was saved by someone while you reviewed the suggestions. "
                "Here they are again, made from the story as it is now.",
                messages.ERROR,
            )
            return redirect("admin:articles_article_suggestions", article.pk)
        created = f", {len(form.new_people)} new" if form.new_people else ""
        model_admin.message_user(
            request,
            f"Added {len(form.accepted_quotes)} quote(s) and {len(form.accepted_people)} "
            f"person(s) mentioned{created} to “{article}”.",
            messages.SUCCESS,
        )
        return redirect("admin:articles_article_change", article.pk)
    quote_rows, people_rows = form.rows()
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "original": article,
        "form": form,
        "media": model_admin.media + form.media,
        "quote_rows": quote_rows,
        "people_rows": people_rows,
        "title": f"Suggested quotes and people for “{article}”",
    }
    return TemplateResponse(request, "admin/articles/article/suggestions.html", context)


def quote_report_view(request, *, model_admin):
    """Published stories whose quotes and body disagree, among the latest REPORT_LIMIT.

    Each story is checked on its own (extractor and comparison), so the page costs the
    same on a ten-year archive as on a new site.
    """
    if not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    latest = (
        Article.objects.published()
        .order_by("-published_at", "-id")
        .prefetch_related(Prefetch("quotes", Quote.objects.select_related("speaker")))[:REPORT_LIMIT]
    )
    rows = []
    for article in latest:
        missing, unrecorded = quote_problems(article), unrecorded_quotations(article)
        if missing or unrecorded:
            rows.append({"article": article, "missing": missing, "unrecorded": unrecorded})
    page = Paginator(rows, REPORT_PAGE).get_page(request.GET.get("page"))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "page": page,
        "limit": REPORT_LIMIT,
        "title": "Quote report",
    }
    return TemplateResponse(request, "admin/articles/article/quote_report.html", context)
