"""Every table that links to a person is exported or deliberately left out."""

import pytest

from kinerja_link.personal_data.export import personal_data_collect
from kinerja_link.personal_data.inventory import (
    NOT_EXPORTED,
    SECTIONS,
    exported_links,
    links_to_person,
)

pytestmark = pytest.mark.django_db


def test_every_link_to_a_user_or_pegawai_is_exported_or_excused():
    undecided = links_to_person() - exported_links() - set(NOT_EXPORTED)
    assert not undecided, (
        "Tabel yang menyimpan data orang tetapi tidak diekspor; tambahkan Section di "
        f"kinerja_link/personal_data/inventory.py atau alasan di NOT_EXPORTED: {sorted(undecided)}"
    )


def test_no_stale_excuses():
    assert set(NOT_EXPORTED) <= links_to_person()


def test_section_keys_are_unique_and_every_section_reads(world):
    keys = [section.key for section in SECTIONS]
    assert len(keys) == len(set(keys))
    data = personal_data_collect(pegawai=world.departed)
    assert set(data["bagian"]) == {*keys, "jejak_audit_tentang"}
