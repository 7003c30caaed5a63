#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Synthesizes pcap captures of rescap and decap traffic for the benchmarks.

Standard library only. Writes classic pcap (microsecond timestamps, Ethernet
link type) with Ethernet II / IPv4 / UDP or TCP headers whose lengths (IP
total length, UDP length) and IPv4 header checksums are correct; UDP
checksums are 0 (none, legal over IPv4), TCP checksums are computed.
Addresses come from 198.18.0.0/15 (RFC 2544 benchmarking); nothing is sent.

  synth.py bench OUT.pcap [--packets N] [--seed S]
      mixed traffic of at least N packets (default 200000):
      - UDP 283 exchanges, count form (request: BaseURI + ItemsToReturn;
        response: Status, TTLOfInfo{0xFF04}, 0xFF01), one in 20 nested form
        (1999), one in 10 with a fragmented 0xFF05 item;
      - TCP 283 exchanges: SYN/SYN-ACK/ACK, request, response of a few KB split
        over several segments (with a fragmented item), ACKs, FIN both ways;
      - UDP/TCP 403 (decap): whole inner IPv4/UDP packets and random payloads.
  synth.py grow OUT.pcap --size BYTES [--segment N] [--port P] [--shape S]
      one TCP connection whose server sends one rescap response of about
      BYTES octets in segments of N octets (default 1460) to port P (default
      283; another port exercises the TCP heuristic). Shapes: `items`
      (count form, items of 1,000 octets; longer past 64 MB), `fragments` (one item in continuation
      fragments of --piece octets, default 1,000), `tiny` (count form, up to 65,534 items of --piece
      octets, default 0),
      `deep` (count-form TTLOfInfo containers --depth levels deep, the
      innermost counting 1,000-octet items), `endless` (a FullResponse announcing 65,535 items followed by
      BYTES of items that never complete it).
  synth.py conversations OUT.pcap --count N
      N UDP rescap conversations (one request + one response), each from its
      own client address/port, for memory-growth measurements.
