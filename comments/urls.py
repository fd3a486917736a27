"""Public comment endpoints."""

from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("challenge/", views.challenge, name="challenge"),
    path("<int:article_id>/", views.post_comment, name="post"),
]
