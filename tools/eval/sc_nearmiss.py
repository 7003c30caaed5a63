# SPDX-License-Identifier: GPL-2.0-or-later
"""Near-misses: made-up protocols that look like a real one at first sight
and must stay UNNAMED (no service name, no product).

Each exchange runs between two python sockets on loopback (the exchange
helpers of tools/ghost/synthetic.py). Afterwards a replay responder with the
same replies answers nmap -sV, so nmap gets its live chance too."""
import random
import socket
import struct
import threading

from evallib import LO, svc
from synthetic import tcp_exchange, udp_exchange, CLIENT_PORT


class Replay:
    """Answers like the made-up server: TCP: optional banner, then the next
    reply for every read; UDP: the first reply to every datagram."""
    def __init__(self, transport, port, banner, replies):
        self.stop = False
        self.transport, self.banner, self.replies = transport, banner, [r for r in replies if r] or [b'?\n']
        kind = socket.SOCK_STREAM if transport == 'tcp' else socket.SOCK_DGRAM
        self.s = socket.socket(socket.AF_INET, kind)
        self.s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.s.bind((LO, port))
        if transport == 'tcp':
            self.s.listen(8)
        self.s.settimeout(0.5)
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while not self.stop:
            try:
                if self.transport == 'udp':
                    _, addr = self.s.recvfrom(65536)
                    self.s.sendto(self.replies[0], addr)
                    continue
                c, _ = self.s.accept()
            except (socket.timeout, OSError):
                continue
            threading.Thread(target=self.conn, args=(c,), daemon=True).start()

    def conn(self, c):
        """One request, one reply, then close: nmap then does not wait out
        its read timeout on every probe."""
        c.settimeout(5)
        try:
            if self.banner:
                c.sendall(self.banner)
            if c.recv(65536):
                c.sendall(self.replies[0])
        except OSError:
            pass
        finally:
            c.close()

    def close(self):
        self.stop = True
        self.s.close()


def _cleanup(ctx):
    r = ctx.data.get('replay')
    if r:
        r.close()


def near_miss(name, transport, port, pairs, sent, looks_like, banner=None, stock_claims=None, kind=None,
              split=None):
    """pairs: (client bytes, server bytes or None); banner: server-first bytes;
    kind: the service is 'nearmiss-<kind>' (default: the name's second word);
    split: see evallib.svc."""
    if banner is not None:
        pairs = [(b'', banner)] + list(pairs)

    def run(ctx):
        if transport == 'tcp':
            tcp_exchange(ctx, port, pairs)
        else:
            udp_exchange(ctx, port, pairs)
        ctx.data['replay'] = Replay(transport, port, banner, [p[1] for p in pairs if p[0]])
    service = 'nearmiss-' + (kind or name.split('_')[1])
    svc(name=name, service=service, transport=transport, port=port, package=None,
        program='synthetic (python sockets)', near_miss=True,
        client='python socket from 127.0.0.1:%d' % CLIENT_PORT, sent=sent, protocol=None, pname=None,
        cleanup=_cleanup, extra={'looks_like': looks_like}, allow_stock_claims=bool(stock_claims), split=split,
        notes='Made-up protocol: must stay unnamed. nmap -sV ran against a replay responder with the same '
              'replies (its traffic is not in the pcap).' + (' ' + stock_claims if stock_claims else ''))(run)


R = random.Random(20261206)

near_miss('nm_valuecolor_tcp_283', 'tcp', 283,
          [(b'fetch color\r\n', b'VALUE color 42\r\n'), (b'fetch size\r\n', b'VALUE size 7 big\r\n'),
           (b'bye\r\n', b'BYE\r\n')],
          'fetch <word> / VALUE <word> <number>: a made-up key-value line protocol', 'memcached text replies (VALUE)')

