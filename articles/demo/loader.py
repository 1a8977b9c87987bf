"""Puts the demo content (articles/demo/content.py) into the database.

Safe to run again: every record is looked up by its slug (photos by their file name) and
left alone if it is already there, so a second run creates nothing and keeps whatever editors
changed in the admin. Photos are written under fixed names in demo/, so the files on disk are
never duplicated either, even after the database has been reset.
"""

import datetime
import html
from collections import Counter
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..images.renditions import photo_create_renditions
from ..models import Article, Author, Byline, FrontSlot, Person, Photo, Quote, Section, Topic
from ..models.front import LEAD
from ..models.language import default_language, edition_codes
from ..models.live import entry_post
from ..models.slugs import slugify
from . import content, content_authors, content_live, content_ru, images
from .text import body_html, quote_words, typeset
from .translations import load_translations

KINDS = ("stories", "people", "quotes", "photos")
PHOTO_DIR = "demo"


@dataclass
class Report:
    """What the load found and made, and the totals the summary line reports."""

    created: Counter = field(default_factory=Counter)
    totals: dict = field(default_factory=dict)
    # Stories in another edition than the default, by language: (all of them, translations).
    editions: dict = field(default_factory=dict)

    @property
    def created_total(self):
        return sum(self.created[kind] for kind in KINDS)

    @property
    def existing_total(self):
        return sum(self.totals.values()) - self.created_total

    def summary(self):
        counts = ", ".join(f"{self.totals[kind]} {kind}" for kind in KINDS)
        editions = "".join(
            f" Edition {code}: {stories} stories, {translations} of them translations."
            for code, (stories, translations) in self.editions.items()
        )
        return (
            f"Demo content: {counts} (created {self.created_total}, already there {self.existing_total})."
            + editions
        )


def load_demo(now=None):
    """Load everything in one transaction; `now` anchors publication times (default: the clock)."""
    now = now or timezone.now()
    report = Report()
    # The Russian edition loads only on a site that has one (settings.LANGUAGES).
    translated = content_ru.LANGUAGE in edition_codes()
    edition_stories = content_ru.STORIES if translated else []
    # The edition's demo stories: those written in it, and the demo sources' versions in it,
    # whoever made them (an editor's own translation of a demo story is kept and counted).
    edition = Article.objects.filter(language=content_ru.LANGUAGE).filter(
        Q(slug__in=[spec["slug"] for spec in edition_stories])
        | Q(translation_source__slug__in=[spec["source"] for spec in content_ru.TRANSLATIONS])
    )
    with transaction.atomic():
        sections = {spec["slug"]: _section(spec) for spec in content.SECTIONS}
        people = {spec["slug"]: _person(spec, index, report) for index, spec in enumerate(content.PEOPLE)}
        authors = {
            spec["slug"]: _author(spec, index, report) for index, spec in enumerate(content_authors.AUTHORS)
        }
        stories = content.STORIES + edition_stories
        for index, spec in enumerate(stories):
            _story(spec, index, now, sections, people, report, authors)
        if translated:
            load_translations(content_ru.TRANSLATIONS, language=content_ru.LANGUAGE, report=report)
        _live_blog(content_live.LIVE_BLOG, now, sections, people, report)
        _front(content.FRONT, now)
    demo_stories = Article.objects.filter(Q(slug__in=[spec["slug"] for spec in stories]) | Q(pk__in=edition))
    report.totals = {
        "stories": demo_stories.count(),
        "people": Person.objects.filter(slug__in=[spec["slug"] for spec in content.PEOPLE]).count(),
        "quotes": Quote.objects.filter(article__in=demo_stories).count(),
        "photos": Photo.objects.filter(image__startswith=f"{PHOTO_DIR}/").count(),
    }
    if translated:
        report.editions[content_ru.LANGUAGE] = (
            edition.count(),
            edition.filter(translation_source__isnull=False).count(),
        )
    return report


def _section(spec):
    section = Section.objects.filter(Q(slug=spec["slug"]) | Q(name=spec["name"])).first()
    if section is None:
        section = Section.objects.create(**spec)
    _add_names(section, spec["names"])
    return section


def _add_names(record, names, field="names"):
    """Give a record made before the demo had other editions its words there (names, roles …);
    what an editor gave already is kept."""
    stored = getattr(record, field)
    missing = {code: text for code, text in names.items() if code not in stored}
    if missing:
        setattr(record, field, {**stored, **missing})
        record.save(update_fields=[field])


def _topics(names):
    topics = []
    for name in names:
        # Matched on name too: an editor may already have made the topic under another slug.
        topic = Topic.objects.filter(Q(slug=slugify(name)) | Q(name__iexact=name)).first()
        if topic is None:
            topic = Topic.objects.create(
                name=name, slug=slugify(name), description=content.TOPICS.get(name, "")
            )
        topics.append(topic)
    return topics


