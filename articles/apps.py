from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Storyline"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from articles.roles import ensure_groups_after_migrate

        post_migrate.connect(ensure_groups_after_migrate, sender=self, dispatch_uid="storyline_roles")
