# SPDX-License-Identifier: GPL-2.0-or-later
"""Inputs that once broke the plugin (found by scripts/fuzz-captures.sh or
crafted from a reported defect), kept in tests/fuzz/regressions/: each must
pass the fuzzer's own oracle (scripts/lib/fuzz-verdict.sh) in two passes with
the full tree: no exception in rescap/decap, no dissector bug."""
from pathlib import Path

import pytest

from test_fuzz_oracle import verdict

REGRESSIONS = sorted((Path(__file__).resolve().parents[1] / "fuzz" / "regressions").glob("*.pcap"))


@pytest.mark.parametrize("capture", REGRESSIONS, ids=[p.stem for p in REGRESSIONS])
def test_regression_decodes_cleanly(tshark_env, capture, tmp_path):
    capture.chmod(0o644)
    p = tshark_env.run("-nr", str(capture), "-2", "-V")
    assert "RESCAP" in p.stdout or "rescap" in p.stdout.lower()
    v = verdict(tmp_path, p.stdout, p.stderr, p.returncode)
    assert v.startswith("pass"), "%s: %s" % (capture.name, v)


def test_there_are_regressions():
    assert REGRESSIONS, "tests/fuzz/regressions/ holds the fuzzers' findings"
