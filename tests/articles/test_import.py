"""import_articles: RSS/Atom files from the legacy site become articles, safely and repeatably."""

import io
import json
import struct
import time
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from PIL import ImageFile as PILImageFile
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Revision

from articles import importer
from articles.importer import html_to_blocks, import_feed
from articles.models import ArticlePage, Author
from tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db

FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"
RSS = FEEDS / "legacy-rss.xml"
ATOM = FEEDS / "legacy-atom.xml"
HARBOUR = "courier-2024-0314-harbour"
CHECKPOINTS = "courier-2024-0312-checkpoints"


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_articles", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def page(guid: str) -> ArticlePage:
    return ArticlePage.objects.get(source_guid=guid)


def latest(guid: str) -> ArticlePage:
    return page(guid).get_latest_revision_as_object()


def kinds(article: ArticlePage) -> list[str]:
    return [block.block_type for block in article.body]


def snapshot() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "articles": ArticlePage.objects.count(),
        "revisions": Revision.objects.count(),
        "redirects": Redirect.objects.count(),
        "authors": Author.objects.count(),
        "tags": Tag.objects.count(),
        "images": get_image_model().objects.count(),
    }


def rss(items: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:media="http://search.yahoo.com/mrss/"><channel>'
        "<title>Test feed</title><link>https://courier.example.org/</link>"
        f"<description>Fixtures</description>{items}</channel></rss>"
    )


def write_big_feed(path: Path, count: int = 1000) -> Path:
    """A feed shaped like the legacy export: full bodies, quotes, links and READ MORE lines."""
    places = ["Port Amsel", "Lindholm", "Castellan", "Varenna", "the Marren Strait"]
    topics = ["Ceasefires", "Sanctions", "Mediation", "Humanitarian access", "Elections"]
    authors = ["Ilse Marwick", "Tarik Odum", "Noor Halvorsen", "Pau Ferrandiz", "Vera Lunde"]
    start = datetime(2019, 1, 1, 8, 0, tzinfo=UTC)
    items = []
    for n in range(count):
        place = places[n % len(places)]
        target = (n + 7) % count  # some READ MORE targets come later in the file
        body = (
            f"<p>Envoys met in {place} on day {n} of the talks, according to "
            f'<a href="https://forum.example.net/statements/{n}">a statement</a>.</p>'
            f"<p>Delegates discussed prisoner exchanges and the reopening of roads near {place}."
            " Observers said the mood was <em>cautious</em> but <strong>businesslike</strong>.</p>"
            "<h2>What comes next</h2>"
            f"<p>A further round is expected within {n % 9 + 2} weeks.</p>"
            "<blockquote><p>We are closer than we were.</p>"
            f"<cite>Envoy {n % 13}</cite></blockquote>"
            f'<p>READ MORE: <a href="https://courier.example.org/{2019 + target // 365}/'
            f'story-{target}/">Envoys meet for round {target}</a></p>'
        )
        date = start + timedelta(hours=6 * n)
        items.append(
            "<item>"
            f"<title>Envoys meet for round {n} in {place}</title>"
            f"<link>https://courier.example.org/{2019 + n // 365}/story-{n}/</link>"
            f'<guid isPermaLink="false">big-{n}</guid>'
            f"<pubDate>{date.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
            f"<author>desk@courier.example.org ({authors[n % len(authors)]})</author>"
            f"<category>{topics[n % len(topics)]}</category>"
            f"<category>{topics[(n + 2) % len(topics)]}</category>"
            f"<description>Round {n} of the talks in {place}.</description>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded>"
            "</item>"
        )
    path.write_text(rss("".join(items)), encoding="utf-8")
    return path


# --- mapping --------------------------------------------------------------------------------


