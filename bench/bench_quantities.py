"""Quantities in real news sentences: corroborate beside quantulum3, one run.

    python bench/bench_quantities.py [--limit N]

Both read NewsQuant's dev half (../shared/data/newsquant-dev, 308 sentences,
491 quantities) one sentence at a time; each tool's figures are written in
the document form the set's own ``score.py`` reads (figures with a value or
low/high, evidence naming the sentence), and that scorer prints value
precision, recall and F1, recall by category and qualifier agreement.
Sentences per second are timed over extraction alone (cleaning included
for corroborate, which needs a clean article).

quantulum3 0.10.0 is run with its unit classifier off (``USE_CLF = False``):
its bundled scikit-learn model does not load with the scikit-learn that
corroborate uses. Published value F1 on the whole set (908 quantities):
CQE 0.920, quantulum3 0.730, GPT-3 0.706.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import need


def corroborate_figures(text: str) -> list[dict[str, Any]]:
    from corroborate import clean_article
    from corroborate.errors import BadInput
    from corroborate.extract import extract

    try:
        article = clean_article(text)
    except BadInput:  # a dateline alone: no article text, no figures
        return []
    return [
        {"value": f.value, "low": f.low, "high": f.high, "qualifier": f.qualifier,
         "unit": f.unit, "measure": f.measure}
        for f in extract(article).figures
    ]  # fmt: skip


def quantulum_figures(text: str) -> list[dict[str, Any]]:
    from quantulum3 import parser

    out = []
    for q in parser.parse(text):
        low_high = getattr(q, "uncertainty", None)
        fig: dict[str, Any] = {"value": q.value, "unit": q.unit.name, "qualifier": "exact"}
        if isinstance(low_high, (int, float)) and low_high:
            fig["qualifier"] = "about"
        out.append(fig)
    return out


def _run(name: str, fn: Any, sentences: list[dict[str, str]], folder: Path) -> None:
    articles = []
    t0 = time.perf_counter()
    for s in sentences:
        figs = fn(s["text"])
        for f in figs:
            f["evidence"] = [{"article": s["id"]}]
        articles.append({"id": s["id"], "text": s["text"], "figures": figs})
    took = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / f"{name}.json"
        doc.write_text(json.dumps({"articles": articles}))
        score = subprocess.run(
            [sys.executable, str(folder / "score.py"), str(doc)], capture_output=True, text=True
        )
    print(f"== {name}: {len(sentences)} sentences in {took:.2f} s "
          f"({len(sentences) / took:,.0f} sentences/s)")  # fmt: skip
    print(score.stdout.strip() or score.stderr.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="first N sentences only")
    args = parser.parse_args()
    folder = need("data/newsquant-dev")
    lines = (folder / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    sentences = [json.loads(x) for x in lines if x.strip()]
    if args.limit:
        sentences = sentences[: args.limit]
    corroborate_figures("Warm-up: 3 people.")  # imports and lexicons out of the timing
    _run("corroborate", corroborate_figures, sentences, folder)
    try:
        import quantulum3.classifier as clf
    except ImportError:
        print("== quantulum3: not installed (pip install 'corroborate-news[bench]')")
        return 0
    clf.USE_CLF = False
    quantulum_figures("Warm-up: 3 people.")
    _run("quantulum3", quantulum_figures, sentences, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
