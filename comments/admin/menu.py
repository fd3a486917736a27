"""The admin menu item of the queue: "Comments" and a badge with the pending count."""

from wagtail.admin.menu import MenuItem

from ..selectors import pending_count
from . import can_moderate


class PendingCommentsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)

    def render_component(self, request):
        # The label stays "Comments" (a count in it was cut off: "Comments (4 pend…"); the
        # badge is drawn from data-count by comments-admin.css and said by the aria-label.
        pending = pending_count()
        self.label = "Comments"
        self.attrs = (
            {"aria-label": f"Comments, {pending} pending", "data-count": str(pending)}
            if pending
            else {}
        )
        return super().render_component(request)