def test_rss_items_are_mapped_to_articles(section):
    report = import_feed(RSS, section=section)
    assert (report.created, report.updated, report.skipped, report.failed) == (4, 0, 1, 1)
    assert ArticlePage.objects.child_of(section).count() == 4

    harbour = latest(HARBOUR)
    assert harbour.title == "Envoys agree to reopen the Harbour Road crossing"
    assert harbour.lead == (
        "Negotiators in Port Amsel agreed on Wednesday night to reopen the crossing for aid "
        "convoys."
    )
    assert harbour.publication_date == datetime(2024, 3, 14, 8, 30, tzinfo=UTC)
    assert harbour.source_url == "https://courier.example.org/2024/03/14/harbour-road-crossing/"
    assert [a.author.name for a in harbour.authors.all()] == ["Ilse Marwick"]
    assert Author.objects.get(name="Ilse Marwick").slug == "ilse-marwick"
    # Categories become topics (a repeat in another case is the same topic).
    assert sorted(t.name for t in harbour.topics.all()) == ["Ceasefires", "Humanitarian access"]
    assert kinds(harbour) == [
        "paragraph",
        "paragraph",
        "heading",
        "paragraph",
        "quote",
        "quote",
        "quote",
        "read_more",
        "read_more",
    ]
    assert harbour.body[2].value["text"] == "What was agreed"

    # A shared author and topic are reused, not duplicated.
    checkpoints = latest(CHECKPOINTS)
    assert [a.author.name for a in checkpoints.authors.all()] == ["Tarik Odum"]
    assert Author.objects.filter(name="Ilse Marwick").count() == 1
    assert Tag.objects.filter(name__iexact="ceasefires").count() == 1
    assert kinds(checkpoints) == ["paragraph", "heading", "paragraph"]


def test_body_is_sanitized_and_links_made_absolute(section):
    import_feed(RSS, section=section)
    harbour = latest(HARBOUR)
    raw = json.dumps(list(harbour.body.raw_data))
    for unwanted in ("<script", "onclick", "javascript:", "tracking pixel", "<span", "style="):
        assert unwanted not in raw
    first, second, fourth = (harbour.body[i].value.source for i in (0, 1, 3))
    assert '<a href="https://forum.example.net/statements/114">joint statement</a>' in first
    # Relative links are resolved against the item's own address.
    assert '<a href="https://courier.example.org/tags/harbour-road/">' in first
    assert '<a href="https://courier.example.org/2024/03/14/observers/">monitors</a>' in fourth
    # Bold and italic in the editor's own form; the dangerous link keeps only its text.
    assert "<b>relief agencies</b>" in second and "<i>eastern districts</i>" in second
    assert "Details are in this note." in second
    assert first.startswith("<p>Negotiators") and first.endswith("talks.</p>")


def test_blockquotes_become_attributed_quotes(section):
    import_feed(RSS, section=section)
    quotes = [b.value for b in latest(HARBOUR).body if b.block_type == "quote"]
    assert [(q["text"], q["speaker"], q["role"]) for q in quotes] == [
        ("The road is a lifeline, not a bargaining chip.", "Noor Halvorsen", "Special Envoy"),
        ("We will be watching every lorry that crosses.", "Tarik Odum", ""),
        # No <cite> and no "— Name" line: the story's author.
        ("Nobody wanted to leave the room without a deal.", "Ilse Marwick", ""),
    ]


def test_read_more_links_to_a_later_item_and_to_an_external_story(section):
    report = import_feed(RSS, section=section)
    internal, external = [b.value for b in latest(HARBOUR).body if b.block_type == "read_more"]
    # The target is listed after the story in the file.
    assert internal["page"].pk == page(CHECKPOINTS).pk
    assert external["page"] is None
    assert external["url"] == "https://wire.example.com/stories/ceasefire-explainer"
    assert external["title"] == "What the ceasefire covers"
    assert report.page_ids[1] == page(HARBOUR).pk


