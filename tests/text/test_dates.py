from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from corroborate.clean.metadata import dateline
from corroborate.text.dates import parse_date


def test_explicit_dates():
    assert parse_date("2025-01-21T10:35:00Z") == date(2025, 1, 21)
    assert parse_date("Tue, 21 Jan 2025 10:35:00 +0000") == date(2025, 1, 21)
    assert parse_date("21 January 2025") == date(2025, 1, 21)
    assert parse_date("22 de outubro de 2010") == date(2010, 10, 22)
    assert parse_date("last Saturday") is None  # relative: not resolved here


def test_datelines():
    assert dateline("Kursk, RussiaMon Jan 13 2025") == (date(2025, 1, 13), None)
    assert dateline("Jan 21, 2025 10:35 122") == (date(2025, 1, 21), None)
    assert dateline("— Some Senate (@senate) October 9, 2018") is None  # tweet signature
    assert dateline("Published in 1990, the book sold well") is None
    assert dateline("29 November 2018 | 20 January 2019") is None  # a range is content


@given(st.text(max_size=120))
def test_parsers_never_raise(s):
    parse_date(s)
    dateline(s)
