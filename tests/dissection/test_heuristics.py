# SPDX-License-Identifier: GPL-2.0-or-later
"""The heuristic dissectors rescap_udp / rescap_tcp (rescap on any port).

* The heuristics are off by default (Wireshark's rule for weak heuristics):
  rescap_other_port read without options has no rescap layer.
* rescap_other_port (UDP and TCP on 5283), heuristics enabled: every manifest
  message decodes as rescap with the manifest's items.
* Non-rescap traffic (mixed_non_rescap, every decap_* capture, not_rescap_283)
  gets no rescap layer on any port other than 283.
* Synthesized UDP datagrams on a port nothing else claims: 2000 seeded random
  payloads starting with 00 01 / 00 0C are all refused; a valid count-form
  request and response on port 40000 are claimed.
"""
import random
import struct

import pytest

import rescaptest as RT
from synth_pcap import item, tcp_frame, udp_frame, write_pcap
import test_manifests as TM

WITH_HEUR = RT.ENABLE_HEURISTICS
SILENT = ["mixed_non_rescap", "not_rescap_283"] + sorted(n for n in RT.manifest_names() if n.startswith("decap_"))


def rescap_frames(cap):
    return [p for p in cap.packets if p.rescap]


def test_other_port_decoded_by_heuristics(tshark_env):
    name = "rescap_other_port"
    man = RT.load_manifest(name)
    cap = tshark_env.pdml(name)
    idx = RT.rescap_message_indexes(man)
    assert {man["messages"][i]["server"][1] for i in idx} == {5283}
    assert {man["messages"][i]["transport"] for i in idx} == {"udp", "tcp"}
    loc = RT.locate_messages(man, cap)
    errors = []
    for i in idx:
        m = man["messages"][i]
        r, frame, why = loc[i]
        if r is None:
            errors.append("#%d %s %s: %s" % (i, m["transport"], m["role"], why))
            continue
        if r.response != (m["role"] == "response"):
            errors.append("#%d frame %d: rescap.response %s" % (i, frame, r.response))
        if r.form != TM.FORM[m["form"]]:
            errors.append("#%d frame %d: rescap.form %s, want %s" % (i, frame, r.form, m["form"]))
        items = m["items"]
        if [(it["tag"], it["depth"]) for it in items] != [(g.tag, g.depth) for g in r.items]:
            errors.append("#%d frame %d: item tree %s, want %s" % (
                i, frame, [(g.tag, g.depth) for g in r.items], [(it["tag"], it["depth"]) for it in items]))
        else:
            for k, (exp, g) in enumerate(zip(items, r.items)):
                has_children = k + 1 < len(items) and items[k + 1]["depth"] > exp["depth"]
                for err in TM.compare_item(exp, g, has_children):
                    errors.append("#%d frame %d item %d: %s" % (i, frame, k, err))
        if sorted(r.experts) != sorted(m["experts"]):
            errors.append("#%d frame %d: experts %s, want %s" % (i, frame, r.experts, m["experts"]))
    n_msgs = sum(1 for p in cap.packets for r in p.rescap if r.is_message)
    if n_msgs != len(idx):
        errors.append("%d rescap messages decoded, want %d" % (n_msgs, len(idx)))
    assert not errors, "\n  - ".join(["rescap_other_port:"] + errors)


def test_other_port_not_decoded_without_heuristics(tshark_env):
    name = "rescap_other_port"
    man = RT.load_manifest(name)
    with_h = tshark_env.pdml(name)  # heuristics enabled (RT.heuristics_for)
    frames = RT.expected_frames(man, with_h)
    nums = set()
    for i in RT.rescap_message_indexes(man):
        f = frames[i]
        assert f is not None and f["last"] is not None
        nums |= {f["first"], f["last"]}
    assert all(with_h.by_num[n].rescap for n in nums), "sanity: rescap shown with heuristics on"
    # Default preferences: the heuristics are registered disabled.
    out = tshark_env("-r", tshark_env.capture(name), "-2", "-T", "fields", "-e", "frame.number",
                     "-e", "frame.protocols")
    still = sorted(int(l.split("\t")[0]) for l in out.splitlines() if "rescap" in l.split("\t")[1].split(":"))
    assert not still, "frames %s carry a rescap layer with the heuristics at their default (off)" % still


@pytest.mark.parametrize("name", SILENT)
def test_heuristics_silent_on_non_rescap(tshark_env, name):
    cap = tshark_env.pdml(name, *WITH_HEUR)
    bad = []
    for p in rescap_frames(cap):
        if 283 not in (p.sport, p.dport):
            bad.append("frame %d %s %s->%s" % (p.num, p.transport, p.sport, p.dport))
    assert not bad, "%s: rescap layer on a port other than 283: %s" % (name, bad)
    if name != "not_rescap_283":
        assert not rescap_frames(cap), "%s has no traffic on 283, yet rescap shows in frames %s" % (
            name, [p.num for p in rescap_frames(cap)])


# --------------------------------------------------------------------------
# synthesized captures
# --------------------------------------------------------------------------
RANDOM_PORT = 47913         # not a registered port of any Wireshark dissector (checked below: all "data")
N_RANDOM = 2000


def random_payloads(seed=283, n=N_RANDOM):
    rng = random.Random(seed)
    out = []
    for k in range(n):
        head = b"\x00\x01" if k % 2 == 0 else b"\x00\x0c"
        size = rng.choice([rng.randint(0, 6), rng.randint(0, 64), rng.randint(0, 600)])
        out.append(head + bytes(rng.getrandbits(8) for _ in range(size)))
    return out


