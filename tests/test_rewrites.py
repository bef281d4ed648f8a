"""Rewritten copies (``derived_from``): own examples, no third-party text."""

from __future__ import annotations

import random
from datetime import date

from corroborate.pipeline import make_story
from corroborate.rewrites import find_rewrites, rare_sequence, rewrite_similarity
from tests.conftest import make_article

WIRE = (
    "Floodwaters swept through the hillside town of Velmora on Tuesday after the "
    "Karsk reservoir embankment gave way, killing 41 people, the regional emergency "
    "directorate said. Rescuers in inflatable dinghies ferried stranded families from "
    "rooftops while helicopters dropped drinking water to villages cut off by landslides. "
    "Directorate spokesperson Ilsa Varnholt said 212 people were still unaccounted for and "
    "that 3,400 residents had been moved to schools and gymnasiums. Engineers had warned "
    "in March that seepage beneath the embankment was worsening, according to an "
    "inspection memo seen by reporters."
)
REWRITE = (
    "At least 41 people died in Velmora on Tuesday when the embankment of the Karsk "
    "reservoir collapsed and floodwaters tore through the hillside town. Rescuers used "
    "inflatable dinghies to pull families off rooftops, and helicopters dropped drinking "
    "water to villages isolated by landslides. Ilsa Varnholt, speaking for the directorate, "
    "said 212 people remain unaccounted for; 3,400 residents are sheltering in schools and "
    "gymnasiums. An inspection memo from March had warned of worsening seepage beneath "
    "the embankment."
)
INDEPENDENT = (
    "The mayor of Velmora appealed for tents and generators on Wednesday as the town "
    "counted its dead. Shopkeepers shovelled mud from their stores along the river "
    "promenade, and a makeshift morgue was set up in the municipal ice rink. The national "
    "government declared three days of mourning and promised compensation to families "
    "whose homes were destroyed by the Karsk flood. Opposition deputies demanded an "
    "inquiry into the reservoir's maintenance budget, which was cut twice since 2019."
)


def test_a_rewrite_is_found_and_an_independent_report_is_not():
    wire, rewrite, other = (make_article(t, language="en") for t in (WIRE, REWRITE, INDEPENDENT))
    s = {a.id: rare_sequence(a.text, a.language) for a in (wire, rewrite, other)}
    assert rewrite_similarity(s[wire.id], s[rewrite.id]) >= 0.4
    assert rewrite_similarity(s[wire.id], s[other.id]) < 0.2
    assert rewrite_similarity(s[rewrite.id], s[other.id]) < 0.2


def test_the_rewrite_points_to_the_earlier_report_whatever_the_order():
    wire = make_article(WIRE, language="en", published=date(2026, 3, 3))
    rewrite = make_article(REWRITE, language="en", published=date(2026, 3, 4))
    other = make_article(INDEPENDENT, language="en", published=date(2026, 3, 4))
    expected = {rewrite.id: wire.id}
    items = [wire, rewrite, other]
    for seed in range(5):
        random.Random(seed).shuffle(items)
        assert find_rewrites(items) == expected


def test_copies_are_not_rewrites_and_short_texts_never_match():
    a = make_article("Velmora flood toll rises.", language="en")
    b = make_article("Velmora flood toll rises again.", language="en")
    assert find_rewrites([a, b]) == {}
    wire = make_article(WIRE, language="en")
    copy = make_article(WIRE + " Updated.", language="en")
    copy.duplicate_of = wire.id
    assert find_rewrites([wire, copy]) == {}


def test_a_rewrite_adds_no_origin_to_its_sources_uncredited_figures():
    wire = make_article(WIRE, language="en", outlet="Valley Wire", published=date(2026, 3, 3))
    rewrite = make_article(REWRITE, language="en", outlet="Daily Echo", published=date(2026, 3, 4))
    other = make_article(
        INDEPENDENT, language="en", outlet="Evening Post", published=date(2026, 3, 4)
    )
    story = make_story([rewrite, other, wire])
    assert rewrite.derived_from == wire.id and other.derived_from is None
    claims = [c for c in story.claims if c.kind == "figure"]
    for c in claims:
        outlets = {s.outlet for s in c.support}
        if {"Valley Wire", "Daily Echo"} <= outlets:
            assert "Daily Echo" not in c.origins, c
    assert any({"Valley Wire", "Daily Echo"} <= {s.outlet for s in c.support} for c in claims)
