# SPDX-License-Identifier: GPL-2.0-or-later
"""Service identification on the ghost ports, over the real-service captures in
captures/ghost (recorded by tools/ghost/record.sh; each *.json manifest says
which server and client produced it and what must be seen).

Per capture: the name (and the product/version the server announces) in
rescap.service.* / decap.service.*, with its evidence; the real protocol's
dissector (manifest expected.protocol) on every payload frame of the ghost
port; the RESCAP/DECAP layer on every payload frame, in one pass and in two
passes, with the same service fields and findings; near misses stay unnamed.
"""
import json
import os
import shutil
from collections import namedtuple
from pathlib import Path

import pytest

import rescaptest as RT

GHOST = RT.REPO / "captures" / "ghost"
# Tunnels (VXLAN, GENEVE, GRE/MPLS in UDP, GTP-U...) are decapsulated, not
# identified by the hand-off path: their own tests cover them.
MANIFESTS = sorted(p for p in GHOST.glob("*.json") if not p.name.startswith("tunnel_")) if GHOST.is_dir() else []

FIELDS = ["frame.number", "tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport", "tcp.len", "udp.length",
          "tcp.reassembled_in", "frame.protocols"]
SERVICE = ["protocol", "product", "version", "evidence", "decoded_by"]
EXPERT = "_ws.expert.message"

Frame = namedtuple("Frame", "number ports payload reassembled_in protocols service experts")


def layer_of(manifest):
    return "rescap" if manifest["port"] == 283 else "decap"


