"""While the database is unreachable, pages answer 503 with Retry-After, never a cacheable 500."""

import pytest
from django.db import IntegrityError, InterfaceError, OperationalError, connection
from django.test import Client

from .desk import change_url, desk_user
from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


def failing_with(error):
    """A query wrapper that fails every query the way a lost server connection does."""

    def fail(execute, sql, params, many, context):
        raise error("server closed the connection unexpectedly")

    return fail


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_public_page_answers_503_while_the_database_is_down(client, error):
    story = ArticleFactory(published=True)
    with connection.execute_wrapper(failing_with(error)):
        response = client.get(story.get_absolute_url())

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]  # a CDN must not keep the error
    assert "try again" in response.content.decode()


def test_the_desk_answers_503_while_the_database_is_down():
    story = ArticleFactory()
    # Signed in, the session is read and saved by middleware outside the view too.
    client = Client(raise_request_exception=False)
    client.force_login(desk_user("Editor", username="outage-editor"))
    with connection.execute_wrapper(failing_with(OperationalError)):
        response = client.get(change_url(story))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"


def test_the_site_answers_again_once_the_database_is_back(client):
    story = ArticleFactory(published=True)
    with connection.execute_wrapper(failing_with(OperationalError)):
        assert client.get(story.get_absolute_url()).status_code == 503
    assert client.get(story.get_absolute_url()).status_code == 200


def test_other_database_errors_are_still_server_errors():
    # An IntegrityError is a bug in our code, not an outage: it must stay a loud 500.
    story = ArticleFactory(published=True)
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(failing_with(IntegrityError)):
        response = client.get(story.get_absolute_url())
    assert response.status_code == 500
