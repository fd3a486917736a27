"""Bulk actions of the moderation queue: approve, reject (with a reason) or mark the selected
comments as spam."""

from django import forms
from django.core.exceptions import ValidationError
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .. import hooks, services
from ..models import Comment
from . import can_moderate
from .reasons import WORDS_MAX_LENGTH, Reason, ReasonRefused, reason_from


class RejectReasonForm(forms.Form):
    """A listed reason (when the apps above offer some) and the moderator's words."""

    reason_code = forms.CharField(label="Reason", required=False)
    reason = forms.CharField(
        label="In your words (required for “Other”)",
        required=False,
        max_length=WORDS_MAX_LENGTH,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = hooks.rejection_reasons()
        if self.choices:
            self.fields["reason_code"].widget = forms.Select(
                choices=[("", "Choose a reason…")] + [(c.code, c.label) for c in self.choices]
            )
        else:
            del self.fields["reason_code"]
            self.fields["reason"].label = "Reason"
        self.reason: Reason | None = None

    def clean(self):
        cleaned = super().clean()
        try:
            self.reason = reason_from(cleaned, self.choices)
        except ReasonRefused as refused:
            raise ValidationError(refused.message) from refused
        return cleaned


class ModerationBulkAction(SnippetBulkAction):
    models = [Comment]
    template_name = "comments/admin/confirm_bulk_moderation.html"
    service = None
    verb = ""

    def check_perm(self, obj):
        return can_moderate(self.request.user)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        view = kwargs.get("self")
        if view is not None:
            user = view.request.user  # the moderator, in the audit trail and on the comment
        reason = getattr(getattr(view, "cleaned_form", None), "reason", None) or Reason(text="")
        changed = sum(
            bool(
                cls.service(comment=c, moderator=user, reason=reason.text, reason_code=reason.code)
            )
            for c in objects
        )
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
    form_class = RejectReasonForm


class SpamBulkAction(ModerationBulkAction):
    display_name = "Mark as spam"
    action_type = "spam"
    aria_label = "Mark selected comments as spam"
    action_priority = 25
    service = staticmethod(services.comment_mark_spam)
    verb = "marked as spam"
