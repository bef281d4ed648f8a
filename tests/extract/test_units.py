"""Extraction units: numbers, dates, quotes, speakers, figures, aliases, spaCy names."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate import clean_article
from corroborate.extract import extract, extract_story
from corroborate.extract.dates import find_dates
from corroborate.extract.statements import find_quotes
from corroborate.text.numbers import QUANTITY, number_value, parse_quantity


@given(st.integers(min_value=1000, max_value=10**9))
def test_grouped_digits_parse_back(n):
    for text in (f"{n:,}", f"{n:,}".replace(",", " "), f"{n:,}".replace(",", ", ")):
        assert number_value(text) == n


@given(st.text(max_size=80))
def test_quantity_regex_never_crashes(s):
    for m in QUANTITY.finditer(s):
        parse_quantity(m)


@pytest.mark.parametrize(
    ("phrase", "value", "low", "high", "qualifier"),
    [
        ("at least 300", 300, 300, None, "at least"),
        ("nearly 3,000", 3000, 2550, 3000, "nearly"),
        ("between 1,000 and 3,000", None, 1000, 3000, "exact"),
        ("roughly 400 to 750 people", None, 400, 750, "about"),
        ("several hundred", None, 300, 900, "about"),
        ("up to 20 percent", 20, None, 20, "up to"),
        ("two hundred", 200, 200, 200, "exact"),
        ("1.5 million", 1_500_000, 1_500_000, 1_500_000, "exact"),
    ],
)
def test_quantities(phrase, value, low, high, qualifier):
    q = parse_quantity(next(QUANTITY.finditer(phrase)))
    assert q is not None
    assert (q.value, q.qualifier) == (value, qualifier)
    assert q.low == pytest.approx(low) if low is not None else q.low is None
    assert q.high == pytest.approx(high) if high is not None else q.high is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("last Saturday", "2025-01-11"),
        ("this Saturday", "2025-01-11"),
        ("on Monday", "2025-01-13"),
        ("in October", "2024-10"),
        ("in late December", "2024-12-21/2024-12-31"),
        ("since the late 1990s", "1997-01-01/1999-12-31"),
        ("three days ago", "2025-01-10"),
        ("this weekend", "2025-01-11/2025-01-12"),
        ("next Monday", "2025-01-20"),
        ("on January 11", "2025-01-11"),
        ("in June 2024", "2024-06"),
        ("in the fall", "2024-09-01/2024-11-30"),
        ("yesterday", "2025-01-12"),
    ],
)
def test_relative_dates_prefer_the_past(text, iso):
    (ref,) = find_dates(f"It happened {text}.", "a", date(2025, 1, 13))
    assert ref.iso == iso


def _said(text: str) -> tuple[list, set[tuple[str, str | None]]]:
    """An article's statements, and (words, speaker) pairs with end punctuation off."""
    sts = extract(clean_article(text, language="en", published="2025-01-01")).statements
    return sts, {(s.text.strip(",."), s.speaker) for s in sts}


def test_dates_without_anchor_are_kept_unresolved():
    (ref,) = find_dates("It happened last Saturday.", "a", None)
    assert ref.iso is None and ref.span.text == "last Saturday"


def test_quotes_in_every_style():
    text = (
        'He said "straight quotes here" and then “curly ones here” and «guillemets here» '
        "and „low high here“.\n‘single curly quote here,’ she said."
    )
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got == [
        "straight quotes here",
        "curly ones here",
        "guillemets here",
        "low high here",
        "single curly quote here,",
    ]


def test_quote_spanning_sentences_and_continuation():
    a = clean_article(
        '"We lost the house. We lost the car," said Ana Ruiz, a teacher. "Nothing at all is left."',
        published="2025-01-01",
    )
    st_ = extract(a).statements
    assert [(s.speaker, s.direct) for s in st_] == [("Ana Ruiz", True), ("Ana Ruiz", True)]
    assert st_[0].text.startswith("We lost the house. We lost the car")
    assert st_[0].role == "teacher"


def test_pronoun_and_description_speakers():
    a = clean_article(
        "Toshiro Abe, a professor at Kanto University, spoke on Monday. "
        "The Japanese professor believes the dam failed. "
        '"It was entirely avoidable," he said.',
        published="2025-01-01",
    )
    st_ = extract(a).statements
    assert {s.speaker for s in st_} == {"Toshiro Abe"}
    assert [s.direct for s in st_] == [False, True]


