"""Fixtures for trust and safety: people, comments with a history, the labelled data set."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone

from comments.models import Comment
from safety import classifier, services

DATA = Path(__file__).parent / "data"


def labelled_comments() -> list[dict]:
    """The hand-written data set: {"spam": 0|1, "name", "body", "lang"} in en, es and ar."""
    rows = []
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append({**json.loads(line), "lang": path.stem})
    return rows


@pytest.fixture(autouse=True)
def _fresh_classifier():
    classifier.forget_loaded()
    yield
    classifier.forget_loaded()


@pytest.fixture
def editor(db):
    user = User.objects.create_user("ed", "ed@example.org", "pw")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    return user


@pytest.fixture
def make_comment(article):
    def make(
        *,
        status=Comment.Status.PENDING,
        email="",
        name="Reader",
        body="A comment.",
        ago=timedelta(0),
        decided_after=None,
        on=None,
        **fields,
    ):
        created = timezone.now() - ago
        comment = Comment.objects.create(
            article=on or article,
            author_name=name,
            author_email=email,
            body=body,
            body_html=f"<p>{body}</p>",
            status=status,
            created_at=created,
            moderated_at=created + decided_after if decided_after is not None else None,
            **fields,
        )
        return comment

    return make


@pytest.fixture
def train_on_labelled(make_comment):
    """Moderators' decisions on the whole labelled set, then a spam score learned from them."""

    def train():
        for row in labelled_comments():
            make_comment(
                status="spam" if row["spam"] else "approved",
                name=row["name"],
                body=row["body"],
                decided_after=timedelta(minutes=1),
            )
        return services.classifier_train()

    return train
