"""Wire ingest: IPTC ninjs items become draft stories, once per item and version."""

import json
import logging
from dataclasses import dataclass
from pathlib import Path

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles.images.ingest import photo_create_from_upload
from articles.models import Article, Person, WireItem
from articles.ninjs import InvalidItem, compare_versions, parse_item
from articles.wire import unique_slug

logger = logging.getLogger(__name__)


class Refused(Exception):
    pass


@dataclass
class Outcome:
    status: str  # created, updated, ignored or refused
    source: str
    message: str


class Command(BaseCommand):
    help = (
        "Create or update DRAFT stories from IPTC ninjs files: a file, or every *.json in a folder. "
        "An item is recognised by its uri; only a newer version changes its story, and only while "
        "that story is a draft. Pictures are taken from files next to the item, never downloaded."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")

    def handle(self, *args, paths, **options):
        outcomes = [outcome for path in item_files(paths) for outcome in import_file(path)]
        for outcome in outcomes:
            style = self.style.ERROR if outcome.status == "refused" else self.style.SUCCESS
            self.stdout.write(style(f"{outcome.status}: {outcome.source}: {outcome.message}"))
        counts = {
            s: sum(o.status == s for o in outcomes) for s in ("created", "updated", "ignored", "refused")
        }
        self.stdout.write(", ".join(f"{n} {status}" for status, n in counts.items()))
        if counts["refused"]:
            # Each item commits on its own: the others are in, but a cron job should notice.
            raise CommandError(f"{counts['refused']} of {len(outcomes)} items refused (see above).")


def item_files(paths):
    files = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(path.glob("*.json")))
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"No such file or folder: {name}")
    return files


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
    # Our own agency name means our own copy, which the story stores as no agency.
    article.agency = "" if wire.agency.casefold() == settings.DEFAULT_AGENCY.casefold() else wire.agency
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
    """The person called `name`, by name or by one of their alias lines, else a new one."""
    person = Person.objects.filter(name__iexact=name).first()
    if person is None:
        wanted = name.casefold()
        candidates = Person.objects.filter(aliases__icontains=name)
        person = next((p for p in candidates if wanted in (a.casefold() for a in p.alias_list)), None)
    return person or Person.objects.create(name=name, slug=unique_slug(Person, name))
