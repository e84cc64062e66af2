"""Admin registrations. The full editors' workflow is built on top of these."""

from django.contrib import admin

from articles import models


@admin.register(models.Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "is_active", "updated_at"]
    list_filter = ["is_active"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(models.Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "language"]
    search_fields = ["name", "domain"]


@admin.register(models.Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["url", "story", "is_active", "poll_interval", "last_polled_at", "failure_count"]
    list_filter = ["is_active"]
    search_fields = ["url", "title"]
    list_select_related = ["story"]


@admin.register(models.FeedEntry)
class FeedEntryAdmin(admin.ModelAdmin):
    list_display = ["title", "feed", "published_at", "article"]
    search_fields = ["title", "link", "guid"]
    list_select_related = ["feed", "article"]


@admin.register(models.FetchAttempt)
class FetchAttemptAdmin(admin.ModelAdmin):
    list_display = ["started_at", "outcome", "status_code", "duration_ms", "bytes_received", "url"]
    list_filter = ["outcome"]
    search_fields = ["url", "error"]


@admin.register(models.Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "story", "last_changed_at", "next_check_at"]
    list_filter = ["story", "outlet"]
    search_fields = ["title", "url"]
    list_select_related = ["outlet", "story"]


@admin.register(models.Version)
class VersionAdmin(admin.ModelAdmin):
    list_display = ["article", "number", "fetched_at", "title"]
    search_fields = ["title", "article__url"]
    list_select_related = ["article"]
    exclude = ["raw_html_compressed"]


@admin.register(models.Update)
class UpdateAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "timestamp", "story", "origin", "status"]
    list_filter = ["kind", "origin", "status"]
    search_fields = ["label", "text"]
    list_select_related = ["story"]


@admin.register(models.Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["__str__", "type", "speaker_name", "source", "verification", "status"]
    list_filter = ["type", "verification", "status"]
    search_fields = ["text", "speaker_name"]


class PersonAliasInline(admin.TabularInline):
    model = models.PersonAlias
    extra = 1


@admin.register(models.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "role"]
    search_fields = ["name", "aliases__name"]
    inlines = [PersonAliasInline]
