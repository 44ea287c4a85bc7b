"""Records that services write: the admin offers only the actions the policy leaves."""

import pytest

from foundation.permission_policies import WRITE_ACTIONS, ServiceWrittenPolicy
from learning.models import LearningRecord
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_even_a_superuser_cannot_take_a_forbidden_action():
    policy = ServiceWrittenPolicy(LearningRecord, forbidden=WRITE_ACTIONS)
    superuser = UserFactory(is_superuser=True)
    record = LearningRecord()

    assert policy.user_has_permission(superuser, "view")
    for action in WRITE_ACTIONS:
        assert not policy.user_has_permission(superuser, action)
        assert not policy.user_has_permission_for_instance(superuser, action, record)
    assert not policy.user_has_any_permission(superuser, ["add", "change"])
    assert policy.user_has_any_permission(superuser, ["change", "view"])


def test_allowed_actions_follow_the_model_permissions():
    policy = ServiceWrittenPolicy(LearningRecord, forbidden={"delete"})
    nobody = UserFactory()

    assert not policy.user_has_permission(nobody, "change")
    assert policy.user_has_permission(UserFactory(is_superuser=True), "change")
