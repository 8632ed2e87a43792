; The installer option "PC ini menjadi server kantor" (issue 15 §3), included by mufakat.iss only
; when the build has the PostgreSQL add-on (iscc /DPgsqlDir=<dist\windows\pgsql>, made by
; scripts/windows/pgsql_addon.py); without it the option does not exist at all.
;
; The task installs the add-on as {app}\pgsql, where `Mufakat.exe server setup` finds it. After
; the files are installed, two pages ask for the office network (proposed by
; `Mufakat.exe server suggest-subnet`) and two passwords, each typed twice; every check is made by
; `Mufakat.exe server setup --check-only` (app/server/installer.py), never here. Then
; `Mufakat.exe server setup` runs and its Indonesian result (with this PC's address for the other
; PCs) is shown on the last page. The passwords go to Mufakat.exe only through two files in
; Setup's own temporary folder {tmp}, deleted as soon as the program has run; they are never
; remembered by Setup, put on a command line or written to a log.
;
; An upgrade with the task stops the service before replacing files, starts it after, then runs
; `Mufakat.exe server upgrade` (the schema steps of this version, a verified pg_dump first).
;
; The add-on is never removed by the ordinary uninstall (uninsneveruninstall): a Windows service
; may run from it. The uninstaller asks whether to remove the service and its firewall rule; only
; on "Ya" do they go, and the add-on with them. The server's data folder is never deleted.

[Tasks]
Name: "serverkantor"; Description: "PC ini menjadi &server kantor (hanya di satu PC: PC lain terhubung ke PC ini)"; GroupDescription: "Kantor dengan beberapa PC:"; Flags: unchecked; Check: IsAdminInstallMode

[Files]
Source: "{#PgsqlDir}\*"; DestDir: "{app}\pgsql"; Tasks: serverkantor; Flags: ignoreversion recursesubdirs createallsubdirs uninsneveruninstall

[Code]
const
  ResultTag = 'MUFAKAT-HASIL';
  ServerDataSub = 'Mufakat Server\data';

var
  NetworkPage: TInputQueryWizardPage;
  PasswordPage: TInputQueryWizardPage;
  ResultPage: TOutputMsgMemoWizardPage;
  ServerDone: Boolean;
  RemoveAddOn: Boolean;

