"""A cap on what a request may send, enforced while it arrives rather than after.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE limits only the fields that are not files,
and FILE_UPLOAD_MAX_MEMORY_SIZE only decides when a file goes to a temporary
file: a 120 MB upload would still be received in full before the photo form
refused it. Here a request announcing more than UPLOAD_MAX_BYTES is answered
413 before its body is read, and the upload handler stops one that turns out
larger than it said at the first chunk past the cap, before any view sees it.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html

_FLAG = "_upload_too_large"

PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Upload too large</title></head>'
    "<body><h1>This upload is too large</h1><p>{}</p><p>Go back and choose a smaller file.</p></body></html>"
)


def too_large(received=None):
    limit = filesizeformat(settings.UPLOAD_MAX_BYTES)
    said = (
        f"This upload is {filesizeformat(received)}; "
        if received
        else "This upload is larger than the limit; "
    )
    response = HttpResponse(format_html(PAGE, f"{said}the largest the site accepts is {limit}."), status=413)
    # The client may still be sending: tell it this connection is done with.
    response["Connection"] = "close"
    return response


class UploadLimitMiddleware:
    """Answer 413 to a request whose announced size is over the cap, before reading it;
    and to one the upload handler stopped on the way in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.UPLOAD_MAX_BYTES:
            return too_large(length)
        response = self.get_response(request)
        if getattr(request, _FLAG, False):
            return too_large()
        return response


class SizeLimitedUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: counts the bytes of every file in the request and
    stops receiving past UPLOAD_MAX_BYTES."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.received = 0
        if content_length and content_length > settings.UPLOAD_MAX_BYTES:
            self._stop()

    def receive_data_chunk(self, raw_data, start):
        self.received = getattr(self, "received", 0) + len(raw_data)
        if self.received > settings.UPLOAD_MAX_BYTES:
            self._stop()
        return raw_data  # the next handler stores it

    def file_complete(self, file_size):
        return None

    def _stop(self):
        if self.request is not None:
            setattr(self.request, _FLAG, True)
        # Not StopUpload, which lets the view run on what arrived so far: this ends the
        # request where the body is first read (the CSRF check), and the middleware answers.
        raise UploadTooLarge("Upload larger than UPLOAD_MAX_BYTES.")


class UploadTooLarge(RequestDataTooBig):
    pass
