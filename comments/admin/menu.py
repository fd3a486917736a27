"""The admin menu item of the queue: "Comments" and a badge with what waits for a moderator."""

from wagtail.admin.menu import MenuItem

from ..selectors import pending_count, reported_count
from . import can_moderate


class PendingCommentsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)

    def render_component(self, request):
        # The label stays "Comments" (a count in it was cut off: "Comments (4 pend…"); the
        # badge is drawn from data-count by comments-admin.css and said by the aria-label.
        pending, reported = pending_count(), reported_count()
        said = [f"{pending} pending"] if pending else []
        if reported:
            said.append(f"{reported} reported")
        self.label = "Comments"
        self.attrs = (
            {"aria-label": ", ".join(["Comments", *said]), "data-count": str(pending + reported)}
            if said
            else {}
        )
        return super().render_component(request)
