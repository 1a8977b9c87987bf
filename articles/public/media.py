"""The reader's address of a photo file: a rendition, served only while something public uses it.

Files sit in private storage (articles/models/files.py). This view is the one door to them
for readers: it answers a rendition of a photo on record (leading a published story, or a
published person's portrait) with a public, cacheable response bounded like every public
page; staff and holders of a preview's signed URL get it privately; anyone else gets 404,
the same as for a file that does not exist. A photo that stops being used publicly stops
being served here at once; copies in shared caches live no longer than public_max_age().
"""

import mimetypes
from pathlib import PurePath

from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from ..derived.cache import cache_publicly
from ..models import Photo
from ..models.files import RENDITIONS, photo_storage, signature_valid
from ..models.rendition import MIME_TYPES


@require_safe
def photo_file(request, key, spec):
    name = f"{RENDITIONS}{key}/{spec}"
    photos = Photo.objects.filter(renditions__file=name)
    public = photos.on_record().exists()
    if not public and not _may_see_unpublished(request, name, photos):
        raise Http404("No photo at this address.")
    response = file_response(name)
    if public:
        cache_publicly(response)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _may_see_unpublished(request, name, photos):
    if signature_valid(name, request.GET.get("sig", "")):
        return photos.exists()
    return request.user.has_perm("articles.view_photo") and photos.exists()


def file_response(name):
    """The file itself from local storage, or a redirect to its signed object-storage URL."""
    storage = photo_storage()
    direct = storage.direct_url(name)
    if direct:
        return HttpResponseRedirect(direct)
    try:
        handle = storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404("No photo at this address.") from None
    suffix = PurePath(name).suffix.lstrip(".")
    content_type = MIME_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
