"""Nothing unpublished is reachable: every public URL pattern, filled with stories in every state.

A draft, a story in review, a scheduled, an embargoed (partners have it, readers must not
yet), an expired, an unpublished and a retracted story
each carry their own person, topic, photo, quote and (some) section, with marker words in
every field. Every public pattern of the URLconf is fetched, as an anonymous reader, with
the slugs and ids of all of them (tests/leak_sweep.py), and no answer may carry a trace of
a hidden story or of what only it carries. A published control story proves the sweep can
see: its markers must turn up. A retracted story keeps its address, showing its headline
over the retraction notice, and nothing else of it anywhere. The published control has
Russian versions in the hidden states too (draft, scheduled, embargoed, unpublished), and
every public page is swept in every edition (/ru/… as well).
"""

import datetime
import time
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
import time_machine

from articles.models import PartnerKey

from .crawl import NS, story_sitemap_path
from .desk import desk_user
from .leak_sweep import (
    CONTROL,
    FILLERS,
    HIDDEN_STATES,
    MEDIA_PATTERNS,
    NEVER_PUBLIC,
    VERSION_STATES,
    build_world,
    fetch,
    media_addresses,
    public_patterns,
    unfilled_patterns,
    urls_to_sweep,
)

pytestmark = pytest.mark.django_db

# Floors: if the sweep ever covers less than this, something stopped it looking.
MIN_PATTERNS = 30
MIN_URLS = 250
MIN_MEDIA_FILES = 7 * 10  # seven hidden photos, each with its original and renditions


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PHOTO_ROOT = str(tmp_path / "photos")
    settings.SERVE_MEDIA = True  # /media/ through the app, as on a single machine
    return build_world(desk_user("Editor"))


def test_every_public_pattern_is_known_to_the_sweep(world):
    plan, unknown = urls_to_sweep(world)
    assert not unknown, (
        "These URL patterns take parameters the leak sweep does not know how to fill: "
        + ", ".join(f"{p.name} ({p.route})" for p in unknown)
        + ". Teach the sweep: add a filler to FILLERS in tests/leak_sweep.py."
    )
    known = {pattern.name for pattern in public_patterns()}
    assert not set(FILLERS) - known, f"Fillers for patterns that no longer exist: {set(FILLERS) - known}"
    assert all(plan.values()), (
        f"Patterns filled with no URL: {[name for name, urls in plan.items() if not urls]}"
    )


def test_a_page_the_sweep_cannot_fill_fails_it(settings):
    settings.ROOT_URLCONF = "tests.urls_new_page"
    # No world needed: the plan is made before any story is read.
    assert [pattern.name for pattern in unfilled_patterns()] == ["tomorrows-page"]


def sweep_pages(client, world, hidden, visible):
    """Fetch every swept page: (urls, leaks of `hidden` cases, 5xx errors, {state: markers seen}
    for the `visible` cases). No case's private notes may show, whatever its state."""
    plan, unknown = urls_to_sweep(world)
    assert not unknown, "see test_every_public_pattern_is_known_to_the_sweep"
    leaks, errors, seen = [], [], {case.state: set() for case in visible}
    urls = [
        (name, url)
        for name, group in plan.items()
        if name not in MEDIA_PATTERNS
        for url in dict.fromkeys(group)
    ]
    # And whatever the sitemap index lists, as a crawler would follow it.
    urls += [("articles:sitemap (listed)", urlsplit(loc).path) for loc in sitemap_index_locations(client)]
    for name, url in urls:
        status, _, text = fetch(client, url)
        if status >= 500:
            errors.append(f"{url} answered {status}")
        for case in hidden:
            for what, trace in case.forbidden(url.split("?")[0]).items():
                if trace.lower() in text:
                    leaks.append(f"{url} [{name}] shows the {case.state} story's {what}")
        for case in visible:
            seen[case.state].update(what for what, word in case.markers.items() if word in text)
            for what, trace in case.private.items():
                if trace in text:
                    leaks.append(f"{url} [{name}] shows the {case.state} story's {what}")
    return urls, leaks, errors, seen


