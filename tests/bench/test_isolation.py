"""The bench app is dev-only: only the bench settings install it, no product code imports it."""

import ast
import importlib
from pathlib import Path

import pytest
from django.core.management import find_commands, get_commands

REPO = Path(__file__).resolve().parents[2]
PRODUCT = ("core", "pagecache", "articles", "comments", "newsroom")


def settings_of(name: str) -> dict:
    """A settings module's values; importing one does not configure Django."""
    return vars(importlib.import_module(f"newsroom.settings.{name}"))


@pytest.fixture
def production_env(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "isolation-test-" + "x" * 40)


@pytest.mark.usefixtures("production_env")
def test_only_the_bench_settings_install_the_bench_app_and_its_urls():
    for name in ("dev", "test", "production"):
        module = settings_of(name)
        assert "bench" not in module["INSTALLED_APPS"], name
        assert module["ROOT_URLCONF"] == "newsroom.urls", name
    production, bench = settings_of("production"), settings_of("bench")
    assert bench["INSTALLED_APPS"] == [*production["INSTALLED_APPS"], "bench"]
    assert bench["ROOT_URLCONF"] == "bench.urls"
    # Everything else is production's: the floor and the pages see the same middleware.
    assert bench["MIDDLEWARE"] == production["MIDDLEWARE"]
    assert bench["DEBUG"] is False


def test_generate_bench_data_is_a_command_of_the_bench_app_only():
    assert "generate_bench_data" in find_commands(str(REPO / "bench" / "management"))
    assert "generate_bench_data" not in get_commands()  # the test settings, like production


def bench_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        else:
            continue
        found += [
            f"{path.relative_to(REPO)}: {name}" for name in names if name.split(".")[0] == "bench"
        ]
    return found


def test_no_product_module_imports_the_bench_app():
    allowed = {REPO / "newsroom" / "settings" / "bench.py"}
    offenders = [
        hit
        for package in PRODUCT
        for path in sorted((REPO / package).rglob("*.py"))
        if path not in allowed
        for hit in bench_imports(path)
    ]
    assert offenders == []
