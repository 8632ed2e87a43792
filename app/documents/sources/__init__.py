"""Document data from the real records: adapters from the members, loans and problem-loan
services to the pure data builders of app.documents (one module per area).

- ``loans``      – Jadwal Angsuran, Kartu Pinjaman, Kuitansi, Tanda Terima Agunan,
                   Surat Keterangan Lunas
- ``cases``      – Ringkasan Kasus
- ``letters``    – SP1–SP3, Surat Panggilan, the SP letters due today
- ``agreements`` – Berita Acara Kesepakatan, Surat Perjanjian / Addendum
- ``decisions``  – Notulen Rapat Pengurus, Daftar Pinjaman Dihapusbukukan
- ``issuing``    – issuing a case letter (or the day's batch) with its entry in the case
"""
