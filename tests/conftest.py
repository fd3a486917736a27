"""Shared fixtures: a site with a home page, a section and article builders."""

import pytest
from django.db import connection

from articles.services import ensure_home_page
from tests.factories import ArticlePageFactory, SectionPageFactory


@pytest.fixture
def home(db):
    return ensure_home_page()


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Diplomacy", slug="diplomacy")


@pytest.fixture
def make_article(section):
    def make(**kwargs):
        kwargs.setdefault("parent", section)
        return ArticlePageFactory(**kwargs)

    return make


@pytest.fixture
def article(make_article):
    return make_article(title="Ceasefire talks resume in the capital", slug="ceasefire-talks")


@pytest.fixture
def on_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
