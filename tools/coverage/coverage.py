#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Builds doc/coverage.md: which services the ghost-port signature table
recognises, by design.

    /usr/bin/python3 tools/coverage/coverage.py [--output doc/coverage.md]

Rows: (a) the 100 TCP and 50 UDP services nmap finds open most often
(/usr/share/nmap/nmap-services, third column), (b) every Signature{...} row
of plugin/core/ghostports/signatures.cpp (all blocks). For each: the nmap
name and rank, the transport, the signature rows that name it (id and
pattern, parsed from the table), the Wireshark dissector of its well-known
port (`tshark -G decodes`), its framing (FRAMING below) and, when no row
names it, why (REASONS below). tests/dissection/test_docs.py checks that the
committed page is what this script writes now.
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIGNATURES = ROOT / "plugin" / "core" / "ghostports" / "signatures.cpp"
NMAP_SERVICES = Path("/usr/share/nmap/nmap-services")
TOP_TCP, TOP_UDP = 100, 50

# nmap service names whose traffic a row of another nmap name recognises.
ALIASES = {
    "https": "ssl", "https-alt": "ssl", "pop3s": "ssl", "imaps": "ssl", "smtps": "ssl", "ftps": "ssl",
    "ldapssl": "ssl", "http-proxy": "http", "http-alt": "http", "squid-http": "http", "submission": "smtp",
    "sun-answerbook": "http", "vnc-http": "http", "upnp": "http", "wsdapi": "http", "snet-sensor-mgmt": "http",
    "ipp": "http", "blackice-icecap": "http", "abyss": "http", "X11:1": "X11", "ms-lsa": "msrpc", "radacct": "radius",
}

