# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh7 set's near-misses (split "fresh7"): four more made-up protocols
that look like a real one at first sight and must stay UNNAMED; designed
from the real protocols' specifications, with one thing in each that no
real implementation sends; other look-alikes than those of sc_nearmiss.py
and sc_fresh*_nearmiss.py (AMQP, LDAP, WireGuard and Kerberos 5 were
none of theirs), through the same near_miss() recorder."""
import random
import struct

from evallib import FRESH7_SPLIT
from sc_nearmiss import near_miss

R = random.Random(20261207 + 7)


def rnd(n):
    return bytes(R.getrandbits(8) for _ in range(n))


# ---------------------------------------------------------------- AMQP-shaped, protocol header version 0-9-3 (TCP 283)

def amqp_frame(ftype, channel, payload):
    """An AMQP 0-9-1 frame shape: type, channel, size, payload, frame-end 0xCE."""
    return struct.pack('>BHI', ftype, channel, len(payload)) + payload + b'\xce'


def shortstr(s):
    return struct.pack('>B', len(s)) + s


def longstr(s):
    return struct.pack('>I', len(s)) + s


def method(cls, meth, args):
    return amqp_frame(1, 0, struct.pack('>HH', cls, meth) + args)


START = method(10, 10, b'\x00\x09' + longstr(b'\x07productS' + longstr(b'ghostmq')) + longstr(b'PLAIN AMQPLAIN')
               + longstr(b'en_US'))
START_OK = method(10, 11, longstr(b'') + shortstr(b'PLAIN') + longstr(b'\x00guest\x00guest') + shortstr(b'en_US'))
TUNE = method(10, 30, struct.pack('>HIH', 2047, 131072, 60))
TUNE_OK = method(10, 31, struct.pack('>HIH', 2047, 131072, 60))
OPEN = method(10, 40, shortstr(b'/') + shortstr(b'') + b'\x00')
OPEN_OK = method(10, 41, shortstr(b''))

near_miss('fresh7_nm_amqpver_tcp_283', 'tcp', 283,
          [(b'AMQP\x00\x00\x09\x03', START), (START_OK, TUNE), (TUNE_OK + OPEN, OPEN_OK),
           (method(10, 50, struct.pack('>H', 200) + shortstr(b'bye') + struct.pack('>HH', 0, 0)),
            method(10, 51, b''))],
          'AMQP-0-9-1-shaped frames (type, channel, size, class / method ids, frame-end 0xCE): Connection.Start / '
          'StartOk with PLAIN credentials, Tune / TuneOk, Open / OpenOk, Close / CloseOk, after a protocol header '
          '"AMQP" 0 0 9 3 (AMQP has 0-8, 0-9, 0-9-1, 0-10 and 1.0 headers; 0-9-3 was never defined)',
          'AMQP 0-9-1 connection handshake', kind='amqpver', split=FRESH7_SPLIT)


# ---------------------------------------------------------------- LDAP-shaped, BindRequest version 4 (TCP 403)

def ber(tag, body):
    n = len(body)
    if n < 0x80:
        ln = bytes([n])
    elif n < 0x100:
        ln = b'\x81' + bytes([n])
    else:
        ln = b'\x82' + struct.pack('>H', n)
    return bytes([tag]) + ln + body


def bint(v, tag=0x02):
    return ber(tag, v.to_bytes(max(1, (v.bit_length() + 8) // 8), 'big'))


def ostr(s, tag=0x04):
    return ber(tag, s)


def ldapmsg(mid, op):
    return ber(0x30, bint(mid) + op)


DN = b'cn=reader,dc=ghost,dc=test'
BIND = ldapmsg(1, ber(0x60, bint(4) + ostr(DN) + ostr(b'ghost-s3cret', 0x80)))
BIND_RESP = ldapmsg(1, ber(0x61, bint(0, 0x0a) + ostr(b'') + ostr(b'')))
SEARCH = ldapmsg(2, ber(0x63, ostr(b'dc=ghost,dc=test') + bint(2, 0x0a) + bint(0, 0x0a) + bint(10) + bint(30)
                        + ber(0x01, b'\x00') + ostr(b'objectClass', 0x87) + ber(0x30, ostr(b'cn') + ostr(b'mail'))))
ENTRY = ldapmsg(2, ber(0x64, ostr(b'cn=alice,dc=ghost,dc=test') + ber(0x30, ber(0x30, ostr(b'cn') + ber(0x31, ostr(b'alice')))
                                                                       + ber(0x30, ostr(b'mail') + ber(0x31, ostr(b'alice@ghost.test'))))))
DONE = ldapmsg(2, ber(0x65, bint(0, 0x0a) + ostr(b'') + ostr(b'')))
UNBIND = ldapmsg(3, ber(0x42, b''))

near_miss('fresh7_nm_ldapver_tcp_403', 'tcp', 403,
          [(BIND, BIND_RESP), (SEARCH, ENTRY + DONE), (UNBIND, None)],
          'LDAP-shaped BER messages (LDAPMessage SEQUENCE, message ids, BindRequest with a DN and a simple '
          'password, BindResponse success, a SearchRequest with a present filter and two attributes, one '
          'SearchResultEntry and SearchResultDone, UnbindRequest), whose BindRequest version is 4 (LDAP has '
          'versions 1 to 3 only)', 'LDAPv3 simple bind and search', kind='ldapver', split=FRESH7_SPLIT)


# ---------------------------------------------------------------- WireGuard-shaped, message types 5 / 6 / 7 (UDP 283)

def wg(mtype, body):
    """A WireGuard message shape: type octet, three reserved zero octets, body;
    types 5 (initiation-sized, 148 octets), 6 (response-sized, 92) and 7
    (transport-like: receiver index, 64-bit counter, sealed data): WireGuard
    has types 1 to 4 only."""
    return struct.pack('<B3x', mtype) + body


SI, SR = 0x1a2b3c4d, 0x5e6f7081
INIT = wg(5, struct.pack('<I', SI) + rnd(32) + rnd(48) + rnd(28) + rnd(16) + rnd(16))
RESP = wg(6, struct.pack('<II', SR, SI) + rnd(32) + rnd(16) + rnd(16) + rnd(16))
near_miss('fresh7_nm_wgtype_udp_283', 'udp', 283,
          [(INIT, RESP)] + [(wg(7, struct.pack('<IQ', SR, i) + rnd(16 + 64)),
                             wg(7, struct.pack('<IQ', SI, i) + rnd(16 + 64))) for i in range(4)],
          'WireGuard-shaped datagrams: a handshake-initiation-sized first datagram (sender index, ephemeral key, '
          'sealed static key and timestamp, two MACs: 148 octets), a response-sized answer (92 octets) naming the '
          'sender index, then transport-like datagrams with receiver indexes and counters 0 to 3 both ways, whose '
          'message types are 5, 6 and 7 (WireGuard has types 1 to 4 only)', 'WireGuard handshake and transport',
          kind='wgtype', split=FRESH7_SPLIT)


# ---------------------------------------------------------------- Kerberos-5-shaped, pvno 6 (UDP 403)

def ctx(n, body):
    return ber(0xa0 + n, body)


def gtime(s):
    return ber(0x18, s)


def kstr(s):
    return ber(0x1b, s)


def pname(ntype, *parts):
    return ber(0x30, ctx(0, bint(ntype)) + ctx(1, ber(0x30, b''.join(kstr(p) for p in parts))))


REALM = b'GHOST.TEST'
REQ_BODY = ber(0x30, ctx(0, ber(0x03, b'\x00\x50\x00\x00\x00')) + ctx(1, pname(1, b'alice')) + ctx(2, kstr(REALM))
               + ctx(3, pname(2, b'krbtgt', REALM)) + ctx(5, gtime(b'20370913024805Z'))
               + ctx(7, bint(0x1d2c3b4a)) + ctx(8, ber(0x30, bint(18) + bint(17))))
AS_REQ = ber(0x6a, ber(0x30, ctx(1, bint(6)) + ctx(2, bint(10)) + ctx(4, REQ_BODY)))
KRB_ERR = ber(0x7e, ber(0x30, ctx(0, bint(6)) + ctx(1, bint(30)) + ctx(4, gtime(b'20261207190000Z'))
                        + ctx(5, bint(123456)) + ctx(6, bint(25)) + ctx(9, kstr(REALM))
                        + ctx(10, pname(2, b'krbtgt', REALM)) + ctx(12, ostr(rnd(40)))))
near_miss('fresh7_nm_krbpvno_udp_403', 'udp', 403,
          [(AS_REQ, KRB_ERR), (AS_REQ[:-1] + AS_REQ[-1:], KRB_ERR)],
          'Kerberos-5-shaped DER messages: an AS-REQ ([APPLICATION 10]: kdc-options, client alice, realm '
          'GHOST.TEST, server krbtgt/GHOST.TEST, till, nonce, etypes 18 and 17) answered by a KRB-ERROR '
          '([APPLICATION 30], error 25: pre-authentication required), sent twice, whose pvno fields are 6 '
          '(Kerberos 5 has pvno 5)', 'Kerberos 5 AS-REQ / KRB-ERROR', kind='krbpvno', split=FRESH7_SPLIT)
