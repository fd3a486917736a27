"""Template context every page gets from the bottom layer: the site's name."""

from django.conf import settings


def site(request) -> dict:
    # WAGTAIL_SITE_NAME, not a literal in templates: one place to rename the publication.
    return {"site_name": settings.WAGTAIL_SITE_NAME}
