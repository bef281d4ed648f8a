from hypothesis import given
from hypothesis import strategies as st

from corroborate.text.normalise import TextBuilder, normalise

TYPOGRAPHY = st.sampled_from(list("“”‘’–—\u00a0\u200b\u00ad… \t\"'-ab"))
TEXT = st.text(
    alphabet=st.one_of(st.characters(blacklist_categories=("Cs",)), TYPOGRAPHY), max_size=200
)


def test_typography_is_normalised():
    assert normalise("“Hi” — it’s\u00a0ok…  yes\u200b –") == '"Hi" — it\'s ok... yes -'


@given(TEXT, st.integers(0, 50))
def test_every_clean_offset_maps_into_the_source(line, start):
    b = TextBuilder()
    b.add_normalised(line, start)
    text, omap = b.build()
    if not text:
        return
    for i in range(len(text) + 1):
        assert start <= omap.to_source(i) <= start + len(line)
    # copied characters map to the character they came from (modulo typography)
    for i, ch in enumerate(text):
        src = line[omap.to_source(i) - start] if omap.to_source(i) - start < len(line) else ""
        if ch.isalnum():
            assert src == ch


@given(TEXT)
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


def test_insertions_map_to_their_position():
    b = TextBuilder()
    b.add_normalised("one", 10)
    b.insert("\n\n", 20)
    b.add_normalised("two…", 20)
    text, omap = b.build()
    assert text == "one\n\ntwo..."
    assert omap.span_to_source(5, 8) == (20, 23)
    assert omap.to_source(9) == 23  # expanded ellipsis points at the original character
