"""What can be checked of the Windows installer on Linux: its version is pyproject's, it takes
the bundle the spec builds, and its shortcuts start commands the program has."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from desktop_app.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
ISS = ROOT / "installer" / "windows" / "renkei-desk.iss"
SPEC = ROOT / "installer" / "renkei-desk.spec"


def _defines() -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "([^"]*)"', ISS.read_text(encoding="utf-8"), re.M))


def test_the_installer_version_is_pyprojects():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert _defines()["AppVersion"] == project["version"]


def test_it_takes_the_bundle_the_spec_builds():
    defines = _defines()
    assert (ISS.parent / defines["BundleDir"].replace("\\", "/")).resolve() == ROOT / "dist" / (
        "renkei-desk"
    )
    assert 'name="renkei-desk"' in SPEC.read_text(encoding="utf-8").replace(" ", "")
    assert defines["AppExe"] == "renkei-desk.exe"


def test_data_stays_out_of_program_files():
    text = ISS.read_text(encoding="utf-8")
    assert "DefaultDirName={autopf}\\RenkeiDesk" in text
    assert "PrivilegesRequired=admin" in text
    # The only data the uninstaller removes is the user's folder, and only when asked.
    assert "{localappdata}\\{#DataFolder}" in text and "/DELETEDATA" in text
    assert _defines()["DataFolder"] == "renkei-desk"


def test_every_shortcut_starts_a_command_the_program_has():
    parser = build_parser()
    for parameters in re.findall(r'Parameters: "([^"]*)"', ISS.read_text(encoding="utf-8")):
        args = parser.parse_args(parameters.split())
        assert args.command == "gui", parameters
