# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh5 set (split "fresh5", names fresh5_*): a sixth held-out set.
Its programs were DRAWN from a new pool: candidate server programs that are
in none of captures/ghost/, the tune / heldout half, the fresh to fresh4
sets, nor among fresh3's and fresh4's pool candidates, written first,
shuffled with a seed from /dev/urandom, and recorded in the drawn order
(tools/eval/fresh5-pool.md; doc/evaluation.md, "Fresh5 set"). Same
recorder, same manifest schema, same checks as fresh4; only the split
differs (evallib.svc split=FRESH5_SPLIT). Ports alternate 283 / 403 in the
order of recording."""
import functools
import os
import time

from evallib import FRESH5_SPLIT, LO, ScenarioError, svc, version_re  # noqa: F401
from common import EVAL_USER  # noqa: F401
from sc_web import ORIGIN_PORT, curl
from sc_fresh import basic_exposure
from sc_fresh3 import APP_SENT, stop_spawned

fresh5 = functools.partial(svc, split=FRESH5_SPLIT)


def wait_for(ctx, what, test, timeout=30, step=0.5):
    """Polls test() until it is true; ScenarioError after timeout."""
    end = time.time() + timeout
    while time.time() < end:
        if test():
            return
        ctx._check_alive()
        time.sleep(step)
    raise ScenarioError('%s: not within %ss' % (what, timeout))


# ---------------------------------------------------------------- Syncthing BEP over TLS: syncthing (TCP 283), a second syncthing

ST_OPTIONS = """ <options>
  <listenAddress>%(listen)s</listenAddress>
  <globalAnnounceEnabled>false</globalAnnounceEnabled>
  <localAnnounceEnabled>false</localAnnounceEnabled>
  <relaysEnabled>false</relaysEnabled>
  <natEnabled>false</natEnabled>
  <stunKeepaliveStartS>0</stunKeepaliveStartS>
  <stunKeepaliveMinS>0</stunKeepaliveMinS>
  <urAccepted>-1</urAccepted>
  <urSeen>3</urSeen>
  <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
  <crashReportingEnabled>false</crashReportingEnabled>
  <startBrowser>false</startBrowser>
  <announceLANAddresses>false</announceLANAddresses>
  <setLowPriority>false</setLowPriority>
 </options>
"""

ST_CONFIG = """<configuration version="36">
 <folder id="evalshare" label="evalshare" path="%(share)s" type="sendreceive" rescanIntervalS="5" fsWatcherEnabled="false">
  <device id="%(a)s"></device>
  <device id="%(b)s"></device>
 </folder>
 <device id="%(a)s" name="evalsrv" compression="metadata" introducer="false"><address>%(addr_a)s</address></device>
 <device id="%(b)s" name="evalcli" compression="metadata" introducer="false"><address>%(addr_b)s</address></device>
 <gui enabled="true" tls="false"><address>127.0.0.1:%(gui)d</address><apikey>evalkey%(gui)d</apikey></gui>
""" + ST_OPTIONS + "</configuration>\n"

ST_ENV = {'STNOUPGRADE': '1', 'STNORESTART': '1', 'STNODEFAULTFOLDER': '1'}


def _syncthing_prep(ctx):
    ids = {}
    for side in ('a', 'b'):
        home = ctx.mkdir('st-' + side)
        ctx.run(['syncthing', 'generate', '--home=' + home, '--no-default-folder'], timeout=60,
                env=dict(ST_ENV, HOME=ctx.tmp))
        r = ctx.run(['syncthing', '--home=' + home, '--device-id'], timeout=30, env=dict(ST_ENV, HOME=ctx.tmp))
        ids[side] = r.stdout.decode().strip().splitlines()[-1]
        ctx.mkdir('share-' + side)
    ctx.write('share-a/ghost-port-note.txt', 'a file that syncthing carries across a ghost port\n' * 20)
    ctx.write('st-a/config.xml', ST_CONFIG % {'share': ctx.path('share-a'), 'a': ids['a'], 'b': ids['b'],
                                              'addr_a': 'dynamic', 'addr_b': 'dynamic', 'gui': 40831,
                                              'listen': 'tcp://127.0.0.1:283'})
    ctx.write('st-b/config.xml', ST_CONFIG % {'share': ctx.path('share-b'), 'a': ids['a'], 'b': ids['b'],
                                              'addr_a': 'tcp://127.0.0.1:283', 'addr_b': 'dynamic', 'gui': 40832,
                                              'listen': 'tcp://127.0.0.1:40833'})


@fresh5(name='fresh5_syncthing_283', service='tls', transport='tcp', port=283, package='syncthing',
        program='syncthing (Block Exchange Protocol over TLS)',
        client='a second syncthing (its own home and device key, device "evalsrv" at tcp://127.0.0.1:283) sharing '
               'the folder evalshare, until the server\'s file has arrived',
        sent='TLS 1.3 with ALPN bep/1.0 both ways (the syncthing device certificates, mutual authentication), '
             'inside it BEP: Hello, ClusterConfig, Index of the shared folder, Request / Response for the file\'s '
             'blocks, DownloadProgress and Ping',
        protocol='tls', pname='TLS (Syncthing BEP)', sent_needles=[b'bep/1.0'], prepare=_syncthing_prep,
        notes='Both syncthing instances run "serve --no-browser --no-restart" with homes in the work dir; global '
              'and local discovery, relays, NAT traversal, STUN, usage reporting, crash reporting and upgrades are '
              'off, so nothing reaches past loopback; the GUI / REST listeners are on other loopback ports (not '
              'captured). BEP\'s Hello (device name, client name and version) travels inside TLS.')
def fresh5_syncthing_283(ctx):
    for side in ('a', 'b'):
        ctx.spawn(['syncthing', 'serve', '--home=' + ctx.path('st-' + side), '--no-browser', '--no-restart',
                   '--logflags=0'], ('server-syncthing' if side == 'a' else 'client-syncthing'), env=dict(ST_ENV, HOME=ctx.tmp))
        if side == 'a':
            ctx.wait_listen('tcp', 283, timeout=40)
    got = ctx.path('share-b', 'ghost-port-note.txt')
    wait_for(ctx, 'syncthing: the file in the second share', lambda: os.path.exists(got), timeout=60)
    time.sleep(2)


# ---------------------------------------------------------------- Dask distributed: dask-scheduler (TCP 403), dask-worker and a Client

DASK_JOB = """from dask.distributed import Client
c = Client('tcp://127.0.0.1:403', timeout=30)
print('sum', c.submit(sum, [1, 2, 3, 36]).result())
print('squares', c.gather(c.map(lambda x: x * x, range(5))))
c.close()
"""


@fresh5(name='fresh5_dask_scheduler_403', service='dask', transport='tcp', port=403, package='python3-distributed',
        program='dask-scheduler (Dask distributed)',
        client='dask-worker tcp://127.0.0.1:403 --nworkers 1 --nthreads 1 (a worker that registers), then a '
               'dask.distributed Client (python3) that submits sum() and maps a square over range(5)',
        sent='Dask\'s TCP comm: length-framed msgpack messages (handshake with protocol versions, register-worker '
             'and register-client, heartbeats, update-graph with the pickled tasks, task-finished / key-in-memory '
             'reports, gather, close)',
        protocol=None, pname='Dask', sent_needles=[b'register-client'], prepare=lambda ctx: ctx.write('job.py', DASK_JOB),
        notes='dask-scheduler --host 127.0.0.1 --port 403 --no-dashboard; the worker listens on a loopback port of '
              'its own (the Client fetches results from it there, not captured). Wireshark 4.0 has no Dask '
              'dissector (expected.protocol null).')
def fresh5_dask_scheduler_403(ctx):
    env = {'HOME': ctx.tmp, 'DASK_DISTRIBUTED__WORKER__DAEMON': 'False'}
    ctx.spawn(['dask-scheduler', '--host', LO, '--port', '403', '--no-dashboard', '--no-show'], 'server-dask', env=env)
    ctx.wait_listen('tcp', 403, timeout=60)
    w = ctx.spawn(['dask-worker', 'tcp://127.0.0.1:403', '--host', LO, '--nworkers', '1', '--nthreads', '1',
                   '--no-dashboard', '--local-directory', ctx.path('w')], 'client-dask-worker', env=env)
    ctx.wait_log('server-dask', 'Register worker', timeout=60)
    r = ctx.run(['/usr/bin/python3', ctx.path('job.py')], timeout=90, env=env)
    if b'sum 42' not in r.stdout:
        raise ScenarioError('dask client: %r' % r.stdout[-300:])
    stop_spawned(w)


# ---------------------------------------------------------------- Nebula: a lighthouse (UDP 283), a second nebula as the node

NEBULA_CONF = """pki:
  ca: %(t)s/ca.crt
  cert: %(t)s/%(n)s.crt
  key: %(t)s/%(n)s.key
