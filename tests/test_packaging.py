"""The packaging files: the PyInstaller spec (run against stand-ins for PyInstaller), the data
files the program opens, the Inno Setup script and the Windows workflow."""

from __future__ import annotations

import ast
import re
import sys
import types
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml

from app import __version__
from app.documents.fonts import FONT_FILES, font_path
from app.resources import bundle_root

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build_installer.spec"
ISS = ROOT / "installer" / "mufakat.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


class _Recorder:
    """Stands in for PyInstaller's Analysis/PYZ/EXE/COLLECT: keeps what the spec passes."""

    calls: ClassVar[dict[str, _Recorder]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs
        self.datas: list[tuple[str, str, str]] = []
        self.binaries: list[tuple[str, str, str]] = []
        self.pure: list[object] = []
        self.scripts: list[object] = []
        _Recorder.calls[self.name] = self

    name = "?"


def _recorder(name: str) -> type[_Recorder]:
    return type(name, (_Recorder,), {"name": name})


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """Execute the spec as PyInstaller would, with recording stand-ins for its classes."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")

    def collect_submodules(package: str) -> list[str]:
        return sorted(
            ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            for p in (ROOT / package).rglob("*.py")
        )

    hooks.collect_submodules = collect_submodules  # type: ignore[attr-defined]
    saved = {k: sys.modules.get(k) for k in ("PyInstaller", "PyInstaller.utils", hooks.__name__)}
    sys.modules.setdefault("PyInstaller", types.ModuleType("PyInstaller"))
    sys.modules.setdefault("PyInstaller.utils", types.ModuleType("PyInstaller.utils"))
    sys.modules[hooks.__name__] = hooks
    namespace: dict[str, Any] = {
        "SPECPATH": str(ROOT),
        "__file__": str(SPEC),
        **{n: _recorder(n) for n in ("Analysis", "PYZ", "EXE", "COLLECT")},
    }
    _Recorder.calls = {}
    path_before = list(sys.path)
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        sys.path[:] = path_before
        for key, module in saved.items():
            if module is None:
                sys.modules.pop(key, None)
            else:
                sys.modules[key] = module
    namespace["_calls"] = dict(_Recorder.calls)
    return namespace


def test_spec_is_python_and_builds_a_windowed_one_folder_program(spec: dict[str, Any]) -> None:
    ast.parse(SPEC.read_text(encoding="utf-8"))
    calls = spec["_calls"]
    exe = calls["EXE"].kwargs
    assert exe["name"] == "Mufakat"
    assert exe["console"] is False
    assert exe["exclude_binaries"] is True  # one folder: the libraries go to COLLECT
    assert calls["COLLECT"].kwargs["name"] == "Mufakat"
    (icon,) = exe["icon"]
    assert Path(icon) == ROOT / "resources" / "icons" / "mufakat.ico"
    assert Path(icon).is_file()
    (script,) = calls["Analysis"].args[0]
    assert Path(script).is_file()
    assert "from app.cli import main" in Path(script).read_text(encoding="utf-8")


def test_spec_writes_the_version_resource_from_app_version(spec: dict[str, Any]) -> None:
    version_file = Path(spec["_calls"]["EXE"].kwargs["version"])
    text = version_file.read_text(encoding="utf-8")
    numbers = tuple(int(n) for n in re.findall(r"\d+", __version__)[:4])
    numbers += (0,) * (4 - len(numbers))
    assert f"filevers={numbers}" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert "StringStruct('OriginalFilename', 'Mufakat.exe')" in text
    ast.parse(text)  # PyInstaller evaluates it as a Python expression


def test_spec_ships_every_data_file_and_loads_ui_by_name(spec: dict[str, Any]) -> None:
    analysis = spec["_calls"]["Analysis"].kwargs
    shipped = {
        Path(source).relative_to(ROOT).as_posix(): dest for source, dest in analysis["datas"]
    }
    for name in FONT_FILES.values():
        assert shipped[f"resources/fonts/{name}"] == "resources/fonts"
    assert "resources/fonts/LICENSE-DejaVu.txt" in shipped
    assert shipped["resources/icons/mufakat.png"] == "resources/icons"
    assert shipped["resources/icons/mufakat.ico"] == "resources/icons"
    data_files = [p for p in (ROOT / "data").rglob("*") if p.is_file()]
    assert data_files
    for path in data_files:
        if "__pycache__" not in path.parts:
            assert path.relative_to(ROOT).as_posix() in shipped, path
    assert not [s for s in shipped if s.endswith(".ts")]  # translation sources stay home
    hidden = analysis["hiddenimports"]
    assert "ui.main" in hidden and "app.smoke" in hidden and "app.demo.generate" in hidden


def test_spec_leaves_out_unused_parts_but_not_what_the_program_imports(
    spec: dict[str, Any],
) -> None:
    excludes = set(spec["_calls"]["Analysis"].kwargs["excludes"])
    for unused in ("PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtQuick",
                   "PySide6.Qt3DCore", "PySide6.QtMultimedia", "tkinter"):  # fmt: skip
        assert unused in excludes
    imported = _qt_modules_imported()
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= imported
    assert not imported & excludes
    for needed in ("PySide6.QtPrintSupport", "PySide6.QtSvg", "PySide6.QtPdf", "PIL"):
        assert needed not in excludes
    keep = spec["_keep"]
    assert keep("babel/locale-data/id.dat") and keep("babel/locale-data/root.dat")
    assert keep("babel/locale-data/en_US.dat") and not keep("babel/locale-data/fr.dat")
    assert keep("babel/global.dat")
    assert keep("PySide6/Qt/translations/qtbase_en.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep("PySide6/translations/qt_ja.qm")  # the Windows layout
    assert not keep("PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so")
    assert not keep("PySide6/plugins/platforms/qeglfs.dll")
    assert keep("PySide6/plugins/platforms/qwindows.dll")
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert keep("PySide6/plugins/imageformats/qjpeg.dll")
    assert not keep("PySide6/opengl32sw.dll")  # software OpenGL: widgets never load it
    assert keep("PySide6/Qt6Charts.dll")  # the Laporan charts


def _qt_modules_imported() -> set[str]:
    found: set[str] = set()
    for folder in ("app", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module:
                    found.add(node.module)
                elif isinstance(node, ast.Import):
                    found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("PySide6.")}


def test_data_files_the_program_opens_exist() -> None:
    assert bundle_root() == ROOT
    for name in FONT_FILES:
        assert font_path(name).is_file()
        assert font_path(name).read_bytes()[:4] in (b"\x00\x01\x00\x00", b"true")
    assert (ROOT / "resources" / "fonts" / "LICENSE-DejaVu.txt").is_file()
    icon = ROOT / "resources" / "icons" / "mufakat.ico"
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO header
    png = ROOT / "resources" / "icons" / "mufakat.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Every shipped-file name written in the code (fonts, icons, data/*.json …) is there.
    shipped = {p.name for top in ("data", "resources") for p in (ROOT / top).rglob("*")}
    named = _file_names_in_code()
    assert {"names.json", "DejaVuSans.ttf", "mufakat.png"} <= named
    assert named - USER_FILES <= shipped, named - USER_FILES - shipped


USER_FILES = {"config.json", "riwayat-file.json", "cadangan-belum-selesai.json"}
"""Written in the user's data folder (settings, what this PC last saw of each file, backups under
way), not shipped."""


def _file_names_in_code() -> set[str]:
    pattern = re.compile(r"^[\w.\-]+\.(json|csv|ttf|png|ico|qm|svg|toml)$")
    names: set[str] = set()
    for folder in ("app", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                value = node.value if isinstance(node, ast.Constant) else None
                if isinstance(value, str) and pattern.match(value):
                    names.add(value)
    return names


def _iss_sections() -> dict[str, str]:
    sections: dict[str, str] = {}
    current = ""
    for line in ISS.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\[(\w+)\]\s*$", line)
        if match:
            current = match.group(1)
            sections[current] = ""
        elif not line.lstrip().startswith(";"):
            sections[current] = sections.get(current, "") + line + "\n"
    return sections


def test_installer_takes_the_version_and_never_deletes_user_data() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert "#ifndef MyAppVersion" in text and "#error" in text
    sections = _iss_sections()
    setup = sections["Setup"]
    assert "AppVersion={#MyAppVersion}" in setup
    assert "OutputBaseFilename=Mufakat-Setup-{#MyAppVersion}" in setup
    assert "PrivilegesRequired=lowest" in setup
    assert "PrivilegesRequiredOverridesAllowed=dialog" in setup
    assert "SetupIconFile=..\\resources\\icons\\mufakat.ico" in setup
    assert (ISS.parent / "../resources/icons/mufakat.ico").resolve().is_file()
    assert (ISS.parent / "Indonesian.isl").is_file()
    user_areas = ("{userappdata}", "{localappdata}", "{commonappdata}", "{userdocs}", "%APPDATA%")
    for name in ("InstallDelete", "UninstallDelete"):
        for line in sections.get(name, "").splitlines():
            assert line.strip() == "" or 'Name: "{app}\\' in line, line
            assert not any(area.lower() in line.lower() for area in user_areas), line
    code = sections.get("Code", "")
    assert not re.search(r"DelTree|DeleteFile|RemoveDir", code, re.IGNORECASE)
    icons = sections["Icons"]
    assert "{group}\\{#MyAppName}" in icons and "{autodesktop}" in icons
    assert "Koperasi Contoh" in icons


def test_windows_workflow_mirrors_the_linux_script() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    (job,) = workflow["jobs"].values()
    assert job["runs-on"] == "windows-latest"
    runs = [step.get("run", "") for step in job["steps"]]
    script = "\n".join(runs)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in (
        'python -m pip install -e ".[test]"',
        "python -m pytest",
        'python -m pip install -e ".[build]"',
        "python scripts/build_bundle.py",
    ):
        assert command in ci, command
        assert command in script, command
    assert any("Mufakat.exe" in run and "--smoke-test" in run for run in runs)
    assert "installer\\mufakat.iss" in script and "/DMyAppVersion=" in script
    uploads = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload")]
    assert uploads and uploads[0]["with"]["path"].startswith("dist/installer/")


WINDOWS = ROOT / "scripts" / "windows"


def test_ci_builds_the_windows_program_under_wine() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/windows/build.sh" in ci
    assert ci.index("python -m pytest") < ci.index("bash scripts/windows/build.sh")
    script = (WINDOWS / "build.sh").read_text(encoding="utf-8")
    assert "build_installer.spec" in script and "installer\\mufakat.iss" in script
    assert "/DBundleDir=" in script and "#ifndef BundleDir" in ISS.read_text(encoding="utf-8")
    assert (WINDOWS / "icuuc_stub.c").is_file()
    ast.parse((WINDOWS / "wine_checks.py").read_text(encoding="utf-8"))


def test_windows_pins_satisfy_pyproject() -> None:
    """scripts/windows/constraints.txt pins every dependency inside pyproject's ranges."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins: dict[str, str] = {}
    for line in (WINDOWS / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for text in project["dependencies"] + project["optional-dependencies"]["build"]:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not pinned for Windows"
        assert requirement.specifier.contains(pins[name]), (text, pins[name])
