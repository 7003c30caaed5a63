#!/usr/bin/python3
"""Seed corpus for tests/fuzz/parser_fuzzer.cpp from the sample captures.

Reads classic pcap files (Ethernet, IPv4/IPv6, UDP/TCP) with the standard
library only. Every UDP payload becomes one seed; every TCP direction of a
connection becomes one seed holding its payloads joined in sequence order
(what the dissector sees after reassembly). The fuzzer's first input octet
selects cleartext (even) or TLS (odd), so each seed is written twice, with a
leading 0x00 and 0x01.

    extract_seeds.py OUTDIR CAPTURE.pcap...
"""
import hashlib
import os
import struct
import sys


def packets(path):
    with open(path, "rb") as f:
        data = f.read()
    magic = data[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        endian = "<"
    elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        endian = ">"
    else:
        raise SystemExit("%s: not a classic pcap file" % path)
    linktype = struct.unpack(endian + "I", data[20:24])[0]
    pos = 24
    while pos + 16 <= len(data):
        _, _, incl, _ = struct.unpack(endian + "IIII", data[pos:pos + 16])
        yield linktype, data[pos + 16:pos + 16 + incl]
        pos += 16 + incl


def transport(linktype, frame):
    """(proto, src, dst, sport, dport, seq, payload) or None."""
    if linktype != 1 or len(frame) < 14:
        return None
    ethertype = struct.unpack("!H", frame[12:14])[0]
    ip = frame[14:]
    if ethertype == 0x0800 and len(ip) >= 20:
        ihl = (ip[0] & 0x0F) * 4
        total = struct.unpack("!H", ip[2:4])[0]
        proto, src, dst = ip[9], ip[12:16], ip[16:20]
        body = ip[ihl:total]
    elif ethertype == 0x86DD and len(ip) >= 40:
        plen = struct.unpack("!H", ip[4:6])[0]
        proto, src, dst = ip[6], ip[8:24], ip[24:40]
        body = ip[40:40 + plen]
    else:
        return None
    if proto == 17 and len(body) >= 8:
        sport, dport = struct.unpack("!HH", body[:4])
        return "udp", src, dst, sport, dport, 0, body[8:]
    if proto == 6 and len(body) >= 20:
        sport, dport, seq = struct.unpack("!HHI", body[:8])
        off = (body[12] >> 4) * 4
        return "tcp", src, dst, sport, dport, seq, body[off:]
    return None


def main():
    out, captures = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    seeds = []
    for path in captures:
        streams = {}
        for linktype, frame in packets(path):
            t = transport(linktype, frame)
            if t is None or not t[6]:
                continue
            proto, src, dst, sport, dport, seq, payload = t
            if proto == "udp":
                seeds.append(payload)
            else:
                streams.setdefault((src, dst, sport, dport), {}).setdefault(seq, payload)
        for segs in streams.values():
            seeds.append(b"".join(segs[s] for s in sorted(segs)))
    written = set()
    for payload in seeds:
        for flag in (b"\x00", b"\x01"):
            seed = flag + payload
            name = hashlib.sha1(seed).hexdigest()
            if name in written:
                continue
            written.add(name)
            with open(os.path.join(out, name), "wb") as f:
                f.write(seed)
    print("seeds: %d files from %d captures in %s" % (len(written), len(captures), out))


if __name__ == "__main__":
    main()
