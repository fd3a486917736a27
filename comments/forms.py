"""The reader's forms: a comment or reply (fields, honeypot, signed start time, CAPTCHA, the
opt-in to emails) and a report."""

import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .captcha import SingleUseCaptchaField
from .models import CommentReport
from .sanitizer import one_line

STARTED_SALT = "comments.form-started"
REPORT_DETAILS_LENGTH = 300


def sign_started_at(timestamp: float) -> str:
    return signing.dumps(round(timestamp, 3), salt=STARTED_SALT, compress=True)


def read_started_at(value: str) -> float | None:
    try:
        return float(signing.loads(value, salt=STARTED_SALT, max_age=24 * 3600))
    except (signing.BadSignature, TypeError, ValueError):
        return None


class CommentTextField(forms.CharField):
    """A line break is one character, as the reader's counter shows it: browsers send a
    textarea's line breaks as CRLF, which would count twice against the limit."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


class CommentForm(forms.Form):
    author_name = forms.CharField(
        label=_("Name"),
        max_length=80,
        error_messages={"required": _("Please give a name to show with your comment.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    author_email = forms.EmailField(
        label=_("Email (optional, never shown)"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = CommentTextField(
        label=_("Comment"),
        max_length=settings.COMMENTS_MAX_LENGTH,
        strip=True,
        error_messages={
            "required": _("Please write a comment."),
            "max_length": _(
                "Comments can be at most %(limit_value)d characters (this one has %(show_value)d)."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    notify = forms.BooleanField(
        label=_("Email me when my comment is published or someone replies"), required=False
    )
    # Honeypot: hidden from people, irresistible to form-filling bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    token = forms.UUIDField(required=False, widget=forms.HiddenInput)
    # The comment answered, for a reply (checked against the story's visible comments).
    reply_to = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    captcha = SingleUseCaptchaField(label=_("Enter the characters shown in the image"))

    field_order = [
        "author_name",
        "author_email",
        "notify",
        "body",
        "website",
        "started",
        "token",
        "reply_to",
        "captcha",
    ]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("notify")
            and not cleaned.get("author_email")
            and not self.has_error("author_email")
        ):
            self.add_error(
                "author_email",
                _("Please give your email address to be told when your comment is published."),
            )
        return cleaned

    def clean_author_name(self):
        # A name is one line shown next to other text: no line breaks, bidi or control characters.
        name = one_line(self.cleaned_data["author_name"])
        if not name:
            raise forms.ValidationError(
                self.fields["author_name"].error_messages["required"], code="required"
            )
        return name

    def clean_token(self):
        return self.cleaned_data.get("token") or uuid.uuid4()

    def started_at(self) -> float | None:
        return read_started_at(self.data.get("started", ""))


class ReportForm(forms.Form):
    """A reader's report: a reason, a few words for "Other", and the signed start time
    comments.js fetched (no CAPTCHA: a rate limit per address instead)."""

    reason = forms.ChoiceField(
        label=_("Why are you reporting this comment?"),
        choices=CommentReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose a reason.")},
    )
    details = forms.CharField(
        label=_("Tell us more (needed for “Other”)"),
        required=False,
        max_length=REPORT_DETAILS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _(
                "Please keep it to %(limit_value)d characters (this has %(show_value)d)."
            )
        },
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_details(self):
        return one_line(self.cleaned_data["details"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == CommentReport.Reason.OTHER and not cleaned.get("details"):
            self.add_error("details", _("Please say in a few words what is wrong."))
        if read_started_at(self.data.get("started", "")) is None:
            raise forms.ValidationError(
                _("This form has expired. Please reload the page and report the comment again."),
                code="expired",
            )
        return cleaned
