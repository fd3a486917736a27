"""Reasons on decisions: an editable list, and the reader's statement in their language."""

import pytest
from django.contrib.auth.models import Group

from safety.models import RejectionReason
from safety.reasons import decision_statement
from safety.selectors import rejection_reasons

pytestmark = pytest.mark.django_db


def test_the_default_list():
    assert [r.slug for r in rejection_reasons()] == [
        "off-topic",
        "abuse",
        "personal-data",
        "spam",
        "illegal",
        "other",
    ]
    assert [r.slug for r in rejection_reasons() if r.needs_detail] == ["other"]
    for reason in rejection_reasons():
        assert reason.reader_text_es and reason.reader_text_ar


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Your comment on “Talks” was not published.", "Reason: It insults"]),
        ("es", ["Su comentario en «Talks» no se ha publicado.", "Motivo: Insulta"]),
        ("ar", ["لم يُنشر تعليقك على «Talks».", "السبب: يتضمن إهانة"]),
    ],
)
def test_statement_in_the_readers_language(language, expected):
    reason = RejectionReason.objects.get(slug="abuse")
    text = decision_statement(
        decision="rejected", story_title="Talks", reason=reason, language=language
    )
    for part in expected:
        assert part in text
    assert text.count("\n") == 3


def test_other_carries_the_moderators_words_and_automated_decisions_say_so():
    other = RejectionReason.objects.get(slug="other")
    text = decision_statement(
        decision="rejected", story_title="T", reason=other, detail=" Repeated twice. "
    )
    assert "The moderator added: Repeated twice." in text
    assert "taken by a moderator" in text
    spam = decision_statement(decision="spam", story_title="T", automated=True, language="xx")
    assert "identified as spam" in spam and "automatically" in spam


def test_approved_statement():
    assert decision_statement(decision="approved", story_title="T", language="es") == (
        "Su comentario en «T» se ha publicado."
    )


def test_moderators_edit_the_list_in_the_admin(client, django_user_model):
    moderator = django_user_model.objects.create_user("m", "m@example.org", "pw")
    moderator.groups.add(Group.objects.get(name="Comment moderators"))
    client.force_login(moderator)
    reason = RejectionReason.objects.get(slug="off-topic")
    url = f"/admin/snippets/safety/rejectionreason/edit/{reason.pk}/"
    assert client.get("/admin/snippets/safety/rejectionreason/").status_code == 200
    response = client.post(
        url,
        {
            "label": "Off-topic",
            "slug": "off-topic",
            "reader_text_en": "It wandered away from the story.",
            "reader_text_es": "",
            "reader_text_ar": "",
            "active": "on",
        },
    )
    assert response.status_code == 302
    text = decision_statement(
        decision="rejected",
        story_title="T",
        reason=RejectionReason.objects.get(pk=reason.pk),
        language="es",
    )
    # No Spanish wording any more: the English one stands in.
    assert "It wandered away from the story." in text


def test_the_moderation_queue_offers_the_active_reasons_through_the_hook():
    from comments import hooks

    RejectionReason.objects.filter(slug="spam").update(active=False)
    offered = hooks.rejection_reasons()
    assert [c.code for c in offered] == ["off-topic", "abuse", "personal-data", "illegal", "other"]
    assert [c.code for c in offered if c.needs_detail] == ["other"]
    assert offered[0].label == "Off-topic"
