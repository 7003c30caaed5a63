# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 19: a conversation is Wireshark's conversation, not a pair of
endpoints. An SSH session on TCP 283 is closed (FIN both ways); a new TCP
connection between the same two endpoints and ports (Wireshark gives it a
new tcp.stream) carries a valid rescap request and response. The second
connection must decode as rescap, exactly as it does alone, with no trace of
the first connection's verdict; and the first stays SSH.
"""
import struct

import pytest

import ghostsynth as GS
from synth_pcap import item

REQUEST = item(0x0001, struct.pack("!H", 2)) + item(0x0002, b"mailto:dave@example.com") + \
    item(0x0003, struct.pack("!HH", 0x000D, 0xFF01))
RESPONSE = item(0x000C, struct.pack("!H", 2)) + item(0x000D, b"\x00\x00") + item(0xFF01, b"\x01")


def ssh_then_rescap():
    first = GS.Conversation(40100, 283)
    first.send("s2c", b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")
    first.send("c2s", b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n").close()
    second = GS.Conversation.__new__(GS.Conversation)
    second.cport, second.sport, second.cseq, second.sseq = 40100, 283, 90000, 70000
    second.packets, second.octets = [], {"c2s": 0, "s2c": 0}
    second._segment("c2s", b"", "S")
    second._segment("s2c", b"", "SA")
    second._segment("c2s", b"", "A")
    second.send("c2s", REQUEST).send("s2c", RESPONSE).close()
    return first.packets, second.packets


@pytest.fixture(scope="module")
def capture(tshark_env):
    d = tshark_env.tmp / "conversations"
    d.mkdir(exist_ok=True)
    d.chmod(0o755)
    first, second = ssh_then_rescap()
    both = d / "ssh_then_rescap.pcap"
    GS.write(both, first + second)
    alone = d / "rescap_alone.pcap"
    GS.write(alone, second)
    return str(both), str(alone), len(first)


def rows(tshark_env, path, *extra):
    out = tshark_env("-r", path, *extra, "-T", "fields", "-E", "separator=|", "-e", "frame.number",
                     "-e", "tcp.stream", "-e", "frame.protocols", "-e", "rescap.base_uri", "-e", "rescap.status.code",
                     "-e", "rescap.identified")
    return [l.split("|") for l in out.splitlines() if l.strip()]


@pytest.mark.parametrize("passes", [(), ("-2",)], ids=["one pass", "two passes"])
def test_port_reuse_starts_a_new_conversation(tshark_env, capture, passes):
    both, alone, first_count = capture
    got = rows(tshark_env, both, *passes)
    ref = rows(tshark_env, alone, *passes)
    assert {r[1] for r in got[:first_count]} != {r[1] for r in got[first_count:]}, "premise: two tcp.streams"
    # The second connection decodes exactly as it does alone (frame numbers aside).
    assert [r[2:] for r in got[first_count:]] == [r[2:] for r in ref]
    assert any(r[3] == "mailto:dave@example.com" for r in got[first_count:]), "request not decoded as rescap"
    assert any(r[5] == "SSH" for r in got[:first_count]), "the first connection is SSH"
    assert all(r[5] == "" for r in got[first_count:]), "the SSH verdict leaked into the new connection"
