"""The audit trail: sign-ins from Django's auth signals, status changes from the
workflow, deletions from the desk. Writing a log is derived data, so signals are
the right hook for sign-ins; everything else is recorded by the code that acts.
"""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from .models import AuditEvent

A = AuditEvent.Action

# Workflow status a transition leads to -> what the audit trail calls it.
TRANSITION_ACTIONS = {
    "in_review": A.SUBMIT,
    "draft": A.SEND_BACK,
    "published": A.PUBLISH,
    "unpublished": A.UNPUBLISH,
    "retracted": A.RETRACT,
}


def client_address(request):
    if request is None:
        return None
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or None


def record(action, *, user=None, username="", target="", request=None):
    return AuditEvent.objects.create(
        action=action,
        actor=user if user is not None and user.pk else None,
        username=username or (user.get_username() if user is not None else ""),
        target=str(target)[:300],
        ip_address=client_address(request),
    )


def record_transition(article, to_status, *, by):
    record(TRANSITION_ACTIONS[to_status], user=by, target=f"story “{article}” (#{article.pk})")


def _logged_in(sender, request, user, **kwargs):
    record(A.LOGIN, user=user, request=request)


def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(A.LOGOUT, user=user, request=request)


def _login_failed(sender, credentials, request=None, **kwargs):
    record(A.LOGIN_FAILED, username=credentials.get("username", ""), request=request)


def connect_signals():
    user_logged_in.connect(_logged_in, dispatch_uid="articles.audit.login")
    user_logged_out.connect(_logged_out, dispatch_uid="articles.audit.logout")
    user_login_failed.connect(_login_failed, dispatch_uid="articles.audit.failed")