function ServerDataDir: String;
begin
  Result := ExpandConstant('{commonappdata}\' + ServerDataSub);
end;

function ServerIniPath: String;
begin
  Result := ExpandConstant('{app}\pgsql\mufakat-server.ini');
end;

function ServerWanted: Boolean;
begin
  Result := WizardIsTaskSelected('serverkantor');
end;

{ A server set up before (an upgrade, or a set-up run by hand): never set up twice. }
function ServerExists: Boolean;
begin
  Result := FileExists(ServerDataDir + '\PG_VERSION');
end;

function ProgramExe: String;
begin
  Result := ExpandConstant('{app}\Mufakat.exe');
end;

{ Runs Mufakat.exe with Params and reads its result file (app/server/installer.py): True when
  its first line says ok; Port and the Indonesian lines come back. }
function RunMufakat(const Params: String; var Port: String; var Lines: String): Boolean;
var
  ResultFile, Status: String;
  Code, I: Integer;
  Read: TArrayOfString;
begin
  Result := False;
  Port := '';
  Lines := '';
  ResultFile := ExpandConstant('{tmp}\mufakat-hasil.txt');
  DeleteFile(ResultFile);
  if not Exec(ProgramExe, Params + ' --result-file ' + AddQuotes(ResultFile), '', SW_HIDE,
    ewWaitUntilTerminated, Code) then
  begin
    Lines := 'Mufakat.exe tidak bisa dijalankan: ' + SysErrorMessage(Code);
    Exit;
  end;
  if not LoadStringsFromFile(ResultFile, Read) or (GetArrayLength(Read) = 0) then
  begin
    Lines := 'Mufakat.exe selesai (kode ' + IntToStr(Code) + ') tanpa menulis hasil.';
    Exit;
  end;
  Status := Read[0];
  for I := 1 to GetArrayLength(Read) - 1 do
    if Read[I] <> '' then
      Lines := Lines + Read[I] + #13#10;
  { Pos, not "= 1": a byte-order mark may stand before the tag }
  I := Pos(ResultTag + ' ok ', Status);
  if I > 0 then
  begin
    Port := Trim(Copy(Status, I + Length(ResultTag + ' ok '), 10));
    Result := (Code = 0);
  end;
end;

procedure InitializeWizard;
begin
  NetworkPage := CreateInputQueryPage(wpInfoAfter, 'Server kantor: jaringan kantor',
    'PC mana saja yang boleh memakai server ini?',
    'Hanya PC di jaringan kantor yang boleh tersambung ke server. Usulan di bawah dibaca dari ' +
    'alamat PC ini; periksa dengan "ipconfig" bila ragu (petunjuk pemasangan bagian 10.2). ' +
    'Contoh: 192.168.1.0/24 untuk alamat 192.168.1.1 sampai 192.168.1.254.');
  NetworkPage.Add('&Jaringan kantor:', False);
  PasswordPage := CreateInputQueryPage(NetworkPage.ID, 'Server kantor: kata sandi',
    'Dua kata sandi, masing-masing diketik dua kali',
    'Kata sandi untuk PC lain diketik di setiap PC yang terhubung. Kata sandi pengelola server ' +
    'hanya untuk mengurus server di PC ini: tulis di kertas, simpan dalam amplop oleh Ketua. ' +
    'Paling sedikit 8 karakter; huruf besar dan kecil dibedakan.');
  PasswordPage.Add('Kata sandi untuk &PC lain:', True);
  PasswordPage.Add('Ulangi kata sandi untuk PC lain:', True);
  PasswordPage.Add('Kata sandi pengelola &server:', True);
  PasswordPage.Add('Ulangi kata sandi pengelola server:', True);
  ResultPage := CreateOutputMsgMemoPage(PasswordPage.ID, 'Server kantor: hasil',
    'Catat alamat dan port di bawah ini untuk PC lain', '', '');
  NetworkPage.Values[0] := GetPreviousData('ServerSubnet', '');
end;

function ShouldSkipPage(PageID: Integer): Boolean;
begin
  Result := False;
  if (PageID = NetworkPage.ID) or (PageID = PasswordPage.ID) or (PageID = ResultPage.ID) then
    Result := (not ServerWanted) or (ServerExists and not ServerDone);
end;

procedure CurPageChanged(CurPageID: Integer);
var
  Port, Lines: String;
begin
  if WizardSilent then
    Exit; { a silent install visits the pages too: it installs the add-on, sets nothing up }
  if (CurPageID = NetworkPage.ID) and (NetworkPage.Values[0] = '') then
  begin
    if RunMufakat('server suggest-subnet', Port, Lines) then
      NetworkPage.Values[0] := Trim(Lines);
  end;
  if CurPageID = ResultPage.ID then
    WizardForm.BackButton.Enabled := not ServerDone;
end;

procedure RegisterPreviousData(PreviousDataKey: Integer);
begin
  SetPreviousData(PreviousDataKey, 'ServerSubnet', NetworkPage.Values[0]);
end;

{ The passwords, each line as typed, into a file in Setup's own temporary folder; Mufakat.exe
  reads it (server setup --repeated) and the caller deletes it at once. }
procedure WritePasswordFile(const Path, Typed, Again: String);
var
  Both: TArrayOfString;
begin
  SetArrayLength(Both, 2);
  Both[0] := Typed;
  Both[1] := Again;
  SaveStringsToUTF8File(Path, Both, False);
end;

function SetupParams(const CheckOnly, WithPasswords: Boolean): String;
begin
  Result := 'server setup --repeated --data ' + AddQuotes(ServerDataDir) +
    ' --subnet ' + AddQuotes(Trim(NetworkPage.Values[0]));
  if WithPasswords then
    Result := Result +
      ' --password-file ' + AddQuotes(ExpandConstant('{tmp}\sandi-server.txt')) +
      ' --app-password-file ' + AddQuotes(ExpandConstant('{tmp}\sandi-pc-lain.txt'));
  if CheckOnly then
    Result := Result + ' --check-only';
end;

{ check-only, or the set-up itself; the password files exist only while Mufakat.exe runs. }
function RunSetup(const CheckOnly: Boolean; var Port: String; var Lines: String): Boolean;
var
  AdminFile, AppFile: String;
begin
  AdminFile := ExpandConstant('{tmp}\sandi-server.txt');
  AppFile := ExpandConstant('{tmp}\sandi-pc-lain.txt');
  WritePasswordFile(AdminFile, PasswordPage.Values[2], PasswordPage.Values[3]);
  WritePasswordFile(AppFile, PasswordPage.Values[0], PasswordPage.Values[1]);
  try
    Result := RunMufakat(SetupParams(CheckOnly, True), Port, Lines);
  finally
    DeleteFile(AdminFile);
    DeleteFile(AppFile);
  end;
end;

function NextButtonClick(CurPageID: Integer): Boolean;
var
  Port, Lines: String;
begin
  Result := True;
  if WizardSilent then
    Exit;
  if CurPageID = NetworkPage.ID then
  begin
    { the network, the binaries, the data folder and the port: passwords come next }
    Result := RunMufakat(SetupParams(True, False), Port, Lines);
    if not Result then
      MsgBox(Lines, mbError, MB_OK);
  end
  else if CurPageID = PasswordPage.ID then
  begin
    Result := RunSetup(True, Port, Lines);
    if not Result then
    begin
      MsgBox(Lines, mbError, MB_OK);
      Exit;
    end;
    WizardForm.NextButton.Enabled := False;
    WizardForm.BackButton.Enabled := False;
    PasswordPage.Description := 'Menyiapkan server kantor, tunggu sekitar satu menit...';
    try
      ServerDone := RunSetup(False, Port, Lines);
    finally
      WizardForm.NextButton.Enabled := True;
      WizardForm.BackButton.Enabled := True;
      PasswordPage.Description := 'Dua kata sandi, masing-masing diketik dua kali';
    end;
    if ServerDone then
    begin
      SetIniString('server', 'port', Port, ServerIniPath);
      SetIniString('server', 'data', ServerDataDir, ServerIniPath);
      ResultPage.RichEditViewer.Lines.Text := Lines + #13#10 +
        'Hasil ini juga tersimpan di ' + ExpandConstant('{commonappdata}\Mufakat Server\mufakat-server.txt') + '.';
    end
    else
    begin
      MsgBox('Server kantor belum bisa disiapkan:' + #13#10#13#10 + Lines + #13#10 +
        'Program Mufakat sudah terpasang. Perbaiki isian lalu coba lagi, atau klik Batal dan ' +
        'ikuti petunjuk pemasangan bagian 10.3.', mbError, MB_OK);
      Result := False;
    end;
  end;
end;

{ An upgrade replaces the add-on's files: the service running from them is stopped first and
  started again after (Windows keeps a running program's files locked). }
function ServiceName: String;
var
  Port: String;
begin
  Result := '';
  Port := GetIniString('server', 'port', '', ServerIniPath);
  if Port <> '' then
    Result := 'MufakatPG-' + Port;
end;

function PrepareToInstall(var NeedsRestart: Boolean): String;
var
  Code: Integer;
begin
  Result := '';
  if ServerWanted and (ServiceName <> '') then
    Exec(ExpandConstant('{sys}\net.exe'), 'stop ' + ServiceName, '', SW_HIDE,
      ewWaitUntilTerminated, Code);
end;

{ Once the service runs again, the server's database gets this version's schema steps, a
  verified pg_dump first (`Mufakat.exe server upgrade`: app/storage/pg_upgrade.py; nothing when it
  is current). The superuser's password comes only from this PC's pgpass file (or PGPASSWORD),
  never from Setup: without it the message names the command to run by hand. }
function UpgradeParams(const Port: String): String;
begin
  Result := 'server upgrade --db postgresql://mufakat_admin@127.0.0.1:' + Port + '/mufakat' +
    ' --to ' + AddQuotes(ExpandConstant('{commonappdata}\Mufakat Server\cadangan'));
end;

procedure CurStepChanged(CurStep: TSetupStep);
var
  Code: Integer;
  Port, Given, Lines: String;
begin
  if (CurStep = ssPostInstall) and ServerWanted and (ServiceName <> '') then
  begin
    Exec(ExpandConstant('{sys}\net.exe'), 'start ' + ServiceName, '', SW_HIDE,
      ewWaitUntilTerminated, Code);
    Port := GetIniString('server', 'port', '', ServerIniPath);
    if RunMufakat(UpgradeParams(Port), Given, Lines) then
      Log('Server kantor: ' + Lines)
    else
      SuppressibleMsgBox('Database server kantor belum diperbarui ke versi program ini; PC lain ' +
        'belum bisa terhubung:' + #13#10#13#10 + Lines + #13#10 +
        'Jalankan di Command Prompt PC ini (kata sandi pengelola server di file pgpass atau ' +
        'PGPASSWORD):' + #13#10 + 'Mufakat.exe ' + UpgradeParams(Port), mbError, MB_OK, IDOK);
  end;
end;

<event('CurUninstallStepChanged')>
procedure ServerUninstallStep(CurUninstallStep: TUninstallStep);
var
  Port, Data, ResultFile: String;
  Code, I: Integer;
  Read: TArrayOfString;
  Shown: String;
begin
  if CurUninstallStep = usUninstall then
  begin
    Port := GetIniString('server', 'port', '', ServerIniPath);
    Data := GetIniString('server', 'data', ServerDataDir, ServerIniPath);
    { no server was set up from here: the add-on goes with the program }
    RemoveAddOn := Port = '';
    Log('Server kantor: port dari ' + ServerIniPath + ' = "' + Port + '"');
    if (Port <> '') and not UninstallSilent then
      if MsgBox('PC ini adalah server kantor Mufakat (layanan Windows MufakatPG-' + Port +
        '). PC lain tidak bisa bekerja tanpa layanan ini.' + #13#10#13#10 +
        'Hapus juga layanan server dan aturan firewall-nya?' + #13#10#13#10 +
        'Ya: layanan dihentikan dan dihapus. Tidak: server tetap berjalan seperti biasa.' + #13#10#13#10 +
        'Data server di ' + Data + ' TIDAK dihapus, apa pun pilihan Anda.',
        mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      begin
        ResultFile := GetTempDir + 'mufakat-hapus-server.txt';
        Exec(ExpandConstant('{app}\Mufakat.exe'), 'server remove --port ' + Port +
          ' --result-file ' + AddQuotes(ResultFile), '', SW_HIDE, ewWaitUntilTerminated, Code);
        Shown := '';
        if LoadStringsFromFile(ResultFile, Read) then
          for I := 1 to GetArrayLength(Read) - 1 do
            Shown := Shown + Read[I] + #13#10;
        DeleteFile(ResultFile);
        MsgBox(Shown, mbInformation, MB_OK);
        RemoveAddOn := Code = 0;
      end;
  end;
  if (CurUninstallStep = usPostUninstall) and RemoveAddOn then
  begin
    Log('Server kantor: menghapus ' + ExpandConstant('{app}\pgsql'));
    DelTree(ExpandConstant('{app}\pgsql'), True, True, True);
  end;
end;
