"""The site's URLconf plus one page the leak sweep has not been taught: it must notice."""

from django.http import HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns

# The site's patterns themselves, not an include(): its editions are i18n_patterns, which
# Django allows only in the root URLconf.
urlpatterns = [
    path("tomorrow/<slug:slug>/", lambda request, slug: HttpResponse(slug), name="tomorrows-page"),
    *site_urlpatterns,
]
