"""The demo page tree: home, articles, the seven BerAKHLAK values and an about page.

Every step looks its object up by a stable slug or title first, so running it again
changes nothing. Hero images are drawn here with Pillow: nothing is downloaded.
"""

import io

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from competencies.models import Competency

from .demo_articles import ARTICLES
from .models import ArticleIndexPage, ArticlePage, HomePage, StandardPage, ValueIndexPage, ValuePage
from .page_cache import invalidate_all
from .transparency import TransparencyPage

VALUE_DEFINITIONS = {
    "BP": "Komitmen memberikan pelayanan prima demi kepuasan masyarakat: memahami kebutuhan "
    "mereka, melayani dengan ramah dan cekatan, dan terus memperbaiki layanan.",
    "AK": "Bertanggung jawab atas kepercayaan yang diberikan: bekerja jujur dan cermat, memakai "
    "barang milik negara secara efisien, dan tidak menyalahgunakan kewenangan.",
    "KO": "Terus belajar dan mengembangkan kapabilitas: meningkatkan kompetensi diri, membantu "
    "orang lain belajar, dan melaksanakan tugas dengan kualitas terbaik.",
    "HA": "Saling peduli dan menghargai perbedaan: menghormati setiap orang, suka menolong, dan "
    "membangun lingkungan kerja yang kondusif.",
    "LO": "Berdedikasi dan mengutamakan kepentingan bangsa dan negara: setia kepada Pancasila, "
    "UUD 1945 dan NKRI, menjaga nama baik, serta menjaga rahasia jabatan dan negara.",
    "AD": "Terus berinovasi dan antusias menghadapi perubahan: cepat menyesuaikan diri, kreatif, "
    "dan bertindak proaktif.",
    "KL": "Membangun kerja sama yang sinergis: memberi kesempatan semua pihak berkontribusi, "
    "terbuka bekerja sama, dan menggerakkan sumber daya untuk tujuan bersama.",
}
VALUE_COLOURS = {
    "BP": (122, 31, 31),
    "AK": (31, 79, 122),
    "KO": (30, 107, 58),
    "HA": (138, 90, 0),
    "LO": (92, 21, 21),
    "AD": (88, 44, 131),
    "KL": (20, 100, 110),
}


@transaction.atomic
def seed_pages() -> HomePage:
    home = _home()
    articles = _child(
        home,
        ArticleIndexPage,
        slug="artikel",
        title="Artikel",
        intro="Bacaan singkat tentang nilai BerAKHLAK, e-Kinerja, dan pengembangan kompetensi ASN.",
    )
    values = _child(
        home,
        ValueIndexPage,
        slug="nilai-berakhlak",
        title="Nilai BerAKHLAK",
        intro="Tujuh nilai dasar ASN menurut SE MenPANRB 20/2021, masing-masing "
        "dengan tiga panduan perilaku.",
    )
    _child(
        home,
        StandardPage,
        slug="tentang",
        title="Tentang Bina ASN",
        intro="Bina ASN adalah platform pembelajaran dan pembinaan kinerja ASN yang "
        "terhubung dengan SKP di e-Kinerja.",
    )
    _child(
        home,
        TransparencyPage,
        slug="transparansi",
        title="Transparansi",
        intro="<p>Angka agregat pengembangan kompetensi dan pembinaan pegawai per unit "
        "kerja, tanpa nama atau NIP siapa pun.</p>",
    )
    _seed_value_pages(values)
    for data in ARTICLES:
        _seed_article(articles, data)
    # Pages added here skip Wagtail's publish signals: drop cached pages and links.
    transaction.on_commit(invalidate_all)
    return home


def _home() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(
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


def _child(parent: Page, model, *, slug: str, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    return parent.add_child(instance=model(slug=slug, **fields))


def _seed_value_pages(index: ValueIndexPage) -> None:
    for value in Competency.objects.values_berakhlak():
        if ValuePage.objects.filter(competency=value).exists():
            continue
        index.add_child(
            instance=ValuePage(
                title=value.name,
                slug=value.name.lower().replace(" ", "-"),
                competency=value,
                definition=VALUE_DEFINITIONS.get(value.code, value.description),
            )
        )


def _seed_article(index: ArticleIndexPage, data: dict) -> None:
    if ArticlePage.objects.child_of(index).filter(slug=data["slug"]).exists():
        return
    values = list(Competency.objects.filter(code__in=data["values"]))
    article = ArticlePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        author=data["author"],
        date=data["date"],
        featured=data["featured"],
        hero_image=_hero_image(data["title"], data["values"][0]),
        hero_image_alt=f"Ilustrasi bertuliskan “{data['title']}”",
        body=_body(data),
    )
    article.values.set(values)
    article.tags.set(data["tags"])
    index.add_child(instance=article)


def _body(data: dict) -> list:
    body = []
    for heading, paragraphs in data["sections"]:
        body.append(("heading", {"text": heading, "level": "h2"}))
        body.extend(("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs)
    if "table" in data:
        body.append(("table", data["table"]))
    if "callout" in data:
        kind, title, text = data["callout"]
        body.append(("callout", {"kind": kind, "title": title, "text": RichText(f"<p>{text}</p>")}))
    if "quote" in data:
        text, attribution = data["quote"]
        body.append(("quote", {"text": text, "attribution": attribution}))
    return body


def _hero_image(title: str, value_code: str):
    """A 1200×630 card in the value's colour with the title: drawn, not downloaded."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    colour = VALUE_COLOURS.get(value_code, (122, 31, 31))
    canvas = PillowImage.new("RGB", (1200, 630), colour)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 560, 1200, 630), fill=(242, 193, 78))
    draw.text((60, 50), value_code, fill=(242, 193, 78), font=ImageFont.load_default(140))
    font = ImageFont.load_default(54)
    for number, line in enumerate(_wrap(title, 34)):
        draw.text((60, 250 + number * 70), line, fill=(255, 255, 255), font=font)
    draw.text(
        (60, 572),
        "Bina ASN · Bangga Melayani Bangsa",
        fill=(29, 29, 31),
        font=ImageFont.load_default(36),
    )
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    slug = "".join(c if c.isalnum() else "-" for c in title.lower())[:60]
    return image_model.objects.create(title=title, file=ImageFile(buffer, name=f"{slug}.png"))


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line][:4]
