# SPDX-License-Identifier: GPL-2.0-or-later
"""VPN and RPC scenarios on the ghost ports: OpenVPN (TLS mode), WireGuard
(wireguard-go userspace), ONC-RPC (rpc.statd on port 403)."""
import os
import subprocess
import time

from ghostlib import ScenarioError, scenario, pid_alive
from services import LO

# ---------------------------------------------------------------- OpenVPN


def _pki(ctx):
    """A throw-away CA with a server and a client certificate (EC P-256)."""
    o = ctx.mkdir('pki', 0o755)
    p = lambda n: os.path.join(o, n)  # noqa: E731
    ctx.write('pki/server.ext', 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyAgreement\n'
              'extendedKeyUsage=serverAuth\n')
    ctx.write('pki/client.ext', 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyAgreement\n'
              'extendedKeyUsage=clientAuth\n')
    ecp = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
    ctx.run(['openssl', 'req', '-x509'] + ecp + ['-keyout', p('ca.key'), '-out', p('ca.crt'), '-days', '30',
                                                  '-subj', '/CN=ghost test CA'])
    for n in ('server', 'client'):
        ctx.run(['openssl', 'req'] + ecp + ['-keyout', p(n + '.key'), '-out', p(n + '.csr'),
                                            '-subj', '/CN=ghost-%s' % n])
        ctx.run(['openssl', 'x509', '-req', '-in', p(n + '.csr'), '-CA', p('ca.crt'), '-CAkey', p('ca.key'),
                 '-CAcreateserial', '-out', p(n + '.crt'), '-days', '30', '-extfile', p(n + '.ext')])
    return p


def _openvpn_prep(ctx):
    _pki(ctx)


@scenario(name='openvpn_udp_403', service='openvpn', transport='udp', port=403, package='openvpn',
          client='openvpn --dev null --proto udp4 --remote 127.0.0.1 403 --lport 40500 --tls-client (p2p TLS mode)',
          sent='OpenVPN TLS-mode handshake over UDP: P_CONTROL_HARD_RESET_CLIENT_V2 / SERVER_V2, P_ACK, '
               'P_CONTROL with the TLS 1.3 handshake (throw-away EC CA, server and client certificates), then a '
               'few encrypted P_DATA_V2 keepalive pings (--ping 1)',
          protocol='openvpn', also_ok=['tls'], pname='OpenVPN', product=None, version=None, exposures=[],
          prepare=_openvpn_prep, settle=0.3,
          notes='Both peers use "--dev null" (no tun device, no tunnel addresses): only the control and ping '
                'packets between 127.0.0.1:40500 and 127.0.0.1:403 exist. Stock Wireshark port: UDP 1194.')
def openvpn_udp_403(ctx):
    pk = ctx.path('pki')
    common = ['--dev', 'null', '--proto', 'udp4', '--verb', '3', '--ping', '1', '--ping-exit', '60',
              '--ca', pk + '/ca.crt', '--data-ciphers', 'AES-256-GCM:AES-128-GCM', '--tls-version-min', '1.2',
              '--suppress-timestamps']
    ctx.spawn(['/usr/sbin/openvpn', '--local', LO, '--lport', '403', '--tls-server', '--dh', 'none',
               '--cert', pk + '/server.crt', '--key', pk + '/server.key'] + common, 'server-openvpn')
    ctx.wait_listen('udp', 403)
    ctx.spawn(['/usr/sbin/openvpn', '--remote', LO, '403', '--lport', '40500', '--local', LO, '--tls-client',
               '--remote-cert-tls', 'server', '--cert', pk + '/client.crt', '--key', pk + '/client.key'] + common,
              'client-openvpn')
    ctx.wait_log('client-openvpn', 'Initialization Sequence Completed', timeout=30)
    ctx.wait_log('server-openvpn', 'Initialization Sequence Completed', timeout=10)
    time.sleep(2.2)  # two or three keepalive pings on the data channel


