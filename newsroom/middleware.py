"""A database that cannot be reached is an outage, not a bug: answer 503 with Retry-After.

Without this, Django answers a lost database connection with a 500, which tells load
balancers, crawlers and monitoring that the code is broken, and which a CDN may cache.
A 503 with Retry-After says "come back shortly"; the connection itself is re-opened on a
later request (CONN_HEALTH_CHECKS in settings), so the site recovers by itself.
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
UNAVAILABLE = (OperationalError, InterfaceError)
_FLAG = "_database_unavailable"


class DatabaseUnavailableMiddleware:
    """Turns OperationalError/InterfaceError into a 503, wherever inside it they are raised.

    A view's (or its template's) error arrives in process_exception. Middleware listed
    after this one can hit the database too (the session is loaded and saved by
    SessionMiddleware); Django turns their errors into a 500 response before it gets
    here, so the got_request_exception signal, sent with the exception at hand, marks
    the request and the 500 is replaced on the way out. Other database errors
    (IntegrityError, ProgrammingError…) are bugs and stay 500s.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(_mark_unavailable, dispatch_uid="newsroom.middleware.unavailable")

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, _FLAG, False):
            return unavailable(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, UNAVAILABLE):
            logger.warning("Database unavailable for %s %s: %s", request.method, request.path, exception)
            return unavailable(request)
        return None


def _mark_unavailable(sender, request=None, **kwargs):
    # Receivers run inside Django's exception handler, so the exception is sys.exc_info()'s.
    if request is not None and isinstance(sys.exc_info()[1], UNAVAILABLE):
        setattr(request, _FLAG, True)


def unavailable(request):
    response = HttpResponse(
        "The site is briefly unavailable. Please try again in a few seconds.\n",
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Neither a CDN nor a browser may keep the error page past the outage.
    add_never_cache_headers(response)
    return response
