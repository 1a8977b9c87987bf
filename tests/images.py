"""Real image files made with Pillow, for uploads in tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(width=640, height=427, color=(40, 90, 140), fmt="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, fmt)
    return buffer.getvalue()


def uploaded_image(name="photo.jpg", **kwargs):
    content_type = "image/png" if name.endswith(".png") else "image/jpeg"
    fmt = "PNG" if name.endswith(".png") else "JPEG"
    return SimpleUploadedFile(name, image_bytes(fmt=fmt, **kwargs), content_type=content_type)
