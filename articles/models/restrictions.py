"""View restrictions (Privacy) remembered per page, and private pages kept out of shared caches."""

from django.utils.cache import patch_cache_control
from wagtail.models import PageViewRestriction

from pagecache import versioned


class CachedViewRestrictions:
    """Wagtail checks a page's view restrictions (two queries: ancestors, restrictions) every
    time it serves it; remember which apply. The reader cache forgets on any change to a
    page, a move or a restriction, so a new restriction applies at once.

    A page with a restriction (its own or an ancestor's) is private: a reader who got past it
    (password or sign-in) is answered with ``Cache-Control: private``, so neither the page
    cache nor Varnish nor a CDN ever stores it."""

    def _restriction_ids(self) -> list[int]:
        wagtails = super().get_view_restrictions

        def compute():
            return list(wagtails().values_list("pk", flat=True))

        return versioned.cached(f"restrictions:{self.pk}", compute)

    def get_view_restrictions(self):
        ids = self._restriction_ids()
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)

    @property
    def is_private(self) -> bool:
        """True when a view restriction covers this page (no query once cached)."""
        return bool(self._restriction_ids())

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.is_private:
            patch_cache_control(response, private=True, no_cache=True)
        return response