def _photo(name, paint, *, caption, alt, credit, report):
    """The Photo stored as `name`, painting the file only when neither record nor file exists."""
    photo = Photo.objects.filter(image=name).first()
    if photo is not None:
        # Demo databases made before renditions existed get them now; otherwise a no-op.
        photo_create_renditions(photo=photo)
        return photo
    storage = Photo._meta.get_field("image").storage
    if not storage.exists(name):
        # Saved straight to the field's storage because the field's upload_to would date-stamp the
        # name, and a fixed name is what lets a later run find the file instead of painting another.
        name = storage.save(name, ContentFile(paint()))
    # Assigning the stored name lets the ImageField read width and height from the file.
    photo = Photo(
        image=name,
        caption=typeset(caption),
        alt_text=typeset(alt),
        credit=credit,
        copyright=content.COPYRIGHT,
    )
    photo.full_clean()
    photo.save()
    photo_create_renditions(photo=photo)
    report.created["photos"] += 1
    return photo


def _credit(spec):
    return spec.get("credit") or f"{content.AGENCY}/{spec['by']}"


def _person(spec, index, report):
    person = Person.objects.filter(slug=spec["slug"]).first()
    if person is not None:
        _add_names(person, spec["names"])
        _add_names(person, _local_roles(spec, 0), "roles")
        _add_names(person, _local_roles(spec, 1), "organisations")
        return person
    portrait = None
    if spec["portrait"]:
        portrait = _photo(
            f"{PHOTO_DIR}/people/{spec['slug']}.jpg",
            lambda: images.portrait_jpeg(spec["slug"], index),
            caption=f"{spec['name']}, {spec['role']}, {spec['organisation']}.",
            alt=f"Head-and-shoulders portrait of {spec['name']}.",
            credit=_credit(spec["portrait"]),
            report=report,
        )
    person = Person.objects.create(
        slug=spec["slug"],
        name=spec["name"],
        names=spec["names"],
        roles=_local_roles(spec, 0),
        organisations=_local_roles(spec, 1),
        role=spec["role"],
        organisation=spec["organisation"],
        aliases="\n".join(spec["aliases"]),
        bio=typeset(spec["bio"]),
        portrait=portrait,
    )
    person.topics.add(*_topics(spec["topics"]))
    report.created["people"] += 1
    return person


def _local_roles(spec, part):
    """{language: role} (part 0) or {language: organisation} (part 1) of a demo person."""
    return {code: pair[part] for code, pair in spec.get("roles", {}).items()}


def _author(spec, index, report):
    author = Author.objects.filter(slug=spec["slug"]).first()
    if author is not None:
        return author
    portrait = None
    if spec["portrait"]:
        portrait = _photo(
            f"{PHOTO_DIR}/authors/{spec['slug']}.jpg",
            # Seeds apart from the people's, so no author shares a face with someone quoted.
            lambda: images.portrait_jpeg(f"author-{spec['slug']}", index + 100),
            caption=f"{spec['name']}, {spec['role']}.",
            alt=f"Head-and-shoulders portrait of {spec['name']}.",
            credit=_credit(spec["portrait"]),
            report=report,
        )
    return Author.objects.create(
        slug=spec["slug"],
        name=spec["name"],
        role=spec["role"],
        organisation=spec.get("organisation", ""),
        bio=typeset(spec["bio"]),
        email=spec.get("email", ""),
        links="\n".join(spec.get("links", [])),
        portrait=portrait,
    )


