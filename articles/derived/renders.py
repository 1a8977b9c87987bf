"""Keeping stored story pages (StoryRender) and the newest stories per topic and person
(NewestLinked) current. Signals feed them, as they feed the page cache: both are derived.

A story's own edits move its `version`, which its render is checked against. Everything
else its page shows (quotes, corrections, bylines and their authors' profiles, the people,
topics and photo it carries) draws a
new `stamp` for the stories concerned, in the writer's transaction: a reader that rendered
from the rows before it stores under the old stamp, which no longer matches. Bulk writes
that send no signal call `forget_all_renders()` (invalidate_public_pages does).

NewestLinked lists are recomputed for the topics and people of a story whose publication
may have changed (any save, link or deletion): a bounded amount of work per save, six lists
for a story with four topics and two people, whatever the archive holds. A story's related
stories are merged from its lists at request time (articles/public/story_page.py).
"""

import hashlib
import threading
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import F, Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.templatetags.static import static
from django.utils import timezone

from .. import models
from ..models import Article, NewestLinked, Status, StoryRender
from ..models.language import edition_codes
from . import tokens

EPOCH_KEY = "articles:render-epoch"
# Each list holds one more than the page shows: the story itself may be among them.
RELATED_LIMIT = 4
LIST_LENGTH = RELATED_LIMIT + 1
# Stories being deleted in this thread: their cascaded quotes and links must not write a
# render row back for a story whose row is about to go.
_deleting = threading.local()


_build = None


def build_fingerprint():
    """The code, templates and static files a page was made with: every stored story page and
    every cached page is a miss after a deploy that changed any of them, in every process.

    Static files count by their content: a page links them by a hashed name in production, and
    a layout change may live in a stylesheet or script alone."""
    global _build
    if _build is None:
        digest = hashlib.sha256()
        root = Path(settings.BASE_DIR)
        folders = [("templates", "*.html"), ("articles", "*.py")]
        folders += [(str(folder), "*") for folder in settings.STATICFILES_DIRS]
        for folder, pattern in folders:
            for path in sorted((root / folder).rglob(pattern)):
                if path.is_file():
                    digest.update(str(path.relative_to(root / folder)).encode())
                    digest.update(path.read_bytes())
        digest.update(static("css/site.css").encode())
        digest.update(settings.SITE_NAME.encode())
        _build = digest.hexdigest()
    return _build


def render_epoch():
    return tokens.current(EPOCH_KEY)


def forget_all_renders():
    """Every stored story page is a miss from now on (a new epoch is part of their context)."""
    tokens.renew(EPOCH_KEY)


def bump(article_ids, using=None):
    """Draw a new stamp for these stories (ids or a values("pk") queryset), creating rows that
    do not exist yet so that a reader cannot store a render made before this write."""
    gone = sorted(getattr(_deleting, "ids", set()))
    if isinstance(article_ids, (list, tuple, set, frozenset)):
        ids = [int(pk) for pk in article_ids]
        if not ids:
            return
        chosen, params = ", ".join(["%s"] * len(ids)), ids
    else:
        chosen, params = article_ids.order_by().query.sql_with_params()
    skip = f" AND a.id NOT IN ({', '.join(['%s'] * len(gone))})" if gone else ""
    table = StoryRender._meta.db_table
    with connections[using or DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (article_id, stamp, context, page, card, links) "
            f"SELECT a.id, 1, '', '', '', '[]' FROM {Article._meta.db_table} AS a "
            f"WHERE a.id IN ({chosen}){skip} "
            f"ON CONFLICT (article_id) DO UPDATE SET stamp = {table}.stamp + 1",
            [*params, *gone],
        )


