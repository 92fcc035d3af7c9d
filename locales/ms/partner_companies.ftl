## Ruang kerja rakan kongsi: syarikat bursa anda, satu demi satu

partner-company-list-link = Sunting syarikat satu demi satu
partner-company-list-title = Syarikat bursa anda
partner-company-list-intro = Cari syarikat melalui kod saham atau mana-mana namanya, betulkan datanya, atau alih keluar syarikat itu daripada zon. Perubahan yang dibuat di sini berkuat kuasa serta-merta dan direkodkan dalam log audit.
partner-company-back-to-workspace = ← Senarai syarikat bursa anda
partner-company-search-placeholder = Kod saham atau nama syarikat
partner-company-state-all = Semua
partner-company-state-listed = Dalam zon
partner-company-state-delisted = Dialih keluar daripada zon
partner-company-list-count = { $count } syarikat
partner-company-list-none = Tiada syarikat yang sepadan. Kosongkan carian atau pilih penapis lain.

partner-company-edit-title = Sunting syarikat
partner-company-back-to-list = ← Semua syarikat bursa anda
partner-company-view-in-zone = Lihat halamannya dalam zon
partner-company-texts = Teks dalam empat bahasa
partner-company-texts-hint = Biarkan teks kosong jika terjemahannya belum ada: zon akan memaparkannya dalam bahasa lain beserta nota. Nama syarikat diperlukan dalam sekurang-kurangnya satu bahasa.
partner-company-listing-facts = Maklumat penyenaraian
partner-company-country-hint = Kod negara ISO, contohnya MY atau TH.
partner-company-contact-hint = Dipaparkan di sebelah unit perhubungan, hanya kepada perusahaan yang telah disahkan, pengendali platform dan bursa anda.
partner-company-years = Data kewangan teras
partner-company-years-hint = Amaun ialah nombor bulat dalam unit yang dinyatakan (1 untuk amaun sebenar, 1,000 untuk ribu) dan dalam mata wang yang dinyatakan (kod ISO seperti MYR). Isi baris terakhir untuk menambah tahun kewangan.
partner-company-year-new = tahun kewangan baharu
partner-company-year-remove = Buang
partner-company-save = Simpan perubahan
partner-company-zone-state = Dalam zon atau dialih keluar
partner-company-delist-hint = Mengalih keluar syarikat daripada zon bermakna zon tidak lagi memaparkannya. Datanya disimpan, dan syarikat itu boleh dikembalikan ke zon pada bila-bila masa.
partner-company-delist = Alih keluar daripada zon
partner-company-relist-hint = Syarikat ini telah dialih keluar daripada zon: zon tidak memaparkannya. Datanya disimpan.
partner-company-relist = Kembalikan ke zon

partner-company-error-summary = Tiada apa-apa disimpan: { $count } ruangan mempunyai masalah. Ruangan itu ditandakan di bawah.
partner-company-error-name = Berikan nama syarikat dalam sekurang-kurangnya satu bahasa.
partner-company-error-year-exists = Tahun kewangan ini sudah ada dalam jadual: ubah barisnya sahaja.
partner-company-error-unit = Unit mestilah 1 atau lebih: 1 untuk amaun sebenar, 1,000 untuk ribu.

notice-company-saved = Perubahan pada syarikat telah disimpan.
notice-company-delisted = Syarikat telah dialih keluar daripada zon. Datanya disimpan.
notice-company-relisted = Syarikat telah dikembalikan ke zon.
partner-company-error-changed = Seseorang telah mengubah syarikat ini selepas borang ini dibuka: tiada apa-apa disimpan. Buka syarikat ini semula dan buat perubahan anda di sana.
