"""Run the PyInstaller bundle the way a ward PC does and check every result (`make installer`).

The bundle is copied into a temporary folder and run from there with a bare environment (no
virtualenv, no PYTHONPATH, a home of its own, the working directory outside the checkout), so
it can only succeed with what it carries: the masters, migrations, translations and Qt plugins
found relative to itself. Each command's exit code and output file is checked; the screenshot
must not be blank. A database made by the previous schema revision (with this checkout's
Python) must open in the bundle with every row intact, after a backup, saying so.

Prints the bundle's size, the Qt modules it carries, and start times against
`python -m desktop_app` measured in the same run. Ends with "smoke: N passed, M failed" and
exits 1 when anything failed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "renkei-desk"
EXE = "renkei-desk.exe" if os.name == "nt" else "renkei-desk"
# Qt modules the program must not carry (the spec leaves them out).
UNWANTED_QT = (
    "WebEngine",
    "Qt6Quick",
    "Qt6Qml",
    "Qt63D",
    "Qt6Multimedia",
    "Qt6Pdf",
    "Qt6VirtualKeyboard",
)
TIMING_RUNS = 3
ADMIN_PASSWORD = "smoke-madoguchi-2026"
OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")  # how an encrypted workbook starts
TIMEOUT_S = 300


class Smoke:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.passed = 0
        self.failed: list[str] = []
        self.exe = work / "bundle" / EXE
        home = work / "home"
        self.env = {
            "PATH": "/usr/bin:/bin"
            if os.name != "nt"
            else os.path.join(os.environ.get("SystemRoot", r"C:\Windows"), "System32"),
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
            "LANG": "ja_JP.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "RENKEI_DESK_PACKAGE_PASSWORD": "smoke-test-password",
            # `init` makes the administrator with it; every later command signs in with it.
            "RENKEI_DESK_PASSWORD": ADMIN_PASSWORD,
        }
        if os.name == "nt":
            self.env.update({k: os.environ[k] for k in ("SystemRoot", "TEMP") if k in os.environ})

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"{'ok  ' if ok else 'FAIL'} {name}{'' if ok else f': {detail}'}", flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed.append(name)
        return ok

    def run(
        self, *args: str, program: Sequence[str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*(program or [str(self.exe)]), *args],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )

    def command(self, name: str, *args: str, expect: Callable[[], bool] | None = None) -> str:
        done = self.run(*args)
        ok = done.returncode == 0 and (expect is None or expect())
        self.check(name, ok, f"exit {done.returncode}\n{done.stdout}{done.stderr}")
        return done.stdout + done.stderr


def json_of(done: subprocess.CompletedProcess[str]) -> dict[str, object]:
    try:
        value = json.loads(done.stdout)
    except json.JSONDecodeError:
        return {"unreadable": done.stdout + done.stderr}
    return value if isinstance(value, dict) else {}


def distinct_colours(png: Path) -> tuple[int, int]:
    """(distinct colours, width) of a PNG, sampled on a 4-pixel grid (PySide6 of the checkout)."""
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    if image.isNull():
        return 0, 0
    colours = {
        image.pixel(x, y) for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
    }
    return len(colours), image.width()


def is_workbook(path: Path) -> bool:
    if not path.is_file():
        return False
    if zipfile.is_zipfile(path):
        return "xl/workbook.xml" in zipfile.ZipFile(path).namelist()
    return path.read_bytes()[:8] == OLE2  # an encrypted workbook


def previous_revision_database(path: Path) -> dict[str, int]:
    """A desk database at the previous schema revision, with demo rows; its row counts."""
    from db import migrate
    from db.engine import open_engine
    from desktop_app.demo.service import generate_demo_data
    from desktop_app.services import database, setup, staff

    db = database.connect(path)
    setup.initialise(db, "AZABU")
    staff.create_first_admin(db, ADMIN_PASSWORD)
    generate_demo_data(db, count=120, seed=7)
    db.dispose()
    engine = open_engine(path, database.SQL_FUNCTIONS)
    migrate.downgrade(engine, migrate.previous_revision())
    engine.dispose()
    return row_counts(path)


def row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'"
                " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'inquiry_%gram%'"
                " AND name NOT LIKE 'inquirer_%gram%'"
                " AND name NOT IN ('search_text', 'inquirer_search_text', 'alembic_version')"
            )
        ]
        # The command's own sign-in is audited on top of the rows it found.
        where = {"audit_log": " WHERE action != 'sign_in'"}
        counts = {
            name: conn.execute(f'SELECT count(*) FROM "{name}"{where.get(name, "")}').fetchone()[0]
            for name in names
        }
    conn.close()
    return counts


def installer_sources() -> list[str]:
    """The bundle paths the Windows installer script takes (`Source: "{#BundleDir}\\..."`),
    with the executable's name as this system spells it."""
    script = (ROOT / "installer" / "windows" / "renkei-desk.iss").read_text(encoding="utf-8")
    sources = re.findall(r'Source: "\{#BundleDir\}\\([^"]*)"', script)
    return [source.replace("{#AppExe}", EXE).removesuffix("\\*") for source in sources]


