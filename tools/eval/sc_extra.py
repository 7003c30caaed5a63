# SPDX-License-Identifier: GPL-2.0-or-later
"""More services: SANE (saned), ident (oidentd), AMQP (RabbitMQ)."""
import time

from evallib import LO, ScenarioError, svc, services_override, version_re
from common import tcp_client_script


# ---------------------------------------------------------------- SANE (saned, TCP 403)

def _sane_prep(ctx):
    ctx.mkdir('sane-srv')
    ctx.mkdir('sane-cli')
    ctx.write('sane-srv/dll.conf', 'test\n')
    ctx.write('sane-srv/saned.conf', '127.0.0.1\n')
    ctx.write('sane-cli/dll.conf', 'net\n')
    ctx.write('sane-cli/net.conf', 'connect_timeout = 5\n127.0.0.1\n')


@svc(name='saned_403', service='sane', transport='tcp', port=403, package='sane-utils', program='saned (SANE)',
     client='scanimage -L ; scanimage -d net:127.0.0.1:test:0 -x 8 -y 8 (net backend; its port comes from '
            '"sane-port" in /etc/services, so it runs in a private mount namespace with "sane-port 403/tcp" '
            'bind-mounted over /etc/services)',
     sent='SANE network protocol: SANE_NET_INIT (user name), GET_DEVICES, OPEN test:0, option descriptors, '
          'START (the image itself goes over a second, server-chosen data port: not captured), CLOSE, EXIT',
     protocol=None, pname='SANE', prepare=_sane_prep, sent_needles=[b'test:0'],
     notes='Wireshark 4.0 has no SANE dissector (expected.protocol null). saned -l (standalone) with the '
           '"test" backend; SANE_CONFIG_DIR private for both sides.')
def saned_403(ctx):
    ctx.spawn(['saned', '-l', '-e', '-b', LO, '-p', '403', '-d', '2'], 'server-saned',
              env={'SANE_CONFIG_DIR': ctx.path('sane-srv')})
    ctx.wait_listen('tcp', 403)
    pre = services_override(ctx, [('sane-port', 403, 'tcp')])
    env = {'SANE_CONFIG_DIR': ctx.path('sane-cli')}
    r = ctx.run(pre + ['scanimage', '-L'], env=env, timeout=30)
    if b'net:127.0.0.1:test:0' not in r.stdout:
        raise ScenarioError('scanimage -L: %r' % r.stdout)
    ctx.run(pre + ['scanimage', '-d', 'net:127.0.0.1:test:0', '--format=pnm', '-x', '8', '-y', '8',
                   '-o', ctx.path('scan.pnm')], env=env, timeout=60)


# ---------------------------------------------------------------- ident (oidentd, TCP 283)

@svc(name='oidentd_283', service='ident', transport='tcp', port=283, package='oidentd', program='oidentd',
     client='scripted client (python socket; Debian has no ident command-line client): asks about a TCP '
            'connection that exists (client 127.0.0.1:40900 -> server 127.0.0.1:40901, opened by the '
            'scenario) and about one that does not',
     sent='RFC 1413 queries "40901, 40900" and "1, 2"; replies "40901, 40900 : USERID : UNIX : <user>" and '
          '"1, 2 : ERROR : NO-USER"',
     protocol=None, pname='Ident', sent_needles=[b'40901, 40900'], banner=b'USERID',
     notes='Wireshark 4.0 has no ident dissector (expected.protocol null).')
def oidentd_283(ctx):
    import socket
    ctx.spawn(['oidentd', '-i', '-a', LO, '-p', '283', '-u', 'nobody', '-g', 'nogroup'], 'server-oidentd')
    ctx.wait_listen('tcp', 283)
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind((LO, 40901))
    ls.listen(1)
    c = socket.socket()
    c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    c.bind((LO, 40900))
    c.connect((LO, 40901))
    a, _ = ls.accept()
    try:
        # ident asks the server side of that connection (40901 here, as seen from 127.0.0.1)
        tcp_client_script(ctx, 283, [('send', b'40901, 40900\r\n'), ('expect', b'\r\n')])
        tcp_client_script(ctx, 283, [('send', b'1, 2\r\n'), ('expect', b'\r\n')])
    finally:
        for s in (a, c, ls):
            s.close()