# How the protocol frames its messages (by the rows' display name, or nmap name).
FRAMING = {
    "SSH": "version line, then binary packets (4-octet length)", "TLS": "5-octet record header",
    "HTTP": "line-based head, Content-Length / chunked body", "RTSP": "line-based head, Content-Length body",
    "SIP": "line-based head, Content-Length body", "FTP": "line-based (CR LF)", "SMTP": "line-based (CR LF)",
    "POP3": "line-based (CR LF)", "IMAP": "line-based, tagged; {n} literals", "Telnet": "byte stream with IAC commands",
    "Redis": "RESP: type octet, CR LF lines, $n bulk lengths", "memcached": "text: lines, data blocks of stated length; binary: 24-octet header + body",
    "rsync": "line-based greeting, then multiplexed binary", "Git": "pkt-line: 4 hex digits of length",
    "IRC": "line-based (CR LF)", "XMPP": "XML stream", "DNS": "datagram; TCP: 2-octet length prefix",
    "LDAP": "BER TLV (definite lengths)", "SNMP": "BER TLV in a datagram", "STUN": "20-octet header with length",
    "WireGuard": "datagram, fixed size per type", "OpenVPN": "datagram; TCP: 2-octet length prefix",
    "SOCKS4": "fixed header + NUL-terminated user id", "SOCKS5": "version, method count, methods",
    "MySQL": "3-octet length + sequence", "PostgreSQL": "4-octet length (+ type octet)",
    "MQTT": "fixed header + variable-length remaining length", "TFTP": "datagram: opcode + NUL-terminated strings",
    "ONC-RPC": "datagram; TCP: 4-octet record mark", "Syslog": "datagram; TCP: octet-counting or LF (RFC 6587)",
    "Shell session (bind shell)": "byte stream (terminal)", "NTP": "48-octet datagram",
    "rlogin": "NUL-separated strings, then a byte stream", "rsh": "NUL-separated strings, then a byte stream",
    "Gopher": "line-based (CR LF), menu ends with '.'", "NUT": "line-based (LF)", "ident": "line-based (CR LF)",
    "Finger": "line-based (CR LF)", "LPD": "command octet + LF-ended line", "NNTP": "line-based (CR LF), '.'-ended",
    "DICT": "line-based (CR LF), '.'-ended", "msrpc": "DCE/RPC 16-octet header with fragment length",
    "microsoft-ds": "NBSS 4-octet header", "netbios-ssn": "NBSS 4-octet header",
    "ms-wbt-server": "TPKT 4-octet header", "ms-sql-s": "TDS 8-octet header", "VNC": "RFB version line, then binary",
    "Chargen": "line-based (CR LF), a rotating pattern",
    "pptp": "2-octet length + magic cookie", "bgp": "16-octet marker + 2-octet length",
    "kerberos-sec": "TCP: 4-octet length prefix", "ajp13": "2-octet magic + 2-octet length",
    "X11": "12-octet setup request", "h323q931": "TPKT 4-octet header", "afp": "DSI 16-octet header",
    "netbios-ns": "NetBIOS name service datagram", "netbios-dgm": "NetBIOS datagram header",
    "isakmp": "28-octet ISAKMP header", "nat-t-ike": "non-ESP marker + ISAKMP header",
    "dhcps": "BOOTP 236-octet header + magic cookie", "dhcpc": "BOOTP 236-octet header + magic cookie",
    "radius": "20-octet header with length", "L2TP": "L2TP header with flags/length",
    "echo": "none (the octets back)", "discard": "none", "daytime": "one line of free text",
    "time": "4 octets (seconds since 1900)", "DCE/RPC": "16-octet header with fragment length (UDP: 80-octet header)",
    "H.323 (H.225.0)": "TPKT 4-octet header, Q.931 information elements", "AFP (DSI)": "DSI 16-octet header",
    "SMUX": "BER TLV (definite lengths)", "AJP13": "2-octet magic + 2-octet length",
    "NetBIOS-NS": "DNS-like datagram, encoded NetBIOS names", "NetBIOS-DGM": "NetBIOS datagram header + encoded names",
    "IKE": "28-octet ISAKMP header (NAT-T: after a non-ESP marker)", "L2TP": "L2TP header with flags/length, AVPs",
    "SLP": "SLPv2 header with 3-octet length", "LDP": "PDU header (version, length) + TLV messages",
    "NRPE": "fixed-size packet (v2) / 16-octet header + buffer (v3-4), CRC-32",
    "XDMCP": "6-octet header (version, opcode, length) + ARRAY8 fields",
    "RMCP/IPMI": "RMCP 4-octet header + ASF / IPMI session header, checksummed IPMI message",
    "iSCSI": "48-octet basic header segment + data segment (padded to 4)",
    "Oracle TNS": "8-octet header (length, checksums, type), connect data at an offset",
    "Kerberos kpasswd": "2-octet length, version, AP length; TCP: 4-octet length prefix",
    "DRDA (DB2)": "DSS 6-octet header (length, 0xD0, format) + DDM objects", "ZooKeeper": "4-octet length + jute record",
    "Zabbix": "\"ZBXD\" + flags + little-endian lengths",
    "CoAP": "4-octet header, token, delta-encoded options, 0xFF + payload",
    "NetFlow": "v5: 24-octet header + 48-octet records; v9: 20-octet header + FlowSets (id, length)",
    "IPFIX": "16-octet message header with length + sets (id, length)",
    "STOMP": "command line, header lines, blank line, body, NUL",
    "OVSDB": "JSON-RPC 1.0 objects, one after another", "JSON-RPC": "JSON objects; or Content-Length header + body",
    "Graphite": "plaintext: LF lines (path value timestamp); pickle: 4-octet length + pickle",
    "RIP": "4-octet header + 20-octet route entries", "route": "4-octet header + 20-octet route entries",
    "Babel": "4-octet header (magic, version, body length) + TLVs", "DHCPv6": "4-octet header + options (code, length)",
    "GDB remote": "$data#checksum packets, + / - acknowledgements",
    "MPEG-TS": "188-octet packets, sync octet 0x47",
    "StatsD": "LF-separated lines bucket:value|type",
    "ADC (Direct Connect)": "LF-ended lines, type + command + escaped parameters",
    "tinc": "LF-ended ID and METAKEY lines, then encrypted (1.0) or SPTPS records (1.1)",
    "beanstalkd": "CR LF command / reply lines, bodies of the length the line gives",
    "FastCGI": "8-octet record header (version, type, request id, content and padding length)",
    "distcc": "12-octet tokens (4 capitals + 8 hex digits), string data after",
    "EPMD": "2-octet length + tag (requests); NAMES answer: 4-octet port + text lines",
    "ntalk": "fixed 84-octet CTL_MSG / 24-octet CTL_RESPONSE datagrams",
    "Bacula": "4-octet length + message (bsock)",
    "chrony": "20-octet request / 28-octet reply header, padded datagrams",
    "Bazaar": "protocol header line, then 4-octet length + bencoded parts",
    "ManageSieve": "line-based (CR LF), quoted strings and {n+} literals",
    "SPAMC/SPAMD": "request / status line, header lines, empty line, message",
    "clamd": "z-commands ended by NUL or n-commands ended by LF; INSTREAM: 4-octet length chunks",
    "NATS": "line-based (CR LF) ops, payloads of the length the op gives",
    "CVS pserver": "LF lines: the authentication block, then CVS client requests",
    "gpsd": "?COMMAND[=JSON]; requests, one JSON object per CR LF line",
    "LCDproc": "line-based (LF) commands and answers",
    "UUCP": "login chat, then DLE ... NUL handshake messages, then the g/t/i protocol",
    "Unison": "greeting line, then marshalled OCaml values",
    "iperf3": "37-octet cookie, one-octet states, 4-octet length + JSON",
    "Asterisk AMI": "banner line, then CR LF Key: value blocks ended by an empty line",
    "Munin": "line-based (LF) commands and answers, multi-line answers ended by '.'",
    "Postfix policy": "LF name=value lines ended by an empty line",
    "SCGI": "netstring of NUL-separated headers, then the body",
    "LMTP": "line-based (CR LF), SMTP's replies",
    "Milter": "4-octet length + command octet",
    "Bolt (Neo4j)": "20-octet handshake, then 2-octet chunked PackStream messages",
    "Java RMI": "7-octet header JRMI + version + protocol, then serialized Java objects",
    "Tarantool": "128-octet greeting, then MessagePack with a length prefix",
    "apcupsd NIS": "2-octet length + text",
    "PulseAudio": "20-octet frame descriptor + tagstruct",
    "Ganglia": "XDR (gm_protocol.x) datagrams",
    "aMule EC": "8-octet header (flags, length) + opcode and tags",
    "BitTorrent tracker (UDP)": "fixed-layout datagrams (BEP 15)",
    "BitTorrent DHT": "bencoded KRPC dictionaries",
    "OSC": "NUL-padded strings and typed arguments, 4-octet aligned",
    "KNXnet/IP": "6-octet header with the total length",
    "Guacamole": "LENGTH.VALUE elements, ',' separated, ';' ended",
    "RELP": "txnr command datalen data LF frames",
    "InfluxDB line protocol": "LF lines",
    "LIRC": "LF lines; BEGIN ... END reply blocks",
    "Pyro": "24-octet header with a checksum, then serialized data",
    "libvirt RPC": "4-octet length + XDR header (program, version, procedure, type, serial, status)",
    "binkp": "2-octet frame header (command bit + 15-bit length)",
    "Dask": "8-octet little-endian total, frame count and lengths, then msgpack frames",
    "Nebula": "16-octet header, then Noise-encrypted payload",
    "ConMan": "line-based (LF) KEY='value' pairs",
    "Guile REPL": "a banner, then Scheme expressions and their values",
    "D-Bus": "CR LF authentication lines, then messages (16-octet header, field array, body length)",
    "Erlang distribution": "handshake: 2-octet length prefix; then 4-octet length prefix",
    "9P": "4-octet little-endian size + type + tag", "USB/IP": "8-octet operation header (version, code, status)",
    "Thrift": "framed: 4-octet length; strict binary: 0x8001 + message header + typed fields",
    "MessagePack-RPC": "msgpack arrays, one value per message", "QEMU QMP": "JSON objects, CR LF-ended",
    "QEMU monitor": "a banner and prompt, then command lines", "Tor control": "line-based (CR LF), ddd[ -+] replies",
    "Dovecot auth": "line-based (LF), TAB-separated fields", "I2P SAM": "line-based (LF), KEY=VALUE options",
    "Amanda": "datagram: a header line, then LF text", "ICAP": "line-based head, Encapsulated body offsets",
    "Gnutella": "line-based handshake head, then 23-octet descriptor headers",
    "OPC UA": "8-octet header (type, chunk, little-endian size)",
    "EtherNet/IP": "24-octet encapsulation header + data length", "BACnet/IP": "4-octet BVLC header with length",
    "IEC 60870-5-104": "APDU: 0x68 + 1-octet length", "OpenFlow": "8-octet header (version, type, length, xid)",
    "BFD": "24-octet control packet (+ authentication)", "GTP": "8-octet header with length (+ 4 optional octets)",
    "GTPv2": "4-octet header with length (+ TEID), IEs", "ICP": "20-octet header with length, NUL-ended URL",
    "nREPL": "bencoded dictionaries", "nanomsg SP": "8-octet SP header, then 8-octet length prefixes",
    "DBGp": "decimal length NUL XML NUL; NUL-ended command lines", "SPICE": "16-octet link header (REDQ, version, size)",
    "XRootD": "20-octet handshake, then 24-octet request headers / 8-octet response headers",
    "Quake III": "datagram: four 0xFF octets + a text command", "Source engine query": "datagram: four 0xFF octets + a query",
    "Minetest": "datagram: 4-octet protocol id, peer, channel, type", "rtpengine NG": "cookie + bencoded dictionary",
    "MGCP": "line-based command + parameter lines, SDP body", "GELF": "datagram: a JSON object; TCP: NUL-ended",
    "QUIC": "datagram: long / short headers, varint lengths", "OpenWire (ActiveMQ)": "4-octet size + data type",
    "CQL (Cassandra)": "9-octet frame header with length", "Firebird": "XDR: 4-octet big-endian words, padded strings",
    "uWSGI": "4-octet header (modifiers, little-endian size) + variables", "Snapcast": "26-octet little-endian header with size",
    "Livestatus": "LF query lines; answer: fixed16 header + body", "I2P BOB": "line-based (LF)",
    "OpenVPN management": "line-based (CR LF), > notifications", "WS-Discovery": "datagram: a SOAP envelope",
    "Zephyr": "datagram: NUL-separated ASCII fields", "Debug Adapter Protocol": "Content-Length head + JSON body",
    "GQTP (Groonga)": "24-octet header with size + body", "rtl_tcp": "12-octet greeting, then I/Q samples",
    "ADS-B feed (dump1090)": "line-based: SBS-1 CSV or AVR hex",
    "H2 database": "big-endian ints and UTF-16 strings", "Virtuoso": "Dkbox-serialized boxes",
    "sccache": "4-octet length + bincode", "PowerMan": "line-based (CR LF) replies, then a prompt",
    "GIOP": "12-octet header (GIOP, version, flags, type, size in its byte order)",
    "DICOM": "6-octet PDU header (type, 4-octet length), items with 2-octet lengths, PDVs with 4-octet lengths",
    "Ceph": "banner (ceph v027 / ceph v2 + 2-octet length), then entity addresses / frames",
    "iSNS": "12-octet header with length, 8-octet TLV heads (lengths x4)", "Z39.50": "BER PDUs (definite lengths)",
    "lbcd": "datagram: 8-octet header, 36-octet load report, weight pairs",
    "RPKI-RTR": "8-octet PDU header with a 4-octet length", "IPA (Osmocom)": "2-octet length + stream id",
    "MAC-Telnet": "datagram: 22-octet header, control packets with 4-octet lengths",
    "SAP": "datagram: 8/20-octet header + authentication data, SDP text", "DLT (AUTOSAR)": "4-octet standard header with length",
    "ENet": "datagram: 2/4-octet header, commands of fixed sizes + data lengths",
    "RakNet": "datagram: message id + offline magic", "TetriNET": "0xFF-ended text messages", "LysKOM": "line-based (LF), Hollerith strings",
    "poolcounter": "line-based (LF)", "sysrqd": "a prompt, then LF lines", "poppassd": "line-based (CR LF)",
    "SKK": "one request / answer, space- or LF-ended", "Syncplay": "CR LF-ended JSON objects",
    "INDI": "XML elements", "BOINC GUI RPC": "XML, ended by 0x03", "Pioneers meta-server": "line-based (LF)",
    "Swank (SLIME)": "6 hex digits length + s-expression",
    "sFlow": "28/40-octet datagram header + samples (format, length) + records (format, length)",
    "TACACS+": "12-octet header with a 4-octet length (body obfuscated unless the clear flag is set)",
    "Diameter": "20-octet header with a 3-octet length + AVPs padded to 4",
    "RTCP": "compound datagram: packets with a 16-bit length in 32-bit words",
    "ZMTP (ZeroMQ)": "64-octet greeting, then frames with a 1- or 8-octet size",
    "PTP": "34-octet header with messageLength, fixed body per type + TLVs",
}