def frames(tshark, path, manifest, two_pass):
    layer = layer_of(manifest)
    fields = FIELDS + ["%s.service.%s" % (layer, f) for f in SERVICE] + [EXPERT]
    args = ["-r", path, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=|"]
    if two_pass:
        args.append("-2")
    for f in fields:
        args += ["-e", f]
    out = tshark(*args)
    result = []
    for line in out.splitlines():
        cols = line.split("\t")
        cols += [""] * (len(fields) - len(cols))
        v = dict(zip(fields, cols))
        if manifest["transport"] == "tcp":
            ports = {v["tcp.srcport"], v["tcp.dstport"]}
            payload = int(v["tcp.len"] or 0)
        else:
            ports = {v["udp.srcport"], v["udp.dstport"]}
            payload = max(int((v["udp.length"] or "8").split("|")[0]) - 8, 0)
        service = tuple(v["%s.service.%s" % (layer, f)] for f in SERVICE)
        result.append(Frame(int(v["frame.number"]), ports, payload, v["tcp.reassembled_in"],
                            v["frame.protocols"].split(":"), service, v[EXPERT]))
    return result


def payload_frames(all_frames, manifest):
    port = str(manifest["port"])
    return [f for f in all_frames if port in f.ports and f.payload > 0]


def held_by_tcp(two):
    """Frames whose bytes TCP keeps for a reassembly (shown in a later frame,
    or never completed): TCP calls no dissector for them in the second pass,
    and in the first the real dissector only asked for more."""
    return {f.number for f in two if f.reassembled_in or f.protocols[-1] == "tcp"}


def our_experts(f):
    """The ghost ports' own findings (the real protocol's experts may differ
    between passes: e.g. XMPP's request/response tracking)."""
    return [m for m in f.experts.split("|") if "rescap" in m or "403" in m or m.startswith("Payload is")]


@pytest.fixture(scope="module")
def analysed(tshark):
    cache = {}

    def get(manifest_path):
        if manifest_path not in cache:
            manifest = json.loads(Path(manifest_path).read_text())
            src = GHOST / manifest["pcap"]
            dst = Path(tshark.capdir) / ("ghost_" + manifest["pcap"])
            shutil.copyfile(src, dst)
            os.chmod(dst, 0o644)
            one = frames(tshark, str(dst), manifest, False)
            two = frames(tshark, str(dst), manifest, True)
            cache[manifest_path] = (manifest, payload_frames(one, manifest), payload_frames(two, manifest))
        return cache[manifest_path]

    return get


def conversation_name(pf):
    """The service named on the capture's payload frames (last frame wins: it
    knows the most), as (protocol, product, version, evidence)."""
    named = [f.service[:4] for f in pf if f.service[0]]
    return named[-1] if named else ("", "", "", "")


def test_there_are_ghost_captures():
    assert len(MANIFESTS) >= 10, "captures/ghost holds %d manifests" % len(MANIFESTS)


@pytest.mark.parametrize("manifest_path", MANIFESTS, ids=lambda p: getattr(p, "stem", str(p)))
def test_named_with_evidence(analysed, manifest_path):
    manifest, one, _ = analysed(manifest_path)
    expected = manifest["expected"]
    assert one, "no payload frames on port %d" % manifest["port"]
    protocol, product, version, evidence = conversation_name(one)
    if expected.get("must_stay_unnamed"):
        assert protocol == "", "near miss named %r (%s)" % (protocol, evidence)
        return
    assert protocol == expected["name"], "named %r, expected %r (%s)" % (protocol, expected["name"], evidence)
    assert evidence.startswith(("signature ", "nmap-service-probes line ", "Wireshark's ")), evidence
    if expected.get("product"):
        # nmap's product names may say more ("Exim smtpd" for Exim).
        assert expected["product"].lower() in product.lower(), "product %r (%s)" % (product, evidence)
    else:
        # The recorder knows the server: one that announces no product must
        # not get one (nmap once named inetutils' telnetd "SmartThings hub
        # telnetd" from another probe's constant pattern).
        assert product == "", "product %r claimed for a server that announces none (%s)" % (product, evidence)
    if expected.get("version"):
        # The manifest holds what the recorder read off the wire; the plugin may
        # say more ("9.2p1 Debian 2+deb12u3") or less ("15.18" for "15.18-0+deb12u1").
        ok = version and (version.startswith(expected["version"]) or expected["version"].startswith(version))
        assert ok, "version %r, expected %r (%s)" % (version, expected["version"], evidence)


@pytest.mark.parametrize("manifest_path", MANIFESTS, ids=lambda p: getattr(p, "stem", str(p)))
def test_real_dissector_decodes_every_payload_frame(analysed, manifest_path):
    manifest, one, two = analysed(manifest_path)
    want = manifest["expected"].get("protocol")
    layer = layer_of(manifest)
    held = held_by_tcp(two)
    for run, pf in (("one pass", one), ("two passes", two)):
        pf = [f for f in pf if f.number not in held]
        if not want:
            # No Wireshark dissector for it (a bind shell): the bytes stay data under our layer.
            undecoded = [f.number for f in pf if f.protocols[-1] not in (layer, "data")]
            assert not undecoded, "%s: frames %s decoded by %s" % (run, undecoded[:20], pf[0].protocols)
            continue
        # Frames before the conversation was named were decoded before the
        # name existed (two passes show the name there too, not a new
        # decode); from the naming frame on, the real dissector decodes.
        named = {}  # conversation (its two ports) -> first frame named in one pass
        for f in one:
            if f.service[0] and f.number not in held:
                named.setdefault(frozenset(f.ports), f.number)
        assert named, "%s: never named" % run
        # A dissector may accept bytes without a tree item of its own (git's
        # flush-pkt "0000"): decoded_by then names it.
        missing = [f.number for f in pf
                   if f.number >= named.get(frozenset(f.ports), 1 << 30) and want not in f.protocols
                   and f.service[4].lower() != want]
        assert not missing, "%s: %s not decoded in frames %s" % (run, want, missing[:20])


@pytest.mark.parametrize("manifest_path", MANIFESTS, ids=lambda p: getattr(p, "stem", str(p)))
def test_layer_on_every_payload_frame_and_the_identity_on_every_frame_in_two_passes(analysed, manifest_path):
    manifest, one, two = analysed(manifest_path)
    layer = layer_of(manifest)
    held = held_by_tcp(two)
    for run, pf in (("one pass", one), ("two passes", two)):
        missing = [f.number for f in pf if layer not in f.protocols and f.number not in held]
        assert not missing, "%s: no %s layer in frames %s" % (run, layer, missing[:20])
    # One pass shows what was known at each frame; two passes (as the GUI)
    # show on every frame of a conversation what the whole file taught: the
    # identity its last frame shows in one pass (issue 21).
    final = {}
    for f in one:
        if f.number not in held:
            final[frozenset(f.ports)] = f.service[:4]
    by_number = {f.number: f for f in two}
    for f in one:
        if f.number in held:
            continue
        g = by_number[f.number]
        # A frame handed off twice (a SOCKS proxy's client and the HTTP it
        # carries) has one service per layer: the conversation's is among them.
        layers = list(zip(*(field.split("|") for field in g.service[:4])))
        assert final[frozenset(f.ports)] in layers or not final[frozenset(f.ports)][0], \
            "frame %d in two passes: %r, the conversation's identity: %r" % (f.number, g.service,
                                                                              final[frozenset(f.ports)])
        if f.service[:4] == g.service[:4]:
            assert our_experts(f) == our_experts(g), \
                "frame %d differs between one and two passes: %r / %r" % (f.number, f.experts, g.experts)
        else:
            # Earlier in one pass: unnamed, or named without the product found later.
            assert f.service[0] in ("", g.service[0]), (f.number, f.service, g.service)