def median_seconds(smoke: Smoke, program: Sequence[str], *args: str) -> float:
    times = []
    for _ in range(TIMING_RUNS):
        started = time.perf_counter()
        smoke.run(*args, program=program)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bundle_size() -> tuple[float, list[str], list[tuple[str, float]]]:
    """MiB in all (links not counted twice), the Qt libraries, and the largest parts."""
    files = [p for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files) / 2**20
    qt = sorted({p.name.split(".")[0] for p in files if p.name.startswith(("libQt6", "Qt6"))})
    parts: dict[str, float] = {}
    for path in files:
        relative = path.relative_to(BUNDLE).parts
        part = "/".join(relative[:3] if relative[:2] == ("_internal", "PySide6") else relative[:2])
        parts[part] = parts.get(part, 0.0) + path.stat().st_size / 2**20
    largest = sorted(parts.items(), key=lambda item: -item[1])[:8]
    return total, qt, largest


def main() -> int:  # noqa: PLR0915  (one check after another, read top to bottom)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    if not (BUNDLE / EXE).is_file():
        print(f"no bundle at {BUNDLE / EXE}: run `make installer` first", file=sys.stderr)
        return 1
    from desktop_app.domain.local_time import local_today

    month = local_today().strftime("%Y-%m")
    with tempfile.TemporaryDirectory(prefix="renkei-smoke-") as tmp:
        work = Path(tmp)
        shutil.copytree(BUNDLE, work / "bundle", symlinks=True)
        smoke = Smoke(work)
        db = work / "office" / "desk.sqlite3"
        out = smoke.command("--version", "--version")
        smoke.check(
            "--version names the version", out.splitlines()[:1] == [f"renkei-desk {version}"], out
        )
        about = json_of(smoke.run("--db", str(db), "--json", "--version"))
        smoke.check("--version without a database", about.get("revision", 0) is None, str(about))
        smoke.command("init", "--db", str(db), "init", "--office", "SHIBA", expect=db.is_file)
        smoke.command("demo-data", "--db", str(db), "demo-data", "--count", "300")
        about = json_of(smoke.run("--db", str(db), "--json", "--version"))
        smoke.check(
            "--version names the schema revision",
            about.get("revision") == about.get("schema") and bool(about.get("schema")),
            str(about),
        )
        png = work / "screen.png"
        # Demo data made the file a training database, whose window signs in its demo
        # administrator unless told: the password in the environment is admin's.
        smoke.command(
            "gui --screenshot",
            *("--db", str(db), "--user", "admin", "gui", "--screenshot", str(png)),
            expect=png.is_file,
        )
        colours, width = distinct_colours(png)
        smoke.check(
            "the screenshot is not blank",
            colours >= 50 and width == 1280,
            f"{colours} colours, {width} px wide",
        )
        package = work / "to-hq.xlsx"
        smoke.command(
            "export-sync",
            "--db",
            str(db),
            "export-sync",
            "--out",
            str(package),
            expect=lambda: is_workbook(package),
        )
        personal = work / "to-hq-personal.xlsx"
        smoke.command(
            "export-sync --include-personal (encrypted)",
            *("--db", str(db), "export-sync", "--full", "--include-personal"),
            *("--out", str(personal)),
            expect=lambda: personal.is_file() and personal.read_bytes()[:4] == OLE2[:4],
        )
        report = work / "monthly.xlsx"
        smoke.command(
            "report monthly",
            "--db",
            str(db),
            "report",
            "monthly",
            "--month",
            month,
            "--out",
            str(report),
            expect=lambda: is_workbook(report),
        )
        pdf = work / "monthly.pdf"
        smoke.command(
            "report monthly --pdf",
            "--db",
            str(db),
            "report",
            "monthly",
            "--month",
            month,
            "--pdf",
            "--out",
            str(pdf),
            expect=lambda: pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-",
        )
        smoke.command("check", "--db", str(db), "check")

        old = work / "previous" / "desk.sqlite3"
        old.parent.mkdir()
        before = previous_revision_database(old)
        out = smoke.command("an older database opens (check)", "--db", str(old), "check")
        smoke.check(
            "the upgrade is said", "データベースをこのプログラムの版に更新しました" in out, out
        )
        named = out.split("更新前の写し: ", 1)[-1].split()[0] if "更新前の写し: " in out else ""
        backup = Path(named)
        smoke.check(
            "a backup was made first",
            bool(named) and backup.is_file() and row_counts(backup) == before,
            named,
        )
        smoke.check(
            "every row is intact", row_counts(old) == before, f"{row_counts(old)} != {before}"
        )

        carried = [
            "_internal/resources/i18n/renkei_desk_en.qm",
            "_internal/resources/masters/offices.csv",
            "_internal/resources/styles/desk.qss",
            f"_internal/db/migrations/versions/{about.get('schema')}_*.py",
            "_internal/PySide6/Qt/translations/qtbase_ja.qm",
            "_internal/PySide6/Qt/plugins/platforms/*offscreen*",
        ]
        absent = [pattern for pattern in carried if not list(BUNDLE.glob(pattern))]
        smoke.check("the bundle carries its resources", not absent, ", ".join(absent))
        sources = installer_sources()
        missing = [source for source in sources if not (BUNDLE / source).exists()]
        smoke.check(
            "the installer's paths are in the bundle",
            len(sources) >= 2 and not missing,
            str(missing or sources),
        )
        size, qt, largest = bundle_size()
        unwanted = [name for name in qt if name.startswith(UNWANTED_QT)]
        smoke.check("no unused Qt modules", not unwanted, ", ".join(unwanted))
        python = [sys.executable, "-m", "desktop_app"]
        source_env = {**smoke.env, "PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT)}
        timings = {}
        for label, program, env in (
            ("bundle", [str(smoke.exe)], smoke.env),
            ("python -m desktop_app", python, source_env),
        ):
            smoke.env = env
            timings[label] = (
                median_seconds(smoke, program, "--version"),
                median_seconds(
                    smoke,
                    program,
                    *(
                        "--db",
                        str(db),
                        "--user",
                        "admin",
                        "gui",
                        "--screenshot",
                        str(work / "t.png"),
                    ),
                ),
            )
        print(f"\nbundle: {size:.0f} MiB, Qt libraries: {', '.join(qt)}")
        print("largest parts: " + ", ".join(f"{name} {mib:.0f} MiB" for name, mib in largest))
        print(f"start (median of {TIMING_RUNS})          --version   gui --screenshot")
        for label, (version_s, gui_s) in timings.items():
            print(f"  {label:<24} {version_s * 1000:7.0f} ms   {gui_s * 1000:7.0f} ms")
        bundle_t, source_t = timings["bundle"], timings["python -m desktop_app"]
        ratios = [bundle_t[i] / source_t[i] for i in (0, 1)]
        print(f"  ratio bundle / python     {ratios[0]:7.2f}x     {ratios[1]:7.2f}x")
    print(f"\nsmoke: {smoke.passed} passed, {len(smoke.failed)} failed")
    return 1 if smoke.failed else 0


if __name__ == "__main__":
    sys.exit(main())
