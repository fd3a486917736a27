"""Settings shared by every environment; values that differ come from the environment.

Split by concern into the modules of this package, read in this order (a later part may use
what an earlier one set): where the project lives and how the environment is read (env), the
site itself (app), email, comments, trust and safety, security, caching, logging, operations
(background tasks, error reporting, backups). dev, test, production and bench import
everything from here and change only what differs.
"""

from .app import *  # noqa: F403
from .caching import *  # noqa: F403
from .comments import *  # noqa: F403
from .env import *  # noqa: F403
from .env import env_bool, env_list  # noqa: F401  (the helpers, for the settings modules)
from .logging import *  # noqa: F403
from .mail import *  # noqa: F403
from .operations import *  # noqa: F403
from .operations import start_error_reporting  # noqa: F401
from .safety import *  # noqa: F403
from .security import *  # noqa: F403
