"""Stand-in photographs for the demo, painted with Pillow so nothing is downloaded or licensed.

Each picture is an abstract landscape (stories) or a silhouette portrait (people) in its own
palette. The same seed always paints the same picture, so a rebuilt demo looks the same.
"""

import io
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

STORY_SIZE = (1600, 1067)
PORTRAIT_SIZE = (800, 800)

# (deep, light, accent): one palette per story, in story order, so neighbours on the front page differ.
PALETTES = [
    ("#1d2b53", "#f28c5b", "#ffd27a"),
    ("#0f4c5c", "#8fd3c7", "#f6f1d1"),
    ("#3d1e4f", "#d46a8c", "#ffc2a8"),
    ("#1f3b2c", "#9cc48a", "#f3e9b5"),
    ("#5a3a1a", "#e8b04b", "#fff0c9"),
    ("#22313f", "#8da9c4", "#eef4ed"),
    ("#4a0e1c", "#e4572e", "#ffd6a5"),
    ("#274c77", "#a3cef1", "#ffffff"),
    ("#33411a", "#c5d86d", "#fcf6bd"),
    ("#073b4c", "#ef476f", "#ffd166"),
    ("#2e2a4f", "#9d8df1", "#e0d8ff"),
    ("#1b3a4b", "#e9c46a", "#f4a261"),
    ("#3c2a21", "#d5a4a0", "#fbe3d4"),
    ("#0b2027", "#40798c", "#cfd7c7"),
]

# Shapes are painted at a quarter of the final size and scaled up: cheap, and the upscale
# softens every edge the way a shallow depth of field would.
SKETCH_SCALE = 4


