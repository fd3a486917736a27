"""The Commenter data page: export or erase everything stored about one email address."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import datarights

PERMISSION = "safety.manage_commenter_data"


def can_manage(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


class CommenterDataForm(forms.Form):
    email = forms.EmailField(label="Commenter's email address")
    action = forms.ChoiceField(choices=[("export", "Export"), ("erase", "Erase")])
    confirm = forms.BooleanField(
        required=False,
        label="I understand that erasing cannot be undone",
    )
    delete_published = forms.BooleanField(
        required=False, label="Delete published comments too (instead of removing the name)"
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == "erase" and not data.get("confirm"):
            self.add_error("confirm", "Tick this box to erase.")
        return data


class CommenterDataView(WagtailAdminTemplateMixin, FormView):
    template_name = "safety/admin/commenter_data.html"
    form_class = CommenterDataForm
    page_title = "Commenter data"
    header_icon = "user"
    _show_breadcrumbs = True

    def dispatch(self, request, *args, **kwargs):
        if not can_manage(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": "Commenter data"}]

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        user = self.request.user
        if form.cleaned_data["action"] == "export":
            data = datarights.commenter_export(email=email, user=user, via="admin")
            response = HttpResponse(
                json.dumps(data, ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="commenter-data.json"'
            response["Cache-Control"] = "no-store"
            return response
        summary = datarights.commenter_erase(
            email=email,
            user=user,
            via="admin",
            delete_published=form.cleaned_data["delete_published"],
        )
        messages.success(
            self.request,
            f"Erased: {summary['deleted']} comment(s) deleted, "
            f"{summary['anonymised']} published comment(s) anonymised.",
        )
        return redirect(reverse("safety_commenter_data"))
