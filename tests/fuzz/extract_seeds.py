#!/usr/bin/python3
"""Seed corpus for tests/fuzz/parser_fuzzer.cpp from the sample captures.

Reads the sample captures with the capture generator's pcap reader. Every UDP payload becomes one seed; every TCP direction of a
connection becomes one seed holding its payloads joined in sequence order
(what the dissector sees after reassembly). The fuzzer's first input octet
selects cleartext (even) or TLS (odd), so each seed is written twice, with a
leading 0x00 and 0x01.

    extract_seeds.py OUTDIR CAPTURE.pcap...
"""
import hashlib
import os
import sys
from pathlib import Path

# The capture generator's pcap reader (all sample captures are IPv4 on lo).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "tools" / "captures"))
from scenarios import read_pcap  # noqa: E402


def main():
    out, captures = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    seeds = []
    for path in captures:
        streams = {}
        for p in read_pcap(path):
            if p["proto"] is None or not p["payload"]:
                continue
            if p["proto"] == "udp":
                seeds.append(p["payload"])
            else:
                streams.setdefault((p["src"], p["dst"]), {}).setdefault(p["seq"], p["payload"])
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
