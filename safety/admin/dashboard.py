"""The moderation dashboard: a panel on the admin home page and a page under Reports."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import chart, dashboard

PERMISSION = "comments.moderate_comment"


def can_see(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def _context(stats: dashboard.Stats) -> dict:
    total = stats.total or 1
    return {
        "stats": stats,
        "chart": chart.stacked_bars(stats.days, stats.per_day),
        "rules": [
            {"key": key, "label": label, "count": n, "share": round(100 * n / total, 1)}
            for key, label, n in stats.rules
        ],
        "rows": [
            {
                "day": day,
                "counts": [stats.per_day[day][key] for key, _, _ in chart.SERIES],
                "total": sum(stats.per_day[day].values()),
            }
            for day in stats.days
        ],
        "series": chart.SERIES,
        "totals": [stats.totals[key] for key, _, _ in chart.SERIES],
        "legend": [(label, stats.totals[key]) for key, label, _ in chart.SERIES],
        "report_url": reverse("safety_moderation_report"),
        "min_per_class": settings.SAFETY_SCORE_MIN_PER_CLASS,
    }


class ModerationPanel(Component):
    name = "moderation"
    order = 120
    template_name = "safety/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return _context(dashboard.cached_stats())


class ModerationReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "safety/admin/moderation_report.html"
    page_title = "Moderation"
    header_icon = "comment"
    _show_breadcrumbs = True

    def dispatch(self, request, *args, **kwargs):
        if not can_see(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": "Moderation"}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(_context(dashboard.moderation_stats()))
        return context