"""
import argparse
import collections
from pathlib import Path
import random
import struct
import sys

# --------------------------------------------------------------------------
# rescap encoding (doc/protocol.md)
# --------------------------------------------------------------------------
FULL_REQUEST, BASE_URI, ITEMS_TO_RETURN = 0x0001, 0x0002, 0x0003
FULL_RESPONSE, STATUS, TTL_OF_INFO = 0x000C, 0x000D, 0x0017


def item(tag, content=b"", more=False):
    assert len(content) <= 0x7FFF
    return struct.pack("!HH", tag, len(content) | (0x8000 if more else 0)) + content


def fragmented(tag, content, piece):
    """One logical item in fragments of `piece` octets."""
    chunks = [content[i:i + piece] for i in range(0, len(content), piece)] or [b""]
    return b"".join(item(tag, c, more=(i < len(chunks) - 1)) for i, c in enumerate(chunks))


def count_request(uri):
    tags = struct.pack("!4H", 0x000D, 0x0017, 0xFF01, 0xFF04)
    return item(FULL_REQUEST, struct.pack("!H", 2)) + item(BASE_URI, uri) + item(ITEMS_TO_RETURN, tags)


def nested_request(uri):
    return item(FULL_REQUEST, item(BASE_URI, uri) + item(ITEMS_TO_RETURN, b""))


VCARD = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alice Example\r\nEND:VCARD\r\n"


def count_response(extra=b"", extra_items=0):
    body = (item(STATUS, b"\x00\x00")
            + item(TTL_OF_INFO, struct.pack("!IH", 3600, 1)) + item(0xFF04, VCARD)
            + item(0xFF01, b"\x01") + extra)
    return item(FULL_RESPONSE, struct.pack("!H", 3 + extra_items)) + body


def nested_response():
    ttl = item(TTL_OF_INFO, struct.pack("!I", 600) + item(0xFF01, b"\x00") + item(0xFF03, b"\x00\x48"))
    return item(FULL_RESPONSE, item(STATUS, b"\x00\x00") + ttl)


def blob(rng, n):
    return bytes(rng.getrandbits(8) for _ in range(n)) if n < 64 else rng.randbytes(n)


# --------------------------------------------------------------------------
# Frames
# --------------------------------------------------------------------------
# The Internet checksum, shared with the capture generator.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools" / "captures"))
from scenarios import csum  # noqa: E402


def ipv4(src, dst, proto, payload, ident=0):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident & 0xFFFF, 0x4000, 64, proto, 0, src, dst)
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + payload


def udp(src, dst, sport, dport, payload, ident=0):
    seg = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    return ipv4(src, dst, 17, seg, ident)


def tcp(src, dst, sport, dport, seq, ack, flags, payload=b"", ident=0):
    hdr = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 5 << 4, flags, 65535, 0, 0)
    pseudo = struct.pack("!4s4sBBH", src, dst, 0, 6, len(hdr) + len(payload))
    c = csum(pseudo + hdr + payload)
    hdr = hdr[:16] + struct.pack("!H", c) + hdr[18:]
    return ipv4(src, dst, 6, hdr + payload, ident)


MAC_C, MAC_S = b"\x02\x00\x00\x00\x00\x01", b"\x02\x00\x00\x00\x00\x02"
SYN, ACK, PSH, FIN = 0x02, 0x10, 0x08, 0x01


class Writer:
    def __init__(self, path):
        self.f = open(path, "wb")
        self.f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        self.t = 1_000_000_000.0
        self.count = 0

    def frame(self, packet, to_server):
        eth = (MAC_S + MAC_C if to_server else MAC_C + MAC_S) + b"\x08\x00" + packet
        self.t += 0.000050
        sec = int(self.t)
        usec = int(round((self.t - sec) * 1e6)) % 1000000
        self.f.write(struct.pack("<IIII", sec, usec, len(eth), len(eth)) + eth)
        self.count += 1

    def close(self):
        self.f.close()


def addr(n):
    """Client address n in 198.18.0.0/15 (never .0 or .255 in the last octet)."""
    n = n % (2 * 65536 // 256 * 254)
    return bytes([198, 18 + (n // (256 * 254)) % 2, (n // 254) % 256, 1 + n % 254])


SERVER = bytes([198, 19, 255, 1])


def udp_exchange(w, rng, n, sport, nested=False, frag=False):
    client = addr(n)
    uri = b"mailto:user%d@example.com" % n
    if nested:
        req, resp = nested_request(uri), nested_response()
    else:
        extra, extra_items = b"", 0
        if frag:
            extra, extra_items = fragmented(0xFF05, blob(rng, 300), 100), 1
        req, resp = count_request(uri), count_response(extra, extra_items)
    w.frame(udp(client, SERVER, sport, 283, req, n), True)
    w.frame(udp(SERVER, client, 283, sport, resp, n), False)


def tcp_session(w, client, sport, port, cs, ss, request, response, segment=1460, ack=False, close=True):
    """One TCP connection: handshake, the client's request, the server's
    response in `segment`-octet segments, the client's ACK (`ack`), then
    FIN both ways (`close`)."""
    c2s = lambda seq, ack_, fl, data=b"": w.frame(tcp(client, SERVER, sport, port, seq, ack_, fl, data), True)
    s2c = lambda seq, ack_, fl, data=b"": w.frame(tcp(SERVER, client, port, sport, seq, ack_, fl, data), False)
    c2s(cs, 0, SYN); s2c(ss, cs + 1, SYN | ACK); c2s(cs + 1, ss + 1, ACK)
    c2s(cs + 1, ss + 1, PSH | ACK, request)
    cseq, sseq = cs + 1 + len(request), ss + 1
    for i in range(0, len(response), segment):
        s2c(sseq, cseq, PSH | ACK, response[i:i + segment])
        sseq += len(response[i:i + segment])
    if ack:
        c2s(cseq, sseq, ACK)
    if close:
        s2c(sseq, cseq, FIN | ACK); c2s(cseq, sseq + 1, FIN | ACK); s2c(sseq + 1, cseq + 1, ACK)


def tcp_exchange(w, rng, n, sport, segment=1000, size=3000, segments=None):
    """A TCP rescap exchange whose response carries a fragmented item of
    `size` random octets, in `segment`-octet segments or in `segments`
    segments of equal size."""
    cs, ss = rng.getrandbits(32), rng.getrandbits(32)
    req = count_request(b"mailto:tcp%d@example.com" % n)
    big = fragmented(0xFF05, blob(rng, size), 1200)
    resp = count_response(big, 1)
    if segments:
        segment = -(-len(resp) // segments)
    tcp_session(w, addr(n), sport, 283, cs, ss, req, resp, segment, ack=True)


def decap_packets(w, rng, n, sport):
    client = addr(n)
    inner = udp(bytes([192, 0, 2, 1]), bytes([192, 0, 2, 53]), 33000 + n % 1000, 53,
                b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03com\x00\x00\x01\x00\x01")
    # A proper inner UDP checksum is not needed for recognition; the IPv4 header checksum is right.
    w.frame(udp(client, SERVER, sport, 403, inner, n), True)
    w.frame(udp(SERVER, client, 403, sport, blob(rng, rng.randint(16, 200)), n), False)


def bench(path, packets, seed):
    rng = random.Random(seed)
    w = Writer(path)
    n = 0
    stats = {"udp": 0, "udp_nested": 0, "udp_frag": 0, "tcp": 0, "decap": 0}
    while w.count < packets:
        n += 1
        sport = 1024 + n % 64000
        r = n % 40
        if r < 30:
            nested, frag = n % 20 == 1, n % 10 == 3
            udp_exchange(w, rng, n, sport, nested=nested, frag=frag)
            stats["udp_nested" if nested else "udp_frag" if frag else "udp"] += 1
        elif r < 34:
            tcp_exchange(w, rng, n, sport)
            stats["tcp"] += 1
        else:
            decap_packets(w, rng, n, sport)
            stats["decap"] += 1
    w.close()
    print("%s: %d packets; exchanges: %s" % (path, w.count, stats))


def conversations(path, count, seed):
    rng = random.Random(seed)
    w = Writer(path)
    for n in range(count):
        # Distinct client port for every conversation (and addresses past 64000).
        udp_exchange(w, rng, n // 64000, 1024 + n % 64000)
    w.close()
    print("%s: %d packets, %d conversations" % (path, w.count, count))


def grow_response(size, shape, piece=1000, depth=31):
    """A count-form response of about `size` octets in the given shape."""
    status = item(STATUS, b"\x00\x00")
    if shape == "items":
        # 1,000-octet items; past 65,534 of them (64 MB), longer items.
        n = min(65534, max(1, size // 1004))
        length = max(1000, size // n - 4)
        return item(FULL_RESPONSE, struct.pack("!H", 1 + n)) + status + item(0xFF05, b"x" * length) * n
    if shape == "tiny":
        # Up to 65,534 items of --piece octets (default 0: empty).
        n = min(65534, max(1, size // (4 + piece)))
        return item(FULL_RESPONSE, struct.pack("!H", 1 + n)) + status + item(0xFF05, b"t" * piece) * n
    if shape == "fragments":
        return item(FULL_RESPONSE, struct.pack("!H", 2)) + status + fragmented(0xFF05, b"y" * size, piece)
    if shape == "deep":
        # TTLOfInfo containers `depth` levels deep (each counting the next),
        # the innermost counting 1,000-octet items up to the size.
        n = min(65535, max(1, size // 1004))
        chain = b"".join(item(TTL_OF_INFO, struct.pack("!IH", 60, 1)) for _ in range(depth - 1))
        inner = item(TTL_OF_INFO, struct.pack("!IH", 60, n)) + item(0xFF05, b"d" * 1000) * n
        return item(FULL_RESPONSE, struct.pack("!H", 2)) + status + chain + inner
    if shape == "endless":
        n = max(1, size // 4004)  # fewer than 65,535 items up to 256 MB: never complete
        return item(FULL_RESPONSE, struct.pack("!H", 65535)) + status + item(0xFF05, b"z" * 4000) * n
    raise ValueError(shape)


def grow(path, size, segment, port, shape, piece=1000, depth=31):
    w = Writer(path)
    client, sport = addr(1), 40000
    req = count_request(b"mailto:big@example.com")
    resp = grow_response(size, shape, piece, depth)
    tcp_session(w, client, sport, port, 1000, 5000, req, resp, segment)
    w.close()
    print("%s: %d packets, response %d octets (%s) in %d-octet segments to port %d" % (
        path, w.count, len(resp), shape, segment, port))


def dns_conversations(path, count):
    """The same shape with DNS on UDP 53: a reference for Wireshark's own
    request/response matching (packet-dns.c keeps a transaction per query)."""
    w = Writer(path)
    for n in range(count):
        client, sport = addr(n // 64000), 1024 + n % 64000
        name = b"".join(bytes([len(p)]) + p for p in (b"user%d" % n, b"example", b"com")) + b"\x00"
        question = name + b"\x00\x01\x00\x01"  # A, IN
        query = struct.pack("!6H", n & 0xFFFF, 0x0100, 1, 0, 0, 0) + question
        answer = b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x0e\x10\x00\x04\xc0\x00\x02\x01"  # 192.0.2.1, TTL 3600
        response = struct.pack("!6H", n & 0xFFFF, 0x8180, 1, 1, 0, 0) + question + answer
        w.frame(udp(client, SERVER, sport, 53, query, n), True)
        w.frame(udp(SERVER, client, 53, sport, response, n), False)
    w.close()
    print("%s: %d packets, %d DNS conversations" % (path, w.count, count))


# --------------------------------------------------------------------------
# Ghost-port identification and idle-cost captures (bench/conversations.sh,
# bench/idle-cost.sh, bench/dns-compare.sh)
# --------------------------------------------------------------------------
def conv_client(n):
    """Client address and port of conversation n: distinct for every n."""
    return addr(n // 64000), 1024 + n % 64000


HTTP_SERVERS = (b"nginx/1.22.1", b"Apache/2.4.57 (Debian)", b"lighttpd/1.4.69", b"Caddy")


def http_pair(rng, n):
    """A GET request and a 200 response with a Server header and a small body."""
    req = b"GET /item/%d HTTP/1.1\r\nHost: www%d.example.com\r\nUser-Agent: bench/1\r\nAccept: */*\r\n\r\n" % (
        n, n % 97)
    body = b"<html><body>%s</body></html>\n" % rng.randbytes(rng.randint(8, 120)).hex().encode()
    resp = (b"HTTP/1.1 200 OK\r\nServer: %s\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
            % (rng.choice(HTTP_SERVERS), len(body)) + body)
    return req, resp


def tcp_conversations(path, count, payload, seed, port=283):
    """`count` TCP conversations on `port`: handshake, one client payload,
    one server payload, FIN both ways. Payloads: `random` (client 16..512,
    server 16..1400 random octets) or `http` (http_pair)."""
    rng = random.Random(seed)
    w = Writer(path)
    for n in range(count):
        client, sport = conv_client(n)
        if payload == "http":
            req, resp = http_pair(rng, n)
        else:
            req, resp = rng.randbytes(rng.randint(16, 512)), rng.randbytes(rng.randint(16, 1400))
        tcp_session(w, client, sport, port, rng.getrandbits(32), rng.getrandbits(32), req, resp)
    w.close()
    print("%s: %d packets, %d TCP %s conversations on %d" % (path, w.count, count, payload, port))


def long_streams(path, count, size, seed, port=283):
    """`count` TCP conversations on `port`, each a 64-octet random client
    payload and `size` random octets from the server in 1460-octet segments:
    what identification may cost per conversation whatever its length."""
    rng = random.Random(seed)
    w = Writer(path)
    for n in range(count):
        client, sport = conv_client(n)
        tcp_session(w, client, sport, port, rng.getrandbits(32), rng.getrandbits(32), rng.randbytes(64),
                    rng.randbytes(size))
    w.close()
    print("%s: %d packets, %d TCP conversations of %d random octets on %d" % (path, w.count, count, size, port))


def udp_conversations(path, count, seed, port=403):
    """`count` UDP conversations on `port`, one datagram each way of 48..200
    random octets, each from its own client address/port."""
    rng = random.Random(seed)
    w = Writer(path)
    for n in range(count):
        client, sport = conv_client(n)
        w.frame(udp(client, SERVER, sport, port, rng.randbytes(rng.randint(48, 200)), n), True)
        w.frame(udp(SERVER, client, port, sport, rng.randbytes(rng.randint(48, 200)), n), False)
    w.close()
    print("%s: %d packets, %d UDP conversations on %d" % (path, w.count, count, port))


def endless_header(path, size, count, port=283):
    """"The header that never ends": `count` TCP conversations on `port`
    where the client sends `GET / HTTP/1.0` and the server `HTTP/1.0 200 OK`
    then `Server: ` lines up to `size` octets in 1460-octet segments, never
    ending its header block; the connections are never closed."""
    w = Writer(path)
    req = b"GET / HTTP/1.0\r\n\r\n"
    status, line = b"HTTP/1.0 200 OK\r\n", b"Server: \r\n"
    resp = status + line * max(0, (size - len(status)) // len(line))
    for n in range(count):
        client, sport = conv_client(n)
        tcp_session(w, client, sport, port, 1000 + n, 5000 + n, req, resp, close=False)
    w.close()
    print("%s: %d packets, %d conversations, server header of %d octets each" % (path, w.count, count, len(resp)))


def dns_name(n):
    return b"".join(bytes([len(p)]) + p for p in (b"user%d" % n, b"example", b"com")) + b"\x00"


def dns_udp_exchange(w, n, sport, cname=False):
    """A query for A and its answer (`cname`: a CNAME then the A record)."""
    client = addr(n)
    question = dns_name(n) + b"\x00\x01\x00\x01"
    a = b"\x00\x01\x00\x01\x00\x00\x0e\x10\x00\x04\xc0\x00\x02\x01"  # A 192.0.2.1, TTL 3600
    if cname:
        target = b"\x03www\xc0\x0c"
        answers = (b"\xc0\x0c\x00\x05\x00\x01\x00\x00\x0e\x10" + struct.pack("!H", len(target)) + target
                   + b"\xc0" + bytes([12 + len(question)]) + a)
        count = 2
    else:
        answers, count = b"\xc0\x0c" + a, 1
    query = struct.pack("!6H", n & 0xFFFF, 0x0100, 1, 0, 0, 0) + question
    response = struct.pack("!6H", n & 0xFFFF, 0x8180, 1, count, 0, 0) + question + answers
    w.frame(udp(client, SERVER, sport, 53, query, n), True)
    w.frame(udp(SERVER, client, 53, sport, response, n), False)


def dns_tcp_exchange(w, rng, n, sport, size=5000, segments=4):
    """A TXT query over TCP answered with `size` octets of text in
    `segments` segments (each message with its two-octet length)."""
    question = dns_name(n) + b"\x00\x10\x00\x01"  # TXT, IN
    text = __import__("base64").b64encode(rng.randbytes(size * 3 // 4 + 3))[:size]
    rdata = b"".join(bytes([len(c)]) + c for c in (text[i:i + 250] for i in range(0, len(text), 250)))
    answer = b"\xc0\x0c\x00\x10\x00\x01\x00\x00\x0e\x10" + struct.pack("!H", len(rdata)) + rdata
    query = struct.pack("!6H", n & 0xFFFF, 0x0100, 1, 0, 0, 0) + question
    response = struct.pack("!6H", n & 0xFFFF, 0x8580, 1, 1, 0, 0) + question + answer
    req, resp = struct.pack("!H", len(query)) + query, struct.pack("!H", len(response)) + response
    cs, ss = rng.getrandbits(32), rng.getrandbits(32)
    tcp_session(w, addr(n), sport, 53, cs, ss, req, resp, -(-len(resp) // segments), ack=True)


def http_exchange(w, rng, n, sport, port=80):
    req, resp = http_pair(rng, n)
    tcp_session(w, addr(n), sport, port, rng.getrandbits(32), rng.getrandbits(32), req, resp, ack=True)


def mix(path, packets, seed, service):
    """Issue 19's mix, in exchanges: 7/10 UDP request/response, 1/10 the
    nested form, 1/10 a TCP exchange with a 5 kB response over 4 segments,
    1/10 decap pairs on 403. `service` rescap: rescap on 283 (count form,
    nested form, FF05 item of 5,000 octets); dns: DNS on 53 in rescap's place
    (A answer; CNAME + A; 5 kB TXT answer over TCP), decap pairs unchanged;
    plain: the dns mix with an HTTP conversation on 80 instead of the decap
    pair (nothing on 283/403)."""
    rng = random.Random(seed)
    w = Writer(path)
    n = 0
    stats = collections.Counter()
    while w.count < packets:
        n += 1
        sport, r = 1024 + n % 64000, n % 10
        if r < 8:
            kind = "udp" if r < 7 else "nested"
            if service == "rescap":
                udp_exchange(w, rng, n, sport, nested=(r == 7))
            else:
                dns_udp_exchange(w, n, sport, cname=(r == 7))
        elif r == 8:
            kind = "tcp"
            if service == "rescap":
                tcp_exchange(w, rng, n, sport, size=5000, segments=4)
            else:
                dns_tcp_exchange(w, rng, n, sport)
        elif service == "plain":
            kind = "http"
            http_exchange(w, rng, n, sport)
        else:
            kind = "decap"
            decap_packets(w, rng, n, sport)
        stats[kind] += 1
    w.close()
    print("%s: %d packets; %s exchanges: %s" % (path, w.count, service, dict(stats)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["bench", "conversations", "dns-conversations", "grow", "tcp-conversations",
                                     "udp-conversations", "endless-header", "long-streams", "mix"])
    ap.add_argument("--size", type=int, default=1 << 20)
    ap.add_argument("--segment", type=int, default=1460)
    ap.add_argument("--port", type=int, default=None, help="grow: 283; tcp-conversations: 283; udp-conversations: 403")
    ap.add_argument("--depth", type=int, default=31, help="nesting depth of the deep shape")
    ap.add_argument("--piece", type=int, default=None,
                    help="fragment size (fragments shape, default 1000) or item size (tiny shape, default 0)")
    ap.add_argument("--shape", default="items", choices=["items", "tiny", "fragments", "deep", "endless"])
    ap.add_argument("--payload", default="random", choices=["random", "http"], help="tcp-conversations")
    ap.add_argument("--service", default="rescap", choices=["rescap", "dns", "plain"], help="mix")
    ap.add_argument("out")
    ap.add_argument("--packets", type=int, default=200000)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=283)
    a = ap.parse_args()
    if a.kind == "bench":
        bench(a.out, a.packets, a.seed)
    elif a.kind == "grow":
        piece = a.piece if a.piece is not None else (0 if a.shape == "tiny" else 1000)
        grow(a.out, a.size, a.segment, a.port or 283, a.shape, piece, a.depth)
    elif a.kind == "dns-conversations":
        dns_conversations(a.out, a.count)
    elif a.kind == "tcp-conversations":
        tcp_conversations(a.out, a.count, a.payload, a.seed, a.port or 283)
    elif a.kind == "udp-conversations":
        udp_conversations(a.out, a.count, a.seed, a.port or 403)
    elif a.kind == "long-streams":
        long_streams(a.out, a.count, a.size, a.seed, a.port or 283)
    elif a.kind == "endless-header":
        endless_header(a.out, a.size, a.count, a.port or 283)
    elif a.kind == "mix":
        mix(a.out, a.packets, a.seed, a.service)
    else:
        conversations(a.out, a.count, a.seed)


if __name__ == "__main__":
    main()
