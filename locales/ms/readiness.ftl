# Penilaian kesediaan: penilaian kendiri untuk perusahaan yang ingin berkembang ke luar negara.

nav-readiness = Kesediaan
readiness-title = Kesediaan untuk berkembang ke luar negara
readiness-new-title = Penilaian kesediaan
readiness-assessment-title = Keputusan penilaian kesediaan
readiness-intro = Sebelum mencari rakan kongsi di luar negara, ketahui kedudukan syarikat anda. Dua puluh pernyataan dalam lima bidang yang boleh dijawab dalam kira-kira sepuluh minit: anda akan mendapat skor bagi setiap bidang, carta, dan langkah seterusnya yang konkrit bagi bidang yang paling lemah. Setiap penilaian disimpan, jadi anda boleh mengambilnya semula kemudian dan membandingkan keputusannya.
readiness-new-lead = Bagi setiap pernyataan, pilih sejauh mana pernyataan itu benar bagi syarikat anda pada masa ini. Jawapan anda hanya boleh dilihat oleh anda dan pengendali platform.
readiness-start = Mulakan penilaian
readiness-retake = Ambil penilaian semula
readiness-submit = Lihat keputusan saya
readiness-latest = Penilaian terkini
readiness-history = Semua penilaian
readiness-history-link = Semua penilaian perusahaan ini
readiness-none-yet = Belum ada perusahaan yang mengambil penilaian ini.
readiness-operators-lead = Penilaian terkini bagi setiap perusahaan, yang terbaharu dahulu. Buka satu penilaian untuk melihat skor jawapan dan langkah seterusnya, atau klik nama perusahaan untuk melihat semua penilaiannya.
readiness-enterprise = Perusahaan
readiness-taken = Tarikh penilaian
readiness-overall = Keseluruhan { $score } / 100
readiness-overall-short = Keseluruhan
readiness-overall-compared = { $before } / 100 pada { $date }
readiness-first-take = Penilaian pertama
readiness-dimension = Bidang
readiness-score = Skor
readiness-before = Sebelumnya
readiness-change = Perubahan
readiness-next-steps = Langkah seterusnya
readiness-no-weak = Tiada bidang di bawah 60: pastikan dokumen anda sentiasa terkini dan ambil penilaian semula sebelum memulakan rundingan.
readiness-chart-title = Skor bagi setiap bidang, daripada 100
readiness-chart-previous = bar nipis menunjukkan penilaian sebelumnya
readiness-chart-weak = lemah jika di bawah { $score }
readiness-error-answer = Sila pilih satu jawapan bagi pernyataan ini.
notice-readiness-taken = Penilaian anda telah disimpan. Berikut ialah keputusan anda.

readiness-level-none = Belum lagi
readiness-level-planned = Dirancang
readiness-level-partly = Sebahagiannya dilaksanakan
readiness-level-fully = Dilaksanakan sepenuhnya

readiness-dim-governance = Tadbir urus
readiness-dim-governance-about = Cara syarikat diarahkan dan dikawal.
readiness-dim-finance = Kesihatan kewangan
readiness-dim-finance-about = Pertumbuhan, tunai dan hutang, serta akaun yang dapat difahami oleh rakan kongsi asing.
readiness-dim-ip = Harta intelek
readiness-dim-ip-about = Perlindungan bagi teknologi dan jenama anda di dalam dan di luar negara.
readiness-dim-international = Pengantarabangsaan
readiness-dim-international-about = Perkara yang sudah anda lakukan di luar negara, dan siapa dalam pasukan yang melaksanakannya.
readiness-dim-esg = ESG
readiness-dim-esg-about = Alam sekitar, buruh, dan pelaporan yang diminta oleh rakan kongsi dan bursa.

readiness-q-governance-1 = Syarikat mempunyai lembaga pengarah dengan sekurang-kurangnya seorang pengarah bebas dan peraturan bertulis bagi keputusannya.
readiness-step-governance-1 = Lantik sekurang-kurangnya seorang pengarah bebas dan tetapkan secara bertulis keputusan yang dibuat oleh lembaga pengarah serta cara keputusan itu dibuat.
readiness-q-governance-2 = Penyata kewangan diaudit setiap tahun oleh firma perakaunan yang bebas.
readiness-step-governance-2 = Lantik firma perakaunan yang berpengalaman dalam urusan rentas sempadan untuk menjalankan audit tahunan.
readiness-q-governance-3 = Urus niaga pihak berkaitan direkodkan dan diluluskan oleh pihak yang tidak mempunyai kepentingan dalam urus niaga tersebut.
readiness-step-governance-3 = Simpan daftar urus niaga pihak berkaitan dan pastikan setiap urus niaga diluluskan oleh pengarah yang tidak berkepentingan.
readiness-q-governance-4 = Peraturan antirasuah dan pematuhan ditetapkan secara bertulis, diajarkan kepada kakitangan dan dipantau.
readiness-step-governance-4 = Terima pakai dasar antirasuah yang mematuhi undang-undang pasaran sasaran anda, beri latihan kepada kakitangan dan semak dasar itu setahun sekali.