def test_escaped_body_missing_date_and_remote_image(section):
    before = datetime.now(UTC) - timedelta(minutes=1)
    output = run(RSS)
    calm = latest("https://courier.example.org/2024/03/13/calm-night-river-line/")
    assert [str(b.value.source) for b in calm.body] == [
        "<p>Monitors counted <i>no violations</i> overnight, the first quiet night in a week.</p>",
        "<p>A spokesman for the mission said patrols would continue "
        '<a href="https://courier.example.org/2024/03/10/patrols/">as planned</a>.</p>',
    ]
    # No separate content: the lead is the opening words of the body.
    assert calm.lead.startswith("Monitors counted no violations overnight")
    assert calm.publication_date >= before
    assert "note #2: no date; used the import time" in output

    lindholm = latest("courier-2024-0315-lindholm")
    assert lindholm.publication_date == datetime(2024, 3, 15, 7, 0, tzinfo=UTC)
    assert lindholm.main_image is None
    assert [str(b.value.source) for b in lindholm.body] == [
        "<p>The meeting will be the first at ministerial level since the truce.</p>",
        "<p>Officials said the agenda was <b>still being drafted</b>.</p>",
    ]
    assert "remote images not fetched (1):" in output
    assert "#6: https://images.courier.example.org/2024/lindholm-hall.jpg" in output


def test_atom_feed(section):
    report = import_feed(ATOM, section=section)
    assert report.created == 2 and report.failed == 0
    plan = latest("tag:courier.example.org,2024:plan")
    assert plan.title == "Mediators table a three-stage plan"
    assert plan.lead == "A plan in three stages: prisoners, then roads, then elections."
    assert plan.updated_date == datetime(2024, 4, 2, 9, 15, tzinfo=UTC)
    assert [a.author.name for a in plan.authors.all()] == ["Ilse Marwick", "Pau Ferrándiz"]
    assert sorted(t.name for t in plan.topics.all()) == ["Mediation", "Prisoner exchanges"]
    assert kinds(plan) == ["heading", "paragraph", "heading", "paragraph"]
    assert 'href="https://courier.example.org/2024/04/01/annex-a"' in plan.body[1].value.source

    debate = latest("tag:courier.example.org,2024:debate")
    assert debate.publication_date == datetime(2024, 4, 2, 10, 0, tzinfo=UTC)
    quote = debate.body[1].value
    assert (quote["speaker"], quote["role"]) == ("Vera Lunde", "Speaker")


def test_iso_8859_1_feed_keeps_accents(section):
    assert b'encoding="ISO-8859-1"' in (FEEDS / "latin1.xml").read_bytes()
    import_feed(FEEDS / "latin1.xml", section=section)
    article = ArticlePage.objects.get()
    assert article.title == "Négociations à Genève : les délégués s'accordent sur un calendrier"
    assert "« sans préalable »" in article.get_latest_revision_as_object().body[1].value.source
    assert [a.author.name for a in latest(article.source_guid).authors.all()] == ["Hélène Dupré"]


# --- images ---------------------------------------------------------------------------------


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


# --- redirects, idempotence, updates --------------------------------------------------------


def test_old_addresses_redirect_to_the_new_pages(section, client):
    run(RSS, "--publish")
    harbour = page(HARBOUR)
    redirect = Redirect.objects.get(old_path="/2024/03/14/harbour-road-crossing")
    assert redirect.redirect_page_id == harbour.pk and redirect.is_permanent
    response = client.get("/2024/03/14/harbour-road-crossing/")
    assert response.status_code == 301
    assert response["Location"] == harbour.url
    assert client.get(response["Location"]).status_code == 200


