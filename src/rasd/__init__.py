"""rasd (رصد): Arabic news to event data — who did what to whom, where, when, and who says so."""
from .model import (Analysis, Document, Event, Mention, Sentence, Token)
from .pipeline import Pipeline, analyse, default_pipeline

__version__ = "0.1.0"
__all__ = ["analyse", "Pipeline", "default_pipeline", "Document", "Analysis", "Event",
           "Mention", "Sentence", "Token", "__version__"]