static_host_map:
  "192.168.99.1": ["127.0.0.1:283"]
lighthouse:
  am_lighthouse: %(lh)s
  interval: 2
  hosts: [%(hosts)s]
  local_allow_list:
    "127.0.0.0/8": true
    "0.0.0.0/0": false
listen:
  host: 127.0.0.1
  port: %(port)d
punchy:
  punch: false
relay:
  use_relays: false
tun:
  disabled: true
  dev: evalneb%(n)s
logging:
  level: debug
  format: text
firewall:
  outbound:
    - port: any
      proto: any
      host: any
  inbound:
    - port: any
      proto: any
      host: any
"""


def _nebula_prep(ctx):
    ctx.run(['nebula-cert', 'ca', '-name', 'eval nebula ca', '-duration', '48h', '-out-crt', ctx.path('ca.crt'),
             '-out-key', ctx.path('ca.key')], timeout=30)
    for n, ip in (('lh', '192.168.99.1/24'), ('node', '192.168.99.2/24')):
        ctx.run(['nebula-cert', 'sign', '-name', 'eval' + n, '-ip', ip, '-ca-crt', ctx.path('ca.crt'),
                 '-ca-key', ctx.path('ca.key'), '-out-crt', ctx.path(n + '.crt'), '-out-key', ctx.path(n + '.key')],
                timeout=30)
    ctx.write('lh.yml', NEBULA_CONF % {'t': ctx.tmp, 'n': 'lh', 'lh': 'true', 'hosts': '', 'port': 283})
    ctx.write('node.yml', NEBULA_CONF % {'t': ctx.tmp, 'n': 'node', 'lh': 'false', 'hosts': '"192.168.99.1"',
                                         'port': 40283})


@fresh5(name='fresh5_nebula_udp_283', service='nebula', transport='udp', port=283, package='nebula',
        program='nebula (Slack\'s overlay network, as lighthouse)',
        client='a second nebula (node 192.168.99.2 of the same throw-away CA, lighthouse 192.168.99.1 at '
               '127.0.0.1:283, from 127.0.0.1:40283), for 8 s',
        sent='Nebula over UDP: the Noise IX handshake (two handshake packets carrying the nodes\' certificates, '
             'encrypted), then encrypted lighthouse messages (HostUpdateNotification every 2 s and their answers) '
             'and test packets, each behind Nebula\'s 16-octet header (version 1, type, counter)',
        protocol=None, pname='Nebula', prepare=_nebula_prep,
        notes='Both ends with "tun: disabled: true" (no interface or address is made on the host), punching and '
              'relays off, the lighthouse\'s address list limited to 127.0.0.0/8; certificates from a throw-away CA '
              'made by nebula-cert in the work dir. Wireshark 4.0 has no Nebula dissector (expected.protocol null).')
def fresh5_nebula_udp_283(ctx):
    ctx.spawn(['nebula', '-config', ctx.path('lh.yml')], 'server-nebula')
    ctx.wait_listen('udp', 283, timeout=30)
    p = ctx.spawn(['nebula', '-config', ctx.path('node.yml')], 'client-nebula')
    ctx.wait_log('client-nebula', 'Handshake message received', timeout=30)
    time.sleep(8)
    stop_spawned(p)


# ---------------------------------------------------------------- IRC through WeeChat's relay: weechat-headless (TCP 403), sic

RELAY_PW = 'Relay-s3cret'
IRCD_PORT = 40667   # the loopback IRC server behind WeeChat (not captured)


def _weechat_prep(ctx):
    ctx.mkdir('wee')
    ctx.write('ngircd.conf', """[Global]
  Name = irc.eval.test
  Info = loopback IRC server behind a relay
  Listen = 127.0.0.1
  Ports = %d
  PidFile = %s/ngircd.pid
  MotdPhrase = a server behind a ghost port
[Limits]
  PingTimeout = 120
[Options]
  PAM = no
  Ident = no
  DNS = no
""" % (IRCD_PORT, ctx.tmp))


@fresh5(name='fresh5_weechat_relay_403', service='irc', transport='tcp', port=403, package='weechat-headless',
        program='weechat-headless (WeeChat 3.8 relay, IRC protocol)',
        client='sic -h 127.0.0.1 -p 403 -n evalnick -k ... (the relay\'s password), typed at: :j #eval ; a line ; '
               ':m evalbot hello ; end of input',
        sent='IRC: PASS with the relay password, NICK / USER, the relay\'s welcome numerics (002 / 004 name '
             'weechat-relay-irc 3.8), JOIN #eval with its names list, PRIVMSG lines to the channel and to evalbot',
        protocol='irc', pname='IRC', sent_needles=[b'NICK evalnick'], prepare=_weechat_prep,
        announced={'product': 'WeeChat', 'version': '3.8',
                   'where': 'welcome numerics 002 "Your host is weechat-relay-irc, running version 3.8" and 004'},
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'irc', 'detail': 'PASS %s' % RELAY_PW,
                    'frame_hint': 'client->server', 'password': RELAY_PW,
                    'needles': [b'PASS ' + RELAY_PW.encode()]}],
        notes='weechat-headless with only its irc and relay plugins, a home in the work dir, connected to a '
              'loopback ngircd on 127.0.0.1:%d (not captured) as evalbot; "/relay add irc.evalirc 403" with '
              'relay.network.bind_address 127.0.0.1 and a password.' % IRCD_PORT)
def fresh5_weechat_relay_403(ctx):
    ctx.spawn(['/usr/sbin/ngircd', '-n', '-f', ctx.path('ngircd.conf')], 'server-ngircd')
    ctx.wait_listen('tcp', IRCD_PORT, timeout=20)
    cmds = ('/server add evalirc 127.0.0.1/%d -notls -nicks=evalbot -autojoin=#eval;'
            '/set relay.network.bind_address 127.0.0.1;/set relay.network.password %s;'
            '/set relay.network.ipv6 off;/connect evalirc;/relay add irc.evalirc 403') % (IRCD_PORT, RELAY_PW)
    ctx.spawn(['weechat-headless', '--dir', ctx.path('wee'), '-P', 'irc,relay', '-s', '--stdout', '-r', cmds],
              'server-weechat', env={'HOME': ctx.tmp, 'TERM': 'dumb'})
    ctx.wait_listen('tcp', 403, timeout=30)
    time.sleep(3)
    import subprocess
    p = subprocess.Popen(['sic', '-h', LO, '-p', '403', '-n', 'evalnick', '-k', RELAY_PW], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        for line in (b':j #eval\n', b'hello from a ghost port\n', b':m evalbot hello\n'):
            time.sleep(2)
            p.stdin.write(line)
            p.stdin.flush()
        time.sleep(2)
        out = p.communicate(timeout=15)[0]
    finally:
        if p.poll() is None:
            p.kill()
    ctx._log('sic: %r' % out[-2000:])
    if b'001' not in out and b'Welcome' not in out:
        raise ScenarioError('sic: %r' % out[-400:])


# ---------------------------------------------------------------- libvirt RPC: libvirtd --listen (TCP 283), virsh over qemu... test+tcp

def _libvirtd_prep(ctx):
    ctx.mkdir('run')
    ctx.write('libvirtd.conf', """listen_tls = 0
