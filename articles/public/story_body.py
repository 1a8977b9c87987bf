"""Where the pull quote goes in a story's body.

A pull quote repeats words the story already prints, so it belongs between paragraphs of
the body, not above the first one (where it read as a second standfirst) and not next to
the paragraph it repeats. It goes after the middle block of the body, moved one block on
when that block is its own source and past a subheading; a body of one block gets it after
the body.
"""

from html.parser import HTMLParser

from django.utils.safestring import mark_safe

from ..models.integrity import quote_in_body

_VOID = {"br", "hr", "img", "wbr"}
_HEADINGS = {"h2", "h3"}


class _Blocks(HTMLParser):
    """The end offsets and texts of the body's top-level elements (sanitised, so well formed)."""

    def parse(self, html):
        self.depth, self.ends, self.texts, self.tags, self._text = 0, [], [], [], []
        self._line_starts = [0]
        for line in html.splitlines(keepends=True):
            self._line_starts.append(self._line_starts[-1] + len(line))
        self.feed(html)
        self.close()
        return self.ends, self.texts, self.tags

    def handle_starttag(self, tag, attrs):
        if tag not in _VOID:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        self.depth -= 1
        if self.depth == 0:
            # getpos() is where this end tag starts; the sanitiser writes it as </tag>.
            line, column = self.getpos()
            self.ends.append(self._line_starts[line - 1] + column + len(f"</{tag}>"))
            self.texts.append("".join(self._text))
            self.tags.append(tag)
            self._text = []

    def handle_data(self, data):
        self._text.append(data)


def with_pull_quote(body_html, quote_text, quote_html):
    """`body_html` with `quote_html` between two of its top-level blocks (see the module)."""
    ends, texts, tags = _Blocks(convert_charrefs=True).parse(str(body_html))
    if len(ends) < 2:
        return mark_safe(f"{body_html}{quote_html}")
    # After block `after` (0-based): the middle one, never before the first paragraph.
    after = max(0, (len(ends) - 1) // 2)
    if quote_in_body(quote_text, texts[after]):
        after += 1
    # Nor between a subheading and the paragraph it heads.
    while after < len(ends) - 1 and tags[after] in _HEADINGS:
        after += 1
    cut = ends[after]
    return mark_safe(f"{body_html[:cut]}{quote_html}{body_html[cut:]}")
