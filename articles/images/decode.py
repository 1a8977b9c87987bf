"""The few Pillow calls that validation, renditions and the Photo model share."""

from PIL import Image, ImageOps

# What we publish, by Pillow's names. Only these decoders ever see an upload's bytes.
OPEN_FORMATS = ("JPEG", "PNG", "WEBP")
# Cameras that add frames (depth maps, previews) make what Pillow reports as MPO: still a JPEG.
EXTENSIONS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}
MIME_TYPES = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}

ORIENTATION_TAG = 0x0112
# EXIF orientations 5 to 8 store the picture on its side.
SIDEWAYS = {5, 6, 7, 8}


def open_image(fp):
    """Pillow's lazy open (headers only), limited to the formats we publish."""
    return Image.open(fp, formats=OPEN_FORMATS)


def is_sideways(image):
    return image.getexif().get(ORIENTATION_TAG, 1) in SIDEWAYS


def upright_size(image, size=None):
    """(width, height) of `image` as displayed; `size` overrides the stored size it turns."""
    width, height = size or image.size
    return (height, width) if is_sideways(image) else (width, height)


def load_reduced(image, *, width):
    """Decode `image`, letting a JPEG skip detail beyond `width` upright pixels.

    JPEG decodes at 1/2, 1/4 or 1/8 scale almost for free; every byte is still read,
    so a truncated or corrupt file fails here just as at full size.
    """
    if image.format in ("JPEG", "MPO"):
        wanted = max(1, width)
        image.draft("RGB", (1, wanted) if is_sideways(image) else (wanted, 1))
    image.load()


def upright_rgb(image):
    """A loaded `image` turned upright and flattened to RGB with no metadata; and its ICC profile.

    The result carries nothing from the file but pixels: EXIF (GPS position, camera
    serial numbers), XMP, IPTC and comments stay with the original.
    """
    # A profile only describes the colours it came with; CMYK or grey ones do not fit RGB output.
    icc_profile = image.info.get("icc_profile") if image.mode in ("RGB", "RGBA") else None
    ImageOps.exif_transpose(image, in_place=True)
    rgb = flatten(image)
    rgb.info = {}
    return rgb, icc_profile


def flatten(image):
    """RGB for the web: transparency on white, 16-bit greys scaled rather than clipped."""
    if image.mode == "RGB":
        return image
    if image.mode.startswith("I"):
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if image.has_transparency_data:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
