"""Cross-checking: claims and their independent origins, conflicts, evolution,
story state, the brief; on the seeds and on small hand-made stories."""

from __future__ import annotations

import re
from datetime import date

import pytest

from corroborate import crosscheck
from corroborate.conflicts import conflicts
from corroborate.model import Figure, Span
from corroborate.pipeline import build_stories, make_story, process
from tests.conftest import make_article


@pytest.fixture(scope="module")
def seeds_doc(shared):
    return process([str(shared / "seeds")])


@pytest.fixture(scope="module")
def story(seeds_doc):
    (only,) = seeds_doc.stories
    return only


def test_seeds_are_one_story_of_five(seeds_doc, story):
    assert len(seeds_doc.articles) == 5
    assert set(story.articles) == {a.id for a in seeds_doc.articles}
    assert story.first_seen == date(2025, 1, 13) and story.last_seen == date(2025, 1, 21)


def test_nis_figures_three_articles_one_origin(story):
    for measure, value in (("killed", 300), ("wounded", 2700)):
        (claim,) = [
            c
            for c in story.claims
            if c.kind == "figure" and c.measure == measure and c.low and c.low <= value
            and (c.high or value) >= value and "National Intelligence Service" in c.origins
        ]  # fmt: skip
        assert len(claim.articles) == 3, claim
        assert claim.origins == ["National Intelligence Service"]
        assert claim.independent_sources == 1
    # the figures carry their claim's origins into the JSON
    killed = [f for f in story.extraction.figures if f.measure == "killed" and f.value == 300]
    assert killed and all(f.origins == ["National Intelligence Service"] for f in killed)


def test_december_conflict(story):
    conflict = next(c for c in story.conflicts if c.measure == "casualties")
    values = {(v.origin, v.value) for v in conflict.values}
    assert values == {("Volodymyr Zelensky", "nearly 3,000"), ("Seoul", "1,000")}
    assert conflict.as_of == "2024-12"
    assert all(v.evidence.text in conflict.values[0].evidence.text for v in conflict.values)
    assert story.state == "contested" and "3,000" in story.state_reason


def test_no_false_conflicts_on_the_seeds(story):
    # the January NIS estimate is the December one's evolution, not a conflict;
    # "thousands" is too loose to contradict "more than 10,000"
    assert len(story.conflicts) == 1
    casualties = next(e for e in story.evolution if e.measure == "casualties")
    assert [p.value for p in casualties.points][-1] == "more than 3,000"


def test_two_renderings_of_zelensky_offer_are_one_statement(story):
    offers = [
        c
        for c in story.claims
        if c.kind == "statement" and "hand over" in c.text and "Kim Jong Un" in c.text
    ]
    assert len(offers) == 1
    assert len(offers[0].support) == 2 and len(offers[0].articles) == 2
    assert offers[0].speaker == "Volodymyr Zelensky"


def test_summary_cites_every_sentence(story, seeds_doc):
    texts = {a.id: a.text for a in seeds_doc.articles}
    assert 3 <= len(story.summary) <= 7
    for s in story.summary:
        own = s.citations[0]
        if not s.composed:  # a sentence of an article cites itself first
            # less the source's name an editor adds in brackets ("The spy agency
            # [National Intelligence Service] believes", "[Zelensky] said")
            written = texts[own.article][own.start : own.end].strip()
            if s.text.startswith("["):
                assert written.endswith(s.text.split("]", 1)[1])
            else:
                assert re.sub(r" \[[^\]]+\]", "", s.text) == written
        for c in s.citations:
            assert texts[c.article][c.start : c.end] == c.text
    assert len({s.citations[0].article for s in story.summary}) >= 2


def test_timeline_and_sources(story):
    days = [t.start for t in story.timeline]
    assert days == sorted(days)
    assert any(t.date == "2025-01-11" for t in story.timeline)  # the capture
    assert len(story.sources) == 5 and all(not s.copies for s in story.sources)


def _figure(article: str, text: str, value: float, qualifier: str, low, high, measure="deployed"):
    return Figure(measure, value, low, high, qualifier, [Span(article, 0, len(text), text)],
                  subject="North Korean troops")  # fmt: skip


