"""Storyline's data model, one module per area."""

from .audit import AuditEntry
from .content import Article, Claim, Update, Version
from .feeds import Feed, FeedEntry, FetchAttempt
from .people import Person, PersonAlias
from .stories import Outlet, Story

__all__ = [
    "Article",
    "AuditEntry",
    "Claim",
    "Feed",
    "FeedEntry",
    "FetchAttempt",
    "Outlet",
    "Person",
    "PersonAlias",
    "Story",
    "Update",
    "Version",
]
