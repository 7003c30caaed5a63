# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh2 set's near-misses (split "fresh2"): four more made-up protocols
that look like a real one at first sight and must stay UNNAMED; other
look-alikes than those of sc_nearmiss.py and sc_fresh_nearmiss.py, through
the same near_miss() recorder."""
import random
import struct

from evallib import FRESH2_SPLIT
from sc_nearmiss import near_miss

R = random.Random(20261208)


def rnd(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def sipish(method, seq, body=b''):
    """A SIP-shaped request whose version token is EVAL/2.0, not SIP/2.0."""
    return (b'%s sip:eval@127.0.0.1:403 EVAL/2.0\r\nVia: EVAL/2.0/UDP 127.0.0.1:40999;branch=z9hG4bK%d\r\n'
            b'From: <sip:client@eval.test>;tag=%d\r\nTo: <sip:eval@eval.test>\r\nCall-ID: %d@eval.test\r\n'
            b'CSeq: %d %s\r\nContent-Length: %d\r\n\r\n%s'
            % (method, seq, seq, seq, seq, method, len(body), body))


near_miss('fresh2_nm_sipversion_udp_403', 'udp', 403,
          [(sipish(b'OPTIONS', 1), b'EVAL/2.0 200 Fine\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n'),
           (sipish(b'MESSAGE', 2, b'hello'), b'EVAL/2.0 404 Nope\r\nCSeq: 2 MESSAGE\r\nContent-Length: 0\r\n\r\n')],
          'SIP-shaped requests and replies (OPTIONS / MESSAGE sip: URIs, Via, From, To, Call-ID, CSeq headers) whose '
          'version token is "EVAL/2.0" everywhere SIP puts "SIP/2.0"', 'SIP over UDP',
          kind='sipversion', split=FRESH2_SPLIT)


def mqtx(ptype, body):
    """An MQTT-shaped fixed header (type nibble, one-octet remaining length that is right)."""
    return bytes([ptype, len(body)]) + body


near_miss('fresh2_nm_mqtx_tcp_283', 'tcp', 283,
          [(mqtx(0x10, b'\x00\x04MQTX\x04\x02\x00\x3c\x00\x08evalclnt'), mqtx(0x20, b'\x00\x00')),
           (mqtx(0x30, b'\x00\x0aeval/topichello mqtx'), None),
           (mqtx(0xc0, b''), mqtx(0xd0, b''))],
          'MQTT-shaped packets (CONNECT-like 0x10 with a protocol name "MQTX" and level 4, a CONNACK-like 0x20, a '
          'PUBLISH-like 0x30, PINGREQ / PINGRESP-like 0xc0 / 0xd0) with correct remaining lengths: only the '
          'protocol name is not MQTT\'s', 'MQTT 3.1.1 CONNECT / CONNACK', kind='mqtx', split=FRESH2_SPLIT)


def stunish(mtype, tid, attrs):
    """A STUN-shaped header (RFC 5389 magic cookie, right length) whose two
    leading bits are 10: STUN needs 00 and TURN ChannelData 01."""
    return struct.pack('>HHI', mtype, len(attrs), 0x2112A443) + tid + attrs


T1, T2 = rnd(12), rnd(12)
near_miss('fresh2_nm_stunbits_udp_283', 'udp', 283,
          [(stunish(0x8001, T1, b''), stunish(0x8101, T1, b'\x00\x20\x00\x08\x00\x01' + rnd(6))),
           (stunish(0x8001, T2, b'\x00\x06\x00\x08evaluser'), stunish(0x8111, T2, b'\x00\x09\x00\x04\x00\x00\x04\x01'))],
          'STUN-shaped datagrams: the RFC 5389 magic cookie 0x2112A443, right length fields, 12-octet transaction '
          'ids echoed back and TLV attributes, but message types 0x8001 / 0x8101 / 0x8111: the two leading bits '
          'are 10, where STUN has 00 (and TURN ChannelData 01)', 'STUN Binding Request / Response',
          kind='stunbits', split=FRESH2_SPLIT)

near_miss('fresh2_nm_ircnumeric_tcp_403', 'tcp', 403,
          [(b'NICKNAME evalnick\r\nUSERINFO evalnick 0 * :Eval\r\n',
            b':hub.eval.test 0001 evalnick :Welcome aboard\r\n:hub.eval.test 0004 evalnick hub.eval.test v9\r\n'),
           (b'ENTER #eval\r\n', b':hub.eval.test 3530 evalnick = #eval :evalnick\r\n'),
           (b'LEAVE :bye\r\n', b':hub.eval.test 9999 evalnick :closing\r\n')],
          'IRC-looking lines (":server <numeric> <nick> :text" prefixes) with four-digit numerics and client '
          'verbs that IRC does not have (NICKNAME, USERINFO, ENTER, LEAVE)', 'IRC registration and numerics',
          banner=b':hub.eval.test NOTICE * :*** hello\r\n', kind='ircnumeric', split=FRESH2_SPLIT)
