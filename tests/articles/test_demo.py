"""The demo loader builds a realistic site and is safe to run twice."""

import io

import pytest
from django.core.management import call_command
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