# ---------------------------------------------------------------- WireGuard (userspace)

WG_IF = ('wgghost0', 'wgghost1')


def _wg_cleanup(ctx):
    for i in WG_IF:
        if subprocess.run(['ip', 'link', 'show', i], capture_output=True).returncode == 0:
            subprocess.run(['ip', 'link', 'del', i], capture_output=True, timeout=10)


def _wg_prep(ctx):
    _wg_cleanup(ctx)
    for n in ('a', 'b'):
        k = ctx.run(['wg', 'genkey']).stdout.strip()
        ctx.write('wg-%s.key' % n, k + b'\n', 0o600)
        pub = ctx.run(['wg', 'pubkey'], input=k + b'\n').stdout.strip()
        ctx.data['pub_' + n] = pub.decode()


@scenario(name='wireguard_udp_403', service='wireguard', transport='udp', port=403, package='wireguard-go',
          client='a second wireguard-go interface (wg set ... endpoint 127.0.0.1:403 persistent-keepalive 1)',
          sent='WireGuard handshake initiation (type 1) from 127.0.0.1:40600 to 403, handshake response (type 2), '
               'then empty keepalive transport data messages (type 4) from the initiator',
          protocol='wg', pname='WireGuard', product=None, version=None, exposures=[], prepare=_wg_prep,
          cleanup=_wg_cleanup, settle=0.3, sent_needles=[b'\x01\x00\x00\x00'],
          notes='The kernel here has no WireGuard module, so both peers are wireguard-go (userspace, tun devices '
                'wgghost0/wgghost1 with no addresses and no allowed-ips; removed afterwards). The handshake is '
                'triggered by persistent-keepalive, so no tunnelled packet exists. Stock Wireshark has no default '
                'port for WireGuard (heuristic + Decode As).')
def wireguard_udp_403(ctx):
    for i in WG_IF:
        ctx.spawn(['/usr/bin/wireguard-go', '-f', i], 'server-wireguard-go-' + i,
                  env={'WG_PROCESS_FOREGROUND': '1', 'LOG_LEVEL': 'verbose'})
    for _ in range(100):
        if all(subprocess.run(['ip', 'link', 'show', i], capture_output=True).returncode == 0 for i in WG_IF):
            break
        time.sleep(0.1)
    else:
        raise ScenarioError('wireguard-go did not create the interfaces')
    time.sleep(0.3)
    ctx.run(['wg', 'set', WG_IF[0], 'listen-port', '403', 'private-key', ctx.path('wg-a.key'),
             'peer', ctx.data['pub_b']])
    ctx.wait_listen('udp', 403, addr='0.0.0.0')
    ctx.run(['ip', 'link', 'set', WG_IF[0], 'up'])
    ctx.run(['wg', 'set', WG_IF[1], 'listen-port', '40600', 'private-key', ctx.path('wg-b.key'),
             'peer', ctx.data['pub_a'], 'endpoint', '127.0.0.1:403', 'persistent-keepalive', '1'])
    ctx.run(['ip', 'link', 'set', WG_IF[1], 'up'])
    end = time.time() + 15
    while time.time() < end:
        out = ctx.run(['wg', 'show', WG_IF[1], 'latest-handshakes']).stdout.split()
        if len(out) >= 2 and out[1] != b'0':
            break
        time.sleep(0.2)
    else:
        raise ScenarioError('no WireGuard handshake')
    time.sleep(1.5)


# ---------------------------------------------------------------- ONC-RPC (rpc.statd + rpcinfo)

RPCBIND_FILES = ['/run/rpcbind.sock', '/run/rpcbind.lock', '/run/rpcbind/rpcbind.xdr', '/run/rpcbind/portmap.xdr',
                 '/run/rpc.statd.pid']


