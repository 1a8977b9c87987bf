"""Wire ingest: the steps that turn agency copy into draft stories, and nothing else.

Plain text goes through `plain.parse_wire`, IPTC ninjs through `ninjs.parse_item`; both
parsers are pure, and everything that writes to the database is here. A story made
from the wire is always a DRAFT: publication is the desk's.
"""

import json
import logging
from dataclasses import dataclass

import reversion
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..images.ingest import photo_create_from_upload
from ..models import Article, Author, Byline, Note, Person, Photo, Section, WireItem
from ..models.language import default_language, normalize
from ..models.slugs import unique_slug
from .ninjs import InvalidItem, compare_versions, parse_item
from .plain import parse_wire

logger = logging.getLogger(__name__)
HEADLINE_MAX = Article._meta.get_field("headline").max_length


@dataclass(frozen=True)
class ProposedPhoto:
    """The copy's photo block, for the photo desk to add once it has the file."""

    caption: str
    credit: str
    alt_text: str


@dataclass
class WireImport:
    article: Article
    warnings: list[str]
    photo: ProposedPhoto | None  # a photo awaiting its file; None when there was none or we have it
    furniture: int  # lines of page furniture moved to the story's internal note
    language: str = ""  # the copy's language (BCP 47), read from its script; see story_create_from_wire


def story_create_from_wire(*, text, user=None):
    """Create a DRAFT from wire copy (an agency's text or a browser copy of its story page),
    all or nothing; returns a WireImport. Page furniture and the proposed photo go to one
    internal note on the story, which readers never see.

    Raises WireFormatError, before anything is written, when the copy cannot be read.
    """
    sections = [
        *Section.objects.values_list("name", flat=True),
        *Section.objects.values_list("slug", flat=True),
    ]
    # The site's default edition for copy whose script does not say Russian.
    default = default_language()
    story = parse_wire(text, sections=sections, headline_max=HEADLINE_MAX, default_language=default)
    warnings = []
    section = None
    if story.section:
        section = Section.objects.filter(
            Q(name__iexact=story.section) | Q(slug__iexact=story.section)
        ).first()
        if section is None:
            warnings.append(f"No section is called “{story.section}”: the draft has none; choose one.")
    if not story.has_dateline:
        warnings.append("No dateline found: the draft has no place or date in its dateline; add them.")
    elif not story.agency:
        warnings.append(
            "The dateline names no agency: the draft is credited as our own copy; set the agency if not."
        )
    if story.unplaced:
        lines = ", ".join(str(note.line) for note in story.unplaced)
        warnings.append(
            f"{len(story.unplaced)} line(s) above the dateline could not be placed (line {lines}): "
            "they are in the story's internal note."
        )
    photo = Photo.objects.filter(caption__iexact=story.caption).first() if story.caption else None
    proposed = None
    if story.credit and photo is None:
        proposed = ProposedPhoto(
            caption=story.caption,
            credit=story.credit[: Photo._meta.get_field("credit").max_length],
            alt_text=(story.alt_text or story.caption)[: Photo._meta.get_field("alt_text").max_length],
        )
        if not story.caption:
            warnings.append("The photo's credit has no caption above it: write one when adding the photo.")
    article = Article(
        status=Article.Status.DRAFT,
        headline=story.headline,
        slug=unique_slug(Article, story.headline),
        standfirst=story.standfirst,
        body=story.body_html,
        section=section,
        lead_photo=photo,
        dateline_place=story.place[:100],
        dateline_date=story.date[:40],
        agency=Article.agency_of(story.agency),
        language=normalize(story.language),
        author=user,
    )
    with transaction.atomic():
        with reversion.create_revision():
            article.save()
            bylines = author_bylines(article, story.bylines)
            if bylines:
                reversion.add_to_revision(article)  # follows its bylines into this revision
            reversion.set_user(user)
            reversion.set_comment("Imported from wire copy.")
        note = wire_note(story, proposed)
        if note:
            Note.objects.create(article=article, author=user, text=note)
    return WireImport(article, warnings, proposed, len(story.notes), story.language)


def author_bylines(article, names):
    """Put the copy's "By …" names on `article` as its byline, in order: each the profile of
    that name at that outlet, else a new contributor's profile (no login). A new profile
    is public only once a published story carries it (AuthorQuerySet.on_record)."""
    bylines = []
    for order, found in enumerate(names):
        # Copy that names no outlet is the dateline agency's; our own agency's is staff copy.
        organisation = found.organisation or article.agency
        author = Author.objects.filter(name__iexact=found.name, organisation__iexact=organisation).first()
        if author is None:
            author = Author.objects.create(
                name=found.name,
                slug=unique_slug(Author, found.name),
                organisation=organisation,
                role=found.role,
            )
        bylines.append(Byline(article=article, author=author, order=order))
    return Byline.objects.bulk_create(bylines, ignore_conflicts=True) if bylines else []


def wire_note(story, proposed):
    """The internal note of an imported story: the proposed photo and every line kept out."""
    parts = []
    if proposed:
        parts.append(
            "Wire photo to find (no image file came with the copy). "
            f"Caption: {proposed.caption or 'not given'} Credit: © {proposed.credit} "
            f"Alt text: {proposed.alt_text}"
        )
    if story.notes:
        parts.append(
            "Kept out of the story when importing the wire copy:\n" + "\n".join(map(str, story.notes))
        )
    return "\n\n".join(parts)


