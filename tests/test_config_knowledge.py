"""A user's knowledge folders come from a config file, RASD_KNOWLEDGE or --knowledge, in that order."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.config import knowledge_dirs
from rasd.errors import RasdError

NEWSROOM_ACTORS = """# source: a newsroom's own list, licence: internal, version: 1
id\ttype\tcountry\tname_en\tname_ar\taliases
GREEN_VALLEY_BRIGADE\tmilitia\tLBY\tGreen Valley Martyrs Brigade\tكتيبة شهداء الوادي الأخضر\tكتيبة الوادي الأخضر
"""
TEXT = "أعلنت كتيبة شهداء الوادي الأخضر أن عناصرها صدوا هجوما على مواقعها قرب درنة فجر اليوم.\n"


@pytest.fixture()
def isolated(tmp_path, monkeypatch):
    """No config or variable from the machine running the tests leaks in."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("RASD_CONFIG", raising=False)
    monkeypatch.delenv("RASD_KNOWLEDGE", raising=False)
    return tmp_path


def _folder(root: Path, name: str) -> Path:
    folder = root / name / "actors"
    folder.mkdir(parents=True)
    (folder / "newsroom.tsv").write_text(NEWSROOM_ACTORS, encoding="utf-8")
    return root / name


def test_no_config_means_only_the_bundled_knowledge(isolated):
    assert knowledge_dirs() == ()


def test_config_file_env_and_command_line_in_that_order(isolated, monkeypatch):
    a, b, c = (_folder(isolated, n) for n in ("kb_a", "kb_b", "kb_c"))
    (isolated / "rasd.toml").write_text('knowledge = ["kb_a"]\n', encoding="utf-8")
    monkeypatch.setenv("RASD_KNOWLEDGE", str(b))
    assert knowledge_dirs([str(c)]) == (a.resolve(), b.resolve(), c.resolve())


def test_relative_folders_are_read_from_the_config_files_folder(isolated, monkeypatch):
    conf_dir = isolated / "etc"
    conf_dir.mkdir()
    kb = _folder(conf_dir, "kb")
    (conf_dir / "custom.toml").write_text('knowledge = "kb"\n', encoding="utf-8")
    monkeypatch.setenv("RASD_CONFIG", str(conf_dir / "custom.toml"))
    assert knowledge_dirs() == (kb.resolve(),)


@pytest.mark.parametrize("content, message", [
    ('knowledge = ["missing"]\n', "does not exist"),
    ("knowledge = [1, 2]\n", "must be a folder"),
    ("knowledge = [\n", "cannot read the config file"),
])
def test_a_bad_config_says_how_to_fix_it(isolated, content, message):
    (isolated / "rasd.toml").write_text(content, encoding="utf-8")
    with pytest.raises(RasdError, match=message):
        knowledge_dirs()


def test_analyse_uses_the_configured_folder(isolated):
    _folder(isolated, "kb")
    (isolated / "rasd.toml").write_text('knowledge = ["kb"]\n', encoding="utf-8")
    (isolated / "derna.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["analyse", "derna.txt"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[-1])
    ids = {m["actor"]["id"] for m in record["mentions"] if m["actor"]}
    assert "GREEN_VALLEY_BRIGADE" in ids
    (isolated / "rasd.toml").unlink()
    plain = CliRunner().invoke(main, ["analyse", "derna.txt"])
    plain_record = json.loads(plain.output.splitlines()[-1])
    assert not any(m["actor"] and m["actor"]["id"] == "GREEN_VALLEY_BRIGADE" for m in plain_record["mentions"])
    assert plain_record["knowledge_version"] != record["knowledge_version"]  # the output says which knowledge
