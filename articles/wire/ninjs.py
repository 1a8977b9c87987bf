"""IPTC ninjs 2.1 (News in JSON): our stories as news items, and agencies' items as stories.

Pure functions: nothing here writes to the database or reads a file.
- story_to_ninjs() turns a story (relations prefetched) into a ninjs item (a dict);
- parse_item() checks an agency's item and returns the WireStory the import needs,
  or raises InvalidItem naming the offending field;
- compare_versions() tells which of two versions of one item is newer.
The field mapping is documented in docs/api.md.
"""

import datetime
import re
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from pydantic import BaseModel, ConfigDict
from pydantic import ValidationError as PydanticValidationError

from ..models import Article
from ..models.rendition import MIME_TYPES, rendition_url

SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"
LEAD_PICTURE = "leadphoto"  # the association name of a story's lead photo
SUB_HEADLINE_ROLES = ("sub", "subheadline", "subhead")
ALT_TEXT_ROLES = ("alt", "alttext", "alt_text", "alternative")
HEADLINE_MAX = Article._meta.get_field("headline").max_length


def story_to_ninjs(article, *, base_url):
    """`article` as a ninjs 2.1 text item; links are absolute on `base_url` (scheme and host)."""

    def url(path):
        return urljoin(f"{base_url}/", path)  # storage URLs that are already absolute stay as they are

    agency = article.agency or settings.DEFAULT_AGENCY
    text = article.body_text
    counts = {"charcount": len(text), "wordcount": len(text.split())}
    item = {
        "uri": url(reverse("api:story", kwargs={"story_id": article.pk})),
        "type": "text",
        "representationtype": "full",
        "profile": "text-photo" if article.lead_photo_id else "text-only",
        # The desk's lock version rises with every save, so it orders versions as ninjs needs.
        "version": str(article.version),
        "firstcreated": _iso(article.created_at),
        "versioncreated": _iso(article.updated_at),
        "pubstatus": "usable",
        "urgency": article.urgency,
        "language": article.language,
        "slugline": article.slug,
        "headlines": [{"role": "main", "value": article.headline}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": article.body, **counts}],
        # A natural-language statement of who made it: the byline, else the agency.
        "by": article.byline_text or agency,
        "copyrightholder": agency,
        "subjects": [_concept(topic, "about", url) for topic in article.topics.all()],
        "people": [],
        "renditions": [{"name": "web", "href": url(article.get_absolute_url()), "contenttype": "text/html"}],
        "standard": {"name": "ninjs", "version": "2.1", "schema": SCHEMA_URI},
    }
    # "about" and "mentions" as the JSON-LD says them (Article.people_by_role). An organisation
    # goes where ninjs keeps organisations; people and groups (a family, a board) stay people.
    about, mentioned = article.people_by_role()
    organisations = []
    for rel, found in (("about", about), ("mentions", mentioned)):
        for person in found:
            kind = organisations if person.kind == person.Kind.ORGANISATION else item["people"]
            kind.append(_concept(person, rel, url))
    # The byline's authors, as people the item relates to as its authors.
    item["people"] += [_concept(author, "author", url) for author in article.byline_authors]
    if organisations:
        item["organisations"] = organisations
    if article.standfirst:
        item["headlines"].append({"role": "sub", "value": article.standfirst})
    if article.dateline_place:
        item["located"] = article.dateline_place
        item["places"] = [{"name": article.dateline_place, "rel": "located"}]
    if article.is_embargoed:
        # Only partners are ever given an embargoed story (Article.objects.for_partner).
        item["embargoed"] = _iso(article.embargo_until)
    if article.expires_at:
        item["expires"] = _iso(article.expires_at)
    if article.lead_photo_id:
        item["associations"] = [picture_to_ninjs(article.lead_photo, url)]
    return item


def picture_to_ninjs(photo, url):
    """The lead photo as an associated picture item: caption, alt text, credit and every stored size."""
    # Partners get the widest stored rendition, not the original: it carries no metadata,
    # so no photographer's location leaves the newsroom.
    shared = photo.share_image
    original = {
        "name": "large",
        "href": url(shared.url),
        "contenttype": shared.mime_type,
        "width": shared.width,
        "height": shared.height,
    }
    renditions = [original] + [
        {
            "name": entry["spec"],
            "href": url(rendition_url(entry)),
            "contenttype": MIME_TYPES[entry["format"]],
            "width": entry["width"],
            "height": entry["height"],
            "sizeinbytes": entry["size"],
        }
        for entry in photo.rendition_index
    ]
    descriptions = [{"role": "alt", "value": photo.alt_text}]
    if photo.caption:
        descriptions.insert(0, {"role": "caption", "value": photo.caption})
    return {
        "name": LEAD_PICTURE,
        "uri": original["href"],
        "type": "picture",
        "by": photo.credit,
        "copyrightnotice": photo.copyright or photo.credit_line,
        "descriptions": descriptions,
        "renditions": renditions,
    }


def _concept(obj, rel, url):
    # ninjs 2.1 concepts carry no "type": the array they are in (subjects, people) says it.
    return {"name": obj.name, "literal": obj.slug, "rel": rel, "uri": url(obj.get_absolute_url())}


def _iso(value):
    return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


# Reading an agency's item.


class InvalidItem(ValueError):
    """An item we refuse; `field` is where in the item the problem is (e.g. "headlines.0.value")."""

    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


@dataclass(frozen=True)
class WirePicture:
    uri: str
    hrefs: list[str]  # largest first; the import looks for each next to the item's file
    caption: str = ""
    alt_text: str = ""
    credit: str = ""
    copyright: str = ""


@dataclass(frozen=True)
class WireStory:
    uri: str
    version: str
    version_created: datetime.datetime | None
    headline: str
    pubstatus: str = "usable"
    standfirst: str = ""
    body_html: str = ""
    place: str = ""
    agency: str = ""
    slugline: str = ""
    topics: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    picture: WirePicture | None = None
    urgency: int | None = None  # None: the item gave none, the story keeps its own (5 when new)
    language: str = ""  # BCP 47, as the item gives it; "" keeps the story's own
    embargoed: datetime.datetime | None = None  # the agency's embargo, which the draft keeps


# The parts of ninjs we read, typed as IPTC's schema types them. Strict: a number where
# the schema says string is refused, not coerced. Other properties are let through.
class _Part(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow")


class _Text(_Part):
    role: str | None = None
    contenttype: str | None = None
    value: str


class _Concept(_Part):
    name: str | None = None
    literal: str | None = None
    rel: str | None = None
    uri: str | None = None


class _Rendition(_Part):
    name: str
    href: str | None = None
    width: float | None = None


class _Picture(_Part):
    name: str
    uri: str
    type: str | None = None
    by: str | None = None
    copyrightnotice: str | None = None
    headlines: list[_Text] = []
    descriptions: list[_Text] = []
    renditions: list[_Rendition] = []


class _Item(_Part):
    uri: str | None = None
    guid: str | None = None  # what some ninjs 1.x feeds identify items by
    version: str | None = None
    versioncreated: str | None = None
    pubstatus: Literal["usable", "withheld", "canceled"] | None = None
    urgency: int | None = None
    language: str | None = None
    embargoed: str | None = None
    headlines: list[_Text] = []
    descriptions: list[_Text] = []
    bodies: list[_Text] = []
    subjects: list[_Concept] = []
    people: list[_Concept] = []
    places: list[_Concept] = []
    located: str | None = None
    by: str | None = None
    copyrightholder: str | None = None
    slugline: str | None = None
    associations: list[_Picture] = []


def parse_item(data):
    """The WireStory in ninjs item `data` (parsed JSON); InvalidItem if we cannot take it."""
    if not isinstance(data, dict):
        raise InvalidItem("(item)", "a ninjs item is a JSON object.")
    try:
        item = _Item.model_validate(data)
    except PydanticValidationError as exc:
        error = exc.errors()[0]
        raise InvalidItem(".".join(str(part) for part in error["loc"]) or "(item)", error["msg"]) from None
    uri = (item.uri or item.guid or "").strip()
    if not uri:
        raise InvalidItem("uri", "the item has no uri (nor guid) to recognise it by.")
    if len(uri) > 500:
        raise InvalidItem("uri", "longer than 500 characters.")
    headline = _pick(item.headlines, roles=(None, "main")) or _pick(item.headlines)
    if not headline:
        raise InvalidItem("headlines", "the item has no headline.")
    if len(headline) > HEADLINE_MAX:
        raise InvalidItem("headlines", f"the headline is longer than {HEADLINE_MAX} characters.")
    if item.urgency is not None and not 1 <= item.urgency <= 9:
        raise InvalidItem("urgency", "must be a whole number from 1 (FLASH) to 9, as IPTC defines it.")
    place = item.located or next((p.name for p in item.places if p.rel == "located" and p.name), "")
    return WireStory(
        uri=uri,
        version=(item.version or "").strip()[:50],
        version_created=_parse_time(item.versioncreated, "versioncreated"),
        headline=headline,
        pubstatus=item.pubstatus or "usable",
        standfirst=_pick(item.headlines, roles=SUB_HEADLINE_ROLES)
        or _pick(item.descriptions, roles=("summary",)),
        body_html=_body(item.bodies),
        place=place.strip()[:100],
        agency=(item.copyrightholder or item.by or "").strip()[:100],
        slugline=(item.slugline or "").strip(),
        topics=_names(item.subjects, 100),
        # The item's authors (rel "author", as our own export writes them) wrote it; they are
        # not people the story mentions.
        people=_names([person for person in item.people if person.rel != "author"], 200),
        picture=_picture(item.associations),
        urgency=item.urgency,
        language=(item.language or "").strip()[:12],
        embargoed=_parse_time(item.embargoed, "embargoed"),
    )


def _pick(texts, roles=None):
    """The first non-empty value with one of `roles` (any role if None)."""
    values = (text.value.strip() for text in texts if roles is None or text.role in roles)
    return next((value for value in values if value), "")


def _body(bodies):
    html = next((body.value for body in bodies if body.contenttype == "text/html"), None)
    if html is not None:
        return html.strip()  # sanitised with the desk's allow-list when the story is saved
    plain = next((body.value for body in bodies if body.contenttype in (None, "text/plain")), "")
    return "".join(f"<p>{escape(line.strip())}</p>" for line in plain.splitlines() if line.strip())


def _names(concepts, max_length):
    names = (((concept.name or concept.literal or "").strip())[:max_length] for concept in concepts)
    return list(dict.fromkeys(name for name in names if name))  # unique, first-seen order


def _picture(associations):
    picture = next((a for a in associations if a.type == "picture" or a.name == LEAD_PICTURE), None)
    if picture is None:
        return None
    credit = (picture.by or (picture.copyrightnotice or "").lstrip("© ")).strip()
    notice = (picture.copyrightnotice or "").strip()
    widest_first = sorted(picture.renditions, key=lambda r: -(r.width or 0))
    return WirePicture(
        uri=picture.uri,
        hrefs=[r.href for r in widest_first if r.href],
        caption=_pick(picture.descriptions, roles=(None, "caption"))
        or _pick(picture.headlines, roles=(None, "main")),
        alt_text=_pick(picture.descriptions, roles=ALT_TEXT_ROLES),
        credit=credit[:200],
        # Our own export writes "© credit" when there is no separate notice; that is no notice.
        copyright="" if notice in ("", credit, f"© {credit}") else notice[:200],
    )


def _parse_time(value, name):
    if value is None:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidItem(name, f"“{value}” is not an ISO 8601 date-time.") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)


def compare_versions(new_version, new_created, old_version, old_created):
    """1 if the new version is newer, 0 if the same, -1 if older, None if there is no telling.

    ninjs versions are strings: compared as numbers when both are numbers ("10" > "9"),
    else by their versioncreated times.
    """
    if re.fullmatch(r"[0-9]+", new_version) and re.fullmatch(r"[0-9]+", old_version):
        new, old = int(new_version), int(old_version)
    elif new_created and old_created:
        new, old = new_created, old_created
    elif new_version == old_version:
        return 0
    else:
        return None
    return (new > old) - (new < old)