def test_not_figures():
    a = clean_article(
        "In 1998, the mayor was elected. Call 555 0142 now. Flight 370 left at 10:45 on "
        "May 5. The match ended 3-1. The 5G mast and the 3rd floor. The S&P 500 rose. "
        "The two countries met. It was a five-year plan. Dak Prescott (4) ran.",
        published="2025-01-01",
    )
    assert extract(a).figures == []


@pytest.mark.parametrize(
    ("sentence", "kind", "measure", "value", "unit"),
    [
        ("She waited 10 years for the ruling.", "measure", "duration", 10, "yr"),
        ("The 45-year-old mayor resigned.", "measure", "age", 45, "yr"),
        ("The fire has burned 23,000 acres so far.", "measure", "area burned", 23000, "acre"),
        ("A magnitude 6.1 quake struck the coast.", "measure", "magnitude", 6.1, "magnitude"),
        ("Up to 300 mm of rain fell overnight.", "measure", "rainfall", 300, "mm"),
        ("The firm pledged $1.5bn in aid to the region.", "money", "aid", 1.5e9, "USD"),
        ("The damage was put at €200m by insurers.", "money", "damage", 2e8, "EUR"),
        ("Tickets sold for RM79 a month.", "money", "amount", 79, "MYR"),
        ("Prices rose 24pc last year.", "percent", "share", 24, "percent"),
        ("About a third of the voters stayed home.", "percent", "share", 100 / 3, "percent"),
        ("The club signed 242 individuals this season.", "count", "individuals", 242, None),
        ("Volunteers held 2,100 rallies across the state.", "count", "rallies", 2100, None),
        ("The index ended at 27,349.19 after trading.", "number", "level", 27349.19, None),
        ("The carmaker shipped 41,200 Vireo 2 hatchbacks.", "count", "hatchbacks", 41200, None),
        ("The airline leased two new A321 Neo jets.", "count", "jets", 2, None),
        ("Dealers sold 8,400 Vireo 2s in June.", "count", "Vireo 2s", 8400, None),
        ("The grant was worth $US12 million.", "money", "value", 12e6, "USD"),
        ("The club paid a PS4.5m fee.", "money", "amount", 4.5e6, "GBP"),
        ("Net profit reached Y=310 billion.", "money", "profit", 310e9, "JPY"),
        ("The 22-foot vessel lost contact with its tender.", "measure", "size", 22, "ft"),
        ("Ferries sailed 47 miles off the coast.", "measure", "length", 47, "mi"),
        ("The wreck lies 40 nautical miles off Orvik.", "measure", "length", 40, "nmi"),
        ("The population of Orvik was about 90,000.", "count", "population", 90000, None),
        ("The depth of the Orvik quake was 12 km.", "measure", "depth", 12, "km"),
        ("The length of the old barge was about 40 metres.", "measure", "size", 40, "m"),
        ("Twenty survivors were hospitalised in Orvik.", "count", "treated", 20, None),
        (
            "Orvik, with an estimated population of at least 90,000, lost power.",
            "count",
            "population",
            90000,
            None,
        ),
        (
            "Crews reached the town of roughly 3,200 residents by noon.",
            "count",
            "population",
            3200,
            None,
        ),
        (
            "The port city of 75,000 people lost its water supply.",
            "count",
            "population",
            75000,
            None,
        ),
        (
            "He ordered the detention of eight current and former officials.",
            "count",
            "arrested",
            8,
            None,
        ),
        ("The court ordered the release of 30 prisoners.", "count", "released", 30, None),
        ("Eight officials were detained in Orvik.", "count", "arrested", 8, None),
        (
            "The number of people who died in the Orvik crush has reached 158.",
            "count",
            "killed",
            158,
            None,
        ),
    ],
)
def test_every_kind_of_quantity(sentence, kind, measure, value, unit):
    figs = extract(clean_article(sentence, published="2025-01-01", language="en")).figures
    assert len(figs) == 1, figs
    f = figs[0]
    assert (f.kind, f.measure, f.unit) == (kind, measure, unit)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("4 hundred million", 4e8, 4e8),
        ("8 B", 8e9, 8e9),
        ("1 to 2 thousand", 1000, 2000),
        ("27-hundred", 2700, 2700),
        ("three-thousand", 3000, 3000),
        ("4-6 million", 4e6, 6e6),
        ("twenty-eight thousand six hundred forty-two", 28642, 28642),
        ("between $89 and $93 billion", 89e9, 93e9),
        ("25- to 30-meter", 25, 30),
    ],
)
def test_scale_words_in_every_spelling(phrase, low, high):
    q = parse_quantity(next(QUANTITY.finditer(phrase + " people")))
    assert (q.low, q.high) == (low, high)


