"""Dutch numbers and amounts (util/formatting.py): each text is made once per process, so the
cache must never give one value the text of another that merely compares equal."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from generator.util.formatting import euro, number, percentage, signed


def test_values_that_compare_equal_keep_their_own_text():
    # Decimal("1.50") == Decimal("1.5") == 1.5, and Decimal("-0") == 0: the texts still follow each value
    assert [euro(Decimal("12.50")), euro(Decimal("12.5")), euro(12), euro(Decimal("12.00"))] == [
        "€ 12,50",
        "€ 12,50",
        "€ 12",
        "€ 12",
    ]
    assert number(Decimal("-0")) == format_decimal(Decimal("-0"), locale="nl_NL")
    assert number(0) == "0"
    assert [number(Decimal("1234567.891")), number(Decimal("1234567.891"), decimals=2)] == [
        "1.234.567,891",
        "1.234.567,89",
    ]
    assert [number(Decimal("37.5"), decimals=0), number(Decimal("37.5"), decimals=1)] == ["38", "37,5"]
    assert [number(1.5), number(Decimal("1.5")), number(Decimal("1.50"), decimals=2)] == ["1,5", "1,5", "1,50"]
    assert euro(Decimal("1004000"), nbsp=True) == "€\u00a01.004.000" and euro(Decimal("1004000")) == "€ 1.004.000"


def test_a_repeated_value_gives_the_same_text_as_the_first_time():
    values = [Decimal("87.456"), Decimal("-3.2"), Decimal("0.05"), 7, Decimal("1E+3")]
    first = [(number(v), number(v, decimals=1), percentage(v), signed(Decimal(v), 1)) for v in values]
    again = [(number(v), number(v, decimals=1), percentage(v), signed(Decimal(v), 1)) for v in values]
    assert first == again
    assert first[0] == ("87,456", "87,5", "87,5%", "+87,5") and first[4][0] == "1.000"