def _rpc_prep(ctx):
    if subprocess.run(['pgrep', '-x', 'rpc.statd'], capture_output=True).returncode == 0:
        raise ScenarioError('an rpc.statd already runs on this machine')
    ctx.data['rpcbind_preexisting'] = [f for f in RPCBIND_FILES if os.path.exists(f)]
    if subprocess.run(['pgrep', '-x', 'rpcbind'], capture_output=True).returncode == 0:
        ctx.data['rpcbind_running'] = True  # use the one that runs; do not touch it
    ctx.mkdir('statd/sm')
    ctx.mkdir('statd/sm.bak')


def _rpc_cleanup(ctx):
    for f in RPCBIND_FILES:
        if ctx.data.get('rpcbind_running') and 'rpcbind' in f:
            continue
        if f not in ctx.data.get('rpcbind_preexisting', []) and os.path.exists(f):
            os.unlink(f)


def _rpc_run(ctx, flag):
    if not ctx.data.get('rpcbind_running'):
        ctx.spawn(['/usr/sbin/rpcbind', '-f'], 'server-rpcbind')
        ctx.wait_listen('udp', 111, addr='0.0.0.0')
    ctx.spawn(['/usr/sbin/rpc.statd', '-F', '-d', '-n', LO, '-p', '403', '-o', '40510', '-P', ctx.path('statd'),
               '--no-notify'], 'server-statd')
    ctx.wait_listen('tcp', 403, addr='0.0.0.0')
    ctx.wait_listen('udp', 403, addr='0.0.0.0')
    for vers in ('1',):
        r = ctx.run(['rpcinfo', '-n', '403', flag, LO, '100024', vers], timeout=15)
        if b'ready and waiting' not in r.stdout:
            raise ScenarioError('rpcinfo: %r' % r.stdout)
    r = ctx.run(['rpcinfo', '-n', '403', flag, LO, '100024', '2'], timeout=15, check=False)
    ctx._log('version 2 probe: %r %r' % (r.stdout, r.stderr))


RPC_NOTES = ('rpc.statd (nfs-common) serves the NSM program 100024 on port 403 (-p 403). It needs rpcbind to '
             'register, so the recorder starts rpcbind -f for the scenario when none runs (port 111 is not captured) '
             'and removes the /run files it leaves. statd has no bind-address option: it listens on the wildcard '
             'address, but only 127.0.0.1 talks to it. Stock Wireshark port: 111 (rpcbind); statd has none.')


@scenario(name='onc_rpc_tcp_403', service='onc-rpc', transport='tcp', port=403, package='nfs-common',
          client='libtirpc rpcinfo: rpcinfo -n 403 -t 127.0.0.1 100024 1 ; rpcinfo -n 403 -t 127.0.0.1 100024 2',
          sent='ONC-RPC over TCP (record marking): NULL call to program 100024 (status/NSM) version 1 (accepted), '
               'then version 2 (PROG_MISMATCH reply, supported 1..1)',
          protocol='rpc', also_ok=['stat'], pname='ONC-RPC', product=None, version=None, exposures=[],
          prepare=_rpc_prep, cleanup=_rpc_cleanup, notes=RPC_NOTES)
def onc_rpc_tcp_403(ctx):
    _rpc_run(ctx, '-t')


@scenario(name='onc_rpc_udp_403', service='onc-rpc', transport='udp', port=403, package='nfs-common',
          client='libtirpc rpcinfo: rpcinfo -n 403 -u 127.0.0.1 100024 1 ; rpcinfo -n 403 -u 127.0.0.1 100024 2',
          sent='ONC-RPC over UDP: NULL call to program 100024 version 1 (accepted), then version 2 '
               '(PROG_MISMATCH)',
          protocol='rpc', also_ok=['stat'], pname='ONC-RPC', product=None, version=None, exposures=[],
          prepare=_rpc_prep, cleanup=_rpc_cleanup, notes=RPC_NOTES)
def onc_rpc_udp_403(ctx):
    _rpc_run(ctx, '-u')


