# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes captures/ghost/README.md from the manifests (ghost.py readme)."""
import glob
import json
import os

from ghostlib import OUT

# measured wall-clock time of a full `bash tools/ghost/record.sh` with the packages installed
REC_TIME = '7 minutes (6 min 45 s measured with the packages already installed; the first run adds the apt-get installs)'

HEAD = """# Ghost-port captures: what is really on TCP/UDP 283 and 403?

Real service traffic on the IANA "ghost" ports 283 (rescap) and 403 (decap), for
testing that the plugin answers *what is really on this port* (a misplaced service,
a tunnel, a backdoor) instead of claiming everything as broken rescap/decap.

* Every `<name>.pcap` was captured with `dumpcap -i lo -f '<filter>'` (libpcap,
  Ethernet link type, loopback only: 127.0.0.1 <-> 127.0.0.1).
* The **real-service** captures come from real Debian servers (temp config under a
  mktemp dir, bound to 127.0.0.1) driven by their real clients; the few scripted
  clients are named in the table.
* The **tunnel** captures carry payloads built with python3-scapy and sent as real
  UDP datagrams on loopback; the **near-miss** captures are seeded random/structured
  bytes between two python sockets.
* `<name>.json` (the manifest) is written from what the scenario configured and
  sent, never from a dissector's output. The recorder checks that the credential
  bytes listed as exposures, the announced banner/version and the sent commands are
  really in the client->server / server->client byte streams, and that the frame
  counts agree with `capinfos`.
* `verified_with` is the stock-tshark (4.0, no plugin) command that was run to check
  that **every** payload frame decodes as `expected.protocol` (a frame that is only a
  segment of a PDU reassembled later also counts). For the near-misses and the bind
  shell it records the opposite check: stock tshark without Decode As names nothing
  (every payload frame ends in tcp/udp/data).
* Re-record: `bash tools/ghost/record.sh [name...]` (root; installs its Debian
  packages; about REC_TIME for everything on this 2-core machine). Re-check the
  committed files without recording: `/usr/bin/python3 tools/ghost/ghost.py check`.

## Manifest schema (`<name>.json`)

```
{"pcap": "<name>.pcap", "service": "ssh", "transport": "tcp"|"udp", "port": 283|403,
 "server": {"package": "<Debian package>", "version": "<dpkg version>"} | null (synthetic),
 "client": "<client package: command>", "sent": "<what the client sent / the exchange>",
 "expected": {
   "protocol": "ssh",        # stock Wireshark protocol filter name that decodes the payload
                             #   (-d tcp.port==283,ssh); null: no stock dissector / near-miss
   "name": "SSH",            # the name an analyst should see (null for near-misses)
   "product": "OpenSSH", "version": "9.2p1",  # only when the server announces it on the wire
   "exposures": [{"kind": "cleartext_credential"|"shell_session", "protocol": "ftp",
                  "detail": "USER ... / PASS ...", "frame_hint": "client->server",
                  "user": "...", "password": "...", "mechanism": "PLAIN"|"LOGIN" (when SASL),
                  "evidence": ["exact strings present in the client->server stream"]}],
   "must_stay_unnamed": false},   # true for near-misses
 "payload_frames": N,   # frames carrying TCP/UDP payload
 "frames": N,           # all frames (= capinfos)
 "capture_filter": "tcp port 283", "verified_with": "tshark -r X -d tcp.port==283,ssh" | null,
 "notes": "...",
 # tunnels only: "inner": "icmp", "stock_wireshark_port": 4789, "encapsulation": "..."
 # near-misses only: "seed": N, "sizes": [[client, server], ...]
}
```

Credentials used (all throw-away, only ever sent to 127.0.0.1): system account
`ghostuser` / `Gh0st-s3cret` (created for the run and removed afterwards),
`alice`/`wonderland` (HTTP Basic), `mailuser`/`M4il-s3cret` (SMTP/IMAP/POP3),
`cn=admin,dc=ghost,dc=test`/`Ld4p-s3cret` (LDAP), `R3dis-s3cret` (Redis), `Pg-s3cret`
(PostgreSQL), `mqttuser`/`Mq-s3cret` (MQTT), community `Sn3mp-c0mmunity` (SNMP),
`Irc-s3cret` (IRC PASS), `ghost`/`Xmpp-s3cret` (XMPP).
"""

