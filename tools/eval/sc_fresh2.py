# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh2 set (split "fresh2", names fresh2_*): a third held-out set of
programs that are in none of captures/ghost/, the tune / heldout half and the
fresh set, recorded after the fresh set had been measured, and measured once
(doc/evaluation.md, "Fresh2 set"). Same recorder, same manifest schema, same
checks; only the split differs (evallib.svc split=FRESH2_SPLIT)."""
import functools
import hashlib
import os
import shutil
import subprocess
import time

from evallib import FRESH2_SPLIT, LO, ScenarioError, svc, version_re
from common import EVAL_USER
from sc_misc import setpriv
from sc_web import ORIGIN_PORT, browse, curl
from sc_fresh import basic_exposure, with_origin, ORIGIN_NOTE

fresh2 = functools.partial(svc, split=FRESH2_SPLIT)


def chown_tree(path, user):
    """Hands a work directory to the unprivileged user a server runs as."""
    import pwd
    pw = pwd.getpwnam(user)
    for root, dirs, files in os.walk(path):
        for n in [root] + [os.path.join(root, x) for x in dirs + files]:
            os.chown(n, pw.pw_uid, pw.pw_gid)


# ---------------------------------------------------------------- HTTP/2: h2o (TCP 283)

def _h2o_prep(ctx):
    ctx.mkdir('www')
    ctx.write('www/index.html', '<html><body>h2o on a ghost port</body></html>\n')
    ctx.write('h2o.conf', """listen:
  host: 127.0.0.1
  port: 283
user: nobody
hosts:
  default:
    paths:
      /:
        file.dir: %(t)s/www
