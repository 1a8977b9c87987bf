"""Stand-in photographs for the demo, painted with Pillow so nothing is downloaded or licensed.

A story's picture is one of three scenes, so that its caption can say what it shows: a
landscape (sky, a low sun, layered hills), a building (a lit facade at dusk, optionally over
water) or a speaker (a silhouette at a lectern with microphones, before a lit backdrop).
People get a head-and-shoulders silhouette. Each is in its own palette, and the same seed
always paints the same picture, so a rebuilt demo looks the same.
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


def building_jpeg(seed, index, *, water=False):
    """JPEG bytes of a 1600×1067 building at dusk: blocks of storeys with lit windows, a lawn
    or, with `water`, a lake that mirrors it."""
    deep, light, accent = _palette(index)
    rng = random.Random(seed)
    width, height = (side // SKETCH_SCALE for side in STORY_SIZE)
    canvas = _gradient((width, height), light, deep, 0.1, flip=False).convert("RGBA")
    horizon = int(height * (0.68 if water else 0.8))
    scene = Image.new("RGBA", (width, height))
    draw = ImageDraw.Draw(scene)
    wall = _mix(deep, "#000000", 0.35)
    left = rng.uniform(0.08, 0.2) * width
    for _block in range(rng.randint(2, 3)):
        block_w = rng.uniform(0.22, 0.34) * width
        storeys = rng.randint(4, 8)
        storey = rng.uniform(9, 12)
        top = horizon - storeys * storey - 6
        draw.rectangle((left, top, left + block_w, horizon), fill=_rgba(wall, 255))
        draw.rectangle(
            (left - 3, top - 4, left + block_w + 3, top), fill=_rgba(_mix(wall, "#000000", 0.3), 255)
        )
        columns = int(block_w // 14)
        for row in range(storeys):
            for column in range(columns):
                lit = rng.random() < 0.6
                colour = _rgba(accent, 235) if lit else _rgba(_mix(wall, light, 0.25), 255)
                x = left + 6 + column * (block_w - 8) / columns
                y = top + 6 + row * storey
                draw.rectangle((x, y, x + 6, y + storey * 0.55), fill=colour)
        left += block_w + rng.uniform(4, 16)
        if left > width * 0.85:
            break
    ground = _mix(deep, "#000000", 0.55) if not water else _mix(deep, light, 0.2)
    draw.rectangle((0, horizon, width, height), fill=_rgba(ground, 255))
    canvas = Image.alpha_composite(canvas, scene)
    if water:
        above = canvas.crop((0, 2 * horizon - height, width, horizon)).transpose(
            Image.Transpose.FLIP_TOP_BOTTOM
        )
        reflection = _fade(above.filter(ImageFilter.GaussianBlur(1.5)), 0.45)
        canvas.alpha_composite(reflection, (0, horizon))
    return _finish(canvas.convert("RGB").filter(ImageFilter.GaussianBlur(0.6)), STORY_SIZE, rng)


def speaker_jpeg(seed, index):
    """JPEG bytes of a 1600×1067 speaker: a silhouette at a lectern with microphones, before a
    lit backdrop, the heads of an audience along the bottom edge."""
    deep, light, accent = _palette(index)
    rng = random.Random(seed)
    width, height = (side // SKETCH_SCALE for side in STORY_SIZE)
    canvas = _gradient((width, height), light, deep, 0.6, flip=rng.random() < 0.5).convert("RGBA")
    lights = Image.new("RGBA", (width, height))
    draw = ImageDraw.Draw(lights)
    for _ in range(rng.randint(6, 10)):
        x, y, r = rng.uniform(0, width), rng.uniform(0, height * 0.5), rng.uniform(8, 24)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(accent, rng.randint(40, 100)))
    canvas = Image.alpha_composite(canvas, lights.filter(ImageFilter.GaussianBlur(4)))

    figure = Image.new("RGBA", (width, height))
    draw = ImageDraw.Draw(figure)
    fill = _rgba(_mix(deep, "#000000", 0.5), 245)
    centre = width * rng.uniform(0.4, 0.6)
    head_r = height * 0.085
    head_y = height * 0.34
    draw.ellipse(
        (centre - head_r * 0.82, head_y - head_r, centre + head_r * 0.82, head_y + head_r), fill=fill
    )
    draw.rectangle((centre - head_r * 0.38, head_y, centre + head_r * 0.38, head_y + head_r * 1.5), fill=fill)
    shoulders = head_y + head_r * 1.25
    draw.ellipse(
        (centre - head_r * 2.3, shoulders, centre + head_r * 2.3, shoulders + head_r * 2.4), fill=fill
    )
    draw.rectangle(
        (centre - head_r * 2.3, shoulders + head_r * 1.2, centre + head_r * 2.3, height), fill=fill
    )
    rim = figure.filter(ImageFilter.GaussianBlur(3))
    rim = Image.merge("RGBA", (*Image.new("RGB", rim.size, accent).split(), rim.getchannel("A")))
    canvas = Image.alpha_composite(canvas, _fade(rim, 0.5))
    canvas = Image.alpha_composite(canvas, figure)

    # The lectern and its microphones stand in front of the speaker.
    front = Image.new("RGBA", (width, height))
    draw = ImageDraw.Draw(front)
    lectern_top = head_y + head_r * 3.3
    draw.polygon(
        [
            (centre - head_r * 2.0, lectern_top),
            (centre + head_r * 2.0, lectern_top),
            (centre + head_r * 1.6, height),
            (centre - head_r * 1.6, height),
        ],
        fill=_rgba(_mix(accent, deep, 0.55), 255),
    )
    draw.rectangle(
        (centre - head_r * 2.1, lectern_top - 3, centre + head_r * 2.1, lectern_top + 2),
        fill=_rgba(_mix(accent, "#ffffff", 0.2), 255),
    )
    for offset in (-0.5, 0.15, 0.6)[: rng.randint(2, 3)]:
        base_x, tip_x = centre + offset * head_r * 1.4, centre + offset * head_r * 0.45
        tip_y = head_y + head_r * 1.45
        draw.line((base_x, lectern_top, tip_x, tip_y), fill=_rgba("#d8d8d8", 255), width=1)
        draw.ellipse((tip_x - 2.5, tip_y - 4, tip_x + 2.5, tip_y + 3), fill=_rgba("#1c1c1c", 255))
    canvas = Image.alpha_composite(canvas, front)

    audience = Image.new("RGBA", (width, height))
    draw = ImageDraw.Draw(audience)
    x = rng.uniform(-20, 0)
    while x < width:
        r = rng.uniform(14, 20)
        y = height - rng.uniform(0, 8)
        draw.ellipse((x, y - r * 1.2, x + r * 1.6, y + r * 1.2), fill=_rgba("#0a0a0a", 250))
        x += r * rng.uniform(1.6, 2.2)
    canvas = Image.alpha_composite(canvas, audience.filter(ImageFilter.GaussianBlur(1.5)))
    return _finish(canvas.convert("RGB").filter(ImageFilter.GaussianBlur(0.6)), STORY_SIZE, rng)


SCENES = {
    "landscape": story_jpeg,
    "building": building_jpeg,
    "lakeside building": lambda seed, index: building_jpeg(seed, index, water=True),
    "speaker": speaker_jpeg,
}


def scene_jpeg(scene, seed, index):
    """JPEG bytes of a story picture of this kind (a key of SCENES)."""
    return SCENES[scene](seed, index)


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
