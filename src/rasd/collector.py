"""Keep Python's cycle collector off the caches the stages fill as they read.

The stages cache what they work out per word type (segmentations, lexicon readings, place
look-ups). Those caches live as long as the process and hold no garbage, yet every full
collection walks all of them again, and it runs more often the more they grow: over a few
thousand articles that costs ~0.2 ms an article. ``pace_collector`` collects once every few
hundred documents and then freezes what survived, so later collections skip it. Cyclic
garbage is collected before each freeze, so nothing leaks.

While it runs, the youngest generation is also collected after 20,000 new objects instead of
Python's 700: an article makes thousands of short-lived objects (tokens, words, candidates),
and scanning them every 700 cost about 2% of the analysis (measured interleaved with
scripts/compare_speed.py's method). The usual threshold comes back when the run ends.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

EVERY = 250  # documents between two freezes: the collection before each costs ~µs a document
YOUNG = 20_000  # new objects between two collections of the youngest generation, during a run


def pace_collector(items: Iterable[T], every: int = EVERY) -> Iterator[T]:
    """Yield ``items``; after every ``every`` of them, collect and freeze what is still alive."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(YOUNG, threshold[0]), *threshold[1:])
    try:
        for n, item in enumerate(items, start=1):
            yield item
            if n % every == 0:
                gc.collect()
                gc.freeze()
    finally:
        gc.set_threshold(*threshold)


__all__ = ["pace_collector", "EVERY", "YOUNG"]