readiness-q-finance-1 = Hasil telah meningkat sepanjang tiga tahun yang lalu.
readiness-step-finance-1 = Sediakan keputusan kewangan tiga tahun yang boleh dibandingkan dan rancangan perniagaan yang menerangkan pertumbuhan yang boleh dijangkakan oleh rakan kongsi.
readiness-q-finance-2 = Aliran tunai operasi adalah positif bagi setiap tahun dalam dua tahun yang lalu.
readiness-step-finance-2 = Sediakan unjuran aliran tunai 24 bulan dan pastikan modal kerja mencukupi sebelum memberikan komitmen kepada projek di luar negara.
readiness-q-finance-3 = Jumlah hutang kurang daripada separuh jumlah aset.
readiness-step-finance-3 = Kurangkan hutang atau tambah ekuiti sebelum membuat komitmen di luar negara: nisbah hutang di bawah 50% meyakinkan rakan kongsi.
readiness-q-finance-4 = Akaun boleh dibentangkan mengikut IFRS atau diselaraskan dengannya.
readiness-step-finance-4 = Selaraskan akaun anda dengan IFRS, piawaian yang digunakan oleh syarikat tersenarai Bursa Malaysia dan Bursa Saham Thailand, sebelum menunjukkannya kepada rakan kongsi.

readiness-q-ip-1 = Teknologi teras dilindungi oleh paten atau hak berdaftar di China.
readiness-step-ip-1 = Failkan permohonan paten atau hak cipta perisian bagi teknologi yang menjadi asas kerjasama anda.
readiness-q-ip-2 = Cap dagangan utama telah didaftarkan di pasaran sasaran.
readiness-step-ip-2 = Daftarkan cap dagangan anda di negara sasaran, contohnya melalui Sistem Madrid, sebelum memasuki pasaran tersebut.
readiness-q-ip-3 = Pekerja dan rakan kongsi menandatangani perjanjian kerahsiaan dan penyerahhakan harta intelek.
readiness-step-ip-3 = Masukkan klausa kerahsiaan dan penyerahhakan harta intelek dalam setiap kontrak pekerjaan, kontrak pembekal dan kontrak rakan kongsi.
readiness-q-ip-4 = Syarikat telah memastikan bahawa produknya tidak melanggar hak pihak lain di pasaran sasaran.
readiness-step-ip-4 = Dapatkan carian kebebasan beroperasi (FTO) bagi produk utama anda di setiap pasaran sasaran.

readiness-q-international-1 = Syarikat sudah menjual ke negara lain atau membeli dari negara lain.
readiness-step-international-1 = Mulakan dengan eksport atau perolehan melalui rakan dagang untuk memahami pasaran sebelum melabur di sana.
readiness-q-international-2 = Seorang anggota pasukan bertanggungjawab atas perniagaan luar negara dan menguasai bahasa kerja rakan kongsi.
readiness-step-international-2 = Tetapkan seorang yang bertanggungjawab atas perniagaan luar negara, yang menguasai bahasa Inggeris atau bahasa tempatan, dan beri masa yang cukup kepadanya untuk tugas itu.
readiness-q-international-3 = Syarikat mengetahui peraturan pasaran sasaran berkaitan pemilikan asing, lesen dan cukai.
readiness-step-international-3 = Dapatkan nasihat tentang had pemilikan asing, lesen dan cukai di pasaran sasaran; unit perhubungan bursa rakan kongsi boleh mencadangkan penasihat kepada anda.
readiness-q-international-4 = Kontrak, dokumen produk dan laman web tersedia dalam bahasa Inggeris atau bahasa rakan kongsi.
readiness-step-international-4 = Terjemahkan profil syarikat, dokumen produk dan kontrak standard anda ke dalam bahasa Inggeris atau bahasa rakan kongsi.

readiness-q-esg-1 = Penggunaan tenaga dan pelepasan diukur dan dilaporkan.
readiness-step-esg-1 = Ukur penggunaan tenaga dan pelepasan gas rumah hijau anda, dan terbitkan data tersebut setahun sekali.
readiness-q-esg-2 = Syarikat mempunyai dasar ESG atau menerbitkan laporan ESG.
readiness-step-esg-2 = Sediakan dasar ESG dan laporan pertama berdasarkan piawaian ISSB yang dikehendaki oleh Bursa Malaysia dan Bursa Saham Thailand daripada syarikat tersenarai mereka.
readiness-q-esg-3 = Piawaian buruh (waktu kerja, keselamatan, tiada buruh paksa) diperiksa dalam operasi syarikat sendiri dan di pihak pembekal.
readiness-step-esg-3 = Periksa waktu kerja, keselamatan dan risiko buruh paksa di tapak anda dan di pembekal utama anda, dan simpan rekod pemeriksaan tersebut.
readiness-q-esg-4 = Produk atau proses memiliki pensijilan hijau atau kemampanan yang diiktiraf.
readiness-step-esg-4 = Dapatkan pensijilan yang dijangkakan oleh pelanggan sasaran anda, seperti ISO 14001 atau, bagi minyak sawit, RSPO atau MSPO.