""" % {'t': ctx.tmp})


@fresh2(name='fresh2_h2o_http2_283', service='http2', transport='tcp', port=283, package='h2o', program='h2o',
        client='nghttp2-client: nghttp -nv http://127.0.0.1:283/index.html ; nghttp -nv http://127.0.0.1:283/missing '
               '(HTTP/2 prior knowledge over cleartext)',
        sent='HTTP/2 connection preface, SETTINGS, HEADERS GET /index.html (then /missing), the server\'s '
             'SETTINGS, HEADERS (status, server h2o/<v>) and DATA, GOAWAY; twice',
        protocol='http2', pname='HTTP/2', sent_needles=[b'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
        announced={'product': 'h2o', 'version': lambda pv, ctx: version_re('h2o'), 'encoded': True,
                   'where': 'HTTP/2 response header "server: h2o/<v>" (HPACK-encoded)'},
        prepare=_h2o_prep)
def fresh2_h2o_http2_283(ctx):
    ctx.spawn(['h2o', '-c', ctx.path('h2o.conf')], 'server-h2o')
    ctx.wait_listen('tcp', 283)
    r = ctx.run(['nghttp', '-nv', 'http://127.0.0.1:283/index.html'], timeout=20)
    if b':status: 200' not in r.stdout:
        raise ScenarioError('nghttp: %r' % r.stdout[-400:])
    ctx.run(['nghttp', '-nv', 'http://127.0.0.1:283/missing'], timeout=20, check=False)


# ---------------------------------------------------------------- HTTP: caddy (TCP 403)

CADDY_PW = 'Cdy-s3cret'


def _caddy_prep(ctx):
    ctx.mkdir('www/private')
    ctx.write('www/index.html', '<html><body>caddy on a ghost port</body></html>\n')
    ctx.write('www/private/index.html', '<html><body>private</body></html>\n')
    env = {'HOME': ctx.tmp, 'XDG_DATA_HOME': ctx.path('xdg'), 'XDG_CONFIG_HOME': ctx.path('xdg')}
    h = ctx.run(['caddy', 'hash-password', '--plaintext', CADDY_PW], env=env, timeout=30).stdout.decode().strip()
    ctx.write('Caddyfile', """{
	admin off
	auto_https off
	storage file_system %(t)s/xdg/caddy
}
http://127.0.0.1:403 {
	bind 127.0.0.1
	root * %(t)s/www
	basicauth /private/* {
		%(u)s %(h)s
	}
	file_server
}
""" % {'t': ctx.tmp, 'u': EVAL_USER, 'h': h})


@fresh2(name='fresh2_caddy_403', service='http', transport='tcp', port=403, package='caddy', program='caddy',
        client='curl http://127.0.0.1:403/ ; curl -u evaluser:... http://127.0.0.1:403/private/ ; '
               'curl -I http://127.0.0.1:403/missing',
        sent='GET / (200), GET /private/ with HTTP Basic evaluser / Cdy-s3cret (200), HEAD /missing (404)',
        protocol='http', pname='HTTP',
        announced={'product': 'Caddy', 'version': None, 'where': 'Server header "Caddy" (no version)'},
        exposures=[basic_exposure('http', EVAL_USER, CADDY_PW)], prepare=_caddy_prep,
        notes='Admin endpoint off, automatic HTTPS off (no ACME, no outside traffic).')
def fresh2_caddy_403(ctx):
    env = {'HOME': ctx.tmp, 'XDG_DATA_HOME': ctx.path('xdg'), 'XDG_CONFIG_HOME': ctx.path('xdg')}
    ctx.spawn(['caddy', 'run', '--config', ctx.path('Caddyfile'), '--adapter', 'caddyfile'], 'server-caddy', env=env)
    ctx.wait_listen('tcp', 403, timeout=30)
    curl(ctx, 'http://127.0.0.1:403/')
    r = curl(ctx, '-u', '%s:%s' % (EVAL_USER, CADDY_PW), 'http://127.0.0.1:403/private/')
    if b'private' not in r.stdout:
        raise ScenarioError('caddy: %r' % r.stdout)
    curl(ctx, '-I', 'http://127.0.0.1:403/missing', check=False)


# ---------------------------------------------------------------- HTTP: monit's web interface (TCP 283)

MONIT_PW = 'Mon-s3cret'


def _monit_prep(ctx):
    ctx.write('monitrc', """set daemon 30
set pidfile %(t)s/monit.pid
set idfile %(t)s/monit.id
set statefile %(t)s/monit.state
set logfile %(t)s/monit.log
set httpd port 283 and
    use address 127.0.0.1
    allow admin:%(pw)s
check system evalhost
""" % {'t': ctx.tmp, 'pw': MONIT_PW}, mode=0o600)


@fresh2(name='fresh2_monit_283', service='http', transport='tcp', port=283, package='monit', program='monit',
        client='monit -c <monitrc> status ; monit -c <monitrc> summary (monit\'s own command line, which talks to '
               'the running daemon over its HTTP interface with the credentials of the same monitrc)',
        sent='GET /_status?format=text and GET /_summary?format=text with HTTP Basic admin / Mon-s3cret',
        protocol='http', pname='HTTP',
        announced={'product': 'monit', 'version': True, 'where': 'Server header "monit <v>"'},
        exposures=[basic_exposure('http', 'admin', MONIT_PW)], prepare=_monit_prep)
def fresh2_monit_283(ctx):
    ctx.spawn(['monit', '-I', '-c', ctx.path('monitrc')], 'server-monit')
    ctx.wait_listen('tcp', 283, timeout=30)
    time.sleep(1)
    r = ctx.run(['monit', '-c', ctx.path('monitrc'), 'status'], timeout=20)
    if b'evalhost' not in r.stdout:
        raise ScenarioError('monit status: %r' % r.stdout[-300:])
    ctx.run(['monit', '-c', ctx.path('monitrc'), 'summary'], timeout=20)


# ---------------------------------------------------------------- XML-RPC over HTTP: supervisord (TCP 403)

SUP_PW = 'Sup-s3cret'


def _sup_prep(ctx):
    ctx.write('supervisord.conf', """[supervisord]
nodaemon=true
user=root
logfile=%(t)s/supervisord.log
pidfile=%(t)s/supervisord.pid
childlogdir=%(t)s
[inet_http_server]
port=127.0.0.1:403
username=evaladmin
password=%(pw)s
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
[supervisorctl]
serverurl=http://127.0.0.1:403
username=evaladmin
password=%(pw)s
[program:sleeper]
command=/bin/sleep 300
""" % {'t': ctx.tmp, 'pw': SUP_PW}, mode=0o600)


@fresh2(name='fresh2_supervisord_403', service='http', transport='tcp', port=403, package='supervisor',
        program='supervisord',
        client='supervisorctl -c <conf> status ; supervisorctl -c <conf> version (the XML-RPC interface, '
               'credentials from the [supervisorctl] section)',
        sent='XML-RPC POST /RPC2 (supervisor.getAllProcessInfo, supervisor.getSupervisorVersion, ...) with HTTP '
             'Basic evaladmin / Sup-s3cret; XML method responses', protocol='http', pname='HTTP',
        sent_needles=[b'POST /RPC2'],
        announced={'product': 'supervisor', 'version': True,
                   'where': 'getSupervisorVersion XML-RPC response "<string><v></string>"'},
        exposures=[basic_exposure('http', 'evaladmin', SUP_PW)], prepare=_sup_prep,
        notes='One managed program (/bin/sleep), stopped with supervisord.')
def fresh2_supervisord_403(ctx):
    ctx.spawn(['supervisord', '-c', ctx.path('supervisord.conf')], 'server-supervisord')
    ctx.wait_listen('tcp', 403, timeout=30)
    time.sleep(1)
    r = ctx.run(['supervisorctl', '-c', ctx.path('supervisord.conf'), 'status'], timeout=20, check=False)
    if b'sleeper' not in r.stdout:
        raise ScenarioError('supervisorctl status: %r' % r.stdout[-300:])
    ctx.run(['supervisorctl', '-c', ctx.path('supervisord.conf'), 'version'], timeout=20)


# ---------------------------------------------------------------- Transmission RPC (TCP 283)

TR_PW = 'Tr-s3cret'


def _tr_prep(ctx):
    import json
    ctx.mkdir('tr/downloads')
    ctx.write('tr/settings.json', json.dumps({
        'bind-address-ipv4': '127.0.0.1', 'bind-address-ipv6': '::1', 'peer-port': 40511,
        'peer-port-random-on-start': False, 'dht-enabled': False, 'lpd-enabled': False, 'pex-enabled': False,
        'utp-enabled': False, 'port-forwarding-enabled': False, 'blocklist-enabled': False,
        'download-dir': ctx.path('tr/downloads'), 'rpc-enabled': True, 'rpc-bind-address': '127.0.0.1',
        'rpc-port': 283, 'rpc-authentication-required': True, 'rpc-username': 'evaladmin',
        'rpc-password': TR_PW, 'rpc-whitelist-enabled': True, 'rpc-whitelist': '127.0.0.1',
        'rpc-host-whitelist-enabled': False, 'message-level': 2}, indent=1))


@fresh2(name='fresh2_transmission_283', service='http', transport='tcp', port=283, package='transmission-daemon',
        program='transmission-daemon (RPC)',
        client='transmission-cli: transmission-remote 127.0.0.1:283 -n evaladmin:... -l ; ... -si (session info)',
        sent='Transmission RPC: POST /transmission/rpc with HTTP Basic evaladmin / Tr-s3cret, the 409 that hands '
             'out X-Transmission-Session-Id, then torrent-get / session-get (JSON) and their answers',
        protocol='http', pname='HTTP', sent_needles=[b'/transmission/rpc'],
        announced={'product': 'Transmission', 'version': lambda pv, ctx: version_re('transmission-daemon'),
                   'encoded': True,
                   'where': 'session-get JSON "version":"<v> (<revision>)", in a gzip-compressed response body'},
        exposures=[basic_exposure('http', 'evaladmin', TR_PW)], prepare=_tr_prep,
        notes='No torrent is added; DHT, LPD, PEX, uTP and port forwarding are off and the peer port is bound '
              'to 127.0.0.1:40511, so the daemon talks to nobody but its RPC client.')
def fresh2_transmission_283(ctx):
    ctx.spawn(['transmission-daemon', '-f', '-g', ctx.path('tr'), '--log-error'], 'server-transmission')
    ctx.wait_listen('tcp', 283, timeout=30)
    auth = 'evaladmin:' + TR_PW
    ctx.run(['transmission-remote', '127.0.0.1:283', '-n', auth, '-l'], timeout=20)
    r = ctx.run(['transmission-remote', '127.0.0.1:283', '-n', auth, '-si'], timeout=20)
    if b'Daemon version' not in r.stdout:
        raise ScenarioError('transmission-remote: %r' % r.stdout[:300])


# ---------------------------------------------------------------- InfluxDB 1.x HTTP API (TCP 403)

INFLUX_PW = 'Infl-s3cret'


def _influx_prep(ctx):
    ctx.write('influxdb.conf', """reporting-disabled = true
bind-address = "127.0.0.1:40888"
[meta]
  dir = "%(t)s/meta"
[data]
  dir = "%(t)s/data"
  wal-dir = "%(t)s/wal"
[http]
  bind-address = "127.0.0.1:403"
  auth-enabled = true
  log-enabled = false
""" % {'t': ctx.tmp})


@fresh2(name='fresh2_influxdb_403', service='http', transport='tcp', port=403, package='influxdb', program='influxd',
        client="influxdb-client: influx -host 127.0.0.1 -port 403 -execute \"CREATE USER evaladmin WITH PASSWORD "
               "'...' WITH ALL PRIVILEGES\" (the first user), then influx ... -username evaladmin -password ... "
               "-execute 'CREATE DATABASE evaldb' / 'SHOW DATABASES'",
        sent='InfluxDB HTTP API: GET /ping, POST /query (q=CREATE USER ..., with the new password inside the '
             'query), then /query with HTTP Basic evaladmin / Infl-s3cret', protocol='http', pname='HTTP',
        sent_needles=[b'/query'],
        announced={'product': 'InfluxDB', 'version': lambda pv, ctx: version_re('influxdb', r'^[0-9.]+(~rc[0-9]+)?'),
                   'where': 'response header "X-Influxdb-Version: <v>"'},
        exposures=[basic_exposure('http', 'evaladmin', INFLUX_PW)], prepare=_influx_prep,
        notes='reporting-disabled = true: no usage report leaves the machine.')
def fresh2_influxdb_403(ctx):
    ctx.spawn(['influxd', '-config', ctx.path('influxdb.conf')], 'server-influxd', env={'HOME': ctx.tmp})
    ctx.wait_listen('tcp', 403, timeout=40)
    base = ['influx', '-host', LO, '-port', '403']
    env = {'HOME': ctx.tmp}
    ctx.run(base + ['-execute', "CREATE USER evaladmin WITH PASSWORD '%s' WITH ALL PRIVILEGES" % INFLUX_PW],
            env=env, timeout=20)
    auth = ['-username', 'evaladmin', '-password', INFLUX_PW]
    ctx.run(base + auth + ['-execute', 'CREATE DATABASE evaldb'], env=env, timeout=20)
    r = ctx.run(base + auth + ['-execute', 'SHOW DATABASES'], env=env, timeout=20)
    if b'evaldb' not in r.stdout:
        raise ScenarioError('influx: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- iSCSI: tgtd (TCP 283), libiscsi-bin

TGT_IQN = 'iqn.2026-12.test.eval:disk1'
TGT_CTL = '7'   # tgtd's management channel number (a unix socket, not the network)


def _tgt_cleanup(ctx):
    for p in ('/var/run/tgtd/socket.' + TGT_CTL, '/var/run/tgtd/socket.%s.lock' % TGT_CTL):
        try:
            os.unlink(p)
        except OSError:
            pass


@fresh2(name='fresh2_tgtd_iscsi_283', service='iscsi', transport='tcp', port=283, package='tgt',
        program='tgtd (Linux SCSI target framework)',
        client='libiscsi-bin: iscsi-ls -s iscsi://127.0.0.1:283 (SendTargets discovery) ; iscsi-inq and '
               'iscsi-readcapacity16 iscsi://127.0.0.1:283/<iqn>/1',
        sent='iSCSI: Login (discovery session, SessionType=Discovery), Text SendTargets=All, Logout; normal '
             'sessions to the target with SCSI INQUIRY / READ CAPACITY(16) commands on LUN 1 (an 8 MiB file)',
        protocol='iscsi', pname='iSCSI', sent_needles=[b'SendTargets=All'], cleanup=_tgt_cleanup,
        notes='The target and its LUN are made with tgtadm over tgtd\'s management socket (control port %s); '
              'the backing store is a file in the work dir.' % TGT_CTL)
def fresh2_tgtd_iscsi_283(ctx):
    ctx.run(['truncate', '-s', '8M', ctx.path('lun1.img')])
    ctx.spawn(['tgtd', '-f', '-C', TGT_CTL, '--iscsi', 'portal=127.0.0.1:283'], 'server-tgtd')
    ctx.wait_listen('tcp', 283, timeout=20)
    adm = ['tgtadm', '-C', TGT_CTL, '--lld', 'iscsi']
    ctx.run(adm + ['--op', 'new', '--mode', 'target', '--tid', '1', '-T', TGT_IQN])
    ctx.run(adm + ['--op', 'new', '--mode', 'logicalunit', '--tid', '1', '--lun', '1', '-b', ctx.path('lun1.img')])
    ctx.run(adm + ['--op', 'bind', '--mode', 'target', '--tid', '1', '-I', 'ALL'])
    ini = ['-i', 'iqn.2026-12.test.eval:initiator']
    r = ctx.run(['iscsi-ls'] + ini + ['-s', 'iscsi://127.0.0.1:283'], timeout=30)
    if TGT_IQN.encode() not in r.stdout:
        raise ScenarioError('iscsi-ls: %r' % r.stdout)
    url = 'iscsi://127.0.0.1:283/%s/1' % TGT_IQN
    ctx.run(['iscsi-inq'] + ini + [url], timeout=30)
    ctx.run(['iscsi-readcapacity16'] + ini + [url], timeout=30)


# ---------------------------------------------------------------- OVSDB: ovsdb-server (TCP 403)

@fresh2(name='fresh2_ovsdb_403', service='ovsdb', transport='tcp', port=403, package='openvswitch-common',
        program='ovsdb-server (Open vSwitch database)',
        client='ovsdb-client list-dbs tcp:127.0.0.1:403 ; ovsdb-client dump tcp:127.0.0.1:403 Open_vSwitch ; '
               'ovs-vsctl --db=tcp:127.0.0.1:403 --no-wait add-br evalbr0 (writes the database only)',
        sent='OVSDB JSON-RPC (RFC 7047): list_dbs, get_schema, transact (select / insert), monitor_cond and '
             'monitor_cond_since (Open vSwitch\'s extensions); the replies', protocol=None, pname='OVSDB', sent_needles=[b'"list_dbs"', b'"transact"'],
        notes='ovsdb-server only (no ovs-vswitchd, no kernel datapath): the database of a fresh vswitch schema '
              'in the work dir. Wireshark 4.0 has no OVSDB dissector (expected.protocol null).')
def fresh2_ovsdb_403(ctx):
    db = ctx.path('conf.db')
    ctx.run(['ovsdb-tool', 'create', db, '/usr/share/openvswitch/vswitch.ovsschema'])
    ctx.spawn(['ovsdb-server', db, '--remote=ptcp:403:127.0.0.1', '--unixctl=' + ctx.path('ovsdb.ctl'),
               '--log-file=' + ctx.path('ovsdb.log'), '--no-chdir'], 'server-ovsdb-server')
    ctx.wait_listen('tcp', 403)
    r = ctx.run(['ovsdb-client', 'list-dbs', 'tcp:127.0.0.1:403'], timeout=20)
    if b'Open_vSwitch' not in r.stdout:
        raise ScenarioError('ovsdb-client: %r' % r.stdout)
    ctx.run(['ovs-vsctl', '--db=tcp:127.0.0.1:403', '--no-wait', '--timeout=10', 'init'], timeout=20)
    ctx.run(['ovs-vsctl', '--db=tcp:127.0.0.1:403', '--no-wait', '--timeout=10', 'add-br', 'evalbr0'], timeout=20)
    ctx.run(['ovsdb-client', 'dump', 'tcp:127.0.0.1:403', 'Open_vSwitch', 'Bridge'], timeout=20)


# ---------------------------------------------------------------- DNS over TCP: pdns_server (TCP 283)

def _pdns_prep(ctx):
    ctx.write('eval.test.zone', """$TTL 300
@ IN SOA ns.eval.test. hostmaster.eval.test. 1 3600 600 86400 300
@ IN NS ns.eval.test.
ns IN A 192.0.2.53
www IN A 192.0.2.41
""")
    ctx.write('named.conf', 'zone "eval.test" { type master; file "%s/eval.test.zone"; };\n' % ctx.tmp)
    ctx.write('pdns.conf', """launch=bind
bind-config=%(t)s/named.conf
local-address=127.0.0.1
local-port=283
socket-dir=%(t)s
guardian=no
daemon=no
disable-syslog=yes
webserver=no
api=no
setuid=
setgid=
version-string=full
""" % {'t': ctx.tmp})


@fresh2(name='fresh2_pdns_auth_tcp_283', service='dns', transport='tcp', port=283, package='pdns-server',
        program='pdns_server (PowerDNS Authoritative Server, bind backend)',
        client='bind9-dnsutils: dig +tcp @127.0.0.1 -p 283 www.eval.test A ; dig +tcp ... CH TXT version.bind',
        sent='Two DNS queries over TCP: A www.eval.test (192.0.2.41, from a zone file) and CHAOS TXT version.bind',
        protocol='dns', pname='DNS',
        announced={'product': 'PowerDNS Authoritative Server', 'version': lambda pv, ctx: version_re('pdns-server'),
                   'where': 'CHAOS TXT version.bind answer "PowerDNS Authoritative Server <v> (...)"'},
        prepare=_pdns_prep, filter='tcp port 283')
def fresh2_pdns_auth_tcp_283(ctx):
    ctx.spawn(['pdns_server', '--config-dir=' + ctx.tmp], 'server-pdns_server')
    ctx.wait_listen('tcp', 283, timeout=30)
    for q in (['www.eval.test', 'A'], ['CH', 'TXT', 'version.bind']):
        r = ctx.run(['dig', '@127.0.0.1', '-p', '283', '+tcp', '+tries=1', '+time=5'] + q, timeout=20)
        if b'status: NOERROR' not in r.stdout:
            raise ScenarioError('dig: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- IRC: inspircd (TCP 403) and znc (TCP 283), sic

def sic_session(ctx, port, nick, password, lines, settle=2.0):
    """sic (the suckless IRC client) typed at through its stdin: registers
    with PASS / NICK / USER, then the lines (":j #chan", ":m #chan text",
    ":quit ..."), a pause before each. Returns what sic printed."""
    p = ctx.spawn(['sic', '-h', LO, '-p', str(port), '-n', nick, '-k', password], 'client-sic',
                  stdin=subprocess.PIPE)
    time.sleep(settle)
    for ln in lines:
        p.stdin.write(ln.encode() + b'\n')
        p.stdin.flush()
        time.sleep(1.0)
    try:
        p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        raise ScenarioError('sic did not quit: %s' % ctx.logtext('client-sic')[-500:])
    return ctx.logtext('client-sic')


IRC_PW = 'Irc-s3cret'


def _inspircd_prep(ctx):
    ctx.mkdir('data')
    ctx.write('inspircd.conf', """<server name="irc.eval.test" description="eval" network="EvalNet">
<admin name="eval" nick="eval" email="eval@eval.test">
<bind address="127.0.0.1" port="403" type="clients">
<connect name="main" allow="127.0.0.1" password="%(pw)s" hash="plaintext" maxchans="20" timeout="20"
         pingfreq="120" sendq="262144" recvq="8192" localmax="50" globalmax="50" limit="100" resolvehostnames="no">
<class name="Shutdown" commands="DIE RESTART REHASH LOADMODULE UNLOADMODULE RELOADMODULE">
<files motd="%(t)s/motd.txt">
<pid file="%(t)s/inspircd.pid">
<path configdir="%(t)s" datadir="%(t)s/data" logdir="%(t)s" moduledir="/usr/lib/inspircd/modules">
<log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="%(t)s/inspircd.log">
<dns server="127.0.0.1" timeout="1">
<performance softlimit="128">
<security hidehost="" hideserver="">
""" % {'t': ctx.tmp, 'pw': IRC_PW})
    ctx.write('motd.txt', 'eval irc server\n')


@fresh2(name='fresh2_inspircd_403', service='irc', transport='tcp', port=403, package='inspircd', program='inspircd',
        client='sic: sic -h 127.0.0.1 -p 403 -n evalnick -k <password>, typed at: ":j #eval", ":m #eval hello irc", '
               '":version", ":quit bye"',
        sent='IRC: PASS (the connect class password, cleartext), NICK, USER, JOIN #eval, PRIVMSG #eval, VERSION, '
             'QUIT; the 001-005 welcome numerics, MOTD, JOIN / NAMES replies, the 351 VERSION reply',
        protocol='irc', pname='IRC', sent_needles=[b'JOIN #eval'],
        announced={'product': 'InspIRCd', 'version': lambda pv, ctx: version_re('inspircd', r'^[0-9]+'),
                   'where': 'RPL_YOURHOST / RPL_MYINFO "InspIRCd-<major>"'},
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'irc', 'detail': 'PASS (connect class password)',
                    'frame_hint': 'client->server', 'password': IRC_PW, 'needles': [b'PASS ' + IRC_PW.encode()]}],
        prepare=_inspircd_prep)
def fresh2_inspircd_403(ctx):
    ctx.spawn(['inspircd', '--nofork', '--runasroot', '--config', ctx.path('inspircd.conf')], 'server-inspircd')
    ctx.wait_listen('tcp', 403, timeout=30)
    out = sic_session(ctx, 403, 'evalnick', IRC_PW, [':j #eval', ':m #eval hello irc', ':version', ':quit bye'])
    if ' 001 ' not in out and 'Welcome' not in out:
        raise ScenarioError('sic: %r' % out[-500:])


ZNC_PW = 'Znc-s3cret'


def _znc_prep(ctx):
    salt = 'evalsalt0123456789ab'
    h = hashlib.sha256((ZNC_PW + salt).encode()).hexdigest()
    ctx.mkdir('znc/configs')
    ctx.write('znc/configs/znc.conf', """Version = 1.8.2
<Listener l>
	Port = 283
	Host = 127.0.0.1
	IPv4 = true
	IPv6 = false
	SSL = false
</Listener>
<User %(u)s>
	Pass = sha256#%(h)s#%(s)s#
	Admin = true
	Nick = %(u)s
	AltNick = %(u)s_
	Ident = %(u)s
	RealName = eval
</User>
""" % {'u': EVAL_USER, 'h': h, 's': salt})
    chown_tree(ctx.path('znc'), 'nobody')   # znc waits 30 s when started as root: it runs as nobody


@fresh2(name='fresh2_znc_283', service='irc', transport='tcp', port=283, package='znc', program='znc (IRC bouncer)',
        client='sic: sic -h 127.0.0.1 -p 283 -n evaluser -k evaluser:<password>, typed at: ":m *status version", '
               '":m *status help", ":quit bye"',
        sent='IRC to the bouncer: PASS evaluser:Znc-s3cret (cleartext), NICK, USER; 001 welcome from ZNC, '
             'PRIVMSG *status version / help and the *status replies (no IRC network is configured: nothing '
             'leaves the machine)', protocol='irc', pname='IRC', sent_needles=[b'PRIVMSG *status'],
        announced={'product': 'ZNC', 'version': lambda pv, ctx: version_re('znc'),
                   'where': '*status reply to "version": "ZNC <v>..."'},
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'irc', 'detail': 'PASS user:password',
                    'frame_hint': 'client->server', 'user': EVAL_USER, 'password': ZNC_PW,
                    'needles': [('PASS %s:%s' % (EVAL_USER, ZNC_PW)).encode()]}],
        prepare=_znc_prep)
def fresh2_znc_283(ctx):
    ctx.spawn(setpriv('nobody', 'nogroup') + ['znc', '--foreground', '--datadir', ctx.path('znc')], 'server-znc',
              env={'HOME': ctx.path('znc')})
    ctx.wait_listen('tcp', 283, timeout=30)
    out = sic_session(ctx, 283, EVAL_USER, '%s:%s' % (EVAL_USER, ZNC_PW),
                      [':m *status version', ':m *status help', ':quit bye'])
    if 'ZNC' not in out:
        raise ScenarioError('sic: %r' % out[-500:])


# ---------------------------------------------------------------- SSH: tinysshd under tcpserver (TCP 403)

def _tinyssh_prep(ctx):
    import pwd
    ctx.run(['tinysshd-makekey', ctx.path('sshkeydir')])
    ctx.run(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-C', 'eval@eval.test', '-f', ctx.path('id_ed25519')])
    pw = pwd.getpwnam(EVAL_USER)
    sshdir = os.path.join(pw.pw_dir, '.ssh')
    os.makedirs(sshdir, exist_ok=True)
    shutil.copyfile(ctx.path('id_ed25519.pub'), os.path.join(sshdir, 'authorized_keys'))
    for p in (sshdir, os.path.join(sshdir, 'authorized_keys')):
        os.chown(p, pw.pw_uid, pw.pw_gid)
    os.chmod(sshdir, 0o700)


def _tinyssh_cleanup(ctx):
    import pwd
    try:
        os.unlink(os.path.join(pwd.getpwnam(EVAL_USER).pw_dir, '.ssh', 'authorized_keys'))
    except (OSError, KeyError):
        pass


@fresh2(name='fresh2_tinysshd_403', service='ssh', transport='tcp', port=403, package='tinysshd',
        program='tinysshd (under ucspi-tcp tcpserver)',
        client='openssh-client: ssh -p 403 -i <key> evaluser@127.0.0.1 "id; uname -a" (ed25519 public key, '
               'BatchMode), twice',
        sent='SSH-2.0: identification strings, key exchange (curve25519 / sntrup761), public-key user '
             'authentication, a session running "id; uname -a"', protocol='ssh', pname='SSH',
        sent_needles=[b'SSH-2.0-OpenSSH'], prepare=_tinyssh_prep, cleanup=_tinyssh_cleanup,
        announced={'product': 'tinyssh', 'version': lambda pv, ctx: version_re('tinysshd'),
                   'where': 'SSH identification string "SSH-2.0-tinyssh_<v>-<Debian revision>"'},
        notes='tinysshd is started per connection by tcpserver -HRDl0 127.0.0.1 403 (ucspi-tcp); the key is '
              'in evaluser\'s authorized_keys for the run only.')
def fresh2_tinysshd_403(ctx):
    ctx.spawn(['tcpserver', '-HRDl0', '127.0.0.1', '403', '/usr/sbin/tinysshd', '-v', ctx.path('sshkeydir')],
              'server-tcpserver')
    ctx.wait_listen('tcp', 403)
    for _ in range(2):
        r = ctx.run(['ssh', '-p', '403', '-i', ctx.path('id_ed25519'), '-o', 'BatchMode=yes', '-o',
                     'IdentitiesOnly=yes', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null',
                     '-o', 'ConnectTimeout=10', '%s@127.0.0.1' % EVAL_USER, 'id; uname -a'], timeout=30)
        if EVAL_USER.encode() not in r.stdout:
            raise ScenarioError('ssh: %r' % r.stdout)


# ---------------------------------------------------------------- SOCKS5: microsocks (TCP 283)

SOCKS_PW = 'Sox-s3cret'


@fresh2(name='fresh2_microsocks_283', service='socks', transport='tcp', port=283, package='microsocks',
        program='microsocks',
        client='curl --socks5 127.0.0.1:283 --proxy-user evaluser:... http://127.0.0.1:40480/ (twice)',
        sent='SOCKS5: greeting offering username/password, the RFC 1929 sub-negotiation with evaluser / '
             'Sox-s3cret in the clear, CONNECT 127.0.0.1:40480, then an HTTP GET through the tunnel',
        protocol='socks', pname='SOCKS', also_ok=['http'],
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'socks', 'detail': 'SOCKS5 username/password (RFC 1929)',
                    'frame_hint': 'client->server', 'user': EVAL_USER, 'password': SOCKS_PW,
                    'needles': [b'\x01' + bytes([len(EVAL_USER)]) + EVAL_USER.encode() + bytes([len(SOCKS_PW)])
                                + SOCKS_PW.encode()]}],
        notes=ORIGIN_NOTE)
@with_origin
def fresh2_microsocks_283(ctx):
    ctx.spawn(['microsocks', '-i', LO, '-p', '283', '-u', EVAL_USER, '-P', SOCKS_PW], 'server-microsocks')
    ctx.wait_listen('tcp', 283)
    for _ in range(2):
        r = curl(ctx, '--socks5', '127.0.0.1:283', '--proxy-user', '%s:%s' % (EVAL_USER, SOCKS_PW),
                 'http://127.0.0.1:%d/' % ORIGIN_PORT)
        if b'origin' not in r.stdout:
            raise ScenarioError('microsocks: %r' % r.stdout)


# ---------------------------------------------------------------- Graphite plaintext: carbon-cache (TCP 403), collectd

def _carbon_prep(ctx):
    for d in ('storage/whisper', 'lists', 'log'):
        ctx.mkdir(d)
    ctx.write('carbon.conf', """[cache]
STORAGE_DIR = %(t)s/storage/
LOCAL_DATA_DIR = %(t)s/storage/whisper/
WHITELISTS_DIR = %(t)s/lists/
CONF_DIR = %(t)s/
LOG_DIR = %(t)s/log/
PID_DIR = %(t)s/
ENABLE_LOGROTATION = False
USER =
LINE_RECEIVER_INTERFACE = 127.0.0.1
LINE_RECEIVER_PORT = 403
ENABLE_UDP_LISTENER = False
PICKLE_RECEIVER_INTERFACE = 127.0.0.1
PICKLE_RECEIVER_PORT = 40204
CACHE_QUERY_INTERFACE = 127.0.0.1
CACHE_QUERY_PORT = 40702
""" % {'t': ctx.tmp})
    ctx.write('storage-schemas.conf', '[default]\npattern = .*\nretentions = 10s:1h\n')
    ctx.write('collectd.conf', """Hostname "evalhost"
FQDNLookup false
Interval 1
BaseDir "%(t)s"
PIDFile "%(t)s/collectd.pid"
PluginDir "/usr/lib/collectd"
LoadPlugin load
LoadPlugin memory
LoadPlugin cpu
LoadPlugin write_graphite
<Plugin write_graphite>
  <Node "eval">
    Host "127.0.0.1"
    Port "403"
    Protocol "tcp"
    Prefix "eval."
  </Node>
</Plugin>
""" % {'t': ctx.tmp})


@fresh2(name='fresh2_carbon_403', service='graphite', transport='tcp', port=403, package='graphite-carbon',
        program='carbon-cache (Graphite)',
        client='collectd (write_graphite plugin: load, memory and cpu values every second) sending to '
               '127.0.0.1:403, stopped by pid after 5 s',
        sent='Graphite plaintext protocol: lines "eval.evalhost.load.load.shortterm <value> <unix time>" and the '
             'like; the server sends nothing back', protocol=None, pname='Graphite plaintext',
        sent_needles=[b'eval.evalhost.'], prepare=_carbon_prep,
        notes='Wireshark 4.0 has no Graphite dissector (expected.protocol null).')
def fresh2_carbon_403(ctx):
    ctx.spawn(['carbon-cache', '--config=' + ctx.path('carbon.conf'), '--nodaemon', '--debug',
               '--pidfile=' + ctx.path('carbon.pid'), '--logdir=' + ctx.path('log'), 'start'], 'server-carbon-cache')
    ctx.wait_listen('tcp', 403, timeout=40)
    ctx.spawn(['collectd', '-f', '-C', ctx.path('collectd.conf')], 'client-collectd')
    time.sleep(5)
    ctx._check_alive()


# ---------------------------------------------------------------- PulseAudio native protocol (TCP 403), pactl

def _pulse_prep(ctx):
    ctx.mkdir('pa/run', 0o700)
    ctx.mkdir('client')


@fresh2(name='fresh2_pulseaudio_403', service='pulseaudio', transport='tcp', port=403, package='pulseaudio',
        program='pulseaudio (module-native-protocol-tcp)',
        client='pulseaudio-utils: pactl -s tcp:127.0.0.1:403 info ; pactl -s ... list short sinks ; '
               'pactl -s ... set-sink-volume evalsink 50%',
        sent='PulseAudio native protocol: AUTH (protocol version, 256-octet cookie), SET_CLIENT_NAME (a property '
             'list with application.name "pactl"), GET_SERVER_INFO (reply: "pulseaudio", "<v>"), '
             'GET_SINK_INFO_LIST, SET_SINK_VOLUME', protocol=None, pname='PulseAudio native protocol',
        sent_needles=[b'application.name'], prepare=_pulse_prep,
        announced={'product': 'pulseaudio', 'version': lambda pv, ctx: version_re('pulseaudio'),
                   'where': 'GET_SERVER_INFO reply: package name "pulseaudio" and version "<v>"'},
        notes='The server runs as root in user mode (unprivileged, it drops the capability to bind below 1024), '
              'HOME and XDG_RUNTIME_DIR in the work dir, a null sink only and auth-anonymous=1. Wireshark 4.0 has no PulseAudio dissector (expected.protocol null).')
def fresh2_pulseaudio_403(ctx):
    env = {'HOME': ctx.path('pa'), 'XDG_RUNTIME_DIR': ctx.path('pa/run'), 'XDG_CONFIG_HOME': ctx.path('pa')}
    ctx.spawn([
        'pulseaudio', '-n', '--daemonize=no', '--exit-idle-time=-1', '--use-pid-file=no', '--disable-shm=yes',
        '--system=no', '--log-target=stderr', '-L', 'module-null-sink sink_name=evalsink',
        '-L', 'module-native-protocol-tcp port=403 listen=127.0.0.1 auth-anonymous=1'], 'server-pulseaudio', env=env)
    ctx.wait_listen('tcp', 403, timeout=30)
    cenv = {'HOME': ctx.path('client'), 'XDG_RUNTIME_DIR': ctx.path('client'), 'XDG_CONFIG_HOME': ctx.path('client')}
    base = ['pactl', '-s', 'tcp:127.0.0.1:403']
    r = ctx.run(base + ['info'], env=cenv, timeout=20)
    if b'Server Version' not in r.stdout:
        raise ScenarioError('pactl: %r' % r.stdout)
    ctx.run(base + ['list', 'short', 'sinks'], env=cenv, timeout=20)
    ctx.run(base + ['set-sink-volume', 'evalsink', '50%'], env=cenv, timeout=20)


# ---------------------------------------------------------------- HTTP: fossil server (TCP 283)

def _fossil_prep(ctx):
    ctx.mkdir('home')
    env = {'HOME': ctx.path('home'), 'USER': EVAL_USER}
    ctx.run(['fossil', 'init', ctx.path('eval.fossil'), '--admin-user', EVAL_USER], env=env, timeout=60)
    chown_tree(ctx.path('eval.fossil'), 'nobody')


@fresh2(name='fresh2_fossil_283', service='http', transport='tcp', port=283, package='fossil', program='fossil server',
        client='fossil clone http://127.0.0.1:283/ <tmp>/clone.fossil (anonymous) ; curl http://127.0.0.1:283/timeline',
        sent='Fossil sync protocol over HTTP (POST / with Content-Type application/x-fossil, zlib-compressed '
             'cards) for the clone; GET /timeline (an HTML page)', protocol='http', pname='HTTP',
        sent_needles=[b'application/x-fossil'], prepare=_fossil_prep,
        announced={'product': 'Fossil', 'version': lambda pv, ctx: version_re('fossil', r'^[0-9]+\.[0-9]+'),
                   'where': 'timeline page footer "... by Fossil <v> [<check-in>] ..."'},
        notes='The server runs as nobody on a fresh repository in the work dir (fossil server --localhost).')
def fresh2_fossil_283(ctx):
    ctx.spawn(setpriv('nobody', 'nogroup') + ['fossil', 'server', '--port', '283', '--localhost',
                                              ctx.path('eval.fossil')], 'server-fossil',
              env={'HOME': ctx.path('home')})
    ctx.wait_listen('tcp', 283, timeout=20)
    env = {'HOME': ctx.path('home'), 'USER': EVAL_USER}
    ctx.run(['fossil', 'clone', 'http://127.0.0.1:283/', ctx.path('clone.fossil')], env=env, timeout=60)
    r = curl(ctx, 'http://127.0.0.1:283/timeline')
    if b'Fossil' not in r.stdout:
        raise ScenarioError('fossil timeline: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- HTTP: darkstat (TCP 403)

@fresh2(name='fresh2_darkstat_403', service='http', transport='tcp', port=403, package='darkstat', program='darkstat',
        client='curl http://127.0.0.1:403/ ; curl http://127.0.0.1:403/hosts/ ; curl -I http://127.0.0.1:403/missing',
        sent='GET / (the traffic graphs page), GET /hosts/, HEAD /missing', protocol='http', pname='HTTP',
        announced={'product': 'darkstat', 'version': True, 'where': 'Server header "darkstat/<v>"'},
        notes='darkstat watches lo with the capture filter "udp port 40999" (nothing), chrooted into the work dir '
              'as nobody; only its web interface on 127.0.0.1:403 matters here.')
def fresh2_darkstat_403(ctx):
    ctx.mkdir('chroot')
    ctx.spawn(['darkstat', '-i', 'lo', '--no-daemon', '--no-promisc', '--no-dns', '-f', 'udp port 40999',
               '-b', LO, '-p', '403', '--chroot', ctx.path('chroot'), '--user', 'nobody',
               '--pidfile', 'darkstat.pid'], 'server-darkstat')
    ctx.wait_listen('tcp', 403, timeout=20)
    browse(ctx, 403, b'darkstat', 'darkstat', '/hosts/')


# ---------------------------------------------------------------- HTTP: yaws (TCP 403)

YAWS_PW = 'Yaws-s3cret'


def _yaws_prep(ctx):
    ctx.mkdir('www/private')
    ctx.mkdir('log')
    ctx.write('www/index.html', '<html><body>yaws on a ghost port</body></html>\n')
    ctx.write('www/private/index.html', '<html><body>private</body></html>\n')
    ctx.write('yaws.conf', """logdir = %(t)s/log
<server eval.test>
        port = 403
        listen = 127.0.0.1
        docroot = %(t)s/www
        <auth>
                dir = /private
                realm = eval
                user = %(u)s:%(pw)s
        </auth>
</server>
""" % {'t': ctx.tmp, 'u': EVAL_USER, 'pw': YAWS_PW})


@fresh2(name='fresh2_yaws_403', service='http', transport='tcp', port=403, package='yaws', program='yaws (Erlang web server)',
        client='curl http://127.0.0.1:403/ ; curl -u evaluser:... http://127.0.0.1:403/private/ ; '
               'curl -I http://127.0.0.1:403/missing',
        sent='GET / (200), GET /private/ with HTTP Basic evaluser / Yaws-s3cret (200), HEAD /missing (404)',
        protocol='http', pname='HTTP',
        announced={'product': 'Yaws', 'version': lambda pv, ctx: version_re('yaws'), 'where': 'Server header "Yaws <v>"'},
        exposures=[basic_exposure('http', EVAL_USER, YAWS_PW)], prepare=_yaws_prep,
        notes='Started in the foreground without an Erlang node name (no epmd, no distribution port); its '
              'stdin is an open pipe, since the foreground Erlang shell ends at end of input.')
def fresh2_yaws_403(ctx):
    ctx.spawn(['yaws', '--conf', ctx.path('yaws.conf'), '--id', 'evalfresh2'], 'server-yaws',
              env={'HOME': ctx.tmp}, stdin=subprocess.PIPE)
    ctx.wait_listen('tcp', 403, timeout=40)
    curl(ctx, 'http://127.0.0.1:403/')
    r = curl(ctx, '-u', '%s:%s' % (EVAL_USER, YAWS_PW), 'http://127.0.0.1:403/private/')
    if b'private' not in r.stdout:
        raise ScenarioError('yaws: %r' % r.stdout)
    curl(ctx, '-I', 'http://127.0.0.1:403/missing', check=False)


# ---------------------------------------------------------------- SIP: kamailio (UDP 403), sipsak

def _kamailio_prep(ctx):
    ctx.write('kamailio.cfg', """#!KAMAILIO
debug=2
log_stderror=yes
children=1
listen=udp:127.0.0.1:403
mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
loadmodule "sl.so"
loadmodule "pv.so"
loadmodule "xlog.so"
request_route {
    if (method == "OPTIONS") {
        sl_send_reply("200", "OK");
        exit;
    }
    sl_send_reply("404", "Not here");
    exit;
}
""")


@fresh2(name='fresh2_kamailio_udp_403', service='sip', transport='udp', port=403, package='kamailio',
        program='kamailio (SIP server)',
        client='sipsak: sipsak -vv -H 127.0.0.1 -s sip:eval@127.0.0.1:403 ; the same for sip:other@127.0.0.1:403 '
               '(OPTIONS pings)',
        sent='SIP over UDP: two OPTIONS requests, each answered 200 OK by the routing script; the replies carry '
             '"Server: kamailio (<v> (x86_64/linux))"', protocol='sip', pname='SIP',
        sent_needles=[b'OPTIONS sip:eval@127.0.0.1:403'],
        announced={'product': 'kamailio', 'version': lambda pv, ctx: version_re('kamailio'),
                   'where': 'SIP reply header "Server: kamailio (<v> (x86_64/linux))"'},
        prepare=_kamailio_prep, filter='udp port 403',
        notes='A minimal routing script: sl replies only (no registrar, no forwarding): 200 to OPTIONS, 404 to '
              'anything else.')
def fresh2_kamailio_udp_403(ctx):
    ctx.spawn(['kamailio', '-DD', '-E', '-f', ctx.path('kamailio.cfg'), '-m', '32', '-M', '4',
               '-P', ctx.path('kamailio.pid'), '-Y', ctx.tmp], 'server-kamailio')
    ctx.wait_listen('udp', 403, timeout=30)
    time.sleep(1)
    for uri in ('sip:eval@127.0.0.1:403', 'sip:other@127.0.0.1:403'):
        ctx.run(['sipsak', '-vv', '-H', LO, '-s', uri], timeout=20)   # exit 0: 200 OK


# ---------------------------------------------------------------- DNS over UDP: dnsdist (UDP 403)

def _dnsdist_prep(ctx):
    ctx.write('dnsdist.conf', """setLocal("127.0.0.1:403", {reusePort=false})
setACL({"127.0.0.0/8"})
addAction(QNameRule("www.eval.test."), SpoofAction({"192.0.2.61"}))
addAction(AllRule(), RCodeAction(DNSRCode.REFUSED))
""")


@fresh2(name='fresh2_dnsdist_udp_403', service='dns', transport='udp', port=403, package='dnsdist',
        program='dnsdist (PowerDNS DNS load balancer)',
        client='bind9-dnsutils: dig @127.0.0.1 -p 403 www.eval.test A ; dig @127.0.0.1 -p 403 other.eval.test A',
        sent='Two DNS queries over UDP: A www.eval.test (answered by a spoof rule, 192.0.2.61) and A '
             'other.eval.test (REFUSED by the catch-all rule)', protocol='dns', pname='DNS',
        prepare=_dnsdist_prep, filter='udp port 403',
        notes='No backend server is configured: the two rules answer every query, nothing is forwarded.')
def fresh2_dnsdist_udp_403(ctx):
    ctx.spawn(['dnsdist', '--supervised', '--disable-syslog', '-C', ctx.path('dnsdist.conf')], 'server-dnsdist')
    ctx.wait_listen('udp', 403, timeout=30)
    r = ctx.run(['dig', '@127.0.0.1', '-p', '403', '+tries=1', '+time=3', 'www.eval.test', 'A'], timeout=20)
    if b'192.0.2.61' not in r.stdout:
        raise ScenarioError('dig: %r' % r.stdout[-300:])
    ctx.run(['dig', '@127.0.0.1', '-p', '403', '+tries=1', '+time=3', 'other.eval.test', 'A'], timeout=20)


# ---------------------------------------------------------------- NetFlow v9: nfcapd (UDP 283), softflowd

def _nfcapd_prep(ctx):
    from scapy.all import IP, TCP, UDP, Ether, Raw, wrpcap
    pkts = []
    t = 1765000000.0
    for i in range(6):
        for sport, dport, l4 in ((40000 + i, 80, TCP), (50000 + i, 53, UDP)):
            p = Ether() / IP(src='192.0.2.%d' % (10 + i), dst='198.51.100.%d' % (20 + i)) / \
                l4(sport=sport, dport=dport) / Raw(b'x' * (40 + i))
            p.time = t
            t += 0.25
            pkts.append(p)
    wrpcap(ctx.path('flows-src.pcap'), pkts)
    ctx.mkdir('flows')


@fresh2(name='fresh2_nfcapd_udp_283', service='cflow', transport='udp', port=283, package='nfdump',
        program='nfcapd (nfdump NetFlow collector)',
        client='softflowd -d -r <a small pcap of made-up flows between documentation addresses> -n 127.0.0.1:283 '
               '-v 9 (NetFlow v9 export of 12 flows)',
        sent='NetFlow v9 export datagrams: template flowset and data flowsets (the flows of the pcap file: '
             '192.0.2.0/24 -> 198.51.100.0/24, TCP 80 and UDP 53); no reply', protocol='cflow', pname='NetFlow v9',
        prepare=_nfcapd_prep,
        notes='The exported flows come from a pcap file written by the scenario (documentation addresses); '
              'nothing is sent to those addresses.')
def fresh2_nfcapd_udp_283(ctx):
    ctx.spawn(['nfcapd', '-b', LO, '-p', '283', '-w', ctx.path('flows'), '-P', ctx.path('nfcapd.pid')],
              'server-nfcapd')
    ctx.wait_listen('udp', 283)
    ctx.run(['softflowd', '-d', '-r', ctx.path('flows-src.pcap'), '-n', '127.0.0.1:283', '-v', '9'], timeout=30)


# ---------------------------------------------------------------- Ganglia gmond: XML over TCP 283 (gstat), XDR over UDP 403

def _gmond_prep(ctx):
    ctx.write('gmond.conf', """globals {
  daemonize = no
  setuid = no
  debug_level = 0
  mute = no
  deaf = no
  allow_extra_data = yes
  host_dmax = 0
  cleanup_threshold = 300
  send_metadata_interval = 5
}
cluster { name = "evalcluster" owner = "eval" }
host { location = "eval" }
udp_send_channel { host = 127.0.0.1 port = 403 ttl = 1 }
udp_recv_channel { bind = 127.0.0.1 port = 403 }
tcp_accept_channel { bind = 127.0.0.1 port = 283 }
modules {
  module { name = "core_metrics" }
  module { name = "load_module" path = "modload.so" }
  module { name = "cpu_module" path = "modcpu.so" }
}
collection_group {
  collect_once = yes
  time_threshold = 2
  metric { name = "heartbeat" }
}
collection_group {
  collect_every = 1
  time_threshold = 2
  metric { name = "load_one" value_threshold = 0 title = "One Minute Load Average" }
  metric { name = "cpu_user" value_threshold = 0 title = "CPU User" }
}
""")


def gmond_run(ctx, client):
    ctx.spawn(['gmond', '-c', ctx.path('gmond.conf'), '-f', '-p', ctx.path('gmond.pid')], 'server-gmond')
    ctx.wait_listen('tcp', 283, timeout=20)
    ctx.wait_listen('udp', 403, timeout=20)
    client(ctx)


def _gstat(ctx):
    time.sleep(3)
    for args in (['-a'], ['-a', '-l']):
        # gstat prints only what it parsed; the XML dump itself is checked through announced
        ctx.run(['gstat', '-i', LO, '-p', '283'] + args, timeout=20)


def _gmetric(ctx):
    for i in range(3):
        ctx.run(['gmetric', '-c', ctx.path('gmond.conf'), '-n', 'eval_metric', '-v', str(40 + i), '-t', 'int32',
                 '-u', 'things', '-g', 'eval'], timeout=20)
        time.sleep(1)
    time.sleep(2)


@fresh2(name='fresh2_gmond_283', service='ganglia', transport='tcp', port=283, package='ganglia-monitor',
        program='gmond (Ganglia monitoring daemon)',
        client='ganglia-monitor: gstat -i 127.0.0.1 -p 283 -a ; gstat -i 127.0.0.1 -p 283 -a -l',
        sent='Ganglia\'s TCP accept channel: the client connects and sends nothing; gmond writes its XML '
             'dump (<GANGLIA_XML VERSION="<v>" SOURCE="gmond">, the cluster, the host and its metrics) and closes',
        protocol=None, pname='Ganglia XML',
        announced={'product': 'gmond', 'version': lambda pv, ctx: version_re('ganglia-monitor'),
                   'where': 'XML root element <GANGLIA_XML VERSION="<v>" SOURCE="gmond">'},
        prepare=_gmond_prep, filter='tcp port 283',
        notes='Wireshark 4.0 has no Ganglia dissector (expected.protocol null); the dump is XML.')
def fresh2_gmond_283(ctx):
    gmond_run(ctx, _gstat)


@fresh2(name='fresh2_gmond_udp_403', service='ganglia', transport='udp', port=403, package='ganglia-monitor',
        program='gmond (Ganglia monitoring daemon)',
        client='ganglia-monitor: gmetric -c <gmond.conf> -n eval_metric -v 40 -t int32 -u things -g eval (values 40, '
               '41, 42), sent to the udp_send_channel of that gmond.conf (127.0.0.1:403, the gmond listening there)',
        sent='Ganglia XDR metric datagrams, one pair per gmetric run: a metadata message (id 128: host, metric name '
             'eval_metric, type int32, units, group) and a value message (id 133: the value as a string); gmond\'s '
             'own heartbeat metric (id 128 metadata, id 132 uint32 values)',
        protocol=None, pname='Ganglia XDR',
        sent_needles=[b'eval_metric'], prepare=_gmond_prep, filter='udp port 403',
        notes='A one-host Ganglia unicast setup: gmond\'s own udp_send_channel points at 127.0.0.1:403 too (its '
              'heartbeat is in the capture; its load and cpu values, sent on thresholds, may not fall into the few '
              'seconds captured). Wireshark 4.0 has no Ganglia dissector (expected.protocol null).')
def fresh2_gmond_udp_403(ctx):
    gmond_run(ctx, _gmetric)
