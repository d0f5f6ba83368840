"""A map of Japan with the partner municipalities of a period placed by their coordinates.

The prefectures are drawn from their outlines (dashboard.outlines) with a visible border; each
place is a circle at the master's latitude and longitude whose area is in proportion to its
number of inquiries (one inquiry is a small dot, never less than SMALLEST across; the scale
shrinks only when the most asked place would pass LARGEST). Circles that would overlap are
pushed apart a few pixels at a time until they touch at most (a Dorling-style offset), so
neighbouring towns stay apart and each can be pointed at; the largest is drawn first so a small
one is never hidden. Hovering names a place and its count; a click emits `clicked(Place)`.
Places without coordinates are left off the map (the ranking beside it still lists them).
GUI thread only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QToolTip, QWidget

from desktop_app.domain.report_figures import Place
from desktop_app.ui.dashboard.outlines import fit, prefecture_paths, to_map
from desktop_app.ui.style import system_colours

LAND, BORDER, SEA = QColor("#dbe3ec"), QColor("#7d8fa3"), QColor("#f7f9fb")
MARK, MARK_EDGE = QColor(214, 92, 32, 170), QColor("#a8431a")
SMALLEST, LARGEST = 3.0, 16.0  # circle radii in pixels: the least, and the most asked place's
PER_INQUIRY = 3.0  # the radius of one inquiry's circle; n inquiries: PER_INQUIRY * sqrt(n)
MARGIN = LARGEST + 2  # the largest circle at the edge of the land stays whole
SPREAD_ROUNDS, GAP = 40, 1.0  # rounds of pushing overlapping circles apart; pixels between


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
        self._layout: dict[str, QPointF] | None = None  # code -> centre, after spreading
        bounds = QRectF()
        for path in prefecture_paths():
            bounds = bounds.united(path.boundingRect())
        self._bounds = bounds

    def show_places(self, places: Sequence[Place]) -> None:
        self._places = tuple(p for p in places if p.lat is not None and p.lng is not None)
        self._layout = None
        self.update()

    def position_of(self, place: Place) -> QPointF | None:
        """Where `place` is drawn: at its coordinates, or moved off a neighbour's circle."""
        if place.lat is None or place.lng is None:
            return None
        return self._laid_out().get(place.code, self._at_coordinates(place))

    def radius_of(self, place: Place) -> float:
        """Area in proportion to the count: PER_INQUIRY * sqrt(count), the scale lowered only
        where the most asked place would pass LARGEST; never below SMALLEST."""
        most = max((p.count for p in self._places), default=1)
        unit = min(PER_INQUIRY, LARGEST / math.sqrt(max(most, 1)))
        return max(SMALLEST, unit * math.sqrt(place.count))

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout = None  # the pixels between places change with the size
        super().resizeEvent(event)

    def _at_coordinates(self, place: Place) -> QPointF:
        assert place.lat is not None and place.lng is not None
        return self._transform().map(to_map(place.lng, place.lat))

    def _laid_out(self) -> dict[str, QPointF]:
        if self._layout is None:
            self._layout = spread(
                [(p.code, self._at_coordinates(p), self.radius_of(p)) for p in self._places]
            )
        return self._layout

    def _colours(self) -> tuple[QColor, QColor, QColor, QColor, QColor]:
        """Sea, land, borders, marks and their edge: the map's own, or the palette's in the
        system's colours (high contrast: ui/style.py)."""
        if not system_colours():
            return SEA, LAND, BORDER, MARK, MARK_EDGE
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        mark = palette.color(QPalette.ColorRole.Highlight)
        return (
            palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.Base),
            text,
            mark,
            text,
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        sea, land, edge, mark, mark_edge = self._colours()
        painter.fillRect(self.rect(), sea)
        painter.save()
        painter.setTransform(self._transform())
        border = QPen(edge, 0.8)
        border.setCosmetic(True)  # one pixel whatever the scale
        painter.setPen(border)
        painter.setBrush(land)
        for path in prefecture_paths():
            painter.drawPath(path)
        painter.restore()
        painter.setPen(QPen(mark_edge, 1.0))
        painter.setBrush(mark)
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


def spread(circles: Sequence[tuple[str, QPointF, float]]) -> dict[str, QPointF]:
    """Centres moved so that no two circles overlap (GAP apart at least), each step pushing
    an overlapping pair apart along the line between them, the smaller circle moved more; at
    most SPREAD_ROUNDS rounds, so a crowded city centre ends close to rather than far from
    where it is. Places at exactly the same point are parted in a fixed direction."""
    centres = {code: QPointF(centre) for code, centre, _ in circles}
    radii = {code: radius for code, _, radius in circles}
    codes = [code for code, _, _ in circles]
    for _ in range(SPREAD_ROUNDS):
        moved = False
        for i, a in enumerate(codes):
            for b in codes[i + 1 :]:
                dx = centres[b].x() - centres[a].x()
                dy = centres[b].y() - centres[a].y()
                distance = math.hypot(dx, dy)
                needed = radii[a] + radii[b] + GAP
                if distance >= needed:
                    continue
                if distance < 1e-6:
                    dx, dy, distance = 1.0, 0.0, 1.0
                overlap = needed - distance
                share_a = radii[b] / (radii[a] + radii[b])  # the smaller circle moves more
                ux, uy = dx / distance, dy / distance
                centres[a] -= QPointF(ux, uy) * overlap * share_a
                centres[b] += QPointF(ux, uy) * overlap * (1 - share_a)
                moved = True
        if not moved:
            break
    return centres
