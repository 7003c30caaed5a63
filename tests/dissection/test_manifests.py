# SPDX-License-Identifier: GPL-2.0-or-later
"""Every rescap / not-rescap message of every manifest against the dissection.

Expectations come from captures/<name>.json (what the generator sent) and the
spec; the frame a message belongs to is computed from the transport layers
(UDP datagrams, TCP stream offsets), not from the plugin.
"""
import collections
import hashlib

import pytest

import rescaptest as RT

FORM = {"count": 1, "nested": 2}
IDENTIFIED = {"tls": "TLS", "http": "HTTP", "ssh": "SSH"}
LAYER = {"tls": "tls", "http": "http", "ssh": "ssh", None: "data"}
DUAL_CONTAINERS = {RT.FULL_REQUEST, RT.FULL_RESPONSE, RT.TTL_OF_INFO, RT.EXPIRATION_OF_INFO,
                   RT.DATE_OF_CHANGE}
# Manifest item keys this file checks.
KNOWN_KEYS = {"tag", "depth", "length", "fragments", "count", "uri", "uri_hex", "tags", "status",
              "text", "text_hex", "ttl", "timestamp", "content_hex", "content_sha256",
              "signature_hex", "beyond_count", "embedded_request"}

NAMES = RT.manifest_names()


def _cases(proto):
    out = []
    for name in NAMES:
        for i, m in enumerate(RT.load_manifest(name)["messages"]):
            if m.get("proto") == proto:
                label = m.get("role") or m.get("direction")
                out.append(pytest.param(name, i, id="%s-%d-%s" % (name, i, label)))
    return out


@pytest.fixture(scope="session")
def located(tshark_env):
    cache = {}

    def get(name):
        if name not in cache:
            man = RT.load_manifest(name)
            cap = tshark_env.pdml(name)
            cache[name] = (man, cap, RT.expected_frames(man, cap), RT.locate_messages(man, cap))
        return cache[name]
    return get


# --------------------------------------------------------------------------
def own_values(item):
    return [e.get("value") for e in item.value_fields if e.get("value")]


def check_bytes(item, hexstr=None, sha=None, field=None):
    """Content bytes: in the typed field when the tag has one, else in any
    field of the item (e.g. the raw octets an expert points at)."""
    def ok(v):
        if v is None:
            return False
        if hexstr is not None:
            return v.lower() == hexstr.lower()
        return hashlib.sha256(bytes.fromhex(v)).hexdigest() == sha
    want = hexstr if hexstr is not None else "sha256:" + sha
    if field is not None:
        fs = item.own_fields(field)
        if not fs:
            return "no %s field (want %s)" % (field, want[:80])
        if not ok(fs[0].get("value")):
            v = fs[0].get("value") or ""
            return "%s = %s%s, want %s" % (field, v[:80], "..." if len(v) > 80 else "", want[:80])
        return None
    if not any(ok(v) for v in own_values(item)):
        return "no field of the item shows content %s" % want[:80]
    return None