def _story(spec, index, now, sections, people, report, authors):
    if Article.objects.filter(slug=spec["slug"]).exists():
        return
    photo = None
    if spec["photo"]:
        # The scene is in the file's name: a picture painted before captions said what they show
        # (or of another kind) is never taken for this one.
        scene = spec["photo"]["scene"]
        photo = _photo(
            f"{PHOTO_DIR}/stories/{spec['slug']}-{slugify(scene)}.jpg",
            lambda: images.scene_jpeg(scene, spec["slug"], index),
            caption=spec["photo"]["caption"],
            alt=spec["photo"]["alt"],
            credit=_credit(spec["photo"]),
            report=report,
        )
    article = Article.objects.create(
        slug=spec["slug"],
        language=spec.get("language") or default_language(),
        section=sections[spec["section"]],
        headline=typeset(spec["headline"]),
        standfirst=typeset(spec["standfirst"]),
        body=body_html(spec["body"]),
        dateline_place=spec["dateline"],
        agency=spec.get("agency", content.AGENCY),
        lead_photo=photo,
        urgency=spec.get("urgency", Article._meta.get_field("urgency").default),
    )
    article.topics.add(*_topics(spec["topics"]))
    article.people.set([people[slug] for slug in spec["people"]])
    # The first person named in the spec is whom the story is about; the rest it mentions.
    article.about.set([people[slug] for slug in spec["people"][:1]])
    Byline.objects.bulk_create(
        [
            Byline(article=article, author=authors[slug], order=order)
            for order, slug in enumerate(content_authors.BYLINES.get(spec["slug"], []))
        ]
    )
    _quotes(article, spec["quotes"], people)
    report.created["stories"] += 1
    report.created["quotes"] += len(spec["quotes"])

    state = spec.get("state", "published")
    if state == "draft":
        return
    if state == "scheduled":
        article.publish(at=now + datetime.timedelta(hours=spec["hours_ahead"]))
        return
    published_at = now - datetime.timedelta(hours=spec["hours_ago"])
    if state == "embargoed":
        # Given out to partners at publication; readers see it once the embargo lifts.
        article.embargo_until = now + datetime.timedelta(hours=spec["embargo_hours_ahead"])
        article.save(update_fields=["embargo_until"])
    article.publish(at=published_at)
    updated_after = datetime.timedelta(
        hours=spec.get("updated_hours_after", 0), minutes=spec.get("written_through_minutes", 0)
    )
    # auto_now stamps the load time; without backdating, every story would show as updated today.
    Article.objects.filter(pk=article.pk).update(
        created_at=published_at - datetime.timedelta(minutes=40),
        updated_at=published_at + updated_after,
        revised_at=published_at + updated_after if "written_through_minutes" in spec else None,
    )


def _front(spec, now):
    """Pin the demo's lead and top slots, unless the front was arranged already (by an earlier
    run or an editor: their arrangement is kept)."""
    if FrontSlot.objects.exists():
        return
    places = [(LEAD, spec["lead"]), *enumerate(spec["slots"], start=LEAD + 1)]
    stories = Article.objects.in_bulk([slug for _, slug in places], field_name="slug")
    for position, slug in places:
        FrontSlot.objects.create(
            article=stories[slug], position=position, starts_at=now - datetime.timedelta(hours=1)
        )


def _quotes(article, specs, people):
    for order, spec in enumerate(specs, start=1):
        Quote.objects.create(
            article=article,
            speaker=people[spec["by"]],
            text=quote_words(article, spec["text"]),
            verb=spec["verb"],
            context=spec.get("context", ""),
            order=order,
            is_pull_quote=spec.get("pull", False),
        )


def _live_blog(spec, now, sections, people, report):
    """The demo's live blog, its entries posted through the live desk's own service and then
    dated over the morning. Kept out of the story totals: it is not wire copy."""
    if Article.objects.filter(slug=spec["slug"]).exists():
        return
    opened = now - datetime.timedelta(hours=spec["hours_ago"])
    article = Article.objects.create(
        slug=spec["slug"],
        section=sections[spec["section"]],
        headline=typeset(spec["headline"]),
        standfirst=typeset(spec["standfirst"]),
        body=body_html(spec["body"]),
        dateline_place=spec["dateline"],
        agency=content.AGENCY,
        is_live=True,
        coverage_start=opened,
    )
    article.topics.add(*_topics(spec["topics"]))
    article.people.set([people[slug] for slug in spec["people"]])
    article.publish(at=opened)
    photo = _photo(
        f"{PHOTO_DIR}/stories/{spec['slug']}.jpg",
        lambda: images.story_jpeg(spec["slug"], 7),
        caption="Residents board a bus to the sports hall on Linden Hill.",
        alt="People with bags queue to board a bus on a wet street",
        credit=f"{content.AGENCY}/Tomas Hald",
        report=report,
    )
    for item in spec["entries"]:
        text = " ".join(item["text"].split()).replace('"', "\u201c", 1).replace('"', "\u201d", 1)
        quote = item.get("quote")
        entry = entry_post(
            article=article,
            by=None,
            body=f"<p>{html.escape(typeset(text), quote=False)}</p>",
            headline=item.get("headline", ""),
            photo=photo if item.get("photo") else None,
            quote_text=typeset(quote["text"]) if quote else "",
            speaker=people[quote["by"]] if quote else None,
            is_pinned=item.get("pinned", False),
            is_key_event=item.get("key", False),
        )
        entry.posted_at = opened + datetime.timedelta(minutes=item["at"])
        entry.save(update_fields=["posted_at"])
    # Backdated like the stories: the blog was opened in the morning, not at load time.
    Article.objects.filter(pk=article.pk).update(
        created_at=opened - datetime.timedelta(minutes=20),
        updated_at=opened + datetime.timedelta(minutes=spec["entries"][-1]["at"]),
    )
