"""Language identification: py3langid vs lingua, accuracy and speed.

Accuracy on the labelled news-dev excerpts (../shared) at several sample
lengths, and on a 15-language probe set of one-sentence texts written for
this benchmark; time per text for each detector.

    python bench/bench_language.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _shared import need

PROBE = [
    (
        "Die Regierung hat am Montag neue Maßnahmen gegen die Inflation angekündigt, sagte der Minister.",
        "de",
    ),
    (
        "Le gouvernement a annoncé lundi de nouvelles mesures contre l'inflation, a déclaré le ministre.",
        "fr",
    ),
    ("El gobierno anunció el lunes nuevas medidas contra la inflación, dijo el ministro.", "es"),
    (
        "O governo anunciou na segunda-feira novas medidas contra a inflação, disse o ministro.",
        "pt",
    ),
    (
        "Il governo ha annunciato lunedì nuove misure contro l'inflazione, ha detto il ministro.",
        "it",
    ),
    ("Правительство в понедельник объявило о новых мерах против инфляции, заявил министр.", "ru"),
    ("Уряд у понеділок оголосив нові заходи проти інфляції, заявив міністр.", "uk"),
    ("정부는 월요일 인플레이션에 대한 새로운 조치를 발표했다고 장관이 말했다.", "ko"),
    ("政府は月曜日、インフレに対する新たな措置を発表したと大臣が述べた。", "ja"),
    (
        "De regering heeft maandag nieuwe maatregelen tegen de inflatie aangekondigd, zei de minister.",
        "nl",
    ),
    ("Rząd ogłosił w poniedziałek nowe środki przeciwko inflacji, powiedział minister.", "pl"),
    ("Hükümet pazartesi günü enflasyona karşı yeni önlemler açıkladı, dedi bakan.", "tr"),
    ("The government announced new measures against inflation on Monday, the minister said.", "en"),
    ("Regeringen meddelade på måndagen nya åtgärder mot inflationen, sade ministern.", "sv"),
    ("Vláda v pondělí oznámila nová opatření proti inflaci, uvedl ministr.", "cs"),
]


def main() -> None:
    from corroborate.clean.boilerplate import clean_text

    root = need("data/news-dev")
    labels = json.loads((root / "labels.json").read_text())
    dev = [
        (clean_text((root / "articles" / x["file"]).read_text()).text, x["language"])
        for x in labels
    ]
    import py3langid

    def langid(t: str) -> str:
        return str(py3langid.classify(t)[0])

    detectors = {"py3langid": langid}
    try:
        from lingua import LanguageDetectorBuilder

        t0 = time.perf_counter()
        det = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()
        print(f"lingua model load: {time.perf_counter() - t0:.1f}s")

        def lingua(t: str) -> str:
            r = det.detect_language_of(t)
            return r.iso_code_639_1.name.lower() if r else "?"

        detectors["lingua"] = lingua
    except ImportError:
        print("lingua not installed (pip install corroborate-news[bench]): skipped")
    print(f"{'detector':10} {'sample':>6} {'news-dev':>9} {'probe':>6} {'ms/text':>8}")
    for name, fn in detectors.items():
        for sample in (200, 300, 500, 1000):
            t0 = time.perf_counter()
            ok_dev = sum(fn(t[:sample]) == y for t, y in dev)
            ok_probe = sum(fn(t[:sample]) == y for t, y in PROBE)
            ms = (time.perf_counter() - t0) / (len(dev) + len(PROBE)) * 1000
            print(
                f"{name:10} {sample:6} {ok_dev:4}/{len(dev):<4} {ok_probe:3}/{len(PROBE):<2} {ms:8.3f}"
            )
    fast_path_agreement()


def fast_path_agreement() -> None:
    """How often the English shortcut decides, and whether py3langid agrees."""
    import gzip

    from corroborate.clean.html import extract_page
    from corroborate.clean.language import detect_language, looks_english

    texts = []
    aeb = need("data/article-extraction-benchmark")
    for page in sorted((aeb / "html").glob("*.html.gz")):
        texts.append(extract_page(gzip.decompress(page.read_bytes()).decode("utf-8")).text)
    dev = need("data/news-dev")
    texts += [p.read_text() for p in sorted((dev / "articles").glob("*.txt"))]
    texts += [t for t, _ in PROBE]
    decided = agreed = 0
    for t in texts:
        if looks_english(t[:300]):
            decided += 1
            agreed += detect_language(t, fast=False) == "en"
    print(
        f"English fast path: decided {decided} of {len(texts)} texts "
        f"(AEB pages, news-dev, probe); py3langid agrees on {agreed} of {decided}"
    )


if __name__ == "__main__":
    main()
