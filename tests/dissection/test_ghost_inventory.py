# SPDX-License-Identifier: GPL-2.0-or-later
"""The ghost-port inventory: `tshark -z ghostports,table` and
`scripts/rescap-ci-check --inventory [--fail-on-unknown]`.

Expected conversations and octets each way are computed from the pcap's
transport payload lengths (scapy), never from the plugin; findings from what
the synthesized clients sent (ghostsynth.py).
"""
import collections
import os
import re
import subprocess

import pytest
import json
import shutil

from scapy.all import IP, TCP, UDP, IPv6, rdpcap

import cicheck_format as CF
import ghostsynth as GS
import rescaptest as RT

SCRIPT = RT.REPO / "scripts" / "rescap-ci-check"
WRAPPER = RT.REPO / "scripts" / "tshark-with-plugin.sh"
GHOST_PORTS = {283: "RESCAP", 403: "DECAP"}


@pytest.fixture(scope="module")
def captures(tshark_env):
    d = tshark_env.tmp / "ghost_inventory"
    d.mkdir(exist_ok=True)
    os.chmod(d, 0o755)
    everything, expected_findings = [], {}
    for name, build in GS.EXPOSURE_SCENARIOS.items():
        conversation, expected = build()
        everything += conversation.packets
        expected_findings[conversation.cport] = expected
    everything += [frame for frame, *_ in GS.tunnel_frames()]
    paths = {"all": d / "all.pcap", "random": d / "random.pcap", "http": d / "http.pcap"}
    GS.write(paths["all"], everything)
    GS.write(paths["random"], GS.EXPOSURE_SCENARIOS["random_bytes"]()[0].packets)
    GS.write(paths["http"], GS.EXPOSURE_SCENARIOS["http_basic"]()[0].packets)
    return {k: str(v) for k, v in paths.items()}, expected_findings


def expected_conversations(path):
    """{endpoints: [c2s octets, s2c octets]} from the outer transport layers."""
    out = collections.OrderedDict()
    for p in rdpcap(path):
        ip = p.getlayer(IP) or p.getlayer(IPv6)
        transport = p.getlayer(TCP) or p.getlayer(UDP)
        if ip is None or transport is None:
            continue
        if transport.dport in GHOST_PORTS:
            client, server, to_server = (ip.src, transport.sport), (ip.dst, transport.dport), True
        elif transport.sport in GHOST_PORTS:
            client, server, to_server = (ip.dst, transport.dport), (ip.src, transport.sport), False
        else:
            continue
        if isinstance(transport, TCP):
            header = ip.ihl * 4 if isinstance(ip, IP) else 40
            length = ip.len if isinstance(ip, IP) else ip.plen + 40
            payload = length - header - transport.dataofs * 4
        else:
            payload = transport.len - 8
        fmt = (lambda a, port: "[%s]:%d" % (a, port)) if isinstance(ip, IPv6) else (lambda a, port: "%s:%d" % (a, port))
        key = "%s %s -> %s (%s)" % ("TCP" if isinstance(transport, TCP) else "UDP", fmt(*client), fmt(*server),
                                    GHOST_PORTS[server[1]])
        counts = out.setdefault(key, [0, 0])
        counts[0 if to_server else 1] += payload
    return {k: v for k, v in out.items() if v != [0, 0]}


def run_script(*args):
    env = dict(os.environ, RESCAP_PLUGIN=str(RT.plugin_path()))
    return subprocess.run(["/usr/bin/python3", str(SCRIPT), "--tshark", str(WRAPPER), *args],
                          capture_output=True, text=True, env=env)


def inventory_lines(*args):
    """The run and its conversations (cicheck_format.parse_inventory); every
    other line must be the --fail-on-unknown verdict."""
    run = run_script("--inventory", *args)
    capture = args[-1]
    lines = [CF.parse_inventory(l, capture) for l in run.stdout.splitlines()]
    other = [l for l, p in zip(run.stdout.splitlines(), lines) if p is None and "FAIL" not in l]
    assert not other, "lines not in doc/ci-check.md's inventory form: %s" % other
    return run, [p for p in lines if p is not None]


def test_table_registered(tshark):
    out = tshark("-r", captures_path_dummy(tshark), "-q", "-z", "ghostports,table")
    assert "Ghost ports (283, 403) inventory" in out


def captures_path_dummy(tshark_env):
    path = tshark_env.tmp / "empty.pcap"
    if not path.exists():
        GS.write(path, [])
    return str(path)


def test_every_conversation_with_its_octets(captures):
    paths, _ = captures
    run, lines = inventory_lines(paths["all"])
    assert run.returncode == 0, run.stderr
    found = {m["endpoints"]: [m["c2s"], m["s2c"]] for m in lines}
    assert found == expected_conversations(paths["all"])


def test_findings_per_conversation(captures):
    paths, expected = captures
    _, lines = inventory_lines(paths["all"])
    for m in lines:
        port = int(re.search(r":(\d+) -> ", m["endpoints"]).group(1))
        want = expected.get(port, [])
        findings = m["findings"]
        assert collections.Counter(f[0] for f in findings) == collections.Counter(e["kind"] for e in want), (m, want)
        for e in want:
            if e["kind"] == "cleartext_login":
                assert ["cleartext_login", e["protocol"]] + (["user", e["user"]] if e["user"] else []) in findings


def test_tunnels_named_in_inventory(captures):
    paths, _ = captures
    _, lines = inventory_lines(paths["all"])
    udp = [m for m in lines if m["endpoints"].startswith("UDP")]
    assert len(udp) == 1
    for _, tunnel, _, _ in GS.tunnel_frames():
        assert any(w.startswith(tunnel + ", inner ") for w in udp[0]["what"]), udp[0]["what"]


def test_fail_on_unknown_exit_codes(captures):
    paths, _ = captures
    run, lines = inventory_lines("--fail-on-unknown", paths["random"])
    assert run.returncode == 3 and len(lines) == 1 and lines[0]["what"] == ["unknown"], run.stdout
    assert "FAIL" in run.stdout
    run, lines = inventory_lines("--fail-on-unknown", paths["http"])
    assert run.returncode == 0 and len(lines) == 1 and lines[0]["what"] == ["HTTP"], run.stdout
    run, _ = inventory_lines(paths["random"])  # without --fail-on-unknown unknown services pass
    assert run.returncode == 0
    run, _ = inventory_lines("--fail-on-unknown", "/nonexistent/capture.pcap")
    assert run.returncode == 2


GHOST = RT.CAPTURES / "ghost"
GHOST_MANIFESTS = sorted(GHOST.glob("*.json")) if GHOST.is_dir() else []


@pytest.mark.parametrize("manifest", GHOST_MANIFESTS, ids=[m.stem for m in GHOST_MANIFESTS])
def test_recorded_inventory(tshark_env, manifest):
    copy = tshark_env.tmp / ("inventory_" + manifest.stem + ".pcap")
    shutil.copyfile(manifest.with_suffix(".pcap"), copy)
    os.chmod(copy, 0o644)
    run, lines = inventory_lines(str(copy))
    assert run.returncode == 0, run.stderr
    found = {m["endpoints"]: [m["c2s"], m["s2c"]] for m in lines}
    assert found == expected_conversations(str(copy))
    spec = json.loads(manifest.read_text())["expected"]
    logins = sum(1 for m in lines for f in m["findings"] if f[0] == "cleartext_login")
    assert (logins > 0) == any(e["kind"] == "cleartext_credential" for e in spec.get("exposures", []))
