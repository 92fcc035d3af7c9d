## Padanan: keperluan, perkenalan dan kes perhubungan

nav-demands = Keperluan
nav-desk = Kes saya
company-introduce = Mohon perkenalan
form-choose = Pilih…

home-liaison-figures = Mekanisme perhubungan jangka panjang
home-figure-enterprises-served = perusahaan telah diberi khidmat
home-figure-introductions = perkenalan telah dibuat
home-figure-cooperation = kerjasama dipersetujui
home-figure-financing = pembiayaan berjaya
home-figure-financing-amount = jumlah pembiayaan berjaya, dalam yuan

## Papan keperluan

board-title = Keperluan kerjasama dan pembiayaan
board-intro = Perusahaan China menerbitkan perkara yang mereka cari di luar negara, dan bursa rakan kongsi menerbitkan tawaran bagi syarikat tersenarai mereka. Butiran hubungan tidak dipaparkan di sini: mohon perkenalan dan platform akan menguruskannya.
board-publish = Terbitkan keperluan
board-search = Cari keperluan
board-any = Semua
board-country = Negara atau wilayah sasaran
board-apply = Tapis
board-count = { $count ->
   *[other] { $count } keperluan
}
board-empty = Tiada keperluan yang sepadan. Cuba kurangkan penapis atau gunakan carian lain.

## Keperluan

demand-title = Keperluan
demand-new-title = Terbitkan keperluan
demand-edit-title = Ubah keperluan
demand-form-intro = Terangkan perkara yang anda cari. Tulis tajuk dan keterangan dalam satu atau lebih bahasa: pembaca melihat bahasa mereka sendiri jika anda menulis dalam bahasa itu, atau bahasa lain beserta nota jika tidak. Pengendali menyemak setiap keperluan sebelum diterbitkan; keperluan itu kemudian kekal di papan keperluan selama enam bulan dan boleh diperbaharui.
demand-kind = Jenis keperluan
demand-kind-technology = Kerjasama teknologi
demand-kind-market-access = Perluasan pasaran
demand-kind-supply-chain = Rantaian bekalan
demand-kind-joint-venture = Usaha sama
demand-kind-m-and-a = Penggabungan dan pengambilalihan
demand-kind-financing = Pembiayaan ekuiti
demand-industry = Industri
demand-targets = Negara dan bursa sasaran
demand-targets-hint = Jangan tandakan apa-apa untuk mana-mana lokasi.
demand-targets-anywhere = Mana-mana lokasi
demand-green = Pembangunan hijau
demand-green-fit = Keperluan ini menyokong pembangunan hijau
demand-financing = Pembiayaan
demand-financing-hint = Untuk pembiayaan ekuiti sahaja: amaun yang dicari, sebagai nombor bulat dalam unit mata wang, dan peringkat perusahaan.
demand-financing-range = { $currency } { $min } – { $max } · { $stage }
demand-amount-min = Amaun minimum
demand-amount-max = Amaun maksimum
demand-currency = Mata wang
demand-stage = Peringkat
demand-stage-seed = Benih
demand-stage-growth = Pertumbuhan
demand-stage-expansion = Pengembangan
demand-stage-pre-ipo = Pre-IPO
demand-texts = Tajuk dan keterangan
demand-texts-hint = Sekurang-kurangnya satu tajuk. Keterangan tanpa tajuk dalam bahasa yang sama tidak mencukupi.
demand-text-title = Tajuk
demand-text-description = Keterangan
demand-company = Syarikat (kod saham)
demand-company-hint = Kod saham salah satu syarikat tersenarai bursa anda, seperti dalam zon.
demand-publisher = Diterbitkan oleh
demand-publisher-enterprise = Perusahaan China ({ $kind })
demand-valid-until = Sah sehingga
demand-no-contacts = Butiran hubungan hanya dikongsi melalui perkenalan, setelah kedua-dua pihak bersetuju.
demand-save-draft = Simpan sebagai draf
demand-submit = Hantar untuk semakan
demand-status = Status
demand-status-draft = Draf
demand-status-review = Dalam semakan
demand-status-published = Diterbitkan
demand-status-returned = Dikembalikan untuk pindaan
demand-status-withdrawn = Ditarik balik
demand-status-expired = Tamat tempoh
demand-returned-because = Pengendali mengembalikannya:
demand-review = Semakan
demand-return-reason = Sebab dikembalikan
demand-action-edit = Ubah
demand-action-submit = Hantar untuk semakan
demand-action-renew = Perbaharui selama enam bulan
demand-action-withdraw = Tarik balik
demand-action-publish = Terbitkan
demand-action-return = Kembalikan untuk pindaan
demand-action-answer = Tawarkan perkenalan
demand-answer = Jawab bagi pihak salah satu syarikat anda
demand-answer-hint = Pengendali menyaring jawapan anda dahulu; perusahaan itu dapat melihatnya setelah jawapan dimajukan.
demand-case-open = Kes perhubungan tentang keperluan ini sedang berjalan
demand-error-kind = Sila pilih jenis keperluan.
demand-error-industry = Sila pilih industri.
demand-error-targets = Sila pilih negara dan bursa sasaran daripada senarai.
demand-error-amount = Sila masukkan amaun dalam nombor bulat yang lebih daripada sifar.
demand-error-amount-order = Amaun maksimum tidak boleh kurang daripada amaun minimum.
demand-error-currency = Sila pilih mata wang.
demand-error-stage = Sila pilih peringkat perusahaan.
demand-error-title-long = Tajuk terlalu panjang (maksimum 120 aksara).
demand-error-description-long = Teks terlalu panjang.
demand-error-title-missing = Keterangan ini memerlukan tajuk dalam bahasa yang sama.
demand-error-no-title = Sila berikan tajuk keperluan dalam sekurang-kurangnya satu bahasa.
demand-error-company = Tiada syarikat tersenarai bursa anda yang mempunyai kod saham ini.
demand-error-reason = Sila nyatakan sebabnya.
demand-error-not-now = Tindakan ini tidak boleh dibuat dalam status semasa keperluan.
notice-demand-saved = Keperluan telah disimpan sebagai draf.
notice-demand-submitted = Keperluan telah dihantar. Pengendali akan menyemaknya.
notice-demand-submit = Keperluan telah dihantar. Pengendali akan menyemaknya.
notice-demand-renew = Keperluan akan kekal di papan keperluan selama enam bulan lagi.
notice-demand-withdraw = Keperluan telah ditarik balik.
notice-demand-publish = Keperluan telah diterbitkan di papan keperluan.
notice-demand-return = Keperluan telah dikembalikan kepada pemiliknya beserta sebab anda.