TAIL = """
## System state the recorder touches (and undoes)

* the account `ghostuser` (+ home) is created for the run and removed at the end (`userdel -r`);
  the telnet login writes the usual wtmp/lastlog entries;
* `/run/sshd` (sshd privilege separation) and `/var/run/vsftpd/empty` are created if missing;
* ONC-RPC: a temporary `rpcbind -f` (port 111, not captured) when none runs; the `/run/rpcbind*`
  and `/run/rpc.statd.pid` files it leaves are removed;
* WireGuard: two tun interfaces `wgghost0`/`wgghost1` (no addresses) exist while wireguard-go runs
  and are deleted afterwards;
* everything else (configs, databases, keys, certificates, spools, logs, pid files) lives in a
  mktemp dir per scenario, removed afterwards (kept only when a scenario finally fails);
* every server runs in its own session and is stopped by pid (its process group / its pid file);
  nothing is started or stopped with systemctl/service.
## Not recorded, or recorded differently, and why

| wanted | what happened |
|---|---|
| rpcbind itself on a ghost port | Debian's rpcbind has no port option (always 111). The ONC-RPC captures use rpc.statd (nfs-common, `-p 403`) instead, called directly with `rpcinfo -n 403`; a temporary `rpcbind -f` runs only so that statd can register (port 111 is not captured). statd cannot bind to one address: it listens on the wildcard, only 127.0.0.1 talks to it. |
| WireGuard with the kernel module | This kernel has no WireGuard support (`ip link add type wireguard` fails). The capture uses two wireguard-go (Debian package) userspace interfaces instead: a real handshake, nothing hand-crafted. |
| IMAP `LOGIN` command, POP3 `USER`/`PASS` | curl 7.88 (bookworm) uses SASL whenever the server offers it and cannot be forced to the plain commands; Dovecot always offers SASL. The captures hold `AUTHENTICATE PLAIN` (IMAP, SASL-IR) and `AUTH LOGIN` (POP3) instead - still cleartext credentials. FTP (`USER`/`PASS`) and IRC (`PASS`) have the plain-command form. |
| SMTP with OpenSMTPD | OpenSMTPD offers AUTH only after STARTTLS; exim4 with a temp config offers AUTH PLAIN/LOGIN in the clear, so exim4 is used. |
| stuntman | Not in bookworm; coturn's turnserver + turnutils_stunclient are used. |
| Oracle MySQL | Not in Debian; MariaDB speaks the same protocol (`mysql` dissector). |
| memcached UDP with a Debian client | libmemcached-tools cannot use UDP; the UDP capture uses a small scripted client against the real memcached. |
| IRC and XMPP clients | No small non-interactive Debian client; scripted python socket clients against the real ngircd / prosody. |
| Redis product name | Stock Wireshark 4.0 calls the Redis protocol `resp`; the manifest says protocol `resp`, name `Redis`. |
| syslog/SIP over TCP, OpenVPN over TCP, DTLS, DNS over TLS | Not recorded (one transport per service kept the set small). |
"""


def _exp(e):
    out = []
    for x in e['expected']['exposures']:
        out.append('%s (%s): %s' % (x['kind'], x['protocol'], x['detail']))
    return '<br>'.join(out) if out else '-'


def _cell(s):
    return (s or '-').replace('|', '\\|').replace('\n', ' ')


def write(rec_time=None):
    docs = []
    for p in sorted(glob.glob(os.path.join(OUT, '*.json'))):
        with open(p) as f:
            docs.append(json.load(f))
    groups = [('Real services', lambda d: not d['pcap'].startswith(('tunnel_', 'nearmiss_'))),
              ('Tunnels (UDP 403, scapy-built payloads, real datagrams)', lambda d: d['pcap'].startswith('tunnel_')),
              ('Near-misses (must stay unnamed)', lambda d: d['pcap'].startswith('nearmiss_'))]
    lines = [HEAD.replace('REC_TIME', rec_time or _rec_time())]
    for title, pred in groups:
        sel = [d for d in docs if pred(d)]
        sel.sort(key=lambda d: (d['port'], d['transport'], d['pcap']))
        lines.append('\n## %s (%d)\n' % (title, len(sel)))
        lines.append('| file | transport/port | server package (version) | client | what was sent | expected protocol / name / product / version | expected exposures |')
        lines.append('|---|---|---|---|---|---|---|')
        for d in sel:
            srv = '%s %s' % (d['server']['package'], d['server']['version']) if d.get('server') else '(none: synthetic)'
            e = d['expected']
            exp = '%s / %s / %s / %s' % (e['protocol'] or 'null', e['name'] or 'null', e['product'] or 'null',
                                         e['version'] or 'null')
            if e.get('must_stay_unnamed'):
                exp = 'null (must stay unnamed)'
            if d.get('inner'):
                exp += '; inner %s; stock port %s' % (d['inner'], d.get('stock_wireshark_port') or 'none')
            lines.append('| `%s` | %s/%d | %s | %s | %s | %s | %s |' % (
                d['pcap'], d['transport'].upper(), d['port'], _cell(srv), _cell(d.get('client')),
                _cell(d.get('sent')), _cell(exp), _cell(_exp(d))))
    lines.append(TAIL)
    with open(os.path.join(OUT, 'README.md'), 'w') as f:
        f.write('\n'.join(lines))
    os.chmod(os.path.join(OUT, 'README.md'), 0o644)


def _rec_time():
    return REC_TIME
