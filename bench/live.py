"""The benchmark's live blog: one published live blog of 2,000 entries beside the seeded archive,
made by bench/measure.py if it is missing, and its three measured addresses.

    live blog            the story page of the blog (stored render; its first page of entries)
    live updates (200)   the update endpoint, answered in full (no ETag sent)
    live updates (304)   the same with the current ETag in If-None-Match: what a poll costs
                         while nothing is new

A path may carry one request header after a tab ("PATH\\tName: value"); bench/wrk.py's
paths.lua and bench/measure.py send it.
"""

import datetime

SLUG = "bench-live-blog"
ENTRIES = 2000


def ensure_live_blog():
    from django.utils import timezone

    from articles.derived.cache import invalidate_public_pages
    from articles.models import Article, LiveEntry

    blog = Article.objects.filter(slug=SLUG).first()
    if blog is None:
        blog = Article.objects.create(
            headline="Benchmark live blog: storm on the coast",
            slug=SLUG,
            standfirst="Two thousand entries, as a long day of live coverage leaves behind.",
            body="<p>Follow the storm as it moves along the coast.</p>",
            is_live=True,
        )
        blog.publish(at=timezone.now() - datetime.timedelta(hours=20))
    have = blog.live_entries.count()
    if have < ENTRIES:
        start = blog.published_at
        LiveEntry.objects.bulk_create(
            LiveEntry(
                article=blog,
                body=f"<p>Entry {n}: gusts along the coast; the ferries <strong>stay</strong> in port.</p>",
                posted_at=start + datetime.timedelta(seconds=30 * n),
                is_key_event=n % 50 == 0,
                is_pinned=n == 3,
            )
            for n in range(have, ENTRIES)
        )
        invalidate_public_pages()  # bulk_create sends no signal
    return blog


def header_line(path, name, value):
    return f"{path}\t{name}: {value}"


def split_line(line):
    """(path, {header: value}) of a path line."""
    path, _, header = line.partition("\t")
    if not header:
        return path, {}
    name, _, value = header.partition(":")
    return path, {name.strip(): value.strip()}


def paths(client):
    """{page name: [path lines]}; `client` (Django's test client) reads the current ETag."""
    blog = ensure_live_blog()
    updates = f"/news/{blog.slug}/live/updates.json"
    etag = client.get(updates)["ETag"]
    return {
        "live blog": [blog.get_absolute_url()],
        "live updates (200)": [updates],
        "live updates (304)": [header_line(updates, "If-None-Match", etag)],
    }
