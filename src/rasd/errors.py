"""The exceptions rasd raises, in one tree.

RasdError
 ├── ReadError        a document could not be read (bad encoding, binary, empty, too big …)
 ├── KnowledgeError   a knowledge file is malformed (the message names file and line)
 ├── ModelError       a model file is missing or unreadable (the message says how to build it)
 └── StoreError       the database cannot be opened or written
"""


class RasdError(Exception):
    """Base of every rasd error; its message says what to do."""


class ReadError(RasdError):
    """A source could not be turned into a Document; ``reason`` is a short, stable code."""

    def __init__(self, path: str, reason: str, detail: str = ""):
        self.path, self.reason, self.detail = path, reason, detail
        super().__init__(f"{path}: {reason}" + (f" ({detail})" if detail else ""))

    def __reduce__(self):  # pickled whole, e.g. between Spark workers
        return (ReadError, (self.path, self.reason, self.detail))


class KnowledgeError(RasdError):
    pass


class ModelError(RasdError):
    pass


class StoreError(RasdError):
    pass
