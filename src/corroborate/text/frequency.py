"""Word frequencies (Zipf scale) from wordfreq's offline lists, one compact
dictionary per language, shared by story features and rewrite detection.

wordfreq keeps its lists in memory twice (the packed list and a dictionary
of probabilities, about 150 MB for English); this module builds one
dictionary of Zipf values from the packed list and lets wordfreq drop its
copies, so each language costs only what is used.
"""

from __future__ import annotations

from functools import lru_cache

MIN_ZIPF = 2.0  # rarer words are left out (looked up as 0: unknown)


@lru_cache(maxsize=32)
def zipf_table(language: str | None) -> dict[str, float]:
    """Word (lower case) -> Zipf frequency in ``language`` (English when
    wordfreq has no list for it)."""
    import wordfreq

    lang = language if language in available() else "en"
    table: dict[str, float] = {}
    for index, bucket in enumerate(wordfreq.get_frequency_list(lang, "best")):
        zipf = round(9.0 - index / 100.0, 2)  # a bucket per centibel
        if zipf <= MIN_ZIPF:
            break
        for word in bucket:
            table[word] = zipf
    wordfreq.get_frequency_list.cache_clear()
    wordfreq.get_frequency_dict.cache_clear()
    return table


def zipf(word: str, language: str | None) -> float:
    """The Zipf frequency of ``word`` (0.0 when the list does not have it)."""
    return zipf_table(language).get(word.lower(), 0.0)


@lru_cache(maxsize=1)
def available() -> frozenset[str]:
    import wordfreq

    return frozenset(wordfreq.available_languages(wordlist="best"))
