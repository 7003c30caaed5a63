# SPDX-License-Identifier: GPL-2.0-or-later
"""Request/response matching (rescap.response_in / rescap.response_to /
rescap.time), with the pairs derived from the manifests: a request's response
is the next manifest response on the same transport and client/server ports.
The named captures of the brief come first; every other capture with rescap
messages is checked too (messages without a counterpart must not be linked).
"""
from decimal import Decimal

import pytest

import rescaptest as RT

REQUIRED = ["udp_basic", "tcp_large", "udp_then_tcp_retry", "nested_1999"]
OTHERS = [n for n in RT.manifest_names()
          if n not in REQUIRED and RT.rescap_message_indexes(RT.load_manifest(n))]


def pairs(manifest):
    msgs = manifest["messages"]
    out, used = [], set()
    for i in RT.rescap_message_indexes(manifest):
        m = msgs[i]
        if m["role"] != "request":
            continue
        key = (m["transport"], m["client"][1], m["server"][1])
        for j in RT.rescap_message_indexes(manifest):
            n = msgs[j]
            if j > i and j not in used and n["role"] == "response" and \
                    (n["transport"], n["client"][1], n["server"][1]) == key:
                out.append((i, j))
                used.add(j)
                break
    return out


def test_pairs_of_required_captures():
    """Sanity check of the derivation: the four captures are request/response pairs only."""
    for name in REQUIRED:
        man = RT.load_manifest(name)
        idx = RT.rescap_message_indexes(man)
        assert len(pairs(man)) * 2 == len(idx), name


@pytest.mark.parametrize("name", REQUIRED + OTHERS)
def test_request_response_links(tshark_env, name):
    man = RT.load_manifest(name)
    cap = tshark_env.pdml(name)
    loc = RT.locate_messages(man, cap)
    ps = pairs(man)
    paired = {i for p in ps for i in p}
    errors = []
    for i, j in ps:
        (rq, fq, why_q), (rs, fs, why_s) = loc[i], loc[j]
        if rq is None or rs is None:
            errors.append("pair (#%d, #%d): message not found: %s" % (i, j, why_q or why_s))
            continue
        got_in = rq.link("rescap.response_in")
        if got_in != str(rs.packet.num):
            errors.append("request #%d in frame %d: rescap.response_in %s, want %d"
                          % (i, rq.packet.num, got_in, rs.packet.num))
        got_to = rs.link("rescap.response_to")
        if got_to != str(rq.packet.num):
            errors.append("response #%d in frame %d: rescap.response_to %s, want %d"
                          % (j, rs.packet.num, got_to, rq.packet.num))
        t = rs.link("rescap.time")
        want = rs.packet.time - rq.packet.time
        if t is None or abs(Decimal(t) - want) > Decimal("0.000000001"):
            errors.append("response #%d in frame %d: rescap.time %s, want %s"
                          % (j, rs.packet.num, t, want))
        for r, bad in ((rq, "rescap.response_to"), (rq, "rescap.time"), (rs, "rescap.response_in")):
            if r.link(bad) is not None:
                errors.append("frame %d: unexpected %s %s" % (r.packet.num, bad, r.link(bad)))
    for i in RT.rescap_message_indexes(man):
        if i in paired or loc[i][0] is None:
            continue
        r = loc[i][0]
        for f in ("rescap.response_in", "rescap.response_to"):
            if r.link(f) is not None:
                errors.append("message #%d (%s) in frame %d has no counterpart in the manifest, but %s = %s"
                              % (i, man["messages"][i]["role"], r.packet.num, f, r.link(f)))
    assert not errors, name + ":\n  - " + "\n  - ".join(errors)
