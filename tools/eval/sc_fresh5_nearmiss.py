# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh5 set's near-misses (split "fresh5"): four more made-up protocols
that look like a real one at first sight and must stay UNNAMED; designed
from the real protocols' specifications, with one thing in each that no
real implementation sends; other look-alikes than those of sc_nearmiss.py
and sc_fresh*_nearmiss.py, through the same near_miss() recorder."""
import random
import struct

from evallib import FRESH5_SPLIT
from sc_nearmiss import near_miss

R = random.Random(20261210)


def rnd(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def tpkt(version, payload):
    """A TPKT shape (RFC 1006: version, reserved, 2-octet length of the
    whole packet) whose version is not 3, the only one there is."""
    return struct.pack('>BBH', version, 0, 4 + len(payload)) + payload


def cotp_cr(user_data):
    """An X.224 Connection Request TPDU (length indicator, CR 0xe0,
    destination / source references, class 0) with RDP's cookie and
    RDP_NEG_REQ as user data."""
    return bytes([6 + len(user_data), 0xe0, 0, 0, 0x12, 0x34, 0]) + user_data


near_miss('fresh5_nm_tpktver_tcp_283', 'tcp', 283,
          [(tpkt(4, cotp_cr(b'Cookie: mstshash=evaluser\r\n' + struct.pack('<BBHI', 1, 0, 8, 3))),
            tpkt(4, bytes([14, 0xd0, 0x12, 0x34, 0x56, 0x78, 0]) + struct.pack('<BBHI', 2, 0x1f, 8, 1))),
           (tpkt(4, b'\x02\xf0\x80' + b'\x7f\x65\x82\x01\x94' + rnd(60)),
            tpkt(4, b'\x02\xf0\x80' + b'\x7f\x66\x82\x01\x2a' + rnd(44)))],
          'RDP-shaped packets: X.224 Connection Request / Confirm with the "Cookie: mstshash=evaluser" line and '
          'RDP_NEG_REQ / RDP_NEG_RSP, then data TPDUs with MCS Connect-Initial / Connect-Response-like BER, all in '
          'TPKT headers with right lengths whose version is 4 (RFC 1006 has only version 3)',
          'RDP connection sequence (TPKT / X.224 / MCS)', kind='tpktver', split=FRESH5_SPLIT)


def bson(items):
    """A small BSON document: int32 (0x10), double (0x01), bool (0x08) and string (0x02) elements."""
    body = b''
    for k, v in items:
        k = k.encode() + b'\0'
        if isinstance(v, bool):
            body += b'\x08' + k + (b'\x01' if v else b'\x00')
        elif isinstance(v, int):
            body += b'\x10' + k + struct.pack('<i', v)
        elif isinstance(v, float):
            body += b'\x01' + k + struct.pack('<d', v)
        else:
            s = v.encode() + b'\0'
            body += b'\x02' + k + struct.pack('<i', len(s)) + s
    return struct.pack('<i', 4 + len(body) + 1) + body + b'\0'


def mongo(req, resp_to, doc, opcode=2015):
    """A MongoDB wire-protocol shape (message length, request id, responseTo,
    opCode, then OP_MSG's flag bits and a kind-0 section) whose opCode is
    2015: MongoDB has 1, 2001-2007, 2010-2013 only."""
    body = struct.pack('<I', 0) + b'\x00' + doc
    return struct.pack('<iiii', 16 + len(body), req, resp_to, opcode) + body


near_miss('fresh5_nm_mongoop_tcp_403', 'tcp', 403,
          [(mongo(7, 0, bson([('hello', 1), ('$db', 'admin')])),
            mongo(101, 7, bson([('isWritablePrimary', True), ('maxWireVersion', 17), ('ok', 1.0)]))),
           (mongo(8, 0, bson([('find', 'evalcoll'), ('limit', 1), ('$db', 'evaldb')])),
            mongo(102, 8, bson([('cursor', 'evalcursor'), ('ok', 1.0)])))],
          'MongoDB-shaped messages: 16-octet headers with right message lengths, request ids echoed in responseTo, '
          'flag bits and BSON documents (hello / isWritablePrimary, find / cursor with $db), whose opCode is 2015 '
          '(OP_MSG is 2013; MongoDB defines no 2015)', 'MongoDB OP_MSG hello and find', kind='mongoop',
          split=FRESH5_SPLIT)


def wg(mtype, body):
    """A WireGuard message shape (type octet, then three reserved octets that
    the protocol requires to be zero: here they are not)."""
    return bytes([mtype, 0, 7, 0]) + body


near_miss('fresh5_nm_wgreserved_udp_403', 'udp', 403,
          [(wg(1, rnd(4) + rnd(32) + rnd(48) + rnd(28) + rnd(16) + b'\0' * 16),
            wg(2, rnd(4) + rnd(4) + rnd(32) + rnd(16) + rnd(16) + b'\0' * 16)),
           (wg(4, rnd(4) + struct.pack('<Q', 0) + rnd(16)), wg(4, rnd(4) + struct.pack('<Q', 0) + rnd(16)))],
          'WireGuard-shaped datagrams: a 148-octet handshake initiation (type 1, sender index, ephemeral key, '
          'encrypted static key and timestamp, mac1, zero mac2), the 92-octet response (type 2) and 32-octet '
          'keepalive-sized transport messages (type 4, counter 0), whose three reserved octets are 00 07 00 '
          '(WireGuard requires them zero)', 'WireGuard handshake and keepalive', kind='wgreserved',
          split=FRESH5_SPLIT)


near_miss('fresh5_nm_tftpop_udp_283', 'udp', 283,
          [(b'\x00\x07evalboot.cfg\x00octet\x00blksize\x00512\x00',
            b'\x00\x08\x00\x01' + b'# boot configuration of an evaluation host\nkernel eval.img\n'),
           (b'\x00\x09\x00\x01', b'\x00\x0a\x00\x02' + b'end of file not reached: unknown option'),
           (b'\x00\x07missing.cfg\x00netascii\x00', b'\x00\x0b\x00\x01File not found\x00')],
          'TFTP-shaped datagrams: a read-request-like "<2-octet opcode>evalboot.cfg\\0octet\\0blksize\\0512\\0", '
          'block-numbered data-, acknowledgement- and error-like answers with right layouts, whose opcodes are '
          '7 to 11 (TFTP defines 1 to 6: RRQ, WRQ, DATA, ACK, ERROR, OACK)', 'TFTP read request and transfer',
          kind='tftpop', split=FRESH5_SPLIT)