# Why a frequent service has no row (by nmap name).
REASONS = {
    "https": "TLS: named TLS by tls-hello; what runs inside is encrypted",
    "pop3s": "TLS from the first octet: named TLS; the protocol inside is encrypted",
    "imaps": "TLS from the first octet: named TLS; the protocol inside is encrypted",
    "smtps": "TLS from the first octet: named TLS; the protocol inside is encrypted",
    "ftps": "TLS from the first octet: named TLS; the protocol inside is encrypted",
    "https-alt": "TLS: named TLS; the protocol inside is encrypted",
    "microsoft-ds": "binary, length-framed (NBSS + SMB): the framed rows' work (framed_signatures)",
    "netbios-ssn": "binary, length-framed (NBSS): the framed rows' work (framed_signatures)",
    "ms-wbt-server": "binary, length-framed (TPKT + X.224): the framed rows' work",
        "pptp": "binary, length-framed with a magic cookie: the framed rows' work",
    "bgp": "binary, marker + length: the framed rows' work",
    "ms-sql-s": "binary, TDS length-framed: the framed rows' work",
    "kerberos-sec": "binary, ASN.1 DER behind a length prefix: the framed rows' work",
    "nfs": "ONC RPC: named ONC-RPC by the rpc rows (program 100003)",
    "echo": "no grammar: the server returns what it receives",
    "discard": "no grammar: the server sends nothing",
    "daytime": "too weak: one line of free-form time text (RFC 867 prescribes no syntax)",
    "time": "too weak: any 4 octets are a time (RFC 868)",
    "pop3pw": "poppassd: '200 ...' lines with no fixed vocabulary",
    "snpp": "too weak: its 220 greeting is FTP's and SMTP's, its commands (PAGE, MESS, SEND) words with free text",
    "news": "NeWS window system: binary PostScript, obsolete",
    "klogin": "Kerberos-authenticated rlogin: binary tickets", "kshell": "Kerberos-authenticated rsh: binary tickets",
    "pcanywheredata": "proprietary binary", "radmin": "proprietary binary", "jetdirect": "raw print data: no grammar",
    "ppp": "no single protocol on this port", "realserver": "proprietary", "aol": "proprietary (OSCAR FLAP)",
    "cisco-sccp": "Skinny: length-framed, but each message's layout changes with the protocol version: no row yet", "wms": "proprietary (MMS)",
    "dc": "no single protocol on this port", "rsftp": "no single protocol on this port",
    "hosts2-ns": "no single protocol on this port (often HTTP)",
    "unknown": "no protocol assigned", "NFS-or-IIS": "no single protocol (Windows RPC ports)",
    "LSA-or-nterm": "no single protocol (Windows RPC ports)", "IIS": "no single protocol (Windows RPC ports)",
"filenet-tms": "no single protocol on this port",
    "ccproxy-ftp": "FTP on another port: named by the FTP rows when it greets", "nfsd-status": "no single protocol",
    "admdog": "no single protocol on this port", "airport-admin": "proprietary binary",
    "mapper-ws_ethd": "no single protocol on this port", "ida-agent": "no single protocol on this port",
    "pn-requester": "no single protocol on this port",
    "ms-sql-m": "SQL Server resolution: one octet 0x02-0x04, too weak",
    "dhcps": "BOOTP/DHCP: broadcast, not reachable as a loopback ghost service", "dhcpc": "BOOTP/DHCP client port",
    "isakmp": "IKE: binary header: the framed rows' work",
    "upnp": "SSDP: HTTP over UDP (the HTTP rows)",
    "snmptrap": "SNMP trap: named SNMP by snmp-ber", "zeroconf": "mDNS: DNS messages (named DNS by dns-udp)",
    "radius": "binary, 20-octet header: the framed rows' work",
    "puparp": "no single protocol on this port",
    "vsinet": "no single protocol on this port", "maitrd": "no single protocol on this port",
    "applix": "no single protocol on this port", "netassistant": "proprietary (Apple Remote Desktop)",
    "profile": "no single protocol on this port", "msantipiracy": "no single protocol on this port",
    "omad": "no single protocol on this port", "blackjack": "no single protocol on this port",
    "IISrpc-or-vat": "no single protocol on this port", "bakbonenetvault": "proprietary",
    "win-rpc": "Windows RPC ports", "http-rpc-epmap": "DCE/RPC over HTTP",
    "dls-monitor": "no single protocol on this port", "serialnumberd": "no single protocol on this port",
}


