# SPDX-License-Identifier: GPL-2.0-or-later
"""The signature rows added for issue 20's second round, end to end: the real
octets of tests/unit/signature_cases.hpp (read from that file, so the unit
tests and this test share one table), each sent over TCP or UDP on 283 and on
403 by the side the case says, through tshark with the plugin, in one pass
and in two.

Expected from the case itself: the service it names (the case's protocol),
the frame decoded by Wireshark's own dissector where Wireshark has one (a
protocol after the ghost layer in frame.protocols), and tshark exiting
cleanly (the JSON case once crashed it: the hand-off passed TCP's data to a
media-type dissector).
"""
import re
from pathlib import Path

import pytest
from scapy.all import IP, TCP, UDP, Ether, Raw, wrpcap

import rescaptest as RT

CASES_FILE = RT.REPO / "tests" / "unit" / "signature_cases.hpp"

# case name -> Wireshark's dissector for it in frame.protocols (None: Wireshark 4.0 has none)
CASES = {
    "coap get well-known core": "coap",
    "coap link-format answer": "coap",
    "memcached binary getk": "memcache",
    "memcached binary version": "memcache",
    "netflow v5": "cflow",
    "netflow v9": "cflow",
    "ipfix": "cflow",
    "ovsdb list_dbs": "json",
    "ovsdb list_dbs answer": "json",
    "gdb qsupported": None,
    "rip v2 response": "rip",
    "babel hello ihu": "babel",
    "dhcpv6 solicit": "dhcpv6",
    "dhcpv6 advertise": "dhcpv6",
    "mpeg-ts udp": "mp2t",
    "sflow v5": "sflow",
    # rows by design before fresh7: one case per protocol (ENet and the others without a dissector: data, not a
    # heuristic's guess)
    "dicom associate rq": "dicom",
    "giop request": "giop",
    "isns devattrreg": "isns",
    "rpki-rtr cache answer": "rpkirtr",
    "ipa ccm id get": "gsm_ipa",
    "mactelnet begin auth": "mactelnet",
    "sap announcement": "sap",
    "dlt messages": "dlt",
    "syncplay hello": "json",
    "boinc request": "xml",
    "enet connect": None,
    "tetrinet login": None,
    "swank client": None,
}

CASE = re.compile(r'\{"(?P<what>[^"]+)",\s*(?://[^\n]*\n\s*)?hex\((?P<hex>(?:\s*"[0-9a-fA-F ]*"\s*)+)\),\s*'
                  r'Transport::(?P<transport>Tcp|Udp),\s*Sender::(?P<sender>Client|Server),\s*"(?P<protocol>[^"]+)"\}')


def signature_cases():
    """{name: (payload, transport, sender, protocol)} of the hex cases of signature_cases.hpp."""
    out = {}
    for m in CASE.finditer(CASES_FILE.read_text()):
        digits = "".join(re.findall(r'"([0-9a-fA-F ]*)"', m.group("hex"))).replace(" ", "")
        out[m.group("what")] = (bytes.fromhex(digits), m.group("transport"), m.group("sender"), m.group("protocol"))
    return out


def conversation(payload, transport, sender, port):
    """The payload in one conversation with a client at 10.0.0.1:40123 and the service on `port`."""
    client, server = ("10.0.0.1", 40123), ("10.0.0.2", port)
    src, dst = (client, server) if sender == "Client" else (server, client)
    if transport == "Udp":
        return [Ether() / IP(src=src[0], dst=dst[0]) / UDP(sport=src[1], dport=dst[1]) / Raw(payload)]

    def seg(a, b, flags, seq, ack, data=b""):
        p = Ether() / IP(src=a[0], dst=b[0]) / TCP(sport=a[1], dport=b[1], flags=flags, seq=seq, ack=ack)
        return p / Raw(data) if data else p

    c_seq, s_seq = 1000, 5000
    packets = [seg(client, server, "S", c_seq, 0), seg(server, client, "SA", s_seq, c_seq + 1),
               seg(client, server, "A", c_seq + 1, s_seq + 1)]
    if sender == "Client":
        packets.append(seg(client, server, "PA", c_seq + 1, s_seq + 1, payload))
    else:
        packets.append(seg(server, client, "PA", s_seq + 1, c_seq + 1, payload))
    return packets


@pytest.fixture(scope="module")
def cases():
    found = signature_cases()
    missing = sorted(set(CASES) - set(found))
    assert not missing, "not hex cases of %s: %s" % (CASES_FILE.name, missing)
    return found


@pytest.mark.parametrize("port", [283, 403])
@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("two_pass", [False, True], ids=["one-pass", "two-pass"])
def test_row_names_and_hands_over(tshark, cases, name, port, two_pass):
    payload, transport, sender, protocol = cases[name]
    layer = "rescap" if port == 283 else "decap"
    path = Path(tshark.capdir) / ("row_%s_%d.pcap" % (re.sub(r"\W+", "_", name), port))
    wrpcap(str(path), conversation(payload, transport, sender, port))
    path.chmod(0o644)
    args = ["-r", str(path), "-T", "fields", "-E", "occurrence=f", "-e", "frame.protocols", "-e",
            "%s.service.protocol" % layer]
    if two_pass:
        args.append("-2")
    rows = [line.split("\t") for line in tshark(*args).splitlines()]
    protocols, service = rows[-1][0].split(":"), rows[-1][1]  # the payload is the last frame
    assert service == protocol, "%s on %d: named %r, the case is %s" % (name, port, service, protocol)
    assert layer in protocols, protocols
    dissector = CASES[name]
    after = protocols[protocols.index(layer) + 1:]
    if dissector is not None:
        assert dissector in after, "%s on %d: %s not decoded by Wireshark's %s" % (name, port, protocols, dissector)
    else:  # named only: shown as data, never as the guess of an unrelated heuristic dissector
        assert after in ([], ["data"]), "%s on %d: named only, yet decoded as %s" % (name, port, protocols)