def test_more_than_10000_and_about_12000_are_not_a_conflict():
    from corroborate.model import Extraction

    a = make_article("More than 10,000 troops were sent, officials said.", published="2025-01-10",
                     outlet="A")  # fmt: skip
    b = make_article("About 12,000 troops were sent, analysts said.", published="2025-01-10",
                     outlet="B")  # fmt: skip
    ex = Extraction(
        [a.id, b.id],
        figures=[
            _figure(a.id, a.text, 10000, "more than", 10000, None),
            _figure(b.id, b.text, 12000, "about", 10200, 13800),
        ],
    )
    claims = crosscheck.figure_claims(ex, [a, b])
    assert len(claims) == 2  # different figures, both shown
    assert conflicts(claims, ex) == []


def _wire(agency: str = "the Harbour Authority") -> str:
    return (
        f"At least 14 passengers were missing after the ferry Solenne caught fire off Kestrel "
        f"Point on Sunday, {agency} said. Coast guard boats rescued 212 people from the water "
        f"and took them to the port of Amaro, where doctors treated 30 of them for burns and "
        f"smoke. The ferry was sailing from Amaro to the island of Pell with 226 people aboard."
    )


def test_copies_and_relays_are_one_origin():
    wire = make_article(_wire(), published="2025-05-04", outlet="Meridian Wire")
    copy = make_article(_wire() + "\nRead more on our site.", published="2025-05-04",
                        outlet="Daily Courier")  # fmt: skip
    relay = make_article(
        "The Harbour Authority said at least 14 passengers were missing after the ferry "
        "Solenne burned near Kestrel Point. Rescuers brought 212 survivors to Amaro.",
        published="2025-05-05",
        outlet="Coastline Times",
    )
    own = make_article(
        "Our reporter in Amaro counted 14 missing on the lists posted at the port after the "
        "Solenne ferry fire near Kestrel Point; 212 people were rescued, the coast guard said.",
        published="2025-05-05",
        outlet="Harbor Gazette",
    )
    (st,) = build_stories([wire, copy, relay, own])
    assert copy.duplicate_of == wire.id
    missing = next(
        c for c in st.claims if c.kind == "figure" and c.low and c.low <= 14 <= (c.high or 99)
    )
    assert copy.id not in missing.articles  # a copy adds no support
    assert "Harbour Authority" in " ".join(missing.origins)
    src = next(s for s in st.sources if s.article == wire.id)
    assert src.copies == [copy.id]
    assert st.state in ("corroborated", "developing")


def test_single_source_story():
    wire = make_article(_wire(), published="2025-05-04", outlet="Meridian Wire")
    copy = make_article(_wire(), published="2025-05-05", outlet="Daily Courier")
    (st,) = build_stories([copy, wire])
    assert st.state == "single-source" and "copies" in st.state_reason


def test_a_conflict_needs_two_credited_sources():
    """Uncredited tolls that differ are competing values, not a conflict: one
    may relay an older figure or count another place. Credited to two named
    sources for the same day, they conflict."""
    from corroborate.pipeline import single_story

    def story(credit_a: str, credit_b: str):
        a = make_article(f"Twelve people were killed in the Orvik landslide on Monday{credit_a}.",
                         published="2025-05-05", outlet="Orvik Post")  # fmt: skip
        b = make_article(f"Forty people were killed in the Orvik landslide on Monday{credit_b}.",
                         published="2025-05-05", outlet="Valley Times")  # fmt: skip
        return single_story([a, b])

    plain = story("", "")
    assert {f.value for f in plain.extraction.figures if f.measure == "killed"} == {12, 40}
    assert plain.conflicts == []
    credited = story(", the fire brigade said", ", the Red Cross said")
    assert len(credited.conflicts) == 1


def test_a_magnitude_is_not_a_count():
    a = make_article("A 7.8 magnitude quake killed 41 people in Dorsa on Tuesday, police said.",
                     published="2025-02-04")  # fmt: skip
    from corroborate.extract import extract_article

    killed = [f.value for f in extract_article(a).figures if f.measure == "killed"]
    assert 7.8 not in killed and 41 in killed


