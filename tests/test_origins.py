"""Independent origins: fewer than the labels of a claim's reports, never more."""

from __future__ import annotations

from corroborate.origins import Credit, credit_kind, independent_origins, through_relays
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


def test_bodies_of_one_system_are_one_origin():
    # UN agencies relay one another's figures; so do Red Cross and Red Crescent bodies
    credits = [Credit("Norland Red Crescent", "named"), Credit("OCHA", "named"),
               Credit("World Health Organization", "named"), Credit("UN", "named"),
               Credit("International Federation of Red Cross and Red Crescent Societies", "named"),
               Credit("Who Knows Trust", "named")]  # fmt: skip
    assert independent_origins(credits) == ["Norland Red Crescent", "OCHA", "Who Knows Trust"]


def test_members_of_one_government_are_one_origin():
    credits = [Credit("Tarik Veln", "named"), Credit("Osman Pera", "named"),
               Credit("Lira Dost", "named"), Credit("Ada Kemer", "named")]  # fmt: skip
    roles = {"Tarik Veln": "Greek Vice-President", "Osman Pera": "Greece's justice minister",
             "Lira Dost": "former Greek president", "Ada Kemer": "Health Minister"}  # fmt: skip
    # a former president is not the government; a minister of no known country is kept apart
    assert independent_origins(credits, roles) == ["Tarik Veln", "Lira Dost", "Ada Kemer"]


def test_a_capitalised_common_noun_is_a_description():
    assert credit_kind("Survivors", True, True) == "described"
    assert independent_origins([Credit("Survivors", credit_kind("Survivors", True, True)),
                                Credit("witnesses", "described")]) == ["Survivors"]  # fmt: skip


def test_a_source_that_relays_another_elsewhere_is_that_source():
    origins = ["Norland Red Crescent", "UN", "Coast Post"]
    vias = ["OCHA", None, None]
    assert through_relays(origins, vias) == ["Norland Red Crescent", "Norland Red Crescent",
                                             "Coast Post"]  # fmt: skip


def test_a_denial_and_a_body_described_by_its_parent_add_no_origin():
    texts = [
        "The Norland Red Crescent said on Monday that 1,240 people had died in Varne.",
        "OCHA said on Monday that 1,240 people had died in Varne, citing the Norland Red Crescent.",
        "The UN said on Monday that 1,240 people had died in Varne.",
        "A Red Crescent spokesman, Amir Sala, denied that 1,240 people had died in Varne.",
        "The U.N.'s migration agency said on Monday that 1,240 people had died in Varne. "
        "The International Organization for Migration has staff in the city.",
    ]
    arts = [make_article(t, published="2025-06-02", outlet=o, language="en")
            for t, o in zip(texts, ["Coast Post", "Inland Daily", "Hill Times", "Sea News", "Bay Wire"],
                            strict=True)]  # fmt: skip
    story = make_story(arts)
    (died,) = [c for c in story.claims if c.kind == "figure" and c.measure == "killed"]
    # OCHA relays the Red Crescent here, so the UN system's reports are relays
    assert died.origins == ["Norland Red Crescent"]
    by_article = {s.article: s.origin for s in died.support}
    assert by_article[arts[3].id] == "Norland Red Crescent"  # the denier is not its source
    assert by_article[arts[2].id] == "Norland Red Crescent"
    speakers = {c.support[0].article: c.origins for c in story.claims if c.kind == "statement"}
    assert speakers[arts[4].id] == ["International Organization for Migration"]


def test_officers_of_one_force_are_one_origin():
    roles = {"Mira Tal": "senior police official", "Ivan Pell": "Ukrainian army spokesman"}
    credits = [Credit("Mira Tal", "named"), Credit("Deputy Commissioner of Police Omar Reyes", "named"),
               Credit("Ivan Pell", "named"), Credit("Russian Army", "named")]  # fmt: skip
    # two countries' armies stay apart
    assert independent_origins(credits, roles) == ["Mira Tal", "Ivan Pell", "Russian Army"]
    # two forces are not one by their names alone
    assert independent_origins([Credit("Varne Police", "named"),
                                Credit("Harlow Police", "named")]) == ["Varne Police", "Harlow Police"]  # fmt: skip


def test_brackets_that_name_a_figures_source_credit_it():
    from corroborate.extract import extract

    text = ("The Varne Relief Office said 3,958 people had died, citing the Harlow Health Agency "
            "(adjusting a previous report that said 11,300 were dead, attributing these numbers "
            "to the Norland Red Crescent.)")  # fmt: skip
    got = {f.value: (f.attributed_to, f.via) for f in extract(make_article(text)).figures}
    assert got[3958] == (["Harlow Health Agency"], "Varne Relief Office")
    assert got[11300] == (["Norland Red Crescent"], None)


def test_a_state_body_named_with_its_country_is_its_government():
    credits = [Credit("Security Service of Greece", "named"), Credit("Iro Vass", "named"),
               Credit("Greek Red Cross", "named")]  # fmt: skip
    roles = {"Iro Vass": "Greek President"}
    assert independent_origins(credits, roles) == ["Security Service of Greece", "Greek Red Cross"]


def test_a_person_described_by_role_beside_a_named_one_is_no_second_origin():
    """ "Norland's attorney general" may be Ida Brek, the General Prosecutor,
    named in another report: one origin. A described official of another
    country beside her stays apart."""
    roles = {"Ida Brek": "General Prosecutor"}
    assert independent_origins([Credit("Ida Brek", "named"),
                                Credit("Norland's attorney general", "described")],
                               roles) == ["Ida Brek"]  # fmt: skip
    roles = {"Ida Brek": "Portugal's General Prosecutor"}
    assert independent_origins([Credit("Ida Brek", "named"),
                                Credit("a Greek official", "described")],
                               roles) == ["Ida Brek", "a Greek official"]  # fmt: skip
