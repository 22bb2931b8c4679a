"""Named-entity tagger (placeholder: none)."""
from __future__ import annotations

from ..model import Mention


class NerTagger:
    version = "none"

    @classmethod
    def load_default(cls) -> "NerTagger | None":
        return None

    def tag(self, text, sentences, tokens) -> list[Mention]:
        return []
