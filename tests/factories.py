import datetime

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from articles.models import Article, Author, LiveEntry, Person, Photo, Quote, Section, Topic

from .images import image_bytes


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@newsroom.test")
    password = factory.django.Password("correct horse battery staple")


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    image = factory.LazyFunction(lambda: ContentFile(image_bytes(), name="test-photo.jpg"))
    caption = factory.Sequence(lambda n: f"Delegates arrive for talks, day {n}.")
    credit = "Newsroom Pictures/Ana Ortiz"
    alt_text = "Delegates walk into a conference hall"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Irina Volkova {n}")
    slug = factory.Sequence(lambda n: f"irina-volkova-{n}")
    role = "Foreign Minister"
    organisation = "Ministry of Foreign Affairs"


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Mira Lund {n}")
    slug = factory.Sequence(lambda n: f"mira-lund-{n}")
    role = "Diplomatic correspondent"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Talks on river treaty resume, round {n}")
    slug = factory.Sequence(lambda n: f"talks-on-river-treaty-resume-{n}")
    standfirst = "Negotiators meet again after a month-long pause."
    body = "<p>Negotiators met on Tuesday.</p><p>The talks will continue.</p>"
    dateline_place = "Moscow"
    agency = "NWS"
    status = Article.Status.DRAFT

    class Params:
        published = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1)),
        )
        scheduled = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=2)),
        )

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.add(*extracted)

    @factory.post_generation
    def people(self, create, extracted, **kwargs):
        if create and extracted:
            self.people.add(*extracted)

    @factory.post_generation
    def about(self, create, extracted, **kwargs):
        if create and extracted:
            self.about.add(*extracted)

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        """The byline, in the order given."""
        if create and extracted:
            for order, author in enumerate(extracted):
                self.authors.add(author, through_defaults={"order": order})


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    # A story of its own quotes the words in its body, so it passes the check on publication.
    article = factory.SubFactory(
        ArticleFactory,
        body=factory.LazyAttribute(
            lambda story: f"<p>Negotiators met on Tuesday.</p><p>“{story.factory_parent.text},” she said.</p>"
        ),
    )
    speaker = factory.SubFactory(PersonFactory)
    text = "We will not be rushed into a bad agreement"
    verb = "said"
    order = factory.Sequence(lambda n: n)


class LiveEntryFactory(factory.django.DjangoModelFactory):
    """An entry of a published live blog (a new blog unless one is given)."""

    class Meta:
        model = LiveEntry

    article = factory.SubFactory(ArticleFactory, published=True, is_live=True)
    body = factory.Sequence(lambda n: f"<p>Update {n}: the ferry crossing stays closed for now.</p>")
    posted_at = factory.LazyFunction(timezone.now)


def translated(source, language="ru", *, publish=True, quotes=None, **fields):
    """A version of `source` in `language` as a translator leaves it: headline, standfirst and
    body in the language, each carried quote given its own words (`quotes`, else invented
    ones the body then prints), published unless `publish=False`."""
    from articles.models.translation import article_translate

    version = article_translate(source=source, language=language)
    carried = list(version.quotes.order_by("order", "pk"))
    words = (
        list(quotes) if quotes is not None else [f"Нас не заставят спешить {n}" for n in range(len(carried))]
    )
    for quote, text in zip(carried, words, strict=True):
        quote.text = text
        quote.save()
    said = "".join(f"<p>«{text}», — сказала она.</p>" for text in words)
    defaults = {
        "headline": "Переговоры о речном договоре возобновились",
        "standfirst": "Стороны встретились после месячной паузы.",
        "body": f"<p>Стороны встретились во вторник.</p>{said}",
    }
    for name, value in {**defaults, **fields}.items():
        setattr(version, name, value)
    version.save()
    if publish:
        version.publish()
    return version


def put_in_state(story, state):
    """A story not yet published moved to `state`: draft (as it is), scheduled, embargoed or
    unpublished (published, then taken down)."""
    now = timezone.now()
    if state == "scheduled":
        story.publish(at=now + datetime.timedelta(hours=2))
    elif state == "embargoed":
        story.embargo_until = now + datetime.timedelta(hours=2)
        story.save()
        story.publish()
    elif state == "unpublished":
        story.publish()
        story.unpublish()
    return story
