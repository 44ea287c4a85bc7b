from django.contrib.auth import views as auth_views

from .start import start_page_url


class LoginView(auth_views.LoginView):
    """Django's login view, landing on the role's start page unless a safe ``next`` is given.

    ``get_redirect_url`` (used first by ``get_success_url``) already keeps only a ``next``
    on this host; only the fallback changes.
    """

    def get_default_redirect_url(self) -> str:
        if self.request.user.is_authenticated:
            return start_page_url(self.request.user)
        return super().get_default_redirect_url()