def test_two_figures_in_one_phrase_and_a_shared_unit():
    figs = extract(clean_article(
        "The ship carried 175 passengers and six crew members. A meal costs eight or nine euros.",
        published="2025-01-01", language="en",
    )).figures  # fmt: skip
    got = [(f.value, f.kind, f.unit) for f in figs]
    assert got == [
        (175, "count", None),
        (6, "count", None),
        (8, "money", "EUR"),
        (9, "money", "EUR"),
    ]


def test_figure_fields():
    a = clean_article(
        "In December, officials said nearly 3,000 soldiers had been killed or injured, "
        "while the army put the figure at 1,000.",
        published="2025-01-20",
    )
    figs = extract(a).figures
    assert [(f.value, f.measure, f.qualifier, f.subject, f.attributed_to) for f in figs] == [
        (3000.0, "casualties", "nearly", "soldiers", ["officials"]),
        (1000.0, "casualties", "exact", "soldiers", ["the army"]),
    ]
    assert {f.as_of.iso for f in figs} == {"2024-12"}
    ev = figs[0].evidence[0]
    assert a.text[ev.start : ev.end] == ev.text


def test_aliases_across_a_story_without_wrong_merges():
    a = clean_article(
        "Kim Jong-un met Kim Yo-jong. The Institute for Conflict Studies (ICS) said so.",
        published="2025-01-01",
    )
    b = clean_article(
        "Kim Jong Un spoke. ICS analysts disagreed. Paul Arden and Simon Arden agreed.",
        published="2025-01-02",
    )
    ents = extract_story([a, b]).entities
    by_name = {n: e for e in ents for n in [e.name, *e.aliases]}
    assert by_name["Kim Jong-un"] is by_name["Kim Jong Un"]
    assert by_name["Kim Jong-un"] is not by_name["Kim Yo-jong"]
    assert by_name["ICS"] is by_name["Institute for Conflict Studies"]
    assert by_name["Paul Arden"] is not by_name["Simon Arden"]


def test_non_english_articles_get_no_extraction():
    a = clean_article(
        "Mindestens zwölf Menschen sind bei dem Hochwasser ums Leben gekommen, sagte die Polizei.",
        published="2025-01-01",
    )
    assert a.language == "de"
    ex = extract(a)
    assert ex.entities == [] and ex.figures == [] and ex.statements == []


