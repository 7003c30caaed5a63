# SPDX-License-Identifier: GPL-2.0-or-later
"""decap (port 403) against the manifests: one decap element per payload,
its direction and length, the inner packet handed to Wireshark's own
dissectors (checked field by field against "inner_detail"), identified
protocols, per-conversation counters, and no decap anywhere else.
Only collected when the plugin registers a `decap` protocol."""
import ipaddress
import os
import xml.etree.ElementTree as ET

import pytest

import rescaptest as RT

NAMES = RT.manifest_names()
INNER = {"ipv4": (1, "ip"), "ipv6": (2, "ipv6"), "eth": (3, "eth"), None: (0, None)}
DIRECTION = {"c2s": "client to server", "s2c": "server to client"}
IDENTIFIED = {"tls": "TLS", "http": "HTTP"}
QTYPE = {"A": 1, "AAAA": 28}


@pytest.fixture(scope="module", autouse=True)
def need_decap(tshark_env):
    # The plugin ships decap: losing its registration is a failure, not a skip.
    assert "decap" in tshark_env.protocols, "the plugin registers no decap protocol"


def _cases():
    out = []
    for name in NAMES:
        for i, m in enumerate(RT.load_manifest(name)["messages"]):
            if m.get("proto") == "decap":
                out.append(pytest.param(name, i, id="%s-%d-%s" % (name, i, m.get("direction"))))
    return out


def inner_protos(packet):
    protos = packet.elem.findall("proto")
    names = [p.get("name") for p in protos]
    return protos[names.index("decap") + 1:] if "decap" in names else []


def inner_field(packet, name):
    for p in inner_protos(packet):
        f = RT.first(p, name)
        if f is not None:
            return f
    return None


def ip_eq(a, b):
    try:
        return ipaddress.ip_address(a) == ipaddress.ip_address(b)
    except ValueError:
        return a == b


# manifest inner_detail key -> (field, comparison)
DETAIL = {
    "ip_src": (lambda inner: "ipv6.src" if inner == "ipv6" else "ip.src", ip_eq),
    "ip_dst": (lambda inner: "ipv6.dst" if inner == "ipv6" else "ip.dst", ip_eq),
    "ip_proto": ("ip.proto", lambda s, v: int(s) == v),
    "ip_checksum": ("ip.checksum", lambda s, v: int(s, 16) == v),
    "ip_total_length": ("ip.len", lambda s, v: int(s) == v),
    "next_header": ("ipv6.nxt", lambda s, v: int(s) == v),
    "payload_length": ("ipv6.plen", lambda s, v: int(s) == v),
    "udp_src": ("udp.srcport", lambda s, v: int(s) == v),
    "udp_dst": ("udp.dstport", lambda s, v: int(s) == v),
    "dns_id": ("dns.id", lambda s, v: int(s, 16) == v),
    "dns_query": ("dns.qry.name", lambda s, v: s == v),
    "dns_qtype": ("dns.qry.type", lambda s, v: int(s) == QTYPE[v]),
    "dns_response": ("dns.flags.response", lambda s, v: (s in ("1", "True")) == v),
    "dns_answer": (lambda inner: "dns.aaaa" if inner == "ipv6" else "dns.a", ip_eq),
    "eth_src": ("eth.src", lambda s, v: s.lower() == v.lower()),
    "eth_dst": ("eth.dst", lambda s, v: s.lower() == v.lower()),
    "ethertype": ("eth.type", lambda s, v: int(s, 16) == v),
    "icmp_type": ("icmp.type", lambda s, v: int(s) == v),
    "icmp_id": ("icmp.ident", lambda s, v: int(s, 0) == v),
    "icmp_seq": ("icmp.seq", lambda s, v: int(s, 0) == v),
}
# describe random payloads; nothing to find in the tree (inner is null)
INFORMATIVE = {"random", "first_nibble", "total_length_matches", "checksum_valid", "payload_length_matches"}


@pytest.fixture(scope="module")
def ctx(tshark_env):
    cache = {}

    def get(name):
        if name not in cache:
            man = RT.load_manifest(name)
            cap = tshark_env.pdml(name)
            cache[name] = (man, cap, RT.expected_frames(man, cap))
        return cache[name]
    return get


