"""The HTML report's charts, drawn as inline SVG: no script, no image file, nothing fetched.

Colours come from CSS classes (the report's stylesheet), so the charts follow light and dark mode
and print. Every bar carries a <title>, which browsers show on hover and screen readers read.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 10, 28  # margins: axis labels left and below
MAX_MONTH_LABELS = 12


@dataclass(frozen=True)
class Layer:
    """One part of a stacked bar: a CSS class and the count for each month."""

    css: str
    label: str
    counts: Sequence[int]


def month_range(first: str, last: str) -> list[str]:
    """Every month from `first` to `last`, so that months with no posts show as gaps."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def stacked_shares(name: str, title: str, months: Sequence[str], layers: Sequence[Layer],
                   totals: Sequence[int]) -> Markup:
    """A bar per month, 100 % high when the month has posts, split into the layers' shares."""
    bars = []
    for index, month in enumerate(months):
        base = 0.0
        for layer in layers:
            count, total = layer.counts[index], totals[index]
            part = count / total if total else 0.0
            tip = f"{month}: {layer.label} {count:,} of {total:,} posts ({100 * part:.0f}%)"
            bars.append(_bar(layer.css, index, len(months), base, part, tip))
            base += part
    return _svg(name, title, bars, months, [(share, f"{100 * share:.0f}%") for share in (0, .25, .5, .75, 1)])


def counts_per_month(name: str, title: str, months: Sequence[str], layer: Layer) -> Markup:
    """A bar per month, as high as its count."""
    top = _nice_ceiling(max(layer.counts, default=0))
    bars = [_bar(layer.css, index, len(months), 0, count / top, f"{month}: {count:,} {layer.label}")
            for index, (month, count) in enumerate(zip(months, layer.counts, strict=True))]
    ticks = [(step / 4, f"{round(top * step / 4):,}") for step in range(5)]
    return _svg(name, title, bars, months, ticks)


def ranking(name: str, title: str, items: Sequence[tuple[str, int]], css: str) -> Markup:
    """A horizontal bar per item, longest first, labelled with its name and count."""
    row = 26
    label_width = min(320, 16 + 7 * max((len(label) for label, _ in items), default=0))  # ~7 px a character
    height = row * len(items) + 4
    top = max((count for _, count in items), default=0) or 1
    shapes = []
    for index, (label, count) in enumerate(items):
        y = index * row + 4
        length = (WIDTH - label_width - 60) * count / top
        shapes.append(
            Markup('<text class="label" x="{}" y="{}" text-anchor="end">{}</text>'
                   '<rect class="bar {}" x="{}" y="{}" width="{:.1f}" height="{}"><title>{}: {:,} posts</title></rect>'
                   '<text class="value" x="{:.1f}" y="{}">{:,}</text>').format(
                label_width - 8, y + 16, label, css, label_width, y, length, row - 8, label, count,
                label_width + length + 6, y + 16, count))
    return Markup('<svg class="chart" data-chart="{}" viewBox="0 0 {} {}" role="img" aria-label="{}">'
                  '<title>{}</title>{}</svg>').format(name, WIDTH, height, title, title, Markup("").join(shapes))


def _bar(css: str, index: int, count: int, base: float, part: float, tip: str) -> Markup:
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(count, 1)
    gap = min(2.0, slot * 0.2)
    height = part * plot_height
    y = TOP + plot_height - (base * plot_height) - height
    return Markup('<rect class="bar {}" x="{:.2f}" y="{:.2f}" width="{:.2f}" height="{:.2f}"><title>{}</title>'
                  '</rect>').format(css, LEFT + index * slot + gap / 2, y, max(slot - gap, 0.5), height, tip)


def _svg(name: str, title: str, bars: list[Markup], months: Sequence[str], ticks: list[tuple[float, str]]) -> Markup:
    plot_height = HEIGHT - TOP - BOTTOM
    grid = [Markup('<line class="grid" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/>'
                   '<text class="axis" x="{}" y="{:.1f}" text-anchor="end">{}</text>').format(
        LEFT, WIDTH - RIGHT, TOP + plot_height * (1 - at), TOP + plot_height * (1 - at), LEFT - 6,
        TOP + plot_height * (1 - at) + 4, label) for at, label in ticks]
    every = max(1, -(-len(months) // MAX_MONTH_LABELS))  # at most MAX_MONTH_LABELS labels under the bars
    slot = (WIDTH - LEFT - RIGHT) / max(len(months), 1)
    labels = [Markup('<text class="axis" x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
        LEFT + (index + 0.5) * slot, HEIGHT - 8, month) for index, month in enumerate(months) if index % every == 0]
    return Markup('<svg class="chart" data-chart="{}" viewBox="0 0 {} {}" role="img" aria-label="{}">'
                  '<title>{}</title>{}{}{}</svg>').format(
        name, WIDTH, HEIGHT, title, title, Markup("").join(grid), Markup("").join(bars), Markup("").join(labels))


def _nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 4, 5, 10, 20, 40, 50, ... at least `value` (1 for nothing), for round ticks."""
    magnitude = 1
    while True:
        for step in (1, 2, 4, 5):
            if step * magnitude >= value:
                return step * magnitude
        magnitude *= 10