def test_spacy_pipeline_through_the_same_interface():
    spacy = pytest.importorskip("spacy")
    from corroborate.extract.spacy_names import SpacyNames

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Ilse Brandt"},
            {"label": "PERSON", "pattern": "Brandt"},
            {"label": "ORG", "pattern": "Harbour Authority"},
        ]
    )
    a = clean_article(
        "Ilse Brandt said 40 homes were destroyed. The Harbour Authority said Brandt was right.",
        published="2025-01-01",
    )
    ex = extract(a, names=SpacyNames(nlp))
    people = [e for e in ex.entities if e.type == "person"]
    assert [(e.name, e.aliases) for e in people] == [("Ilse Brandt", ["Brandt"])]
    assert any(e.type == "org" and e.name == "Harbour Authority" for e in ex.entities)
    assert ex.figures[0].attributed_to == ["Ilse Brandt"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Au moins 2 450 personnes sont mortes et 310 blessés ont été hospitalisés.", "fr",
         [(2450, "at least", "killed"), (310, "exact", "wounded")]),
        ("El balance oficial es de 12 mil 345 muertos y más de 4.000 heridos.", "es",
         [(12345, "exact", "killed"), (4000, "more than", "wounded")]),
        ("Die Zahl der Toten stieg am Abend auf 1.300, bis zu 20.000 Menschen werden vermisst.",
         "de", [(1300, "exact", "killed"), (20000, "up to", "missing")]),
        ("Die Stadt mit 48.000 Einwohnern ist abgeschnitten.", "de",
         [(48000, "exact", "population")]),
        ("Il peschereccio era lungo 25 metri e trasportava tra le 300 e le 400 persone.", "it",
         [(25, "exact", "length"), (300, "exact", "persone")]),
        ("Im Jahr 2023 stiegen die Preise um 4,5 Prozent; der Schaden: 34 Milliarden Euro.", "de",
         [(4.5, "exact", "share"), (34e9, "exact", "amount")]),
        ("Au moins 1 200 personnes sont mortes et 3 400 restent portées disparues à Varne.", "fr",
         [(1200, "at least", "killed"), (3400, "exact", "missing")]),
        ("瓦爾內洪水造成9人死亡,214人受傷,另有3人失蹤。", "zh",
         [(9, "exact", "killed"), (214, "exact", "wounded"), (3, "exact", "missing")]),
        ("洪水で9人が死亡し、214人が負傷した。", "ja",
         [(9, "exact", "killed"), (214, "exact", "wounded")]),
        ("बाढ़ में कम से कम 9 लोग मारे गए और 2,100 से अधिक लोग लापता हैं।", "hi",
         [(9, "at least", "killed"), (2100, "more than", "missing")]),
    ],
)  # fmt: skip
def test_figures_in_other_languages(text, language, expected):
    """Reports in other languages keep their figures written in digits, in
    local notation, with the qualifier and a measure where the word is known."""
    figs = extract(clean_article(text, language=language, published="2025-01-01")).figures
    got = [(f.value if f.value is not None else f.low, f.qualifier, f.measure) for f in figs]
    assert got == [(pytest.approx(v), q, m) for v, q, m in expected]


def test_negated_and_denied_attributions_are_never_assertions():
    """A negated cue ("Neither X nor Y has confirmed that") is no statement by X or Y;
    "X denied that ..." is X's denial; "X praised ..." is a stance, not words."""
    text = (
        "Neither Varnia nor Oslen has confirmed that the convoy crossed the river, the monitor "
        "said. The ministry denied that troops had entered Kell on Monday. Mayor Ana Ruiz did "
        "not say whether the bridge would reopen. Governor Tomas Brell praised the rescue "
        "crews in Kell. Ana Ruiz said the bridge would reopen on Friday."
    )
    sts = extract(clean_article(text, language="en", published="2025-01-01")).statements
    got = {(s.speaker, s.kind, s.polarity) for s in sts}
    assert not any(s.speaker and ("Varnia" in s.speaker or "Oslen" in s.speaker) for s in sts)
    assert ("The ministry", "speech", "negative") in got
    assert ("Tomas Brell", "stance", "positive") in got
    ruiz = [s for s in sts if s.speaker == "Ana Ruiz"]
    assert [s.text for s in ruiz] == ["the bridge would reopen on Friday"]


def test_a_quote_that_names_its_own_speaker_never_borrows_another():
    """A quote whose own "Mr. X said" names its speaker gets that speaker, never
    the previous paragraph's; "she said" then skips "Mr. X" for the last woman."""
    text = (
        "Ana Ruiz said the bridge would reopen on Friday.\n\n"
        '"It is far too early to promise anything at all," Mr. Holt-Vey said.\n\n'
        '"We will rebuild it within a year," she said.'
    )
    sts = extract(clean_article(text, language="en", published="2025-01-01")).statements
    got = {(s.text.strip(","), s.speaker) for s in sts}
    assert ("It is far too early to promise anything at all", "Holt-Vey") in got
    assert not any(s.speaker == "Ana Ruiz" and "too early" in s.text for s in sts)
    assert ("We will rebuild it within a year", "Ana Ruiz") in got


def test_titles_initials_doubled_quotes_and_ages_around_the_speaker():
    text = (
        "Jonas Pell, the harbour master, spoke first.\n\n"
        "''The pier will hold,'' said Dr. Mira K. Osei, an engineer at the Harbour Board. "
        "''It was built for worse.''\n\n"
        '"We are not going anywhere," Ms. Tova Ring, 58, told reporters.\n\n'
        '"The vote is settled," Senator Alma Ruud, D-Vt., said Tuesday.'
    )
    _sts, got = _said(text)
    assert ("The pier will hold", "Mira K. Osei") in got
    assert ("It was built for worse", "Mira K. Osei") in got
    assert ("We are not going anywhere", "Tova Ring") in got
    assert ("The vote is settled", "Alma Ruud") in got


