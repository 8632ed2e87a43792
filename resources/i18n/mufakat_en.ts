<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id_ID">
<context>
    <name>AccountNotices</name>
    <message>
        <source>Perubahan akun berhak khusus terakhir:</source>
        <translation>Latest changes to privileged accounts:</translation>
    </message>
    <message>
        <source>Menunggu persetujuan: peran {role} untuk {name} ({kind}, diminta {by})</source>
        <translation>Awaiting approval: role {role} for {name} ({kind}, requested by {by})</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Permintaan ini harus diputuskan Pengurus lain.</source>
        <translation>Another board member must decide this request.</translation>
    </message>
    <message>
        <source>Persetujuan peran</source>
        <translation>Role approval</translation>
    </message>
    <message>
        <source>Tolak permintaan peran</source>
        <translation>Reject role request</translation>
    </message>
    <message>
        <source>Alasan penolakan:</source>
        <translation>Reason for rejecting:</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama Akun</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Akun terpilih</source>
        <translation>Selected account</translation>
    </message>
    <message>
        <source>Ganti Nama</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sub-akun baru di bawah akun ini</source>
        <translation>New sub-account under this account</translation>
    </message>
    <message>
        <source>01</source>
        <translation>01</translation>
    </message>
    <message>
        <source>mis. Bank BRI Cabang Mojokerto</source>
        <translation>e.g. Bank BRI Mojokerto branch</translation>
    </message>
    <message>
        <source>Tambah Sub-akun</source>
        <translation>Add sub-account</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Penyajian simpanan pokok dan wajib</source>
        <translation>Presentation of entry and mandatory savings</translation>
    </message>
    <message>
        <source>Simpan Pilihan</source>
        <translation>Save choice</translation>
    </message>
    <message>
        <source>Di laporan posisi keuangan, simpanan pokok dan wajib disajikan sebagai ekuitas atau liabilitas. Pilihan ini dicetak pada laporan.</source>
        <translation>In the statement of financial position, entry and mandatory savings are shown as equity or as liabilities. The choice is printed on the statements.</translation>
    </message>
    <message>
        <source>debet</source>
        <translation>debit</translation>
    </message>
    <message>
        <source>kredit</source>
        <translation>credit</translation>
    </message>
    <message>
        <source>induk, tidak bisa dijurnal</source>
        <translation>group header, cannot be posted to</translation>
    </message>
    <message>
        <source>tidak aktif</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>Pilih akun di daftar.</source>
        <translation>Choose an account in the list.</translation>
    </message>
    <message>
        <source>Aktifkan lagi</source>
        <translation>Activate again</translation>
    </message>
    <message>
        <source>Nama akun {code} disimpan.</source>
        <translation>Name of account {code} saved.</translation>
    </message>
    <message>
        <source>Akun {code} dinonaktifkan: tidak bisa dipakai untuk jurnal baru; riwayatnya tetap ada.</source>
        <translation>Account {code} deactivated: it cannot be used in new journals; its history stays.</translation>
    </message>
    <message>
        <source>Akun {code} aktif lagi.</source>
        <translation>Account {code} is active again.</translation>
    </message>
    <message>
        <source>Sub-akun {code}.{s} ditambahkan.</source>
        <translation>Sub-account {code}.{s} added.</translation>
    </message>
    <message>
        <source>Pilihan penyajian simpanan disimpan.</source>
        <translation>Savings presentation choice saved.</translation>
    </message>
</context>
<context>
    <name>AgeingModel</name>
    <message>
        <source>Lama Terlambat</source>
        <translation>Time Late</translation>
    </message>
    <message>
        <source>Jumlah Pinjaman</source>
        <translation>Number of Loans</translation>
    </message>
    <message>
        <source>Sisa Pokok</source>
        <translation>Principal Left</translation>
    </message>
    <message>
        <source>Porsi</source>
        <translation>Share</translation>
    </message>
</context>
<context>
    <name>AllocationModel</name>
    <message>
        <source>Angsuran Ke</source>
        <translation>Instalment No.</translation>
    </message>
    <message>
        <source>Jatuh Tempo</source>
        <translation>Due Date</translation>
    </message>
    <message>
        <source>Tertunggak</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Untuk Denda</source>
        <translation>To Late Fees</translation>
    </message>
    <message>
        <source>Untuk Jasa</source>
        <translation>To Interest</translation>
    </message>
    <message>
        <source>Untuk Pokok</source>
        <translation>To Principal</translation>
    </message>
    <message>
        <source>Masih Kurang</source>
        <translation>Still Short</translation>
    </message>
</context>
<context>
    <name>AllowanceGroup</name>
    <message>
        <source>PPAP (penyisihan pinjaman)</source>
        <translation>PPAP (loan-loss reserve)</translation>
    </message>
    <message>
        <source>Kebijakan PPAP</source>
        <translation>PPAP policy</translation>
    </message>
    <message>
        <source>Nama di laporan: &lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;Tarif: {rates}</source>
        <translation>Name in reports: &lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;Rates: {rates}</translation>
    </message>
