# Penilaian kesediaan: penilaian kendiri untuk perusahaan yang ingin ke luar negara.

nav-readiness = Kesediaan
readiness-title = Kesediaan untuk ke luar negara
readiness-new-title = Penilaian kesediaan
readiness-assessment-title = Keputusan penilaian kesediaan
readiness-intro = Sebelum mencari rakan kongsi di luar negara, lihat kedudukan syarikat anda. Dua puluh pernyataan dalam lima bidang, dijawab dalam kira-kira sepuluh minit: anda mendapat skor bagi setiap bidang, carta dan langkah seterusnya yang konkrit di bidang yang paling lemah. Setiap penilaian disimpan, jadi anda boleh mengambilnya semula kemudian dan membandingkannya.
readiness-new-lead = Bagi setiap pernyataan, pilih sejauh mana ia benar bagi syarikat anda hari ini. Jawapan anda hanya dilihat oleh anda dan pengendali platform.
readiness-start = Mulakan penilaian
readiness-retake = Ambil penilaian semula
readiness-submit = Lihat keputusan saya
readiness-latest = Penilaian terkini
readiness-history = Semua penilaian
readiness-history-link = Semua penilaian perusahaan ini
readiness-none-yet = Belum ada perusahaan yang mengambil penilaian ini.
readiness-operators-lead = Penilaian terkini setiap perusahaan, yang terbaru dahulu. Buka satu untuk melihat skor dan langkah seterusnya, atau nama perusahaan untuk semua penilaiannya.
readiness-enterprise = Perusahaan
readiness-taken = Tarikh diambil
readiness-overall = Keseluruhan { $score } / 100
readiness-overall-short = Keseluruhan
readiness-overall-compared = { $before } / 100 pada { $date }
readiness-first-take = Penilaian pertama
readiness-dimension = Bidang
readiness-score = Skor
readiness-before = Sebelum
readiness-change = Perubahan
readiness-next-steps = Langkah seterusnya
readiness-no-weak = Tiada bidang di bawah 60: pastikan dokumen anda terkini dan ambil penilaian semula sebelum memulakan rundingan.
readiness-chart-title = Skor setiap bidang, daripada 100
readiness-chart-previous = bar nipis ialah penilaian sebelumnya
readiness-chart-weak = lemah di bawah { $score }
readiness-error-answer = Pilih satu jawapan bagi pernyataan ini.
notice-readiness-taken = Penilaian anda telah disimpan. Inilah keputusan anda.

readiness-level-none = Belum lagi
readiness-level-planned = Dirancang
readiness-level-partly = Sebahagiannya dilaksanakan
readiness-level-fully = Dilaksanakan sepenuhnya

readiness-dim-governance = Tadbir urus
readiness-dim-governance-about = Cara syarikat diarahkan dan dikawal.
readiness-dim-finance = Kesihatan kewangan
readiness-dim-finance-about = Pertumbuhan, tunai dan hutang, serta akaun yang boleh dibaca oleh rakan kongsi asing.
readiness-dim-ip = Harta intelek
readiness-dim-ip-about = Apa yang melindungi teknologi dan jenama anda di dalam dan di luar negara.
readiness-dim-international = Pengantarabangsaan
readiness-dim-international-about = Apa yang sudah anda lakukan di luar negara, dan siapa dalam pasukan yang melakukannya.
readiness-dim-esg = ESG
readiness-dim-esg-about = Alam sekitar, buruh dan pelaporan yang diminta oleh rakan kongsi dan bursa.

readiness-q-governance-1 = Syarikat mempunyai lembaga pengarah dengan sekurang-kurangnya seorang pengarah bebas dan peraturan bertulis bagi keputusannya.
readiness-step-governance-1 = Lantik sekurang-kurangnya seorang pengarah bebas dan tuliskan keputusan yang dibuat oleh lembaga pengarah serta caranya.
readiness-q-governance-2 = Penyata kewangan diaudit setiap tahun oleh firma perakaunan yang bebas.
readiness-step-governance-2 = Lantik firma perakaunan yang berpengalaman dalam urusan rentas sempadan untuk audit tahunan.
readiness-q-governance-3 = Urus niaga pihak berkaitan direkodkan dan diluluskan oleh orang yang tidak mempunyai kepentingan di dalamnya.
readiness-step-governance-3 = Simpan daftar urus niaga pihak berkaitan dan minta setiap satu diluluskan oleh pengarah yang tidak berkepentingan.
readiness-q-governance-4 = Peraturan antirasuah dan pematuhan ditulis, diajarkan kepada kakitangan dan diperiksa.
readiness-step-governance-4 = Terima pakai dasar antirasuah yang memenuhi undang-undang pasaran sasaran anda, latih kakitangan dan semak dasar itu setahun sekali.