@pytest.mark.parametrize("name,index", _cases())
def test_decap_message(ctx, name, index):
    man, cap, frames = ctx(name)
    m = man["messages"][index]
    assert frames[index] and frames[index]["first"], "payload frame not found"
    p = cap.by_num[frames[index]["first"]]
    errors = []
    d = p.elem.find("proto[@name='decap']")
    assert d is not None, "frame %d: no decap element (layers %s)" % (p.num, p.protos)
    assert not p.rescap, "frame %d: rescap element on a decap payload" % p.num
    dir_ = m.get("direction")
    if dir_ in DIRECTION:
        f = RT.first(d, "decap.direction")
        if f is None or DIRECTION[dir_] not in (f.get("showname") or ""):
            errors.append("decap.direction %s, want %s" % (None if f is None else f.get("showname"), DIRECTION[dir_]))
    ln = RT.first(d, "decap.length")
    if ln is None or int(ln.get("show")) != p.payload_len:
        errors.append("decap.length %s, want %d (payload of the frame)" % (None if ln is None else ln.get("show"),
                                                                         p.payload_len))
    code, layer = INNER[m.get("inner")]
    f = RT.first(d, "decap.inner")
    if f is None or int(f.get("show")) != code:
        errors.append("decap.inner %s, want %s" % (None if f is None else f.get("showname"), m.get("inner")))
    inner_names = [x.get("name") for x in inner_protos(p)]
    if layer is not None:
        if layer not in inner_names:
            errors.append("no inner %s layer after decap (layers after decap: %s)" % (layer, inner_names))
        for key, want in (m.get("inner_detail") or {}).items():
            if key not in DETAIL:
                errors.append("inner_detail key %r: the test does not know how to check it" % key)
                continue
            fname, cmp = DETAIL[key]
            fname = fname(m["inner"]) if callable(fname) else fname
            fe = inner_field(p, fname)
            if fe is None or not cmp(fe.get("show"), want):
                errors.append("inner %s %s, want %r" % (fname, None if fe is None else fe.get("show"), want))
    else:
        leaked = [n for n in inner_names if n in ("ip", "ipv6", "eth")]
        if leaked:
            errors.append("payload is not a valid packet but %s was decoded inside" % leaked)
        unknown = set(m.get("inner_detail") or {}) - INFORMATIVE
        if unknown:
            errors.append("inner_detail keys the test does not know how to check: %s" % sorted(unknown))
    ident = RT.first(d, "decap.identified")
    want = IDENTIFIED.get(m.get("identified"))
    if want is None:
        if ident is not None:
            errors.append("decap.identified %r, want none" % ident.get("show"))
    else:
        if ident is None or ident.get("show") != want:
            errors.append("decap.identified %s, want %s" % (None if ident is None else ident.get("show"), want))
        if m["identified"] not in p.protos:
            errors.append("no %s layer (layers %s)" % (m["identified"], p.protos))
    assert not errors, "%s frame %d (%s):\n  - %s" % (name, p.num, m.get("note") or m.get("inner"),
                                                     "\n  - ".join(errors))


def _convs():
    return [pytest.param(n, k, id="%s-%s-%d" % (n, c["transport"], c["client"][1]))
            for n in NAMES for k, c in enumerate(RT.load_manifest(n).get("conversations") or [])]


@pytest.mark.parametrize("name,k", _convs())
def test_decap_conversation(ctx, name, k):
    """Counters of the conversation (final totals after two passes) equal the
    manifest's payload octets and payload-carrying packets per direction; the
    first payload frame carries a decap expert (spec: traffic on 403 deserves
    the analyst's attention)."""
    man, cap, frames = ctx(name)
    c = man["conversations"][k]
    cp, sp = c["client"][1], c["server"][1]
    pkts = [p for p in cap.packets if p.transport == c["transport"] and {p.sport, p.dport} == {cp, sp}
            and p.payload_len > 0]
    assert pkts, "no payload frames"
    errors = []
    d = pkts[-1].elem.find("proto[@name='decap']")
    assert d is not None, "frame %d: no decap element" % pkts[-1].num
    for dn in ("c2s", "s2c"):
        for what, key in (("packets", dn + "_payload_packets"), ("octets", dn + "_octets")):
            if key not in c:
                key = dn + "_" + what
            f = RT.first(d, "decap.conversation.%s_%s" % (dn, what))
            if f is None or int(f.get("show")) != c[key]:
                errors.append("decap.conversation.%s_%s %s, want %d (manifest %s)"
                              % (dn, what, None if f is None else f.get("show"), c[key], key))
    first = pkts[0].elem.find("proto[@name='decap']")
    ex = [] if first is None else [e.get("name") for x in RT.iter_fields(first, "_ws.expert") for e in x
                                   if (e.get("name") or "").startswith("decap.expert.")]
    if not ex:
        errors.append("first payload frame %d has no decap expert info" % pkts[0].num)
    assert not errors, "%s conversation %s/%d (last payload frame %d):\n  - %s" % (
        name, c["transport"], cp, pkts[-1].num, "\n  - ".join(errors))