# ---------------------------------------------------------------- AMQP 0-9-1 (RabbitMQ, TCP 283)

def _rabbit_prep(ctx):
    for d in ('rmq', 'rmq/mnesia', 'rmq/log', 'rmq/home'):
        ctx.mkdir(d, 0o777)
    ctx.write('rmq/rabbitmq.conf', 'listeners.tcp.default = 127.0.0.1:283\nloopback_users.guest = true\n')
    ctx.write('rmq/enabled_plugins', '[].\n')


def _rmq_env(ctx):
    return {'RABBITMQ_NODENAME': 'evalrmq@localhost', 'RABBITMQ_NODE_IP_ADDRESS': LO, 'RABBITMQ_NODE_PORT': '283',
            'RABBITMQ_DIST_PORT': '40672', 'ERL_EPMD_PORT': '40369', 'ERL_EPMD_ADDRESS': LO,
            'RABBITMQ_MNESIA_BASE': ctx.path('rmq/mnesia'), 'RABBITMQ_LOG_BASE': ctx.path('rmq/log'),
            'RABBITMQ_CONFIG_FILE': ctx.path('rmq/rabbitmq'), 'RABBITMQ_ENABLED_PLUGINS_FILE':
            ctx.path('rmq/enabled_plugins'), 'HOME': ctx.path('rmq/home'), 'RABBITMQ_LOGS': '-',
            'RABBITMQ_PID_FILE': ctx.path('rmq/rabbit.pid')}


@svc(name='rabbitmq_amqp_283', service='amqp', transport='tcp', port=283, package='rabbitmq-server',
     program='RabbitMQ (beam.smp)',
     client='amqp-tools: amqp-declare-queue -q evalq ; amqp-publish -r evalq -b "hello amqp" ; amqp-get -q evalq '
            '(-u amqp://guest:guest@127.0.0.1:283)',
     sent='AMQP 0-9-1: protocol header AMQP\\0\\0\\x09\\x01, Connection.Start (server properties product '
          'RabbitMQ, version), Start-Ok with PLAIN \\0guest\\0guest, Tune, Open, Channel.Open, Queue.Declare, '
          'Basic.Publish "hello amqp", Basic.Get, Close',
     protocol='amqp', pname='AMQP',
     announced={'product': 'RabbitMQ', 'version': True, 'where': 'Connection.Start server-properties '
                'product / version (AMQP field table)'},
     exposures=[{'kind': 'cleartext_credential', 'protocol': 'amqp', 'mechanism': 'PLAIN',
                 'detail': 'Connection.Start-Ok PLAIN guest / guest', 'frame_hint': 'client->server',
                 'user': 'guest', 'password': 'guest', 'needles': [b'\x00guest\x00guest']}],
     prepare=_rabbit_prep, sent_needles=[b'AMQP\x00\x00\x09\x01', b'hello amqp'],
     notes='Its own epmd on 127.0.0.1:40369 and distribution port 40672 (not captured), private node dirs.')
def rabbitmq_amqp_283(ctx):
    env = _rmq_env(ctx)
    ctx.spawn(['epmd', '-port', '40369', '-address', LO], 'server-epmd', env=env)
    ctx.spawn(['/usr/lib/rabbitmq/bin/rabbitmq-server'], 'server-rabbitmq', env=env)
    ctx.wait_listen('tcp', 283, timeout=120)
    time.sleep(2)
    u = ['-u', 'amqp://guest:guest@127.0.0.1:283']  # no trailing slash: the default vhost /
    ctx.run(['amqp-declare-queue'] + u + ['-q', 'evalq'], timeout=30)
    ctx.run(['amqp-publish'] + u + ['-r', 'evalq', '-b', 'hello amqp'], timeout=30)
    r = ctx.run(['amqp-get'] + u + ['-q', 'evalq'], timeout=30)
    if b'hello amqp' not in r.stdout:
        raise ScenarioError('amqp-get: %r' % r.stdout)


