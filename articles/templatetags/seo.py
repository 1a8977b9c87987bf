"""Tags for what search engines, feed readers and social cards read in <head>, search snippets,
and the story's own furniture: its body with the pull quote placed, and its share links."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ..derived import search
from ..public import share, structured_data
from ..public import story_body as story_body_module

register = template.Library()

# What must not appear raw inside <script>: `</script>` would end it early.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

SOCIAL_CARD = {"path": "img/social-card.png", "width": 1200, "height": 630}


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Rendered output is already autoescaped; keep it safe so it is not escaped twice.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}` renders once and reuses, e.g. a block in
    both <title> and og:title. Blocks inside stay overridable by child templates."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's absolute URL without a query string, except ?page=N beyond the first page."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    page = context.get("page_obj")
    if page is not None and getattr(page, "number", 1) > 1:
        url += f"?page={page.number}"
    return url


@register.simple_tag(takes_context=True)
def social_image(context, photo=None):
    """og:image and Twitter card tags for `photo`, or the site's card when there is none."""
    request = context["request"]
    if photo:
        shared = photo.share_image
        url, width, height, alt = shared.url, shared.width, shared.height, photo.local_alt_text
        card = "summary_large_image"
    else:
        url, width, height = static(SOCIAL_CARD["path"]), SOCIAL_CARD["width"], SOCIAL_CARD["height"]
        alt, card = context.get("site_name", ""), "summary"
    url = request.build_absolute_uri(url)
    return format_html(
        '<meta property="og:image" content="{url}">\n'
        '  <meta property="og:image:width" content="{width}">\n'
        '  <meta property="og:image:height" content="{height}">\n'
        '  <meta property="og:image:alt" content="{alt}">\n'
        '  <meta name="twitter:card" content="{card}">\n'
        '  <meta name="twitter:image" content="{url}">\n'
        '  <meta name="twitter:image:alt" content="{alt}">',
        url=url,
        width=width,
        height=height,
        alt=alt,
        card=card,
    )


FEED_FORMATS = {"rss": ("RSS", "application/rss+xml"), "atom": ("Atom", "application/atom+xml")}


@register.simple_tag(takes_context=True)
def feed_links(context):
    """<link rel=alternate> for the site's feeds, and for the section, topic, person or author a page
    shows: RSS and Atom each time, so a feed reader finds the format it prefers."""
    site = context.get("site_name", "")
    latest = gettext("%(site)s: latest stories") % {"site": site}
    feeds = [(f, latest, reverse(f"articles:feed-{f}")) for f in FEED_FORMATS]
    for kind in ("section", "topic", "person", "author"):
        obj = context.get(kind)
        if obj is not None and getattr(obj, "slug", None):
            name = getattr(obj, "name", str(obj))
            for f in FEED_FORMATS:
                feeds.append((f, f"{site}: {name}", reverse(f"articles:{kind}-feed-{f}", args=[obj.slug])))
    return format_html_join(
        "\n  ",
        '<link rel="alternate" type="{}" title="{} ({})" href="{}">',
        ((FEED_FORMATS[f][1], title, FEED_FORMATS[f][0], href) for f, title, href in feeds),
    )


@register.simple_tag
def json_ld(data):
    """`data` as a JSON-LD <script>, safe against `</script>` and HTML comments in its strings."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, article):
    alternates = context.get("page_alternates") or []
    return json_ld(structured_data.news_article(article, context["request"], alternates))


@register.simple_tag(takes_context=True)
def profile_page_json_ld(context, person):
    return json_ld(structured_data.profile_page(person, context["request"]))


@register.simple_tag(takes_context=True)
def author_profile_json_ld(context, author):
    return json_ld(structured_data.author_profile_page(author, context["request"]))


@register.simple_tag
def search_snippet(article, query):
    return search.snippet_html(article, query)


@register.filter
def datetime_attr(value):
    """A <time datetime> value: the site's time zone, whole seconds (HTML allows at most milliseconds)."""
    return structured_data.iso(value) or ""


@register.simple_tag
def story_body(article):
    """The body with its dateline, and the pull quote between two of its paragraphs."""
    body, pull = article.body_with_dateline, article.pull_quote
    if pull is None:
        return body
    return story_body_module.with_pull_quote(
        body, pull.text, render_to_string("articles/includes/_pull_quote.html", {"quote": pull})
    )


@register.simple_tag(takes_context=True)
def share_links(context, article):
    """{"url", "links": [(label, href)]} for `{% share_links article as share %}`."""
    url = context["request"].build_absolute_uri(article.get_absolute_url())
    return {"url": url, "links": share.share_links(url, article.headline)}