class Refused(Exception):
    pass


@dataclass
class Outcome:
    status: str  # created, updated, ignored or refused
    source: str
    message: str


def import_file(path):
    """One file holds one item, or a JSON array of them; each is imported or refused on its own."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [Outcome("refused", path.name, f"not a readable JSON file ({exc}).")]
    if not isinstance(data, list):
        return [import_item(data, source=path.name, folder=path.parent)]
    return [
        import_item(item, source=f"{path.name}#{i}", folder=path.parent) for i, item in enumerate(data, 1)
    ]


def import_item(data, *, source, folder):
    try:
        wire = parse_item(data)
        # Its own transaction: a refused item leaves no trace and takes no other item with it.
        with transaction.atomic():
            return story_import_ninjs(wire=wire, source=source, folder=folder)
    except InvalidItem as exc:
        return Outcome("refused", source, f"invalid item, {exc.field}: {exc.message}")
    except Refused as exc:
        return Outcome("refused", source, str(exc))
    except Exception as exc:
        # A bug or a database error on one item must not hold back the rest of the feed;
        # the traceback goes to the log for whoever fixes it.
        logger.exception("Importing %s failed", source)
        return Outcome("refused", source, f"could not be imported ({exc.__class__.__name__}: {exc}).")


def story_import_ninjs(*, wire, source, folder):
    """Create the draft for `wire`, or update it from a newer version, keeping a revision."""
    if wire.pubstatus != "usable":
        return Outcome("ignored", source, f"the agency marked this item {wire.pubstatus}; tell the desk.")
    known = WireItem.objects.select_for_update().select_related("article").filter(uri=wire.uri).first()
    if known is None:
        article = Article(
            status=Article.Status.DRAFT, slug=unique_slug(Article, wire.slugline or wire.headline)
        )
        known = WireItem(uri=wire.uri)
    else:
        order = compare_versions(wire.version, wire.version_created, known.version, known.version_created)
        new, old = wire.version or "?", known.version or "?"
        if order is None:
            return Outcome("ignored", source, f"cannot tell whether version {new} is newer than {old}.")
        if order < 1:
            return Outcome("ignored", source, f"version {new} is not newer than {old}.")
        article = known.article
        if article.status != Article.Status.DRAFT:
            raise Refused(
                f"story #{article.pk} is {article.state_label.lower()}, not a draft: "
                "a published story changes only through the desk."
            )
    created, photo_before = article.pk is None, article.lead_photo_id
    note = attach_picture(article, wire.picture, folder=folder, known=known)
    article.headline = wire.headline
    article.standfirst = wire.standfirst
    article.body = wire.body_html
    article.dateline_place = wire.place
    article.agency = Article.agency_of(wire.agency)
    if wire.urgency is not None:
        article.urgency = wire.urgency
    if wire.language:
        # An item in a language the site has no edition for goes to the default edition's desk.
        article.language = normalize(wire.language)
    if wire.embargoed is not None and wire.embargoed > timezone.now():
        # The agency's embargo binds us too: the story is held back from readers until then.
        article.embargo_until = wire.embargoed
    with reversion.create_revision():
        article.save()
        article.topics.set(wire.topics)
        article.people.set([person_named(name) for name in wire.people])
        reversion.set_comment(f"Imported from the wire: {wire.uri}, version {wire.version or '?'}.")
    known.article = article
    known.version, known.version_created = wire.version, wire.version_created
    if article.lead_photo_id != photo_before:
        known.picture_uri = wire.picture.uri  # imported: a later version naming it keeps this photo
    known.received_at = timezone.now()
    known.save()
    action = "created" if created else "updated"
    message = f"{action} draft #{article.pk} “{article.headline}” (version {wire.version or '?'})"
    return Outcome(action, source, f"{message}; {note}" if note else message)


def attach_picture(article, picture, *, folder, known):
    """Make the item's picture the lead photo from a file beside the item; a note if we could not."""
    if picture is None or (article.lead_photo_id and known.picture_uri == picture.uri):
        return ""
    path = next((found for href in picture.hrefs if (found := local_file(href, folder))), None)
    if path is None:
        return "picture left for the photo desk (no file of it next to the item; nothing is downloaded)."
    try:
        with path.open("rb") as file:
            article.lead_photo = photo_create_from_upload(
                upload=File(file, name=path.name),
                alt_text=picture.alt_text,
                credit=picture.credit,
                caption=picture.caption,
                copyright=picture.copyright,
            )
    except ValidationError as exc:
        return f"picture left for the photo desk: {' '.join(exc.messages)}"
    return ""


def local_file(href, folder):
    """The file `href` names inside `folder`: a relative path, or a URL's last segment. Never outside it."""
    relative = href if "://" not in href else href.rstrip("/").rsplit("/", 1)[-1].split("?")[0]
    candidate = (folder / relative).resolve()
    return candidate if candidate.is_file() and candidate.is_relative_to(folder.resolve()) else None


def person_named(name):
    """The person called `name` (name, alias or transliteration: the one matcher), else a new one.
    A near miss is not taken: unattended ingest links only what the matcher is sure of."""
    person = Person.objects.matching([name])[0].person
    return person or Person.objects.create(name=name, slug=unique_slug(Person, name))
