# SPDX-License-Identifier: GPL-2.0-or-later
"""Wireshark's heuristic dissectors that are strict enough to name
(plugin/core/ghostports/naming_heuristics.cpp) name a conversation only from
payloads they really take: 20,000 random payloads (UDP on 403 and 283, TCP on
283, each its own conversation) and 2,000 mutants of the recorded DTLS
handshake (1-4 octets changed) are named by no heuristic other than the
mutant's own; the recorded DTLS handshake is named DTLS on every frame in
both passes (captures/ghost/dtls_openssl_udp_403.json says what was sent);
a BitTorrent peer handshake (BEP 3: "\x13BitTorrent protocol", 8 reserved
octets, the 20-octet info hash and peer id), which no signature row knows,
is named by Wireshark's bittorrent heuristic from its first frame on, in one
pass as in two. A direction's payloads are offered to the heuristics six
times at most (plugin/wireshark/ghostports/handoff.cpp, kAttempts; the cost
per conversation is bounded): the handshake as a client's sixth payload,
after five random ones, is named; as its seventh it is data."""
import json
import random

import pytest
from scapy.all import IP, TCP, UDP, Ether, Raw, rdpcap

import ghostsynth as GS
import rescaptest as RT

DTLS = RT.CAPTURES / "ghost" / "dtls_openssl_udp_403.pcap"
HEURISTIC_EVIDENCE = "heuristic dissector"


def random_frames(n, seed):
    rng = random.Random(seed)
    frames = []
    for i in range(n):
        payload = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 700)))
        port = 20000 + i % 40000
        kind = i % 3
        if kind == 0:
            frames.append(Ether() / IP(src="10.2.0.1", dst="10.2.0.2") / UDP(sport=port, dport=403) / Raw(payload))
        elif kind == 1:
            frames.append(Ether() / IP(src="10.2.0.1", dst="10.2.0.2") / UDP(sport=port, dport=283) / Raw(payload))
        else:
            frames.append(Ether() / IP(src="10.2.0.1", dst="10.2.0.2") /
                          TCP(sport=port, dport=283, flags="PA", seq=1) / Raw(payload))
    return frames


def dtls_mutants(n, seed):
    rng = random.Random(seed)
    payloads = [bytes(p[UDP].payload) for p in rdpcap(str(DTLS)) if UDP in p and len(p[UDP].payload)]
    frames = []
    for i in range(n):
        mutant = bytearray(rng.choice(payloads))
        for _ in range(rng.randrange(1, 5)):
            mutant[rng.randrange(len(mutant))] = rng.randrange(256)
        frames.append(Ether() / IP(src="10.3.0.1", dst="10.3.0.2") / UDP(sport=30000 + i, dport=403) / Raw(bytes(mutant)))
    return frames


@pytest.fixture(scope="module")
def synth(synth_dir):
    GS.write(synth_dir / "heuristic_names_random.pcap", random_frames(20000, 2831))
    GS.write(synth_dir / "heuristic_names_mutants.pcap", dtls_mutants(2000, 4032))
    return synth_dir


def names(tshark_env, path, *extra):
    out = tshark_env("-r", str(path), *extra, "-T", "fields", "-E", "separator=|",
                     "-e", "rescap.service.protocol", "-e", "rescap.service.evidence",
                     "-e", "decap.service.protocol", "-e", "decap.service.evidence")
    return [line.split("|") for line in out.splitlines()]


def test_random_payloads_are_named_by_no_heuristic(tshark_env, synth):
    rows = names(tshark_env, synth / "heuristic_names_random.pcap")
    assert len(rows) == 20000
    named = [r for r in rows if HEURISTIC_EVIDENCE in r[1] or HEURISTIC_EVIDENCE in r[3]]
    assert named == []


def test_dtls_mutants_are_named_dtls_or_nothing(tshark_env, synth):
    rows = names(tshark_env, synth / "heuristic_names_mutants.pcap")
    assert len(rows) == 2000
    assert {r[2] for r in rows} <= {"", "DTLS"}
    assert any(r[2] == "DTLS" for r in rows)  # most mutants still are DTLS records


@pytest.mark.parametrize("two_pass", [False, True])
def test_recorded_dtls_named_on_every_frame(tshark_env, two_pass):
    rows = names(tshark_env, DTLS, *(["-2"] if two_pass else []))
    manifest = json.loads(DTLS.with_suffix(".json").read_text())
    assert len(rows) == manifest["frames"]
    assert all(r[2] == "DTLS" for r in rows), rows


def bittorrent_handshake(peer_id):
    return b"\x13BitTorrent protocol" + bytes(8) + bytes(range(20)) + peer_id


@pytest.fixture(scope="module")
def bittorrent(synth_dir):
    packets = []
    for cport, port in ((41100, 283), (41101, 403)):
        c = GS.Conversation(cport, port)
        c.send("c2s", bittorrent_handshake(b"-TR3000-clientclient"))
        c.send("s2c", bittorrent_handshake(b"-TR3000-serverserver"))
        packets += c.close().packets
    GS.write(synth_dir / "heuristic_names_bittorrent.pcap", packets)
    return synth_dir / "heuristic_names_bittorrent.pcap"


@pytest.mark.parametrize("two_pass", [False, True])
def test_a_naming_heuristic_names_from_the_first_payload(tshark_env, bittorrent, two_pass):
    rows = [r for r in names(tshark_env, bittorrent, *(["-2"] if two_pass else []), "-Y", "tcp.len > 0")]
    assert len(rows) == 4
    for r in rows:
        protocol, evidence = (r[0], r[1]) if r[0] or r[1] else (r[2], r[3])
        assert protocol == "BitTorrent", r
        assert "bittorrent heuristic dissector" in evidence, r


OFFERS_PER_DIRECTION = 6  # handoff.cpp kAttempts


@pytest.fixture(scope="module")
def late_handshakes(synth_dir):
    rng = random.Random(6283)
    packets = []
    for cport, before in ((41200, OFFERS_PER_DIRECTION - 1), (41201, OFFERS_PER_DIRECTION)):
        c = GS.Conversation(cport, 283)
        for _ in range(before):
            c.send("c2s", bytes(rng.randrange(256) for _ in range(rng.randrange(40, 400))))
        c.send("c2s", bittorrent_handshake(b"-TR3000-clientclient"))
        packets += c.close().packets
    GS.write(synth_dir / "heuristic_names_late.pcap", packets)
    return synth_dir / "heuristic_names_late.pcap"


@pytest.mark.parametrize("two_pass", [False, True])
def test_heuristics_are_offered_six_payloads_per_direction(tshark_env, late_handshakes, two_pass):
    out = tshark_env("-r", str(late_handshakes), *(["-2"] if two_pass else []), "-Y", "tcp.len > 0",
                     "-T", "fields", "-E", "separator=|", "-e", "tcp.srcport", "-e", "frame.protocols",
                     "-e", "rescap.service.protocol")
    rows = [line.split("|") for line in out.splitlines()]
    sixth = [r for r in rows if r[0] == "41200"]
    seventh = [r for r in rows if r[0] == "41201"]
    assert len(sixth) == OFFERS_PER_DIRECTION and len(seventh) == OFFERS_PER_DIRECTION + 1
    assert sixth[-1][1].endswith(":bittorrent") and sixth[-1][2] == "BitTorrent", sixth[-1]
    assert all(r[1].endswith(":data") for r in sixth[:-1] + seventh), rows
    assert {r[2] for r in seventh} == {""}, seventh
