"""One error shape for every refusal: {"error": {"code", "message", "field"}}.

Bad input is the client's mistake and answers 400, never 500: malformed dates,
cursors and ids, unknown parameters, and filter values that name nothing. A bad or revoked
partner key answers 401, a throttled one 429 (articles/api/partners.py).
"""

from django.http import Http404
from ninja.errors import ValidationError

from ..models.keyset import InvalidCursor


class ApiError(Exception):
    """Raised by endpoints; rendered as the error object with `status`."""

    def __init__(self, code, message, *, field=None, status=400, headers=None):
        super().__init__(message)
        self.code, self.message, self.field, self.status = code, message, field, status
        self.headers = headers or {}


def error_body(code, message, field=None):
    return {"error": {"code": code, "message": message, "field": field}}


def reject_unknown_params(request, allowed):
    """A misspelt filter (?sections=world) must not silently return everything."""
    for name in request.GET:
        if name not in allowed:
            known = ", ".join(sorted(allowed)) or "none"
            raise ApiError("unknown_parameter", f"Unknown parameter; known ones: {known}.", field=name)


def install(api):
    """Replace ninja's default handlers (422 with a list, 404 with "detail") by ours."""

    @api.exception_handler(ApiError)
    def api_error(request, exc):
        response = api.create_response(
            request, error_body(exc.code, exc.message, exc.field), status=exc.status
        )
        for name, value in exc.headers.items():
            response[name] = value
        return response

    @api.exception_handler(InvalidCursor)
    def invalid_cursor(request, exc):
        body = error_body("invalid_cursor", "This cursor is not one the API handed out.", "cursor")
        return api.create_response(request, body, status=400)

    @api.exception_handler(ValidationError)
    def invalid_parameter(request, exc):
        # ninja reports where each problem is, e.g. ("query", "published_after"); the first is enough.
        first = exc.errors[0]
        location = [str(part) for part in first.get("loc", ())[1:]]
        field = ".".join(location) or None
        # pydantic prefixes our own validators' messages with "Value error, ".
        message = first.get("msg", "Invalid value.").removeprefix("Value error, ")
        return api.create_response(request, error_body("invalid_parameter", message, field), status=400)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(
            request, error_body("not_found", "Nothing published at this address."), status=404
        )
