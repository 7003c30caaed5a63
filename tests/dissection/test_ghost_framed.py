# SPDX-License-Identifier: GPL-2.0-or-later
"""Binary, length-framed protocols named on the ghost ports (the rows of
plugin/core/ghostports/framed_signatures.cpp: NBSS/SMB, RDP's X.224,
Modbus/TCP, collectd, Gearman, SANE...), over the captures of captures/eval
they were tuned on, and the near misses.

The expectation is each manifest's "service": the name the plugin gives,
read through tools/eval/names.py's RESCAP table, must be that service, and
named by a signature row; a near miss stays unnamed. Held-out captures are
never opened: a capture is used only when captures/eval/split.txt puts its
service in the "tune" split.
"""
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

import rescaptest as RT

sys.path.insert(0, str(RT.REPO / "tools" / "eval"))
import names  # noqa: E402

EVAL = RT.REPO / "captures" / "eval"
GHOST = RT.REPO / "captures" / "ghost"

# (capture, its service as split.txt spells it)
FRAMED = [("samba_smb1_283", "smb"), ("samba_smb2_403", "smb2"), ("xrdp_283", "rdp"), ("pymodbus_403", "mbtcp"),
          ("collectd_udp_283", "collectd"), ("gearmand_403", "gearman"), ("saned_403", "sane")]
EVAL_NEAR_MISSES = [("nm_httpish_udp_283", "nearmiss-httpish"), ("nm_lenprefix_tcp_403", "nearmiss-lenprefix"),
                    ("nm_sshnodash_tcp_403", "nearmiss-sshnodash"), ("nm_tlsbadlen_tcp_283", "nearmiss-tlsbadlen"),
                    ("nm_valuecolor_tcp_283", "nearmiss-valuecolor"),
                    ("nm_versionline_tcp_403", "nearmiss-versionline")]
GHOST_NEAR_MISSES = sorted(p.stem for p in GHOST.glob("nearmiss_*.json")) if GHOST.is_dir() else []


def split_of(service):
    for line in (EVAL / "split.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, split = line.split("\t")
            if name.strip() == service:
                return split.strip()
    return None


def tune_manifest(capture, service):
    """The manifest of a tune capture (skip, without opening it, when the
    split says held out)."""
    if split_of(service) != "tune":
        pytest.skip("%s is not in the tune split" % service)
    manifest = json.loads((EVAL / (capture + ".json")).read_text())
    assert manifest["split"] == "tune" and manifest["service"] == service, capture
    return manifest


def names_given(tshark, folder, manifest):
    """(protocol, evidence) of every frame that carries a service name."""
    layer = "rescap" if manifest["port"] == 283 else "decap"
    dst = Path(tshark.capdir) / ("framed_" + manifest["pcap"])
    shutil.copyfile(folder / manifest["pcap"], dst)
    os.chmod(dst, 0o644)
    out = tshark("-r", str(dst), "-T", "fields", "-e", layer + ".service.protocol", "-e",
                 layer + ".service.evidence")
    given = []
    for line in out.splitlines():
        cols = (line.split("\t") + ["", ""])[:2]
        if cols[0]:
            given.append(tuple(cols))
    return given


@pytest.mark.parametrize("capture,service", FRAMED, ids=[c for c, _ in FRAMED])
def test_framed_service_named_from_its_structure(tshark, capture, service):
    manifest = tune_manifest(capture, service)
    given = names_given(tshark, EVAL, manifest)
    assert given, "%s: never named" % capture
    # A frame handed over twice (4.4/4.6 TCP) has a service per layer: "SANE,SANE".
    protocols = {name for p, _ in given for name in p.split(",")}
    assert len(protocols) == 1, "%s: named %s" % (capture, sorted(protocols))
    protocol = protocols.pop()
    assert names.verdict("rescap", protocol, manifest["service"], False) == "right", \
        "%s: named %r, the manifest's service is %r" % (capture, protocol, manifest["service"])
    assert all(e.startswith("signature ") for _, e in given), given[0]


@pytest.mark.parametrize("capture,service", EVAL_NEAR_MISSES, ids=[c for c, _ in EVAL_NEAR_MISSES])
def test_eval_near_misses_stay_unnamed(tshark, capture, service):
    manifest = tune_manifest(capture, service)
    assert manifest["expected"]["must_stay_unnamed"]
    given = names_given(tshark, EVAL, manifest)
    assert not given, "%s named %r (%s)" % (capture, given[0][0], given[0][1])


@pytest.mark.parametrize("capture", GHOST_NEAR_MISSES)
def test_ghost_near_misses_stay_unnamed(tshark, capture):
    manifest = json.loads((GHOST / (capture + ".json")).read_text())
    assert manifest["expected"]["must_stay_unnamed"]
    given = names_given(tshark, GHOST, manifest)
    assert not given, "%s named %r (%s)" % (capture, given[0][0], given[0][1])
