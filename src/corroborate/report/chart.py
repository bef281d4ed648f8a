"""Charts as inline SVG (matplotlib, no pyplot state, no fonts embedded).

``figures_chart`` plots each reported figure of a story over time: one panel
per measure (the most reported first), one marker series per origin, so
both a figure's growth and disagreement between sources show at a glance.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from collections.abc import Sequence
from datetime import date
from typing import Any

from corroborate.model import Claim, Support

MAX_PANELS = 4


def _when(iso: str | None) -> date | None:
    if not iso:
        return None
    head = iso.split("/")[0]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", head):
            return date.fromisoformat(head)
        if re.fullmatch(r"\d{4}-\d{2}", head):
            y, m = head.split("-")
            return date(int(y), int(m), 15)
        if re.fullmatch(r"\d{4}", head):
            return date(int(head), 7, 1)
    except ValueError:
        return None
    return None


def chart_series(
    claims: Sequence[Claim],
) -> dict[str, dict[str, list[tuple[date, float, Support]]]]:
    """measure -> origin -> [(date, amount, report)], dated numeric reports only,
    within two years of the latest (a figure "as of the 1990s" is background)."""
    points: list[tuple[str, str, date, float, Support]] = []
    for c in claims:
        if c.kind != "figure" or not c.measure:
            continue
        for s in c.support:
            when = _when(s.as_of)
            if when is not None and s.amount is not None:
                points.append((c.measure, s.origin, when, s.amount, s))
    out: dict[str, dict[str, list[tuple[date, float, Support]]]] = {}
    if not points:
        return out
    latest = max(p[2] for p in points)
    for measure, origin, when, amount, s in points:
        if (latest - when).days <= 730:
            out.setdefault(measure, {}).setdefault(origin, []).append((when, amount, s))
    return out


def _safe(text: str) -> str:
    """Label text from articles, made harmless: matplotlib also copies labels
    into SVG comments, where "-->" or markup would end them early."""
    return re.sub(r"[<>&\"'\-]+", " ", text).strip()


def figures_chart(claims: Sequence[Claim], title: str = "", salt: str = "") -> str | None:
    """An SVG document (as text) of figures over time, or None without data.

    ``salt`` seeds the SVG's internal ids: the same chart comes out byte for
    byte the same, and charts with different salts (one per story) can share
    a page without id clashes."""
    series = chart_series(claims)
    measures = sorted(series, key=lambda m: -sum(len(v) for v in series[m].values()))
    measures = [m for m in measures if sum(len(v) for v in series[m].values()) >= 1][:MAX_PANELS]
    if not measures:
        return None
    from matplotlib import rc_context

    # text as <text> (escaped), not glyph paths: several times faster, smaller;
    # no mathtext: "$...$" in an outlet's name is text, not a formula to parse
    rc: dict[str, Any] = {
        "svg.fonttype": "none",
        "svg.hashsalt": f"corroborate:{salt}",
        "text.parse_math": False,
    }
    with warnings.catch_warnings(), rc_context(rc):  # type: ignore[arg-type]
        warnings.simplefilter("ignore", UserWarning)  # date locators on one-day spans
        svg = _draw(series, measures, title)
    svg = svg[svg.index("<svg") :]  # inline: no XML prolog or doctype
    return _scope_ids(svg, "c" + hashlib.sha1(salt.encode()).hexdigest()[:8])


def _draw(series: dict, measures: list[str], title: str) -> str:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    # fixed margins (no layout engine: one draw) and plain date ticks keep a
    # chart to tens of milliseconds
    fig = Figure(figsize=(7.5, 2.3 * len(measures)))
    fig.subplots_adjust(left=0.1, right=0.98, top=0.93, bottom=0.1, hspace=0.6)
    axes = fig.subplots(len(measures), 1, squeeze=False)[:, 0]
    markers = "osD^vP*X"
    for ax, measure in zip(axes, measures, strict=True):
        for k, (origin, points) in enumerate(sorted(series[measure].items())):
            points.sort(key=lambda p: p[0])
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            ax.plot(
                xs, ys, marker=markers[k % len(markers)], linestyle="-", label=_safe(origin)[:40]
            )
        # a title at a fixed height and a legend at a fixed corner: matplotlib
        # otherwise measures every artist to place them, which dominates a draw
        ax.set_title(_safe(measure), loc="left", fontsize=10, y=1.0)
        ax.set_ylabel("reported")
        ax.grid(True, alpha=0.3)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
        locator = AutoDateLocator(minticks=2, maxticks=5, interval_multiples=False)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.legend(fontsize=7, loc="upper left", frameon=False)
    if title:
        fig.suptitle(_safe(title)[:90], fontsize=10)
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


_ID_REF = re.compile(r'(\bid="|\bhref="#|url\(#)([^")]+)')


def _scope_ids(svg: str, prefix: str) -> str:
    """Prefix every id and reference to one: matplotlib names groups
    "figure_1", "axes_1"... in every chart, which would clash when several
    charts share a page."""
    return _ID_REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
