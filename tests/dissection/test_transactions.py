# SPDX-License-Identifier: GPL-2.0-or-later
"""Request/response matching (issue 12, defects 3 and 4), on captures the
test writes itself: the expected links come from what each frame carries.

* Pipelining over TCP: a request completed by a segment that also holds the
  next request (TCP hands the dissector each PDU of that frame at offset 0)
  links each request to its own response, in one pass and in two.
* UDP retransmissions (doc/decisions.md decision 13): a retransmitted request or a
  duplicated response is flagged (rescap.retransmission, retransmit_*_in,
  a note) and does not shift the matching of the rest of the conversation;
  the response time counts from the original request.
"""
import struct

import pytest

from synth_pcap import item, tcp_frame, udp_frame, write_pcap

FIELDS = ["frame.number", "rescap.response_in", "rescap.response_to", "rescap.time", "rescap.retransmission",
          "rescap.retransmit_request_in", "rescap.retransmit_response_in",
          "rescap.expert.retransmitted_request", "rescap.expert.retransmitted_response"]


def request(uri, nested=False):
    if nested:
        return item(0x0001, item(0x0002, uri.encode()))
    return item(0x0001, struct.pack("!H", 1)) + item(0x0002, uri.encode())


def response(code):
    return item(0x000C, struct.pack("!H", 1)) + item(0x000D, struct.pack("!H", code))


def rows(tshark_env, path, *passes):
    args = ["-r", str(path), *passes, "-T", "fields", "-E", "separator=|", "-E", "occurrence=a"]
    for f in FIELDS:
        args += ["-e", f]
    out = tshark_env(*args)
    table = {}
    for line in out.splitlines():
        if line.strip():
            values = dict(zip(FIELDS, line.split("|")))
            table[int(values.pop("frame.number"))] = values
    return table


def test_pipelined_requests_in_one_tcp_frame(tshark_env, synth_dir):
    """Frame 1: the first 10 octets of request 1. Frame 2: the rest of
    request 1 and all of request 2. Frames 3 and 4: response 1, response 2.
    Request 1 is in nested form: its length is known from its header, so TCP
    reassembles exactly it and hands over request 2 as a PDU of its own."""
    r1, r2 = request("mailto:one@example.com", nested=True), request("mailto:two@example.com")
    s1, s2 = response(0x0000), response(0x0101)
    c, s = 40283, 283
    frames = [tcp_frame(c, s, 1, r1[:10]), tcp_frame(c, s, 11, r1[10:] + r2),
              tcp_frame(s, c, 1, s1), tcp_frame(s, c, 1 + len(s1), s2)]
    path = synth_dir / "pipelined_tcp.pcap"
    write_pcap(path, frames)
    for passes in ((), ("-2",)):
        t = rows(tshark_env, path, *passes)
        assert t[3]["rescap.response_to"] == "2" and t[4]["rescap.response_to"] == "2", (passes, t)
        if passes:
            assert t[2]["rescap.response_in"] == "3,4", t[2]


def udp_conversation():
    """(payloads, direction) in frame order; one frame per second."""
    a, b, c, d = (request("mailto:%s@example.com" % n) for n in ("a", "b", "c", "d"))
    e, f = request("mailto:e@example.com"), request("mailto:f@example.com")
    ok, other = response(0x0000), response(0x0101)
    return [(a, "c2s"),       # 1  request A
            (a, "c2s"),       # 2  A retransmitted (no answer yet)
            (ok, "s2c"),      # 3  answers A (frame 1)
            (b, "c2s"),       # 4  request B
            (other, "s2c"),   # 5  answers B
            (c, "c2s"),       # 6  request C
            (ok, "s2c"),      # 7  answers C
            (ok, "s2c"),      # 8  duplicate of frame 7
            (d, "c2s"),       # 9  request D (its answer is lost)
            (d, "c2s"),       # 10 D retransmitted
            (other, "s2c"),   # 11 answers D (frame 9)
            (e, "c2s"),       # 12 pipelined E
            (f, "c2s"),       # 13 pipelined F
            (ok, "s2c"),      # 14 answers E
            (ok, "s2c")]      # 15 answers F: same octets as 14, but F is waiting: not a duplicate


def test_udp_retransmissions_do_not_shift_matching(tshark_env, synth_dir):
    path = synth_dir / "udp_retransmissions.pcap"
    write_pcap(path, [udp_frame(40283, 283, p) if d == "c2s" else udp_frame(283, 40283, p)
                      for p, d in udp_conversation()])
    answers = {3: 1, 5: 4, 7: 6, 8: 6, 11: 9, 14: 12, 15: 13}
    retransmitted_requests = {2: 1, 10: 9}
    duplicated_responses = {8: 7}
    for passes in ((), ("-2",)):
        t = rows(tshark_env, path, *passes)
        for frame, row in t.items():
            why = "frame %d %s: %s" % (frame, passes, row)
            assert row["rescap.response_to"] == str(answers.get(frame, "")), why
            if frame in answers:
                # from the original request: one second per frame
                assert float(row["rescap.time"]) == pytest.approx(frame - answers[frame]), why
            flagged = frame in retransmitted_requests or frame in duplicated_responses
            # tshark 4.0 prints a boolean field as 1, 4.4 and 4.6 as True.
            assert row["rescap.retransmission"] in (("1", "True") if flagged else ("",)), why
            assert row["rescap.retransmit_request_in"] == str(retransmitted_requests.get(frame, "")), why
            assert row["rescap.retransmit_response_in"] == str(duplicated_responses.get(frame, "")), why
            assert (row["rescap.expert.retransmitted_request"] != "") == (frame in retransmitted_requests), why
            assert (row["rescap.expert.retransmitted_response"] != "") == (frame in duplicated_responses), why
        if passes:
            requests_answered = {q: r for r, q in answers.items() if r not in duplicated_responses}
            for frame, row in t.items():
                assert row["rescap.response_in"] == str(requests_answered.get(frame, "")), (frame, row)
