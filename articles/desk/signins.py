"""Sign-ins, sign-outs and failed attempts, fed to the audit trail by Django's auth signals.

Writing a log line is derived data, so a signal is the right hook here; every other
event of the trail is recorded by the code that acts.
"""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from ..models import audit

A = audit.A


def _logged_in(sender, request, user, **kwargs):
    audit.record(A.LOGIN, user=user, request=request)


def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record(A.LOGOUT, user=user, request=request)


def _login_failed(sender, credentials, request=None, **kwargs):
    audit.record(A.LOGIN_FAILED, username=credentials.get("username", ""), request=request)


def connect_signals():
    user_logged_in.connect(_logged_in, dispatch_uid="articles.audit.login")
    user_logged_out.connect(_logged_out, dispatch_uid="articles.audit.logout")
    user_login_failed.connect(_login_failed, dispatch_uid="articles.audit.failed")
