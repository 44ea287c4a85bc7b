"""Admin forms that keep a pengelola's choices inside their unit subtree."""

from wagtail.admin.forms import WagtailAdminModelForm

from .selectors import scope_path_for


class ScopedAdminForm(WagtailAdminModelForm):
    """Limits each field in ``scoped_fields`` to rows whose unit path lies in the user's scope."""

    scoped_fields: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        path = scope_path_for(self.for_user) if self.for_user else ""
        for name, lookup in self.scoped_fields.items():
            field = self.fields.get(name)
            if field is not None:
                field.queryset = (
                    field.queryset.none()
                    if path is None
                    else field.queryset.filter(**{f"{lookup}__startswith": path})
                )


class SKPAdminForm(ScopedAdminForm):
    scoped_fields = {"pegawai": "unit__path"}


class PegawaiAdminForm(ScopedAdminForm):
    scoped_fields = {"unit": "path"}
