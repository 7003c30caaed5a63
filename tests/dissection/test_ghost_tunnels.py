# SPDX-License-Identifier: GPL-2.0-or-later
"""Tunnels on decap's port: each tunnel kind is recognised (decap.tunnel),
shown in the Protocol column, and decapsulated by Wireshark's own
dissectors down to the inner protocol the generator put inside; random
datagrams with tunnel-like first octets are never taken for tunnels.
Recorded tunnel captures (captures/ghost/*.json with expected.protocol and
a top-level "inner") are checked the same way when present.
"""
import json
import os
import shutil
from pathlib import Path

import pytest

import ghostsynth as GS
import rescaptest as RT

TUNNEL_VALUE = {"VXLAN": 1, "GENEVE": 2, "GRE": 3, "MPLS": 4, "GTP-U": 5, "unknown header": 6, "VXLAN-GPE": 7}
GHOST = RT.CAPTURES / "ghost"
TUNNEL_DISSECTORS = {"vxlan", "vxlan_gpe", "geneve", "gre", "mpls", "gtp"}


@pytest.fixture(scope="module")
def synth(tshark_env):
    d = tshark_env.tmp / "ghost_tunnels"
    d.mkdir(exist_ok=True)
    os.chmod(d, 0o755)
    frames = GS.tunnel_frames()
    GS.write(d / "tunnels.pcap", [f for f, *_ in frames])
    GS.write(d / "random.pcap", GS.random_udp_frames(2000))
    GS.write(d / "port283.pcap", [f for f, *_ in GS.port283_frames()])
    return str(d / "tunnels.pcap"), str(d / "random.pcap"), frames


def rows(tshark_env, path, *extra):
    out = tshark_env("-r", path, *extra, "-T", "fields", "-e", "frame.number", "-e", "decap.tunnel",
                     "-e", "frame.protocols", "-e", "_ws.col.Protocol", "-e", "dns.qry.name")
    return [line.split("\t") for line in out.splitlines() if line]


@pytest.mark.parametrize("two_pass", [False, True])
def test_each_tunnel_decapsulated(tshark_env, synth, two_pass):
    path, _, frames = synth
    got = rows(tshark_env, path, *(["-2"] if two_pass else []))
    assert len(got) == len(frames)
    for (number, tunnel, protocols, column, query), (_, name, inner, dissector) in zip(got, frames):
        assert int(tunnel) == TUNNEL_VALUE[name], number
        layers = protocols.split(":")
        after = layers[layers.index("decap") + 1:]
        if dissector:
            assert after[0] == dissector, protocols
        assert inner in after, protocols
        assert query == "tunnel.example"
        assert column.startswith("DECAP/%s/" % name), column


def test_vxlan_gpe_next_protocol(tshark_env, synth):
    """VXLAN-GPE goes to Wireshark's own VXLAN-GPE dissector, which reads the
    next protocol the generator wrote."""
    path, _, frames = synth
    out = tshark_env("-r", path, "-T", "fields", "-e", "decap.tunnel", "-e", "vxlan.next_proto")
    got = [line.split("\t") for line in out.splitlines() if line.startswith(str(TUNNEL_VALUE["VXLAN-GPE"]) + "\t")]
    assert [int(next_proto) for _, next_proto in got] == [GS.VXLAN_GPE_IPV4, GS.VXLAN_GPE_ETHERNET]


@pytest.mark.parametrize("two_pass", [False, True])
def test_tunnels_and_packets_on_rescap_port(tshark_env, synth, two_pass):
    """Issue 20: on 283 a payload that is not rescap but a tunnel or a bare
    packet is decoded as decap decodes it on 403 (not "unrecognised payload")."""
    path = str(Path(synth[0]).with_name("port283.pcap"))
    out = tshark_env("-r", path, *(["-2"] if two_pass else []), "-T", "fields", "-e", "decap.tunnel",
                     "-e", "frame.protocols", "-e", "_ws.col.Protocol", "-e", "dns.qry.name", "-e", "_ws.col.Info")
    got = [line.split("\t") for line in out.splitlines() if line]
    sent = GS.port283_frames()
    assert len(got) == len(sent)
    for (tunnel, protocols, column, query, info), (_, name, layer) in zip(got, sent):
        layers = protocols.split(":")
        assert "rescap" in layers, protocols
        after = layers[layers.index("rescap") + 1:]
        assert after[:1] == [layer], protocols
        assert "dns" in after, protocols
        assert query == "tunnel.example"
        assert column.startswith("RESCAP/"), column
        assert "unrecognised" not in info, info
        assert tunnel == ("" if name is None else str(TUNNEL_VALUE[name])), (tunnel, name)


def test_random_datagrams_are_not_tunnels(tshark_env, synth):
    _, path, _ = synth
    got = rows(tshark_env, path)
    assert len(got) == 2000
    assert [r for r in got if r[1]] == []


def ghost_tunnel_manifests():
    if not GHOST.is_dir():
        return []
    out = []
    for m in sorted(GHOST.glob("*.json")):
        if json.loads(m.read_text()).get("inner"):
            out.append(m)
    return out


@pytest.mark.parametrize("manifest", ghost_tunnel_manifests(), ids=[m.stem for m in ghost_tunnel_manifests()])
def test_recorded_tunnels(tshark_env, manifest):
    spec = json.loads(manifest.read_text())
    copy = tshark_env.tmp / ("tunnel_" + manifest.stem + ".pcap")
    shutil.copyfile(manifest.with_suffix(".pcap"), copy)
    os.chmod(copy, 0o644)
    got = [r for r in rows(tshark_env, str(copy), "-2") if "decap" in r[2].split(":")]
    assert got
    assert len(got) == spec["payload_frames"]
    for r in got:
        assert r[1], r
        layers = r[2].split(":")
        after = layers[layers.index("decap") + 1:]
        if spec["expected"]["protocol"] in TUNNEL_DISSECTORS:
            assert after[0] == spec["expected"]["protocol"], r
        assert spec["inner"] in after, (r, spec)
