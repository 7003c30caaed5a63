# SPDX-License-Identifier: GPL-2.0-or-later
"""The text rows of the signature table (plugin/core/ghostports/text_signatures.cpp)
on real captures: the tune half of the evaluation set (captures/eval, only
services split.txt puts in "tune"; a held-out capture or manifest is never
opened) and the near misses.

Per capture, its manifest says the service: the plugin's answer (the most
frequent non-empty service.protocol over the frames, as tools/eval/score.py
reads it) maps to that service through tools/eval/names.py; a capture whose
manifest lists exposures still has one flagged (naming rsh/rlogin must not
hide the shell behind them); a near miss stays unnamed.
"""
import json
import os
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

import rescaptest as RT

sys.path.insert(0, str(RT.REPO / "tools" / "eval"))
import names  # noqa: E402

EVAL = RT.REPO / "captures" / "eval"
# (pcap, service): the captures whose names the text rows give, and the tune near misses.
CAPTURES = [
    ("rsh_403.pcap", "rsh"),
    ("rlogin_283.pcap", "rlogin"),
    ("gophernicus_403.pcap", "gopher"),
    ("nut_upsd_403.pcap", "nut"),
    ("fingerd_403.pcap", "finger"),
    ("tigervnc_283.pcap", "vnc"),
    ("nm_httpish_udp_283.pcap", "nearmiss-httpish"),
    ("nm_lenprefix_tcp_403.pcap", "nearmiss-lenprefix"),
    ("nm_sshnodash_tcp_403.pcap", "nearmiss-sshnodash"),
    ("nm_tlsbadlen_tcp_283.pcap", "nearmiss-tlsbadlen"),
    ("nm_valuecolor_tcp_283.pcap", "nearmiss-valuecolor"),
    ("nm_versionline_tcp_403.pcap", "nearmiss-versionline"),
]


def tune_services():
    path = EVAL / "split.txt"
    if not path.is_file():
        return set()
    rows = (line.split("\t") for line in path.read_text().splitlines() if line and not line.startswith("#"))
    return {r[0] for r in rows if len(r) == 2 and r[1].strip() == "tune"}


TUNE = tune_services()
SELECTED = [c for c in CAPTURES if c[1] in TUNE]


def test_every_capture_is_tune():
    """A service moved to held-out must leave this list, not be read."""
    assert TUNE, "captures/eval/split.txt missing"
    assert SELECTED == CAPTURES, "not tune: %s" % sorted(set(CAPTURES) - set(SELECTED))


@pytest.fixture(scope="module")
def answers(tshark):
    cache = {}

    def get(pcap):
        if pcap not in cache:
            manifest = json.loads((EVAL / pcap).with_suffix(".json").read_text())
            layer = "rescap" if manifest["port"] == 283 else "decap"
            dst = Path(tshark.capdir) / ("text_" + pcap)
            shutil.copyfile(EVAL / pcap, dst)
            os.chmod(dst, 0o644)
            out = tshark("-n", "-r", str(dst), "-T", "fields", "-E", "occurrence=f",
                         "-e", layer + ".service.protocol", "-e", layer + ".exposure")
            named, exposures = Counter(), Counter()
            for line in out.splitlines():
                cols = (line.split("\t") + ["", ""])[:2]
                if cols[0]:
                    named[cols[0]] += 1
                if cols[1]:
                    exposures[cols[1]] += 1
            answer = named.most_common(1)[0][0] if named else ""
            cache[pcap] = (manifest, answer, named, exposures)
        return cache[pcap]

    return get


@pytest.mark.parametrize("pcap,service", SELECTED, ids=[c[0] for c in SELECTED])
def test_named_as_the_manifest_says(answers, pcap, service):
    manifest, answer, named, _ = answers(pcap)
    assert manifest["split"] == "tune" and manifest["service"] == service
    if manifest.get("near_miss") or manifest["expected"].get("must_stay_unnamed"):
        assert answer == "", "near miss named: %r" % dict(named)
        return
    verdict = names.verdict("rescap", answer, service, False)
    assert verdict == "right", "answer %r (all names %r), expected the service %r (manifest name %r)" % (
        answer, dict(named), service, manifest["expected"]["name"])
    assert len(named) == 1, "the conversation changed its name: %r" % dict(named)


@pytest.mark.parametrize("pcap,service", SELECTED, ids=[c[0] for c in SELECTED])
def test_exposures_stay_flagged(answers, pcap, service):
    manifest, _, _, exposures = answers(pcap)
    if manifest["expected"].get("exposures"):
        assert exposures, "%s carries %s but nothing is flagged" % (
            pcap, [e["kind"] for e in manifest["expected"]["exposures"]])
