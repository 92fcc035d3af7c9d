site-name = Zon V-Next
nav-skip = Langkau ke kandungan
nav-label = Navigasi utama
nav-home = Laman utama
nav-zone = Syarikat tersenarai luar negara
nav-language = Bahasa
footer-about = Zon V-Next menghubungkan syarikat tersenarai luar negara dengan perusahaan dan pelabur China untuk kerjasama perindustrian rentas sempadan.
footer-fictional = Platform demonstrasi: semua syarikat yang dipaparkan di sini rekaan semata-mata.

not-found-title = Halaman tidak dijumpai
not-found-body = Halaman yang anda minta tidak wujud atau telah dipindahkan.
not-found-zone = Lihat syarikat tersenarai
not-found-home = Pergi ke laman utama

home-title = Kerjasama perindustrian rentas sempadan
home-description = Cari syarikat tersenarai luar negara dari Bursa Malaysia, Bursa Saham Thailand dan bursa rakan kongsi lain, serta kerjasama yang mereka cari.
home-heading = Kenali syarikat tersenarai luar negara yang mencari rakan kongsi di China
home-lead = Bursa rakan kongsi memaparkan maklumat syarikat tersenarai mereka — perniagaan utama, kelebihan daya saing, data kewangan teras dan hasrat kerjasama — supaya perusahaan dan pelabur China dapat mencari rakan kongsi yang sesuai.
home-cta-zone = Terokai zon syarikat tersenarai luar negara
home-figures = Zon dalam angka
home-figure-companies = syarikat tersenarai
home-figure-exchanges = bursa rakan kongsi
home-figure-countries = negara dan wilayah
home-figure-intents = syarikat yang menyatakan hasrat kerjasama
home-figure-green = syarikat pembangunan hijau
home-exchanges = Bursa rakan kongsi
