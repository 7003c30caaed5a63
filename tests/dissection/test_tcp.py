# SPDX-License-Identifier: GPL-2.0-or-later
"""TCP reassembly on tcp_large: a ~40 kB response in many segments."""
import re

import pytest

import rescaptest as RT

NAME = "tcp_large"


@pytest.fixture(scope="module")
def ctx(tshark_env):
    man = RT.load_manifest(NAME)
    cap = tshark_env.pdml(NAME)
    frames = RT.expected_frames(man, cap)
    idx = RT.rescap_message_indexes(man)
    req = next(i for i in idx if man["messages"][i]["role"] == "request")
    resp = next(i for i in idx if man["messages"][i]["role"] == "response")
    return man, cap, frames, req, resp


def s2c_segments(man, cap, i):
    m = man["messages"][i]
    return [p for p in cap.packets if p.transport == "tcp" and p.sport == m["server"][1]
            and p.dport == m["client"][1] and p.tcp_len > 0]


def test_response_spans_many_segments(ctx):
    """Capture sanity (transport layer only): the response really is in many segments."""
    man, cap, frames, req, resp = ctx
    segs = s2c_segments(man, cap, resp)
    want = man.get("capture_info", {}).get("segments_%d_s2c" % man["messages"][resp]["client"][1])
    assert len(segs) >= 20
    if want is not None:
        assert len(segs) == want
    assert sum(p.tcp_len for p in segs) == RT.wire_length(man["messages"][resp]["items"])


def test_response_reassembled_in_one_frame(ctx):
    man, cap, frames, req, resp = ctx
    m = man["messages"][resp]
    total = RT.wire_length(m["items"])
    segs = s2c_segments(man, cap, resp)
    last = frames[resp]["last"]
    assert last == segs[-1].num
    holding = [p.num for p in cap.packets
               if any(r.is_message and r.response for r in p.rescap)]
    assert holding == [last], ("the response should be dissected once, in frame %d (last segment); "
                               "rescap responses found in frames %s" % (last, holding))
    # rescap assembles the message itself (doc/performance.md: TCP is never
    # asked to reassemble a growing message): its length and segment count.
    p = cap.by_num[last]
    rl = p.field("rescap.stream.length")
    assert rl is not None and int(rl.get("show")) == total, \
        "rescap.stream.length %s, want %d" % (None if rl is None else rl.get("show"), total)
    sc = p.field("rescap.stream.segments")
    assert sc is not None and int(sc.get("show")) == len(segs)
    # the intermediate segments carry only a part that points at the last one
    for s in segs[:-1]:
        q = cap.by_num[s.num]
        part = q.field("rescap.stream.part")
        assert part is not None and int(part.get("show")) == s.tcp_len, "frame %d: %s" % (s.num, part)
        link = q.field("rescap.stream.reassembled_in")
        assert link is not None and int(link.get("show")) == last, "frame %d links to %s" % (s.num, link)
        assert not any(r.is_message for r in q.rescap), "rescap message on intermediate segment %d" % s.num


def test_large_item_fragments(ctx):
    man, cap, frames, req, resp = ctx
    last = frames[resp]["last"]
    msgs = [r for r in cap.by_num[last].rescap if r.is_message]
    assert msgs, "no rescap message in frame %d" % last
    items = {i.tag: i for i in msgs[0].items}
    for exp in man["messages"][resp]["items"]:
        if exp["fragments"] > 1:
            it = items.get(exp["tag"])
            assert it is not None, "item 0x%04x missing" % exp["tag"]
            assert it.fragment_count == exp["fragments"]
            assert len(it.fragment_elems) == exp["fragments"]
            assert len(it.fragment_headers) == exp["fragments"]
            rl = it.own_field("rescap.reassembled_length")
            assert rl is not None and int(rl.get("show")) == exp["length"]
            errors = RT.reassembly_summary_errors(it, exp["fragments"], exp["length"])
            assert not errors, errors
            # all fragments travel in the message dissected in this frame
            assert {int(f.get("show")) for f in it.fragment_elems} == {last}
    big = [e for e in man["messages"][resp]["items"] if e["length"] > 0x7FFF]
    assert big and big[0]["fragments"] == 2 and big[0]["length"] == 40000


def test_reassembled_data_source(ctx, tshark_env):
    """The joined fragments are an extra data source 'Reassembled <Name>'; tshark
    adds the size in one unit ('Reassembled PrivUseResponse05 (40000 bytes):')."""
    man, cap, frames, req, resp = ctx
    last = frames[resp]["last"]
    out = tshark_env("-r", tshark_env.capture(NAME), "-2", "-x", "-Y", "frame.number == %d" % last)
    assert "octets) (" not in out, "a data source names its size twice"
    sources = re.findall(r"^Reassembled (\S+) \((\d+) bytes\):$", out, re.M)
    lens = [int(n) for s, n in sources]
    for exp in man["messages"][resp]["items"]:
        if exp["fragments"] > 1:
            assert exp["length"] in lens, "no 'Reassembled ... (%d octets)' data source; sources: %s" % (
                exp["length"], sources)


def test_reassembled_data_source_without_a_tree(ctx, tshark_env):
    """One pass with -x only (no -V, filter or tap: tshark builds no tree, and
    rescap renders no items) still adds every reassembled data source."""
    man, cap, frames, req, resp = ctx
    out = tshark_env("-r", tshark_env.capture(NAME), "-x")
    lens = [int(n) for s, n in re.findall(r"^Reassembled (\S+) \((\d+) bytes\):$", out, re.M)]
    for exp in man["messages"][resp]["items"]:
        if exp["fragments"] > 1:
            assert exp["length"] in lens, "no 'Reassembled ... (%d bytes)' data source without a tree" % exp["length"]


def test_request_in_its_own_frame(ctx):
    man, cap, frames, req, resp = ctx
    f = frames[req]
    assert f["first"] == f["last"], "the request is sent in one segment"
    p = cap.by_num[f["last"]]
    msgs = [r for r in p.rescap if r.is_message]
    assert len(msgs) == 1 and msgs[0].response is False, \
        "frame %d: want exactly one rescap request, got %s" % (p.num, [r.elem.get("showname") for r in p.rescap])
    assert f["last"] != frames[resp]["last"]
