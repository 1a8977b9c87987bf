"""Seed the peer with the project's archive shape: `manage.py seed_peer --stories N`.

The same invented copy as bench/seed.py (bench/corpus.py: 600-word bodies, 3 quotes by
people, 4 of 200 topics, 2 people from a pool of N/25, one of 24 generated photos, a story
every 432 s, 1 in 50 a draft). Pages are written in bulk (their tree paths computed as
treebeard would), then indexed once with Wagtail's `update_index`, then the renditions
every template asks for are made by requesting one page per photo. Run once per database.
"""

import datetime
import io
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import Client
from django.utils import timezone
from taggit.models import Tag
from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page, Site

from bench import corpus
from stories.models import CreditedImage, Person, StoryIndexPage, StoryPage, StoryTag

PHOTO_POOL = 24
BATCH = 2000


def make_image(number):
    return CreditedImage.objects.create(
        title=f"A generated picture, number {number}.",
        file=ImageFile(io.BytesIO(corpus.picture_jpeg(number)), name=f"peer-{number}.jpg"),
        credit="Peer Bench/Generated",
    )


def dateline(copy, moment):
    agency = f" /{copy.agency}/." if copy.agency else ""
    return f"{copy.place.upper()}, {timezone.localtime(moment):%B %-d}.{agency}"


class Command(BaseCommand):
    help = "Seed the Wagtail peer with N stories of the benchmark's shape."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, required=True)

    def handle(self, *args, stories, **options):
        if StoryPage.objects.exists():
            self.stdout.write(f"peer: already seeded ({StoryPage.objects.count()} stories)")
            return
        started = timezone.now()
        home = self.ensure_home()
        images = [make_image(number).pk for number in range(PHOTO_POOL)]
        self.stdout.write(f"peer: photos after {(timezone.now() - started).total_seconds():.0f} s")
        people = self.ensure_people(corpus.people_pool(stories))
        tags = self.ensure_tags()
        anchor = timezone.now().replace(microsecond=0) - datetime.timedelta(minutes=5)
        for first in range(1, stories + 1, BATCH):
            self.add_batch(home, first, min(stories, first + BATCH - 1), anchor, images, people, tags)
        Page.objects.filter(pk=home.pk).update(numchild=stories)
        self.stdout.write(f"peer: pages written after {(timezone.now() - started).total_seconds():.0f} s")
        call_command("update_index", verbosity=0)
        self.stdout.write(f"peer: indexed after {(timezone.now() - started).total_seconds():.0f} s")
        self.make_renditions(images)
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(f"peer: {stories} stories in {seconds:.0f} s")

    def ensure_home(self):
        root = Page.get_first_root_node()
        home = StoryIndexPage.objects.first()
        if home is None:
            for page in root.get_children():
                page.delete()
            root.refresh_from_db()
            home = root.add_child(instance=StoryIndexPage(title="All news", slug="news"))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "root_page": home, "site_name": "Peer News"},
        )
        return home

    def ensure_people(self, count):
        Person.objects.bulk_create(
            [
                Person(id=i, name=copy.name, slug=copy.slug, role=copy.role, organisation=copy.organisation)
                for i in range(1, count + 1)
                for copy in [corpus.person_copy(i)]
            ],
            batch_size=2000,
        )
        return {person.pk: person.name for person in Person.objects.all()}

    def ensure_tags(self):
        Tag.objects.bulk_create([Tag(name=name, slug=name.lower()) for name in corpus.TOPIC_NAMES])
        by_slug = dict(Tag.objects.values_list("slug", "pk"))
        return [by_slug[name.lower()] for name in corpus.TOPIC_NAMES]

    @transaction.atomic
    def add_batch(self, home, first, last, anchor, images, people, tags):
        locale = Locale.get_default()
        content_type = ContentType.objects.get_for_model(StoryPage)
        block = StoryPage._meta.get_field("body").stream_block
        pages, copies = [], []
        for index in range(first, last + 1):
            copy = corpus.story_copy(index, lambda i: people[i])
            published_at = anchor - index * corpus.STORY_INTERVAL
            live = not copy.draft
            pages.append(
                Page(
                    title=copy.headline,
                    draft_title=copy.headline,
                    slug=copy.slug,
                    content_type=content_type,
                    # Stories are added newest first: the oldest is the last child.
                    path=Page._get_path(home.path, home.depth + 1, index),
                    depth=home.depth + 1,
                    numchild=0,
                    url_path=f"{home.url_path}{copy.slug}/",
                    live=live,
                    has_unpublished_changes=not live,
                    first_published_at=published_at if live else None,
                    last_published_at=published_at if live else None,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                )
            )
            copies.append(copy)
        Page.objects.bulk_create(pages)
        children = []
        tagged = []
        for page, copy in zip(pages, copies, strict=True):
            quotes = iter(copy.quotes)
            raw = []
            for number, paragraph in enumerate(copy.paragraphs, 1):
                raw.append({"type": "paragraph", "value": f"<p>{paragraph}</p>", "id": str(uuid.uuid4())})
                if number in (2, 4, 6):
                    speaker, text, verb = next(quotes)
                    raw.append(
                        {
                            "type": "quote",
                            "value": {"person": speaker, "text": text, "verb": verb},
                            "id": str(uuid.uuid4()),
                        }
                    )
            child = StoryPage(
                page_ptr_id=page.pk,
                standfirst=copy.standfirst,
                dateline=dateline(copy, page.first_published_at or anchor),
                lead_image_id=images[copy.index % len(images)],
                body=StreamValue(block, raw, is_lazy=True),
            )
            child.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
            children.append(child)
            tagged += [StoryTag(content_object_id=page.pk, tag_id=tags[rank - 1]) for rank in copy.topics]
        local = list(StoryPage._meta.local_concrete_fields)
        StoryPage.objects.all()._batched_insert(children, local, batch_size=500)
        StoryTag.objects.bulk_create(tagged, batch_size=5000)
        self.stdout.write(f"peer: stories {first}–{last}")

    def make_renditions(self, images):
        """The first request for each photo makes its renditions; readers never pay for it."""
        client = Client()
        seen = set()
        for story in StoryPage.objects.live().only("slug", "lead_image_id")[:500]:
            if story.lead_image_id not in seen:
                seen.add(story.lead_image_id)
                client.get(f"/{story.slug}/")
        for page in range(1, 4):
            client.get(f"/?page={page}")
