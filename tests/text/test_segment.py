from hypothesis import given
from hypothesis import strategies as st

from corroborate.text.segment import split_sentences


def texts(t):
    return [t[s.start : s.end] for s in split_sentences(t)]


def test_abbreviations_initials_and_quotes():
    t = 'Rep. Lee Seong-kweun spoke. "It is over," he said. J. Smith left the U.S. on Monday.\nNew line'
    assert texts(t) == [
        "Rep. Lee Seong-kweun spoke.",
        '"It is over," he said.',
        "J. Smith left the U.S. on Monday.",
        "New line",
    ]


def test_numbers_and_lowercase_continuations_do_not_split():
    assert texts("About 3.5 million fled. Prices rose e.g. in Sarn.") == [
        "About 3.5 million fled.",
        "Prices rose e.g. in Sarn.",
    ]


@given(st.text(max_size=300))
def test_sentences_are_ordered_disjoint_and_trimmed(t):
    prev_end = 0
    for s in split_sentences(t):
        assert prev_end <= s.start < s.end <= len(t)
        assert not t[s.start].isspace() and not t[s.end - 1].isspace()
        prev_end = s.end


def test_a_line_break_after_an_abbreviation_still_ends_the_sentence():
    t = 'It went to the U.S.\n\n"Yes," he said. The U.S. Army came.'
    assert [t[s.start : s.end] for s in split_sentences(t)] == [
        "It went to the U.S.",
        '"Yes," he said.',
        "The U.S. Army came.",
    ]


def test_a_period_that_lost_its_space_ends_the_sentence():
    t = (
        "Two houses had collapsed.The new tremors hit Varne. The toll rose to 153.Officials said. "
        "See www.Harlow.Example or Sen.Marsh."
    )
    assert [t[s.start : s.end] for s in split_sentences(t)] == [
        "Two houses had collapsed.",
        "The new tremors hit Varne.",
        "The toll rose to 153.",
        "Officials said.",
        "See www.Harlow.Example or Sen.Marsh.",
    ]


def test_a_dateline_is_not_part_of_the_first_sentence():
    t = ("ORVIK (Coast Wire) - Nine people died when the dam failed. Crews came.\n"
         "HARLOW, Mar 3 - The river rose.\nWALLACE: But, Governor, the plan?")  # fmt: skip
    assert [t[s.start : s.end] for s in split_sentences(t)] == [
        "Nine people died when the dam failed.",
        "Crews came.",
        "The river rose.",
        "WALLACE: But, Governor, the plan?",  # a transcript's speaker stays
    ]


def test_abbreviations_that_are_also_words_end_a_sentence_as_words():
    """ "No." abbreviates only before a number; "sat." is a verb, "Sat." a day."""
    assert texts("The senator said he would vote no. The aide left. It ranked No. 1 again.") == [
        "The senator said he would vote no.",
        "The aide left.",
        "It ranked No. 1 again.",
    ]
    assert texts("She sat. Then the vote is on Sat. Jan. 4 in the hall.") == [
        "She sat.",
        "Then the vote is on Sat. Jan. 4 in the hall.",
    ]
