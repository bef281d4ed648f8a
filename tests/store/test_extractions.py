"""Stored per-article extractions: a story is re-reconciled from them, with
the same result as extracting again, and an ingest extracts only what is new."""

from __future__ import annotations

import json

from corroborate.codec import decode, encode
from corroborate.extract.stored import StoredExtractions, decode_parts, encode_parts
from corroborate.model import Article, Story
from corroborate.pipeline import make_story, process
from corroborate.report.json import story_to_dict
from corroborate.store import extractions
from corroborate.store.ingest import ingest_paths
from tests.conftest import make_article


def test_the_codec_round_trips_articles_and_stories(shared):
    doc = process([str(shared / "seeds")])
    for a in doc.articles:
        assert decode(Article, json.loads(json.dumps(encode(a)))) == a
    (story,) = doc.stories
    assert decode(Story, json.loads(json.dumps(encode(story)))) == story


def test_a_story_from_stored_extractions_equals_a_fresh_one(shared):
    doc = process([str(shared / "seeds")], extract=False)
    fresh = StoredExtractions()
    first = make_story(doc.articles, fresh)
    assert set(fresh.fresh) == {a.id for a in doc.articles} and fresh.reused == 0
    rows = json.loads(json.dumps(fresh.fresh))  # as the store gives them back
    again = StoredExtractions(rows)
    second = make_story(doc.articles, again)
    assert again.reused == len(doc.articles) and again.fresh == {}
    assert story_to_dict(second) == story_to_dict(first)


def test_parts_keep_their_sources_linked_to_entities():
    from corroborate.extract import extract_parts

    a = make_article(
        "Harbour master Ines Calder said 14 boats were lost in the storm. "
        "The harbour authority said repairs would cost $2 million.",
        published="2025-02-03",
    )
    parts = extract_parts(a)
    back = decode_parts(json.loads(json.dumps(encode_parts(parts))))
    assert back.extraction == parts.extraction
    for old, new in zip(parts.statement_sources, back.statement_sources, strict=True):
        assert new.name == old.name
        assert (new.entity.id if new.entity else None) == (old.entity.id if old.entity else None)
        if new.entity is not None:  # linked to the decoded entity itself
            assert any(new.entity is e for e in back.extraction.entities)


def test_an_undated_article_is_extracted_again_when_its_anchor_moves():
    later = make_article("Crews cleared the road on Tuesday, the council said.", outlet="B")
    first = make_article("Rain closed the road on Monday.", published="2025-06-10", outlet="A")
    stored = StoredExtractions()
    make_story([first, later], stored)
    rows = stored.fresh
    earlier = make_article("Rain warnings went up on Friday.", published="2025-06-06", outlet="C")
    again = StoredExtractions(rows)
    make_story([earlier, first, later], again)
    # the dated ones are read back; the undated one is read against 6 June now
    assert set(again.fresh) == {earlier.id, later.id} and again.reused == 1


def test_an_ingest_extracts_only_new_articles(store, shared, tmp_path, monkeypatch):
    import corroborate.extract.stored as stored_mod

    ingest_paths(store, [str(shared / "seeds")])
    ids = sorted(store.story_of())
    rows = extractions.load(store.engine, ids)
    assert set(rows) == set(ids)  # every article's extraction is kept
    before = {sid: store.story(sid) for sid in store.story_ids()}
    extracted: list[str] = []
    real = stored_mod.extract_parts

    def counting(article, *args, **kwargs):
        extracted.append(article.id)
        return real(article, *args, **kwargs)

    monkeypatch.setattr(stored_mod, "extract_parts", counting)
    # a follow-up that joins the seeds story: only it is extracted
    follow = shared / "seeds"
    one = sorted(p for p in follow.iterdir() if p.is_file() and p.suffix != ".md")[0]
    (tmp_path / "follow.txt").write_text(one.read_text() + "\n\nUpdated with new reporting.\n")
    result = ingest_paths(store, [str(tmp_path)])
    assert len(result.added) == 1 and result.stories_updated
    assert extracted == result.added
    # and the stories that did not change are as they were
    for sid, doc in before.items():
        if sid not in result.stories_updated and sid not in result.stories_removed:
            assert store.story(sid) == doc