def story_jpeg(seed, index):
    """JPEG bytes of a 1600×1067 landscape: sky gradient, a low sun, layered hills or waves."""
    deep, light, accent = _palette(index)
    rng = random.Random(seed)
    width, height = (side // SKETCH_SCALE for side in STORY_SIZE)
    canvas = _gradient((width, height), light, deep, rng.uniform(0.15, 0.45), flip=rng.random() < 0.5)
    overlay = Image.new("RGBA", (width, height))
    draw = ImageDraw.Draw(overlay)

    sun_x, sun_y, sun_r = rng.uniform(0.2, 0.8) * width, rng.uniform(0.2, 0.45) * height, rng.uniform(28, 55)
    for grow, alpha in ((2.2, 40), (1.5, 70), (1.0, 220)):
        r = sun_r * grow
        draw.ellipse((sun_x - r, sun_y - r, sun_x + r, sun_y + r), fill=_rgba(accent, alpha))

    layers = rng.randint(3, 5)
    for layer in range(layers):
        depth = (layer + 1) / layers
        base = height * (0.5 + 0.12 * layer)
        amplitude = rng.uniform(6, 22) * (1.2 - depth * 0.5)
        wavelength = rng.uniform(0.6, 1.6) * width
        phase = rng.uniform(0, math.tau)
        xs = range(0, width + 8, 8)
        points = [(x, base + amplitude * math.sin(phase + math.tau * x / wavelength)) for x in xs]
        colour = _mix(_mix(deep, light, 0.55 - 0.4 * depth), "#000000", 0.25 * depth)
        draw.polygon([*points, (width, height), (0, height)], fill=_rgba(colour, 235))

    clouds = Image.new("RGBA", (width, height))
    cloud_draw = ImageDraw.Draw(clouds)
    cloud_colour = _mix(light, "#ffffff", 0.5)
    for _ in range(rng.randint(3, 7)):
        x, y = rng.uniform(-0.1, 0.9) * width, rng.uniform(0.08, 0.42) * height
        cloud_w, cloud_h = rng.uniform(50, 160), rng.uniform(4, 10)
        cloud_draw.ellipse((x, y, x + cloud_w, y + cloud_h), fill=_rgba(cloud_colour, rng.randint(50, 100)))

    canvas = Image.alpha_composite(canvas.convert("RGBA"), overlay)
    # Last, so clouds drift across the sun; they sit too high in the sky to cross the hills.
    canvas = Image.alpha_composite(canvas, clouds.filter(ImageFilter.GaussianBlur(2.5))).convert("RGB")
    return _finish(canvas.filter(ImageFilter.GaussianBlur(0.8)), STORY_SIZE, rng)


def portrait_jpeg(seed, index):
    """JPEG bytes of an 800×800 head-and-shoulders silhouette against soft out-of-focus lights."""
    deep, light, accent = _palette(index)
    rng = random.Random(seed)
    size = PORTRAIT_SIZE[0] // SKETCH_SCALE
    canvas = _gradient((size, size), light, deep, 0.5, flip=rng.random() < 0.5).convert("RGBA")

    bokeh = Image.new("RGBA", (size, size))
    draw = ImageDraw.Draw(bokeh)
    for _ in range(rng.randint(8, 14)):
        x, y, r = rng.uniform(0, size), rng.uniform(0, size * 0.7), rng.uniform(6, 22)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(accent, rng.randint(40, 110)))
    canvas = Image.alpha_composite(canvas, bokeh.filter(ImageFilter.GaussianBlur(3)))

    figure = Image.new("RGBA", (size, size))
    draw = ImageDraw.Draw(figure)
    centre = size / 2 + rng.uniform(-10, 10)
    head_rx, head_ry, head_y = size * 0.135, size * 0.17, size * 0.4
    fill = _rgba(_mix(deep, "#000000", 0.45), 245)
    draw.ellipse((centre - size * 0.46, size * 0.67, centre + size * 0.46, size * 1.4), fill=fill)
    neck_top, neck_bottom = size * 0.07, size * 0.1  # half-widths: the neck widens into the shoulders
    draw.polygon(
        [
            (centre - neck_top, head_y),
            (centre + neck_top, head_y),
            (centre + neck_bottom, size * 0.72),
            (centre - neck_bottom, size * 0.72),
        ],
        fill=fill,
    )
    draw.ellipse((centre - head_rx, head_y - head_ry, centre + head_rx, head_y + head_ry), fill=fill)
    # A blurred, lighter copy behind the figure reads as rim light from the backdrop.
    rim = figure.filter(ImageFilter.GaussianBlur(4))
    rim = Image.merge("RGBA", (*Image.new("RGB", rim.size, accent).split(), rim.getchannel("A")))
    canvas = Image.alpha_composite(canvas, _fade(rim, 0.55))
    canvas = Image.alpha_composite(canvas, figure).convert("RGB")
    return _finish(canvas.filter(ImageFilter.GaussianBlur(0.6)), PORTRAIT_SIZE, rng)


def _palette(index):
    return PALETTES[index % len(PALETTES)]


def _gradient(size, start, end, diagonal, *, flip):
    """A two-colour gradient; `diagonal` tilts it from top-to-bottom (0) towards left-to-right (1)."""
    vertical = Image.linear_gradient("L")
    mask = Image.blend(vertical, vertical.rotate(90), diagonal).resize(size)
    if flip:
        mask = mask.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


def _finish(sketch, size, rng):
    """Scale up, darken the corners and add a little grain, so it reads as a photograph."""
    image = sketch.resize(size, Image.Resampling.LANCZOS)
    vignette = Image.radial_gradient("L").resize(size).point(lambda v: int(max(0, v - 120) * 0.6))
    image = Image.composite(Image.new("RGB", size, "#000000"), image, vignette)
    grain = Image.effect_noise(size, 40).convert("RGB")
    image = ImageChops.blend(image, grain, 0.035 + rng.uniform(0, 0.015))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=84, optimize=True, progressive=True)
    return buffer.getvalue()


def _fade(image, opacity):
    alpha = image.getchannel("A").point(lambda v: int(v * opacity))
    image.putalpha(alpha)
    return image


def _rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _rgba(colour, alpha):
    red, green, blue = _rgb(colour) if isinstance(colour, str) else colour
    return (red, green, blue, alpha)


def _mix(a, b, t):
    """Blend two colours: t=0 gives a, t=1 gives b."""
    a = _rgb(a) if isinstance(a, str) else a
    b = _rgb(b) if isinstance(b, str) else b
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