@pytest.mark.parametrize("name", NAMES)
def test_no_decap_elsewhere(ctx, name):
    """decap elements appear exactly on the payload frames of the manifest's
    decap conversations."""
    man, cap, frames = ctx(name)
    convs = {(c["transport"], c["client"][1], c["server"][1]) for c in man.get("conversations") or []}
    want = [p.num for p in cap.packets if p.payload_len > 0 and any(
        p.transport == t and {p.sport, p.dport} == {cp, sp} for t, cp, sp in convs)]
    got = [p.num for p in cap.packets if "decap" in p.protos]
    assert got == want


@pytest.mark.parametrize("name", ["decap_udp_ipv4", "decap_udp_ipv6", "decap_tcp_eth"])
def test_decapsulation_preference_off(tshark, name):
    """With "Decode inner IP packets" off, the payload is labelled but no
    inner packet is decoded: one ip layer per frame (the outer one)."""
    expected = sum(1 for m in RT.load_manifest(name)["messages"] if m.get("proto") == "decap")
    out = tshark("-r", str(RT.CAPTURES / (name + ".pcap")), "-o", "decap.decapsulate:FALSE",
                 "-Y", "decap", "-T", "fields", "-e", "decap.inner", "-e", "frame.protocols")
    rows = [line.split("\t") for line in out.splitlines() if line]
    assert len(rows) == expected
    for inner, protocols in rows:
        assert inner == "0"
        layers = protocols.split(":")
        assert layers.count("ip") + layers.count("ipv6") == 1, protocols


# ------------------------------------------------- synthesized edge cases
@pytest.fixture(scope="module")
def synth_decap(tshark_env):
    import ghostsynth as GS
    d = tshark_env.tmp / "decap_edges"
    d.mkdir(exist_ok=True)
    os.chmod(d, 0o755)
    snapped, reported, captured = GS.snapped_inner_frame()
    GS.write(d / "malformed_dns.pcap", [GS.malformed_inner_dns_frame()])
    GS.write(d / "snapped.pcap", [snapped])
    return {"malformed": str(d / "malformed_dns.pcap"), "snapped": str(d / "snapped.pcap"),
            "reported": reported, "captured": captured}


def pdml_packet(tshark_env, path):
    packets = ET.fromstring(tshark_env("-r", path, "-T", "pdml")).findall("packet")
    assert len(packets) == 1
    return packets[0]


def protocol_column(tshark_env, path):
    return tshark_env("-r", path, "-T", "fields", "-e", "_ws.col.Protocol").strip()


def field_show(packet, name):
    f = packet.find(".//field[@name='%s']" % name)
    return None if f is None else f.get("show")


def test_malformed_inner_dns_keeps_decap(tshark_env, synth_decap):
    """The generator cut the inner DNS query inside its name (the IPv4/UDP
    packet around it is whole and valid): the exception belongs to DNS, and
    decap's column label and tree survive it."""
    p = pdml_packet(tshark_env, synth_decap["malformed"])
    layers = [x.get("name") for x in p.findall("proto")]
    assert "decap" in layers, layers
    after = layers[layers.index("decap") + 1:]
    assert after[:3] == ["ip", "udp", "dns"], layers
    assert after[3:] == ["_ws.malformed"], layers  # right after the inner DNS, nothing of decap's lost
    malformed = p.find("proto[@name='_ws.malformed']")
    assert "DNS" in (malformed.get("showname") or ""), malformed.get("showname")
    column = protocol_column(tshark_env, synth_decap["malformed"])
    assert column.startswith("DECAP/"), column
    assert field_show(p, "decap.inner") == "1"  # IPv4 packet: the tree was built before the hand-off
    assert field_show(p, "decap.conversation.c2s_octets") is not None


def test_snapped_inner_packet(tshark_env, synth_decap):
    """A frame cut by the capture's snap length: decap counts the octets that
    were sent (the reported length), decodes the inner IPv4 packet as far as
    it was captured, and the cut shows as "Packet size limited during
    capture", not as a malformed packet."""
    p = pdml_packet(tshark_env, synth_decap["snapped"])
    layers = [x.get("name") for x in p.findall("proto")]
    assert "decap" in layers and "ip" in layers[layers.index("decap") + 1:], layers
    assert "_ws.malformed" not in layers, layers
    assert "_ws.short" in layers, layers
    assert field_show(p, "decap.inner") == "1"
    assert int(field_show(p, "decap.length")) == synth_decap["reported"]
    assert int(field_show(p, "decap.conversation.c2s_octets")) == synth_decap["reported"]
    column = protocol_column(tshark_env, synth_decap["snapped"])
    assert column.startswith("DECAP/"), column
