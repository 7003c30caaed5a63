#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Anchors: what other tools say about the same captures, scored like the plugin.

    anchors.py run [--split S]
                        runs nDPI (ndpiReader, host package libndpi-bin) and Suricata 7
                        (suricata -r in a trixie root, app-layer protocol of each flow)
                        over captures/eval/*.pcap (only those of split S: tune, heldout,
                        fresh, fresh2, fresh3, fresh4, fresh5, fresh6 or fresh7); stores their answers in captures/eval/anchors.json
                        (answers of the other captures are kept)
    anchors.py table    prints the table (nmap from the manifests' anchors.nmap, which
                        record.sh got LIVE; nDPI / Suricata from anchors.json) and writes
                        captures/eval/anchors-score.json

Per capture a tool's answer is the protocol of the flow(s) on the service port
(TCP/UDP 283 or 403); nmap's answer is its -sV service name, unless nmap only
guessed it from its port table (method "table": counted as unnamed).
The mapping tool name -> service is tools/eval/names.py.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from scoring import CAPS, manifests, score, markdown  # noqa: E402

SURICATA_ROOT = os.environ.get('RESCAP_SURICATA_ROOT', '/var/cache/rescap-eval/trixie-suricata')
STORE = os.path.join(CAPS, 'anchors.json')


# ---------------------------------------------------------------- nDPI

FLOW_RE = re.compile(r'^\s*\d+\s+(TCP|UDP)\s+\S+:(\d+)\s+<?->\s+\S+:(\d+)\s+\[proto: ([^\]]*)\]'
                     r'.*?\[Confidence: ([^\]]*)\]')


def ndpi(pcap, port):
    r = subprocess.run(['ndpiReader', '-q', '-i', pcap, '-v', '2'], capture_output=True, text=True, timeout=120)
    flows = []
    for ln in r.stdout.splitlines():
        m = FLOW_RE.match(ln)
        if not m:
            continue
        if port not in (int(m.group(2)), int(m.group(3))):
            continue
        proto = m.group(4).split('/', 1)[-1]       # "7.131/HTTP.HTTP_Proxy" -> "HTTP.HTTP_Proxy"
        flows.append({'transport': m.group(1).lower(), 'proto': proto, 'confidence': m.group(5)})
    # a name only when nDPI inspected the payload (not a port-based guess)
    names = Counter(f['proto'] for f in flows if f['proto'] != 'Unknown' and f['confidence'].startswith('DPI'))
    return {'flows': flows, 'name': names.most_common(1)[0][0] if names else None,
            'product': None, 'version': None}


# ---------------------------------------------------------------- Suricata (trixie root)

def suricata_all(pcaps):
    if not os.path.isdir(SURICATA_ROOT):
        raise SystemExit('no Suricata root at %s (see doc/evaluation.md)' % SURICATA_ROOT)
    work = os.path.join(SURICATA_ROOT, 'tmp', 'rescap-eval')
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    ver = subprocess.run(['chroot', SURICATA_ROOT, 'suricata', '-V'], capture_output=True, text=True,
                         timeout=60).stdout.strip()
    out = {}
    try:
        for pcap, port in pcaps:
            name = os.path.basename(pcap)
            shutil.copy(pcap, os.path.join(work, name))
            logd = os.path.join(work, name + '.out')
            os.makedirs(logd)
            r = subprocess.run(['chroot', SURICATA_ROOT, 'suricata', '-r', '/tmp/rescap-eval/' + name,
                                '-l', '/tmp/rescap-eval/%s.out' % name, '-k', 'none', '--runmode', 'single',
                                '-c', '/etc/suricata/suricata.yaml'],
                               capture_output=True, text=True, timeout=300)
            out[name] = suricata_eve(os.path.join(logd, 'eve.json'), port)
            out[name]['exit'] = r.returncode
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out, ver


def suricata_eve(path, port):
    flows, software = [], []
    try:
        lines = open(path).read().splitlines()
    except OSError:
        return {'error': 'no eve.json', 'name': None, 'product': None, 'version': None}
    for ln in lines:
        try:
            ev = json.loads(ln)
        except ValueError:
            continue
        if port not in (ev.get('src_port'), ev.get('dest_port')):
            continue
        if ev.get('event_type') == 'flow':
            flows.append({'transport': ev.get('proto', '').lower(), 'app_proto': ev.get('app_proto'),
                          'app_proto_ts': ev.get('app_proto_ts'), 'app_proto_tc': ev.get('app_proto_tc')})
        if ev.get('event_type') == 'ssh':
            sv = ev.get('ssh', {}).get('server', {})
            if sv.get('software_version'):
                software.append(sv['software_version'])
    names = Counter(f['app_proto'] for f in flows if f['app_proto'] and f['app_proto'] != 'failed')
    product = version = None
    if software:
        # "OpenSSH_9.2p1 Debian-2" / "dropbear_2022.83": product_version
        m = re.match(r'([A-Za-z][A-Za-z0-9-]*)[_-]([0-9][^ ]*)', software[0])
        if m:
            product, version = m.group(1), m.group(2)
    return {'flows': flows, 'name': names.most_common(1)[0][0] if names else None,
            'product': product, 'version': version, 'software': software}


# ---------------------------------------------------------------- nmap (recorded live)

def nmap_answer(d):
    n = d.get('anchors', {}).get('nmap', {})
    name = n.get('name')
    if n.get('method') == 'table' or name in (None, 'unknown', 'tcpwrapped'):
        name = None
    if name and n.get('tunnel'):
        name = '%s/%s' % (n['tunnel'], name)
    return {'name': name, 'product': n.get('product'), 'version': n.get('version')}


def run(split=None):
    ms = [d for d in manifests() if split in (None, d['split'])]
    pcaps = [(os.path.join(CAPS, d['pcap']), d['port']) for d in ms]
    nd = {os.path.basename(p): ndpi(p, port) for p, port in pcaps}
    nd_ver = subprocess.run(['dpkg-query', '-W', '-f', '${Version}', 'libndpi-bin'], capture_output=True,
                            text=True).stdout
    su, su_ver = suricata_all(pcaps)
    store = json.load(open(STORE)) if split and os.path.exists(STORE) else {}
    for tool, version, answers in (('ndpi', 'libndpi-bin ' + nd_ver, nd),
                                   ('suricata', su_ver + ' (Debian trixie root, default suricata.yaml)', su)):
        kept = store.get(tool, {}).get('answers', {})
        if store.get(tool, {}).get('version', version) != version:
            raise SystemExit('%s is %s now, the stored answers are of %s: run without --split'
                             % (tool, version, store[tool]['version']))
        kept.update(answers)
        store[tool] = {'version': version, 'answers': kept}
    with open(STORE, 'w') as f:
        json.dump(store, f, indent=1, sort_keys=True)
        f.write('\n')


def table():
    ms = manifests()
    store = json.load(open(STORE)) if os.path.exists(STORE) else {}
    rows, full = [], {}
    nm = {d['pcap']: nmap_answer(d) for d in ms}
    for tool, answers in (('nmap', nm),
                          ('ndpi', store.get('ndpi', {}).get('answers', {})),
                          ('suricata', store.get('suricata', {}).get('answers', {}))):
        res, per = score(tool, ms, answers)
        rows.append((tool, res))
        full[tool] = {'splits': res, 'captures': per}
    md = markdown(rows)
    with open(os.path.join(CAPS, 'anchors-score.json'), 'w') as f:
        json.dump(full, f, indent=1, sort_keys=True)
        f.write('\n')
    return md


if __name__ == '__main__':
    cmd = sys.argv[1] if len(sys.argv) > 1 else 'table'
    if cmd == 'run':
        args = sys.argv[2:]
        if args and (len(args) != 2 or args[0] != '--split'):
            print(__doc__, file=sys.stderr)
            sys.exit(2)
        run(args[1] if args else None)
        print(table(), end='')
    elif cmd == 'table':
        print(table(), end='')
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
