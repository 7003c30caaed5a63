#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Seed corpora for the libFuzzer targets of tests/fuzz/ (tests/fuzz/targets.txt
says which format each target reads).

    extract_seeds.py FORMAT OUTDIR INPUT...

FORMAT is one of:
  flagged       parser_fuzzer / framing_fuzzer: a leading option octet (0x00
                and 0x01 each) + one payload: every UDP payload, every TCP
                direction of a connection joined in sequence order (what the
                dissector sees after reassembly).
  raw           one payload as is: every UDP payload, every TCP segment's
                payload, every TCP direction joined in sequence order.
  conversation  one conversation per seed, as harness.hpp's conversation()
                reads it: per payload in capture order an octet (1: from the
                client, 0: from the server), a 2-octet big-endian length and
                the payload. The client is the side that sent the SYN (TCP) or
                the first datagram (UDP).
  nmap          INPUT is nmap-service-probes: each Probe line with up to 40
                of its following lines, then NUL, the probe's request, NUL
                and two capture groups (nmap_probes_fuzzer's layout).
INPUTs are pcap files except for nmap. Seeds are named by their SHA-1, so
writing the same one twice keeps one file; seeds over --max-len octets
(default 65536) are cut to it.
"""
import argparse
import hashlib
import os
import re
import sys
from pathlib import Path

# The capture generator's pcap reader (all sample captures are IPv4 on lo).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "tools" / "captures"))
from scenarios import read_pcap  # noqa: E402


def conversations(path):
    """{key: [(from_client, payload)]} in capture order, TCP retransmissions dropped."""
    convs, clients, seen = {}, {}, set()
    for p in read_pcap(path):
        if p["proto"] is None:
            continue
        key = (p["proto"],) + tuple(sorted((p["src"], p["dst"])))
        if p["proto"] == "tcp" and p["flags"] & 0x02 and not p["flags"] & 0x10:
            clients[key] = p["src"]          # SYN without ACK: the client
        clients.setdefault(key, p["src"])    # else the first sender
        if not p["payload"]:
            continue
        if p["proto"] == "tcp":
            mark = (key, p["src"], p["seq"])
            if mark in seen:
                continue
            seen.add(mark)
        convs.setdefault(key, []).append((p["src"] == clients[key], p["payload"]))
    return convs


def payload_seeds(path, segments):
    """UDP payloads, TCP directions joined in sequence order (and each segment when asked)."""
    seeds, streams = [], {}
    for p in read_pcap(path):
        if p["proto"] is None or not p["payload"]:
            continue
        if p["proto"] == "udp":
            seeds.append(p["payload"])
            continue
        if segments:
            seeds.append(p["payload"])
        streams.setdefault((p["src"], p["dst"]), {}).setdefault(p["seq"], p["payload"])
    for segs in streams.values():
        seeds.append(b"".join(segs[s] for s in sorted(segs)))
    return seeds


def conversation_seeds(path):
    seeds = []
    for payloads in conversations(path).values():
        seed = bytearray()
        for from_client, payload in payloads:
            for at in range(0, len(payload), 0xFFFF):
                chunk = payload[at:at + 0xFFFF]
                seed += bytes([1 if from_client else 0]) + len(chunk).to_bytes(2, "big") + chunk
        seeds.append(bytes(seed))
    return seeds


def unescape(text):
    """nmap's C-style escapes in a probe's q|...| string."""
    simple = {"0": b"\0", "a": b"\a", "b": b"\b", "f": b"\f", "n": b"\n", "r": b"\r", "t": b"\t", "v": b"\v"}
    out, i = bytearray(), 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            if n == "x" and re.fullmatch(r"[0-9a-fA-F]{2}", text[i + 2:i + 4]):
                out.append(int(text[i + 2:i + 4], 16))
                i += 4
                continue
            out += simple.get(n, n.encode("latin-1", "replace"))
            i += 2
            continue
        out += c.encode("latin-1", "replace")
        i += 1
    return bytes(out)


def nmap_seeds(path, lines_per_seed=40):
    seeds, probe, body = [], None, []

    def flush():
        if probe is None:
            return
        m = re.match(r"Probe \S+ \S+ q(.)(.*?)\1", probe)
        request = unescape(m.group(2)) if m else b""
        for at in range(0, max(len(body), 1), lines_per_seed):
            text = "\n".join([probe] + body[at:at + lines_per_seed]) + "\n"
            seeds.append(text.encode("latin-1", "replace") + b"\0" + request + b"\0OpenSSH\x002.4.1")

    with open(path, encoding="latin-1") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("Probe "):
                flush()
                probe, body = line, []
            elif probe is not None and line and not line.startswith("#"):
                body.append(line)
    flush()
    return seeds


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("format", choices=["flagged", "raw", "conversation", "nmap"])
    ap.add_argument("out")
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--max-len", type=int, default=65536)
    args = ap.parse_intermixed_args()
    os.makedirs(args.out, exist_ok=True)
    seeds = []
    for path in args.inputs:
        if args.format == "nmap":
            seeds += nmap_seeds(path)
        elif args.format == "conversation":
            seeds += conversation_seeds(path)
        elif args.format == "raw":
            seeds += payload_seeds(path, segments=True)
        else:
            seeds += [flag + s for s in payload_seeds(path, segments=False) for flag in (b"\x00", b"\x01")]
    written = set()
    for seed in seeds:
        seed = seed[:args.max_len]
        name = hashlib.sha1(seed).hexdigest()
        if not seed or name in written:
            continue
        written.add(name)
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(seed)
    print("seeds: %d files from %d inputs in %s" % (len(written), len(args.inputs), args.out))


if __name__ == "__main__":
    main()
