"""A missing page is the site's own 404 page, with DEBUG on too (unless a developer asks for
Django's technical page with DEBUG_TECHNICAL_404)."""

import pytest

pytestmark = pytest.mark.django_db

# A Wagtail path (the page walk raises Http404 in the view) and one no URL pattern matches.
MISSING = ["/no-such-story/", "/es/no-such-story/", "/no/such.txt"]


def technical(html: str) -> bool:
    return "URLconf" in html or "Django tried these URL patterns" in html


@pytest.mark.parametrize("path", MISSING)
def test_debug_shows_the_sites_own_404_page(client, home, settings, path):
    settings.DEBUG = True
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert not technical(html)
    assert 'class="site-header"' in html and "error-page" in html


def test_the_technical_404_page_is_one_setting_away(client, home, settings):
    settings.DEBUG = True
    settings.DEBUG_TECHNICAL_404 = True
    for path in MISSING:
        response = client.get(path)
        assert response.status_code == 404
        assert technical(response.content.decode()), path
