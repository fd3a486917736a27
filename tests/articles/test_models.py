"""Page tree rules, publication and updated dates, validation of the main image."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page

from articles.models import ArticlePage, HomePage, SectionPage

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    assert HomePage.max_count == 1
    assert HomePage.allowed_parent_page_models() == [Page]
    assert HomePage.allowed_subpage_models() == [SectionPage]
    assert SectionPage.allowed_parent_page_models() == [HomePage]
    assert SectionPage.allowed_subpage_models() == [ArticlePage]
    assert ArticlePage.allowed_parent_page_models() == [SectionPage]
    assert ArticlePage.allowed_subpage_models() == []


def test_article_cannot_live_outside_a_section(home, section):
    assert not ArticlePage.can_create_at(home)
    assert ArticlePage.can_create_at(section)
    assert not HomePage.can_create_at(Page.get_first_root_node())  # one already exists


def test_publication_date_defaults_to_first_publication(section):
    page = section.add_child(
        instance=ArticlePage(
            title="Envoy lands", slug="envoy-lands", lead="An envoy arrived.", live=False
        )
    )
    assert page.publication_date is None
    before = timezone.now()
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.publication_date is not None
    assert before <= page.publication_date <= timezone.now()
    assert page.publication_date == page.first_published_at


def test_editor_set_publication_date_is_kept(section):
    when = datetime(2016, 9, 21, 9, 30, tzinfo=UTC)
    page = section.add_child(
        instance=ArticlePage(
            title="Talks", slug="talks", lead="Lead.", publication_date=when, live=False
        )
    )
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.publication_date == when


def test_main_image_needs_alt_text(make_article):
    page = make_article()
    page.main_image_alt = "  "
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    assert "main_image_alt" in excinfo.value.message_dict
    page.main_image = None
    page.full_clean()  # no image, no alt text needed


def test_updated_date_cannot_precede_publication(make_article):
    page = make_article(publication_date=datetime(2016, 9, 21, tzinfo=UTC))
    page.updated_date = datetime(2016, 9, 20, tzinfo=UTC)
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    assert "updated_date" in excinfo.value.message_dict


def test_search_finds_articles_by_lead_and_body(make_article):
    make_article(title="Harbour talks", lead="Fishermen and navies share the strait.")
    make_article(title="Grain vote", lead="A sanctions package reaches the floor.")
    results = ArticlePage.objects.live().search("sanctions")
    assert [p.title for p in results] == ["Grain vote"]
