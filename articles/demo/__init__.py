"""The demo site: its data (data/*.json), the loader that builds it and its drawn images."""

from .images import make_demo_image
from .loader import DemoReport, load_demo

__all__ = ["DemoReport", "load_demo", "make_demo_image"]
