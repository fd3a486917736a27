"""English, Spanish and Arabic: translated interface, RTL, translations and hreflang."""

import re

import pytest
from django.core.management import call_command

from articles.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo")


def test_spanish_article_page_speaks_spanish(client, demo):
    article = ArticlePage.objects.live().filter(locale__language_code="es").first()
    assert article.url.startswith("/es/")
    html = client.get(article.url).content.decode()
    assert '<html lang="es" dir="ltr">' in html
    assert "Fecha de publicación" in html
    assert "LEER MÁS:" in html
    assert "Add new comment" not in html and ">Published<" not in html
    month = re.search(r'<time class="published"[^>]*>([^<]+)</time>', html).group(1)
    assert any(
        m in month
        for m in (
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        )
    )


def test_arabic_pages_are_right_to_left(client, demo):
    article = ArticlePage.objects.live().get(locale__language_code="ar")
    for url in ("/ar/", article.url):
        html = client.get(url).content.decode()
        assert '<html lang="ar" dir="rtl">' in html, url
    assert "تاريخ النشر" in client.get(article.url).content.decode()


def test_translations_carry_hreflang_and_a_language_switcher(client, demo):
    spanish = ArticlePage.objects.live().filter(locale__language_code="es").first()
    english = spanish.get_translation(
        ArticlePage.objects.filter(locale__language_code="en").first().locale
    )
    html = client.get(english.url).content.decode()
    assert f'<link rel="alternate" hreflang="es" href="http://testserver{spanish.url}">' in html
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{english.url}">' in html
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert f'href="{spanish.url}" hreflang="es"' in switcher and "español" in switcher
    spanish_html = client.get(spanish.url).content.decode()
    assert f'href="{english.url}" hreflang="en"' in spanish_html


def test_spanish_listings_show_only_spanish_stories(client, demo):
    html = client.get("/es/").content.decode()
    spanish = {a.url for a in ArticlePage.objects.live().filter(locale__language_code="es")}
    linked = set(re.findall(r'href="(/es/[^"]+/[^"]+/)"', html))
    assert spanish <= linked
    assert not re.search(r'class="card__title[^"]*"><a href="/(?!es/)', html)
    assert "Diplomacia" in html


def test_catalogues_are_complete_and_compiled():
    import gettext
    from pathlib import Path

    from django.conf import settings

    for code in ("es", "ar"):
        po = Path(settings.BASE_DIR, "locale", code, "LC_MESSAGES", "django.po")
        text = po.read_text()
        body = text.split("\n\n", 1)[1]
        assert not re.search(r'^msgstr ""\n(?!")', body, re.M), f"untranslated entry in {code}"
        assert "#, fuzzy" not in body, f"fuzzy entry in {code}"
        with po.with_suffix(".mo").open("rb") as mo:
            catalog = gettext.GNUTranslations(mo)._catalog
        compiled = {k[0] if isinstance(k, tuple) else k for k in catalog} - {""}
        assert len(compiled) == len(re.findall(r"^msgid ", body, re.M)), f"{code}: recompile .mo"
