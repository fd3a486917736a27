"""A story's main image: local image files found, size-checked and saved once; remote ones listed.

Local files are read only from inside the feed's folder, and checked against Wagtail's upload
limits before anything is decoded or stored.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.core.files.images import ImageFile
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from ..models import ArticlePage
from .text import html_to_text, one_line, truncate
from .undo import ItemUndo

IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


@dataclass
class LocalImage:
    path: Path
    alt: str
    credit: str


def item_images(entry, *, feed_dir: Path, title: str, notes: list[str]):
    """Local image files (existing, readable images) and remote image URLs of the item."""
    candidates: list[tuple[str, str]] = []  # (url, MIME type or medium)
    for enclosure in entry.get("enclosures") or []:
        candidates.append((enclosure.get("href") or "", enclosure.get("type") or ""))
    for media in entry.get("media_content") or []:
        candidates.append((media.get("url") or "", media.get("type") or media.get("medium") or ""))
    for media in entry.get("media_thumbnail") or []:
        candidates.append((media.get("url") or "", "image"))
    alt = html_to_text(entry.get("media_xdescription") or "") or html_to_text(
        entry.get("media_xtitle") or ""
    )
    credits = [c.get("content") for c in entry.get("media_credit") or [] if c.get("content")]
    credit = truncate(one_line(credits[0]), 255) if credits else ""
    local: list[LocalImage] = []
    remote: list[str] = []
    seen: set[str] = set()
    for url, kind in candidates:
        url = url.strip()
        if not url or url in seen:
            continue
        seen.add(url)
        if kind and not kind.startswith("image") and not _looks_like_image(url):
            continue
        scheme = urlsplit(url).scheme.lower()
        if scheme in ("http", "https"):
            remote.append(url)
            continue
        if scheme == "file":
            path = Path(url2pathname(unquote(urlsplit(url).path)))
        elif scheme and len(scheme) > 1:  # a Windows drive letter is not a scheme
            notes.append(f"image {url!r}: unsupported address")
            continue
        else:
            path = Path(unquote(url))
        path = _inside(feed_dir / path, feed_dir)  # an absolute path replaces feed_dir
        if path is None:
            notes.append(f"image {url!r}: outside the feed's folder, skipped")
            continue
        if not path.is_file():
            notes.append(f"image {url!r}: file not found")
            continue
        with path.open("rb") as handle:
            problem = _image_problem(handle)
        if problem:
            notes.append(f"image {url!r}: {problem}")
            continue
        local.append(LocalImage(path=path, alt=truncate(alt or title, 255), credit=credit))
    return local, remote


def _inside(path: Path, folder: Path) -> Path | None:
    """The real path of path (symlinks and ``..`` resolved) if it lies inside folder's real
    path, else None: a feed may only use files from its own folder, never any file the
    importing account can read (images end up in public media)."""
    try:
        real, root = path.resolve(), folder.resolve()
    except (OSError, ValueError, RuntimeError):  # a NUL byte, a symlink loop
        return None
    return real if real.is_relative_to(root) else None


def _looks_like_image(url: str) -> bool:
    return Path(urlsplit(url).path).suffix.lower().lstrip(".") in settings.WAGTAILIMAGES_EXTENSIONS


def _image_problem(handle: BinaryIO) -> str | None:
    """Why this open file cannot be a story's image, or None if it can.

    The limits are those of a Wagtail admin upload (wagtail.images.fields.WagtailImageField):
    WAGTAILIMAGES_MAX_UPLOAD_SIZE bytes and WAGTAILIMAGES_MAX_IMAGE_PIXELS pixels, counted as
    width x height x frames, None meaning no limit. Unlike that form, which loads the image
    through Willow to count its pixels, nothing is decoded here: the size comes from the
    file's header, so a small file that would decode to gigabytes costs nothing to refuse.
    """
    size = os.fstat(handle.fileno()).st_size
    max_size = getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
    if max_size is not None and size > max_size:
        return (
            f"{_file_size(size)}, over the {_file_size(max_size)} limit "
            "(WAGTAILIMAGES_MAX_UPLOAD_SIZE), skipped"
        )
    max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128 * 1000000)
    try:
        with warnings.catch_warnings():
            # Pillow warns from ~89 megapixels; the setting decides, and the error Pillow
            # raises from twice that is reported below.
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(handle) as img:
                if img.format not in IMAGE_FORMATS:
                    return "not an image"
                pixels = img.width * img.height * getattr(img, "n_frames", 1)
                if max_pixels is not None and pixels > max_pixels:
                    return (
                        f"{pixels:,} pixels, over the limit of {max_pixels:,} "
                        "(WAGTAILIMAGES_MAX_IMAGE_PIXELS), skipped"
                    )
                img.verify()  # checks the file's structure and checksums, decodes nothing
    except PILImage.DecompressionBombError as exc:
        return f"{exc}, skipped"
    except Exception:  # any other failure means "not a usable image"
        return "not an image"
    return None


def _file_size(size: int) -> str:
    # The report is English whatever language a caller left active ("2.0 KB", not "2,0 KB").
    with translation.override("en"):
        return filesizeformat(size).replace("\xa0", " ")


def set_main_image(
    page: ArticlePage,
    images: list[LocalImage],
    *,
    title: str,
    notes: list[str],
    dry_run: bool,
    known: dict[str, int],
    undo: ItemUndo,
) -> None:
    """Make the item's first local image the page's main image, saving it unless a stored
    image has the same bytes (known: file hash -> image id, filled in as images are saved).
    Why the image could not be used goes to notes."""
    if not images:
        return
    local = images[0]
    if dry_run:
        notes.append(f"would use local image {local.path.name}")
        return
    image_model = get_image_model()
    with local.path.open("rb") as handle:
        # Checked again on the bytes about to be stored: the file may have changed since
        # the feed was parsed, and nothing over the limits may reach the media store.
        problem = _image_problem(handle)
        if problem:
            notes.append(f"image {local.path.name!r}: {problem}")
            return
        handle.seek(0)
        file_hash = hash_filelike(handle)
        image_id = known.get(file_hash)
        if image_id is None:
            image_id = (
                image_model.objects.filter(file_hash=file_hash).values_list("id", flat=True).first()
            )
        if image_id is None:
            handle.seek(0)
            image = image_model(
                title=title,
                description=local.alt,
                file_hash=file_hash,
                file_size=os.fstat(handle.fileno()).st_size,
            )
            image.file = ImageFile(handle, name=local.path.name)
            image.save()
            undo.new_file(image.file)
            image_id = image.pk
        undo.remember(known, file_hash, image_id)
    page.main_image_id = image_id
    page.main_image_alt = local.alt
    page.main_image_credit = local.credit
