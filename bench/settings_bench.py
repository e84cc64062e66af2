"""Settings for the timeline bench: the project's settings plus a trivial floor view (bench/urls.py)."""

from storyline.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
