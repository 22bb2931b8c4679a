"""pace_collector: every document passes through, survivors are frozen, cyclic garbage is not."""
import gc
import weakref

import pytest

from rasd.collector import YOUNG, pace_collector


class _Node:
    """An object that can sit in a reference cycle."""

    def __init__(self) -> None:
        self.other = self


@pytest.mark.parametrize("n, every", [(0, 3), (2, 3), (3, 3), (10, 3), (7, 1)])
def test_every_item_comes_through_in_order(n, every):
    items = [f"خبر {i}" for i in range(n)]
    assert list(pace_collector(items, every)) == items


@pytest.mark.parametrize("every", [1, 4])
def test_survivors_are_frozen_and_cycles_collected_first(every):
    gc.unfreeze()
    try:
        kept = _Node()  # alive at the freeze: moves to the permanent generation
        dropped = _Node()
        gone = weakref.ref(dropped)
        del dropped  # a cycle nobody reaches: must be collected, not frozen
        before = gc.get_freeze_count()
        assert list(pace_collector(range(every), every)) == list(range(every))
        assert gone() is None
        assert gc.get_freeze_count() > before
        assert kept.other is kept
    finally:
        gc.unfreeze()


def test_no_freeze_before_the_count_is_reached():
    gc.unfreeze()
    try:
        list(pace_collector(range(4), 5))
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()


def test_young_objects_are_collected_less_often_during_a_run_only():
    before = gc.get_threshold()
    seen = []
    for _ in pace_collector(["خبر أول", "خبر ثان"]):
        seen.append(gc.get_threshold()[0])
    assert seen == [YOUNG, YOUNG]
    assert gc.get_threshold() == before


def test_an_abandoned_run_gives_the_threshold_back():
    before = gc.get_threshold()
    run = pace_collector(range(10))
    next(run)
    assert gc.get_threshold()[0] == YOUNG
    run.close()
    assert gc.get_threshold() == before