def nmap_ranking():
    """[(name, port, transport, frequency)] sorted by frequency, per transport."""
    rows = {"tcp": [], "udp": []}
    for line in NMAP_SERVICES.read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            continue
        port, _, transport = cols[1].partition("/")
        if transport in rows:
            rows[transport].append((cols[0], int(port), transport, float(cols[2])))
    for r in rows.values():
        r.sort(key=lambda x: (-x[3], x[1]))
    return rows


STRING = r'"(?:[^"\\]|\\.)*"'
ROW = re.compile(r"Signature\{\s*(" + STRING + r")\s*,\s*(" + STRING + r")\s*,\s*(nullptr|" + STRING +
                 r")\s*,\s*(\d+)\s*,\s*T::(\w+)\s*,\s*S::(\w+)\s*,\s*(nullptr|" + STRING + r")\s*,\s*((?:" + STRING +
                 r"\s*)+),\s*([\w:]+)\s*\}", re.S)


def c_string(literal):
    if literal == "nullptr":
        return None
    parts = re.findall(STRING, literal)
    return "".join(bytes(p[1:-1], "utf-8").decode("unicode_escape") for p in parts)


def signature_rows():
    text = SIGNATURES.read_text()
    rows = []
    for m in ROW.finditer(text):
        rows.append({"id": c_string(m.group(1)), "protocol": c_string(m.group(2)), "dissector": c_string(m.group(3)),
                     "port": int(m.group(4)), "transport": m.group(5).lower(), "sender": m.group(6).lower(),
                     "nmap": c_string(m.group(7)), "pattern": c_string(m.group(8))})
    if not rows:
        sys.exit("coverage: no Signature{...} rows found in %s" % SIGNATURES)
    return rows


