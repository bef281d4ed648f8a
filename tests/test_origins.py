"""Independent origins: fewer than the labels of a claim's reports, never more."""

from __future__ import annotations

from corroborate.origins import Credit, credit_kind, independent_origins
from corroborate.pipeline import make_story
from tests.conftest import make_article


def test_one_institution_is_one_origin():
    credits = [Credit("the U.N.", "named"), Credit("United Nations", "named"),
               Credit("U.N. Office for Relief Planning", "named"),
               Credit("Harlow Survey Office", "named"), Credit("Harlow Survey Office Report", "named"),
               Credit("Coast Guard of Norland", "named")]  # fmt: skip
    assert independent_origins(credits) == [
        "the U.N.",
        "Harlow Survey Office",
        "Coast Guard of Norland",
    ]


def test_descriptions_generic_sources_and_outlets_add_little():
    # two descriptions may be one person: one origin more at most
    assert independent_origins([Credit("the chief prosecutor", "described"),
                                Credit("the attorney general", "described"),
                                Credit("Norland Red Cross", "named")]) == [
        "Norland Red Cross", "the chief prosecutor"]  # fmt: skip
    # "the authorities" and "according to the Harlow Times" relay the named source
    assert independent_origins([Credit("the authorities", "generic"),
                                Credit("Harlow Times", "media"),
                                Credit("Norland Red Cross", "named")]) == ["Norland Red Cross"]  # fmt: skip
    assert independent_origins([Credit("the authorities", "generic"),
                                Credit("officials", "generic")]) == ["the authorities"]  # fmt: skip
    assert credit_kind("The Harlow Times", True, True) == "media"
    assert credit_kind("the latest official toll", True, False) == "generic"
    assert credit_kind("a mountain rescue charity", True, False) == "described"
    assert credit_kind("Coast Post", False, False) == "uncredited"


def test_outlets_giving_a_figure_without_a_source_are_one_origin():
    texts = ["At least 31 people were killed when the ferry sank off Varne on Monday.",
             "The sinking of the ferry off Varne on Monday killed at least 31 people.",
             "At least 31 people died after the ferry sank off Varne on Monday."]  # fmt: skip
    arts = [make_article(t, published="2025-06-02", outlet=o, language="en")
            for t, o in zip(texts, ["Coast Post", "Inland Daily", "Hill Times"], strict=True)]  # fmt: skip
    story = make_story(arts)
    (killed,) = [c for c in story.claims if c.kind == "figure" and c.measure == "killed"]
    assert len(killed.articles) == 3 and killed.independent_sources == 1
    assert story.state != "corroborated"


def test_a_description_of_a_named_institution_adds_no_origin():
    credits = [Credit("UN's Office for Flood Relief", "named"), Credit("the U.N", "described"),
               Credit("a local relief charity", "described")]  # fmt: skip
    assert independent_origins(credits) == [
        "UN's Office for Flood Relief",
        "a local relief charity",
    ]