def test_a_speaker_with_an_apposition_after_the_quote():
    """`"...," Name, a role, told the Courier.`: the quote is the named person's,
    and the outlet told is the listener, never a speaker."""
    text = (
        "Rescue teams worked in Varnhold through the night.\n\n"
        '"We are still counting the missing near the old mill," Petra Lindqvist, a senior '
        "district police officer, told the Northern Courier."
    )
    sts = extract(clean_article(text, language="en", published="2025-01-01")).statements
    assert [(s.speaker, s.direct) for s in sts] == [("Petra Lindqvist", True)]


def test_alleged_is_a_cue_only_before_that():
    """ "The two alleged spies are ..." has no speaker; "X alleged that ..." has."""
    text = (
        "The two alleged spies were flown to Kell on Monday. "
        "The prosecutor alleged that the firm had hidden its losses."
    )
    sts = extract(clean_article(text, language="en", published="2025-01-01")).statements
    assert [(s.speaker, s.text) for s in sts] == [
        ("The prosecutor", "the firm had hidden its losses")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "For the first hour and a half of the climb, the crew reported every few minutes.",
        "The agency said in a 5 p.m. update on Saturday that the roads had reopened.",
        'The hull "split in two," and those onboard had no time to call for help.',
    ],
)
def test_figures_a_reader_would_not_sign(sentence):
    """A duration's "a half of", a time's "p.m.", a number ending its clause
    before a measure word of another clause: no figure."""
    assert extract(clean_article(sentence, language="en", published="2025-01-01")).figures == []


def test_vague_amounts_take_the_order_of_magnitude_convention():
    """ "thousands" is 1,000 to 10,000, "dozens" 12 to 120, never a point value."""
    for phrase, low, high in [("thousands of", 1000, 10000), ("dozens of", 12, 120),
                              ("tens of thousands of", 10000, 100000)]:  # fmt: skip
        q = parse_quantity(next(QUANTITY.finditer(phrase + " people")))
        assert (q.value, q.low, q.high) == (None, low, high)


def test_clauses_of_time_are_no_attribution():
    text = ("As the long search for the hikers continued, a mountain rescue charity said "
            "about 40 people had drowned or were missing.")  # fmt: skip
    sts = extract(clean_article(text, language="en", published="2025-01-01")).statements
    assert [s.speaker for s in sts] == ["the mountain rescue charity"]


def test_reports_and_estimates_are_nobody():
    """ "Reports suggested ..." and "the latest estimate is that ..." credit no
    one: the figure stays uncredited (its outlet's), not "per Reports"."""
    text = ("Reports suggested up to 60 people had boarded the ferry. Latest estimate is "
            "that 55 passengers were aboard. Initial reports suggest 50 people were on board.")  # fmt: skip
    ex = extract(clean_article(text, language="en", published="2025-01-01"))
    assert [f.attributed_to for f in ex.figures] == [[], [], []]
    assert ex.statements == []


def test_a_subject_is_a_noun_phrase():
    """ "more than 100 still missing", "hundreds more feared dead", "a third of
    the city washed away": no subject; "newly arrived migrants" is "migrants"."""
    text = ("Officials said 40 people were still missing. Hundreds more were feared dead. "
            "About 25 newly arrived migrants were rescued.")  # fmt: skip
    figs = extract(clean_article(text, language="en", published="2025-01-01")).figures
    subjects = {f.subject for f in figs}
    assert subjects <= {None, "people", "migrants", "arrived migrants"}, subjects
    assert not any(s and s.split()[-1] in ("more", "still", "feared") for s in subjects)


def test_a_console_name_is_no_sum_of_pounds():
    text = "She bought a PS5 and two PS4 pads, then paid PS1,200 for the set."
    figs = extract(clean_article(text, language="en", published="2025-01-01")).figures
    assert [(f.value, f.unit) for f in figs if f.kind == "money"] == [(1200, "GBP")]


def test_pence_with_a_space():
    figs = extract(clean_article("Shares fell, down 68 p at 1112 p.", language="en")).figures
    assert [(f.value, f.unit) for f in figs] == [(68, "GBP"), (1112, "GBP")]


