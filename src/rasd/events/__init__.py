"""Event extraction (placeholder: none)."""
from __future__ import annotations


def extract_events(document, sentences, tokens, mentions, knowledge, version: str = ""):
    return []
