# SPDX-License-Identifier: GPL-2.0-or-later
"""Hand-built captures: tunnels to UDP 403 (payloads built with scapy, sent
as real datagrams on loopback) and near-misses that must stay unnamed
(seeded random bytes, a signature-less length-prefixed binary protocol,
payloads that start 00 01 and are random afterwards)."""
import random
import socket
import struct

from ghostlib import ScenarioError, scenario
from services import LO

CLIENT_PORT = 40700  # fixed client port for every synthetic exchange


# ---------------------------------------------------------------- exchange helpers

def udp_exchange(ctx, port, pairs, client_port=CLIENT_PORT):
    """pairs: list of (request bytes, reply bytes or None), sent in order."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((LO, port))
    cli = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    cli.bind((LO, client_port))
    srv.settimeout(5)
    cli.settimeout(5)
    try:
        for req, rep in pairs:
            cli.sendto(req, (LO, port))
            got, addr = srv.recvfrom(65536)
            if got != req:
                raise ScenarioError('udp: datagram changed in flight')
            if rep is not None:
                srv.sendto(rep, addr)
                if cli.recvfrom(65536)[0] != rep:
                    raise ScenarioError('udp: reply changed in flight')
    finally:
        srv.close()
        cli.close()


def tcp_exchange(ctx, port, pairs, client_port=CLIENT_PORT):
    """One TCP connection; pairs: (client bytes, server bytes or None)."""
    ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind((LO, port))
    ls.listen(1)
    cli = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    cli.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    cli.bind((LO, client_port))
    cli.settimeout(5)
    ls.settimeout(5)
    try:
        cli.connect((LO, port))
        conn, _ = ls.accept()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn.settimeout(5)

        def recv_exact(s, n):
            b = b''
            while len(b) < n:
                d = s.recv(n - len(b))
                if not d:
                    raise ScenarioError('tcp: closed early')
                b += d
            return b
        for req, rep in pairs:
            cli.sendall(req)
            if recv_exact(conn, len(req)) != req:
                raise ScenarioError('tcp: bytes changed')
            if rep is not None:
                conn.sendall(rep)
                if recv_exact(cli, len(rep)) != rep:
                    raise ScenarioError('tcp: bytes changed')
        conn.close()  # the server closes first
        cli.recv(1)
        cli.close()
    finally:
        ls.close()


# ---------------------------------------------------------------- tunnels (UDP 403)

INNER_SRC, INNER_DST = '198.51.100.1', '198.51.100.2'   # TEST-NET-2: bytes inside the payload only
MAC_A, MAC_B = '02:00:00:00:00:01', '02:00:00:00:00:02'


def inner_icmp(reply=False, tag=b'ghost tunnel ping'):
    from scapy.all import ICMP, IP
    if reply:
        return IP(src=INNER_DST, dst=INNER_SRC, id=0x4243, ttl=64) / ICMP(type=0, id=0x4242, seq=1) / tag
    return IP(src=INNER_SRC, dst=INNER_DST, id=0x4242, ttl=64) / ICMP(type=8, id=0x4242, seq=1) / tag


def inner_eth(reply=False):
    from scapy.all import Ether
    if reply:
        return Ether(src=MAC_B, dst=MAC_A) / inner_icmp(True)
    return Ether(src=MAC_A, dst=MAC_B) / inner_icmp(False)


def _tunnel(name, service, proto, stock_port, build, hdr_desc, decode=True, notes=''):
    def run(ctx):
        req, rep = bytes(build(False)), bytes(build(True))
        udp_exchange(ctx, 403, [(req, rep)])
    meta = dict(name=name, service=service, transport='udp', port=403, package=None,
                client='python3-scapy builds the payload; sent with a UDP socket from 127.0.0.1:%d' % CLIENT_PORT,
                sent='Two datagrams: client->403 carries %s + IPv4 ICMP echo request %s->%s (id 0x4242, seq 1, '
                     '"ghost tunnel ping"); 403->client carries the same encapsulation with the echo reply'
                     % (hdr_desc, INNER_SRC, INNER_DST),
                protocol=proto, pname=service.upper() if len(service) <= 6 else service, product=None,
                version=None, exposures=[], inner_check='icmp',
                extra={'inner': 'icmp', 'stock_wireshark_port': stock_port, 'encapsulation': hdr_desc},
                notes=notes)
    if not decode:
        meta['decode'] = []
        meta['no_verify'] = True
        meta['payload_check'] = _check_fixed8
    scenario(**meta)(run)


def _vxlan(reply):
    from scapy.layers.vxlan import VXLAN
    return VXLAN(flags=0x08, vni=4242) / inner_eth(reply)


def _geneve(reply):
    from scapy.contrib.geneve import GENEVE
    return GENEVE(vni=4242, proto=0x6558) / inner_eth(reply)


def _gre(reply):
    from scapy.layers.l2 import GRE
    return GRE(proto=0x0800) / inner_icmp(reply)


def _mpls(reply):
    from scapy.contrib.mpls import MPLS
    return MPLS(label=100, cos=0, s=1, ttl=64) / inner_icmp(reply)


def _gtpu(reply):
    from scapy.contrib.gtp import GTP_U_Header
    return GTP_U_Header(teid=0x4242, gtp_type=255) / inner_icmp(reply)


FIXED8 = bytes.fromhex('a55a0001c0de4242')


def _check_fixed8(payload):
    """The recorder's own check of the inner packet (no tshark Decode As can skip 8 octets)."""
    if payload[:8] != FIXED8:
        raise ScenarioError('fixed header missing')
    ip = payload[8:]
    ihl = (ip[0] & 15) * 4
    if ip[0] >> 4 != 4 or struct.unpack('>H', ip[2:4])[0] != len(ip) or ip[9] != 1:
        raise ScenarioError('inner packet is not a whole IPv4/ICMP packet')
    s = sum(struct.unpack('>%dH' % (ihl // 2), ip[:ihl]))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    if s != 0xFFFF:
        raise ScenarioError('inner IPv4 header checksum wrong')


def _raw8(reply):
    return FIXED8 + bytes(inner_icmp(reply))


_tunnel('tunnel_vxlan_udp_403', 'vxlan', 'vxlan', 4789,
        _vxlan, 'VXLAN header (flags 0x08, VNI 4242) + Ethernet II 02:00:00:00:00:01->02',
        notes='RFC 7348 VXLAN. Stock Wireshark: UDP 4789.')
_tunnel('tunnel_geneve_udp_403', 'geneve', 'geneve', 6081,
        _geneve, 'GENEVE header (version 0, no options, protocol 0x6558 Transparent Ethernet Bridging, VNI 4242) '
        '+ Ethernet II',
        notes='RFC 8926 GENEVE. Stock Wireshark: UDP 6081.')
_tunnel('tunnel_gre_udp_403', 'gre', 'gre', 4754,
        _gre, 'GRE header (4 octets, no flags, protocol type 0x0800)',
        notes='RFC 8086 GRE-in-UDP. Stock Wireshark: UDP 4754.')
_tunnel('tunnel_mpls_udp_403', 'mpls', 'mpls', 6635,
        _mpls, 'one MPLS label stack entry (label 100, TC 0, bottom of stack, TTL 64)',
        notes='RFC 7510 MPLS-in-UDP. Stock Wireshark: UDP 6635; after the bottom label it guesses IPv4 from the '
              'first nibble.')
_tunnel('tunnel_gtpu_udp_403', 'gtp', 'gtp', 2152,
        _gtpu, 'GTPv1-U header (flags 0x30, message type 255 G-PDU, TEID 0x00004242)',
        notes='3GPP TS 29.281 GTP-U. Stock Wireshark: UDP 2152 (the protocol filter name is "gtp").')
_tunnel('tunnel_fixed8_ipv4_udp_403', 'fixed8-ip', 'ip', None,
        _raw8, 'an unknown fixed 8-octet header a5 5a 00 01 c0 de 42 42', decode=False,
        notes='No standard protocol: 8 constant octets, then a whole IPv4 packet at offset 8 (valid header '
              'checksum). Stock Wireshark has no Decode As that skips 8 octets, so this is not verified with '
              'tshark; the recorder checks the inner IPv4 header itself.')

# the names an analyst should see
for _n, _pn in (('tunnel_vxlan_udp_403', 'VXLAN'), ('tunnel_geneve_udp_403', 'GENEVE'),
                ('tunnel_gre_udp_403', 'GRE-in-UDP'), ('tunnel_mpls_udp_403', 'MPLS-in-UDP'),
                ('tunnel_gtpu_udp_403', 'GTP-U'), ('tunnel_fixed8_ipv4_udp_403', 'IPv4 behind an 8-octet header')):
    from ghostlib import SCENARIOS as _S
    _S[_n]['pname'] = _pn


# ---------------------------------------------------------------- near-misses

def _rand(rng, n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def _neutral(rng, n):
    """Random bytes whose first octet is 0xA1..0xDF: not ASCII, not 00 (rescap), not 4x/6x (IPv4/IPv6),
    not 0x16 (TLS), not 0x80 (SSLv2)."""
    b = bytearray(_rand(rng, n))
    b[0] = 0xA1 + b[0] % 0x3F
    return bytes(b)


def _nearmiss(name, transport, port, seed, sizes, desc, maker=None, check=None, notes=''):
    def run(ctx):
        rng = random.Random(seed)
        mk = maker or _neutral
        pairs = []
        for cs, ss in sizes:
            req = mk(rng, cs)
            rep = mk(rng, ss) if ss else None
            if check:
                check(req)
                if rep:
                    check(rep)
            pairs.append((req, rep))
        ctx._log('pairs: %r' % [(p[0][:16].hex(), p[1][:16].hex() if p[1] else None) for p in pairs])
        (udp_exchange if transport == 'udp' else tcp_exchange)(ctx, port, pairs)
    scenario(name=name, service='unknown', transport=transport, port=port, package=None,
             client='python3 socket client from 127.0.0.1:%d; python3 socket server on 127.0.0.1:%d' % (CLIENT_PORT, port),
             sent=desc, protocol=None, pname=None, product=None, version=None, exposures=[], unnamed=True,
             extra={'seed': seed, 'sizes': [list(s) for s in sizes]},
             notes=notes or 'Near-miss: nothing may name this payload (no protocol, no product, no exposure).')(run)


_nearmiss('nearmiss_random_tcp_283', 'tcp', 283, 283001, [(200, 120), (50, 333), (17, None)],
          'One TCP connection, seeded random bytes (random.Random(283001)); client chunks 200/50/17 octets, server '
          'chunks 120/333; the first octet of each chunk is forced into 0xA1..0xDF')
_nearmiss('nearmiss_random_udp_283', 'udp', 283, 283002, [(64, 48), (300, 12), (9, None), (150, 150)],
          'Seeded random UDP datagrams (random.Random(283002)) both ways; first octet forced into 0xA1..0xDF')
_nearmiss('nearmiss_random_tcp_403', 'tcp', 403, 403001, [(180, 90), (41, 500)],
          'One TCP connection, seeded random bytes (random.Random(403001)), first octet forced into 0xA1..0xDF')
_nearmiss('nearmiss_random_udp_403', 'udp', 403, 403002, [(60, 44), (256, 32), (1000, None)],
          'Seeded random UDP datagrams (random.Random(403002)) both ways; first octet forced into 0xA1..0xDF')


def _lenprefix(rng, n):
    """A signature-less binary protocol: 4-octet big-endian length of the rest, 2-octet message type
    (0x7000..0x7FFF), 2-octet sequence, random body."""
    body = _rand(rng, n)
    mtype = 0x7000 + rng.getrandbits(12)
    seq = rng.getrandbits(16)
    rest = struct.pack('>HH', mtype, seq) + body
    return struct.pack('>I', len(rest)) + rest


_nearmiss('nearmiss_lenprefix_tcp_403', 'tcp', 403, 403003, [(40, 120), (8, 16), (200, 64)],
          'A binary request/response protocol with no signature: each message = 4-octet big-endian length, '
          '2-octet type 0x7xxx, 2-octet sequence, random body (random.Random(403003)); 3 exchanges on one '
          'connection. Payloads start 00 00 00 ..', maker=_lenprefix,
          notes='Near-miss: length-prefixed binary messages start 00 00 (like many framings, rescap-over-TCP '
                'included) but carry no signature; nothing may name them.')


def _starts_0001(rng, n):
    while True:
        b = b'\x00\x01' + _rand(rng, n - 2)
        # not a TFTP RRQ (no NUL in the first 64 octets), not STUN (no magic cookie), not a memcached
        # UDP frame header (reserved octets 6-7 not 00 00), not a DNS-like id+flags pattern check needed
        if b'\x00' in b[2:64] or b[4:8] == b'\x21\x12\xa4\x42' or b[6:8] == b'\x00\x00':
            continue
        return b


def _check_0001(b):
    if not b.startswith(b'\x00\x01'):
        raise ScenarioError('not 00 01')


_nearmiss('nearmiss_0001_udp_283', 'udp', 283, 283003, [(40, 24), (120, 80), (20, None), (300, 36)],
          'UDP datagrams that all start 00 01 and are random afterwards (random.Random(283003)): no NUL in '
          'the first 64 octets (so no TFTP RRQ shape), no STUN magic cookie at octet 4, octets 6-7 not 00 00 '
          '(no memcached UDP frame header)', maker=_starts_0001, check=_check_0001,
          notes='Near-miss for the 00 01 prefix that TFTP RRQ, STUN Binding Request and memcached UDP share with '
                'rescap on UDP 283; nothing may name it.')
_nearmiss('nearmiss_0001_tcp_283', 'tcp', 283, 283004, [(40, 24), (120, 80)],
          'One TCP connection whose chunks all start 00 01 and are random afterwards (random.Random(283004)), '
          'same constraints as nearmiss_0001_udp_283', maker=_starts_0001, check=_check_0001,
          notes='Near-miss: 00 01 prefix over TCP; nothing may name it.')