def test_search_and_reference_indexes_are_updated(section, tmp_path):
    PILImage.new("RGB", (20, 20), "navy").save(tmp_path / "pic.png")
    feed = tmp_path / "feed.xml"
    enclosure = '<enclosure url="pic.png" type="image/png" length="1"/>'
    feed.write_text(RSS.read_text().replace("<title>Talks stall", enclosure + "<title>Talks stall"))
    import_feed(feed, section=section, publish=True)
    harbour, checkpoints = page(HARBOUR), page(CHECKPOINTS)
    found = list(ArticlePage.objects.live().search("Harbour Road crossing"))
    assert harbour in found
    usage = {ref.content_type.model_class() for ref in ReferenceIndex.get_references_to(harbour)}
    assert Redirect in usage
    # The READ MORE on the harbour story is a use of the checkpoints story.
    linking = ReferenceIndex.get_references_to(checkpoints).values_list("object_id", flat=True)
    assert str(harbour.pk) in set(linking)
    assert ReferenceIndex.get_references_to(checkpoints.main_image).exists()


def test_redirect_pointing_elsewhere_is_updated(section, make_article):
    other = make_article(title="Unrelated story", slug="unrelated")
    Redirect.objects.create(
        old_path="/2024/03/14/harbour-road-crossing", redirect_page=other, is_permanent=True
    )
    import_feed(RSS, section=section)
    redirect = Redirect.objects.get(old_path="/2024/03/14/harbour-road-crossing")
    assert redirect.redirect_page_id == page(HARBOUR).pk


def test_second_run_changes_nothing(section):
    run(RSS, "--publish")
    first = snapshot()
    output = run(RSS, "--publish")
    assert output.splitlines()[0] == "created 0, updated 0, skipped 5, failed 1"
    assert snapshot() == first


def test_changed_item_is_updated_as_a_new_revision(section, tmp_path):
    import_feed(RSS, section=section)
    draft_revisions = page(HARBOUR).revisions.count()
    changed = tmp_path / "changed.xml"
    changed.write_text(
        RSS.read_text()
        .replace("Envoys agree to reopen the Harbour Road crossing<", "Envoys reopen Harbour Road<")
        .replace("for aid convoys, according to", "for food convoys, according to")
    )
    report = import_feed(changed, section=section)
    assert (report.created, report.updated, report.skipped) == (0, 1, 4)
    harbour = page(HARBOUR)
    assert harbour.revisions.count() == draft_revisions + 1
    assert not harbour.live  # a draft stays a draft
    assert latest(HARBOUR).title == "Envoys reopen Harbour Road"
    assert "food convoys" in latest(HARBOUR).body[0].value.source


def test_changed_live_item_is_republished(section, tmp_path):
    import_feed(RSS, section=section, publish=True)
    changed = tmp_path / "changed.xml"
    original = "<title>Talks stall over checkpoints</title>"
    changed.write_text(RSS.read_text().replace(original, "<title>Talks stall</title>"))
    report = import_feed(changed, section=section)
    assert report.updated == 1
    checkpoints = page(CHECKPOINTS)
    assert checkpoints.live and not checkpoints.has_unpublished_changes
    assert checkpoints.title == "Talks stall"
    assert checkpoints.publication_date == datetime(2024, 3, 12, 18, 5, tzinfo=UTC)


def test_read_more_is_relinked_when_a_later_run_imports_the_target(section):
    import_feed(FEEDS / "crossrun-first.xml", section=section, publish=True)
    first = page("courier-2024-0501-arrive")
    (link,) = [b.value for b in first.body if b.block_type == "read_more"]
    assert link["page"] is None and link["title"] == "Conference opens with a minute of silence"
    revisions = first.revisions.count()

    report = import_feed(FEEDS / "crossrun-second.xml", section=section)
    target = page("courier-2024-0503-opens")
    assert not target.live  # imported as a draft this time
    first = page("courier-2024-0501-arrive")
    assert report.relinked == ["Delegates arrive for the Lindholm conference"]
    assert first.revisions.count() == revisions + 1
    assert first.live and not first.has_unpublished_changes  # still published
    (link,) = [b.value for b in first.body if b.block_type == "read_more"]
    assert link["page"].pk == target.pk

    # Importing either file again changes nothing.
    counts = snapshot()
    assert import_feed(FEEDS / "crossrun-first.xml", section=section).skipped == 1
    assert import_feed(FEEDS / "crossrun-second.xml", section=section).skipped == 1
    assert snapshot() == counts