near_miss('nm_versionline_tcp_403', 'tcp', 403,
          [(b'version\n', b'version 2.7.1-eval\n'), (b'status\n', b'workers 3 queued 0\n.\n')],
          'bare "version" / "status" lines like Gearman or memcached admin commands, made-up replies',
          'gearman admin / memcached "version"')

near_miss('nm_userwords_tcp_283', 'tcp', 283,
          [(b'USERS?\r\n', b'USERLIST alice bob carol\r\n'), (b'PASSPOLICY\r\n', b'PASSWORDS ARE HASHED\r\n'),
           (b'QUIT NOW\r\n', b'221-ish goodbye\r\n')],
          'line protocol with USER / PASS-like words and a 3-digit-looking reply that are not FTP / POP3 grammar',
          'FTP / POP3 login', banner=b'READY user-directory service\r\n')

near_miss('nm_lenprefix_tcp_403', 'tcp', 403,
          [(struct.pack('>IHH', 20, 1, 1) + bytes(R.getrandbits(8) for _ in range(16)),
            struct.pack('>IHH', 28, 1, 2) + bytes(R.getrandbits(8) for _ in range(24))),
           (struct.pack('>IHH', 12, 1, 3) + bytes(R.getrandbits(8) for _ in range(8)),
            struct.pack('>IHH', 8, 1, 4) + b'\x00\x00\x00\x00')],
          'binary records: 4-octet big-endian length, 2-octet version 1, 2-octet type, random body',
          'length-prefixed binary (Kerberos-over-TCP / RPC record marks)')

near_miss('nm_tlsbadlen_tcp_283', 'tcp', 283,
          [(b'\x16\x03\x01\xff\xf0\x01\x00\x00\x05' + bytes(R.getrandbits(8) for _ in range(40)),
            b'\x16\x03\x03\x00\x02\x02\x00' + bytes(R.getrandbits(8) for _ in range(30)))],
          'first octets like a TLS handshake record (16 03 01) whose record / handshake lengths do not match '
          'the bytes that follow', 'TLS ClientHello / ServerHello',
          stock_claims='Stock tshark (TLS heuristic, no Decode As) calls these frames tls: recorded on purpose, '
                       'the lengths do not hold.')

near_miss('nm_sshnodash_tcp_403', 'tcp', 403,
          [(b'SSH 2.0 client hello\r\n', b'ok, go ahead\r\n'), (b'ls\r\n', b'a.txt b.txt\r\n')],
          'server banner "SSH 2.0 evald ready" without the SSH-protoversion-softwareversion dash grammar',
          'SSH identification string', banner=b'SSH 2.0 evald ready\r\n')

near_miss('nm_httpish_udp_283', 'udp', 283,
          [(b'GET /status\n', b'OK 200 status fine\n'), (b'GET /load\n', b'OK 200 load 0.42\n')],
          'HTTP-looking request lines without a version over UDP, made-up replies', 'HTTP / SSDP over UDP')

near_miss('nm_dnsish_udp_403', 'udp', 403,
          [(b'\x13\x37\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00' + bytes(R.getrandbits(8) | 0x80 for _ in range(19)),
            b'\x13\x37\x81\x80\x00\x01\x00\x01\x00\x00\x00\x00' + bytes(R.getrandbits(8) | 0x80 for _ in range(25)))],
          'a 12-octet DNS-like header (id, flags 0100 / 8180, one question) followed by octets that are no '
          'valid name (every octet >= 0x80: label lengths over 63)', 'DNS query / response',
          stock_claims='Stock tshark (DNS heuristic, no Decode As) calls these datagrams dns (malformed): '
                       'recorded on purpose, the question is no valid name.')

near_miss('nm_respish_tcp_283', 'tcp', 283,
          [(b'*PING\r\n', b'+PONG-ish\r\n'), (b'$status\r\n', b':-1 nope\r\n')],
          'RESP-looking first octets (+ * $ :) without the RESP grammar; the server speaks first',
          'Redis RESP', banner=b'+READY eval-kv\r\n')
