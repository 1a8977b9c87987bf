"""What to fuzz: every public URL pattern, read from Django's resolver, and hypothesis
strategies for its path and query parameters.

Shared by tests/test_fuzz_urls.py (a short run in the suite) and soak/fuzz.py (`make fuzz`,
thousands of requests to gunicorn on PostgreSQL). Routes come from `get_resolver()`, never a
list typed here, so a public page is fuzzed the day its URL pattern is added.
"""

import base64
import datetime
import json
import re
import urllib.parse
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import strategies as st

# The desk and anything behind a login are not public; their input comes from staff.
SKIPPED_PREFIXES = ("admin/",)
STAFF_ONLY = ("user_passes_test", "staff_member_required", "login_required", "permission_required")
# Query parameters every HTML list and search page reads; the API's come from its OpenAPI document.
PAGE_PARAMS = ("page", "before", "q")
DATE_PARAMS = {"published_after", "published_before", "updated_since"}
SLUG_PARAMS = {"section", "topic", "person"}
ALL_PARAMS = (*PAGE_PARAMS, "cursor", "limit", *sorted(SLUG_PARAMS), *sorted(DATE_PARAMS))

_ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


@dataclass(frozen=True)
class Route:
    """One URL pattern as a template: `news/{slug}/` with the names of its path parameters."""

    template: str
    name: str
    params: tuple[str, ...]

    def __str__(self):
        return "/" + self.template


def _template(pattern):
    text = str(pattern)
    if hasattr(pattern, "converters"):  # a path() route
        return _ROUTE_PARAM.sub(lambda m: f"{{{m['name']}}}", text)
    return _REGEX_GROUP.sub(lambda m: f"{{{m['name']}}}", text.lstrip("^").rstrip("$"))


def _staff_only(view):
    while view is not None:
        if any(marker in getattr(view, "__qualname__", "") for marker in STAFF_ONLY):
            return True
        view = getattr(view, "__wrapped__", None)
    return False


def public_routes(patterns=None, prefix=""):
    """Every URL pattern a reader can reach, in resolver order."""
    routes = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        template = prefix + _template(entry.pattern)
        if template.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            routes += public_routes(entry.url_patterns, template)
        elif isinstance(entry, URLPattern) and not _staff_only(entry.callback):
            names = tuple(re.findall(r"{(\w+)}", template))
            routes.append(Route(template, entry.name or "", names))
    return routes


def query_params(route, openapi):
    """The query parameters `route` documents: the OpenAPI document's for the API, else PAGE_PARAMS."""
    if not route.template.startswith("api/"):
        return PAGE_PARAMS
    operation = openapi.get("paths", {}).get("/" + route.template, {}).get("get", {})
    return tuple(p["name"] for p in operation.get("parameters", []) if p.get("in") == "query")


# Values. Odd strings for everything; near-valid values where a parser has edges to fall off.

ODD = ["", "0", "-1", "9" * 40, "%", "\x00", "' OR 1=1 --", "\u202e", "ʼ", "null", "../..", "a,b,c"]
text = st.text(max_size=200) | st.sampled_from(ODD)
# Past ±14:00 no real zone goes, and PostgreSQL refuses ±16:00 and beyond; Python allows ±23:59.
EDGE_OFFSETS = ["+19:56", "-23:59", "+16:00", "-16:00", "+15:59", "+14:00", "-12:00", "+00:00", "Z", ""]
offsets = st.sampled_from(EDGE_OFFSETS) | st.integers(-1439, 1439).map(
    lambda m: f"{'+' if m >= 0 else '-'}{abs(m) // 60:02}:{abs(m) % 60:02}"
)
# Years 1 and 9999 overflow once an offset moves them across the edge of datetime's range.
moments = st.datetimes(min_value=datetime.datetime(1, 1, 1), max_value=datetime.datetime(9999, 12, 31))


@st.composite
def iso_dates(draw):
    moment = draw(moments)
    shape = draw(st.sampled_from(["full", "full", "date", "minutes", "seconds"]))
    if shape == "date":
        return moment.date().isoformat()
    spec = {"full": "microseconds", "minutes": "minutes", "seconds": "seconds"}[shape]
    return moment.isoformat(timespec=spec) + draw(offsets)


ids = st.integers(-1, 10**6) | st.sampled_from([0, 2**31, 2**63 - 1, 2**63, 10**30])
dates = iso_dates() | text
before_cursors = st.builds(lambda when, pk: f"{when},{pk}", iso_dates(), ids) | text
api_cursors = (
    st.lists(iso_dates() | ids | text, min_size=1, max_size=3).map(
        lambda keys: base64.urlsafe_b64encode(json.dumps(keys).encode()).decode().rstrip("=")
    )
    | text
)
numbers = ids.map(str) | st.sampled_from(["null", "last", "1e3", "1.5", " 2", "0x10"]) | text


def value_strategy(name, pools):
    """Values for query parameter `name`; `pools` holds real slugs by parameter name."""
    if name in DATE_PARAMS:
        return dates
    if name == "before":
        return before_cursors
    if name == "cursor":
        return api_cursors
    if name in ("page", "limit"):
        return numbers
    if name in SLUG_PARAMS and pools.get(name):
        return st.sampled_from(pools[name]) | text
    return text


# Path parameters: which pool of real values fits, guessed from the parameter and the route.
_POOL_HINTS = {"news/": "story", "stories/": "story", "people/": "person", "topics/": "topic"}


def path_pool(route, name, pools):
    if name in pools:
        return pools[name]
    if name == "slug":
        hint = next((kind for word, kind in _POOL_HINTS.items() if word in route.template), "section")
        return pools.get(hint, [])
    return []


def path_value(route, name, pools):
    real = path_pool(route, name, pools)
    odd = text | ids.map(str)
    return (st.sampled_from(real) | odd) if real else odd


@st.composite
def urls(draw, route, params, pools):
    """A URL for `route`: real or odd path values, and any subset of `params` with fuzzed values."""
    values = {name: draw(path_value(route, name, pools)) for name in route.params}
    path = "/" + route.template.format(**{k: urllib.parse.quote(str(v), safe="") for k, v in values.items()})
    chosen = draw(st.lists(st.sampled_from(params), unique=True, max_size=len(params))) if params else []
    query = {name: draw(value_strategy(name, pools)) for name in chosen}
    return f"{path}?{urllib.parse.urlencode(query)}" if query else path
