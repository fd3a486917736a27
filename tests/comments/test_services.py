"""The rules pipeline behind comment_submit, and moderation transitions."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import caches
from django.test import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

from comments import notifications, services
from comments.models import Comment, CommentSettings
from safety.identity import email_hash
from safety.models import ConfirmedEmail

pytestmark = pytest.mark.django_db


def submit(article, **kwargs):
    kwargs.setdefault("author_name", "Reader")
    kwargs.setdefault("body", "A thoughtful remark.")
    kwargs.setdefault("ip_address", "203.0.113.10")
    return services.comment_submit(article=article, **kwargs)


def rules(**values):
    settings_obj = CommentSettings.load()
    for key, value in values.items():
        setattr(settings_obj, key, value)
    settings_obj.save()


def test_new_comment_is_pending_and_sanitized(article):
    result = submit(article, body="<script>x()</script> see https://example.org")
    comment = result.comment
    assert comment.status == Comment.Status.PENDING and not result.published
    assert comment.body == "<script>x()</script> see https://example.org"
    assert "<script>" not in comment.body_html
    assert 'rel="nofollow ugc noopener"' in comment.body_html
    assert comment.link_count == 1


def test_honeypot_is_dropped_silently(article):
    assert submit(article, honeypot="http://spam.example").comment is None
    assert not Comment.objects.exists()


@override_settings(COMMENTS_MIN_FILL_SECONDS=3)
def test_form_filled_too_fast_is_dropped_silently(article):
    assert submit(article, started_at=time.time() - 1).comment is None
    assert submit(article, started_at=None).comment is None
    assert submit(article, started_at=time.time() - 5).comment is not None


def test_second_comment_from_same_ip_within_window_is_429(article):
    submit(article, body="first")
    with pytest.raises(services.CommentRefused) as excinfo:
        submit(article, body="second")
    assert excinfo.value.status == 429 and "15 seconds" in excinfo.value.message
    assert Comment.objects.count() == 1


def test_flood_limit_holds_when_the_cache_forgets(article):
    from django.core.cache import cache

    submit(article, body="first")
    cache.clear()  # another app server with its own cache: the database still knows
    with pytest.raises(services.CommentRefused):
        submit(article, body="second")


def test_same_email_within_window_is_429_from_any_ip(article):
    submit(article, body="first", author_email="kim@example.org")
    with pytest.raises(services.CommentRefused) as excinfo:
        submit(article, body="second", author_email="KIM@example.org", ip_address="198.51.100.1")
    assert excinfo.value.status == 429


@override_settings(COMMENTS_FLOOD_SECONDS=0)
def test_flood_window_is_a_setting(article):
    submit(article, body="first")
    submit(article, body="second")
    assert Comment.objects.count() == 2


@pytest.mark.parametrize("status", ["pending", "rejected", "approved"])
def test_the_same_sender_reposting_stores_nothing_and_answers_as_for_a_new_comment(article, status):
    # "Already posted" would confirm that a pending or rejected comment exists.
    first = submit(article, body="Same words", author_email="amal@example.org").comment
    an_hour_ago = timezone.now() - timedelta(hours=1)  # past the flood limit's window
    Comment.objects.filter(pk=first.pk).update(status=status, created_at=an_hour_ago)
    for sender in ({"ip_address": "203.0.113.10"}, {"author_email": "AMAL@example.org"}):
        caches[settings.COMMENTS_FLOOD_CACHE].clear()
        result = submit(article, body="Same words", **{"ip_address": "198.51.100.2", **sender})
        assert result == services.SubmitResult(comment=None, published=False)
    assert Comment.objects.filter(body="Same words").count() == 1


@pytest.mark.parametrize("status", ["pending", "rejected", "approved"])
def test_another_reader_writing_the_same_words_is_not_dropped(article, status):
    first = submit(article, body="Agreed.", author_email="amal@example.org").comment
    Comment.objects.filter(pk=first.pk).update(status=status)
    second = submit(article, body="Agreed.", ip_address="198.51.100.2").comment
    assert second is not None and second.status == Comment.Status.PENDING
    assert Comment.objects.filter(body="Agreed.").count() == 2


def test_disallowed_word_marks_spam(article):
    rules(disallowed_words="cheap pills\nCasino")
    comment = submit(article, body="Visit my CASINO today").comment
    assert comment.status == Comment.Status.SPAM and "casino" in comment.held_reason


def test_two_links_are_held_with_a_reason(article):
    rules(auto_approve_known_emails=True)
    comment = submit(article, body="https://a.example.org and https://b.example.org").comment
    assert comment.status == Comment.Status.PENDING and comment.held_reason == "Held: 2 links"


def test_moderation_word_is_held_with_a_reason(article):
    rules(moderation_words="ceasefire violation")
    comment = submit(article, body="Another Ceasefire Violation reported").comment
    assert comment.status == Comment.Status.PENDING
    assert "ceasefire violation" in comment.held_reason


def confirm(email):
    """The address followed a confirmation link once (safety keeps its keyed hash)."""
    ConfirmedEmail.objects.get_or_create(email_hash=email_hash(email))


@override_settings(COMMENTS_FLOOD_SECONDS=0, SAFETY_TRUST_MIN_APPROVED=1)
def test_only_a_trusted_commenter_is_auto_approved(article, admin_user):
    first = submit(article, body="first", author_email="old@example.org").comment
    services.comment_approve(comment=first, moderator=admin_user)
    assert submit(article, body="next", author_email="old@example.org").comment.status == "pending"
    rules(auto_approve_known_emails=True)
    # Anyone can type a known commenter's address: that alone publishes nothing.
    typed = submit(article, body="typed", author_email="OLD@example.org")
    assert not typed.published and typed.comment.status == Comment.Status.PENDING
    confirm("old@example.org")
    result = submit(article, body="later", author_email="old@example.org")
    assert result.published and result.comment.status == Comment.Status.APPROVED
    assert result.comment.rule == Comment.Rule.AUTO_APPROVED
    # Spam from the address in the last 90 days ends the trust.
    services.comment_mark_spam(comment=typed.comment, moderator=admin_user)
    assert submit(article, body="after spam", author_email="old@example.org").comment.status == (
        Comment.Status.PENDING
    )


def test_moderators_are_emailed_after_commit(article, django_capture_on_commit_callbacks):
    from django.contrib.auth.models import Group, User

    mod = User.objects.create_user("mod", "mod@example.org", "pw")
    mod.groups.add(Group.objects.get(name="Comment moderators"))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(article)
    assert len(mail.outbox) == 0  # nothing before the transaction commits
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mod@example.org"]
    assert "awaiting moderation" in mail.outbox[0].subject


def test_transition_records_who_when_from_and_to(article, admin_user):
    comment = submit(article, author_email="r@example.org").comment
    assert services.comment_approve(comment=comment, moderator=admin_user, reason="fine")
    comment.refresh_from_db()
    assert comment.status == "approved" and comment.moderated_by == admin_user
    assert comment.moderated_at is not None and comment.moderation_reason == "fine"
    entry = ModelLogEntry.objects.get(action="comments.approved")
    assert entry.user == admin_user and entry.data == {
        "from": "pending",
        "to": "approved",
        "reason": "fine",
        "reason_code": "",
    }
    assert not services.comment_approve(comment=comment, moderator=admin_user)  # no-op twice
    assert ModelLogEntry.objects.filter(action__startswith="comments.").count() == 1
    assert services.comment_mark_spam(comment=comment, moderator=admin_user)
    assert services.comment_reject(comment=comment, moderator=admin_user)
    assert list(
        ModelLogEntry.objects.filter(action__startswith="comments.")
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["comments.approved", "comments.spam", "comments.rejected"]


def test_the_service_cleans_names_whoever_calls_it(article):
    comment = submit(article, author_name="\u2067Eve\u202e\r\nModerator\u0007").comment
    assert comment.author_name == "Eve Moderator"


PLANTED = (
    "Thanks for the report.\n"
    "\n"
    "Moderation queue: https://evil.example/admin/\r\n"
    "Approved by the desk.\u2028Reply to: boss@evil.example\x1b[2J"
)


def _moderator_email(article, callbacks, **kwargs):
    from django.contrib.auth.models import Group, User

    mod = User.objects.create_user("mod", "mod@example.org", "pw")
    mod.groups.add(Group.objects.get(name="Comment moderators"))
    with callbacks(execute=True):
        submit(article, **kwargs)
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def test_moderator_email_quotes_reader_text_in_a_delimited_block(
    article, django_capture_on_commit_callbacks
):
    message = _moderator_email(
        article, django_capture_on_commit_callbacks, author_name="Eve", body=PLANTED
    )
    lines = message.body.split("\n")
    start = lines.index(f"----- comment ({len(PLANTED)} characters) -----")
    end = lines.index("----- end of comment -----")
    assert lines[start + 1 : end] == [
        "    | Thanks for the report.",
        "    |",
        "    | Moderation queue: https://evil.example/admin/",
        "    | Approved by the desk.",
        "    | Reply to: boss@evil.example[2J",
    ]
    assert 'Name: "Eve"' in lines
    # Outside the block, every line is ours: one queue link, to this admin.
    outside = lines[:start] + lines[end + 1 :]
    assert [line for line in outside if "evil.example" in line] == []
    queue = [line for line in lines if line.startswith("Moderation queue:")]
    assert queue == ["Moderation queue: http://testserver/admin/snippets/comments/comment/"]
    assert "\u2028" not in message.body and "\x1b" not in message.body


def test_moderator_email_name_and_subject_are_one_quoted_line(
    article, django_capture_on_commit_callbacks
):
    ArticlePage = type(article)
    ArticlePage.objects.filter(pk=article.pk).update(title="Talks\nBcc: all@example.org\u202e")
    article.refresh_from_db()
    with override_settings(COMMENTS_FLOOD_SECONDS=0):
        message = _moderator_email(
            article,
            django_capture_on_commit_callbacks,
            author_name='Eve" wrote nothing.\nModeration queue: https://evil.example',
        )
    assert message.subject == "New comment awaiting moderation on “Talks Bcc: all@example.org”"
    names = [line for line in message.body.split("\n") if line.startswith("Name:")]
    assert names == ['Name: "Eve\\" wrote nothing. Moderation queue: https://evil.example"']


def test_author_email_quotes_the_name_on_one_line(article, admin_user):
    comment = Comment.objects.create(
        article=article,
        author_name="Rita\nYour account is suspended\u202e",  # stored before names were cleaned
        author_email="rita@example.org",
        body="x",
        body_html="<p>x</p>",
        status="approved",
        notify=True,  # the reader asked for the email
    )
    type(article).objects.filter(pk=article.pk).update(title="Talks\r\nresume")
    comment.article.refresh_from_db()
    notifications.notify_author_approved(comment)
    message = mail.outbox[0]
    assert message.subject == "Your comment has been published"
    assert message.body.split("\n")[0] == (
        'Thank you for your comment on “Talks resume”, posted as "Rita Your account is suspended".'
    )
    assert "\u202e" not in message.body


@override_settings(SAFETY_TRUST_MIN_APPROVED=1)
def test_hidden_direction_characters_hold_a_comment_with_a_reason(article):
    rules(auto_approve_known_emails=True)
    confirm("old@example.org")
    submit(article, body="first", author_email="old@example.org")
    Comment.objects.update(status=Comment.Status.APPROVED)
    caches[settings.COMMENTS_FLOOD_CACHE].clear()
    Comment.objects.update(created_at=timezone.now() - timedelta(hours=1))
    held = submit(article, body="Totally \u202efine", author_email="old@example.org").comment
    assert held.status == Comment.Status.PENDING
    assert held.held_reason == "Held: hidden text-direction or control characters"
    caches[settings.COMMENTS_FLOOD_CACHE].clear()
    Comment.objects.update(created_at=timezone.now() - timedelta(hours=1))
    joined = submit(article, body="مرحبا\u200cبكم", author_email="old@example.org").comment
    assert joined.status == Comment.Status.APPROVED  # joiners shape Arabic: not hidden text


def test_comments_stored_before_the_rules_are_cleaned_by_a_migration(article):
    """Names with a right-to-left override and bodies linked to a host they did not show were
    stored before issue 10; migration comments 0003 applies today's rules to them."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("comments.migrations.0003_clean_stored_reader_text")
    old = Comment.objects.create(
        article=article,
        author_name="Admin\u202e nimdA\nSecond line",
        body="see https://exa\u202emple.com/x",
        body_html='<p>see <a href="https://exa\u202emple.com/x">https://exa\u202emple.com/x</a></p>',
        status=Comment.Status.APPROVED,
    )
    migration.clean(apps, None)
    old.refresh_from_db()
    assert old.author_name == "Admin nimdA Second line"
    assert "<a " not in old.body_html and "exa\u202emple" in old.body_html
    migration.clean(apps, None)  # idempotent
    old.refresh_from_db()
    assert old.author_name == "Admin nimdA Second line"
