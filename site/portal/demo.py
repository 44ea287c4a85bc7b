"""The demo page tree: a HomePage at the root of the default site."""

from django.db import transaction

from wagtail.models import Page, Site

from .models import HomePage


@transaction.atomic
def seed_pages() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="Beranda",
                slug="beranda",
                hero_title="Bangga Melayani Bangsa",
                hero_intro=(
                    "Bina ASN membantu pegawai belajar nilai BerAKHLAK dan e-Kinerja, "
                    "serta membantu pimpinan membina kinerja timnya."
                ),
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Bina ASN"
        site.save()
    # Wagtail's placeholder "Welcome" page is replaced by ours; drop it once.
    Page.objects.filter(
        depth=2, content_type__model="page", content_type__app_label="wagtailcore"
    ).delete()
    return home
