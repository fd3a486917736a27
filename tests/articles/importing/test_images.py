"""Images: local files only from the feed's folder, within Wagtail's upload limits."""

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image as PILImage
from PIL import ImageFile as PILImageFile
from wagtail.images import get_image_model

from articles.importing import import_feed
from tests.articles.importing.helpers import latest, rss, run

pytestmark = pytest.mark.django_db


def test_local_image_enclosure_becomes_main_image(section, tmp_path):
    (tmp_path / "photos").mkdir()
    PILImage.new("RGB", (64, 48), "#2b3a4a").save(tmp_path / "photos" / "talks.jpg")
    PILImage.new("RGB", (32, 32), "#9fb3c8").save(tmp_path / "table.png")
    (tmp_path / "fake.jpg").write_text("not really an image")
    feed = tmp_path / "images.xml"
    feed.write_text(
        rss(
            "<item><title>Delegates take their seats</title>"
            "<link>https://courier.example.org/a</link><guid>img-1</guid>"
            '<enclosure url="photos/talks.jpg" type="image/jpeg" length="1"/>'
            "<description>Seats.</description></item>"
            "<item><title>The negotiating table</title>"
            "<link>https://courier.example.org/b</link><guid>img-2</guid>"
            f'<media:content url="{(tmp_path / "table.png").as_uri()}" medium="image">'
            "<media:title>Round table</media:title>"
            "<media:description>An empty round table with name cards</media:description>"
            "<media:credit>Courier archive</media:credit></media:content>"
            "<description>Table.</description></item>"
            "<item><title>Not a picture</title>"
            "<link>https://courier.example.org/c</link><guid>img-3</guid>"
            '<enclosure url="fake.jpg" type="image/jpeg" length="1"/>'
            '<enclosure url="https://cdn.example.org/remote.jpg" type="image/jpeg" length="1"/>'
            "<description>None.</description></item>"
        )
    )
    report = import_feed(feed, section=section)
    assert report.created == 3
    seats, table, fake = latest("img-1"), latest("img-2"), latest("img-3")
    assert seats.main_image.width == 64 and seats.main_image_alt == "Delegates take their seats"
    # media:title does not replace the headline; media:description is the better alt text.
    assert table.title == "The negotiating table"
    assert table.main_image_alt == "An empty round table with name cards"
    assert table.main_image_credit == "Courier archive"
    assert fake.main_image is None
    assert (3, "https://cdn.example.org/remote.jpg") in report.remote_images
    assert any(pos == 3 and "not an image" in text for pos, text in report.notes)

    # Running again reuses everything.
    images = get_image_model().objects.count()
    assert import_feed(feed, section=section).created == 0
    assert get_image_model().objects.count() == images == 2


def image_item(guid: str, url: str, title: str = "") -> str:
    return (
        f"<item><title>{title or guid}</title>"
        f"<link>https://courier.example.org/{guid}</link><guid>{guid}</guid>"
        f'<enclosure url="{url}" type="image/png" length="1"/>'
        f"<description>Text of {guid}.</description></item>"
    )


@pytest.fixture
def feed_folder(tmp_path):
    """A feed folder with a legit picture in a subfolder, and a picture outside the folder."""
    folder = tmp_path / "export"
    (folder / "photos").mkdir(parents=True)
    PILImage.new("RGB", (24, 16), "green").save(folder / "photos" / "inside.png")
    PILImage.new("RGB", (40, 30), "red").save(tmp_path / "private.png")
    return folder


@pytest.mark.parametrize("form", ["absolute path", "file URL", "../ traversal", "symlink"])
def test_an_image_outside_the_feed_folder_is_never_read(section, feed_folder, form):
    outside = feed_folder.parent / "private.png"
    if form == "symlink":
        (feed_folder / "photos" / "innocent.png").symlink_to(outside)
    url = {
        "absolute path": str(outside),
        "file URL": outside.as_uri(),
        "../ traversal": "photos/../../private.png",
        "symlink": "photos/innocent.png",
    }[form]
    feed = feed_folder / "feed.xml"
    feed.write_text(
        rss(image_item("leak-1", url, "Leaky") + image_item("leak-2", "photos/inside.png"))
    )
    report = import_feed(feed, section=section)
    assert (report.created, report.failed) == (2, 0)
    # The item itself is imported, without the picture; the note says why.
    leaky = latest("leak-1")
    assert leaky.title == "Leaky" and leaky.lead == "Text of leak-1."
    assert leaky.main_image is None
    assert (1, f"image {url!r}: outside the feed's folder, skipped") in report.notes
    # The rest of the feed goes on: a file in a subfolder of the feed's folder still works.
    assert latest("leak-2").main_image.width == 24
    assert get_image_model().objects.count() == 1


