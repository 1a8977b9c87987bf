from django.contrib import admin

from ..models import Person
from .audit_log import AuditedDeleteMixin
from .display import thumbnail


@admin.register(Person)
class PersonAdmin(AuditedDeleteMixin, admin.ModelAdmin):
    list_display = ["name", "portrait_thumbnail", "role", "organisation", "updated_at"]
    list_select_related = ["portrait"]
    search_fields = ["name", "aliases", "role", "organisation"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["portrait"]
    fields = ["name", "slug", "role", "organisation", "aliases", "bio", "portrait", "topics"]

    @admin.display(description="Portrait")
    def portrait_thumbnail(self, person):
        return thumbnail(person.portrait, width=48)
