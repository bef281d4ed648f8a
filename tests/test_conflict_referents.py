"""Conflicts about one referent told in more ways: a second quake, a town's
population, a size given in two units, an undated report dated by its text."""

from __future__ import annotations

from corroborate.pipeline import single_story
from tests.conftest import make_article


def _pairs(story):
    return sorted(sorted(v.value or "" for v in k.values) for k in story.conflicts)


def test_two_reports_of_the_second_quake_conflict_with_each_other_only():
    """The day's second main shock is one referent: "a second 7.3 magnitude
    tremor" and "a Mw 7.1 quake nine hours later" disagree; neither is set
    against the first quake's 7.6, nor an aftershock's 5.9."""
    a = make_article("A magnitude 7.6 earthquake struck near Harlow before dawn. Less than 12 "
                     "hours later, a second 7.3 magnitude tremor struck the same region.",
                     published="2025-05-02", outlet="Coast Post", language="en")  # fmt: skip
    b = make_article("A Mw 7.1 earthquake occurred nine hours later, centered 80 km north. "
                     "Aftershocks followed, the strongest measuring 5.9.",
                     outlet="Quake Notes", language="en")  # fmt: skip
    story = single_story([a, b])
    assert _pairs(story) == [["7.1", "7.3"]]
    assert story.conflicts[0].subject == "the second quake"


def test_populations_of_one_town_conflict_and_a_crowd_is_no_population():
    """ "A population of at least 90,000" against "the town of 70,000
    inhabitants" cannot both hold; 500 residents at a meeting are no
    population, and "residents who were evacuated" are evacuees."""
    a = make_article("Orvik, which has an estimated population of at least 90,000, lost power. "
                     "About 500 residents attended a meeting on Monday.",
                     published="2025-03-03", outlet="Coast Post", language="en")  # fmt: skip
    b = make_article("Floods cut off the town of 70,000 inhabitants. The village of 400 people "
                     "was evacuated.", published="2025-03-04", outlet="Inland Daily",
                     language="en")  # fmt: skip
    story = single_story([a, b])
    measures = {(f.measure, f.value) for f in story.extraction.figures}
    assert {("population", 90000), ("population", 70000), ("evacuated", 400)} <= measures
    assert ("population", 500) not in measures
    assert [(k.measure, sorted(v.value or "" for v in k.values)) for k in story.conflicts] == [
        ("population", ["70,000", "at least 90,000"])
    ]


def test_a_size_told_in_two_units_is_one_conflict_and_its_undated_report_counts():
    """ "A 20-foot (6-meter) boat" against "a 20-meter boat" is one
    disagreement (told in the one unit both share), though the first report
    is undated: the days its own text tells are those of the other report."""
    a = make_article("On Sunday, February 23, rescuers said the 20-foot (6-meter) boat broke "
                     "apart at dawn, the coast guard said.", outlet="Wire Desk",
                     language="en")  # fmt: skip
    b = make_article("The minister wrote that it was a crime to send a 20-meter boat to sea.",
                     published="2025-02-24", outlet="Capital Daily", language="en")  # fmt: skip
    story = single_story([a, b])
    assert _pairs(story) == [["20 m", "6 m"]]


def test_an_estimate_answers_only_the_count_just_before_it():
    """ "Another estimated around 50" answers the last count only when that
    count is in the sentence before: two sentences about children later, it
    is no death toll."""
    a = make_article("Officials said 300 people may have died. The children were below deck. "
                     "Children and women. One estimated around 50, a doctor said.",
                     published="2025-03-03", outlet="Coast Post", language="en")  # fmt: skip
    story = single_story([a])
    assert [f.measure for f in story.extraction.figures if f.value == 50] == []