listen_tcp = 1
tcp_port = "283"
listen_addr = "127.0.0.1"
auth_tcp = "none"
unix_sock_dir = "%s/run"
mdns_adv = 0
""" % ctx.tmp)


@fresh5(name='fresh5_libvirtd_283', service='libvirt', transport='tcp', port=283, package='libvirt-daemon',
        program='libvirtd --listen (libvirt daemon, plain TCP transport)',
        client='libvirt-clients: virsh -c test+tcp://127.0.0.1:283/default with: version ; list --all ; dominfo test ; '
               'net-list --all ; pool-list --all ; nodeinfo',
        sent='libvirt\'s RPC protocol (XDR, a 4-octet length, program 0x20008086, version 1, procedure, type, '
             'serial, status): CONNECT_OPEN of test:///default, AUTH_LIST (none), the calls behind each virsh '
             'command (domain, network and storage pool lists, DOMAIN_GET_INFO, NODE_GET_INFO, '
             'CONNECT_GET_LIB_VERSION) and CONNECT_CLOSE',
        protocol=None, pname='libvirt RPC', sent_needles=[b'test:///default'], prepare=_libvirtd_prep,
        notes='libvirtd --listen -f libvirtd.conf (work dir): TCP transport without TLS or authentication on '
              '127.0.0.1:283, its unix sockets in the work dir; the client opens libvirt\'s built-in test driver '
              'inside the daemon (a mock host with one domain "test"), so no VM, network or storage is touched. '
              'Wireshark 4.0 has no libvirt dissector (expected.protocol null).')
def fresh5_libvirtd_283(ctx):
    ctx.spawn(['/usr/sbin/libvirtd', '--listen', '-f', ctx.path('libvirtd.conf'), '-p', ctx.path('libvirtd.pid')],
              'server-libvirtd')
    ctx.wait_listen('tcp', 283, timeout=60)
    uri = 'test+tcp://127.0.0.1:283/default'
    r = ctx.run(['virsh', '-c', uri, 'version'], timeout=30, env={'HOME': ctx.tmp})
    if b'Running hypervisor' not in r.stdout:
        raise ScenarioError('virsh: %r' % r.stdout[-300:])
    for cmd in (['list', '--all'], ['dominfo', 'test'], ['net-list', '--all'], ['pool-list', '--all'], ['nodeinfo']):
        ctx.run(['virsh', '-c', uri] + cmd, timeout=30, env={'HOME': ctx.tmp})


# ---------------------------------------------------------------- DRDA: Apache Derby network server (TCP 403), ij

DERBY_PW = 'Derby-s3cret'
DERBY_SQL = """connect 'jdbc:derby://127.0.0.1:403/evaldb;create=true;user=%(u)s;password=%(pw)s';
create table notes (id int, body varchar(80));
insert into notes values (1, 'a row behind a ghost port'), (2, 'another row');
select * from notes;
select count(*) from sys.systables;
disconnect;
exit;
"""


@fresh5(name='fresh5_derby_403', service='drda', transport='tcp', port=403, package='derby-tools',
        program='Apache Derby network server (NetworkServerControl start, Derby 10.14)',
        client='derby-tools: ij with a script: connect \'jdbc:derby://127.0.0.1:403/evaldb;create=true;user=evaluser;'
               'password=...\' ; create table ; insert ; two selects ; disconnect',
        sent='DRDA (DDM objects in DSS envelopes): EXCSAT / EXCSATRD with the server class and release level, '
             'ACCSEC / SECCHK with user id and password (security mechanism USRIDPWD), ACCRDB, then EXCSQLIMM / '
             'PRPSQLSTT / OPNQRY / QRYDTA for the statements, RDBCMM and the end',
        protocol='drda', pname='DRDA', decode=[], sent_needles=[b'evaldb;create=true'], prepare=lambda ctx: ctx.write(
            'script.sql', DERBY_SQL % {'u': EVAL_USER, 'pw': DERBY_PW}),
        announced={'product': 'Apache Derby', 'version': lambda pv, ctx: version_re('derby-tools'), 'encoded': True,
                   'where': 'EXCSATRD: server class name "NetworkServerControl", product "Apache Derby" and release '
                            'level "CSS10140/<v> - (...)", in EBCDIC (CCSID 500), so not a plain-byte match'},
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'drda', 'mechanism': 'USRIDPWD',
                    'detail': 'SECCHK with USRID evaluser and PASSWORD %s (security mechanism 3, user id and '
                              'password in the clear)' % DERBY_PW, 'frame_hint': 'client->server', 'user': EVAL_USER,
                    'password': DERBY_PW, 'needles': [DERBY_PW.encode()]}],
        notes='derbyctl start -h 127.0.0.1 -p 403 (org.apache.derby.drda.NetworkServerControl, no security '
              'manager, no authentication configured: the password is sent and not checked), databases in the '
              'work dir (derby.system.home). Wireshark 4.0\'s DRDA dissector cannot be chosen with Decode As '
              '(it is a heuristic one): verified_with is stock tshark without -d, which names every payload frame drda.')
def fresh5_derby_403(ctx):
    env = {'HOME': ctx.tmp, 'JAVA_ARGS': '-Dderby.system.home=%s' % ctx.tmp,
           'CLASSPATH': '/usr/share/java/derby.jar'}
    ctx.spawn(['derbyctl', 'start', '-h', LO, '-p', '403'], 'server-derby', env=env)
    ctx.wait_listen('tcp', 403, timeout=60)
    r = ctx.run(['ij', ctx.path('script.sql')], timeout=90, env={'HOME': ctx.tmp})
    if b'a row behind a ghost port' not in r.stdout:
        raise ScenarioError('ij: %r' % r.stdout[-400:])


# ---------------------------------------------------------------- ConMan: conmand (TCP 283), conman

CONSOLE_SH = """#!/bin/sh
# the "serial console" of a made-up evaluation host: a few lines, then it echoes what it is sent
echo "evalhost login: console of an evaluation host"
n=0
while [ $n -lt 30 ]; do echo "evalhost: tick $n"; n=$((n+1)); sleep 1; done
"""


def _conman_prep(ctx):
    ctx.write('console.sh', CONSOLE_SH, mode=0o755)
    ctx.mkdir('log')
    ctx.write('conman.conf', """SERVER keepalive=ON
