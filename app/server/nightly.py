"""The nightly backup on the server PC (issue 15): the text that registers it with the Windows
Task Scheduler (a task XML and the `schtasks` command that imports it) or, on Linux, the crontab
line. The task runs `mufakat backup --db URL --to DIR --automatic`: a verified `pg_dump`, then
only the newest backups are kept (`--keep N`, or the cooperative's `backup.keep` setting).

The address in the task never carries the password: the tools read it from the server PC's
password file (`%APPDATA%\\postgresql\\pgpass.conf` on Windows, `~/.pgpass` on Linux)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from app.errors import ValidationError
from app.server_url import ServerUrl

TASK_FOLDER = "Mufakat"
LOG_NAME = "cadangan-malam.log"


@dataclass(frozen=True)
class Schedule:
    hour: int
    minute: int


def parse_time(text: str) -> Schedule:
    """'02:00' → 2:00; an Indonesian message for anything that is not a time of day."""
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", text)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return Schedule(int(match[1]), int(match[2]))
    raise ValidationError(
        f"Jam '{text}' tidak dikenal; tulis jam dan menit seperti 02:00 (00:00 sampai 23:59).",
        field="at",
    )


def program() -> list[str]:
    """How this program is started: the installed Mufakat.exe, or Python with the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "app"]


def backup_args(url: ServerUrl, folder: Path, keep: int | None) -> list[str]:
    args = ["backup", "--db", url.shown(), "--to", str(folder), "--automatic"]
    return [*args, "--keep", str(keep)] if keep is not None else args


def task_name(url: ServerUrl) -> str:
    return f"{TASK_FOLDER}\\Cadangan malam {url.dbname}"


def task_xml(url: ServerUrl, folder: Path, at: Schedule, keep: int | None) -> str:
    """A Task Scheduler task (schema 1.2): daily at `at`, run when the PC was off at that time
    (StartWhenAvailable), wake the PC, never two at once, whether or not anyone is logged on."""
    command, *rest = program()
    arguments = subprocess.list2cmdline([*rest, *backup_args(url, folder, keep)])
    return f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>Mufakat: cadangan malam database koperasi {escape(url.dbname)} di server kantor, \
diperiksa dengan memulihkannya ke database sementara.</Description>
  </RegistrationInfo>
  <Triggers>
    <CalendarTrigger>
      <StartBoundary>2026-01-01T{at.hour:02d}:{at.minute:02d}:00</StartBoundary>
      <Enabled>true</Enabled>
      <ScheduleByDay>
        <DaysInterval>1</DaysInterval>
      </ScheduleByDay>
    </CalendarTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <LogonType>S4U</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <StartWhenAvailable>true</StartWhenAvailable>
    <WakeToRun>true</WakeToRun>
    <ExecutionTimeLimit>PT4H</ExecutionTimeLimit>
    <Enabled>true</Enabled>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{escape(command)}</Command>
      <Arguments>{escape(arguments)}</Arguments>
    </Exec>
  </Actions>
</Task>
"""


def schtasks_command(url: ServerUrl, xml_path: Path) -> str:
    """The command (run once, as the server PC's administrator) that registers the task."""
    return subprocess.list2cmdline(
        ["schtasks", "/Create", "/TN", task_name(url), "/XML", str(xml_path), "/F"]
    )


def crontab_line(url: ServerUrl, folder: Path, at: Schedule, keep: int | None) -> str:
    """One crontab line (cron treats `%` as a new line: escaped), its output kept in a log."""
    command = " ".join(shlex.quote(p) for p in [*program(), *backup_args(url, folder, keep)])
    log = shlex.quote(str(folder / LOG_NAME))
    return f"{at.minute} {at.hour} * * * {command} >> {log} 2>&1".replace("%", "\\%")


def write_task(path: Path, xml: str) -> None:
    """The task file as Task Scheduler reads it (UTF-16 with its byte-order mark)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(xml, encoding="utf-16")