def other_udp_heuristics_off(tshark_env):
    """tshark options that disable every protocol other than rescap with an
    enabled UDP heuristic (read from `tshark -G heuristic-decodes`), so that
    each random payload really reaches rescap's heuristic: some versions ship
    heuristics that claim random payloads themselves (4.4's HiPerConTracer)."""
    rows = [l.split("\t") for l in tshark_env("-G", "heuristic-decodes").splitlines()]
    protos = sorted({r[1] for r in rows if len(r) >= 3 and r[0] == "udp" and r[2] == "T" and r[1] != "rescap"})
    assert protos, "tshark lists no other UDP heuristic: has the -G heuristic-decodes format changed?"
    return [arg for p in protos for arg in ("--disable-protocol", p)]


def test_random_payloads_not_claimed(tshark_env, synth_dir):
    payloads = random_payloads()
    assert all(p[:2] in (b"\x00\x01", b"\x00\x0c") for p in payloads)
    path = synth_dir / "random_0001_000c.pcap"
    write_pcap(path, [udp_frame(RANDOM_PORT + 1, RANDOM_PORT, p) for p in payloads])
    others_off = other_udp_heuristics_off(tshark_env)
    for extra in ((), ("-o", "udp.try_heuristic_first:TRUE")):
        out = tshark_env("-r", str(path), "-T", "fields", "-e", "frame.number", "-e", "frame.protocols",
                         *WITH_HEUR, *others_off, *extra)
        rows = [l.split("\t") for l in out.splitlines() if l.strip()]
        assert len(rows) == N_RANDOM
        claimed = [int(n) for n, protos in rows if "rescap" in protos.split(":")]
        assert not claimed, "heuristic claimed %d random payloads (options %s), e.g. frames %s: %s" % (
            len(claimed), extra, claimed[:10], [payloads[n - 1][:16].hex() for n in claimed[:5]])
        if not extra:
            # the heuristics were really consulted: nothing else owns the port
            not_data = [int(n) for n, protos in rows if not protos.endswith(":udp:data")]
            assert not not_data, "frames %s are not plain udp:data; pick another port" % not_data[:10]


def test_valid_messages_claimed_on_port_40000(tshark_env, synth_dir):
    request = item(0x0001, struct.pack("!H", 2)) + item(0x0002, b"mailto:dave@example.com") + \
        item(0x0003, struct.pack("!HH", 0x000D, 0xFF01))
    response = item(0x000C, struct.pack("!H", 2)) + item(0x000D, b"\x00\x00") + item(0xFF01, b"\x01")
    path = synth_dir / "valid_40000.pcap"
    write_pcap(path, [udp_frame(40001, 40000, request), udp_frame(40000, 40001, response)])
    out = tshark_env("-r", str(path), *WITH_HEUR, "-T", "fields", "-E", "separator=|", "-e", "frame.number",
                     "-e", "frame.protocols", "-e", "rescap.response", "-e", "rescap.base_uri",
                     "-e", "rescap.status.code", "-e", "rescap.form")
    rows = [l.split("|") for l in out.splitlines() if l.strip()]
    assert len(rows) == 2
    (n1, p1, resp1, uri1, _, form1), (n2, p2, resp2, _, code2, form2) = rows
    assert "rescap" in p1.split(":"), "valid count-form request on 40000 not claimed: %s" % p1
    assert resp1 in ("0", "False") and uri1 == "mailto:dave@example.com" and form1.split(",")[0] == "1"
    assert "rescap" in p2.split(":"), "valid count-form response on 40000 not claimed: %s" % p2
    assert resp2 in ("1", "True") and int(code2, 0) == 0 and form2.split(",")[0] == "1"
    # and not claimed with the heuristics at their default (off)
    out = tshark_env("-r", str(path), "-T", "fields", "-e", "frame.protocols")
    assert all("rescap" not in l.split(":") for l in out.splitlines() if l.strip())


@pytest.mark.parametrize("form", ["count", "nested"])
def test_request_spanning_tcp_segments_on_other_port(tshark_env, synth_dir, form):
    """README: rescap on any port is found by the heuristics, and a TCP message
    spanning segments is reassembled; both draft generations are decoded.
    A 1538-octet request on TCP 5283 split 1000 + 538."""
    children = item(0x0002, b"mailto:alice@example.com") + item(0xFE01, b"\xab" * 1500)
    msg = (item(0x0001, struct.pack("!H", 2)) + children) if form == "count" else item(0x0001, children)
    path = synth_dir / ("tcp_split_%s.pcap" % form)
    write_pcap(path, [tcp_frame(40001, 5283, 1, msg[:1000]), tcp_frame(40001, 5283, 1001, msg[1000:])])
    out = tshark_env("-r", str(path), *WITH_HEUR, "-T", "fields", "-E", "separator=|", "-e", "frame.number",
                     "-e", "frame.protocols", "-e", "rescap.base_uri", "-e", "rescap.stream.length")
    rows = [l.split("|") for l in out.splitlines() if l.strip()]
    assert len(rows) == 2
    assert "rescap" in rows[1][1].split(":") and rows[1][2] == "mailto:alice@example.com" \
        and rows[1][3] == str(len(msg)), "%s-form request split over two TCP segments on 5283 not decoded: %s" % (
            form, rows)
