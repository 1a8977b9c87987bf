"""Translations: one story in several editions, as a group with a source and its versions.

Every member of a group points at the source (`translation_source`, the source at itself);
each version has its own slug, workflow state and revisions. A version is out of date when
its source was saved after it. Translating carries what does not depend on the language
(photo, people, topics, section, urgency, bylines) and the source's words for the
translator to replace; quotes come as placeholders that publication refuses until their
words are translated.
"""

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction

from .language import edition_codes, language_name
from .slugs import unique_slug

CARRIED = (
    "headline", "standfirst", "body", "dateline_place", "agency", "lead_photo", "section",
    "urgency", "is_live",
)  # fmt: skip


def group_of(article):
    """Every story of `article`'s translation group (itself included), source first."""
    if article.translation_source_id is None:
        return [article]
    members = type(article).objects.filter(translation_source_id=article.translation_source_id)
    return sorted(members, key=lambda story: (story.pk != story.translation_source_id, story.language))


def is_out_of_date(version, source):
    """Whether the source changed after the translation was last saved."""
    return (
        version.pk != source.pk
        and source.updated_at is not None
        and version.updated_at is not None
        and source.updated_at > version.updated_at
    )


@transaction.atomic
def article_translate(*, source, language, by=None):
    """A draft of `source` in `language`, linked in its translation group, for a translator.

    The group's source stays the story first translated, so translating a translation
    adds a version to the same group."""
    Article = type(source)
    if language not in edition_codes():
        raise ValidationError(f"{language} is not one of the site's editions.")
    root = source.translation_source or source
    if language == root.language or language == source.language:
        raise ValidationError(f"The story is already in {language_name(language)}.")
    existing = Article.objects.filter(translation_source=root, language=language).first()
    if existing is not None:
        raise ValidationError(f"There is a version in {language_name(language)} already: “{existing}”.")
    if root.translation_source_id is None:
        Article.objects.filter(pk=root.pk).update(translation_source=root)
        root.translation_source = root
    draft = Article(**{name: getattr(source, name) for name in CARRIED})
    draft.language = language
    draft.translation_source = root
    draft.author = by if by is not None and by.pk else None
    draft.slug = unique_slug(Article, placeholder_slug(source.slug, language))
    with reversion.create_revision():
        draft.save()
        draft.people.set(source.people.all())
        draft.about.set(source.about.all())
        draft.topics.set(list(source.topics.all()))
        for byline in source.bylines.all():
            draft.bylines.create(author_id=byline.author_id, order=byline.order)
        for quote in source.quotes.filter(entry__isnull=True):
            draft.quotes.create(
                speaker_id=quote.speaker_id,
                text=quote.text,
                verb=quote.verb,
                context=quote.context,
                order=quote.order,
                is_pull_quote=quote.is_pull_quote,
                translation_of=quote,
            )
        reversion.add_to_revision(draft)
        if by is not None and by.pk:
            reversion.set_user(by)
        reversion.set_comment(f"Translation of “{source}” ({source.language} → {language})")
    return draft


def placeholder_slug(source_slug, language):
    return f"{source_slug}-{language}"


def slug_from_translated_headline(article, headline, slug):
    """The slug a translation takes from its translated headline, while it still has the
    placeholder Translate gave it and has never been public; None to keep `slug`."""
    source_id = article.translation_source_id
    if article.pk is None or source_id in (None, article.pk) or article.published_at is not None:
        return None
    source_slug = type(article).objects.filter(pk=source_id).values_list("slug", flat=True).first()
    placeholder = source_slug and placeholder_slug(source_slug, article.language)
    if slug != article.slug or slug != placeholder or not headline or headline == article.headline:
        return None
    return unique_slug(type(article), headline, article.language)


def translation_problems(article):
    """What stops a translation being published: the source's words left in place."""
    source_id = article.translation_source_id
    if source_id is None or source_id == article.pk or article.pk is None:
        return []
    problems = []
    source = type(article).objects.filter(pk=source_id).only("headline", "standfirst", "language").first()
    if source is not None and source.language != article.language and article.headline == source.headline:
        problems.append("The headline is still the source story's: translate it before publishing.")
    if article.standfirst.strip() and article.standfirst == source.standfirst:
        problems.append("The standfirst is still the source story's: translate it before publishing.")
    for quote in article.quotes.select_related("translation_of", "speaker").filter(
        translation_of__isnull=False
    ):
        if (
            quote.text == quote.translation_of.text
            and source is not None
            and source.language != article.language
        ):
            problems.append(
                f"The quote by {quote.speaker.name} still has the source's words “{quote.text[:60]}”: "
                "translate it (in the quote and in the body) before publishing."
            )
    return problems
