"""Reader-facing comment views: the no-store CAPTCHA challenge and tokens, the comment or
reply POST (and its no-script form), reports, and the one-click unsubscribe.

Nothing here is cached (PAGE_CACHE_EXCLUDE_PATHS and never_cache): every answer holds this
reader's tokens or their own words. The URLs have no language prefix, so each view answers in
the story's language (or, for the unsubscribe page, the language of the email)."""

import time
import uuid

from captcha.helpers import captcha_audio_url, captcha_image_url
from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from articles.models import ArticlePage
from core.http import client_ip

from . import hooks, moderation, notifications, selectors, services
from .captcha import new_challenge
from .forms import CommentForm, ReportForm, sign_started_at
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


@never_cache
@require_GET
def tokens(request):
    """The CSRF token and signed start time of a report, for a reader on a cached page (no
    CAPTCHA: reports are rate-limited per address instead)."""
    return JsonResponse({"csrf_token": get_token(request), "started": sign_started_at(time.time())})


def _render_article(request, article, form, *, status: int, error: str = "", reply_target=None):
    context = article.get_context(request)
    context.update(
        comment_form=form,
        comment_error=error,
        challenge=challenge_context(request),
        reply_target=reply_target,
    )
    # never_cache on the calling view marks this no-store: it holds this reader's tokens.
    response = TemplateResponse(request, article.get_template(request), context, status=status)
    return response.render()  # now, in the story's language (see post_comment)


# Ids in URLs past what a database integer holds are not found (SQLite raised OverflowError).
MAX_ID = 2**63 - 1


def _article(article_id: int) -> ArticlePage:
    if article_id > MAX_ID:
        raise Http404
    return get_object_or_404(ArticlePage.objects.live().public(), pk=article_id)


def _done(article, published: bool, awaiting_confirmation: bool = False) -> HttpResponseRedirect:
    state = "confirm" if awaiting_confirmation else "published" if published else "pending"
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
        # Without script, "Reply" links here: the story with the form answering that comment.
        target = selectors.reply_target(article, request.GET.get("reply_to"))
        form = CommentForm(initial={"reply_to": target.pk} if target else None)
        return _render_article(request, article, form, status=200, reply_target=target)

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
        return _done(
            article,
            existing.status == Comment.Status.APPROVED,
            existing.status == Comment.Status.UNCONFIRMED,
        )

    form = CommentForm(request.POST)
    target = selectors.reply_target(article, request.POST.get("reply_to"))
    if not form.is_valid():
        return _render_article(request, article, form, status=400, reply_target=target)
    data = form.cleaned_data
    if data["reply_to"] and target is None:
        # Answering a comment that is no longer shown: keep the text, offer a new comment.
        kept = request.POST.copy()
        kept["reply_to"] = ""
        gone = services.ReplyTargetGone().message
        return _render_article(request, article, CommentForm(kept), status=400, error=gone)
    refusal = hooks.check_submission(request.POST)
    if refusal:
        # The second gate (safety: proof of work) refused, as a wrong CAPTCHA is: text kept.
        return _render_article(
            request, article, form, status=400, error=refusal, reply_target=target
        )
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
            reply_to=target,
            notify=data["notify"],
        )
    except services.CommentRefused as refused:
        return _render_article(
            request,
            article,
            form,
            status=refused.status,
            error=refused.message,
            reply_target=target,
        )
    return _done(article, result.published, result.awaiting_confirmation)


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


# -- Reports ----------------------------------------------------------------------------------


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("accept", "")


@never_cache
@require_http_methods(["GET", "POST"])
def report(request, comment_id: int):
    """Report a published comment: the dialog posts here with script (JSON answers), and
    without script this is its page. Comments not shown to readers are not found."""
    if comment_id > MAX_ID:
        raise Http404
    comment = Comment.objects.visible().filter(pk=comment_id).first()
    if comment is None:
        raise Http404
    comment.article = _article(comment.article_id)  # live and public, or not found
    with translation.override(comment.article.locale.language_code):
        return _report(request, comment)


def _report(request, comment):
    context = {
        "comment": comment,
        "article": comment.article,
        "back_url": f"{comment.article.url}?comment={comment.pk}#comment-{comment.pk}",
        "started": sign_started_at(time.time()),
    }
    if request.method == "GET":
        form = ReportForm(auto_id="report-%s")
        return render(request, "comments/report_page.html", {**context, "form": form})
    form = ReportForm(request.POST, auto_id="report-%s")
    status, message = 400, ""
    if form.is_valid():
        try:
            services.report_submit(
                comment=comment,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
                ip_address=client_ip(request.META),
            )
        except services.CommentRefused as refused:
            status, message = refused.status, refused.message
        else:
            # The same thanks whether this reader had reported it before or not.
            status = 200
            message = gettext("Thank you. The moderators will look at this comment.")
    if _wants_json(request):
        errors = {name: " ".join(errors) for name, errors in form.errors.items()}
        return JsonResponse(
            {"ok": status == 200, "message": message, "errors": errors}, status=status
        )
    return render(
        request,
        "comments/report_page.html",
        {**context, "form": form, "message": message, "done": status == 200},
        status=status,
    )


# -- Unsubscribe ------------------------------------------------------------------------------


@never_cache
@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" with no cookie
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """Stop the emails to one address. The link opens a page with one button (mail scanners
    follow links, so a GET changes nothing); mail clients' one-click POST acts at once. The
    signed token is the only key: it names one address and can do nothing else."""
    data = notifications.read_unsubscribe_token(token)
    language = data.get("l") if data else None
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        if data is None:
            return render(request, "comments/unsubscribe.html", {"invalid": True}, status=400)
        done = False
        if request.method == "POST":
            services.notifications_stop(email=data["e"])
            done = True
        return render(request, "comments/unsubscribe.html", {"done": done})
