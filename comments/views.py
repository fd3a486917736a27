"""Reader-facing comment views: the no-store CAPTCHA challenge and the comment POST."""

import time
import uuid

from captcha.helpers import captcha_audio_url, captcha_image_url
from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from articles.models import ArticlePage
from core.http import client_ip

from . import moderation, services
from .captcha import new_challenge
from .forms import CommentForm, sign_started_at
from .models import Comment


def challenge_context(request) -> dict:
    key = new_challenge()
    return {
        "key": key,
        "image_url": captcha_image_url(key),
        "audio_url": captcha_audio_url(key) if settings.CAPTCHA_FLITE_PATH else None,
        "started": sign_started_at(time.time()),
        "csrf_token": get_token(request),
        "token": str(uuid.uuid4()),
    }


@never_cache
@require_GET
def challenge(request):
    """A fresh CAPTCHA (and CSRF token) for each reader, even when the article is cached."""
    return JsonResponse(challenge_context(request))


def _render_article(request, article, form, *, status: int, error: str = ""):
    context = article.get_context(request)
    context.update(
        comment_form=form,
        comment_error=error,
        challenge=challenge_context(request),
    )
    # never_cache on the calling view marks this no-store: it holds this reader's tokens.
    response = TemplateResponse(request, article.get_template(request), context, status=status)
    return response.render()  # now, in the story's language (see post_comment)


def _article(article_id: int) -> ArticlePage:
    return get_object_or_404(ArticlePage.objects.live().public(), pk=article_id)


def _done(article, published: bool) -> HttpResponseRedirect:
    state = "published" if published else "pending"
    return HttpResponseRedirect(f"{article.url}?comment={state}#comments")


@never_cache
@require_http_methods(["GET", "POST"])
def post_comment(request, article_id: int):
    article = _article(article_id)
    # /comments/ has no language prefix: the story's language is the reader's.
    with translation.override(article.locale.language_code):
        return _post_comment(request, article)


def _post_comment(request, article):
    if _content_length(request) > settings.COMMENTS_MAX_REQUEST_BYTES:
        return HttpResponse(
            gettext(
                "Your comment is too large to send. Comments can be at most %(limit)d characters."
            )
            % {"limit": settings.COMMENTS_MAX_LENGTH},
            status=413,
            content_type="text/plain; charset=utf-8",
        )
    if request.method == "GET":
        return _render_article(request, article, CommentForm(), status=200)

    if not moderation.comments_open(article):
        return _render_article(
            request,
            article,
            CommentForm(request.POST),
            status=403,
            error=gettext("Comments are closed on this story."),
        )
    token = request.POST.get("token", "")
    existing = Comment.objects.filter(submission_token=token).first() if _is_uuid(token) else None
    if existing is not None and existing.article_id == article.pk:
        # The same form sent twice (double click, resubmission): the first one stands.
        return _done(article, existing.status == Comment.Status.APPROVED)

    form = CommentForm(request.POST)
    if not form.is_valid():
        return _render_article(request, article, form, status=400)
    data = form.cleaned_data
    try:
        result = services.comment_submit(
            article=article,
            author_name=data["author_name"],
            author_email=data["author_email"],
            body=data["body"],
            ip_address=client_ip(request.META),
            user_agent=request.headers.get("user-agent", ""),
            submission_token=data["token"],
            honeypot=data["website"],
            started_at=form.started_at(),
        )
    except services.CommentRefused as refused:
        return _render_article(request, article, form, status=refused.status, error=refused.message)
    return _done(article, result.published)


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:  # a malformed header is the client's problem, not a 500
        return 0


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
