"""The proof-of-work gate, server side: fresh signed challenges, and verify_pow accepting a
valid solution exactly once (also under concurrent replay on PostgreSQL), refusing the rest."""

import base64
import io
import json
import threading
from datetime import timedelta

import altcha
import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from django_altcha import get_hmac_key

from safety import pow
from safety.models import SpentPowChallenge

pytestmark = pytest.mark.django_db


def solved(challenge: dict, **changes) -> str:
    solution = altcha.solve_challenge(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    data = {
        "algorithm": challenge["algorithm"],
        "challenge": challenge["challenge"],
        "number": solution.number,
        "salt": challenge["salt"],
        "signature": challenge["signature"],
        **changes,
    }
    return base64.b64encode(json.dumps(data).encode()).decode()


@override_settings(SAFETY_POW_MAX_NUMBER=2000)
def test_challenge_endpoint_gives_a_fresh_signed_challenge_never_cached(client):
    first = client.get("/safety/pow/challenge/")
    second = client.get("/es/safety/pow/challenge/")
    assert first.status_code == second.status_code == 200
    assert "no-store" in first["Cache-Control"]
    data = first.json()
    assert data["algorithm"] == "SHA-256" and data["maxNumber"] == 2000
    assert "expires=" in data["salt"]
    assert data["challenge"] != second.json()["challenge"]
    assert client.post("/safety/pow/challenge/").status_code == 405


@override_settings(SAFETY_POW_MAX_NUMBER=2000)
def test_a_solution_is_accepted_once():
    payload = solved(pow.new_challenge())
    assert pow.verify_pow(payload) is True
    assert pow.verify_pow(payload) is False
    assert SpentPowChallenge.objects.count() == 1


@override_settings(SAFETY_POW_MAX_NUMBER=2000)
def test_wrong_or_tampered_solutions_are_refused():
    challenge = pow.new_challenge()
    good = json.loads(base64.b64decode(solved(challenge)))
    for changes in (
        {"number": good["number"] + 1},
        {"signature": "0" * 64},
        {"salt": good["salt"].replace("expires=", "expires=9")},  # a longer life, unsigned
        {"algorithm": "MD5"},
    ):
        assert pow.verify_pow(solved(challenge, **changes)) is False, changes
    # A challenge signed with another key (another site, or a self-made one).
    forged = altcha.create_challenge(altcha.ChallengeOptions(hmac_key="not ours", max_number=50))
    assert pow.verify_pow(solved({**forged.to_dict()})) is False
    assert not SpentPowChallenge.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [
        "",
        "not base64!",
        "a" * 5000,
        base64.b64encode(b"[1, 2]").decode(),
        base64.b64encode(b"\xff\xfe").decode(),
        base64.b64encode(json.dumps({"salt": 5}).encode()).decode(),
        base64.b64encode(json.dumps({"algorithm": "SHA-256", "salt": "x"}).encode()).decode(),
        None,
    ],
)
def test_garbage_is_refused_without_error(payload):
    assert pow.verify_pow(payload) is False


def test_expired_challenge_is_refused():
    challenge = altcha.create_challenge(
        altcha.ChallengeOptions(
            hmac_key=get_hmac_key(), max_number=500, expires=timezone.now() - timedelta(seconds=1)
        )
    )
    assert pow.verify_pow(solved(challenge.to_dict())) is False


def test_spent_challenges_are_forgotten_after_they_expire():
    SpentPowChallenge.objects.create(challenge="old", expires_at=timezone.now() - timedelta(1))
    SpentPowChallenge.objects.create(challenge="new", expires_at=timezone.now() + timedelta(1))
    out = io.StringIO()
    call_command("purge_old_comments", stdout=out)
    assert "forgot 1 expired proof-of-work" in out.getvalue()
    assert list(SpentPowChallenge.objects.values_list("challenge", flat=True)) == ["new"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(SAFETY_POW_MAX_NUMBER=2000)
def test_concurrent_replays_succeed_once(on_postgres):
    payload = solved(pow.new_challenge())
    count = 20
    barrier = threading.Barrier(count)
    results, errors = [], []

    def replay():
        try:
            barrier.wait(timeout=30)
            results.append(pow.verify_pow(payload))
        except Exception as exc:  # reported below, never swallowed
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=replay) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert sorted(results) == [False] * (count - 1) + [True]


def test_refusal_message_is_translated():
    from django.utils import translation

    with translation.override("es"):
        assert "comprobación rápida" in str(pow.REFUSED_MESSAGE)
    with translation.override("ar"):
        assert "فحصه السريع" in str(pow.REFUSED_MESSAGE)
