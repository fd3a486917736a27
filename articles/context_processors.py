"""Template context shared by every public page: the section navigation."""

from wagtail.models import Locale

from .models import SectionPage


def navigation(request):
    def sections():
        return (
            SectionPage.objects.live()
            .public()
            .in_menu()
            .filter(locale=Locale.get_active())
            .order_by("path")
        )

    # Evaluated lazily by templates that render the navigation; admin pages never pay for it.
    return {"nav_sections": sections}