## Perkenalan dan kes perhubungan

introduce-title = Mohon perkenalan
introduce-intro = Beritahu platform perkara yang ingin anda bincangkan. Pengendali menyaring permohonan itu dan memajukannya kepada bursa syarikat berkenaan, yang menjawab bagi pihak syarikat. Anda boleh mengikuti setiap langkah di bawah Kes saya.
introduce-privacy = Butiran hubungan anda dikongsi dengan syarikat itu hanya selepas syarikat itu menerima permohonan.
introduce-send = Hantar permohonan
introduce-already = Anda sudah mempunyai permohonan perkenalan yang masih terbuka untuk syarikat ini.
introduce-open-case = Buka kes perhubungan
case-title = Kes perhubungan
case-kind-introduction = Perkenalan
case-company = Syarikat tersenarai luar negara
case-enterprise = Perusahaan China
case-purpose = Tujuan
case-message = Mesej
case-demand = Sebagai jawapan kepada
case-request = Permohonan
case-outcome = Keputusan
case-outcome-cooperation = Kerjasama dipersetujui
case-outcome-financing = Pembiayaan berjaya
case-outcome-no-deal = Tiada persetujuan
case-outcome-note = Nota tentang keputusan (jika tiada persetujuan: sebabnya)
case-amount = Amaun
case-amount-hint = Untuk pembiayaan berjaya: amaunnya, sebagai nombor bulat dalam unit mata wang.
case-stage-requested = Dipohon
case-stage-screening = Dalam saringan
case-stage-forwarded = Dimajukan kepada pihak berkenaan
case-stage-accepted = Diterima
case-stage-declined = Ditolak
case-stage-meeting = Mesyuarat dijadualkan
case-stage-closed = Ditutup
case-stage-withdrawn = Ditarik balik
case-step-request = Dipohon
case-step-screen = Saringan dimulakan
case-step-forward = Dimajukan
case-step-refuse = Ditolak oleh pengendali
case-step-accept = Diterima
case-step-decline = Ditolak
case-step-schedule = Mesyuarat ditetapkan
case-step-close = Ditutup
case-step-withdraw = Ditarik balik
case-do-screen = Mulakan saringan
case-do-forward = Majukan kepada pihak berkenaan
case-do-refuse = Tolak permohonan
case-do-accept = Terima
case-do-decline = Tolak
case-do-schedule = Tetapkan mesyuarat
case-do-close = Tutup dengan keputusan
case-do-withdraw = Tarik balik permohonan
case-side-enterprise = Perusahaan China
case-side-partner = Bursa rakan kongsi
case-side-operator = Pengendali
case-steps = Tindakan yang boleh anda ambil sekarang
case-note = Nota (pilihan)
case-reason = Sebab
case-meeting = Mesyuarat
case-meeting-date = Tarikh
case-meeting-time = Masa
case-meeting-zone = Zon waktu
case-meeting-place = Pautan dalam talian atau tempat
case-meeting-place-hint = Pautan panggilan video, atau alamat.
case-meeting-your-time = Waktu anda
case-meeting-set-in = Mengikut zon waktu yang ditetapkan
case-contacts = Butiran hubungan
case-contact-person = Orang untuk dihubungi
case-contacts-later = Setiap pihak dapat melihat butiran hubungan pihak yang satu lagi setelah kedua-duanya menerima.
case-history = Sejarah
case-thread = Mesej
case-thread-hint = Hanya kedua-dua pihak dan pengendali platform boleh membaca mesej ini.
case-thread-empty = Belum ada mesej.
case-message-new = Mesej baharu
case-message-send = Hantar
case-error-purpose = Sila pilih tujuan.
case-error-message = Sila tulis mesej.
case-error-too-long = Teks terlalu panjang.
case-error-already-open = Kes perhubungan yang masih terbuka sudah wujud untuk perkara ini.
case-error-not-now = Langkah ini tidak boleh diambil pada peringkat semasa kes ini.
case-error-reason = Sila nyatakan sebabnya.
case-error-zone = Sila pilih zon waktu.
case-error-when = Sila masukkan tarikh dan masa dari hari ini hingga dua tahun ke hadapan.
case-error-place = Sila berikan pautan dalam talian atau tempat.
case-error-outcome = Sila pilih keputusan.
case-error-closed = Kes ini telah ditutup; mesej tidak lagi boleh ditambah.
notice-case-opened = Permohonan anda telah dihantar. Anda boleh mengikutinya di sini.
notice-case-moved = Kes telah dikemas kini.
notice-case-message-sent = Mesej anda telah dihantar.

