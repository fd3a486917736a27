"""A Spanish page speaks Spanish: READ MORE links to the Spanish version of a story when there
is one, topics by their Spanish names, every language version in the sitemap with hreflang
alternates, and a story without a translation says so in the language switcher."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from taggit.models import Tag
from wagtail.models import Locale

from articles.models import ArticlePage, TopicTranslation

pytestmark = pytest.mark.django_db


def translate(page, code, **fields):
    locale = Locale.objects.get(language_code=code)
    translated = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def read_more(page):
    return json.dumps([{"type": "read_more", "value": {"page": page.pk, "url": "", "title": ""}}])


@pytest.fixture
def stories(make_article):
    target = make_article(title="Ceasefire holds", slug="ceasefire-holds")
    lonely = make_article(title="Monitors deploy", slug="monitors-deploy")
    story = make_article(title="Envoy arrives", slug="envoy-arrives")
    story.body = json.dumps(json.loads(read_more(target)) + json.loads(read_more(lonely)))
    story.topics.add("ceasefire", "mediation")
    story.save_revision().publish()
    target_es = translate(target, "es", title="El alto el fuego se mantiene")
    # Translated after its target, as an editor would: its body still names the English pages.
    story_es = translate(story, "es", title="Llega la enviada")
    return {"target": target, "target_es": target_es, "lonely": lonely, "story": story,
            "story_es": story_es}  # fmt: skip


def read_more_links(html):
    return re.findall(r'<p class="read-more">.*?</p>', html, re.S)


def test_read_more_points_at_the_translation_in_the_readers_language(client, stories):
    html = client.get(stories["story_es"].url).content.decode()
    translated, lonely = read_more_links(html)
    assert "LEER MÁS:" in translated
    assert f'<a href="{stories["target_es"].url}">El alto el fuego se mantiene</a>' in translated
    # No Spanish version: the English story, marked as English for readers and screen readers.
    assert f'href="{stories["lonely"].url}" hreflang="en" lang="en">Monitors deploy</a>' in lonely
    assert "(Inglés)" in lonely
    english = client.get(stories["story"].url).content.decode()
    assert f'<a href="{stories["target"].url}">Ceasefire holds</a>' in read_more_links(english)[0]


def test_topics_show_by_their_name_in_the_pages_language(client, stories):
    ceasefire = Tag.objects.get(name="ceasefire")
    es = Locale.objects.get(language_code="es")
    TopicTranslation.objects.create(topic=ceasefire, locale=es, name="alto el fuego")

    def topics(url):
        html = client.get(url).content.decode()
        found = re.search(r'<ul class="topics">(.*?)</ul>', html, re.S)
        return re.findall(r'<a href="([^"]+)">([^<]+)</a>', found.group(1)) if found else []

    assert topics(stories["story"].url) == [
        ("/topics/ceasefire/", "ceasefire"),
        ("/topics/mediation/", "mediation"),
    ]
    # Spanish: the named topic in Spanish; the one with no Spanish name is left out.
    assert topics(stories["story_es"].url) == [("/es/topics/ceasefire/", "alto el fuego")]
    page = client.get("/es/topics/ceasefire/").content.decode()
    assert "<h1>alto el fuego</h1>" in page
    TopicTranslation.objects.create(
        topic=Tag.objects.get(name="mediation"), locale=es, name="mediación"
    )
    assert ("/es/topics/mediation/", "mediación") in topics(stories["story_es"].url)


NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_every_language_version_has_its_sitemap_entry_with_hreflang_alternates(client, stories):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {
        re.sub(r"^https?://[^/]+", "", url.find("s:loc", NS).text): {
            link.get("hreflang"): re.sub(r"^https?://[^/]+", "", link.get("href"))
            for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }
    english, spanish = stories["story"].url, stories["story_es"].url
    versions = {"en": english, "es": spanish, "x-default": english}
    assert entries[english] == versions
    assert entries[spanish] == versions
    assert entries[stories["target_es"].url]["es"] == stories["target_es"].url
    assert entries[stories["lonely"].url] == {}  # one language: nothing to alternate with
    assert "/es/" in entries  # the Spanish front page and section too
    assert entries["/"]["es"] == "/es/"


def test_a_story_without_translation_says_so_in_the_language_switcher(client, stories):
    switcher = language_switcher(client.get(stories["lonely"].url).content.decode())
    assert "This story has not been translated." in switcher
    # What is offered is the other languages' front pages, named as such in each language.
    assert re.search(r'<a href="/es/" hreflang="es" lang="es">Portada en español</a>', switcher)
    assert 'href="/ar/" hreflang="ar" lang="ar"' in switcher
    translated = language_switcher(client.get(stories["story"].url).content.decode())
    assert "not been translated" not in translated
    assert f'href="{stories["story_es"].url}" hreflang="es"' in translated


def language_switcher(html):
    return html.split('class="language-switcher"')[1].split("</nav>")[0]


def test_translated_stories_keep_their_own_kind(client, stories):
    stories["story"].kind = ArticlePage.Kind.OPINION
    stories["story"].save_revision().publish()
    spanish = translate(stories["lonely"], "es", title="Despliegan", kind="opinion")
    assert (
        '<p class="card__kind">Opinión</p>' in client.get(spanish.get_parent().url).content.decode()
    )
