"""Storage for files that only a permission-checked view may serve.

Certificates and the proofs pegawai upload carry names and NIPs, so they live outside
``MEDIA_ROOT`` (which a web server may expose) and have no public URL.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property


@deconstructible
class PrivateStorage(FileSystemStorage):
    def __init__(self):
        super().__init__(base_url=None)

    @cached_property
    def base_location(self):
        explicit = getattr(settings, "BINA_PRIVATE_MEDIA_ROOT", None)
        return explicit or str(Path(settings.MEDIA_ROOT).parent / "private-media")

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view.")


private_storage = PrivateStorage()