## Kes saya

desk-title = Kes saya
desk-intro = Kes perhubungan yang anda sertai, dan perkara yang menunggu tindakan anda.
desk-none = Kes dan keperluan hanya untuk perusahaan yang disahkan, bursa rakan kongsi dan pengendali.
desk-awaiting = { $count ->
    [0] Tiada apa-apa yang menunggu tindakan anda.
   *[other] { $count } kes menunggu tindakan anda.
}
desk-cases = { $count ->
   *[other] { $count } kes
}
desk-days = { $count ->
    [0] hari ini
   *[other] { $count } hari lalu
}
desk-overdue = tiada perubahan selama { $days } hari
desk-overdue-only = Hanya kes tanpa perubahan selama { $days } hari
desk-awaits-you = menunggu tindakan anda
desk-demands = Keperluan saya
desk-demands-none = Belum ada.
desk-review = Keperluan yang menunggu semakan
desk-export-csv = Muat turun sebagai CSV
desk-export-xlsx = Muat turun sebagai Excel
case-export-file = kes-perhubungan
case-column-id = Kes
case-column-stage = Peringkat
case-column-company = Syarikat
case-column-exchange = Bursa
case-column-enterprise = Perusahaan
case-column-purpose = Tujuan
case-column-opened = Dibuka
case-column-changed = Perubahan terakhir
case-column-outcome = Keputusan
case-column-currency = Mata wang
case-column-days = Hari sejak perubahan terakhir
case-column-amount = Amaun

