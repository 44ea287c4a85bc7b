"""One shape for the admin's permission policies on records that services write.

A model's usual permissions apply, less the actions nobody may take through the admin, not
even a superuser: the change would skip the service that validates, audits and enqueues.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Model

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.base import BasePermissionPolicy

WRITE_ACTIONS = frozenset({"add", "change", "delete"})


class ServiceWrittenPolicy(ModelPermissionPolicy):
    def __init__(self, model: type[Model], *, forbidden: Iterable[str], **kwargs: Any) -> None:
        super().__init__(model, **kwargs)
        self.forbidden = frozenset(forbidden)

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action not in self.forbidden and super().user_has_permission(user, action)

    def user_has_any_permission(self, user: Any, actions: Iterable[str]) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Model) -> bool:
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(
        self, user: Any, actions: Iterable[str], instance: Model
    ) -> bool:
        return self.user_has_any_permission(user, actions)


class SuperuserReadOnlyPolicy(BasePermissionPolicy):
    """Superusers may look; nobody may add, change or delete through the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


class SuperuserOnlyPolicy(BasePermissionPolicy):
    """Only active superusers see or change these records (who may see whose data)."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(is_active=True, is_superuser=True)
