"""The installer option "PC ini menjadi server kantor" as text (installer/server.iss): present only
with the PostgreSQL add-on, the commands it gives Mufakat.exe are ones the program's own parser
takes, passwords only ever reach a temporary file, and nothing outside the program folder is
deleted. (It compiles under Wine with and without the add-on: scripts/windows/build.sh.)"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from app.cli import _parser

ROOT = Path(__file__).resolve().parents[1]
ISS = ROOT / "installer" / "mufakat.iss"
SERVER = ROOT / "installer" / "server.iss"
BUILD = ROOT / "scripts" / "windows" / "build.sh"


def _sections(text: str) -> dict[str, str]:
    sections: dict[str, str] = {}
    current = ""
    for line in text.splitlines():
        match = re.match(r"^\[(\w+)\]\s*$", line)
        if match:
            current = match.group(1)
            sections.setdefault(current, "")
        elif not line.lstrip().startswith(";"):
            sections[current] = sections.get(current, "") + line + "\n"
    return sections


def _code() -> str:
    return _sections(SERVER.read_text(encoding="utf-8"))["Code"]


def test_the_option_exists_only_in_a_build_with_the_add_on() -> None:
    text = ISS.read_text(encoding="utf-8")
    block = re.search(r"#ifdef PgsqlDir\n(.*?)#endif", text, re.DOTALL)
    assert block and 'server.iss"' in block.group(1)
    assert text.count("server.iss") == 1 and "serverkantor" not in text
    server = SERVER.read_text(encoding="utf-8")
    # every line outside a section header is a comment or inside a section: no stray directive
    assert not any(line.startswith("#") for line in server.splitlines())


def test_the_task_is_unticked_for_administrators_and_installs_the_add_on_as_app_pgsql() -> None:
    sections = _sections(SERVER.read_text(encoding="utf-8"))
    (task,) = [line for line in sections["Tasks"].splitlines() if line.strip()]
    assert 'Name: "serverkantor"' in task and "server kantor" in task
    assert "Flags: unchecked" in task and "Check: IsAdminInstallMode" in task
    (files,) = [line for line in sections["Files"].splitlines() if line.strip()]
    assert 'Source: "{#PgsqlDir}\\*"' in files and 'DestDir: "{app}\\pgsql"' in files
    assert "Tasks: serverkantor" in files
    # a Windows service may run from it: the ordinary uninstall never takes it
    assert "uninsneveruninstall" in files and "recursesubdirs" in files


def _commands() -> dict[str, list[str]]:
    """The argument lists server.iss passes to Mufakat.exe, with stand-ins for paths and values."""
    code = _code()
    setup = re.search(r"function SetupParams.*?\nend;", code, re.DOTALL)
    assert setup
    body = setup.group(0)
    base = re.search(r"Result := ('server setup[^;]*);", body, re.DOTALL)
    with_pw = re.search(r"Result := Result \+(.*?);", body, re.DOTALL)
    assert base and with_pw
    words = {
        "setup": "server setup --repeated --data X --subnet 192.168.1.0/24",
        "passwords": "--password-file X --app-password-file X",
    }
    assert base.group(1).startswith("'server setup --repeated --data ' + AddQuotes(ServerDataDir)")
    assert "' --subnet ' + AddQuotes(Trim(NetworkPage.Values[0]))" in base.group(1)
    assert "--password-file" in with_pw.group(1) and "--app-password-file" in with_pw.group(1)
    assert "' --check-only'" in body
    suggest = re.search(r"RunMufakat\('(server suggest-subnet)'", code)
    remove = re.search(r"'(server remove --port )' \+ Port", code)
    assert suggest and remove
    given = re.search(r"Params \+ '( --[\w-]+) ' \+ AddQuotes\(ResultFile\)", code)
    removal = re.search(r"Port \+\s+'( --[\w-]+) ' \+ AddQuotes\(ResultFile\)", code)
    assert given and removal and given.group(1) == removal.group(1)
    result = given.group(1) + " X"
    return {
        "network page": shlex.split(words["setup"] + " --check-only" + result),
        "password page": shlex.split(f"{words['setup']} {words['passwords']} --check-only{result}"),
        "set-up": shlex.split(f"{words['setup']} {words['passwords']}{result}"),
        "proposal": shlex.split(suggest.group(1) + result),
        "uninstall": shlex.split(remove.group(1) + "5439" + result),
    }


@pytest.mark.parametrize("which", ["network page", "password page", "set-up", "proposal",
                                   "uninstall"])  # fmt: skip
def test_every_command_the_installer_gives_is_one_the_program_takes(which: str) -> None:
    args = _parser().parse_args(_commands()[which])
    assert args.command == "server" and args.result_file is not None
    if which in ("network page", "password page", "set-up"):
        assert args.server_command == "setup" and args.repeated
        assert args.check_only is (which != "set-up")
        assert (args.password_file is None) is (which == "network page")


def test_result_files_are_read_by_their_tag_line() -> None:
    code = _code()
    from app.server.installer import RESULT_TAG, result_lines

    assert f"ResultTag = '{RESULT_TAG}';" in code
    assert "Pos(ResultTag + ' ok ', Status)" in code
    assert result_lines(True, 5439, [])[0].startswith(f"{RESULT_TAG} ok ")


def test_passwords_go_only_into_temporary_files_that_are_deleted() -> None:
    code = _code()
    uses = [m.start() for m in re.finditer(r"PasswordPage\.Values\[", code)]
    assert len(uses) == 4
    for start in uses:
        line = code[code.rfind("\n", 0, start) + 1 : code.find("\n", start)]
        assert line.lstrip().startswith("WritePasswordFile("), line
    run = re.search(r"function RunSetup.*?\nend;", code, re.DOTALL)
    assert run
    body = run.group(0)
    assert "ExpandConstant('{tmp}\\sandi-server.txt')" in body
    assert "ExpandConstant('{tmp}\\sandi-pc-lain.txt')" in body
    finally_part = body[body.index("finally") :]
    assert "DeleteFile(AdminFile)" in finally_part and "DeleteFile(AppFile)" in finally_part
    # never remembered by Setup, never logged
    assert not re.search(r"SetPreviousData\([^)]*Password", code)
    for call in re.findall(r"Log\((.*?)\);", code):
        assert "Password" not in call and "sandi" not in call.lower()


def test_nothing_outside_the_program_folder_is_deleted_and_the_data_never() -> None:
    code = _code()
    for path in re.findall(r"DelTree\((.*?),", code):
        assert path == "ExpandConstant('{app}\\pgsql')"
    for path in re.findall(r"DeleteFile\((\w+)\)", code):
        assert path in ("ResultFile", "AdminFile", "AppFile")
    assert "RemoveDir" not in code
    assert "DelTree" not in re.sub(r"DelTree\(ExpandConstant\('\{app\}\\pgsql'\)", "", code)
    # the service goes only on the user's "Ya" (never in a silent uninstall)
    question = code[code.index("if (Port <> '') and not UninstallSilent then") :]
    assert question.index("MB_DEFBUTTON2) = IDYES then") < question.index("server remove")
    assert "TIDAK dihapus" in question


def test_build_script_makes_the_add_on_and_compiles_both_variants() -> None:
    script = BUILD.read_text(encoding="utf-8")
    assert "pgsql_addon.py" in script and "MUFAKAT_PGSQL" in script
    assert '"/DPgsqlDir=$(winpath "$PGSQL")"' in script
    assert "compile_other_variant" in script and "/TASKS=serverkantor" in script
    assert "server setup --repeated --check-only" in script


def test_an_upgrade_brings_the_server_s_schema_up_once_the_service_runs_again() -> None:
    from app.server.commands import DBNAME, SUPERUSER
    from app.server_url import parse_server_url
    from app.storage import pg_upgrade

    code = _code()
    params = re.search(r"function UpgradeParams.*?\nend;", code, re.DOTALL)
    assert params
    given = re.search(
        r"Result := '(server upgrade --db postgresql://)(\w+)@127\.0\.0\.1:' \+ Port \+ "
        r"'/(\w+)' \+\s+'( --to )' \+ AddQuotes\(ExpandConstant\('\{commonappdata\}([^']*)'\)\);",
        params.group(0),
    )
    assert given
    head, user, dbname, to, folder = given.groups()
    argv = shlex.split(f"{head}{user}@127.0.0.1:5439/{dbname}{to}X --result-file X")
    args = _parser().parse_args(argv)
    assert (args.command, args.server_command) == ("server", "upgrade") and args.result_file
    url = parse_server_url(args.url)
    assert (url.user, url.password, url.dbname) == (SUPERUSER, None, DBNAME)
    assert pg_upgrade.SUPERUSER == SUPERUSER  # the command a connecting PC is told names it too
    assert "C:\\ProgramData" + folder == pg_upgrade.BACKUP_FOLDER
    step = re.search(r"procedure CurStepChanged.*?\nend;", code, re.DOTALL)
    assert step
    body = step.group(0)
    assert "ServerWanted and (ServiceName <> '')" in body  # an upgrade of a server set up before
    assert body.index("'start ' + ServiceName") < body.index("RunMufakat(UpgradeParams(Port)")
    assert "'Mufakat.exe ' + UpgradeParams(Port)" in body  # a refusal names it to run by hand
