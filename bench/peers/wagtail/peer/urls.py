from django.urls import include, path
from stories.views import search
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("search/", search, name="search"),
    path("", include(wagtail_urls)),
]
