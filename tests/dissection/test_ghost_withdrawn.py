# SPDX-License-Identifier: GPL-2.0-or-later
"""A name stands only while Wireshark's own dissector for it takes the payload
that gave it (issue 20): a TLS ClientHello whose record and hello lengths
fit (the signature row's checks) but whose extension list does not (an
extension length that runs past the hello, as RFC 8446 4.2 forbids) is found
malformed by Wireshark's TLS dissector, and the name is withdrawn for the
conversation; later passes show the frame unnamed, with the evidence saying
why. A malformed payload after a name given by a sound one withdraws
nothing: a cut capture says nothing about what the service is.
"""
import os

import pytest

import ghostsynth as GS
import rescaptest as RT

NGINX = RT.CAPTURES / "ghost" / "https_nginx_403.pcap"
# The "post_handshake_auth" extension (type 49, empty) of curl's ClientHello:
# its two-octet length 0 becomes 0x9f00, far past the end of the hello.
SOUND_EXTENSION = bytes.fromhex("00310000")
BROKEN_EXTENSION = bytes.fromhex("00319f00")


def client_hello(tshark_env):
    out = tshark_env("-r", str(NGINX), "-Y", "tls.handshake.type == 1", "-T", "fields", "-e", "tcp.payload")
    hello = bytes.fromhex(out.split()[0])
    assert hello[0] == 0x16 and hello[5] == 0x01 and hello.count(SOUND_EXTENSION) == 1
    return hello


@pytest.fixture(scope="module")
def capture(tshark_env):
    hello = client_hello(tshark_env)
    broken = hello.replace(SOUND_EXTENSION, BROKEN_EXTENSION)
    d = tshark_env.tmp / "ghost_withdrawn"
    d.mkdir(exist_ok=True)
    os.chmod(d, 0o755)
    alone = GS.Conversation(41001, 403)
    alone.send("c2s", broken)
    after_sound = GS.Conversation(41002, 403)
    after_sound.send("c2s", hello)
    after_sound.send("c2s", broken)
    path = d / "withdrawn.pcap"
    GS.write(path, alone.packets + after_sound.packets)
    return str(path)


def named(tshark_env, path, two_pass):
    out = tshark_env("-r", path, *(["-2"] if two_pass else []), "-Y", "tcp.len > 0", "-T", "fields",
                     "-e", "tcp.srcport", "-e", "decap.service.protocol", "-e", "decap.service.evidence",
                     "-e", "_ws.malformed")
    return [line.split("\t") for line in out.splitlines() if line]


def test_the_broken_hello_is_malformed_for_wireshark_and_the_sound_one_not(tshark_env, capture):
    rows = named(tshark_env, capture, True)
    assert [(r[0], bool(r[3])) for r in rows] == [("41001", True), ("41002", False), ("41002", True)]


def test_a_name_its_dissector_finds_malformed_is_withdrawn(tshark_env, capture):
    first = named(tshark_env, capture, True)[0]
    assert first[1] == ""
    assert "withdrawn" in first[2] and "tls" in first[2], first[2]


def test_a_later_malformed_payload_withdraws_nothing(tshark_env, capture):
    for two_pass in (False, True):
        later = [r for r in named(tshark_env, capture, two_pass) if r[0] == "41002"]
        assert [r[1] for r in later] == ["TLS", "TLS"], later
        assert all("withdrawn" not in r[2] for r in later)