def test_an_image_in_the_feed_folder_may_be_a_symlink_or_a_file_url(section, feed_folder):
    (feed_folder / "alias.png").symlink_to(feed_folder / "photos" / "inside.png")
    PILImage.new("RGB", (8, 8), "blue").save(feed_folder / "photos" / "second.png")
    feed = feed_folder / "feed.xml"
    feed.write_text(
        rss(
            image_item("ok-1", "alias.png")
            + image_item("ok-2", (feed_folder / "photos" / "second.png").as_uri())
            + image_item("ok-3", "photos/../photos/inside.png")
        )
    )
    report = import_feed(feed, section=section)
    assert report.created == 3
    assert not [text for _, text in report.notes if "image" in text]
    assert [latest(f"ok-{n}").main_image.width for n in (1, 2, 3)] == [24, 8, 24]


def write_png_bomb(path: Path, side: int = 12000) -> Path:
    """A valid side x side one-bit PNG of a few KB that decodes to side² pixels (written by
    hand: Pillow would first build the whole image in memory)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = b"\0" * (1 + (side + 7) // 8)  # filter byte + one bit per pixel
    packer = zlib.compressobj(9)
    pixels = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
    return path


@pytest.fixture
def decodes(monkeypatch):
    """The sizes of the images Pillow decodes while the test runs."""
    seen: list[tuple[int, int]] = []
    load = PILImageFile.ImageFile.load

    def spy(self):
        seen.append(self.size)
        return load(self)

    monkeypatch.setattr(PILImageFile.ImageFile, "load", spy)
    return seen


def test_a_decompression_bomb_is_refused_without_being_decoded(section, tmp_path, decodes):
    bomb = write_png_bomb(tmp_path / "bomb.png")
    assert bomb.stat().st_size < 64 * 1024
    PILImage.new("RGB", (30, 20), "navy").save(tmp_path / "small.png")
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(image_item("bomb-1", "bomb.png") + image_item("bomb-2", "small.png")))

    output = run(feed)
    assert "created 2, updated 0, skipped 0, failed 0" in output
    assert (
        "note #1: image 'bomb.png': 144,000,000 pixels, over the limit of 40,000,000 "
        "(WAGTAILIMAGES_MAX_IMAGE_PIXELS), skipped"
    ) in output
    assert latest("bomb-1").main_image is None
    assert latest("bomb-2").main_image.width == 30
    assert get_image_model().objects.count() == 1
    assert (12000, 12000) not in decodes


def test_the_pixel_limit_counts_every_frame(section, tmp_path, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    frames = [PILImage.new("RGB", (20, 20), c) for c in ("red", "lime", "blue")]  # 1,200 px
    frames[0].save(tmp_path / "anim.gif", save_all=True, append_images=frames[1:])
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(image_item("anim-1", "anim.gif")))
    report = import_feed(feed, section=section)
    assert report.created == 1 and latest("anim-1").main_image is None
    assert (
        1,
        "image 'anim.gif': 1,200 pixels, over the limit of 1,000 "
        "(WAGTAILIMAGES_MAX_IMAGE_PIXELS), skipped",
    ) in report.notes


def test_an_image_over_the_upload_size_limit_is_refused(section, tmp_path, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2 * 1024
    PILImage.effect_noise((64, 64), 80).save(tmp_path / "noise.png")
    assert (tmp_path / "noise.png").stat().st_size > 2 * 1024
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(image_item("big-1", "noise.png")))
    report = import_feed(feed, section=section, dry_run=True)
    assert report.created == 1
    assert any(
        pos == 1
        and "noise.png" in text
        and "over the 2.0 KB limit" in text
        and "WAGTAILIMAGES_MAX_UPLOAD_SIZE" in text
        for pos, text in report.notes
    )
    report = import_feed(feed, section=section)
    assert latest("big-1").main_image is None and get_image_model().objects.count() == 0


def test_an_image_swapped_for_a_bomb_after_parsing_is_still_refused(section, tmp_path):
    picture = tmp_path / "picture.png"
    PILImage.new("RGB", (10, 10), "olive").save(picture)
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(image_item("swap-1", "picture.png")))

    def swap(done, total):  # called after every item is parsed, before anything is saved
        if done == 0:
            write_png_bomb(picture)

    report = import_feed(feed, section=section, progress=swap)
    assert report.created == 1 and latest("swap-1").main_image is None
    assert get_image_model().objects.count() == 0
    assert any(pos == 1 and "WAGTAILIMAGES_MAX_IMAGE_PIXELS" in text for pos, text in report.notes)
