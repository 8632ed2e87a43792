"""The default wording of each document's paragraphs, with named placeholders.

A cooperative may rewrite any of these in Pengaturan → Kalimat Surat (see templates.py); only
the placeholders listed for a paragraph may be used in it."""

from __future__ import annotations

from dataclasses import dataclass

# Every placeholder a paragraph can use, with what it is filled with (shown in Settings).
PLACEHOLDERS: dict[str, str] = {
    "sapaan": "Bapak atau Ibu (menurut jenis kelamin anggota)",
    "nama_anggota": "nama anggota",
    "no_anggota": "nomor anggota",
    "nama_koperasi": "nama koperasi",
    "kota": "kota koperasi",
    "nomor_pinjaman": "nomor perjanjian pinjaman",
    "tanggal_perjanjian": "tanggal perjanjian pinjaman",
    "plafon": "plafon pinjaman (Rp)",
    "tanggal_posisi": "tanggal posisi tunggakan",
    "jumlah_angsuran_tertunggak": "banyaknya angsuran yang tertunggak",
    "jumlah_tunggakan": "jumlah tunggakan (Rp)",
    "terbilang_tunggakan": "jumlah tunggakan dengan huruf",
    "batas_waktu": "tanggal batas waktu pembayaran",
    "petugas": "nama petugas yang bisa dihubungi",
    "telepon_petugas": "nomor telepon petugas",
    "nomor_sp1": "nomor SP1",
    "tanggal_sp1": "tanggal SP1",
    "nomor_sp2": "nomor SP2",
    "tanggal_sp2": "tanggal SP2",
    "tanggal_terbilang": "hari dan tanggal dengan huruf",
    "tanggal_angka": "tanggal dengan angka (07-09-2025)",
    "tempat": "tempat pertemuan atau rapat",
    "batas_ingkar": "banyaknya angsuran terlewat yang membatalkan keringanan",
    "jumlah_keringanan": "jumlah keringanan (Rp)",
    "tanggal_lunas": "tanggal pelunasan",
    "cara_lunas": "cara pelunasan",
    "jam": "jam mulai",
    "jam_selesai": "jam selesai",
}


@dataclass(frozen=True)
class Part:
    """One adjustable paragraph: where it is used, its default text, the placeholders allowed."""

    key: str  # "<kind>.<part>"
    label: str
    default: str
    allowed: tuple[str, ...]


_LOAN = (
    "sapaan",
    "nama_anggota",
    "no_anggota",
    "nama_koperasi",
    "kota",
    "nomor_pinjaman",
    "tanggal_perjanjian",
    "plafon",
)
_ARREARS = (
    *_LOAN,
    "tanggal_posisi",
    "jumlah_angsuran_tertunggak",
    "jumlah_tunggakan",
    "terbilang_tunggakan",
    "batas_waktu",
    "petugas",
    "telepon_petugas",
)
_SP = (*_ARREARS, "nomor_sp1", "tanggal_sp1", "nomor_sp2", "tanggal_sp2")
_MEETING = (
    *_LOAN,
    "tanggal_terbilang",
    "tanggal_angka",
    "tempat",
    "batas_ingkar",
    "jumlah_keringanan",
)