def test_read_more_cycle_within_one_file(section, tmp_path):
    feed = tmp_path / "cycle.xml"
    feed.write_text(
        rss(
            "<item><title>Envoy lands in Castellan</title>"
            "<link>https://courier.example.org/a/</link><guid>cycle-a</guid>"
            "<pubDate>Mon, 06 May 2024 08:00:00 GMT</pubDate><content:encoded><![CDATA["
            "<p>She was met at the airport.</p>"
            '<p>READ MORE: <a href="https://courier.example.org/b/">Talks begin</a></p>'
            "]]></content:encoded></item>"
            "<item><title>Talks begin</title>"
            "<link>https://courier.example.org/b/</link><guid>cycle-b</guid>"
            "<pubDate>Tue, 07 May 2024 08:00:00 GMT</pubDate><content:encoded><![CDATA["
            "<p>The first session lasted four hours.</p>"
            '<p>Read more: <a href="https://courier.example.org/a">Envoy lands in Castellan</a></p>'
            "]]></content:encoded></item>"
        )
    )
    report = import_feed(feed, section=section, publish=True)
    assert (report.created, report.failed) == (2, 0)
    a, b = page("cycle-a"), page("cycle-b")
    for story, target in ((a, b), (b, a)):
        assert story.live and not story.has_unpublished_changes
        assert story.revisions.count() == 1
        assert story.body[1].block_type == "read_more"
        assert story.body[1].value["page"].pk == target.pk


def test_publish_with_a_future_date_schedules_the_story(section, tmp_path):
    when = datetime.now(UTC) + timedelta(days=3)
    feed = tmp_path / "future.xml"
    feed.write_text(
        rss(
            "<item><title>Summit opens on Friday</title>"
            "<link>https://courier.example.org/summit</link><guid>future-1</guid>"
            f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
            "<description>Embargoed preview.</description></item>"
        )
    )
    report = import_feed(feed, section=section, publish=True)
    summit = page("future-1")
    assert not summit.live
    assert summit.publication_date == when.replace(microsecond=0)
    assert summit.latest_revision.approved_go_live_at == when.replace(microsecond=0)
    assert any("scheduled to go live" in text for _, text in report.notes)


# --- drafts, publishing, dry runs -----------------------------------------------------------


def test_new_articles_are_drafts_by_default(section):
    import_feed(RSS, section=section)
    harbour = page(HARBOUR)
    assert not harbour.live and harbour.first_published_at is None
    assert harbour.revisions.count() == 1
    assert harbour.publication_date == datetime(2024, 3, 14, 8, 30, tzinfo=UTC)


def test_publish_keeps_the_original_date(section, client):
    run(RSS, "--publish")
    harbour = page(HARBOUR)
    assert harbour.live and not harbour.has_unpublished_changes
    assert harbour.publication_date == datetime(2024, 3, 14, 8, 30, tzinfo=UTC)
    assert harbour.first_published_at == harbour.publication_date
    response = client.get(harbour.url)
    assert response.status_code == 200
    assert b"Envoys agree to reopen the Harbour Road crossing" in response.content
    assert b"<script>document.write" not in response.content


def test_dry_run_writes_nothing(section, tmp_path):
    PILImage.new("RGB", (16, 16), "red").save(tmp_path / "dry-run-only.png")
    feed = tmp_path / "feed.xml"
    enclosure = '<enclosure url="dry-run-only.png" type="image/png" length="1"/>'
    feed.write_text(RSS.read_text().replace("<title>Talks stall", enclosure + "<title>Talks stall"))
    before = snapshot()
    output = run(feed, "--dry-run", "--publish")
    assert output.splitlines()[:2] == [
        "created 4, updated 0, skipped 1, failed 1",
        "dry run: nothing was written",
    ]
    assert snapshot() == before
    storage = get_image_model()._meta.get_field("file").storage
    assert not storage.exists("original_images/dry-run-only.png")


