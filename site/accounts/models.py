from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .nip import NIP_LENGTH, mask_nip, validate_nip
from .roles import ROLE_PERMISSIONS


class User(AbstractUser):
    """A person who signs in. Pegawai sign in with their NIP; staff may use e-mail only.

    ``nip`` is the single source of a person's NIP: the organisation's ``Pegawai`` record
    reads it from here.
    """

    nip = models.CharField(
        _("NIP"),
        max_length=18,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_nip],
        help_text=_("18 digit, tanpa spasi. Kosongkan untuk akun non-pegawai."),
    )
    display_name = models.CharField(
        _("nama tampilan"),
        max_length=150,
        blank=True,
        help_text=_("Nama lengkap dengan gelar, seperti tertulis di SIASN."),
    )
    email = models.EmailField(_("alamat e-mail"), blank=True)
    reminder_email_opt_out = models.BooleanField(
        _("tolak surel pengingat"),
        default=False,
        help_text=_("Pengingat tetap tampil di notifikasi; surel wajib tetap dikirim."),
    )

    # Shown when a deletion is refused because records hold the account (foundation.deletion).
    deletion_advice = _(
        "Nonaktifkan akun ini (hapus centang «Aktif») agar tidak dapat masuk lagi: riwayat "
        "belajar dan kinerjanya tetap ada. Pegawai yang meminta penghapusan data pribadinya "
        "dilayani lewat Kinerja → Pegawai → «Data pribadi» → «Hapus data pribadi…»."
    )

    class Meta(AbstractUser.Meta):
        # The stubs type the inherited Meta's names as str; Django takes lazy text.
        verbose_name = _("pengguna")  # type: ignore[assignment]
        verbose_name_plural = _("pengguna")  # type: ignore[assignment]
        permissions = ROLE_PERMISSIONS
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_ci_unique",
                violation_error_message=_("Alamat e-mail ini sudah dipakai akun lain."),
            ),
            models.CheckConstraint(
                condition=models.Q(nip__isnull=True) | models.Q(nip__regex=r"^[0-9]{18}$"),
                name="accounts_user_nip_18_digits",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name()

    def save(self, *args: Any, **kwargs: Any) -> None:
        # An empty NIP is "no NIP": store NULL so the unique constraint allows many.
        if not self.nip:
            self.nip = None
        self.email = self.email.strip()
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        """The name shown to others. Pegawai usernames are their NIPs, so an account
        without a name shows its username masked, never a NIP in full."""
        return self.display_name or super().get_full_name() or self._username_for_display()

    def _username_for_display(self) -> str:
        username = self.username or ""
        if len(username) == NIP_LENGTH and username.isdigit():
            return mask_nip(username)
        return username

    def get_short_name(self) -> str:
        return self.first_name or self.get_full_name()


class AuthEvent(models.Model):
    """Sign-ins, failed sign-ins and sign-outs, for the audit trail.

    The identifier someone typed is stored masked: people sometimes type their password
    into the NIP field, and a NIP itself is personal data. Failed sign-ins also keep a
    keyed digest of it (``accounts.throttling.account_digest``), so the throttle can count
    an account's failures here when the cache is down; the digest reveals nothing without
    the SECRET_KEY.
    """

    class Kind(models.TextChoices):
        LOGIN = "login", _("Berhasil masuk")
        LOGIN_FAILED = "login_failed", _("Gagal masuk")
        LOCKED = "locked", _("Ditolak: terlalu banyak percobaan")
        LOGOUT = "logout", _("Keluar")

    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    user = models.ForeignKey(
        User, verbose_name=_("pengguna"), null=True, blank=True, on_delete=models.SET_NULL
    )
    identifier = models.CharField(_("identitas (disamarkan)"), max_length=64, blank=True)
    account_digest = models.CharField(_("sidik akun"), max_length=32, blank=True, editable=False)
    ip_address = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    user_agent = models.CharField(_("peramban"), max_length=255, blank=True)
    # The X-Request-ID of the sign-in request: leads to its log lines (foundation.request_id).
    request_id = models.CharField(_("id permintaan"), max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("catatan masuk")
        verbose_name_plural = _("catatan masuk")
        ordering = ["-created_at"]
        indexes = [
            # The throttle's database count (accounts.failed_logins): recent rows per
            # account and per client address.
            models.Index(fields=["account_digest", "created_at"], name="authevent_account_recent"),
            models.Index(fields=["ip_address", "created_at"], name="authevent_address_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.identifier} · {self.created_at:%Y-%m-%d %H:%M}"