def compare_item(exp, got, has_children):
    e = []
    unknown = set(exp) - KNOWN_KEYS
    if unknown:
        e.append("manifest keys the test does not know how to check: %s" % sorted(unknown))
    tag = exp["tag"]
    if got.tag != tag:
        e.append("tag 0x%04x, want 0x%04x" % (got.tag if got.tag is not None else -1, tag))
    if got.depth != exp["depth"]:
        e.append("depth %d, want %d" % (got.depth, exp["depth"]))
    if got.beyond != bool(exp.get("beyond_count")):
        e.append("under rescap.ignored: %s, want %s" % (got.beyond, bool(exp.get("beyond_count"))))
    n = exp["fragments"]
    frags = got.fragment_elems
    if n == 1:
        if got.fragment_count is not None or frags:
            e.append("shows rescap.fragment.count=%s / %d rescap.fragment, want an unfragmented item"
                     % (got.fragment_count, len(frags)))
        ln = got.direct_field("rescap.item.length")
        if ln is None or RT.show_int(ln) != exp["length"]:
            e.append("rescap.item.length %s, want %d" % (None if ln is None else ln.get("show"), exp["length"]))
    else:
        if got.fragment_count != n:
            e.append("rescap.fragment.count %s, want %d" % (got.fragment_count, n))
        if len(frags) != n:
            e.append("%d rescap.fragment elements, want %d" % (len(frags), n))
        rl = got.own_field("rescap.reassembled_length")
        if rl is None or RT.show_int(rl) != exp["length"]:
            e.append("rescap.reassembled_length %s, want %d" % (None if rl is None else rl.get("show"), exp["length"]))
        e += RT.reassembly_summary_errors(got, n, exp["length"])
        lens, conts = [], []
        headers = got.fragment_headers
        if len(headers) != n:
            e.append("%d rescap.fragment_header elements, want %d" % (len(headers), n))
        for f in headers:
            le, co = RT.first(f, "rescap.item.length"), RT.first(f, "rescap.item.continuation")
            lens.append(RT.show_int(le) if le is not None else None)
            conts.append(None if co is None else co.get("show") in ("1", "True"))
        if frags and (None in lens or sum(lens) != exp["length"]):
            e.append("fragment lengths %s do not add up to %d" % (lens, exp["length"]))
        if frags and conts != [True] * (len(frags) - 1) + [False]:
            e.append("fragment continuation markers %s, want all set but the last" % conts)
    if got.length != exp["length"]:
        e.append("length %s, want %d" % (got.length, exp["length"]))
    if "count" in exp:
        if got.count != exp["count"]:
            e.append("rescap.count %s, want %d" % (got.count, exp["count"]))
        fm = got.direct_field("rescap.form")
        if fm is None or RT.show_int(fm) != 1:
            e.append("item rescap.form %s, want 1 (count form)" % (None if fm is None else fm.get("show")))
    else:
        if got.count is not None:
            e.append("shows rescap.count %d, but the item is not a count-form container" % got.count)
        if tag in DUAL_CONTAINERS and has_children:
            fm = got.direct_field("rescap.form")
            if fm is None or RT.show_int(fm) != 2:
                e.append("item rescap.form %s, want 2 (nested form)" % (None if fm is None else fm.get("show")))
    # typed values
    if "uri" in exp:
        fname = "rescap.base_uri" if tag == RT.BASE_URI else "rescap.referral"
        f = got.own_field(fname)
        if exp["uri"] is not None:
            if f is None or f.get("show") != exp["uri"]:
                e.append("%s %r, want %r" % (fname, None if f is None else f.get("show"), exp["uri"]))
        elif "uri_hex" in exp:
            err = check_bytes(got, exp["uri_hex"])
            if err:
                e.append(err)
    if "tags" in exp and exp["tags"] is not None:
        tags = [RT.show_int(f) for f in got.own_fields("rescap.items_to_return")]
        if tags != exp["tags"]:
            e.append("rescap.items_to_return %s, want %s" % (["0x%04x" % t for t in tags],
                                                             ["0x%04x" % t for t in exp["tags"]]))
    if "status" in exp and exp["status"] is not None:
        code = exp["status"]
        for fname, want in (("rescap.status.code", code), ("rescap.status.main", code >> 8),
                            ("rescap.status.secondary", code & 0xFF)):
            f = got.own_field(fname)
            if f is None or RT.show_int(f) != want:
                e.append("%s %s, want 0x%x" % (fname, None if f is None else f.get("show"), want))
    if "text" in exp:
        f = got.own_field("rescap.status.text")
        if exp["text"] is not None:
            if f is None or f.get("show") != exp["text"]:
                e.append("rescap.status.text %r, want %r" % (None if f is None else f.get("show"), exp["text"]))
        elif "text_hex" in exp:
            err = check_bytes(got, exp["text_hex"])
            if err:
                e.append("status text: " + err)
        elif f is not None and f.get("show"):
            e.append("rescap.status.text %r, want no text" % f.get("show"))
    if "ttl" in exp:
        f = got.own_field("rescap.ttl")
        if f is None or RT.show_int(f) != exp["ttl"]:
            e.append("rescap.ttl %s, want %d" % (None if f is None else f.get("show"), exp["ttl"]))
    if "timestamp" in exp:
        ts = exp["timestamp"]
        fname = "rescap.expiration" if tag == RT.EXPIRATION_OF_INFO else "rescap.date_of_change"
        want = RT.valid_timestamp(ts)
        f = got.own_field(fname)
        if want is not None:
            if f is None:
                e.append("no %s field (want %s UTC)" % (fname, want))
            else:
                shown = RT.parse_abs_time_utc(f.get("show"))
                if shown != want:
                    e.append("%s shows %r, want %s UTC" % (fname, f.get("show"), want))
                if (f.get("value") or "").lower() != ts.encode("latin-1").hex():
                    e.append("%s raw value %s, want %s" % (fname, f.get("value"), ts.encode("latin-1").hex()))
        else:   # invalid timestamp: its 14 raw octets must still be shown somewhere in the item
            err = check_bytes(got, ts.encode("latin-1").hex())
            if err:
                e.append("invalid timestamp %r: %s" % (ts, err))
    if "content_hex" in exp or "content_sha256" in exp:
        err = check_bytes(got, exp.get("content_hex"), exp.get("content_sha256"), RT.opaque_field(tag))
        if err:
            e.append(err)
    if "embedded_request" in exp:
        emb = got.embedded
        want = exp["embedded_request"]
        if want == "invalid":
            if emb and emb[0].items:
                e.append("a request was decoded from the URL, but its base64 is invalid")
        elif isinstance(want, dict):
            if not emb:
                e.append("no rescap.embedded request decoded from the URL (want %s)" % want)
            else:
                v = emb[0]
                if v.response is not False:
                    e.append("embedded message rescap.response %s, want a request" % v.response)
                uris = [f.get("show") for i in v.items if i.tag == RT.BASE_URI
                        for f in i.own_fields("rescap.base_uri")]
                if "base_uri" in want and uris != [want["base_uri"]]:
                    e.append("embedded request BaseURI %s, want %r" % (uris, want["base_uri"]))
                if set(want) - {"base_uri"}:
                    e.append("embedded_request keys the test does not check: %s" % sorted(set(want) - {"base_uri"}))
        else:
            e.append("embedded_request %r not understood" % (want,))
    if "signature_hex" in exp:
        err = check_bytes(got, exp["signature_hex"], field="rescap.signature")
        if err:
            e.append(err)
    return e


