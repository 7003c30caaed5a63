#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Capture scenarios for the rescap/decap dissector tests.

Every scenario is a list of *units* played in order over real loopback sockets
by two processes (``server`` and ``client``), captured by dumpcap (see
record.sh).  The manifest (<name>.json) is written by ``finish`` from the
scenario definition, i.e. from what was sent; the pcap is only read back (with
the small pcap reader below) to verify that every byte really is in the
capture, in the intended order, and to count decap conversations.

usage: scenarios.py list | filter NAME | server NAME DIR | client NAME DIR |
       finish NAME PCAP JSON | selfcheck
"""
import base64
import hashlib
import json
import os
import random
import socket
import ssl
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rescap_ref as R  # noqa: E402

LO = "127.0.0.1"
RESCAP_PORT = 283
DECAP_PORT = 403


# --------------------------------------------------------------------------
# units
# --------------------------------------------------------------------------
class UDP:
    def __init__(self, cport, sport, direction, payload, msg):
        self.cport, self.sport, self.direction = cport, sport, direction
        self.payload, self.msg = payload, msg


class Step:
    def __init__(self, direction, payload, msg, chunk=None, framing="exact"):
        self.direction, self.payload, self.msg = direction, payload, msg
        self.chunk, self.framing = chunk, framing


class TCP:
    def __init__(self, cport, sport, steps, mss=None):
        self.cport, self.sport, self.steps, self.mss = cport, sport, steps, mss


class TLS:
    """TLS session (real handshake, Python ssl); client sends app_req, server
    answers app_resp, server closes."""

    def __init__(self, cport, sport, app_req, app_resp, msg):
        self.cport, self.sport = cport, sport
        self.app_req, self.app_resp, self.msg = app_req, app_resp, msg


class Scenario:
    def __init__(self, name, summary, units, extra=None):
        self.name, self.summary, self.units = name, summary, units
        self.extra = extra or {}

    def ports(self):
        return sorted({u.sport for u in self.units})

    def capture_filter(self):
        return "host %s and (%s)" % (LO, " or ".join("port %d" % p for p in self.ports()))


# --------------------------------------------------------------------------
# message helpers
# --------------------------------------------------------------------------
def rmsg(role, top, experts=(), extras=(), raw=None, items="auto", note=None):
    """rescap message -> (payload bytes, manifest fragment)."""
    payload = raw if raw is not None else top.encode() + b"".join(e.encode() for e in extras)
    if items == "auto":
        items = top.describe()
        for e in extras:
            for d in e.describe():
                d["beyond_count"] = True
                items.append(d)
    m = {"proto": "rescap", "role": role,
         "form": top.form if top is not None else None,
         "items": items, "experts": sorted(experts)}
    if note:
        m["note"] = note
    return payload, m


def udp_exchange(cport, sport, req, resp):
    out = [UDP(cport, sport, "c2s", req[0], dict(req[1], role="request"))]
    if resp is not None:
        out.append(UDP(cport, sport, "s2c", resp[0], dict(resp[1], role="response")))
    return out


def tcp_exchange(cport, sport, req, resp, chunk=None, mss=None):
    return TCP(cport, sport, [Step("c2s", req[0], req[1], framing="rescap"),
                              Step("s2c", resp[0], resp[1], chunk=chunk)], mss=mss)


def req(children, experts=(), form="count", **kw):
    return rmsg("request", R.full_request(children, form=form), experts, **kw)


def resp(children, experts=(), form="count", **kw):
    return rmsg("response", R.full_response(children, form=form), experts, **kw)


def other(proto, identified, note, direction, **kw):
    d = {"proto": proto, "identified": identified, "note": note, "direction": direction,
         "expected_expert": "rescap.expert.not_rescap"}
    d.update(kw)
    return d


ALICE = "mailto:alice@example.com"
VCARD = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alice Example\r\nEND:VCARD\r\n"


def str_list(strings):
    return b"".join(struct.pack("!H", len(s)) + s for s in strings)


def mua_items():
    return [R.leaf(0xFF01, b"\x01"),
            R.leaf(0xFF02, str_list([b"application/pdf", b"text/html", b"image/png"])),
            R.leaf(0xFF03, struct.pack("!H", 78)),
            R.leaf(0xFF04, VCARD)]


def det_bytes(n, seed):
    """Deterministic content: SHA-256 in counter mode over seed."""
    out = bytearray()
    i = 0
    while len(out) < n:
        out += hashlib.sha256(seed + struct.pack("!I", i)).digest()
        i += 1
    return bytes(out[:n])


def kid(name):
    return R.key_id(name.encode() + b"\x00\x01")   # key || algorithm id


# --------------------------------------------------------------------------
# raw packet builders for decap payloads
# --------------------------------------------------------------------------
def csum(data):
    if len(data) % 2:
        data += b"\x00"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src, dst, proto, payload, ident=0x1234, ttl=64):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0x4000, ttl,
                      proto, 0, socket.inet_aton(src), socket.inet_aton(dst))
    c = csum(hdr)
    return hdr[:10] + struct.pack("!H", c) + hdr[12:] + payload, c


def udp4(src, dst, sp, dp, payload):
    ln = 8 + len(payload)
    pseudo = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!BBH", 0, 17, ln)
    h = struct.pack("!HHHH", sp, dp, ln, 0)
    c = csum(pseudo + h + payload) or 0xFFFF
    return struct.pack("!HHHH", sp, dp, ln, c) + payload


def ipv6_udp(src, dst, sp, dp, payload, hlim=64):
    s6, d6 = socket.inet_pton(socket.AF_INET6, src), socket.inet_pton(socket.AF_INET6, dst)
    ln = 8 + len(payload)
    pseudo = s6 + d6 + struct.pack("!I3xB", ln, 17)
    c = csum(pseudo + struct.pack("!HHHH", sp, dp, ln, 0) + payload) or 0xFFFF
    u = struct.pack("!HHHH", sp, dp, ln, c) + payload
    return struct.pack("!IHBB", 6 << 28, len(u), 17, hlim) + s6 + d6 + u


def dns_name(name):
    return b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\x00"


def dns_query(qid, name, qtype):
    return struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0) + dns_name(name) + struct.pack("!HH", qtype, 1)


def dns_answer(qid, name, qtype, rdata, ttl=300):
    q = dns_name(name) + struct.pack("!HH", qtype, 1)
    a = b"\xc0\x0c" + struct.pack("!HHIH", qtype, 1, ttl, len(rdata)) + rdata
    return struct.pack("!HHHHHH", qid, 0x8180, 1, 1, 0, 0) + q + a


def icmp_echo(typ, ident, seq, data):
    h = struct.pack("!BBHHH", typ, 0, 0, ident, seq) + data
    return h[:2] + struct.pack("!H", csum(h)) + h[4:]


def eth(dst, src, etype, payload):
    return bytes.fromhex(dst.replace(":", "")) + bytes.fromhex(src.replace(":", "")) + struct.pack("!H", etype) + payload


def http_req(host, path="/"):
    return ("GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: capture-gen/1.0\r\nAccept: */*\r\n"
            "Connection: close\r\n\r\n" % (path, host)).encode()


def http_resp(body):
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n"
            b"Connection: close\r\n\r\n" % len(body)) + body


def rand_payload(rng, n, avoid_rescap=True, first=None):
    while True:
        b = bytearray(rng.randbytes(n))
        if first is not None:
            b[0] = first(b[0])
        # never look like a rescap message start (FullRequest / FullResponse)
        if avoid_rescap and b[:2] in (b"\x00\x01", b"\x00\x0c"):
            continue
        return bytes(b)


# --------------------------------------------------------------------------
# scenarios
# --------------------------------------------------------------------------
def sc_udp_basic():
    rq = req([R.base_uri(ALICE), R.items_to_return([0x000D, 0x0017, 0xFF01, 0xFF04])])
    rs = resp([R.status(0x0000), R.ttl_of_info(3600, [R.leaf(0xFF04, VCARD)]),
               R.leaf(0xFF01, b"\x01")])
    return Scenario("udp_basic", "UDP count-form request (BaseURI, ItemsToReturn) and count-form "
                    "response (Status 0x0000, TTLOfInfo covering 0xFF04, 0xFF01)",
                    udp_exchange(20101, 283, rq, rs))


def sc_tcp_large():
    big = det_bytes(40000, b"rescap-tcp-large")
    rq = req([R.base_uri(ALICE), R.items_to_return([0xFF05, 0xFF06])])
    rs = resp([R.status(0x0000), R.leaf(0xFF05, big),
               R.leaf(0xFF06, b"fragmented-on-purpose: three pieces!", frags=[12, 12, 12])])
    return Scenario("tcp_large", "TCP, response of ~40 kB in many ~1000-octet segments: 0xFF05 "
                    "(40000 octets, 2 fragments 0x7FFF + 7233) and 0xFF06 (36 octets in 3 fragments)",
                    [tcp_exchange(20201, 283, rq, rs, chunk=1000, mss=1000)])


def sc_referral():
    rq = req([R.base_uri(ALICE)])
    r1 = resp([R.status(0x0205), R.referral("rescap-basic://auth.example.net")])
    r2 = resp([R.status(0x0103), R.referral("rescap-basic://auth2.example.net")])
    return Scenario("referral", "two UDP exchanges: Status 0x0205 + Referral, Status 0x0103 + Referral",
                    udp_exchange(20301, 283, rq, r1) + udp_exchange(20302, 283, rq, r2))


def sc_status_classes():
    units = []
    for i, (code, text) in enumerate([(0x0000, None), (0x0101, None), (0x0204, None),
                                      (0x0302, "some requested items withheld")]):
        rq = req([R.base_uri(ALICE), R.items_to_return([0xFF01])])
        body = [R.status(code, text)] + ([R.leaf(0xFF01, b"\x00")] if code in (0, 0x0302) else [])
        units += udp_exchange(20401 + i, 283, rq, resp(body))
    return Scenario("status_classes", "four UDP exchanges, one per status main class: 0x0000, "
                    "0x0101, 0x0204, 0x0302 (with text)", units)


def sc_ttl_expiration():
    rq = req([R.base_uri(ALICE), R.items_to_return([])])
    rs = resp([R.status(0x0000),
               R.ttl_of_info(3600, [R.leaf(0xFF01, b"\x01"),
                                    R.expiration_of_info("20001231235959",
                                                         [R.leaf(0xFF03, struct.pack("!H", 72))])]),
               R.date_of_change("20000815120000", [R.leaf(0xFF02, str_list([b"text/plain"]))]),
               R.leaf(0xFF04, VCARD)])
    return Scenario("ttl_expiration", "UDP, count-form response: Status, TTLOfInfo(3600; count 2: "
                    "0xFF01, ExpirationOfInfo(count 1: 0xFF03)), DateOfChange(count 1: 0xFF02), "
                    "then 0xFF04 at top level (FullResponse count 4)",
                    udp_exchange(20501, 283, rq, rs))


RESP_TAGS = [t for t, (n, ty) in sorted(R.REGISTRY.items()) if ty == R.RESP and t != R.FULL_RESPONSE]


def sc_items_to_return():
    r1 = req([R.base_uri(ALICE), R.items_to_return([])])
    r2 = req([R.base_uri(ALICE), R.items_to_return(RESP_TAGS)])
    rs = resp([R.status(0x0000)] + mua_items())
    return Scenario("items_to_return", "UDP: request with empty ItemsToReturn, request listing all "
                    "%d registry response-type tags (0x000D-0x0018, 0x001C)" % len(RESP_TAGS),
                    udp_exchange(20601, 283, r1, rs) + udp_exchange(20602, 283, r2, rs))


def sc_auth():
    r1 = req([R.base_uri(ALICE), R.leaf(R.AUTH_IP)])
    r2 = req([R.base_uri(ALICE), R.leaf(R.AUTH_IN_THE_CLEAR, b"alice:s3cr3t-passw0rd")],
             ["rescap.expert.cleartext_credential"])
    return Scenario("auth", "UDP: request with empty AuthIP (answer 0x0301), request with "
                    "AuthInTheClear on port 283 (cleartext_credential; answer 0x0300)",
                    udp_exchange(20701, 283, r1, resp([R.status(0x0301), R.leaf(0xFF01, b"\x01")]))
                    + udp_exchange(20702, 283, r2, resp([R.status(0x0300), R.leaf(0xFF01, b"\x01")])))


def sc_private_use():
    rq = req([R.base_uri(ALICE), R.items_to_return([0xFF01, 0xFF02, 0xFF03, 0xFF04]),
              R.leaf(0xFE01, b"MUA-profile=draft-hoffman-rescap-mua-03")])
    rs = resp([R.status(0x0000)] + mua_items())
    return Scenario("private_use", "UDP: request with private-use 0xFE01; response with MUA "
                    "attributes 0xFF01 PlainTextOnly, 0xFF02 DisplayableMedia, 0xFF03 LineLength, "
                    "0xFF04 GeneralInfo", udp_exchange(20801, 283, rq, rs))


def sc_nested_1999():
    rng = random.Random(1999)
    rq = req([R.base_uri(ALICE),
              R.nested(R.AUTH_INFO, [R.leaf(R.AUTH_DIGEST, hashlib.md5(b"alice:secret").digest())]),
              R.nested(R.SIGNING_PREFS, [R.leaf(R.NONCE, rng.randbytes(16)), kid("sig-key-1"), kid("sig-key-2")]),
              R.nested(R.ENCRYPTING_PREFS, [kid("enc-key-1")]),
              R.nested(R.SIGNED_REQUEST, [kid("client-key"), R.leaf(R.SIGNATURE_VALUE, rng.randbytes(40))])],
             form="nested")
    rs1 = resp([R.nested(R.DEFAULT_KEY_ID, [kid("server-key")]),
                R.nested(R.NONCE_REPLY, [R.leaf(R.NONCE, rng.randbytes(16))]),
                R.nested(R.SIGNED_RESPONSE, [
                    R.signature_control_info(kid("server-key"), rng.randbytes(40)),
                    R.status(0x0002),
                    R.ttl_of_info(600, [R.leaf(0xFF01, b"\x01"), R.leaf(0xFF03, struct.pack("!H", 76))],
                                  form="nested")])], form="nested")
    rs2 = resp([R.nested(R.ENCRYPTED_RESPONSE, [
                    R.nested(R.ENCRYPTION_CONTROL_INFO, [kid("enc-key-1"), R.leaf(R.KEY_ENCRYPTION_KEY, rng.randbytes(32))]),
                    R.leaf(R.ENCRYPTED_BLOB, rng.randbytes(96))]),
                R.status(0x0000)], form="nested")
    rq3 = req([R.base_uri("mailto:carol@example.com")], form="nested")
    rs3 = resp([R.status(0x0000),
                R.expiration_of_info("19991231235959", [R.leaf(0xFF01, b"\x00")], form="nested"),
                R.date_of_change("19990601083000", [R.leaf(0xFF04, VCARD),
                                                    R.leaf(0xFF03, struct.pack("!H", 80))], form="nested")],
               form="nested")
    return Scenario("nested_1999", "UDP, 1999 nested form: security request / DefaultKeyID + "
                    "NonceReply + SignedResponse{SignatureControlInfo, Status, TTLOfInfo}; "
                    "EncryptedResponse + Status; nested ExpirationOfInfo/DateOfChange",
                    udp_exchange(20901, 283, rq, rs1) + udp_exchange(20902, 283, rq, rs2)
                    + udp_exchange(20903, 283, rq3, rs3))


def sc_udp_then_tcp_retry():
    rq = req([R.base_uri(ALICE), R.items_to_return([])])
    r1 = resp([R.status(0x0201, "request truncated, retry over TCP")])
    r2 = resp([R.status(0x0000)] + mua_items() + [R.leaf(0xFF05, det_bytes(900, b"retry"))])
    return Scenario("udp_then_tcp_retry", "UDP request answered with Status 0x0201, the same "
                    "request repeated over TCP with the full answer",
                    udp_exchange(21001, 283, rq, r1) + [tcp_exchange(21002, 283, rq, r2)])


def sc_embedded_url():
    inner = R.request_for("mailto:bob@example.com").encode()
    url = "rescap://auth.example.net:283?" + base64.b64encode(inner).decode()
    rq = req([R.base_uri("mailto:bob@example.com")])
    r1 = resp([R.status(0x0205), R.referral(url, extra={"embedded_request": {"base_uri": "mailto:bob@example.com"}})])
    r2 = resp([R.status(0x0205), R.referral("rescap://h?!!!notbase64", extra={"embedded_request": "invalid"})],
              experts=["rescap.expert.bad_url"])
    return Scenario("embedded_url", "UDP: Referral rescap:// URL carrying a base64 count-form "
                    "request for mailto:bob@example.com; Referral with invalid base64",
                    udp_exchange(21101, 283, rq, r1) + udp_exchange(21102, 283, rq, r2))


def sc_rescap_other_port():
    rq = req([R.base_uri(ALICE), R.items_to_return([0xFF01])])
    rs = resp([R.status(0x0000), R.leaf(0xFF01, b"\x01")])
    return Scenario("rescap_other_port", "valid rescap on port 5283 (server found through DNS "
                    "SRV): one UDP and one TCP exchange",
                    udp_exchange(21201, 5283, rq, rs) + [tcp_exchange(21202, 5283, rq, rs)])



def sc_tcp_small_segments_other_port():
    # Issue 12 defect 9: in 13-octet segments, the request's 4th segment
    # starts with what looks like a nested-form request (0x0001 ...) inside a
    # private-use value; a stream heuristic must judge only a first payload.
    fake = R.header(1, 0x20) + R.header(2, 5) + b"mailt"
    rq = req([R.base_uri(ALICE), R.leaf(0xFE01, b"x" + fake + b"-private-use-request-value")])
    rs = resp([R.status(0x0000), R.leaf(0xFF01, b"\x01")])
    assert rq[0][39:41] == b"\x00\x01"
    return Scenario("tcp_small_segments_other_port", "TCP on port 5283 (heuristic), request and response "
                    "in 13-octet segments; the request's 4th segment starts with 0x0001 (a nested-form "
                    "request prefix inside a private-use value)",
                    [TCP(21301, 5283, [Step("c2s", rq[0], rq[1], chunk=13, framing="rescap"),
                                       Step("s2c", rs[0], rs[1], chunk=13)])])


def sc_tcp_beyond_count_split():
    # Issue 12 defect 10: two items after the FullResponse count, the segment
    # boundary 5 octets before the end, inside the last of them.
    rq = req([R.base_uri(ALICE)])
    rs = resp([R.status(0x0000), R.leaf(0xFF01, b"\x01")], ["rescap.expert.beyond_count"],
              extras=[R.leaf(0xFF02, b"\x00\x04text"), R.leaf(0xFF03, b"0123456789")])
    return Scenario("tcp_beyond_count_split", "TCP 283, count-form response with two items beyond its "
                    "count (0xFF02, 0xFF03); the response is sent in two segments split 5 octets before "
                    "its end, inside 0xFF03",
                    [tcp_exchange(21401, 283, rq, rs, chunk=len(rs[0]) - 5)])


def sc_tcp_long_message():
    # A 1 MB response in ~700-octet segments: assembled linearly; with a
    # lower maximum message size it is cut off (tests/dissection/test_tcp.py).
    big = det_bytes(1_000_000, b"rescap-tcp-long")
    rq = req([R.base_uri(ALICE), R.items_to_return([0xFF05])])
    rs = resp([R.status(0x0000), R.leaf(0xFF05, big)])
    return Scenario("tcp_long_message", "TCP 283, response of ~1 MB (0xFF05: 1,000,000 octets in 31 "
                    "fragments) sent in 700-octet segments",
                    [tcp_exchange(21501, 283, rq, rs, chunk=700, mss=700)])

# ---- malformed -------------------------------------------------------------
def sc_malformed_structure():
    B = R.base_uri(ALICE).encode()
    ITR = R.items_to_return([0xFF01]).encode()
    cases = []
    # 1 length runs past the data
    cases.append(("c2s", rmsg("request", R.full_request([], count=2), ["rescap.expert.truncated"],
                              raw=R.header(1, 2) + b"\x00\x02" + B + R.header(3, 20) + b"\xff\x01\xff\x02",
                              items=None, note="ItemsToReturn says 20 octets, 4 present")))
    # 2 fragment followed by another tag
    cases.append(("c2s", rmsg("request", R.full_request([], count=2), ["rescap.expert.fragment_mismatch"],
                              raw=R.header(1, 2) + b"\x00\x02" + R.header(2, 10, cont=True) + b"mailto:ali" + ITR,
                              items=None, note="BaseURI fragment with continuation marker, then ItemsToReturn")))
    # 3 continuation marker on the last item
    cases.append(("c2s", rmsg("request", R.full_request([], count=2), ["rescap.expert.fragment_unterminated"],
                              raw=R.header(1, 2) + b"\x00\x02" + B + R.header(3, 2, cont=True) + b"\xff\x01",
                              items=None, note="last item (ItemsToReturn) carries the continuation marker")))
    # 4 fewer items than the count
    cases.append(("c2s", rmsg("request", R.full_request([R.base_uri(ALICE), R.items_to_return([0xFF01])], count=3),
                              ["rescap.expert.count_short"], note="FullRequest count 3, 2 items follow")))
    # 5 items beyond the FullRequest count
    cases.append(("c2s", rmsg("request", R.full_request([R.base_uri(ALICE)]), ["rescap.expert.beyond_count"],
                              extras=[R.items_to_return([0xFF01])],
                              note="FullRequest count 1; an ItemsToReturn follows beyond it")))
    # 6 bad container length: TTLOfInfo with 7 octets
    ttl7 = R.leaf(R.TTL_OF_INFO, struct.pack("!I", 3600) + b"\x00\x01\x00", extra={"content_hex": "00000e10000100"})
    cases.append(("s2c", resp([R.status(0x0000), ttl7], ["rescap.expert.bad_container_length"],
                              note="TTLOfInfo of 7 octets (neither 6 nor >= 8)")))
    # 7 Status of one octet
    cases.append(("s2c", resp([R.leaf(R.STATUS, b"\x00")], ["rescap.expert.content_short"],
                              note="Status of 1 octet")))
    # 8 ItemsToReturn of odd length
    cases.append(("c2s", req([R.base_uri(ALICE), R.leaf(R.ITEMS_TO_RETURN, b"\xff\x01\xff")],
                             ["rescap.expert.items_to_return_odd"], note="ItemsToReturn of 3 octets")))
    units = [UDP(21301 + i, 283, d, m[0], m[1]) for i, (d, m) in enumerate(cases)]
    return Scenario("malformed_structure", "UDP, one broken message per datagram (requests from the "
                    "client, responses from port 283), structural faults", units)


def sc_malformed_rules():
    S = R.status(0x0000)
    cases = [
        ("s2c", resp([S, R.expiration_of_info("20001345250000", [R.leaf(0xFF04, VCARD)])],
                     ["rescap.expert.bad_timestamp"], note="ExpirationOfInfo 20001345250000")),
        ("s2c", resp([R.nested(R.DEFAULT_KEY_ID, [R.leaf(R.KEY_ID, b"\x01\x02\x03\x04\x05")]), S],
                     ["rescap.expert.key_id_length"], form="nested", note="KeyID of 5 octets")),
        ("s2c", resp([R.nested(R.NONCE_REPLY, [R.leaf(R.NONCE, b"\xde\xad\xbe\xef")]), S],
                     ["rescap.expert.nonce_short"], form="nested", note="Nonce of 4 octets")),
        ("s2c", resp([R.status(0x0250)], ["rescap.expert.status_unknown"], note="status 0x0250")),
        ("s2c", resp([R.leaf(R.STATUS, b"\x00\x00" + b"caf\xe9 \xc3\x28")], ["rescap.expert.text_not_utf8"],
                     note="Status text not UTF-8")),
        ("c2s", req([R.items_to_return([0xFF01])], ["rescap.expert.base_uri_missing"], note="no BaseURI")),
        ("c2s", req([R.base_uri(ALICE), R.base_uri("mailto:bob@example.com")],
                    ["rescap.expert.base_uri_multiple"], note="two BaseURIs")),
        ("c2s", req([R.base_uri(ALICE), R.items_to_return([0xFF01]), R.items_to_return([0xFF02])],
                    ["rescap.expert.duplicate_item"], note="ItemsToReturn twice")),
        ("c2s", req([R.base_uri(ALICE), R.status(0x0000)], ["rescap.expert.wrong_item_type"],
                    note="request holding a Status item")),
        ("c2s", req([R.base_uri(ALICE), R.full_request([R.base_uri(ALICE)], form="nested")],
                    ["rescap.expert.wrong_item_type"], form="nested",
                    note="nested FullRequest inside a FullRequest")),
        ("s2c", resp([R.leaf(0xFF01, b"\x01")], ["rescap.expert.status_missing"], note="response without Status")),
        ("s2c", resp([R.status(0x0205), R.referral("rescap-basic://auth.example.net"), R.leaf(0xFF04, VCARD)],
                     ["rescap.expert.referral_not_alone"], note="Referral plus 0xFF04")),
        ("s2c", resp([R.nested(R.ENCRYPTED_RESPONSE, [
                        R.nested(R.ENCRYPTION_CONTROL_INFO, [kid("k"), R.leaf(R.KEY_ENCRYPTION_KEY, det_bytes(16, b"kek"))]),
                        R.leaf(R.ENCRYPTED_BLOB, det_bytes(32, b"blob"))]), S, R.leaf(0xFF01, b"\x01")],
                     ["rescap.expert.encrypted_not_alone"], form="nested", note="EncryptedResponse plus 0xFF01")),
        ("s2c", resp([R.nested(R.SIGNED_RESPONSE, [R.signature_control_info(kid("s"), det_bytes(20, b"sig")),
                                                   R.nested(R.DEFAULT_KEY_ID, [kid("s")]), S])],
                     ["rescap.expert.default_key_id"], form="nested", note="DefaultKeyID inside SignedResponse")),
        ("c2s", req([R.base_uri(ALICE), R.leaf(R.AUTH_IP, b"\x7f\x00\x00\x01")], ["rescap.expert.auth_ip_content"],
                    note="AuthIP with 4 octets of content")),
        ("c2s", req([R.base_uri(ALICE), R.leaf(0x0040, b"\x01\x02\x03")], ["rescap.expert.unknown_tag"],
                    note="unknown tag 0x0040")),
    ]
    units = [UDP(21401 + i, 283, d, m[0], m[1]) for i, (d, m) in enumerate(cases)]
    return Scenario("malformed_rules", "UDP, one message per datagram breaking one rule each "
                    "(requests from the client, responses from port 283)", units)


# ---- not rescap / decap -------------------------------------------------------
SSH_S = b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"
SSH_C = b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"


def sc_not_rescap_283():
    rng = random.Random(283)
    units = [TLS(22001, 283, http_req("rescap.example.net"), http_resp(b"hello over TLS\n"),
                 other("not_rescap", "tls", "TLS 1.3 handshake + HTTP inside, TCP 283", "both")),
             TCP(22002, 283, [Step("c2s", http_req("rescap.example.net", "/index.html"),
                                   other("not_rescap", "http", "HTTP/1.1 GET", "c2s")),
                              Step("s2c", http_resp(b"<html><body>not rescap</body></html>\n"),
                                   other("not_rescap", "http", "HTTP/1.1 200 response", "s2c"))]),
             TCP(22003, 283, [Step("s2c", SSH_S, other("not_rescap", "ssh", "SSH server banner", "s2c")),
                              Step("c2s", SSH_C, other("not_rescap", "ssh", "SSH client banner", "c2s"))])]
    for i in range(4):
        p = rand_payload(rng, rng.randrange(12, 120))
        units.append(UDP(22010 + i, 283, "c2s", p, other("not_rescap", None, "random UDP payload (seeded)", "c2s")))
    return Scenario("not_rescap_283", "non-rescap traffic on port 283: TLS, HTTP, SSH banners over "
                    "TCP, 4 random UDP payloads", units)


def decap(inner, detail, identified=None, note=None, direction="c2s"):
    d = {"proto": "decap", "inner": inner, "inner_detail": detail, "identified": identified,
         "direction": direction}
    if note:
        d["note"] = note
    return d


def sc_decap_udp_ipv4():
    q = dns_query(0x1a2b, "example.com", 1)
    a = dns_answer(0x1a2b, "example.com", 1, socket.inet_aton("192.0.2.80"))
    p1, c1 = ipv4("192.0.2.1", "192.0.2.53", 17, udp4("192.0.2.1", "192.0.2.53", 33333, 53, q), ident=0x0101)
    p2, c2 = ipv4("192.0.2.53", "192.0.2.1", 17, udp4("192.0.2.53", "192.0.2.1", 53, 33333, a), ident=0x0202)
    return Scenario("decap_udp_ipv4", "UDP 403 carrying a complete IPv4/UDP DNS query for "
                    "example.com and the IPv4 reply the other way",
                    [UDP(23001, 403, "c2s", p1, decap("ipv4", {
                        "ip_src": "192.0.2.1", "ip_dst": "192.0.2.53", "ip_proto": 17, "ip_checksum": c1,
                        "ip_total_length": len(p1), "udp_src": 33333, "udp_dst": 53, "dns_id": 0x1a2b,
                        "dns_query": "example.com", "dns_qtype": "A"})),
                     UDP(23001, 403, "s2c", p2, decap("ipv4", {
                        "ip_src": "192.0.2.53", "ip_dst": "192.0.2.1", "ip_proto": 17, "ip_checksum": c2,
                        "ip_total_length": len(p2), "udp_src": 53, "udp_dst": 33333, "dns_id": 0x1a2b,
                        "dns_response": True, "dns_query": "example.com", "dns_answer": "192.0.2.80"},
                        direction="s2c"))])


def sc_decap_udp_ipv6():
    q = dns_query(0x3c4d, "example.com", 28)
    a = dns_answer(0x3c4d, "example.com", 28, socket.inet_pton(socket.AF_INET6, "2001:db8::80"))
    p1 = ipv6_udp("2001:db8::1", "2001:db8::53", 44444, 53, q)
    p2 = ipv6_udp("2001:db8::53", "2001:db8::1", 53, 44444, a)
    return Scenario("decap_udp_ipv6", "UDP 403 carrying an IPv6/UDP DNS query (AAAA example.com) "
                    "and the IPv6 reply",
                    [UDP(23101, 403, "c2s", p1, decap("ipv6", {
                        "ip_src": "2001:db8::1", "ip_dst": "2001:db8::53", "next_header": 17,
                        "payload_length": len(p1) - 40, "udp_src": 44444, "udp_dst": 53, "dns_id": 0x3c4d,
                        "dns_query": "example.com", "dns_qtype": "AAAA"})),
                     UDP(23101, 403, "s2c", p2, decap("ipv6", {
                        "ip_src": "2001:db8::53", "ip_dst": "2001:db8::1", "next_header": 17,
                        "payload_length": len(p2) - 40, "udp_src": 53, "udp_dst": 44444, "dns_id": 0x3c4d,
                        "dns_response": True, "dns_query": "example.com", "dns_answer": "2001:db8::80"},
                        direction="s2c"))])


def sc_decap_tcp_eth():
    data = b"abcdefghijklmnopqrstuvwabcdefghi"
    i1, c1 = ipv4("198.51.100.1", "198.51.100.2", 1, icmp_echo(8, 0x4242, 1, data), ident=0x0303)
    i2, c2 = ipv4("198.51.100.2", "198.51.100.1", 1, icmp_echo(0, 0x4242, 1, data), ident=0x0404)
    m1, m2 = "02:00:00:00:00:01", "02:00:00:00:00:02"
    f1, f2 = eth(m2, m1, 0x0800, i1), eth(m1, m2, 0x0800, i2)
    return Scenario("decap_tcp_eth", "TCP 403: Ethernet II frame with IPv4/ICMP echo request, "
                    "and an Ethernet frame with the echo reply back",
                    [TCP(23201, 403, [
                        Step("c2s", f1, decap("eth", {"eth_src": m1, "eth_dst": m2, "ethertype": 0x0800,
                                                      "ip_src": "198.51.100.1", "ip_dst": "198.51.100.2",
                                                      "ip_proto": 1, "ip_checksum": c1, "icmp_type": 8,
                                                      "icmp_id": 0x4242, "icmp_seq": 1})),
                        Step("s2c", f2, decap("eth", {"eth_src": m2, "eth_dst": m1, "ethertype": 0x0800,
                                                      "ip_src": "198.51.100.2", "ip_dst": "198.51.100.1",
                                                      "ip_proto": 1, "ip_checksum": c2, "icmp_type": 0,
                                                      "icmp_id": 0x4242, "icmp_seq": 1}, direction="s2c"))])])


def sc_decap_random():
    rng = random.Random(403)

    def not46(b):
        return b if b >> 4 not in (4, 6) else b ^ 0x80

    units = []
    for i in range(3):
        p = rand_payload(rng, rng.randrange(16, 200), first=not46)
        units.append(UDP(23301 + i, 403, "c2s", p, decap(None, {"random": True}, note="random bytes (seeded)")))
    # first nibble 4: version/IHL plausible, total length random
    p = rand_payload(rng, 60, first=lambda b: 0x45)
    while struct.unpack_from("!H", p, 2)[0] == len(p) or csum(p[:20]) == 0:
        p = rand_payload(rng, 60, first=lambda b: 0x45)
    units.append(UDP(23310, 403, "c2s", p, decap(None, {"random": True, "first_nibble": 4,
                                                       "total_length_matches": False, "checksum_valid": False},
                                                 note="0x45 + random: IPv4 total length and checksum wrong")))
    # first nibble 4 with matching total length, only the header checksum is wrong
    b = bytearray(rand_payload(rng, 72, first=lambda b: 0x45))
    struct.pack_into("!H", b, 2, len(b))
    if csum(bytes(b[:20])) == 0:
        b[10] ^= 0xFF
    units.append(UDP(23311, 403, "c2s", bytes(b), decap(None, {"random": True, "first_nibble": 4,
                                                              "total_length_matches": True, "checksum_valid": False},
                                                        note="0x45 + random, total length right, header checksum wrong")))
    # first nibble 6, payload length wrong
    p = bytearray(rand_payload(rng, 80, first=lambda b: 0x60 | (b & 0x0F)))
    if struct.unpack_from("!H", p, 4)[0] == len(p) - 40:
        p[4] ^= 0x10
    units.append(UDP(23312, 403, "c2s", bytes(p), decap(None, {"random": True, "first_nibble": 6,
                                                              "payload_length_matches": False},
                                                        note="nibble 6 + random: IPv6 payload length wrong")))
    c2s = rand_payload(rng, 300, first=not46)
    s2c = rand_payload(rng, 500, first=not46)
    t6 = bytearray(rand_payload(rng, 64, first=lambda b: 0x60))
    units.append(TCP(23320, 403, [Step("c2s", c2s, decap(None, {"random": True}, note="random bytes (seeded)")),
                                  Step("s2c", s2c, decap(None, {"random": True}, direction="s2c",
                                                                note="random bytes (seeded)"))]))
    if struct.unpack_from("!H", t6, 4)[0] == len(t6) - 40:
        t6[4] ^= 0x10
    units.append(TCP(23321, 403, [Step("c2s", bytes(t6), decap(None, {"random": True, "first_nibble": 6,
                                                                     "payload_length_matches": False},
                                                               note="0x60 + random over TCP: IPv6 payload length wrong"))]))
    return Scenario("decap_random", "random (seeded) payloads on UDP and TCP 403, including "
                    "payloads starting with nibble 4 or 6 that only strict IP validation rejects", units)


def sc_decap_tls_http():
    return Scenario("decap_tls_http", "TLS session and a plain HTTP/1.1 exchange on TCP 403", [
        TLS(23401, 403, http_req("decap.example.net"), http_resp(b"tls on 403\n"),
            decap(None, None, identified="tls", note="TLS 1.3 handshake + HTTP inside", direction="both")),
        TCP(23402, 403, [Step("c2s", http_req("decap.example.net", "/status"),
                              decap(None, None, identified="http", note="HTTP/1.1 GET")),
                         Step("s2c", http_resp(b"decap says hi\n"),
                              decap(None, None, identified="http", note="HTTP/1.1 200", direction="s2c"))])])


def sc_mixed_non_rescap():
    rng = random.Random(5353)
    q = dns_query(0x0000, "printer.local", 1)
    a = dns_answer(0x0000, "printer.local", 1, socket.inet_aton("192.168.1.20"))
    units = [TCP(24001, 8080, [Step("c2s", http_req("localhost:8080", "/api/v1/items"), None),
                               Step("s2c", http_resp(b'{"items": [1, 2, 3]}\n'), None)]),
             UDP(24002, 5353, "c2s", q, None), UDP(24002, 5353, "s2c", a, None),
             TLS(24003, 8443, http_req("localhost:8443"), http_resp(b"secure\n"), None)]
    for i, port in enumerate([7001, 9999, 31337, 12345]):
        units.append(UDP(24010 + i, port, "c2s", rand_payload(rng, rng.randrange(8, 300)), None))
        units.append(UDP(24010 + i, port, "s2c", rand_payload(rng, rng.randrange(8, 300)), None))
    for i, port in enumerate([6000, 4444]):
        units.append(TCP(24020 + i, port, [Step("c2s", rand_payload(rng, rng.randrange(20, 400)), None),
                                           Step("s2c", rand_payload(rng, rng.randrange(20, 400)), None)]))
    return Scenario("mixed_non_rescap", "ordinary non-rescap traffic on other ports (HTTP 8080, "
                    "DNS-format UDP 5353, TLS 8443, random UDP 7001/9999/31337/12345, random TCP "
                    "6000/4444): no rescap/decap heuristic may fire", units,
                    extra={"traffic": ["tcp/8080 HTTP GET + 200", "udp/5353 DNS query + answer printer.local",
                                       "tcp/8443 TLS 1.3 + HTTP inside", "udp/7001 9999 31337 12345 random both ways",
                                       "tcp/6000 4444 random both ways"]})


SCENARIOS = [sc_udp_basic, sc_tcp_large, sc_referral, sc_status_classes, sc_ttl_expiration,
             sc_items_to_return, sc_auth, sc_private_use, sc_nested_1999, sc_udp_then_tcp_retry,
             sc_malformed_structure, sc_malformed_rules, sc_not_rescap_283, sc_decap_udp_ipv4,
             sc_decap_udp_ipv6, sc_decap_tcp_eth, sc_decap_random, sc_decap_tls_http,
             sc_rescap_other_port, sc_mixed_non_rescap, sc_embedded_url,
             sc_tcp_small_segments_other_port, sc_tcp_beyond_count_split, sc_tcp_long_message]


def get(name):
    for f in SCENARIOS:
        if f.__name__ == "sc_" + name:
            return f()
    raise SystemExit("unknown scenario %s" % name)


# --------------------------------------------------------------------------
# players
# --------------------------------------------------------------------------
def wait_file(path, timeout=15):
    t0 = time.time()
    while not os.path.exists(path):
        if time.time() - t0 > timeout:
            raise SystemExit("timeout waiting for %s" % path)
        time.sleep(0.02)


def recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        c = sock.recv(n - len(buf))
        if not c:
            raise RuntimeError("EOF after %d of %d octets" % (len(buf), n))
        buf += c
    return buf


def send_step(sock, step):
    if step.chunk:
        for i in range(0, len(step.payload), step.chunk):
            sock.sendall(step.payload[i:i + step.chunk])
            time.sleep(0.002)
    else:
        sock.sendall(step.payload)


def tls_dir():
    d = os.environ.get("RESCAP_TLS_DIR")
    if not d:
        raise SystemExit("RESCAP_TLS_DIR not set (record.sh generates a certificate)")
    return d


def recv_http(sock):
    buf = b""
    while b"\r\n\r\n" not in buf:
        c = sock.recv(4096)
        if not c:
            break
        buf += c
    return buf


def run_server(sc, d):
    udp, tcp = {}, {}
    for u in sc.units:
        if isinstance(u, UDP) and u.sport not in udp:
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind((LO, u.sport))
            s.settimeout(15)
            udp[u.sport] = s
        elif not isinstance(u, UDP) and u.sport not in tcp:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            mss = max([x.mss or 0 for x in sc.units if isinstance(x, TCP) and x.sport == u.sport] or [0])
            if mss:
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, mss)
            s.bind((LO, u.sport))
            s.listen(4)
            s.settimeout(15)
            tcp[u.sport] = s
    open(os.path.join(d, "server.ready"), "w").close()
    wait_file(os.path.join(d, "client.ready"))
    for u in sc.units:
        if isinstance(u, UDP):
            s = udp[u.sport]
            if u.direction == "c2s":
                data, peer = s.recvfrom(65535)
                assert data == u.payload and peer == (LO, u.cport), (peer, data[:20])
            else:
                s.sendto(u.payload, (LO, u.cport))
            continue
        c, peer = tcp[u.sport].accept()
        assert peer == (LO, u.cport), peer
        c.settimeout(15)
        if isinstance(u, TLS):
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(os.path.join(tls_dir(), "cert.pem"), os.path.join(tls_dir(), "key.pem"))
            t = ctx.wrap_socket(c, server_side=True)
            got = recv_http(t)
            assert got == u.app_req, got
            t.sendall(u.app_resp)
            try:
                t.unwrap().close()  # close_notify, wait for the client's, FIN
            except (ssl.SSLError, OSError):
                t.close()
            continue
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for st in u.steps:
            if st.direction == "c2s":
                if st.framing == "rescap":
                    got = R.recv_message_tcp(c)
                else:
                    got = recv_exact(c, len(st.payload))
                assert got == st.payload, got[:40]
            else:
                send_step(c, st)
        c.close()
    for s in list(udp.values()) + list(tcp.values()):
        s.close()


def run_client(sc, d):
    wait_file(os.path.join(d, "server.ready"))
    udp = {}
    for u in sc.units:
        if isinstance(u, UDP) and u.cport not in udp:
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind((LO, u.cport))
            s.settimeout(15)
            udp[u.cport] = s
    open(os.path.join(d, "client.ready"), "w").close()
    for u in sc.units:
        if isinstance(u, UDP):
            s = udp[u.cport]
            if u.direction == "c2s":
                s.sendto(u.payload, (LO, u.sport))
            else:
                data, peer = s.recvfrom(65535)
                assert data == u.payload and peer == (LO, u.sport), (peer, data[:20])
            time.sleep(0.01)
            continue
        c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        c.bind((LO, u.cport))
        c.settimeout(15)
        c.connect((LO, u.sport))
        if isinstance(u, TLS):
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            t = ctx.wrap_socket(c, server_hostname="localhost")
            t.sendall(u.app_req)
            buf = b""
            while True:
                try:
                    x = t.recv(65536)
                except (ssl.SSLError, OSError):
                    break
                if not x:
                    break
                buf += x
            assert buf == u.app_resp, buf
            try:
                raw = t.unwrap()    # answer the server's close_notify
                R.recv_until_eof(raw)   # let the server close first
                raw.close()
            except (ssl.SSLError, OSError):
                t.close()
            time.sleep(0.05)
            continue
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for st in u.steps:
            if st.direction == "c2s":
                send_step(c, st)
            else:
                got = recv_exact(c, len(st.payload))
                assert got == st.payload
        assert R.recv_until_eof(c) == b""
        c.close()
        time.sleep(0.05)
    for s in udp.values():
        s.close()


# --------------------------------------------------------------------------
# pcap reading (ground truth for verification and decap conversations)
# --------------------------------------------------------------------------
def read_pcap(path):
    with open(path, "rb") as f:
        data = f.read()
    magic = data[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        e = "<"
    elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        e = ">"
    else:
        raise SystemExit("%s: not a pcap file" % path)
    linktype = struct.unpack_from(e + "I", data, 20)[0]
    pos, pkts = 24, []
    while pos + 16 <= len(data):
        ts, tus, incl, orig = struct.unpack_from(e + "IIII", data, pos)
        frame = data[pos + 16:pos + 16 + incl]
        pos += 16 + incl
        if linktype == 1:
            etype, off = struct.unpack_from("!H", frame, 12)[0], 14
        elif linktype == 113:
            etype, off = struct.unpack_from("!H", frame, 14)[0], 16
        else:
            raise SystemExit("linktype %d not supported" % linktype)
        p = {"n": len(pkts) + 1, "proto": None}
        pkts.append(p)
        if etype != 0x0800:
            continue
        ip = frame[off:]
        ihl = (ip[0] & 15) * 4
        tot = struct.unpack_from("!H", ip, 2)[0]
        proto = ip[9]
        src, dst = socket.inet_ntoa(ip[12:16]), socket.inet_ntoa(ip[16:20])
        l4 = ip[ihl:tot]
        if proto == 17:
            sp, dp = struct.unpack_from("!HH", l4)
            p.update(proto="udp", src=(src, sp), dst=(dst, dp), payload=l4[8:])
        elif proto == 6:
            sp, dp, seq, ack, offf, flags = struct.unpack_from("!HHIIBB", l4)
            p.update(proto="tcp", src=(src, sp), dst=(dst, dp), seq=seq, flags=flags,
                     payload=l4[(offf >> 4) * 4:])
    return pkts


def tcp_streams(pkts, cport, sport):
    """Reassemble one connection: returns {dir: (bytes, [(offset, pkt n)])}."""
    out = {}
    for dirn, a, b in (("c2s", cport, sport), ("s2c", sport, cport)):
        isn, buf, marks = None, bytearray(), []
        for p in pkts:
            if p["proto"] != "tcp" or p["src"][1] != a or p["dst"][1] != b:
                continue
            if p["flags"] & 0x02:
                isn = p["seq"] + 1
                continue
            if not p["payload"] or isn is None:
                continue
            off = (p["seq"] - isn) & 0xFFFFFFFF
            if off == len(buf):
                marks.append((off, p["n"]))
                buf += p["payload"]
            elif off < len(buf):      # retransmission
                new = p["payload"][len(buf) - off:]
                if new:
                    marks.append((len(buf), p["n"]))
                    buf += new
        out[dirn] = (bytes(buf), marks)
    return out


def finish(name, pcap, out_json):
    sc = get(name)
    pkts = read_pcap(pcap)
    udp_pk = [p for p in pkts if p["proto"] == "udp"]
    errors, msgs, first_pkts, info = [], [], [], {}
    ui = 0
    for u in sc.units:
        base = {"client": [LO, u.cport], "server": [LO, u.sport]}
        if isinstance(u, UDP):
            want_src = (LO, u.cport) if u.direction == "c2s" else (LO, u.sport)
            want_dst = (LO, u.sport) if u.direction == "c2s" else (LO, u.cport)
            if ui >= len(udp_pk):
                errors.append("UDP datagram missing for port %d" % u.cport)
                continue
            p = udp_pk[ui]
            ui += 1
            if p["src"] != want_src or p["dst"] != want_dst or p["payload"] != u.payload:
                errors.append("UDP datagram #%d (frame %d) differs from what was sent" % (ui, p["n"]))
            first_pkts.append(p["n"])
            if u.msg is not None:
                msgs.append(dict({"proto": None, "transport": "udp"}, **base, **u.msg))
            continue
        st = tcp_streams(pkts, u.cport, u.sport)
        syn = [p for p in pkts if p["proto"] == "tcp" and p["src"][1] == u.cport and p["dst"][1] == u.sport
               and p["flags"] & 0x02]
        fins = [p for p in pkts if p["proto"] == "tcp" and p["flags"] & 0x01
                and {p["src"][1], p["dst"][1]} == {u.cport, u.sport}]
        if not syn or len(fins) < 2:
            errors.append("TCP %d->%d: handshake or FINs missing" % (u.cport, u.sport))
        if isinstance(u, TLS):
            c2s, s2c = st["c2s"][0], st["s2c"][0]
            if not (c2s[:1] == b"\x16" and s2c[:1] == b"\x16"):
                errors.append("TLS %d: no handshake records seen" % u.cport)
            if st["c2s"][1]:
                first_pkts.append(st["c2s"][1][0][1])
            if u.msg is not None:
                msgs.append(dict({"proto": None, "transport": "tcp"}, **base, **u.msg))
            continue
        pos = {"c2s": 0, "s2c": 0}
        for s in u.steps:
            data, marks = st[s.direction]
            seg = data[pos[s.direction]:pos[s.direction] + len(s.payload)]
            if seg != s.payload:
                errors.append("TCP %d->%d %s: stream differs" % (u.cport, u.sport, s.direction))
            fp = [n for off, n in marks if off <= pos[s.direction]]
            nseg = len([1 for off, n in marks
                        if pos[s.direction] <= off < pos[s.direction] + len(s.payload)])
            first_pkts.append(fp[-1] if fp else 0)
            pos[s.direction] += len(s.payload)
            if s.chunk:
                info["segments_%d_%s" % (u.cport, s.direction)] = nseg
                # Each chunk was sent on its own (TCP_NODELAY, a pause between sends).
                want = -(-len(s.payload) // s.chunk)
                if nseg < want:
                    errors.append("TCP %d %s: only %d segments, %d chunks sent" % (u.cport, s.direction, nseg, want))
            if s.msg is not None:
                msgs.append(dict({"proto": None, "transport": "tcp"}, **base, **s.msg))
        for dn in ("c2s", "s2c"):
            if len(st[dn][0]) != pos[dn]:
                errors.append("TCP %d %s: extra stream data" % (u.cport, dn))
    # units must not overlap in the capture (sequential exchanges)
    spans = []
    for u in sc.units:
        if isinstance(u, UDP):
            continue
        fr = [p["n"] for p in pkts if p["proto"] == "tcp"
              and {p["src"][1], p["dst"][1]} == {u.cport, u.sport}]
        if fr:
            spans.append((min(fr), max(fr), u.cport))
    for p in udp_pk:
        spans.append((p["n"], p["n"], p["src"][1]))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            errors.append("exchange from port %d overlaps the one from port %d" % (b[2], a[2]))
    if ui != len(udp_pk):
        errors.append("unexpected extra UDP datagrams in capture")
    if first_pkts != sorted(first_pkts):
        errors.append("message order in the pcap differs from the send order: %r" % first_pkts)
    # expert cross-check with the independent checker
    for u in sc.units:
        for x in ([u] if isinstance(u, UDP) else getattr(u, "steps", [])):
            if x.msg is not None and x.msg.get("proto") == "rescap":
                _, ex = R.check_message(x.payload, u.sport)
                if sorted(ex) != sorted(x.msg["experts"]):
                    errors.append("expert mismatch (%s): declared %r, checker %r"
                                  % (x.msg.get("note"), x.msg["experts"], sorted(ex)))
    # decap conversations
    convs = []
    for u in sc.units:
        if u.sport != DECAP_PORT:
            continue
        tr = "udp" if isinstance(u, UDP) else "tcp"
        key = (tr, u.cport, u.sport)
        if any((c["transport"], c["client"][1], c["server"][1]) == key for c in convs):
            continue
        c = {"transport": tr, "client": [LO, u.cport], "server": [LO, u.sport]}
        for dn, a, b in (("c2s", u.cport, u.sport), ("s2c", u.sport, u.cport)):
            ps = [p for p in pkts if p["proto"] == tr and p["src"] == (LO, a) and p["dst"] == (LO, b)]
            c[dn + "_packets"] = len(ps)
            c[dn + "_octets"] = sum(len(p["payload"]) for p in ps)
            c[dn + "_payload_packets"] = len([p for p in ps if p["payload"]])
        convs.append(c)
    doc = {"pcap": os.path.basename(pcap), "summary": sc.summary, "messages": msgs,
           "conversations": convs}
    if name == "mixed_non_rescap":
        doc["messages"] = []
    doc.update(sc.extra)
    doc["frames"] = len(pkts)
    if info:
        doc["capture_info"] = info
    with open(out_json, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("%s: %d frames, %d messages%s" % (name, len(pkts), len(doc["messages"]),
                                            (", " + str(info)) if info else ""))
    if errors:
        for e in errors:
            print("  ERROR:", e, file=sys.stderr)
        sys.exit(1)


def selfcheck():
    bad = 0
    for f in SCENARIOS:
        sc = f()
        for u in sc.units:
            for x in ([u] if isinstance(u, UDP) else getattr(u, "steps", [])):
                if x.msg is not None and x.msg.get("proto") == "rescap":
                    top, ex = R.check_message(x.payload, u.sport)
                    if sorted(ex) != sorted(x.msg["experts"]):
                        bad += 1
                        print("%s: %s declared %r checker %r" % (sc.name, x.msg.get("note"),
                                                                 x.msg["experts"], sorted(ex)))
                    if x.framing == "rescap" if isinstance(x, Step) else False:
                        assert R.message_length(x.payload) == len(x.payload)
        print("%-22s %-40s %d units" % (sc.name, sc.capture_filter(), len(sc.units)))
    return bad


def main(a):
    if a[0] == "list":
        print(" ".join(f.__name__[3:] for f in SCENARIOS))
    elif a[0] == "filter":
        print(get(a[1]).capture_filter())
    elif a[0] == "server":
        run_server(get(a[1]), a[2])
    elif a[0] == "client":
        run_client(get(a[1]), a[2])
    elif a[0] == "finish":
        finish(a[1], a[2], a[3])
    elif a[0] == "selfcheck":
        sys.exit(1 if selfcheck() else 0)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
