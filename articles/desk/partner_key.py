"""Partner API keys on the desk: issued (the key shown once), limited to sections, revoked.

Keys are never deleted: a revoked key stays listed, with who revoked it and when, so the
audit trail's entries keep naming a key the desk can still find.
"""

from django.contrib import admin, messages
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Concat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from ..models import AuditEvent, PartnerKey, audit


@admin.register(PartnerKey)
class PartnerKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "key_prefix", "section_list", "state", "last_used", "created_at", "created_by"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter), "sections"]
    search_fields = ["name", "prefix"]
    filter_horizontal = ["sections"]
    actions = ["revoke_selected"]
    readonly_fields = ["key_prefix", "state", "uses", "created_at", "created_by", "revoked_by"]

    def get_queryset(self, request):
        uses = AuditEvent.objects.filter(
            action=audit.A.API_USE, username=Concat(Value("partner:"), OuterRef("prefix"))
        )
        return (
            super()
            .get_queryset(request)
            .select_related("created_by", "revoked_by")
            .prefetch_related("sections")
            .annotate(last_use=Subquery(uses.order_by("-at").values("at")[:1]))
        )

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["name", "sections"]
        return ["name", "sections", "key_prefix", "state", "uses", "created_at", "created_by", "revoked_by"]

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the audit trail keeps naming the key

    @admin.display(description="Key")
    def key_prefix(self, key):
        return f"{key.prefix}…"

    @admin.display(description="Sections")
    def section_list(self, key):
        return ", ".join(section.name for section in key.sections.all()) or "all sections"

    @admin.display(description="State", ordering="revoked_at")
    def state(self, key):
        if key.revoked_at:
            return f"Revoked {key.revoked_at:%Y-%m-%d %H:%M}"
        return "Active"

    @admin.display(description="Last used", ordering="last_use")
    def last_used(self, key):
        return getattr(key, "last_use", None) or "never"

    @admin.display(description="Uses")
    def uses(self, key):
        url = reverse("admin:articles_auditevent_changelist")
        return format_html(
            '<a href="{}?q=partner:{}">Every request with this key, in the audit trail</a>', url, key.prefix
        )

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        # The raw key exists only in this request: shown once by response_add, never stored.
        request.partner_raw_key = obj.draw_secret()
        obj.created_by = request.user
        super().save_model(request, obj, form, change)
        obj.record_issue(by=request.user, request=request)

    def response_add(self, request, obj, post_url_continue=None):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "raw_key": request.partner_raw_key,
            "title": f"Key issued to {obj.name}",
        }
        response = TemplateResponse(request, "admin/articles/partnerkey/issued.html", context)
        # The only page that ever shows the key: no cache, no history copy to come back to.
        response["Cache-Control"] = "no-store"
        return response

    @admin.action(description="Revoke selected keys", permissions=["change"])
    def revoke_selected(self, request, queryset):
        revoked = 0
        for key in queryset.filter(revoked_at__isnull=True):
            key.revoke(by=request.user, request=request)
            revoked += 1
        self.message_user(
            request,
            f"Revoked {revoked} key{'' if revoked == 1 else 's'}: they answer 401 from now on."
            if revoked
            else "Those keys were already revoked.",
            messages.SUCCESS if revoked else messages.WARNING,
        )
