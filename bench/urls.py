"""The site's URLs, with the floor pages the benchmark compares the real pages against."""

from django.urls import include, path

from newsroom.urls import urlpatterns as site

urlpatterns = [path("bench/floor/", include("bench.floor")), *site]