def test_the_verb_before_governs_its_object():
    """ "a wreck that killed at least 78 migrants, as hopes of finding survivors
    faded": 78 killed, not 78 survivors."""
    text = "Divers searched after a wreck that killed at least 78 migrants, as hopes of finding survivors faded."
    (f,) = extract(clean_article(text, language="en", published="2025-01-01")).figures
    assert (f.measure, f.low, f.qualifier) == ("killed", 78, "at least")


def test_a_quote_signed_after_a_dash_and_a_quoted_name_given_by_a_verb():
    text = (
        "Readers wrote in after the council vote on the new harbour road last week.\n\n"
        "“They never listened to the people on the east side of the bay.” ― Ana Ruiz\n"
        "“We want schools and roads, not slogans from the stage.” ― Tomas Brell.\n\n"
        'Mayor Ida Lunn called the vote "a gift to the developers" on Friday.\n\n'
        'Pia Hart called for calm and "patience from everybody in this town."'
    )
    sts, got = _said(text)
    assert ("They never listened to the people on the east side of the bay", "Ana Ruiz") in got
    assert ("We want schools and roads, not slogans from the stage", "Tomas Brell") in got
    assert ("a gift to the developers", "Ida Lunn") in got
    assert all(s.speaker == "Pia Hart" for s in sts if "patience" in s.text)


def test_a_role_of_several_words_before_a_name_and_a_party_after_it():
    text = (
        "The council met on Monday to discuss the harbour budget in the town hall.\n\n"
        "Secretary of State Mara Kellan said the republic would work with its neighbours.\n\n"
        "Harbour Police Commissioner Jon Orr said the blast was an accident.\n\n"
        "Rep. Tomas Gale (R-S.C.) said the claim smacked of hypocrisy."
    )
    _sts, got = _said(text)
    assert ("the republic would work with its neighbours", "Mara Kellan") in got
    assert ("the blast was an accident", "Jon Orr") in got
    assert ("the claim smacked of hypocrisy", "Tomas Gale") in got


def test_participles_coordinated_cues_colons_and_named_quotes_take_the_subject():
    text = (
        "The council met on Monday to discuss the harbour budget in the town hall.\n\n"
        "Mara Kellan filed a motion to unseal the records, arguing the move was overdue.\n\n"
        "Tomas Brell bemoaned the delay and said he thought the council had failed.\n\n"
        "It will be recalled that the head of the Harbour Board, Admiral Jon Vik, called "
        'the plan a "strategic mistake", noting the "inefficiency" of the works.\n\n'
        "Ida Lunn, author of a book on the port, says the costs can be severe. "
        '"They will ask: can we pay for it?" The board may decide in May.\n\n'
        "LUNN: But, Admiral, I have to ask you about the funds for the pier."
    )
    sts, got = _said(text)
    assert ("the move was overdue", "Mara Kellan") in got
    assert ("he thought the council had failed", "Tomas Brell") in got
    assert ("strategic mistake", "Jon Vik") in got
    assert ("They will ask: can we pay for it?", "Ida Lunn") in got
    assert ("But, Admiral, I have to ask you about the funds for the pier", "Ida Lunn") in got
    assert not any(s.speaker in ("the", "It", "it") for s in sts)


def test_an_organisation_named_with_its_country_is_one_entity():
    text = (
        "Finland's Security Service (SUPO) said on Monday it had opened an inquiry.\n\n"
        "Later the SUPO said the inquiry would take a month, and the Security Service of "
        "Finland declined to give names."
    )
    ents = extract(clean_article(text, language="en", published="2025-01-01")).entities
    supo = [e for e in ents if "SUPO" in e.aliases or e.name == "SUPO"]
    assert len(supo) == 1
    assert supo[0].name == "Security Service of Finland"
    assert not any(e.name == "Security Service" for e in ents)


def test_a_short_quote_with_its_reporting_clause_and_a_line_after_an_abbreviation():
    text = (
        "The mayor spoke about the harbour plan that the council sent to the U.S.\n\n"
        '"It is heartbreaking," Jon Ryan said. "And the town has to find new ways to heal."'
    )
    _sts, got = _said(text)
    assert ("It is heartbreaking", "Jon Ryan") in got
    assert ("And the town has to find new ways to heal", "Jon Ryan") in got


