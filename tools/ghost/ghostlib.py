# SPDX-License-Identifier: GPL-2.0-or-later
"""Framework for the ghost-port service captures (see record.sh).

Runs with /usr/bin/python3 (stdlib only here; the scenarios may use
python3-scapy / python3-pexpect from Debian).

One scenario = dumpcap on lo with a capture filter for its port(s) -> wait
until dumpcap captures -> the scenario starts its server(s) (real Debian
packages, temp config under a mktemp dir, bound to 127.0.0.1) and drives
them with their client -> dumpcap stopped with SIGINT -> every process the
scenario started is stopped by PID (its own process group / its pid file)
-> the pcap is checked (frames, payload frames, the bytes the client sent,
the server banner, stock-tshark decode-as) -> <name>.pcap + <name>.json.

The manifest is written from what the scenario configured and sent; tshark
is only used to *verify* that stock Wireshark decodes the payload frames as
the declared protocol.
"""
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', '..', 'captures', 'ghost'))

SCENARIOS = {}
KEPT = {}  # scenario -> work dirs kept after a failed attempt


def scenario(**meta):
    """Registers a scenario. meta keys (all optional unless noted):
    name*, service*, transport*, port*, package (server package), client,
    sent (what the client sent, for the README), protocol (tshark filter
    name), pname (display name), product, version (str, or True: the
    upstream part of the package version), exposures, banner (bytes that
    the server must send), filter (capture filter), decode (list of tshark
    -d arguments), also_ok (other protocol names that count as decoded,
    e.g. ftp-data), unnamed (near-miss), notes, extra (dict merged into the
    manifest), prepare (function run before dumpcap starts)."""
    def deco(fn):
        meta['run'] = fn
        SCENARIOS[meta['name']] = meta
        return fn
    return deco


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def dpkg_version(pkg):
    r = subprocess.run(['dpkg-query', '-W', '-f', '${Version}', pkg],
                       capture_output=True, text=True, timeout=30)
    return r.stdout.strip() if r.returncode == 0 else None


def upstream(version):
    v = version.split(':', 1)[-1]
    return v.rsplit('-', 1)[0] if '-' in v else v


# --------------------------------------------------------------------------
# processes

class ScenarioError(Exception):
    pass