SERVER loopback=ON
SERVER port=283
SERVER pidfile="%(t)s/conmand.pid"
SERVER logdir="%(t)s/log"
SERVER timestamp=0
SERVER tcpwrappers=OFF
GLOBAL seropts="9600,8n1"
CONSOLE name="evalcon" dev="%(t)s/console.sh"
""" % {'t': ctx.tmp})


@fresh5(name='fresh5_conmand_283', service='conman', transport='tcp', port=283, package='conman',
        program='conmand (ConMan console manager)',
        client='conman -d 127.0.0.1:283 -q (list the consoles) ; conman -d 127.0.0.1:283 -m evalcon (monitor it '
               'read-only for 5 s, in a pty)',
        sent='ConMan\'s text protocol: the client\'s "HELLO USER=\'root\' TTY=..." greeting and the server\'s '
             '"OK" answer, QUERY / MONITOR requests with the console name, then the console\'s output streamed to '
             'the client',
        protocol=None, pname='ConMan', sent_needles=[b'HELLO'], prepare=_conman_prep,
        notes='conmand -F -c conman.conf (work dir): loopback=ON binds 127.0.0.1:283; its one console "evalcon" is '
              'an external process (a shell script printing lines) instead of a serial line. Wireshark 4.0 has no '
              'ConMan dissector (expected.protocol null).')
def fresh5_conmand_283(ctx):
    ctx.spawn(['/usr/sbin/conmand', '-F', '-c', ctx.path('conman.conf')], 'server-conmand')
    ctx.wait_listen('tcp', 283, timeout=30)
    r = ctx.run(['conman', '-d', '127.0.0.1:283', '-q'], timeout=20)
    if b'evalcon' not in r.stdout:
        raise ScenarioError('conman -q: %r' % (r.stdout + r.stderr)[-300:])
    from sc_fresh4 import pty_screen
    out = pty_screen(ctx, ['conman', '-d', '127.0.0.1:283', '-m', 'evalcon'], 5,
                     env={'TERM': 'xterm', 'HOME': ctx.tmp, 'PATH': '/usr/bin:/bin:/usr/sbin'})
    if 'tick' not in out:
        raise ScenarioError('conman -m: %r' % out[-300:])


# ---------------------------------------------------------------- GIOP / IIOP: omniNames (TCP 403), nameclt

@fresh5(name='fresh5_omninames_403', service='giop', transport='tcp', port=403, package='omniorb-nameserver',
        program='omniNames (omniORB 4.2 CORBA naming service)',
        client='omniorb: nameclt -ORBInitRef NameService=corbaloc::127.0.0.1:403/NameService with: list ; '
               'bind_new_context evalctx ; list ; remove_context evalctx',
        sent='GIOP 1.2 over TCP (IIOP): LocateRequest / LocateReply for the object key NameService, Request '
             'messages for the CosNaming operations list, bind_new_context, unbind and destroy with their Reply '
             'messages (the service context lists, the binding list and the new context\'s IOR)',
        protocol='giop', pname='GIOP (CORBA IIOP)', sent_needles=[b'GIOP', b'NameService'],
        notes='omniNames -start -datadir <work dir> -ORBendPoint giop:tcp:127.0.0.1:403 (its log and data in the '
              'work dir).')
def fresh5_omninames_403(ctx):
    ctx.mkdir('names')
    ctx.spawn(['omniNames', '-start', '-datadir', ctx.path('names'), '-ignoreport', '-ORBendPoint',
               'giop:tcp:127.0.0.1:403'], 'server-omninames')
    ctx.wait_listen('tcp', 403, timeout=30)
    cli = ['nameclt', '-ORBInitRef', 'NameService=corbaloc::127.0.0.1:403/NameService']
    ctx.run(cli + ['list'], timeout=20)
    ctx.run(cli + ['bind_new_context', 'evalctx'], timeout=20)
    r = ctx.run(cli + ['list'], timeout=20)
    if b'evalctx' not in r.stdout:
        raise ScenarioError('nameclt: %r' % r.stdout[-300:])
    ctx.run(cli + ['remove_context', 'evalctx'], timeout=20, check=False)


# ---------------------------------------------------------------- Guile REPL server: guile --listen (TCP 283), telnet

GUILE_SHELL = '(get-string-all (open-input-pipe "id; uname -a"))'
GUILE_USE = '(use-modules (ice-9 popen) (ice-9 textual-ports))'


@fresh5(name='fresh5_guile_repl_283', service='guile-repl', transport='tcp', port=283, package='guile-3.0',
        program='guile --listen (GNU Guile 3.0 REPL server)',
        client='telnet 127.0.0.1 283 (netkit telnet in a pty), typed at: (+ 1 2) ; (version) ; (define ghost "port") '
               '; %s ; %s ; ,q' % (GUILE_USE, GUILE_SHELL),
        sent='Guile\'s REPL over TCP: the server\'s "GNU Guile <v>" banner with its copyright and "scheme@(guile-user)>" '
             'prompts, the client\'s expressions and the printed values ($1 = 3, the version string), the output of '
             'the output of a shell command read through a pipe (ice-9 popen), ,q',
        protocol=None, pname='Guile REPL', sent_needles=[b'(+ 1 2)'],
        announced={'product': 'GNU Guile', 'version': lambda pv, ctx: version_re('guile-3.0'),
                   'where': 'banner "GNU Guile <v>" when a client connects'},
        exposures=[{'kind': 'shell_session', 'protocol': 'guile-repl', 'detail': GUILE_SHELL,
                    'frame_hint': 'client->server', 'needles': [GUILE_SHELL.encode()]}],
        notes='guile --listen=283 -c "(sleep 40)": the REPL server listens on 127.0.0.1 only (a "local port"), '
              'without authentication: whoever connects evaluates Scheme, and shell commands, as the server\'s '
              'user. Wireshark 4.0 has no dissector for it (expected.protocol null).')
def fresh5_guile_repl_283(ctx):
    import pexpect
    ctx.spawn(['guile', '--listen=283', '-c', '(sleep 40)'], 'server-guile', env={'HOME': ctx.tmp})
    ctx.wait_listen('tcp', 283, timeout=30)
    c = pexpect.spawn('telnet', ['127.0.0.1', '283'], env={'TERM': 'dumb', 'HOME': ctx.tmp, 'PATH': '/usr/bin:/bin'},
                      timeout=15)
    try:
        c.expect(r'scheme@\(guile-user\)> ')
        for line in ('(+ 1 2)', '(version)', '(define ghost "port")', GUILE_USE, GUILE_SHELL):
            c.sendline(line)
            c.expect(r'scheme@\(guile-user\)> ')
        out = c.before
        c.sendline(',q')
        time.sleep(1)
    finally:
        c.close(force=True)
    if b'uid=' not in out:
        raise ScenarioError('guile repl: %r' % out[-300:])


# ---------------------------------------------------------------- WebSocket: websockify (TCP 403), the websockets client

ECHO_PORT = 40590   # the TCP service behind websockify (socat echoing lines; not captured)


WS_CLIENT = """import asyncio
import websockets


async def main():
    async with websockets.connect('ws://127.0.0.1:403/', subprotocols=['binary'], origin='http://eval.test') as ws:
        for line in (b'hello through a ghost port\\n', b'second line\\n', b'third line\\n'):
            await ws.send(line)
            print('got', await ws.recv())
            await asyncio.sleep(0.5)

