"""The read-only content API at /api/: published content only, as JSON, with an OpenAPI document.

Every read starts from Article.objects.published() (or Quote.objects.published()); partners
with a key also get embargoed stories, through Article.objects.for_partner(). Responses carry
an ETag and answer 304 to a matching If-None-Match. See docs/api.md.
"""

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from ninja import NinjaAPI, Router, Swagger

from ..derived.cache import cache_publicly
from . import authors, errors, people, stories, taxonomy
from .partners import HEADER, PartnerKeyAuth, partner_of
from .schemas import ApiIndex


class ContentAPI(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        # The same address answers partners (with embargoed stories) and the public differently.
        patch_vary_headers(response, ["Authorization", HEADER])
        partner = partner_of(request) is not None
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            if partner:
                # Embargoed stories: for this client only, never a shared cache.
                patch_cache_control(response, private=True, no_store=True)
            else:
                # Shared caches may keep it, but not past the next scheduled story or embargo.
                cache_publicly(response)
            set_response_etag(response)
            return get_conditional_response(request, etag=response["ETag"], response=response)
        if response.status_code in (401, 429):
            patch_cache_control(response, no_store=True)
        return response

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        # The key is optional: an empty requirement says the operation also answers without one.
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                if (
                    isinstance(operation, dict)
                    and "security" in operation
                    and {} not in operation["security"]
                ):
                    operation["security"].append({})
        return schema


api = ContentAPI(
    title=f"{settings.SITE_NAME} content API",
    version="1",
    description=(
        "Published stories, their authors, people, topics and sections, read-only. "
        "Stories also as IPTC ninjs 2.1."
    ),
    urls_namespace="api",
    # No online validator badge: the docs page must load nothing from outside.
    docs=Swagger(settings={"validatorUrl": None}),
    # Optional: without a key a request is the public's (articles/api/partners.py).
    auth=PartnerKeyAuth(),
)
errors.install(api)


@api.get("/", response=ApiIndex, url_name="index", tags=["index"])
def index(request):
    """Where everything is."""
    names = {
        "stories": "stories",
        "authors": "authors",
        "people": "people",
        "topics": "topics",
        "sections": "sections",
    }
    links = {key: request.build_absolute_uri(reverse(f"api:{name}")) for key, name in names.items()}
    links["openapi"] = request.build_absolute_uri(reverse("api:openapi-json"))
    links["docs"] = request.build_absolute_uri(reverse("api:openapi-view"))
    return links


api.add_router("", stories.router)
api.add_router("", authors.router)
api.add_router("", people.router)
api.add_router("", taxonomy.router)

# Last, so it shadows nothing: any other address under /api/ answers with the JSON error object.
fallback = Router()


@fallback.get("/{path:rest}", include_in_schema=False)
def unknown_address(request, rest: str):
    raise Http404


api.add_router("", fallback)
