"""The desk's address of any photo file, original included: staff who may see photos only.

Originals keep the photographer's metadata (location too) for the photo desk, so they are
never given a public address; the admin's "Currently:" link and thumbnails come here.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.cache import patch_cache_control

from ..images.pending import pending_name
from ..models import Photo
from ..public.media import file_response


def desk_photo_file(request, name, model_admin):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    if "\x00" in name:  # PostgreSQL refuses a NUL in a query rather than finding nothing
        raise Http404("No photo file at this address.")
    known = Photo.objects.filter(image=name).exists() or Photo.objects.filter(renditions__file=name).exists()
    if not known:
        raise Http404("No photo file at this address.")
    response = file_response(name)
    patch_cache_control(response, private=True, no_store=True)
    return response


def desk_pending_file(request, token, model_admin):
    """An upload kept for a photo form: to the user who uploaded it, while the token is fresh."""
    if not (model_admin.has_add_permission(request) or model_admin.has_change_permission(request)):
        raise PermissionDenied
    name = pending_name(token, user_id=request.user.pk)
    if name is None:
        raise Http404("No kept upload at this address.")
    response = file_response(name)
    patch_cache_control(response, private=True, no_store=True)
    return response
