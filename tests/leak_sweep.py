"""The leak sweep's machinery: stories in every state, and every public URL pattern filled with them.

The URL patterns come from Django's resolver, not from a list kept here, so a page added
tomorrow is swept the day it is added, in every edition: each public page's pattern is
filled once per edition (/news/…, /ru/news/…). A pattern with path parameters needs a filler in
FILLERS that says which values to try; one without a filler fails the sweep, because a
pattern nobody fills is a page nobody checks.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from articles.images.renditions import photo_create_renditions
from articles.models import Article, FrontSlot, LiveEntry, Note, Rendition, Urgency
from articles.models.files import RENDITIONS, photo_storage
from articles.models.front import TOP_SLOTS
from articles.models.language import default_language, edition_codes
from articles.models.translation import article_translate
from articles.public.sitemaps import BLOCK_SIZE, LIST_SITEMAPS

from .factories import (
    AuthorFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TopicFactory,
)
from .images import image_bytes

# Never swept: the editors' desk is behind a login (tests/test_roles.py covers who gets in).
STAFF_PREFIXES = ("admin/",)

# Marker parts, chosen so that no marker is part of another (zqdraftperson / zqdraftpslug).
# Every state a story can be in that readers must not see, and the control, which they must.
HIDDEN_STATES = ("draft", "review", "scheduled", "embargoed", "expired", "unpublished", "retracted")
CONTROL = "control"
STATES = (*HIDDEN_STATES, CONTROL)
# Russian versions of published stories that readers must not see yet (issue 18): nothing of
# them on their source's page (no hreflang, no switcher), in any feed, sitemap, search or API.
# The first is the control's; a group has one version per edition, so the others translate
# published stories of their own (World.version_sources), which carry no markers.
VERSION_STATES = ("versiondraft", "versionscheduled", "versionembargoed", "versionunpublished")
# The embargoed version lifts after the embargoed story's test is done with its lifting.
VERSION_EMBARGO_LIFTS_AFTER = datetime.timedelta(hours=3)
# Which stories have a section of their own (the rest have none), so both shapes are swept.
WITH_SECTION = {"review", "scheduled", "embargoed", "unpublished", "retracted", CONTROL}
# The embargoed story: given out to partners an hour ago, public this long after the world is
# built (before the scheduled story, two hours on, and within the breaking strip's window).
EMBARGO_LIFTS_AFTER = datetime.timedelta(minutes=90)
# What a retracted story may still show at its own address: its headline, over the notice.
RETRACTED_OWN_PAGE_ALLOWS = {"headline", "slug"}
# Markers no page shows even for the published control: the upload's file name stays with the desk.
NEVER_PUBLIC = {"photofile"}


def marker(state, part):
    """A word found nowhere else: lower-case letters only, so slugs, search and escaping keep it whole."""
    return f"zq{state}{part}"


@dataclass
class Case:
    """One story and everything only it carries, with the marker strings put in each field."""

    state: str
    article: Article
    person: object
    topic: object
    photo: object
    quote: object
    section: object
    markers: dict[str, str]
    # Strings other than markers that identify what only this story carries (photo files).
    traces: dict[str, str] = field(default_factory=dict)
    # What the desk keeps on the story for itself (internal notes: wire furniture, photos to
    # find): never public, whatever the story's state, the published control's included.
    private: dict[str, str] = field(default_factory=dict)
    # The author only this story's byline carries: for a hidden story, one carried only by it.
    author: object = None

    def forbidden(self, path):
        """{what: string} that must not appear in the answer at `path`."""
        found = {**self.markers, **self.traces, **self.private}
        if self.state == "retracted" and path == self.article.get_absolute_url():
            found = {k: v for k, v in found.items() if k not in RETRACTED_OWN_PAGE_ALLOWS}
        return found


@dataclass
class World:
    cases: dict[str, Case]
    shared_person: object
    shared_topic: object
    shared_author: object
    # {version state: the published story it translates}
    version_sources: dict = field(default_factory=dict)

    @property
    def stories(self):
        """Every story of the world: the cases' and the versions' published sources."""
        return [
            *self.all("article"),
            *(s for s in self.version_sources.values() if s is not self.control.article),
        ]

    @property
    def hidden(self):
        return [self.cases[state] for state in (*HIDDEN_STATES, *VERSION_STATES) if state in self.cases]

    @property
    def control(self):
        return self.cases[CONTROL]

    def all(self, attribute):
        items = [getattr(case, attribute) for case in self.cases.values()]
        return [item for item in items if item is not None]

    @property
    def people(self):
        return [*self.all("person"), self.shared_person]

    @property
    def topics(self):
        return [*self.all("topic"), self.shared_topic]

    @property
    def authors(self):
        return [*self.all("author"), self.shared_author]


def build_world(editor):
    """A story in each state (through the model's transitions), each with its own person, topic,
    photo (real image, with renditions), quote, author and section; all share one person, topic
    and author with the published control so that the shared pages and related stories are
    swept too. The
    hidden stories are pinned to the front page as well."""
    shared_person = PersonFactory(name="Shared Speaker", slug="shared-speaker")
    shared_topic = TopicFactory(name="Shared topic", slug="shared-topic")
    shared_author = AuthorFactory(name="Shared Writer", slug="shared-writer")
    now = timezone.now()
    cases = {}
    for state in STATES:
        m = {
            part: marker(state, part)
            for part in (
                "headline", "slug", "standfirst", "body", "quote", "caption", "credit", "alttext",
                "photofile", "person", "pslug", "pbio", "topic", "tslug", "sharedquote",
                "livepost", "livesaid",
                "author", "aslug", "abio", "arole",
            )
        }  # fmt: skip
        photo = PhotoFactory(
            image=ContentFile(image_bytes(400, 267), name=f"{m['photofile']}.jpg"),
            caption=f"{m['caption']} delegates arrive",
            credit=f"NWS/{m['credit']}",
            alt_text=f"{m['alttext']} a hall",
        )
        photo_create_renditions(photo=photo)
        person = PersonFactory(name=f"Anna {m['person']}", slug=m["pslug"], bio=m["pbio"])
        topic = TopicFactory(name=f"Topic {m['topic']}", slug=m["tslug"])
        section = (
            SectionFactory(name=f"Desk {state}", slug=f"desk-{state}") if state in WITH_SECTION else None
        )
        story = Article.objects.create(
            headline=f"Talks resume {m['headline']}",
            slug=m["slug"],
            standfirst=f"{m['standfirst']} after a pause.",
            body=(
                f"<p>{m['body']} negotiators met.</p>"
                f"<p>“{m['quote']} we will not be rushed,” she said.</p>"
                f"<p>“{m['sharedquote']} nor will we,” he said.</p>"
            ),
            section=section,
            lead_photo=photo,
            # Every case is a FLASH published within the breaking window, so the front
            # page's strip is swept too: only the control may show in it.
            urgency=Urgency.FLASH,
            # And a live blog, so its entries, their quotes and photos, its update endpoint,
            # older-entries pages and feeds are swept too.
            is_live=True,
        )
        story.people.add(person, shared_person)
        story.about.add(person)
        story.topics.add(topic, shared_topic)
        # The story's photo is its author's portrait too: a byline must not make it public.
        author = AuthorFactory(
            name=f"Vera {m['author']}",
            slug=m["aslug"],
            bio=m["abio"],
            role=f"{m['arole']} writer",
            portrait=photo,
        )
        story.authors.add(author, through_defaults={"order": 0})
        story.authors.add(shared_author, through_defaults={"order": 1})
        quote = QuoteFactory(article=story, speaker=person, text=f"{m['quote']} we will not be rushed")
        QuoteFactory(article=story, speaker=shared_person, text=f"{m['sharedquote']} nor will we")
        entry = LiveEntry.objects.create(
            article=story,
            photo=photo,
            body=f"<p>{m['livepost']} ferries wait.</p><p>“{m['livesaid']} no crossing today,” she said.</p>",
        )
        QuoteFactory(article=story, entry=entry, speaker=person, text=f"{m['livesaid']} no crossing today")
        note = Note.objects.create(
            article=story, author=editor, text=f"{marker(state, 'desknote')} Read also"
        )
        _move_to(story, state, editor, now)
        traces = {"photo original": photo.image.name}
        traces.update({f"rendition {r.spec}": r.file.name for r in Rendition.objects.filter(photo=photo)})
        private = {"internal note": note.text.split()[0]}
        cases[state] = Case(state, story, person, topic, photo, quote, section, m, traces, private, author)
    # Every hidden story pinned to the front page, the lead first: had the front trusted its
    # pins, they would show at the top of "/". Only the published control may appear there.
    for place, state in enumerate(HIDDEN_STATES):
        FrontSlot.objects.create(article=cases[state].article, position=min(place, TOP_SLOTS))
    sources = {}
    for n, state in enumerate(VERSION_STATES):
        sources[state] = (
            cases[CONTROL].article if n == 0 else _published_source(n, shared_person, shared_topic)
        )
        cases[state] = _version_of(sources[state], state, editor, now)
    return World(cases, shared_person, shared_topic, shared_author, sources)


def _published_source(n, person, topic):
    story = Article.objects.create(
        headline=f"Harbour talks go on, day {n}",
        slug=f"harbour-talks-{n}",
        body=f"<p>“We will wait for the tide {n},” she said.</p>",
    )
    story.people.add(person)
    story.topics.add(topic)
    QuoteFactory(article=story, speaker=person, text=f"We will wait for the tide {n}")
    story.publish(at=timezone.now() - datetime.timedelta(hours=1))
    return story


def _version_of(source, state, editor, now):
    """A Russian version of the published `source` in `state`, translated (headline, slug,
    standfirst, body and quotes carry its own markers) as the desk would before publishing."""
    m = {part: marker(state, part) for part in ("headline", "slug", "standfirst", "body", "quote")}
    version = article_translate(source=source, language="ru", by=editor)
    quote = version.quotes.order_by("order", "pk").first()
    for n, placeholder in enumerate(version.quotes.order_by("order", "pk")):
        placeholder.text = f"{m['quote']} мы не торопимся {n}"
        placeholder.save()
    said = "".join(f"<p>«{q.text}», — сказала она.</p>" for q in version.quotes.order_by("order", "pk"))
    version.headline = f"Переговоры возобновились {m['headline']}"
    version.slug = m["slug"]
    version.standfirst = f"{m['standfirst']} после паузы."
    version.body = f"<p>{m['body']} переговорщики встретились.</p>{said}"
    version.save()
    if state == "versionscheduled":
        version.publish(by=editor, at=now + datetime.timedelta(hours=2))
    elif state == "versionembargoed":
        version.embargo_until = now + VERSION_EMBARGO_LIFTS_AFTER
        version.save(update_fields=["embargo_until"])
        version.publish(by=editor, at=now - datetime.timedelta(hours=1))
    elif state == "versionunpublished":
        version.publish(by=editor, at=now - datetime.timedelta(hours=1))
        version.unpublish(by=editor)
    quote.refresh_from_db()
    return Case(state, version, None, None, None, quote, None, m)


def _move_to(story, state, editor, now):
    """Bring a new draft to `state` the way the desk does: by the transition methods."""
    if state == "review":
        story.submit_for_review(by=editor)
    elif state == "scheduled":
        story.publish(by=editor, at=now + datetime.timedelta(hours=2))
    elif state == "embargoed":
        story.embargo_until = now + EMBARGO_LIFTS_AFTER
        story.save(update_fields=["embargo_until"])
        story.publish(by=editor, at=now - datetime.timedelta(hours=1))
    elif state in ("expired", "unpublished", "retracted", CONTROL):
        story.publish(by=editor, at=now - datetime.timedelta(hours=1))
    if state == "expired":
        # Expiry is a time, not a transition: the story leaves by itself when it passes.
        story.expires_at = now - datetime.timedelta(minutes=10)
        story.save(update_fields=["expires_at"])
    elif state == "unpublished":
        story.unpublish(by=editor)
    elif state == "retracted":
        story.retract(reason="The figures were wrong.", by=editor)


# --- the URL patterns -------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    name: str  # "namespace:name", or the route itself for an unnamed pattern
    route: str
    has_parameters: bool


def public_patterns(patterns=None, prefix="", namespace=""):
    """Every URL pattern a reader can reach, from the root URLconf, recursively."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(STAFF_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace]))
            yield from public_patterns(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern):
            name = ":".join(filter(None, [namespace, entry.name])) if entry.name else route
            pattern = entry.pattern
            converters = getattr(pattern, "converters", None)
            has_parameters = bool(converters) if converters is not None else pattern.regex.groups > 0
            yield Pattern(name, route, has_parameters)


def _url(name, query=None, **kwargs):
    path = reverse(name, kwargs=kwargs or None)
    return f"{path}?{urlencode(query)}" if query else path


def _months(world):
    """Every month any story was (or will be) published in, and this one."""
    times = [case.article.published_at for case in world.cases.values() if case.article.published_at]
    months = {(t.year, t.month) for t in map(timezone.localtime, [*times, timezone.now()])}
    return sorted(months)


def _story_pages(world):
    return [_url("articles:story", slug=story.slug) for story in world.stories]


def _slugged(name, objects, paged=False):
    urls = [_url(name, slug=obj.slug) for obj in objects]
    return urls + [f"{url}?page=2" for url in urls] if paged else urls


def media_addresses(world):
    """{url: (state, what, public)} for every file of every case's photo: the address pages
    give it (the reader's route for a rendition, the desk's for the original) and the one it
    would have as a plain media file. `public` is True only for a rendition's reader route:
    nothing else may ever answer an anonymous reader, whatever the story's state."""
    storage = photo_storage()
    addresses = {}
    for case in world.cases.values():
        for what, name in case.traces.items():
            addresses[storage.url(name)] = (case.state, what, name.startswith(RENDITIONS))
            addresses[_url("media", path=name)] = (case.state, what, False)
    return addresses


def _reader_files(world):
    return [url for url, (_, _, public) in media_addresses(world).items() if public]


def _other_files(world):
    return [url for url, (_, _, public) in media_addresses(world).items() if not public]


def _searches(world):
    words = sorted({word for case in world.cases.values() for word in case.markers.values()})
    return [_url("articles:search", {"q": word}) for word in [*words, "zq", "talks resume"]]


def _list_sitemaps(world):
    objects = {
        "sections": world.all("section"),
        "topics": world.topics,
        "people": world.people,
        "authors": world.authors,
    }
    return [
        _url("articles:sitemap-list", kind=kind, block=block)
        for kind in LIST_SITEMAPS
        for block in sorted({obj.pk // BLOCK_SIZE for obj in objects[kind]})
    ]


def _api_story_filters(world):
    filters = [{"section": s.slug} for s in world.all("section")]
    filters += [{"topic": t.slug} for t in world.topics] + [{"person": p.slug} for p in world.people]
    filters += [{"author": a.slug} for a in world.authors]
    return [_url("api:stories"), *(_url("api:stories", query) for query in filters)]


# Pattern name -> the URLs to fetch for it. Patterns without parameters are fetched as they
# are unless listed here; patterns with parameters must be listed, or the sweep fails.
FILLERS = {
    "articles:list": lambda w: ["/", "/?page=2"],
    "articles:story": _story_pages,
    # Only someone holding a signed link may preview; forged tokens naming each story must fail.
    "articles:live-entries": lambda w: _slugged("articles:live-entries", w.all("article")),
    "articles:live-updates": lambda w: _slugged("articles:live-updates", w.all("article")),
    "articles:live-feed-rss": lambda w: _slugged("articles:live-feed-rss", w.all("article")),
    "articles:live-feed-atom": lambda w: _slugged("articles:live-feed-atom", w.all("article")),
    "articles:preview": lambda w: [
        _url("articles:preview", token=token)
        for story in w.all("article")
        for token in (str(story.pk), f"{story.pk}:forged")
    ],
    "articles:person": lambda w: _slugged("articles:person", w.people, paged=True),
    "articles:topic": lambda w: _slugged("articles:topic", w.topics, paged=True),
    "articles:author": lambda w: _slugged("articles:author", w.authors, paged=True),
    "articles:section": lambda w: _slugged("articles:section", w.all("section"), paged=True),
    "articles:search": _searches,
    "articles:section-feed-rss": lambda w: _slugged("articles:section-feed-rss", w.all("section")),
    "articles:section-feed-atom": lambda w: _slugged("articles:section-feed-atom", w.all("section")),
    "articles:topic-feed-rss": lambda w: _slugged("articles:topic-feed-rss", w.topics),
    "articles:topic-feed-atom": lambda w: _slugged("articles:topic-feed-atom", w.topics),
    "articles:person-feed-rss": lambda w: _slugged("articles:person-feed-rss", w.people),
    "articles:person-feed-atom": lambda w: _slugged("articles:person-feed-atom", w.people),
    "articles:author-feed-rss": lambda w: _slugged("articles:author-feed-rss", w.authors),
    "articles:author-feed-atom": lambda w: _slugged("articles:author-feed-atom", w.authors),
    # Each month, and its second page (contrib's ?p=), which must be empty or 404.
    "articles:sitemap-stories": lambda w: [
        _url("articles:sitemap-stories", query, year=year, month=month)
        for year, month in _months(w)
        for query in (None, {"p": 2})
    ],
    "articles:sitemap-list": _list_sitemaps,
    "api:stories": _api_story_filters,
    "api:story": lambda w: [_url("api:story", story_id=s.pk) for s in w.stories],
    "api:story-ninjs": lambda w: [_url("api:story-ninjs", story_id=s.pk) for s in w.stories],
    "api:person": lambda w: _slugged("api:person", w.people),
    "api:person-quotes": lambda w: _slugged("api:person-quotes", w.people),
    "api:author": lambda w: _slugged("api:author", w.authors),
    "api:topic": lambda w: _slugged("api:topic", w.topics),
    "api:section": lambda w: _slugged("api:section", w.all("section")),
    # The API's catch-all answers any other address with an error: try addresses under each story.
    "api:unknown_address": lambda w: [
        _url("api:unknown_address", rest=f"stories/{s.pk}/{s.slug}") for s in w.all("article")
    ],
    "articles:photo-file": _reader_files,
    # Every other address a photo file could have: the desk's, and a plain media path.
    "media": _other_files,
}
MEDIA_PATTERNS = ("articles:photo-file", "media")


def unfilled_patterns():
    """Patterns taking parameters that no filler knows: each one is a page nobody checks."""
    return [p for p in public_patterns() if p.has_parameters and p.name not in FILLERS]


def edition_prefixes():
    """{code: "ru/"} of the editions served under a prefix (the default one has none)."""
    return {code: f"{code}/" for code in edition_codes() if code != default_language()}


def urls_to_sweep(world):
    """({pattern name: [urls]}, [patterns nobody taught the sweep to fill]), every public page
    in every edition: the resolver's routes and the fillers' reverse() follow the active
    language. Photo files have one address whatever the edition."""
    plan, unknown = {}, []
    for code in [default_language(), *edition_prefixes()]:
        prefix = edition_prefixes().get(code)
        with translation.override(code):
            for pattern in public_patterns():
                if prefix and (not pattern.route.startswith(prefix) or pattern.name in MEDIA_PATTERNS):
                    continue  # the same address in every edition: swept once
                if pattern.name in FILLERS:
                    plan.setdefault(pattern.name, []).extend(FILLERS[pattern.name](world))
                elif pattern.has_parameters:
                    unknown.append(pattern)
                else:
                    plan.setdefault(pattern.name, []).append("/" + pattern.route)
    return plan, list(dict.fromkeys(unknown))


def fetch(client, url):
    """(status, body bytes, what the reader gets back as lower-case text: headers and body).

    The text has what the reader typed (path segments, query values) taken out: a search page
    saying "results for zqdraftbody" or an error naming the unknown slug asked for echoes the
    reader, it does not leak. Anything else of a hidden story still shows.
    """
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    headers = " ".join(f"{k}: {v}" for k, v in response.headers.items())
    text = f"{headers}\n{body.decode('utf-8', 'replace')}".lower()
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    if segments and f"{segments[0]}/" in edition_prefixes().values():
        segments = segments[1:]  # the edition's prefix is ours, not the reader's words
    typed = segments + [v for values in parse_qs(parts.query).values() for v in values]
    for echo in sorted({t.lower() for t in typed}, key=len, reverse=True):
        text = text.replace(echo, " ")
    return response.status_code, body, text
