"""The site's URLconf plus one page the leak sweep has not been taught: it must notice."""

from django.http import HttpResponse
from django.urls import include, path

urlpatterns = [
    path("tomorrow/<slug:slug>/", lambda request, slug: HttpResponse(slug), name="tomorrows-page"),
    path("", include("newsroom.urls")),
]
