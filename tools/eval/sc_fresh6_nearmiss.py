# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh6 set's near-misses (split "fresh6"): four more made-up protocols
that look like a real one at first sight and must stay UNNAMED; designed
from the real protocols' specifications, with one thing in each that no
real implementation sends; other look-alikes than those of sc_nearmiss.py
and sc_fresh*_nearmiss.py (memcached's binary protocol, Modbus/TCP, RTP and
IKEv2 were none of theirs), through the same near_miss() recorder."""
import random
import struct

from evallib import FRESH6_SPLIT
from sc_nearmiss import near_miss

R = random.Random(20261207)


def rnd(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def mcbin(magic, opcode, key=b'', value=b'', extras=b'', status=0, opaque=0, cas=0):
    """A memcached binary-protocol shape (24-octet header: magic, opcode, key
    length, extras length, data type 0, vbucket / status, total body length,
    opaque, CAS) whose magic is 0x82 / 0x83: the protocol has 0x80 (request)
    and 0x81 (response) only."""
    body = extras + key + value
    return struct.pack('>BBHBBHIIQ', magic, opcode, len(key), len(extras), 0, status, len(body), opaque,
                       cas) + body


near_miss('fresh6_nm_mcmagic_tcp_283', 'tcp', 283,
          [(mcbin(0x82, 0x01, b'ghost:note', b'a value behind a ghost port', struct.pack('>II', 0xdeadbeef, 300),
                  opaque=0x11),
            mcbin(0x83, 0x01, opaque=0x11, cas=0x1234)),
           (mcbin(0x82, 0x00, b'ghost:note', opaque=0x12),
            mcbin(0x83, 0x00, value=b'a value behind a ghost port', extras=struct.pack('>I', 0xdeadbeef),
                  opaque=0x12, cas=0x1234)),
           (mcbin(0x82, 0x0b, opaque=0x13), mcbin(0x83, 0x0b, value=b'1.6.18', opaque=0x13))],
          'memcached-binary-shaped messages: 24-octet headers with right key / extras / body lengths, opaque values '
          'echoed, opcodes Set / Get / Version with flags and expiry extras and a CAS in the answers, whose magic '
          'octets are 0x82 (requests) and 0x83 (responses): the binary protocol has 0x80 and 0x81 only',
          'memcached binary protocol set / get / version', kind='mcmagic', split=FRESH6_SPLIT)


def mbap(tid, proto, unit, pdu):
    """A Modbus/TCP MBAP shape (transaction id, protocol id, length of unit id
    + PDU, unit id) whose protocol identifier is 7: Modbus/TCP has 0 only."""
    return struct.pack('>HHHB', tid, proto, len(pdu) + 1, unit) + pdu


near_miss('fresh6_nm_mbapproto_tcp_403', 'tcp', 403,
          [(mbap(1, 7, 1, struct.pack('>BHH', 3, 0, 4)),
            mbap(1, 7, 1, struct.pack('>BB', 3, 8) + struct.pack('>HHHH', 230, 17, 0, 4096))),
           (mbap(2, 7, 1, struct.pack('>BHH', 1, 0, 16)), mbap(2, 7, 1, struct.pack('>BBH', 1, 2, 0x0b05))),
           (mbap(3, 7, 1, struct.pack('>BHH', 6, 3, 1234)), mbap(3, 7, 1, struct.pack('>BHH', 6, 3, 1234)))],
          'Modbus/TCP-shaped frames: MBAP headers with transaction ids echoed, right lengths and unit id 1 around '
          'Read Holding Registers / Read Coils / Write Single Register requests and their answers, whose protocol '
          'identifier is 7 (Modbus/TCP has 0 only)', 'Modbus/TCP read and write requests', kind='mbapproto',
          split=FRESH6_SPLIT)


def rtpish(seq, ts, ssrc, pt, payload, marker=0):
    """An RTP shape (fixed 12-octet header: V, P, X, CC, M, PT, sequence,
    timestamp, SSRC) whose version field is 3: RTP is version 2 (RFC 3550;
    0 and 1 were vat's and the first draft's)."""
    return struct.pack('>BBHII', 3 << 6, (marker << 7) | pt, seq, ts, ssrc) + payload


A, B = 0x6a5e7a11, 0x0c0ffee5
near_miss('fresh6_nm_rtpver_udp_283', 'udp', 283,
          [(rtpish(1000 + i, 160 * i, A, 0, rnd(160), marker=int(i == 0)),
            rtpish(5000 + i, 8000 + 160 * i, B, 0, rnd(160), marker=int(i == 0))) for i in range(6)],
          'RTP-shaped datagrams both ways (a G.711-like call: payload type 0, 160-octet payloads, sequence numbers '
          'and timestamps rising by 1 and 160, one SSRC per side, the marker bit on the first), whose version '
          'field is 3 (RTP is version 2)', 'RTP audio streams (PCMU)', kind='rtpver', split=FRESH6_SPLIT)


def ike(ispi, rspi, exch, flags, msgid, first, payloads, version=0x30):
    """An IKEv2 header shape (initiator / responder SPIs, next payload,
    version, exchange type, flags, message id, length) whose major version
    is 3 (0x30): IKE has 1 (ISAKMP) and 2 only."""
    return ispi + rspi + struct.pack('>BBBBII', first, version, exch, flags, msgid, 28 + len(payloads)) + payloads


def gpl(nxt, body):
    """A generic payload header (next payload, critical bit 0, length)."""
    return struct.pack('>BBH', nxt, 0, 4 + len(body)) + body


ISPI, RSPI = rnd(8), rnd(8)
SA = gpl(34, struct.pack('>BBHBBBB', 0, 0, 36, 1, 1, 0, 3) + struct.pack('>BBHBBH', 3, 0, 8, 1, 0, 20)
         + struct.pack('>BBHBBH', 3, 0, 8, 3, 0, 12) + struct.pack('>BBHBBH', 0, 0, 8, 4, 0, 19))
KE_I = gpl(40, struct.pack('>HH', 19, 0) + rnd(64))
NONCE_I = gpl(0, rnd(32))
KE_R = gpl(40, struct.pack('>HH', 19, 0) + rnd(64))
NONCE_R = gpl(0, rnd(32))
near_miss('fresh6_nm_ikever_udp_403', 'udp', 403,
          [(ike(ISPI, b'\0' * 8, 34, 0x08, 0, 33, SA + KE_I + NONCE_I),
            ike(ISPI, RSPI, 34, 0x20, 0, 33, SA + KE_R + NONCE_R)),
           (ike(ISPI, RSPI, 35, 0x08, 1, 46, gpl(0, rnd(16) + rnd(96))),
            ike(ISPI, RSPI, 35, 0x20, 1, 46, gpl(0, rnd(16) + rnd(80))))],
          'IKEv2-shaped datagrams: an IKE_SA_INIT exchange (SPIs, SA with ENCR / PRF / INTEG / D-H transforms, KE '
          'for group 19, nonces; the responder\'s SPI and response flag set) and an IKE_AUTH-like exchange with an '
          'encrypted payload, right lengths and message ids, whose version octet is 0x30 (major version 3: IKE has '
          '1 and 2 only)', 'IKEv2 IKE_SA_INIT / IKE_AUTH', kind='ikever', split=FRESH6_SPLIT)