asyncio.run(main())
"""


@fresh5(name='fresh5_websockify_403', service='websocket', transport='tcp', port=403, package='websockify',
        program='websockify (WebSocket to TCP proxy, python3-websockify 0.10)',
        client='a python3-websockets client (websockets.connect ws://127.0.0.1:403/, subprotocol binary) sending '
               'three lines as binary messages and reading the echoes',
        sent='HTTP/1.1 GET / with Upgrade: websocket, a Sec-WebSocket-Key and Sec-WebSocket-Protocol: binary, the '
             '101 Switching Protocols answer, then masked binary frames from the client, the echo service\'s answers '
             'in binary frames, a close handshake',
        protocol='websocket', pname='WebSocket', decode=['tcp.port==403,http'], also_ok=['http'],
        sent_needles=[b'Upgrade: websocket'], prepare=lambda ctx: ctx.write('wsclient.py', WS_CLIENT),
        notes='websockify 127.0.0.1:403 127.0.0.1:%d: behind it a socat echo service on loopback (not captured). '
              'websockify refuses text frames, so the client sends binary ones.' % ECHO_PORT)
def fresh5_websockify_403(ctx):
    ctx.spawn(['socat', 'TCP-LISTEN:%d,bind=127.0.0.1,reuseaddr,fork' % ECHO_PORT, 'EXEC:/bin/cat'], 'server-echo')
    ctx.wait_listen('tcp', ECHO_PORT)
    ctx.spawn(['websockify', '127.0.0.1:403', '127.0.0.1:%d' % ECHO_PORT], 'server-websockify')
    ctx.wait_listen('tcp', 403, timeout=30)
    r = ctx.run(['/usr/bin/python3', ctx.path('wsclient.py')], timeout=30)
    if r.stdout.count(b'got ') != 3:
        raise ScenarioError('websockets client: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- Pyro4: pyro4-ns name server (TCP 283), pyro4-nsc

@fresh5(name='fresh5_pyro4_ns_283', service='pyro', transport='tcp', port=283, package='pyro4',
        program='pyro4-ns (Pyro4 name server)',
        client='pyro4-nsc -n 127.0.0.1 -p 283 with: ping ; list ; register eval.ghost PYRO:obj_eval@127.0.0.1:40999 ; '
               'lookup eval.ghost ; listmatching eval ; remove eval.ghost (one connection each)',
        sent='Pyro4\'s wire protocol: 24-octet "PYRO" headers (protocol version, message type, flags, sequence, '
             'serializer id, annotations) with serpent-serialized calls to the name server object (ping, list, '
             'register, lookup, remove) and their results',
        protocol=None, pname='Pyro', sent_needles=[b'PYRO', b'eval.ghost'],
        notes='pyro4-ns -n 127.0.0.1 -p 283 -x (no broadcast responder); Pyro4 4.82, serpent serializer. '
              'Wireshark 4.0 has no Pyro dissector (expected.protocol null).')
def fresh5_pyro4_ns_283(ctx):
    env = {'HOME': ctx.tmp}
    ctx.spawn(['pyro4-ns', '-n', LO, '-p', '283', '-x'], 'server-pyro4-ns', env=env)
    ctx.wait_listen('tcp', 283, timeout=30)
    nsc = ['pyro4-nsc', '-n', LO, '-p', '283']
    ctx.run(nsc + ['ping'], timeout=20, env=env)
    ctx.run(nsc + ['list'], timeout=20, env=env)
    ctx.run(nsc + ['register', 'eval.ghost', 'PYRO:obj_eval@127.0.0.1:40999'], timeout=20, env=env)
    r = ctx.run(nsc + ['lookup', 'eval.ghost'], timeout=20, env=env)
    if b'obj_eval' not in r.stdout:
        raise ScenarioError('pyro4-nsc: %r' % r.stdout[-300:])
    ctx.run(nsc + ['listmatching', 'eval'], timeout=20, env=env)
    ctx.run(nsc + ['remove', 'eval.ghost'], timeout=20, env=env)


# ---------------------------------------------------------------- HTTP (CFSSL API): cfssl serve (TCP 403), cfssl -remote and curl

CSR_JSON = """{"CN": "%s", "hosts": ["%s"], "key": {"algo": "ecdsa", "size": 256},
 "names": [{"O": "rescap evaluation", "OU": "ghost ports"}]}
"""


def _cfssl_prep(ctx):
    ctx.write('ca-csr.json', CSR_JSON % ('eval throw-away CA', 'ca.eval.test'))
    ctx.write('host-csr.json', CSR_JSON % ('www.eval.test', 'www.eval.test'))
    r = ctx.run(['cfssl', 'gencert', '-initca', ctx.path('ca-csr.json')], timeout=30)
    ctx.run(['cfssljson', '-bare', ctx.path('ca')], input=r.stdout, timeout=30)


@fresh5(name='fresh5_cfssl_serve_403', service='http', transport='tcp', port=403, package='golang-cfssl',
        program='cfssl serve (CloudFlare\'s PKI API server)',
        client='cfssl gencert -remote http://127.0.0.1:403 host-csr.json ; '
               'curl -d \'{"label": ""}\' http://127.0.0.1:403/api/v1/cfssl/info ; curl http://127.0.0.1:403/api/v1/cfssl/missing',
        sent='HTTP/1.1 POSTs of JSON to /api/v1/cfssl/info, /api/v1/cfssl/sign (a certificate request for '
             'www.eval.test, whose key cfssl made locally) and the answers ({"success": true, "result": {...}} with '
             'the signed certificate, and the CA\'s certificate for info), a 404 for an unknown endpoint',
        protocol='http', pname='HTTP', sent_needles=[b'/api/v1/cfssl/'], prepare=_cfssl_prep,
        notes='cfssl serve -address 127.0.0.1 -port 403 -ca ca.pem -ca-key ca-key.pem with a throw-away CA made by '
              'cfssl gencert -initca in the work dir. (cfssl info -remote crashes in the client before it sends anything: '
              'the info endpoint is asked by curl.)')
def fresh5_cfssl_serve_403(ctx):
    ctx.spawn(['cfssl', 'serve', '-address', LO, '-port', '403', '-ca', ctx.path('ca.pem'),
               '-ca-key', ctx.path('ca-key.pem')], 'server-cfssl')
    ctx.wait_listen('tcp', 403, timeout=30)
    r = ctx.run(['cfssl', 'gencert', '-remote', 'http://127.0.0.1:403', ctx.path('host-csr.json')], timeout=30)
    if b'BEGIN CERTIFICATE' not in r.stdout:
        raise ScenarioError('cfssl gencert: %r' % r.stdout[-300:])
    curl(ctx, '-d', '{"label": ""}', 'http://127.0.0.1:403/api/v1/cfssl/info')
    curl(ctx, 'http://127.0.0.1:403/api/v1/cfssl/missing', check=False)


# ---------------------------------------------------------------- RESP: nutcracker (twemproxy) in front of redis (TCP 283), redis-cli

REDIS_BACK = 40379   # the redis-server behind the proxy (not captured)


def _nutcracker_prep(ctx):
    ctx.write('nutcracker.yml', """eval:
  listen: 127.0.0.1:283
  redis: true
  hash: fnv1a_64
  distribution: ketama
  auto_eject_hosts: false
  timeout: 4000
  servers:
   - 127.0.0.1:%d:1 evalredis