def test_a_title_cased_headline_names_its_speaker():
    text = (
        "Harbour Plan Could Pass Before Winter, Ida Lunn Says.\n\n"
        "The council met on Monday to discuss the budget in the town hall with Ida Lunn.\n"
    )
    article = clean_article(text, language="en", title="Harbour news", published="2025-01-01")
    got = {(s.text, s.speaker) for s in extract(article).statements}
    assert ("Harbour Plan Could Pass Before Winter", "Ida Lunn") in got
    assert not any(e.name.endswith("Says") for e in extract(article).entities)


def test_people_named_with_a_suffix_or_like_a_place():
    text = (
        "The council met on Monday to discuss the harbour budget in the town hall.\n\n"
        '"The plan will never pay for itself," said Chad Moren, an expert on ports.\n\n'
        '"We have waited long enough for this," Vann R. Holt II, a writer, said on Monday.'
    )
    _sts, got = _said(text)
    assert ("The plan will never pay for itself", "Chad Moren") in got
    assert ("We have waited long enough for this", "Vann R. Holt II") in got


def test_the_topic_of_a_statement_is_not_its_content():
    text = (
        "The council met on Monday to discuss the harbour budget in the town hall.\n\n"
        "Ida Lunn said of the pace of the works that it was far too slow for the town."
    )
    sts = extract(clean_article(text, language="en", published="2025-01-01")).statements
    assert [(s.text, s.speaker) for s in sts] == [("it was far too slow for the town", "Ida Lunn")]


def test_when_a_statement_was_made_is_not_its_content():
    text = "Ida Lunn said on March 20, 2025 that the harbour wall would be rebuilt by June."
    sts = extract(clean_article(text, language="en", published="2025-03-21")).statements
    assert [(s.text, s.speaker) for s in sts] == [
        ("the harbour wall would be rebuilt by June", "Ida Lunn")
    ]


def test_the_speaker_of_a_count_is_not_its_measure():
    text = "Survivors said 600 people were on board the trawler when it sank off Varne."
    figs = extract(clean_article(text, language="en", published="2025-01-01")).figures
    assert [(f.value, f.measure) for f in figs] == [(600, "aboard")]  # "on board", not survived


def test_when_a_thing_was_built_is_not_when_its_figure_holds():
    text = "The trawler, built in 1998, was carrying 750 people when it sank on Wednesday."
    (f,) = extract(clean_article(text, language="en", published="2023-06-16")).figures
    assert f.value == 750 and f.as_of is not None and f.as_of.iso == "2023-06-14"


def test_a_size_belongs_to_its_thing_and_a_bare_estimate_to_the_last_count():
    """ "the 20-foot (6-meter) boat": two units of one size of the boat; "the
    agency estimated up to 400": a bare number answering the last count."""
    text = ("Some 750 people were on board the 20-foot (6-meter) boat. "
            "The agency estimated up to 400 while the ministry gave no figure.")  # fmt: skip
    figs = extract(clean_article(text, published="2025-01-01", language="en")).figures
    got = {(f.measure, f.subject, f.value, f.unit) for f in figs}
    assert got == {("aboard", "people", 750, None), ("size", "boat", 20, "ft"),
                   ("size", "boat", 6, "m"), ("aboard", None, 400, None)}  # fmt: skip


def test_a_forecast_of_the_toll_answers_the_toll():
    text = "At least 5,300 people died in Orvik. The mayor said the toll could climb to 20,000."
    figs = extract(clean_article(text, published="2025-01-01", language="en")).figures
    assert [(f.measure, f.value) for f in figs] == [("killed", 5300), ("killed", 20000)]


def test_a_death_toll_is_killed_whatever_the_last_measure_was():
    """ "The death toll rose to 52" after a headline about the missing is a
    death toll, not the missing (the toll names its own measure)."""
    text = ("Harbour tragedy death toll over 40; dozens missing. ORVIK (AP) -- The death toll "
            "rose to 52 in the tragedy after crews searched the bay on Monday.")  # fmt: skip
    figs = extract(clean_article(text, published="2025-01-01", language="en")).figures
    assert [(f.measure, f.value) for f in figs if f.value == 52] == [("killed", 52)]
