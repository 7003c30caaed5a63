# SPDX-License-Identifier: GPL-2.0-or-later
"""Synthesized ghost-port conversations for the tunnel, exposure and
inventory tests (scapy, written to a temp dir at test time).

Each scenario says what it sent: the exposures a client revealed (kind,
protocol, user, password length or command) and, for tunnels, the tunnel kind
and inner protocol. The tests compare the plugin's output with these, never
with a snapshot of the plugin's own output.
"""
import base64
import os
import random
import struct

from scapy.all import DNS, DNSQR, GRE, IP, TCP, UDP, Ether, IPv6, Raw, wrpcap  # noqa: E402
from scapy.contrib.geneve import GENEVE
from scapy.contrib.mpls import MPLS
from scapy.layers.vxlan import VXLAN

CLIENT, SERVER = "10.0.0.1", "10.0.0.2"


class Conversation:
    """A TCP connection with handshake, data in both directions and close."""

    def __init__(self, cport, sport):
        self.cport, self.sport = cport, sport
        self.cseq, self.sseq = 1000, 5000
        self.packets = []
        self.octets = {"c2s": 0, "s2c": 0}
        self._segment("c2s", b"", "S")
        self._segment("s2c", b"", "SA")
        self._segment("c2s", b"", "A")

    def _segment(self, direction, payload, flags="PA"):
        if direction == "c2s":
            ip = IP(src=CLIENT, dst=SERVER) / TCP(sport=self.cport, dport=self.sport, seq=self.cseq,
                                                  ack=self.sseq, flags=flags)
        else:
            ip = IP(src=SERVER, dst=CLIENT) / TCP(sport=self.sport, dport=self.cport, seq=self.sseq,
                                                  ack=self.cseq, flags=flags)
        self.packets.append(Ether() / ip / Raw(payload) if payload else Ether() / ip)
        step = len(payload) + (1 if "S" in flags or "F" in flags else 0)
        if direction == "c2s":
            self.cseq += step
        else:
            self.sseq += step
        self.octets[direction] += len(payload)

    def send(self, direction, payload):
        self._segment(direction, payload)
        return self

    def typed(self, text, echo=True):
        """A telnet client typing `text` key by key, the server echoing."""
        for ch in text:
            self.send("c2s", ch.encode())
            if echo and ch not in "\r\n":
                self.send("s2c", ch.encode())
        return self

    def close(self):
        self._segment("c2s", b"", "FA")
        self._segment("s2c", b"", "FA")
        return self


def login(protocol, user, password):
    return {"kind": "cleartext_login", "protocol": protocol, "user": user, "password_length": len(password)}


def shell_session(user=""):
    return {"kind": "shell_session", "protocol": "shell", "user": user}


def command(line, user=""):
    return {"kind": "shell_command", "command": line, "user": user}


def _ber(tag, content):
    return bytes([tag, len(content)]) + content


def _b64(data):
    return base64.b64encode(data).decode()


# name -> (port, builder returning a Conversation, expected exposures)
def _telnet():
    c = Conversation(40001, 403)
    c.send("s2c", b"\xff\xfd\x18\xff\xfd\x20\xff\xfb\x01")
    c.send("c2s", b"\xff\xfb\x18\xff\xfc\x20\xff\xfd\x01")
    c.send("s2c", b"Debian GNU/Linux 12\r\nghost login: ")
    c.typed("alice\r")
    c.send("c2s", b"\x00")
    c.send("s2c", b"\r\nPassword: ")
    c.typed("s3cret\r\n", echo=False)
    c.send("s2c", b"\r\nLinux ghost 6.1.0-13-amd64\r\nalice@ghost:~$ ")
    c.typed("id\r\n")
    c.send("s2c", b"\r\nuid=1000(alice) gid=1000(alice) groups=1000(alice)\r\nalice@ghost:~$ ")
    # The shell is proven by the prompt before id's output names the user.
    return c.close(), [login("Telnet", "alice", "s3cret"), shell_session(), command("id")]


def _ftp():
    c = Conversation(40002, 283)
    c.send("s2c", b"220 (vsFTPd 3.0.3)\r\n").send("c2s", b"USER bob\r\n")
    c.send("s2c", b"331 Please specify the password.\r\n").send("c2s", b"PASS hunter2\r\n")
    c.send("s2c", b"230 Login successful.\r\n").send("c2s", b"PWD\r\n").send("s2c", b'257 "/home/bob"\r\n')
    return c.close(), [login("FTP", "bob", "hunter2")]