## E-mel

mail-demand-submitted-subject = Satu keperluan menunggu semakan
mail-demand-submitted-body = Keperluan "{ $title }" telah dihantar di Zon V-Next dan menunggu semakan pengendali: { $link }
mail-demand-published-subject = Keperluan anda telah diterbitkan
mail-demand-published-body = Keperluan anda "{ $title }" kini dipaparkan di papan keperluan Zon V-Next selama enam bulan: { $link }
mail-demand-returned-subject = Keperluan anda dikembalikan untuk pindaan
mail-demand-returned-body = Pengendali telah mengembalikan keperluan anda "{ $title }" di Zon V-Next atas sebab ini: { $reason } — Anda boleh mengubahnya dan menghantarnya semula: { $link }
mail-case-requested-subject = Permohonan perkenalan baharu
mail-case-requested-body = Perkenalan kepada { $company } telah dipohon di Zon V-Next dan sedang menunggu saringan: { $link }
mail-case-moved-subject = Kes perhubungan: { $stage }
mail-case-moved-body = Kes perhubungan tentang { $company } di Zon V-Next kini berada pada peringkat "{ $stage }". { $note } Butiran: { $link }
mail-case-message-subject = Mesej baharu dalam kes perhubungan
mail-case-message-body = Terdapat mesej baharu dalam kes perhubungan tentang { $company } di Zon V-Next: { $link }

## Recommendations
match-companies-title = Syarikat yang disyorkan
match-demands-title = Keperluan yang sesuai dengan syarikat ini
match-link-companies = Syarikat yang disyorkan
match-link-demands = Keperluan yang sesuai dengan syarikat ini
match-how = Setiap padanan diberi skor daripada 100 mata berdasarkan industri, hasrat kerjasama yang dinyatakan, pasaran sasaran, syarat pembangunan hijau dan topik yang ditulis oleh kedua-dua pihak, dalam apa jua bahasa. Jadual di bawah setiap padanan menunjukkan mata bagi setiap bahagian.
match-weighed = { $count ->
    [one] { $shown } calon dinilai.
   *[other] { $shown } calon dinilai.
}
match-no-companies = Belum ada syarikat tersenarai yang sesuai dengan keperluan ini.
match-no-demands = Belum ada keperluan di papan keperluan yang sesuai dengan syarikat ini.
match-score = Padanan { $score } / 100
match-why = Sebab padanan ini
match-act-answer = Jawab keperluan ini
match-part-industry = Industri
match-part-intent = Hasrat kerjasama
match-part-target = Pasaran sasaran
match-part-green = Hijau
match-part-topics = Topik sepunya
match-why-same-industry = Industri yang sama: { $industry }
match-why-related-industry = Berkaitan: teks menyentuh { $industry }
match-why-other-industry = Industri lain
match-why-declares = Menyatakan “{ $intent }”
match-why-not-declared = Tidak menyatakan “{ $intent }”
match-why-any-market = Keperluan ini terbuka kepada mana-mana pasaran
match-why-in-market = Dalam pasaran sasaran: { $place }
match-why-outside-markets = Di luar pasaran sasaran
match-why-green = Ditandakan sebagai hijau, seperti yang disyaratkan oleh keperluan
match-why-not-green = Tidak ditandakan sebagai hijau
match-why-shared = { $topics }
match-why-nothing-shared = Tiada topik sepunya
match-list-separator = {", "}
