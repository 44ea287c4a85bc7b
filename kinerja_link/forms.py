"""Admin forms that keep a pengelola's choices inside the units they manage."""

from wagtail.admin.forms import WagtailAdminModelForm

from .scope import EVERYTHING, scope_for


class ScopedAdminForm(WagtailAdminModelForm):
    """Limits each field in ``scoped_fields`` to rows whose unit path lies in the user's scope."""

    scoped_fields: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = scope_for(self.for_user) if self.for_user else EVERYTHING
        for name, lookup in self.scoped_fields.items():
            field = self.fields.get(name)
            if field is not None:
                field.queryset = (
                    field.queryset.none() if scope is None else scope.filter(field.queryset, lookup)
                )


class SKPAdminForm(ScopedAdminForm):
    scoped_fields = {"pegawai": "unit__path"}


class PegawaiAdminForm(ScopedAdminForm):
    scoped_fields = {"unit": "path"}
