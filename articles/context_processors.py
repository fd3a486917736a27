"""Template context shared by every public page: the section navigation."""

from .models import SectionPage


def navigation(request):
    def sections():
        return SectionPage.objects.live().public().in_menu().order_by("path")

    # Evaluated lazily by templates that render the navigation; admin pages never pay for it.
    return {"nav_sections": sections}
