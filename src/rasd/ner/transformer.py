"""Optional NER backend: any local token-classification model directory (e.g. a CAMeLBERT
NER checkpoint), run on CPU or GPU in batches.

Words are the same surface units the CRF tags; each word takes the label predicted for its
first subword, and word labels become character spans through the words' offsets. Needs the
``transformers`` extra (torch, transformers); nothing is downloaded: the directory must hold
the model and its tokenizer (``save_pretrained``).
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from ..errors import RasdError
from ..model import Mention, Sentence, Token
from .conll import repair_tag
from .evaluate import entity_spans

# Words per model input: long sentences are cut into windows of this many words.
WINDOW_WORDS = 120


class TransformerTagger:
    """A Hugging Face token-classification model behind NerTagger's interface."""

    def __init__(self, model_dir: Path, device: str | None = None, batch_size: int = 16,
                 max_length: int = 512):
        try:
            import torch
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError as exc:
            raise RasdError("the transformer NER backend needs torch and transformers: "
                            "pip install 'rasd[transformers]'") from exc
        model_dir = Path(model_dir)
        if not (model_dir / "config.json").exists():
            raise RasdError(f"{model_dir} holds no token-classification model (no config.json); "
                            "point at a directory written by save_pretrained")
        self._torch = torch
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self.tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
        self.model = AutoModelForTokenClassification.from_pretrained(model_dir, local_files_only=True)
        self.model.to(self.device).eval()
        self.batch_size = batch_size
        self.max_length = min(max_length, getattr(self.tokenizer, "model_max_length", max_length) or max_length)
        id2label = self.model.config.id2label
        # checkpoints name classes their own way (B-PERS, B-PER, I-ORG ...): read them as IOB2
        self.labels = [repair_tag(str(id2label[i])) for i in range(len(id2label))]
        digest = hashlib.blake2b((model_dir / "config.json").read_bytes(), digest_size=4).hexdigest()
        self.version = f"hf-{model_dir.name}-{digest}"

    @classmethod
    def load(cls, model_dir: Path, device: str | None = None) -> "TransformerTagger":
        """Open a model directory (config, weights, tokenizer) on ``device`` (default: GPU if any)."""
        return cls(Path(model_dir), device)

    def _word_pieces(self, words: Sequence[str]) -> tuple[list[int], list[int | None]]:
        """Input ids with special tokens, and for each id the index of the word it starts."""
        encoded = self.tokenizer(list(words), is_split_into_words=True, truncation=True,
                                 max_length=self.max_length)
        firsts: list[int | None] = []
        previous = None
        for word_id in encoded.word_ids():
            firsts.append(word_id if word_id is not None and word_id != previous else None)
            previous = word_id
        return encoded["input_ids"], firsts

    def _windows(self, sentences: Sequence[Sequence[str]]) -> list[tuple[int, int, list[str]]]:
        """(sentence index, first word, words) for each model input."""
        out = []
        for i, words in enumerate(sentences):
            for start in range(0, len(words), WINDOW_WORDS):
                out.append((i, start, list(words[start:start + WINDOW_WORDS])))
        return out

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for sentences of surface words, computed in batches."""
        torch = self._torch
        tags = [["O"] * len(words) for words in sentences]
        windows = self._windows(sentences)
        pad = self.tokenizer.pad_token_id or 0
        for b in range(0, len(windows), self.batch_size):
            batch = windows[b:b + self.batch_size]
            encoded = [self._word_pieces(words) for _, _, words in batch]
            width = max(len(ids) for ids, _ in encoded)
            input_ids = torch.full((len(batch), width), pad, dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for row, (ids, _) in enumerate(encoded):
                input_ids[row, : len(ids)] = torch.tensor(ids)
                mask[row, : len(ids)] = 1
            with torch.inference_mode():
                logits = self.model(input_ids=input_ids.to(self.device),
                                    attention_mask=mask.to(self.device)).logits
            best = logits.argmax(-1).cpu().tolist()
            for (sentence, start, _), (_, firsts), row in zip(batch, encoded, best):
                for position, word in enumerate(firsts):
                    if word is not None:
                        tags[sentence][start + word] = self.labels[row[position]]
        return tags

    def tag(self, text: str, sentences: Sequence[Sentence], tokens: Sequence[Token]) -> list[Mention]:
        """Named-entity mentions in ``text`` (source "ner"), like NerTagger.tag."""
        from . import LABEL_MAP, sentence_units

        if not sentences:
            sentences = [Sentence(0, 0, len(text))]
        by_sentence: dict[int, list[Token]] = {}
        for t in tokens:
            by_sentence.setdefault(t.sentence, []).append(t)
        units = [sentence_units(text, s, by_sentence.get(s.index, ())) for s in sentences]
        words = [[text[a:b] for a, b in u] for u in units]
        mentions = []
        for sentence, spans, tags in zip(sentences, units, self.tag_sentences(words)):
            for kind, first, last in entity_spans(tags):
                label = LABEL_MAP.get(kind)
                if label is not None:
                    start, end = spans[first][0], spans[last][1]
                    mentions.append(Mention(start, end, text[start:end], label, source="ner",
                                            sentence=sentence.index))
        return mentions


__all__ = ["TransformerTagger", "WINDOW_WORDS"]