# ---------------------------------------------------------------- webfs (webfsd, TCP 403)

@svc(name='webfsd_403', service='http', transport='tcp', port=403, package='webfs', program='webfsd',
     client='curl http://127.0.0.1:403/index.html ; curl http://127.0.0.1:403/missing',
     sent='GET /index.html (200) and GET /missing (404 page)', protocol='http', pname='HTTP',
     announced={'product': 'webfs', 'version': lambda pv, ctx: version_re('webfs'),
                'where': 'HTTP Server header "webfs/<v>"'})
def webfsd_403(ctx):
    ctx.mkdir('www')
    ctx.write('www/index.html', '<html><body>webfs on a ghost port</body></html>\n')
    ctx.spawn(['webfsd', '-F', '-i', LO, '-p', '403', '-r', ctx.path('www'), '-u', 'nobody', '-g', 'nogroup'],
              'server-webfsd')
    ctx.wait_listen('tcp', 403)
    ctx.run(['curl', '-sS', '--max-time', '10', 'http://127.0.0.1:403/index.html'], timeout=20)
    ctx.run(['curl', '-sS', '--max-time', '10', 'http://127.0.0.1:403/missing'], timeout=20)


# ---------------------------------------------------------------- NBD (nbd-server, TCP 283)

def _nbd_prep(ctx):
    with open(ctx.path('disk.img'), 'wb') as f:
        f.truncate(1 << 20)
    ctx.write('nbd.conf', '[generic]\n  listenaddr = 127.0.0.1\n  port = 283\n  allowlist = true\n'
                          '[evalexport]\n  exportname = %s/disk.img\n  readonly = true\n' % ctx.tmp)


@svc(name='nbd_server_283', service='nbd', transport='tcp', port=283, package='nbd-server', program='nbd-server',
     client='nbd-client -l 127.0.0.1 283 (list the exports; no kernel device is attached)',
     sent='NBD newstyle handshake: NBDMAGIC / IHAVEOPT, client flags, NBD_OPT_LIST, the export list '
          '(evalexport), NBD_OPT_ABORT', protocol='nbd', pname='NBD', prepare=_nbd_prep,
     banner=b'NBDMAGIC', sent_needles=[b'IHAVEOPT'], no_verify=True,
     notes='Wireshark 4.0 nbd decodes the transmission phase (request / reply magics) only, not this '
           'handshake, and offers no decode-as on tcp.port: the stock decode check is skipped.')
def nbd_server_283(ctx):
    ctx.spawn(['nbd-server', '-C', ctx.path('nbd.conf'), '-d'], 'server-nbd')
    ctx.wait_listen('tcp', 283)
    r = ctx.run(['nbd-client', '-l', LO, '283'], timeout=20, check=False)
    if b'evalexport' not in r.stdout + r.stderr:
        raise ScenarioError('nbd-client -l: %r' % (r.stdout + r.stderr))


# ---------------------------------------------------------------- RDP (xrdp, TCP 283)

def _xrdp_prep(ctx):
    ini = open('/etc/xrdp/xrdp.ini').read()
    ini = ini.replace('port=3389', 'port=tcp://127.0.0.1:283')
    ctx.write('xrdp.ini', ini)


@svc(name='xrdp_283', service='rdp', transport='tcp', port=283, package='xrdp', program='xrdp',
     client='freerdp2-x11: xfreerdp +auth-only /v:127.0.0.1:283 /u:evaluser /p:... /cert:ignore /sec:tls (DISPLAY: a private Xvfb :58)',
     sent='TPKT / X.224 Connection Request with an RDP Negotiation Request (mstshash cookie evaluser), the '
          'Negotiation Response, then TLS', protocol='rdp', pname='RDP', decode=['tcp.port==283,tpkt'],
     also_ok=['tpkt', 'cotp', 'tls'], prepare=_xrdp_prep, no_verify=True,
     notes='Stock decode-as is tcp.port==283 as tpkt (X.224 + RDP negotiation); after the negotiation the '
           'stream is TLS, so the per-frame stock decode check is skipped.')
