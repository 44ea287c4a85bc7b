# ruff: noqa: E501 - long Indonesian prose lines read better unbroken
"""The demo courses: written for Bina ASN, in Indonesian, one per BerAKHLAK value, three on
performance management, and one each on pelayanan publik and komunikasi (the competency
dictionary's MJ-PP and MJ-KOM). Plain data so editors can read it like a syllabus."""

# Each lesson body is a list of (block type, value) in LessonStreamBlock's raw form;
# ("guide", "BP-1", "example") is resolved to the competency's id when seeded.


def p(*paragraphs: str) -> tuple:
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


def points(*items: str, title: str = "Poin penting") -> tuple:
    return ("key_points", {"title": title, "points": list(items)})


def reflect(prompt: str, hint: str = "") -> tuple:
    return ("reflection", {"prompt": prompt, "hint": hint})


def guide(code: str, example: str) -> tuple:
    return ("guide", {"guide": code, "example": example})


def tip(title: str, body: str) -> tuple:
    return ("callout", {"kind": "tip", "title": title, "text": f"<p>{body}</p>"})


COURSES = [
    {
        "slug": "berorientasi-pelayanan",
        "title": "Berorientasi Pelayanan: Melayani dengan Hati",
        "summary": (
            "Memahami kebutuhan masyarakat, melayani dengan ramah dan solutif, serta "
            "memperbaiki layanan tanpa henti sesuai panduan perilaku BerAKHLAK."
        ),
        "objectives": [
            "Menjelaskan tiga panduan perilaku nilai Berorientasi Pelayanan.",
            "Memetakan kebutuhan pengguna layanan di unit kerja sendiri.",
            "Menyusun satu usulan perbaikan layanan yang konkret.",
        ],
        "jp": 2,
        "competencies": [
            ("BP", None, "evidence"),
            ("BP-1", None, "evidence"),
            ("MJ-PP", 2, "evidence"),
        ],
        "lessons": [
            (
                "Mengapa pelayanan menjadi nilai pertama",
                15,
                [
                    p(
                        "ASN hadir untuk melayani. Nilai <strong>Berorientasi Pelayanan</strong> berarti "
                        "berkomitmen memberikan pelayanan prima demi kepuasan masyarakat.",
                        "Pelayanan tidak hanya terjadi di loket. Menyusun laporan yang mudah dibaca "
                        "pimpinan, menjawab surat tepat waktu, atau membantu rekan unit lain juga pelayanan.",
                    ),
                    points(
                        "Pengguna layanan bisa masyarakat, rekan kerja, atau instansi lain.",
                        "Kepuasan diukur dari sudut pandang pengguna, bukan dari prosedur kita.",
                        "Setiap tugas punya pengguna: kenali siapa mereka.",
                    ),
                    reflect("Siapa saja pengguna hasil kerja Anda minggu ini?"),
                ],
            ),
            (
                "Memahami dan memenuhi kebutuhan masyarakat",
                20,
                [
                    p(
                        "Kebutuhan pengguna sering berbeda dari yang kita duga. Cara paling sederhana "
                        "untuk memahaminya adalah bertanya dan mengamati.",
                        "Gunakan survei singkat, kotak saran, atau catatan keluhan untuk menemukan pola. "
                        "Tiga keluhan yang sama dalam sebulan adalah tanda perlu perbaikan.",
                    ),
                    guide(
                        "BP-1",
                        "Petugas layanan mencatat pertanyaan yang paling sering diajukan dan "
                        "menempelkan jawabannya di papan informasi dan laman instansi.",
                    ),
                    points(
                        "Dengarkan sampai selesai sebelum menjawab.",
                        "Catat keluhan berulang dan bagikan kepada pimpinan.",
                        "Sederhanakan bahasa formulir dan pengumuman.",
                    ),
                ],
            ),
            (
                "Ramah, cekatan, solutif, dan dapat diandalkan",
                15,
                [
                    p(
                        "Sikap ramah membuat pengguna merasa dihargai; cekatan dan solutif membuat "
                        "urusannya selesai. Dapat diandalkan berarti janji layanan ditepati.",
                        "Jika sebuah permintaan tidak dapat dipenuhi, jelaskan alasannya dan tawarkan "
                        "jalan keluar, misalnya rujukan ke unit yang tepat.",
                    ),
                    guide(
                        "BP-2",
                        "Saat sistem antrean mati, petugas segera membagikan nomor manual "
                        "dan memberi tahu perkiraan waktu tunggu.",
                    ),
                    tip(
                        "Standar waktu",
                        "Tuliskan dan umumkan standar waktu layanan, lalu ukur apakah "
                        "unit Anda memenuhinya.",
                    ),
                ],
            ),
            (
                "Melakukan perbaikan tiada henti",
                20,
                [
                    p(
                        "Perbaikan layanan dimulai dari masalah kecil yang nyata. Siklus rencanakan–"
                        "lakukan–periksa–tindak lanjuti membantu perbaikan tetap terarah.",
                        "Ukur sebelum dan sesudah perubahan agar dampaknya terlihat dan dapat menjadi "
                        "bukti dukung kinerja.",
                    ),
                    guide(
                        "BP-3",
                        "Unit kepegawaian memangkas syarat berkas kenaikan pangkat yang "
                        "sudah tersedia di SIASN sehingga waktu proses turun dua hari.",
                    ),
                    reflect(
                        "Pilih satu layanan di unit Anda. Apa satu perbaikan yang bisa dicoba "
                        "bulan ini, dan bagaimana Anda akan mengukurnya?"
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "akuntabel",
        "title": "Akuntabel: Bertanggung Jawab atas Kepercayaan",
        "summary": (
            "Melaksanakan tugas dengan jujur dan cermat, menggunakan barang milik negara "
            "secara bertanggung jawab, dan tidak menyalahgunakan kewenangan."
        ),
        "objectives": [
            "Mengenali perilaku akuntabel dalam tugas sehari-hari.",
            "Membedakan penggunaan barang milik negara yang wajar dan yang tidak.",
            "Mengidentifikasi situasi konflik kepentingan.",
        ],
        "jp": 2,
        "competencies": [("AK", None, "evidence"), ("MJ-INT", 2, "evidence")],
        "lessons": [
            (
                "Makna akuntabel bagi ASN",
                15,
                [
                    p(
                        "Akuntabel berarti bertanggung jawab atas kepercayaan yang diberikan. "
                        "Kepercayaan itu datang dari masyarakat melalui negara.",
                        "Akuntabilitas tampak dari hal sederhana: hadir tepat waktu, menyelesaikan "
                        "pekerjaan sesuai janji, dan melaporkan hasil apa adanya.",
                    ),
                    guide(
                        "AK-1",
                        "Pegawai melaporkan bahwa target belum tercapai beserta kendalanya, "
                        "bukan melaporkan angka yang dipercantik.",
                    ),
                    points(
                        "Jujur dalam laporan, termasuk saat hasil belum baik.",
                        "Cermat: periksa ulang angka dan nama sebelum mengirim.",
                        "Disiplin pada jadwal dan aturan.",
                    ),
                ],
            ),
            (
                "Barang milik negara",
                15,
                [
                    p(
                        "Kendaraan dinas, laptop, ruang rapat, dan anggaran adalah milik negara. "
                        "Menggunakannya secara efektif dan efisien adalah bagian dari akuntabilitas.",
                        "Efisien bukan berarti pelit: rapat daring yang cukup lebih baik daripada "
                        "perjalanan dinas yang tidak perlu.",
                    ),
                    guide(
                        "AK-2",
                        "Tim mematikan pendingin ruangan dan lampu saat rapat selesai dan "
                        "mencatat peminjaman proyektor.",
                    ),
                    reflect(
                        "Barang milik negara apa yang paling sering Anda gunakan? Bagaimana "
                        "memastikan penggunaannya tercatat dan wajar?"
                    ),
                ],
            ),
            (
                "Tidak menyalahgunakan kewenangan",
                20,
                [
                    p(
                        "Kewenangan jabatan diberikan untuk tujuan organisasi. Memakainya untuk "
                        "kepentingan pribadi, keluarga, atau kelompok adalah penyalahgunaan.",
                        "Konflik kepentingan perlu dinyatakan sejak awal, misalnya saat menilai usulan "
                        "dari kerabat. Menyatakan konflik bukan kesalahan; menyembunyikannya yang salah.",
                    ),
                    guide(
                        "AK-3",
                        "Pejabat pengadaan mundur dari panitia karena salah satu penyedia "
                        "adalah perusahaan milik saudaranya, dan mencatatnya secara tertulis.",
                    ),
                    tip(
                        "Gratifikasi",
                        "Hadiah yang berhubungan dengan jabatan wajib ditolak atau "
                        "dilaporkan sesuai ketentuan instansi.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "kompeten",
        "title": "Kompeten: Terus Belajar dan Berkembang",
        "summary": (
            "Meningkatkan kompetensi diri, membantu orang lain belajar, dan melaksanakan "
            "tugas dengan kualitas terbaik, termasuk memenuhi 20 JP per tahun."
        ),
        "objectives": [
            "Menjelaskan kewajiban pengembangan kompetensi minimal 20 JP per tahun.",
            "Menyusun rencana belajar pribadi dengan pola 10:20:70.",
            "Berbagi pengetahuan kepada rekan kerja.",
        ],
        "jp": 3,
        "competencies": [
            ("KO", None, "evidence"),
            ("KO-1", None, "complete"),
            ("MJ-PDOL", 2, "evidence"),
        ],
        "lessons": [
            (
                "Belajar sebagai kewajiban dan kebutuhan",
                20,
                [
                    p(
                        "Setiap PNS berhak dan wajib mengembangkan kompetensi paling sedikit "
                        "<strong>20 jam pelajaran (JP) per tahun</strong>. Satu JP lazimnya 45 menit.",
                        "Pengembangan kompetensi dapat klasikal (pelatihan, seminar, bimtek) maupun "
                        "nonklasikal (e-learning, coaching, mentoring, belajar mandiri).",
                    ),
                    guide(
                        "KO-1",
                        "Seorang analis mengikuti e-learning analisis data setelah unitnya "
                        "mulai memakai dasbor kinerja.",
                    ),
                    points(
                        "Catat setiap pelatihan di luar platform beserta sertifikatnya.",
                        "JP dari Bina ASN tercatat otomatis saat kursus selesai.",
                        "Pantau capaian JP Anda di halaman Belajar Saya.",
                    ),
                ],
            ),
            (
                "Pola 10:20:70",
                15,
                [
                    p(
                        "Sebagian besar pembelajaran terjadi saat bekerja. Pola 10:20:70 menggambarkan "
                        "10% belajar formal, 20% belajar dari orang lain, dan 70% belajar dari pengalaman.",
                        "Rencana belajar yang baik menggabungkan ketiganya: kursus singkat, diskusi "
                        "dengan mentor, dan penugasan yang menantang.",
                    ),
                    reflect(
                        "Kompetensi apa yang paling Anda butuhkan tahun ini? Tuliskan satu "
                        "kegiatan untuk masing-masing bagian 10, 20, dan 70."
                    ),
                ],
            ),
            (
                "Membantu orang lain belajar",
                15,
                [
                    p(
                        "Kompeten juga berarti berbagi. Pegawai yang menguasai aplikasi baru dapat "
                        "membuat panduan singkat atau sesi berbagi 15 menit.",
                        "Mengajarkan sesuatu adalah cara terbaik memastikan kita benar-benar memahaminya.",
                    ),
                    guide("KO-2", "Pegawai senior mendampingi CPNS menyusun SKP pertamanya."),
                ],
            ),
            (
                "Kualitas terbaik dalam tugas",
                15,
                [
                    p(
                        "Kualitas terbaik bukan kesempurnaan, melainkan hasil yang memenuhi kebutuhan "
                        "pengguna, tepat waktu, dan bebas dari kesalahan yang dapat dicegah.",
                        "Gunakan daftar periksa untuk pekerjaan berulang dan minta rekan memeriksa "
                        "pekerjaan penting sebelum dikirim.",
                    ),
                    guide(
                        "KO-3",
                        "Penyusun laporan memakai daftar periksa data sebelum laporan "
                        "triwulan dikirim ke pimpinan.",
                    ),
                    points(
                        "Pahami standar hasil yang diharapkan.",
                        "Periksa ulang sebelum menyerahkan.",
                        "Belajar dari umpan balik.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "harmonis",
        "title": "Harmonis: Saling Peduli dan Menghargai Perbedaan",
        "summary": (
            "Menghargai setiap orang apa pun latar belakangnya, suka menolong, dan "
            "membangun lingkungan kerja yang kondusif."
        ),
        "objectives": [
            "Menunjukkan sikap menghargai perbedaan di tempat kerja.",
            "Mengenali tanda lingkungan kerja yang tidak kondusif.",
            "Menerapkan cara sederhana menyelesaikan perbedaan pendapat.",
        ],
        "jp": 2,
        "competencies": [("HA", None, "evidence"), ("SK-PB", 2, "evidence")],
        "lessons": [
            (
                "Menghargai setiap orang",
                15,
                [
                    p(
                        "Indonesia beragam: suku, agama, bahasa, usia, dan pandangan. Harmonis berarti "
                        "memperlakukan semua orang dengan hormat tanpa membeda-bedakan.",
                        "Di tempat kerja, menghargai berarti mendengarkan pendapat siapa pun, termasuk "
                        "pegawai baru dan rekan dari unit lain.",
                    ),
                    guide(
                        "HA-1",
                        "Pimpinan rapat memastikan setiap peserta, termasuk yang paling "
                        "junior, mendapat kesempatan berbicara.",
                    ),
                ],
            ),
            (
                "Suka menolong",
                10,
                [
                    p(
                        "Menolong rekan yang kewalahan memperkuat tim. Tawarkan bantuan yang konkret, "
                        "misalnya memeriksa data atau menggantikan sementara di loket.",
                        "Menolong juga berarti tahu batas: jangan sampai tugas utama terbengkalai.",
                    ),
                    guide(
                        "HA-2",
                        "Saat rekan cuti sakit, anggota tim membagi tugasnya agar layanan "
                        "tetap berjalan.",
                    ),
                    reflect(
                        "Kapan terakhir kali Anda menolong rekan kerja? Apa dampaknya bagi tim?"
                    ),
                ],
            ),
            (
                "Lingkungan kerja yang kondusif",
                20,
                [
                    p(
                        "Lingkungan yang kondusif aman secara psikologis: orang berani bertanya, "
                        "mengakui kesalahan, dan menyampaikan ide tanpa takut dipermalukan.",
                        "Perbedaan pendapat wajar. Bahas masalahnya, bukan orangnya, dan sepakati "
                        "langkah berikutnya bersama.",
                    ),
                    guide(
                        "HA-3",
                        "Tim menyepakati aturan grup percakapan kantor: tidak ada pesan "
                        "pekerjaan setelah pukul 20.00 kecuali darurat.",
                    ),
                    points(
                        "Kritik disampaikan secara pribadi, apresiasi di depan umum.",
                        "Hindari gosip dan candaan yang merendahkan.",
                        "Laporkan perundungan melalui saluran resmi.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "loyal",
        "title": "Loyal: Berdedikasi kepada Bangsa dan Negara",
        "summary": (
            "Memegang teguh Pancasila dan UUD 1945, menjaga nama baik ASN dan instansi, "
            "serta menjaga rahasia jabatan dan negara, termasuk data pribadi."
        ),
        "objectives": [
            "Menjelaskan tiga panduan perilaku nilai Loyal.",
            "Menerapkan etika bermedia sosial sebagai ASN.",
            "Melindungi data pribadi dan informasi yang dikecualikan.",
        ],
        "jp": 2,
        "competencies": [("LO", None, "evidence"), ("SK-PB", 2, "evidence")],
        "lessons": [
            (
                "Setia kepada Pancasila, UUD 1945, dan NKRI",
                15,
                [
                    p(
                        "Loyal berarti berdedikasi dan mengutamakan kepentingan bangsa dan negara. "
                        "ASN menjalankan kebijakan pemerintah yang sah secara netral dan profesional.",
                        "Netralitas berarti tidak memihak dalam kontestasi politik, baik di kantor "
                        "maupun di media sosial.",
                    ),
                    guide(
                        "LO-1",
                        "Pegawai tidak ikut menyebarkan atau menyukai unggahan kampanye "
                        "calon tertentu selama masa pemilihan.",
                    ),
                ],
            ),
            (
                "Menjaga nama baik",
                15,
                [
                    p(
                        "Perilaku ASN di luar jam kerja tetap mencerminkan instansi. Unggahan yang "
                        "merendahkan rekan, pimpinan, atau instansi merugikan kepercayaan publik.",
                        "Kritik dan masukan tetap boleh, disampaikan melalui saluran yang tepat.",
                    ),
                    guide(
                        "LO-2",
                        "Pegawai yang kecewa pada sebuah kebijakan menyampaikan masukan "
                        "dalam rapat, bukan melalui status media sosial.",
                    ),
                    tip(
                        "Sebelum mengunggah",
                        "Tanyakan: apakah saya nyaman jika unggahan ini "
                        "dibaca pimpinan dan masyarakat yang saya layani?",
                    ),
                ],
            ),
            (
                "Menjaga rahasia jabatan dan data pribadi",
                20,
                [
                    p(
                        "NIP, alamat, penilaian kinerja, dan data kesehatan adalah data pribadi yang "
                        "dilindungi Undang-Undang Pelindungan Data Pribadi.",
                        "Bagikan data hanya kepada yang berhak, seperlunya, dan melalui saluran resmi. "
                        "Jangan mengirim daftar pegawai lengkap ke grup percakapan.",
                    ),
                    guide(
                        "LO-3",
                        "Operator kepegawaian menyamarkan NIP saat membagikan rekap "
                        "kehadiran kepada seluruh unit.",
                    ),
                    points(
                        "Kunci layar saat meninggalkan meja.",
                        "Jangan berbagi kata sandi, termasuk dengan rekan.",
                        "Laporkan kebocoran data sesegera mungkin.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "adaptif",
        "title": "Adaptif: Berinovasi dan Antusias Menghadapi Perubahan",
        "summary": (
            "Cepat menyesuaikan diri, terus berinovasi, dan bertindak proaktif, misalnya "
            "saat layanan beralih ke digital."
        ),
        "objectives": [
            "Mengenali reaksi diri terhadap perubahan.",
            "Menyusun ide inovasi sederhana dengan pendekatan uji coba kecil.",
            "Bertindak proaktif sebelum masalah membesar.",
        ],
        "jp": 2,
        "competencies": [("AD", None, "evidence"), ("MJ-MP", 2, "evidence")],
        "lessons": [
            (
                "Menyesuaikan diri dengan perubahan",
                15,
                [
                    p(
                        "Perubahan aturan, aplikasi, dan struktur organisasi adalah hal biasa. "
                        "Rasa tidak nyaman itu wajar; yang penting adalah cepat mempelajari cara baru.",
                        "Mulailah dengan memahami alasan perubahan dan apa yang diharapkan dari Anda.",
                    ),
                    guide(
                        "AD-1",
                        "Saat e-Kinerja diberlakukan, pegawai mengikuti sosialisasi dan "
                        "mencoba mengisi SKP lebih awal agar sempat bertanya.",
                    ),
                ],
            ),
            (
                "Berinovasi dengan uji coba kecil",
                20,
                [
                    p(
                        "Inovasi tidak harus besar atau mahal. Formulir yang disederhanakan atau "
                        "pengingat otomatis lewat surel sudah merupakan inovasi.",
                        "Uji ide pada skala kecil selama dua sampai empat minggu, ukur hasilnya, lalu "
                        "putuskan: lanjutkan, ubah, atau hentikan.",
                    ),
                    guide(
                        "AD-2",
                        "Seksi layanan mencoba janji temu daring selama sebulan dan "
                        "antrean pagi berkurang separuhnya.",
                    ),
                    reflect(
                        "Masalah berulang apa di unit Anda yang bisa diuji dengan solusi kecil?"
                    ),
                ],
            ),
            (
                "Bertindak proaktif",
                15,
                [
                    p(
                        "Proaktif berarti bertindak sebelum diminta: melihat risiko, menyiapkan "
                        "rencana cadangan, dan memberi tahu pimpinan lebih awal.",
                        "Proaktif berbeda dari bertindak sendiri tanpa koordinasi.",
                    ),
                    guide(
                        "AD-3",
                        "Pegawai melihat masa berlaku lisensi aplikasi hampir habis dan "
                        "mengajukan perpanjangan sebulan sebelumnya.",
                    ),
                    points(
                        "Kenali tanda masalah sejak dini.",
                        "Tawarkan solusi, bukan hanya masalah.",
                        "Koordinasikan sebelum bertindak.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "kolaboratif",
        "title": "Kolaboratif: Membangun Kerja Sama yang Sinergis",
        "summary": (
            "Memberi kesempatan semua pihak berkontribusi, terbuka bekerja sama untuk nilai "
            "tambah, dan menggerakkan sumber daya untuk tujuan bersama."
        ),
        "objectives": [
            "Memetakan pemangku kepentingan sebuah pekerjaan.",
            "Menerapkan praktik rapat yang memberi ruang kontribusi.",
            "Memanfaatkan sumber daya lintas unit.",
        ],
        "jp": 2,
        "competencies": [("KL", None, "evidence"), ("MJ-KS", 2, "evidence")],
        "lessons": [
            (
                "Memberi kesempatan berkontribusi",
                15,
                [
                    p(
                        "Kolaborasi dimulai dengan mengajak pihak yang tepat sejak awal, bukan setelah "
                        "keputusan diambil.",
                        "Peta pemangku kepentingan sederhana membantu: siapa yang terdampak, siapa yang "
                        "memutuskan, dan siapa yang punya data.",
                    ),
                    guide(
                        "KL-1",
                        "Penyusun kebijakan mengundang perwakilan petugas loket untuk "
                        "memberi masukan pada rancangan SOP.",
                    ),
                ],
            ),
            (
                "Terbuka dalam bekerja sama",
                15,
                [
                    p(
                        "Keterbukaan berarti berbagi informasi yang dibutuhkan mitra dan menerima "
                        "masukan. Dokumen kerja bersama mengurangi salah paham.",
                        "Sepakati peran, tenggat, dan cara berkomunikasi di awal kerja sama.",
                    ),
                    guide(
                        "KL-2",
                        "Dua bidang berbagi satu lembar kerja data pegawai alih-alih "
                        "masing-masing membuat versinya sendiri.",
                    ),
                    reflect(
                        "Dengan unit mana pekerjaan Anda sering tersendat? Apa satu kesepakatan "
                        "yang bisa memperlancarnya?"
                    ),
                ],
            ),
            (
                "Menggerakkan sumber daya untuk tujuan bersama",
                15,
                [
                    p(
                        "Sumber daya instansi—orang, anggaran, data, dan aplikasi—lebih bermanfaat "
                        "bila digunakan bersama untuk tujuan yang sama.",
                        "Sebelum membuat sesuatu dari nol, tanyakan apakah unit lain sudah memilikinya.",
                    ),
                    guide(
                        "KL-3",
                        "Bagian umum meminjamkan ruang pelatihan dan bagian TI menyiapkan "
                        "jaringan untuk sosialisasi e-Kinerja bersama.",
                    ),
                    points(
                        "Tanyakan dulu sebelum membuat.",
                        "Bagikan hasil agar dapat dipakai ulang.",
                        "Rayakan keberhasilan bersama.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "mengenal-e-kinerja-bkn",
        "title": "Mengenal e-Kinerja BKN",
        "summary": (
            "Alur manajemen kinerja ASN di aplikasi e-Kinerja BKN: dari perencanaan SKP, "
            "bukti dukung, evaluasi, hingga predikat kinerja."
        ),
        "objectives": [
            "Menjelaskan siklus manajemen kinerja menurut PermenPANRB 6/2022.",
            "Menyebutkan langkah pengisian e-Kinerja.",
            "Membaca predikat kinerja dari dua rating.",
        ],
        "jp": 3,
        "level": "dasar",
        "competencies": [("MJ-OPH", 1, "evidence"), ("AD-1", None, "evidence")],
        "lessons": [
            (
                "Siklus manajemen kinerja ASN",
                20,
                [
                    p(
                        "Manajemen kinerja ASN terdiri atas perencanaan, pelaksanaan dan pemantauan "
                        "disertai pembinaan, evaluasi, serta tindak lanjut.",
                        "Penilaian kinerja bukan lagi kegiatan akhir tahun saja. Dialog dan umpan "
                        "balik berlangsung sepanjang periode.",
                    ),
                    points(
                        "Perencanaan: SKP disusun dalam dialog kinerja.",
                        "Pelaksanaan: rencana aksi, bukti dukung, umpan balik.",
                        "Evaluasi: bulanan atau triwulanan dan tahunan.",
                        "Tindak lanjut: penghargaan, pengembangan, atau perbaikan.",
                    ),
                ],
            ),
            (
                "Langkah di aplikasi e-Kinerja",
                20,
                [
                    p(
                        "Urutan kerja di e-Kinerja: pilih periode, tentukan pendekatan, tulis rencana "
                        "hasil kerja yang terhubung dengan RHK pimpinan, susun rencana aksi, lalu unggah "
                        "bukti dukung.",
                        "Pejabat penilai memberikan rating hasil kerja dan rating perilaku kerja pada "
                        "evaluasi.",
                    ),
                    tip(
                        "Simpan bukti sejak awal",
                        "Unggah bukti dukung setiap bulan agar tidak menumpuk di akhir periode.",
                    ),
                ],
            ),
            (
                "Rating dan predikat kinerja",
                20,
                [
                    p(
                        "Ada dua rating: hasil kerja dan perilaku kerja, masing-masing Di Atas, Sesuai, "
                        "atau Di Bawah Ekspektasi.",
                        "Predikat ditentukan dari tabel kuadran, bukan dari nilai tertinggi. Contohnya, "
                        "hasil kerja Di Atas Ekspektasi dengan perilaku Di Bawah Ekspektasi menghasilkan "
                        "predikat Kurang/Misconduct.",
                    ),
                    points(
                        "Sangat Baik: hasil dan perilaku Di Atas Ekspektasi.",
                        "Baik: keduanya minimal Sesuai Ekspektasi (kecuali Sangat Baik).",
                        "Butuh Perbaikan: hasil Di Bawah, perilaku minimal Sesuai.",
                        "Sangat Kurang: keduanya Di Bawah Ekspektasi.",
                        title="Predikat kinerja",
                    ),
                ],
            ),
            (
                "Tindak lanjut dan pengembangan",
                15,
                [
                    p(
                        "Hasil evaluasi menjadi dasar pengembangan. Pegawai dengan predikat Butuh "
                        "Perbaikan mendapat pembelajaran teknis dan coaching; pegawai Sangat Baik dapat "
                        "menjadi mentor.",
                        "Di Bina ASN, rekomendasi kursus dan penugasan dari pimpinan muncul di halaman "
                        "Belajar Saya.",
                    ),
                    reflect(
                        "Apa satu hal yang ingin Anda perbaiki dari cara mengisi e-Kinerja periode lalu?"
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "menyusun-skp-dan-rhk",
        "title": "Menyusun SKP dan Rencana Hasil Kerja",
        "summary": (
            "Menulis SKP yang baik: RHK yang mengintervensi RHK pimpinan, indikator kinerja "
            "individu yang terukur, target realistis, dan ekspektasi perilaku."
        ),
        "objectives": [
            "Menulis RHK yang terhubung dengan RHK pimpinan.",
            "Menyusun indikator kinerja individu dengan aspek kuantitas, kualitas, waktu, atau biaya.",
            "Membedakan pendekatan kuantitatif dan kualitatif.",
        ],
        "jp": 3,
        "level": "menengah",
        "competencies": [
            ("TK-SKP", 2, "complete"),
            ("MJ-OPH", 2, "complete"),
            ("KO-3", None, "evidence"),
        ],
        "lessons": [
            (
                "Struktur SKP",
                15,
                [
                    p(
                        "SKP berisi rencana hasil kerja (utama dan tambahan), perilaku kerja BerAKHLAK "
                        "dengan ekspektasi khusus pimpinan, dan lampiran tentang dukungan sumber daya, "
                        "skema pertanggungjawaban, serta konsekuensi.",
                        "SKP disepakati dalam dialog kinerja antara pegawai dan pejabat penilai.",
                    ),
                    points(
                        "RHK utama mendukung tujuan unit.",
                        "RHK tambahan bersifat opsional.",
                        "Perilaku kerja memakai tujuh nilai BerAKHLAK.",
                    ),
                ],
            ),
            (
                "Menulis RHK yang mengintervensi RHK pimpinan",
                20,
                [
                    p(
                        "Setiap RHK pegawai harus menjawab: RHK pimpinan yang mana yang saya dukung? "
                        "Inilah yang disebut cascading.",
                        'Tulis RHK sebagai hasil, bukan kegiatan. "Tersusunnya laporan evaluasi '
                        'layanan triwulanan" lebih baik daripada "menyusun laporan".',
                    ),
                    tip(
                        "Uji cepat",
                        "Jika RHK bisa dicentang selesai tanpa ada yang merasakan "
                        "manfaatnya, kemungkinan itu masih kegiatan, bukan hasil.",
                    ),
                ],
            ),
            (
                "Indikator dan target",
                20,
                [
                    p(
                        "Indikator kinerja individu (IKI) menunjukkan ukuran keberhasilan RHK. Gunakan "
                        "aspek kuantitas, kualitas, waktu, atau biaya yang relevan.",
                        "Target harus menantang tetapi realistis, dan datanya tersedia untuk diukur.",
                    ),
                    points(
                        "Kuantitas: jumlah dokumen, layanan, atau peserta.",
                        "Kualitas: persentase tanpa revisi, skor kepuasan.",
                        "Waktu: rata-rata hari penyelesaian.",
                        "Biaya: realisasi terhadap anggaran.",
                        title="Contoh aspek IKI",
                    ),
                ],
            ),
            (
                "Pendekatan kuantitatif dan kualitatif",
                15,
                [
                    p(
                        "Pendekatan kuantitatif memakai angka target. Pendekatan kualitatif dipakai bila "
                        "hasil sulit diangkakan; ukurannya berupa kriteria yang disepakati.",
                        "Pilih pendekatan yang paling jujur menggambarkan hasil kerja Anda.",
                    ),
                    reflect(
                        "Ambil satu RHK Anda tahun ini. Tulis ulang indikatornya agar lebih "
                        "terukur, lalu diskusikan dengan pejabat penilai."
                    ),
                ],
            ),
            (
                "Ekspektasi perilaku kerja",
                10,
                [
                    p(
                        "Untuk setiap nilai BerAKHLAK, pimpinan dapat menuliskan ekspektasi khusus "
                        "yang sesuai dengan tugas pegawai.",
                        "Ekspektasi yang jelas memudahkan umpan balik dan penilaian perilaku kerja.",
                    ),
                    guide(
                        "KO-1",
                        "Ekspektasi pimpinan: mengikuti minimal satu pelatihan analisis "
                        "data dan membagikan hasilnya kepada tim.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "dialog-kinerja-dan-umpan-balik",
        "title": "Dialog Kinerja dan Umpan Balik Berkelanjutan",
        "summary": (
            "Melakukan dialog kinerja yang bermakna dan memberi serta menerima umpan balik "
            "berkelanjutan, termasuk dasar coaching untuk pimpinan."
        ),
        "objectives": [
            "Menyiapkan dan memandu dialog kinerja.",
            "Memberi umpan balik dengan model situasi–perilaku–dampak.",
            "Menerapkan percakapan coaching sederhana.",
        ],
        "jp": 3,
        "level": "menengah",
        "competencies": [
            ("MJ-KOM", 2, "evidence"),
            ("MJ-PDOL", 3, "evidence"),
            ("KL-2", None, "evidence"),
        ],
        "lessons": [
            (
                "Apa itu dialog kinerja",
                15,
                [
                    p(
                        "Dialog kinerja adalah percakapan dua arah antara pegawai dan pimpinan tentang "
                        "ekspektasi, kemajuan, hambatan, dan dukungan yang dibutuhkan.",
                        "Dialog dilakukan saat menyusun SKP, selama pelaksanaan, dan saat evaluasi.",
                    ),
                    points(
                        "Siapkan data kemajuan sebelum bertemu.",
                        "Dengarkan lebih banyak daripada berbicara.",
                        "Tutup dengan kesepakatan langkah berikutnya.",
                    ),
                ],
            ),
            (
                "Umpan balik berkelanjutan",
                20,
                [
                    p(
                        "Umpan balik paling berguna bila diberikan segera, spesifik, dan fokus pada "
                        "perilaku. Model situasi–perilaku–dampak membantu.",
                        'Contoh: "Pada rapat Senin (situasi), Anda menyajikan data dengan grafik yang '
                        'ringkas (perilaku), sehingga keputusan diambil dalam sepuluh menit (dampak)."',
                    ),
                    tip(
                        "Apresiasi juga umpan balik",
                        "Sampaikan perilaku baik secara spesifik agar diulang.",
                    ),
                ],
            ),
            (
                "Menerima umpan balik",
                10,
                [
                    p(
                        "Menerima umpan balik membutuhkan keterbukaan. Dengarkan, ajukan pertanyaan "
                        "klarifikasi, ucapkan terima kasih, lalu putuskan apa yang akan dilakukan.",
                        "Tidak semua umpan balik harus diterima, tetapi semuanya layak dipertimbangkan.",
                    ),
                    reflect("Umpan balik apa yang paling membantu Anda tahun ini, dan mengapa?"),
                ],
            ),
            (
                "Dasar coaching bagi pimpinan",
                20,
                [
                    p(
                        "Coaching membantu pegawai menemukan solusinya sendiri melalui pertanyaan. "
                        "Kerangka GROW sering dipakai: Goal, Reality, Options, Will.",
                        "Coaching cocok bagi pegawai yang mampu tetapi terhambat; pegawai yang belum "
                        "mampu lebih terbantu dengan pelatihan atau mentoring.",
                    ),
                    points(
                        "Goal: apa yang ingin dicapai?",
                        "Reality: bagaimana keadaan sekarang?",
                        "Options: apa saja pilihan yang ada?",
                        "Will: apa yang akan dilakukan, kapan?",
                        title="Pertanyaan GROW",
                    ),
                    guide(
                        "KO-2",
                        "Pimpinan menjadwalkan sesi coaching 30 menit setiap bulan dengan "
                        "pegawai yang predikatnya Butuh Perbaikan.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "pelayanan-publik-prima",
        "title": "Pelayanan Publik: Standar, Maklumat, dan Survei Kepuasan",
        "summary": (
            "Menyelenggarakan pelayanan publik sesuai UU 25/2009: menyusun standar pelayanan "
            "bersama masyarakat, menepati maklumat pelayanan, dan memperbaiki layanan dari "
            "hasil Survei Kepuasan Masyarakat."
        ),
        "objectives": [
            "Menjelaskan asas dan kewajiban penyelenggara menurut UU 25/2009.",
            "Memeriksa kelengkapan standar pelayanan unit sendiri terhadap 14 komponennya.",
            "Menindaklanjuti hasil SKM dengan satu rencana perbaikan yang terukur.",
        ],
        "jp": 2,
        "level": "dasar",
        "competencies": [
            ("MJ-PP", 2, "evidence"),
            ("BP", None, "evidence"),
            ("BP-3", None, "evidence"),
        ],
        "lessons": [
            (
                "Pelayanan publik menurut UU 25/2009",
                20,
                [
                    p(
                        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik menjamin hak setiap "
                        "warga atas layanan barang, jasa, dan administratif yang baik. Undang-undang ini "
                        "mengikat setiap <strong>penyelenggara</strong>: instansi pemerintah, BUMN/BUMD, dan "
                        "badan lain yang dibentuk untuk pelayanan publik, beserta setiap pelaksananya.",
                        "Pelayanan publik berpegang pada asas, antara lain kepentingan umum, kepastian "
                        "hukum, kesamaan hak, keprofesionalan, partisipatif, tidak diskriminatif, "
                        "keterbukaan, akuntabilitas, fasilitas dan perlakuan khusus bagi kelompok rentan, "
                        "ketepatan waktu, serta kecepatan, kemudahan, dan keterjangkauan.",
                    ),
                    points(
                        "Penyelenggara wajib menyusun dan menetapkan standar pelayanan.",
                        "Penyelenggara wajib menyusun, menetapkan, dan memublikasikan maklumat pelayanan.",
                        "Pelaksana dilarang meminta imbalan di luar biaya yang ditetapkan.",
                        "Masyarakat berhak mengadu kepada penyelenggara, Ombudsman, atau DPR/DPRD.",
                        title="Kewajiban dan larangan yang paling sering ditanyakan",
                    ),
                    guide(
                        "BP-1",
                        "Petugas menyediakan loket prioritas dan kursi roda bagi lansia dan "
                        "penyandang disabilitas, sesuai asas perlakuan khusus bagi kelompok rentan.",
                    ),
                    reflect(
                        "Layanan apa saja yang diberikan unit Anda kepada masyarakat atau instansi lain? "
                        "Siapa pengguna yang paling sering kesulitan?"
                    ),
                ],
            ),
            (
                "Standar pelayanan dan maklumat pelayanan",
                25,
                [
                    p(
                        "Standar pelayanan adalah tolok ukur yang menjadi janji penyelenggara kepada "
                        "masyarakat. PermenPANRB 15/2014 memuat <strong>14 komponen</strong>: enam "
                        "komponen penyampaian layanan yang harus terlihat oleh masyarakat (persyaratan; "
                        "sistem, mekanisme, dan prosedur; jangka waktu; biaya/tarif; produk layanan; "
                        "penanganan pengaduan, saran, dan masukan) dan delapan komponen pengelolaan di "
                        "dalam instansi (dasar hukum, sarana dan prasarana, kompetensi pelaksana, "
                        "pengawasan internal, jumlah pelaksana, jaminan pelayanan, jaminan keamanan dan "
                        "keselamatan, serta evaluasi kinerja pelaksana).",
                        "Standar disusun bersama masyarakat dan pihak terkait, bukan hanya di meja kantor. "
                        "Setelah ditetapkan, penyelenggara mengumumkan <strong>maklumat pelayanan</strong>: "
                        "pernyataan tertulis kesanggupan melaksanakan pelayanan sesuai standar, beserta "
                        "kesediaan menerima sanksi bila tidak menepatinya.",
                    ),
                    points(
                        'Tulis biaya dengan jelas, termasuk "tidak dipungut biaya" bila gratis.',
                        "Jangka waktu dihitung sejak berkas lengkap diterima, dalam hari kerja.",
                        "Pasang standar dan maklumat di lokasi layanan dan di laman instansi.",
                        title="Memeriksa standar unit Anda",
                    ),
                    tip(
                        "Uji dengan mata pengguna",
                        "Minta seorang warga atau rekan dari unit lain membaca standar pelayanan Anda. "
                        "Bagian yang membuatnya bertanya adalah bagian yang perlu ditulis ulang.",
                    ),
                ],
            ),
            (
                "Survei Kepuasan Masyarakat (SKM) dan tindak lanjutnya",
                20,
                [
                    p(
                        "PermenPANRB 14/2017 mewajibkan penyelenggara melakukan Survei Kepuasan "
                        "Masyarakat secara berkala, paling sedikit sekali setahun. SKM mengukur sembilan "
                        "unsur: persyaratan; sistem, mekanisme, dan prosedur; waktu penyelesaian; "
                        "biaya/tarif; produk layanan; kompetensi pelaksana; perilaku pelaksana; penanganan "
                        "pengaduan, saran, dan masukan; serta sarana dan prasarana.",
                        "Hasil survei bukan rapor untuk disimpan. Unsur dengan nilai terendah menjadi "
                        "prioritas perbaikan; rencana dan hasil tindak lanjutnya diumumkan kembali "
                        "kepada masyarakat.",
                    ),
                    guide(
                        "BP-3",
                        "Nilai terendah SKM ada pada waktu penyelesaian. Unit memasang papan status "
                        "berkas dan memangkas satu tahap paraf; survei berikutnya naik delapan poin.",
                    ),
                    reflect(
                        "Jika unit Anda sudah melakukan SKM, unsur mana yang nilainya terendah? "
                        "Apa satu perubahan yang dapat diuji dalam tiga bulan?"
                    ),
                ],
            ),
            (
                "Menangani pengaduan masyarakat",
                15,
                [
                    p(
                        "Pengaduan adalah data gratis tentang di mana layanan gagal. Penyelenggara wajib "
                        "menyediakan sarana pengaduan dan menjawabnya dalam batas waktu yang jelas; "
                        "pengaduan lintas instansi dapat disalurkan melalui SP4N-LAPOR!.",
                        "Catat setiap pengaduan, jawab dengan sopan dan tuntas, lalu periksa polanya "
                        "setiap bulan. Warga yang tidak puas dapat melapor kepada Ombudsman Republik "
                        "Indonesia atas dugaan maladministrasi.",
                    ),
                    points(
                        "Terima: ucapkan terima kasih dan beri nomor pengaduan.",
                        "Tangani: periksa fakta, perbaiki, dan jelaskan kepada pengadu.",
                        "Pelajari: kelompokkan pengaduan untuk perbaikan standar.",
                        title="Tiga langkah pengaduan",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "komunikasi-efektif-asn",
        "title": "Komunikasi Efektif: Mendengar, Memberi Umpan Balik, dan Melayani Masyarakat",
        "summary": (
            "Berkomunikasi dengan jelas dan santun kepada rekan, pimpinan, dan masyarakat: "
            "mendengar secara aktif, memberi umpan balik yang membangun, dan menyampaikan "
            "informasi layanan yang mudah dipahami."
        ),
        "objectives": [
            "Mempraktikkan mendengar aktif dengan parafrase dan pertanyaan terbuka.",
            "Memberi umpan balik dengan model Situasi–Perilaku–Dampak.",
            "Menulis ulang satu pengumuman layanan dalam bahasa yang jelas.",
        ],
        "jp": 2,
        "level": "dasar",
        "competencies": [
            ("MJ-KOM", 2, "evidence"),
            ("HA-3", None, "evidence"),
            ("KL-2", None, "evidence"),
        ],
        "lessons": [
            (
                "Komunikasi efektif di tempat kerja",
                15,
                [
                    p(
                        "Komunikasi efektif berarti pesan diterima dan dipahami sebagaimana dimaksud, "
                        "lalu ditindaklanjuti. Di kantor pemerintah, pesan yang kabur berujung pada "
                        "berkas yang dikembalikan, rapat yang diulang, dan warga yang datang berkali-kali.",
                        "Sebelum menyampaikan pesan, jawab tiga pertanyaan: siapa penerimanya, apa yang "
                        "perlu ia ketahui atau lakukan, dan saluran mana yang paling cocok.",
                    ),
                    points(
                        "Mulai dari inti: apa yang diminta dan kapan tenggatnya.",
                        "Satu pesan, satu pokok; pisahkan hal yang berbeda.",
                        "Tutup dengan langkah berikutnya yang jelas.",
                    ),
                    guide(
                        "KL-2",
                        "Sebelum rapat lintas bidang, sekretariat mengirim agenda satu halaman "
                        "dengan keputusan yang diharapkan dan data yang perlu dibawa.",
                    ),
                ],
            ),
            (
                "Mendengar aktif",
                20,
                [
                    p(
                        "Kebanyakan orang mendengar untuk menjawab, bukan untuk memahami. Mendengar "
                        "aktif membalik urutannya: pahami dulu, baru tanggapi.",
                        "Tiga tekniknya sederhana: beri perhatian penuh (tatap lawan bicara, singkirkan "
                        "ponsel), <strong>parafrase</strong> (ulang maknanya dengan kata-kata sendiri), "
                        "dan ajukan <strong>pertanyaan terbuka</strong> yang dimulai dengan apa, "
                        "bagaimana, atau ceritakan.",
                    ),
                    points(
                        '"Jadi, Bapak sudah dua kali datang dan berkasnya belum jelas, begitu?"',
                        '"Bagian mana yang paling menyulitkan?"',
                        '"Apa yang Ibu harapkan selesai hari ini?"',
                        title="Contoh kalimat",
                    ),
                    reflect(
                        "Ingat percakapan terakhir ketika Anda merasa tidak didengar. Apa yang "
                        "dilakukan lawan bicara Anda, dan apa yang seharusnya ia lakukan?"
                    ),
                ],
            ),
            (
                "Memberi dan menerima umpan balik",
                20,
                [
                    p(
                        "Umpan balik yang membantu bersifat spesifik, tentang perilaku yang dapat "
                        "diamati, dan diberikan segera. Model <strong>Situasi–Perilaku–Dampak</strong> "
                        "menjaga umpan balik tetap pada fakta: sebut situasinya, perilakunya, dan "
                        "dampaknya, lalu sepakati langkah berikutnya.",
                        'Saat menyampaikan keberatan, pakai "pesan saya" ("Saya kesulitan menyusun '
                        'rekap karena data masuk terlambat") alih-alih tuduhan ("Anda selalu '
                        'terlambat"). Umpan balik korektif disampaikan empat mata.',
                    ),
                    guide(
                        "HA-3",
                        "Ketua tim menyampaikan umpan balik tentang laporan yang terlambat secara "
                        "empat mata, lalu bersama anggota menyusun jadwal pengumpulan data yang baru.",
                    ),
                    tip(
                        "Saat menerima umpan balik",
                        "Dengarkan sampai selesai, ucapkan terima kasih, tanyakan contoh bila kurang "
                        "jelas, dan putuskan satu hal yang akan Anda ubah.",
                    ),
                ],
            ),
            (
                "Berkomunikasi dengan masyarakat",
                20,
                [
                    p(
                        "Masyarakat tidak mengenal singkatan dan istilah internal kita. Tulis pengumuman "
                        "layanan dengan kalimat pendek, bahasa sehari-hari, dan langkah yang berurutan; "
                        "sebut syarat, biaya, dan waktu dengan angka.",
                        "Menghadapi warga yang marah, dengarkan sampai selesai, akui kekecewaannya, "
                        "jelaskan apa yang akan Anda lakukan sekarang, dan tepati. Jangan membela diri "
                        "atau menyalahkan unit lain: bagi warga, instansi adalah satu.",
                    ),
                    points(
                        "Umumkan perubahan layanan di beberapa saluran: laman, media sosial, papan informasi.",
                        "Uji pengumuman dengan membacakannya kepada orang di luar unit.",
                        "Jawab pertanyaan di media sosial dengan data, bukan emosi.",
                    ),
                    reflect(
                        "Pilih satu pengumuman atau formulir di unit Anda. Tulis ulang kalimat "
                        "pertamanya agar dapat dipahami warga yang baru pertama kali datang."
                    ),
                ],
            ),
        ],
    },
]