readiness-q-finance-1 = Hasil telah meningkat dalam tiga tahun yang lalu.
readiness-step-finance-1 = Sediakan keputusan tiga tahun yang boleh dibandingkan dan pelan yang menjelaskan pertumbuhan yang boleh dijangka oleh rakan kongsi.
readiness-q-finance-2 = Aliran tunai operasi adalah positif dalam setiap dua tahun yang lalu.
readiness-step-finance-2 = Sediakan unjuran aliran tunai 24 bulan dan dapatkan modal kerja sebelum memberi komitmen kepada projek di luar negara.
readiness-q-finance-3 = Jumlah hutang kurang daripada separuh jumlah aset.
readiness-step-finance-3 = Kurangkan hutang atau dapatkan ekuiti sebelum mengambil komitmen di luar negara: nisbah hutang di bawah 50% meyakinkan rakan kongsi.
readiness-q-finance-4 = Akaun boleh dibentangkan mengikut IFRS atau disesuaikan dengannya.
readiness-step-finance-4 = Sesuaikan akaun anda dengan IFRS, piawaian syarikat Bursa Malaysia dan SET, sebelum menunjukkannya kepada rakan kongsi.

readiness-q-ip-1 = Teknologi teras dilindungi oleh paten atau hak berdaftar di China.
readiness-step-ip-1 = Failkan paten atau hak cipta perisian bagi teknologi yang menjadi asas kerjasama anda.
readiness-q-ip-2 = Tanda dagangan utama didaftarkan di pasaran sasaran.
readiness-step-ip-2 = Daftarkan tanda dagangan anda di negara sasaran, contohnya melalui Sistem Madrid, sebelum anda memasukinya.
readiness-q-ip-3 = Pekerja dan rakan kongsi menandatangani perjanjian kerahsiaan dan penyerahan hak harta intelek.
readiness-step-ip-3 = Masukkan klausa kerahsiaan dan penyerahan hak harta intelek dalam setiap kontrak pekerjaan, pembekal dan rakan kongsi.
readiness-q-ip-4 = Syarikat telah memastikan produknya tidak melanggar hak pihak lain di pasaran sasaran.
readiness-step-ip-4 = Tugaskan carian kebebasan untuk beroperasi (FTO) bagi produk utama anda di setiap pasaran sasaran.

readiness-q-international-1 = Syarikat sudah menjual ke atau membeli dari negara lain.
readiness-step-international-1 = Mulakan dengan eksport atau perolehan melalui rakan dagangan untuk mengenali pasaran sebelum anda melabur di sana.
readiness-q-international-2 = Seseorang dalam pasukan bertanggungjawab atas perniagaan luar negara dan menguasai bahasa kerja rakan kongsi.
readiness-step-international-2 = Namakan seorang yang bertanggungjawab atas perniagaan luar negara, yang menguasai bahasa Inggeris atau bahasa tempatan, dan beri mereka masa untuknya.
readiness-q-international-3 = Syarikat mengetahui peraturan pasaran sasaran tentang pemilikan asing, lesen dan cukai.
readiness-step-international-3 = Dapatkan nasihat tentang had pemilikan asing, lesen dan cukai di pasaran sasaran; meja perhubungan bursa rakan kongsi boleh mencadangkan penasihat.
readiness-q-international-4 = Kontrak, dokumen produk dan laman web tersedia dalam bahasa Inggeris atau bahasa rakan kongsi.
readiness-step-international-4 = Terjemahkan profil syarikat, dokumen produk dan kontrak standard anda ke dalam bahasa Inggeris atau bahasa rakan kongsi.

readiness-q-esg-1 = Penggunaan tenaga dan pelepasan diukur dan dilaporkan.
readiness-step-esg-1 = Ukur penggunaan tenaga dan pelepasan gas rumah hijau anda dan terbitkannya setahun sekali.
readiness-q-esg-2 = Syarikat mempunyai dasar ESG atau menerbitkan laporan ESG.
readiness-step-esg-2 = Tulis dasar ESG dan laporan pertama mengikut piawaian ISSB yang diminta oleh Bursa Malaysia dan SET daripada syarikat tersenarai mereka.
readiness-q-esg-3 = Piawaian buruh (waktu kerja, keselamatan, tiada buruh paksa) diperiksa dalam operasi anda sendiri dan di pembekal anda.
readiness-step-esg-3 = Periksa waktu kerja, keselamatan dan risiko buruh paksa di tapak anda dan pembekal utama anda, dan simpan keputusan pemeriksaan.
readiness-q-esg-4 = Produk atau proses memegang pensijilan hijau atau kelestarian yang diiktiraf.
readiness-step-esg-4 = Dapatkan pensijilan yang dijangka oleh pelanggan sasaran anda, seperti ISO 14001 atau, bagi minyak sawit, RSPO atau MSPO.
