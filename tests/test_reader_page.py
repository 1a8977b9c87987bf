"""The reader's page furniture: where the pull quote stands, who is quoted, sharing, printing,
icons, feed alternates, eager above-the-fold images, and stored pages that follow a deploy."""

import datetime
import io
import json
import re
from html import unescape
from urllib.parse import quote, urljoin

import pytest
from django.core.cache import cache
from django.utils import timezone
from PIL import Image

from articles.derived import renders
from articles.models import Article, StoryRender

from .factories import (
    ArticleFactory,
    AuthorFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

BODY = (
    "<p>“We are close to an agreement,” Foreign Minister Irina Volkova said on Tuesday.</p>"
    "<p>The treaty would set minimum flows for the dry season.</p>"
    "<h2>What is left</h2>"
    "<p>Officials said the reservoir's level is still open.</p>"
    "<p>“Ferries will no longer wait at sea,” said Marta Kovac, the harbour master.</p>"
    "<p>A second round is planned for March.</p>"
)


@pytest.fixture
def volkova():
    return PersonFactory(name="Irina Volkova", slug="irina-volkova", role="Foreign Minister", organisation="")


@pytest.fixture
def kovac():
    return PersonFactory(
        name="Marta Kovac", slug="marta-kovac", role="Harbour Master", organisation="Port of Split"
    )


@pytest.fixture
def story(volkova, kovac):
    story = ArticleFactory(
        published=True,
        slug="river-treaty",
        headline="River treaty “weeks away” & ferries wait",
        body=BODY,
        section=SectionFactory(name="World", slug="world"),
        topics=[TopicFactory(name="Water", slug="water")],
        people=[volkova, kovac],
        lead_photo=PhotoFactory(caption="The commission's building.", credit="NWS/Ana Ortiz"),
        published_at=timezone.now() - datetime.timedelta(hours=1),
    )
    QuoteFactory(
        article=story, speaker=volkova, text="We are close to an agreement", is_pull_quote=True, order=0
    )
    QuoteFactory(article=story, speaker=kovac, text="Ferries will no longer wait at sea", order=1)
    return story


def page(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.content.decode()


def body_of(html):
    return html[html.index('class="story-body"') : html.index("</div>", html.index('class="story-body"'))]


class TestPullQuote:
    def test_it_stands_between_paragraphs_of_the_body_never_before_the_first(self, client, story):
        html = page(client, story.get_absolute_url())
        body = body_of(html)
        assert html.count('class="quote quote--pull"') == 1
        pull = body.index('class="quote quote--pull"')
        assert body.index("The treaty would set") < pull < body.index("A second round")
        # Not right under a subheading either: the middle block here is the heading.
        assert not re.search(r"</h2>\s*<figure", body)

    def test_it_moves_off_the_paragraph_it_repeats(self, client, volkova):
        story = ArticleFactory(
            published=True,
            body="<p>One.</p><p>“We are close to an agreement,” she said.</p><p>Three.</p><p>Four.</p>",
            people=[volkova],
        )
        QuoteFactory(article=story, speaker=volkova, text="We are close to an agreement", is_pull_quote=True)
        body = body_of(page(client, story.get_absolute_url()))
        assert body.index("Three.") < body.index("quote--pull") < body.index("Four.")

    def test_a_one_paragraph_story_has_it_after_the_text(self, client, volkova):
        story = ArticleFactory(
            published=True, body="<p>“We are close to an agreement,” she said.</p>", people=[volkova]
        )
        QuoteFactory(article=story, speaker=volkova, text="We are close to an agreement", is_pull_quote=True)
        body = body_of(page(client, story.get_absolute_url()))
        assert body.index("she said.</p>") < body.index("quote--pull")

    def test_screen_readers_hear_the_words_once(self, client, story):
        html = page(client, story.get_absolute_url())
        figure = re.search(r'<figure class="quote quote--pull"[^>]*>.*?</figure>', html, re.S).group(0)
        assert 'aria-hidden="true"' in figure
        # Nothing focusable inside what assistive technology does not see.
        assert "<a " not in figure

    def test_no_pull_quote_leaves_the_body_as_it_is(self, client, story):
        story.quotes.update(is_pull_quote=False)
        Article.objects.filter(pk=story.pk).update(version=story.version + 1)
        html = page(client, story.get_absolute_url())
        assert "quote--pull" not in html
        assert "The treaty would set minimum flows" in body_of(html)


class TestQuotedInThisStory:
    def test_each_speaker_once_with_role_and_link_and_no_quote_repeated(self, client, story, volkova):
        QuoteFactory(article=story, speaker=volkova, text="Officials said", order=2)
        html = page(client, story.get_absolute_url())
        assert "On the record" not in html
        section = html[html.index('class="quoted"') : html.index("</section>", html.index('class="quoted"'))]
        assert "Quoted in this story" in section
        items = re.findall(r"<li>(.*?)</li>", section, re.S)
        assert items == [
            '<a href="/people/irina-volkova/">Irina Volkova</a>'
            '<span class="quoted-role">, Foreign Minister</span>',
            '<a href="/people/marta-kovac/">Marta Kovac</a>'
            '<span class="quoted-role">, Harbour Master, Port of Split</span>',
        ]
        # The body carries the words; only the pull quote repeats some, once.
        assert html.count("<blockquote>") == 1

    def test_a_story_without_quotes_has_no_list(self, client):
        html = page(client, ArticleFactory(published=True).get_absolute_url())
        assert "Quoted in this story" not in html


class TestShareAndPrint:
    def test_plain_share_links_name_the_story_at_the_readers_host(self, client, story):
        # Twice: rendered, then from the stored page, whose origin is a placeholder.
        for _ in range(2):
            html = page(client, story.get_absolute_url(), HTTP_HOST="localhost")
            assert "origin.render.invalid" not in html
            url = "http://localhost/news/river-treaty/"
            encoded = quote(url, safe="")
            assert f'<a href="{url}" data-copy-link>Copy link</a>' in html
            links = dict(
                re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', html[html.index('class="share"') :])
            )
            hrefs = {label: unescape(href) for href, label in links.items()}
            assert set(hrefs) >= {"E-mail", "Bluesky", "X", "Facebook", "LinkedIn", "WhatsApp"}
            assert hrefs["E-mail"] == f"mailto:?subject={quote(story.headline, safe='')}&body={encoded}"
            assert hrefs["Facebook"] == f"https://www.facebook.com/sharer/sharer.php?u={encoded}"
            assert all(encoded in href for href in hrefs.values())
            # No third-party script: the only script besides JSON-LD is our own.
            scripts = re.findall(r"<script[^>]*>", html)
            assert [s for s in scripts if "ld+json" not in s] == ['<script src="/static/js/share.js" defer>']

    def test_a_retracted_story_offers_no_sharing(self, client, story, editor):
        story.retract(reason="The figures were wrong.", by=editor)
        html = page(client, story.get_absolute_url())
        assert "Share this story" not in html and "share.js" not in html

    def test_print_has_its_stylesheet_and_the_address(self, client, story):
        html = page(client, story.get_absolute_url())
        assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in html
        assert '<p class="print-only">Printed from http://testserver/news/river-treaty/</p>' in html
        css = b"".join(client.get("/static/css/print.css").streaming_content).decode()
        hidden = re.search(r"^(.*)\{ display: none !important; \}", css, re.M).group(1)
        assert ".site-nav" in hidden and ".share" in hidden
        assert ".photo" not in hidden and ".credit" not in hidden


class TestIconsAndFeeds:
    def test_favicon_ico_answers_at_the_root(self, client):
        response = client.get("/favicon.ico")
        assert response.status_code == 200
        data = b"".join(response.streaming_content)
        image = Image.open(io.BytesIO(data))
        assert image.format == "ICO" and (32, 32) in image.info["sizes"]

    def test_linked_icons_exist_at_their_sizes(self, client, story):
        html = page(client, "/")
        links = dict(re.findall(r'<link rel="(icon|apple-touch-icon)" href="(/static/[^"]+)"', html))
        assert links["icon"].endswith(".svg") and links["apple-touch-icon"].endswith(".png")
        svg = client.get(links["icon"])
        assert svg.status_code == 200 and b"<svg" in b"".join(svg.streaming_content)
        touch = Image.open(io.BytesIO(b"".join(client.get(links["apple-touch-icon"]).streaming_content)))
        assert touch.size == (180, 180)

    def test_the_manifest_names_icons_that_exist(self, client, story):
        href = re.search(r'<link rel="manifest" href="(/static/[^"]+)">', page(client, "/")).group(1)
        manifest = json.loads(b"".join(client.get(href).streaming_content))
        assert manifest["start_url"] == "/"
        for icon in manifest["icons"]:
            # Relative to the manifest's own address, as browsers resolve it.
            data = b"".join(client.get(urljoin(href, icon["src"])).streaming_content)
            size = Image.open(io.BytesIO(data)).size
            assert f"{size[0]}x{size[1]}" == icon["sizes"]

    @pytest.mark.parametrize("kind", ["section", "topic", "person"])
    def test_pages_with_a_feed_link_rss_and_atom(self, client, story, kind):
        url = {"section": "/sections/world/", "topic": "/topics/water/", "person": "/people/irina-volkova/"}[
            kind
        ]
        slug = {"section": "world", "topic": "water", "person": "irina-volkova"}[kind]
        html = page(client, url)
        folder = {"section": "sections", "topic": "topics", "person": "people"}[kind]
        for format_, mime in (("rss", "application/rss+xml"), ("atom", "application/atom+xml")):
            href = f"/feeds/{folder}/{slug}/{format_}/"
            assert re.search(
                rf'<link rel="alternate" type="{re.escape(mime)}" title="[^"]+" href="{href}">', html
            )
            assert client.get(href).status_code == 200

    def test_the_home_page_links_both_site_feeds(self, client, story):
        html = page(client, "/")
        assert (
            'type="application/rss+xml" title="The Newsroom: latest stories (RSS)" href="/feeds/rss/"' in html
        )
        assert (
            'type="application/atom+xml" title="The Newsroom: latest stories (Atom)" href="/feeds/atom/"'
            in html
        )


class TestAboveTheFold:
    def test_a_persons_portrait_is_never_lazy(self, client, story, volkova):
        volkova.portrait = PhotoFactory(alt_text="Irina Volkova at the commission")
        volkova.save()
        html = page(client, volkova.get_absolute_url())
        img = re.search(r'<img [^>]*alt="Irina Volkova at the commission"[^>]*>', html).group(0)
        assert 'fetchpriority="high"' in img and "lazy" not in img

    def test_a_storys_lead_photo_is_never_lazy(self, client, story):
        html = page(client, story.get_absolute_url())
        img = re.search(r'<figure class="photo photo--lead">.*?(<img [^>]*>)', html, re.S).group(1)
        assert 'fetchpriority="high"' in img and "lazy" not in img

    @pytest.fixture
    def two_cards(self, story):
        """An older story with a photo after `story`, both by an author without a portrait."""
        author = AuthorFactory(name="Mira Lund", slug="mira-lund")
        older = ArticleFactory(
            published=True,
            section=story.section,
            topics=list(story.topics.all()),
            lead_photo=PhotoFactory(),
            published_at=story.published_at - datetime.timedelta(hours=1),
            authors=[author],
        )
        story.authors.add(author, through_defaults={"order": 0})
        return author, older

    @staticmethod
    def card_images(html):
        return re.findall(r'<div class="card-thumb">.*?(<img [^>]*>)', html, re.S)

    @pytest.mark.parametrize("kind", ["author", "topic", "section"])
    def test_the_first_card_of_a_list_with_nothing_above_is_never_lazy(self, client, story, two_cards, kind):
        author, _ = two_cards
        url = {
            "author": author.get_absolute_url(),
            "topic": story.topics.get().get_absolute_url(),
            "section": story.section.get_absolute_url(),
        }[kind]
        first, second = self.card_images(page(client, url))
        # Lighthouse on a phone: the first card's photo is the largest paint, so it must not wait.
        assert 'fetchpriority="high"' in first and "lazy" not in first
        assert 'loading="lazy"' in second and "fetchpriority" not in second

    def test_below_a_portrait_or_a_lead_every_card_waits(self, client, story, two_cards):
        author, _ = two_cards
        author.portrait = PhotoFactory(alt_text="Mira Lund in the newsroom")
        author.save()
        for url in (author.get_absolute_url(), "/"):
            images = self.card_images(page(client, url))
            assert images and all('loading="lazy"' in img for img in images), url


class TestStoredPagesFollowADeploy:
    def test_a_changed_static_file_is_a_new_build(self, settings, tmp_path, monkeypatch):
        folder = tmp_path / "static"
        (folder / "js").mkdir(parents=True)
        (folder / "js" / "share.js").write_text("// one")
        settings.STATICFILES_DIRS = [folder]
        monkeypatch.setattr(renders, "_build", None)
        before = renders.build_fingerprint()
        (folder / "js" / "share.js").write_text("// two")
        monkeypatch.setattr(renders, "_build", None)
        assert renders.build_fingerprint() != before

    def test_a_stored_story_page_of_another_build_is_not_served(self, client, story, monkeypatch):
        page(client, story.get_absolute_url())
        stored = StoryRender.objects.get(article=story)
        assert "Quoted in this story" in stored.page
        # What the previous deploy's templates stored for this very version of the story.
        StoryRender.objects.filter(article=story).update(
            page=stored.page.replace("Quoted in", "On the record:")
        )
        monkeypatch.setattr(renders, "_build", "the next deploy")
        cache.clear()
        html = page(client, story.get_absolute_url())
        assert "Quoted in this story" in html and "On the record" not in html

    def test_a_cached_page_of_another_build_is_not_served(self, client, story, monkeypatch, settings):
        settings.PAGE_CACHE = True
        first = page(client, "/")
        monkeypatch.setattr(renders, "_build", "the next deploy")
        Article.objects.filter(pk=story.pk).update(headline="Changed without a signal")
        assert "Changed without a signal" in page(client, "/")
        assert "Changed without a signal" not in first
