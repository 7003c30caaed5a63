# SPDX-License-Identifier: GPL-2.0-or-later
"""Small stdlib pcap writer for inputs that cannot be recorded from real
sockets (170 nested tunnels, a payload crafted to make another dissector
throw, random payloads). Used by tests/dissection; the expectations of those
tests come from what is built here, never from the plugin's output.

    frames = [udp_frame(40001, 283, b"..."), tcp_frame(...)]
    write_pcap(path, frames)
"""
import os
import struct

LOCALHOST = b"\x7f\x00\x00\x01"


def ip_checksum(header):
    s = sum(struct.unpack("!%dH" % (len(header) // 2), header))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def ipv4(protocol, payload, src=LOCALHOST, dst=LOCALHOST, ident=0x1234):
    """An IPv4 packet (20-octet header, valid checksum) around `payload`."""
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0x4000, 64, protocol, 0, src, dst)
    return ip[:10] + struct.pack("!H", ip_checksum(ip)) + ip[12:] + payload


def ipv4_udp(src_port, dst_port, payload, src=LOCALHOST, dst=LOCALHOST):
    """IPv4 + UDP (checksum 0: none) around `payload`, without a link layer."""
    return ipv4(17, struct.pack("!HHHH", src_port, dst_port, 8 + len(payload), 0) + payload, src, dst)


def ethernet(packet):
    return b"\x00" * 12 + b"\x08\x00" + packet


def udp_frame(src_port, dst_port, payload, src=LOCALHOST, dst=LOCALHOST):
    return ethernet(ipv4_udp(src_port, dst_port, payload, src, dst))


def tcp_frame(src_port, dst_port, seq, payload, flags=0x18):
    tcp = struct.pack("!HHIIBBHHH", src_port, dst_port, seq, 1, 5 << 4, flags, 65535, 0, 0) + payload
    return ethernet(ipv4(6, tcp, ident=1))


def item(tag, content, more=False):
    """A rescap item: tag, length (high bit: continued in the next item), content."""
    return struct.pack("!HH", tag, len(content) | (0x8000 if more else 0)) + content


def write_pcap(path, frames):
    """Ethernet pcap, one frame per second from 2023-11-14, world-readable
    (tshark runs as nobody)."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))   # LINKTYPE_ETHERNET
        for k, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000 + k, 0, len(fr), len(fr)))
            f.write(fr)
    os.chmod(path, 0o644)
