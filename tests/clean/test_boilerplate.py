import pytest

from corroborate.clean.boilerplate import clean_text, is_keyboard_mash

BODY = (
    "The agency said on Monday that 40 people had been injured in the blast, "
    "and that rescue teams were still searching the site."
)


@pytest.mark.parametrize(
    "line,reason",
    [
        ("Advertisement", "ad"),
        ("Story continues below advertisement", "ad"),
        ("PREV 4 goals in 10 minutes, a legendary comeback", "navigation"),
        ("Read the full article here", "navigation"),
        ("Share this article", "share"),
        ("Follow Jane Roe on Facebook and Twitter.", "follow"),
        ("Sign up for our free newsletter delivered to your inbox", "subscribe"),
        ("VideoTwo soldiers captured by Ukraine in Russia", "caption"),
        ("Photo: Boats in the harbour (Photo: Ines Calder)", "caption"),
        ("Read more: Another story about something else", "related links"),
        ("https://example.org/news/1", "url"),
        ("fdfddfdffddfdfdf", "junk"),
        ("actions", "interface"),
        ("--", "punctuation"),
        ("© 2026 Example Post. All rights reserved.", "copyright"),
        ("(Reporting by Jane Roe; Editing by John Doe)", "credit"),
        ("By Jane Roe, Example Post", "byline"),
        ("Valmora, LandoriaSat Mar 14 2026 08:40 311", "dateline"),
    ],
)
def test_junk_lines_are_removed_with_their_reason(line, reason):
    cleaned = clean_text(f"{BODY}\n{line}\n{BODY} More.")
    assert [(r.text, r.reason) for r in cleaned.removed] == [(line, reason)]
    assert line not in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "Military training in November",
        '"This is a tragedy"',
        "Next year, the ministry plans to double the budget.",
        "By the end of the day, 40 people had been rescued.",
        "Videos of the attack were shared widely.",
        "Published in 1990, the report was ignored.",
    ],
)
def test_body_lines_are_kept(line):
    cleaned = clean_text(f"{BODY}\n{line}\n{BODY} More.")
    assert cleaned.removed == []
    assert line.replace("“", '"') in cleaned.text


def test_title_is_harvested_once_and_repeats_removed():
    src = "Big Flood Hits Sarn\n\nBig Flood Hits Sarn\nBig Flood Hits Sarn - 1\n" + BODY
    cleaned = clean_text(src)
    assert cleaned.harvest.title == "Big Flood Hits Sarn"
    assert [r.reason for r in cleaned.removed] == ["title", "repeated title", "repeated title"]
    assert cleaned.text == BODY


def test_related_list_and_trailing_teasers_go_but_lists_in_body_stay():
    src = (
        f"{BODY}\nThe winners were:\n- Anna Kovacs (Sarn)\n- Jon Mbeki (Lisk)\n{BODY}\n"
        "Related:\nKestrel Bay ferry passengers rescued\nBudget talks stall over water\n"
    )
    cleaned = clean_text(src)
    assert "- Anna Kovacs (Sarn)" in cleaned.text
    assert [r.reason for r in cleaned.removed] == ["related links"] * 3


def test_excerpt_without_prose_is_kept():
    cleaned = clean_text("Two killed in Sarn blast")
    assert cleaned.text == "Two killed in Sarn blast"


def test_removed_offsets_and_offset_map_point_into_the_source():
    src = "Advertisement\n  “Quoted”  words\u00a0here.  \nShare\n" + BODY
    cleaned = clean_text(src)
    for r in cleaned.removed:
        assert src[r.start : r.end] == r.text
    i = cleaned.text.index("words")
    s, e = cleaned.offset_map.span_to_source(i, i + 5)
    assert src[s:e] == "words"


def test_keyboard_mash():
    assert is_keyboard_mash("asdfghjk") and is_keyboard_mash("qwqwqwqwqw")
    assert not is_keyboard_mash("Zelenskyy") and not is_keyboard_mash("Pyongyang")


@pytest.mark.parametrize(
    ("stamp", "published"),
    [("date 2024-03-09 ", "2024-03-09"), ("Published: 2024-03-09 | ", "2024-03-09"),
     ("date 2024-03 ", None)],
)  # fmt: skip
def test_a_date_stamp_before_the_first_line_is_split_off_and_harvested(stamp, published):
    src = f" {stamp}Big Flood Hits Sarn\n" + BODY
    cleaned = clean_text(src)
    assert cleaned.harvest.title == "Big Flood Hits Sarn"
    found = cleaned.harvest.published
    assert (found.isoformat() if found else None) == published
    assert cleaned.text == BODY
    stamp_line = cleaned.removed[0]
    assert (
        stamp_line.reason == "dateline"
        and src[stamp_line.start : stamp_line.end] == stamp_line.text
    )


def test_a_date_in_the_body_is_not_a_stamp():
    src = BODY + "\ndate 2024-03-09 was when the levee broke, officials in Sarn said on Monday."
    assert "date 2024-03-09 was" in clean_text(src).text
