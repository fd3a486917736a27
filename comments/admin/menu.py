"""The admin menu item of the queue, with the pending count."""

from wagtail.admin.menu import MenuItem

from ..selectors import pending_count
from . import can_moderate


class PendingCommentsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)

    def render_component(self, request):
        pending = pending_count()
        self.label = f"Comments ({pending} pending)" if pending else "Comments"
        return super().render_component(request)
