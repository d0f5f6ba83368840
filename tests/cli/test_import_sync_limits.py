"""`import-sync` with the sync package limits (excel/package_limits): a package the export
wrote imports; a file inflating 680 MB from under 1 MB of many small members (a 100,000-inquiry
package's total, made a bomb) is refused whole, exit 2, nothing changed."""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, inquiries, setup, staff
from tests.actors import actor_for
from tests.conftest import ADMIN_PASSWORD, cheap_admin_hash
from tests.excel import hostile
from tests.sync.conftest import dump


def _hq(tmp_path: Path) -> Path:
    path = tmp_path / "hq.sqlite3"
    db = database.connect(path)
    setup.initialise(db, "HQ")
    staff.create_first_admin(db, ADMIN_PASSWORD)
    db.dispose()
    cheap_admin_hash(path)
    return path


def test_a_bomb_of_a_large_packages_total_is_refused_and_a_package_imports(run, db_path, tmp_path):
    hq = _hq(tmp_path)
    bomb = hostile.write(tmp_path, "SHIBA-to-HQ.xlsx", hostile.many_small_members())
    before = dump(hq)

    refused = run("import-sync", str(bomb), db=hq)

    assert refused.code == 2
    assert (
        "「SHIBA-to-HQ.xlsx」は展開すると大きくなりすぎるため開きません"
        "（全体で 680 MB、上限はファイルの大きさの 30 倍の"
    ) in refused.err + refused.out
    assert dump(hq) == before

    shiba = database.connect(db_path)
    inquiries.add_inquiry(
        shiba,
        NewInquiry.read(
            {
                "received_at": "2026-10-01",
                "subject": "物産展への出店相談",
                "inquirer": {"type": "resident", "name": "鈴木 一郎"},
            }
        ),
        actor=actor_for("clerk"),
    )
    shiba.dispose()
    package = tmp_path / "shiba-1.xlsx"
    assert run("export-sync", "--out", str(package), "--full", db=db_path).code == 0
    imported = run("--json", "import-sync", str(package), db=hq)
    assert imported.code == 0, imported.err
    [report] = imported.json()["packages"]
    assert report["refused"] is None and report["inserted"] == 2  # the case and its inquirer
