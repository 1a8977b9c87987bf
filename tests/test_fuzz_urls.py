"""Property-based: arbitrary strings in every public URL and parameter never make a 500."""

import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .factories import ArticleFactory, PersonFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

ACCEPTABLE = {200, 301, 302, 304, 400, 404}
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Any text, including control characters, surrogates escaped by quoting, and long strings.
ODD = ["", "0", "-1", "9" * 40, "%", "\x00", "' OR 1=1 --", "\u202e", "ʼ"]
text = st.text(max_size=300) | st.sampled_from(ODD)

PARAMETER_URLS = [
    ("/", "page"),
    ("/search/", "q"),
    ("/search/", "page"),
    ("/topics/energy/", "page"),
    ("/sections/world/", "page"),
    ("/people/irina-volkova/", "page"),
    ("/api/stories", "cursor"),
    ("/api/stories", "limit"),
    ("/api/stories", "published_after"),
    ("/api/stories", "updated_since"),
    ("/api/stories", "section"),
    ("/api/stories", "topic"),
    ("/api/stories", "person"),
    ("/api/people", "cursor"),
]
PATH_TEMPLATES = [
    "/news/{}/",
    "/people/{}/",
    "/topics/{}/",
    "/sections/{}/",
    "/preview/{}/",
    "/feeds/topics/{}/rss/",
    "/feeds/sections/{}/atom/",
    "/feeds/people/{}/rss/",
    "/api/stories/{}",
    "/api/stories/{}/ninjs",
    "/api/people/{}",
    "/api/topics/{}",
]


@pytest.fixture
def archive():
    section, topic, person = (
        SectionFactory(slug="world"),
        TopicFactory(slug="energy"),
        PersonFactory(slug="irina-volkova"),
    )
    ArticleFactory.create_batch(3, published=True, section=section, topics=[topic], people=[person])


@pytest.mark.parametrize(("path", "parameter"), PARAMETER_URLS)
def test_query_parameters(client, archive, path, parameter):
    @FUZZ
    @given(value=text)
    def check(value):
        response = client.get(f"{path}?{urllib.parse.urlencode({parameter: value})}")
        assert response.status_code in ACCEPTABLE, (path, parameter, value, response.status_code)

    check()


@pytest.mark.parametrize("template", PATH_TEMPLATES)
def test_path_segments(client, archive, template):
    @FUZZ
    @given(value=text)
    def check(value):
        response = client.get(template.format(urllib.parse.quote(value, safe="")))
        assert response.status_code in ACCEPTABLE, (template, value, response.status_code)

    check()