def test_vague_amounts_are_never_plotted():
    from corroborate.pipeline import single_story
    from corroborate.report.chart import chart_series

    a = make_article("Thousands of residents were evacuated from Orvik on Monday, police said. "
                     "Between 10 and 12 people were killed, the mayor said.",
                     published="2025-05-05")  # fmt: skip
    b = make_article("Fifteen people were killed in the Orvik floods, the mayor said on Wednesday.",
                     published="2025-05-07")  # fmt: skip
    story = single_story([a, b])
    vague = [c for c in story.claims if c.measure == "evacuated"]
    assert vague and all(s.amount is None for c in vague for s in c.support)
    plotted = chart_series(story.claims)
    assert "evacuated" not in plotted and "killed" in plotted  # two dates: a chart


def test_a_rising_count_is_evolution_not_conflict():
    from corroborate.pipeline import single_story

    a = make_article("Twelve people were killed in the Orvik landslide on Monday, the fire brigade said.",
                     published="2025-05-05", outlet="Orvik Post")  # fmt: skip
    b = make_article("The toll in the Orvik landslide has risen to 40 people killed on Monday, "
                     "the Red Cross said.", published="2025-05-05", outlet="Valley Times")  # fmt: skip
    story = single_story([a, b])
    assert {f.value for f in story.extraction.figures if f.measure == "killed"} >= {12, 40}
    assert story.conflicts == []


def test_bundled_example_relays_are_not_origins():
    """An outlet that repeats a credited figure without naming its source
    relays that source: the example's Northwind Post gives "nearly 20
    killed" a day after Elena Marsh is quoted with it elsewhere."""
    from pathlib import Path

    from corroborate.pipeline import process

    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    doc = process([str(corpus)])
    outlets = {a.outlet for a in doc.articles if a.outlet}
    claims = [c for s in doc.stories for c in s.claims if c.kind == "figure"]
    nearly_20 = [c for c in claims if c.text.startswith("nearly 20 killed")]
    assert [c.origins for c in nearly_20] == [["Elena Marsh"]]
    for c in claims:
        named = [o for o in c.origins if o not in outlets]
        if named:  # a figure some report credits is never also "from" a relaying outlet
            assert not set(c.origins) & outlets, (c.text, c.origins)


def test_a_value_and_its_conversion_do_not_conflict():
    """A depth of 6 miles and a depth of 10 km are one depth, rounded."""
    a = make_article(
        "The quake struck at a depth of 6 miles near Harlow, the Survey Office said on Monday.",
        published="2025-03-03", outlet="Coast Post", language="en",
    )  # fmt: skip
    b = make_article(
        "The quake struck at a depth of 10 km near Harlow, the Seismic Institute said on Monday.",
        published="2025-03-03", outlet="Inland Daily", language="en",
    )  # fmt: skip
    c = make_article(
        "The quake struck at a depth of 35 km near Harlow, the Quake Bureau said on Monday.",
        published="2025-03-03", outlet="Hill Times", language="en",
    )  # fmt: skip
    story = make_story([a, b, c])
    depths = [x for x in story.claims if x.kind == "figure" and x.measure == "depth"]
    assert len(depths) == 3
    pairs = sorted(sorted(v.value or "" for v in k.values) for k in story.conflicts)
    assert pairs == [["10 km", "35 km"], ["35 km", "6 mi"]]  # 35 km is another depth


def test_a_place_named_elsewhere_is_not_the_same_place():
    """ "Died there" and "in the country" take their place from another
    sentence: two such tolls from different governments are not one quantity."""
    from corroborate.pipeline import single_story

    text = (
        "The quake struck the border of Norland and Sorland on Monday.\n\n"
        "While the Sorland government said more than 580 people have died there.\n\n"
        "The Norland authorities said at least 3,804 people have died in the country."
    )
    story = single_story([make_article(text, published="2025-05-05", outlet="Orvik Post")])
    assert {f.value for f in story.extraction.figures if f.measure == "killed"} == {580, 3804}
    assert story.conflicts == []
    speakers = {s.speaker for s in story.extraction.statements}
    assert not any(sp and sp.startswith("While") for sp in speakers)


