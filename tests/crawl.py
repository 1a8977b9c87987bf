"""Follow /sitemap.xml, a sitemap index, to every sitemap it lists."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def sitemap_documents(client, **extra):
    """{location: parsed urlset} for every sitemap the index lists; each must answer 200 XML."""
    index = client.get("/sitemap.xml", **extra)
    assert index.status_code == 200
    assert index["Content-Type"].startswith("application/xml")
    documents = {}
    for loc in ET.fromstring(index.content).findall("sm:sitemap/sm:loc", NS):
        response = client.get(urlsplit(loc.text).path, **extra)
        assert response.status_code == 200, loc.text
        assert response["Content-Type"].startswith("application/xml")
        documents[loc.text] = ET.fromstring(response.content)
    return documents


def sitemap_urls(client, **extra):
    """Every <url> element of every sitemap the index lists."""
    return [url for root in sitemap_documents(client, **extra).values() for url in root.findall("sm:url", NS)]


def sitemap_locations(client, **extra):
    return [url.find("sm:loc", NS).text for url in sitemap_urls(client, **extra)]


def story_sitemap_path(article):
    """The month sitemap that lists a story (months in the site's time zone)."""
    from django.utils import timezone

    local = timezone.localtime(article.published_at)
    return f"/sitemap-stories-{local.year}-{local.month}.xml"