def test_nothing_unpublished_is_reachable(client, world):
    started = time.monotonic()
    plan, _ = urls_to_sweep(world)
    control = world.control
    urls, leaks, errors, seen = sweep_pages(client, world, world.hidden, [control])
    seen = seen[CONTROL]

    # A retracted story keeps its address: its headline over the notice, 200 not 404.
    retracted = world.cases["retracted"]
    status, _, text = fetch(client, retracted.article.get_absolute_url())
    assert status == 200 and retracted.markers["headline"] in text and "has been retracted" in text

    media = [url for name in MEDIA_PATTERNS for url in plan[name]]
    media_leaks, media_seen = sweep_media(client, media, world)
    elapsed = time.monotonic() - started
    print(
        f"\nleak sweep: {len(plan)} URL patterns, {len(HIDDEN_STATES)} hidden states + control, "
        f"{len(urls)} URLs fetched, {len(media)} photo file addresses, "
        f"{sum(len(c.markers) + len(c.traces) for c in world.hidden)} forbidden traces, {elapsed:.1f}s"
    )
    print("\n".join(leaks + media_leaks))

    # The sweep can see: every marker of the published control turned up somewhere, its files too.
    expected = set(control.markers) - NEVER_PUBLIC
    assert seen == expected, f"control markers never seen: {expected - seen}"
    renditions = [what for what in control.traces if what.startswith("rendition")]
    assert media_seen == len(renditions), "the control photo's renditions did not come back"
    assert len(plan) >= MIN_PATTERNS and len(urls) >= MIN_URLS and len(media) >= MIN_MEDIA_FILES
    assert not errors, "\n".join(errors)
    assert not leaks, f"{len(leaks)} leaks:\n" + "\n".join(leaks)
    assert not media_leaks, f"{len(media_leaks)} media files served:\n" + "\n".join(media_leaks)


def sitemap_index_locations(client):
    index = client.get("/sitemap.xml")
    return [loc.text for loc in ET.fromstring(index.content).findall("sm:sitemap/sm:loc", NS)]


def sweep_media(client, urls, world, visible=(CONTROL,)):
    """Files of photos only hidden stories use must not come back at any address; the
    renditions of the `visible` stories' photos must, at their reader address (their count is
    returned). No original ever comes back."""
    owner = media_addresses(world)
    leaks, seen = [], 0
    for url in urls:
        state, what, public = owner[url]
        status, body, _ = fetch(client, url)
        served = status == 200 and bool(body)
        if state in visible and public:
            seen += served
        elif served:
            leaks.append(f"{url} serves the {state} story's {what} ({len(body)} bytes)")
    return leaks, seen


def test_an_embargoed_story_shows_nowhere_until_it_lifts_then_everywhere_by_itself(client, world, settings):
    """Before its time, no trace of the embargoed story (nor of the person and topic only it
    carries); at its time, with no worker and no save, every surface has it: the page cache,
    stored story pages and related-stories lists are all bounded by the lifting moment."""
    settings.PUBLIC_CACHE_SECONDS = 3600  # only the embargo's own bound can end the stored copies
    embargoed, control = world.cases["embargoed"], world.control
    lifts = embargoed.article.embargo_until
    plan, _ = urls_to_sweep(world)
    media = [url for name in MEDIA_PATTERNS for url in plan[name]]
    with time_machine.travel(lifts - datetime.timedelta(minutes=5)):
        _, leaks, errors, _ = sweep_pages(client, world, [embargoed], [control])
        media_leaks, _ = sweep_media(client, media, world)
        related = fetch(client, control.article.get_absolute_url())[2]
    assert not errors and not leaks and not media_leaks, leaks + media_leaks
    assert embargoed.markers["headline"] not in related

    still_hidden = [case for case in world.hidden if case is not embargoed]
    with time_machine.travel(lifts + datetime.timedelta(seconds=1)):
        _, leaks, errors, seen = sweep_pages(client, world, still_hidden, [control, embargoed])
        media_leaks, media_seen = sweep_media(client, media, world, visible=(CONTROL, "embargoed"))
        related = fetch(client, control.article.get_absolute_url())[2]
    assert not errors and not leaks and not media_leaks, leaks + media_leaks
    expected = set(embargoed.markers) - NEVER_PUBLIC
    assert seen["embargoed"] == expected, f"never seen after the lift: {expected - seen['embargoed']}"
    assert embargoed.markers["headline"] in related  # the control's related stories, stored before
    renditions = [
        what for case in (control, embargoed) for what in case.traces if what.startswith("rendition")
    ]
    assert media_seen == len(renditions)