def test_undated_estimates_of_one_fixed_quantity_conflict_only_when_near():
    """Undated reports: two agencies' magnitudes half a point apart contradict;
    a sentence listing two quakes, a part of a whole ("including") and "all
    but two on board" contradict nothing."""
    a = make_article("The quake had a magnitude of 6.6, the Harlow Seismic Institute said.",
                     outlet="Coast Post", language="en")  # fmt: skip
    b = make_article("The quake had a magnitude of 6.2, the Norland Survey Office said.",
                     outlet="Inland Daily", language="en")  # fmt: skip
    c = make_article("The 6.6 and 6.3 magnitude quakes struck hours apart near Harlow.",
                     outlet="Hill Times", language="en")  # fmt: skip
    story = make_story([a, b, c])
    pairs = sorted(sorted(v.value or "" for v in k.values) for k in story.conflicts)
    assert pairs == [["6.2", "6.6"]]

    d = make_article("Flight 212 carried 96 people, including 90 passengers and six crew.",
                     published="2025-03-03", outlet="Coast Post", language="en")  # fmt: skip
    e = make_article("All but two people on board were killed, the Harlow fire service said.",
                     published="2025-03-03", outlet="Inland Daily", language="en")  # fmt: skip
    story = make_story([d, e])
    assert story.conflicts == []
    assert 2 not in {f.value for f in story.extraction.figures}


def test_estimates_of_people_aboard_conflict_report_by_report():
    """ "As many as 90" and "80" can both hold, and so can "about 40" and "as
    many as 90"; "about 40" and "80" cannot. Where the migrants came
    from places nothing; a clause is no source ("more were feared dead given
    survivor reports")."""
    a = make_article("The Harlow Relief charity said as many as 90 people were on board the "
                     "boat, which had set off from Norland.", published="2025-04-02",
                     outlet="Coast Post", language="en")  # fmt: skip
    b = make_article("Port officials said 80 migrants from Sorland were aboard.",
                     published="2025-04-02", outlet="Inland Daily", language="en")  # fmt: skip
    c = make_article("Ten people survived, but more were feared dead given survivor reports "
                     "that the boat had carried about 40 people.", published="2025-04-03",
                     outlet="Hill Times", language="en")  # fmt: skip
    story = make_story([a, b, c])
    pairs = sorted(sorted(v.value or "" for v in k.values) for k in story.conflicts)
    assert pairs == [["80", "about 40"]]
    origins = {v.origin for k in story.conflicts for v in k.values}
    assert not any("feared" in o for o in origins)


def test_a_sum_reads_with_its_sign_after_the_qualifier():
    from corroborate.values import describe_value

    span = Span("a", 0, 1, "x")

    def money(q, v, lo, hi):
        return describe_value(Figure(measure="damage", value=v, low=lo, high=hi, qualifier=q,
                                     evidence=[span], unit="USD", kind="money"))  # fmt: skip

    assert money("more than", 34e9, 34e9, None) == "more than $34,000,000,000"
    assert money("exact", None, 1e9, 3e9) == "$1,000,000,000-$3,000,000,000"
    assert money("about", None, 1e6, 1e7) == "millions (USD)"


def test_competing_estimates_take_the_subject_most_claims_give():
    from corroborate.conflicts import competing_estimates
    from corroborate.model import Claim

    def claim(i, text, subject, low):
        return Claim(f"c{i}", "figure", text, [], [], "killed", subject, low, low)

    claims = [claim(1, "12 killed", "people", 12), claim(2, "14 killed", "people", 14),
              claim(3, "3 killed", "Norland fishermen", 3)]  # fmt: skip
    (est,) = competing_estimates(claims, [])
    assert est.subject == "people"


def test_an_undated_report_is_dated_by_its_own_text_everywhere():
    """One effective date per article: an undated article that names 20 March
    is read against that day by extraction, cross-checking and clustering alike,
    never against the story's earliest day (10 March)."""
    from corroborate.extract.dates import effective_date
    from corroborate.stories.features import article_date

    first = make_article(
        "Floodwater cut the rail line near Orvath on Monday, the regional council said. "
        "Crews from three depots were sent to clear the tracks.",
        published="2025-03-10",
        outlet="Valley Post",
    )
    later = make_article(
        "The council met on March 20, 2025 to plan repairs to the rail line. "
        "Some 41 homes in Orvath were still without power, the council said.",
        outlet="Orvath Herald",
    )
    assert effective_date(later, [date(2025, 3, 10)]) == (date(2025, 3, 20), "inferred")
    assert article_date(later) == date(2025, 3, 20)
    story = make_story([first, later])
    (homes,) = [c for c in story.claims if c.kind == "figure" and c.measure == "homes"]
    assert homes.as_of == "2025-03-20"


