# SPDX-License-Identifier: GPL-2.0-or-later
"""rescap's own TCP framing (doc/performance.md, stream_framing.hpp) on
tcp_long_message: a 1 MB response in 700-octet segments from loopback.

Expectations come from the manifest (what the generator sent) and from the
maximum message size preference; nothing here times anything."""
import struct

import pytest

import ghostsynth as GS
import rescaptest as RT
from synth_pcap import item

NAME = "tcp_long_message"


def _rows(tshark_env, *extra):
    out = tshark_env("-r", str(RT.CAPTURES / (NAME + ".pcap")), "-T", "fields", "-E", "separator=|",
                     "-e", "frame.number", "-e", "tcp.len", "-e", "rescap.stream.length",
                     "-e", "_ws.expert.message", "-e", "rescap.stream.part", *extra)
    return [l.split("|") for l in out.splitlines() if l.strip()]


def _response_length():
    man = RT.load_manifest(NAME)
    resp = next(m for m in man["messages"] if m.get("role") == "response")
    return RT.wire_length(resp["items"])


def test_long_message_in_small_segments_is_assembled_once(tshark_env):
    rows = _rows(tshark_env)
    whole = [r for r in rows if r[2]]
    assert [int(r[2]) for r in whole] == [_response_length()], whole
    assert not any("Malformed" in r[3] or "Dissector bug" in r[3] for r in rows)


def test_message_past_the_maximum_size_is_cut_off_and_the_stream_resynchronises(tshark_env):
    limit = 100000
    rows = _rows(tshark_env, "-o", "rescap.max_message_size:%d" % limit)
    cut = [r for r in rows if r[2]]
    assert len(cut) == 1 and int(cut[0][2]) == limit, cut
    assert "maximum message size" in cut[0][3] or "rescap.max_message_size" in cut[0][3], cut[0]
    # After the cut: the rest of the message is skipped (no plausible message start in it), never parsed.
    later = [r for r in rows if int(r[0]) > int(cut[0][0]) and r[1] and int(r[1]) > 0 and r[3]]
    assert later and all("skipped up to the next plausible message start" in r[3] for r in later), later[:3]
    out = tshark_env("-r", str(RT.CAPTURES / (NAME + ".pcap")), "-o", "rescap.max_message_size:%d" % limit,
                     "-Y", "rescap.expert.message_too_long", "-T", "fields", "-e", "frame.number")
    assert out.split() == [cut[0][0]]


def test_two_passes_agree_with_one(tshark_env):
    one = _rows(tshark_env)
    two = _rows(tshark_env, "-2")
    assert one == two


def test_segments_listed_as_tcp_lists_a_reassembled_pdu(tshark_env):
    """The response's segments (every server->client segment with payload
    from the first after the request, as the generator sent them) are listed
    on the frame that shows the message, each with its length, adding up to
    the message; the others say "[TCP segment of a reassembled PDU]" in Info
    and link to that frame, as TCP's own reassembly does."""
    path = str(RT.CAPTURES / (NAME + ".pcap"))
    for extra in ((), ("-2",)):
        out = tshark_env("-r", path, *extra, "-Y", "tcp.srcport == 283 && tcp.len > 0", "-T", "fields",
                         "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=,",
                         "-e", "frame.number", "-e", "tcp.len", "-e", "rescap.stream.segment",
                         "-e", "rescap.stream.reassembled_in", "-e", "_ws.col.Info")
        rows = [l.split("|") for l in out.splitlines() if l.strip()]
        shown = [r for r in rows if r[2]]
        assert len(shown) == 1, shown[:3]
        listed = [int(n) for n in shown[0][2].split(",")]
        assert listed == [int(r[0]) for r in rows], "segments listed: %s" % listed[:10]
        assert sum(int(r[1]) for r in rows) >= _response_length()
        for r in rows[:-1]:
            assert r[4] == "[TCP segment of a reassembled PDU]", r
            if extra:
                assert r[3] == shown[0][0], r
    lengths = tshark_env("-r", path, "-Y", "rescap.stream.segment_list", "-T", "fields",
                         "-e", "rescap.stream.length", "-e", "rescap.stream.segments")
    length, count = lengths.split()
    assert int(length) == _response_length() and int(count) == len(rows)


# A first segment of one octet cannot say whether rescap starts there (a tag
# is two octets). gdb's remote protocol opens with a lone "+" acknowledgement
# (lldb does so): the next segment, "$...#cs", begins no rescap message, so
# the conversation is no rescap stream and is handed on whole; a rescap
# request that happens to be sent as one octet and the rest is still one
# request.
def _gdb_packet(data):
    return b"$" + data + b"#%02x" % (sum(data) % 256)


def _short_first_segment(synth_dir):
    gdb = GS.Conversation(41300, 283)
    gdb.send("c2s", b"+").send("c2s", _gdb_packet(b"qSupported:multiprocess+"))
    gdb.send("s2c", b"+").send("s2c", _gdb_packet(b"PacketSize=4000;qXfer:features:read+"))
    gdb.send("c2s", b"+").send("c2s", _gdb_packet(b"qHostInfo"))
    request = (item(0x0001, struct.pack("!H", 2)) + item(0x0002, b"mailto:eve@example.com") +
               item(0x0003, struct.pack("!HH", 0x000D, 0xFF01)))
    rescap = GS.Conversation(41301, 283)
    rescap.send("c2s", request[:1]).send("c2s", request[1:])
    path = synth_dir / "short_first_segment.pcap"
    GS.write(path, gdb.close().packets + rescap.close().packets)
    return path, len(request)


@pytest.mark.parametrize("passes", [(), ("-2",)], ids=["one-pass", "two-pass"])
def test_one_octet_first_segment_waits_for_the_next(tshark_env, synth_dir, passes):
    path, request_length = _short_first_segment(synth_dir)
    out = tshark_env("-r", str(path), *passes, "-Y", "tcp.len > 0", "-T", "fields", "-E", "separator=|",
                     "-e", "tcp.srcport", "-e", "tcp.dstport", "-e", "rescap.service.protocol",
                     "-e", "rescap.stream.length", "-e", "rescap.base_uri", "-e", "_ws.expert.message")
    rows = [l.split("|") for l in out.splitlines() if l.strip()]
    gdb = [r for r in rows if "41300" in (r[0], r[1])]
    rescap = [r for r in rows if "41301" in (r[0], r[1])]
    assert len(gdb) == 6 and len(rescap) == 2, rows
    # Named from the first "$...#cs" packet on (the lone "+" before it is not news).
    assert all(r[2] == "GDB remote" for r in gdb[1:]), gdb
    assert not any(r[3] for r in gdb), gdb  # no rescap message assembled from gdb's octets
    assert not any("Malformed" in r[5] or "Resynchron" in r[5] for r in rows), rows
    assert [int(r[3]) for r in rescap if r[3]] == [request_length], rescap
    assert [r[4] for r in rescap if r[4]] == ["mailto:eve@example.com"], rescap
