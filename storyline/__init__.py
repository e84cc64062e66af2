"""Storyline: follow a developing news story over time."""

from .celery import app as celery_app

__all__ = ("celery_app",)
