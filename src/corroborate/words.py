"""Counted nouns for people to read: "1 article", "2 stories", "3 copies"."""

from __future__ import annotations


def plural(noun: str) -> str:
    """The English plural of a regular noun ("story" -> "stories", "process" -> "processes")."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def counted(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless ``n`` is one ("1 copy", "0 copies").

    A noun phrase counts by its last word ("1 removed line", "2 removed lines")."""
    if n == 1:
        return f"1 {noun}"
    head, _, last = noun.rpartition(" ")
    return f"{n:,} {head + ' ' if head else ''}{plural(last)}"
