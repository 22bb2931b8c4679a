"""A new word type's weight rows, found from its lookup key without writing its feature strings.

``FeatureExtractor.describe`` writes a type's features as strings ("p3=وال", "sh=A" …), and the
decoder looked each one up among the model's ~40,000 attributes. For the few new types a
document brings that was most of their cost: every string was made only to be hashed once,
and the one big table was mostly cache misses. Here each feature family ("p3", "sh", "c2" …)
has its own table, keyed by the feature's value; what is known of a whole word (its "w=" and
"st=" rows, lexicon flags, cluster path) comes from one table in one look-up. The rows come out
in exactly describe's order and are summed as before, so the scores, and the labels, stay bit
for bit the same (tests compare the two).
"""
from __future__ import annotations

from .features import FeatureExtractor, document_stem, merge_marks, strip_proclitics

# describe's families, in the order it writes them
_PREFIXES = ("p1", "p2", "p3", "p4")
_SUFFIXES = ("s1", "s2", "s3", "s4")
_ARTICLES = ("ال", "وال", "بال", "فال", "كال", "لل")


def _families(rows: dict[str, int]) -> dict[str, dict[str, int]]:
    """Attribute rows by family and value: "p3=وال" is family "p3", value "وال"."""
    families: dict[str, dict[str, int]] = {}
    for attribute, row in rows.items():
        family, sep, value = attribute.partition("=")
        if sep:
            families.setdefault(family, {})[value] = row
    return families


# What the tables know of one word or stem, found with one look-up instead of six: a tuple of
# its centre and lent "w=…" rows, centre and lent "st=…" rows, lexicon flags and cluster path
# (None where the model or lexicon lacks it).
_WORD, _LENT_WORD, _STEM, _LENT_STEM, _FLAGS, _PATH = range(6)
_UNKNOWN = (None, None, None, None, (), None)


class TypeRows:
    """The rows of a (key, shape) type's features: at the centre (attribute rows of the state
    weights) and lent to its neighbours (the decoder's window blocks)."""

    def __init__(self, extractor: FeatureExtractor, own: dict[str, int], window: dict[str, int]):
        lexicon = extractor.lexicon
        centre, lent = _families(own), _families(window)

        def getter(families: dict[str, dict[str, int]], family: str):
            return families.get(family, {}).get

        word, lent_word, stem, lent_stem = (centre.get("w", {}), lent.get("w", {}), centre.get("st", {}),
                                            lent.get("st", {}))
        flags, clusters = lexicon.flags, lexicon.clusters
        self._words = {w: (word.get(w), lent_word.get(w), stem.get(w), lent_stem.get(w), flags.get(w, ()),
                           clusters.get(w))
                       for w in set().union(word, lent_word, stem, lent_stem, flags, clusters)}
        self._shape = getter(centre, "sh")
        self._length = [centre.get("len", {}).get(str(n)) for n in range(9)]
        self._prefix = [getter(centre, f) for f in _PREFIXES]
        self._suffix = [getter(centre, f) for f in _SUFFIXES]
        self._stem_prefix2, self._stem_prefix3 = getter(centre, "sp2"), getter(centre, "sp3")
        self._stem_suffix2, self._stem_suffix3 = getter(centre, "ss2"), getter(centre, "ss3")
        self._proclitics = getter(centre, "pre")
        self._article, self._unknown = own.get("al"), own.get("oov")
        self._lent_shape = getter(lent, "sh")
        self._own_families, self._lent_families = centre, lent
        # rows shared by many types, kept once each (bounded by the lexicon)
        self._path_rows: dict[str, tuple[list[int], list[int]]] = {}
        self._stem_path_rows: dict[str, list[int]] = {}
        self._mark_rows: dict[tuple[str, ...], tuple[list[int], list[int]]] = {}

    def rows(self, key: str, kind: str) -> tuple[list[int], list[int], str | None, tuple[str, ...]]:
        """The type's centre rows and lent rows (each in describe's order, features the model
        lacks left out), and, as key_summary gives them, its document stem and lexicon marks."""
        stem = strip_proclitics(key)
        word = self._words.get(key, _UNKNOWN)
        stem_word = word if stem == key else self._words.get(stem, _UNKNOWN)
        marks = merge_marks(word[_FLAGS], stem_word[_FLAGS])
        own = [word[_WORD], stem_word[_STEM], self._shape(kind), self._length[min(len(stem), 8)]]
        n = len(key)
        if n > 1:
            prefix, suffix = self._prefix, self._suffix
            own += (prefix[0](key[:1]), suffix[0](key[-1:]))
            if n > 2:
                own += (prefix[1](key[:2]), suffix[1](key[-2:]))
                if n > 3:
                    own += (prefix[2](key[:3]), suffix[2](key[-3:]))
                    if n > 4:
                        own += (prefix[3](key[:4]), suffix[3](key[-4:]))
        n = len(stem)
        if n > 2:
            own += (self._stem_prefix2(stem[:2]), self._stem_suffix2(stem[-2:]))
            if n > 3:
                own += (self._stem_prefix3(stem[:3]), self._stem_suffix3(stem[-3:]))
        lent = [word[_LENT_WORD], self._lent_shape(kind)]
        if stem != key:
            own.append(self._proclitics(key[: len(key) - len(stem)]))
            lent.append(stem_word[_LENT_STEM])
        if key.startswith(_ARTICLES):
            own.append(self._article)
        path = word[_PATH] or stem_word[_PATH]
        if path is None:
            own.append(self._unknown)
        else:
            path_own, path_lent = self._cluster_rows(path)
            own += path_own
            lent += path_lent
        if stem != key and stem_word[_PATH] is not None:
            own += self._stem_cluster_rows(stem_word[_PATH])
        if marks:
            mark_own, mark_lent = self._marks_rows(marks)
            own += mark_own
            lent += mark_lent
        return ([r for r in own if r is not None], [r for r in lent if r is not None],
                document_stem(stem, kind), marks)

    def _cluster_rows(self, path: str) -> tuple[list[int], list[int]]:
        """Rows of "c1=3" … "c4=3.1.7.2" (describe's _cluster_features), centre and lent."""
        found = self._path_rows.get(path)
        if found is None:
            parts = path.split(".")
            levels = [(f"c{level}", ".".join(parts[:level])) for level in (1, 2, 3, 4) if len(parts) >= level]
            found = self._path_rows[path] = (self._look_up(self._own_families, levels),
                                             self._look_up(self._lent_families, levels))
        return found

    def _stem_cluster_rows(self, path: str) -> list[int]:
        """Rows of "sc2=…", "sc4=…" of the stem's cluster path."""
        found = self._stem_path_rows.get(path)
        if found is None:
            parts = path.split(".")
            levels = [(f"sc{level}", ".".join(parts[:level])) for level in (2, 4)]
            found = self._stem_path_rows[path] = self._look_up(self._own_families, levels)
        return found

    def _marks_rows(self, marks: tuple[str, ...]) -> tuple[list[int], list[int]]:
        """Rows of "g=LOC" … of a word's lexicon marks, centre and lent."""
        found = self._mark_rows.get(marks)
        if found is None:
            levels = [("g", m) for m in marks]
            found = self._mark_rows[marks] = (self._look_up(self._own_families, levels),
                                              self._look_up(self._lent_families, levels))
        return found

    @staticmethod
    def _look_up(families: dict[str, dict[str, int]], features: list[tuple[str, str]]) -> list[int]:
        """The rows of (family, value) features the model has, in order."""
        rows = (families.get(family, {}).get(value) for family, value in features)
        return [r for r in rows if r is not None]


__all__ = ["TypeRows"]