""" % REDIS_BACK)


@fresh5(name='fresh5_nutcracker_283', service='resp', transport='tcp', port=283, package='nutcracker',
        program='nutcracker (twemproxy 0.5, redis pool)',
        client='redis-tools: redis-cli -h 127.0.0.1 -p 283 with: SET ghost:port 283 ; GET ghost:port ; '
               'MSET ghost:a 1 ghost:b 2 ; MGET ghost:a ghost:b ghost:c ; INCR ghost:hits ; DEL ghost:a ; '
               'EXISTS ghost:a (one connection each)',
        sent='RESP (Redis serialization protocol): arrays of bulk strings for each command and the proxied '
             'answers (+OK, bulk strings, integers, an array with a nil for the missing key)',
        protocol='resp', pname='RESP (Redis)', sent_needles=[b'ghost:port'], prepare=_nutcracker_prep,
        notes='nutcracker -c nutcracker.yml with one redis pool listening on 127.0.0.1:283, its stats port on '
              '127.0.0.1:40222; behind it a redis-server on 127.0.0.1:%d (no persistence, not captured).'
              % REDIS_BACK)
def fresh5_nutcracker_283(ctx):
    ctx.spawn(['redis-server', '--bind', LO, '--port', str(REDIS_BACK), '--save', '', '--appendonly', 'no',
               '--dir', ctx.tmp], 'server-redis')
    ctx.wait_listen('tcp', REDIS_BACK)
    ctx.spawn(['nutcracker', '-c', ctx.path('nutcracker.yml'), '-s', '40222', '-a', LO, '-o',
               ctx.path('nutcracker.log'), '-p', ctx.path('nutcracker.pid')], 'server-nutcracker')
    ctx.wait_listen('tcp', 283, timeout=20)
    cli = ['redis-cli', '-h', LO, '-p', '283']
    ctx.run(cli + ['SET', 'ghost:port', '283'], timeout=20)
    r = ctx.run(cli + ['GET', 'ghost:port'], timeout=20)
    if b'283' not in r.stdout:
        raise ScenarioError('redis-cli: %r' % r.stdout[-300:])
    for cmd in (['MSET', 'ghost:a', '1', 'ghost:b', '2'], ['MGET', 'ghost:a', 'ghost:b', 'ghost:c'],
                ['INCR', 'ghost:hits'], ['DEL', 'ghost:a'], ['EXISTS', 'ghost:a']):
        ctx.run(cli + cmd, timeout=20)


# ---------------------------------------------------------------- HTTP: Phusion Passenger standalone, builtin engine (TCP 403)

PASSENGER_PW = 'Passenger-s3cret'


def _passenger_prep(ctx):
    from sc_fresh3 import RACK_APP
    ctx.mkdir('app')
    ctx.mkdir('app/public')
    ctx.mkdir('app/tmp')
    ctx.mkdir('reg')
    ctx.write('app/config.ru', RACK_APP % {'u': EVAL_USER, 'pw': PASSENGER_PW, 'name': 'passenger'})


@fresh5(name='fresh5_passenger_403', service='http', transport='tcp', port=403, package='passenger',
        program='passenger start --engine builtin (Phusion Passenger 6 standalone, its own HTTP server)',
        client='curl http://127.0.0.1:403/ ; curl http://127.0.0.1:403/private/ (401) ; curl -u evaluser:... '
               'http://127.0.0.1:403/private/ ; curl -I http://127.0.0.1:403/missing',
        sent=APP_SENT % PASSENGER_PW, protocol='http', pname='HTTP', prepare=_passenger_prep,
        exposures=[basic_exposure('http', EVAL_USER, PASSENGER_PW)],
        announced={'product': 'Phusion Passenger', 'version': lambda pv, ctx: version_re('passenger'),
                   'where': 'response header "X-Powered-By: Phusion Passenger(R) <v>" (no Server header)'},
        notes='passenger start --engine builtin -a 127.0.0.1 -p 403 -e production in the application\'s directory '
              '(a small Rack application, config.ru), with --no-install-runtime --no-compile-runtime, the '
              'anonymous telemetry and the security update check disabled and its binaries URL pointed at '
              'loopback, so nothing reaches past 127.0.0.1.')
def fresh5_passenger_403(ctx):
    from sc_fresh3 import app_client
    ctx.spawn(['passenger', 'start', '--engine', 'builtin', '-a', LO, '-p', '403', '-e', 'production',
               '--no-install-runtime', '--no-compile-runtime', '--disable-anonymous-telemetry',
               '--disable-security-update-check', '--binaries-url-root', 'http://127.0.0.1:9/',
               '--log-file', ctx.path('passenger.log'), '--pid-file', ctx.path('passenger.pid'),
               '--instance-registry-dir', ctx.path('reg')], 'server-passenger', cwd=ctx.path('app'),
              env={'HOME': ctx.tmp, 'PASSENGER_DOWNLOAD_NATIVE_SUPPORT_BINARY': '0'})
    ctx.wait_listen('tcp', 403, timeout=90)
    app_client(ctx, 403, PASSENGER_PW)


# ---------------------------------------------------------------- HTTP (journal export): systemd-journal-remote (TCP 283), systemd-journal-upload

JOURNAL_EXPORT = ''.join(
    '__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n_BOOT_ID=0123456789abcdef0123456789abcdef\n'
    '_HOSTNAME=evalhost\nSYSLOG_IDENTIFIER=evalapp\nPRIORITY=%d\nMESSAGE=%s\n\n' % (1796000000000000 + i * 10 ** 6,
                                                                                   1000 * (i + 1), p, m)
    for i, (p, m) in enumerate([(6, 'a journal entry sent across a ghost port'),
                                (4, 'disk almost full on the evaluation host'),
                                (3, 'fan speed 1200 rpm on the evaluation host')]))


def _journal_prep(ctx):
    ctx.write('in.export', JOURNAL_EXPORT)
    ctx.mkdir('remote')
    ctx.run(['/lib/systemd/systemd-journal-remote', '-o', ctx.path('src.journal'), '-'],
            input=JOURNAL_EXPORT.encode(), timeout=20)


@fresh5(name='fresh5_journal_remote_283', service='http', transport='tcp', port=283, package='systemd-journal-remote',
        program='systemd-journal-remote --listen-http (systemd 252)',
        client='systemd-journal-upload --url=http://127.0.0.1:283 --file=src.journal --follow=no (a journal file of three entries '
               'made in the work dir from journal export format)',
        sent='HTTP/1.1 POST /upload with Content-Type: application/vnd.fdo.journal and chunked transfer encoding: '
             'the entries in journal export format (__REALTIME_TIMESTAMP=..., _HOSTNAME=evalhost, MESSAGE=... lines), '
             'and the server\'s 202 answer',
        protocol='http', pname='HTTP', sent_needles=[b'POST /upload', b'MESSAGE=disk almost full'],
        prepare=_journal_prep,
        notes='/lib/systemd/systemd-journal-remote --listen-http=127.0.0.1:283 --output=<work dir>/remote/remote.journal --split-mode=none (plain '
              'HTTP, no TLS); the uploaded entries are written to a journal file in the work dir.')
def fresh5_journal_remote_283(ctx):
    ctx.spawn(['/lib/systemd/systemd-journal-remote', '--listen-http=127.0.0.1:283',
               '--output=' + ctx.path('remote', 'remote.journal'), '--split-mode=none'], 'server-journal-remote')
    ctx.wait_listen('tcp', 283, timeout=20)
    ctx.run(['/lib/systemd/systemd-journal-upload', '--url=http://127.0.0.1:283', '--file=' + ctx.path('src.journal'),
             '--save-state=' + ctx.path('upload.state'), '--follow=no'], timeout=30)
    time.sleep(1)


# ---------------------------------------------------------------- HTTP (Docker Engine API): dockerd -H tcp:// (TCP 403), docker

def _dockerd_cleanup(ctx):
    """dockerd mounts its data root's overlay / netns directories: unmount what is left under the work dir."""
    import subprocess
    with open('/proc/self/mounts') as f:
        mounts = [ln.split()[1] for ln in f if len(ln.split()) > 1 and ln.split()[1].startswith(ctx.tmp)]
    for m in sorted(mounts, key=len, reverse=True):
        subprocess.run(['umount', '-l', m], timeout=30, check=False)


@fresh5(name='fresh5_dockerd_403', service='http', transport='tcp', port=403, package='docker.io',
        program='dockerd (Docker Engine 20.10, API on tcp://127.0.0.1:403)',
        client='docker.io\'s /usr/bin/docker -H tcp://127.0.0.1:403 with: version ; info ; images ; ps -a ; network ls ; volume create '
               'evalvol ; volume ls ; volume rm evalvol',
        sent='HTTP/1.1: the docker client\'s HEAD /_ping before each command, then /v1.41/version, /info, /images/json, '
             '/containers/json?all=1, /networks, POST /volumes/create with a JSON body, GET /volumes, DELETE '
             '/volumes/evalvol; JSON answers with Api-Version and Server headers',
        protocol='http', pname='HTTP', sent_needles=[b'HEAD /_ping', b'/v1.41/version'], cleanup=_dockerd_cleanup,
        announced={'product': 'Docker', 'version': lambda pv, ctx: version_re('docker.io'),
                   'where': 'response headers "Server: Docker/<v>+dfsg1 (linux)" and the version JSON'},
        notes='dockerd -H tcp://127.0.0.1:403 with its data root, exec root and pid file in the work dir, '
              '--bridge=none --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false (no interface, '
              'address or firewall rule is made), its own containerd; no image is pulled. The API listens without '
              'TLS or authentication (dockerd warns about it).')
