from django.contrib import admin
from taggit.models import Tag

from ..models import Topic

# Our stories and people are tagged with Topic; taggit's generic Tag would only confuse editors.
admin.site.unregister(Tag)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    class Media:
        # Cyrillic names give the slugs the server would (articles/models/slugs.py).
        js = ["articles/urlify_icao.js"]

    fields = ["name", "slug", "description"]
