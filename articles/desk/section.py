from django import forms
from django.contrib import admin

from ..models import Section
from .local_texts import local_fields, local_texts_form


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    form = local_texts_form(forms.ModelForm, [("names", "name", "Name", False)])

    def get_fields(self, request, obj=None):
        return ["name", *local_fields("name"), "slug", "description", "position"]

    class Media:
        # Cyrillic names give the slugs the server would (articles/models/slugs.py).
        js = ["articles/urlify_icao.js"]
