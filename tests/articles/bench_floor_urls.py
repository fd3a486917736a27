"""URLs with the benchmark floor view mounted (tests/articles/test_bench_data.py)."""

from django.urls import path

from newsroom.benchfloor import floor

urlpatterns = [path("bench/floor/", floor)]
