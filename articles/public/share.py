"""Plain share links: addresses each service documents for sharing a page, so no third-party
script, button or tracker loads with the story. A reader's click is the only request made."""

from urllib.parse import quote

from django.utils.translation import gettext


def _q(value):
    return quote(value, safe="")


def share_links(url, title):
    """[(label, href)] for sharing the page at `url` (absolute) titled `title`."""
    return [
        (gettext("E-mail"), f"mailto:?subject={_q(title)}&body={_q(url)}"),
        ("Bluesky", f"https://bsky.app/intent/compose?text={_q(f'{title} {url}')}"),
        ("X", f"https://x.com/intent/post?text={_q(title)}&url={_q(url)}"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={_q(url)}"),
        ("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={_q(url)}"),
        ("WhatsApp", f"https://wa.me/?text={_q(f'{title} {url}')}"),
    ]
