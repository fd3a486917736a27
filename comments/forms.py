"""The reader's comment form: fields, honeypot, signed start time and the CAPTCHA."""

import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .captcha import SingleUseCaptchaField
from .sanitizer import one_line

STARTED_SALT = "comments.form-started"


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
    # Honeypot: hidden from people, irresistible to form-filling bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    token = forms.UUIDField(required=False, widget=forms.HiddenInput)
    captcha = SingleUseCaptchaField(label=_("Enter the characters shown in the image"))

    field_order = ["author_name", "author_email", "body", "website", "started", "token", "captcha"]

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
