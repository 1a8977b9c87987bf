"""Caption, credit and copyright as agencies and cameras embed them: IPTC IIM, XMP and EXIF.

Where a file carries the same field in several blocks, XMP wins over IPTC and IPTC over
EXIF, as the Metadata Working Group advises. A malformed block is ignored, never fatal:
embedded metadata only saves the desk some typing.
"""

import logging
import re
from dataclasses import dataclass
from xml.etree import ElementTree

from PIL import IptcImagePlugin, JpegImagePlugin

logger = logging.getLogger(__name__)

# IPTC IIM datasets (record 2), and record 1's declaration of UTF-8 ("ESC % G").
IPTC_CAPTION, IPTC_CREDIT, IPTC_BYLINE, IPTC_COPYRIGHT = (2, 120), (2, 110), (2, 80), (2, 116)
IPTC_CHARSET, IPTC_UTF8 = (1, 90), b"\x1b%G"

EXIF_DESCRIPTION, EXIF_ARTIST, EXIF_COPYRIGHT = 0x010E, 0x013B, 0x8298

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
XMP_FIELDS = {
    "caption": (DC, "description"),
    "credit": (PHOTOSHOP, "Credit"),
    "creator": (DC, "creator"),
    "copyright": (DC, "rights"),
}
# An XMP packet never needs a DTD; refusing one rules out entity expansion attacks.
DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(frozen=True)
class EmbeddedMetadata:
    caption: str = ""
    credit: str = ""  # the provider's credit line, e.g. "Reuters"
    creator: str = ""  # the photographer (by-line)
    copyright: str = ""

    @property
    def credit_line(self):
        """Our house style, "Agency/Photographer", from whichever parts the file carries."""
        if self.credit and self.creator and self.creator.lower() not in self.credit.lower():
            return f"{self.credit}/{self.creator}"
        return self.credit or self.creator

    def prefill(self, values):
        """`values` (caption, credit, copyright) with the empty ones filled from the file."""
        embedded = {"caption": self.caption, "credit": self.credit_line, "copyright": self.copyright}
        return {
            field: value if str(value).strip() else embedded.get(field, value)
            for field, value in values.items()
        }


def read_metadata(image):
    """The fields a Pillow `image` embeds; empty strings for what it lacks."""
    found = {}
    for reader in (read_xmp, read_iptc, read_exif):
        try:
            values = reader(image)
        except Exception:  # untrusted bytes: any parser error means "no usable block"
            logger.info("Ignoring unreadable %s metadata", reader.__name__[5:].upper(), exc_info=True)
            continue
        for field, value in values.items():
            if value and not found.get(field):
                found[field] = value
    return EmbeddedMetadata(**found)


def read_xmp(image):
    packet = image.info.get("xmp")
    if not packet:
        return {}
    if isinstance(packet, str):
        packet = packet.encode()
    if DTD.search(packet):
        return {}
    root = ElementTree.fromstring(packet.strip(b"\x00 \r\n\t"))
    values = {}
    for description in root.iter(f"{{{RDF}}}Description"):
        for field, (namespace, name) in XMP_FIELDS.items():
            tag = f"{{{namespace}}}{name}"
            # A simple property may be written as an attribute or as an element.
            value = description.get(tag) or _xmp_element_text(description.find(tag), join=field == "creator")
            if value and field not in values:
                values[field] = value
    return values


def _xmp_element_text(element, *, join):
    if element is None:
        return ""
    # Lists (rdf:Seq, rdf:Bag) hold several creators; language alternatives (rdf:Alt) list
    # x-default first, so the first item is the one to show.
    items = [_clean(item.text) for item in element.iter(f"{{{RDF}}}li") if _clean(item.text)]
    if items:
        return ", ".join(items) if join else items[0]
    return _clean(element.text)


def read_iptc(image):
    if not isinstance(image, JpegImagePlugin.JpegImageFile):
        return {}
    info = IptcImagePlugin.getiptcinfo(image) or {}
    utf8 = info.get(IPTC_CHARSET) == IPTC_UTF8

    def text(dataset):
        value = info.get(dataset)
        parts = value if isinstance(value, list) else [value] if value else []
        return ", ".join(part for part in (_decode(part, utf8) for part in parts) if part)

    return {
        "caption": text(IPTC_CAPTION),
        "credit": text(IPTC_CREDIT),
        "creator": text(IPTC_BYLINE),
        "copyright": text(IPTC_COPYRIGHT),
    }


def read_exif(image):
    exif = image.getexif()

    def text(tag):
        value = exif.get(tag)
        return _clean(value.decode("utf-8", "replace") if isinstance(value, bytes) else value)

    return {
        "caption": text(EXIF_DESCRIPTION),
        "creator": text(EXIF_ARTIST),
        "copyright": text(EXIF_COPYRIGHT),
    }


def _decode(value, utf8):
    # Files without the charset declaration are mostly UTF-8 today, older ones Latin-1.
    try:
        return _clean(value.decode("utf-8"))
    except UnicodeDecodeError:
        return "" if utf8 else _clean(value.decode("latin-1"))


def _clean(value):
    return " ".join(str(value or "").replace("\x00", " ").split())
