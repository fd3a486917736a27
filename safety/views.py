"""Reader-facing safety endpoints: the confirmation link's page, and proof-of-work challenges."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from . import confirmation, pow, services


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_email(request, token: str):
    """GET shows a button (mail scanners fetch links and must not spend them); POST confirms."""
    state = "ask"
    status = 200
    article = None
    try:
        article = confirmation.check_token(token).comment.article
        if request.method == "POST":
            article = services.email_confirm(token=token).article
            state = "done"
    except confirmation.LinkExpired:
        state, status = "expired", 410
    except confirmation.LinkInvalid:
        state, status = "invalid", 404
    context = {"state": state, "token": token}
    if article is not None and state in ("ask", "done"):
        # The story's title in its own direction inside the sentence (an English title in
        # Arabic text would otherwise pull the quotation marks around).
        context["article"] = article
        context["article_title"] = format_html("<bdi>{}</bdi>", article.title)
    return TemplateResponse(request, "safety/confirm_email.html", context, status=status)


@never_cache
@require_GET
def pow_challenge(request):
    """A fresh, signed proof-of-work challenge (ALTCHA format) for each reader."""
    return JsonResponse(pow.new_challenge())
