"""Brotli or gzip for the site's text responses: pages, JSON, feeds, sitemaps.

Django's GZipMiddleware does gzip only, and the maintained middleware that adds brotli
(dj-compression-middleware) needs Python 3.12; this is the same contract with Google's
`brotli` binding beside Django's own gzip helper. It sits outside ConditionalGetMiddleware,
so ETags are computed on the uncompressed body (one ETag for every encoding, made weak as
RFC 9110 §8.8.1 asks once the bytes differ) and a 304 carries the Vary its 200 would.

BREACH needs a secret and attacker-chosen text in one compressed response. Public pages
hold no secret (no CSRF token: their only form is a GET search), so they are compressed;
the desk, whose forms carry CSRF tokens and editors' data, is not. Static files are
WhiteNoise's: compressed once by collectstatic (.br and .gz beside each file).
"""

import re

import brotli
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string as gzip_compress

# Below this, a response fits a packet or two either way.
MIN_LENGTH = 200
# Brotli's quality 5 compresses a story page in about a millisecond, far better than gzip -6.
BROTLI_QUALITY = 5
# Django's GZipMiddleware's own BREACH padding, kept for gzip.
GZIP_RANDOM_BYTES = 100
EXCLUDED_PATHS = ("/admin/",)
TEXT_TYPES = re.compile(
    r"^(text/|application/(json|javascript|xml|rss\+xml|atom\+xml|[\w.+-]*\+json|[\w.+-]*\+xml)|image/svg\+xml)"
)


def accepted(header):
    """'br', 'gzip' or None: what the client accepts (q=0, or a q that is no number, refuses),
    brotli first."""
    codings = {}
    for part in header[:256].lower().split(","):
        name, _, params = part.partition(";")
        quality = 1.0
        match = re.search(r"q=([^;\s]*)", params)
        if match:
            try:
                quality = float(match.group(1))
            except ValueError:
                quality = 0.0
        codings[name.strip()] = quality
    for coding in ("br", "gzip"):
        if codings.get(coding, codings.get("*", 0)) > 0:
            return coding
    return None


def _compress(coding, content):
    if coding == "br":
        return brotli.compress(content, quality=BROTLI_QUALITY)
    return gzip_compress(content, max_random_bytes=GZIP_RANDOM_BYTES)


def _weaken_etag(response):
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response.headers["ETag"] = "W/" + etag


class CompressionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(EXCLUDED_PATHS) or response.has_header("Content-Encoding"):
            return response
        coding = accepted(request.headers.get("Accept-Encoding", ""))
        if response.status_code == 304:
            # The 200 this stands for varied on Accept-Encoding and had its ETag weakened.
            patch_vary_headers(response, ("Accept-Encoding",))
            if coding:
                _weaken_etag(response)
            return response
        if (
            response.streaming
            or len(response.content) < MIN_LENGTH
            or not TEXT_TYPES.match(response.get("Content-Type", ""))
        ):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if coding is None:
            return response
        compressed = _compress(coding, response.content)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        response.headers["Content-Encoding"] = coding
        _weaken_etag(response)
        return response
