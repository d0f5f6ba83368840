"""A sync package of the largest office the design allows passes zip_guard's size checks with
the package limits (excel/package_limits); a bomb of the same size does not, and a ledger keeps
the default limits.

The packages here are the central directory a real export writes, scaled from the members of
`export-sync --full` at 100,000 inquiries (measured; docs/excel.md "Limits for sync packages"):
the size checks read only the directory, and every member is then inflated and held to it
(tests/excel/test_hostile_files.py: a member that lies is refused), so a directory is what
these checks see of a 100k or 1M package, without 0.7 or 7 GB of XML in the test.
"""

from __future__ import annotations

import zipfile

import pytest

from desktop_app.domain.errors import UserError
from desktop_app.excel import package_limits
from desktop_app.excel.package_limits import SYNC_PACKAGE_LIMITS
from desktop_app.excel.zip_guard import DEFAULT_LIMITS, MB, Limits, check_declared, check_xlsx
from tests.excel import hostile

MEASURED_AT = 100_000
# export-sync --full of 100,000 demo inquiries (71,489 inquirers, 189,966 actions): the data
# sheets' (inflated, deflated) bytes; the cover, manifest, styles and the rest are 24 KB.
MEASURED = {
    "xl/worksheets/sheet2.xml": (78_715_972, 9_868_519),  # 相談者
    "xl/worksheets/sheet3.xml": (345_605_320, 49_551_040),  # 受付
    "xl/worksheets/sheet4.xml": (289_276_644, 37_093_480),  # 対応履歴
}
FILE_BYTES = 96_520_853
NAME = "SHIBA-to-HQ.xlsx"


def _member(name: str, size: int, packed: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.file_size, info.compress_size = size, packed
    return info


def package_of(inquiries: int) -> tuple[list[zipfile.ZipInfo], int]:
    """The data sheets' directory entries of an office's full package, and the file's bytes."""
    scale = inquiries / MEASURED_AT
    members = [
        _member(name, int(size * scale), int(packed * scale))
        for name, (size, packed) in MEASURED.items()
    ]
    return members, int(FILE_BYTES * scale)


@pytest.mark.parametrize("inquiries", [MEASURED_AT, package_limits.LARGEST_OFFICE])
def test_a_large_offices_full_package_passes_the_size_checks(inquiries):
    members, file_bytes = package_of(inquiries)
    check_declared(members, file_bytes, NAME, SYNC_PACKAGE_LIMITS)  # no refusal
    assert file_bytes <= SYNC_PACKAGE_LIMITS.file_bytes
    # with the headroom: half as large again still passes
    members, file_bytes = package_of(inquiries * 3 // 2)
    check_declared(members, file_bytes, NAME, SYNC_PACKAGE_LIMITS)


def test_the_limits_are_the_measured_bytes_per_inquiry_at_the_largest_office():
    measured_xml = sum(size for size, _ in MEASURED.values()) / MEASURED_AT
    assert measured_xml <= package_limits.XML_BYTES_PER_INQUIRY
    assert FILE_BYTES / MEASURED_AT <= package_limits.FILE_BYTES_PER_INQUIRY
    largest = package_limits.LARGEST_OFFICE * package_limits.HEADROOM
    assert SYNC_PACKAGE_LIMITS.total_bytes >= largest * measured_xml
    assert SYNC_PACKAGE_LIMITS.file_bytes >= largest * FILE_BYTES / MEASURED_AT
    # a sheet full to Excel's last row, as wide as the widest package sheet, fits its rectangle
    assert SYNC_PACKAGE_LIMITS.cells >= DEFAULT_LIMITS.rows * package_limits.WIDEST_SHEET
    # what tells a package from a bomb is as strict as for a ledger
    for same in ("members", "ratio", "ratio_floor", "columns", "rows"):
        assert getattr(SYNC_PACKAGE_LIMITS, same) == getattr(DEFAULT_LIMITS, same)


def test_ledgers_keep_their_limits_and_a_100k_package_is_past_them():
    assert DEFAULT_LIMITS == Limits()
    assert DEFAULT_LIMITS.total_bytes == 512 * MB and DEFAULT_LIMITS.whole_ratio is None
    members, file_bytes = package_of(MEASURED_AT)
    with pytest.raises(UserError) as refused:
        check_declared(members, file_bytes, NAME, DEFAULT_LIMITS)
    assert refused.value.code == "workbook_inflates_too_much"
    assert refused.value.message("ja") == (
        "「SHIBA-to-HQ.xlsx」は展開すると大きくなりすぎるため開きません"
        "（xl/worksheets/sheet4.xml: 681 MB、上限 512 MB）。壊れているか、不正なファイルです。"
    )


def test_one_member_of_the_largest_packages_size_from_a_small_file_is_refused():
    members, _ = package_of(package_limits.LARGEST_OFFICE)
    total = sum(member.file_size for member in members)
    bomb = _member("xl/worksheets/sheet1.xml", total, total // 1000)
    with pytest.raises(UserError) as refused:
        check_declared([bomb], total // 1000, NAME, SYNC_PACKAGE_LIMITS)
    assert refused.value.code == "workbook_inflates_too_much"  # the ratio per member
    assert "展開すると大きくなりすぎる" in refused.value.message("ja")


def test_many_small_members_of_the_same_total_are_refused_whole():
    """Members of 1 MB are under the per-member ratio's floor; together they are bounded by the
    archive's size. 7,000 of them: the sheets of a million-inquiry package, from 7 MB."""
    members = [
        _member(f"xl/worksheets/sheet{n}.xml", MB, 1024)
        for n in range(package_limits.LARGEST_OFFICE * 7_000 // MB)
    ]
    archive = sum(member.compress_size for member in members) + 100 * len(members)
    with pytest.raises(UserError) as refused:
        check_declared(members, archive, NAME, SYNC_PACKAGE_LIMITS)
    assert refused.value.code == "workbook_whole_inflates_too_much"
    assert refused.value.message("ja") == (
        "「SHIBA-to-HQ.xlsx」は展開すると大きくなりすぎるため開きません"
        "（全体で 6,675 MB、上限はファイルの大きさの 30 倍の 215 MB）。"
        "壊れているか、不正なファイルです。"
    )


def test_a_real_archive_of_many_small_members_is_refused_before_inflating():
    data = hostile.many_small_members()
    with pytest.raises(UserError) as refused:
        check_xlsx(data, NAME, SYNC_PACKAGE_LIMITS)
    assert refused.value.code == "workbook_whole_inflates_too_much"
    assert "（全体で 680 MB、上限はファイルの大きさの 30 倍の" in refused.value.message("ja")
    assert "680 MB in all; the limit is 30 times the file's size" in refused.value.message("en")
    with pytest.raises(UserError) as by_default:
        check_xlsx(data, NAME)  # a ledger's limits: past the 512 MB total
    assert by_default.value.code == "workbook_inflates_too_much"


def test_a_small_real_workbook_passes_both_limits():
    data = hostile.plain_workbook("受付日", "件名")
    check_xlsx(data, NAME, SYNC_PACKAGE_LIMITS)
    check_xlsx(data, NAME)
