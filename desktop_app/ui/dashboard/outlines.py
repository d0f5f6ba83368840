"""The prefectures' outlines (resources/maps/prefectures.json, from japanmap: Apache-2.0) as
painter paths in map coordinates.

Map coordinates are longitude × cos 36° across and latitude up (an equirectangular projection
true at the middle of Honshu), so that Japan keeps its shape; `MapProjection` turns them into
a widget's pixels. The file is read once per process. GUI thread only.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF, QTransform

OUTLINES = Path(__file__).resolve().parents[3] / "resources" / "maps" / "prefectures.json"
ACROSS = math.cos(math.radians(36.0))  # a degree of longitude against one of latitude


def to_map(lng: float, lat: float) -> QPointF:
    return QPointF(lng * ACROSS, -lat)


@cache
def prefecture_paths() -> tuple[QPainterPath, ...]:
    """One closed path per prefecture, in JIS order (01 北海道 … 47 沖縄県)."""
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))
    paths = []
    for code in sorted(data):
        path = QPainterPath()
        path.addPolygon(QPolygonF([to_map(lng, lat) for lng, lat in data[code]]))
        path.closeSubpath()
        paths.append(path)
    return tuple(paths)


def fit(bounds: QRectF, target: QRectF) -> QTransform:
    """The transform that shows `bounds` (map coordinates) centred in `target`, unstretched."""
    scale = min(target.width() / bounds.width(), target.height() / bounds.height())
    dx = target.left() + (target.width() - bounds.width() * scale) / 2 - bounds.left() * scale
    dy = target.top() + (target.height() - bounds.height() * scale) / 2 - bounds.top() * scale
    return QTransform(scale, 0, 0, scale, dx, dy)
