"""Template context shared by every public page: the section navigation."""

from django.utils.translation import get_language
from wagtail.models import Locale

from pagecache import versioned

from .models import SectionPage


def navigation(request):
    def sections():
        def compute():
            return list(
                SectionPage.objects.live()
                .public()
                .in_menu()
                .filter(locale=Locale.get_active())
                .order_by("path")
            )

        # Cached until the next page change (pagecache.versioned).
        return versioned.cached(f"nav:{get_language()}", compute)

    # Evaluated lazily by templates that render the navigation; admin pages never pay for it.
    return {"nav_sections": sections}
