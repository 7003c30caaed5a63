# SPDX-License-Identifier: GPL-2.0-or-later
"""A name stands only while Wireshark's own dissector for it takes the payload
that gave it (issue 20). A SIP INVITE datagram cut in the middle of a header
line (RFC 3261 7: the request line and whole header lines the signature row
checks, but the message never ends) is malformed for Wireshark's SIP
dissector, and the name is withdrawn for the conversation; later passes show
the frame unnamed, with the evidence saying why. A TLS ClientHello whose
record and hello lengths fit but whose extension list does not (an extension
length past the hello, RFC 8446 4.2) is withdrawn the same way on 4.0; from
4.4 on, Wireshark's TLS dissector reports that malformed record itself (the
exception never leaves it), so the name stays there (doc/versions.md). A
malformed payload after a name given by a sound one withdraws nothing: a cut
capture says nothing about what the service is.
"""

import pytest

from scapy.all import IP, UDP, Ether, Raw

import ghostsynth as GS
import rescaptest as RT

NGINX = RT.CAPTURES / "ghost" / "https_nginx_403.pcap"
# The "post_handshake_auth" extension (type 49, empty) of curl's ClientHello:
# its two-octet length 0 becomes 0x9f00, far past the end of the hello.
SOUND_EXTENSION = bytes.fromhex("00310000")
BROKEN_EXTENSION = bytes.fromhex("00319f00")
# RFC 3261's INVITE, cut inside the Contact header line.
CUT_INVITE = (b"INVITE sip:bob@biloxi.example.com SIP/2.0\r\n"
              b"Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8\r\n"
              b"To: Bob <sip:bob@biloxi.example.com>\r\n"
              b"From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n"
              b"Call-ID: a84b4c76e66710\r\nCSeq: 314159 INVITE\r\nCon")


def client_hello(tshark_env):
    out = tshark_env("-r", str(NGINX), "-Y", "tls.handshake.type == 1", "-T", "fields", "-e", "tcp.payload")
    hello = bytes.fromhex(out.split()[0])
    assert hello[0] == 0x16 and hello[5] == 0x01 and hello.count(SOUND_EXTENSION) == 1
    return hello


@pytest.fixture(scope="module")
def capture(tshark_env, synth_dir):
    hello = client_hello(tshark_env)
    broken = hello.replace(SOUND_EXTENSION, BROKEN_EXTENSION)
    alone = GS.Conversation(41001, 403)
    alone.send("c2s", broken)
    after_sound = GS.Conversation(41002, 403)
    after_sound.send("c2s", hello)
    after_sound.send("c2s", broken)
    cut_sip = Ether() / IP(src=GS.CLIENT, dst=GS.SERVER) / UDP(sport=41004, dport=403) / Raw(CUT_INVITE)
    path = synth_dir / "withdrawn.pcap"
    GS.write(path, alone.packets + after_sound.packets + [cut_sip])
    return str(path)


def named(tshark_env, path, two_pass):
    out = tshark_env("-r", path, *(["-2"] if two_pass else []), "-Y", "tcp.len > 0 or udp", "-T", "fields",
                     "-e", "tcp.srcport", "-e", "udp.srcport", "-e", "decap.service.protocol",
                     "-e", "decap.service.evidence", "-e", "_ws.malformed")
    rows = []
    for line in out.splitlines():
        if line:
            tcp_port, udp_port, protocol, evidence, malformed = (line.split("\t") + [""] * 5)[:5]
            rows.append([tcp_port or udp_port, protocol, evidence, malformed])
    return rows


def test_the_broken_hello_is_malformed_for_wireshark_and_the_sound_one_not(tshark_env, capture):
    rows = named(tshark_env, capture, True)
    assert [(r[0], bool(r[3])) for r in rows] == [("41001", True), ("41002", False), ("41002", True),
                                                  ("41004", True)]


def test_a_name_its_dissector_finds_malformed_is_withdrawn(tshark_env, capture):
    sip = [r for r in named(tshark_env, capture, True) if r[0] == "41004"]
    assert len(sip) == 1 and sip[0][1] == "", sip
    assert "withdrawn" in sip[0][2] and "sip" in sip[0][2], sip[0][2]


def test_the_broken_hello_withdrawn_where_the_exception_reaches_the_hand_off(tshark_env, capture):
    first = named(tshark_env, capture, True)[0]
    if RT.tshark_series() < (4, 4):
        assert first[1] == "" and "withdrawn" in first[2] and "tls" in first[2], first
    else:
        assert first[1] == "TLS" and "withdrawn" not in first[2], first


def test_a_later_malformed_payload_withdraws_nothing(tshark_env, capture):
    for two_pass in (False, True):
        later = [r for r in named(tshark_env, capture, two_pass) if r[0] == "41002"]
        assert [r[1] for r in later] == ["TLS", "TLS"], later
        assert all("withdrawn" not in r[2] for r in later)
