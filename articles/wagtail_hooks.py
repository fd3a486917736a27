"""Admin registration for article snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Author, Person


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role", "slug"]
    search_fields = ["name", "role"]


register_snippet(AuthorViewSet)


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "openquote"
    menu_label = "People"
    menu_order = 211
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation"]
    search_fields = ["name", "role", "organisation"]
    search_backend_name = None


register_snippet(PersonViewSet)