def _ldap():
    c = Conversation(40003, 403)
    bind = _ber(0x60, _ber(0x02, b"\x03") + _ber(0x04, b"cn=admin,dc=example,dc=org") + _ber(0x80, b"adminpw"))
    c.send("c2s", _ber(0x30, _ber(0x02, b"\x01") + bind))
    c.send("s2c", _ber(0x30, _ber(0x02, b"\x01") + _ber(0x61, b"\x0a\x01\x00\x04\x00\x04\x00")))
    return c.close(), [login("LDAP", "cn=admin,dc=example,dc=org", "adminpw")]


def _http():
    c = Conversation(40004, 283)
    c.send("c2s", ("GET /admin HTTP/1.1\r\nHost: ghost\r\nAuthorization: Basic %s\r\n\r\n"
                   % _b64(b"dave:open sesame")).encode())
    c.send("s2c", b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
    return c.close(), [login("HTTP", "dave", "open sesame")]


def _smtp():
    c = Conversation(40005, 403)
    c.send("s2c", b"220 ghost ESMTP Postfix\r\n").send("c2s", b"EHLO client\r\n")
    c.send("s2c", b"250-ghost\r\n250 AUTH PLAIN LOGIN\r\n")
    c.send("c2s", ("AUTH PLAIN %s\r\n" % _b64(b"\x00erin\x00pw1234")).encode())
    c.send("s2c", b"235 2.7.0 Authentication successful\r\n")
    c.send("c2s", b"AUTH LOGIN\r\n").send("s2c", b"334 VXNlcm5hbWU6\r\n")
    c.send("c2s", ("%s\r\n" % _b64(b"frank")).encode()).send("s2c", b"334 UGFzc3dvcmQ6\r\n")
    c.send("c2s", ("%s\r\n" % _b64(b"letmein")).encode()).send("s2c", b"235 2.7.0 ok\r\n")
    return c.close(), [login("SMTP", "erin", "pw1234"), login("SMTP", "frank", "letmein")]


def _redis():
    c = Conversation(40006, 403)
    c.send("c2s", b"*2\r\n$4\r\nAUTH\r\n$6\r\nfoobar\r\n").send("s2c", b"+OK\r\n")
    c.send("c2s", b"*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n").send("s2c", b"$-1\r\n")
    return c.close(), [login("Redis", "default", "foobar")]


def _socks5():
    c = Conversation(40007, 283)
    c.send("c2s", b"\x05\x01\x02").send("s2c", b"\x05\x02")
    c.send("c2s", b"\x01\x05grace\x04pass").send("s2c", b"\x01\x00")
    c.send("c2s", b"\x05\x01\x00\x01\x7f\x00\x00\x01\x00\x50").send("s2c", b"\x05\x00\x00\x01\x7f\x00\x00\x01\x00\x50")
    return c.close(), [login("SOCKS5", "grace", "pass")]


def _bind_shell():
    c = Conversation(40008, 403)
    c.send("c2s", b"id\n").send("s2c", b"uid=0(root) gid=0(root) groups=0(root)\n")
    c.send("c2s", b"uname -a\n").send("s2c", b"Linux ghost 6.1.0-13-amd64 #1 SMP x86_64 GNU/Linux\n")
    c.send("c2s", b"cat /etc/passwd\n").send("s2c", b"root:x:0:0:root:/root:/bin/bash\n")
    return c.close(), [shell_session("root"), command("id", "root"), command("uname -a", "root"),
                       command("cat /etc/passwd", "root")]


def _near_miss():
    c = Conversation(40009, 403)
    c.send("c2s", b"GET /id HTTP/1.1\r\nHost: ghost\r\n\r\n").send("s2c", b"HTTP/1.1 404 Not Found\r\n\r\n")
    c.send("c2s", b"GET /uid=0(root) HTTP/1.1\r\nAuthorization: Bearer abc\r\n\r\n")
    return c.close(), []


def _random_bytes():
    c = Conversation(40010, 403)
    rng = random.Random(403)
    for _ in range(50):
        c.send("c2s", bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))))
        c.send("s2c", bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))))
    return c.close(), []


EXPOSURE_SCENARIOS = {
    "telnet_login": _telnet, "ftp_login": _ftp, "ldap_bind": _ldap, "http_basic": _http, "smtp_auth": _smtp,
    "redis_auth": _redis, "socks5_auth": _socks5, "bind_shell": _bind_shell, "near_miss": _near_miss,
    "random_bytes": _random_bytes,
}


def layer_of(port):
    return "rescap" if port == 283 else "decap"


# ------------------------------------------------------------------ tunnels
def _inner_ip():
    return IP(bytes(IP(src="192.0.2.1", dst="192.0.2.53") / UDP(sport=1234, dport=53)
                    / DNS(rd=1, qd=DNSQR(qname="tunnel.example"))))


def _udp(payload, cport=41000, port=403):
    return Ether() / IP(src=CLIENT, dst=SERVER) / UDP(sport=cport, dport=port) / Raw(payload)


