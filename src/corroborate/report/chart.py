"""Charts as inline SVG (matplotlib, no pyplot state, no fonts embedded).

``figures_chart`` plots each reported figure of a story over time: one panel
per measure reported at two dates or more (the most reported first; one
date is a table, not a chart), one colour per origin, so both a figure's
growth and disagreement between sources show at a glance. Markers say what
a value is: ▲ a lower bound ("at least", "more than"), ▼ an upper bound
("nearly", "up to"), ◆ an estimate ("about"), ● a number as stated, and a
bar spans a range. Vague amounts ("thousands") are never plotted. Counts
get whole-number axes from zero.
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
    """measure -> origin -> [(date, amount, report)]: dated reports given as
    numbers (not "thousands"), within two years of the latest (a figure "as of
    the 1990s" is background), of measures reported at two dates or more."""
    points: list[tuple[str, str, date, float, Support]] = []
    for c in claims:
        if c.kind != "figure" or not c.measure:
            continue
        for s in c.support:
            when = _when(s.as_of)
            if when is not None and s.amount is not None and _DIGIT.search(s.value or ""):
                points.append((c.measure, s.origin, when, s.amount, s))
    out: dict[str, dict[str, list[tuple[date, float, Support]]]] = {}
    if not points:
        return out
    latest = max(p[2] for p in points)
    for measure, origin, when, amount, s in points:
        if (latest - when).days <= 730:
            out.setdefault(measure, {}).setdefault(origin, []).append((when, amount, s))
    return {m: by for m, by in out.items()
            if len({p[0] for pts in by.values() for p in pts}) >= 2}  # fmt: skip


_DIGIT = re.compile(r"\d")
_LOWER_BOUND = re.compile(r"^(?:at least|more than|over|above|in excess of|upwards of)\b", re.I)
_UPPER_BOUND = re.compile(r"^(?:nearly|almost|up to|fewer than|less than|under|as many as)\b", re.I)
_ESTIMATE = re.compile(
    r"^(?:about|around|approximately|roughly|some|an estimated|close to)\b", re.I
)
_RANGE = re.compile(r"\d\s*(?:-|–|to)\s*[$€£]?\d")


def marker_of(value: str | None) -> str:
    """The marker for a reported value: ^ lower bound, v upper bound, D
    estimate, | range, o as stated."""
    text = (value or "").strip()
    if _RANGE.search(text):
        return "|"
    if _LOWER_BOUND.match(text):
        return "^"
    if _UPPER_BOUND.match(text):
        return "v"
    if _ESTIMATE.match(text):
        return "D"
    return "o"


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
    try:
        from matplotlib import rc_context
    except ModuleNotFoundError:  # charts are an extra: the brief is complete without them
        return None

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
    n = len(measures)
    fig = Figure(figsize=(9, 2.1 * n + 0.9))
    # the legend sits right of each panel (never over its points)
    fig.subplots_adjust(left=0.09, right=0.72, top=1 - 0.5 / (2.1 * n + 0.9),
                        bottom=0.75 / (2.1 * n + 0.9), hspace=0.6)  # fmt: skip
    axes = fig.subplots(len(measures), 1, squeeze=False)[:, 0]
    for ax, measure in zip(axes, measures, strict=True):
        amounts: list[float] = []
        tops: list[float] = []
        for k, (origin, points) in enumerate(sorted(series[measure].items())):
            points.sort(key=lambda p: p[0])
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            amounts += ys
            color = f"C{k % 10}"
            ax.plot(xs, ys, linestyle="-", color=color, alpha=0.5, label=_safe(origin)[:32])
            for x, y, report in points:  # each value marked as what it is
                m = marker_of(report.value)
                if m == "|":  # a range: a bar from its low to its high end
                    low, high = _range(report.value or "", y)
                    ax.vlines(x, low, high, colors=color, linewidth=3)
                    tops.append(high)
                else:
                    ax.plot([x], [y], marker=m, color=color, linestyle="none", markersize=7)
        if amounts and min(amounts) >= 0:
            ax.set_ylim(bottom=0, top=max(amounts + tops) * 1.2 or 1)  # counts from zero
        if all(float(a).is_integer() for a in amounts):
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        # a title at a fixed height and a legend at a fixed corner: matplotlib
        # otherwise measures every artist to place them, which dominates a draw
        ax.set_title(_safe(measure), loc="left", fontsize=10, y=1.0)
        ax.set_ylabel("reported")
        ax.grid(True, alpha=0.3)
        if not all(float(a).is_integer() for a in amounts):
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
        locator = AutoDateLocator(minticks=2, maxticks=5, interval_multiples=False)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    if title:
        fig.suptitle(_safe(title)[:90], fontsize=10)
    fig.text(0.09, 0.08 / (2.1 * n + 0.9), "▲ at least   ▼ at most   ◆ about   ● as stated   "
             "| range", fontsize=7, color="#555")  # fmt: skip
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _range(value: str, middle: float) -> tuple[float, float]:
    """The two ends of a range as written ("300-400", "1,000 to 3,000")."""
    nums = [float(n.replace(",", "")) for n in _NUMBER.findall(value)]
    if len(nums) >= 2 and nums[0] <= middle <= nums[1] * 1.0001:
        return nums[0], nums[1]
    return middle, middle


_ID_REF = re.compile(r'(\bid="|\bhref="#|url\(#)([^")]+)')


def _scope_ids(svg: str, prefix: str) -> str:
    """Prefix every id and reference to one: matplotlib names groups
    "figure_1", "axes_1"... in every chart, which would clash when several
    charts share a page."""
    return _ID_REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
