"""Label colours stay apart from the text selection and from each other, also for readers with
deuteranopia or protanopia, as they are painted (a tint over the white page).

Colour-blind vision is simulated with Machado, Oliveira & Fernandes (2009) at full severity in
linear RGB; distances are CIE76 ΔE in CIELAB (about 2.3 is just noticeable; the floors below
ask for plainly different colours).
"""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtGui import QPalette

from annotator.core.schema import LabelSchema
from annotator.gui.article_view import SELECTION_COLOR, TINT_ALPHA, ArticleView

VISION = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
}
BETWEEN_LABELS = 9.0
FROM_SELECTION = 30.0


def rgb(color: str) -> tuple[float, ...]:
    color = color.lstrip("#")
    return tuple(int(color[i : i + 2], 16) / 255 for i in (0, 2, 4))


def tinted(color: str, alpha: int) -> tuple[float, ...]:
    """The label colour at ``alpha`` over the white page, as the article shows it."""
    return tuple(alpha / 255 * c + (1 - alpha / 255) for c in rgb(color))


def lab(color: tuple[float, ...], vision: str) -> tuple[float, float, float]:
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in color]
    seen = [
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, linear, strict=True))))
        for row in VISION[vision]
    ]
    x = (0.4124 * seen[0] + 0.3576 * seen[1] + 0.1805 * seen[2]) / 0.95047
    y = 0.2126 * seen[0] + 0.7152 * seen[1] + 0.0722 * seen[2]
    z = (0.0193 * seen[0] + 0.1192 * seen[1] + 0.9505 * seen[2]) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))


@pytest.mark.parametrize("vision", list(VISION))
@pytest.mark.parametrize("role", ["plain", "selected", "flash"])
def test_labels_differ_from_each_other_and_from_the_selection(vision, role):
    colors = {name: spec.color for name, spec in LabelSchema.load().labels.items()}
    painted = {name: lab(tinted(c, TINT_ALPHA[role]), vision) for name, c in colors.items()}
    selection = lab(rgb(SELECTION_COLOR), vision)
    for (a, la), (b, lb) in itertools.combinations(painted.items(), 2):
        assert math.dist(la, lb) >= BETWEEN_LABELS, (a, b, vision, role)
    for name, color in painted.items():
        assert math.dist(color, selection) >= FROM_SELECTION, (name, vision, role)


def test_the_old_speaker_blue_would_fail():
    """The check can fail: SPEAKER's former blue is too close to the selection."""
    old = lab(tinted("#6fa8dc", TINT_ALPHA["flash"]), "normal")
    assert math.dist(old, lab(rgb(SELECTION_COLOR), "normal")) < FROM_SELECTION


def test_the_article_paints_its_selection_in_that_colour(qtbot):
    view = ArticleView({})
    qtbot.addWidget(view)
    assert view.palette().color(QPalette.ColorRole.Highlight).name().upper() == SELECTION_COLOR
