from django.contrib.auth import get_user_model

from wagtail.users.views import users as wagtail_user_views
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import WagtailUserCreationForm, WagtailUserEditForm
from .role_audit import flags_change_log, flags_snapshot


class UserEditView(wagtail_user_views.EditView):
    """Wagtail's user edit; a change of superuser, staff or active status is audited with
    before/after (group changes are caught by ``role_audit.on_groups_changed``)."""

    def save_instance(self):
        # The form has already copied its values onto self.object: read the stored ones.
        stored = get_user_model().objects.get(pk=self.object.pk)
        before = flags_snapshot(stored)
        instance = super().save_instance()
        flags_change_log(user=instance, before=before, by=self.request.user)
        return instance


class UserViewSet(WagtailUserViewSet):
    edit_view_class = UserEditView

    def get_form_class(self, for_update=False):
        return WagtailUserEditForm if for_update else WagtailUserCreationForm
