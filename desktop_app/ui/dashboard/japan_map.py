"""A map of Japan with the partner municipalities of a period placed by their coordinates.

The prefectures are drawn from their outlines (dashboard.outlines); each place is a circle at
the master's latitude and longitude, its area in proportion to its number of inquiries, the
largest drawn first so a small one is never hidden under it. Hovering names a place and its
count; a click emits `clicked(Place)`. Places without coordinates are left off the map (the
ranking beside it still lists them). GUI thread only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QTransform
from PySide6.QtWidgets import QToolTip, QWidget

from desktop_app.domain.report_figures import Place
from desktop_app.ui.dashboard.outlines import fit, prefecture_paths, to_map

LAND, BORDER, SEA = QColor("#dfe6ee"), QColor("#ffffff"), QColor("#f7f9fb")
MARK, MARK_EDGE = QColor(214, 92, 32, 150), QColor("#a8431a")
SMALLEST, LARGEST = 3.0, 16.0  # circle radii in pixels, for one inquiry and for the most
MARGIN = LARGEST + 2  # the largest circle at the edge of the land stays whole


class JapanMap(QWidget):
    """`show_places(places)`; `position_of(place)` is where a place is drawn (None: off the
    map); `place_at(point)` the place under a point; `clicked(Place)` on a click."""

    clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("japanMap")
        self.setMouseTracking(True)
        self.setMinimumSize(260, 260)
        self._places: tuple[Place, ...] = ()
        bounds = QRectF()
        for path in prefecture_paths():
            bounds = bounds.united(path.boundingRect())
        self._bounds = bounds

    def show_places(self, places: Sequence[Place]) -> None:
        self._places = tuple(p for p in places if p.lat is not None and p.lng is not None)
        self.update()

    def position_of(self, place: Place) -> QPointF | None:
        if place.lat is None or place.lng is None:
            return None
        return self._transform().map(to_map(place.lng, place.lat))

    def radius_of(self, place: Place) -> float:
        most = max((p.count for p in self._places), default=1)
        return SMALLEST + (LARGEST - SMALLEST) * math.sqrt(place.count / most)

    def place_at(self, point: QPointF) -> Place | None:
        """The place whose circle holds `point`, the nearest centre when circles overlap."""
        best: tuple[float, Place] | None = None
        for place in self._places:
            centre = self.position_of(place)
            assert centre is not None
            distance = math.hypot(centre.x() - point.x(), centre.y() - point.y())
            if distance <= self.radius_of(place) + 2 and (best is None or distance < best[0]):
                best = (distance, place)
        return best[1] if best else None

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), SEA)
        painter.save()
        painter.setTransform(self._transform())
        border = QPen(BORDER, 1.0)
        border.setCosmetic(True)  # one pixel whatever the scale
        painter.setPen(border)
        painter.setBrush(LAND)
        for path in prefecture_paths():
            painter.drawPath(path)
        painter.restore()
        painter.setPen(QPen(MARK_EDGE, 1.0))
        painter.setBrush(MARK)
        for place in sorted(self._places, key=lambda p: -p.count):
            centre = self.position_of(place)
            assert centre is not None
            radius = self.radius_of(place)
            painter.drawEllipse(centre, radius, radius)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        place = self.place_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if place else Qt.CursorShape.ArrowCursor)
        if place is None:
            QToolTip.hideText()
        else:
            text = self.tr("{0}: {1}件").format(place.full_name, f"{place.count:,}")
            QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        place = self.place_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and place is not None:
            self.clicked.emit(place)
        super().mousePressEvent(event)

    def _transform(self) -> QTransform:
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        return fit(self._bounds, area)
