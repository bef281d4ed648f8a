"""Who said what on real political news: corroborate beside a simple baseline, one run.

    python bench/bench_attribution.py

Both read PolNeAR's dev split (../shared/data/polnear-dev: 83 articles from
seven US outlets, 2,104 annotated attributions) one article at a time and
write the document form the set's own ``score.py`` reads (statements with a
speaker and evidence spans); that scorer prints content recall (named and
all sources, direct and indirect), precision, speaker accuracy and full
recall. Articles per second are timed over cleaning and extraction.

The baseline is what a user would write first: every sentence with "said",
"says", "told" or "according to" is a statement, its speaker the capitalised
words right before the verb (after "according to").
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import need

_CUE = re.compile(r"\b(?:said|says|told)\b|\baccording to\b")
_CAPS_BEFORE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*,?\s*$")
_CAPS_AFTER = re.compile(r"^\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def baseline(aid: str, text: str) -> list[dict[str, Any]]:
    out = []
    for s in _SENTENCE.finditer(text):
        m = _CUE.search(s[0])
        if not m:
            continue
        if m[0] == "according to":
            spk = _CAPS_AFTER.match(s[0][m.end() :])
        else:
            spk = _CAPS_BEFORE.search(s[0][: m.start()])
        if not spk:
            continue
        ev = {"article": aid, "start": s.start(), "end": s.end(), "text": s[0]}
        out.append({"speaker": spk[1], "text": s[0], "evidence": [ev]})
    return out


def corroborate_statements(aid: str, text: str) -> tuple[list[dict[str, Any]], str]:
    """corroborate's statements and the clean text their offsets index."""
    from corroborate import clean_article
    from corroborate.extract import extract

    article = clean_article(text, language="en")
    statements = [
        {"speaker": st.speaker, "text": st.text, "direct": st.direct, "kind": st.kind,
         "evidence": [{"article": aid, "start": e.start, "end": e.end, "text": e.text}
                      for e in st.evidence]}
        for st in extract(article).statements
    ]  # fmt: skip
    return statements, article.text


def _run(name: str, files: list[Path], folder: Path) -> None:
    articles = []
    t0 = time.perf_counter()
    for i, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        aid = f"a{i}"
        if name == "corroborate":
            statements, clean = corroborate_statements(aid, text)
        else:
            statements, clean = baseline(aid, text), text
        articles.append({"id": aid, "path": str(path), "text": clean, "statements": statements})
    took = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "doc.json"
        doc.write_text(json.dumps({"articles": articles}))
        score = subprocess.run(
            [sys.executable, str(folder / "score.py"), str(doc)], capture_output=True, text=True
        )
    print(f"== {name}: {len(files)} articles in {took:.2f} s ({len(files) / took:,.0f} articles/s)")
    print(score.stdout.strip() or score.stderr.strip())


def main() -> int:
    folder = need("data/polnear-dev")
    files = sorted((folder / "articles").glob("*.txt"))
    corroborate_statements("warm", "Warm-up text. Ana Ruiz said the bridge would reopen.")
    _run("corroborate", files, folder)
    _run("baseline (said/says/told/according to)", files, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
