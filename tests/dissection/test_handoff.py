# SPDX-License-Identifier: GPL-2.0-or-later
"""Regressions of the hand-off to other dissectors (issue 12, defects 1, 2, 6).

Inputs are crafted with tools/synth_pcap.py into a temporary folder (they
cannot be recorded from sockets: a payload built to make HTTP throw, 170
nested tunnels); the expectations follow from what is built here.

* An exception in a dissector rescap handed a payload to must not switch
  rescap's heuristics off: a valid request on UDP 5283 after a chunked HTTP
  request on UDP 283 (HTTP throws on its short chunk) is still rescap.
* The Protocol column after a hand-off is "RESCAP/<inner>" / "DECAP/<inner>",
  formatted from a copy of the inner column (HTTP carrying JSON makes the
  inner column "HTTP/JSON").
* decap inside decap stops at 8 decap layers with decap.expert.too_deep and
  the rest as data, instead of running into Wireshark's layer limit.
"""
import struct

import pytest

import rescaptest as RT
from synth_pcap import ipv4_udp, item, udp_frame, write_pcap

MAX_DECAP_NESTING = 8     # doc/decisions.md decision 18; plugin/wireshark/decap/dissector.cpp kMaxNesting
REQUEST = item(0x0001, struct.pack("!H", 2)) + item(0x0002, b"mailto:dave@example.com") + \
    item(0x0003, struct.pack("!HH", 0x000D, 0xFF01))
CHUNKED_HTTP = b"POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n100\r\nabc"
JSON_BODY = b'{"a": [1, 2, {"b": "c"}]}'
JSON_HTTP = b"POST /api HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\n" \
    b"Content-Length: %d\r\n\r\n" % len(JSON_BODY) + JSON_BODY


def rows(tshark_env, path, *fields, passes=()):
    args = ["-r", str(path), *passes, "-T", "fields", "-E", "separator=|"]
    for f in fields:
        args += ["-e", f]
    return [l.split("|") for l in tshark_env(*args).splitlines() if l.strip()]


@pytest.mark.parametrize("passes", [(), ("-2",)], ids=["one-pass", "two-pass"])
def test_heuristics_survive_exception_in_handed_off_dissector(tshark_env, synth_dir, passes):
    path = synth_dir / "http_throws_then_rescap.pcap"
    write_pcap(path, [udp_frame(40001, 283, CHUNKED_HTTP), udp_frame(40002, 5283, REQUEST),
                      udp_frame(40003, 283, CHUNKED_HTTP), udp_frame(40004, 5283, REQUEST)])
    p = tshark_env.run("-r", str(path), *passes, *RT.ENABLE_HEURISTICS, "-T", "fields", "-E", "separator=|",
                       "-e", "frame.number", "-e", "frame.protocols", "-e", "_ws.malformed", "-e", "rescap.base_uri")
    assert p.returncode == 0, p.stderr
    got = [l.split("|") for l in p.stdout.splitlines() if l.strip()]
    assert len(got) == 4
    for num, protos, malformed, uri in got:
        layers = protos.split(":")
        if int(num) % 2:
            # the premise: HTTP really threw inside rescap's hand-off
            assert layers[-2:] == ["rescap", "http"] and malformed, (num, protos, malformed)
        else:
            assert layers[-1] == "rescap" and uri == "mailto:dave@example.com", \
                "frame %s after an exception in a handed-off dissector: %s" % (num, protos)


@pytest.mark.parametrize("port,outer", [(283, "RESCAP"), (403, "DECAP")])
def test_protocol_column_after_hand_off(tshark_env, synth_dir, port, outer):
    path = synth_dir / ("http_json_%d.pcap" % port)
    write_pcap(path, [udp_frame(40005, port, JSON_HTTP)])
    (protos, column), = rows(tshark_env, path, "frame.protocols", "_ws.col.Protocol")
    assert protos.split(":")[-3:] == [outer.lower(), "http", "json"], protos
    assert column == outer + "/HTTP/JSON"


def test_decap_nesting_is_bounded(tshark_env, synth_dir):
    levels = 170
    packet = b"innermost"
    for k in range(levels):
        packet = ipv4_udp(41000 + k, 403, packet)
    path = synth_dir / "decap_nested_170.pcap"
    write_pcap(path, [udp_frame(40999, 403, packet)])
    for passes in ((), ("-2",)):
        p = tshark_env.run("-r", str(path), *passes, "-V", "-T", "fields", "-E", "separator=|",
                           "-e", "frame.protocols", "-e", "decap.expert.too_deep", "-e", "_ws.expert.severity")
        assert p.returncode == 0 and "Dissector bug" not in p.stdout + p.stderr, p.stderr[-2000:]
        protos, too_deep, _severity = p.stdout.strip().split("|")
        layers = protos.split(":")
        assert layers.count("decap") == MAX_DECAP_NESTING, protos
        assert layers[-2:] == ["decap", "data"], protos
        assert too_deep, "no decap.expert.too_deep on the innermost decoded decap layer"
    # the limit is an error-level expert (malformed), shown once
    out = tshark_env("-r", str(path), "-V")
    assert out.count("[Expert Info (Error/Malformed): decap nested %d levels deep" % MAX_DECAP_NESTING) == 1