def test_stories_built_in_worker_processes_are_the_same(shared):
    """``jobs=2`` builds each story in a worker: the same stories, the same
    document, and what a story learns about its articles (rewrites) comes back."""
    import copy

    from corroborate.pipeline import process
    from corroborate.report.json import document_to_dict
    from tests.conftest import EXAMPLES

    paths = [str(EXAMPLES), str(shared / "seeds"), str(shared / "data" / "news-dev" / "articles")]
    one = process(paths, extract=False)
    two = copy.deepcopy(one)
    one.stories = build_stories(one.articles, jobs=1)
    two.stories = build_stories(two.articles, jobs=2)
    assert len(one.stories) > 3
    assert any(a.derived_from for a in one.articles)  # rewrites found, to come back from workers
    assert document_to_dict(two) == document_to_dict(one)


def test_the_summary_tells_each_figure_once(story):
    """No figure claim is carried by two summary sentences: the NIS toll is
    told once, and the December figures only by the conflict sentence."""
    figures = {c.id for c in story.claims if c.kind == "figure"}
    told = [k for s in story.summary for k in dict.fromkeys(s.claims) if k in figures]
    assert told and len(told) == len(set(told)), [s.text for s in story.summary]
    assert sum("300" in s.text for s in story.summary) == 1
    assert sum("1,000" in s.text for s in story.summary) == 1


def test_a_summary_sentence_does_not_lean_on_a_fronted_pronoun():
    """'During the inquiry, he said ...' is not chosen: out of its article no
    one knows who 'he' is."""
    from corroborate.brief import _LEANS_BACK

    assert _LEANS_BACK.match("During the inquiry, he said the valve had failed.")
    assert _LEANS_BACK.match("He said the valve had failed.")
    assert not _LEANS_BACK.match("During the inquiry, Ida Lunn said the valve had failed.")
    assert not _LEANS_BACK.match("Inspectors said the valve, they believed, had failed.")


def test_the_summary_states_the_conflict_in_words(story):
    (conflict,) = story.conflicts
    stated = [s for s in story.summary if s.text.startswith("Figures for")]
    assert len(stated) == 1 and story.summary[1] is stated[0]  # right after the lead
    s = stated[0]
    assert "December 2024" in s.text and "3,000" in s.text and "1,000" in s.text
    assert "Zelensky" in s.text and "Seoul" in s.text
    assert s.composed and set(s.claims) == set(conflict.claims) and s.citations
    for span in s.citations:
        assert "3,000" in span.text or "1,000" in span.text


def test_a_subheading_is_no_timeline_event(story, seeds_doc):
    heads = {
        a.text[s.start : s.end].strip()
        for a in seeds_doc.articles
        for s in a.sentences
        if len(a.text[s.start : s.end].split()) <= 10 and a.text[s.end - 1 : s.end] not in '.!?"”'
    }
    assert "Military training in November" in heads  # the seeds have such a subheading
    assert not any(t.text in heads for t in story.timeline)


def test_counts_one_apart_are_two_figures_and_may_conflict():
    """An exact count is exact to its last non-zero digit: 81 survivors are
    not 80 (two credited sources the same day conflict), while "2,700" may be
    a rounded 2,690 (one claim). A part told in the sentence ("22 of them")
    does not make the whole a part."""
    from corroborate.pipeline import single_story

    a = make_article("Eighty-one people survived in the Orvik ferry sinking, with 22 of them taken "
                     "to hospital, the harbour master said.", published="2025-03-02",
                     outlet="Orvik Post")  # fmt: skip
    b = make_article(
        "The coast guard said 80 survivors were found in the Orvik ferry sinking, "
        "some of whom swam ashore.",
        published="2025-03-02",
        outlet="Valley Times",
    )
    story = single_story([a, b])
    survived = [c for c in story.claims if c.measure == "survived"]
    assert sorted(c.low or 0 for c in survived) == pytest.approx([79.51, 80.51])
    assert len(story.conflicts) == 1

    c = make_article(
        "About 2,700 homes were damaged in Orvik, the mayor said.", published="2025-03-02"
    )
    d = make_article("The mayor said 2,690 homes were damaged in Orvik.", published="2025-03-02")
    homes = [c for c in single_story([c, d]).claims if c.kind == "figure"]
    assert len(homes) == 1


