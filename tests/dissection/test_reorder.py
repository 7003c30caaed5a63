# SPDX-License-Identifier: GPL-2.0-or-later
"""TCP segments out of order, overlapping or cut short by the stream's end
(stream_framing.hpp, doc/decisions-framing.md).

Conversations are written with scapy: a request split over three segments
and a response over two, sent in order (the reference), out of order (the
server's first segment too), and with overlapping retransmissions. The
expectations are what was sent: every message decodes once, with the items
it was built from, and nothing is malformed, resynchronised or called a
retransmission."""
import struct

import pytest
from scapy.all import IP, TCP, Ether, Raw, wrpcap

import rescaptest as RT
from synth_pcap import item

CLIENT, SERVER, CPORT, SPORT = "10.0.0.1", "10.0.0.2", 40123, 283
CISN, SISN = 1000, 5000
URI = b"rescap://example.com/" + b"path/" * 12
REFERRAL = b"rescap://authoritative.example.org/"
# FullRequest(2): BaseURI, ItemsToReturn(Status, TTLOfInfo)
REQUEST = item(0x0001, struct.pack("!H", 2)) + item(0x0002, URI) + item(0x0003, struct.pack("!HH", 0x000D, 0x0017))
REQUEST_TAGS = [0x0001, 0x0002, 0x0003]
# FullResponse(2): Status 0x0103 (the Referral leads to another server), Referral
RESPONSE = item(0x000C, struct.pack("!H", 2)) + item(0x000D, struct.pack("!H", 0x0103)) + item(0x000E, REFERRAL)
RESPONSE_TAGS = [0x000C, 0x000D, 0x000E]
REQUEST_CUTS = [(0, 30), (30, 61), (61, len(REQUEST))]
RESPONSE_CUTS = [(0, 20), (20, len(RESPONSE))]
SMALL_CUTS = [(k * 5, len(REQUEST) if k == 19 else k * 5 + 5) for k in range(20)]


def _packet(src, payload=b"", offset=0, flags="PA"):
    """A segment of the client's (src 'c') or the server's stream from `offset` of its octets."""
    if src == "c":
        tcp = TCP(sport=CPORT, dport=SPORT, seq=CISN + 1 + offset, ack=SISN + 1, flags=flags)
        ip = IP(src=CLIENT, dst=SERVER)
    else:
        tcp = TCP(sport=SPORT, dport=CPORT, seq=SISN + 1 + offset, ack=CISN + 1 + len(REQUEST), flags=flags)
        ip = IP(src=SERVER, dst=CLIENT)
    return Ether() / ip / tcp / Raw(payload) if payload else Ether() / ip / tcp


def _handshake():
    return [Ether() / IP(src=CLIENT, dst=SERVER) / TCP(sport=CPORT, dport=SPORT, seq=CISN, flags="S"),
            Ether() / IP(src=SERVER, dst=CLIENT) / TCP(sport=SPORT, dport=CPORT, seq=SISN, ack=CISN + 1, flags="SA"),
            _packet("c", flags="A")]


def _segments(src, message, cuts, order):
    return [_packet(src, message[cuts[k][0]:cuts[k][1]], cuts[k][0]) for k in order]


def _write(synth_dir, name, packets):
    path = synth_dir / (name + ".pcap")
    # A 200 ms handshake, then a segment every millisecond: a late segment comes
    # well within the round-trip time, which TCP's analysis calls out of order
    # (later than its RTO it would be a retransmission, which TCP keeps from
    # sub-dissectors).
    for k, p in enumerate(packets):
        p.time = 1700000000 + (0.1 * k if k < 3 else 0.2 + 0.001 * k)
    wrpcap(str(path), packets)
    path.chmod(0o644)
    return path


SCENARIOS = {
    "in_order": lambda: _handshake() + _segments("c", REQUEST, REQUEST_CUTS, [0, 1, 2])
    + _segments("s", RESPONSE, RESPONSE_CUTS, [0, 1]),
    # The request's middle segment first, the first last; the server's first segment after its second.
    "out_of_order": lambda: _handshake() + _segments("c", REQUEST, REQUEST_CUTS, [1, 2, 0])
    + _segments("s", RESPONSE, RESPONSE_CUTS, [1, 0]),
    "last_first": lambda: _handshake() + _segments("c", REQUEST, REQUEST_CUTS, [2, 1, 0])
    + _segments("s", RESPONSE, RESPONSE_CUTS, [1, 0]),
    # Twenty small segments, the first last: the held run grows nineteen times.
    "first_last": lambda: _handshake() + _segments("c", REQUEST, SMALL_CUTS, list(range(1, 20)) + [0])
    + _segments("s", RESPONSE, RESPONSE_CUTS, [0, 1]),
    # Overlapping retransmissions: octets 20..45 again with new ones after them, a whole segment again.
    "overlapping": lambda: _handshake() + [_packet("c", REQUEST[0:45], 0), _packet("c", REQUEST[20:70], 20),
                                           _packet("c", REQUEST[20:70], 20), _packet("c", REQUEST[60:], 60)]
    + _segments("s", RESPONSE, RESPONSE_CUTS, [0, 0, 1]),
    # Out of order and overlapping: the late segment overlaps the held one.
    "out_of_order_overlapping": lambda: _handshake() + [_packet("c", REQUEST[50:], 50), _packet("c", REQUEST[0:60], 0)]
    + _segments("s", RESPONSE, RESPONSE_CUTS, [1, 0]),
}


