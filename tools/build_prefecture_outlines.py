"""Build resources/maps/prefectures.json from the outlines in `japanmap`.

Where the data comes from
-------------------------
`japanmap` 0.6.0 (Apache License 2.0, https://pypi.org/project/japanmap/, by Saito Tsutomu)
ships `japanmap/japan.json`: a list of boundary points (longitude, latitude) and, for each of
the 47 prefectures in JIS order, the boundaries around the part of it that holds its capital.
The program needs only those outlines, not the package (which pulls in OpenCV and NumPy to
paint pictures), so this tool copies them out once, at the master coordinates' scale (real
longitude and latitude, Hokkaido and Okinawa left where they are), rounded to 0.001°
(about 100 m, finer than a dashboard map shows). The licence travels beside the file
(resources/maps/LICENSE-japanmap).

Usage: `python tools/build_prefecture_outlines.py PATH/TO/japanmap/japan.json`
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "maps" / "prefectures.json"


def outlines(source: Path) -> dict[str, list[list[float]]]:
    """{"01": [[lng, lat], ...], ...}: each prefecture's outline as one closed ring."""
    points, boundaries = json.loads(source.read_text(encoding="utf-8"))
    result = {}
    for number, parts in enumerate(boundaries, start=1):
        ring = [points[i][0] for _, indices in parts for i in indices]
        result[f"{number:02d}"] = [[round(x, 3), round(y, 3)] for x, y in ring]
    return result


def main(argv: list[str]) -> None:
    data = outlines(Path(argv[0]))
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data)} prefectures")


if __name__ == "__main__":
    main(sys.argv[1:])
