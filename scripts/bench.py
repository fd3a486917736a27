#!/usr/bin/env python
"""`make bench`: the production stack on this machine under load, printed as Markdown tables.

The runner lives in the dev-only bench app (bench/run/, which describes every phase); this
script only puts the repository first on the import path and starts it. Options: --help.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Python put this script's folder first; the repository must come first, so that `bench` is
# the bench app (not this script) and `tests.servers` can be found.
sys.path[0] = str(ROOT)

from bench.run.main import main  # noqa: E402 - needs the path above

if __name__ == "__main__":
    sys.exit(main())