def fresh5_dockerd_403(ctx):
    ctx.spawn(['dockerd', '-H', 'tcp://127.0.0.1:403', '--data-root', ctx.path('data'), '--exec-root',
               ctx.path('exec'), '-p', ctx.path('dockerd.pid'), '--bridge=none', '--iptables=false',
               '--ip6tables=false', '--ip-forward=false', '--ip-masq=false', '--userland-proxy=false',
               '--containerd-namespace', 'evalns', '--containerd-plugins-namespace', 'evalnsp'],
              'server-dockerd', env={'HOME': ctx.tmp})
    ctx.wait_listen('tcp', 403, timeout=90)
    cli = ['/usr/bin/docker', '-H', 'tcp://127.0.0.1:403']
    env = {'HOME': ctx.tmp, 'DOCKER_CONFIG': ctx.path('cli')}
    r = ctx.run(cli + ['version'], timeout=60, env=env)
    if b'Server:' not in r.stdout:
        raise ScenarioError('docker version: %r' % r.stdout[-300:])
    for sub in (['info'], ['images'], ['ps', '-a'], ['network', 'ls'], ['volume', 'create', 'evalvol'],
                ['volume', 'ls'], ['volume', 'rm', 'evalvol']):
        ctx.run(cli + sub, timeout=60, env=env)


# ---------------------------------------------------------------- HTTP (caching proxy): apt-cacher (TCP 283), curl

def _aptcacher_prep(ctx):
    for d in ('cache', 'log'):
        ctx.mkdir(d)
    ctx.write('apt-cacher.conf', """cache_dir = %(t)s/cache
log_dir = %(t)s/log
daemon_port = 283
daemon_addr = 127.0.0.1
user = root
group = root
path_map = debian 127.0.0.1:%(o)d/debian
allowed_hosts = 127.0.0.1
allowed_locations = %%PATH_MAP%%, 127.0.0.1:%(o)d
use_proxy = 0
offline_mode = 0
generate_reports = 0
clean_cache = 0
checksum = 0
""" % {'t': ctx.tmp, 'o': ORIGIN_PORT})


@fresh5(name='fresh5_apt_cacher_283', service='http', transport='tcp', port=283, package='apt-cacher',
        program='apt-cacher (Debian package caching proxy, standalone daemon)',
        client='curl http://127.0.0.1:283/debian/dists/bookworm/Release ; curl http://127.0.0.1:283/debian/pool/main/'
               'e/eval/eval_1.0_all.deb (twice: fetched, then from the cache) ; curl -x http://127.0.0.1:283 '
               'http://127.0.0.1:40480/debian/dists/bookworm/InRelease ; curl http://127.0.0.1:283/',
        sent='HTTP/1.1 GETs of Debian archive paths through the path map and as a proxy request with an absolute '
             'URI, apt-cacher\'s answers (the origin\'s bodies, a cache hit, its usage page for /)',
        protocol='http', pname='HTTP', sent_needles=[b'GET /debian/pool/main/e/eval/eval_1.0_all.deb'],
        prepare=_aptcacher_prep,
        announced={'product': 'apt-cacher', 'version': lambda pv, ctx: version_re('apt-cacher'),
                   'where': 'response header "Via: 1.1 <host>:283 (apt-cacher/<v>)" (the Server header is the origin\'s)'},
        notes='/usr/sbin/apt-cacher -c apt-cacher.conf (work dir), standalone on 127.0.0.1:283, running as '
              'root (it drops to its user before binding, and www-data cannot bind 283), its path map "debian" pointed at a loopback origin (python http.server on 127.0.0.1:%d, '
              'not captured) instead of a Debian mirror.' % ORIGIN_PORT)
def fresh5_apt_cacher_283(ctx):
    from sc_web import origin
    srv = origin()
    try:
        ctx.spawn(['/usr/sbin/apt-cacher', '-c', ctx.path('apt-cacher.conf')], 'server-apt-cacher')
        ctx.wait_listen('tcp', 283, timeout=30)
        base = 'http://127.0.0.1:283'
        r = curl(ctx, base + '/debian/dists/bookworm/Release')
        if b'hello from the origin' not in r.stdout:
            raise ScenarioError('apt-cacher: %r' % r.stdout[-300:])
        deb = base + '/debian/pool/main/e/eval/eval_1.0_all.deb'
        curl(ctx, deb)
        curl(ctx, deb)
        curl(ctx, '-x', base, 'http://127.0.0.1:%d/debian/dists/bookworm/InRelease' % ORIGIN_PORT, check=False)
        curl(ctx, base + '/', check=False)
    finally:
        srv.shutdown()
        srv.server_close()


# ---------------------------------------------------------------- binkp: binkd (TCP 403), a second binkd polling it

BINKD_PW = 'Binkd-s3cret'
BINKD_CONF = """domain fidonet %(t)s/%(side)s/outbound 2
address %(addr)s@fidonet
sysname "eval %(side)s"
location "loopback"
sysop "Eval Sysop"
nodeinfo 115200,TCP,BINKP
%(listen)s
oport 403
inbound %(t)s/%(side)s/in
inbound-nonsecure %(t)s/%(side)s/in-unsecure
temp-inbound %(t)s/%(side)s/tmp
log %(t)s/%(side)s/binkd.log
loglevel 6
conlog 6
percents
pid-file %(t)s/%(side)s/binkd.pid
node %(peer)s@fidonet 127.0.0.1:%(peerport)s %(pw)s
"""


def _binkd_prep(ctx):
    for side in ('srv', 'cli'):
        for d in ('outbound', 'in', 'in-unsecure', 'tmp'):
            ctx.mkdir('%s/%s' % (side, d))
    t = ctx.tmp
    ctx.write('srv/binkd.conf', BINKD_CONF % {'t': t, 'side': 'srv', 'addr': '2:5020/999', 'listen': 'iport 403\nbindaddr 127.0.0.1',
                                              'peer': '2:5020/998', 'peerport': '40404', 'pw': BINKD_PW})
    ctx.write('cli/binkd.conf', BINKD_CONF % {'t': t, 'side': 'cli', 'addr': '2:5020/998', 'listen': 'iport 40404',
                                              'peer': '2:5020/999', 'peerport': '403', 'pw': BINKD_PW})
    # a file for the server to send back (its outbound for node 5020/998) and one for the client to send
    ctx.write('srv/evalnews.txt', 'news from the binkd behind a ghost port\n' * 8)
    ctx.write('cli/evalnote.txt', 'a file sent to 2:5020/999 over binkp\n' * 8)
    ctx.write('srv/outbound/139c03e6.flo', '%s/srv/evalnews.txt\n' % t)
    ctx.write('cli/outbound/139c03e7.flo', '%s/cli/evalnote.txt\n' % t)


