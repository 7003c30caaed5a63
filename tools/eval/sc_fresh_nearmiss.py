# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh set's near-misses (split "fresh"): four more made-up protocols
that look like a real one at first sight and must stay UNNAMED; other
look-alikes than those of sc_nearmiss.py, through its near_miss() recorder."""
import random
import struct

from evallib import FRESH_SPLIT
from sc_nearmiss import near_miss

R = random.Random(20261207)


def rnd(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def off_by_one(body):
    """A 2-octet big-endian length that counts one octet more than follows."""
    return struct.pack('>H', len(body) + 1) + body


near_miss('fresh_nm_lenoffbyone_tcp_283', 'tcp', 283,
          [(off_by_one(b'\x01\x00' + rnd(21)), off_by_one(b'\x81\x00' + rnd(33))),
           (off_by_one(b'\x02\x00' + rnd(9)), off_by_one(b'\x82\x00' + rnd(5)))],
          'binary messages with a 2-octet big-endian length prefix that is one larger than the octets that follow '
          '(each message ends one octet early), a type octet and random bodies',
          'length-prefixed binary (DNS over TCP, TPKT-like records)', kind='lenoffbyone', split=FRESH_SPLIT)

near_miss('fresh_nm_smtpdash_tcp_403', 'tcp', 403,
          [(b'HELLO evalclient\r\n', b'250-HELLO evalclient\r\n250-KEYS 3\r\n250 \r\n'),
           (b'KEYS\r\n', b'250-alpha\r\n250-beta\r\n251-gamma\r\n'), (b'BYE\r\n', b'250-BYE BYE\r\n')],
          'server-first multi-line replies with SMTP-like "250-" prefixes but no 220 greeting, replies that never '
          'end with a "250 " line, and verbs (HELLO, KEYS, BYE) that are not SMTP', 'SMTP / ESMTP EHLO replies',
          banner=b'250-READY key directory\r\n250-\r\n', kind='smtpdash', split=FRESH_SPLIT)

near_miss('fresh_nm_radiuslen_udp_283', 'udp', 283,
          [(b'\x01\x2a\x00\xff' + rnd(16) + b'\x01\x0aevaluser' + rnd(6),
            b'\x02\x2a\x01\x00' + rnd(16)),
           (b'\x44\x01\x00\x2a' + rnd(3) + b'\xffeval', b'\x64\x45\x00\x2a' + rnd(2))],
          'datagrams whose first octets look like RADIUS (code 1 / 2, an identifier, a 2-octet length of 255 / 256 '
          'on datagrams of 40 / 20 octets) and like CoAP (version 1, token length 4, then a token and octets that '
          'are no option list)', 'RADIUS Access-Request / CoAP request', kind='radiuslen', split=FRESH_SPLIT)

near_miss('fresh_nm_h2preface_tcp_403', 'tcp', 403,
          [(b'PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n' + b'\x00\x00\x12\x04\x00\x00\x00\x00\x00' + rnd(6),
            b'\x00\x00\x00\x04\x01\x00\x00\x00\x00' + b'EVAL-OK\r\n'),
           (b'\x00\x00\x05\x01\x05\x00\x00\x00\x01' + rnd(40), b'\x00\x00\x02\x00\x01\x00\x00\x00\x01' + rnd(11))],
          'a "PRI * HTTP/2.0\\r\\n\\r\\nXX\\r\\n\\r\\n" preface (the real one ends SM), then 9-octet frame-like headers '
          'whose length fields do not match the octets that follow', 'HTTP/2 connection preface and frames',
          kind='h2preface', split=FRESH_SPLIT)
