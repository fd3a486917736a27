"""The demo loader builds a realistic site and is safe to run twice."""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from articles.demo.images import make_demo_image
from articles.models import ArticlePage, Author, HomePage, SectionPage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "articles": ArticlePage.objects.live().filter(locale__language_code="en").count(),
        "sections": SectionPage.objects.live().count(),
        "authors": Author.objects.count(),
        "images": get_image_model().objects.count(),
        "revisions": sum(p.revisions.count() for p in Page.objects.all()),
    }


def test_load_demo_is_idempotent(capsys):
    call_command("load_demo")
    first = counts()
    assert "Demo content created" in capsys.readouterr().out
    call_command("load_demo")
    assert "nothing to add" in capsys.readouterr().out
    assert counts() == first
    assert first["articles"] >= 12 and first["sections"] >= 3


def test_demo_site_is_complete(client):
    call_command("load_demo")
    home = HomePage.objects.get(locale__language_code="en")
    assert Site.objects.get(is_default_site=True).root_page.specific == home
    assert {h.locale.language_code for h in HomePage.objects.live()} == {"en", "es", "ar"}
    translated = ArticlePage.objects.live().exclude(locale__language_code="en")
    assert sorted(a.locale.language_code for a in translated) == ["ar", "es", "es"]
    for article in ArticlePage.objects.live():
        assert article.main_image and article.main_image_alt
        assert article.publication_date and article.authors.exists()
        kinds = [block.block_type for block in article.body]
        assert kinds.count("quote") >= 2 and "read_more" in kinds
        assert any(
            '<a href="http' in str(b.value) for b in article.body if b.block_type == "paragraph"
        )
    html = client.get("/").content.decode()
    english = ArticlePage.objects.live().filter(locale__language_code="en")
    linked = {a.url for a in english if a.url in html}
    assert len(linked) >= 12


def test_demo_images_are_drawn_the_same_every_time():
    first = make_demo_image("a-story", ["#2b3a4a", "#9fb3c8"])
    assert make_demo_image("a-story", ["#2b3a4a", "#9fb3c8"]) == first
    assert make_demo_image("another-story", ["#2b3a4a", "#9fb3c8"]) != first
    image = Image.open(io.BytesIO(first))
    assert (image.format, image.size) == ("JPEG", (1600, 900))


def test_a_fresh_demo_takes_comments_on_all_but_one_story_in_every_language(client):
    """Demo dates are ages counted from the day it is loaded, so a newcomer finds comments
    open whatever the date; one story is closed on purpose, to show what that looks like."""
    from comments.moderation import comments_open

    call_command("load_demo")
    live = ArticlePage.objects.live()
    closed = [a.slug for a in live if not comments_open(a)]
    assert closed == ["assembly-of-nations-opens-general-session"]
    assert not ArticlePage.objects.get(slug=closed[0], locale__language_code="en").comments_open
    for code in ("es", "ar"):
        assert all(comments_open(a) for a in live.filter(locale__language_code=code)), code
    newest = live.filter(locale__language_code="en").order_by("-publication_date").first()
    assert timezone.now() - newest.publication_date < timedelta(hours=24)
    # The top search match for "ceasefire" takes comments.
    html = client.get("/search/?q=ceasefire").content.decode()
    top = re.search(r'class="search-result">\s*<h2 class="card__title"><a href="([^"]+)"', html)
    slug = top.group(1).rstrip("/").rsplit("/", 1)[1]
    assert comments_open(live.get(slug=slug, locale__language_code="en"))
    # Its card says so; the closed one's says "Comments closed".
    front = client.get("/diplomacy/").content.decode()
    assert "Comments closed" in front and front.count("Comments closed") == 1


def test_opinion_pieces_of_the_demo_are_marked_as_such():
    call_command("load_demo")
    opinion = ArticlePage.objects.filter(locale__language_code="en", kind="opinion")
    assert sorted(a.get_parent().slug for a in opinion) == ["opinion"] * 3