def test_people_on_board_who_were_killed_are_a_toll():
    """ "241 people on board a flight were killed": where they were, then what
    happened to them; "750 people were on board" is a count aboard."""
    from corroborate.extract import extract_article

    a = make_article("The airline said 241 people on board the flight to Orvik were killed. "
                     "There were 750 people on board, and the coast guard said 104 were rescued.",
                     published="2025-03-02")  # fmt: skip
    measures = {f.value: f.measure for f in extract_article(a).figures}
    assert measures == {241: "killed", 750: "aboard", 104: "rescued"}


def test_sizes_of_one_thing_conflict_whenever_told():
    """A vessel's length is a property of the vessel: two sources' lengths of
    "the vessel" conflict whatever dates their sentences tell; a length of
    another thing ("the rescue ship") or a distance never does."""
    from corroborate.pipeline import single_story

    a = make_article("The pilot steered the 22-foot vessel down on June 18, the operator said.",
                     published="2025-06-19", outlet="Orvik Post")  # fmt: skip
    b = make_article("The Corvid, a 21-foot vessel, was found on Sunday, the coast guard said "
                     "on Monday. The 280-foot ship that found it sailed 400 miles.",
                     published="2025-06-20", outlet="Valley Times")  # fmt: skip
    story = single_story([a, b])
    assert [(c.measure, c.as_of) for c in story.conflicts] == [("size", None)]
    assert {v.value for v in story.conflicts[0].values} == {"22 ft", "21 ft"}


def test_a_summary_sentence_names_its_unnamed_speaker(story):
    """A description or pronoun as the subject gets the source's name."""
    described = [s.text for s in story.summary if s.text.startswith("The spy agency")]
    assert described and all("[National Intelligence Service]" in t for t in described)


def test_named_subjects_in_brackets():
    from corroborate.brief import _named

    assert _named("She said the dam held.", "Ida Lunn") == "[Ida Lunn] said the dam held."
    assert (_named("The water agency has said 40 homes flooded.", "Varne Water Board")
            == "The water agency [Varne Water Board] has said 40 homes flooded.")  # fmt: skip
    # named already, by surname; or no single source: unchanged
    assert _named("He said Lunn was right.", "Ida Lunn") == "He said Lunn was right."
    assert _named("She said the dam held.", None) == "She said the dam held."
    assert (
        _named("The river rose and flooded homes.", "Ida Lunn")
        == "The river rose and flooded homes."
    )


def test_a_whole_and_its_parts_do_not_conflict():
    """ "242 people" on a plane and "230 passengers" (a part, broken down after
    a dash) are two quantities; an em dash glued to a word still ends the noun
    phrase ("4,000 people—less than half"), so the count is read."""
    a = make_article("The Harlow Air jet carrying 242 people crashed near Orvik on Monday, "
                     "the airline said.", published="2025-06-02", outlet="Coast Post",
                     language="en")  # fmt: skip
    b = make_article("The jet was carrying 242 individuals—230 passengers and 12 crew members, "
                     "the Orvik police said.", published="2025-06-02", outlet="Inland Daily",
                     language="en")  # fmt: skip
    c = make_article("Airport officials said 230 passengers were on board the Harlow Air jet "
                     "that crashed near Orvik.", published="2025-06-02", outlet="Hill Times",
                     language="en")  # fmt: skip
    story = make_story([a, b, c])
    assert story.conflicts == []
    d = make_article("The floods killed nearly 4,000 people—less than half the first count.",
                     language="en")  # fmt: skip
    from corroborate.extract import extract

    assert next((f.measure, f.value) for f in extract(d).figures) == ("killed", 4000)


def test_a_page_id_or_menu_is_no_story_title():
    from corroborate.brief import story_title

    arts = [make_article("Floods hit Varne after days of rain.", title="News ID: 55120",
                         language="en"),
            make_article("Floods hit Varne again.", title="Home News Sports Obits Weather Opinion",
                         language="en"),
            make_article("The river burst its banks.", title="Floods swamp Varne as river bursts",
                         language="en")]  # fmt: skip
    assert story_title(arts) == "Floods swamp Varne as river bursts"
