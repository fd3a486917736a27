"""Writes with rules for the page tree."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from .models import HomePage

# What Wagtail's installer (and an older ensure_home_page) named the default site.
BOOTSTRAP_SITE = ("localhost", 80)


def site_address() -> tuple[str, int]:
    """Hostname and port for the default Site: PUBLIC_BASE_URL, else WAGTAILADMIN_BASE_URL
    (http://127.0.0.1:8000 in development, where `make run` serves)."""
    parts = urlsplit(settings.PUBLIC_BASE_URL or settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


def ensure_home_page() -> HomePage:
    """Make a HomePage the root of the default site, replacing Wagtail's welcome page.

    The default site gets the configured public address, so the links pages, feeds and
    sitemaps print (built from the Site, never from the Host header) work as printed. A site
    still at the installer's localhost:80 is moved there too; any other address an operator
    set is left alone.
    """
    hostname, port = site_address()
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is not None:
        Site.objects.filter(
            is_default_site=True, hostname=BOOTSTRAP_SITE[0], port=BOOTSTRAP_SITE[1]
        ).exclude(hostname=hostname, port=port).update(hostname=hostname, port=port)
        return home
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title=settings.WAGTAIL_SITE_NAME, slug="newsroom", live=True)
    )
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    else:
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        if (site.hostname, site.port) == BOOTSTRAP_SITE:
            site.hostname, site.port = hostname, port
        site.save()
    # Wagtail's installer leaves a plain "Welcome" page; it has no place in the tree rules.
    if old_root is not None and old_root.specific_class is Page and not old_root.get_children():
        old_root.delete()
    return home
