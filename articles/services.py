"""Writes with rules for the page tree."""

from wagtail.models import Locale, Page, Site

from .models import HomePage


def ensure_home_page() -> HomePage:
    """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Newsroom", slug="newsroom", live=True))
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Newsroom",
        )
    else:
        site.root_page = home
        site.site_name = "Newsroom"
        site.save()
    # Wagtail's installer leaves a plain "Welcome" page; it has no place in the tree rules.
    if old_root is not None and old_root.specific_class is Page and not old_root.get_children():
        old_root.delete()
    return home
