"""Editors find authors and people (both named in stories) under one admin menu."""

import json
import re

import pytest

pytestmark = pytest.mark.django_db


def _sidebar(html: str) -> dict:
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    return json.loads(props.group(1))


def _items(node):
    """Every menu item as (name, label, [children]) from Wagtail's serialised sidebar."""
    if isinstance(node, dict):
        if node.get("_type", "").endswith("SubMenuItem"):
            args = node["_args"]
            yield args[0]["name"], args[0]["label"], list(_items(args[1]))
            return
        if node.get("_type", "").endswith("LinkMenuItem"):
            args = node["_args"][0]
            yield args["name"], args["label"], []
            return
        for value in node.values():
            yield from _items(value)
    elif isinstance(node, list):
        for value in node:
            yield from _items(value)


def test_authors_and_people_share_one_menu(admin_client):
    menu = {
        name: (label, children)
        for name, label, children in _items(_sidebar(admin_client.get("/admin/").content.decode()))
    }
    label, children = menu["people"]
    assert label == "People"
    assert [child_label for _name, child_label, _ in children] == ["Authors", "People"]
    for url in ("/admin/snippets/articles/author/", "/admin/snippets/articles/person/"):
        assert admin_client.get(url).status_code == 200
