"""Inputs that once broke the plugin (found by scripts/fuzz-captures.sh),
kept in tests/fuzz/regressions/: each must decode in two passes with the full
tree and no dissector exception."""
from pathlib import Path

import pytest

REGRESSIONS = sorted((Path(__file__).resolve().parents[1] / "fuzz" / "regressions").glob("*.pcap"))


@pytest.mark.parametrize("capture", REGRESSIONS, ids=[p.stem for p in REGRESSIONS])
def test_regression_decodes_cleanly(tshark, capture):
    capture.chmod(0o644)
    out = tshark("-r", str(capture), "-2", "-V")
    assert "Dissector bug" not in out
    assert "RESCAP" in out or "rescap" in out.lower()


def test_there_are_regressions():
    assert REGRESSIONS, "tests/fuzz/regressions/ holds the fuzzers' findings"
