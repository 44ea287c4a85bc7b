"""Admin screens: the moderation queue of public feedback (moderators) and the services
of the units a pengelola manages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.permission_policies.base import BasePermissionPolicy

from foundation.admin_viewsets import ModelViewSet, ServiceFormMixin

from ..models import UnitKerja
from ..scope import scope_for
from .models import Layanan, PublicFeedback
from .moderation import feedback_for_moderator, moderation_scope
from .services import feedback_moderate, layanan_save


class ModeratorPolicy(BasePermissionPolicy):
    """Moderators may list and moderate (change) feedback; nobody adds or deletes it."""

    def user_has_permission(self, user, action):
        return action in ("view", "change") and moderation_scope(user) is not None

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and feedback_for_moderator(user).filter(pk=instance.pk).exists()
        )


class UnitManagerPolicy(BasePermissionPolicy):
    """Pengelola add and edit the services of their units; services are never deleted
    (answers point at them): switch one off instead."""

    def user_has_permission(self, user, action):
        return action in ("view", "add", "change") and scope_for(user) is not None

    def user_has_permission_for_instance(self, user, action, instance):
        scope = scope_for(user)
        return (
            self.user_has_permission(user, action)
            and scope is not None
            and scope.contains(instance.unit.path)
        )


# --- Moderation -------------------------------------------------------------------------


class FeedbackIndexView(generic.IndexView):
    def get_base_queryset(self):
        return feedback_for_moderator(self.request.user)


class FeedbackEditView(ServiceFormMixin, generic.EditView):
    def get_object(self, queryset=None):
        return get_object_or_404(feedback_for_moderator(self.request.user), pk=self.kwargs["pk"])

    def save_instance(self):
        stored = PublicFeedback.objects.get(pk=self.object.pk)
        return feedback_moderate(
            feedback=stored,
            by=self.request.user,
            status=self.form.cleaned_data["status"],
            answer=self.form.cleaned_data.get("answer") or "",
        )


class PublicFeedbackViewSet(ModelViewSet):
    model = PublicFeedback
    name = "masukan_publik"
    url_prefix = "masukan-publik"
    icon = "comment"
    menu_label = _("Masukan publik")
    add_to_admin_menu = True
    menu_order = 260
    index_view_class = FeedbackIndexView
    edit_view_class = FeedbackEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["__str__", "layanan", "article", "status", "about_staff_service"]
    list_filter = ["status", "kind", "about_staff_service"]
    search_fields = ["text"]
    edit_handler = ObjectList(
        [
            FieldPanel("kind", read_only=True),
            FieldPanel("layanan", read_only=True),
            FieldPanel("article", read_only=True),
            FieldPanel("submitted_at", read_only=True),
            FieldPanel("text", read_only=True),
            FieldPanel("about_staff_service", read_only=True),
            FieldPanel(
                "sender_email",
                read_only=True,
                help_text=_("Hanya untuk membalas; tidak pernah ditampilkan di situs."),
            ),
            FieldPanel("status"),
            FieldPanel("answer"),
        ]
    )


# --- Services ---------------------------------------------------------------------------


def layanan_for(user):
    scope = scope_for(user)
    if scope is None:
        raise PermissionDenied
    return scope.filter(Layanan.objects.select_related("unit"), "unit__path")


class LayananIndexView(generic.IndexView):
    def get_base_queryset(self):
        return layanan_for(self.request.user)


class LayananFormMixin(ServiceFormMixin):
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        scope = scope_for(self.request.user)
        if "unit" in form.fields and scope is not None:
            form.fields["unit"].queryset = scope.filter(UnitKerja.objects.all(), "path")
        return form

    def save_instance(self):
        layanan = self.form.save(commit=False)
        scope = scope_for(self.request.user)
        if scope is None or not scope.contains(layanan.unit.path):
            raise Http404
        return layanan_save(layanan=layanan, by=self.request.user)


class LayananCreateView(LayananFormMixin, generic.CreateView):
    pass


class LayananEditView(LayananFormMixin, generic.EditView):
    def get_object(self, queryset=None):
        return get_object_or_404(layanan_for(self.request.user), pk=self.kwargs["pk"])


class LayananViewSet(ModelViewSet):
    model = Layanan
    name = "layanan_publik"
    url_prefix = "layanan-publik"
    icon = "globe"
    menu_label = _("Layanan publik (SKM)")
    add_to_admin_menu = True
    menu_order = 261
    index_view_class = LayananIndexView
    add_view_class = LayananCreateView
    edit_view_class = LayananEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["nama", "unit", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["nama"]
    form_fields = ["unit", "nama", "deskripsi", "is_active"]


PARTICIPATION_VIEWSETS = (PublicFeedbackViewSet, LayananViewSet)
