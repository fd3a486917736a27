"""Public comment endpoints (never cached: see PAGE_CACHE_EXCLUDE_PATHS)."""

from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("challenge/", views.challenge, name="challenge"),
    path("tokens/", views.tokens, name="tokens"),
    path("<int:article_id>/", views.post_comment, name="post"),
    path("report/<int:comment_id>/", views.report, name="report"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
