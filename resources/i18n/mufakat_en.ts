<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id_ID">
<context>
    <name>AppController</name>
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
{aside}</source>
        <translation>The data has been restored from {backup}.

The data from before the restore is kept in:
{aside}</translation>
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
    <name>ExceptHook</name>
    <message>
        <source>Terjadi kesalahan</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Maaf, terjadi kesalahan yang tidak terduga di program Mufakat. Data yang sudah disimpan tetap aman.

Catatan kesalahan disimpan di:
{path}

Kirim file itu kepada pendamping TI koperasi. Sebaiknya tutup lalu buka lagi program ini.</source>
        <translation>Sorry, something unexpected went wrong in Mufakat. Data already saved is safe.

A record of the error was saved in:
{path}

Send that file to the cooperative&apos;s IT helper. It is best to close the program and open it again.</translation>
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
        <source>Data sudah dipulihkan. Akun Anda tidak ada atau berbeda di data itu, jadi silakan masuk lagi.</source>
        <translation>The data has been restored. Your account is missing or different in that data, so please log in again.</translation>
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
    <name>PasswordTab</name>
    <message>
        <source>Ganti kata sandi Anda ({username}). Pakai kata sandi yang mudah Anda ingat tetapi sulit ditebak orang lain, dan jangan dipakai bersama.</source>
        <translation>Change your password ({username}). Use a password you remember easily but others cannot guess, and do not share it.</translation>
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
        <source>File tidak bisa dibuka</source>
        <translation>The file cannot be opened</translation>
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
</TS>