# Wireshark 4.0's TCP keeps segments it calls out of order from every
# sub-dissector unless this preference is off (its default is on), and
# always keeps those it calls retransmissions: rescap frames what it is given.
PASS_OUT_OF_ORDER = ("-o", "tcp.no_subdissector_on_error:FALSE")


def _decode(tshark_env, path, *extra):
    out = tshark_env("-r", str(path), "-2", "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a",
                     "-e", "frame.number", "-e", "rescap.item.tag", "-e", "rescap.base_uri", "-e",
                     "rescap.referral", "-e", "rescap.status.code", "-e", "_ws.malformed", "-e",
                     "rescap.expert.resynchronised", "-e", "rescap.retransmission", "-e", "_ws.col.Info", *extra)
    rows = []
    for line in out.splitlines():
        if line.strip():
            num, tags, uri, referral, status, malformed, resync, retrans, info = line.split("\t")
            rows.append(dict(num=int(num), tags=[int(t, 0) for t in tags.split(",") if t], uri=uri,
                             referral=referral, status=status, malformed=malformed, resync=resync,
                             retrans=retrans, info=info))
    return rows


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_messages_decode_as_sent_whatever_the_segment_order(tshark_env, synth_dir, scenario):
    rows = _decode(tshark_env, _write(synth_dir, "reorder_" + scenario, SCENARIOS[scenario]()), *PASS_OUT_OF_ORDER)
    requests = [r for r in rows if r["tags"][:1] == [0x0001]]
    responses = [r for r in rows if r["tags"][:1] == [0x000C]]
    assert [(r["tags"], r["uri"]) for r in requests] == [(REQUEST_TAGS, URI.decode())], rows
    assert [(r["tags"], r["referral"], int(r["status"], 0)) for r in responses] == [
        (RESPONSE_TAGS, REFERRAL.decode(), 0x0103)], rows
    for r in rows:
        assert not r["malformed"] and not r["resync"] and not r["retrans"], r
        for word in ("Malformed", "Resynchronising", "Not rescap", "retransmission"):
            assert word not in r["info"], r


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_segments_tcp_keeps_back_leave_no_false_finding(tshark_env, synth_dir, scenario):
    # Default TCP preferences: the late segments never reach rescap. What it was
    # given is neither malformed, nor resynchronised, nor "not rescap".
    rows = _decode(tshark_env, _write(synth_dir, "reorder_default_" + scenario, SCENARIOS[scenario]()))
    for r in rows:
        assert not r["malformed"] and not r["resync"], r
        for word in ("Malformed", "Resynchronising", "Not rescap"):
            assert word not in r["info"], r


def test_one_pass_agrees_with_two(tshark_env, synth_dir):
    path = _write(synth_dir, "reorder_out_of_order_1pass", SCENARIOS["out_of_order"]())
    one = tshark_env("-r", str(path), *PASS_OUT_OF_ORDER, "-T", "fields", "-e", "frame.number",
                     "-e", "rescap.item.tag", "-e", "_ws.malformed")
    two = tshark_env("-r", str(path), "-2", *PASS_OUT_OF_ORDER, "-T", "fields", "-e", "frame.number",
                     "-e", "rescap.item.tag", "-e", "_ws.malformed")
    assert one == two


def test_segment_held_ahead_of_a_gap_says_where_it_was_framed(tshark_env, synth_dir):
    path = _write(synth_dir, "reorder_held", SCENARIOS["out_of_order"]())
    rows = {r["num"]: r for r in _decode(tshark_env, path, *PASS_OUT_OF_ORDER)}
    # Frames 4 and 5 (request segments 2 and 3) wait for frame 6 (segment 1); frame 7 (the
    # response's second segment) for frame 8.
    assert "framed in frame 6" in rows[4]["info"] and "framed in frame 6" in rows[5]["info"], rows
    assert rows[6]["tags"] == REQUEST_TAGS
    assert "framed in frame 8" in rows[7]["info"] and rows[8]["tags"] == RESPONSE_TAGS