def decodes():
    """(transport, port) -> [dissector filter names] from `tshark -G decodes`."""
    out = subprocess.run(["tshark", "-G", "decodes"], capture_output=True, text=True, timeout=120).stdout
    table = {}
    for line in out.splitlines():
        cols = line.split("\t")
        if len(cols) == 3 and cols[0] in ("tcp.port", "udp.port") and cols[1].isdigit():
            table.setdefault((cols[0][:3], int(cols[1])), []).append(cols[2])
    return table


def tshark_version():
    out = subprocess.run(["tshark", "-v"], capture_output=True, text=True, timeout=60).stdout
    m = re.search(r"TShark \(Wireshark\) (\d+\.\d+)", out)
    return m.group(1) if m else "?"


def cell(text):
    return (text or "").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ")


def applies(row, transport):
    return row["transport"] in (transport, "both")


def rows_for(service, transport, rows):
    name = ALIASES.get(service, service)
    return [r for r in rows if r["nmap"] == name and applies(r, transport)]


def build():
    ranking = nmap_ranking()
    rows = signature_rows()
    ports = decodes()
    rank_of = {}
    for transport, entries in ranking.items():
        for i, (name, port, _, _) in enumerate(entries, 1):
            rank_of.setdefault((name, transport), (i, port))
    out = ["<!-- Generated by tools/coverage/coverage.py; do not edit (tests/dissection/test_docs.py checks it). -->",
           "# Coverage of the ghost-port signature table, by design", "",
           "Which services the signature table (`plugin/core/ghostports/signatures.cpp`, all blocks) names from one "
           "payload, against the services nmap finds open most often (`/usr/share/nmap/nmap-services`, ranked by "
           "its open frequency), with the Wireshark %s dissector of each service's well-known port "
           "(`tshark -G decodes`). A service the table does not name says why. How rows are chosen and ordered: "
           "[ghost-ports.md](ghost-ports.md)." % tshark_version(), ""]
    summary = []
    sections = []
    for transport, top in (("tcp", TOP_TCP), ("udp", TOP_UDP)):
        lines = ["## Top %d %s services" % (top, transport.upper()), "",
                 "| rank | nmap name | port | recognised by | Wireshark dissector | framing | why not |",
                 "|---|---|---|---|---|---|---|"]
        named = 0
        for i, (name, port, _, _) in enumerate(ranking[transport][:top], 1):
            matched = rows_for(name, transport, rows)
            named += bool(matched)
            protocol = matched[0]["protocol"] if matched else None
            framing = FRAMING.get(protocol or "") or FRAMING.get(name, "")
            why = "" if matched else REASONS.get("%s:%s" % (name, transport)) or REASONS.get(
                name, "no row yet (no strict grammar studied)")
            lines.append("| %d | %s | %d | %s | %s | %s | %s |" % (
                i, cell(name), port, cell(", ".join("`%s` (%s)" % (r["id"], r["protocol"]) for r in matched)),
                cell(", ".join(ports.get((transport, port), []))), cell(framing), cell(why)))
        summary.append("- top %d %s services: %d recognised by a row, %d not" % (top, transport.upper(), named,
                                                                             top - named))
        sections += lines + [""]
    out += ["Summary:", ""] + summary + ["- signature rows: %d (%d protocols)" % (
        len(rows), len({r["protocol"] for r in rows}))] + [""] + sections
    out += ["## Every signature row", "",
            "| row | protocol | transport | sender | nmap name (rank) | what is checked | Wireshark dissector | framing |",
            "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        transports = ["tcp", "udp"] if r["transport"] == "both" else [r["transport"]]
        ranks = ["%s/%s #%d" % (r["nmap"], t, rank_of[(r["nmap"], t)][0]) for t in transports
                 if r["nmap"] and (r["nmap"], t) in rank_of]
        nmap = ", ".join(ranks) or (r["nmap"] or "-")
        # port 0: the row has no port (tshark lists tsdns's "port 0" registration there)
        dissectors = r["dissector"] or ", ".join(
            sorted({d for t in transports for d in ports.get((t, r["port"]), []) if r["port"]})) or "-"
        if not r["dissector"] and r["port"]:
            dissectors += " (port %d)" % r["port"]
        out.append("| `%s` | %s | %s | %s | %s | %s | %s | %s |" % (
            r["id"], cell(r["protocol"]), r["transport"].upper() if r["transport"] != "both" else "TCP+UDP",
            r["sender"], cell(nmap), cell(r["pattern"]), cell(dissectors), cell(FRAMING.get(r["protocol"], ""))))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--output", default=str(ROOT / "doc" / "coverage.md"))
    a = ap.parse_args()
    Path(a.output).write_text(build())


if __name__ == "__main__":
    main()
