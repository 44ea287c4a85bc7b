from base64 import b32encode

from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from .two_factor import qr_svg, safe_next


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Kode 6 digit dari aplikasi autentikator"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]*"}
        ),
    )


WRONG_CODE = _("Kode salah atau sudah kedaluwarsa. Periksa jam ponsel Anda lalu coba lagi.")


@login_required
@require_http_methods(["GET", "POST"])
def otp_setup(request):
    if user_has_device(request.user):
        return redirect("accounts:otp_verify")
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Autentikator"}
    )
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(safe_next(request))
        form.add_error("token", WRONG_CODE)
    context = {
        "form": form,
        "qr": qr_svg(device.config_url),
        "secret": b32encode(device.bin_key).decode(),
        "next": safe_next(request),
    }
    return render(request, "accounts/otp_setup.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
        if device is not None and device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(safe_next(request))
        form.add_error("token", WRONG_CODE)
    return render(request, "accounts/otp_verify.html", {"form": form, "next": safe_next(request)})
