"""The optional sentence-embedding path (extra ``embeddings``): offline, and
story quality holds with it. ``scripts/test.sh`` installs the extra and sets
``CORROBORATE_REQUIRE_EMBEDDINGS=1``, so CI fails rather than skips."""

from __future__ import annotations

import os

import numpy as np
import pytest

from corroborate.stories import embeddings
from tests.conftest import make_article


@pytest.fixture(scope="module")
def embedder():
    if not embeddings.available():
        if os.environ.get("CORROBORATE_REQUIRE_EMBEDDINGS"):
            pytest.fail("the embeddings extra is not installed")
        pytest.skip("the embeddings extra is not installed")
    return embeddings.SentenceEmbedder()


def test_embeddings_are_offline_unit_vectors(embedder, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    arts = [
        make_article("A ferry caught fire off Kestrel Point and 212 passengers were rescued."),
        make_article(
            "Rescuers saved 212 people after a blaze broke out on a ferry near Kestrel Point."
        ),
        make_article("The central bank held interest rates at four percent on Thursday."),
    ]
    v = embedder.embed(arts)
    assert v.shape == (3, embeddings.DIMENSIONS) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2  # a paraphrase is closer than another topic


def test_story_quality_with_embeddings(embedder, shared):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import bench_stories

    from corroborate.dedupe import find_duplicates
    from corroborate.stories.cluster import ClusterConfig, StoryIndex

    for articles, gold, _ in (bench_stories.news_dev(), bench_stories.generated(12)):
        index = StoryIndex(ClusterConfig(embedder=embedder))
        index.add(articles, find_duplicates(articles))
        pred = {a: i for i, c in enumerate(index.clusters()) for a in c}
        f1 = bench_stories.bcubed(pred, gold, set(gold))[2]
        assert f1 >= 0.95, f1


def test_cli_refuses_embeddings_without_the_extra(monkeypatch):
    from typer.testing import CliRunner

    from corroborate.cli import app

    monkeypatch.setattr(embeddings, "available", lambda: False)
    result = CliRunner().invoke(app, ["run", "examples/corpus", "--embeddings", "-q"])
    assert result.exit_code == 2
