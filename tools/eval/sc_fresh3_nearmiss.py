# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh3 set's near-misses (split "fresh3"): four more made-up protocols
that look like a real one at first sight and must stay UNNAMED; other
look-alikes than those of sc_nearmiss.py, sc_fresh_nearmiss.py and
sc_fresh2_nearmiss.py, through the same near_miss() recorder."""
import random
import struct

from evallib import FRESH3_SPLIT
from sc_nearmiss import near_miss

R = random.Random(20261209)


def rnd(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def bgpish(mtype, body):
    """A BGP-shaped message: the 16-octet all-ones marker, a right 2-octet
    length, then a type that BGP-4 does not define (BGP has 1-5)."""
    return b'\xff' * 16 + struct.pack('>HB', 19 + len(body), mtype) + body


near_miss('fresh3_nm_bgptype_tcp_403', 'tcp', 403,
          [(bgpish(9, b'\x04' + rnd(11)), bgpish(9, b'\x04' + rnd(11))),
           (bgpish(12, rnd(23)), bgpish(13, rnd(7))),
           (bgpish(12, rnd(5)), None)],
          'BGP-shaped messages: the 16-octet all-ones marker and right length fields, but message types 9, 12 and 13 '
          '(BGP-4 defines 1 to 5) with random bodies', 'BGP OPEN / UPDATE / KEEPALIVE', kind='bgptype',
          split=FRESH3_SPLIT)


def ntpish(first, stratum):
    """48 octets shaped like an NTP header (poll, precision, root delay,
    reference id, four timestamps) whose first octet has version 0."""
    return bytes([first, stratum, 6, 0xec]) + rnd(12) + rnd(32)


near_miss('fresh3_nm_ntpzero_udp_283', 'udp', 283,
          [(ntpish(0x03, 0), ntpish(0x04, 2)), (ntpish(0x03, 0), ntpish(0x04, 2)), (ntpish(0xc3, 0), ntpish(0xc4, 16))],
          '48-octet datagrams shaped like NTP client / server packets (mode 3 / 4 in the low bits, a stratum, poll, '
          'precision, random delays and timestamps) whose version field is 0 (NTP has 1 to 4)', 'NTP client / server',
          kind='ntpzero', split=FRESH3_SPLIT)

near_miss('fresh3_nm_syslogpri_udp_403', 'udp', 403,
          [(b'<999>7 2026-12-07T00:00:00Z evalhost evalapp 42 - - disk almost full', None),
           (b'<1024>7 2026-12-07T00:00:01Z evalhost evalapp 42 - - fan speed 1200', b'<1024>ACK 2'),
           (b'<255>evalhost evalapp: reading done', b'<255>ACK 3')],
          'syslog-looking lines "<PRI>VERSION TIMESTAMP HOST APP ..." whose PRI is 255, 999 or 1024 (syslog allows 0 '
          'to 191) and version 7 (RFC 5424 has 1), with made-up "<PRI>ACK n" answers', 'syslog (RFC 3164 / 5424)',
          kind='syslogpri', split=FRESH3_SPLIT)


def pkt(text):
    """A git pkt-line-shaped line whose 4-hex-digit length is 7 more than the line."""
    return b'%04x' % (len(text) + 4 + 7) + text


near_miss('fresh3_nm_pktline_tcp_283', 'tcp', 283,
          [(pkt(b'eval-fetch-pack /eval.repo\0host=127.0.0.1\0') + b'0000',
            pkt(b'3f2a9c0e5b7d4e1f8a6c2b9d0e7f1a3c5b8d6e4f HEAD\0caps\n') + pkt(b'ok evalmain\n') + b'0000'),
           (pkt(b'fetch 3f2a9c0e5b7d4e1f8a6c2b9d0e7f1a3c5b8d6e4f\n') + b'0000', pkt(b'NAK-ish\n') + b'0001')],
          'git-looking pkt-lines: 4-hex-digit length prefixes (each 7 larger than the line), "0000" flush markers, '
          'object-id-like hex, but verbs git does not have (eval-fetch-pack, fetch, NAK-ish)',
          'git:// smart protocol (pkt-line)', kind='pktline', split=FRESH3_SPLIT)
