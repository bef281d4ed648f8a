"""Attribution constructions found missing on real political news (PolNeAR
dev), written here in our own words: participles that continue a speaker's
words, fronted time phrases, roles before names, quoted titles."""

from __future__ import annotations

import pytest

from corroborate import clean_article
from corroborate.extract import extract


def said(text: str) -> set[tuple[str, str]]:
    a = clean_article(text, language="en")
    return {(s.speaker, s.text) for s in extract(a).statements}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # "adding that" continues the speaker of the clause before it
            "Ana Ruiz spoke on Monday. Ruiz said the bridge was late, adding that it would "
            "cost more than planned.",
            {("Ana Ruiz", "the bridge was late"), ("Ana Ruiz", "it would cost more than planned")},
        ),
        (
            # a participle after a fronted time phrase takes the sentence's subject
            "Tomas Varga toured the mill. On Thursday, however, Varga spoke to mill owners, "
            "promising to cut the levy on timber exports.",
            {("Tomas Varga", "to cut the levy on timber exports")},
        ),
        (
            # a role before the name, and "saying" before a quote
            "Mayor Ida Lunn met residents. Independent mayoral candidate Ida Lunn chimed in on "
            'the radio, saying, "The harbour plan is dead and everyone knows it."',
            {("Ida Lunn", "The harbour plan is dead and everyone knows it.")},
        ),
        (
            # a short quoted title inside the sentence is no quote of the speaker
            "Governor Petra Holm spoke. On this week's edition of “Morning Ledger,” Governor "
            "Petra Holm said the tunnel would open in May.",
            {("Petra Holm", "the tunnel would open in May")},
        ),
        (
            # a bare day or "yesterday" between the verb and "that" is when, not what
            "Ivo Sand chairs the board. Sand said Tuesday that the ferry would run again. "
            "Sand told reporters on Friday night that fares would rise. Sand said today's "
            "timetable stands.",
            {
                ("Ivo Sand", "the ferry would run again"),
                ("Ivo Sand", "fares would rise"),
                ("Ivo Sand", "today's timetable stands"),
            },
        ),
        (
            # the body named in apposition after its parent's description speaks
            "The Harlow Union's relief agency, the Varne Relief Office (VRO), estimated that "
            "700 people were aboard.",
            {("Varne Relief Office", "700 people were aboard")},
        ),
        (
            # several speakers are named as a reader lists them
            "Ukraine, Poland and Lithuania accuse Russia of sending troops.",
            {("Ukraine, Poland and Lithuania", "Russia of sending troops")},
        ),
        (
            # a surname with a glued Arabic article, a role with no article, and
            # how the words were sent are no part of the content
            "Layla el-Haddad, director general of the relief group, told the Harbour Post by "
            "phone that 420 families had left.",
            {("Layla el-Haddad", "420 families had left")},
        ),
        (
            # a role in capitals is no one's name: the speaker is the description
            "Harlow Air's CEO said the jet was safe.",
            {("Harlow Air's CEO", "the jet was safe")},
        ),
    ],
)
def test_attribution_constructions(text, expected):
    assert said(text) == expected


def test_two_reported_clauses_keep_the_quotes_inside_them():
    """Quoted words inside either of two reported clauses do not cancel the
    reported speech ("X said A “...”, adding that B “...”")."""
    got = said(
        "The Harbour Watch helpline said the port authority was “aware of the leak well "
        "before it spread”, adding that officials “were warned by several sources” early on."
    )
    assert got == {
        ("Harbour Watch", 'the port authority was "aware of the leak well before it spread'),
        ("Harbour Watch", 'officials "were warned by several sources" early on'),
    }


def test_a_role_told_without_an_article_is_the_speakers_role():
    ex = extract(
        clean_article(
            "Omar al-Rashid, mayor of Orvik, said 30 homes burned. Al-Rashid added that "
            "more were at risk.",
            published="2025-01-01",
            language="en",
        )
    )
    people = [(e.name, e.role, e.aliases) for e in ex.entities if e.type == "person"]
    assert people == [("Omar al-Rashid", "mayor of Orvik", ["Al-Rashid"])]
    assert {s.speaker for s in ex.statements} == {"Omar al-Rashid"}


