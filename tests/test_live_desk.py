"""The live desk: posting, editing and deleting entries from the story admin."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles.models import Article, LiveEntry, StoryRender

from .desk import desk_user
from .factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog():
    return ArticleFactory(
        published=True, is_live=True, slug="council-vote-live", headline="Council votes on the budget"
    )


def post_url(article):
    return reverse("admin:articles_article_live_post", args=[article.pk])


def test_the_desk_page_has_one_editor_field_and_the_stream(editor_client, blog):
    LiveEntry.objects.create(article=blog, body="<p>Doors open at nine.</p>")
    page = editor_client.get(reverse("admin:articles_article_live", args=[blog.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('name="body"') == 1 and ">Post</button>" in html
    assert "Doors open at nine." in html and 'id="entry-' in html
    # The story's form links to it.
    change = editor_client.get(reverse("admin:articles_article_change", args=[blog.pk])).content.decode()
    assert reverse("admin:articles_article_live", args=[blog.pk]) in change


def test_posting_answers_json_with_the_new_stream(editor_client, blog, editor):
    response = editor_client.post(post_url(blog), {"body": "<p>The vote is at noon.</p>", "client_key": "a1"})
    data = response.json()
    assert response.status_code == 200 and data["ok"]
    entry = LiveEntry.objects.get()
    assert (entry.author, entry.body) == (editor, "<p>The vote is at noon.</p>")
    assert f'id="entry-{entry.pk}"' in data["stream"] and data["client_key"] != "a1"
    # The same key again (a retry) posts nothing new.
    editor_client.post(post_url(blog), {"body": "<p>The vote is at noon.</p>", "client_key": "a1"})
    assert LiveEntry.objects.count() == 1


def test_a_refused_entry_says_why_and_posts_nothing(editor_client, blog):
    speaker = PersonFactory()
    response = editor_client.post(
        post_url(blog),
        {"body": "<p>The mayor spoke.</p>", "quote_text": "We have the votes", "speaker": speaker.pk},
    )
    assert response.status_code == 400
    assert "as the entry prints them" in str(response.json()["errors"])
    empty = editor_client.post(post_url(blog), {"body": ""})
    assert empty.status_code == 400 and empty.json()["errors"]["body"]
    assert not LiveEntry.objects.exists()


def test_a_story_that_is_not_a_live_blog_takes_no_entries(editor_client):
    story = ArticleFactory(published=True)
    response = editor_client.post(post_url(story), {"body": "<p>Hello.</p>"})
    assert response.status_code == 400 and "Live blog" in str(response.json()["errors"])


def test_edit_and_delete_from_the_desk(editor_client, blog):
    editor_client.post(post_url(blog), {"body": "<p>Vote at noon.</p>"})
    entry = LiveEntry.objects.get()
    editor_client.post(
        post_url(blog), {"entry": entry.pk, "body": "<p>Vote at one.</p>", "is_key_event": "on"}
    )
    entry.refresh_from_db()
    assert entry.body == "<p>Vote at one.</p>" and entry.is_key_event and entry.edited_at
    response = editor_client.post(reverse("admin:articles_article_live_delete", args=[blog.pk, entry.pk]))
    assert response.json()["ok"] and not LiveEntry.objects.exists()


def test_posting_needs_the_right_to_change_the_story(client, blog):
    reporter = desk_user("Reporter")
    client.force_login(reporter)
    # A reporter may change only their own drafts: a published live blog is not theirs to post to.
    assert client.get(reverse("admin:articles_article_live", args=[blog.pk])).status_code == 403
    assert client.post(post_url(blog), {"body": "<p>Hi.</p>"}).status_code == 403
    assert not LiveEntry.objects.exists()


def test_posting_needs_the_csrf_token(editor, blog):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(post_url(blog), {"body": "<p>Forged.</p>"}).status_code == 403
    assert not LiveEntry.objects.exists()


def test_an_entry_posted_meanwhile_is_no_conflict_for_the_story_form(editor_client, blog):
    version = Article.objects.get(pk=blog.pk).version
    editor_client.post(post_url(blog), {"body": "<p>Posted while the form is open.</p>"})
    assert Article.objects.get(pk=blog.pk).version == version


def test_two_editors_interleaved_both_land_and_each_sees_the_other(blog):
    first, second = Client(), Client()
    first.force_login(desk_user("Editor", "editor_one"))
    second.force_login(desk_user("Editor", "editor_two"))
    first.get(reverse("admin:articles_article_live", args=[blog.pk]))
    second.get(reverse("admin:articles_article_live", args=[blog.pk]))
    second.post(post_url(blog), {"body": "<p>From the second desk.</p>"})
    stream = first.post(post_url(blog), {"body": "<p>From the first desk.</p>"}).json()["stream"]
    assert "From the second desk." in stream and "From the first desk." in stream
    assert LiveEntry.objects.count() == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
def test_two_editors_posting_at_the_same_moment_lose_nothing():
    blog = ArticleFactory(published=True, is_live=True)
    users = [desk_user("Editor", f"desk_{n}") for n in range(2)]
    barrier, results = threading.Barrier(2), []

    def post(user, n):
        client = Client()
        client.force_login(user)
        try:
            for i in range(10):
                if i == 0:
                    barrier.wait()
                results.append(
                    client.post(post_url(blog), {"body": f"<p>Desk {n}, entry {i}.</p>"}).status_code
                )
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(user, n)) for n, user in enumerate(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [200] * 20
    assert LiveEntry.objects.filter(article=blog).count() == 20
    # Each post drew its own stamp: the stored page cannot miss any of them.
    assert StoryRender.objects.get(article=blog).stamp >= 20


def test_the_story_list_filters_live_blogs(editor_client, blog):
    ArticleFactory(published=True, headline="Harbour dues rise in spring")
    listing = editor_client.get(reverse("admin:articles_article_changelist"), {"is_live__exact": "1"})
    html = listing.content.decode()
    assert blog.headline in html and "Harbour dues rise in spring" not in html
