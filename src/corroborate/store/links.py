"""Links between stored stories: related stories (another occurrence that
shares actors or places) and former story ids.

A story's id comes from its first article in the canonical order (date, then
content id), so the same articles give the same id whatever order they
arrived in. A follow-up that joins a story leaves its id as it is; an
earlier report that joins it, or a merge with another story, gives it a new
one. The old id is then recorded as *moved* to the story that holds most of
its articles, and pages and the API answer the old id with a redirect: a
link a journalist shared keeps working.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, insert, select

from corroborate.store import schema as t

__all__ = ["forget_moves", "moves", "record_moves", "related", "resolve", "save_related"]

_MAX_HOPS = 32


def save_related(engine: Engine, links: Mapping[str, set[str]]) -> None:
    """Replace every related-story link with ``links`` (story -> related ones)."""
    rows = [
        {"story_id": s, "related_id": r}
        for s, others in sorted(links.items())
        for r in sorted(others)
    ]
    with engine.begin() as conn:
        conn.execute(delete(t.story_links))
        if rows:
            conn.execute(insert(t.story_links), rows)


def related(engine: Engine, story_id: str) -> list[tuple[str, str]]:
    """(id, title) of the stories related to ``story_id``."""
    s, links = t.stories.c, t.story_links.c
    query = (
        select(s.id, s.title)
        .join(t.story_links, links.related_id == s.id)
        .where(links.story_id == story_id)
        .order_by(s.id)
    )
    with engine.connect() as conn:
        return [(r.id, r.title) for r in conn.execute(query)]


def moves(
    before: Mapping[str, str | None], after: Mapping[str, str | None], gone: set[str]
) -> dict[str, str]:
    """For each story id in ``gone``, the story now holding most of its
    articles (``before``/``after``: article -> story id); ties go to the
    smaller id, so the answer does not depend on dict order."""
    held: dict[str, Counter[str]] = {}
    for article, old in before.items():
        new = after.get(article)
        if old in gone and new is not None and new != old:
            held.setdefault(old, Counter())[new] += 1
    return {old: min(c, key=lambda s: (-c[s], s)) for old, c in held.items()}


def record_moves(engine: Engine, moved: Mapping[str, str]) -> None:
    """Record former ids (each replacing an earlier record of the same id);
    ``forget_moves`` drops those that name a story again."""
    if not moved:
        return
    m = t.story_moves.c
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(delete(t.story_moves).where(m.old_id.in_(list(moved))))
        conn.execute(
            insert(t.story_moves),
            [{"old_id": o, "new_id": n, "moved_at": now} for o, n in sorted(moved.items())],
        )


def forget_moves(engine: Engine) -> None:
    """An id that names a story again is no longer a former id."""
    m = t.story_moves.c
    with engine.begin() as conn:
        conn.execute(delete(t.story_moves).where(m.old_id.in_(select(t.stories.c.id))))


def resolve(engine: Engine, story_id: str) -> str | None:
    """Where a former story id now lives (following moves), or None when
    ``story_id`` is not a former id or leads nowhere."""
    m, s = t.story_moves.c, t.stories.c
    current, seen = story_id, {story_id}
    with engine.connect() as conn:
        for _ in range(_MAX_HOPS):
            nxt = conn.execute(select(m.new_id).where(m.old_id == current)).scalar_one_or_none()
            if nxt is None or nxt in seen:
                break
            current = nxt
            seen.add(nxt)
            if conn.execute(select(s.id).where(s.id == current)).first() is not None:
                return current
    return None
