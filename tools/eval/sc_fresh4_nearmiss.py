# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh4 set's near-misses (split "fresh4"): four more made-up protocols
that look like a real one at first sight and must stay UNNAMED; designed
from the real protocols' specifications, other look-alikes than those of
sc_nearmiss.py, sc_fresh_nearmiss.py, sc_fresh2_nearmiss.py and
sc_fresh3_nearmiss.py, through the same near_miss() recorder."""
import random
import struct

from evallib import FRESH4_SPLIT
from sc_nearmiss import near_miss

R = random.Random(20261207)


def rnd(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def pg_startup(major, minor, params):
    """A PostgreSQL StartupMessage shape (Int32 length, Int32 protocol
    version, name / value C strings, a final NUL) whose protocol version is
    not 3.0 (nor the SSLRequest / GSSENCRequest / CancelRequest codes)."""
    body = struct.pack('>HH', major, minor) + b''.join(k + b'\0' + v + b'\0' for k, v in params) + b'\0'
    return struct.pack('>I', 4 + len(body)) + body


def pg_reply(kind, body):
    """A backend-message shape: type octet, Int32 length, body."""
    return kind + struct.pack('>I', 4 + len(body)) + body


near_miss('fresh4_nm_pgversion_tcp_283', 'tcp', 283,
          [(pg_startup(7, 9, [(b'user', b'evaluser'), (b'database', b'evaldb')]),
            pg_reply(b'R', struct.pack('>I', 0)) + pg_reply(b'Z', b'I')),
           (pg_reply(b'Q', b'SELECT 1\0'), pg_reply(b'C', b'SELECT 1\0') + pg_reply(b'Z', b'I'))],
          'PostgreSQL-shaped frames: a StartupMessage with right length and user / database parameters but protocol '
          'version 7.9 (PostgreSQL 3.0 is the only one, with 1234.5679 / 1234.5680 / 1234.5678 as request codes), '
          'then Authentication-ok / ReadyForQuery / Query / CommandComplete-shaped messages',
          'PostgreSQL startup and simple query', kind='pgversion', split=FRESH4_SPLIT)


def mysql_greeting(proto):
    """A MySQL initial-handshake shape (3-octet length, sequence 0, protocol
    version, NUL-ended server version, connection id, salt, capabilities)
    whose protocol version is neither 10 nor 9."""
    body = (bytes([proto]) + b'8.0.99-evalsql\0' + struct.pack('<I', 7) + rnd(8) + b'\0'
            + struct.pack('<H', 0xf7ff) + b'\x21' + struct.pack('<H', 2) + struct.pack('<H', 0x81ff) + b'\x15'
            + b'\0' * 10 + rnd(12) + b'\0' + b'mysql_native_password\0')
    return struct.pack('<I', len(body))[:3] + b'\0' + body


def mysql_packet(seq, body):
    return struct.pack('<I', len(body))[:3] + bytes([seq]) + body


near_miss('fresh4_nm_mysqlproto_tcp_403', 'tcp', 403,
          [(mysql_packet(1, struct.pack('<IIB', 0x000fa685, 1 << 24, 0x21) + b'\0' * 23 + b'evaluser\0\x14' + rnd(20)),
            mysql_packet(2, b'\x00\x00\x00\x02\x00\x00\x00')),
           (mysql_packet(0, b'\x03SELECT @@version_comment LIMIT 1'), mysql_packet(1, b'\x01'))],
          'MySQL-shaped packets (3-octet length, sequence number): a server greeting with "8.0.99-evalsql", salt, '
          'capabilities and mysql_native_password, but protocol version 12 (MySQL has 10, formerly 9), a login '
          'request, OK- and query-shaped packets',
          'MySQL handshake and COM_QUERY', banner=mysql_greeting(12), kind='mysqlproto', split=FRESH4_SPLIT)


def bootp(op, xid, msgtype):
    """A BOOTP / DHCP shape: htype 1, hlen 6, the 0x63825363 magic cookie
    at 236 and a message-type option, but an op code BOOTP does not have
    (1 request, 2 reply only)."""
    head = struct.pack('>BBBBIHH', op, 1, 6, 0, xid, 0, 0x8000) + b'\0' * 16 + b'\x02\x42\xc0\xa8\x00\x07' + b'\0' * 10
    opts = b'\x63\x82\x53\x63' + bytes([53, 1, msgtype, 12, 8]) + b'evalhost' + b'\xff'
    return head + b'\0' * 192 + opts + b'\0' * 20


near_miss('fresh4_nm_bootpop_udp_283', 'udp', 283,
          [(bootp(3, 0x3c0ffee1, 1), bootp(4, 0x3c0ffee1, 2)), (bootp(3, 0x3c0ffee2, 3), bootp(4, 0x3c0ffee2, 5))],
          'DHCP-shaped datagrams (300 octets: htype 1, hlen 6, a client MAC, the DHCP magic cookie, message-type '
          'and host-name options) whose op code is 3 or 4 (BOOTP has 1 = request and 2 = reply only)',
          'DHCP DISCOVER / OFFER / REQUEST / ACK', kind='bootpop', split=FRESH4_SPLIT)


def coap0(mtype, code, mid, token, opts, payload=b''):
    """A CoAP shape (type, token length, code, message id, token, options,
    0xff and a payload) with version 0 (RFC 7252 requires 1)."""
    first = (0 << 6) | (mtype << 4) | len(token)
    return struct.pack('>BBH', first, code, mid) + token + opts + (b'\xff' + payload if payload else b'')


def uri_path(*segs):
    out, last = b'', 0
    for s in segs:
        out += bytes([((11 - last) << 4) | len(s)]) + s
        last = 11
    return out


near_miss('fresh4_nm_coapver_udp_403', 'udp', 403,
          [(coap0(0, 1, 0x4e01, b'\x5a\x11', uri_path(b'sensors', b'temp')),
            coap0(2, 0x45, 0x4e01, b'\x5a\x11', b'\xc1\x00', b'21.5')),
           (coap0(0, 3, 0x4e02, b'\x5a\x12', uri_path(b'actuators', b'fan'), b'on'),
            coap0(2, 0x44, 0x4e02, b'\x5a\x12', b''))],
          'CoAP-shaped datagrams (confirmable GET / PUT with a token and Uri-Path options, acknowledgement '
          '2.05 / 2.04 answers with a Content-Format option and a payload) whose version field is 0 (RFC 7252: 1)',
          'CoAP request / response', kind='coapver', split=FRESH4_SPLIT)
