"""The body of wire copy, from the dateline on: paragraphs, with the page's furniture taken
out into notes and the pictures inside it noted. Pure: no Django."""

from . import furniture
from .furniture import NoteLine

# Hard-wrapped wire copy runs to about 70 characters a line; a browser copy's line is a paragraph.
_WRAP_WIDTH = 80


class Body:
    """The lines from the dateline on: paragraphs, with the page's furniture taken out."""

    def __init__(self, lines):
        self.lines, self.notes = lines, []
        self.photos = []  # [caption, credit] of each picture inside the body

    def read(self):
        kept = self._without_furniture()
        # From the end, whatever is short and no sentence is the page's: tags, names, links.
        while kept and (kept[-1][1] == "" or _trailing(kept[-1][1])):
            n, line = kept.pop()
            if line:
                self.notes.append(NoteLine(n, "end of page", line))
        blank_separated = "" in [line for _, line in self.lines[1:-1]]
        return _paragraphs([line for _, line in kept], blank_separated=blank_separated)

    def _without_furniture(self):
        kept, below = [], None
        for index, (n, line) in enumerate(self.lines):
            if not line:
                below = None
                kept.append((n, line))
                continue
            if below == "photo caption" and len(line.split()) <= 15 and not furniture.furniture_kind(line):
                self.photos[-1][0] = line
                self.notes.append(NoteLine(n, "photo in the body", line))
                kept.append((n, ""))
                below = None
                continue
            if below and not furniture.is_sentence(line):
                self.notes.append(NoteLine(n, furniture.furniture_kind(line) or below, line))
                kept.append((n, ""))
                continue
            below = None
            kind = furniture.furniture_kind(line)
            if kind == "contact":  # a press release's contacts run to the end
                self.notes += [NoteLine(m, kind, rest) for m, rest in self.lines[index:] if rest]
                break
            if kind:
                self.notes.append(NoteLine(n, kind, line))
                kept.append((n, ""))  # what stood either side of it are separate paragraphs
                below = furniture.furniture_below(line)
                continue
            credit = furniture.credit_of(line)
            both = None if credit or furniture.is_sentence(line) else furniture.caption_with_credit(line)
            if credit or both:
                # A picture inside the body: its credit line, and the caption above it (or, when
                # the paragraph above is copy, the short line below it).
                caption = both[0] if both else ""
                if not both and kept and kept[-1][1] and not furniture.is_sentence(kept[-1][1]):
                    caption = kept[-1][1]
                    self.notes.append(NoteLine(kept[-1][0], "photo in the body", kept.pop()[1]))
                self.notes.append(NoteLine(n, "photo in the body", line))
                kept.append((n, ""))
                below = None if caption else "photo caption"
                self.photos.append([caption, both[1] if both else credit])
                continue
            kept.append((n, line))
        return kept


def _trailing(line):
    return not furniture.is_sentence(line) and len(line.split()) <= 12


def _paragraphs(lines, *, blank_separated):
    """Copy whose paragraphs are separated by blank lines may wrap them over several lines, and
    those are joined; a long line that ends a sentence still ends its paragraph (a browser copy
    that dropped a blank line). Copy with no blank line in its body has one paragraph a line."""
    if not blank_separated:
        return [line for line in lines if line]
    paragraphs, current = [], []
    for line in [*lines, ""]:
        if line:
            current.append(line)
            if furniture.is_sentence(line) and len(line) > _WRAP_WIDTH:
                paragraphs.append(" ".join(current))
                current = []
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs
