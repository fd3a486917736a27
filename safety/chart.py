"""Geometry of the dashboard's stacked bar chart (comments per day by status), for an SVG
drawn by the server: no script, no charting library, nothing fetched."""

from __future__ import annotations

from math import ceil

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 12, 40
# Order from the axis up, with a colour that reads on light and dark backgrounds.
SERIES = [
    ("approved", "Approved", "#2f9e5b"),
    ("pending", "Pending", "#d49b12"),
    ("rejected", "Rejected", "#8b919c"),
    ("spam", "Spam", "#d9534f"),
    ("unconfirmed", "Awaiting confirmation", "#5b8def"),
]


def nice_ceiling(value: int) -> int:
    """A round top for the y axis (1, 2, 5 × 10ⁿ) at or above value."""
    if value <= 4:
        return 4
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return ceil(value / magnitude) * magnitude


def stacked_bars(days, per_day) -> dict:
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    top = nice_ceiling(max((sum(per_day[d].values()) for d in days), default=0))
    slot = plot_w / max(len(days), 1)
    bar_w = max(slot * 0.7, 1)
    bars = []
    for index, day in enumerate(days):
        x = LEFT + index * slot + (slot - bar_w) / 2
        y = TOP + plot_h
        segments = []
        for key, label, colour in SERIES:
            count = per_day[day].get(key, 0)
            if not count:
                continue
            height = plot_h * count / top
            y -= height
            segments.append(
                {
                    "x": round(x, 1),
                    "y": round(y, 1),
                    "w": round(bar_w, 1),
                    "h": round(height, 1),
                    "colour": colour,
                    "label": label,
                    "count": count,
                }
            )
        bars.append(
            {
                "day": day,
                "segments": segments,
                "label_x": round(x + bar_w / 2, 1),
                "show_label": index % 5 == 0 or index == len(days) - 1,
            }
        )
    gridlines = []
    for i in range(5):
        value = top * i // 4
        gridlines.append({"value": value, "y": round(TOP + plot_h - plot_h * value / top, 1)})
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + plot_h,
        "label_y": TOP + plot_h + 16,
        "bars": bars,
        "gridlines": gridlines,
        "series": SERIES,
    }
