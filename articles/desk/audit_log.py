from django.contrib import admin

from ..models import AuditEvent, audit


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the trail is written by the system, never edited."""

    list_display = ["at", "username", "action", "target", "ip_address"]
    list_filter = ["action", ("at", admin.DateFieldListFilter)]
    search_fields = ["username", "target", "ip_address"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedDeleteMixin:
    """Record deletions made in the desk, one audit event per object."""

    def delete_model(self, request, obj):
        audit.record(audit.A.DELETE, user=request.user, target=self._audit_label(obj), request=request)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit.record(audit.A.DELETE, user=request.user, target=self._audit_label(obj), request=request)
        super().delete_queryset(request, queryset)

    def _audit_label(self, obj):
        return f"{obj._meta.verbose_name} “{obj}” (#{obj.pk})"
