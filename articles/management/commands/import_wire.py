"""Plain-text wire copy in, DRAFT stories out, each followed by the quotes and people it suggests."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from articles.desk.quote_suggestions import suggestions_for
from articles.desk.wire_import import photo_add_url
from articles.wire.ingest import story_create_from_wire
from articles.wire.plain import WireFormatError, decode_wire


class Command(BaseCommand):
    help = (
        "Create a DRAFT story from each plain-text FILE of wire copy: an agency's text or a browser "
        "copy of its story page (headline, standfirst, photo block, body opening with a dateline such "
        "as `MOSCOW, September 11. /TASS/.` or `BERLIN (Reuters) -`; see docs/wire.md). Page furniture "
        "goes to the story's internal note; a photo block is listed with a link to add it. The quotes "
        "and people each draft suggests are listed, never recorded: editors accept them at the desk. "
        "A file that cannot be read is refused whole; the others are still imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--author", metavar="USERNAME", help="The user recorded as the drafts' author.")

    def handle(self, *args, files, author=None, **options):
        user = None
        if author:
            user = get_user_model().objects.filter(username=author).first()
            if user is None:
                raise CommandError(f"No user called {author!r}.")
        refused = 0
        for name in files:
            try:
                result = story_create_from_wire(text=decode_wire(Path(name).read_bytes()), user=user)
            except OSError as error:
                refused += 1
                self.stderr.write(self.style.ERROR(f"refused: {name}: cannot read it ({error.strerror})."))
                continue
            except WireFormatError as error:
                refused += 1
                self.stderr.write(self.style.ERROR(f"refused: {name}: {error.message}"))
                continue
            article = result.article
            self.stdout.write(self.style.SUCCESS(f"created: {name}: draft #{article.pk} “{article}”"))
            self.stdout.write(
                f"  dateline: {article.dateline_place or '—'}, {article.dateline_date or '—'}, "
                f"{article.agency or 'our own copy'}; {article.body.count('<p>')} paragraph(s); "
                f"{result.furniture} line(s) of page furniture kept in its internal note"
            )
            for warning in result.warnings:
                self.stdout.write(self.style.WARNING(f"  warning: {warning}"))
            if result.photo:
                photo = result.photo
                self.stdout.write(
                    f"  photo to add: “{photo.caption or 'no caption'}”, © {photo.credit}, alt text "
                    f"“{photo.alt_text}”\n  add it at: {photo_add_url(photo)}"
                )
            self.stdout.write(suggestion_listing(article))
        if refused:
            # The other files are in; a script running this should still notice.
            raise CommandError(f"{refused} of {len(files)} file(s) refused (see above).")


def suggestion_listing(article):
    suggestions = suggestions_for(article)
    lines = [f"  Suggested quotes ({len(suggestions.quotes)}):"]
    for quote in suggestions.quotes:
        speaker = _person(quote.speaker) if quote.speaker else "no speaker found"
        lines.append(
            f"    “{quote.candidate.text}” — {speaker}; cue: {quote.candidate.verb or '—'}, "
            f"confidence {quote.candidate.confidence:.2f}"
        )
    lines.append(f"  People mentioned ({len(suggestions.people)}):")
    lines += [f"    {_person(person)}" for person in suggestions.people]
    return "\n".join(lines)


def _person(suggestion):
    if suggestion.person is not None:
        return f"{suggestion.name} (existing: {suggestion.person}, #{suggestion.person.pk})"
    return f"{suggestion.name} (new" + (f", {suggestion.role})" if suggestion.role else ")")