def test_acts_and_relative_clauses_are_no_statements():
    """ "If their leader agrees to free them" is an act, not a statement; "the
    boats that Orvik has claimed to seize" has no content; "said of the plan"
    names what the words were about, not who said them; a quote that reported
    words open with is one statement, with its marks."""
    assert (
        said("The mayor offered to pay if their leader, Ida Marsh, agrees to free them.") == set()
    )
    assert said("The two boats are the first that Orvik has claimed to seize intact.") == set()
    assert said(
        "''The plan looks sound on paper,'' Ann Roe, a fellow at the Orvik Institute, said "
        "of the bill."
    ) == {("Ann Roe", "The plan looks sound on paper")}
    ex = extract(
        clean_article(
            "“He thought he was sent to a drill” at first, according to the Harbour Police.",
            published="2025-01-01",
            language="en",
        )
    )
    assert [(s.speaker, s.direct, s.text) for s in ex.statements] == [
        ("Harbour Police", False, '"He thought he was sent to a drill" at first')
    ]


_LEAD = (
    "Mayor Ann Holt and Senator Tom Neale met at the city hall on Monday to discuss the "
    "budget, which is due in March.\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # a bare role between commas: the name before it is the speaker
            "Senator Tom Neale, Democrat of Ohio, said the levy had sent a bad message.",
            {("Tom Neale", "the levy had sent a bad message")},
        ),
        (
            # a fronted phrase with no comma: the name right before the verb
            "In a June meeting with the board of the city council Neale said that the levy "
            "may need to change.",
            {("Tom Neale", "the levy may need to change")},
        ),
        (
            # surnames with a prefix are names ("O'Neill", "McCain", "DeSantis")
            "The blast went off at noon, according to Fire Chief James O’Neill.\n\n"
            "O’Neill said officials had a video of the blast.",
            {
                ("James O'Neill", "The blast went off at noon"),
                ("James O'Neill", "officials had a video of the blast"),
            },
        ),
        (
            # "as X put it", before and after the words
            'The main test is "a lawful source of income," as a city memo put it.\n\n'
            'As Ms. Holt put it in a statement in July, the city is "broke."',
            {
                ("the city memo", 'The main test is "a lawful source of income'),
                ("Ann Holt", 'the city is "broke'),
            },
        ),
        (
            # what a poll, a study or a video shows needs no "that"; police who
            # find a body attribute nothing
            "Police found a body near the river. Documents found on the bus show nothing.\n\n"
            "The Ledger/Ipsos poll showed Holt doing better than in other polls.\n\n"
            "A 2014 study by the city found 31 cases of fraud.",
            {
                ("The Ledger/Ipsos poll", "Holt doing better than in other polls"),
                ("the 2014 study by the city", "31 cases of fraud"),
            },
        ),
        (
            # a colon introduces the quote of the next paragraph
            'The Daily Ledger reports:\n\n"The levy is dead, and the mayor knows it. Nobody '
            'in the council will vote for it."',
            {
                (
                    "The Daily Ledger",
                    "The levy is dead, and the mayor knows it. Nobody in the council will "
                    "vote for it.",
                )
            },
        ),
        (
            # quoted words that end the reported clause, full stop inside the marks
            "In contrast, Holt described Neale as “a career politician” who “never held a "
            "real job.”",
            {("Ann Holt", 'Neale as "a career politician" who "never held a real job')},
        ),
        (
            # more reported words after a quote's own attribution; the verb
            # signing the quote reports nothing more
            '"Fees should not be a condition for a permit," Neale said in a statement, '
            'adding that permits were handed out "like candy."',
            {
                ("Tom Neale", "Fees should not be a condition for a permit"),
                ("Tom Neale", 'permits were handed out "like candy'),
            },
        ),
        (
            # a sentence-initial surname of a full name told before
            "Holt, who has backed the levy since she took office in February, blasted "
            "Neale as a “disgrace” on Wednesday.",
            {
                ("Ann Holt", 'Neale as a "disgrace" on Wednesday'),
                # the relative clause's own stance, ending at its comma
                ("Ann Holt", "the levy since she took office in February"),
            },
        ),
        (
            # a fronted clause is no speech; a participle's subject is one person
            'As a phone rang, the announcer said, "It is late, and your children are asleep '
            'in their beds."\n\nDuring a speech earlier in the day, Neale attacked Holt for '
            'her support of the levy, saying, "She is reckless and very unstable."',
            {
                ("the announcer", "It is late, and your children are asleep in their beds."),
                ("Tom Neale", "She is reckless and very unstable."),
            },
        ),
        (
            # a clause is no speaker ("of those responding"); reported words end
            # before "and said"
            "In the poll, Holt was supported by 42 percent of those responding, while Neale "
            'received 38 percent.\n\nNeale urged voters to "stay home" and said he was done.',
            {
                ("Tom Neale", 'voters to "stay home'),
                ("Tom Neale", "he was done"),
            },
        ),
        (
            # an aim told without its words is a stance, only before "to" and a verb
            "Holt wants to cut the levy for families on low incomes.\n\n"
            "Neale plans a trip to Ohio. The plans were dropped in May.",
            {("Ann Holt", "to cut the levy for families on low incomes")},
        ),
        (
            # a transcript's speaker labels in capitals
            '"HOLT: We will not raise the levy this year, whatever the council says.\n\n'
            '"NEALE: Then the council will raise it for you.\n\n'
            '"HOLT: Not while I am mayor of this city.',
            {
                ("Ann Holt", "We will not raise the levy this year, whatever the council says"),
                ("Tom Neale", "Then the council will raise it for you"),
                ("Ann Holt", "Not while I am mayor of this city"),
            },
        ),
        (
            # a party label in brackets is part of the name; a listener before the
            # time; a verb with no complement ("if the council agrees,") reports nothing
            'Gov. Pat Rook (R) said it would be "improper" for him to speak on the levy.\n\n'
            "The levy could pass, but only if the council agrees, Sen. Lin Gray (R-S.C.) "
            "told the Daily Ledger on Thursday.",
            {
                ("Pat Rook", 'it would be "improper" for him to speak on the levy'),
                ("Lin Gray", "The levy could pass, but only if the council agrees"),
            },
        ),
        (
            # an abbreviated title before a subject that goes on to say something
            "Mr. Neale generally backed the council during his time at the paper, which let "
            "him go in 2015, and said he did not support the levy.\n\n"
            "Even Portugal, the city's only ally abroad, said it was firmly opposed to the levy.",
            {
                ("Tom Neale", "he did not support the levy"),
                # the stance before it, up to ", and said"
                ("Tom Neale", "the council during his time at the paper, which let him go in 2015"),
                ("Portugal", "it was firmly opposed to the levy"),
            },
        ),
        (
            # a subject between commas before "has encouraged", and again after
            # "but has said"; "charges that" is a cue, "the charges" none
            "Democratic candidate Ann Holt, like Neale, has encouraged voters to back the "
            "levy but has said she will hold firm on taxes.\n\n"
            "Neale charges that the council wasted millions on the plan. The charges were "
            "dropped in May.",
            {
                ("Ann Holt", "voters to back the levy"),
                ("Ann Holt", "she will hold firm on taxes"),
                ("Tom Neale", "the council wasted millions on the plan"),
            },
        ),
        (
            # a partial quote in NYT marks before "X said last week"; a signature
            # in an email to someone; "said, going on to ..." reports no more words
            "Not paying the levy ''makes me smart,'' Ann Holt said last week.\n\n"
            "Neale is “smart as a whip,” Jo Marsh wrote in an email to the Daily Ledger's "
            'editor.\n\n"We will win. We are looking at the needs of the people," Neale '
            "said, going on to attack the levy.",
            {
                ("Ann Holt", "Not paying the levy ''makes me smart"),
                ("Jo Marsh", 'Neale is "smart as a whip'),
                ("Tom Neale", "We will win. We are looking at the needs of the people"),
            },
        ),
        (
            # someone of Neale's is not Neale; a spokesman is no senator; a
            # campaign speaks for its candidate
            "“My reaction, that was outrageous,” Neale's former campaign strategist said "
            "in an interview with the Daily Ledger.\n\nHolt's spokesman said the mayor would "
            "not comment.\n\nHolt's campaign said it raised $2 million.",
            {
                ("Neale's former campaign strategist", "My reaction, that was outrageous"),
                ("Holt's spokesman", "the mayor would not comment"),
                ("Ann Holt", "it raised $2 million"),
            },
        ),
        (
            # "according to" a name the article tells no more of
            "According to Politico, both of these areas are highly populated with young voters.",
            {("Politico", "both of these areas are highly populated with young voters")},
        ),
        (
            # a name in a fronted phrase is no speaker of a passive clause
            "In the Neale affair, voters were charged fees they never agreed to.",
            set(),
        ),
    ],
)
def test_constructions_after_a_lead(text, expected):
    got = said(_LEAD + text)
    assert got == expected


def test_transcript_labels_name_speakers_the_text_does_not():
    """A capitalised label used on several lines is a speaker even when the
    article never gives the full name ("WALLACE: ...")."""
    got = said(
        "A partial transcript of the interview follows.\n\n"
        '"RIVAS: Let us start with the budget, which is late again this year.\n\n'
        '"RIVAS: The mayor says the vote on Friday will go ahead as planned.\n\n'
        '"RIVAS: We will be back after the break with the council leader.'
    )
    assert ("Rivas", "Let us start with the budget, which is late again this year") in got
    assert ("Rivas", "The mayor says the vote on Friday will go ahead as planned") in got
