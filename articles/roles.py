"""The newsroom's two roles as Django groups: Editors and Journalists.

``ensure_groups`` is run by migration 0002_editors and after every ``migrate``
(see ``ArticlesConfig.ready``) so that models added later get their "view"
permission too. It only ever adds permissions; one removed by hand in the
admin comes back at the next ``migrate``.
"""

from __future__ import annotations

from typing import Any

EDITORS = "Editors"
JOURNALISTS = "Journalists"
APP_LABEL = "articles"
# Models editors may add and change (and view). Every other model of the app: view only.
EDITABLE_MODELS = ("story", "feed", "update", "claim", "person", "personalias")
EDITOR_ACTIONS = ("add", "change", "view")


def editor_codenames(model_names: list[str]) -> set[str]:
    """The permission codenames of the Editors group for the app's ``model_names``."""
    codenames = {f"view_{name}" for name in model_names}
    for name in EDITABLE_MODELS:
        codenames.update(f"{action}_{name}" for action in EDITOR_ACTIONS)
    return codenames


def journalist_codenames(model_names: list[str]) -> set[str]:
    return {f"view_{name}" for name in model_names}


def ensure_groups(apps: Any, using: str = "default") -> None:
    """Create the two groups (if missing) and grant them their permissions.

    ``apps`` is a migration's historical registry or ``django.apps.apps``.
    """
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(APP_LABEL)
    if getattr(app_config, "models_module", None) is None:  # a migration's stub: permissions would be skipped
        app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=using)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    model_names = [model._meta.model_name for model in app_config.get_models()]
    wanted = {EDITORS: editor_codenames(model_names), JOURNALISTS: journalist_codenames(model_names)}
    for group_name, codenames in wanted.items():
        group, _ = group_model.objects.using(using).get_or_create(name=group_name)
        permissions = permission_model.objects.using(using).filter(
            content_type__app_label=APP_LABEL, codename__in=codenames
        )
        group.permissions.add(*permissions)


def ensure_groups_after_migrate(sender: Any, using: str = "default", apps: Any = None, **kwargs: Any) -> None:
    """post_migrate receiver: keep the groups' permissions complete as models are added.

    A test database flush sends post_migrate without a registry; the global one serves then,
    as it does for Django's own ``create_permissions``.
    """
    if sender.label == APP_LABEL:
        from django.apps import apps as global_apps

        ensure_groups(apps or global_apps, using=using)
