"""A refused action on the desk, explained inside the desk: what was refused, why, and who may.

`handler403` (newsroom/urls.py) and CSRF_FAILURE_VIEW route here. Under the admin's prefix
the refusal renders in the admin's layout with its header, a way back and the roles that
hold the permission the view needed; anywhere else Django's own responses stand.
"""

from django.contrib import admin
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Group
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import csrf, defaults

# The admin view (the end of its URL name) -> the permission it needs.
ACTIONS = {
    "add": ("add", "add"),
    "changelist": ("view", "see the list of"),
    "change": ("change", "change"),
    "history": ("view", "see the history of"),
    "delete": ("delete", "delete"),
    "retract": ("retract", "retract"),
    "import_wire": ("add", "import"),
}


def permission_denied(request, exception=None):
    if not _on_desk(request):
        return defaults.permission_denied(request, exception)
    return _render(request, _explain(request, exception), title="Not allowed on this desk")


def csrf_failure(request, reason=""):
    if not _on_desk(request):
        return csrf.csrf_failure(request, reason)
    why = {
        "why": "The form was refused because its security check failed: it was open too long, "
        "you signed in again in another tab, or it came from another site.",
        "need": "Go back, reload the page and submit again. Copy anything long you typed first.",
    }
    return _render(request, why, title="Form expired")


def _on_desk(request):
    return request.path_info.startswith(reverse("admin:index"))


def _explain(request, exception):
    match = request.resolver_match
    found = _model_action(match.url_name if match else "")
    said = str(exception or "").strip()
    if found is None:
        return {"why": said or "Your role does not allow this action.", "need": _ask()}
    model, codename, verb = found
    opts = model._meta
    plural = opts.verbose_name_plural
    roles = _roles_with(opts.app_label, codename)
    if request.user.has_perm(f"{opts.app_label}.{codename}"):
        why = said or (
            f"You may {verb} {plural}, but not this one: a reporter, for instance, edits only "
            "their own drafts, and nobody edits a story while it waits for review."
        )
        return {"why": why, "need": _ask()}
    why = said or f"You are not allowed to {verb} {plural}."
    if roles:
        need = f"This needs the {_either(roles)} role{'s' if len(roles) > 1 else ''}."
    else:
        need = "No desk role may do this; an administrator can."
    return {"why": why, "need": f"{need} {_ask()}"}


def _model_action(url_name):
    for model in admin.site._registry:
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        action = url_name.removeprefix(prefix) if url_name.startswith(prefix) else None
        if action in ACTIONS:
            permission, verb = ACTIONS[action]
            return model, get_permission_codename(permission, model._meta), verb
    return None


def _roles_with(app_label, codename):
    groups = Group.objects.filter(
        permissions__content_type__app_label=app_label, permissions__codename=codename
    )
    return sorted(groups.values_list("name", flat=True))


def _either(names):
    names = [f"“{name}”" for name in names]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _ask():
    return "If you need it, ask an editor or the desk's administrator."


def _back(request):
    referer = request.headers.get("referer", "")
    safe = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return referer if safe and referer != request.build_absolute_uri() else reverse("admin:index")


def _render(request, explanation, *, title):
    user = request.user
    roles = sorted(user.groups.values_list("name", flat=True)) if user.is_authenticated else []
    context = {
        **admin.site.each_context(request),
        **explanation,
        "title": title,
        "back": _back(request),
        "your_roles": roles,
    }
    # Rendered here: a handler's response skips the template-response middleware phase.
    return TemplateResponse(request, "admin/403.html", context, status=403).render()
