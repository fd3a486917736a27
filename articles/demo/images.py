"""The demo's illustrations, drawn locally so the demo needs no network and no image files."""

from __future__ import annotations

import hashlib
import io

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter


def make_demo_image(slug: str, colors: list[str], size=(1600, 900)) -> bytes:
    """Draw an abstract illustration locally (gradient and shapes seeded by the slug)."""
    width, height = size
    start = PILImage.new("RGB", (1, 1), colors[0]).getpixel((0, 0))
    end = PILImage.new("RGB", (1, 1), colors[-1]).getpixel((0, 0))
    gradient = PILImage.linear_gradient("L").resize((width, height)).rotate(30, expand=False)
    img = PILImage.composite(
        PILImage.new("RGB", size, end), PILImage.new("RGB", size, start), gradient
    )
    seed = hashlib.sha256(slug.encode()).digest()
    overlay = PILImage.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for i in range(7):
        x = seed[i] / 255 * width
        y = seed[i + 8] / 255 * height
        r = 60 + seed[i + 16] / 255 * 260
        alpha = 40 + seed[i + 24] % 70
        shade = (255, 255, 255, alpha) if i % 2 else (0, 0, 0, alpha)
        if i % 3 == 0:
            draw.rectangle([x - r, y - r / 3, x + r, y + r / 3], fill=shade)
        else:
            draw.ellipse([x - r, y - r, x + r, y + r], fill=shade)
    overlay = overlay.filter(ImageFilter.GaussianBlur(6))
    img = PILImage.alpha_composite(img.convert("RGBA"), overlay).convert("RGB")
    buffer = io.BytesIO()
    img.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()
