"""Claim checking on real coverage: news-dev-2's gold figures as claims.

Run: python bench/bench_check.py

Each gold figure record with one number becomes a true claim in plain words,
naming its event as a fact-checker's claim does ("At least 11,300 people
killed in Derna.", "The depth of the 20 Feb Hatay quake was 10 km.", "Up to
750 people on board (Pylos migrant shipwreck off Greece)."); its distorted twin states a
number three times larger; claims about invented places the coverage never
mentions are the unsupported ones. A distorted number that lies between two
values the gold gives the same figure over time is not used either (a step of a
changing count: the coverage may have said it). Prints how the verdicts fall, the share of
true claims found supported (corroborated, single-source or contested), the
distorted or unsupported claims verdicted corroborated or single-source (the
target is none), and the time per claim. A distorted number that some gold
figure of the event gives (tolls grow) is not used.
"""

from __future__ import annotations

import json
import re

from _claims import check_all, report
from _shared import need

from corroborate.pipeline import process
from corroborate.report.json import story_to_dict

SUPPORTED = {"corroborated", "single-source", "contested"}
QUALIFIER = {"exact": "", "more than": "More than ", "at least": "At least ", "about": "About ",
             "nearly": "Nearly ", "up to": "Up to "}  # fmt: skip
ELSEWHERE = ["Valmora", "Tessaly", "Corvenia", "Ardena", "Lunaria"]  # invented places


def claims() -> list[tuple[str, str]]:
    """(claim, kind) with kind true, distorted or unsupported."""
    gold = json.loads((need("data/news-dev-2") / "gold_figures.json").read_text())
    labels = json.loads((need("data/news-dev-2") / "labels.json").read_text())
    events = {r["event_id"]: _event_name(r["event"]) for r in labels}
    out: list[tuple[str, str]] = []
    seen = set()
    for r in gold:
        if isinstance(r["value"], list) or r["qualifier"] not in QUALIFIER or r["value"] < 2:
            continue
        value = r["value"]
        text = _phrase(r["figure"], r["qualifier"], value, events[r["event_id"]])
        if text in seen:
            continue
        seen.add(text)
        out.append((text, "true"))
        wrong = value * 3
        if _entailed(wrong, r, gold):
            continue  # tolls grow: the coverage may say it after all
        out.append(
            (_phrase(r["figure"], r["qualifier"], wrong, events[r["event_id"]]), "distorted")
        )
    for k, place in enumerate(ELSEWHERE * 4):
        out.append((f"{40 + 17 * k} people were killed by floods in {place}.", "unsupported"))
    return out


def _entailed(value: float, record: dict, gold: list[dict]) -> bool:
    """Whether some gold figure of the event gives ``value`` (within 5%) or,
    for a lower bound, more, or the value lies between two values the gold
    gives the same figure over time (a step of a changing count): then the
    "distorted" claim may be true."""
    same = [v for g in gold if g["event_id"] == record["event_id"]
            and g["figure"] == record["figure"]
            for v in (g["value"] if isinstance(g["value"], list) else [g["value"]])]  # fmt: skip
    if len(same) >= 2 and min(same) * 0.95 <= value <= max(same) * 1.05:
        return True
    for g in gold:
        if g["event_id"] != record["event_id"]:
            continue
        for v in g["value"] if isinstance(g["value"], list) else [g["value"]]:
            if abs(v - value) <= 0.05 * value:
                return True
            if record["qualifier"] in ("at least", "more than") and v >= value:
                return True
    return False


# a unit a gold figure names in brackets ("rain in 24 hours (mm)"), as a claim writes it
UNITS = {"USD": "${}", "EUR": "€{}", "percent": "{}%", "m": "{} metres", "km": "{} km",
         "hours": "{} hours", "feet": "{} feet", "mph": "{} mph", "mm": "{} mm",
         "cm": "{} cm", "miles": "{} miles", "nautical miles": "{} nautical miles",
         "cubic metres": "{} cubic metres", "lbs": "{} lbs"}  # fmt: skip


# a figure record naming a property of one thing, not a count of things
PROPERTIES = frozenset(["population", "age", "length", "width", "crowd", "price", "cost",
                        "depth", "height", "size", "distance", "speed", "share"])  # fmt: skip


def _event_name(label: str) -> str:
    """The event as a claim names it: "Libya floods after Storm Daniel" for
    "Libya (Derna) floods after Storm Daniel, Sept 2023"."""
    return re.sub(r"\s*\([^)]*\)", "", label.split(",")[0]).strip()


def _phrase(figure: str, qualifier: str, value: float, event: str) -> str:
    """A gold figure as a fact-checker writes the claim, naming its event:
    "At least 11,300 people killed in Derna.", "The rain in 24 hours was more
    than 400 mm (Libya floods after Storm Daniel).", "The population of Derna
    was about 100,000." A bracketed note ("(mayor's
    estimate)") is left out."""
    number = f"{value:,}" if float(value).is_integer() else str(value)
    m = re.match(r"(.*?)\s*\(([^)]*)\)\s*$", figure)
    what, unit = (m[1], m[2]) if m else (figure, "")
    named = re.search(r"\b[A-Z]", what)  # the figure names a place, a person or the event
    tail = "" if named else f" ({event})"
    if unit in UNITS:
        amount = UNITS[unit].format(number)
        return _first_up(f"the {what} was {QUALIFIER[qualifier].lower()}{amount}{tail}.")
    if what.split()[0].lower() in PROPERTIES:  # "population of Derna": "The population ... was"
        return _first_up(f"the {what} was {QUALIFIER[qualifier].lower()}{number}{tail}.")
    return _first_up(f"{QUALIFIER[qualifier]}{number} {what}{tail}.")


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def main() -> None:
    doc = process([str(need("data/news-dev-2/articles"))])
    stories = [story_to_dict(s) for s in doc.stories]
    verdicts, times = check_all(claims(), stories, ["true", "distorted", "unsupported"])
    report(verdicts, times, len(stories), ["distorted"], frozenset(SUPPORTED), ("unsupported",))


if __name__ == "__main__":
    main()
