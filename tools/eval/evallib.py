# SPDX-License-Identifier: GPL-2.0-or-later
"""The evaluation set's recorder on top of tools/ghost/ghostlib.py.

ghostlib does the work of one capture (dumpcap on lo, the scenario, stop by
pid, pcap checks, stock-tshark decode check, manifest). This module adds
what the evaluation needs on top:

* every scenario writes to captures/eval/ (ghostlib.OUT is pointed there);
* nmap -sV runs LIVE against the same server after the client, from its own
  loopback source address (NMAP_SRC) that the capture filter leaves out, so
  the pcap holds only the client's exchange and the manifest holds nmap's
  answer (anchors.nmap);
* the split (tune / heldout) is decided from the service name alone
  (split_of), before any recogniser is written, and stored in the manifest;
* fields the scoring reads: program, near_miss, announced (what the server
  itself says about its product / version, and where).
"""
import hashlib
import json
import os
import re
import signal
import time
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.normpath(os.path.join(HERE, '..', 'ghost')))

import ghostlib  # noqa: E402
from ghostlib import ScenarioError  # noqa: E402,F401

OUT = os.path.normpath(os.path.join(HERE, '..', '..', 'captures', 'eval'))
ghostlib.OUT = OUT  # ghostlib.record() writes <name>.pcap/.json to ghostlib.OUT

LO = '127.0.0.1'
NMAP_SRC = '127.0.0.9'   # nmap's source address; the capture filter excludes it
NMAP_TIMEOUT = 170       # seconds, nmap --host-timeout is a little shorter
SPLIT_SALT = 'rescap-eval-v1/'

EVAL = []     # scenario names of the tune / heldout set, in registration order
FRESH = []    # scenario names of the fresh set (recorded after tuning, measured once)
POST = {}     # name -> function(manifest dict) run on the written manifest
FRESH2 = []   # scenario names of the fresh2 set (a third held-out set, recorded later, measured once)
FRESH_SPLIT = 'fresh'     # the fresh set's split, whatever its services' names
FRESH_PREFIX = 'fresh_'   # its scenario (and pcap) names start with this
FRESH2_SPLIT = 'fresh2'   # the fresh2 set's split, likewise
FRESH2_PREFIX = 'fresh2_'
FRESH3 = []   # scenario names of the fresh3 set (a fourth held-out set, programs drawn from a pool, measured once)
FRESH3_SPLIT = 'fresh3'
FRESH3_PREFIX = 'fresh3_'
FRESH4 = []   # scenario names of the fresh4 set (a fifth held-out set, drawn from a new pool, measured once)
FRESH4_SPLIT = 'fresh4'
FRESH4_PREFIX = 'fresh4_'
FRESH5 = []   # scenario names of the fresh5 set (a sixth held-out set, drawn from a new pool, measured once)
FRESH5_SPLIT = 'fresh5'
FRESH5_PREFIX = 'fresh5_'
FRESH6 = []   # scenario names of the fresh6 set (a seventh held-out set, drawn from a new pool, measured once)
FRESH6_SPLIT = 'fresh6'
FRESH6_PREFIX = 'fresh6_'
FRESH7 = []   # scenario names of the fresh7 set (an eighth held-out set, drawn from a new pool, measured once)
FRESH7_SPLIT = 'fresh7'
FRESH7_PREFIX = 'fresh7_'
SEALED = {FRESH_SPLIT: (FRESH_PREFIX, FRESH), FRESH2_SPLIT: (FRESH2_PREFIX, FRESH2),
          FRESH3_SPLIT: (FRESH3_PREFIX, FRESH3), FRESH4_SPLIT: (FRESH4_PREFIX, FRESH4),
          FRESH5_SPLIT: (FRESH5_PREFIX, FRESH5), FRESH6_SPLIT: (FRESH6_PREFIX, FRESH6),
          FRESH7_SPLIT: (FRESH7_PREFIX, FRESH7)}   # split -> (prefix, names)


def split_of(service):
    """tune / heldout from the service name alone: the first octet of
    SHA-256('rescap-eval-v1/' + service), even -> tune, odd -> heldout.
    Every capture of a service (all programs, both ports) lands on the same
    side, so tuning a recogniser never sees a held-out service."""
    h = hashlib.sha256((SPLIT_SALT + service).encode()).digest()
    return 'tune' if h[0] % 2 == 0 else 'heldout'


def stop_own_dumpcap(ctx):
    """Ends this scenario's capture before nmap probes the server: SIGINT to
    the dumpcap that ghostlib.record() started (our child, writing into this
    scenario's work dir); ghostlib then finds it stopped and reads its log.
    nmap's traffic so never reaches the pcap (the capture filter also
    leaves out its source address, NMAP_SRC)."""
    want = os.path.join(ctx.tmp, 'cap.pcap')
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % pid) as f:
                ppid = int(f.read().rsplit(')', 1)[1].split()[1])
            if ppid != os.getpid():
                continue
            with open('/proc/%s/cmdline' % pid, 'rb') as f:
                argv = f.read().split(b'\0')
        except (OSError, ValueError, IndexError):
            continue
        if argv and argv[0].endswith(b'dumpcap') and want.encode() in argv:
            os.kill(int(pid), signal.SIGINT)
            end = time.time() + 15
            while time.time() < end and ghostlib.pid_alive(int(pid)):
                time.sleep(0.1)
            return
    raise ScenarioError('dumpcap of this scenario not found')


