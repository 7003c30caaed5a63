# SPDX-License-Identifier: GPL-2.0-or-later
"""Exposures on the ghost ports: cleartext credentials and shell sessions.

Synthesized conversations (ghostsynth.py) say what the client sent; the
plugin must flag exactly those, with kind, protocol, user and password
length, as <layer>.exposure fields and PI_SECURITY expert infos of the layer
that owns the port (rescap on 283, decap on 403), identically in one and two
passes. Recorded captures (captures/ghost/*.json, expected.exposures) are
checked the same way when present.
"""
import collections
import json
import os
import shutil

import pytest

import ghostsynth as GS
import rescaptest as RT

GHOST = RT.CAPTURES / "ghost"
FIELDS = ["exposure", "exposure.protocol", "exposure.user", "exposure.password_length", "exposure.command"]


@pytest.fixture(scope="module")
def synth(tshark_env):
    d = tshark_env.tmp / "ghost_exposures"
    d.mkdir(exist_ok=True)
    os.chmod(d, 0o755)
    built = {}
    for name, build in GS.EXPOSURE_SCENARIOS.items():
        conversation, expected = build()
        path = d / (name + ".pcap")
        GS.write(path, conversation.packets)
        built[name] = (str(path), conversation.sport, expected)
    return built


def exposures(tshark_env, path, *extra):
    """[(frame, layer, kind, protocol, user, password length, command)] from the PDML tree."""
    root = RT.ET.fromstring(tshark_env("-r", path, *extra, "-T", "pdml"))
    out = []
    for packet in root.iter("packet"):
        frame = int(RT.first(packet, "frame.number").get("show"))
        for layer in ("rescap", "decap"):
            for e in RT.iter_fields(packet, layer + ".exposure"):
                child = {c.get("name")[len(layer) + len(".exposure."):]: c.get("show") for c in e}
                length = child.get("password_length")
                out.append((frame, layer, e.get("show"), child.get("protocol"), child.get("user", ""),
                            int(length) if length is not None else None, child.get("command")))
    return out


def expected_rows(layer, expected):
    return [(layer, e["kind"], e.get("protocol"), e.get("user", ""), e.get("password_length"), e.get("command"))
            for e in expected]


@pytest.mark.parametrize("name", sorted(GS.EXPOSURE_SCENARIOS))
def test_exposures_flagged(tshark_env, synth, name):
    path, port, expected = synth[name]
    rows = [r[1:] for r in exposures(tshark_env, path, "-2")]
    assert collections.Counter(rows) == collections.Counter(expected_rows(GS.layer_of(port), expected))


@pytest.mark.parametrize("name", sorted(GS.EXPOSURE_SCENARIOS))
def test_one_pass_equals_two_passes(tshark_env, synth, name):
    path, _, _ = synth[name]
    assert exposures(tshark_env, path) == exposures(tshark_env, path, "-2")


@pytest.mark.parametrize("name", ["telnet_login", "ftp_login", "bind_shell"])
def test_security_experts(tshark_env, synth, name):
    path, port, expected = synth[name]
    layer = GS.layer_of(port)
    cap = RT.Capture(name, RT.ET.fromstring(tshark_env("-r", path, "-2", "-T", "pdml")))
    names = collections.Counter()
    for packet in cap.root.iter("packet"):
        for expert in RT.iter_fields(packet, "_ws.expert"):
            children = {c.get("name"): c for c in expert}
            ours = [n for n in children if n and n.startswith(layer + ".expert.")]
            if not ours or ours[0].endswith((".unassigned", ".known_protocol", ".not_rescap")):
                continue
            assert children["_ws.expert.group"].get("showname").endswith("Security"), ours
            names[ours[0]] += 1
    wanted = collections.Counter("%s.expert.%s" % (layer, e["kind"]) for e in expected)
    assert names == wanted


def test_password_never_shown(tshark_env, synth):
    path, _, _ = synth["ftp_login"]
    tree = tshark_env("-r", path, "-2", "-O", "rescap", "-V")
    rescap_lines = [l for l in tree.splitlines() if "xposure" in l or "password" in l.lower()]
    assert rescap_lines and not any("hunter2" in l for l in rescap_lines)
    assert any("password (7 octets)" in l for l in rescap_lines)


# ------------------------------------------------------------ recorded captures
def ghost_manifests():
    return sorted(GHOST.glob("*.json")) if GHOST.is_dir() else []


# The recorder's names (manifest expected.exposures) -> the plugin's.
RECORDED_KIND = {"cleartext_credential": "cleartext_login", "shell_session": "shell_session"}
RECORDED_PROTOCOL = {"ftp": "FTP", "http": "HTTP", "imap": "IMAP", "irc": "IRC", "ldap": "LDAP", "mqtt": "MQTT",
                     "pop": "POP3", "pgsql": "PostgreSQL", "redis": "Redis", "smtp": "SMTP", "snmp": "SNMP",
                     "socks": "SOCKS5", "telnet": "Telnet", "xmpp": "XMPP"}


@pytest.mark.parametrize("manifest", ghost_manifests(), ids=[m.stem for m in ghost_manifests()])
def test_recorded_exposures(tshark_env, manifest):
    spec = json.loads(manifest.read_text())
    expected = spec["expected"].get("exposures", [])
    copy = tshark_env.tmp / ("ghost_" + manifest.stem + ".pcap")
    shutil.copyfile(manifest.with_suffix(".pcap"), copy)
    os.chmod(copy, 0o644)
    rows = exposures(tshark_env, str(copy), "-2")
    layer = GS.layer_of(spec["port"])
    assert all(r[1] == layer for r in rows), rows
    logins = [r for r in rows if r[2] == "cleartext_login"]
    wanted = [e for e in expected if RECORDED_KIND[e["kind"]] == "cleartext_login"]

    def matches(r, e):
        return (r[3] == RECORDED_PROTOCOL[e["protocol"]] and (not e.get("user") or r[4] == e["user"])
                and (not e.get("password") or r[5] == len(e["password"].encode())))
    # Every credential the client sent is flagged, and nothing else (the same
    # credential sent on several connections is flagged on each).
    for e in wanted:
        assert any(matches(r, e) for r in logins), (e, logins)
    for r in logins:
        assert any(matches(r, e) for e in wanted), (r, expected)
    shells = [r for r in rows if r[2] == "shell_session"]
    assert len(shells) == sum(1 for e in expected if e["kind"] == "shell_session"), (rows, expected)
    for r in rows:   # the password is never in the tree
        assert not any(e.get("password") and e["password"] in str(r) for e in expected)
