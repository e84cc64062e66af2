from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.story_index, name="story_index"),
    path("stories/<slug:slug>/", views.story_timeline, name="story_timeline"),
]
