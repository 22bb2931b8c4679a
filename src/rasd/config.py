"""Where rasd finds a user's own knowledge folders, without touching code.

In order, later overriding earlier (an entry with a known id replaces the bundled one):
1. the config file: ``$RASD_CONFIG``, else ``./rasd.toml``, else ``~/.config/rasd/config.toml``,
   with ``knowledge = ["folder", ...]`` (relative paths are read from the file's own folder);
2. ``$RASD_KNOWLEDGE``: folders separated by ``:`` (``;`` on Windows);
3. ``--knowledge DIR`` on the command line (repeatable).
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Iterable

from .errors import RasdError


def config_file() -> Path | None:
    """The config file in force, or None."""
    named = os.environ.get("RASD_CONFIG")
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise RasdError(f"RASD_CONFIG names {path}, which is not a file; fix the variable or unset it")
        return path
    for path in (Path("rasd.toml"), Path.home() / ".config" / "rasd" / "config.toml"):
        if path.is_file():
            return path
    return None


def _from_config(path: Path) -> list[Path]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RasdError(f"cannot read the config file {path}: {exc}") from None
    entries = data.get("knowledge", [])
    if isinstance(entries, str):
        entries = [entries]
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise RasdError(f'{path}: `knowledge` must be a folder or a list of folders, e.g. knowledge = ["my_actors"]')
    return [(path.parent / Path(e).expanduser()) for e in entries]


def knowledge_dirs(cli_dirs: Iterable[str | Path] = ()) -> tuple[Path, ...]:
    """Config-file folders, then $RASD_KNOWLEDGE, then the command line's, each checked to exist."""
    dirs: list[Path] = []
    cfg = config_file()
    if cfg is not None:
        dirs += _from_config(cfg)
    dirs += [Path(p).expanduser() for p in os.environ.get("RASD_KNOWLEDGE", "").split(os.pathsep) if p]
    dirs += [Path(d) for d in cli_dirs]
    for d in dirs:
        if not d.is_dir():
            raise RasdError(f"knowledge folder {d} does not exist; fix the path in --knowledge, "
                            f"RASD_KNOWLEDGE or {cfg or 'the config file'}")
    return tuple(dict.fromkeys(d.resolve() for d in dirs))
