from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Storyline"
    default_auto_field = "django.db.models.BigAutoField"