@fresh5(name='fresh5_binkd_403', service='binkp', transport='tcp', port=403, package='binkd',
        program='binkd (FidoNet binkp mailer, server side)',
        client='binkd -p -P 2:5020/999 cli/binkd.conf (a second binkd as node 2:5020/998: poll the server once and quit)',
        sent='binkp frames (2-octet headers, command and data frames): M_NUL lines with SYS / ZYZ / LOC / NDL / TIME '
             'and VER binkd/<v> binkp/1.1 both ways, the server\'s CRAM-MD5 challenge in "OPT CRAM-MD5-...", M_ADR '
             '2:5020/998@fidonet / 2:5020/999@fidonet, M_PWD with the CRAM-MD5 digest (not the password), M_OK "secure", '
             'then (both ends have the session password and offer CRYPT) the rest encrypted: one file each way '
             '(M_FILE / data / M_GOT) and M_EOB',
        protocol=None, pname='binkp', sent_needles=[b'2:5020/998@fidonet'], prepare=_binkd_prep,
        announced={'product': 'binkd', 'version': lambda pv, ctx: version_re('binkd', r'^[0-9.]+[a-z]?(-[0-9]+)?'),
                   'where': 'M_NUL "VER binkd/<v>/Linux binkp/1.1" from the server'},
        notes='binkd -s srv/binkd.conf listening on 127.0.0.1:403 (bindaddr), node 2:5020/999; both ends know each '
              'other with a session password (Binkd-s3cret), CRAM-MD5 is used, so it is not on the wire. '
              'Wireshark 4.0 has no binkp dissector (expected.protocol null).')
def fresh5_binkd_403(ctx):
    ctx.spawn(['binkd', '-s', ctx.path('srv', 'binkd.conf')], 'server-binkd')
    ctx.wait_listen('tcp', 403, timeout=20)
    ctx.run(['binkd', '-p', '-P', '2:5020/999', ctx.path('cli', 'binkd.conf')], timeout=60)
    if not os.listdir(ctx.path('srv', 'in')) and not os.listdir(ctx.path('srv', 'tmp')):
        raise ScenarioError('binkd: nothing received: %r' % open(ctx.path('srv', 'binkd.log')).read()[-400:])


# ---------------------------------------------------------------- Xapian remote backend: xapian-tcpsrv (TCP 283), quest and xapian-delve

XAPIAN_DOCS = ['a service found on a ghost port where another was expected',
               'port 283 and port 403 were assigned to protocols nobody runs',
               'search engines can be queried over the network with the remote backend',
               'the evaluation records real servers on loopback']

XAPIAN_INDEX = """import sys
import xapian
db = xapian.WritableDatabase(sys.argv[1], xapian.DB_CREATE_OR_OPEN)
tg = xapian.TermGenerator()
tg.set_stemmer(xapian.Stem('en'))
for text in sys.argv[2:]:
    doc = xapian.Document()
    tg.set_document(doc)
    tg.index_text(text)
    doc.set_data(text)
    db.add_document(doc)
db.set_metadata('origin', 'rescap evaluation')
db.commit()
"""


def _xapian_prep(ctx):
    ctx.write('index.py', XAPIAN_INDEX)
    ctx.run(['/usr/bin/python3', ctx.path('index.py'), ctx.path('evaldb')] + XAPIAN_DOCS, timeout=30)
    ctx.write('remote.stub', 'remote 127.0.0.1:283\n')


@fresh5(name='fresh5_xapian_tcpsrv_283', service='xapian', transport='tcp', port=283, package='xapian-tools',
        program='xapian-tcpsrv (Xapian 1.4 remote backend server)',
        client='xapian-tools: quest -d remote.stub "ghost port" ; quest -d remote.stub "remote backend" ; '
               'xapian-delve remote.stub ; xapian-delve -r 1 -d remote.stub (remote.stub: "remote 127.0.0.1:283")',
        sent='Xapian\'s remote protocol: the server\'s greeting message (protocol version, document count, '
             'average length, uuid), then the client\'s query messages (the serialised query, the enquire settings, '
             'MSET requests) and the server\'s stats and match sets, document data and term lists for delve',
        protocol=None, pname='Xapian remote protocol', sent_needles=[b'ghost'], prepare=_xapian_prep,
        notes='xapian-tcpsrv --port 283 --interface 127.0.0.1 on a database of four short documents made with '
              'python3-xapian in the work dir (read-only). Wireshark 4.0 has no dissector for it '
              '(expected.protocol null).')
def fresh5_xapian_tcpsrv_283(ctx):
    ctx.spawn(['xapian-tcpsrv', '--port', '283', '--interface', LO, ctx.path('evaldb')], 'server-xapian-tcpsrv')
    ctx.wait_listen('tcp', 283, timeout=20)
    stub = ctx.path('remote.stub')
    r = ctx.run(['quest', '-d', stub, 'ghost port'], timeout=20)
    if b'ghost port' not in r.stdout:
        raise ScenarioError('quest: %r' % r.stdout[-300:])
    ctx.run(['quest', '-d', stub, 'remote backend'], timeout=20)
    ctx.run(['xapian-delve', stub], timeout=20)
    ctx.run(['xapian-delve', '-r', '1', '-d', stub], timeout=20)


# ---------------------------------------------------------------- HTTP (Kannel's administration interface): bearerbox (TCP 403), curl

KANNEL_PW = 'Kannel-s3cret'


def _kannel_prep(ctx):
    ctx.write('kannel.conf', """group = core
admin-port = 403
admin-interface = 127.0.0.1
admin-password = %(pw)s
status-password = %(pw)s
admin-allow-ip = "127.0.0.1"
box-allow-ip = "127.0.0.1"
log-file = "%(t)s/bearerbox.log"
log-level = 1
store-type = file
store-location = "%(t)s/kannel.store"
""" % {'t': ctx.tmp, 'pw': KANNEL_PW})


@fresh5(name='fresh5_kannel_bearerbox_403', service='http', transport='tcp', port=403, package='kannel',
        program='bearerbox (Kannel 1.4 WAP / SMS gateway, administration HTTP interface)',
        client='curl "http://127.0.0.1:403/status.txt?password=..." ; ".../status.xml?password=..." ; '
               '".../store-status.html?password=..." ; ".../suspend?password=..." ; ".../resume?password=..." ; '
               'curl http://127.0.0.1:403/status (no password: refused)',
        sent='HTTP/1.1 GETs of the administration commands with the admin password in the query string, and '
             'bearerbox\'s status pages (text, XML, HTML: "Kannel bearerbox version `<v>\'", uptime, SMS and WDP '
             'counters, no boxes or SMSC connections), the suspend / resume answers, the refusal without password',
        protocol='http', pname='HTTP', sent_needles=[b'/status.xml?password='], prepare=_kannel_prep,
        announced={'product': 'Kannel', 'version': lambda pv, ctx: version_re('kannel'),
                   'where': 'status pages "Kannel bearerbox version `<v>\'" and response header "Server: Kannel/<v>"'},
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'http',
                    'detail': 'admin password in the query string: GET /status.xml?password=%s' % KANNEL_PW,
                    'frame_hint': 'client->server', 'password': KANNEL_PW,
                    'needles': [b'password=' + KANNEL_PW.encode()]}],
        notes='bearerbox kannel.conf (work dir): core group only (no SMSC, no smsbox or wapbox connects), admin '
              'interface on 127.0.0.1:403 (no smsbox group, so no box port), a file store in the work dir.')
def fresh5_kannel_bearerbox_403(ctx):
    ctx.spawn(['/usr/sbin/bearerbox', ctx.path('kannel.conf')], 'server-bearerbox')
    ctx.wait_listen('tcp', 403, timeout=30)
    base = 'http://127.0.0.1:403/'
    q = '?password=' + KANNEL_PW
    r = curl(ctx, base + 'status.txt' + q)
    if b'Kannel bearerbox version' not in r.stdout:
        raise ScenarioError('kannel: %r' % r.stdout[-300:])
    for cmd in ('status.xml', 'store-status.html', 'suspend', 'resume'):
        curl(ctx, base + cmd + q, check=False)
    curl(ctx, base + 'status', check=False)