</context>
<context>
    <name>AmountPage</name>
    <message>
        <source>Langkah 3 dari 8: Jumlah dan jangka waktu</source>
        <translation>Step 3 of 8: Amount and term</translation>
    </message>
    <message>
        <source>Batasnya mengikuti produk. Angsuran pertama biasanya sebulan setelah pencairan.</source>
        <translation>The limits follow the product. The first instalment is usually one month after disbursement.</translation>
    </message>
    <message>
        <source> bulan</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Bulan-bulan pertama yang hanya membayar jasa</source>
        <translation>First months paying interest only</translation>
    </message>
    <message>
        <source>misalnya: tambahan modal warung</source>
        <translation>e.g. extra capital for the shop</translation>
    </message>
    <message>
        <source>Jumlah pinjaman (Rp) *</source>
        <translation>Loan amount (Rp) *</translation>
    </message>
    <message>
        <source>Jangka waktu *</source>
        <translation>Term *</translation>
    </message>
    <message>
        <source>Angsuran pertama *</source>
        <translation>First instalment *</translation>
    </message>
    <message>
        <source>Tenggang pokok</source>
        <translation>Principal grace period</translation>
    </message>
    <message>
        <source>Tujuan pinjaman *</source>
        <translation>Loan purpose *</translation>
    </message>
    <message>
        <source>Tanggal pengajuan *</source>
        <translation>Application date *</translation>
    </message>
    <message>
        <source>Melunasi pinjaman lama</source>
        <translation>Pays off an old loan</translation>
    </message>
    <message>
        <source>Batas produk {name}: {min_amount} sampai {max_amount}, {min_months}–{max_months} bulan.</source>
        <translation>Limits of product {name}: {min_amount} to {max_amount}, {min_months}–{max_months} months.</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Ya, melunasi {number} (sisa pokok {amount})</source>
        <translation>Yes, pays off {number} (principal left {amount})</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Menghubungkan ke server kantor</source>
        <translation>Connecting to the office server</translation>
    </message>
    <message>
        <source>Membuka koperasi di server kantor…</source>
        <translation>Opening the cooperative on the office server…</translation>
    </message>
    <message>
        <source>File lebih lama</source>
        <translation>Older file</translation>
    </message>
    <message>
        <source>Tetap buka file ini?</source>
        <translation>Open this file anyway?</translation>
    </message>
    <message>
        <source>Membuka {name}</source>
        <translation>Opening {name}</translation>
    </message>
    <message>
        <source>Memeriksa keutuhan data setelah komputer mati mendadak…</source>
        <translation>Checking the data is intact after the computer shut down unexpectedly…</translation>
    </message>
    <message>
        <source>Membukukan riwayat transaksi: {done} dari {total} catatan…</source>
        <translation>Posting the transaction history: {done} of {total} records…</translation>
    </message>
    <message>
        <source>Membuka file</source>
        <translation>Opening the file</translation>
    </message>
    <message>
        <source>Membukukan riwayat transaksi file ini (sekali saja)…</source>
        <translation>Posting this file&apos;s transaction history (once only)…</translation>
    </message>
    <message>
        <source>Pembukuan riwayat dibatalkan: tidak ada yang dibukukan. Riwayat dibukukan saat file dibuka lagi.</source>
        <translation>Posting the history was cancelled: nothing was posted. The history is posted when the file is opened again.</translation>
    </message>
    <message>
        <source>Pilih file cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>Cadangan Mufakat (*.db);;Semua file (*)</source>
        <translation>Mufakat backups (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Cadangan tidak bisa dipakai</source>
        <translation>Backup cannot be used</translation>
    </message>
    <message>
        <source>dari layar awal, sebelum masuk (pengguna komputer: {user})</source>
        <translation>from the start screen, before logging in (computer user: {user})</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Memeriksa cadangan dan memulihkan data…</source>
        <translation>Checking the backup and restoring the data…</translation>
    </message>
    <message>
        <source>Data dipulihkan</source>
        <translation>Data restored</translation>
    </message>
    <message>
        <source>Data sudah dipulihkan dari {backup}.

File yang rusak disimpan apa adanya di:
{aside}</source>
        <translation>The data has been restored from {backup}.

The damaged file was kept as it was in:
{aside}</translation>
    </message>
    <message>
        <source>Perhatian: lokasi file</source>
        <translation>Note: where the file is</translation>
    </message>
    <message>
        <source>Membuat koperasi contoh</source>
        <translation>Creating the demo cooperative</translation>
    </message>
    <message>
        <source>Menyiapkan data contoh KSP Guyub Rukun (sekali saja)…</source>
        <translation>Preparing the demo data of KSP Guyub Rukun (only once)…</translation>
    </message>
</context>
<context>
    <name>ApprovalPage</name>
    <message>
        <source>Langkah 6 dari 8: Keputusan</source>
        <translation>Step 6 of 8: Decision</translation>
    </message>
    <message>
        <source>Pinjaman dicairkan hanya setelah disetujui Ketua/Pengurus.</source>
        <translation>A loan is disbursed only after the Chair/board approves it.</translation>
    </message>
    <message>
        <source>Setujui sekarang</source>
        <translation>Approve now</translation>
    </message>
    <message>
        <source>Simpan sebagai pengajuan (diputuskan nanti)</source>
        <translation>Save as an application (decide later)</translation>
    </message>
    <message>
        <source>misalnya: disetujui rapat pengurus 3 November</source>
        <translation>e.g. approved by the board meeting of 3 November</translation>
    </message>
    <message>
        <source>Catatan keputusan</source>
        <translation>Decision note</translation>
    </message>
    <message>
        <source>nama pengguna Ketua/Pengurus lain</source>
        <translation>user name of another chair/board member</translation>
    </message>
    <message>
        <source>Disetujui oleh</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Pinjaman ini bisa langsung disetujui oleh Ketua/Pengurus lain (bukan Anda yang mencatatnya): minta beliau mengetik nama pengguna dan kata sandinya. Bila perlu dibahas dulu, simpan sebagai pengajuan.</source>
        <translation>This loan can be approved at once by another chair/board member (not you, who record it): ask them to type their user name and password. If it needs discussing first, save it as an application.</translation>
    </message>
    <message>
        <source>Pinjaman ini disimpan sebagai pengajuan (status Diajukan) dan menunggu keputusan Ketua/Pengurus. Setelah disetujui, pencairan dilakukan dengan tombol Cairkan di rincian pinjaman.</source>
        <translation>This loan is saved as an application (status Applied) and awaits the Chair/board&apos;s decision. Once approved, disburse it with the Disburse button in the loan details.</translation>
    </message>
</context>
<context>
    <name>ApproverBox</name>
    <message>
        <source>Persetujuan Ketua/Pengurus</source>
        <translation>Chair/Board Approval</translation>
    </message>
    <message>
        <source>Disetujui oleh</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Keringanan hanya boleh dengan persetujuan Ketua/Pengurus lain (bukan yang mencatat). Minta beliau mengetik nama pengguna dan kata sandinya di sini.</source>
        <translation>A waiver needs the approval of another chair/board member (not the one recording it). Ask them to type their user name and password here.</translation>
    </message>
    <message>
        <source>nama pengguna Ketua/Pengurus</source>
        <translation>Chair/board user name</translation>
    </message>
    <message>
        <source>kata sandinya</source>
        <translation>their password</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>AssetDialog</name>
    <message>
        <source>Tambah Aset Tetap</source>
        <translation>Add Fixed Asset</translation>
    </message>
    <message>
        <source>Penyusutan garis lurus mulai bulan sesudah bulan perolehan. Tanah tidak disusutkan dan tidak dicatat di sini.</source>
        <translation>Straight-line depreciation starts the month after the month of acquisition. Land is not depreciated and is not recorded here.</translation>
    </message>
    <message>
        <source>Pembelian baru</source>
        <translation>New purchase</translation>
    </message>
    <message>
        <source>Sudah dimiliki saat mulai (saldo awal)</source>
        <translation>Already owned at the start (opening balance)</translation>
    </message>
    <message>
        <source>Tunai</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>TTTT-BB, bulan saldo awal</source>
        <translation>YYYY-MM, opening balance month</translation>
    </message>
    <message>
        <source>Nama aset *</source>
        <translation>Asset name *</translation>
    </message>
    <message>
        <source>Jenis *</source>
        <translation>Type *</translation>
    </message>
    <message>
        <source>Tanggal perolehan *</source>
        <translation>Acquisition date *</translation>
    </message>
    <message>
        <source>Harga perolehan (Rp) *</source>
        <translation>Cost (Rp) *</translation>
    </message>
    <message>
        <source>Umur manfaat (bulan) *</source>
        <translation>Useful life (months) *</translation>
    </message>
    <message>
        <source>Nilai sisa (Rp)</source>
        <translation>Residual value (Rp)</translation>
    </message>
    <message>
        <source>Asal *</source>
        <translation>Origin *</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Saldo awal per bulan</source>
        <translation>Opening balance as of month</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AssetsModel</name>
    <message>
        <source>Nama Aset</source>
        <translation>Asset Name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tgl Perolehan</source>
        <translation>Acquired</translation>
    </message>
    <message>
        <source>Umur (bln)</source>
        <translation>Life (mo)</translation>
    </message>
    <message>
        <source>Harga Perolehan</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Nilai Sisa</source>
        <translation>Residual</translation>
    </message>
    <message>
        <source>Akum. Penyusutan</source>
        <translation>Accum. Depreciation</translation>
    </message>
    <message>
        <source>Nilai Buku</source>
        <translation>Book Value</translation>
    </message>
</context>
<context>
    <name>AssetsTab</name>
    <message>
        <source>Per tanggal</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Tambah Aset…</source>
        <translation>Add Asset…</translation>
    </message>
    <message>
        <source>{n} aset: harga perolehan {c}, akumulasi penyusutan {a}, nilai buku {b}.</source>
        <translation>{n} assets: cost {c}, accumulated depreciation {a}, book value {b}.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Ganti Petugas</source>
        <translation>Change Officer</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>(belum ditentukan)</source>
        <translation>(not set yet)</translation>
    </message>
    <message>
        <source>Petugas kasus</source>
        <translation>Case officer</translation>
    </message>
</context>
<context>
    <name>AuthorisationBox</name>
    <message>
        <source>Izin Ketua/Pengurus</source>
        <translation>Chair/Board Permission</translation>
    </message>
    <message>
        <source>Diizinkan oleh</source>
        <translation>Permitted by</translation>
    </message>
    <message>
        <source>nama pengguna Ketua/Pengurus</source>
        <translation>Chair/board user name</translation>
    </message>
    <message>
        <source>Simpanan pokok dan wajib tidak boleh ditarik selama masih menjadi anggota. Penarikan ini hanya boleh dengan izin Ketua/Pengurus lain (bukan yang mencatat) dan alasan yang ditulis.</source>
        <translation>Principal and mandatory savings cannot be withdrawn while still a member. This withdrawal needs the authorisation of another chair/board member (not the one recording it) and a written reason.</translation>
    </message>
    <message>
        <source>kata sandinya</source>
        <translation>their password</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>misalnya: biaya berobat, disetujui rapat pengurus</source>
        <translation>e.g. medical costs, approved by the board meeting</translation>
    </message>
    <message>
        <source>Alasan *</source>
        <translation>Reason *</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Menyimpan cadangan dan memeriksa hasilnya…</source>
        <translation>Saving the backup and checking it…</translation>
    </message>
    <message>
        <source>Menutup Mufakat</source>
        <translation>Closing Mufakat</translation>
    </message>
    <message>
        <source>Menyimpan cadangan…</source>
        <translation>Saving a backup…</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Memeriksa cadangan dan memulihkan data…</source>
        <translation>Checking the backup and restoring the data…</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source>Simpan cadangan</source>
        <translation>Save a backup</translation>
    </message>
    <message>
        <source>Simpan salinan seluruh data ke folder lain, sebaiknya flashdisk atau hard disk luar yang disimpan di tempat lain. Setiap cadangan diperiksa keutuhannya setelah disimpan.</source>
        <translation>Save a copy of all data to another folder, preferably a USB drive or external hard disk kept somewhere else. Every backup is checked to be complete after saving.</translation>
    </message>
    <message>
        <source>Simpan Cadangan ke Folder…</source>
        <translation>Save Backup to Folder…</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh membuat cadangan.</source>
        <translation>Your role may not make backups.</translation>
    </message>
    <message>
        <source>Cadangan terakhir</source>
        <translation>Recent backups</translation>
    </message>
    <message>
        <source>Belum ada cadangan. Klik Simpan Cadangan ke Folder untuk membuat yang pertama.</source>
        <translation>No backups yet. Click Save Backup to Folder to make the first one.</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Bila data rusak atau terhapus, kembalikan data dari file cadangan. Data saat ini disalin lebih dulu, jadi tidak hilang.</source>
        <translation>If data is damaged or deleted, bring it back from a backup file. The current data is copied first, so it is not lost.</translation>
    </message>
    <message>
        <source>Pulihkan dari Cadangan…</source>
        <translation>Restore from Backup…</translation>
    </message>
    <message>
        <source>Hanya Admin atau Pengurus yang boleh memulihkan cadangan.</source>
        <translation>Only an Admin or a board member may restore a backup.</translation>
    </message>
    <message>
        <source>Koperasi ini ada di server kantor. Cadangannya dibuat di PC server: otomatis tiap malam, atau dengan perintah mufakat backup di PC server. Pemulihan juga dilakukan di PC server (mufakat restore).</source>
        <translation>This cooperative is on the office server. Its backups are made on the server PC: automatically every night, or with the command mufakat backup on the server PC. Restoring is also done on the server PC (mufakat restore).</translation>
    </message>
    <message>
        <source>Dilakukan di PC server kantor.</source>
        <translation>Done on the office server PC.</translation>
    </message>
    <message>
        <source>Daftar cadangan server ada di PC server.</source>
        <translation>The list of server backups is on the server PC.</translation>
    </message>
    <message>
        <source>Cadangan otomatis saat program ditutup: aktif, {keep} terakhir disimpan di {folder}</source>
        <translation>Automatic backup when the program closes: on, the last {keep} kept in {folder}</translation>
    </message>
    <message>
        <source>Cadangan otomatis saat program ditutup: tidak aktif (ubah di tab Umum).</source>
        <translation>Automatic backup when the program closes: off (change it in the General tab).</translation>
    </message>
    <message>
        <source>Pilih folder atau flashdisk untuk cadangan</source>
        <translation>Choose a folder or USB drive for the backup</translation>
    </message>
    <message>
        <source>Cadangan gagal</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>Cadangan tersimpan dan sudah diperiksa utuh:
{path}
({size})</source>
        <translation>Backup saved and checked complete:
{path}
({size})</translation>
    </message>
    <message>
        <source>Cadangan tersimpan</source>
        <translation>Backup saved</translation>
    </message>
    <message>
        <source>Pilih file cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>Cadangan Mufakat (*.db);;Semua file (*)</source>
        <translation>Mufakat backup (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Bukan file cadangan</source>
        <translation>Not a backup file</translation>
    </message>
    <message>
        <source>Itu file database yang sedang dibuka. Pilih file cadangannya.</source>
        <translation>That is the database file that is open now. Choose its backup file.</translation>
    </message>
    <message>
        <source>Cadangan tidak bisa dipakai</source>
        <translation>Backup cannot be used</translation>
    </message>
    <message>
        <source>Pemulihan gagal</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source>Data dipulihkan</source>
        <translation>Data restored</translation>
    </message>
    <message>
        <source>Data sudah dipulihkan dari {backup}.

Data sebelum pemulihan disimpan di:
{aside}

Semua pengguna perlu masuk lagi.</source>
        <translation>The data has been restored from {backup}.

The data from before the restore was kept in:
{aside}

Everyone needs to log in again.</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Diperiksa</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Disimpan pengguna</source>
        <translation>Saved by a user</translation>
    </message>
    <message>
        <source>Otomatis saat menutup</source>
        <translation>Automatic on closing</translation>
    </message>
    <message>
        <source>Perintah terjadwal</source>
        <translation>Scheduled command</translation>
    </message>
    <message>
        <source>Data lama sebelum pemulihan</source>
        <translation>Old data before a restore</translation>
    </message>
    <message>
        <source>Ya, utuh</source>
        <translation>Yes, complete</translation>
    </message>
    <message>
        <source>Belum</source>
        <translation>Not yet</translation>
    </message>
</context>
<context>
    <name>BankItemsModel</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>No. Jurnal</source>
        <translation>Journal no.</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Out</translation>
    </message>
</context>
<context>
    <name>BankReconTab</name>
    <message>
        <source>Rekening</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Tanggal rekening koran</source>
        <translation>Statement date</translation>
    </message>
    <message>
        <source>Saldo rekening koran</source>
        <translation>Statement balance</translation>
    </message>
    <message>
        <source>Cocokkan</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <source>Belum cocok dengan rekening koran:</source>
        <translation>Not yet matched with the bank statement:</translation>
    </message>
    <message>
        <source>Tandai Cocok (baris terpilih)</source>
        <translation>Mark cleared (selected lines)</translation>
    </message>
    <message>
        <source>Belum ada rekening bank (Pengaturan → Akun).</source>
        <translation>No bank account yet (Settings → Accounts).</translation>
    </message>
    <message>
        <source>COCOK</source>
        <translation>RECONCILED</translation>
    </message>
    <message>
        <source>selisih {d}</source>
        <translation>difference {d}</translation>
    </message>
    <message>
        <source>Saldo buku {l} · sudah cocok {c} · setoran belum tercatat di bank {i} · pembayaran belum tercatat di bank {o} · saldo rekening koran {s}: {status}</source>
        <translation>Book balance {l} · cleared {c} · deposits in transit {i} · outstanding payments {o} · statement balance {s}: {status}</translation>
    </message>
    <message>
        <source>Pilih baris yang tercantum di rekening koran.</source>
        <translation>Select the lines shown on the bank statement.</translation>
    </message>
    <message>
        <source>{n} baris ditandai cocok.</source>
        <translation>{n} lines marked cleared.</translation>
    </message>
</context>
<context>
    <name>BerjangkaGroup</name>
    <message>
        <source>Simpanan Berjangka</source>
        <translation>Term Deposits</translation>
    </message>
    <message>
        <source>Jasa {n} bulan (% per tahun)</source>
        <translation>Interest {n} months (% per year)</translation>
    </message>
    <message>
        <source>Pembayaran jasa</source>
        <translation>Interest payment</translation>
    </message>
    <message>
        <source>Penalti cair awal (% pokok)</source>
        <translation>Early withdrawal penalty (% of principal)</translation>
    </message>
    <message>
        <source>Pencairan sebelum jatuh tempo: jasa yang belum dibayar hangus, ditambah penalti persen dari pokok.</source>
        <translation>Withdrawal before maturity: unpaid interest is forfeited, plus a penalty as a percentage of the principal.</translation>
    </message>
    <message>
        <source>Pola No. Rekening</source>
        <translation>Account No. pattern</translation>
    </message>
</context>
<context>
    <name>BerjangkaModel</name>
    <message>
        <source>No. Rekening</source>
        <translation>Account No.</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Pokok</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Jangka</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Jasa/th</source>
        <translation>Interest/yr</translation>
    </message>
    <message>
        <source>Jatuh Tempo</source>
        <translation>Maturity</translation>
    </message>
    <message>
        <source>Jasa Dibayar</source>
        <translation>Interest Paid</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{n} bln</source>
        <translation>{n} mo</translation>
    </message>
    <message>
        <source>{number}: mulai {start}, {term} bulan, jasa {rate} per tahun</source>
        <translation>{number}: from {start}, {term} months, interest {rate} a year</translation>
    </message>
</context>
<context>
    <name>BookAllowanceDialog</name>
    <message>
        <source>Catat Saldo PPAP</source>
        <translation>Record Loan-Loss Reserve (PPAP)</translation>
    </message>
    <message>
        <source>Tulis saldo PPAP yang tercatat di pembukuan koperasi pada tanggal itu (setelah jurnal penyesuaian, bila sudah dibuat).</source>
        <translation>Enter the loan-loss reserve (PPAP) balance in the cooperative&apos;s books on that date (after the adjusting entries, if made).</translation>
    </message>
    <message>
        <source>Per tanggal *</source>
        <translation>As of *</translation>
    </message>
    <message>
        <source>Saldo PPAP (Rp) *</source>
        <translation>PPAP balance (Rp) *</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BooksView</name>
    <message>
        <source>Jurnal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Buku Besar</source>
        <translation>General ledger</translation>
    </message>
    <message>
        <source>Buku Pembantu Anggota</source>
        <translation>Member sub-ledger</translation>
    </message>
    <message>
        <source>Neraca Saldo</source>
        <translation>Trial balance</translation>
    </message>
    <message>
        <source>Kas Harian</source>
        <translation>Daily cash book</translation>
    </message>
    <message>
        <source>Rekonsiliasi Bank</source>
        <translation>Bank reconciliation</translation>
    </message>
    <message>
        <source>Laporan Keuangan</source>
        <translation>Financial statements</translation>
    </message>
    <message>
        <source>Jurnal Umum</source>
        <translation>General journal</translation>
    </message>
    <message>
        <source>Jasa &amp;&amp; PPh 4(2)</source>
        <translation>Interest &amp;&amp; Art. 4(2) tax</translation>
    </message>
    <message>
        <source>Aset Tetap</source>
        <translation>Fixed Assets</translation>
    </message>
    <message>
        <source>Tutup Bulan</source>
        <translation>Close Month</translation>
    </message>
    <message>
        <source>J2025-000001</source>
        <translation>J2025-000001</translation>
    </message>
    <message>
        <source>kode, mis. 1101</source>
        <translation>code, e.g. 1101</translation>
    </message>
    <message>
        <source>Semua sumber</source>
        <translation>All sources</translation>
    </message>
    <message>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Sampai</source>
        <translation>To</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Akun</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Buka Anggota</source>
        <translation>Open member</translation>
    </message>
    <message>
        <source>Buka Pinjaman</source>
        <translation>Open loan</translation>
    </message>
    <message>
        <source>Buka Kasus</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>No. Anggota atau nama</source>
        <translation>Member no. or name</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Per tanggal</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Ketik No. Anggota lalu tekan Enter.</source>
        <translation>Type a member number and press Enter.</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Tanggal awal harus sebelum tanggal akhir.</source>
        <translation>The start date must be before the end date.</translation>
    </message>
    <message>
        <source>{n} baris · debet {d} · kredit {c}</source>
        <translation>{n} lines · debit {d} · credit {c}</translation>
    </message>
    <message>
        <source>Tidak ada jurnal pada rentang ini. Ubah tanggal atau saringan lalu Cari.</source>
        <translation>No journals in this range. Change the dates or filters and Search.</translation>
    </message>
    <message>
        <source>debet</source>
        <translation>debit</translation>
    </message>
    <message>
        <source>kredit</source>
        <translation>credit</translation>
    </message>
    <message>
        <source>{code} {name} · saldo normal {side} · saldo awal {o} · saldo akhir {c}</source>
        <translation>{code} {name} · normal balance {side} · opening {o} · closing {c}</translation>
    </message>
    <message>
        <source>Anggota &apos;{t}&apos; tidak ditemukan.</source>
        <translation>Member &apos;{t}&apos; not found.</translation>
    </message>
    <message>
        <source>{name} ({number}) · {n} akun</source>
        <translation>{name} ({number}) · {n} accounts</translation>
    </message>
    <message>
        <source>{name} ({number}) belum punya transaksi di pembukuan.</source>
        <translation>{name} ({number}) has no entries in the books yet.</translation>
    </message>
    <message>
        <source>Jumlah debet {d} · jumlah kredit {c}</source>
        <translation>Total debit {d} · total credit {c}</translation>
    </message>
    <message>
        <source>TIDAK SEIMBANG: periksa Pengaturan → Pemeriksaan data.</source>
        <translation>NOT BALANCED: see Settings → Data check.</translation>
    </message>
    <message>
        <source>Belum ada jurnal sampai tanggal ini.</source>
        <translation>No journals up to this date yet.</translation>
    </message>
</context>
<context>
    <name>BuktiPotongModel</name>
    <message>
        <source>No. Anggota</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NPWP / NIK</source>
        <translation>Tax ID / NIK</translation>
    </message>
    <message>
        <source>Jasa Bruto</source>
        <translation>Gross interest</translation>
    </message>
    <message>
        <source>PPh Terutang</source>
        <translation>Tax due</translation>
    </message>
    <message>
        <source>PPh Dipotong</source>
        <translation>Tax withheld</translation>
    </message>
    <message>
        <source>Kurang Potong</source>
        <translation>Under-withheld</translation>
    </message>
</context>
<context>
    <name>CancelPromiseDialog</name>
    <message>
        <source>Batalkan Janji Bayar</source>
        <translation>Cancel Payment Promise</translation>
    </message>
    <message>
        <source>Janji bayar {amount} paling lambat {due} (dibuat {made}) — {status}.</source>
        <translation>Promise to pay {amount} by {due} (made {made}) — {status}.</translation>
    </message>
    <message>
        <source>Janji yang dibatalkan tidak dihitung lagi dan tidak bisa dipakai kembali. Untuk janji baru, catat kontak baru.</source>
        <translation>A cancelled promise no longer counts and cannot be used again. For a new promise, record a new contact.</translation>
    </message>
    <message>
        <source>misalnya: diganti kesepakatan restrukturisasi</source>
        <translation>e.g. replaced by a restructuring agreement</translation>
    </message>
    <message>
        <source>Alasan pembatalan *</source>
        <translation>Reason for cancelling *</translation>
    </message>
    <message>
        <source>Batalkan Janji</source>
        <translation>Cancel Promise</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Hanya janji yang masih menunggu yang bisa dibatalkan.</source>
        <translation>Only promises that are still pending can be cancelled.</translation>
    </message>
    <message>
        <source>Batalkan janji bayar?</source>
        <translation>Cancel the payment promise?</translation>
    </message>
    <message>
        <source>Janji ini akan berstatus Dibatalkan untuk seterusnya dan tidak dihitung dalam janji yang ditepati atau diingkari. Lanjutkan?</source>
        <translation>This promise will be Cancelled for good and not counted among kept or broken promises. Continue?</translation>
    </message>
    <message>
        <source>Ya, batalkan</source>
        <translation>Yes, cancel</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <source>Cetak Kartu Angsuran</source>
        <translation>Print Loan Card</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Semua pembayaran sudah tercetak di kartu.</source>
        <translation>Every payment is already printed on the card.</translation>
    </message>
    <message>
        <source>Kartu {card} sisi {side}, mulai baris {line}</source>
        <translation>Card {card} side {side}, from line {line}</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Selesai: {count} baris tercetak.</source>
        <translation>Done: {count} lines printed.</translation>
    </message>
    <message>
        <source>Kartu penuh: pasang kartu baru, lalu tekan Lanjut</source>
        <translation>Card full: insert a new card, then press Continue</translation>
    </message>
    <message>
        <source>Balik kartu, lalu tekan Lanjut</source>
        <translation>Turn the card over, then press Continue</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>Peran Anda ({role}) tidak boleh mengurus kasus.</source>
        <translation>Your role ({role}) may not handle cases.</translation>
    </message>
    <message>
        <source>Kasus ini sudah selesai.</source>
        <translation>This case is closed.</translation>
    </message>
    <message>
        <source>Pinjaman ini tidak aktif lagi ({status}).</source>
        <translation>This loan is no longer active ({status}).</translation>
    </message>
    <message>
        <source>Hanya Manajer atau Pengurus yang boleh mengusulkan; peran Anda {role}.</source>
        <translation>Only the Manager or board members may propose; your role is {role}.</translation>
    </message>
    <message>
        <source>Terima Pemulihan…</source>
        <translation>Receive Recovery…</translation>
    </message>
    <message>
        <source>Terima Pembayaran…</source>
        <translation>Receive Payment…</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh mencatat pembayaran.</source>
        <translation>Your role may not record payments.</translation>
    </message>
    <message>
        <source>Hapus tagih hanya untuk pinjaman yang sudah dihapus buku (Daftar Ekstrakomptabel).</source>
        <translation>Debt cancellation is only for loans already written off (Off-Balance List).</translation>
    </message>
    <message>
        <source>Catat telepon, WhatsApp, kunjungan, pertemuan di kantor atau surat, dengan janji bayar bila ada</source>
        <translation>Record a phone call, WhatsApp, visit, office meeting or letter, with a payment promise if any</translation>
    </message>
    <message>
        <source>Janji bayar pada kontak yang sudah dicatat</source>
        <translation>Payment promise on a contact already recorded</translation>
    </message>
    <message>
        <source>Terima uang dari anggota untuk pinjaman ini</source>
        <translation>Receive money from the member for this loan</translation>
    </message>
    <message>
        <source>Penjadwalan, persyaratan atau penataan kembali, diusulkan ke Pengurus</source>
        <translation>Rescheduling, reconditioning or restructuring, proposed to the board</translation>
    </message>
    <message>
        <source>Hitung pelunasan dengan keringanan dan usulkan penawarannya</source>
        <translation>Work out a payoff with relief and propose the offer</translation>
    </message>
    <message>
        <source>Bayar pinjaman dari simpanan anggota, dengan persetujuannya</source>
        <translation>Pay the loan from the member&apos;s savings, with their consent</translation>
    </message>
    <message>
        <source>Periksa syarat hapus buku dan usulkan</source>
        <translation>Check the write-off conditions and propose</translation>
    </message>
    <message>
        <source>Hapus tagih dengan keputusan RAT</source>
        <translation>Cancel the debt by a RAT decision</translation>
    </message>
    <message>
        <source>Batalkan Kompensasi</source>
        <translation>Cancel Set-off</translation>
    </message>
    <message>
        <source>Alasan membatalkan kompensasi {number}</source>
        <translation>Reason for cancelling set-off {number}</translation>
    </message>
    <message>
        <source>Ganti petugas…</source>
        <translation>Change officer…</translation>
    </message>
    <message>
        <source>Ubah status…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <source>Penyebab tunggakan…</source>
        <translation>Causes of arrears…</translation>
    </message>
    <message>
        <source>Status agunan…</source>
        <translation>Collateral status…</translation>
    </message>
    <message>
        <source>Catat surat terkirim: {kind} {number}</source>
        <translation>Record letter sent: {kind} {number}</translation>
    </message>
    <message>
        <source>Koreksi kontak yang dipilih di riwayat…</source>
        <translation>Correct the contact selected in the history…</translation>
    </message>
    <message>
        <source>Batalkan janji bayar {date}…</source>
        <translation>Cancel payment promise {date}…</translation>
    </message>
    <message>
        <source>Tutup kasus…</source>
        <translation>Close case…</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <source>Pilih kasus di daftar di atas untuk melihat riwayat dan tindakannya.</source>
        <translation>Select a case in the list above to see its history and actions.</translation>
    </message>
    <message>
        <source>Terbaru di atas. Janji bayar berwarna menurut statusnya: Menunggu (biru), Ditepati (hijau), Sebagian (oranye), Ingkar (merah).</source>
        <translation>Newest at the top. Payment promises are coloured by status: Pending (blue), Kept (green), Partly kept (orange), Broken (red).</translation>
    </message>
    <message>
        <source>Tampilkan:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Riwayat Kasus</source>
        <translation>Case History</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Kasus {number} · {member}</source>
        <translation>Case {number} · {member}</translation>
    </message>
    <message>
        <source>{number} · plafon {amount} · {status}</source>
        <translation>{number} · amount {amount} · {status}</translation>
    </message>
    <message>
        <source>belum diisi</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <source>belum ada — klik Ubah Kasus</source>
        <translation>none yet — click Edit Case</translation>
    </message>
    <message>
        <source>{date}, {how}: {reason}</source>
        <translation>{date}, {how}: {reason}</translation>
    </message>
    <message>
        <source>otomatis</source>
        <translation>automatically</translation>
    </message>
    <message>
        <source>oleh petugas</source>
        <translation>by an officer</translation>
    </message>
    <message>
        <source> · selesai {date}: {reason}</source>
        <translation> · closed {date}: {reason}</translation>
    </message>
    <message>
        <source>Keputusan ({n} menunggu)</source>
        <translation>Decisions ({n} pending)</translation>
    </message>
    <message>
        <source>Tidak ada tunggakan · sisa pokok {rest}</source>
        <translation>No arrears · principal left {rest}</translation>
    </message>
    <message>
        <source>Tunggakan {total} (pokok {pokok} · jasa {jasa} · denda {denda}), {days} hari terlambat · sisa pokok {rest}</source>
        <translation>Arrears {total} (principal {pokok} · interest {jasa} · late fees {denda}), {days} days late · principal left {rest}</translation>
    </message>
    <message>
        <source>Dihapus buku {date} ({claim}); dihapus tagih {closed} berdasarkan keputusan RAT {rat}: tidak ditagih lagi.</source>
        <translation>Written off {date} ({claim}); debt cancelled {closed} by RAT decision {rat}: no longer collected.</translation>
    </message>
    <message>
        <source>Dihapus buku {date}: tagihan {claim} (pokok {pokok} · jasa {jasa} · denda {denda}), sudah kembali {back}, sisa {rest}</source>
        <translation>Written off {date}: claim {claim} (principal {pokok} · interest {jasa} · late fees {denda}), recovered {back}, left {rest}</translation>
    </message>
    <message>
        <source>Pinjaman {status}</source>
        <translation>Loan {status}</translation>
    </message>
    <message>
        <source>Hapus Buku (di Daftar Ekstrakomptabel)</source>
        <translation>Written Off (in the Off-Balance List)</translation>
    </message>
    <message>
        <source>{word} menurut {policy}</source>
        <translation>{word} according to {policy}</translation>
    </message>
</context>
<context>
    <name>CaseDocuments</name>
    <message>
        <source>{kind} {number} ({day})</source>
        <translation>{kind} {number} ({day})</translation>
    </message>
    <message>
        <source>Janji bayar saat {channel} {day}</source>
        <translation>Payment promise at {channel} {day}</translation>
    </message>
    <message>
        <source>Pilih kasus dulu.</source>
        <translation>Select a case first.</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh membuat surat.</source>
        <translation>Your role may not create letters.</translation>
    </message>
    <message>
        <source>Belum ada restrukturisasi atau pelunasan dengan keringanan yang disetujui untuk kasus ini.</source>
        <translation>No approved restructuring or payoff with relief for this case yet.</translation>
    </message>
    <message>
        <source>Belum ada kesepakatan: keputusan restrukturisasi/pelunasan yang disetujui, atau janji bayar di catatan kontak.</source>
        <translation>No agreement yet: an approved restructuring/payoff decision, or a payment promise in a contact record.</translation>
    </message>
    <message>
        <source>Kasus ini sudah selesai.</source>
        <translation>This case is closed.</translation>
    </message>
    <message>
        <source>Pinjaman ini berstatus {status}.</source>
        <translation>This loan&apos;s status is {status}.</translation>
    </message>
    <message>
        <source>Berita Acara Kesepakatan</source>
        <translation>Agreement Record (Berita Acara)</translation>
    </message>
    <message>
        <source>Kesepakatan yang dicatat</source>
        <translation>Agreement recorded</translation>
    </message>
    <message>
        <source>Dokumen tidak bisa dibuat</source>
        <translation>The document cannot be created</translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ya, lanjutkan</source>
        <translation>Yes, continue</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>CaseGroup</name>
    <message>
        <source>Pembukaan kasus otomatis</source>
        <translation>Opening cases automatically</translation>
    </message>
    <message>
        <source>Buka kasus bila kolektibilitas</source>
        <translation>Open a case when quality is</translation>
    </message>
    <message>
        <source>atau bila terlambat sedikitnya</source>
        <translation>or when late at least</translation>
    </message>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Tidak dipakai</source>
        <translation>Not used</translation>
    </message>
    <message>
        <source>Program membuka kasus penanganan sendiri untuk pinjaman yang memenuhi salah satu syarat ini.</source>
        <translation>The program opens a collection case by itself for loans that meet any of these conditions.</translation>
    </message>
    <message>
        <source>Tutup kasus bila lancar selama</source>
        <translation>Close a case when current for</translation>
    </message>
    <message>
        <source>Tidak ditutup otomatis</source>
        <translation>Not closed automatically</translation>
    </message>
    <message>
        <source>Kasus yang pinjamannya tidak menunggak lagi selama sekian hari ditutup sendiri, dengan catatan alasannya di riwayat kasus.</source>
        <translation>A case whose loan has had no arrears for this many days closes itself, with the reason noted in the case history.</translation>
    </message>
</context>
<context>
    <name>CasePrinter</name>
    <message>
        <source>Ringkasan Kasus</source>
        <translation>Case Summary</translation>
    </message>
    <message>
        <source>Surat Peringatan {n} (SP{n})</source>
        <translation>Warning Letter {n} (SP{n})</translation>
    </message>
    <message>
        <source>Surat Panggilan…</source>
        <translation>Summons Letter…</translation>
    </message>
    <message>
        <source>Berita Acara Kesepakatan…</source>
        <translation>Agreement Record…</translation>
    </message>
    <message>
        <source>Surat Perjanjian / Addendum</source>
        <translation>Agreement / Addendum</translation>
    </message>
    <message>
        <source> — jatuh tempo sekarang</source>
        <translation> — due now</translation>
    </message>
    <message>
        <source>Surat berikutnya menurut urutan Kebijakan.</source>
        <translation>The next letter in the order set in the Policy.</translation>
    </message>
    <message>
        <source> — di luar urutan (izin Pengurus)…</source>
        <translation> — out of order (board authorisation)…</translation>
    </message>
    <message>
        <source>Sebagai Pengurus Anda dapat mengizinkannya dengan alasan.</source>
        <translation>As a board member you may authorise it with a reason.</translation>
    </message>
    <message>
        <source>Di luar urutan hanya dengan izin Pengurus.</source>
        <translation>Out of order only with a board member&apos;s authorisation.</translation>
    </message>
    <message>
        <source>Pilih kasus dulu.</source>
        <translation>Select a case first.</translation>
    </message>
    <message>
        <source>Kasus ini sudah selesai.</source>
        <translation>This case is closed.</translation>
    </message>
    <message>
        <source>Tagihan ekstrakomptabel pinjaman ini sudah tidak ada.</source>
        <translation>This loan has no off-books claim left.</translation>
    </message>
    <message>
        <source>Pinjaman ini berstatus {status}.</source>
        <translation>This loan&apos;s status is {status}.</translation>
    </message>
    <message>
        <source>Pinjaman ini tidak menunggak.</source>
        <translation>This loan is not in arrears.</translation>
    </message>
    <message>
        <source>Cetak SP{n} di luar urutan</source>
        <translation>Print SP{n} out of order</translation>
    </message>
    <message>
        <source>Alasan Pengurus mengizinkan surat ini (dicatat):</source>
        <translation>The board member&apos;s reason for allowing this letter (recorded):</translation>
    </message>
    <message>
        <source>Izinkan dan Cetak</source>
        <translation>Authorise and Print</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh membuat surat.</source>
        <translation>Your role may not create letters.</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>No. Pinjaman</source>
        <translation>Loan No.</translation>
    </message>
    <message>
        <source>Kolektibilitas</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Tunggakan</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Status Kasus</source>
        <translation>Case Status</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Tindak Lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Kontak</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Janji Bayar</source>
        <translation>Payment Promise</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>{word} menurut {policy}</source>
        <translation>{word} according to {policy}</translation>
    </message>
    <message>
        <source>Terlambat {n} hari: {step}</source>
        <translation>{n} days late: {step}</translation>
    </message>
    <message>
        <source>Janji bayar terakhir {amount} paling lambat {due}: {status}, terbayar {paid}</source>
        <translation>Last payment promise {amount} by {due}: {status}, paid {paid}</translation>
    </message>
    <message>
        <source>{n} janji bayar diingkari atau hanya dibayar sebagian</source>
        <translation>{n} payment promises broken or only partly paid</translation>
    </message>
    <message>
        <source>Kontak terakhir</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Sisa tagihan di Daftar Ekstrakomptabel (sudah dihapus buku)</source>
        <translation>Remaining claim in the Off-Balance List (already written off)</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Penanganan Pinjaman Bermasalah</source>
        <translation>Problem Loan Handling</translation>
    </message>
    <message>
        <source>Cari nama, no. anggota, no. pinjaman atau no. kasus… (Ctrl+F)</source>
        <translation>Search name, member no., loan no. or case no.… (Ctrl+F)</translation>
    </message>
    <message>
        <source>+ Buka Kasus…</source>
        <translation>+ Open Case…</translation>
    </message>
    <message>
        <source>Buka kasus untuk sebuah pinjaman dengan tangan (Ctrl+N)</source>
        <translation>Open a case for a loan by hand (Ctrl+N)</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh membuka kasus.</source>
        <translation>Your role may not open cases.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Kolektibilitas:</source>
        <translation>Quality:</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Petugas:</source>
        <translation>Officer:</translation>
    </message>
    <message>
        <source>Semua petugas</source>
        <translation>All officers</translation>
    </message>
    <message>
        <source>Kasus saya</source>
        <translation>My cases</translation>
    </message>
    <message>
        <source>Janji diingkari</source>
        <translation>Broken promises</translation>
    </message>
    <message>
        <source>Hanya kasus dengan janji bayar yang diingkari atau hanya dibayar sebagian</source>
        <translation>Only cases with payment promises broken or only partly paid</translation>
    </message>
    <message>
        <source>Tindak lanjut terlambat</source>
        <translation>Follow-up overdue</translation>
    </message>
    <message>
        <source>Daftar Kasus Penanganan</source>
        <translation>Collection Case List</translation>
    </message>
    <message>
        <source>Tidak diizinkan</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <source>Daftar kasus tidak bisa dibuka</source>
        <translation>The case list cannot be opened</translation>
    </message>
    <message>
        <source>{n} kasus · tunggakan {amount}</source>
        <translation>{n} cases · arrears {amount}</translation>
    </message>
    <message>
        <source>Tidak ada pinjaman bermasalah yang sedang ditangani. Kasus terbuka sendiri saat pinjaman menunggak melewati batas; klik Buka Kasus untuk membuka kasus dengan tangan.</source>
        <translation>No problem loans are being handled. A case opens by itself when a loan&apos;s arrears pass the limit; click Open Case to open one by hand.</translation>
    </message>
    <message>
        <source>Tidak ada kasus yang cocok dengan pencarian dan saringan ini.

Periksa ejaan nama atau nomornya, atau pilih Status Semua.</source>
        <translation>No case matches this search and filter.

Check the spelling of the name or number, or choose Status All.</translation>
    </message>
    <message>
        <source>Kasus tidak bisa dibuka</source>
        <translation>The case cannot be opened</translation>
    </message>
</context>
<context>
    <name>CashDayTab</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Kas opname (hitung uang tunai di laci/brankas)</source>
        <translation>Cash count (count the cash in the drawer/safe)</translation>
    </message>
    <message>
        <source>Uang dihitung</source>
        <translation>Cash counted</translation>
    </message>
    <message>
        <source>Catat Kas Opname</source>
        <translation>Record cash count</translation>
    </message>
    <message>
        <source>Saldo awal hari: {a}</source>
        <translation>Opening balance of the day: {a}</translation>
    </message>
    <message>
        <source>Masuk {i} · Keluar {o} · Saldo akhir hari {c}</source>
        <translation>In {i} · Out {o} · Closing balance of the day {c}</translation>
    </message>
    <message>
        <source>Tidak ada transaksi kas pada hari ini. Saldo {c}.</source>
        <translation>No cash transactions on this day. Balance {c}.</translation>
    </message>
    <message>
        <source>Sudah dicatat: {t}</source>
        <translation>Already recorded: {t}</translation>
    </message>
    <message>
        <source>Cocok dengan buku.</source>
        <translation>Matches the books.</translation>
    </message>
    <message>
        <source>Lebih {d}</source>
        <translation>Over by {d}</translation>
    </message>
    <message>
        <source>Kurang {d}</source>
        <translation>Short by {d}</translation>
    </message>
    <message>
        <source>Kas opname dicatat ({number}): {text}</source>
        <translation>Cash count recorded ({number}): {text}</translation>
    </message>
</context>
<context>
    <name>CausesDialog</name>
    <message>
        <source>Penyebab Tunggakan</source>
        <translation>Causes of Arrears</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Penyebab (boleh lebih dari satu)</source>
        <translation>Causes (more than one allowed)</translation>
    </message>
</context>
<context>
    <name>CausesModel</name>
    <message>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Penyebab</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Jumlah Kasus</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Sisa Pokok</source>
        <translation>Principal Left</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Ganti Kata Sandi</source>
        <translation>Change Password</translation>
    </message>
    <message>
        <source>Kata sandi Anda baru saja diatur ulang oleh Admin. Buat kata sandi baru yang hanya Anda ketahui sebelum melanjutkan.</source>
        <translation>Your password has just been reset by an Admin. Make a new password that only you know before going on.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChangePasswordForm</name>
    <message>
        <source>minimal {n} karakter</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <source>Kata sandi sekarang</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Kata sandi baru</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Ulangi kata sandi baru</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <source>Simpan kata sandi baru</source>
        <translation>Save new password</translation>
    </message>
    <message>
        <source>Kata sandi sudah diganti. Pakai kata sandi baru saat masuk berikutnya.</source>
        <translation>The password has been changed. Use the new password at your next log-in.</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <source>Buat Dokumen</source>
        <translation>Create Document</translation>
    </message>
</context>
<context>
    <name>ClassHistoryModel</name>
    <message>
        <source>Akhir Bulan</source>
        <translation>Month End</translation>
    </message>
    <message>
        <source>Kolektibilitas</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Hari Terlambat</source>
        <translation>Days Late</translation>
    </message>
    <message>
        <source>Tunggakan</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <source>Kebijakan</source>
        <translation>Policies</translation>
    </message>
</context>
<context>
    <name>CloseBerjangkaDialog</name>
    <message>
        <source>Pencairan Sebelum Jatuh Tempo</source>
        <translation>Early Withdrawal</translation>
    </message>
    <message>
        <source>Pencairan Jatuh Tempo</source>
        <translation>Payout at Maturity</translation>
    </message>
    <message>
        <source>Pokok {amount}, jatuh tempo {date}.</source>
        <translation>Principal {amount}, maturing {date}.</translation>
    </message>
    <message>
        <source>Jasa yang belum dibayarkan hangus dan ada penalti {penalty}: yang diterima anggota {net}.</source>
        <translation>Unpaid interest is forfeited and a penalty of {penalty} applies: the member receives {net}.</translation>
    </message>
    <message>
        <source>Pokok dan sisa jasa {jasa} (sebelum PPh) dibayarkan.</source>
        <translation>The principal and the remaining interest {jasa} (before tax) are paid out.</translation>
    </message>
    <message>
        <source>Tanggal *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Simpanan berjangka yang dicairkan sebelum jatuh tempo perlu izin Ketua/Pengurus lain (bukan yang mencatat) dan alasan yang ditulis.</source>
        <translation>Withdrawing a term deposit before maturity needs the authorisation of another Chair/Board member (not the one recording it) and a written reason.</translation>
    </message>
    <message>
        <source>Cairkan</source>
        <translation>Pay Out</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpanan berjangka dicairkan</source>
        <translation>Term deposit paid out</translation>
    </message>
    <message>
        <source>Simpanan berjangka {number} sudah dicairkan.</source>
        <translation>Term deposit {number} has been paid out.</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>Tutup Kasus</source>
        <translation>Close Case</translation>
    </message>
    <message>
        <source>misalnya: tunggakan sudah dibayar lunas</source>
        <translation>e.g. the arrears have been paid in full</translation>
    </message>
    <message>
        <source>Tanggal *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>Alasan *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>Kasus {number} akan berstatus Selesai dan hilang dari daftar kerja. Kalau pinjaman menunggak lagi, kasus baru terbuka sendiri. Lanjutkan?</source>
        <translation>Case {number} will be marked Closed and leave the work list. If the loan falls into arrears again, a new case opens by itself. Continue?</translation>
    </message>
</context>
<context>
    <name>CloseMonthTab</name>
    <message>
        <source>Bulan (TTTT-BB)</source>
        <translation>Month (YYYY-MM)</translation>
    </message>
    <message>
        <source>Periksa</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Tutup Bulan</source>
        <translation>Close Month</translation>
    </message>
    <message>
        <source>Tutup Buku (Jurnal Penutup)</source>
        <translation>Close the Year (Closing Journal)</translation>
    </message>
    <message>
        <source>Buka kembali bulan terakhir yang ditutup</source>
        <translation>Reopen the latest closed month</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Pengurus kedua</source>
        <translation>Second board member</translation>
    </message>
    <message>
        <source>Kata sandinya</source>
        <translation>Their password</translation>
    </message>
    <message>
        <source>Buka Kembali</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Laporan Rapat Anggota Tahunan</source>
        <translation>Annual Members&apos; Meeting report</translation>
    </message>
    <message>
        <source>Tahun buku</source>
        <translation>Book year</translation>
    </message>
    <message>
        <source>Paket Laporan RAT (PDF)…</source>
        <translation>Annual meeting pack (PDF)…</translation>
    </message>
    <message>
        <source>Tanggal RAT</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>No. keputusan</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <source>Bagi SHU</source>
        <translation>Allocate SHU</translation>
    </message>
    <message>
        <source>Bayar SHU ke Sukarela</source>
        <translation>Pay SHU to voluntary savings</translation>
    </message>
    <message>
        <source>Belum ada bulan yang ditutup.</source>
        <translation>No month has been closed yet.</translation>
    </message>
    <message>
        <source>Pembukuan terkunci sampai {d}.</source>
        <translation>The books are locked up to {d}.</translation>
    </message>
    <message>
        <source>Semua butir terpenuhi; bulan bisa ditutup.</source>
        <translation>Every item is met; the month can be closed.</translation>
    </message>
    <message>
        <source>{n} butir belum terpenuhi.</source>
        <translation>{n} item(s) not met yet.</translation>
    </message>
    <message>
        <source>Bulan belum bisa ditutup: perbaiki butir di atas.</source>
        <translation>The month cannot be closed yet: fix the items above.</translation>
    </message>
    <message>
        <source>Bulan {m} ditutup.</source>
        <translation>Month {m} closed.</translation>
    </message>
    <message>
        <source>Tahun buku {y} ditutup dengan jurnal penutup {n}.</source>
        <translation>Book year {y} closed with closing journal {n}.</translation>
    </message>
    <message>
        <source>Bulan {m} dibuka kembali.</source>
        <translation>Month {m} reopened.</translation>
    </message>
    <message>
        <source>Simpan paket laporan RAT ke</source>
        <translation>Save the annual meeting pack to</translation>
    </message>
    <message>
        <source>Tahun buku {y} belum berakhir.</source>
        <translation>Book year {y} has not ended yet.</translation>
    </message>
    <message>
        <source>{f} dan {n} bagiannya ditulis ke {d}.</source>
        <translation>{f} and its {n} parts written to {d}.</translation>
    </message>
    <message>
        <source>SHU tahun buku {y} dibagi sesuai keputusan RAT {n}.</source>
        <translation>SHU of book year {y} allocated by meeting decision {n}.</translation>
    </message>
    <message>
        <source>{n} anggota menerima SHU {y} di simpanan sukarela.</source>
        <translation>{n} members received their SHU {y} in voluntary savings.</translation>
    </message>
    <message>
        <source>Tetap di utang SHU (bayar tunai): {m}.</source>
        <translation>Kept as SHU payable (pay in cash): {m}.</translation>
    </message>
</context>
<context>
    <name>CollateralDialog</name>
    <message>
        <source>Status Agunan</source>
        <translation>Collateral Status</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Status agunan</source>
        <translation>Collateral status</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>CollateralModel</name>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>No. Dokumen</source>
        <translation>Document No.</translation>
    </message>
    <message>
        <source>Atas Nama</source>
        <translation>In the Name of</translation>
    </message>
    <message>
        <source>Taksiran Nilai</source>
        <translation>Estimated Value</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Dikembalikan {date}</source>
        <translation>Returned {date}</translation>
    </message>
    <message>
        <source>Disimpan koperasi</source>
        <translation>Held by the cooperative</translation>
    </message>
</context>
<context>
    <name>CollateralPage</name>
    <message>
        <source>Langkah 5 dari 8: Agunan dan penjamin</source>
        <translation>Step 5 of 8: Collateral and guarantor</translation>
    </message>
    <message>
        <source>Boleh dikosongkan bila pinjaman ini tanpa agunan atau penjamin.</source>
        <translation>Leave empty if this loan has no collateral or guarantor.</translation>
    </message>
    <message>
        <source>Agunan</source>
        <translation>Collateral</translation>
    </message>
    <message>
        <source>misalnya: Honda Beat 2019, S 4127 NK</source>
        <translation>e.g. Honda Beat 2019, S 4127 NK</translation>
    </message>
    <message>
        <source>NJOP, untuk tanah tanpa Hak Tanggungan</source>
        <translation>NJOP (tax value), for land without a mortgage right</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Uraian *</source>
        <translation>Description *</translation>
    </message>
    <message>
        <source>No. dokumen</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>Atas nama</source>
        <translation>In the name of</translation>
    </message>
    <message>
        <source>Taksiran nilai (Rp)</source>
        <translation>Estimated value (Rp)</translation>
    </message>
    <message>
        <source>NJOP (Rp)</source>
        <translation>NJOP tax value (Rp)</translation>
    </message>
    <message>
        <source>Tambahkan Agunan</source>
        <translation>Add Collateral</translation>
    </message>
    <message>
        <source>Hapus dari Daftar</source>
        <translation>Remove from List</translation>
    </message>
    <message>
        <source>Penjamin</source>
        <translation>Guarantor</translation>
    </message>
    <message>
        <source>kosongkan bila tanpa penjamin</source>
        <translation>leave empty if there is no guarantor</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>CollectionReportsView</name>
    <message>
        <source>Portofolio Pinjaman</source>
        <translation>Loan Portfolio</translation>
    </message>
    <message>
        <source>Belum ada kontak, janji bayar atau penerimaan pada periode ini.</source>
        <translation>No contacts, payment promises or receipts in this period.</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Belum ada pinjaman yang direstrukturisasi.</source>
        <translation>No loans restructured yet.</translation>
    </message>
    <message>
        <source>Keadaan per</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Daftar Ekstrakomptabel masih kosong: belum ada pinjaman yang dihapus buku.</source>
        <translation>The Off-Balance List is empty: no loans written off yet.</translation>
    </message>
    <message>
        <source>Per tanggal</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Tampilkan yang sudah hapus tagih</source>
        <translation>Show debts already cancelled</translation>
    </message>
    <message>
        <source>Belum ada kasus.</source>
        <translation>No cases yet.</translation>
    </message>
    <message>
        <source>Termasuk kasus yang sudah selesai</source>
        <translation>Include closed cases</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Cetak Daftar Hapus Buku…</source>
        <translation>Print Write-off List…</translation>
    </message>
    <message>
        <source>Daftar pinjaman yang dihapus buku pada tahun buku tanggal di kiri, untuk lampiran RAT (bernomor, tercatat di Surat &amp; Dokumen)</source>
        <translation>List of loans written off in the financial year of the date on the left, for the RAT attachments (numbered, recorded in Letters &amp; Documents)</translation>
    </message>
    <message>
        <source>Kinerja Penagihan</source>
        <translation>Collection Performance</translation>
    </message>
    <message>
        <source>Pinjaman Direstrukturisasi</source>
        <translation>Restructured Loans</translation>
    </message>
    <message>
        <source>Daftar Ekstrakomptabel</source>
        <translation>Off-Balance List (Ekstrakomptabel)</translation>
    </message>
    <message>
        <source>Kasus per Penyebab</source>
        <translation>Cases by Cause</translation>
    </message>
    <message>
        <source>Grafik</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>{start} – {end}: {contacts} kontak ({visits} kunjungan), {made} janji bayar senilai {promised}, ditepati {rate}; uang diterima dari pinjaman yang ditangani {recovered}. Status janji per {end}.</source>
        <translation>{start} – {end}: {contacts} contacts ({visits} visits), {made} payment promises worth {promised}, kept {rate}; money received from handled loans {recovered}. Promise status as of {end}.</translation>
    </message>
    <message>
        <source>{n} restrukturisasi; pokok baru seluruhnya {principal}, dijadikan pokok {capitalised}, dihapus {waived}.</source>
        <translation>{n} restructurings; total new principal {principal}, made principal {capitalised}, waived {waived}.</translation>
    </message>
    <message>
        <source>{n} pinjaman dihapus buku; pokok {pokok}, seluruh tagihan {claim}, sudah kembali {back} (tahun {year}: {period}), masih ditagih {rest}. Pinjaman di sini tetap ditagih dan tetap mendapat surat.</source>
        <translation>{n} loans written off; principal {pokok}, total claim {claim}, recovered {back} (year {year}: {period}), still collected {rest}. Loans here are still collected and still get letters.</translation>
    </message>
    <message>
        <source>Daftar tidak bisa dibuat</source>
        <translation>The list cannot be created</translation>
    </message>
    <message>
        <source>Satu kasus dengan beberapa penyebab dihitung di setiap penyebabnya.</source>
        <translation>A case with several causes is counted under each cause.</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <source>Langkah 5 dari 6: Jadwal baru dibanding jadwal lama</source>
        <translation>Step 5 of 6: New schedule compared with the old one</translation>
    </message>
    <message>
        <source>Kiri: yang masih harus dibayar menurut jadwal lama. Kanan: jadwal baru. Periksa peringatan di bawah.</source>
        <translation>Left: what is still to be paid under the old schedule. Right: the new schedule. Check the warnings below.</translation>
    </message>
    <message>
        <source>Jadwal lama (belum dibayar)</source>
        <translation>Old schedule (unpaid)</translation>
    </message>
    <message>
        <source>Jadwal baru</source>
        <translation>New schedule</translation>
    </message>
    <message>
        <source>Jadwal lama: yang belum dibayar ({n} sudah lewat jatuh tempo)</source>
        <translation>Old schedule: unpaid ({n} already past due)</translation>
    </message>
    <message>
        <source>Jadwal lama: yang belum dibayar</source>
        <translation>Old schedule: unpaid</translation>
    </message>
    <message>
        <source>{n} angsuran belum dibayar · angsuran {monthly}/bulan · ditambah denda {denda} · &lt;b&gt;jumlah {total}&lt;/b&gt;</source>
        <translation>{n} unpaid instalments · instalment {monthly}/month · plus late fees {denda} · &lt;b&gt;total {total}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{n} angsuran · angsuran tetap {monthly}/bulan · pokok baru {principal} · &lt;b&gt;jumlah {total}&lt;/b&gt;</source>
        <translation>{n} instalments · fixed instalment {monthly}/month · new principal {principal} · &lt;b&gt;total {total}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Perhatian:
</source>
        <translation>Please note:
</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Koreksi Catatan Kontak</source>
        <translation>Correct Contact Record</translation>
    </message>
    <message>
        <source>Catat Kontak</source>
        <translation>Record Contact</translation>
    </message>
    <message>
        <source>Simpan Kontak</source>
        <translation>Save Contact</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>jam</source>
        <translation>at</translation>
    </message>
    <message>
        <source>Tanggal &amp;&amp; jam *</source>
        <translation>Date &amp;&amp; time *</translation>
    </message>
    <message>
        <source>Cara kontak *</source>
        <translation>Contact method *</translation>
    </message>
    <message>
        <source>Surat yang dikirim</source>
        <translation>Letter sent</translation>
    </message>
    <message>
        <source>Bertemu / bicara dengan *</source>
        <translation>Met / spoke with *</translation>
    </message>
    <message>
        <source>Nama yang ditemui</source>
        <translation>Name of the person met</translation>
    </message>
    <message>
        <source>Petugas koperasi</source>
        <translation>Cooperative officer</translation>
    </message>
    <message>
        <source>Penyebab tunggakan menurut percakapan ini</source>
        <translation>Causes of arrears according to this conversation</translation>
    </message>
    <message>
        <source>Sudah tercatat di kasus: {causes}</source>
        <translation>Already recorded in the case: {causes}</translation>
    </message>
    <message>
        <source>misalnya: warung sepi sejak pasar dipindah</source>
        <translation>e.g. the shop has been quiet since the market moved</translation>
    </message>
    <message>
        <source>misalnya: bayar tunggakan bertahap</source>
        <translation>e.g. pay the arrears in stages</translation>
    </message>
    <message>
        <source>misalnya: membayar Rp500.000 paling lambat tanggal 20</source>
        <translation>e.g. pay Rp500.000 by the 20th at the latest</translation>
    </message>
    <message>
        <source>Yang disampaikan anggota</source>
        <translation>What the member said</translation>
    </message>
    <message>
        <source>Yang ditawarkan koperasi</source>
        <translation>What the cooperative offered</translation>
    </message>
    <message>
        <source>Jawaban anggota</source>
        <translation>Member&apos;s answer</translation>
    </message>
    <message>
        <source>Yang disepakati</source>
        <translation>What was agreed</translation>
    </message>
    <message>
        <source>misalnya: cek pembayaran, kunjungi lagi</source>
        <translation>e.g. check the payment, visit again</translation>
    </message>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Tanggal tindak lanjut</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>Anggota berjanji membayar (janji bayar)</source>
        <translation>The member promised to pay (payment promise)</translation>
    </message>
    <message>
        <source>Jumlah (Rp) *</source>
        <translation>Amount (Rp) *</translation>
    </message>
    <message>
        <source>Paling lambat tanggal *</source>
        <translation>Due by *</translation>
    </message>
    <message>
        <source>Status janji (Menunggu, Ditepati, Sebagian, Ingkar) dihitung sendiri dari pembayaran yang masuk.</source>
        <translation>The promise status (Pending, Kept, Partly kept, Broken) is worked out from the payments received.</translation>
    </message>
    <message>
        <source>Alasan koreksi *</source>
        <translation>Reason for the correction *</translation>
    </message>
    <message>
        <source>Lampiran foto / scan (boleh kosong)</source>
        <translation>Attached photos / scans (optional)</translation>
    </message>
    <message>
        <source>Tambah Berkas…</source>
        <translation>Add File…</translation>
    </message>
    <message>
        <source>Hapus dari Daftar</source>
        <translation>Remove from List</translation>
    </message>
    <message>
        <source>boleh kosong: {name}</source>
        <translation>optional: {name}</translation>
    </message>
    <message>
        <source>nama orang yang ditemui</source>
        <translation>name of the person met</translation>
    </message>
    <message>
        <source>Pilih foto atau scan</source>
        <translation>Choose a photo or scan</translation>
    </message>
    <message>
        <source>Gambar dan PDF (*.jpg *.jpeg *.png *.pdf);;Semua berkas (*)</source>
        <translation>Images and PDF (*.jpg *.jpeg *.png *.pdf);;All files (*)</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>hh-bb-tttt</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <source>Tulis tanggal seperti 24-08-2021, atau pilih dari kalender.</source>
        <translation>Type the date like 24-08-2021, or pick it from the calendar.</translation>
    </message>
    <message>
        <source>Pilih dari kalender</source>
        <translation>Pick from the calendar</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Setujui Usulan</source>
        <translation>Approve Proposal</translation>
    </message>
    <message>
        <source>Tolak Usulan</source>
        <translation>Reject Proposal</translation>
    </message>
    <message>
        <source>Catatan atas Usulan</source>
        <translation>Note on the Proposal</translation>
    </message>
    <message>
        <source>Tarik Usulan</source>
        <translation>Withdraw Proposal</translation>
    </message>
    <message>
        <source>Syarat hapus buku saat diusulkan:
</source>
        <translation>Write-off conditions when proposed:
</translation>
    </message>
    <message>
        <source>Ini persetujuan terakhir. </source>
        <translation>This is the final approval. </translation>
    </message>
    <message>
        <source>Persetujuan Anda dicatat; masih perlu {n} persetujuan Pengurus lain sebelum berlaku.</source>
        <translation>Your approval is recorded; {n} more approvals from other board members are needed before it takes effect.</translation>
    </message>
    <message>
        <source>Catatan persetujuan *</source>
        <translation>Approval note *</translation>
    </message>
    <message>
        <source>Alasan penolakan *</source>
        <translation>Reason for rejection *</translation>
    </message>
    <message>
        <source>Catatan Pengawas *</source>
        <translation>Supervisor&apos;s note *</translation>
    </message>
    <message>
        <source>Catatan *</source>
        <translation>Note *</translation>
    </message>
    <message>
        <source>Alasan menarik usulan *</source>
        <translation>Reason for withdrawing *</translation>
    </message>
    <message>
        <source>Tanggal *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>No. notulen rapat pengurus *</source>
        <translation>Board meeting minutes no. *</translation>
    </message>
    <message>
        <source>Tanggal rapat</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Simpan Catatan</source>
        <translation>Save Note</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Setujui {kind}?</source>
        <translation>Approve {kind}?</translation>
    </message>
    <message>
        <source>Lanjutkan?</source>
        <translation>Continue?</translation>
    </message>
    <message>
        <source>Ya, setujui</source>
        <translation>Yes, approve</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Tolak usulan?</source>
        <translation>Reject the proposal?</translation>
    </message>
    <message>
        <source>Usulan {number} akan berakhir sebagai Ditolak dan tidak bisa dilanjutkan; kalau perlu, buat usulan baru. Lanjutkan?</source>
        <translation>Proposal {number} will end as Rejected and cannot go further; if needed, make a new proposal. Continue?</translation>
    </message>
    <message>
        <source>Ya, tolak</source>
        <translation>Yes, reject</translation>
    </message>
    <message>
        <source>Tarik usulan?</source>
        <translation>Withdraw the proposal?</translation>
    </message>
    <message>
        <source>Usulan {number} akan ditarik dan tidak bisa diputuskan lagi. Lanjutkan?</source>
        <translation>Proposal {number} will be withdrawn and can no longer be decided. Continue?</translation>
    </message>
    <message>
        <source>Ya, tarik</source>
        <translation>Yes, withdraw</translation>
    </message>
    <message>
        <source>Setujui Pengajuan</source>
        <translation>Approve Application</translation>
    </message>
    <message>
        <source>Tolak Pengajuan</source>
        <translation>Reject Application</translation>
    </message>
    <message>
        <source>{amount}, {months} bulan, jasa {rate}% per bulan, untuk {purpose}. Diajukan {date}.</source>
        <translation>{amount}, {months} months, interest {rate}% per month, for {purpose}. Applied on {date}.</translation>
    </message>
    <message>
        <source>misalnya: disetujui rapat pengurus</source>
        <translation>e.g. approved by the board meeting</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>misalnya: penghasilan belum mencukupi</source>
        <translation>e.g. income is not yet enough</translation>
    </message>
    <message>
        <source>Keputusan dicatat atas nama {name}.</source>
        <translation>The decision is recorded in the name of {name}.</translation>
    </message>
</context>
<context>
    <name>DecisionsModel</name>
    <message>
        <source>No. Keputusan</source>
        <translation>Decision No.</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Anggota / Pinjaman</source>
        <translation>Member / Loan</translation>
    </message>
    <message>
        <source>Diusulkan</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Persetujuan</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Isi Usulan</source>
        <translation>Proposal</translation>
    </message>
</context>
<context>
    <name>DecisionsPanel</name>
    <message>
        <source>Belum ada keputusan untuk kasus ini. Usulan restrukturisasi, pelunasan, kompensasi atau hapus buku tampil di sini.</source>
        <translation>No decisions for this case yet. Proposals for restructuring, payoff, set-off or write-off show here.</translation>
    </message>
    <message>
        <source>Setujui…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>Tolak…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>Tulis Catatan…</source>
        <translation>Write Note…</translation>
    </message>
    <message>
        <source>Tarik Usulan…</source>
        <translation>Withdraw Proposal…</translation>
    </message>
    <message>
        <source>Terima Pelunasan…</source>
        <translation>Receive Payoff…</translation>
    </message>
    <message>
        <source>Batalkan Kompensasi…</source>
        <translation>Cancel Set-off…</translation>
    </message>
    <message>
        <source>Tulis Catatan Pengawas…</source>
        <translation>Write Supervisor&apos;s Note…</translation>
    </message>
    <message>
        <source>Setujui usulan ini</source>
        <translation>Approve this proposal</translation>
    </message>
    <message>
        <source>Tolak usulan ini dengan alasan</source>
        <translation>Reject this proposal with a reason</translation>
    </message>
    <message>
        <source>Batalkan penarikan simpanan dan pembayaran pinjaman kompensasi ini bersama</source>
        <translation>Cancel this set-off&apos;s savings withdrawals and loan payment together</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Catat Surat Terkirim</source>
        <translation>Record Letter Sent</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>{kind} {number}, tanggal {date}</source>
        <translation>{kind} {number}, dated {date}</translation>
    </message>
    <message>
        <source>misalnya: istri anggota</source>
        <translation>e.g. the member&apos;s wife</translation>
    </message>
    <message>
        <source>Tanggal dikirim *</source>
        <translation>Date sent *</translation>
    </message>
    <message>
        <source>Cara kirim *</source>
        <translation>Delivered by *</translation>
    </message>
    <message>
        <source>Diterima oleh *</source>
        <translation>Received by *</translation>
    </message>
</context>
<context>
    <name>DisburseDialog</name>
    <message>
        <source>Cairkan Pinjaman</source>
        <translation>Disburse Loan</translation>
    </message>
    <message>
        <source>Tanggal pencairan *</source>
        <translation>Disbursement date *</translation>
    </message>
    <message>
        <source>Plafon {amount} − biaya administrasi {fee} = diserahkan kepada anggota {net}. Angsuran pertama jatuh tempo {first}. No. perjanjian diberikan saat disimpan.</source>
        <translation>Loan amount {amount} − admin fee {fee} = handed to the member {net}. The first instalment is due {first}. The agreement no. is given when saved.</translation>
    </message>
    <message>
        <source>Cairkan</source>
        <translation>Disburse</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pinjaman dicairkan</source>
        <translation>Loan disbursed</translation>
    </message>
    <message>
        <source>Pinjaman {name} sudah dicairkan.

No. Perjanjian: {number}
Diserahkan: {net}</source>
        <translation>The loan of {name} has been disbursed.

Agreement no.: {number}
Handed over: {net}</translation>
    </message>
</context>
<context>
    <name>DisbursePage</name>
    <message>
        <source>Langkah 7 dari 8: Pencairan</source>
        <translation>Step 7 of 8: Disbursement</translation>
    </message>
    <message>
        <source>Biaya administrasi dipotong dari uang yang diserahkan.</source>
        <translation>The admin fee is deducted from the money handed over.</translation>
    </message>
    <message>
        <source>Cairkan sekarang</source>
        <translation>Disburse now</translation>
    </message>
    <message>
        <source>Tanggal pencairan</source>
        <translation>Disbursement date</translation>
    </message>
    <message>
        <source>Bila uangnya diserahkan hari ini, centang Cairkan sekarang. No. perjanjian diberikan saat disimpan.</source>
        <translation>If the money is handed over today, tick Disburse now. The agreement no. is given when saved.</translation>
    </message>
    <message>
        <source>Pinjaman baru bisa dicairkan setelah disetujui Ketua/Pengurus, dengan tombol Cairkan di rincian pinjaman.</source>
        <translation>The loan can be disbursed only after the Chair/board approves it, with the Disburse button in the loan details.</translation>
    </message>
    <message>
        <source>Plafon &lt;b&gt;{amount}&lt;/b&gt; − biaya administrasi {fee} = diterima bersih &lt;b&gt;{net}&lt;/b&gt;.</source>
        <translation>Loan amount &lt;b&gt;{amount}&lt;/b&gt; − admin fee {fee} = net received &lt;b&gt;{net}&lt;/b&gt;.</translation>
    </message>
</context>
<context>
    <name>DocumentIssuer</name>
    <message>
        <source>Dokumen tidak bisa dibuat</source>
        <translation>The document cannot be created</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>No. Pinjaman</source>
        <translation>Loan No.</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Dibuat oleh</source>
        <translation>Made by</translation>
    </message>
    <message>
        <source>Nomor ini sudah terpakai tetapi dokumennya tidak selesai dibuat (misalnya program berhenti). Nomor tidak akan dipakai lagi.</source>
        <translation>This number was taken but the document was never finished (e.g. the program stopped). The number will not be used again.</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <source>Surat &amp; Dokumen</source>
        <translation>Letters &amp; Documents</translation>
    </message>
    <message>
        <source>Cari nomor surat, nama atau no. anggota…</source>
        <translation>Search letter no., name or member no.…</translation>
    </message>
    <message>
        <source>Semua jenis</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Register Surat &amp; Dokumen</source>
        <translation>Letters &amp; Documents Register</translation>
    </message>
    <message>
        <source>Belum ada surat atau dokumen. Surat dibuat dari data anggota, pinjaman atau kasus; setiap surat yang dicetak tercatat di sini.</source>
        <translation>No letters or documents yet. Letters are made from member, loan or case data; every printed letter is recorded here.</translation>
    </message>
    <message>
        <source>Lihat / Cetak Ulang</source>
        <translation>View / Reprint</translation>
    </message>
    <message>
        <source>Surat Jatuh Tempo Hari Ini…</source>
        <translation>Letters Due Today…</translation>
    </message>
    <message>
        <source>Semua surat peringatan (SP1–SP3) yang jatuh tempo hari ini menurut jadwal penagihan, dalam satu PDF; setiap surat dicatat di kasusnya.</source>
        <translation>All warning letters (SP1–SP3) due today under the collection schedule, in one PDF; each letter is recorded in its case.</translation>
    </message>
    <message>
        <source>Buat Dokumen</source>
        <translation>Create Document</translation>
    </message>
    <message>
        <source>Notulen Rapat Pengurus…</source>
        <translation>Board Meeting Minutes…</translation>
    </message>
    <message>
        <source>Daftar Pinjaman Dihapusbukukan…</source>
        <translation>List of Written-off Loans…</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh membuat surat bernomor.</source>
        <translation>Your role may not create numbered letters.</translation>
    </message>
    <message>
        <source>{n} dokumen</source>
        <translation>{n} documents</translation>
    </message>
    <message>
        <source>({n} terbaru ditampilkan; persempit pencarian)</source>
        <translation>({n} newest shown; narrow the search)</translation>
    </message>
    <message>
        <source>Tidak bisa dicetak ulang</source>
        <translation>Cannot reprint</translation>
    </message>
    <message>
        <source>Surat jatuh tempo</source>
        <translation>Letters due</translation>
    </message>
    <message>
        <source>Tidak ada surat peringatan yang jatuh tempo hari ini.</source>
        <translation>No warning letters are due today.</translation>
    </message>
    <message>
        <source>{n} surat akan dibuat dan diberi nomor ({counts}); setiap surat dicatat di kasusnya sebagai surat yang belum dikirim.{notes}

Buat sekarang?</source>
        <translation>{n} letters will be created and numbered ({counts}); each letter is recorded in its case as not yet sent.{notes}

Create them now?</translation>
    </message>
    <message>
        <source>Buat Surat</source>
        <translation>Create Letter</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Membuat surat {done} dari {total}…</source>
        <translation>Creating letter {done} of {total}…</translation>
    </message>
    <message>
        <source>Menyiapkan surat…</source>
        <translation>Preparing the letters…</translation>
    </message>
    <message>
        <source>{n} surat jatuh tempo</source>
        <translation>{n} letters due</translation>
    </message>
    <message>
        <source>{n} surat sudah dicetak tetapi pengirimannya belum dicatat (tidak dicetak lagi):</source>
        <translation>{n} letters were printed but their delivery is not recorded yet (not printed again):</translation>
    </message>
    <message>
        <source>Tidak bisa dibuat:</source>
        <translation>Could not be created:</translation>
    </message>
    <message>
        <source>Ruang rapat {coop}</source>
        <translation>{coop} meeting room</translation>
    </message>
</context>
<context>
    <name>ExceptHook</name>
    <message>
        <source>Terjadi kesalahan program. Pekerjaan yang sudah disimpan aman. Catatan kesalahan ada di: {path}</source>
        <translation>A program error occurred. Work that was already saved is safe. The error log is at: {path}</translation>
    </message>
    <message>
        <source>Terjadi kesalahan</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Kirim file itu kepada pendamping TI koperasi. Sebaiknya tutup lalu buka lagi program ini.</source>
        <translation>Send that file to the cooperative&apos;s IT helper. It is best to close the program and open it again.</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>Penulisan dan penomoran</source>
        <translation>Formats and numbering</translation>
    </message>
    <message>
        <source>Penulisan rupiah</source>
        <translation>Rupiah format</translation>
    </message>
    <message>
        <source>Zona waktu</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Pola No. Anggota</source>
        <translation>Member number pattern</translation>
    </message>
    <message>
        <source>Pola nomor kuitansi simpanan</source>
        <translation>Savings receipt number pattern</translation>
    </message>
    <message>
        <source>Isian pola: {seq:05} nomor urut 5 angka, {year} tahun, {yy} tahun 2 angka, {month} bulan, {roman_month} bulan Romawi, {coop_code} kode koperasi.</source>
        <translation>Pattern fields: {seq:05} sequence number with 5 digits, {year} year, {yy} two-digit year, {month} month, {roman_month} month in Roman numerals, {coop_code} cooperative code.</translation>
    </message>
    <message>
        <source>Simpanan</source>
        <translation>Savings</translation>
    </message>
    <message>
        <source>Simpanan Pokok (sekali)</source>
        <translation>Entry savings (once)</translation>
    </message>
    <message>
        <source>Simpanan Wajib per bulan</source>
        <translation>Mandatory savings per month</translation>
    </message>
    <message>
        <source>Cadangan otomatis</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <source>Simpan cadangan setiap kali program ditutup</source>
        <translation>Save a backup every time the program closes</translation>
    </message>
    <message>
        <source> cadangan</source>
        <translation> backups</translation>
    </message>
    <message>
        <source>Simpan yang terakhir</source>
        <translation>Keep the last</translation>
    </message>
    <message>
        <source>Keamanan masuk</source>
        <translation>Log-in security</translation>
    </message>
    <message>
        <source> kali salah</source>
        <translation> wrong attempts</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Kunci akun setelah</source>
        <translation>Lock the account after</translation>
    </message>
    <message>
        <source>Lama terkunci</source>
        <translation>Locked for</translation>
    </message>
    <message>
        <source>Simpan Pengaturan</source>
        <translation>Save Settings</translation>
    </message>
    <message>
        <source>Hanya Admin atau Pengurus yang boleh mengubah pengaturan.</source>
        <translation>Only an Admin or a board member may change the settings.</translation>
    </message>
    <message>
        <source>Contoh: (pola belum benar)</source>
        <translation>Example: (pattern not valid yet)</translation>
    </message>
    <message>
        <source>Contoh: {sample}</source>
        <translation>Example: {sample}</translation>
    </message>
    <message>
        <source>Pengaturan tersimpan.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>GuarantorModel</name>
    <message>
        <source>Nama Penjamin</source>
        <translation>Guarantor&apos;s Name</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>HapusTagihDialog</name>
    <message>
        <source>Usulkan Hapus Tagih</source>
        <translation>Propose Debt Cancellation (Hapus Tagih)</translation>
    </message>
    <message>
        <source>Dihapus buku {date} ({number}); sisa tagihan {rest}.</source>
        <translation>Written off {date} ({number}); remaining claim {rest}.</translation>
    </message>
    <message>
        <source>Hapus tagih membebaskan anggota dari sisa tagihan untuk selamanya. Hanya boleh dengan keputusan Rapat Anggota (RA/RAT): tulis nomor dan tanggal keputusannya.</source>
        <translation>Debt cancellation frees the member from the remaining claim for good. It is allowed only by a decision of the Members&apos; Meeting (RA/RAT): enter the decision&apos;s number and date.</translation>
    </message>
    <message>
        <source>misalnya: 05/RAT/KSP-GR/III/2027</source>
        <translation>e.g. 05/RAT/KSP-GR/III/2027</translation>
    </message>
    <message>
        <source>No. keputusan RA/RAT *</source>
        <translation>RA/RAT decision no. *</translation>
    </message>
    <message>
        <source>Tanggal keputusan *</source>
        <translation>Decision date *</translation>
    </message>
    <message>
        <source>Tanggal usulan *</source>
        <translation>Proposal date *</translation>
    </message>
    <message>
        <source>Alasan *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hapus tagih hanya untuk pinjaman yang sudah dihapus buku dan masih ada di Daftar Ekstrakomptabel.</source>
        <translation>Debt cancellation is only for loans already written off and still in the Off-Balance List.</translation>
    </message>
    <message>
        <source>Usulkan hapus tagih?</source>
        <translation>Propose debt cancellation?</translation>
    </message>
    <message>
        <source>Setelah disetujui Pengurus, sisa tagihan dihapus untuk selamanya dan tidak ditagih lagi. Lanjutkan mengusulkan?</source>
        <translation>Once the board approves, the remaining claim is cancelled for good and no longer collected. Go on with the proposal?</translation>
    </message>
    <message>
        <source>Ya, usulkan</source>
        <translation>Yes, propose</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Ini koperasi contoh: semua nama dan angka rekaan. Silakan mencoba apa saja; data koperasi Anda sendiri dibuat lewat Berkas → Tutup File Ini → Buat Koperasi Baru.</source>
        <translation>This is the demo cooperative: every name and figure is made up. Try anything you like; your own cooperative is created through File → Close This File → Create a New Cooperative.</translation>
    </message>
    <message>
        <source>Pekerjaan untuk tanggal:</source>
        <translation>Work for the date:</translation>
    </message>
    <message>
        <source>Muat Ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Semua pekerjaan hari ini</source>
        <translation>All of today&apos;s work</translation>
    </message>
    <message>
        <source>Hanya kasus saya</source>
        <translation>Only my cases</translation>
    </message>
    <message>
        <source>Hanya kasus yang petugasnya Anda (keputusan yang menunggu tetap tampil)</source>
        <translation>Only cases assigned to you (decisions waiting are always shown)</translation>
    </message>
    <message>
        <source>Klik dua kali sebuah baris (atau pilih lalu tekan Enter) untuk membuka kasusnya di Penanganan Pinjaman Bermasalah.</source>
        <translation>Double-click a line (or select it and press Enter) to open its case in Problem Loans.</translation>
    </message>
    <message>
        <source>Buka Kasus</source>
        <translation>Open Case</translation>
    </message>
    <message>
        <source>Anggota aktif</source>
        <translation>Active members</translation>
    </message>
    <message>
        <source>Total simpanan</source>
        <translation>Total savings</translation>
    </message>
    <message>
        <source>Anggota Baru</source>
        <translation>New Member</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh menambah anggota.</source>
        <translation>Your role may not add members.</translation>
    </message>
    <message>
        <source>Simpan Cadangan</source>
        <translation>Save Backup</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh membuat cadangan.</source>
        <translation>Your role may not make backups.</translation>
    </message>
    <message>
        <source>sedang dibaca…</source>
        <translation>reading…</translation>
    </message>
    <message>
        <source>Membaca daftar pekerjaan…</source>
        <translation>Reading the work list…</translation>
    </message>
    <message>
        <source>Daftar pekerjaan tidak bisa dibaca: {why}</source>
        <translation>The work list cannot be read: {why}</translation>
    </message>
    <message>
        <source>Semua pekerjaan</source>
        <translation>All work</translation>
    </message>
    <message>
        <source>Tidak ada pekerjaan jenis ini untuk {date}.</source>
        <translation>No work of this kind for {date}.</translation>
    </message>
    <message>
        <source>Tidak ada pekerjaan penagihan untuk {date}: tidak ada janji bayar yang jatuh tempo atau diingkari, tindak lanjut, surat peringatan, maupun keputusan yang menunggu.</source>
        <translation>No collection work for {date}: no promises to pay due or broken, no follow-ups, no warning letters and no decisions waiting.</translation>
    </message>
    <message>
        <source>Selamat datang, {name}</source>
        <translation>Welcome, {name}</translation>
    </message>
    <message>
        <source>dari {total} anggota tercatat</source>
        <translation>of {total} members on record</translation>
    </message>
    <message>
        <source>Pokok {pokok} · Wajib {wajib} · Sukarela {sukarela}</source>
        <translation>Entry {pokok} · Mandatory {wajib} · Voluntary {sukarela}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Impor Data</source>
        <translation>Import Data</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Saldo Simpanan</source>
        <translation>Savings balances</translation>
    </message>
    <message>
        <source>Pinjaman Berjalan</source>
        <translation>Running Loans</translation>
    </message>
    <message>
        <source>Saldo Awal Buku Besar</source>
        <translation>Ledger Opening Balances</translation>
    </message>
    <message>
        <source>Belum ada berkas dipilih</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <source>Pilih Berkas…</source>
        <translation>Choose File…</translation>
    </message>
    <message>
        <source>Buat Contoh Berkas…</source>
        <translation>Create Template…</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Jenis data</source>
        <translation>Kind of data</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Tanggal peralihan saldo</source>
        <translation>Balance cut-over date</translation>
    </message>
    <message>
        <source>Tambah nol di depan nomor sampai</source>
        <translation>Pad member numbers with zeros to</translation>
    </message>
    <message>
        <source>Periksa</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pilih berkas</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>Excel atau CSV (*.xlsx *.csv)</source>
        <translation>Excel or CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Pilih berkasnya dulu.</source>
        <translation>Choose the file first.</translation>
    </message>
    <message>
        <source>Memeriksa baris {done} dari {total}…</source>
        <translation>Checking row {done} of {total}…</translation>
    </message>
    <message>
        <source>Membaca berkas…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Pemeriksaan dibatalkan.</source>
        <translation>Check cancelled.</translation>
    </message>
    <message>
        <source>Mengimpor baris {done} dari {total}…</source>
        <translation>Importing row {done} of {total}…</translation>
    </message>
    <message>
        <source>Membuat cadangan…</source>
        <translation>Making a backup…</translation>
    </message>
    <message>
        <source>Impor dibatalkan; tidak ada yang diubah.</source>
        <translation>Import cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>SELESAI: impor #{number} tersimpan. Cadangan sebelum impor: {path}</source>
        <translation>DONE: import #{number} saved. Backup before the import: {path}</translation>
    </message>
    <message>
        <source>Simpan contoh berkas</source>
        <translation>Save template</translation>
    </message>
</context>
<context>
    <name>JasaGroup</name>
    <message>
        <source>Jasa simpanan dan PPh 4(2)</source>
        <translation>Savings interest and Art. 4(2) tax</translation>
    </message>
    <message>
        <source>Jasa simpanan sukarela (% setahun)</source>
        <translation>Voluntary savings interest (% a year)</translation>
    </message>
    <message>
        <source>Dikreditkan ke simpanan sukarela tiap akhir bulan: saldo × bunga ÷ 12, dibulatkan ke bawah per anggota. 0 berarti tidak ada jasa.</source>
        <translation>Credited to voluntary savings at each month end: balance × rate ÷ 12, rounded down per member. 0 means no interest.</translation>
    </message>
    <message>
        <source>Dasar saldo</source>
        <translation>Balance basis</translation>
    </message>
    <message>
        <source>Batas PPh Rp240.000 sebulan dihitung per rekening, bukan per anggota</source>
        <translation>The Rp240.000 monthly tax threshold counts per account, not per member</translation>
    </message>
    <message>
        <source>PPh Pasal 4(2): tidak dipotong sampai Rp240.000 sebulan; di atasnya 10 % dari seluruh jasa bruto.</source>
        <translation>Art. 4(2) income tax: nothing withheld up to Rp240.000 a month; above it 10 % of the whole gross interest.</translation>
    </message>
</context>
<context>
    <name>JournalLinesModel</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>No. Jurnal</source>
        <translation>Journal no.</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Akun</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Debet</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>Kredit</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <source>Langkah 1 dari 6: Jenis restrukturisasi</source>
        <translation>Step 1 of 6: Kind of restructuring</translation>
    </message>
    <message>
        <source>Pilih jenisnya, tanggal berlaku dan alasannya.</source>
        <translation>Choose the kind, the effective date and the reason.</translation>
    </message>
    <message>
        <source>misalnya: usaha anggota pulih pelan-pelan, sanggup angsuran lebih kecil</source>
        <translation>e.g. the member&apos;s business is slowly recovering, can pay smaller instalments</translation>
    </message>
    <message>
        <source>Berlaku per tanggal *</source>
        <translation>Effective from *</translation>
    </message>
    <message>
        <source>Alasan *</source>
        <translation>Reason *</translation>
    </message>
</context>
<context>
    <name>LedgerPageModel</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>No. Jurnal</source>
        <translation>Journal no.</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Debet</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>Kredit</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
</context>
<context>
    <name>LettersGroup</name>
    <message>
        <source>Jadwal surat peringatan</source>
        <translation>Warning letter schedule</translation>
    </message>
    <message>
        <source>SP1 setelah terlambat</source>
        <translation>SP1 after being late</translation>
    </message>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source>SP2 setelah SP1</source>
        <translation>SP2 after SP1</translation>
    </message>
    <message>
        <source>SP3 setelah SP2</source>
        <translation>SP3 after SP2</translation>
    </message>
    <message>
        <source>Batas bayar di setiap surat</source>
        <translation>Payment deadline in each letter</translation>
    </message>
    <message>
        <source>Tunggakan lama tanpa SP: mulai</source>
        <translation>Long arrears without an SP: start with</translation>
    </message>
    <message>
        <source>… bila terlambat sedikitnya</source>
        <translation>… when at least this late</translation>
    </message>
    <message>
        <source>Pinjaman yang sudah lama menunggak tetapi belum pernah mendapat SP sebaiknya diundang ke kantor dulu, bukan langsung diberi SP1.</source>
        <translation>A loan long in arrears that never had an SP is best invited to the office first rather than sent SP1 at once.</translation>
    </message>
    <message>
        <source>Jadi: SP1 pada hari ke-{sp1} keterlambatan, SP2 paling cepat hari ke-{sp2}, SP3 paling cepat hari ke-{sp3}. Setiap surat memberi {pay} hari untuk membayar.</source>
        <translation>So: SP1 on day {sp1} of lateness, SP2 on day {sp2} at the earliest, SP3 on day {sp3} at the earliest. Each letter gives {pay} days to pay.</translation>
    </message>
</context>
<context>
    <name>LimitsEditor</name>
    <message>
        <source>Sampai dengan</source>
        <translation>Up to</translation>
    </message>
    <message>
        <source>Golongan</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Tambah Baris</source>
        <translation>Add Row</translation>
    </message>
    <message>
        <source>Paling banyak empat baris: Lancar, Dalam Perhatian Khusus, Kurang Lancar dan Diragukan. Di atas baris terakhir pinjaman Macet.</source>
        <translation>At most four rows: Current (Lancar), Special Mention (Dalam Perhatian Khusus), Substandard (Kurang Lancar) and Doubtful (Diragukan). Beyond the last row a loan is Bad (Macet).</translation>
    </message>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source> angsuran</source>
        <translation> instalments</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Hapus baris ini</source>
        <translation>Delete this row</translation>
    </message>
    <message>
        <source>Baris {row}: batas {high}{unit} harus lebih besar dari baris di atasnya ({low}{unit}).</source>
        <translation>Row {row}: the limit {high}{unit} must be greater than the row above ({low}{unit}).</translation>
    </message>
    <message>
        <source>Baris {row}: golongan {worse} harus lebih buruk dari baris di atasnya ({better}).</source>
        <translation>Row {row}: grade {worse} must be worse than the row above ({better}).</translation>
    </message>
    <message>
        <source>lebih dari {bound}{unit}: Macet</source>
        <translation>more than {bound}{unit}: Bad (Macet)</translation>
    </message>
</context>
<context>
    <name>LoanActions</name>
    <message>
        <source>Hanya Ketua/Pengurus yang boleh menyetujui pinjaman.</source>
        <translation>Only the Chair/board may approve loans.</translation>
    </message>
    <message>
        <source>Hanya Ketua/Pengurus yang boleh menolak pinjaman.</source>
        <translation>Only the Chair/board may reject loans.</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh mencairkan pinjaman.</source>
        <translation>Your role may not disburse loans.</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh mencatat pembayaran.</source>
        <translation>Your role may not record payments.</translation>
    </message>
    <message>
        <source>Hanya Manajer atau Pengurus yang boleh membatalkan pembayaran.</source>
        <translation>Only the Manager or board members may cancel payments.</translation>
    </message>
    <message>
        <source>Kembalikan titipan (kelebihan bayar) kepada anggota</source>
        <translation>Pay the advance (overpayment) back to the member</translation>
    </message>
    <message>
        <source>Pindahkan titipan ke simpanan sukarela anggota, dengan kuitansi setoran</source>
        <translation>Move the advance to the member&apos;s voluntary savings, with a deposit receipt</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh mencatat setoran.</source>
        <translation>Your role may not record deposits.</translation>
    </message>
    <message>
        <source>Cetak jadwal angsuran (tampil dulu sebagai pratinjau)</source>
        <translation>Print the instalment schedule (shown as a preview first)</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh membuat dokumen bernomor.</source>
        <translation>Your role may not create numbered documents.</translation>
    </message>
    <message>
        <source>Catat angsuran yang dibayar anggota</source>
        <translation>Record an instalment paid by the member</translation>
    </message>
    <message>
        <source>Hitung dan terima pelunasan sebelum jatuh tempo</source>
        <translation>Work out and receive a payoff before maturity</translation>
    </message>
    <message>
        <source>Keringanan denda, dengan alasan dan persetujuan Ketua/Pengurus</source>
        <translation>Late fee relief, with a reason and the Chair/board&apos;s approval</translation>
    </message>
    <message>
        <source>Peran Anda ({role}) tidak boleh mencatat pengajuan pinjaman.</source>
        <translation>Your role ({role}) may not record loan applications.</translation>
    </message>
    <message>
        <source>Pilih dulu pembayaran di tab Pembayaran</source>
        <translation>First select a payment on the Payments tab</translation>
    </message>
    <message>
        <source>Tidak diizinkan</source>
        <translation>Not allowed</translation>
    </message>
</context>
<context>
    <name>LoanDetailPanel</name>
    <message>
        <source>Pilih pinjaman di daftar di atas untuk melihat rinciannya.</source>
        <translation>Select a loan in the list above to see its details.</translation>
    </message>
    <message>
        <source>Ringkasan</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Jadwal Angsuran</source>
        <translation>Instalment Schedule</translation>
    </message>
    <message>
        <source>Pembayaran</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Riwayat Kolektibilitas</source>
        <translation>Quality History</translation>
    </message>
    <message>
        <source>Agunan &amp;&amp; Penjamin</source>
        <translation>Collateral &amp;&amp; Guarantors</translation>
    </message>
    <message>
        <source>Terima Pembayaran</source>
        <translation>Receive Payment</translation>
    </message>
    <message>
        <source>Pelunasan Dipercepat</source>
        <translation>Early Payoff</translation>
    </message>
    <message>
        <source>Hapuskan Denda</source>
        <translation>Waive Late Fees</translation>
    </message>
    <message>
        <source>Batalkan Pembayaran</source>
        <translation>Cancel Payment</translation>
    </message>
    <message>
        <source>Kembalikan Titipan</source>
        <translation>Refund Advance</translation>
    </message>
    <message>
        <source>Titipan ke Sukarela</source>
        <translation>Advance to Voluntary Savings</translation>
    </message>
    <message>
        <source>Cetak Jadwal</source>
        <translation>Print Schedule</translation>
    </message>
    <message>
        <source>Dokumen Lain</source>
        <translation>Other Documents</translation>
    </message>
    <message>
        <source>Cetak Kartu</source>
        <translation>Print Card</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Cairkan</source>
        <translation>Disburse</translation>
    </message>
    <message>
        <source>Ketentuan Pinjaman</source>
        <translation>Loan Terms</translation>
    </message>
    <message>
        <source>Plafon</source>
        <translation>Loan Amount</translation>
    </message>
    <message>
        <source>Jasa</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Metode</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Jangka waktu</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Angsuran</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>No. perjanjian</source>
        <translation>Agreement no.</translation>
    </message>
    <message>
        <source>Tanggal cair</source>
        <translation>Disbursed on</translation>
    </message>
    <message>
        <source>Biaya administrasi</source>
        <translation>Admin fee</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Tunggakan Hari Ini</source>
        <translation>Arrears Today</translation>
    </message>
    <message>
        <source>Hari terlambat</source>
        <translation>Days late</translation>
    </message>
    <message>
        <source>Angsuran tertunggak</source>
        <translation>Overdue instalments</translation>
    </message>
    <message>
        <source>Tunggakan pokok</source>
        <translation>Principal arrears</translation>
    </message>
    <message>
        <source>Tunggakan jasa</source>
        <translation>Interest arrears</translation>
    </message>
    <message>
        <source>Tunggakan denda</source>
        <translation>Late fee arrears</translation>
    </message>
    <message>
        <source>Jumlah tunggakan</source>
        <translation>Total arrears</translation>
    </message>
    <message>
        <source>Sisa pokok</source>
        <translation>Principal left</translation>
    </message>
    <message>
        <source>Titipan</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Kolektibilitas</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Belum ada catatan akhir bulan untuk pinjaman ini. Riwayat terisi setiap kali Proses Akhir Bulan dijalankan (bagian Laporan).</source>
        <translation>No month-end records for this loan yet. The history fills each time the Month-End Run is done (Reports section).</translation>
    </message>
    <message>
        <source>Tidak ada agunan.</source>
        <translation>No collateral.</translation>
    </message>
    <message>
        <source>Tidak ada penjamin.</source>
        <translation>No guarantor.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Agunan&lt;/b&gt;</source>
        <translation>&lt;b&gt;Collateral&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Penjamin&lt;/b&gt;</source>
        <translation>&lt;b&gt;Guarantors&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Pilih pembayaran di tabel lalu klik Batalkan Pembayaran bila kuitansinya salah.</source>
        <translation>Select a payment in the table and click Cancel Payment if its receipt is wrong.</translation>
    </message>
    <message>
        <source> (diterima bersih {net})</source>
        <translation> (net received {net})</translation>
    </message>
    <message>
        <source>{status} oleh {name}, {date}</source>
        <translation>{status} by {name}, {date}</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Menunggu keputusan Pengurus (diajukan {date})</source>
        <translation>Awaiting the board&apos;s decision (applied {date})</translation>
    </message>
    <message>
        <source>{n} bulan</source>
        <translation>{n} months</translation>
    </message>
    <message>
        <source> (termasuk {n} bulan hanya jasa)</source>
        <translation> (including {n} interest-only months)</translation>
    </message>
    <message>
        <source>{month} per bulan ({year} per tahun)</source>
        <translation>{month} per month ({year} per year)</translation>
    </message>
    <message>
        <source>(diberikan saat pencairan)</source>
        <translation>(given at disbursement)</translation>
    </message>
    <message>
        <source>{amount} yang pertama, lalu turun tiap bulan; mulai {date}</source>
        <translation>{amount} the first, then lower each month; from {date}</translation>
    </message>
    <message>
        <source>{amount} per bulan, mulai {date}</source>
        <translation>{amount} per month, from {date}</translation>
    </message>
    <message>
        <source>Tunggakan per {date}</source>
        <translation>Arrears as of {date}</translation>
    </message>
    <message>
        <source>Hanya pinjaman aktif yang punya tunggakan dan kolektibilitas.</source>
        <translation>Only active loans have arrears and a quality grade.</translation>
    </message>
    <message>
        <source>{n} hari</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>tidak terlambat</source>
        <translation>not late</translation>
    </message>
    <message>
        <source>&lt;b&gt;{word}&lt;/b&gt; menurut {policy}</source>
        <translation>&lt;b&gt;{word}&lt;/b&gt; according to {policy}</translation>
    </message>
    <message>
        <source>Metode {method}. {paid} lunas · {part} dibayar sebagian · {late} terlambat · {open} belum jatuh tempo. Denda dihitung sampai {date}.</source>
        <translation>{method} method. {paid} paid · {part} partly paid · {late} late · {open} not yet due. Late fees worked out up to {date}.</translation>
    </message>
</context>
<context>
    <name>LoanDocuments</name>
    <message>
        <source>Jadwal Angsuran</source>
        <translation>Instalment Schedule</translation>
    </message>
    <message>
        <source>Kartu Pinjaman</source>
        <translation>Loan Card</translation>
    </message>
    <message>
        <source>Kuitansi Pembayaran yang Dipilih</source>
        <translation>Receipt for the Selected Payment</translation>
    </message>
    <message>
        <source>Tanda Terima Agunan</source>
        <translation>Collateral Receipt</translation>
    </message>
    <message>
        <source>Tanda Terima Pengembalian Agunan</source>
        <translation>Collateral Return Receipt</translation>
    </message>
    <message>
        <source>Surat Keterangan Lunas</source>
        <translation>Paid-off Certificate</translation>
    </message>
    <message>
        <source>Kartu pinjaman, kuitansi, tanda terima agunan, keterangan lunas</source>
        <translation>Loan card, receipts, collateral receipts, paid-off certificate</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh membuat dokumen.</source>
        <translation>Your role may not create documents.</translation>
    </message>
    <message>
        <source>Pilih pinjaman dulu.</source>
        <translation>Select a loan first.</translation>
    </message>
    <message>
        <source>Pinjaman belum dicairkan.</source>
        <translation>The loan has not been disbursed.</translation>
    </message>
    <message>
        <source>Pengajuan ini ditolak.</source>
        <translation>This application was rejected.</translation>
    </message>
    <message>
        <source>Pilih dulu pembayaran di tab Pembayaran.</source>
        <translation>First select a payment on the Payments tab.</translation>
    </message>
    <message>
        <source>Pinjaman ini tidak punya agunan.</source>
        <translation>This loan has no collateral.</translation>
    </message>
    <message>
        <source>Belum ada agunan yang dikembalikan.</source>
        <translation>No collateral has been returned yet.</translation>
    </message>
    <message>
        <source>Pinjaman ini dihapusbukukan, bukan lunas: Surat Keterangan Lunas tidak dibuat.</source>
        <translation>This loan was written off, not paid off: no paid-off certificate is made.</translation>
    </message>
    <message>
        <source>Pinjaman ini belum lunas.</source>
        <translation>This loan is not paid off yet.</translation>
    </message>
</context>
<context>
    <name>LoanPaymentsModel</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>No. Kuitansi</source>
        <translation>Receipt No.</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Pokok</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Jasa</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Denda</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>biaya administrasi {fee} dipotong</source>
        <translation>admin fee {fee} deducted</translation>
    </message>
    <message>
        <source>titipan +{amount}</source>
        <translation>deposit +{amount}</translation>
    </message>
    <message>
        <source>titipan dipakai {amount}</source>
        <translation>deposit used {amount}</translation>
    </message>
    <message>
        <source>membatalkan {receipt}</source>
        <translation>cancels {receipt}</translation>
    </message>
    <message>
        <source>DIBATALKAN</source>
        <translation>CANCELLED</translation>
    </message>
    <message>
        <source>alasan: {reason}</source>
        <translation>reason: {reason}</translation>
    </message>
    <message>
        <source>disetujui {name}</source>
        <translation>approved by {name}</translation>
    </message>
    <message>
        <source>Pembayaran ini sudah dibatalkan; angkanya tidak dihitung lagi.</source>
        <translation>This payment has been cancelled; its figures no longer count.</translation>
    </message>
    <message>
        <source>Dicatat oleh {name}</source>
        <translation>Recorded by {name}</translation>
    </message>
</context>
<context>
    <name>LoanWizard</name>
    <message>
        <source>Pinjaman Baru</source>
        <translation>New Loan</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan Pinjaman</source>
        <translation>Save Loan</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Jangka waktu</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>{n} bulan, angsuran pertama {date}</source>
        <translation>{n} months, first instalment {date}</translation>
    </message>
    <message>
        <source>Jasa</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>{rate}, metode {method}</source>
        <translation>{rate}, {method} method</translation>
    </message>
    <message>
        <source>Angsuran pertama</source>
        <translation>First instalment</translation>
    </message>
    <message>
        <source>Biaya administrasi</source>
        <translation>Admin fee</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Agunan</source>
        <translation>Collateral</translation>
    </message>
    <message>
        <source>Penjamin</source>
        <translation>Guarantor</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>disetujui sekarang oleh {name}</source>
        <translation>approved now by {name}</translation>
    </message>
    <message>
        <source>diajukan, menunggu keputusan Pengurus</source>
        <translation>applied for, awaiting the board&apos;s decision</translation>
    </message>
    <message>
        <source>Pencairan</source>
        <translation>Disbursement</translation>
    </message>
    <message>
        <source>{date}, diterima bersih {net}</source>
        <translation>{date}, net received {net}</translation>
    </message>
    <message>
        <source>nanti</source>
        <translation>later</translation>
    </message>
    <message>
        <source>Peringatan yang sudah dibaca:</source>
        <translation>Warnings already read:</translation>
    </message>
    <message>
        <source>Pinjaman tersimpan</source>
        <translation>Loan saved</translation>
    </message>
    <message>
        <source>Perbaiki di {page} (klik Kembali), lalu simpan lagi.</source>
        <translation>Correct it on {page} (click Back), then save again.</translation>
    </message>
    <message>
        <source>Pinjaman ini belum tersimpan sama sekali; semua isian masih ada.</source>
        <translation>Nothing of this loan has been saved; everything you typed is still there.</translation>
    </message>
    <message>
        <source>Pinjaman {name} sudah dicairkan.

No. Perjanjian: {number}
Diterima bersih: {net}</source>
        <translation>The loan of {name} has been disbursed.

Agreement no.: {number}
Net received: {net}</translation>
    </message>
    <message>
        <source>Pinjaman {name} tersimpan dengan status {status}.

No. Pengajuan: {number}</source>
        <translation>The loan of {name} is saved with status {status}.

Application no.: {number}</translation>
    </message>
</context>
<context>
    <name>LoansModel</name>
    <message>
        <source>No. Pinjaman</source>
        <translation>Loan No.</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Plafon</source>
        <translation>Loan Amount</translation>
    </message>
    <message>
        <source>Sisa Pokok</source>
        <translation>Principal Left</translation>
    </message>
    <message>
        <source>Tunggakan</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <source>Hari Terlambat</source>
        <translation>Days Late</translation>
    </message>
    <message>
        <source>Kolektibilitas</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Klik untuk mengurutkan menurut kolom ini</source>
        <translation>Click to sort by this column</translation>
    </message>
    <message>
        <source>{word} menurut {policy}</source>
        <translation>{word} according to {policy}</translation>
    </message>
</context>
<context>
    <name>LoansView</name>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Menunggu keputusan</source>
        <translation>Awaiting decision</translation>
    </message>
    <message>
        <source>Disetujui, belum cair</source>
        <translation>Approved, not disbursed</translation>
    </message>
    <message>
        <source>Lunas</source>
        <translation>Paid off</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Direstrukturisasi / hapus buku</source>
        <translation>Restructured / written off</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Pinjaman</source>
        <translation>Loans</translation>
    </message>
    <message>
        <source>Cari no. pinjaman, nama atau no. anggota… (Ctrl+F)</source>
        <translation>Search loan no., name or member no.… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Simulasi Pinjaman</source>
        <translation>Loan Simulation</translation>
    </message>
    <message>
        <source>+ Pinjaman Baru</source>
        <translation>+ New Loan</translation>
    </message>
    <message>
        <source>Catat pengajuan pinjaman baru (Ctrl+N)</source>
        <translation>Record a new loan application (Ctrl+N)</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Produk:</source>
        <translation>Product:</translation>
    </message>
    <message>
        <source>Semua produk</source>
        <translation>All products</translation>
    </message>
    <message>
        <source>Kolektibilitas:</source>
        <translation>Quality:</translation>
    </message>
    <message>
        <source>Hanya yang terlambat</source>
        <translation>Late only</translation>
    </message>
    <message>
        <source>Daftar Pinjaman</source>
        <translation>Loan List</translation>
    </message>
    <message>
        <source>Daftar pinjaman tidak bisa dibuka</source>
        <translation>The loan list cannot be opened</translation>
    </message>
    <message>
        <source>Urutan</source>
        <translation>Sort order</translation>
    </message>
    <message>
        <source>Daftar bisa diurutkan menurut No. Pinjaman, Anggota, Sisa Pokok, Tunggakan, Hari Terlambat atau Kolektibilitas.</source>
        <translation>The list can be sorted by Loan No., Member, Principal Left, Arrears, Days Late or Quality.</translation>
    </message>
    <message>
        <source>{n} pinjaman</source>
        <translation>{n} loans</translation>
    </message>
    <message>
        <source> · sisa pokok {amount}</source>
        <translation> · principal left {amount}</translation>
    </message>
    <message>
        <source>Jumlah sisa pokok semua pinjaman ada di Laporan › Portofolio Pinjaman.</source>
        <translation>The principal left on all loans is in Reports › Loan Portfolio.</translation>
    </message>
    <message>
        <source>Belum ada pinjaman. Klik Pinjaman Baru untuk mencatat yang pertama.</source>
        <translation>No loans yet. Click New Loan to record the first one.</translation>
    </message>
    <message>
        <source>Tidak ada pinjaman yang cocok dengan pencarian dan saringan ini.

Periksa ejaan nama atau nomornya, atau pilih Status Semua dan Kolektibilitas Semua.</source>
        <translation>No loan matches this search and filter.

Check the spelling of the name or number, or choose Status All and Quality All.</translation>
    </message>
    <message>
        <source>Pinjaman tidak bisa dibuka</source>
        <translation>The loan cannot be opened</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Masuk — Mufakat</source>
        <translation>Log In — Mufakat</translation>
    </message>
    <message>
        <source>{name} (CONTOH)</source>
        <translation>{name} (DEMO)</translation>
    </message>
    <message>
        <source>Masukkan nama pengguna dan kata sandi Anda.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Log In</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pengguna contoh — klik salah satu untuk mengisi</source>
        <translation>Demo users — click one to fill in</translation>
    </message>
    <message>
        <source>Nama pengguna {username}, kata sandi {password}</source>
        <translation>User name {username}, password {password}</translation>
    </message>
    <message>
        <source>{username} / {password}</source>
        <translation>{username} / {password}</translation>
    </message>
</context>
<context>
    <name>LostBookDialog</name>
    <message>
        <source>Buku Simpanan Hilang</source>
        <translation>Lost Passbook</translation>
    </message>
    <message>
        <source>Buku baru diberi nomor baru dan dimulai dengan saldo pindahan dari baris terakhir yang tercetak; transaksi yang belum tercetak menyusul.</source>
        <translation>The new book gets a new number and starts with the balance carried forward from the last printed line; transactions not printed yet follow.</translation>
    </message>
    <message>
        <source>Keterangan kehilangan *</source>
        <translation>What happened to the book *</translation>
    </message>
    <message>
        <source>Buat Buku Baru</source>
        <translation>Issue New Book</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Pinjaman</source>
        <translation>Loans</translation>
    </message>
    <message>
        <source>Penanganan Pinjaman Bermasalah</source>
        <translation>Problem Loan Handling</translation>
    </message>
    <message>
        <source>Surat &amp; Dokumen</source>
        <translation>Letters &amp; Documents</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>{name} (Ctrl+{n})</source>
        <translation>{name} (Ctrl+{n})</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Simpan Cadangan…</source>
        <translation>Save Backup…</translation>
    </message>
    <message>
        <source>Impor Data…</source>
        <translation>Import Data…</translation>
    </message>
    <message>
        <source>Potong Gaji…</source>
        <translation>Payroll Deduction…</translation>
    </message>
    <message>
        <source>Keluar Pengguna (ganti pengguna)</source>
        <translation>Log Out (change user)</translation>
    </message>
    <message>
        <source>Tutup File Ini</source>
        <translation>Close This File</translation>
    </message>
    <message>
        <source>Keluar dari Mufakat</source>
        <translation>Quit Mufakat</translation>
    </message>
    <message>
        <source>B&amp;agian</source>
        <translation>&amp;Sections</translation>
    </message>
    <message>
        <source>Cari di bagian ini</source>
        <translation>Search in this section</translation>
    </message>
    <message>
        <source>Tambah baru di bagian ini</source>
        <translation>Add new in this section</translation>
    </message>
    <message>
        <source>Mufakat — {name}</source>
        <translation>Mufakat — {name}</translation>
    </message>
    <message>
        <source>(CONTOH)</source>
        <translation>(DEMO)</translation>
    </message>
    <message>
        <source>Pengguna: {user}</source>
        <translation>User: {user}</translation>
    </message>
    <message>
        <source>Server kantor: {db}</source>
        <translation>Office server: {db}</translation>
    </message>
    <message>
        <source>Cadangan: di PC server</source>
        <translation>Backup: on the server PC</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Cadangan terakhir: {when}</source>
        <translation>Last backup: {when}</translation>
    </message>
    <message>
        <source>Masuk lagi</source>
        <translation>Log in again</translation>
    </message>
    <message>
        <source>Data sudah dipulihkan dari cadangan. Sesi ini diakhiri: silakan masuk lagi dengan akun yang ada di data yang dipulihkan.</source>
        <translation>The data has been restored from a backup. This session has ended: please log in again with an account that exists in the restored data.</translation>
    </message>
    <message>
        <source>Cadangan otomatis gagal</source>
        <translation>Automatic backup failed</translation>
    </message>
    <message>
        <source>Cadangan otomatis tidak bisa disimpan: {reason}

Data Anda tetap tersimpan di file database. Buat cadangan manual saat program dibuka lagi.</source>
        <translation>The automatic backup could not be saved: {reason}

Your data is still saved in the database file. Make a backup by hand when the program is opened again.</translation>
    </message>
    <message>
        <source>Pembukuan</source>
        <translation>Bookkeeping</translation>
    </message>
</context>
<context>
    <name>ManualJournalDialog</name>
    <message>
        <source>Jurnal Umum Baru</source>
        <translation>New general journal</translation>
    </message>
    <message>
        <source>mis. Listrik kantor bulan November</source>
        <translation>e.g. Office electricity for November</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Akun</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Debet</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>Kredit</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Tambah Baris</source>
        <translation>Add line</translation>
    </message>
    <message>
        <source>Hapus Baris</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>Jurnal di atas {limit} menunggu persetujuan pengguna lain sebelum dibukukan.</source>
        <translation>A journal above {limit} waits for another user&apos;s approval before it is posted.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Baris {n}: pilih akunnya.</source>
        <translation>Line {n}: choose its account.</translation>
    </message>
    <message>
        <source>Debet {d} · Kredit {c}</source>
        <translation>Debit {d} · Credit {c}</translation>
    </message>
    <message>
        <source>seimbang</source>
        <translation>balanced</translation>
    </message>
    <message>
        <source>selisih {d}</source>
        <translation>difference {d}</translation>
    </message>
</context>
<context>
    <name>ManualJournalsTab</name>
    <message>
        <source>Jurnal Umum Baru…</source>
        <translation>New general journal…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Menunggu persetujuan&lt;/b&gt;</source>
        <translation>&lt;b&gt;Waiting for approval&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Alasan bila ditolak</source>
        <translation>Reason if rejected</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Pilih jurnal untuk melihat barisnya.</source>
        <translation>Choose a journal to see its lines.</translation>
    </message>
    <message>
        <source>Tidak ada jurnal yang menunggu persetujuan.</source>
        <translation>No journals are waiting for approval.</translation>
    </message>
    <message>
        <source>Anda yang mengajukan: harus disetujui pengguna lain.</source>
        <translation>You entered it: another user must approve it.</translation>
    </message>
    <message>
        <source>Hanya Ketua/Pengurus yang boleh menyetujui jurnal.</source>
        <translation>Only the Chair or a board member may approve journals.</translation>
    </message>
    <message>
        <source>Jurnal disimpan dan menunggu persetujuan pengguna lain (pengajuan {n}).</source>
        <translation>Journal saved; it waits for another user&apos;s approval (request {n}).</translation>
    </message>
    <message>
        <source>Jurnal {number} dibukukan.</source>
        <translation>Journal {number} posted.</translation>
    </message>
    <message>
        <source>Disetujui: jurnal {number} dibukukan.</source>
        <translation>Approved: journal {number} posted.</translation>
    </message>
    <message>
        <source>Tulis alasan penolakan dulu.</source>
        <translation>Type the reason for rejecting first.</translation>
    </message>
    <message>
        <source>Pengajuan {n} ditolak.</source>
        <translation>Request {n} rejected.</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Surat Panggilan</source>
        <translation>Summons Letter</translation>
    </message>
    <message>
        <source>Buat Surat</source>
        <translation>Create Letter</translation>
    </message>
    <message>
        <source>Tanggal pertemuan *</source>
        <translation>Meeting date *</translation>
    </message>
    <message>
        <source>Pukul</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Tempat *</source>
        <translation>Place *</translation>
    </message>
</context>
<context>
    <name>MemberBerjangkaWidget</name>
    <message>
        <source>Buka Simpanan Berjangka</source>
        <translation>Open Term Deposit</translation>
    </message>
    <message>
        <source>Cetak Bilyet</source>
        <translation>Print Certificate</translation>
    </message>
    <message>
        <source>Cairkan Jatuh Tempo</source>
        <translation>Pay Out at Maturity</translation>
    </message>
    <message>
        <source>Cairkan Sebelum Jatuh Tempo</source>
        <translation>Withdraw Early</translation>
    </message>
    <message>
        <source>Belum ada simpanan berjangka. Klik Buka Simpanan Berjangka untuk mencatat yang pertama.</source>
        <translation>No term deposits yet. Click Open Term Deposit to record the first one.</translation>
    </message>
    <message>
        <source>{n} simpanan berjangka berjalan, pokok {amount}.</source>
        <translation>{n} term deposits running, principal {amount}.</translation>
    </message>
</context>
<context>
    <name>MemberDetail</name>
    <message>
        <source>Pilih anggota di daftar sebelah kiri untuk melihat datanya.</source>
        <translation>Select a member in the list on the left to see their data.</translation>
    </message>
    <message>
        <source>Ubah Data</source>
        <translation>Edit Data</translation>
    </message>
    <message>
        <source>Ubah Status</source>
        <translation>Change Status</translation>
    </message>
    <message>
        <source>Data Anggota</source>
        <translation>Member Data</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Lahir</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Suami/istri</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <source>NPWP</source>
        <translation>NPWP (tax no.)</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Log In</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Simpanan</source>
        <translation>Savings</translation>
    </message>
    <message>
        <source>Pokok</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Wajib</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source>Sukarela</source>
        <translation>Voluntary</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Setoran</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Penarikan</source>
        <translation>Withdrawal</translation>
    </message>
    <message>
        <source>Cetak Rekening Simpanan</source>
        <translation>Print Savings Statement</translation>
    </message>
    <message>
        <source>Cetak Buku</source>
        <translation>Print Passbook</translation>
    </message>
    <message>
        <source>Belum ada transaksi simpanan. Klik Setoran untuk mencatat yang pertama.</source>
        <translation>No savings transactions yet. Click Deposit to record the first one.</translation>
    </message>
    <message>
        <source>Batalkan Transaksi…</source>
        <translation>Cancel Transaction…</translation>
    </message>
    <message>
        <source>Pilih dulu transaksi di tabel yang akan dibatalkan.</source>
        <translation>First select the transaction to cancel in the table.</translation>
    </message>
    <message>
        <source>Simpanan Berjangka</source>
        <translation>Term Deposits</translation>
    </message>
    <message>
        <source>Pinjaman</source>
        <translation>Loans</translation>
    </message>
    <message>
        <source>Pinjaman anggota ini akan tampil di sini (bagian Pinjaman segera hadir).</source>
        <translation>This member&apos;s loans will show here (the Loans section is coming soon).</translation>
    </message>
    <message>
        <source>No. Anggota {number}</source>
        <translation>Member no. {number}</translation>
    </message>
    <message>
        <source> sejak {date}</source>
        <translation> since {date}</translation>
    </message>
    <message>
        <source>Simpanan wajib lunas sampai bulan ini ({paid} bulan terbayar).</source>
        <translation>Mandatory savings paid up to this month ({paid} months paid).</translation>
    </message>
    <message>
        <source>Simpanan wajib belum dibayar {months} bulan ({amount}; {monthly} per bulan).</source>
        <translation>Mandatory savings unpaid for {months} months ({amount}; {monthly} per month).</translation>
    </message>
    <message>
        <source>Dihitung sampai {date}.</source>
        <translation>Worked out up to {date}.</translation>
    </message>
    <message>
        <source>Transaksi {receipt} sudah dibatalkan.</source>
        <translation>Transaction {receipt} is already cancelled.</translation>
    </message>
    <message>
        <source>Pembatalan tidak bisa dibatalkan lagi.</source>
        <translation>A cancellation cannot be undone.</translation>
    </message>
    <message>
        <source>Terpilih: {receipt}</source>
        <translation>Selected: {receipt}</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Anggota Baru</source>
        <translation>New Member</translation>
    </message>
    <message>
        <source>Ubah Data Anggota {number} – {name}</source>
        <translation>Edit Member {number} – {name}</translation>
    </message>
    <message>
        <source>Kolom bertanda * wajib diisi. Tanggal ditulis hh-bb-tttt, misalnya 24-08-1985.</source>
        <translation>Fields marked * are required. Dates are written dd-mm-yyyy, e.g. 24-08-1985.</translation>
    </message>
    <message>
        <source>Identitas (sesuai KTP)</source>
        <translation>Identity (as on the ID card)</translation>
    </message>
    <message>
        <source>16 angka</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>boleh kosong</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Nama lengkap *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <source>NIK *</source>
        <translation>NIK *</translation>
    </message>
    <message>
        <source>Jenis kelamin *</source>
        <translation>Sex *</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Nama suami/istri</source>
        <translation>Spouse&apos;s name</translation>
    </message>
    <message>
        <source>NPWP</source>
        <translation>NPWP (tax no.)</translation>
    </message>
    <message>
        <source>Alamat, kontak, keanggotaan</source>
        <translation>Address, contact, membership</translation>
    </message>
    <message>
        <source>jalan, gang, nomor rumah</source>
        <translation>street, lane, house number</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>misalnya 0812-3456-7890</source>
        <translation>e.g. 0812-3456-7890</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>Kelurahan/Desa</source>
        <translation>Village (Kelurahan/Desa)</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District (Kecamatan)</translation>
    </message>
    <message>
        <source>Kota/Kabupaten</source>
        <translation>City/Regency</translation>
    </message>
    <message>
        <source>Telepon/HP</source>
        <translation>Phone/mobile</translation>
    </message>
    <message>
        <source>Tanggal masuk *</source>
        <translation>Joining date *</translation>
    </message>
    <message>
        <source>untuk potong gaji; boleh kosong</source>
        <translation>for payroll deduction; may be empty</translation>
    </message>
    <message>
        <source>Instansi</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>NIP/No. pegawai</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>potong gaji tiap bulan; boleh kosong</source>
        <translation>deducted from pay monthly; may be empty</translation>
    </message>
    <message>
        <source>Sukarela potong gaji</source>
        <translation>Voluntary savings from pay</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Periksa lagi</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Simpan tetap?</source>
        <translation>Save anyway?</translation>
    </message>
    <message>
        <source>Ya, simpan tetap</source>
        <translation>Yes, save anyway</translation>
    </message>
    <message>
        <source>Tutup tanpa menyimpan?</source>
        <translation>Close without saving?</translation>
    </message>
    <message>
        <source>Yang sudah diketik di formulir ini akan hilang.</source>
        <translation>What you typed in this form will be lost.</translation>
    </message>
    <message>
        <source>Ya, tutup</source>
        <translation>Yes, close</translation>
    </message>
    <message>
        <source>Kembali ke formulir</source>
        <translation>Back to the form</translation>
    </message>
</context>
<context>
    <name>MemberLoansWidget</name>
    <message>
        <source>Pinjaman Baru untuk Anggota Ini</source>
        <translation>New Loan for This Member</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh mencatat pengajuan pinjaman.</source>
        <translation>Your role may not record loan applications.</translation>
    </message>
    <message>
        <source>Anggota ini belum pernah meminjam.</source>
        <translation>This member has never borrowed.</translation>
    </message>
    <message>
        <source>{n} pinjaman, tidak ada yang aktif.</source>
        <translation>{n} loans, none active.</translation>
    </message>
    <message>
        <source>{n} pinjaman aktif, sisa pokok {amount}.</source>
        <translation>{n} active loans, principal left {amount}.</translation>
    </message>
    <message>
        <source>Menunggak {amount} (paling lama {days} hari).</source>
        <translation>In arrears {amount} (at most {days} days).</translation>
    </message>
</context>
<context>
    <name>MemberPage</name>
    <message>
        <source>Langkah 1 dari 8: Anggota peminjam</source>
        <translation>Step 1 of 8: Borrowing member</translation>
    </message>
    <message>
        <source>Cari anggota dengan nama, No. Anggota atau NIK, lalu pilih.</source>
        <translation>Search for the member by name, member no. or NIK, then select.</translation>
    </message>
    <message>
        <source>Cari nama, No. Anggota atau NIK…</source>
        <translation>Search name, member no. or NIK…</translation>
    </message>
    <message>
        <source>Belum ada anggota yang dipilih.</source>
        <translation>No member selected yet.</translation>
    </message>
    <message>
        <source>Dipilih: &lt;b&gt;{name}&lt;/b&gt; · No. Anggota {number}</source>
        <translation>Selected: &lt;b&gt;{name}&lt;/b&gt; · Member no. {number}</translation>
    </message>
    <message>
        <source>Anggota ini berstatus {status}, bukan aktif.</source>
        <translation>This member&apos;s status is {status}, not active.</translation>
    </message>
    <message>
        <source>Anggota ini masih punya {n} pinjaman aktif: {numbers}.</source>
        <translation>This member still has {n} active loans: {numbers}.</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>No. Anggota</source>
        <translation>Member No.</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tgl Masuk</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>Total Simpanan</source>
        <translation>Total Savings</translation>
    </message>
    <message>
        <source>NIK lengkap tampil di panel kanan.</source>
        <translation>The full NIK shows in the right-hand panel.</translation>
    </message>
</context>
<context>
    <name>MembersView</name>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Cari nama, no. anggota, NIK atau telepon… (Ctrl+F)</source>
        <translation>Search name, member no., NIK or phone… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>+ Anggota Baru</source>
        <translation>+ New Member</translation>
    </message>
    <message>
        <source>Catat anggota baru (Ctrl+N)</source>
        <translation>Record a new member (Ctrl+N)</translation>
    </message>
    <message>
        <source>Daftar Anggota</source>
        <translation>Member List</translation>
    </message>
    <message>
        <source>mengubah data anggota</source>
        <translation>edit member data</translation>
    </message>
    <message>
        <source>mengubah status anggota</source>
        <translation>change member status</translation>
    </message>
    <message>
        <source>mencatat setoran</source>
        <translation>record deposits</translation>
    </message>
    <message>
        <source>mencatat penarikan</source>
        <translation>record withdrawals</translation>
    </message>
    <message>
        <source>mencetak buku</source>
        <translation>print passbooks</translation>
    </message>
    <message>
        <source>membatalkan transaksi (hanya Manajer atau Pengurus)</source>
        <translation>cancel transactions (Manager or board only)</translation>
    </message>
    <message>
        <source>Peran Anda ({role}) tidak boleh {what}.</source>
        <translation>Your role ({role}) may not {what}.</translation>
    </message>
    <message>
        <source>Buat rekening simpanan (PDF) untuk dicetak atau dikirim</source>
        <translation>Make a savings statement (PDF) to print or send</translation>
    </message>
    <message>
        <source>Tidak diizinkan</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Pencarian: {text}</source>
        <translation>Search: {text}</translation>
    </message>
    <message>
        <source>Pencarian gagal</source>
        <translation>Search failed</translation>
    </message>
    <message>
        <source>{n} anggota cocok</source>
        <translation>{n} members match</translation>
    </message>
    <message>
        <source>{n} anggota</source>
        <translation>{n} members</translation>
    </message>
    <message>
        <source>Belum ada anggota.

Klik “+ Anggota Baru” (Ctrl+N) untuk mencatat anggota yang pertama.</source>
        <translation>No members yet.

Click “+ New Member” (Ctrl+N) to record the first member.</translation>
    </message>
    <message>
        <source> di antara anggota berstatus {status}</source>
        <translation> among members with status {status}</translation>
    </message>
    <message>
        <source>Tidak ada anggota yang cocok dengan pencarian{where}{among}.

Periksa ejaannya, cari dengan sebagian nama, No. Anggota, NIK atau nomor telepon, atau pilih status Semua. Bila orangnya memang belum terdaftar, klik “+ Anggota Baru”.</source>
        <translation>No member matches the search{where}{among}.

Check the spelling, search with part of the name, member no., NIK or phone number, or choose status All. If the person is not registered yet, click “+ New Member”.</translation>
    </message>
    <message>
        <source>Data anggota tidak bisa dibuka</source>
        <translation>The member data cannot be opened</translation>
    </message>
    <message>
        <source>Anggota berstatus {status} tidak bisa menerima setoran.</source>
        <translation>A member with status {status} cannot receive deposits.</translation>
    </message>
</context>
<context>
    <name>MonthEndDialog</name>
    <message>
        <source>Proses Akhir Bulan</source>
        <translation>Month-End Run</translation>
    </message>
    <message>
        <source>Menyimpan kolektibilitas dan tunggakan setiap pinjaman aktif pada tanggal ini, menurut {policy}. Hasilnya dipakai untuk riwayat kolektibilitas dan laporan.</source>
        <translation>Stores the quality and arrears of every active loan on this date, according to {policy}. The result is used for the quality history and reports.</translation>
    </message>
    <message>
        <source>Per tanggal *</source>
        <translation>As of *</translation>
    </message>
    <message>
        <source>Terakhir dijalankan: {date} ({n} pinjaman).</source>
        <translation>Last run: {date} ({n} loans).</translation>
    </message>
    <message>
        <source>Belum pernah dijalankan.</source>
        <translation>Never run yet.</translation>
    </message>
    <message>
        <source>Jalankan Proses</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sudah pernah diproses</source>
        <translation>Already run</translation>
    </message>
    <message>
        <source>Jalankan ulang untuk tanggal ini?</source>
        <translation>Run again for this date?</translation>
    </message>
    <message>
        <source>Ya, jalankan ulang</source>
        <translation>Yes, run again</translation>
    </message>
    <message>
        <source>Jasa simpanan sukarela {n} anggota: bruto {gross}, PPh 4(2) {tax}.</source>
        <translation>Voluntary savings interest for {n} members: gross {gross}, Art. 4(2) tax {tax}.</translation>
    </message>
    <message>
        <source>Proses akhir bulan selesai</source>
        <translation>Month-end run finished</translation>
    </message>
    <message>
        <source>Simpanan berjangka: {reason}</source>
        <translation>Term deposits: {reason}</translation>
    </message>
    <message>
        <source>Simpanan berjangka: jasa {n} rekening {gross} (PPh 4(2) {tax}), diperpanjang {aro}.</source>
        <translation>Term deposits: interest on {n} accounts {gross} (PPh 4(2) {tax}), rolled over {aro}.</translation>
    </message>
    <message>
        <source>Penyusutan aset tetap: {reason}</source>
        <translation>Fixed asset depreciation: {reason}</translation>
    </message>
    <message>
        <source>Penyusutan aset tetap: {n} baris, {total}.</source>
        <translation>Fixed asset depreciation: {n} rows, {total}.</translation>
    </message>
    <message>
        <source>Kolektibilitas {n} pinjaman per {date} tersimpan. Sisa pokok {total}, rasio pinjaman bermasalah {npl}%.</source>
        <translation>Quality of {n} loans as of {date} saved. Principal outstanding {total}, non-performing loan ratio {npl}%.</translation>
    </message>
</context>
<context>
    <name>NewCoopWizard</name>
    <message>
        <source>Buat Koperasi Baru</source>
        <translation>Create a New Cooperative</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Buat Koperasi</source>
        <translation>Create Cooperative</translation>
    </message>
    <message>
        <source>Pilih tempat menyimpan file database.</source>
        <translation>Choose where to save the database file.</translation>
    </message>
    <message>
        <source>Sudah ada file di {path}. Pilih nama atau folder lain supaya file itu tidak tertimpa.</source>
        <translation>There is already a file at {path}. Choose another name or folder so that file is not overwritten.</translation>
    </message>
</context>
<context>
    <name>NotulenDialog</name>
    <message>
        <source>Notulen Rapat Pengurus</source>
        <translation>Board Meeting Minutes</translation>
    </message>
    <message>
        <source>Buat Notulen</source>
        <translation>Create Minutes</translation>
    </message>
    <message>
        <source>Notulen memuat semua usulan keputusan yang dibuat di antara dua tanggal ini, dengan persetujuan atau penolakannya.</source>
        <translation>The minutes list every decision proposal made between these two dates, with its approvals or rejections.</translation>
    </message>
    <message>
        <source>Usulan dari tanggal *</source>
        <translation>Proposals from *</translation>
    </message>
    <message>
        <source>sampai tanggal *</source>
        <translation>to *</translation>
    </message>
    <message>
        <source>Tanggal rapat *</source>
        <translation>Meeting date *</translation>
    </message>
    <message>
        <source>Rapat mulai pukul</source>
        <translation>Meeting starts at</translation>
    </message>
    <message>
        <source>Rapat selesai pukul</source>
        <translation>Meeting ends at</translation>
    </message>
    <message>
        <source>Tempat rapat</source>
        <translation>Meeting place</translation>
    </message>
    <message>
        <source>Pengurus yang hadir *</source>
        <translation>Board members present *</translation>
    </message>
    <message>
        <source>Pimpinan rapat *</source>
        <translation>Chair *</translation>
    </message>
    <message>
        <source>Notulis *</source>
        <translation>Minute-taker *</translation>
    </message>
    <message>
        <source>Nama - jabatan; pisahkan dengan titik koma</source>
        <translation>Name - position; separate with semicolons</translation>
    </message>
    <message>
        <source>Undangan lain yang hadir</source>
        <translation>Other invitees present</translation>
    </message>
    <message>
        <source>{n} dari {size} pengurus hadir; kuorum {needed} orang: {verdict}</source>
        <translation>{n} of {size} board members present; quorum {needed}: {verdict}</translation>
    </message>
    <message>
        <source>tercapai</source>
        <translation>reached</translation>
    </message>
    <message>
        <source>belum tercapai</source>
        <translation>not reached</translation>
    </message>
</context>
<context>
    <name>NplTrendCard</name>
    <message>
        <source>NPL akhir bulan</source>
        <translation>Month-end NPL</translation>
    </message>
    <message>
        <source>belum ada tutup bulan</source>
        <translation>no month-end run yet</translation>
    </message>
    <message>
        <source>Rasio NPL per akhir bulan, {n} bulan terakhir (dari hasil tutup bulan)</source>
        <translation>NPL ratio at each month-end, the last {n} months (from the month-end runs)</translation>
    </message>
</context>
<context>
    <name>NumberingGroup</name>
    <message>
        <source>Penomoran pinjaman dan kasus</source>
        <translation>Numbering of loans and cases</translation>
    </message>
    <message>
        <source>No. permohonan pinjaman</source>
        <translation>Loan application no.</translation>
    </message>
    <message>
        <source>No. Pinjaman (perjanjian)</source>
        <translation>Loan no. (agreement)</translation>
    </message>
    <message>
        <source>No. kuitansi angsuran</source>
        <translation>Instalment receipt no.</translation>
    </message>
    <message>
        <source>No. kasus</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>No. keputusan</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <source>No. kuitansi setelah hapus buku</source>
        <translation>Receipt no. after write-off</translation>
    </message>
    <message>
        <source>Isian pola: {seq:03} nomor urut 3 angka, {year} tahun, {yy} tahun 2 angka, {month} bulan, {roman_month} bulan Romawi, {coop_code} kode koperasi, {doc_code} kode jenis dokumen. Nomor urut mulai dari 1 lagi setiap tahun bila pola memuat tahun.</source>
        <translation>Pattern fields: {seq:03} 3-digit sequence number, {year} year, {yy} 2-digit year, {month} month, {roman_month} month in Roman numerals, {coop_code} cooperative code, {doc_code} document kind code. The sequence starts again from 1 each year if the pattern holds the year.</translation>
    </message>
</context>
<context>
    <name>OffbookModel</name>
    <message>
        <source>No. Pinjaman</source>
        <translation>Loan No.</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Dihapus Buku</source>
        <translation>Written Off</translation>
    </message>
    <message>
        <source>No. Keputusan</source>
        <translation>Decision No.</translation>
    </message>
    <message>
        <source>Pokok</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Jasa + Denda</source>
        <translation>Interest + Late Fees</translation>
    </message>
    <message>
        <source>Sudah Kembali</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <source>Kembali Tahun Ini</source>
        <translation>Recovered This Year</translation>
    </message>
    <message>
        <source>Sisa Tagihan</source>
        <translation>Remaining Claim</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Masih ditagih</source>
        <translation>Still collected</translation>
    </message>
    <message>
        <source>Hapus tagih, RAT {number}</source>
        <translation>Debt cancelled, RAT {number}</translation>
    </message>
</context>
<context>
    <name>OpenBerjangkaDialog</name>
    <message>
        <source>Buka Simpanan Berjangka</source>
        <translation>Open Term Deposit</translation>
    </message>
    <message>
        <source>{n} bulan</source>
        <translation>{n} months</translation>
    </message>
    <message>
        <source>Diperpanjang otomatis saat jatuh tempo (ARO)</source>
        <translation>Roll over automatically at maturity (ARO)</translation>
    </message>
    <message>
        <source>Jasa ikut diperpanjang (menambah pokok)</source>
        <translation>Roll the interest over too (adds to the principal)</translation>
    </message>
    <message>
        <source>Jumlah (Rp) *</source>
        <translation>Amount (Rp) *</translation>
    </message>
    <message>
        <source>Jangka waktu</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Jasa % per tahun</source>
        <translation>Interest % per year</translation>
    </message>
    <message>
        <source>Tanggal penempatan *</source>
        <translation>Placement date *</translation>
    </message>
    <message>
        <source>Asal dana</source>
        <translation>Source of funds</translation>
    </message>
    <message>
        <source>Pembayaran jasa</source>
        <translation>Interest payment</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Jatuh tempo {date}.</source>
        <translation>Matures {date}.</translation>
    </message>
    <message>
        <source>Jasa selama {n} bulan {amount} (sebelum PPh).</source>
        <translation>Interest over {n} months {amount} (before tax).</translation>
    </message>
    <message>
        <source>Simpanan berjangka tersimpan</source>
        <translation>Term deposit saved</translation>
    </message>
    <message>
        <source>Simpanan berjangka {number} sebesar {amount} untuk {name} tersimpan.</source>
        <translation>Term deposit {number} of {amount} for {name} saved.</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <source>Buka Kasus Penanganan</source>
        <translation>Open Collection Case</translation>
    </message>
    <message>
        <source>Kasus biasanya terbuka sendiri saat pinjaman menunggak melewati batas. Di sini kasus dibuka dengan tangan, misalnya anggota datang minta keringanan sebelum menunggak jauh.</source>
        <translation>A case usually opens by itself when a loan&apos;s arrears pass the limit. Here a case is opened by hand, e.g. when a member asks for relief before falling far behind.</translation>
    </message>
    <message>
        <source>Cari no. pinjaman, nama atau no. anggota…</source>
        <translation>Search loan no., name or member no.…</translation>
    </message>
    <message>
        <source>misalnya: anggota datang minta keringanan</source>
        <translation>e.g. the member came to ask for relief</translation>
    </message>
    <message>
        <source>(belum ditentukan)</source>
        <translation>(not set yet)</translation>
    </message>
    <message>
        <source>Alasan membuka kasus *</source>
        <translation>Reason for opening the case *</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Penyebab yang sudah diketahui (boleh kosong)</source>
        <translation>Causes already known (optional)</translation>
    </message>
    <message>
        <source>Buka Kasus</source>
        <translation>Open Case</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kolektibilitas memburuk</source>
        <translation>Loan quality worsened</translation>
    </message>
</context>
<context>
    <name>PassbookDialog</name>
    <message>
        <source>Cetak Buku Simpanan</source>
        <translation>Print Savings Passbook</translation>
    </message>
    <message>
        <source>Cetak Ulang…</source>
        <translation>Reprint…</translation>
    </message>
    <message>
        <source>Buku Hilang…</source>
        <translation>Lost Book…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Anggota ini belum punya buku simpanan.</source>
        <translation>This member has no passbook yet.</translation>
    </message>
    <message>
        <source>Buku Baru</source>
        <translation>New Book</translation>
    </message>
    <message>
        <source>buku penuh</source>
        <translation>book full</translation>
    </message>
    <message>
        <source>berikutnya halaman {page} baris {line}</source>
        <translation>next: page {page} line {line}</translation>
    </message>
    <message>
        <source>Buku {number} · {where} · {count} baris belum tercetak</source>
        <translation>Book {number} · {where} · {count} lines not printed yet</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Buku {number} sudah penuh. Siapkan buku baru, lalu tekan Lanjut.</source>
        <translation>Book {number} is full. Prepare a new book, then press Continue.</translation>
    </message>
    <message>
        <source>Semua baris sudah tercetak.</source>
        <translation>Every line is printed.</translation>
    </message>
    <message>
        <source>Cetak Buku</source>
        <translation>Print Passbook</translation>
    </message>
    <message>
        <source>Balik halaman buku, lalu tekan Lanjut</source>
        <translation>Turn the passbook page, then press Continue</translation>
    </message>
    <message>
        <source>Selesai: {count} baris tercetak.</source>
        <translation>Done: {count} lines printed.</translation>
    </message>
</context>
<context>
    <name>PassbookTab</name>
    <message>
        <source>Nama model</source>
        <translation>Model name</translation>
    </message>
    <message>
        <source>Kolom (posisi dari jarak kiri, lebar; mm)</source>
        <translation>Columns (position from the left offset, width; mm)</translation>
    </message>
    <message>
        <source>Simpan Model</source>
        <translation>Save Model</translation>
    </message>
    <message>
        <source>Cetak Halaman Kalibrasi</source>
        <translation>Print Calibration Page</translation>
    </message>
    <message>
        <source>Pratinjau sesuai skala: baris abu-abu sudah tercetak, baris hitam akan dicetak.</source>
        <translation>Preview to scale: grey lines are already printed, black lines will be printed.</translation>
    </message>
    <message>
        <source>Hanya Admin atau Pengurus yang boleh mengubah pengaturan.</source>
        <translation>Only an Admin or Pengurus may change the settings.</translation>
    </message>
    <message>
        <source>Buku Simpanan</source>
        <translation>Savings Passbook</translation>
    </message>
    <message>
        <source>Kartu Angsuran</source>
        <translation>Loan Card</translation>
    </message>
    <message>
        <source>Model Buku</source>
        <translation>Passbook Model</translation>
    </message>
    <message>
        <source>Model buku disimpan.</source>
        <translation>Passbook model saved.</translation>
    </message>
    <message>
        <source>Halaman Kalibrasi</source>
        <translation>Calibration Page</translation>
    </message>
</context>
<context>
    <name>PasswordTab</name>
    <message>
        <source>Ganti kata sandi Anda ({username}). Pakai kata sandi yang mudah Anda ingat tetapi sulit ditebak orang lain, dan jangan dipakai bersama.</source>
        <translation>Change your password ({username}). Use a password you remember easily but others cannot guess, and do not share it.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Terima Pembayaran Angsuran</source>
        <translation>Receive Instalment Payment</translation>
    </message>
    <message>
        <source>Isi Semua Tunggakan</source>
        <translation>Fill In All Arrears</translation>
    </message>
    <message>
        <source>Isi jumlah dengan seluruh yang sudah jatuh tempo</source>
        <translation>Fill the amount with everything already due</translation>
    </message>
    <message>
        <source>Jumlah diterima (Rp) *</source>
        <translation>Amount received (Rp) *</translation>
    </message>
    <message>
        <source>Tanggal bayar *</source>
        <translation>Payment date *</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Pembayaran ini dipakai untuk (belum disimpan)</source>
        <translation>This payment goes to (not saved yet)</translation>
    </message>
    <message>
        <source>Simpan Pembayaran</source>
        <translation>Save Payment</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tidak ada angsuran yang sudah jatuh tempo pada tanggal ini.</source>
        <translation>No instalment is due on this date.</translation>
    </message>
    <message>
        <source>Sudah jatuh tempo pada tanggal bayar: &lt;b&gt;{total}&lt;/b&gt; dari {n} angsuran (termasuk denda).</source>
        <translation>Due on the payment date: &lt;b&gt;{total}&lt;/b&gt; from {n} instalments (late fees included).</translation>
    </message>
    <message>
        <source>Ketik jumlah yang diterima; pembagiannya tampil di sini.</source>
        <translation>Type the amount received; how it is split shows here.</translation>
    </message>
    <message>
        <source>Titipan {amount} yang sudah ada ikut dipakai.</source>
        <translation>The existing deposit of {amount} is used as well.</translation>
    </message>
    <message>
        <source>Denda &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Late fee &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Jasa &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Interest &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Pokok &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Principal &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Dibagi: </source>
        <translation>Split: </translation>
    </message>
    <message>
        <source>Titipan yang sudah ada ({amount}) ikut dipakai.</source>
        <translation>The existing deposit ({amount}) is used as well.</translation>
    </message>
    <message>
        <source>Kelebihan &lt;b&gt;{amount}&lt;/b&gt; disimpan sebagai titipan dan dipakai untuk angsuran berikutnya saat jatuh tempo.</source>
        <translation>The excess &lt;b&gt;{amount}&lt;/b&gt; is kept as a deposit and used for the next instalment when it falls due.</translation>
    </message>
    <message>
        <source>Dengan pembayaran ini pinjaman LUNAS.</source>
        <translation>With this payment the loan is PAID OFF.</translation>
    </message>
    <message>
        <source>Pembayaran tersimpan</source>
        <translation>Payment saved</translation>
    </message>
    <message>
        <source>Pembayaran {amount} dari {name} tersimpan.

No. Kuitansi: {receipt}</source>
        <translation>Payment of {amount} from {name} saved.

Receipt no.: {receipt}</translation>
    </message>
</context>
<context>
    <name>PayoffDialog</name>
    <message>
        <source>Pelunasan Dipercepat</source>
        <translation>Early Payoff</translation>
    </message>
    <message>
        <source>Tanggal pelunasan *</source>
        <translation>Payoff date *</translation>
    </message>
    <message>
        <source>Yang harus dibayar untuk melunasi</source>
        <translation>To be paid to settle the loan</translation>
    </message>
    <message>
        <source>Sisa pokok</source>
        <translation>Principal left</translation>
    </message>
    <message>
        <source>Jasa</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Denda</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <source>Dikurangi titipan</source>
        <translation>Less deposit</translation>
    </message>
    <message>
        <source>Jumlah pelunasan</source>
        <translation>Payoff amount</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Terima Pelunasan</source>
        <translation>Receive Payoff</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Peran Anda tidak boleh mencatat pembayaran.</source>
        <translation>Your role may not record payments.</translation>
    </message>
    <message>
        <source>Aturan produk: {rule}.</source>
        <translation>Product rule: {rule}.</translation>
    </message>
    <message>
        <source>Jasa bulan-bulan berikutnya {amount} tidak ditagih.</source>
        <translation>Interest of the following months, {amount}, is not charged.</translation>
    </message>
    <message>
        <source>Terima pelunasan?</source>
        <translation>Receive the payoff?</translation>
    </message>
    <message>
        <source>Terima {amount} dari {name}? Pinjaman {number} akan ditutup (LUNAS) dan sisa jadwal angsurannya tidak ditagih lagi.</source>
        <translation>Receive {amount} from {name}? Loan {number} will be closed (PAID OFF) and the rest of its schedule is no longer charged.</translation>
    </message>
    <message>
        <source>Ya, lunasi</source>
        <translation>Yes, pay off</translation>
    </message>
    <message>
        <source>Pinjaman lunas</source>
        <translation>Loan paid off</translation>
    </message>
    <message>
        <source>Pelunasan {amount} tersimpan. Pinjaman {number} sudah LUNAS.

No. Kuitansi: {receipt}</source>
        <translation>Payoff of {amount} saved. Loan {number} is PAID OFF.

Receipt no.: {receipt}</translation>
    </message>
</context>
<context>
    <name>PayrollDialog</name>
    <message>
        <source>Potong Gaji</source>
        <translation>Payroll Deduction</translation>
    </message>
    <message>
        <source>Instansi</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Tanggal potongan diterima</source>
        <translation>Date the deductions were received</translation>
    </message>
    <message>
        <source>Simpan Daftar Potongan…</source>
        <translation>Save Deduction List…</translation>
    </message>
    <message>
        <source>Simpan Surat Pengantar…</source>
        <translation>Save Cover Letter…</translation>
    </message>
    <message>
        <source>Periksa Berkas Kembalian…</source>
        <translation>Check Returned File…</translation>
    </message>
    <message>
        <source>Bukukan</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Batalkan Batch…</source>
        <translation>Reverse Batch…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pilih instansinya dulu.</source>
        <translation>Choose the employer first.</translation>
    </message>
    <message>
        <source>Simpan daftar potongan</source>
        <translation>Save deduction list</translation>
    </message>
    <message>
        <source>Daftar potongan tersimpan: {count} baris, jumlah {total}.
{path}</source>
        <translation>Deduction list saved: {count} rows, total {total}.
{path}</translation>
    </message>
    <message>
        <source>Simpan surat pengantar</source>
        <translation>Save cover letter</translation>
    </message>
    <message>
        <source>Surat pengantar nomor {number} tersimpan:
{path}</source>
        <translation>Cover letter number {number} saved:
{path}</translation>
    </message>
    <message>
        <source>Pilih berkas kembalian instansi</source>
        <translation>Choose the employer&apos;s returned file</translation>
    </message>
    <message>
        <source>Excel atau CSV (*.xlsx *.csv)</source>
        <translation>Excel or CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Selisih untuk ditindaklanjuti:</source>
        <translation>Differences to follow up:</translation>
    </message>
    <message>
        <source>  baris {row}: {who} {name} – {item}: {difference}</source>
        <translation>  row {row}: {who} {name} – {item}: {difference}</translation>
    </message>
    <message>
        <source>Isi tanggal potongan diterima.</source>
        <translation>Enter the date the deductions were received.</translation>
    </message>
    <message>
        <source>SELESAI: batch potong gaji #{number} dibukukan. Daftar kuitansi:</source>
        <translation>DONE: payroll batch #{number} posted. Receipts:</translation>
    </message>
    <message>
        <source>Belum ada batch yang dibukukan.</source>
        <translation>No batch has been posted yet.</translation>
    </message>
    <message>
        <source>Batalkan batch</source>
        <translation>Reverse batch</translation>
    </message>
    <message>
        <source>Batch yang dibatalkan</source>
        <translation>Batch to reverse</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Batch #{number} dibatalkan seluruhnya.</source>
        <translation>Batch #{number} reversed in full.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Pratinjau – {title}</source>
        <translation>Preview – {title}</translation>
    </message>
    <message>
        <source>{n} halaman</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Simpan sebagai PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Tidak bisa mencetak</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>Printer tidak bisa dipakai. Periksa printer lalu coba lagi.</source>
        <translation>The printer cannot be used. Check the printer and try again.</translation>
    </message>
    <message>
        <source>Simpan sebagai PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Tidak bisa menyimpan</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>File tidak bisa disimpan: {reason}</source>
        <translation>The file cannot be saved: {reason}</translation>
    </message>
</context>
<context>
    <name>PendingJournalsModel</name>
    <message>
        <source>No. Pengajuan</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Diajukan oleh</source>
        <translation>Entered by</translation>
    </message>
</context>
<context>
    <name>PerformanceModel</name>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Kontak</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Janji Dibuat</source>
        <translation>Promises Made</translation>
    </message>
    <message>
        <source>Dijanjikan</source>
        <translation>Promised</translation>
    </message>
    <message>
        <source>Ditepati</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>Sebagian</source>
        <translation>Partly Kept</translation>
    </message>
    <message>
        <source>Ingkar</source>
        <translation>Broken</translation>
    </message>
    <message>
        <source>% Ditepati</source>
        <translation>% Kept</translation>
    </message>
    <message>
        <source>Uang Diterima</source>
        <translation>Money Received</translation>
    </message>
</context>
<context>
    <name>PlaceholderView</name>
    <message>
        <source>Segera hadir</source>
        <translation>Coming soon</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>Ke</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Jatuh Tempo</source>
        <translation>Due Date</translation>
    </message>
    <message>
        <source>Pokok</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Jasa</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Angsuran</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <source>Sisa Pokok</source>
        <translation>Principal Left</translation>
    </message>
</context>
<context>
    <name>PolicyGroup</name>
    <message>
        <source>Kembalikan ke bawaan</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>Isi kelompok ini dengan pengaturan bawaan program, lalu simpan.</source>
        <translation>Fill this group with the program&apos;s default settings, then save.</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <source>Contoh: (pola belum benar)</source>
        <translation>Example: (the pattern is not right yet)</translation>
    </message>
    <message>
        <source>Contoh: {sample}</source>
        <translation>Example: {sample}</translation>
    </message>
    <message>
        <source>disyaratkan</source>
        <translation>required</translation>
    </message>
    <message>
        <source>tidak disyaratkan</source>
        <translation>not required</translation>
    </message>
    <message>
        <source>Aturan yang dipakai program untuk menilai pinjaman dan menangani pinjaman bermasalah. Nama kebijakan kolektibilitas dan PPAP tercetak di setiap laporan.</source>
        <translation>The rules the program uses to grade loans and handle problem loans. The names of the quality and PPAP policies are printed on every report.</translation>
    </message>
    <message>
        <source>Anda dapat melihat kebijakan ini. Hanya Admin atau Pengurus yang boleh mengubahnya.</source>
        <translation>You can view this policy. Only the Admin or board may change it.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hanya Admin atau Pengurus yang boleh mengubah pengaturan.</source>
        <translation>Only an Admin or a board member may change the settings.</translation>
    </message>
    <message>
        <source>Kebijakan tersimpan ({count} perubahan).</source>
        <translation>Policy saved ({count} changes).</translation>
    </message>
    <message>
        <source>Tidak ada yang berubah.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <source>Isi kelompok “{title}” diganti dengan pengaturan bawaan program dan langsung disimpan:

{defaults}

Perubahan di kelompok lain yang belum disimpan tidak ikut berubah.</source>
        <translation>The group “{title}” is replaced by the program&apos;s default settings and saved at once:

{defaults}

Unsaved changes in other groups are not affected.</translation>
    </message>
    <message>
        <source>Kembalikan ke bawaan</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>Kembalikan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>“{title}” kembali ke pengaturan bawaan.</source>
        <translation>“{title}” is back to the default settings.</translation>
    </message>
</context>
<context>
    <name>PortfolioClassModel</name>
    <message>
        <source>Kolektibilitas</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Jumlah Pinjaman</source>
        <translation>Number of Loans</translation>
    </message>
    <message>
        <source>Sisa Pokok</source>
        <translation>Principal Left</translation>
    </message>
    <message>
        <source>Porsi</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>PPAP Wajib</source>
        <translation>Required PPAP</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <source>Portofolio Pinjaman</source>
        <translation>Loan Portfolio</translation>
    </message>
    <message>
        <source>Per tanggal:</source>
        <translation>As of:</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Proses Akhir Bulan…</source>
        <translation>Month-End Run…</translation>
    </message>
    <message>
        <source>Simpan kolektibilitas semua pinjaman pada akhir bulan untuk riwayat dan laporan</source>
        <translation>Store the quality of all loans at month end for the history and reports</translation>
    </message>
    <message>
        <source>Pinjaman aktif</source>
        <translation>Active loans</translation>
    </message>
    <message>
        <source>Sisa pokok</source>
        <translation>Principal left</translation>
    </message>
    <message>
        <source>Tunggakan (pokok + jasa + denda)</source>
        <translation>Arrears (principal + interest + late fees)</translation>
    </message>
    <message>
        <source>Rasio pinjaman bermasalah (NPL)</source>
        <translation>Non-performing loan ratio (NPL)</translation>
    </message>
    <message>
        <source>Menurut kolektibilitas</source>
        <translation>By quality</translation>
    </message>
    <message>
        <source>Umur tunggakan</source>
        <translation>Age of arrears</translation>
    </message>
    <message>
        <source>Penyisihan (PPAP): wajib dibentuk dibanding yang sudah dibukukan</source>
        <translation>Loan-loss reserve (PPAP): required compared with booked</translation>
    </message>
    <message>
        <source>PPAP wajib dibentuk</source>
        <translation>Required PPAP</translation>
    </message>
    <message>
        <source>PPAP sudah dibukukan</source>
        <translation>PPAP booked</translation>
    </message>
    <message>
        <source>Penyesuaian</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <source>Catat Saldo PPAP…</source>
        <translation>Record PPAP Balance…</translation>
    </message>
    <message>
        <source>Hanya Admin atau Pengurus yang boleh mencatat saldo PPAP.</source>
        <translation>Only the Admin or board may record the PPAP balance.</translation>
    </message>
    <message>
        <source>Jumlah pinjaman {count}; sisa pokok {outstanding}; tunggakan {arrears}; NPL {npl}% ({band}).</source>
        <translation>Loans {count}; outstanding principal {outstanding}; arrears {arrears}; NPL {npl}% ({band}).</translation>
    </message>
    <message>
        <source>PPAP wajib {required}; PPAP tercatat {booked}.</source>
        <translation>Required allowance {required}; booked allowance {booked}.</translation>
    </message>
    <message>
        <source>Per tanggal {date}</source>
        <translation>As of {date}</translation>
    </message>
    <message>
        <source>Kolektibilitas menurut {policy}</source>
        <translation>Collectibility per {policy}</translation>
    </message>
    <message>
        <source>PPAP menurut {policy}</source>
        <translation>Allowance per {policy}</translation>
    </message>
    <message>
        <source>Per {date}. Kolektibilitas menurut &lt;b&gt;{policy}&lt;/b&gt;; PPAP menurut &lt;b&gt;{allowance}&lt;/b&gt;.</source>
        <translation>As of {date}. Quality according to &lt;b&gt;{policy}&lt;/b&gt;; PPAP according to &lt;b&gt;{allowance}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Rasio sampai 5,00% Sehat; di atas 5% sampai 10,00% Cukup Sehat; di atas 10% sampai 15,00% Kurang Sehat; di atas 15% Tidak Sehat.</source>
        <translation>Ratio up to 5.00% Healthy; above 5% up to 10.00% Fairly Healthy; above 10% up to 15.00% Less Healthy; above 15% Unhealthy.</translation>
    </message>
    <message>
        <source> (dicatat per {date})</source>
        <translation> (recorded as of {date})</translation>
    </message>
    <message>
        <source> (belum pernah dicatat)</source>
        <translation> (never recorded)</translation>
    </message>
    <message>
        <source>Kurang {amount}: jurnal Beban PPAP (debet) / PPAP (kredit).</source>
        <translation>Short by {amount}: entry PPAP Expense (debit) / PPAP (credit).</translation>
    </message>
    <message>
        <source>Lebih {amount}: jurnal PPAP (debet) / Pendapatan pemulihan PPAP (kredit).</source>
        <translation>Over by {amount}: entry PPAP (debit) / PPAP Recovery Income (credit).</translation>
    </message>
    <message>
        <source>Sudah sesuai ({amount}).</source>
        <translation>Already matches ({amount}).</translation>
    </message>
    <message>
        <source>Tidak diizinkan</source>
        <translation>Not allowed</translation>
    </message>
</context>
<context>
    <name>PositionPage</name>
    <message>
        <source>Langkah 2 dari 6: Posisi pinjaman</source>
        <translation>Step 2 of 6: Loan position</translation>
    </message>
    <message>
        <source>Posisi per tanggal berlaku, dihitung dari jadwal dan pembayaran.</source>
        <translation>Position on the effective date, worked out from the schedule and payments.</translation>
    </message>
</context>
<context>
    <name>PphTab</name>
    <message>
        <source>Masa pajak (TTTT-BB)</source>
        <translation>Tax period (YYYY-MM)</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Kreditkan Jasa Simpanan</source>
        <translation>Credit savings interest</translation>
    </message>
    <message>
        <source>Cetak Daftar Bukti Potong</source>
        <translation>Print withholding list</translation>
    </message>
    <message>
        <source>Tanggal setor</source>
        <translation>Deposit date</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Tunai</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>NTPN / bukti</source>
        <translation>NTPN / receipt</translation>
    </message>
    <message>
        <source>Catat Setor PPh</source>
        <translation>Record tax deposit</translation>
    </message>
    <message>
        <source>sudah disetor {d}</source>
        <translation>deposited {d}</translation>
    </message>
    <message>
        <source>belum disetor</source>
        <translation>not deposited yet</translation>
    </message>
    <message>
        <source>{m}: jasa bruto {g}, PPh 4(2) {t}, disetor paling lambat {d} ({s}). Jasa simpanan sukarela: {j}.</source>
        <translation>{m}: gross interest {g}, Art. 4(2) tax {t}, to deposit by {d} ({s}). Voluntary savings interest: {j}.</translation>
    </message>
    <message>
        <source>sudah dikreditkan</source>
        <translation>credited</translation>
    </message>
    <message>
        <source>belum dikreditkan</source>
        <translation>not credited yet</translation>
    </message>
    <message>
        <source>Jasa simpanan {n} anggota dikreditkan: bruto {g}, PPh 4(2) {t}.</source>
        <translation>Savings interest credited to {n} members: gross {g}, Art. 4(2) tax {t}.</translation>
    </message>
    <message>
        <source>Daftar bukti potong</source>
        <translation>Withholding list</translation>
    </message>
    <message>
        <source>Bukti Potong PPh 4(2) {m}</source>
        <translation>Art. 4(2) withholding {m}</translation>
    </message>
    <message>
        <source>Setoran PPh 4(2) {m} {a} dicatat.</source>
        <translation>Art. 4(2) tax deposit {m} {a} recorded.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Langkah 4 dari 8: Jadwal angsuran</source>
        <translation>Step 4 of 8: Instalment schedule</translation>
    </message>
    <message>
        <source>Periksa jadwalnya bersama anggota sebelum melanjutkan.</source>
        <translation>Go through the schedule with the member before continuing.</translation>
    </message>
    <message>
        <source>Saya sudah membaca peringatan di atas dan tetap melanjutkan.</source>
        <translation>I have read the warnings above and want to continue.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{amount}&lt;/b&gt; untuk {name}: {method}, jasa {rate}, {months} bulan, angsuran pertama {first}.</source>
        <translation>&lt;b&gt;{amount}&lt;/b&gt; for {name}: {method}, interest {rate}, {months} months, first instalment {first}.</translation>
    </message>
    <message>
        <source>Angsuran pertama &lt;b&gt;{first}&lt;/b&gt; · total jasa &lt;b&gt;{jasa}&lt;/b&gt; · total dibayar &lt;b&gt;{total}&lt;/b&gt;&lt;br&gt;Biaya administrasi {fee}, diterima bersih saat pencairan &lt;b&gt;{net}&lt;/b&gt;.</source>
        <translation>First instalment &lt;b&gt;{first}&lt;/b&gt; · total interest &lt;b&gt;{jasa}&lt;/b&gt; · total paid &lt;b&gt;{total}&lt;/b&gt;&lt;br&gt;Admin fee {fee}, net received at disbursement &lt;b&gt;{net}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Perhatian:</source>
        <translation>Please note:</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Tambah Produk Pinjaman</source>
        <translation>Add Loan Product</translation>
    </message>
    <message>
        <source>Ubah Produk</source>
        <translation>Edit Product</translation>
    </message>
    <message>
        <source>Perubahan hanya berlaku untuk pinjaman yang diajukan sesudah ini; pinjaman yang sudah ada tetap memakai ketentuan saat diajukan.</source>
        <translation>Changes apply only to loans applied for after this; existing loans keep the terms from when they were applied for.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ketentuan pinjaman</source>
        <translation>Loan terms</translation>
    </message>
    <message>
        <source>misalnya Pinjaman Usaha Mikro</source>
        <translation>e.g. Micro Business Loan</translation>
    </message>
    <message>
        <source>misalnya 1,5</source>
        <translation>e.g. 1,5</translation>
    </message>
    <message>
        <source> bulan</source>
        <translation> months</translation>
    </message>
    <message>
        <source>dibulatkan ke atas</source>
        <translation>rounded up</translation>
    </message>
    <message>
        <source>ke yang terdekat</source>
        <translation>to the nearest</translation>
    </message>
    <message>
        <source>Nama produk</source>
        <translation>Product name</translation>
    </message>
    <message>
        <source>Metode</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Jasa per bulan (%)</source>
        <translation>Interest per month (%)</translation>
    </message>
    <message>
        <source>Jangka waktu</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Plafon (Rp)</source>
        <translation>Loan amount (Rp)</translation>
    </message>
    <message>
        <source>Pembulatan angsuran</source>
        <translation>Instalment rounding</translation>
    </message>
    <message>
        <source>kelipatan</source>
        <translation>multiple of</translation>
    </message>
    <message>
        <source>Biaya administrasi</source>
        <translation>Admin fee</translation>
    </message>
    <message>
        <source>% dari plafon, ditambah Rp</source>
        <translation>% of the loan amount, plus Rp</translation>
    </message>
    <message>
        <source>Biaya administrasi dipotong saat pencairan.</source>
        <translation>The admin fee is deducted at disbursement.</translation>
    </message>
    <message>
        <source>Denda keterlambatan</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <source>angsuran yang terlambat (pokok + jasa)</source>
        <translation>the late instalment (principal + interest)</translation>
    </message>
    <message>
        <source>pokok yang terlambat saja</source>
        <translation>the late principal only</translation>
    </message>
    <message>
        <source>jumlah tetap</source>
        <translation>fixed amount</translation>
    </message>
    <message>
        <source>per hari</source>
        <translation>per day</translation>
    </message>
    <message>
        <source>per bulan</source>
        <translation>per month</translation>
    </message>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>tanpa batas</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Dihitung dari</source>
        <translation>Based on</translation>
    </message>
    <message>
        <source>Besarnya</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Bebas denda</source>
        <translation>Fee-free</translation>
    </message>
    <message>
        <source>setelah jatuh tempo</source>
        <translation>after the due date</translation>
    </message>
    <message>
        <source>Paling banyak</source>
        <translation>At most</translation>
    </message>
    <message>
        <source>% dari angsuran</source>
        <translation>% of the instalment</translation>
    </message>
    <message>
        <source>dan paling banyak</source>
        <translation>and at most</translation>
    </message>
    <message>
        <source>Rp</source>
        <translation>Rp</translation>
    </message>
    <message>
        <source>per angsuran</source>
        <translation>per instalment</translation>
    </message>
    <message>
        <source>Pembayaran</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>angsuran terlama dilunasi dulu</source>
        <translation>oldest instalment paid first</translation>
    </message>
    <message>
        <source>satu komponen untuk semua angsuran, baru berikutnya</source>
        <translation>one component for all instalments, then the next</translation>
    </message>
    <message>
        <source>Urutan pembayaran</source>
        <translation>Payment order</translation>
    </message>
    <message>
        <source>Cara membagi</source>
        <translation>How to split</translation>
    </message>
    <message>
        <source>Pelunasan dipercepat</source>
        <translation>Early payoff</translation>
    </message>
    <message>
        <source>{month} per bulan = {year} per tahun</source>
        <translation>{month} per month = {year} per year</translation>
    </message>
    <message>
        <source>Denda: (isian belum lengkap)</source>
        <translation>Late fee: (not filled in completely)</translation>
    </message>
    <message>
        <source>Denda: {rule}.</source>
        <translation>Late fee: {rule}.</translation>
    </message>
</context>
<context>
    <name>ProductPage</name>
    <message>
        <source>Langkah 2 dari 8: Produk pinjaman</source>
        <translation>Step 2 of 8: Loan product</translation>
    </message>
    <message>
        <source>Produk menentukan jasa, metode angsuran, batas dan denda.</source>
        <translation>The product sets the interest, instalment method, limits and late fees.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;Metode {method}; jasa {rate}.&lt;br&gt;Plafon {min_amount} sampai {max_amount}; jangka waktu {min_months}–{max_months} bulan.&lt;br&gt;Biaya administrasi: {fee}.&lt;br&gt;Denda: {denda}.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{method} method; interest {rate}.&lt;br&gt;Amount {min_amount} to {max_amount}; term {min_months}–{max_months} months.&lt;br&gt;Admin fee: {fee}.&lt;br&gt;Late fee: {denda}.</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <source>Nama Produk</source>
        <translation>Product Name</translation>
    </message>
    <message>
        <source>Metode</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Jasa/Bulan</source>
        <translation>Interest/Month</translation>
    </message>
    <message>
        <source>Jangka Waktu</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Plafon Maksimal</source>
        <translation>Maximum Amount</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{rate} per tahun</source>
        <translation>{rate} per year</translation>
    </message>
    <message>
        <source>Plafon {low} sampai {high}</source>
        <translation>Amount {low} to {high}</translation>
    </message>
    <message>
        <source>{low}–{high} bulan</source>
        <translation>{low}–{high} months</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <source>Produk menentukan jasa, metode, denda dan urutan pembayaran pinjaman baru. Pinjaman yang sudah ada tetap memakai ketentuan saat diajukan. Produk tidak dihapus, hanya dinonaktifkan.</source>
        <translation>A product sets the interest, method, late fees and payment order of new loans. Existing loans keep the terms from when they were applied for. Products are not deleted, only deactivated.</translation>
    </message>
    <message>
        <source>Anda dapat melihat produk. Hanya Admin atau Pengurus yang boleh mengubahnya.</source>
        <translation>You can view products. Only the Admin or board may change them.</translation>
    </message>
    <message>
        <source>+ Tambah Produk…</source>
        <translation>+ Add Product…</translation>
    </message>
    <message>
        <source>Ketentuan produk</source>
        <translation>Product terms</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Hanya Admin atau Pengurus yang boleh mengubah produk pinjaman.</source>
        <translation>Only the Admin or board may change loan products.</translation>
    </message>
    <message>
        <source>Pilih produk di daftar untuk melihat ketentuannya.</source>
        <translation>Select a product in the list to see its terms.</translation>
    </message>
    <message>
        <source>Belum ada produk pinjaman. Klik Tambah Produk untuk membuat yang pertama.</source>
        <translation>No loan products yet. Click Add Product to create the first one.</translation>
    </message>
    <message>
        <source>Aktifkan Lagi</source>
        <translation>Activate Again</translation>
    </message>
    <message>
        <source>{rate} dari plafon</source>
        <translation>{rate} of the loan amount</translation>
    </message>
    <message>
        <source> + {amount}</source>
        <translation> + {amount}</translation>
    </message>
    <message>
        <source>angsuran terlama dilunasi dulu</source>
        <translation>oldest instalment paid first</translation>
    </message>
    <message>
        <source>satu komponen untuk semua angsuran, baru berikutnya</source>
        <translation>one component for all instalments, then the next</translation>
    </message>
    <message>
        <source>Metode</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Jasa</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>{month} per bulan = {year} per tahun</source>
        <translation>{month} per month = {year} per year</translation>
    </message>
    <message>
        <source>Jangka waktu</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>{low} sampai {high} bulan</source>
        <translation>{low} to {high} months</translation>
    </message>
    <message>
        <source>Plafon</source>
        <translation>Loan Amount</translation>
    </message>
    <message>
        <source>{low} sampai {high}</source>
        <translation>{low} to {high}</translation>
    </message>
    <message>
        <source>Pembulatan</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <source>kelipatan {amount}, {direction}</source>
        <translation>multiple of {amount}, {direction}</translation>
    </message>
    <message>
        <source>ke atas</source>
        <translation>up</translation>
    </message>
    <message>
        <source>ke terdekat</source>
        <translation>to the nearest</translation>
    </message>
    <message>
        <source>Biaya administrasi</source>
        <translation>Admin fee</translation>
    </message>
    <message>
        <source>Denda</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <source>Urutan pembayaran</source>
        <translation>Payment order</translation>
    </message>
    <message>
        <source>Pelunasan dipercepat</source>
        <translation>Early payoff</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Aktif, bisa dipilih untuk pinjaman baru</source>
        <translation>Active, can be chosen for new loans</translation>
    </message>
    <message>
        <source>Nonaktif, tidak ditawarkan lagi</source>
        <translation>Inactive, no longer offered</translation>
    </message>
    <message>
        <source>Produk “{name}” tersimpan.</source>
        <translation>Product “{name}” saved.</translation>
    </message>
    <message>
        <source>Nonaktifkan Produk</source>
        <translation>Deactivate Product</translation>
    </message>
    <message>
        <source>Produk “{name}” tidak bisa dipilih lagi untuk pinjaman baru. Pinjaman yang sudah berjalan dengan produk ini tidak berubah. Produk bisa diaktifkan lagi kapan saja.</source>
        <translation>Product “{name}” can no longer be chosen for new loans. Running loans with this product do not change. The product can be activated again at any time.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Produk “{name}” diaktifkan lagi.</source>
        <translation>Product “{name}” activated again.</translation>
    </message>
    <message>
        <source>Produk “{name}” dinonaktifkan.</source>
        <translation>Product “{name}” deactivated.</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Nama koperasi *</source>
        <translation>Cooperative name *</translation>
    </message>
    <message>
        <source>Kode untuk nomor surat *</source>
        <translation>Code for letter numbers *</translation>
    </message>
    <message>
        <source>Nomor Badan Hukum</source>
        <translation>Legal entity number</translation>
    </message>
    <message>
        <source>Tanggal Badan Hukum</source>
        <translation>Legal entity date</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Kota/Kabupaten</source>
        <translation>City/Regency</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Ketua</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Sekretaris</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>Bendahara</source>
        <translation>Treasurer</translation>
    </message>
    <message>
        <source>Manajer</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Ketua Pengawas</source>
        <translation>Chair of the Supervisors</translation>
    </message>
    <message>
        <source>misalnya KSP Guyub Rukun</source>
        <translation>e.g. KSP Guyub Rukun</translation>
    </message>
    <message>
        <source>misalnya KSP-GR</source>
        <translation>e.g. KSP-GR</translation>
    </message>
    <message>
        <source>misalnya AHU-0001234.AH.01.26.TAHUN 2019</source>
        <translation>e.g. AHU-0001234.AH.01.26.TAHUN 2019</translation>
    </message>
    <message>
        <source>misalnya 24-08-2019</source>
        <translation>e.g. 24-08-2019</translation>
    </message>
    <message>
        <source>Jalan, nomor, kelurahan</source>
        <translation>Street, number, kelurahan</translation>
    </message>
    <message>
        <source>misalnya Kota Mojokerto</source>
        <translation>e.g. Kota Mojokerto</translation>
    </message>
    <message>
        <source>misalnya 0321-123456</source>
        <translation>e.g. 0321-123456</translation>
    </message>
    <message>
        <source>misalnya kspguyubrukun@gmail.com</source>
        <translation>e.g. kspguyubrukun@gmail.com</translation>
    </message>
    <message>
        <source>Data koperasi</source>
        <translation>Cooperative details</translation>
    </message>
    <message>
        <source>Pengurus dan pengawas (untuk tanda tangan surat)</source>
        <translation>Board and supervisors (for signing letters)</translation>
    </message>
    <message>
        <source>nama lengkap</source>
        <translation>full name</translation>
    </message>
    <message>
        <source>Logo (gambar PNG, untuk kop surat)</source>
        <translation>Logo (PNG image, for the letterhead)</translation>
    </message>
    <message>
        <source>Belum ada logo</source>
        <translation>No logo yet</translation>
    </message>
    <message>
        <source>Pilih logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <source>Hapus logo</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <source>Pilih logo koperasi</source>
        <translation>Choose the cooperative&apos;s logo</translation>
    </message>
    <message>
        <source>Gambar PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>File tidak bisa dibaca: {reason}</source>
        <translation>The file cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Logo terlalu besar (lebih dari 2 MB). Pilih gambar yang lebih kecil.</source>
        <translation>The logo is too large (over 2 MB). Choose a smaller image.</translation>
    </message>
    <message>
        <source>File itu bukan gambar PNG. Pilih file .png.</source>
        <translation>That file is not a PNG image. Choose a .png file.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Langkah 1 dari 3: Data koperasi</source>
        <translation>Step 1 of 3: Cooperative details</translation>
    </message>
    <message>
        <source>Isi nama dan kode koperasi. Data lain bisa dilengkapi nanti di menu Pengaturan.</source>
        <translation>Fill in the cooperative&apos;s name and code. The rest can be completed later under Settings.</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>Simpan Profil</source>
        <translation>Save Profile</translation>
    </message>
    <message>
        <source>Hanya Admin atau Pengurus yang boleh mengubah profil koperasi.</source>
        <translation>Only an Admin or a board member may change the cooperative&apos;s profile.</translation>
    </message>
    <message>
        <source>Profil koperasi tersimpan.</source>
        <translation>Cooperative profile saved.</translation>
    </message>
</context>
<context>
    <name>ProgressTask</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PromiseDialog</name>
    <message>
        <source>Catat Janji Bayar</source>
        <translation>Record Payment Promise</translation>
    </message>
    <message>
        <source>Janji bayar selalu dicatat pada sebuah kontak (telepon, kunjungan, di kantor…). Pilih kontaknya; kalau belum dicatat, batal dan klik Catat Kontak.</source>
        <translation>A payment promise is always recorded on a contact (phone call, visit, at the office…). Choose the contact; if it is not recorded yet, cancel and click Record Contact.</translation>
    </message>
    <message>
        <source>Dibuat pada kontak *</source>
        <translation>Made at contact *</translation>
    </message>
    <message>
        <source>Jumlah (Rp) *</source>
        <translation>Amount (Rp) *</translation>
    </message>
    <message>
        <source>Paling lambat tanggal *</source>
        <translation>Due by *</translation>
    </message>
    <message>
        <source>Simpan Janji</source>
        <translation>Save Promise</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Belum ada kontak di kasus ini. Catat kontaknya dulu (tombol Catat Kontak) — janji bayar bisa diisi di sana sekaligus.</source>
        <translation>This case has no contact yet. Record the contact first (Record Contact button) — the payment promise can be filled in there too.</translation>
    </message>
</context>
<context>
    <name>PromiseGroup</name>
    <message>
        <source>Janji bayar</source>
        <translation>Payment promises</translation>
    </message>
    <message>
        <source>Masa tenggang janji</source>
        <translation>Promise grace period</translation>
    </message>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Pembayaran sampai sekian hari sesudah tanggal janji masih dihitung menepati janji.</source>
        <translation>Payments up to this many days after the promised date still count as keeping the promise.</translation>
    </message>
    <message>
        <source>Janji ingkar tetap di Beranda</source>
        <translation>Broken promises stay on Home</translation>
    </message>
    <message>
        <source>Selama itu janji yang diingkari tampil paling atas di daftar kerja.</source>
        <translation>For that long, broken promises show at the top of the work list.</translation>
    </message>
</context>
<context>
    <name>QualityBadge</name>
    <message>
        <source>Kolektibilitas menurut {policy}</source>
        <translation>Quality according to {policy}</translation>
    </message>
</context>
<context>
    <name>QualityGroup</name>
    <message>
        <source>Kolektibilitas (kualitas pinjaman)</source>
        <translation>Loan quality (Kolektibilitas)</translation>
    </message>
    <message>
        <source>Kebijakan</source>
        <translation>Policies</translation>
    </message>
    <message>
        <source>Lama Diragukan</source>
        <translation>Time as Doubtful</translation>
    </message>
    <message>
        <source> bulan</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Pinjaman yang selama ini Diragukan tanpa pembayaran menjadi Macet. Bawaan 12 bulan; sebagian salinan aturan menulis 21 bulan, ikuti Pola Kebijakan koperasi Anda.</source>
        <translation>A loan Doubtful (Diragukan) this long without payment becomes Bad (Macet). Default 12 months; some copies of the rules say 21 months, follow your cooperative&apos;s Policy.</translation>
    </message>
    <message>
        <source>Ukuran tunggakan</source>
        <translation>Arrears measure</translation>
    </message>
    <message>
        <source>Tabel golongan</source>
        <translation>Grade table</translation>
    </message>
    <message>
        <source>Nama di laporan: (tabel belum benar)</source>
        <translation>Name in reports: (table not valid yet)</translation>
    </message>
    <message>
        <source>Nama di laporan: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Name in reports: &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Untuk angsuran bulanan: Lancar bila tunggakan sampai 3 bulan, Kurang Lancar lebih dari 3 sampai 6 bulan; sesudah itu Diragukan selama agunan masih menutup sedikitnya 75 % utang, selain itu Macet.</source>
        <translation>For monthly instalments: Current (Lancar) with arrears up to 3 months, Substandard (Kurang Lancar) over 3 up to 6 months; after that Doubtful (Diragukan) while the collateral still covers at least 75 % of the debt, otherwise Bad (Macet).</translation>
    </message>
</context>
<context>
    <name>QualityLegend</name>
    <message>
        <source>Kolektibilitas menurut {policy}:</source>
        <translation>Quality according to {policy}:</translation>
    </message>
    <message>
        <source>Warna untuk kolektibilitas {word}</source>
        <translation>Colour for quality {word}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Anggota / Pinjaman</source>
        <translation>Member / Loan</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <source>Kertas</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Tidak bisa mencetak</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>Printer tidak bisa dipakai. Periksa printer lalu coba lagi.</source>
        <translation>The printer cannot be used. Check the printer and try again.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Terima Pemulihan</source>
        <translation>Receive Recovery</translation>
    </message>
    <message>
        <source>Simpan Penerimaan</source>
        <translation>Save Receipt</translation>
    </message>
    <message>
        <source>Sisa tagihan ekstrakomptabel: {rest}</source>
        <translation>Remaining off-balance claim: {rest}</translation>
    </message>
    <message>
        <source>Jumlah diterima (Rp) *</source>
        <translation>Amount received (Rp) *</translation>
    </message>
    <message>
        <source>Tanggal *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>ReportChartsView</name>
    <message>
        <source>Per tanggal {date}</source>
        <translation>As of {date}</translation>
    </message>
    <message>
        <source>{n} akhir bulan terakhir dari hasil tutup bulan</source>
        <translation>the last {n} month-ends from the month-end runs</translation>
    </message>
    <message>
        <source>Belum ada hasil tutup bulan</source>
        <translation>No month-end run yet</translation>
    </message>
    <message>
        <source>Grafik Portofolio dan Penagihan</source>
        <translation>Portfolio and Collection Charts</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <source>Cetak Ulang Buku {number}</source>
        <translation>Reprint Book {number}</translation>
    </message>
    <message>
        <source>Baris yang sudah tercetak dicetak lagi di tempat yang sama. Cetak ulang dicatat bersama alasannya.</source>
        <translation>Lines already printed are printed again in the same place. The reprint is recorded with its reason.</translation>
    </message>
    <message>
        <source>Halaman</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Sampai</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Alasan *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>Cetak Ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Atur Ulang Kata Sandi</source>
        <translation>Reset Password</translation>
    </message>
    <message>
        <source>Buat kata sandi sementara untuk {name} ({username}). Sampaikan kepada orangnya langsung; saat masuk berikutnya ia harus menggantinya. Kunci karena salah kata sandi juga dibuka.</source>
        <translation>Make a temporary password for {name} ({username}). Tell it to the person directly; they must change it at their next log-in. A lock after wrong passwords is lifted too.</translation>
    </message>
    <message>
        <source>minimal {n} karakter</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <source>Kata sandi sementara</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>Ulangi kata sandi</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Atur Ulang</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Pulihkan dari Cadangan</source>
        <translation>Restore from Backup</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Semua data di file yang sedang dibuka akan diganti&lt;/b&gt; dengan isi cadangan ini:&lt;/p&gt;&lt;p&gt;{backup}&lt;br&gt;(disimpan {made})&lt;/p&gt;&lt;p&gt;Semua yang dicatat setelah cadangan itu dibuat tidak akan ada lagi di file {current}.&lt;/p&gt;&lt;p&gt;Data saat ini tidak dibuang: lebih dulu disalin ke&lt;br&gt;{aside}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;All data in the open file will be replaced&lt;/b&gt; with the content of this backup:&lt;/p&gt;&lt;p&gt;{backup}&lt;br&gt;(saved {made})&lt;/p&gt;&lt;p&gt;Everything recorded after that backup was made will no longer be in the file {current}.&lt;/p&gt;&lt;p&gt;The current data is not thrown away: it is first copied to&lt;br&gt;{aside}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Untuk melanjutkan, ketik kata {word} di bawah ini:</source>
        <translation>To go on, type the word {word} below:</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Cadangan ini lebih lama.&lt;/b&gt; Isinya sampai {backup_at}; data terbaru yang dikenal sampai {newest_at}. Sebanyak {missing} catatan yang lebih baru tidak ada di cadangan ini.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;This backup is older.&lt;/b&gt; It holds data up to {backup_at}; the newest data known goes up to {newest_at}. {missing} newer records are not in this backup.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Cadangan ini memuat data sampai {backup_at}, tidak lebih lama daripada data terbaru yang dikenal.&lt;/p&gt;</source>
        <translation>&lt;p&gt;This backup holds data up to {backup_at}, no older than the newest data known.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Cadangan ini dibuat sebelum file koperasi diberi tanda pengenal, jadi tidak bisa dipastikan milik koperasi yang sama. Periksa nama file dan tanggalnya.&lt;/p&gt;</source>
        <translation>&lt;p&gt;This backup was made before cooperative files were given an identity, so it cannot be confirmed to belong to the same cooperative. Check the file name and its date.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RestructuredModel</name>
    <message>
        <source>No. Pinjaman</source>
        <translation>Loan No.</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Sisa Pokok Sebelum</source>
        <translation>Principal Left Before</translation>
    </message>
    <message>
        <source>Pokok Baru</source>
        <translation>New Principal</translation>
    </message>
    <message>
        <source>Dijadikan Pokok</source>
        <translation>Made Principal</translation>
    </message>
    <message>
        <source>Dihapus</source>
        <translation>Waived</translation>
    </message>
    <message>
        <source>Syarat Baru</source>
        <translation>New Terms</translation>
    </message>
    <message>
        <source>Angsuran</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <source>Sekarang</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>tidak aktif lagi</source>
        <translation>no longer active</translation>
    </message>
</context>
<context>
    <name>RestructuringWizard</name>
    <message>
        <source>Usulkan Restrukturisasi — {member}, {loan}</source>
        <translation>Propose Restructuring — {member}, {loan}</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Usulkan ke Pengurus</source>
        <translation>Propose to the Board</translation>
    </message>
    <message>
        <source>Pinjaman ini sudah {n} kali direstrukturisasi; usulan ini restrukturisasi ke-{next}.</source>
        <translation>This loan has been restructured {n} times; this proposal is restructuring no. {next}.</translation>
    </message>
    <message>
        <source>Pinjaman ini belum pernah direstrukturisasi.</source>
        <translation>This loan has never been restructured.</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Berlaku per</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <source>Tunggakan</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <source>Pokok baru</source>
        <translation>New principal</translation>
    </message>
    <message>
        <source>Syarat baru</source>
        <translation>New terms</translation>
    </message>
    <message>
        <source>Angsuran</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Perhatian:</source>
        <translation>Please note:</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Batalkan Transaksi {receipt}</source>
        <translation>Cancel Transaction {receipt}</translation>
    </message>
    <message>
        <source>{type} {kind} {amount}, tanggal {date}, kuitansi {receipt}.</source>
        <translation>{type} {kind} {amount}, dated {date}, receipt {receipt}.</translation>
    </message>
    <message>
        <source>misalnya: salah ketik jumlah, seharusnya Rp50.000</source>
        <translation>e.g. wrong amount typed, should be Rp50.000</translation>
    </message>
    <message>
        <source>Alasan pembatalan *</source>
        <translation>Reason for cancelling *</translation>
    </message>
    <message>
        <source>Batalkan Transaksi</source>
        <translation>Cancel Transaction</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>berkurang</source>
        <translation>goes down by</translation>
    </message>
    <message>
        <source>bertambah</source>
        <translation>goes up by</translation>
    </message>
    <message>
        <source>Akibatnya: saldo {kind} {change} {amount} (dari {before} menjadi {after}). Transaksi asli tetap tercatat dengan tanda &apos;dibatalkan&apos;, dan pembatalan ini tidak bisa dibatalkan lagi.</source>
        <translation>As a result: the {kind} balance {change} {amount} (from {before} to {after}). The original transaction stays on record marked &apos;cancelled&apos;, and this cancellation cannot be undone.</translation>
    </message>
    <message>
        <source>Tulis alasan pembatalan dengan jelas.</source>
        <translation>Write the reason for cancelling clearly.</translation>
    </message>
    <message>
        <source>Batalkan transaksi?</source>
        <translation>Cancel the transaction?</translation>
    </message>
    <message>
        <source>Lanjutkan pembatalan {receipt}?</source>
        <translation>Go on cancelling {receipt}?</translation>
    </message>
    <message>
        <source>Ya, batalkan transaksi</source>
        <translation>Yes, cancel the transaction</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ReversePaymentDialog</name>
    <message>
        <source>Batalkan Pembayaran {receipt}</source>
        <translation>Cancel Payment {receipt}</translation>
    </message>
    <message>
        <source>misalnya: salah ketik jumlah, seharusnya Rp500.000</source>
        <translation>e.g. wrong amount typed, should be Rp500.000</translation>
    </message>
    <message>
        <source>Alasan pembatalan *</source>
        <translation>Reason for cancelling *</translation>
    </message>
    <message>
        <source>Batalkan Pembayaran</source>
        <translation>Cancel Payment</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>{what} {amount}, tanggal {date}, kuitansi {receipt}.</source>
        <translation>{what} {amount}, dated {date}, receipt {receipt}.</translation>
    </message>
    <message>
        <source>pokok</source>
        <translation>principal</translation>
    </message>
    <message>
        <source>jasa</source>
        <translation>interest</translation>
    </message>
    <message>
        <source>denda</source>
        <translation>late fee</translation>
    </message>
    <message>
        <source>titipan {amount}</source>
        <translation>deposit {amount}</translation>
    </message>
    <message>
        <source>Akibatnya: {parts} kembali menjadi tunggakan</source>
        <translation>As a result: {parts} become arrears again</translation>
    </message>
    <message>
        <source>jumlahnya</source>
        <translation>the amount</translation>
    </message>
    <message>
        <source> pada angsuran ke-{numbers}</source>
        <translation> on instalment no. {numbers}</translation>
    </message>
    <message>
        <source>Denda bisa bertambah dan kolektibilitas bisa turun. Kuitansi asli tetap tercatat dengan tanda DIBATALKAN, dan pembatalan ini tidak bisa dibatalkan lagi.</source>
        <translation>Late fees may grow and the loan quality may drop. The original receipt stays on record marked CANCELLED, and this cancellation cannot be undone.</translation>
    </message>
    <message>
        <source>Pinjaman yang sudah lunas akan aktif kembali.</source>
        <translation>A loan already paid off becomes active again.</translation>
    </message>
    <message>
        <source>Tulis alasan pembatalan dengan jelas.</source>
        <translation>Write the reason for cancelling clearly.</translation>
    </message>
    <message>
        <source>Batalkan pembayaran?</source>
        <translation>Cancel the payment?</translation>
    </message>
    <message>
        <source>Lanjutkan pembatalan {receipt}?</source>
        <translation>Go on cancelling {receipt}?</translation>
    </message>
    <message>
        <source>Ya, batalkan pembayaran</source>
        <translation>Yes, cancel the payment</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>SavingsDialog</name>
    <message>
        <source>Penarikan Simpanan</source>
        <translation>Savings Withdrawal</translation>
    </message>
    <message>
        <source>Setoran Simpanan</source>
        <translation>Savings Deposit</translation>
    </message>
    <message>
        <source>Jenis simpanan</source>
        <translation>Kind of savings</translation>
    </message>
    <message>
        <source>Jumlah (Rp) *</source>
        <translation>Amount (Rp) *</translation>
    </message>
    <message>
        <source>Tanggal *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Simpan Penarikan</source>
        <translation>Save Withdrawal</translation>
    </message>
    <message>
        <source>Simpan Setoran</source>
        <translation>Save Deposit</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Saldo {kind} sekarang: {amount}</source>
        <translation>Current {kind} balance: {amount}</translation>
    </message>
    <message>
        <source>{monthly} per bulan; belum dibayar {months} bulan.</source>
        <translation>{monthly} per month; {months} months unpaid.</translation>
    </message>
    <message>
        <source>Penarikan</source>
        <translation>Withdrawal</translation>
    </message>
    <message>
        <source>Setoran</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>{what} {kind} {amount} untuk {name} tersimpan.</source>
        <translation>{what} {kind} {amount} for {name} saved.</translation>
    </message>
    <message>
        <source>No. Kuitansi: {receipt}</source>
        <translation>Receipt no.: {receipt}</translation>
    </message>
    <message>
        <source>{what} tersimpan</source>
        <translation>{what} saved</translation>
    </message>
</context>
<context>
    <name>SavingsHistoryModel</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>No. Kuitansi</source>
        <translation>Receipt No.</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Transaksi</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>dibatalkan</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>membatalkan {receipt}</source>
        <translation>cancels {receipt}</translation>
    </message>
    <message>
        <source>alasan: {reason}</source>
        <translation>reason: {reason}</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>Ke</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Jatuh Tempo</source>
        <translation>Due Date</translation>
    </message>
    <message>
        <source>Pokok</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Jasa</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Angsuran</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <source>Sudah Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Denda</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <source>Belum Dibayar</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Pokok dan jasa yang sudah dibayar (atau diringankan)</source>
        <translation>Principal and interest already paid (or waived)</translation>
    </message>
    <message>
        <source>Denda keterlambatan angsuran ini sampai hari ini</source>
        <translation>Late fees on this instalment up to today</translation>
    </message>
    <message>
        <source>Yang belum dibayar: pokok + jasa + denda</source>
        <translation>Still unpaid: principal + interest + late fees</translation>
    </message>
    <message>
        <source>Jatuh Tempo Hari Ini</source>
        <translation>Due Today</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Hubungkan ke Server Kantor</source>
        <translation>Connect to the Office Server</translation>
    </message>
    <message>
        <source>Isi alamat PC server kantor seperti yang diberikan saat server disiapkan. Tanyakan kepada pengurus bila belum tahu.</source>
        <translation>Enter the address of the office server PC as given when the server was set up. Ask the board if you do not know it.</translation>
    </message>
    <message>
        <source>misalnya 192.168.1.10 atau SERVER-KANTOR</source>
        <translation>for example 192.168.1.10 or OFFICE-SERVER</translation>
    </message>
    <message>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Nama database</source>
        <translation>Database name</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Ingat kata sandi di PC ini</source>
        <translation>Remember the password on this PC</translation>
    </message>
    <message>
        <source>Tanpa centang, kata sandi diminta lagi setiap kali. Alamat selalu diingat.</source>
        <translation>Unticked, the password is asked for every time. The address is always remembered.</translation>
    </message>
    <message>
        <source>Uji Koneksi</source>
        <translation>Test Connection</translation>
    </message>
    <message>
        <source>Hubungkan</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SetoffDialog</name>
    <message>
        <source>Kompensasi Simpanan</source>
        <translation>Savings Set-off</translation>
    </message>
    <message>
        <source>Simpanan anggota dipakai untuk membayar pinjamannya, hanya dengan persetujuan tertulis anggota. Setelah diusulkan, simpanan baru ditarik saat Pengurus (bukan pengusul) menyetujui.</source>
        <translation>The member&apos;s savings pay off their loan, only with the member&apos;s written consent. After the proposal, the savings are withdrawn only when a board member (not the proposer) approves.</translation>
    </message>
    <message>
        <source>Tanggal kompensasi *</source>
        <translation>Set-off date *</translation>
    </message>
    <message>
        <source>Simpanan yang dipakai</source>
        <translation>Savings used</translation>
    </message>
    <message>
        <source>saldo {amount}</source>
        <translation>balance {amount}</translation>
    </message>
    <message>
        <source>Persetujuan anggota (wajib)</source>
        <translation>Member&apos;s consent (required)</translation>
    </message>
    <message>
        <source>nomor surat pernyataan yang ditandatangani</source>
        <translation>number of the signed statement letter</translation>
    </message>
    <message>
        <source>Diberikan oleh *</source>
        <translation>Given by *</translation>
    </message>
    <message>
        <source>Tanggal persetujuan *</source>
        <translation>Consent date *</translation>
    </message>
    <message>
        <source>No. surat pernyataan *</source>
        <translation>Statement letter no. *</translation>
    </message>
    <message>
        <source>Usulkan Kompensasi</source>
        <translation>Propose Set-off</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kompensasi diusulkan oleh Manajer atau Pengurus.</source>
        <translation>A set-off is proposed by the Manager or a board member.</translation>
    </message>
    <message>
        <source>Tunggakan sekarang {due}; pelunasan seluruhnya {payoff}. Dikompensasikan: &lt;b&gt;{total}&lt;/b&gt;.</source>
        <translation>Arrears now {due}; full payoff {payoff}. Set off: &lt;b&gt;{total}&lt;/b&gt;.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Profil Koperasi</source>
        <translation>Cooperative Profile</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Kata Sandi Saya</source>
        <translation>My Password</translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Umum</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Kalimat Surat</source>
        <translation>Letter Wording</translation>
    </message>
    <message>
        <source>Kebijakan</source>
        <translation>Policies</translation>
    </message>
    <message>
        <source>Produk Pinjaman</source>
        <translation>Loan Products</translation>
    </message>
    <message>
        <source>Buku Simpanan</source>
        <translation>Savings Passbook</translation>
    </message>
    <message>
        <source>Akun</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>SHU</source>
        <translation>SHU</translation>
    </message>
</context>
<context>
    <name>SettlementDialog</name>
    <message>
        <source>Hitung Pelunasan dengan Keringanan</source>
        <translation>Work Out Payoff with Relief</translation>
    </message>
    <message>
        <source>Dihitung per tanggal *</source>
        <translation>Worked out as of *</translation>
    </message>
    <message>
        <source>misalnya: anggota sanggup melunasi dari hasil jual motor</source>
        <translation>e.g. the member can pay off from selling a motorbike</translation>
    </message>
    <message>
        <source>Penawaran berlaku sampai *</source>
        <translation>Offer valid until *</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Usulkan Penawaran</source>
        <translation>Propose Offer</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Penawaran diusulkan oleh Manajer atau Pengurus. Anda bisa menghitung di sini dan menyampaikan hasilnya.</source>
        <translation>An offer is proposed by the Manager or a board member. You can work it out here and pass on the result.</translation>
    </message>
    <message>
        <source>Rincian per komponen</source>
        <translation>Details per component</translation>
    </message>
    <message>
        <source>Komponen</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Terutang</source>
        <translation>Owed</translation>
    </message>
    <message>
        <source>Batas tanpa rapat</source>
        <translation>Limit without a meeting</translation>
    </message>
    <message>
        <source>Keringanan (Rp)</source>
        <translation>Relief (Rp)</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Isi Keringanan Terbesar Tanpa Rapat</source>
        <translation>Fill In Largest Relief Without a Meeting</translation>
    </message>
    <message>
        <source>Kosongkan Keringanan</source>
        <translation>Clear Relief</translation>
    </message>
    <message>
        <source>Terutang {owed} − keringanan {waived} − titipan {titipan} = &lt;b&gt;dibayar {agreed}&lt;/b&gt; ({words}).</source>
        <translation>Owed {owed} − relief {waived} − deposit {titipan} = &lt;b&gt;paid {agreed}&lt;/b&gt; ({words}).</translation>
    </message>
    <message>
        <source>Keringanan {parts} melampaui batas kewenangan: penawaran ini perlu persetujuan dua Pengurus dengan nomor notulen rapat pengurus.</source>
        <translation>Relief on {parts} exceeds the authority limit: this offer needs approval by two board members with the board meeting minutes number.</translation>
    </message>
    <message>
        <source>Dalam batas kewenangan: cukup disetujui satu Pengurus.</source>
        <translation>Within the authority limit: one board member&apos;s approval is enough.</translation>
    </message>
</context>
<context>
    <name>SettlementGroup</name>
    <message>
        <source>Pelunasan dengan keringanan</source>
        <translation>Payoff with relief</translation>
    </message>
    <message>
        <source>Keringanan denda paling banyak</source>
        <translation>Late fee relief at most</translation>
    </message>
    <message>
        <source>Keringanan jasa paling banyak</source>
        <translation>Interest relief at most</translation>
    </message>
    <message>
        <source>Keringanan pokok paling banyak</source>
        <translation>Principal relief at most</translation>
    </message>
    <message>
        <source>Persen dari tunggakan bagian itu. Dalam batas ini cukup disetujui satu Pengurus; di atasnya perlu dua Pengurus dan nomor notulen rapat.</source>
        <translation>Percent of the arrears of that part. Within this limit one board member&apos;s approval is enough; above it, two board members and the meeting minutes number are needed.</translation>
    </message>
    <message>
        <source>Tawaran berlaku selama</source>
        <translation>Offer valid for</translation>
    </message>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
</context>
<context>
    <name>SettlementPayDialog</name>
    <message>
        <source>Terima Pelunasan dengan Keringanan</source>
        <translation>Receive Payoff with Relief</translation>
    </message>
    <message>
        <source>Penawaran {number}: {member}, pinjaman {loan}.&lt;br&gt;Jumlah yang disepakati: &lt;b&gt;{amount}&lt;/b&gt; ({words}), berlaku sampai {until}.</source>
        <translation>Offer {number}: {member}, loan {loan}.&lt;br&gt;Agreed amount: &lt;b&gt;{amount}&lt;/b&gt; ({words}), valid until {until}.</translation>
    </message>
    <message>
        <source>Tanggal diterima *</source>
        <translation>Date received *</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Terima dan Tutup Pinjaman</source>
        <translation>Receive and Close Loan</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Terima pelunasan?</source>
        <translation>Receive the payoff?</translation>
    </message>
    <message>
        <source>Keringanan yang disepakati dihapus dan pinjaman {loan} DITUTUP sebagai lunas dengan keringanan. Kasusnya selesai. Langkah ini tidak bisa dibatalkan di sini. Lanjutkan?</source>
        <translation>The agreed relief is waived and loan {loan} is CLOSED as paid off with relief. Its case is closed. This step cannot be undone here. Continue?</translation>
    </message>
    <message>
        <source>Ya, terima</source>
        <translation>Yes, receive</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ShuTab</name>
    <message>
        <source>Pembagian SHU menurut AD/ART (jumlah harus tepat 100%)</source>
        <translation>SHU allocation per the articles (must total exactly 100%)</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Dasar JMA</source>
        <translation>JMA basis</translation>
    </message>
    <message>
        <source>Termasuk simpanan sukarela</source>
        <translation>Include voluntary savings</translation>
    </message>
    <message>
        <source>Dasar JUA</source>
        <translation>JUA basis</translation>
    </message>
    <message>
        <source>Pajak penghasilan tahunan (dibukukan saat tutup buku)</source>
        <translation>Annual income tax (booked at the year-end close)</translation>
    </message>
    <message>
        <source>Rezim pajak</source>
        <translation>Tax regime</translation>
    </message>
    <message>
        <source>mis. 2023 (berlaku 4 tahun pajak)</source>
        <translation>e.g. 2023 (applies for 4 tax years)</translation>
    </message>
    <message>
        <source>Tahun mulai PPh final 0,5%</source>
        <translation>First year of 0.5% final tax</translation>
    </message>
    <message>
        <source>Tarif PPh badan (%)</source>
        <translation>Corporate tax rate (%)</translation>
    </message>
    <message>
        <source>Fasilitas Pasal 31E</source>
        <translation>Article 31E facility</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Tahun buku</source>
        <translation>Book year</translation>
    </message>
    <message>
        <source>Simpan Daftar SHU (PDF)</source>
        <translation>Save SHU list (PDF)</translation>
    </message>
    <message>
        <source> — harus tepat 100%</source>
        <translation> — must be exactly 100%</translation>
    </message>
    <message>
        <source>Pengaturan SHU disimpan.</source>
        <translation>SHU settings saved.</translation>
    </message>
    <message>
        <source>Simpan Daftar SHU</source>
        <translation>Save SHU list</translation>
    </message>
    <message>
        <source>Daftar SHU disimpan ke {p}.</source>
        <translation>SHU list saved to {p}.</translation>
    </message>
</context>
<context>
    <name>SimulationDialog</name>
    <message>
        <source>Buka Simulasi Pinjaman dari bagian Pinjaman untuk mencetaknya.</source>
        <translation>Open Loan Simulation from the Loans section to print it.</translation>
    </message>
    <message>
        <source>Simulasi Pinjaman</source>
        <translation>Loan Simulation</translation>
    </message>
    <message>
        <source>Ketentuan Pinjaman</source>
        <translation>Loan Terms</translation>
    </message>
    <message>
        <source>— isi sendiri —</source>
        <translation>— fill in yourself —</translation>
    </message>
    <message>
        <source>Pilih produk untuk mengisi bunga dan metodenya</source>
        <translation>Choose a product to fill in its interest and method</translation>
    </message>
    <message>
        <source>misalnya 1,5</source>
        <translation>e.g. 1,5</translation>
    </message>
    <message>
        <source> bulan</source>
        <translation> months</translation>
    </message>
    <message>
        <source>dibulatkan ke atas</source>
        <translation>rounded up</translation>
    </message>
    <message>
        <source>Bulan-bulan pertama yang hanya membayar jasa</source>
        <translation>First months paying interest only</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Pokok pinjaman (Rp)</source>
        <translation>Loan principal (Rp)</translation>
    </message>
    <message>
        <source>Jasa per bulan (%)</source>
        <translation>Interest per month (%)</translation>
    </message>
    <message>
        <source>Metode</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Jangka waktu</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Angsuran pertama</source>
        <translation>First instalment</translation>
    </message>
    <message>
        <source>Pembulatan</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <source>Tenggang pokok</source>
        <translation>Principal grace period</translation>
    </message>
    <message>
        <source>Cari jangka waktu dari angsuran</source>
        <translation>Find the term from the instalment</translation>
    </message>
    <message>
        <source>angsuran yang sanggup dibayar</source>
        <translation>instalment the member can afford</translation>
    </message>
    <message>
        <source>Hitung Jangka Waktu</source>
        <translation>Work Out Term</translation>
    </message>
    <message>
        <source>Angsuran (Rp)</source>
        <translation>Instalment (Rp)</translation>
    </message>
    <message>
        <source>Cetak / Simpan PDF…</source>
        <translation>Print / Save PDF…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lengkapi ketentuan di sebelah kiri.</source>
        <translation>Complete the terms on the left.</translation>
    </message>
    <message>
        <source>{amount}, jasa {rate}, metode {method}, {months} bulan</source>
        <translation>{amount}, interest {rate}, {method} method, {months} months</translation>
    </message>
    <message>
        <source>Angsuran per bulan: &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Instalment per month: &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Total jasa: &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Total interest: &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Total dibayar: &lt;b&gt;{amount}&lt;/b&gt; (pokok {pokok})</source>
        <translation>Total paid: &lt;b&gt;{amount}&lt;/b&gt; (principal {pokok})</translation>
    </message>
    <message>
        <source>Angsuran terakhir {amount} (sisa pembulatan).</source>
        <translation>Last instalment {amount} (rounding remainder).</translation>
    </message>
    <message>
        <source>Bunga efektif (setara menurun/anuitas): &lt;b&gt;{year} per tahun&lt;/b&gt; (± {month} per bulan).</source>
        <translation>Effective interest (declining/annuity equivalent): &lt;b&gt;{year} per year&lt;/b&gt; (± {month} per month).</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Mufakat</source>
        <translation>Mufakat</translation>
    </message>
    <message>
        <source>Selamat datang di Mufakat</source>
        <translation>Welcome to Mufakat</translation>
    </message>
    <message>
        <source>Program simpan pinjam dan penanganan pinjaman bermasalah untuk koperasi. Pilih salah satu untuk memulai:</source>
        <translation>Savings, loans and problem-loan handling for cooperatives. Choose one to begin:</translation>
    </message>
    <message>
        <source>Buat Koperasi Baru</source>
        <translation>Create a New Cooperative</translation>
    </message>
    <message>
        <source>Pertama kali memakai Mufakat: isi data koperasi dan pengguna pertama.</source>
        <translation>Using Mufakat for the first time: enter the cooperative&apos;s details and the first user.</translation>
    </message>
    <message>
        <source>Buka Koperasi Contoh</source>
        <translation>Open the Demo Cooperative</translation>
    </message>
    <message>
        <source>Coba program dengan data contoh KSP Guyub Rukun (bukan data sungguhan).</source>
        <translation>Try the program with the demo data of KSP Guyub Rukun (not real data).</translation>
    </message>
    <message>
        <source>Buka File Database…</source>
        <translation>Open Database File…</translation>
    </message>
    <message>
        <source>Sudah punya file database koperasi (.db), misalnya dari komputer lain.</source>
        <translation>You already have a cooperative database file (.db), for example from another computer.</translation>
    </message>
    <message>
        <source>Hubungkan ke Server…</source>
        <translation>Connect to Server…</translation>
    </message>
    <message>
        <source>Kantor dengan beberapa PC: pakai database di PC server kantor.</source>
        <translation>An office with several PCs: use the database on the office server PC.</translation>
    </message>
    <message>
        <source>File tidak bisa dibuka</source>
        <translation>The file cannot be opened</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>Buka file database koperasi</source>
        <translation>Open a cooperative database file</translation>
    </message>
    <message>
        <source>Database Mufakat (*.db);;Semua file (*)</source>
        <translation>Mufakat database (*.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <source>Cetak Rekening Simpanan</source>
        <translation>Print Savings Statement</translation>
    </message>
    <message>
        <source>Dari tanggal</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Sampai tanggal</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan rekening simpanan</source>
        <translation>Save savings statement</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>File tidak bisa ditulis: {error}</source>
        <translation>The file cannot be written: {error}</translation>
    </message>
</context>
<context>
    <name>StatementsTab</name>
    <message>
        <source>Tahun buku</source>
        <translation>Book year</translation>
    </message>
    <message>
        <source>{title}…</source>
        <translation>{title}…</translation>
    </message>
    <message>
        <source>Simpanan pokok dan wajib disajikan sebagai {choice} (Pengaturan → Akun). Pilihan ini dicetak pada laporan.</source>
        <translation>Entry and mandatory savings are presented as {choice} (Settings → Accounts). The choice is printed on the statements.</translation>
    </message>
    <message>
        <source>ekuitas</source>
        <translation>equity</translation>
    </message>
    <message>
        <source>liabilitas</source>
        <translation>liabilities</translation>
    </message>
    <message>
        <source>Per {end}: jumlah aset {a} · kewajiban {k} · ekuitas {e} · SHU setelah pajak tahun {y}: {s}</source>
        <translation>As of {end}: total assets {a} · liabilities {k} · equity {e} · surplus after tax {y}: {s}</translation>
    </message>
    <message>
        <source>Laporan tidak bisa dibuat</source>
        <translation>The statement cannot be made</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Ubah Status Kasus</source>
        <translation>Change Case Status</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Status baru</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>Alasan *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>Status biasanya berubah sendiri (kontak, janji bayar, keputusan). Selesai lewat Tutup Kasus; Hapus Buku lewat keputusan hapus buku.</source>
        <translation>The status usually changes by itself (contacts, payment promises, decisions). Closed is set with Close Case; Write-off through a write-off decision.</translation>
    </message>
    <message>
        <source>Ubah Status Anggota</source>
        <translation>Change Member Status</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; · No. Anggota {number} · sekarang &lt;b&gt;{status}&lt;/b&gt;.&lt;br&gt;Anggota tidak pernah dihapus: data dan riwayatnya tetap tersimpan.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; · Member no. {number} · now &lt;b&gt;{status}&lt;/b&gt;.&lt;br&gt;Members are never deleted: their data and history stay stored.</translation>
    </message>
    <message>
        <source>Keluar (berhenti menjadi anggota)</source>
        <translation>Left (no longer a member)</translation>
    </message>
    <message>
        <source>Meninggal dunia</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>Aktif kembali</source>
        <translation>Active again</translation>
    </message>
    <message>
        <source>misalnya: pindah ke luar kota, surat tanggal …</source>
        <translation>e.g. moved out of town, letter dated …</translation>
    </message>
    <message>
        <source>Sejak tanggal *</source>
        <translation>Since *</translation>
    </message>
    <message>
        <source>Keterangan *</source>
        <translation>Notes *</translation>
    </message>
    <message>
        <source>Simpan Status</source>
        <translation>Save Status</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpanan masih ada</source>
        <translation>Savings still held</translation>
    </message>
    <message>
        <source>{name} masih punya simpanan {amount}. Setelah status diubah, simpanan tidak bisa disetor lagi tetapi tetap bisa ditarik atau diperhitungkan. Simpan status {status}?</source>
        <translation>{name} still has savings of {amount}. After the status change no more deposits can be made, but the savings can still be withdrawn or set off. Save status {status}?</translation>
    </message>
    <message>
        <source>Ya, simpan status</source>
        <translation>Yes, save the status</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>SubLedgerModel</name>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Akun</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Langkah 3 dari 3: Periksa dan simpan</source>
        <translation>Step 3 of 3: Check and save</translation>
    </message>
    <message>
        <source>Periksa data di bawah. Klik Buat Koperasi untuk membuat file database.</source>
        <translation>Check the details below. Click Create Cooperative to create the database file.</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Simpan file di</source>
        <translation>Save the file in</translation>
    </message>
    <message>
        <source>&lt;b&gt;Koperasi:&lt;/b&gt; {name} (kode {code})&lt;br&gt;&lt;b&gt;Alamat:&lt;/b&gt; {address}&lt;br&gt;&lt;br&gt;&lt;b&gt;Pengguna pertama:&lt;/b&gt; {full_name} — {role}, {position}&lt;br&gt;&lt;b&gt;Nama pengguna:&lt;/b&gt; {username}</source>
        <translation>&lt;b&gt;Cooperative:&lt;/b&gt; {name} (code {code})&lt;br&gt;&lt;b&gt;Address:&lt;/b&gt; {address}&lt;br&gt;&lt;br&gt;&lt;b&gt;First user:&lt;/b&gt; {full_name} — {role}, {position}&lt;br&gt;&lt;b&gt;User name:&lt;/b&gt; {username}</translation>
    </message>
    <message>
        <source>Simpan database koperasi</source>
        <translation>Save the cooperative database</translation>
    </message>
    <message>
        <source>Database Mufakat (*.db)</source>
        <translation>Mufakat database (*.db)</translation>
    </message>
    <message>
        <source>Langkah 8 dari 8: Periksa dan simpan</source>
        <translation>Step 8 of 8: Check and save</translation>
    </message>
    <message>
        <source>Periksa sekali lagi. Klik Simpan Pinjaman untuk menyimpan.</source>
        <translation>Check once more. Click Save Loan to save.</translation>
    </message>
    <message>
        <source>Langkah 6 dari 6: Periksa dan usulkan</source>
        <translation>Step 6 of 6: Check and propose</translation>
    </message>
    <message>
        <source>Usulan ini dikirim ke Pengurus. Pinjaman baru berubah setelah disetujui Pengurus yang bukan pengusul.</source>
        <translation>This proposal goes to the board. The loan changes only after a board member other than the proposer approves it.</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Kembalikan ke bawaan</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>Kalimat pada surat:</source>
        <translation>Wording in the letter:</translation>
    </message>
    <message>
        <source>Isian yang bisa dipakai: {names}</source>
        <translation>Fields you can use: {names}</translation>
    </message>
    <message>
        <source>Kalimat koperasi sendiri</source>
        <translation>The cooperative&apos;s own wording</translation>
    </message>
    <message>
        <source>Bawaan</source>
        <translation>Default</translation>
    </message>
</context>
<context>
    <name>TermsPage</name>
    <message>
        <source>Langkah 4 dari 6: Syarat baru</source>
        <translation>Step 4 of 6: New terms</translation>
    </message>
    <message>
        <source>Jasa per bulan, jangka waktu, metode dan angsuran pertama.</source>
        <translation>Interest per month, term, method and first instalment.</translation>
    </message>
    <message>
        <source> bulan</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Jasa per bulan (%) *</source>
        <translation>Interest per month (%) *</translation>
    </message>
    <message>
        <source>Jangka waktu *</source>
        <translation>Term *</translation>
    </message>
    <message>
        <source>Metode *</source>
        <translation>Method *</translation>
    </message>
    <message>
        <source>Angsuran pertama *</source>
        <translation>First instalment *</translation>
    </message>
    <message>
        <source>Masa tenggang pokok</source>
        <translation>Principal grace period</translation>
    </message>
    <message>
        <source>Penjadwalan kembali memakai jasa yang sama dengan pinjaman lama.</source>
        <translation>Rescheduling uses the same interest as the old loan.</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Apa yang terjadi</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
</context>
<context>
    <name>TitipanDialog</name>
    <message>
        <source>Titipan Pinjaman</source>
        <translation>Loan Advance</translation>
    </message>
    <message>
        <source>Titipan yang ada: {amount}</source>
        <translation>Advance held: {amount}</translation>
    </message>
    <message>
        <source>Dikembalikan kepada anggota</source>
        <translation>Paid back to the member</translation>
    </message>
    <message>
        <source>Dipindahkan ke Simpanan Sukarela anggota</source>
        <translation>Moved to the member&apos;s voluntary savings</translation>
    </message>
    <message>
        <source>Jumlah (Rp) *</source>
        <translation>Amount (Rp) *</translation>
    </message>
    <message>
        <source>Tanggal *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Sesuai pilihan anggota. Pemindahan ke simpanan sukarela dicatat sebagai setoran sukarela dengan kuitansinya sendiri.</source>
        <translation>As the member chooses. A move to voluntary savings is recorded as a voluntary deposit with its own receipt.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{amount} dipindahkan ke simpanan sukarela {name}, kuitansi {receipt}.</source>
        <translation>{amount} moved to the voluntary savings of {name}, receipt {receipt}.</translation>
    </message>
    <message>
        <source>{amount} dikembalikan kepada {name}.</source>
        <translation>{amount} paid back to {name}.</translation>
    </message>
    <message>
        <source>Titipan tersimpan</source>
        <translation>Advance recorded</translation>
    </message>
</context>
<context>
    <name>TreatmentPage</name>
    <message>
        <source>Langkah 3 dari 6: Tunggakan diapakan</source>
        <translation>Step 3 of 6: What happens to the arrears</translation>
    </message>
    <message>
        <source>Untuk tiap bagian tunggakan pilih: dihapus, dijadikan pokok baru, ditambahkan ke angsuran pertama, atau tetap ditagih.</source>
        <translation>For each part of the arrears choose: waived, made new principal, added to the first instalment, or still charged.</translation>
    </message>
    <message>
        <source>Penjadwalan kembali tidak menghapus dan tidak menjadikan jasa/denda pokok; penghapusan tunggakan pokok hanya lewat Penataan Kembali.</source>
        <translation>Rescheduling neither waives interest/late fees nor turns them into principal; principal arrears can only be waived through Restructuring (Penataan Kembali).</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Sisa pokok per kolektibilitas dan rasio NPL</source>
        <translation>Outstanding principal by class and NPL ratio</translation>
    </message>
    <message>
        <source>juta rupiah</source>
        <translation>million rupiah</translation>
    </message>
    <message>
        <source>NPL (%)</source>
        <translation>NPL (%)</translation>
    </message>
</context>
<context>
    <name>TrialBalanceModel</name>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama Akun</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>Debet</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>Kredit</source>
        <translation>Credit</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Tambah Pengguna</source>
        <translation>Add User</translation>
    </message>
    <message>
        <source>Ubah Pengguna</source>
        <translation>Edit User</translation>
    </message>
    <message>
        <source>huruf kecil tanpa spasi, misalnya siti</source>
        <translation>lower case without spaces, e.g. siti</translation>
    </message>
    <message>
        <source>misalnya Bendahara, Kasir</source>
        <translation>e.g. Treasurer, Cashier</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Peran Ketua, Pengurus, Pengawas dan Manajer baru berlaku setelah disetujui Ketua/Pengurus lain di Beranda.</source>
        <translation>The Chair, Board, Supervisor and Manager roles take effect only once another chair/board member approves them on the Home page.</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Aktif (boleh masuk)</source>
        <translation>Active (may log in)</translation>
    </message>
    <message>
        <source>minimal {n} karakter</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <source>Kata sandi sementara</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>Ulangi kata sandi</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Pengguna baru harus mengganti kata sandi ini saat pertama kali masuk.</source>
        <translation>The new user must change this password at their first log-in.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UserPage</name>
    <message>
        <source>Langkah 2 dari 3: Pengguna pertama</source>
        <translation>Step 2 of 3: First user</translation>
    </message>
    <message>
        <source>Pengguna pertama adalah Ketua/Pengurus atau Admin. Pengguna lain bisa ditambahkan nanti di Pengaturan → Pengguna.</source>
        <translation>The first user is the Chair/a board member or an Admin. Other users can be added later under Settings → Users.</translation>
    </message>
    <message>
        <source>misalnya Budi Santoso</source>
        <translation>e.g. Budi Santoso</translation>
    </message>
    <message>
        <source>Ketua</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>huruf kecil tanpa spasi, misalnya budi</source>
        <translation>lower case without spaces, e.g. budi</translation>
    </message>
    <message>
        <source>minimal {n} karakter</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Nama pengguna (untuk masuk)</source>
        <translation>User name (to log in)</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Ulangi kata sandi</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Isi nama lengkap.</source>
        <translation>Fill in the full name.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Nama Pengguna</source>
        <translation>User Name</translation>
    </message>
    <message>
        <source>Nama Lengkap</source>
        <translation>Full Name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Terkunci sampai {time}</source>
        <translation>Locked until {time}</translation>
    </message>
    <message>
        <source>Peran menunggu persetujuan Pengurus</source>
        <translation>Role awaiting board approval</translation>
    </message>
    <message>
        <source>Aktif (harus ganti kata sandi)</source>
        <translation>Active (must change password)</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Anda dapat melihat daftar pengguna. Hanya Admin yang boleh menambah, mengubah atau mengatur ulang kata sandi.</source>
        <translation>You can see the list of users. Only an Admin may add users, change them or reset passwords.</translation>
    </message>
    <message>
        <source>Tambah Pengguna…</source>
        <translation>Add User…</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Atur Ulang Kata Sandi…</source>
        <translation>Reset Password…</translation>
    </message>
    <message>
        <source>Hanya Admin yang boleh mengatur pengguna.</source>
        <translation>Only an Admin may manage users.</translation>
    </message>
</context>
<context>
    <name>WaiverDialog</name>
    <message>
        <source>Hapuskan Denda (Keringanan)</source>
        <translation>Waive Late Fees (Relief)</translation>
    </message>
    <message>
        <source>Denda</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <source>Jasa</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>misalnya: anggota sakit dirawat, diputuskan rapat pengurus 3 November</source>
        <translation>e.g. the member was in hospital, decided by the board meeting of 3 November</translation>
    </message>
    <message>
        <source>Yang diringankan</source>
        <translation>What is waived</translation>
    </message>
    <message>
        <source>Per tanggal</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Jumlah (Rp) *</source>
        <translation>Amount (Rp) *</translation>
    </message>
    <message>
        <source>Alasan *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>Keringanan dicatat dengan nama yang menyetujui dan alasannya, dan tidak bisa diubah; bila salah, batalkan lewat Batalkan Pembayaran.</source>
        <translation>Relief is recorded with the approver&apos;s name and the reason, and cannot be changed; if wrong, undo it with Cancel Payment.</translation>
    </message>
    <message>
        <source>Simpan Keringanan</source>
        <translation>Save Relief</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tunggakan {what} pada tanggal itu: {amount}</source>
        <translation>{what} arrears on that date: {amount}</translation>
    </message>
    <message>
        <source>Keringanan tersimpan</source>
        <translation>Relief saved</translation>
    </message>
    <message>
        <source>{what} {amount} untuk {name} dihapuskan, disetujui {approver}.</source>
        <translation>{what} {amount} for {name} waived, approved by {approver}.</translation>
    </message>
</context>
<context>
    <name>WriteoffDialog</name>
    <message>
        <source>Usulkan Hapus Buku</source>
        <translation>Propose Write-off (Hapus Buku)</translation>
    </message>
    <message>
        <source>Hapus buku mengeluarkan pinjaman dari neraca; pinjaman tetap ditagih dan dicatat di Daftar Ekstrakomptabel. Semua syarat di bawah dibaca dari data. Setelah diusulkan: Pengawas menulis catatan, lalu Ketua dan satu Pengurus lain (keduanya bukan pengusul) menyetujui, dan hapus buku dilaporkan di RAT berikutnya.</source>
        <translation>A write-off takes the loan off the balance sheet; it is still collected and recorded in the off-books register. Every condition below is read from the data. Once proposed: the Supervisor writes a note, then the Chair and one other board member (neither of them the proposer) approve, and the write-off is reported at the next annual meeting.</translation>
    </message>
    <message>
        <source>Syarat hapus buku</source>
        <translation>Write-off conditions</translation>
    </message>
    <message>
        <source>misalnya: anggota pindah ke luar kota, usaha tutup, sudah tiga kali dikunjungi</source>
        <translation>e.g. the member moved out of town, business closed, visited three times</translation>
    </message>
    <message>
        <source>Per tanggal *</source>
        <translation>As of *</translation>
    </message>
    <message>
        <source>Alasan hapus buku *</source>
        <translation>Reason for the write-off *</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source> (tidak diwajibkan)</source>
        <translation> (not required)</translation>
    </message>
    <message>
        <source>Semua syarat terpenuhi: hapus buku boleh diusulkan.</source>
        <translation>All conditions are met: the write-off may be proposed.</translation>
    </message>
    <message>
        <source>Belum bisa diusulkan: {n} syarat belum terpenuhi ({names}). Lengkapi dulu, misalnya kirim surat peringatan, catat kunjungan, selesaikan agunan atau kompensasikan simpanan.</source>
        <translation>Cannot be proposed yet: {n} conditions not met ({names}). Complete them first, e.g. send a warning letter, record a visit, settle the collateral or set off the savings.</translation>
    </message>
    <message>
        <source>Hapus buku diusulkan oleh Manajer (atau Pengurus).</source>
        <translation>A write-off is proposed by the Manager (or a board member).</translation>
    </message>
</context>
<context>
    <name>WriteoffGroup</name>
    <message>
        <source>Syarat hapus buku</source>
        <translation>Write-off conditions</translation>
    </message>
    <message>
        <source>Sudah Macet sedikitnya</source>
        <translation>Bad (Macet) for at least</translation>
    </message>
    <message>
        <source> bulan</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Tidak disyaratkan</source>
        <translation>Not required</translation>
    </message>
    <message>
        <source>Yang harus sudah terpenuhi:</source>
        <translation>Must already be met:</translation>
    </message>
    <message>
        <source>PPAP sudah 100 %</source>
        <translation>PPAP already 100 %</translation>
    </message>
    <message>
        <source>SP1, SP2 dan SP3 sudah dikirim</source>
        <translation>SP1, SP2 and SP3 already sent</translation>
    </message>
    <message>
        <source>Ada laporan kunjungan atau Berita Acara</source>
        <translation>There is a visit report or Agreement Record</translation>
    </message>
    <message>
        <source>Agunan sudah diselesaikan</source>
        <translation>Collateral settled</translation>
    </message>
    <message>
        <source>Simpanan sudah dikompensasikan</source>
        <translation>Savings set off</translation>
    </message>
    <message>
        <source>Syarat yang tidak dicentang tetap ditampilkan di daftar periksa, tetapi tidak menghalangi usulan hapus buku.</source>
        <translation>Unticked conditions still show in the checklist but do not block a write-off proposal.</translation>
    </message>
</context>
<context>
    <name>YearDialog</name>
    <message>
        <source>Daftar Pinjaman Dihapusbukukan</source>
        <translation>List of Written-off Loans</translation>
    </message>
    <message>
        <source>Buat Daftar</source>
        <translation>Create List</translation>
    </message>
    <message>
        <source>Tahun buku</source>
        <translation>Financial year</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>docs</name>
    <message>
        <source>Ringkasan Kasus</source>
        <translation>Case Summary</translation>
    </message>
    <message>
        <source>Surat Peringatan {n} (SP{n})</source>
        <translation>Warning Letter {n} (SP{n})</translation>
    </message>
    <message>
        <source>Di luar urutan hanya dengan izin Pengurus (layar Kasus).</source>
        <translation>Out of order only with a board member&apos;s authorisation (Cases screen).</translation>
    </message>
    <message>
        <source>Surat Panggilan…</source>
        <translation>Summons Letter…</translation>
    </message>
    <message>
        <source>Berita Acara Kesepakatan…</source>
        <translation>Agreement Record…</translation>
    </message>
    <message>
        <source>Surat Perjanjian / Addendum</source>
        <translation>Agreement / Addendum</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Tidak bisa dilanjutkan</source>
        <translation>Cannot continue</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Diekspor {when}</source>
        <translation>Exported {when}</translation>
    </message>
    <message>
        <source>Ekspor ke Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Tidak bisa menyimpan</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>File tidak bisa disimpan: {reason}</source>
        <translation>The file cannot be saved: {reason}</translation>
    </message>
    <message>
        <source>Ekspor ke Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Ekspor Excel…</source>
        <translation>Excel Export…</translation>
    </message>
    <message>
        <source>Simpan daftar yang tampil (dengan saringan dan urutannya) ke Excel</source>
        <translation>Save the list shown (with its filters and order) to Excel</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Jadwal tidak bisa dicetak</source>
        <translation>The schedule cannot be printed</translation>
    </message>
    <message>
        <source>Simulasi tidak bisa dicetak</source>
        <translation>The simulation cannot be printed</translation>
    </message>
</context>
<context>
    <name>report_print</name>
    <message>
        <source>Kolektibilitas menurut {policy}</source>
        <translation>Collectibility per {policy}</translation>
    </message>
    <message>
        <source>Laporan tidak bisa dibuat</source>
        <translation>The report cannot be made</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Laporan ini di kop surat: pratinjau, cetak atau simpan sebagai PDF</source>
        <translation>This report on the letterhead: preview, print or save as PDF</translation>
    </message>
</context>
</TS>
