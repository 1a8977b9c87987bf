from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import Http404
from django.urls import include, path, re_path
from django.views.static import serve

from articles.api import api

from .health import healthz


def serve_media(request, path):
    # Uploads are served by the app only on a single machine (local runs, tests);
    # production puts them behind object storage or the front web server.
    if not settings.SERVE_MEDIA:
        raise Http404("Media is not served by the application.")
    return serve(request, path, document_root=settings.MEDIA_ROOT)


# A refusal on the desk is explained in the desk's own layout (articles/desk/refusals.py).
handler403 = "articles.desk.refusals.permission_denied"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    re_path(r"^media/(?P<path>.+)$", serve_media, name="media"),
    path("api/", api.urls),
]
# Each edition's public site: the default one unprefixed, the others under /<code>/.
urlpatterns += i18n_patterns(path("", include("articles.public.urls")), prefix_default_language=False)
