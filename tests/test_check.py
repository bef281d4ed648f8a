"""Checking a claim against the coverage: the seeds' cases and each kind of distortion."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from corroborate.check import check_claim
from corroborate.pipeline import process
from corroborate.report.json import story_to_dict


@pytest.fixture(scope="module")
def stories(shared):
    return [story_to_dict(s) for s in process([str(shared / "seeds")]).stories]


def test_an_attributed_figure_three_outlets_report_is_corroborated(stories):
    r = check_claim("The NIS said about 300 North Korean soldiers were killed", stories)
    assert r.verdict == "corroborated"
    (ev,) = r.evidence
    assert ev.origins == ["National Intelligence Service"] and len(ev.outlets) == 3
    assert all("300" in span["text"] for span in ev.spans)


def test_a_total_made_a_death_toll_is_distorted(stories):
    r = check_claim("The NIS said 3,000 North Korean soldiers were killed", stories)
    assert r.verdict == "distorted" and "casualties" in r.reason and "not killed" in r.reason


def test_an_estimate_in_dispute_is_contested_with_the_rival_value(stories):
    r = check_claim("Zelensky said nearly 3,000 North Korean soldiers were killed or injured "
                    "in December", stories)  # fmt: skip
    assert r.verdict == "contested"
    assert [e.value for e in r.competing] == ["1,000"] and r.competing[0].origins == ["Seoul"]


def test_a_claim_the_coverage_never_mentions_is_not_found(stories):
    r = check_claim("Floods killed 40 people in Lisk on Monday", stories)
    assert r.verdict == "not found" and r.evidence == []


@pytest.mark.parametrize(
    ("claim", "why"),
    [
        ("Ukraine captured five North Korean soldiers", "another number"),
        ("Zelensky said about 12,000 North Korean troops were deployed", "another source"),
        ("Zelensky said nearly 3,000 North Korean soldiers were killed or injured in March",
         "another period"),
    ],
)  # fmt: skip
def test_distortions_say_what_changed(stories, claim, why):
    r = check_claim(claim, stories)
    assert r.verdict == "distorted" and r.reason.startswith(why) and r.evidence


def test_the_command_answers_with_an_exit_code_and_json(shared, tmp_path):
    db = str(tmp_path / "s.db")
    ingest = [sys.executable, "-m", "corroborate", "ingest", str(shared / "seeds"), "--db", db]
    assert subprocess.run(ingest, capture_output=True).returncode == 0
    run = subprocess.run(
        [sys.executable, "-m", "corroborate", "check", "Ukraine captured two North Korean "
         "soldiers", "--db", db, "--json"], capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["verdict"] == "corroborated" and len(doc["evidence"][0]["origins"]) >= 2
    missing = subprocess.run(
        [sys.executable, "-m", "corroborate", "check", "Floods killed 40 people in Lisk",
         "--db", db], capture_output=True, text=True,
    )  # fmt: skip
    assert missing.returncode == 8 and missing.stdout.startswith("not found")


def test_a_number_between_the_steps_of_a_changing_count_is_not_a_distortion():
    """A toll the coverage gives as 12 on Monday and 40 on Wednesday: "25
    killed" may be a step it missed (not found, with the values and dates);
    "400 killed" lies outside every value it gives (distorted). A claim
    naming nothing the coverage names is matched to no other number, and a
    fixed quantity (a magnitude) has one value: another one is a distortion."""
    from corroborate.pipeline import single_story
    from tests.conftest import make_article

    story = single_story([
        make_article("Twelve people were killed in the Orvik landslide on Monday, the fire "
                     "brigade said. The quake that set it off had a magnitude of 6.1, the "
                     "Orvik observatory said.", published="2025-05-05", outlet="Orvik Post"),
        make_article("The toll in the Orvik landslide has risen to 40 people killed, the Red "
                     "Cross said on Wednesday.", published="2025-05-07", outlet="Valley Times"),
    ])  # fmt: skip
    stories = [story_to_dict(story)]
    step = check_claim("25 people were killed in the Orvik landslide.", stories)
    assert step.verdict == "not found" and "changes over time" in step.reason
    assert [e.value for e in step.competing] == ["12", "40"]
    far = check_claim("400 people were killed in the Orvik landslide.", stories)
    assert far.verdict == "distorted" and far.reason.startswith("another number")
    unnamed = check_claim("400 people were killed.", stories)
    assert unnamed.verdict == "not found"
    quake = check_claim("The Orvik quake had a magnitude of 6.8.", stories)
    assert quake.verdict == "distorted" and quake.reason.startswith("another number")


@pytest.mark.parametrize(
    ("claim", "verdict", "why"),
    [
        ("Zelensky said Ukraine is ready to hand over North Korean soldiers to Kim Jong Un.",
         "corroborated", "reported by 2 outlets, from one origin: Volodymyr Zelensky"),
        ("Zelensky said Ukraine is not ready to hand over North Korean soldiers to Kim Jong Un.",
         "distorted", "negation flipped"),
        ("Lee Seong-kweun said Ukraine is ready to hand over North Korean soldiers to Kim Jong Un.",
         "distorted", "another speaker: the coverage credits these words to Volodymyr Zelensky"),
        ("The mayor of Lisk said the harbour bridge would open next spring.", "not found", "no story"),
    ],
)  # fmt: skip
def test_a_statement_claim_is_checked_by_speaker_words_and_negation(stories, claim, verdict, why):
    """ "X said Y" without a figure: matched to the stories' statements by their
    words, then judged on the speaker and on a negation added or dropped."""
    r = check_claim(claim, stories)
    assert r.verdict == verdict and r.reason.startswith(why), r.reason
    assert bool(r.evidence) == (verdict != "not found")


def test_statement_checks_read_the_whole_claim():
    """The speaker named anywhere in the claim is its speaker (an apposition
    does not make the words another's); a negation added where the claim's
    words meet the coverage's is a flip, one in words the coverage does not
    report is not."""
    from corroborate.pipeline import single_story
    from tests.conftest import make_article

    story = single_story([
        make_article("Mayor Ana Ruiz said the harbour bridge would open to traffic in May. "
                     "Ruiz said the tolls had not been decided.", published="2025-03-02",
                     outlet="Orvik Post"),
    ])  # fmt: skip
    stories = [story_to_dict(story)]
    named = check_claim("Ana Ruiz, the mayor of Orvik and head of the harbour board, said the "
                        "harbour bridge would open to traffic in May.", stories)  # fmt: skip
    assert named.verdict == "single-source", named.reason
    flipped = check_claim("Ruiz said the harbour bridge would not open to traffic in May.", stories)
    assert flipped.verdict == "distorted" and flipped.reason.startswith("negation flipped")
    same = check_claim("Ruiz said the tolls for the harbour bridge had not been decided.", stories)
    assert same.verdict == "single-source", same.reason


def test_a_place_named_in_the_lead_of_the_report_is_the_figures_place():
    """ "64 people died" in a report whose lead names Orvik tells of Orvik; a
    place named further down (where a boat set off) does not place its figure."""
    from corroborate.pipeline import single_story
    from tests.conftest import make_article

    lead = ("ORVIK, Norland (Coast Wire) - Rescuers searched the shore near Orvik on Monday "
            "after a fishing boat broke apart in a storm. ")  # fmt: skip
    story = single_story([
        make_article(lead + "Coast guard officers said 64 people died in the wreck.",
                     title="Dozens dead as boat breaks apart", published="2025-05-05",
                     outlet="Coast Wire"),
        make_article(lead + "The boat had left Tessaly two days earlier. More than 60 people "
                     "died, the coast guard said.", title="Storm wreck toll passes 60",
                     published="2025-05-05", outlet="Bay Post"),
    ])  # fmt: skip
    stories = [story_to_dict(story)]
    assert check_claim("64 people were killed at Orvik.", stories).verdict == "single-source"
    assert check_claim("64 people were killed in Tessaly.", stories).verdict == "not found"


def test_a_range_and_a_vague_amount_are_read_as_the_coverage_states_them():
    """ "Up to 700 aboard" holds the coverage's "500 to 700"; "billions" in
    damage holds a claim of $5.5bn (neither support nor another number)."""
    from corroborate.pipeline import single_story
    from tests.conftest import make_article

    story = single_story([
        make_article("Between 500 and 700 people were aboard the trawler that sank off Orvik, "
                     "the Orvik coast guard said on Monday. The storm caused billions of "
                     "dollars in damage in Orvik, officials said.", published="2025-05-05",
                     outlet="Coast Wire"),
    ])  # fmt: skip
    stories = [story_to_dict(story)]
    aboard = check_claim("Up to 700 people were aboard the trawler that sank off Orvik.", stories)
    assert aboard.verdict == "single-source", aboard.reason
    damage = check_claim("The storm caused $5.5 billion in damage in Orvik.", stories)
    assert damage.verdict != "distorted", damage.reason


def test_a_negation_in_words_the_coverage_lacks_is_not_supported():
    """The coverage quotes part of the claim; the claim adds a negation in the
    rest: the claim cannot stand on the coverage (not found, with the words)."""
    from corroborate.pipeline import single_story
    from tests.conftest import make_article

    story = single_story([
        make_article("Mayor Ida Lunn defended the harbour plan in Varne on Monday. The plan "
                     "“will create jobs for every family in Varne for a decade,” Lunn said.",
                     published="2025-05-05", outlet="Coast Wire"),
    ])  # fmt: skip
    stories = [story_to_dict(story)]
    whole = check_claim("Ida Lunn said the plan will create jobs for every family in Varne for "
                        "a decade.", stories)  # fmt: skip
    assert whole.verdict == "single-source", whole.reason
    partial = check_claim("Ida Lunn said the council had not approved the plan and that it will "
                          "create jobs for every family in Varne for a decade.", stories)  # fmt: skip
    assert partial.verdict == "not found" and "only part" in partial.reason, partial.reason


def _one_story(*texts: str) -> list[dict]:
    from corroborate.pipeline import single_story
    from tests.conftest import make_article

    outlets = ["Coast Wire", "Bay Post", "Hill Times"]
    return [story_to_dict(single_story([
        make_article(t, title=f"Report {i}", published="2025-05-05", outlet=outlets[i])
        for i, t in enumerate(texts)
    ]))]  # fmt: skip


def test_a_place_subject_money_words_and_the_stated_figure_are_matched():
    """The coverage's subject "Orvik" is the place a claim names ("killed in
    Orvik"); a sum told as an amount is the claim's price, in its currency
    only; a claim's figure is the one its verb states, not a time window."""
    stories = _one_story(
        "Officials said 120 people were killed in Orvik when the storm struck the coast on "
        "Sunday. Tour operators have been charging visitors around $25,000 each for the trip.",
        "The storm brought more than 300 mm of rain within 24 hours, the weather office said. "
        "Rescuers worked through the night near Orvik.",
    )
    assert check_claim("120 people killed in Orvik.", stories).verdict == "single-source"
    assert check_claim("The trip price per person was about $25,000.", stories).verdict == (
        "single-source"
    )
    assert check_claim("The trip price per person was about €25,000.", stories).verdict != (
        "single-source"
    )
    rain = check_claim("The rain in 24 hours was more than 300 mm.", stories)
    assert rain.verdict == "single-source", rain.reason


def test_a_possessors_opponent_is_not_the_possessor():
    """ "Roy Vance, Holt's opponent in the race, said ..." is Vance's statement,
    not Holt's: checking it against Holt's words is another speaker."""
    from corroborate import clean_article
    from corroborate.extract import extract

    text = ("Mayor Ann Holt and Roy Vance met voters on Monday at the city hall.\n\n"
            "Roy Vance, Holt's opponent in the race, said the levy would be repealed.")  # fmt: skip
    said = {(s.speaker, s.text) for s in extract(clean_article(text)).statements}
    assert ("Roy Vance", "the levy would be repealed") in said


def test_a_lower_bound_holds_a_report_of_the_number_itself():
    """ "At least 6,000 buildings collapsed" is what a report of "6,000
    buildings collapsed" says; "more than 7,000" it does not say."""
    stories = _one_story(
        "Officials in Orvik said 6,000 buildings collapsed after the quake struck on Sunday.",
    )
    assert check_claim("At least 6,000 buildings collapsed in Orvik.", stories).verdict == (
        "single-source"
    )
    assert check_claim("More than 7,000 buildings collapsed in Orvik.", stories).verdict != (
        "single-source"
    )
