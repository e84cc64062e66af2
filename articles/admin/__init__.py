"""The newsroom admin, one module per area. Importing the package registers every model.

See docs/editors.md for the editors' workflow it implements.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import audit, claims, content, feeds, people, stories, updates

admin.site.site_header = _("Storyline newsroom")
admin.site.site_title = _("Storyline newsroom")
admin.site.index_title = _("Stories, feeds and claims")
admin.site.site_url = "/"

__all__ = ["audit", "claims", "content", "feeds", "people", "stories", "updates"]