def nmap_live(ctx, transport, port):
    """nmap -sV against the running server (loopback, this port only,
    default version intensity, bounded time). Stored under anchors.nmap."""
    xml = ctx.path('nmap.xml')
    argv = ['nmap', '-n', '-Pn', '-e', 'lo', '-S', NMAP_SRC, '-sV',
            '-sU' if transport == 'udp' else '-sS', '-p', str(port),
            '--host-timeout', '%ds' % (NMAP_TIMEOUT - 10), '-oX', xml, LO]
    res = {'command': ' '.join(argv[:-3] + [LO])}
    try:
        r = ctx.run(argv, timeout=NMAP_TIMEOUT, check=False)
        res['exit'] = r.returncode
        res.update(parse_nmap_xml(xml, transport, port))
    except ScenarioError as ex:
        res['error'] = str(ex)
    ctx.data.setdefault('extra', {}).setdefault('anchors', {})['nmap'] = res
    ctx._log('nmap: %r' % res)


def parse_nmap_xml(path, transport, port):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as ex:
        return {'error': 'no nmap XML: %s' % ex}
    for p in root.iter('port'):
        if p.get('protocol') != transport or p.get('portid') != str(port):
            continue
        st = p.find('state')
        sv = p.find('service')
        out = {'state': st.get('state') if st is not None else None}
        if sv is not None:
            for k in ('name', 'product', 'version', 'extrainfo', 'method', 'conf', 'tunnel'):
                if sv.get(k) is not None:
                    out[k] = sv.get(k)
        return out
    return {'error': 'port not in nmap output'}


def svc(name, service, transport, port, package, program, near_miss=False, nmap=True,
        announced=None, post=None, split=None, **meta):
    """Registers an evaluation scenario with ghostlib.scenario (see its
    docstring for meta). service: the Wireshark protocol filter name that
    decodes it (or a plain name when Wireshark 4.0 has none); program: the
    server program; announced: {'product', 'version', 'where'} when the
    server names itself on the wire (the version is checked in the
    server->client bytes unless announced['encoded']); split: None (from
    the service name: split_of), or a sealed set's split (SEALED: FRESH_SPLIT,
    FRESH2_SPLIT, FRESH3_SPLIT, FRESH4_SPLIT, FRESH5_SPLIT, FRESH6_SPLIT,
    FRESH7_SPLIT), whose names start with its
    prefix."""
    def deco(fn):
        def run(ctx):
            fn(ctx)
            if nmap:
                time.sleep(meta.get('settle', 0.6))
                stop_own_dumpcap(ctx)
                nmap_live(ctx, transport, port)
        extra = dict(meta.pop('extra', {}))
        if split is not None and split not in SEALED or any(
                (split == sp) != name.startswith(pre) for sp, (pre, _) in SEALED.items()):
            raise ValueError('%s: split %r and the name prefix disagree' % (name, split))
        extra.update(program=program, near_miss=near_miss, split=split or split_of(service),
                     announced=({k: v for k, v in announced.items() if k in ('product', 'where')}
                                if announced else None))
        filt = meta.pop('filter', None) or '%s port %d' % (transport, port)
        filt = '(%s) and not host %s' % (filt, NMAP_SRC)
        if announced and not announced.get('encoded'):
            meta.setdefault('product', announced.get('product'))
            meta.setdefault('version', announced.get('version'))
        ghostlib.scenario(name=name, service=service, transport=transport, port=port,
                          package=package, filter=filt, extra=extra, unnamed=near_miss,
                          **meta)(run)
        (SEALED[split][1] if split else EVAL).append(name)
        POST[name] = (post, announced, package)
        return fn
    return deco


def resolve_version(v, package):
    """announced version: True = the upstream part of the package version;
    a callable gets (dpkg version, None)."""
    if v is True:
        return upstream(pkgver(package) or '')
    if callable(v):
        return v(pkgver(package), None)
    return v


def record(name):
    ok = ghostlib.record(name)
    if not ok:
        return ok
    post, announced, package = POST[name]
    p = os.path.join(OUT, name + '.json')
    d = json.load(open(p))
    if announced:
        if announced.get('encoded'):
            # announced, but not as plain bytes (e.g. HPACK): not byte-checked by ghostlib
            d['expected']['product'] = announced.get('product')
            d['expected']['version'] = resolve_version(announced.get('version'), package)
        d['announced']['version'] = d['expected']['version']
        d['announced']['encoded'] = bool(announced.get('encoded'))
    if post:
        post(d)
    with open(p, 'w') as f:
        json.dump(d, f, indent=1)
        f.write('\n')
    return ok


def upstream(v):
    return ghostlib.upstream(v)


def pkgver(pkg):
    return ghostlib.dpkg_version(pkg)


def version_re(pkg, pattern=r'^[0-9.]+'):
    """The leading part of a package's upstream version (e.g. '2.4' of 2.4.2-3)."""
    v = upstream(pkgver(pkg) or '')
    m = re.match(pattern, v)
    return m.group(0) if m else None


def run_bg(ctx, argv, label, env=None, **kw):
    return ctx.spawn(argv, label, env=env, **kw)


def services_override(ctx, entries):
    """A private /etc/services for a client that only takes a port from it:
    returns an argv prefix that runs the client in its own mount namespace
    with this file bind-mounted over /etc/services (the host's file is not
    touched)."""
    base = open('/etc/services').read()
    extra = ''.join('%s\t%d/%s\n' % e for e in entries)
    names = {e[0] for e in entries}
    kept = [ln for ln in base.splitlines() if not (ln.split() and ln.split()[0] in names)]
    p = ctx.write('services', '\n'.join(kept) + '\n' + extra)
    return ['unshare', '-m', '--propagation', 'private', 'sh', '-c',
            'mount --bind "$0" /etc/services && exec "$@"', p]
