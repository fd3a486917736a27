"""Safety in the Wagtail admin: Bans and Rejection reasons, the Commenter data page, the
moderation dashboard (home panel and Reports page), safety's part in the moderation queue
(admin/queue.py: reasons, ban links, the spam score's note), and the audit log's action names."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import pipeline  # noqa: F401  (registers safety's hooks for the comment pipeline)
from .admin import commenter_data, dashboard
from .admin import queue as queue  # registers safety's hooks for the moderation queue
from .admin.bans import BanViewSet
from .models import RejectionReason


class RejectionReasonViewSet(SnippetViewSet):
    model = RejectionReason
    icon = "list-ul"
    menu_label = "Rejection reasons"
    menu_name = "rejection-reasons"
    sort_order_field = "sort_order"
    list_display = [
        Column("label", label="Reason"),
        Column("reader_text_en", label="The reader reads"),
        BooleanColumn("needs_detail", label="Asks for words"),
        BooleanColumn("active", label="Offered"),
    ]
    panels = [
        FieldPanel("label"),
        FieldPanel("slug"),
        FieldPanel("reader_text_en"),
        FieldPanel("reader_text_es"),
        FieldPanel("reader_text_ar"),
        FieldPanel("needs_detail"),
        FieldPanel("active"),
    ]


class SafetyViewSetGroup(SnippetViewSetGroup):
    items = (BanViewSet, RejectionReasonViewSet)
    menu_label = "Safety"
    menu_icon = "warning"
    menu_name = "safety"
    menu_order = 206


register_snippet(SafetyViewSetGroup)


@hooks.register("register_admin_urls")
def safety_admin_urls():
    return [
        path(
            "safety/moderation/",
            dashboard.ModerationReportView.as_view(),
            name="safety_moderation_report",
        ),
        path(
            "safety/commenter-data/",
            commenter_data.CommenterDataView.as_view(),
            name="safety_commenter_data",
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


@hooks.register("register_reports_menu_item")
def moderation_report_menu_item():
    return PermissionMenuItem(
        "Moderation",
        reverse("safety_moderation_report"),
        icon_name="comment",
        order=150,
        allowed=dashboard.can_see,
    )


@hooks.register("register_settings_menu_item")
def commenter_data_menu_item():
    return PermissionMenuItem(
        "Commenter data",
        reverse("safety_commenter_data"),
        icon_name="user",
        order=650,
        allowed=commenter_data.can_manage,
    )


@hooks.register("construct_homepage_panels")
def moderation_panel(request, panels):
    if dashboard.can_see(request.user):
        panels.append(dashboard.ModerationPanel())


@hooks.register("register_log_actions")
def register_safety_log_actions(actions):
    actions.register_action("safety.ban.lift", "Lift ban", "Ban lifted")
    actions.register_action("safety.email_confirmed", "Confirm email", "Commenter email confirmed")
    actions.register_action(
        "safety.commenter_export", "Export commenter data", "Commenter data exported"
    )
    actions.register_action(
        "safety.commenter_erase", "Erase commenter data", "Commenter data erased"
    )