@pytest.mark.parametrize("name,index", _cases("rescap"))
def test_rescap_message(located, name, index):
    man, cap, frames, loc = located(name)
    m = man["messages"][index]
    r, frame, why = loc[index]
    assert r is not None, "%s message #%d (%s, %s): %s" % (name, index, m["role"], m.get("note", ""), why)
    errors = []
    p = r.packet
    want_src, want_dst = (m["client"][1], m["server"][1])
    if m["role"] == "response":
        want_src, want_dst = want_dst, want_src
    if (p.transport, p.sport, p.dport) != (m["transport"], want_src, want_dst):
        errors.append("frame is %s %s->%s, want %s %s->%s" % (p.transport, p.sport, p.dport,
                                                              m["transport"], want_src, want_dst))
    if r.response != (m["role"] == "response"):
        errors.append("rescap.response %s, want %s" % (r.response, m["role"] == "response"))
    if m.get("form") is not None and r.form != FORM[m["form"]]:
        errors.append("rescap.form %s, want %d (%s)" % (r.form, FORM[m["form"]], m["form"]))
    items = m.get("items")
    if items is not None:
        got = r.items
        if [(i["tag"], i["depth"]) for i in items] != [(g.tag, g.depth) for g in got]:
            errors.append("item tree (tag, depth) in preorder:\n      got  %s\n      want %s" % (
                ["0x%04x/%d" % (g.tag if g.tag is not None else -1, g.depth) for g in got],
                ["0x%04x/%d" % (i["tag"], i["depth"]) for i in items]))
        for k, (exp, g) in enumerate(zip(items, got)):
            has_children = k + 1 < len(items) and items[k + 1]["depth"] > exp["depth"]
            for err in compare_item(exp, g, has_children):
                errors.append("item #%d (0x%04x): %s" % (k, exp["tag"], err))
    if collections.Counter(r.experts) != collections.Counter(m["experts"]):
        errors.append("experts %s, want %s" % (sorted(r.experts), sorted(m["experts"])))
    assert not errors, "%s, %s (%s%s):\n  - %s" % (
        name, r.where(), m["role"], (", " + m["note"]) if m.get("note") else "", "\n  - ".join(errors))


