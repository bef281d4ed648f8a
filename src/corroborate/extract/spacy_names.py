"""Optional: name candidates from a spaCy pipeline the user installed.

``SpacyNames("en_core_web_sm")`` (or ``SpacyNames(nlp)``) finds names with the
pipeline's entity recogniser and hands them to the same alias merging,
statement and figure extraction as the built-in rules. Nothing is
downloaded: the pipeline must already be installed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from corroborate.errors import CorroborateError, install_hint
from corroborate.extract.names import Candidate, classify
from corroborate.model import EntityType

# spaCy's OntoNotes labels -> our entity types; other labels are not names we track.
LABELS: dict[str, EntityType] = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
    "NORP": "group", "EVENT": "misc", "WORK_OF_ART": "misc", "LAW": "misc",
}  # fmt: skip
_TITLE_LABELS = {"PERSON"}


class SpacyNames:
    """A name finder backed by a spaCy pipeline (an installed package name or an ``nlp``)."""

    def __init__(self, pipeline: str | Any) -> None:
        if isinstance(pipeline, str):
            try:
                import spacy
            except ImportError as exc:  # pragma: no cover - depends on the environment
                raise CorroborateError(
                    "the spaCy name finder needs spaCy: " + install_hint("spacy")
                ) from exc
            try:
                pipeline = spacy.load(pipeline)
            except OSError as exc:
                raise CorroborateError(
                    f"spaCy pipeline {pipeline!r} is not installed; install it first "
                    f"(python -m spacy download {pipeline}) or use the built-in rules"
                ) from exc
        self.nlp = pipeline

    def __call__(
        self, text: str, sentence_starts: Iterable[int], headings: list[tuple[int, int]]
    ) -> list[Candidate]:
        doc = self.nlp(text)
        out: list[Candidate] = []
        for ent in doc.ents:
            typ = LABELS.get(ent.label_)
            if typ is None:
                continue
            name = ent.text.strip()
            if name.endswith(("'s", "’s")):
                name = name[:-2]
            start = ent.start_char + (len(ent.text) - len(ent.text.lstrip()))
            heading = any(a <= start < b for a, b in headings)
            # keep our cue-based type when it is certain (an org word, the gazetteer)
            own, strong = classify(name)
            out.append(Candidate(start, start + len(name), name, own if strong else typ, None,
                                 True, heading, False, False))  # fmt: skip
        return out