PARTS: tuple[Part, ...] = (
    Part(
        "sp1.pembuka",
        "SP1 – paragraf pembuka",
        "Berdasarkan catatan kami, sampai dengan tanggal {tanggal_posisi} {sapaan} belum "
        "membayar {jumlah_angsuran_tertunggak} angsuran pinjaman dengan Nomor Perjanjian "
        "{nomor_pinjaman} tanggal {tanggal_perjanjian} sebesar {plafon}. Rincian tunggakan "
        "tersebut sebagai berikut:",
        _SP,
    ),
    Part(
        "sp2.pembuka",
        "SP2 – paragraf pembuka",
        "Menindaklanjuti Surat Peringatan Pertama kami Nomor {nomor_sp1} tanggal {tanggal_sp1}, "
        "sampai dengan tanggal {tanggal_posisi} kami belum menerima pembayaran tunggakan "
        "pinjaman {sapaan} dengan Nomor Perjanjian {nomor_pinjaman}. Rincian tunggakan tersebut "
        "sebagai berikut:",
        _SP,
    ),
    Part(
        "sp3.pembuka",
        "SP3 – paragraf pembuka",
        "Menindaklanjuti Surat Peringatan Pertama Nomor {nomor_sp1} dan Surat Peringatan Kedua "
        "Nomor {nomor_sp2} tanggal {tanggal_sp2}, sampai dengan tanggal {tanggal_posisi} "
        "tunggakan pinjaman {sapaan} dengan Nomor Perjanjian {nomor_pinjaman} belum juga "
        "diselesaikan. Rincian tunggakan tersebut sebagai berikut:",
        _SP,
    ),
    Part(
        "sp.permintaan",
        "SP1–SP3 – permintaan membayar",
        "Kami minta {sapaan} melunasi tunggakan tersebut sebesar {jumlah_tunggakan} "
        "({terbilang_tunggakan}) atau datang ke kantor koperasi untuk membicarakan "
        "penyelesaiannya paling lambat tanggal {batas_waktu}.",
        _SP,
    ),
    Part(
        "sp1.akibat",
        "SP1 – akibat bila tidak dipenuhi",
        "Apabila sampai batas waktu tersebut belum ada pembayaran atau kabar dari {sapaan}, "
        "kami akan mengirimkan Surat Peringatan Kedua, dan denda keterlambatan tetap berjalan "
        "sesuai perjanjian pinjaman.",
        _SP,
    ),
    Part(
        "sp2.akibat",
        "SP2 – akibat bila tidak dipenuhi",
        "Apabila sampai batas waktu tersebut tunggakan belum diselesaikan, kami akan "
        "mengirimkan Surat Peringatan Ketiga (terakhir), mengunjungi {sapaan}, dan menghubungi "
        "penjamin pinjaman.",
        _SP,
    ),
    Part(
        "sp3.akibat",
        "SP3 – akibat bila tidak dipenuhi (peringatan terakhir)",
        "Surat ini adalah PERINGATAN TERAKHIR. Apabila sampai batas waktu tersebut tunggakan "
        "belum diselesaikan, koperasi akan menempuh langkah sesuai perjanjian pinjaman: "
        "memperhitungkan simpanan {sapaan} dengan tunggakan (kompensasi simpanan), menjual "
        "agunan, dan/atau menempuh jalur hukum.",
        _SP,
    ),
    Part(
        "sp.kontak",
        "SP1–SP3 – petugas yang bisa dihubungi",
        "Untuk keterangan lebih lanjut {sapaan} dapat menghubungi {petugas} di nomor "
        "{telepon_petugas}.",
        _SP,
    ),
    Part(
        "sp.penutup",
        "SP1–SP3 – penutup",
        "Demikian surat ini kami sampaikan. Atas perhatian dan kerja sama {sapaan}, kami ucapkan "
        "terima kasih.",
        _SP,
    ),
    Part(
        "panggilan.isi",
        "Surat Panggilan – isi",
        "Sehubungan dengan tunggakan pinjaman {sapaan} dengan Nomor Perjanjian {nomor_pinjaman} "
        "sebesar {jumlah_tunggakan} per tanggal {tanggal_posisi}, dengan ini kami mengundang "
        "{sapaan} untuk hadir pada:",
        (*_ARREARS, "tempat"),
    ),
    Part(
        "panggilan.keperluan",
        "Surat Panggilan – keperluan",
        "untuk membicarakan penyelesaian tunggakan pinjaman tersebut secara kekeluargaan. Mohon "
        "membawa KTP dan buku anggota; {sapaan} dapat didampingi suami/istri atau penjamin.",
        (*_ARREARS, "tempat"),
    ),
    Part(
        "panggilan.penutup",
        "Surat Panggilan – penutup",
        "Apabila {sapaan} berhalangan hadir, mohon memberi tahu {petugas} di nomor "
        "{telepon_petugas} untuk menentukan waktu lain. Demikian surat ini kami sampaikan; atas "
        "perhatian {sapaan} kami ucapkan terima kasih.",
        (*_ARREARS, "tempat"),
    ),
    Part(
        "berita_acara.pembuka",
        "Berita Acara – pembuka",
        "Pada hari ini, {tanggal_terbilang} ({tanggal_angka}), bertempat di {tempat}, kami yang "
        "bertanda tangan di bawah ini:",
        _MEETING,
    ),
    Part(
        "berita_acara.wanprestasi",
        "Berita Acara – bila kesepakatan dilanggar",
        "Apabila PIHAK KEDUA kembali tidak membayar {batas_ingkar} angsuran, seluruh keringanan "
        "dalam kesepakatan ini batal dan jumlah yang dibebaskan sebesar {jumlah_keringanan} "
        "kembali menjadi kewajiban PIHAK KEDUA.",
        _MEETING,
    ),
    Part(
        "berita_acara.penutup",
        "Berita Acara – penutup",
        "Demikian Berita Acara ini dibuat dalam rangkap dua, masing-masing mempunyai kekuatan "
        "hukum yang sama, dan ditandatangani oleh kedua belah pihak dalam keadaan sadar dan "
        "tanpa paksaan dari pihak mana pun.",
        _MEETING,
    ),
    Part(
        "perjanjian.pembuka",
        "Surat Perjanjian – pembuka",
        "Pada hari ini, {tanggal_terbilang} ({tanggal_angka}), yang bertanda tangan di bawah ini:",
        _MEETING,
    ),
    Part(
        "perjanjian.dasar",
        "Surat Perjanjian – Pasal Dasar",
        "Perjanjian ini merupakan tambahan (addendum) dan bagian yang tidak terpisahkan dari "
        "Perjanjian Pinjaman Nomor {nomor_pinjaman} tanggal {tanggal_perjanjian}. Ketentuan "
        "perjanjian pinjaman tersebut tetap berlaku sepanjang tidak diubah oleh perjanjian ini.",
        _MEETING,
    ),
    Part(
        "perjanjian.dasar_pelunasan",
        "Surat Perjanjian Pelunasan – Pasal Dasar",
        "Perjanjian ini dibuat untuk menyelesaikan seluruh kewajiban PIHAK KEDUA atas Perjanjian "
        "Pinjaman Nomor {nomor_pinjaman} tanggal {tanggal_perjanjian} secara musyawarah. "
        "Setelah PIHAK KEDUA memenuhi perjanjian ini, pinjaman tersebut dinyatakan lunas.",
        _MEETING,
    ),
    Part(
        "perjanjian.wanprestasi_pelunasan",
        "Surat Perjanjian Pelunasan – Pasal Wanprestasi",
        "Apabila PIHAK KEDUA tidak membayar jumlah dalam Pasal 3 sampai batas waktunya, maka "
        "keringanan dalam perjanjian ini batal, jumlah yang dibebaskan sebesar "
        "{jumlah_keringanan} kembali menjadi kewajiban PIHAK KEDUA, dan Perjanjian Pinjaman "
        "tetap berlaku dengan seluruh ketentuannya.",
        _MEETING,
    ),
    Part(
        "perjanjian.wanprestasi",
        "Surat Perjanjian – Pasal Wanprestasi",
        "Apabila PIHAK KEDUA tidak membayar {batas_ingkar} angsuran sesuai jadwal, maka seluruh "
        "keringanan dalam perjanjian ini batal dan jumlah yang dibebaskan sebesar "
        "{jumlah_keringanan} kembali menjadi kewajiban PIHAK KEDUA; seluruh sisa kewajiban "
        "menjadi jatuh tempo dan wajib dibayar sekaligus; dan PIHAK PERTAMA berhak "
        "memperhitungkan simpanan PIHAK KEDUA serta menjual agunan.",
        _MEETING,
    ),
    Part(
        "perjanjian.perselisihan",
        "Surat Perjanjian – Pasal Penyelesaian Perselisihan",
        "Perselisihan yang timbul dari perjanjian ini diselesaikan lebih dahulu secara "
        "musyawarah untuk mufakat. Apabila musyawarah tidak berhasil, para pihak sepakat "
        "meminta bantuan mediasi Dinas Koperasi setempat, dan bila masih belum berhasil, "
        "menyelesaikannya melalui Pengadilan Negeri {kota}.",
        _MEETING,
    ),
    Part(
        "perjanjian.penutup",
        "Surat Perjanjian – Pasal Penutup",
        "Perjanjian ini dibuat rangkap dua, masing-masing mempunyai kekuatan hukum yang sama, "
        "dan berlaku sejak ditandatangani oleh kedua belah pihak.",
        _MEETING,
    ),
    Part(
        "keterangan_lunas.isi",
        "Surat Keterangan Lunas – isi",
        "telah menyelesaikan seluruh kewajiban atas pinjaman dengan Nomor Perjanjian "
        "{nomor_pinjaman} tanggal {tanggal_perjanjian} sebesar {plafon} pada tanggal "
        "{tanggal_lunas}, {cara_lunas}.",
        (*_LOAN, "tanggal_lunas", "cara_lunas"),
    ),
    Part(
        "keterangan_lunas.penutup",
        "Surat Keterangan Lunas – penutup",
        "Dengan demikian {sapaan} {nama_anggota} tidak mempunyai kewajiban lagi atas pinjaman "
        "tersebut kepada {nama_koperasi}. Demikian surat keterangan ini dibuat dengan "
        "sebenarnya untuk dipergunakan sebagaimana mestinya.",
        (*_LOAN, "tanggal_lunas", "cara_lunas"),
    ),
    Part(
        "notulen.pembuka",
        "Notulen Rapat – pembuka",
        "Pada hari ini, {tanggal_terbilang}, pukul {jam}, bertempat di {tempat}, telah "
        "diadakan Rapat Pengurus {nama_koperasi} untuk membahas penanganan pinjaman bermasalah.",
        (
            "nama_koperasi",
            "kota",
            "tanggal_terbilang",
            "tanggal_angka",
            "tempat",
            "jam",
            "jam_selesai",
        ),
    ),
    Part(
        "notulen.penutup",
        "Notulen Rapat – penutup",
        "Rapat ditutup pukul {jam_selesai}. Demikian notulen ini dibuat dengan sebenarnya.",
        (
            "nama_koperasi",
            "kota",
            "tanggal_terbilang",
            "tanggal_angka",
            "tempat",
            "jam",
            "jam_selesai",
        ),
    ),
    Part(
        "tanda_terima_agunan.terima",
        "Tanda Terima Agunan – penerimaan",
        "Telah diterima dari {sapaan} {nama_anggota} (No. Anggota {no_anggota}) sebagai agunan "
        "atas Pinjaman Nomor {nomor_pinjaman}, barang/dokumen sebagai berikut:",
        _LOAN,
    ),
    Part(
        "tanda_terima_agunan.kembali",
        "Tanda Terima Agunan – pengembalian",
        "Telah dikembalikan kepada {sapaan} {nama_anggota} (No. Anggota {no_anggota}) agunan "
        "atas Pinjaman Nomor {nomor_pinjaman}, barang/dokumen sebagai berikut:",
        _LOAN,
    ),
    Part(
        "tanda_terima_agunan.penutup",
        "Tanda Terima Agunan – penutup",
        "Barang/dokumen tersebut diperiksa bersama dan diserahkan dalam keadaan lengkap dan "
        "baik. Demikian tanda terima ini dibuat untuk dipergunakan sebagaimana mestinya.",
        _LOAN,
    ),
    Part(
        "daftar_hapus_buku.keterangan",
        "Daftar Hapus Buku – keterangan",
        "Pinjaman dalam daftar ini telah dihapus dari neraca (hapus buku) berdasarkan keputusan "
        "Pengurus {nama_koperasi} dan diajukan kepada Rapat Anggota Tahunan untuk disahkan. Hak "
        "tagih koperasi tetap ada dan penagihan terus dilakukan di luar neraca (ekstrakomptabel).",
        ("nama_koperasi", "kota"),
    ),
)

PARTS_BY_KEY: dict[str, Part] = {part.key: part for part in PARTS}
