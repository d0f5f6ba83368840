"""The licence is declared as an SPDX expression (PEP 639), so installing prints no warning.

The installed metadata shows how the project was built: `License-Expression` appears only
when pyproject's `license` is the SPDX string; the deprecated table form writes `License`.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_the_licence_is_an_spdx_expression_with_a_setuptools_that_reads_it():
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    assert "setuptools>=77" in project["build-system"]["requires"]


def test_the_installed_metadata_carries_the_licence_expression():
    installed = metadata.metadata("renkei-desk")
    assert installed["License-Expression"] == "MIT"
    assert installed.get("License") is None