def xrdp_283(ctx):
    from common import EVAL_USER, EVAL_PASS
    ctx.spawn(['xrdp', '--nodaemon', '--config', ctx.path('xrdp.ini')], 'server-xrdp')
    ctx.wait_listen('tcp', 283, timeout=20)
    # xfreerdp opens an X display even for +auth-only: a private Xvfb (no TCP listener)
    ctx.spawn(['Xvfb', ':58', '-nolisten', 'tcp', '-screen', '0', '320x200x24'], 'server-xvfb')
    time.sleep(1.5)
    ctx.run(['xfreerdp', '+auth-only', '/v:127.0.0.1:283', '/u:' + EVAL_USER, '/p:' + EVAL_PASS, '/cert:ignore',
             '/sec:tls'], timeout=40, check=False, env={'DISPLAY': ':58'})


# ---------------------------------------------------------------- mini_httpd (TCP 283)

@svc(name='mini_httpd_283', service='http', transport='tcp', port=283, package='mini-httpd', program='mini_httpd',
     client='curl http://127.0.0.1:283/index.html ; curl -I http://127.0.0.1:283/missing',
     sent='GET /index.html (200) and HEAD /missing (404)', protocol='http', pname='HTTP',
     announced={'product': 'mini_httpd', 'version': lambda pv, ctx: version_re('mini-httpd'),
                'where': 'HTTP Server header "mini_httpd/<v> <date>"'})
def mini_httpd_283(ctx):
    ctx.mkdir('www')
    ctx.write('www/index.html', '<html><body>mini_httpd on a ghost port</body></html>\n')
    ctx.spawn(['mini_httpd', '-D', '-h', LO, '-p', '283', '-d', ctx.path('www'), '-u', 'nobody',
               '-i', ctx.path('mini_httpd.pid'), '-l', ctx.path('mini_httpd.log')], 'server-mini_httpd')
    ctx.wait_listen('tcp', 283)
    ctx.run(['curl', '-sS', '--max-time', '10', 'http://127.0.0.1:283/index.html'], timeout=20)
    ctx.run(['curl', '-sS', '--max-time', '10', '-I', 'http://127.0.0.1:283/missing'], timeout=20)


# ---------------------------------------------------------------- NSD (UDP 403)

def _nsd_prep(ctx):
    from sc_net import ZONE
    ctx.mkdir('nsd', 0o777)
    ctx.write('nsd/eval.test.zone', ZONE)
    ctx.write('nsd.conf', """server:
  ip-address: 127.0.0.1@403
  port: 403
  do-ip6: no
  username: nsd
  zonesdir: "%(t)s/nsd"
  database: ""
  pidfile: "%(t)s/nsd/nsd.pid"
  xfrdfile: "%(t)s/nsd/xfrd.state"
  zonelistfile: "%(t)s/nsd/zone.list"
  logfile: "%(t)s/nsd/nsd.log"
  hide-version: no
remote-control:
  control-enable: no
zone:
  name: eval.test
  zonefile: eval.test.zone
""" % {'t': ctx.tmp})


@svc(name='nsd_udp_403', service='dns', transport='udp', port=403, package='nsd', program='nsd',
     client='bind9-dnsutils: dig @127.0.0.1 -p 403 www.eval.test A ; dig ... CH TXT version.bind',
     sent='Two DNS queries over UDP: A www.eval.test (authoritative) and CHAOS TXT version.bind',
     protocol='dns', pname='DNS', prepare=_nsd_prep,
     announced={'product': 'NSD', 'version': True, 'where': 'CHAOS TXT version.bind answer "NSD <v>"'})
def nsd_udp_403(ctx):
    ctx.spawn(['nsd', '-d', '-c', ctx.path('nsd.conf')], 'server-nsd')
    ctx.wait_listen('udp', 403, timeout=20)
    time.sleep(0.5)
    for q in (['www.eval.test', 'A'], ['CH', 'TXT', 'version.bind']):
        ctx.run(['dig', '@127.0.0.1', '-p', '403', '+notcp', '+tries=1', '+time=3'] + q, timeout=20)
