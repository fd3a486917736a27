"""The Bans list: a snippet viewset with filters, a default expiry, and a logged Lift action."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from comments.models import Comment
from comments.sanitizer import one_line

from .. import services
from ..models import Ban


class BanFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(choices=Ban.Kind.choices, empty_label="Any kind")
    state = django_filters.ChoiceFilter(
        label="State",
        choices=[("active", "Active"), ("expired", "Expired"), ("lifted", "Lifted")],
        empty_label="Any state",
        method="filter_state",
    )

    class Meta:
        model = Ban
        fields = ["kind", "state"]

    def filter_state(self, queryset, name, value):
        now = timezone.now()
        if value == "active":
            return queryset.filter(lifted_at__isnull=True).filter(
                Q(expires_at__isnull=True) | Q(expires_at__gt=now)
            )
        if value == "expired":
            return queryset.filter(lifted_at__isnull=True, expires_at__lte=now)
        if value == "lifted":
            return queryset.filter(lifted_at__isnull=False)
        return queryset


class BanCreateView(CreateView):
    """A new ban is the current user's, and lasts SAFETY_BAN_DEFAULT_DAYS unless changed.

    The single-comment page links here filled in: ?kind=email|domain|ip&value=…&comment=<id>
    (safety/admin/queue.py). Those are only initial values: the moderator checks them, and the
    model validates what is saved, as for any ban.

    Someone without the right gets a 403 page that says which right is missing (Wagtail's
    own answer, a redirect to the dashboard, loses the link they followed)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("safety.add_ban"):
            return TemplateResponse(
                request, "safety/admin/ban_forbidden.html", {"page_title": "Ban"}, status=403
            )
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        initial = {**super().get_initial(), "expires_at": services.default_ban_expiry()}
        kind = self.request.GET.get("kind", "")
        if kind in Ban.Kind.values:
            initial["kind"] = kind
            initial["value"] = self.request.GET.get("value", "").strip()[:254]
        comment = self._comment()
        if comment is not None:
            said = Truncator(one_line(comment.body)).chars(120)
            initial["reason"] = f"Comment #{comment.pk}: “{said}”"
        return initial

    def _comment(self) -> Comment | None:
        pk = self.request.GET.get("comment", "")
        if not pk.isdigit():
            return None
        return Comment.objects.filter(pk=pk).only("pk", "body").first()

    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class ExpiresColumn(Column):
    """The expiry as a date (Wagtail's DateColumn reads a future date as "Just now")."""

    def get_value(self, instance):
        if instance.expires_at is None:
            return "Until lifted"
        return date_format(timezone.localtime(instance.expires_at), "j M Y H:i")


class StateColumn(Column):
    cell_template_name = "safety/admin/ban_state_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["request"] = request
        context["csrf_token"] = get_token(request) if request else ""
        context["can_lift"] = bool(
            request and instance.is_active and request.user.has_perm("safety.change_ban")
        )
        return context


@require_POST
def lift(request, pk: int):
    if not request.user.has_perm("safety.change_ban"):
        raise PermissionDenied
    ban = get_object_or_404(Ban, pk=pk)
    if services.ban_lift(ban=ban, user=request.user):
        messages.success(request, f"Ban on {ban.value} lifted.")
    else:
        messages.info(request, f"The ban on {ban.value} was already lifted.")
    return redirect("wagtailsnippets_safety_ban:list")


class BanViewSet(SnippetViewSet):
    model = Ban
    icon = "lock"
    menu_label = "Bans"
    menu_name = "bans"
    add_view_class = BanCreateView
    filterset_class = BanFilterSet
    search_fields = ["value", "reason"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-created_at"]
    inspect_view_enabled = True
    panels = [
        FieldPanel("kind"),
        FieldPanel("value"),
        FieldPanel("reason"),
        FieldPanel("expires_at"),
    ]
    list_display = [
        Column("value", label="Banned"),
        Column("kind", label="Kind", accessor="get_kind_display"),
        Column("reason", label="Reason"),
        DateColumn("created_at", label="Since"),
        Column("created_by", label="By"),
        ExpiresColumn("expires_at", label="Expires"),
        StateColumn("state", label="State"),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("lift/<int:pk>/", lift, name="lift")]
