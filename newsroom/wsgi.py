"""WSGI entry point (gunicorn newsroom.wsgi); production settings unless told otherwise."""

import os

from django.core.wsgi import get_wsgi_application

from newsroom.requestguard import ContentTypeGuard

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.production")

# The guard sets aside Content-Type headers that would crash Django's request class.
application = ContentTypeGuard(get_wsgi_application())
