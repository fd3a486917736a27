"""Desk rules Wagtail's page permissions do not express: what users without page rights may see
of the page tree, and which pages a user who cannot publish may delete or move."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.models import Page, PagePermissionTester, WorkflowState


def has_page_rights(user) -> bool:
    """False for admin users with no right on any page (comment moderators): Wagtail's explorer
    and page search are closed to them; only the page chooser is open."""
    return user_has_any_page_permission(user)


def visible_pages(user, pages):
    """The pages of a queryset a user may see in the page chooser: all of them with page rights;
    without, only what a reader sees (live and public), never a draft's title or edit link."""
    if has_page_rights(user):
        return pages
    return pages.live().public()


def may_see_page(user, page) -> bool:
    return has_page_rights(user) or visible_pages(user, Page.objects.filter(pk=page.pk)).exists()


def desk_forbids_removal(user, page) -> bool:
    """True when the desk forbids this user to delete (or move) the page.

    Wagtail lets anyone with "change" but not "publish" delete any unpublished page. On this
    desk a user who cannot publish (a reporter) deletes or moves only drafts they own that are
    not in moderation; editors and superusers keep Wagtail's own rules. Moving counts as
    deleting, as it does in Wagtail (PagePermissionTester.can_move)."""
    if not user.is_active or user.is_superuser:
        return False
    if PagePermissionTester(user, page).can_publish():
        return False
    in_moderation = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return (
        page.get_descendants(inclusive=True)
        .filter(Q(live=True) | ~Q(owner=user) | Exists(in_moderation))
        .exists()
    )


class DeskPagePermissionTester(PagePermissionTester):
    """Wagtail's permission tester with the desk's removal rule. Every admin view, menu and
    bulk action asks the page's tester (Page.permissions_for_user), so Delete and Move are
    neither offered nor allowed anywhere to a user the desk forbids them."""

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk) and not desk_forbids_removal(self.user, self.page)


class DeskPermissions:
    """Page mixin: the desk's permission tester for every page type of the site."""

    def permissions_for_user(self, user):
        return DeskPagePermissionTester(user, self)
