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


def ber(tag, body):
    """A BER TLV (definite length, short or long form)."""
    n = len(body)
    if n < 128:
        return bytes([tag, n]) + body
    ln = n.to_bytes((n.bit_length() + 7) // 8, 'big')
    return bytes([tag, 0x80 | len(ln)]) + ln + body


def ber_int(v):
    return ber(0x02, v.to_bytes(max(1, (v.bit_length() + 8) // 8), 'big'))


def oid(*arcs):
    out = bytes([40 * arcs[0] + arcs[1]])
    for a in arcs[2:]:
        enc = [a & 0x7f]
        a >>= 7
        while a:
            enc.insert(0, 0x80 | (a & 0x7f))
            a >>= 7
        out += bytes(enc)
    return ber(0x06, out)


def snmpish(pdu_tag, req_id, varbinds):
    """An SNMPv2c message shape (SEQUENCE of version 1, community "public",
    a PDU with request id, error status, error index and a varbind list)
    whose PDU tag is [9] / [10]: SNMP PDUs are [0] to [8]."""
    vbl = ber(0x30, b''.join(ber(0x30, oid(*o) + v) for o, v in varbinds))
    pdu = ber(pdu_tag, ber_int(req_id) + ber_int(0) + ber_int(0) + vbl)
    return ber(0x30, ber_int(1) + ber(0x04, b'public') + pdu)


SYSDESCR = (1, 3, 6, 1, 2, 1, 1, 1, 0)
UPTIME = (1, 3, 6, 1, 2, 1, 1, 3, 0)
near_miss('fresh5_nm_snmppdu_udp_403', 'udp', 403,
          [(snmpish(0xa9, 0x1337, [(SYSDESCR, b'\x05\x00'), (UPTIME, b'\x05\x00')]),
            snmpish(0xaa, 0x1337, [(SYSDESCR, ber(0x04, b'evalhost ghost-port agent')), (UPTIME, ber(0x43, b'\x01\x02\x03'))])),
           (snmpish(0xa9, 0x1338, [((1, 3, 6, 1, 2, 1, 1, 5, 0), b'\x05\x00')]),
            snmpish(0xaa, 0x1338, [((1, 3, 6, 1, 2, 1, 1, 5, 0), ber(0x04, b'evalhost'))]))],
          'SNMPv2c-shaped datagrams (BER: SEQUENCE, version 1, community "public", request id, error status / index, '
          'varbinds for sysDescr.0, sysUpTime.0 and sysName.0 with NULL values and answers with an OCTET STRING and '
          'a TimeTicks) whose PDU tags are [9] and [10] (context-specific constructed 0xa9 / 0xaa): SNMP defines '
          'PDUs [0] to [8] only', 'SNMPv2c get-request / response', kind='snmppdu', split=FRESH5_SPLIT)


def dtlsish(ctype, epoch, seq, body):
    """A DTLS 1.2 record shape (content type, version fe fd, epoch, 48-bit
    sequence number, right length) whose content type is 26: DTLS has 20 to
    25 only."""
    return struct.pack('>BHH', ctype, 0xfefd, epoch) + seq.to_bytes(6, 'big') + struct.pack('>H', len(body)) + body


def hs(mtype, mseq, body):
    """A DTLS handshake header: type, 24-bit length, message sequence, fragment offset 0, fragment length."""
    n = len(body).to_bytes(3, 'big')
    return bytes([mtype]) + n + struct.pack('>H', mseq) + b'\0\0\0' + n + body


CH = b'\xfe\xfd' + rnd(32) + b'\x00' + b'\x00' + b'\x00\x04\xc0\x2b\xc0\x2f' + b'\x01\x00'
near_miss('fresh5_nm_dtlsctype_udp_283', 'udp', 283,
          [(dtlsish(26, 0, 0, hs(1, 0, CH)), dtlsish(26, 0, 0, hs(3, 0, b'\xfe\xfd\x20' + rnd(32)))),
           (dtlsish(26, 0, 1, hs(1, 1, CH[:34] + b'\x00\x20' + rnd(32) + CH[35:])),
            dtlsish(26, 0, 1, hs(2, 1, b'\xfe\xfd' + rnd(32) + b'\x00\xc0\x2b\x00')))],
          'DTLS-1.2-shaped records (version fe fd, epoch 0, sequence numbers, right lengths) carrying handshake-like '
          'ClientHello / HelloVerifyRequest / ClientHello-with-cookie / ServerHello bodies, whose record content '
          'type is 26 (DTLS has 20 to 25)', 'DTLS 1.2 handshake with a cookie exchange', kind='dtlsctype',
          split=FRESH5_SPLIT)
