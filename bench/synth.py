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


def tcp_exchange(w, rng, n, sport, segment=1000):
    client = addr(n)
    cs, ss = rng.getrandbits(32), rng.getrandbits(32)
    req = count_request(b"mailto:tcp%d@example.com" % n)
    big = fragmented(0xFF05, blob(rng, 3000), 1200)  # 3 fragments
    resp = count_response(big, 1)
    c2s = lambda seq, ack, fl, data=b"": w.frame(tcp(client, SERVER, sport, 283, seq, ack, fl, data), True)
    s2c = lambda seq, ack, fl, data=b"": w.frame(tcp(SERVER, client, 283, sport, seq, ack, fl, data), False)
    c2s(cs, 0, SYN); s2c(ss, cs + 1, SYN | ACK); c2s(cs + 1, ss + 1, ACK)
    c2s(cs + 1, ss + 1, PSH | ACK, req)
    cseq = cs + 1 + len(req)
    sseq = ss + 1
    for i in range(0, len(resp), segment):
        s2c(sseq, cseq, PSH | ACK, resp[i:i + segment])
        sseq += len(resp[i:i + segment])
    c2s(cseq, sseq, ACK)
    s2c(sseq, cseq, FIN | ACK); c2s(cseq, sseq + 1, FIN | ACK); s2c(sseq + 1, cseq + 1, ACK)


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
    cs, ss = 1000, 5000
    c2s = lambda seq, ack, fl, data=b"": w.frame(tcp(client, SERVER, sport, port, seq, ack, fl, data), True)
    s2c = lambda seq, ack, fl, data=b"": w.frame(tcp(SERVER, client, port, sport, seq, ack, fl, data), False)
    c2s(cs, 0, SYN); s2c(ss, cs + 1, SYN | ACK); c2s(cs + 1, ss + 1, ACK)
    c2s(cs + 1, ss + 1, PSH | ACK, req)
    cseq, sseq = cs + 1 + len(req), ss + 1
    for i in range(0, len(resp), segment):
        s2c(sseq, cseq, PSH | ACK, resp[i:i + segment])
        sseq += len(resp[i:i + segment])
    s2c(sseq, cseq, FIN | ACK); c2s(cseq, sseq + 1, FIN | ACK); s2c(sseq + 1, cseq + 1, ACK)
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["bench", "conversations", "dns-conversations", "grow"])
    ap.add_argument("--size", type=int, default=1 << 20)
    ap.add_argument("--segment", type=int, default=1460)
    ap.add_argument("--port", type=int, default=283)
    ap.add_argument("--depth", type=int, default=31, help="nesting depth of the deep shape")
    ap.add_argument("--piece", type=int, default=None,
                    help="fragment size (fragments shape, default 1000) or item size (tiny shape, default 0)")
    ap.add_argument("--shape", default="items", choices=["items", "tiny", "fragments", "deep", "endless"])
    ap.add_argument("out")
    ap.add_argument("--packets", type=int, default=200000)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=283)
    a = ap.parse_args()
    if a.kind == "bench":
        bench(a.out, a.packets, a.seed)
    elif a.kind == "grow":
        piece = a.piece if a.piece is not None else (0 if a.shape == "tiny" else 1000)
        grow(a.out, a.size, a.segment, a.port, a.shape, piece, a.depth)
    elif a.kind == "dns-conversations":
        dns_conversations(a.out, a.count)
    else:
        conversations(a.out, a.count, a.seed)


if __name__ == "__main__":
    main()