class Ctx:
    def __init__(self, name, tmp):
        self.name = name
        self.tmp = tmp
        self.procs = []        # (label, Popen)
        self.pidfiles = []     # (label, path)
        self.logf = open(self.path('run.log'), 'a')
        self.notes = []
        self.data = {}

    def path(self, *p):
        return os.path.join(self.tmp, *p)

    def write(self, rel, text, mode=0o644):
        p = self.path(rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'wb' if isinstance(text, bytes) else 'w') as f:
            f.write(text)
        os.chmod(p, mode)
        return p

    def mkdir(self, rel, mode=0o755, owner=None):
        p = self.path(rel)
        os.makedirs(p, exist_ok=True)
        os.chmod(p, mode)
        if owner:
            shutil.chown(p, owner, None)
        return p

    def _log(self, msg):
        self.logf.write(msg + '\n')
        self.logf.flush()

    def spawn(self, argv, label, env=None, cwd=None, stdin=None):
        """Starts a server (or long-running client) in its own session, so
        that it and its children can be stopped through its pid's group."""
        out = open(self.path(label + '.log'), 'ab')
        e = dict(os.environ)
        if env:
            e.update(env)
        self._log('spawn %s: %s' % (label, ' '.join(argv)))
        p = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT,
                             stdin=stdin if stdin is not None else subprocess.DEVNULL,
                             env=e, cwd=cwd or self.tmp, start_new_session=True)
        self.procs.append((label, p))
        return p

    def pidfile(self, label, path):
        self.pidfiles.append((label, path))

    def run(self, argv, timeout=20, input=None, env=None, cwd=None, check=True):
        e = dict(os.environ)
        if env:
            e.update(env)
        self._log('run: %s' % ' '.join(argv))
        try:
            r = subprocess.run(argv, input=input, capture_output=True, timeout=timeout,
                               env=e, cwd=cwd or self.tmp, start_new_session=True)
        except subprocess.TimeoutExpired as ex:
            raise ScenarioError('timeout after %ss: %s' % (timeout, ' '.join(argv))) from ex
        self._log('  rc=%d\n  stdout=%r\n  stderr=%r' % (r.returncode, r.stdout[:3000], r.stderr[:3000]))
        if check and r.returncode != 0:
            raise ScenarioError('%s exited %d: %s' % (argv[0], r.returncode,
                                                        (r.stderr or r.stdout)[-600:]))
        return r

    def logtext(self, label):
        try:
            with open(self.path(label + '.log'), 'rb') as f:
                return f.read().decode('utf-8', 'replace')
        except OSError:
            return ''

    def wait_log(self, label, pattern, timeout=15):
        end = time.time() + timeout
        while time.time() < end:
            if re.search(pattern, self.logtext(label)):
                return
            self._check_alive()
            time.sleep(0.1)
        raise ScenarioError('%s: no %r in its log within %ss:\n%s' % (
            label, pattern, timeout, self.logtext(label)[-1500:]))

    def _check_alive(self):
        for label, p in self.procs:
            if p.poll() is not None and label.startswith('server'):
                raise ScenarioError('%s exited early (%s):\n%s' % (
                    label, p.returncode, self.logtext(label)[-1500:]))

    def wait_listen(self, transport, port, timeout=20, addr='127.0.0.1'):
        """Waits until something is bound to addr:port (TCP: listening)."""
        end = time.time() + timeout
        while time.time() < end:
            if bound(transport, port, addr):
                return
            self._check_alive()
            time.sleep(0.1)
        raise ScenarioError('nothing bound to %s %s:%s after %ss' % (transport, addr, port, timeout))

    def stop_all(self):
        """Stops every process this scenario started, by pid (SIGTERM to the
        process group that the spawned pid leads, then SIGKILL)."""
        for label, path in self.pidfiles:
            try:
                pid = int(open(path).read().split()[0])
            except (OSError, ValueError, IndexError):
                continue
            if pid > 1 and pid_alive(pid):
                self._log('stop %s by pid file: %d' % (label, pid))
                try:
                    os.kill(pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for label, p in reversed(self.procs):
            if p.poll() is None:
                self._log('stop %s: pid %d' % (label, p.pid))
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        end = time.time() + 8
        for label, p in self.procs:
            try:
                p.wait(timeout=max(0.1, end - time.time()))
            except subprocess.TimeoutExpired:
                pass
        for label, p in self.procs:
            # the group may still hold children after the leader is gone
            try:
                os.killpg(p.pid, signal.SIGKILL)
                self._log('SIGKILL group %d (%s)' % (p.pid, label))
            except (ProcessLookupError, PermissionError):
                pass
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        for label, path in self.pidfiles:
            try:
                pid = int(open(path).read().split()[0])
            except (OSError, ValueError, IndexError):
                continue
            for _ in range(50):
                if not pid_alive(pid):
                    break
                time.sleep(0.1)
            if pid_alive(pid):
                self._log('SIGKILL %s pid %d' % (label, pid))
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        self.procs = []
        self.pidfiles = []


def pid_alive(pid):
    try:
        with open('/proc/%d/stat' % pid) as f:
            st = f.read()
        return st.rsplit(')', 1)[1].split()[0] != 'Z'
    except OSError:
        return False


def _hexaddr(addr):
    if ':' in addr:
        b = socket.inet_pton(socket.AF_INET6, addr)
        return ''.join('%08X' % struct.unpack('<I', b[i:i + 4])[0] for i in range(0, 16, 4))
    return '%08X' % struct.unpack('<I', socket.inet_aton(addr))[0]


def bound(transport, port, addr='127.0.0.1'):
    files = ['/proc/net/%s' % transport, '/proc/net/%s6' % transport]
    want = {_hexaddr(addr)}
    if ':' not in addr:
        want.add('00000000')
    else:
        want.add('0' * 32)
    for fn in files:
        try:
            lines = open(fn).read().splitlines()[1:]
        except OSError:
            continue
        for ln in lines:
            f = ln.split()
            a, p = f[1].split(':')
            if int(p, 16) != port:
                continue
            if transport == 'tcp' and f[3] != '0A':
                continue
            if a in want or a.endswith('0100007F') or a == '0' * 32:
                return True
    return False


# --------------------------------------------------------------------------
# pcap reading (libpcap, Ethernet or Linux cooked; IPv4/IPv6; TCP/UDP)

def read_pcap(path):
    data = open(path, 'rb').read()
    magic = data[:4]
    if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'):
        e = '<'
    elif magic in (b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
        e = '>'
    else:
        raise ScenarioError('%s: not a libpcap file' % path)
    linktype = struct.unpack(e + 'I', data[20:24])[0]
    off = 24
    frames = []
    while off + 16 <= len(data):
        ts, tsu, incl, orig = struct.unpack(e + 'IIII', data[off:off + 16])
        pkt = data[off + 16:off + 16 + incl]
        off += 16 + incl
        frames.append(parse_frame(pkt, linktype, ts + tsu / 1e6))
    return frames


def parse_frame(pkt, linktype, ts):
    fr = {'ts': ts, 'len': len(pkt), 'l4': None, 'payload': b''}
    if linktype == 1:
        etype = struct.unpack('>H', pkt[12:14])[0]
        p = pkt[14:]
    elif linktype == 113:
        etype = struct.unpack('>H', pkt[14:16])[0]
        p = pkt[16:]
    else:
        return fr
    if etype == 0x0800:
        ihl = (p[0] & 15) * 4
        tot = struct.unpack('>H', p[2:4])[0]
        proto = p[9]
        fr['src'] = socket.inet_ntoa(p[12:16])
        fr['dst'] = socket.inet_ntoa(p[16:20])
        l4 = p[ihl:tot]
    elif etype == 0x86DD:
        plen = struct.unpack('>H', p[4:6])[0]
        proto = p[6]
        fr['src'] = socket.inet_ntop(socket.AF_INET6, p[8:24])
        fr['dst'] = socket.inet_ntop(socket.AF_INET6, p[24:40])
        l4 = p[40:40 + plen]
    else:
        return fr
    if proto == 6:
        sp, dp, seq, ack, offf = struct.unpack('>HHIIB', l4[:13])
        fr.update(l4='tcp', sport=sp, dport=dp, seq=seq, flags=l4[13],
                  payload=l4[(offf >> 4) * 4:])
    elif proto == 17:
        sp, dp, ulen = struct.unpack('>HHH', l4[:6])
        fr.update(l4='udp', sport=sp, dport=dp, payload=l4[8:ulen])
    return fr


def streams(frames, port):
    """Client->server and server->client byte streams (TCP de-duplicated by
    sequence number, UDP concatenated), keyed by the client's (addr, port)."""
    out = {}
    for fr in frames:
        if fr['l4'] is None or not fr['payload']:
            continue
        if fr['dport'] == port:
            key, d = (fr['src'], fr['sport'], fr['l4']), 'c2s'
        elif fr['sport'] == port:
            key, d = (fr['dst'], fr['dport'], fr['l4']), 's2c'
        else:
            continue
        s = out.setdefault(key, {'c2s': [], 's2c': []})
        s[d].append((fr.get('seq'), fr['payload']))
    res = {}
    for key, s in out.items():
        r = {}
        for d in ('c2s', 's2c'):
            if key[2] == 'tcp':
                seen = {}
                for seq, pl in s[d]:
                    seen.setdefault(seq, pl)
                r[d] = b''.join(seen[k] for k in sorted(seen, key=lambda q: (q - s[d][0][0]) % 2**32))
            else:
                r[d] = b''.join(pl for _, pl in s[d])
        res[key] = r
    return res


# --------------------------------------------------------------------------
# stock tshark

def stock_tshark_env(tmp):
    home = os.path.join(tmp, 'tshark-home')
    os.makedirs(home, exist_ok=True)
    env = dict(os.environ)
    env['HOME'] = home
    env.pop('WIRESHARK_PLUGIN_DIR', None)
    env.pop('WIRESHARK_CONFIG_DIR', None)
    return env


def tshark_protocols(pcap, decode, tmp):
    args = ['tshark', '-n', '-2', '-r', pcap]
    for d in decode:
        args += ['-d', d]
    args += ['-T', 'fields', '-E', 'separator=\t', '-e', 'frame.number', '-e', 'frame.protocols',
             '-e', 'tcp.reassembled_in', '-e', '_ws.malformed']
    r = subprocess.run(args, capture_output=True, text=True, timeout=120, env=stock_tshark_env(tmp))
    if r.returncode != 0:
        raise ScenarioError('tshark failed: %s' % r.stderr[-500:])
    res = {}
    for ln in r.stdout.splitlines():
        f = ln.split('\t')
        while len(f) < 4:
            f.append('')
        res[int(f[0])] = (f[1].split(':'), f[2], f[3])
    return res


def check_plugin_free(tmp):
    r = subprocess.run(['tshark', '-G', 'plugins'], capture_output=True, text=True,
                       timeout=60, env=stock_tshark_env(tmp))
    if 'rescap' in r.stdout:
        raise ScenarioError('tshark loads a rescap plugin: not stock')


# --------------------------------------------------------------------------
# dumpcap

def start_dumpcap(tmp, filt, pcap):
    logp = os.path.join(tmp, 'dumpcap.log')
    lf = open(logp, 'wb')
    p = subprocess.Popen(['dumpcap', '-i', 'lo', '-P', '-f', filt, '-w', pcap],
                         stdout=lf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    end = time.time() + 15
    while time.time() < end:
        if b'File: ' in open(logp, 'rb').read():
            break
        if p.poll() is not None:
            raise ScenarioError('dumpcap exited: %s' % open(logp, 'rb').read()[-500:])
        time.sleep(0.1)
    else:
        p.kill()
        raise ScenarioError('dumpcap did not start')
    time.sleep(0.6)
    return p


def stop_dumpcap(p, tmp):
    if p.poll() is None:
        p.send_signal(signal.SIGINT)
    try:
        p.wait(timeout=15)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait(timeout=5)
    txt = open(os.path.join(tmp, 'dumpcap.log'), 'rb').read().decode('utf-8', 'replace')
    m = re.findall(r'Packets captured: (\d+)', txt)
    return int(m[-1]) if m else None


def capinfos_count(pcap):
    r = subprocess.run(['capinfos', '-M', '-c', pcap], capture_output=True, text=True, timeout=60)
    m = re.search(r'Number of packets:\s*(\d+)', r.stdout)
    if not m:
        raise ScenarioError('capinfos: %s' % (r.stdout + r.stderr))
    return int(m.group(1))


# --------------------------------------------------------------------------
# one scenario

def default_filter(meta):
    return '%s port %d' % (meta['transport'], meta['port'])


def record(name, keep=False):
    meta = SCENARIOS[name]
    tmp = tempfile.mkdtemp(prefix='ghost-%s.' % name)
    os.chmod(tmp, 0o755)
    ctx = Ctx(name, tmp)
    pcap = os.path.join(tmp, 'cap.pcap')
    dc = None
    t0 = time.time()
    try:
        if meta.get('prepare'):
            meta['prepare'](ctx)
        filt = meta.get('filter') or default_filter(meta)
        dc = start_dumpcap(tmp, filt, pcap)
        try:
            meta['run'](ctx)
            time.sleep(meta.get('settle', 0.6))
        finally:
            captured = stop_dumpcap(dc, tmp)
            dc = None
            ctx.stop_all()
        doc = finish(meta, ctx, pcap, captured, filt)
        os.makedirs(OUT, exist_ok=True)
        dst = os.path.join(OUT, name + '.pcap')
        shutil.copyfile(pcap, dst)
        os.chmod(dst, 0o644)
        with open(os.path.join(OUT, name + '.json'), 'w') as f:
            json.dump(doc, f, indent=1)
            f.write('\n')
        os.chmod(os.path.join(OUT, name + '.json'), 0o644)
        log('%s: ok, %d frames (%d with payload), %.1fs' % (
            name, doc['frames'], doc['payload_frames'], time.time() - t0))
        return True
    except Exception as ex:  # noqa: BLE001 - report and let the caller retry
        log('%s: FAILED: %s: %s' % (name, type(ex).__name__, ex))
        keep = True
        return False
    finally:
        if dc is not None:
            stop_dumpcap(dc, tmp)
        ctx.stop_all()
        if meta.get('cleanup'):
            try:
                meta['cleanup'](ctx)
            except Exception as ex:  # noqa: BLE001
                log('%s: cleanup: %s' % (name, ex))
        ctx.logf.close()
        if keep:
            log('%s: work dir kept: %s' % (name, tmp))
            KEPT.setdefault(name, []).append(tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def finish(meta, ctx, pcap, captured, filt):
    frames = read_pcap(pcap)
    n = len(frames)
    ci = capinfos_count(pcap)
    if n != ci or (captured is not None and captured != n):
        raise ScenarioError('frame counts differ: reader %d, capinfos %d, dumpcap %s' % (n, ci, captured))
    if n == 0:
        raise ScenarioError('empty capture')
    port = meta['port']
    transport = meta['transport']
    for fr in frames:
        if fr['l4'] is None:
            raise ScenarioError('a frame that is neither TCP nor UDP')
        for a in (fr['src'], fr['dst']):
            if not (a.startswith('127.') or a == '::1'):
                raise ScenarioError('non-loopback address in capture: %s' % a)
    pay_idx = [i + 1 for i, fr in enumerate(frames) if fr['payload']]
    on_port = [fr for fr in frames if fr['payload'] and port in (fr['sport'], fr['dport'])
               and fr['l4'] == transport]
    if not on_port:
        raise ScenarioError('no payload on %s/%d' % (transport, port))
    st = streams(frames, port)
    c2s = b''.join(s['c2s'] for k, s in st.items() if k[2] == transport)
    s2c = b''.join(s['s2c'] for k, s in st.items() if k[2] == transport)
    if meta.get('check_conversations'):
        meta['check_conversations'](ctx, frames, st)
    # what the client sent must be on the wire as sent
    exposures = []
    for ex in meta.get('exposures', []):
        ex = dict(ex)
        needles = ex.pop('needles', [])
        direction = ex.get('frame_hint', 'client->server')
        hay = c2s if direction == 'client->server' else s2c
        for nd in needles:
            if nd not in hay:
                raise ScenarioError('exposure evidence %r not in the %s stream' % (nd, direction))
        if needles and 'evidence' not in ex:
            ex['evidence'] = [x.decode('latin-1') for x in needles]
        exposures.append(ex)
    for nd in meta.get('sent_needles', []):
        if nd not in c2s:
            raise ScenarioError('sent bytes %r not in the client->server stream' % nd)
    if meta.get('must_not_start'):
        for fr in on_port:
            for pre in meta['must_not_start']:
                if fr['payload'].startswith(pre):
                    raise ScenarioError('a payload starts with %r' % pre)
    pkg = meta.get('package')
    pkgver = dpkg_version(pkg) if pkg else None
    if pkg and not pkgver:
        raise ScenarioError('package %s not installed' % pkg)
    version = meta.get('version')
    if version is True:
        version = upstream(pkgver)
    if callable(version):
        version = version(pkgver, ctx)
    banner = meta.get('banner')
    if callable(banner):
        banner = banner(pkgver, ctx)
    if banner is not None and banner not in s2c:
        raise ScenarioError('server banner %r not in the server->client stream' % banner)
    if version and version.encode() not in s2c:
        raise ScenarioError('version %r not announced in the server->client stream' % version)
    protocol = meta.get('protocol')
    verified = None
    decode = meta.get('decode')
    if decode is None and protocol:
        decode = ['%s.port==%d,%s' % (transport, port, protocol)]
    for fr in on_port:
        if meta.get('payload_check'):
            meta['payload_check'](fr['payload'])
    if protocol and not meta.get('no_verify'):
        check_plugin_free(ctx.tmp)
        prot = tshark_protocols(pcap, decode, ctx.tmp)
        ok_names = {protocol} | set(meta.get('also_ok', []))
        bad = []
        for i in pay_idx:
            fr = frames[i - 1]
            if port not in (fr['sport'], fr['dport']) and not meta.get('check_all_payload', True):
                continue
            plist, reass, _ = prot.get(i, ([], '', ''))
            if (ok_names & set(plist) or reass) and (not meta.get('inner_check') or meta['inner_check'] in plist):
                continue
            bad.append((i, ':'.join(plist)))
        if bad:
            raise ScenarioError('stock tshark does not decode payload frames as %s: %s' % (protocol, bad[:8]))
        verified = 'tshark -r %s %s' % (meta['name'] + '.pcap', ' '.join('-d ' + d for d in decode))
        if meta.get('inner_check'):
            verified += ' (every payload frame also shows %s)' % meta['inner_check']
    elif meta.get('unnamed') or meta.get('verify_none'):
        # stock tshark with no decode-as: nothing may claim the payload
        prot = tshark_protocols(pcap, [], ctx.tmp)
        claimed = set()
        for i in pay_idx:
            plist = prot.get(i, ([], '', ''))[0]
            top = plist[-1] if plist else ''
            if top not in ('tcp', 'udp', 'data'):
                claimed.add(top)
        if claimed and not meta.get('allow_stock_claims'):
            raise ScenarioError('stock tshark names the payload: %s' % sorted(claimed))
        verified = 'tshark -r %s (no Decode As): every payload frame ends in tcp/udp/data' % (meta['name'] + '.pcap')
    doc = {
        'pcap': meta['name'] + '.pcap',
        'service': meta['service'],
        'transport': transport,
        'port': port,
        'server': {'package': pkg, 'version': pkgver} if pkg else None,
        'client': meta.get('client'),
        'sent': meta.get('sent'),
        'expected': {
            'protocol': protocol,
            'name': meta.get('pname'),
            'product': meta.get('product'),
            'version': version,
            'exposures': exposures,
            'must_stay_unnamed': bool(meta.get('unnamed')),
        },
        'payload_frames': len(pay_idx),
        'frames': n,
        'capture_filter': filt,
        'verified_with': verified,
        'notes': ' '.join([meta.get('notes', '')] + ctx.notes).strip(),
    }
    if meta.get('server_override') is not None:
        doc['server'] = meta['server_override']
    doc.update(meta.get('extra', {}))
    doc.update(ctx.data.get('extra', {}))
    return doc


def add_test_account(name, password, comment):
    """The recorders' throw-away login account (made or reset)."""
    if subprocess.run(['id', name], capture_output=True).returncode != 0:
        subprocess.run(['useradd', '-m', '-s', '/bin/bash', '-c', comment, name], check=True, timeout=30)
    subprocess.run(['chpasswd'], input=('%s:%s\n' % (name, password)).encode(), check=True, timeout=30)


def remove_test_account(name):
    """Removes the account and its home; its processes are the scenarios' own."""
    if subprocess.run(['id', name], capture_output=True).returncode == 0:
        subprocess.run(['userdel', '-r', '-f', name], capture_output=True, timeout=30)