def newest_linked(kind, key, now=None):
    """(stories, valid_until) for one topic or person, computed from the archive: the newest
    LIST_LENGTH of each edition, as [id, published timestamp, language], newest first (a
    story's related stories are of its own edition)."""
    now = now or timezone.now()
    link = Q(topic_items__tag_id=key) if kind == NewestLinked.Kind.TOPIC else Q(people=key)
    newest = []
    for language in edition_codes():
        rows = (
            Article.objects.published()
            .filter(link, language=language)
            .order_by("-published_at", "-id")
            .values_list("pk", "published_at", "expires_at")[:LIST_LENGTH]
        )
        newest += [(*row, language) for row in rows]
    newest.sort(key=lambda row: (row[1], row[0]), reverse=True)
    going_live = (
        Article.objects.filter(link, status=Status.PUBLISHED, published_at__gt=now)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    lifting = (
        Article.objects.filter(link, status=Status.PUBLISHED, embargo_until__gt=now)
        .order_by("embargo_until")
        .values_list("embargo_until", flat=True)
        .first()
    )
    moments = [moment for moment in [going_live, lifting, *(row[2] for row in newest)] if moment is not None]
    stories = [[pk, published_at.timestamp(), language] for pk, published_at, _, language in newest]
    return stories, min(moments, default=None)


def refresh_lists(keys, using=None):
    """Recompute the NewestLinked rows of these (kind, key) pairs: a writer's, always stored."""
    keys = {(kind, int(key)) for kind, key in keys}
    now = timezone.now()
    for kind, key in sorted(keys):
        stories, valid_until = newest_linked(kind, key, now)
        rows = NewestLinked.objects.using(using or DEFAULT_DB_ALIAS).filter(kind=kind, key=key)
        if not rows.update(stories=stories, valid_until=valid_until, revision=F("revision") + 1):
            NewestLinked.objects.using(using or DEFAULT_DB_ALIAS).bulk_create(
                [NewestLinked(kind=kind, key=key, stories=stories, valid_until=valid_until, revision=1)],
                update_conflicts=True,
                unique_fields=["kind", "key"],
                update_fields=["stories", "valid_until", "revision"],
            )


def reader_refresh(kind, key, seen_revision):
    """A reader's recomputation of a missing or outdated list, stored only if no writer has
    stored one since it was read: a writer's is the newer truth. Returns the stories."""
    stories, valid_until = newest_linked(kind, key)
    if seen_revision is None:
        NewestLinked.objects.bulk_create(
            [NewestLinked(kind=kind, key=key, stories=stories, valid_until=valid_until)],
            ignore_conflicts=True,
        )
    else:
        NewestLinked.objects.filter(kind=kind, key=key, revision=seen_revision).update(
            stories=stories, valid_until=valid_until
        )
    return stories


def links_of(article_ids):
    """The (kind, key) pairs of these stories' topics and people."""
    keys = {
        (NewestLinked.Kind.TOPIC, tag)
        for tag in models.TaggedArticle.objects.filter(content_object_id__in=article_ids).values_list(
            "tag_id", flat=True
        )
    }
    keys |= {
        (NewestLinked.Kind.PERSON, person)
        for person in Article.people.through.objects.filter(article_id__in=article_ids).values_list(
            "person_id", flat=True
        )
    }
    return keys


def _now_and_on_commit(func, using):
    func()
    if transaction.get_connection(using or DEFAULT_DB_ALIAS).in_atomic_block:
        # A story published in a concurrent transaction is seen by the recomputation that
        # runs after the later commit.
        transaction.on_commit(func, using=using)


# Receivers.


def _article_saved(sender, instance, using=None, raw=False, **kwargs):
    if raw:
        return
    keys = links_of([instance.pk])
    _now_and_on_commit(lambda: refresh_lists(keys, using), using)


def _article_deleting(sender, instance, using=None, **kwargs):
    instance._newest_linked_keys = links_of([instance.pk])
    if not hasattr(_deleting, "ids"):
        _deleting.ids = set()
    _deleting.ids.add(instance.pk)


def _article_deleted(sender, instance, using=None, **kwargs):
    getattr(_deleting, "ids", set()).discard(instance.pk)
    keys = getattr(instance, "_newest_linked_keys", set())
    _now_and_on_commit(lambda: refresh_lists(keys, using), using)


def _story_part_changed(sender, instance, using=None, raw=False, **kwargs):
    """A quote, correction or live entry: its story's page changes. A new stamp, never a new
    version: an entry posted while an editor has the story's form open must not make their
    save a conflict, and two entries posted at once each draw one (ON CONFLICT … + 1)."""
    if not raw and instance.article_id:
        bump([instance.article_id], using)


def _person_changed(sender, instance, using=None, raw=False, **kwargs):
    if raw:
        return
    through = Article.people.through.objects.filter(person_id=instance.pk).values("article_id")
    quoted = models.Quote.objects.filter(speaker_id=instance.pk).values("article_id")
    bump(Article.objects.filter(Q(pk__in=through) | Q(pk__in=quoted)).values("pk"), using)


def _author_changed(sender, instance, using=None, raw=False, **kwargs):
    """An author's profile: every story whose byline names them shows it (page and card)."""
    if not raw:
        bump(models.Byline.objects.filter(author_id=instance.pk).values("article_id"), using)


def _page_links_changed(column):
    """A receiver for a relation only the story's own page shows (whom it is about, its
    authors added through the relation's manager): its stories' pages change; no list of
    related stories does."""

    def changed(sender, instance, action, pk_set=None, reverse=False, using=None, **kwargs):
        if action not in ("pre_clear", "post_add", "post_remove"):
            return
        if not reverse:
            bump([instance.pk], using)
        elif action == "pre_clear":  # the other end's stories: known only before they are cleared
            bump(sender.objects.filter(**{column: instance.pk}).values("article_id"), using)
        else:
            bump(list(pk_set or ()), using)

    return changed


_about_changed = _page_links_changed("person_id")
_authors_changed = _page_links_changed("author_id")


def _topic_changed(sender, instance, using=None, raw=False, **kwargs):
    if not raw:
        bump(models.TaggedArticle.objects.filter(tag_id=instance.pk).values("content_object_id"), using)


def photo_changed(photo_id, using=None):
    """The stories led by this photo or showing it in a live entry: their page and card show
    it (renditions included)."""
    shown = models.LiveEntry.objects.filter(photo_id=photo_id).values("article_id")
    bump(Article.objects.filter(Q(lead_photo_id=photo_id) | Q(pk__in=shown)).values("pk"), using)


def _photo_changed(sender, instance, using=None, raw=False, **kwargs):
    if not raw:
        photo_changed(instance.pk, using)


def _links_changed(sender, instance, action, pk_set=None, reverse=False, using=None, **kwargs):
    """Stories gaining or losing people or topics: their pages, and the lists of both ends."""
    if action not in ("pre_clear", "post_add", "post_remove", "post_clear"):
        return
    kind = NewestLinked.Kind.PERSON if sender is Article.people.through else NewestLinked.Kind.TOPIC
    if action == "pre_clear":
        # The links are gone by post_clear: remember whom they joined.
        instance._cleared_links = links_of([instance.pk]) if not reverse else {(kind, instance.pk)}
        return
    if isinstance(instance, Article):
        articles = [instance.pk]
        keys = {(kind, pk) for pk in pk_set or ()}
    else:  # the reverse side: a person's or topic's stories changed
        articles = list(pk_set or ())
        keys = {(kind, instance.pk)}
    if action == "post_clear":
        keys = getattr(instance, "_cleared_links", set())
        articles = [instance.pk] if isinstance(instance, Article) else []
    bump(articles, using)
    _now_and_on_commit(lambda: refresh_lists(keys, using), using)


def _tagged_row_changed(sender, instance, using=None, raw=False, **kwargs):
    # A through row written directly (a desk inline, an import) rather than through taggit's
    # manager, which sends m2m_changed as well.
    if raw:
        return
    bump([instance.content_object_id], using)
    keys = {(NewestLinked.Kind.TOPIC, instance.tag_id)}
    _now_and_on_commit(lambda: refresh_lists(keys, using), using)


def connect_signals():
    uid = "articles.renders."
    post_save.connect(_article_saved, sender=Article, dispatch_uid=uid + "article-save")
    pre_delete.connect(_article_deleting, sender=Article, dispatch_uid=uid + "article-pre-delete")
    post_delete.connect(_article_deleted, sender=Article, dispatch_uid=uid + "article-delete")
    for model in (models.Quote, models.Correction, models.LiveEntry, models.Byline):
        post_save.connect(_story_part_changed, sender=model, dispatch_uid=uid + f"{model.__name__}-save")
        post_delete.connect(_story_part_changed, sender=model, dispatch_uid=uid + f"{model.__name__}-delete")
    post_save.connect(_person_changed, sender=models.Person, dispatch_uid=uid + "person-save")
    pre_delete.connect(_person_changed, sender=models.Person, dispatch_uid=uid + "person-delete")
    post_save.connect(_author_changed, sender=models.Author, dispatch_uid=uid + "author-save")
    pre_delete.connect(_author_changed, sender=models.Author, dispatch_uid=uid + "author-delete")
    m2m_changed.connect(_about_changed, sender=Article.about.through, dispatch_uid=uid + "m2m-about")
    m2m_changed.connect(_authors_changed, sender=Article.authors.through, dispatch_uid=uid + "m2m-authors")
    post_save.connect(_topic_changed, sender=models.Topic, dispatch_uid=uid + "topic-save")
    pre_delete.connect(_topic_changed, sender=models.Topic, dispatch_uid=uid + "topic-delete")
    post_save.connect(_photo_changed, sender=models.Photo, dispatch_uid=uid + "photo-save")
    pre_delete.connect(_photo_changed, sender=models.Photo, dispatch_uid=uid + "photo-delete")
    post_save.connect(_tagged_row_changed, sender=models.TaggedArticle, dispatch_uid=uid + "tagged-save")
    post_delete.connect(_tagged_row_changed, sender=models.TaggedArticle, dispatch_uid=uid + "tagged-delete")
    for through in (Article.people.through, models.TaggedArticle):
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=uid + f"m2m-{through.__name__}")
