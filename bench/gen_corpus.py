"""A deterministic generator of scraped-looking news articles (for benchmarks).

Each article has a title (sometimes repeated), a dateline, nav and share
lines, an ad label, captions, a byline or follow line, 8-20 body paragraphs
and a related-links tail: the debris the cleaner has to remove.
"""

from __future__ import annotations

import random

_WORDS = [
    "government",
    "officials",
    "said",
    "the",
    "ministry",
    "troops",
    "border",
    "ceasefire",
    "talks",
    "report",
    "agency",
    "estimated",
    "casualties",
    "killed",
    "wounded",
    "city",
    "region",
    "president",
    "minister",
    "parliament",
    "election",
    "vote",
    "court",
    "ruling",
    "investigation",
    "police",
    "rescue",
    "teams",
    "flood",
    "earthquake",
    "fire",
    "storm",
    "hospital",
    "residents",
    "evacuated",
    "aid",
    "convoy",
    "sources",
    "according",
    "analysts",
    "warned",
    "economy",
    "prices",
    "inflation",
    "market",
    "exports",
    "week",
    "statement",
    "spokesperson",
    "confirmed",
    "denied",
    "briefing",
    "intelligence",
    "service",
]
_NAMES = ["Anna Kovacs", "Jon Mbeki", "Lee Min-jun", "Sofia Reyes", "Omar Haddad", "Ivo Petrov"]
_PLACES = ["Valmora", "Kestrel Bay", "Durnholt", "Port Anselm", "Lisk", "Oranda"]
_OUTLETS = ["The Daily Meridian", "Northwind Post", "Harbor Ledger", "Civic Wire"]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


_TEMPLATES = [
    "The {w} in {p} said on {d} that at least {n} people had been {v} after the {w}.",
    "According to the {w} {w}, more than {n} {w} were {v} in {p} over the past week.",
    "{name}, a spokesperson for the {W} {W}, told reporters that the {w} would continue.",
    "Officials from {p} have not confirmed the {w}, but {name} said it was likely to {w2} the {w}.",
    "It was the {w} {w} of its kind since the {w} began, and {n} {w} have been {v} so far.",
    "The {w} of {p} and the {w} of {p} agreed on {d} to hold further talks about the {w}.",
    "{name} said that the {w} had been {v} by the {w} and that there was no {w} for it.",
    "Residents of {p} were {v} as the {w} spread, with about {n} homes {v} by the evening.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_VERBS = ["killed", "injured", "evacuated", "detained", "displaced", "rescued", "reported"]


def _sentence(rng: random.Random) -> str:
    s = rng.choice(_TEMPLATES)
    while "{" in s:
        s = s.replace("{w}", rng.choice(_WORDS), 1).replace("{w2}", rng.choice(_WORDS), 1)
        s = s.replace("{W}", rng.choice(_WORDS).title(), 1).replace("{p}", rng.choice(_PLACES), 1)
        s = s.replace("{d}", rng.choice(_DAYS), 1).replace("{v}", rng.choice(_VERBS), 1)
        s = s.replace("{n}", f"{rng.randint(2, 400) * 10:,}", 1).replace(
            "{name}", rng.choice(_NAMES), 1
        )
    s = s[0].upper() + s[1:]
    if rng.random() < 0.15:
        return f"\u201c{s[:-1]},\u201d {rng.choice(_NAMES)} said."
    return s


def article(i: int, rng: random.Random) -> str:
    title = f"{rng.choice(_PLACES)} {rng.choice(_WORDS)} {rng.choice(_WORDS)} as {rng.choice(_WORDS)} {rng.choice(_WORDS)}".title()
    lines = [f"Last news in {rng.choice(_OUTLETS)}", title]
    if rng.random() < 0.5:
        lines.append(title)
    lines.append(
        f"{rng.choice(_PLACES)}, {rng.choice(_MONTHS)} {rng.randint(1, 28)}, {rng.randint(2019, 2026)} {rng.randint(0, 23)}:{rng.randint(10, 59)}"
    )
    lines.append("Advertisement")
    for p in range(rng.randint(8, 20)):
        lines.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))))
        if p == 3:
            lines.append(
                f"Photo: {rng.choice(_PLACES)} harbour at dawn (Photo: {rng.choice(_NAMES)})"
            )
        if p == 6 and rng.random() < 0.5:
            lines.append(
                f"{rng.choice(_WORDS).title()} {rng.choice(_WORDS)} in {rng.choice(_PLACES)}"
            )
    lines.append(f"Follow {rng.choice(_NAMES)} on Twitter and Facebook.")
    lines.append("Share this article")
    lines.append("Related:")
    lines.extend(
        f"{rng.choice(_PLACES)} {rng.choice(_WORDS)} {rng.choice(_WORDS)} {rng.choice(_WORDS)}"
        for _ in range(3)
    )
    lines.append(f"https://example.org/news/{i}")
    return "\n\n".join(lines) + "\n"


def corpus(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [article(i, rng) for i in range(n)]
