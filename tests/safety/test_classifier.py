"""The spam score: learned from moderators' decisions, absent until there are enough of them,
stored as data (no pickle), and good enough on a held-out split of a hand-written data set."""

import io
import time
from datetime import timedelta

import numpy as np
import pytest
from django.core.management import call_command
from django.test import override_settings

from comments.models import Comment
from safety import classifier, services
from safety.models import SpamClassifier
from tests.safety.conftest import labelled_comments

pytestmark = pytest.mark.django_db

# The floor a change to the features or the model must keep. Measured on this split: precision
# 1.00, recall 0.82; over eight random splits: precision 0.996, recall 0.88 (0.76 at worst).
PRECISION_FLOOR = 0.90
RECALL_FLOOR = 0.75


def _load_decisions(make_comment, rows):
    for row in rows:
        make_comment(
            status=Comment.Status.SPAM if row["spam"] else Comment.Status.APPROVED,
            name=row["name"],
            body=row["body"],
            decided_after=timedelta(minutes=5),
        )


def test_data_set_covers_three_languages_and_the_kinds_of_spam():
    rows = labelled_comments()
    assert len(rows) >= 290
    for lang in ("en", "es", "ar"):
        ham = [r for r in rows if r["lang"] == lang and not r["spam"]]
        spam = [r for r in rows if r["lang"] == lang and r["spam"]]
        assert len(ham) >= 50 and len(spam) >= 40, lang
    bodies = " ".join(r["body"].lower() for r in rows if r["spam"])
    for kind in ("http", "bitcoin", "seo", "casino", "replica", "whatsapp"):
        assert kind in bodies


def test_held_out_precision_and_recall_stay_above_the_floor():
    rows = labelled_comments()
    texts = [classifier.comment_text(name=r["name"], body=r["body"]) for r in rows]
    labels = [r["spam"] for r in rows]
    started = time.monotonic()
    evaluation = classifier.evaluate(texts, labels)
    elapsed = time.monotonic() - started
    print(
        f"spam score on {evaluation.test_size} held-out comments: "
        f"precision {evaluation.precision:.3f}, recall {evaluation.recall:.3f} ({elapsed:.1f} s)"
    )
    assert evaluation.test_size >= 70
    assert evaluation.precision >= PRECISION_FLOOR
    assert evaluation.recall >= RECALL_FLOOR


def test_each_language_is_learned():
    rows = labelled_comments()
    train = [r for i, r in enumerate(rows) if i % 4]
    test = [r for i, r in enumerate(rows) if not i % 4]
    model = classifier.fit(
        [classifier.comment_text(name=r["name"], body=r["body"]) for r in train],
        [r["spam"] for r in train],
    )
    for lang in ("en", "es", "ar"):
        part = [r for r in test if r["lang"] == lang]
        scores = model.scores(
            [classifier.comment_text(name=r["name"], body=r["body"]) for r in part]
        )
        right = sum((s >= 0.5) == bool(r["spam"]) for s, r in zip(scores, part, strict=True))
        assert right / len(part) >= 0.8, lang


def test_command_trains_on_approved_and_spam_only_and_scores(make_comment):
    rows = labelled_comments()
    _load_decisions(make_comment, rows)
    # Rejected for other reasons, and rule-made spam (no moderator), are left out.
    make_comment(status=Comment.Status.REJECTED, body="Off topic", decided_after=timedelta(1))
    make_comment(status=Comment.Status.SPAM, body="casino words from the rules")
    out = io.StringIO()
    call_command("train_comment_classifier", stdout=out)
    row = SpamClassifier.objects.get()
    assert row.ham_count == sum(1 for r in rows if not r["spam"])
    assert row.spam_count == sum(1 for r in rows if r["spam"])
    assert f"Spam score v{row.pk} trained" in out.getvalue()
    assert row.precision >= PRECISION_FLOOR and row.recall >= RECALL_FLOOR
    spam = classifier.score("Cheap replica watches, 80% off today http://replica-shop.example")
    ham = classifier.score("The envoy said the talks would resume in Geneva next week.")
    assert spam is not None and ham is not None
    assert 0 <= ham < 0.5 <= spam <= 1


def test_no_score_with_fewer_than_fifty_of_each(make_comment):
    rows = labelled_comments()
    ham = [r for r in rows if not r["spam"]][:80]
    spam = [r for r in rows if r["spam"]][:49]
    _load_decisions(make_comment, ham + spam)
    out = io.StringIO()
    call_command("train_comment_classifier", stdout=out)
    assert "80 approved and 49 spam" in out.getvalue()
    assert not SpamClassifier.objects.exists()
    assert classifier.score("Buy cheap followers now") is None


@override_settings(SAFETY_SCORE_MIN_PER_CLASS=10)
def test_weights_are_plain_arrays_and_versions_are_kept(make_comment):
    rows = labelled_comments()
    _load_decisions(make_comment, rows[:40] + rows[-60:])
    first = services.classifier_train()
    stored = bytes(SpamClassifier.objects.get(pk=first.pk).weights)
    assert stored[:2] == b"PK"  # a zip (.npz), not a pickle stream
    with np.load(io.BytesIO(stored), allow_pickle=False) as arrays:
        assert sorted(arrays.files) == ["coef", "idf", "intercept"]
        assert arrays["coef"].dtype == np.float32
    versions = [services.classifier_train().pk for _ in range(5)]
    assert versions == sorted(versions) and first.pk < versions[0]
    # The newest five are kept, newest first; the first has gone.
    assert list(SpamClassifier.objects.values_list("pk", flat=True)) == versions[::-1]


@override_settings(SAFETY_SCORE_MIN_PER_CLASS=10)
def test_a_server_picks_up_a_new_version(make_comment, django_assert_num_queries):
    rows = labelled_comments()
    _load_decisions(make_comment, rows[:30] + rows[-30:])
    services.classifier_train()
    classifier.forget_loaded()
    with django_assert_num_queries(2):  # which version, then its weights
        classifier.score("hello")
    with django_assert_num_queries(0):  # then remembered for a minute
        classifier.score("hello again")
    _, version = classifier.loaded_model()
    newer = services.classifier_train()  # this process forgets; others reload within a minute
    assert classifier.loaded_model()[1] == newer.pk != version
