"""Reader-facing safety URLs (confirmation links are translated: under /es/, /ar/)."""

from django.urls import path

from . import views

app_name = "safety"

urlpatterns = [
    path("confirm/<str:token>/", views.confirm_email, name="confirm"),
    path("pow/challenge/", views.pow_challenge, name="pow-challenge"),
]