@pytest.mark.parametrize("name", NAMES)
def test_no_unexpected_rescap(located, name):
    """The rescap message elements of the capture are exactly the manifest's
    rescap messages, in order; captures with neither rescap nor non-rescap
    traffic on a rescap port show no rescap element at all."""
    man, cap, frames, loc = located(name)
    idx = RT.rescap_message_indexes(man)
    want = sorted(frames[i]["last"] for i in idx if frames[i] and frames[i]["last"] is not None)
    got = [r.packet.num for r in cap.messages()]
    assert got == want, "rescap message elements in frames %s, manifest messages complete in frames %s" % (got, want)
    if not any(m.get("proto") in ("rescap", "not_rescap") for m in man["messages"]):
        elems = ["frame %d: %s" % (r.packet.num, r.elem.get("showname")) for r in cap.rescap_elems()]
        assert not elems, "rescap elements where the manifest has no rescap traffic:\n" + "\n".join(elems[:20])


@pytest.mark.parametrize("name,index", _cases("not_rescap"))
def test_not_rescap(located, name, index):
    man, cap, frames, loc = located(name)
    m = man["messages"][index]
    fr = frames[index]
    assert fr and fr["first"], "cannot find the payload frame of %s" % m
    p = cap.by_num[fr["first"]]
    c, s = m["client"][1], m["server"][1]
    conv = [q for q in cap.packets if q.transport == m["transport"] and {q.sport, q.dport} == {c, s}
            and q.payload_len > 0]
    errors = []
    elems = [r for r in p.rescap if r.is_not_rescap]
    if not elems:
        errors.append("no rescap element marking the payload as not rescap (rescap elements: %s)"
                      % [r.elem.get("showname") for r in p.rescap])
    else:
        r = elems[0]
        ident = r.direct("rescap.identified")
        want = IDENTIFIED.get(m.get("identified"))
        if want is None:
            if ident is not None:
                errors.append("rescap.identified %r, want none" % ident.get("show"))
        elif ident is None or ident.get("show") != want:
            errors.append("rescap.identified %r, want %r" % (None if ident is None else ident.get("show"), want))
        if conv and conv[0].num == p.num:
            ex = m.get("expected_expert", "rescap.expert.not_rescap")
            if ex not in r.experts:
                errors.append("expert %s missing on the first payload frame of the conversation (experts: %s)"
                              % (ex, r.experts))
    if any(r.is_message for r in p.rescap):
        errors.append("payload dissected as a rescap message")
    layer = LAYER[m.get("identified")]
    if layer == "data":
        if p.field("data.data") is None and "data" not in p.protos:
            errors.append("no data layer after rescap (layers %s)" % p.protos)
    elif layer not in p.protos:
        errors.append("no %s layer (layers %s)" % (layer, p.protos))
    assert not errors, "%s frame %d (%s, %s):\n  - %s" % (name, p.num, m.get("identified"), m.get("note"),
                                                         "\n  - ".join(errors))
