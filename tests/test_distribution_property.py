"""Largest-remainder distribution: exact, never negative, monotone in the weights."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.compute.distribution import largest_remainder

weights = st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=25).filter(lambda w: sum(w) > 0)


@given(total=st.integers(min_value=0, max_value=10**10), w=weights)
def test_parts_add_up_exactly_and_are_never_negative(total, w):
    parts = largest_remainder(total, w)
    assert sum(parts) == total
    assert all(p >= 0 for p in parts)
    assert len(parts) == len(w)


@given(total=st.integers(min_value=0, max_value=10**10), w=weights)
def test_a_larger_weight_never_gets_less(total, w):
    parts = largest_remainder(total, w)
    for i in range(len(w)):
        for j in range(len(w)):
            if w[i] > w[j]:
                assert parts[i] >= parts[j]
            if w[i] == 0:
                assert parts[i] == 0


@given(total=st.integers(min_value=0, max_value=10**10), w=weights)
def test_each_part_is_within_one_of_its_exact_share(total, w):
    parts = largest_remainder(total, w)
    for p, wi in zip(parts, w, strict=True):
        exact = total * wi / sum(w)
        assert abs(p - exact) < 1


def test_seed_example_loses_no_euro():
    # rounding each share separately gives 749.999 for the seed's inwoners column
    parts = largest_remainder(750_000, [25324, 18203, 16455, 9504, 166382, 7827, 19009, 40734, 5924])
    assert sum(parts) == 750_000
