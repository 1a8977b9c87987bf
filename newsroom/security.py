"""Content-Security-Policy, set by path.

Public pages get a strict policy: scripts and styles only from this site, no
inline script, no plugins, no framing. The admin (and the API's interactive
docs) needs inline scripts: Django's admin and the rich-text editor's import
map are inline, so those paths get a policy that allows them but still keeps
every resource on this site.
"""

from urllib.parse import urlsplit

from django.conf import settings

PUBLIC = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
DESK = {
    **PUBLIC,
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
}
DESK_PATHS = ("/admin/", "/api/docs")


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def _media_origins():
    # Media on object storage or a CDN lives on another origin, and the photo views redirect
    # to signed URLs on the bucket's own; allow images from both.
    origins = [_origin(settings.MEDIA_URL), _origin(getattr(settings, "PHOTO_ORIGIN", ""))]
    return " ".join(dict.fromkeys(origin for origin in origins if origin))


def render_policy(directives):
    media = _media_origins()
    if media:
        directives = {**directives, "img-src": f"{directives['img-src']} {media}"}
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public = render_policy(PUBLIC)
        self.desk = render_policy(DESK)

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            desk = request.path.startswith(DESK_PATHS)
            response["Content-Security-Policy"] = self.desk if desk else self.public
        return response