# ---------------------------------------------------------------- XMPP (prosody)

XMPP_USER, XMPP_PW = 'ghost', 'Xmpp-s3cret'


def _xmpp_prep(ctx):
    import shutil
    d = ctx.mkdir('prosody-data', 0o750, owner='prosody')
    shutil.chown(d, 'prosody', 'prosody')
    ctx.write('prosody.cfg.lua', """
data_path = "%(t)s/prosody-data"
log = { { levels = { min = "info" }, to = "console" } }
admins = { }
modules_enabled = { "roster"; "saslauth"; "disco"; "ping" }
modules_disabled = { "s2s"; "http"; "c2s_csi"; "offline"; "carbons"; "pep"; "blocklist"; "vcard4"; "vcard_legacy"; "bookmarks"; "smacks"; "mam" }
c2s_ports = { 283 }
c2s_interfaces = { "127.0.0.1" }
c2s_direct_tls_ports = { }
s2s_ports = { }
component_ports = { }
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
authentication = "internal_plain"
storage = "internal"
VirtualHost "ghost.test"
""" % {'t': ctx.tmp})
    ctx.run(['prosodyctl', '--config', ctx.path('prosody.cfg.lua'), 'register', XMPP_USER, 'ghost.test', XMPP_PW],
            timeout=30)


def _xmpp_plain():
    import base64
    return base64.b64encode(('\0%s\0%s' % (XMPP_USER, XMPP_PW)).encode()).decode()


@scenario(name='xmpp_c2s_283', service='xmpp', transport='tcp', port=283, package='prosody',
          client='scripted XMPP client (python socket): stream open, SASL PLAIN, stream restart, resource bind, '
                 'a message to itself, stream close',
          sent="<stream:stream to='ghost.test'>, <auth mechanism='PLAIN'>base64(\\0ghost\\0Xmpp-s3cret)</auth>, "
               "<success/>, stream restart, <iq type='set'><bind><resource>ghostport</resource></bind></iq>, "
               "<message to='ghost@ghost.test'>hello from the ghost port</message>, </stream:stream>",
          protocol='xmpp', pname='XMPP', product=None, version=None,
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'xmpp',
                      'detail': 'SASL PLAIN %s (%s / %s)' % (_xmpp_plain(), XMPP_USER, XMPP_PW),
                      'frame_hint': 'client->server', 'user': XMPP_USER, 'password': XMPP_PW, 'mechanism': 'PLAIN',
                      'needles': [_xmpp_plain().encode()]}],
          prepare=_xmpp_prep,
          notes='prosody (temp config, c2s on 127.0.0.1:283, TLS not required, plain auth allowed, no s2s). The '
                'stream header names no server product.')
def xmpp_c2s_283(ctx):
    from services import tcp_client_script
    from services import BIND_CAP
    ctx.spawn(BIND_CAP('prosody') + ['prosody', '--config', ctx.path('prosody.cfg.lua'), '-F'], 'server-prosody')
    ctx.wait_listen('tcp', 283, timeout=30)
    hdr = ("<?xml version='1.0'?><stream:stream to='ghost.test' xmlns='jabber:client' "
           "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>").encode()
    tcp_client_script(ctx, 283, [
        ('send', hdr), ('expect', b'</stream:features>'),
        ('send', ("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>%s</auth>" % _xmpp_plain()).encode()),
        ('expect', b'<success'),
        ('send', hdr), ('expect', b'urn:ietf:params:xml:ns:xmpp-bind'),
        ('send', b"<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                 b"<resource>ghostport</resource></bind></iq>"),
        ('expect', b"id='bind1'"),
        ('send', b"<message to='ghost@ghost.test' type='chat' id='m1'><body>hello from the ghost port</body></message>"),
        ('sleep', 0.3),
        ('send', b'</stream:stream>'), ('expect', b'</stream:stream>'),
    ], timeout=15, label='xmpp-client')
