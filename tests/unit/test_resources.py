"""The shipped files are found from a checkout and, inside the PyInstaller bundle, only there."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app import resources
from desktop_app.domain import masters

CHECKOUT = Path(__file__).resolve().parents[2]


def test_from_a_checkout_they_are_under_resources_at_its_root():
    assert not resources.is_bundle()
    assert resources.masters_dir() == CHECKOUT / "resources" / "masters"
    assert (resources.i18n_dir() / "renkei_desk_en.qm").is_file()
    assert resources.style_sheet().is_file()


def test_in_the_bundle_they_are_beside_the_bundled_packages(monkeypatch, tmp_path):
    bundle = tmp_path / "_internal"
    (bundle / "resources" / "masters").mkdir(parents=True)
    shipped = (CHECKOUT / "resources" / "masters" / "offices.csv").read_bytes()
    (bundle / "resources" / "masters" / "offices.csv").write_bytes(
        shipped.replace(b"SHIBA,", b"SHIBA2,")
    )
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources.is_bundle()
    assert resources.i18n_dir() == bundle / "resources" / "i18n"
    assert resources.style_sheet() == bundle / "resources" / "styles" / "desk.qss"
    # Read from the bundle's copy, not the checkout's.
    assert "SHIBA2" in {office.code for office in masters.load_offices()}
