"""WSGI entry point (gunicorn storyline.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storyline.settings")
application = get_wsgi_application()
