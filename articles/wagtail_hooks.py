"""Admin registration for article snippets, and the desk's page rules in Wagtail's admin."""

from django.http import Http404
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.views.chooser import page_models_from_string
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Author, Person, TopicTranslation
from .permissions import has_page_rights, may_see_page, visible_pages
from .purging import urls_for_page


class NameColumnMixin:
    """Wagtail's chooser heads its one column "Title"; people have names."""

    @property
    def title_column(self):
        column = super().title_column
        column.label = "Name"
        return column


class NameChooseView(NameColumnMixin, ChooseView):
    pass


class NameChooseResultsView(NameColumnMixin, ChooseResultsView):
    pass


class NameChooserViewSet(SnippetChooserViewSet):
    choose_view_class = NameChooseView
    choose_results_view_class = NameChooseResultsView


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    list_display = ["name", "role", "slug"]
    search_fields = ["name", "role"]
    chooser_viewset_class = NameChooserViewSet


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "openquote"
    menu_label = "People"
    list_display = ["name", "role", "organisation"]
    search_fields = ["name", "role", "organisation"]
    search_backend_name = None
    chooser_viewset_class = NameChooserViewSet


class TopicTranslationViewSet(SnippetViewSet):
    """Topics in other languages: a Spanish or Arabic page lists a topic only once it has a
    name in that language here."""

    model = TopicTranslation
    icon = "tag"
    menu_label = "Topic names"
    menu_order = 220
    add_to_admin_menu = False
    list_display = ["topic", "locale", "name"]
    list_filter = ["locale"]
    search_fields = ["name", "topic__name"]
    search_backend_name = None


class PeopleViewSetGroup(SnippetViewSetGroup):
    """Bylines and quoted people under one admin menu: both are people the stories name."""

    items = (AuthorViewSet, PersonViewSet)
    menu_icon = "group"
    menu_label = "People"
    menu_name = "people"
    menu_order = 210


register_snippet(PeopleViewSetGroup)
register_snippet(TopicTranslationViewSet)


@hooks.register("insert_editor_js")
def quote_block_editor_js():
    """Folds a quote's free-text speaker fields while a person is chosen (QuoteBlock)."""
    return format_html('<script src="{}"></script>', static("js/admin/quote_block.js"))


# --- What users without page rights (comment moderators) see of the page tree -------------
# Wagtail's explorer, page search and admin API already show them nothing (they need a page
# right). The page chooser, which the moderation queue's Article filter opens, is open to every
# admin user: narrow it to live, public pages.


@hooks.register("construct_page_chooser_queryset")
def chooser_shows_live_pages_to_users_without_page_rights(pages, request):
    if has_page_rights(request.user):
        return pages
    match = request.resolver_match
    if match and match.url_name in ("wagtailadmin_choose_page", "wagtailadmin_choose_page_child"):
        # Browsing lists the children passed here, under the parent page the view loaded
        # itself: refuse to show a parent the user may not see.
        parent_id = match.kwargs.get("parent_page_id")
        if parent_id is not None:
            parent = Page.objects.filter(pk=parent_id).first()
        else:
            parent = _default_browse_parent(request)
        if parent is None or not may_see_page(request.user, parent):
            raise Http404
    return visible_pages(request.user, pages)


def _default_browse_parent(request):
    """The page Wagtail's browse view opens at when no parent is given (see BrowseView.get)."""
    classes = page_models_from_string(request.GET.get("page_type") or "wagtailcore.page")
    if classes == (Page,):
        return Page.get_first_root_node()
    return Page.objects.all().type(*classes).first_common_ancestor()


# Deleting and moving (reporters: only their own drafts, out of moderation) is decided by the
# pages' permission tester, articles.permissions.DeskPagePermissionTester, which Wagtail asks in
# every view, menu and bulk action.


# The page cache asks what shows a page of ours (neighbours, topic listings, feeds...) when it
# purges (pagecache.purge.batch_for_page).
hooks.register("pagecache_urls_for_page", urls_for_page)
