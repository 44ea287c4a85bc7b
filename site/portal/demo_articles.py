"""Demo articles written for Bina ASN: BerAKHLAK and e-Kinerja socialisation.

Each article: slug, title, summary, author, date, values (competency codes), tags,
featured, and body sections as (heading, [paragraphs]); optional callout, quote and table.
The facts follow SE MenPANRB 20/2021, PermenPANRB 6/2022 and PP 17/2020.
"""

import datetime

KUADRAN_TABLE = {
    "table_caption": "Predikat kinerja menurut PermenPANRB 6/2022",
    "first_row_is_table_header": True,
    "first_col_is_header": True,
    "data": [
        [
            "Hasil kerja \\ Perilaku kerja",
            "Di Bawah Ekspektasi",
            "Sesuai Ekspektasi",
            "Di Atas Ekspektasi",
        ],
        ["Di Atas Ekspektasi", "Kurang/Misconduct", "Baik", "Sangat Baik"],
        ["Sesuai Ekspektasi", "Kurang/Misconduct", "Baik", "Baik"],
        ["Di Bawah Ekspektasi", "Sangat Kurang", "Butuh Perbaikan", "Butuh Perbaikan"],
    ],
}

ARTICLES = [
    {
        "slug": "mengenal-berakhlak",
        "title": "Mengenal BerAKHLAK: Tujuh Nilai Dasar ASN",
        "summary": "BerAKHLAK adalah akronim tujuh nilai dasar ASN. Kenali maknanya dan bagaimana "
        "nilai itu tampak dalam pekerjaan sehari-hari.",
        "author": "Tim Redaksi Bina ASN",
        "date": datetime.date(2026, 7, 1),
        "values": ["BP", "AK", "KO", "HA", "LO", "AD", "KL"],
        "tags": ["berakhlak", "nilai dasar"],
        "featured": True,
        "sections": [
            (
                "Satu akronim, tujuh nilai",
                [
                    "Sejak Juli 2021, seluruh Aparatur Sipil Negara memegang satu rumusan nilai dasar: "
                    "Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, dan "
                    "Kolaboratif. Rumusan ini ditetapkan melalui Surat Edaran Menteri PANRB Nomor 20 "
                    "Tahun 2021 dan dikenal dengan akronim BerAKHLAK.",
                    "Setiap nilai dijabarkan menjadi tiga panduan perilaku, sehingga ada dua puluh satu "
                    "perilaku yang dapat diamati. Panduan inilah yang dipakai dalam SKP sebagai "
                    "perilaku kerja, lengkap dengan ekspektasi khusus dari pimpinan.",
                ],
            ),
            (
                "Mengapa penting bagi penilaian kinerja",
                [
                    "Dalam manajemen kinerja ASN, rating perilaku kerja sama pentingnya dengan rating "
                    "hasil kerja. Pegawai dengan hasil kerja tinggi tetapi perilaku di bawah ekspektasi "
                    "tetap memperoleh predikat Kurang. Karena itu, memahami BerAKHLAK bukan sekadar "
                    "hafalan, melainkan bagian dari cara bekerja.",
                ],
            ),
        ],
        "quote": ("Bangga Melayani Bangsa.", "Employer branding ASN"),
    },
    {
        "slug": "berorientasi-pelayanan-dari-loket-ke-layanan-daring",
        "title": "Berorientasi Pelayanan: Dari Loket hingga Layanan Daring",
        "summary": "Pelayanan prima tidak berhenti di loket. Tiga panduan perilaku Berorientasi "
        "Pelayanan berlaku juga untuk layanan daring dan surat-menyurat.",
        "author": "Rina Wulandari",
        "date": datetime.date(2026, 7, 8),
        "values": ["BP"],
        "tags": ["pelayanan publik", "berakhlak"],
        "featured": True,
        "sections": [
            (
                "Memahami kebutuhan masyarakat",
                [
                    "Panduan pertama meminta ASN memahami dan memenuhi kebutuhan masyarakat. Dalam "
                    "praktik, ini berarti menanyakan tujuan pemohon sebelum menjelaskan prosedur, dan "
                    "menulis persyaratan layanan dengan bahasa yang dipahami orang awam.",
                ],
            ),
            (
                "Ramah, cekatan, solutif",
                [
                    "Layanan daring sering terasa dingin. Balasan pesan yang menyapa dengan nama, "
                    "menjawab pertanyaan inti lebih dulu, dan menawarkan jalan keluar bila berkas belum "
                    "lengkap adalah wujud ramah, cekatan, dan solutif.",
                    "Perbaikan tiada henti dapat dimulai dari hal sederhana: mencatat pertanyaan yang "
                    "paling sering muncul, lalu memperbaiki halaman informasi setiap bulan.",
                ],
            ),
        ],
        "callout": (
            "tip",
            "Coba minggu ini",
            "Catat lima pertanyaan yang paling sering diajukan "
            "pemohon, lalu usulkan jawabannya dimuat di laman layanan.",
        ),
    },
    {
        "slug": "akuntabel-dimulai-dari-hal-kecil",
        "title": "Akuntabel Dimulai dari Hal Kecil",
        "summary": "Kehadiran, penggunaan anggaran, dan barang milik negara: tiga wilayah sehari-hari "
        "tempat nilai Akuntabel diuji.",
        "author": "Hendra Saputra",
        "date": datetime.date(2026, 7, 15),
        "values": ["AK"],
        "tags": ["integritas", "berakhlak"],
        "featured": False,
        "sections": [
            (
                "Jujur dan cermat",
                [
                    "Akuntabel berarti bertanggung jawab atas kepercayaan yang diberikan. Melaporkan "
                    "capaian apa adanya, termasuk ketika target tidak tercapai, lebih bernilai daripada "
                    "angka yang dipercantik.",
                ],
            ),
            (
                "Barang milik negara",
                [
                    "Kendaraan dinas, laptop, dan ruang rapat adalah barang milik negara. Menggunakannya "
                    "secara efektif dan efisien, serta tidak untuk kepentingan pribadi, adalah bagian dari "
                    "panduan perilaku kedua nilai Akuntabel.",
                    "Panduan ketiga, tidak menyalahgunakan kewenangan jabatan, paling sering diuji "
                    "ketika ada permintaan untuk mempercepat layanan bagi kenalan.",
                ],
            ),
        ],
        "callout": (
            "penting",
            "Ingat",
            "Gratifikasi wajib dilaporkan paling lambat 30 hari kerja "
            "sejak diterima melalui unit pengendali gratifikasi instansi.",
        ),
    },
    {
        "slug": "kompeten-memenuhi-20-jp",
        "title": "Kompeten: Memenuhi 20 JP Pengembangan Kompetensi Setiap Tahun",
        "summary": "Setiap PNS berhak dan wajib mengembangkan kompetensi paling sedikit 20 jam "
        "pelajaran setahun. Begini cara merencanakannya.",
        "author": "Dewi Lestari",
        "date": datetime.date(2026, 7, 22),
        "values": ["KO"],
        "tags": ["pengembangan kompetensi", "jp"],
        "featured": True,
        "sections": [
            (
                "Dari mana angka 20 JP",
                [
                    "PP 11/2017 sebagaimana diubah dengan PP 17/2020 menetapkan pengembangan kompetensi "
                    "paling sedikit 20 jam pelajaran per tahun bagi setiap PNS. Satu JP lazimnya setara "
                    "45 menit.",
                ],
            ),
            (
                "Tidak harus di kelas",
                [
                    "Jalur nonklasikal seperti e-learning, coaching, mentoring, dan belajar mandiri "
                    "diakui. Model 10:20:70 dari LAN mengingatkan bahwa sebagian besar belajar terjadi "
                    "lewat pengalaman kerja dan interaksi dengan rekan.",
                    "Rencanakan sejak awal tahun: kaitkan kursus dengan kesenjangan kompetensi dan hasil "
                    "evaluasi kinerja, bukan sekadar mengejar sertifikat.",
                ],
            ),
        ],
        "callout": (
            "info",
            "Di Bina ASN",
            "Setiap kursus yang selesai tercatat otomatis sebagai JP "
            "dan dapat diekspor untuk Riwayat Kursus SIASN.",
        ),
    },
    {
        "slug": "harmonis-di-tempat-kerja",
        "title": "Harmonis di Tempat Kerja: Menghargai Perbedaan",
        "summary": "Lingkungan kerja yang kondusif lahir dari kebiasaan kecil: menghargai latar "
        "belakang rekan, menolong, dan menjaga tutur kata.",
        "author": "Yusuf Maulana",
        "date": datetime.date(2026, 7, 29),
        "values": ["HA"],
        "tags": ["budaya kerja", "berakhlak"],
        "featured": False,
        "sections": [
            (
                "Menghargai setiap orang",
                [
                    "ASN bekerja bersama orang dari berbagai suku, agama, generasi, dan latar pendidikan. "
                    "Menghargai berarti mendengar pendapat yang berbeda tanpa merendahkan, dan memberi "
                    "kesempatan yang sama dalam rapat.",
                ],
            ),
            (
                "Suka menolong",
                [
                    "Pegawai baru yang dibimbing dengan sabar akan lebih cepat produktif. Menolong juga "
                    "berarti berbagi templat, catatan rapat, dan pengetahuan yang selama ini hanya "
                    "tersimpan di kepala.",
                ],
            ),
        ],
        "quote": (
            "Lingkungan kerja yang kondusif adalah tanggung jawab semua orang, bukan hanya "
            "pimpinan.",
            "Panduan perilaku Harmonis",
        ),
    },
    {
        "slug": "loyal-dan-rahasia-jabatan-di-media-sosial",
        "title": "Loyal di Era Media Sosial: Menjaga Nama Baik dan Rahasia Jabatan",
        "summary": "Unggahan pribadi dapat berdampak pada nama baik instansi. Kenali batas yang "
        "dijaga oleh nilai Loyal.",
        "author": "Tim Redaksi Bina ASN",
        "date": datetime.date(2026, 8, 5),
        "values": ["LO"],
        "tags": ["media sosial", "integritas"],
        "featured": False,
        "sections": [
            (
                "Setia kepada Pancasila dan NKRI",
                [
                    "Panduan pertama nilai Loyal menegaskan kesetiaan kepada Pancasila, UUD 1945, NKRI, "
                    "dan pemerintahan yang sah. Di media sosial, ini berarti tidak menyebarkan konten "
                    "yang memecah belah.",
                ],
            ),
            (
                "Rahasia jabatan",
                [
                    "Foto layar dokumen internal, daftar nama penerima bantuan, atau data kepegawaian "
                    "tidak boleh diunggah, sekalipun untuk bercanda. Data pribadi dilindungi UU 27/2022.",
                ],
            ),
        ],
        "callout": (
            "penting",
            "Sebelum mengunggah",
            "Tanyakan: apakah ini memuat data orang lain, "
            "dokumen internal, atau dapat mempermalukan rekan dan instansi?",
        ),
    },
    {
        "slug": "adaptif-saat-aplikasi-dan-aturan-berubah",
        "title": "Adaptif: Belajar Cepat Saat Aplikasi dan Aturan Berubah",
        "summary": "Aplikasi berganti, regulasi diperbarui. Nilai Adaptif membantu ASN tetap "
        "produktif di tengah perubahan.",
        "author": "Andi Pratama",
        "date": datetime.date(2026, 8, 12),
        "values": ["AD"],
        "tags": ["transformasi digital", "inovasi"],
        "featured": False,
        "sections": [
            (
                "Cepat menyesuaikan diri",
                [
                    "Perpindahan ke e-Kinerja BKN adalah contoh perubahan yang menuntut semua pegawai "
                    "belajar ulang. Pegawai adaptif mencari panduan resmi, mencoba lebih awal, dan "
                    "berbagi temuan dengan rekan.",
                ],
            ),
            (
                "Berinovasi dan proaktif",
                [
                    "Inovasi tidak selalu berupa aplikasi baru. Menyederhanakan formulir dari empat "
                    "halaman menjadi satu juga inovasi. Bertindak proaktif berarti mengusulkan perbaikan "
                    "sebelum diminta.",
                ],
            ),
        ],
    },
    {
        "slug": "kolaboratif-lintas-unit-kerja",
        "title": "Kolaboratif: Lintas Unit Kerja untuk Layanan yang Lebih Baik",
        "summary": "Banyak masalah layanan berada di antara dua unit kerja. Kolaborasi membuka "
        "jalan keluarnya.",
        "author": "Sri Handayani",
        "date": datetime.date(2026, 8, 19),
        "values": ["KL", "BP"],
        "tags": ["kerja sama", "pelayanan publik"],
        "featured": False,
        "sections": [
            (
                "Memberi kesempatan berkontribusi",
                [
                    "Rapat yang baik memberi ruang bagi unit yang terdampak untuk bersuara sebelum "
                    "keputusan diambil. Undang mereka sejak perencanaan, bukan saat masalah muncul.",
                ],
            ),
            (
                "Sumber daya untuk tujuan bersama",
                [
                    "Berbagi data, ruang, dan tenaga antarunit menghemat anggaran negara. Kesepakatan "
                    "tertulis yang sederhana mencegah salah paham di kemudian hari.",
                ],
            ),
        ],
        "callout": (
            "tip",
            "Langkah awal",
            "Petakan satu layanan dari awal sampai akhir dan tandai "
            "setiap titik serah terima antarunit.",
        ),
    },
    {
        "slug": "menyusun-skp-di-e-kinerja",
        "title": "Menyusun SKP di e-Kinerja: RHK, Indikator, dan Target",
        "summary": "SKP yang baik dimulai dari Rencana Hasil Kerja yang selaras dengan RHK pimpinan, "
        "indikator yang terukur, dan target yang realistis.",
        "author": "Bagian Organisasi dan Kepegawaian",
        "date": datetime.date(2026, 8, 26),
        "values": ["AK", "KO"],
        "tags": ["e-kinerja", "skp"],
        "featured": True,
        "sections": [
            (
                "Mulai dari RHK pimpinan",
                [
                    "PermenPANRB 6/2022 meminta setiap RHK pegawai mengintervensi RHK pimpinannya. "
                    "Bacalah SKP atasan lebih dulu, lalu tanyakan dalam dialog kinerja hasil apa yang "
                    "diharapkan dari Anda.",
                ],
            ),
            (
                "Indikator dan target",
                [
                    "Indikator kinerja individu menjelaskan bagaimana keberhasilan diukur: kuantitas, "
                    "kualitas, waktu, atau biaya. Target yang terlalu rendah tidak mendorong kinerja, "
                    "target yang mustahil hanya menimbulkan frustrasi.",
                    "Perilaku kerja diisi dengan tujuh nilai BerAKHLAK beserta ekspektasi khusus "
                    "pimpinan untuk masing-masing nilai.",
                ],
            ),
        ],
        "callout": (
            "info",
            "Catatan",
            "e-Kinerja BKN wajib digunakan oleh seluruh PNS dan PPPK sesuai SE Kepala BKN 11/2023.",
        ),
    },
    {
        "slug": "dialog-kinerja-dan-umpan-balik",
        "title": "Dialog Kinerja dan Umpan Balik Berkelanjutan",
        "summary": "Umpan balik tidak menunggu akhir tahun. Dialog kinerja yang rutin membuat "
        "evaluasi tidak lagi mengejutkan.",
        "author": "Rina Wulandari",
        "date": datetime.date(2026, 9, 2),
        "values": ["HA", "KL"],
        "tags": ["e-kinerja", "umpan balik", "coaching"],
        "featured": False,
        "sections": [
            (
                "Apa itu dialog kinerja",
                [
                    "Dialog kinerja adalah percakapan antara pegawai dan pejabat penilai untuk "
                    "menyepakati ekspektasi, memantau kemajuan, dan mencari jalan keluar hambatan. "
                    "Dialog dapat dilakukan tatap muka maupun daring, terjadwal maupun insidental.",
                ],
            ),
            (
                "Umpan balik yang membangun",
                [
                    "Sebutkan perilaku yang diamati, dampaknya, dan harapan ke depan. Hindari label "
                    "pribadi. Catat umpan balik penting sebagai bukti dukung pembinaan.",
                ],
            ),
        ],
        "quote": (
            "Evaluasi akhir tahun seharusnya hanya merangkum percakapan yang sudah terjadi "
            "sepanjang tahun.",
            "Praktik baik manajemen kinerja",
        ),
    },
    {
        "slug": "memahami-kuadran-kinerja-dan-predikat",
        "title": "Memahami Kuadran Kinerja dan Predikat",
        "summary": "Predikat kinerja ditentukan dari dua rating sekaligus. Tabel kuadran menjelaskan "
        "mengapa hasil tinggi belum tentu berarti Sangat Baik.",
        "author": "Bagian Organisasi dan Kepegawaian",
        "date": datetime.date(2026, 9, 9),
        "values": ["AK"],
        "tags": ["e-kinerja", "predikat"],
        "featured": False,
        "sections": [
            (
                "Dua rating, satu predikat",
                [
                    "Pejabat penilai memberi rating hasil kerja dan rating perilaku kerja, masing-masing "
                    "Di Atas, Sesuai, atau Di Bawah Ekspektasi. Predikat dibaca dari tabel, bukan dari "
                    "nilai tertinggi atau terendah.",
                ],
            ),
        ],
        "table": KUADRAN_TABLE,
        "callout": (
            "info",
            "Tindak lanjut",
            "Predikat Butuh Perbaikan biasanya diikuti pembelajaran "
            "teknis dan coaching; Kurang/Misconduct diikuti pembelajaran perilaku dan "
            "konseling. Kebijakan rinciannya ditetapkan instansi.",
        ),
    },
    {
        "slug": "coaching-mentoring-konseling",
        "title": "Coaching, Mentoring, dan Konseling: Tiga Jalan Pengembangan Kinerja",
        "summary": "Ketiganya sering disamakan, padahal tujuan dan caranya berbeda. Pilih yang tepat "
        "untuk kebutuhan pegawai.",
        "author": "Dewi Lestari",
        "date": datetime.date(2026, 9, 16),
        "values": ["KO", "HA"],
        "tags": ["coaching", "pengembangan kompetensi"],
        "featured": False,
        "sections": [
            (
                "Coaching",
                [
                    "Coaching membantu pegawai menemukan sendiri cara mencapai target melalui pertanyaan "
                    "yang terarah. Cocok ketika pegawai sebenarnya mampu tetapi belum optimal.",
                ],
            ),
            (
                "Mentoring",
                [
                    "Mentoring adalah berbagi pengalaman dari yang lebih senior. Cocok untuk pegawai "
                    "baru atau yang memasuki jabatan baru.",
                ],
            ),
            (
                "Konseling",
                [
                    "Konseling menangani hambatan perilaku atau persoalan pribadi yang memengaruhi "
                    "kerja. Dilakukan dengan menjaga kerahasiaan.",
                ],
            ),
        ],
        "callout": (
            "tip",
            "Tercatat sebagai JP",
            "Sesi coaching dan mentoring termasuk jalur "
            "pengembangan kompetensi nonklasikal dan dapat dicatat sebagai jam pelajaran.",
        ),
    },
]
