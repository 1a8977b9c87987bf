from django.contrib import admin

from ..models import Section
from .local_names import LocalNamesForm, name_fields


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    form = LocalNamesForm

    def get_fields(self, request, obj=None):
        return ["name", *name_fields(), "slug", "description", "position"]

    class Media:
        # Cyrillic names give the slugs the server would (articles/models/slugs.py).
        js = ["articles/urlify_icao.js"]
