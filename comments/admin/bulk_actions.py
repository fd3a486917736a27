"""Bulk actions of the moderation queue: approve, reject or mark the selected comments as spam."""

from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .. import services
from ..models import Comment
from . import can_moderate


class ModerationBulkAction(SnippetBulkAction):
    models = [Comment]
    template_name = "comments/admin/confirm_bulk_moderation.html"
    service = None
    verb = ""

    def check_perm(self, obj):
        return can_moderate(self.request.user)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = sum(bool(cls.service(comment=c, moderator=user)) for c in objects)
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} comment(s) {self.verb}."


class ApproveBulkAction(ModerationBulkAction):
    display_name = "Approve"
    action_type = "approve"
    aria_label = "Approve selected comments"
    action_priority = 10
    service = staticmethod(services.comment_approve)
    verb = "approved"


class RejectBulkAction(ModerationBulkAction):
    display_name = "Reject"
    action_type = "reject"
    aria_label = "Reject selected comments"
    action_priority = 20
    service = staticmethod(services.comment_reject)
    verb = "rejected"


class SpamBulkAction(ModerationBulkAction):
    display_name = "Mark as spam"
    action_type = "spam"
    aria_label = "Mark selected comments as spam"
    action_priority = 25
    service = staticmethod(services.comment_mark_spam)
    verb = "marked as spam"
