"""How large a sync package may be: sized from what export-sync --full writes per inquiry.

zip_guard's default limits fit a hand-kept ledger and a master package, and a full sync
package of a large office is far past them (100,000 inquiries: 680 MB of sheet XML, 7.5
million cells). So sync packages are checked against limits of their own, sized from the
bytes and cells our own exporter writes per inquiry of the office (measured at 2,000, 20,000
and 100,000 inquiries, docs/excel.md "Limits for sync packages") at the design's largest office
(DESIGN.md: a million inquiries, ten times what a ward will reach), with half as much again
for headroom. Everything that tells a package from a bomb stays as strict as for a ledger:
the ratio per member, every member inflated in chunks and held to its size and CRC, the XML
and DTD checks, the rectangle checks; and the whole archive may inflate at most
`WHOLE_RATIO` times its own size (a package deflates about 7:1 at every size), so the extra
room cannot be reached by a small file of many members each under the per-member ratio's floor.
"""

from __future__ import annotations

from desktop_app.excel.zip_guard import Limits

LARGEST_OFFICE = 1_000_000  # inquiries (DESIGN.md, principle 4)
HEADROOM = 1.5
# Measured per inquiry of the office, rounded up, on a full package of demo data with personal
# fields (the larger kind; without them 965 B and 7,042-7,136 B). Both grow a little with the
# office (longer numbers): the headroom is for that, and for an office's longer texts.
FILE_BYTES_PER_INQUIRY = 1_100  # the .xlsx on disk, encrypted: 1,047 B at 2,000, 1,041 at 20,000
XML_BYTES_PER_INQUIRY = 7_700  # its parts inflated: 7,429 B at 2,000, 7,485 at 20,000
WIDEST_SHEET = 32  # columns: the widest package sheet (受付) has 29
# The characters of its cells' text, all of it (what Excel or LibreOffice, saving the package
# again, would keep as shared strings): 2,286 at 20,000 inquiries.
TEXT_PER_INQUIRY = 2_400
WHOLE_RATIO = 30  # all parts inflated / the file: ours 7.2-7.4 at every size, LibreOffice 10.6

SYNC_PACKAGE_LIMITS = Limits(
    file_bytes=int(LARGEST_OFFICE * FILE_BYTES_PER_INQUIRY * HEADROOM),
    total_bytes=int(LARGEST_OFFICE * XML_BYTES_PER_INQUIRY * HEADROOM),
    cells=Limits.rows * WIDEST_SHEET,  # a sheet full to Excel's last row
    whole_ratio=WHOLE_RATIO,  # also characters of shared text per byte of the file
    shared_text=int(LARGEST_OFFICE * TEXT_PER_INQUIRY * HEADROOM),
)