# --- errors ---------------------------------------------------------------------------------


def test_a_file_that_is_not_a_feed_is_refused(section, tmp_path):
    before = snapshot()
    with pytest.raises(CommandError, match="not an RSS or Atom feed"):
        run(FEEDS / "not-a-feed.txt")
    with pytest.raises(CommandError, match="cannot read"):
        run(tmp_path / "missing.xml")
    html = tmp_path / "page.html"
    html.write_text("<html><body><p>Harbour Road</p></body></html>")
    with pytest.raises(CommandError, match="not an RSS or Atom feed"):
        run(html)
    assert snapshot() == before


def test_unknown_section_is_refused(section):
    with pytest.raises(CommandError, match="no section with slug 'sport'"):
        run(RSS, "--section", "sport")
    assert ArticlePage.objects.count() == 0


def test_section_option_and_default(home):
    first = SectionPageFactory(parent=home, title="Diplomacy", slug="diplomacy")
    second = SectionPageFactory(parent=home, title="Analysis", slug="analysis")
    run(FEEDS / "crossrun-first.xml")
    run(FEEDS / "crossrun-second.xml", "--section", "analysis")
    assert page("courier-2024-0501-arrive").get_parent().pk == first.pk
    assert page("courier-2024-0503-opens").get_parent().pk == second.pk


def test_malformed_item_is_reported_and_the_rest_imported(section):
    output = run(RSS)
    lines = output.splitlines()
    assert lines[0] == "created 4, updated 0, skipped 1, failed 1"
    assert "failed #5: no title and no link" in lines
    assert "skipped #3: duplicate GUID (first seen at #1)" in lines
    assert ArticlePage.objects.filter(title__contains="(corrected)").count() == 0


def test_an_exception_while_importing_one_item_rolls_back_only_that_item(section, monkeypatch):
    original = importer._Importer.ensure_redirect

    def flaky(self, item, page):
        if item.position == 4:
            raise RuntimeError("disk on fire")
        return original(self, item, page)

    monkeypatch.setattr(importer._Importer, "ensure_redirect", flaky)
    report = import_feed(RSS, section=section)
    assert (report.created, report.failed) == (3, 2)
    assert (4, "RuntimeError: disk on fire") in report.failures
    assert not ArticlePage.objects.filter(source_guid=CHECKPOINTS).exists()
    assert not Author.objects.filter(name="Tarik Odum").exists()
    # The READ MORE pointing at the failed item stays an external link.
    internal = [b.value for b in latest(HARBOUR).body if b.block_type == "read_more"][0]
    assert internal["page"] is None and internal["url"].endswith("talks-stall-over-checkpoints/")

    # The next run imports it and links the READ MORE to it.
    monkeypatch.setattr(importer._Importer, "ensure_redirect", original)
    report = import_feed(RSS, section=section)
    assert (report.created, report.failed) == (1, 1)
    internal = [b.value for b in latest(HARBOUR).body if b.block_type == "read_more"][0]
    assert internal["page"].pk == page(CHECKPOINTS).pk


# --- HTML details ---------------------------------------------------------------------------