VXLAN_GPE_IPV4, VXLAN_GPE_ETHERNET = 1, 3  # next protocol values of the draft


def _vxlan_gpe(next_protocol, inner):
    """draft-ietf-nvo3-vxlan-gpe: flags I and P (0x0C), next protocol, VNI 42."""
    return bytes([0x0C, 0, 0, next_protocol]) + (42 << 8).to_bytes(4, "big") + bytes(inner)


def tunnel_frames():
    """[(frame, tunnel name, inner protocol, outer dissector filter name)]."""
    inner = _inner_ip()
    eth = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / inner
    gtp = bytes([0x30, 0xFF]) + struct.pack("!HI", len(bytes(inner)), 0xC0FFEE) + bytes(inner)
    return [
        (_udp(bytes(VXLAN(vni=42, flags=0x08) / eth)), "VXLAN", "dns", "vxlan"),
        (_udp(bytes(GENEVE(vni=7, proto=0x6558) / eth)), "GENEVE", "dns", "geneve"),
        (_udp(bytes(GRE(proto=0x0800) / inner)), "GRE", "dns", "gre"),
        (_udp(bytes(MPLS(label=100, s=1, ttl=64) / inner)), "MPLS", "dns", "mpls"),
        (_udp(gtp), "GTP-U", "dns", "gtp"),
        # RFC 5586: the GAL, an ACH of channel type IPv4 (RFC 4385: 0x0021), the packet.
        (_udp(bytes(MPLS(label=13, s=1, ttl=1)) + b"\x10\x00\x00\x21" + bytes(inner)), "MPLS", "dns", "mpls"),
        (_udp(b"\xde\xad\xbe\xef\x00\x01" + bytes(inner)), "unknown header", "dns", None),
        # Wireshark 4.0's VXLAN-GPE dissector lists no layer of its own in frame.protocols.
        (_udp(_vxlan_gpe(VXLAN_GPE_IPV4, inner)), "VXLAN-GPE", "dns", None),
        (_udp(_vxlan_gpe(VXLAN_GPE_ETHERNET, eth)), "VXLAN-GPE", "dns", None),
    ]


def port283_frames():
    """Tunnels and bare packets on rescap's port, as decap decodes them on 403:
    [(frame, tunnel name or None, inner layer right after the outer UDP's payload)]."""
    inner = _inner_ip()
    inner6 = IPv6(bytes(IPv6(src="2001:db8::1", dst="2001:db8::53") / UDP(sport=1234, dport=53)
                        / DNS(rd=1, qd=DNSQR(qname="tunnel.example"))))
    eth = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / inner
    return [
        (_udp(bytes(VXLAN(vni=42, flags=0x08) / eth), port=283), "VXLAN", "vxlan"),
        (_udp(bytes(GRE(proto=0x0800) / inner), port=283), "GRE", "gre"),
        (_udp(bytes(eth), port=283), None, "eth"),
        (_udp(bytes(inner), port=283), None, "ip"),
        (_udp(bytes(inner6), port=283), None, "ipv6"),
    ]


def malformed_inner_dns_frame():
    """A whole, valid IPv4/UDP packet on 403 whose DNS query is cut inside
    its name: the inner DNS is malformed, the packet around it is not."""
    dns = bytes(DNS(id=0x4242, rd=1, qd=DNSQR(qname="tunnel.example")))[:20]
    inner = IP(src="192.0.2.1", dst="192.0.2.53") / UDP(sport=1234, dport=53) / Raw(dns)
    return _udp(bytes(inner))


def snapped_inner_frame(keep=40):
    """A UDP 403 frame carrying a whole IPv4/UDP/DNS packet, captured with a
    snap length that keeps `keep` octets of the inner packet.
    Returns (frame, reported payload octets, captured payload octets)."""
    inner = bytes(IP(src="192.0.2.1", dst="192.0.2.53") / UDP(sport=1234, dport=53)
                  / DNS(rd=1, qd=DNSQR(qname="a-long-name-so-that-the-snap-length-cuts-it.tunnel.example")))
    whole = bytes(_udp(inner, cport=41500))
    outer = len(whole) - len(inner)
    frame = Ether(whole[:outer + keep])
    frame.wirelen = len(whole)
    return frame, len(inner), keep


def random_udp_frames(n, seed=4030):
    rng = random.Random(seed)
    frames = []
    for _ in range(n):
        payload = bytearray(rng.randrange(256) for _ in range(rng.randrange(1, 600)))
        payload[0] = rng.choice([0x08, 0x00, 0x30, 0x45, 0x60, payload[0]])  # tunnel-like first octets
        frames.append(_udp(bytes(payload), cport=42000))
    return frames


def write(path, packets):
    wrpcap(str(path), packets)
    os.chmod(path, 0o644)
