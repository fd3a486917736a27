"""Shared fixtures: a site with a home page, a section and article builders."""

import base64
import json

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import connection
from django.utils import translation

from articles.services import ensure_home_page
from tests.factories import ArticlePageFactory, SectionPageFactory

SERIALIZED: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """pytest-django's database set-up, keeping a copy of the migrated data (see e2e)."""
    from django.db import connections

    SERIALIZED["default"] = getattr(connections["default"], "_test_serialized_contents", "")


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
def moderator(db):
    """A member of the Comment moderators group (made by comments' data migration)."""
    user = User.objects.create_user("moder", "moder@example.org", "pw")
    user.groups.add(Group.objects.get(name="Comment moderators"))
    return user


@pytest.fixture
def page_cache_on(settings):
    """The anonymous page cache, which the test settings switch off (tests write without
    committing, so purges only run through the commit fixture below)."""
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what is scheduled for after the commit (purges, emails), as a real transaction
    would: ``with commit(): ...``."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def on_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture(autouse=True)
def _site_language():
    """Every test starts in the site's language: a request to /ar/ leaves its language active
    in the thread (LocaleMiddleware activates, nothing deactivates), which the next test's
    strings would otherwise be translated into."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    # Flood limits live in the cache; every test starts with a clean slate.
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


def solve_pow(client) -> str:
    """Solve a proof-of-work challenge as static/js/pow.js does (the altcha field's value)."""
    import altcha

    challenge = client.get("/safety/pow/challenge/").json()
    solution = altcha.solve_challenge(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    return base64.b64encode(json.dumps({**challenge, "number": solution.number}).encode()).decode()


def solve_challenge(client) -> dict:
    """Fetch a challenge as a reader's browser would, and read its answer from the database;
    and solve the proof of work, as the browser does in the background."""
    from captcha.models import CaptchaStore

    data = client.get("/comments/challenge/").json()
    answer = CaptchaStore.objects.get(hashkey=data["key"]).response
    return {
        "captcha_0": data["key"],
        "captcha_1": answer,
        "started": data["started"],
        "token": data["token"],
        "csrfmiddlewaretoken": data["csrf_token"],
        "altcha": solve_pow(client),
    }


@pytest.fixture
def comment_post(client):
    """POST a comment with a solved CAPTCHA; returns the response."""

    def post(article, *, using=None, remote_addr="203.0.113.5", **fields):
        browser = using or client
        data = {"author_name": "Amal", "author_email": "", "body": "A fair summary.", "website": ""}
        data.update(solve_challenge(browser))
        data.update(fields)
        return browser.post(f"/comments/{article.pk}/", data, REMOTE_ADDR=remote_addr)

    return post
