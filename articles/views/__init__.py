"""Read-only pages and exports for journalists. Login required unless STORYLINE_PUBLIC is set."""

from .diffs import version_diff
from .exports import StoryAtomFeed, timeline_json, timelinejs_json
from .people import person_detail
from .stories import story_index
from .timeline import story_timeline, timeline_new_fragment, timeline_new_json

__all__ = [
    "StoryAtomFeed",
    "person_detail",
    "story_index",
    "story_timeline",
    "timeline_json",
    "timeline_new_fragment",
    "timeline_new_json",
    "timelinejs_json",
    "version_diff",
]
