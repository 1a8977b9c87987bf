from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect

from ..models import Person, audit
from .audit_log import AuditedDeleteMixin
from .display import thumbnail
from .local_texts import local_fields, local_texts_form

ON_RECORD_PERMISSION = "articles.change_person_on_record"
ON_RECORD_NOTICE = (
    "{name} is on the record in published stories, so their public profile is changed by an "
    "editor. Ask an editor to make the change."
)


@admin.register(Person)
class PersonAdmin(AuditedDeleteMixin, admin.ModelAdmin):
    """People's pages are public once a published story carries them: from then on only editors
    change them (a reporter sees the profile read-only and is told why), and every change is
    written to the audit trail with who made it and which fields it touched."""

    list_display = ["name", "kind", "portrait_thumbnail", "role", "organisation", "updated_at"]
    list_filter = ["kind"]
    list_select_related = ["portrait"]
    search_fields = ["name", "aliases", "role", "organisation"]
    prepopulated_fields = {"slug": ["name"]}

    class Media:
        # Cyrillic names give the slugs the server would (articles/models/slugs.py).
        js = ["articles/urlify_icao.js"]

    autocomplete_fields = ["portrait"]
    form = local_texts_form(
        forms.ModelForm,
        [
            ("names", "name", "Name", False),
            ("roles", "role", "Role", False),
            ("organisations", "organisation", "Organisation", False),
        ],
    )

    def get_fields(self, request, obj=None):
        return [
            "name",
            *local_fields("name"),
            "slug",
            "kind",
            "role",
            *local_fields("role"),
            "organisation",
            *local_fields("organisation"),
            "aliases",
            "bio",
            "portrait",
            "topics",
        ]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and not request.user.has_perm(ON_RECORD_PERMISSION):
            return not obj.is_on_record
        return allowed

    def change_view(self, request, object_id, form_url="", extra_context=None):
        person = self.get_object(request, object_id)
        if (
            person is not None
            and super().has_change_permission(request, person)
            and not self.has_change_permission(request, person)
        ):
            if request.method == "POST":
                notice = ON_RECORD_NOTICE.format(name=person.name)
                messages.error(request, f"{notice} Your change was not saved.")
                return HttpResponseRedirect(request.path)
            messages.warning(request, ON_RECORD_NOTICE.format(name=person.name))
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        on_record = change and obj.is_on_record
        super().save_model(request, obj, form, change)
        if on_record and form.changed_data:
            changed = ", ".join(form.changed_data)
            target = f"person “{obj.name}” (#{obj.pk}): {changed}"
            audit.record(audit.A.CHANGE, user=request.user, target=target, request=request)

    @admin.display(description="Portrait")
    def portrait_thumbnail(self, person):
        return thumbnail(person.portrait, width=48)