def test_stream_that_ends_inside_a_message_says_so(tshark_env, synth_dir):
    # RST after the request's second segment: the request never completes.
    packets = _handshake() + _segments("c", REQUEST, REQUEST_CUTS, [0, 1]) + [
        _packet("c", offset=REQUEST_CUTS[1][1], flags="R")]
    path = _write(synth_dir, "reorder_rst", packets)
    out = tshark_env("-r", str(path), "-2", "-T", "fields", "-E", "separator=/t", "-e", "frame.number",
                     "-e", "rescap.expert.message_incomplete", "-e", "_ws.col.Info", "-e", "rescap.base_uri",
                     "-e", "_ws.malformed")
    rows = [l.split("\t") for l in out.splitlines() if l.strip()]
    flagged = [r for r in rows if r[1]]
    # The frame with the message's last octets (frame 5) says it ended incomplete, once.
    assert [r[0] for r in flagged] == ["5"], rows
    assert "not complete yet" not in out and not any(r[4] for r in rows), rows
    assert URI.decode().startswith(flagged[0][3]) and flagged[0][3], flagged


def test_payload_handed_on_after_seen_octets_is_reassembled_from_its_own_start(tshark_env, synth_dir):
    # The second segment repeats the request's last 10 octets, then starts an HTTP
    # request that the third segment completes: HTTP asks TCP for more from the
    # start of its own octets (offset 10 of the segment), not from the segment's start.
    http = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\n"
    n = len(REQUEST)
    packets = _handshake() + [_packet("c", REQUEST, 0), _packet("c", REQUEST[n - 10:] + http, n - 10),
                              _packet("c", b"Accept: */*\r\n\r\n", n + len(http))]
    path = _write(synth_dir, "reorder_tail_http", packets)
    out = tshark_env("-r", str(path), "-2", *PASS_OUT_OF_ORDER, "-T", "fields", "-e", "frame.number",
                     "-e", "http.request.method", "-e", "http.request.uri", "-e", "rescap.item.tag")
    rows = [l.split("\t") for l in out.splitlines() if l.strip()]
    assert [r[1:3] for r in rows if r[1]] == [["GET", "/index.html"]], rows
    assert [r[3] for r in rows if r[3]] == [",".join(str(t) for t in REQUEST_TAGS)], rows


def _too_long(tshark_env, path, limit):
    out = tshark_env("-r", str(path), "-2", "-o", "rescap.max_message_size:%d" % limit, "-T", "fields",
                     "-e", "frame.number", "-e", "rescap.expert.message_too_long", "-e", "rescap.base_uri")
    return [l.split("\t") for l in out.splitlines() if l.strip()]


def test_maximum_message_size_is_exact(tshark_env, synth_dir):
    # The request (99 octets) over three segments: one octet over the maximum is too long.
    path = _write(synth_dir, "reorder_max_size", SCENARIOS["in_order"]())
    over = _too_long(tshark_env, path, len(REQUEST) - 1)
    assert [r[0] for r in over if r[1]] == ["6"], over
    fits = _too_long(tshark_env, path, len(REQUEST))
    assert not any(r[1] for r in fits) and [r[2] for r in fits if r[2]] == [URI.decode()], fits


def test_maximum_message_size_is_clamped(tshark_env, synth_dir):
    # 0 would make every message "too long" from its first octet: the smallest well-formed
    # message (12 octets) is used instead, and the log says so.
    path = _write(synth_dir, "reorder_max_zero", SCENARIOS["in_order"]())
    p = tshark_env.run("-r", str(path), "-2", "-o", "rescap.max_message_size:0", "-T", "fields",
                       "-e", "frame.number", "-e", "_ws.expert.message", "-e", "_ws.col.Info")
    assert p.returncode == 0
    assert "rescap.max_message_size 0 is outside 12..268435456 octets: 12 is used" in p.stderr
    assert "Message longer than 12 octets" in p.stdout and "(no BaseURI)" not in p.stdout
    big = tshark_env.run("-r", str(path), "-o", "rescap.max_message_size:4294967295", "-T", "fields",
                         "-e", "rescap.base_uri")
    assert "268435456 is used" in big.stderr and URI.decode() in big.stdout


@pytest.mark.parametrize("direction", ["c", "s"])
def test_later_messages_decode_after_segments_tcp_kept_back(tshark_env, synth_dir, direction):
    # Default TCP preferences: the late segments of the first request and response never
    # reach rescap. The next message in the direction gives the gap up (TCP saw its
    # octets, or the peer acknowledged them) and decodes; nothing is malformed.
    offset = len(REQUEST) if direction == "c" else len(RESPONSE)
    message = REQUEST if direction == "c" else RESPONSE
    packets = SCENARIOS["out_of_order"]() + [_packet(direction, message, offset)]
    rows = _decode(tshark_env, _write(synth_dir, "reorder_kept_back_" + direction, packets))
    last = rows[-1]
    assert last["tags"] == (REQUEST_TAGS if direction == "c" else RESPONSE_TAGS), rows
    if RT.tshark_series() < (4, 2):
        # 4.0's TCP keeps the late segments from every sub-dissector: the held
        # ones are framed by the next message's frame. 4.4/4.6's TCP hands
        # them over, and they are framed in order where they arrive.
        held = [4, 5] if direction == "c" else [7]
        assert all("framed in frame %d" % last["num"] in rows[k - 1]["info"] for k in held), rows
    for r in rows:
        assert not r["malformed"] and "Malformed" not in r["info"] and "Not rescap" not in r["info"], r
