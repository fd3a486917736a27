"""App config for the benchmark tooling (newsroom.settings.bench only, never in production)."""

from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "bench"
    verbose_name = "Benchmark"
