"""`python -m rasd` is the `rasd` command."""
from .cli import entry

entry()
