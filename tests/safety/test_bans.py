"""Bans of an address, a domain, an IP address or network: matched in one query, listed,
created, edited and lifted in the admin, every change logged."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from safety import services
from safety.models import Ban
from safety.selectors import is_banned

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/safety/ban/"


def ban(kind, value, **kwargs):
    kwargs.setdefault("reason", "Spam run")
    return services.ban_create(kind=kind, value=value, user=None, **kwargs)


def test_an_email_ban_matches_that_address_only():
    b = ban(Ban.Kind.EMAIL, " Troll@Example.ORG ")
    assert b.value == "troll@example.org"
    assert is_banned(email="troll@example.org") == b
    assert is_banned(email="TROLL@example.org") == b
    assert is_banned(email="other@example.org") is None
    assert is_banned() is None


def test_a_domain_ban_matches_the_domain_and_its_subdomains():
    b = ban(Ban.Kind.DOMAIN, "@Spam-Shop.example")
    assert b.value == "spam-shop.example"
    assert is_banned(email="a@spam-shop.example") == b
    assert is_banned(email="a@mail.spam-shop.example") == b
    assert is_banned(email="a@notspam-shop.example") is None
    assert is_banned(email="a@example") is None


@pytest.mark.parametrize(
    ("network", "inside", "outside"),
    [
        ("203.0.113.7", ["203.0.113.7", "::ffff:203.0.113.7"], ["203.0.113.8", "203.0.113.6"]),
        ("203.0.113.0/24", ["203.0.113.0", "203.0.113.255"], ["203.0.114.0", "203.0.112.255"]),
        ("10.9.0.0/15", ["10.8.0.1", "10.9.255.255"], ["10.10.0.0", "10.7.255.255"]),
        ("2001:db8::/32", ["2001:db8::1", "2001:db8:ffff::a"], ["2001:db9::", "2001:db7::"]),
        ("2001:db8:0:a9::/64", ["2001:db8:0:a9::f"], ["2001:db8:0:aa::", "2001:db8:0:99::"]),
    ],
)
def test_ip_bans_match_addresses_in_the_network(network, inside, outside):
    b = ban(Ban.Kind.IP, network)
    for address in inside:
        assert is_banned(ip=address) == b, address
    for address in outside:
        assert is_banned(ip=address) is None, address


def test_ip_ban_value_is_normalised():
    assert ban(Ban.Kind.IP, "203.0.113.77/24").value == "203.0.113.0/24"
    assert ban(Ban.Kind.IP, "2001:DB8::0001").value == "2001:db8::1"


@pytest.mark.parametrize(
    ("kind", "value"),
    [(Ban.Kind.EMAIL, "not-an-address"), (Ban.Kind.DOMAIN, "nodot"), (Ban.Kind.IP, "300.1.1.1")],
)
def test_bad_values_are_refused_with_a_message(kind, value):
    with pytest.raises(ValidationError) as error:
        ban(kind, value)
    assert "value" in error.value.message_dict
    assert not Ban.objects.exists()


def test_expired_and_lifted_bans_do_not_match(moderator):
    expired = ban(Ban.Kind.EMAIL, "old@example.org", expires_at=timezone.now() - timedelta(1))
    assert expired.pk and is_banned(email="old@example.org") is None
    forever = ban(Ban.Kind.EMAIL, "forever@example.org", expires_at=None)
    assert is_banned(email="forever@example.org") == forever
    assert services.ban_lift(ban=forever, user=moderator)
    assert not services.ban_lift(ban=forever, user=moderator)
    assert is_banned(email="forever@example.org") is None
    assert ModelLogEntry.objects.filter(action="safety.ban.lift").count() == 1


def test_default_expiry_from_the_setting(settings):
    settings.SAFETY_BAN_DEFAULT_DAYS = 30
    b = ban(Ban.Kind.EMAIL, "x@example.org")
    assert timedelta(days=29) < b.expires_at - timezone.now() <= timedelta(days=30)
    settings.SAFETY_BAN_DEFAULT_DAYS = 0
    assert ban(Ban.Kind.EMAIL, "y@example.org").expires_at is None


def test_one_query_whatever_the_number_of_bans(django_assert_num_queries):
    for n in range(50):
        ban(Ban.Kind.EMAIL, f"user{n}@example.org")
        ban(Ban.Kind.DOMAIN, f"shop{n}.example")
        ban(Ban.Kind.IP, f"198.51.{n}.0/24")
    with django_assert_num_queries(1):
        found = is_banned(email="someone@mail.shop7.example", ip="198.51.100.9")
    assert found.value == "shop7.example"
    with django_assert_num_queries(1):
        assert is_banned(email="fine@example.org", ip="192.0.2.1") is None


def test_moderator_bans_from_the_admin_and_it_is_logged(client, moderator):
    client.force_login(moderator)
    response = client.post(
        f"{LIST}add/",
        {"kind": "ip", "value": "192.0.2.0/28", "reason": "Flood of spam", "expires_at": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Ban.objects.get()
    assert created.created_by == moderator
    assert created.value == "192.0.2.0/28" and is_banned(ip="192.0.2.9") == created
    entry = ModelLogEntry.objects.get(action="wagtail.create")
    assert entry.user == moderator and entry.object_id == str(created.pk)

    dated = services.ban_create(
        kind="email",
        value="d@example.org",
        reason="r",
        user=None,
        expires_at=timezone.make_aware(timezone.datetime(2031, 5, 4, 12, 0)),
    )
    assert "4 May 2031" in client.get(LIST).content.decode()
    dated.delete()
    form = client.get(f"{LIST}add/").content.decode()
    assert 'name="expires_at"' in form
    expected = timezone.localtime(timezone.now() + timedelta(days=30)).strftime("%Y-%m-%d")
    assert expected in form  # the default expiry is filled in

    client.post(
        f"{LIST}edit/{created.pk}/",
        {"kind": "ip", "value": "192.0.2.0/24", "reason": "Wider", "expires_at": ""},
    )
    assert ModelLogEntry.objects.filter(action="wagtail.edit").count() == 1
    assert is_banned(ip="192.0.2.200") is not None

    listing = client.get(LIST).content.decode()
    assert "192.0.2.0/24" in listing and "Lift ban" in listing and "Until lifted" in listing
    client.post(f"{LIST}lift/{created.pk}/")
    assert is_banned(ip="192.0.2.9") is None
    assert ModelLogEntry.objects.get(action="safety.ban.lift").user == moderator


def test_admin_refuses_a_bad_value_and_keeps_the_form(client, moderator):
    client.force_login(moderator)
    response = client.post(
        f"{LIST}add/", {"kind": "ip", "value": "999.1.1.1", "reason": "typo", "expires_at": ""}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter an IP address or a network" in html and "typo" in html
    assert not Ban.objects.exists()


def test_list_filters_by_kind_and_state(client, moderator):
    ban(Ban.Kind.EMAIL, "active@example.org")
    ban(Ban.Kind.DOMAIN, "expired.example", expires_at=timezone.now() - timedelta(1))
    lifted = ban(Ban.Kind.IP, "192.0.2.1")
    services.ban_lift(ban=lifted, user=moderator)
    client.force_login(moderator)

    def shown(**params):
        html = client.get(LIST, params).content.decode()
        return {v for v in ("active@example.org", "expired.example", "192.0.2.1") if v in html}

    assert shown(state="active") == {"active@example.org"}
    assert shown(state="expired") == {"expired.example"}
    assert shown(state="lifted") == {"192.0.2.1"}
    assert shown(kind="domain") == {"expired.example"}


def test_people_without_the_right_cannot_ban_or_lift(client, editor):
    b = ban(Ban.Kind.EMAIL, "t@example.org")
    client.force_login(editor)
    assert client.get(LIST).status_code in (302, 403)
    assert client.post(f"{LIST}lift/{b.pk}/").status_code in (302, 403)
    assert is_banned(email="t@example.org") == b


def test_moderators_group_gets_ban_and_reason_rights_but_not_data_rights():
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Comment moderators")
    assert sorted(
        group.permissions.filter(content_type__app_label="safety").values_list(
            "codename", flat=True
        )
    ) == [
        "add_ban",
        "add_rejectionreason",
        "change_ban",
        "change_rejectionreason",
        "view_ban",
        "view_rejectionreason",
    ]


def test_the_ban_form_opens_filled_in_from_a_comment(client, moderator, article):
    from comments.models import Comment

    comment = Comment.objects.create(
        article=article,
        author_name="Spammer",
        author_email="Buy@Shop.example",
        body="Cheap watches\nat shop.example",
        body_html="<p>x</p>",
        ip_address="198.51.100.23",
    )
    client.force_login(moderator)
    form = client.get(
        f"{LIST}add/", {"kind": "domain", "value": "shop.example", "comment": comment.pk}
    ).content.decode()
    assert '<option value="domain" selected>' in form
    assert 'value="shop.example"' in form
    assert f"Comment #{comment.pk}: “Cheap watches at shop.example”" in form
    # Only initial values: what is saved is what the moderator posts, validated by the model.
    response = client.post(
        f"{LIST}add/",
        {"kind": "domain", "value": "@Shop.Example", "reason": "Watch spam", "expires_at": ""},
    )
    assert response.status_code == 302
    assert is_banned(email="x@shop.example").created_by == moderator


def test_the_ban_form_ignores_what_it_does_not_understand(client, moderator):
    client.force_login(moderator)
    form = client.get(f"{LIST}add/", {"kind": "planet", "value": "Mars", "comment": "x"})
    html = form.content.decode()
    assert form.status_code == 200 and "Mars" not in html and "Comment #" not in html
    response = client.post(
        f"{LIST}add/", {"kind": "ip", "value": "not-an-ip", "reason": "r", "expires_at": ""}
    )
    assert response.status_code == 200 and not Ban.objects.exists()


def test_a_moderator_without_the_ban_right_cannot_open_the_form(client, moderator):
    moderator.groups.clear()
    from django.contrib.auth.models import Group

    limited = Group.objects.create(name="No bans")
    limited.permissions.set(
        Group.objects.get(name="Comment moderators").permissions.exclude(codename="add_ban")
    )
    moderator.groups.add(limited)
    client.force_login(moderator)
    assert client.get(f"{LIST}add/", {"kind": "ip", "value": "192.0.2.1"}).status_code == 403
    response = client.post(
        f"{LIST}add/", {"kind": "ip", "value": "192.0.2.1", "reason": "r", "expires_at": ""}
    )
    assert response.status_code == 403 and not Ban.objects.exists()
