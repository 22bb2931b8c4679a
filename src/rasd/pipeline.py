"""analyse(Document) -> Analysis: the pure core. No I/O here; knowledge and models are
loaded once by Pipeline and only read afterwards."""
from __future__ import annotations

import time
from functools import lru_cache
from pathlib import Path

from .events import extract_events
from .knowledge import Knowledge
from .mentions import merge_mentions
from .model import Analysis, Document
from .ner import NerTagger
from .sentences import split_sentences
from .tokenize import tokenize


# The stages as `rasd bench` reports them: sentences and tokens, knowledge look-up, the NER
# tagger (with the merge of its mentions into the known ones), and event extraction.
STAGES = ("text", "knowledge", "ner", "events")


class Pipeline:
    """The stages in order, with the knowledge and models they read."""

    def __init__(self, knowledge: Knowledge | None = None, ner: NerTagger | None = None,
                 use_ner: bool = True):
        self.knowledge = knowledge if knowledge is not None else Knowledge.load()
        self.ner = (ner if ner is not None else NerTagger.load_default()) if use_ner else None

    @property
    def version(self) -> str:
        ner = self.ner.version if self.ner is not None else "none"
        return f"{self.knowledge.version}+ner-{ner}"

    def __call__(self, document: Document) -> Analysis:
        return self._run(document, None)

    def timed(self, document: Document, spent: dict[str, float]) -> Analysis:
        """``self(document)``, adding the CPU seconds of each stage (``STAGES``) to ``spent``."""
        return self._run(document, spent)

    def _run(self, document: Document, spent: dict[str, float] | None) -> Analysis:
        clock = time.process_time if spent is not None else None
        t0 = clock() if clock else 0.0
        text = document.text
        sentences = split_sentences(text)
        tokens = tokenize(text, sentences)
        if clock:
            t1 = clock()
            spent["text"] = spent.get("text", 0.0) + t1 - t0
        mentions = self.knowledge.find_mentions(text, sentences, tokens)
        if clock:
            t0 = clock()
            spent["knowledge"] = spent.get("knowledge", 0.0) + t0 - t1
        if self.ner is not None:
            tagged = self.ner.tag(text, sentences, tokens)
            mentions = merge_mentions(mentions, tagged, self.knowledge, text)
        if clock:
            t1 = clock()
            spent["ner"] = spent.get("ner", 0.0) + t1 - t0
        events = extract_events(document, sentences, tokens, mentions, self.knowledge,
                                version=self.version)
        if clock:
            spent["events"] = spent.get("events", 0.0) + clock() - t1
        return Analysis(document, sentences, tokens, mentions, events, self.version)


@lru_cache(maxsize=4)
def _pipeline(knowledge_dirs: tuple[Path, ...], use_ner: bool) -> Pipeline:
    return Pipeline(Knowledge.load(knowledge_dirs), use_ner=use_ner)


def default_pipeline(knowledge_dirs: tuple[Path, ...] = (), use_ner: bool = True) -> Pipeline:
    """The shared, read-only pipeline for these knowledge folders (built once per process)."""
    return _pipeline(tuple(Path(d) for d in knowledge_dirs), use_ner)


def analyse(document: Document, pipeline: Pipeline | None = None) -> Analysis:
    """Analyse one document: sentences, tokens, mentions, events. Pure: no I/O."""
    return (pipeline or default_pipeline())(document)
