from wagtail.permission_policies import ModelPermissionPolicy


class LedgerPermissionPolicy(ModelPermissionPolicy):
    """Ledger rows and certificates are written only by services: the admin may list,
    inspect and export them.

    Even a superuser cannot add, edit or delete a row there, so every change keeps its
    audit trail and the one-record-per-enrolment rule.
    """

    WRITE_ACTIONS = frozenset({"add", "change", "delete"})

    def user_has_permission(self, user, action):
        if action in self.WRITE_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)
