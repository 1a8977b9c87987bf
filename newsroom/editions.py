"""The edition a request reads, from its address alone.

Django's LocaleMiddleware would also consult a cookie and Accept-Language for unprefixed
addresses and send `Vary: Accept-Language` with them, splitting every shared cache's copy
of the default edition by the readers' browsers. Here /ru/… is Russian and everything
unprefixed is the default edition, whoever asks, so one address is one page.
"""

from django.conf import settings
from django.utils import translation


class EditionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        # Scoped to the request: a thread that serves the next one (or a test's own thread,
        # under Django's test client) must not keep this request's edition.
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