def test_a_partner_key_adds_the_embargoed_story_to_the_api_and_nothing_else(client, world, settings):
    """With a key, every API address: the embargoed story (and only it) joins the public's."""
    settings.PARTNER_API_REQUESTS = 100_000
    _, raw = PartnerKey.issue(name="Sweep partner")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    plan, _ = urls_to_sweep(world)
    embargoed = world.cases["embargoed"]
    # The control's embargoed Russian version is the partners' too; everything else stays hidden.
    still_hidden = [case for case in world.hidden if case.state not in ("embargoed", "versionembargoed")]
    leaks, errors, seen = [], [], set()
    for name, urls in plan.items():
        if not name.startswith("api:"):
            continue
        for url in dict.fromkeys(urls):
            status, _, text = fetch(client, url)
            if status >= 500 or status in (401, 429):
                errors.append(f"{url} answered {status}")
            for case in still_hidden:
                leaks += [
                    f"{url} shows the {case.state} story's {what}"
                    for what, trace in case.forbidden(url).items()
                    if trace.lower() in text
                ]
            seen.update(what for what, word in embargoed.markers.items() if word in text)
    assert not errors and not leaks, errors + leaks
    # The story itself, its body and quote, in the story endpoints and ninjs.
    assert {"headline", "slug", "standfirst", "body", "quote", "caption", "credit", "alttext"} <= seen


def test_a_versions_state_leaves_no_trace_on_the_published_story_until_it_is_public(client, world):
    """Draft, scheduled, embargoed and unpublished Russian versions of published stories:
    nothing of them on their source's page, the Russian front, feeds, sitemaps, search or
    the API; a version once published shows there at once (so each check can see)."""

    def surfaces(source):
        return [
            source.get_absolute_url(),
            "/ru/",
            "/ru/feeds/rss/",
            "/ru/feeds/atom/",
            "/ru/sitemap-news.xml",
            story_sitemap_path(source),
            "/api/stories",
            "/api/stories?language=ru",
            f"/api/stories/{source.pk}",
            f"/api/stories/{source.pk}/ninjs",
        ]

    def traces(state):
        case, source = world.cases[state], world.version_sources[state]
        found = {}
        for url in [*surfaces(source), f"/ru/search/?q={case.markers['headline']}"]:
            _, _, text = fetch(client, url)
            found.update({f"{url}: {what}": word for what, word in case.markers.items() if word in text})
        return found

    for state in VERSION_STATES:
        assert not traces(state), f"{state}: {traces(state)}"
    draft, source = world.cases["versiondraft"].article, world.version_sources["versiondraft"]
    draft.publish()
    seen = traces("versiondraft")
    # (Not the source's own page: its stored render does not yet follow a version published
    # after it was stored; tests/test_editions.py::test_the_stored_page_follows_… says so.)
    assert any(key.startswith("/ru/feeds/rss/") for key in seen), seen
    assert any(key.startswith(f"/api/stories/{source.pk}:") and "slug" in key for key in seen), seen
    assert any(key.startswith("/ru/search/") for key in seen), seen
