"""scripts/build_gazetteer.py rebuilds the committed derived files byte for byte."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASD_SHARED", ROOT / ".." / "shared"))
PLACES = ROOT / "src" / "rasd" / "data" / "knowledge" / "places"


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "data" / "geonames_cities15000" / "cities15000.zip").exists(),
                    reason="../shared/data/geonames_cities15000 is not there")
def test_build_is_deterministic_and_matches_the_committed_files(tmp_path: Path):
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    module.main(tmp_path)
    for name in ("geonames_cities.tsv", "countries.tsv"):
        assert (tmp_path / name).read_bytes() == (PLACES / name).read_bytes(), name
