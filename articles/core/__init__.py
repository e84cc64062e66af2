"""Storyline's analysis core: plain Python, no Django, no I/O.

Parsing, section splitting, claim extraction, diffing and timeline assembly
live here as pure functions over frozen dataclasses. ruff's banned-import
rule keeps Django and network libraries out of this package.
"""

from .analyze import analyze_content, analyze_html, analyze_text
from .types import Claim, Document, Mention, Section

__all__ = ["Claim", "Document", "Mention", "Section", "analyze_content", "analyze_html", "analyze_text"]
