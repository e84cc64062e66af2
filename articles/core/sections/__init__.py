"""Split a live article into its timestamped sections.

``markers`` recognises a line as an update marker, ticker stamp or day heading;
``lines`` classifies every line in its context (summary lists, video
durations, headings); ``clock`` resolves times to aware datetimes; ``build``
assembles the sections. See docs/analysis-sections.md.
"""

from .build import split_sections

__all__ = ["split_sections"]