def test_html_to_blocks_awkward_shapes():
    base = "https://courier.example.org/2024/01/01/story/"
    # Plain text with blank lines, and <br><br> separated text.
    assert [b["value"] for b in html_to_blocks("First.\n\nSecond.", base_url=base)] == [
        "<p>First.</p>",
        "<p>Second.</p>",
    ]
    assert [b["value"] for b in html_to_blocks("A<br>b<br><br>C", base_url=base)] == [
        "<p>A<br>b</p>",
        "<p>C</p>",
    ]
    # READ MORE variants: any case, with or without a colon.
    blocks = html_to_blocks(
        '<p>Read more <a href="/x">X</a></p><p>READ MORE:<a href="https://a.example/y">Y</a></p>'
        '<p>Read more about <a href="https://a.example/z">the talks</a> here.</p>',
        base_url=base,
    )
    assert [b["type"] for b in blocks] == ["read_more", "read_more", "paragraph"]
    assert blocks[0]["value"]["url"] == "https://courier.example.org/x"
    # Lists are kept; unknown tags stripped; empty paragraphs dropped.
    assert html_to_blocks(
        "<ul><li>a <u>b</u></li></ul><p> </p><div><p>c</p></div>", base_url=None
    ) == [
        {"type": "paragraph", "value": "<ul><li>a b</li></ul>"},
        {"type": "paragraph", "value": "<p>c</p>"},
    ]


def test_double_escaped_description_is_markup(section, tmp_path):
    feed = tmp_path / "double.xml"
    feed.write_text(
        rss(
            "<item><title>Escaped twice</title><link>https://courier.example.org/d</link>"
            "<description>&amp;lt;p&amp;gt;Envoys &amp;lt;b&amp;gt;met&amp;lt;/b&amp;gt;."
            "&amp;lt;/p&amp;gt;</description></item>"
        )
    )
    import_feed(feed, section=section)
    article = ArticlePage.objects.get().get_latest_revision_as_object()
    assert article.body[0].value.source == "<p>Envoys <b>met</b>.</p>"
    assert article.lead == "Envoys met."


# --- scale and progress ---------------------------------------------------------------------


def test_progress_is_reported(section):
    calls = []
    import_feed(RSS, section=section, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (6, 6)
    assert calls == sorted(calls)


def test_no_progress_bar_when_not_a_terminal(section, capsys):
    run(RSS)
    assert "[#" not in capsys.readouterr().err


def test_a_thousand_item_feed(section, tmp_path):
    feed = write_big_feed(tmp_path / "big.xml", 1000)
    started = time.monotonic()
    report = import_feed(feed, section=section, publish=True)
    elapsed = time.monotonic() - started
    print(f"\nimported 1,000 items in {elapsed:.1f}s")
    assert (report.created, report.failed) == (1000, 0), report.failures[:3]
    assert ArticlePage.objects.child_of(section).live().count() == 1000
    assert Redirect.objects.count() == 1000
    story = latest("big-3")
    (link,) = [b.value for b in story.body if b.block_type == "read_more"]
    assert link["page"].pk == page("big-10").pk  # a target later in the file


def test_a_published_import_purges_the_page_cache_once(
    section, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """Per-story purges (each also purging home, section, topics, feeds) are replaced by
    one whole-site purge at the end, and readers of cached pages then see the new stories."""
    from django.test import Client
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    settings.PAGE_CACHE_ENABLED = True
    home = section.get_parent()
    assert Client().get(home.url)["X-Page-Cache"] == "miss"
    assert Client().get(home.url)["X-Page-Cache"] == "hit"
    purged = []
    real_purge = PurgeBatch.purge
    monkeypatch.setattr(
        PurgeBatch,
        "purge",
        lambda batch, **kw: (purged.append(list(batch.urls)), real_purge(batch)),
    )
    with django_capture_on_commit_callbacks(execute=True):  # the purge waits for the commit
        report = import_feed(RSS, section=section, publish=True)
    assert report.created > 1
    assert purged == [[home.get_site().root_url + "/*"]]
    fresh = Client().get(home.url)
    assert fresh["X-Page-Cache"] == "miss"
    assert page(HARBOUR).title in fresh.content.decode()


def test_a_dry_run_purges_nothing(section, monkeypatch):
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    purged = []
    monkeypatch.setattr(PurgeBatch, "purge", lambda batch, **kw: purged.append(batch.urls))
    import_feed(RSS, section=section, publish=True, dry_run=True)
    assert purged == []
