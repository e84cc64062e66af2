from django.urls import path

from . import views
from .views.exports import story_feed

app_name = "articles"

urlpatterns = [
    path("", views.story_index, name="story_index"),
    path("stories/<slug:slug>/", views.story_timeline, name="story_timeline"),
    path("stories/<slug:slug>/new/", views.timeline_new_fragment, name="timeline_new_fragment"),
    path("stories/<slug:slug>/feed.atom", story_feed, name="story_feed"),
    path("stories/<slug:slug>/timelinejs.json", views.timelinejs_json, name="timelinejs_json"),
    path("api/stories/<slug:slug>/timeline.json", views.timeline_json, name="timeline_json"),
    path("api/stories/<slug:slug>/new.json", views.timeline_new_json, name="timeline_new_json"),
    path("articles/<int:article_id>/diff/", views.version_diff, name="version_diff"),
    path("people/<slug:slug>/", views.person_detail, name="person_detail"),
]
