"""Hostile input: every field an editor types is inert wherever a reader meets it.

A corpus of XSS payloads goes into every field that reaches readers (headline,
standfirst, body, caption, credit, alt text, quote, person name, role,
organisation, bio, topic, section); every page, feed and sitemap that shows
them is then parsed and must contain nothing that could execute.
"""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.urls import reverse

from articles.models import Photo

from .crawl import sitemap_documents
from .factories import ArticleFactory, PersonFactory, PhotoFactory, QuoteFactory, SectionFactory, TopicFactory
from .safety import executable_markup

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)//",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="  JaVaScRiPt:alert(1)">click</a>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
    "<iframe src=javascript:alert(1)></iframe>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<!--<script>alert(1)//-->",
    "<object data=javascript:alert(1)>",
    "\u003cscript\u003ealert(1)\u003c/script\u003e",
    "＜script＞alert(1)＜/script＞",  # fullwidth brackets: must stay text
    # Browsers drop tabs and newlines inside URLs. (NUL cannot be stored at all: forms
    # refuse it and PostgreSQL rejects it, so it never reaches a page.)
    '<a href="java\tscript:alert(1)">tab</a>',
    '<a href="java&#10;script:alert(1)">newline</a>',
    "<a href='&#106;avascript:alert(1)'>entity</a>",
    "<form><button formaction=javascript:alert(1)>go</button></form>",
    "]]><script>alert(1)</script>",
]


def make_hostile_story(payload, index):
    topic = TopicFactory(name=f"{payload} {index}"[:100], slug=f"hostile-topic-{index}")
    section = SectionFactory(name=f"{payload} {index}"[:80], slug=f"hostile-section-{index}")
    person = PersonFactory(
        name=payload[:200], slug=f"hostile-person-{index}", role=payload, organisation=payload, bio=payload
    )
    photo = PhotoFactory(
        caption=payload, credit=payload[:200], alt_text=payload[:300], copyright=payload[:200]
    )
    Photo.objects.filter(pk=photo.pk).update(credit=payload[:200])
    story = ArticleFactory(
        published=True,
        headline=payload,
        slug=f"hostile-story-{index}",
        standfirst=payload,
        body=f"<p>{payload}</p>{payload}",
        dateline_place=payload[:100],
        agency=payload[:100],
        section=section,
        lead_photo=photo,
        topics=[topic],
        people=[person],
    )
    person.portrait = photo
    person.save()
    QuoteFactory(article=story, speaker=person, text=payload, verb="said", context=payload)
    return story, person, topic, section


def html_pages(story, person, topic, section):
    return [
        "/",
        story.get_absolute_url(),
        person.get_absolute_url(),
        topic.get_absolute_url(),
        section.get_absolute_url(),
        reverse("articles:search") + "?q=alert",
    ]


def feed_pages(person, topic, section):
    return [
        "/feeds/rss/",
        "/feeds/atom/",
        f"/feeds/sections/{section.slug}/rss/",
        f"/feeds/topics/{topic.slug}/atom/",
        f"/feeds/people/{person.slug}/rss/",
    ]


@pytest.mark.parametrize(("index", "payload"), list(enumerate(PAYLOADS)))
def test_no_payload_executes_on_any_page_feed_or_sitemap(client, index, payload):
    story, person, topic, section = make_hostile_story(payload, index)

    for url in html_pages(story, person, topic, section):
        response = client.get(url)
        assert response.status_code == 200, url
        problems = executable_markup(response.content.decode())
        assert not problems, f"{url}: {problems}"

    for url in feed_pages(person, topic, section):
        response = client.get(url)
        assert response.status_code == 200, url
        ET.fromstring(response.content)  # still well-formed XML
        feed = feedparser.parse(response.content)
        assert not feed.bozo, f"{url}: {feed.bozo_exception}"
        for entry in feed.entries:
            # Feed readers render summaries and content as HTML: they must be inert too.
            details = [entry.get("summary_detail"), *entry.get("content", [])]
            for html in [d.value for d in details if d and d.type in ("text/html", "application/xhtml+xml")]:
                assert not executable_markup(html), f"{url}: {executable_markup(html)}"

    # API consumers insert the body as HTML and the rest as text: the body must be inert,
    # and every response must stay valid JSON whatever the fields hold.
    story_json = client.get(f"/api/stories/{story.pk}").json()
    assert not executable_markup(story_json["body"])
    ninjs = client.get(f"/api/stories/{story.pk}/ninjs").json()
    assert not executable_markup(ninjs["bodies"][0]["value"])
    for url in (f"/api/people/{person.slug}", f"/api/topics/{topic.slug}", "/api/stories"):
        assert client.get(url).status_code == 200, url

    for url in ("/sitemap.xml", "/sitemap-news.xml"):
        response = client.get(url)
        assert response.status_code == 200
        ET.fromstring(response.content)
    assert sitemap_documents(client)  # every listed sitemap answers with well-formed XML


def test_the_checker_catches_what_it_should():
    # The safety check itself must be able to fail, or the test above proves nothing.
    assert executable_markup("<p>ok</p><script>alert(1)</script>")
    assert executable_markup('<img src="x" onerror="alert(1)">')
    assert executable_markup('<a href=" javascript:alert(1)">x</a>')
    assert executable_markup("<svg><circle/></svg>")
    assert not executable_markup("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    assert not executable_markup(
        '<script type="application/ld+json">{}</script><script src="/static/x.js"></script>'
    )
