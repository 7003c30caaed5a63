# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh6 set (split "fresh6", names fresh6_*): a seventh held-out set.
Its programs were DRAWN from a new pool: candidate server programs that are
in none of captures/ghost/, the tune / heldout half, the fresh to fresh5
sets, nor among fresh3's, fresh4's and fresh5's pool candidates, written
first, shuffled with a seed from /dev/urandom, and recorded in the drawn
order (tools/eval/fresh6-pool.md; doc/evaluation.md, "Fresh6 set"). Same
recorder, same manifest schema, same checks as fresh5; only the split
differs (evallib.svc split=FRESH6_SPLIT). Ports alternate 283 / 403 in the
order of recording."""
import functools
import os
import subprocess
import time

from evallib import FRESH6_SPLIT, LO, ScenarioError, svc, version_re  # noqa: F401
from common import EVAL_USER  # noqa: F401
from sc_web import curl  # noqa: F401
from sc_fresh3 import stop_spawned  # noqa: F401
from sc_fresh5 import wait_for  # noqa: F401

fresh6 = functools.partial(svc, split=FRESH6_SPLIT)


# ---------------------------------------------------------------- IPython parallel: ipcontroller (TCP 283), ipengine and a Client

IPP_JOB = """import ipyparallel as ipp, sys
rc = ipp.Client(sys.argv[1], timeout=30)
rc.wait_for_engines(1, timeout=30)
v = rc[:]
print('ids', rc.ids)
print('sum', v.apply_sync(lambda a, b: a + b, 40, 2))
print('map', v.map_sync(lambda x: x * x, range(5)))
rc.close()
"""


@fresh6(name='fresh6_ipcontroller_283', service='zmtp', transport='tcp', port=283, package='python3-ipyparallel',
        program='ipcontroller (IPython parallel 7 hub, registration port)',
        client='ipengine --file=<profile>/security/ipcontroller-engine.json (an engine that registers), then an '
               'ipyparallel Client (python3) from ipcontroller-client.json: wait_for_engines(1), apply_sync of an '
               'addition, map_sync of a square over range(5)',
        sent='ZMTP 3 (ZeroMQ: greeting with mechanism NULL, READY with the socket types), inside it the Jupyter '
             'messaging of ipyparallel\'s registration: registration_request / registration_reply of the engine, '
             'connection_request / connection_reply of the client (the hub\'s other ports), HMAC-SHA256 signed '
             'JSON frames',
        protocol=None, pname='ZMTP (IPython parallel)', sent_needles=[b'registration_request'],
        prepare=lambda ctx: ctx.write('job.py', IPP_JOB),
        notes='ipcontroller --ip=127.0.0.1 --IPController.regport=283 with a profile dir in the work dir; the '
              'hub\'s other sockets (control, mux, task, iopub, heartbeat, broadcast) are on random loopback ports '
              'and are not captured: only the registration conversations on 283 are. Wireshark 4.0 has no ZMTP '
              'dissector (expected.protocol null).')
def fresh6_ipcontroller_283(ctx):
    prof = ctx.path('prof')
    env = {'HOME': ctx.tmp}
    ctx.spawn(['ipcontroller', '--ip=127.0.0.1', '--IPController.regport=283', '--profile-dir=' + prof],
              'server-ipcontroller', env=env)
    ctx.wait_listen('tcp', 283, timeout=60)
    sec = os.path.join(prof, 'security')
    wait_for(ctx, 'ipcontroller: connection files', lambda: os.path.exists(os.path.join(sec, 'ipcontroller-client.json')))
    e = ctx.spawn(['ipengine', '--file=' + os.path.join(sec, 'ipcontroller-engine.json')], 'client-ipengine', env=env)
    r = ctx.run(['/usr/bin/python3', ctx.path('job.py'), os.path.join(sec, 'ipcontroller-client.json')], timeout=90,
                env=env)
    if b'sum [42]' not in r.stdout:
        raise ScenarioError('ipyparallel client: %r' % r.stdout[-300:])
    stop_spawned(e)


# ---------------------------------------------------------------- SNMP: snmpsimd (UDP 403), snmpget / snmpwalk / snmpgetnext

SIM_COMMUNITY = 'Snmpsim-s3cret'   # snmpsimd: the community is the data file's name
SIM_DATA = """1.3.6.1.2.1.1.1.0|4|evalhost simulated agent behind a ghost port
1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10
1.3.6.1.2.1.1.3.0|67|123999
1.3.6.1.2.1.1.4.0|4|eval@example.invalid
1.3.6.1.2.1.1.5.0|4|evalhost
1.3.6.1.2.1.1.6.0|4|loopback rack
1.3.6.1.2.1.2.1.0|2|1
1.3.6.1.2.1.2.2.1.1.1|2|1
1.3.6.1.2.1.2.2.1.2.1|4|lo
1.3.6.1.2.1.2.2.1.10.1|65|4242
"""


def _snmpsim_prep(ctx):
    ctx.mkdir('data')
    ctx.write('data/%s.snmprec' % SIM_COMMUNITY, SIM_DATA)
    ctx.mkdir('snmp')


@fresh6(name='fresh6_snmpsimd_udp_403', service='snmp', transport='udp', port=403, package='snmpsim',
        program='snmpsimd (SNMP simulator, snmpsim 0.4)',
        client='snmp: snmpget -v2c -c ... 127.0.0.1:403 sysDescr.0 sysName.0 sysUpTime.0 ; snmpwalk -v2c system ; '
               'snmpwalk -v1 interfaces ; snmpgetnext -v2c sysContact.0 ; snmpget -v2c of a missing OID',
        sent='SNMPv2c and SNMPv1 GetRequest / GetNextRequest / GetBulk-free walks with the community %s and their '
             'Responses (the simulated system and interfaces values, a noSuchObject)' % SIM_COMMUNITY,
        protocol='snmp', pname='SNMP', sent_needles=[SIM_COMMUNITY.encode()], prepare=_snmpsim_prep,
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'snmp',
                    'detail': 'SNMP community %s' % SIM_COMMUNITY, 'frame_hint': 'client->server',
                    'password': SIM_COMMUNITY, 'needles': [SIM_COMMUNITY.encode()]}],
        notes='snmpsimd --data-dir=<work>/data --agent-udpv4-endpoint=127.0.0.1:403, running as nobody; one '
              'simulation data file (.snmprec, ten OIDs of the system and interfaces groups) whose name is the '
              'community.')
def fresh6_snmpsimd_udp_403(ctx):
    ctx.spawn(['snmpsimd', '--data-dir=' + ctx.path('data'), '--agent-udpv4-endpoint=127.0.0.1:403',
               '--process-user=nobody', '--process-group=nogroup', '--cache-dir=' + ctx.mkdir('cache', 0o777)],
              'server-snmpsimd', env={'HOME': ctx.tmp})
    ctx.wait_listen('udp', 403, timeout=40)
    time.sleep(1)
    env = {'SNMP_PERSISTENT_DIR': ctx.path('snmp'), 'MIBS': ''}
    c = ['-c', SIM_COMMUNITY, '-r', '1', '-t', '5', '127.0.0.1:403']
    r = ctx.run(['snmpget', '-v2c'] + c + ['1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.1.3.0'], env=env)
    if b'ghost port' not in r.stdout:
        raise ScenarioError('snmpget: %r' % r.stdout[-300:])
    ctx.run(['snmpwalk', '-v2c'] + c + ['1.3.6.1.2.1.1'], env=env)
    ctx.run(['snmpwalk', '-v1'] + c + ['1.3.6.1.2.1.2'], env=env)
    ctx.run(['snmpgetnext', '-v2c'] + c + ['1.3.6.1.2.1.1.4.0'], env=env)
    ctx.run(['snmpget', '-v2c'] + c + ['1.3.6.1.2.1.25.1.1.0'], env=env, check=False)


# ---------------------------------------------------------------- HTTP (aptly's REST API): aptly api serve (TCP 283), curl

def _aptly_prep(ctx):
    ctx.write('aptly.conf', '{"rootDir": "%s/root", "architectures": ["amd64", "all"], "gpgDisableSign": true, '
              '"gpgDisableVerify": true}\n' % ctx.tmp)
    ctx.write('pkg/DEBIAN/control', 'Package: ghost-port-note\nVersion: 1.0\nArchitecture: all\n'
              'Maintainer: eval <eval@example.invalid>\nDescription: a note carried behind a ghost port\n')
    ctx.write('pkg/usr/share/doc/ghost-port-note/note.txt', 'a file in a package uploaded to aptly\n')
    ctx.run(['dpkg-deb', '--root-owner-group', '--build', ctx.path('pkg'), ctx.path('ghost-port-note_1.0_all.deb')],
            timeout=60)


@fresh6(name='fresh6_aptly_api_283', service='http', transport='tcp', port=283, package='aptly',
        program='aptly api serve (aptly 1.5 REST API)',
        client='curl: GET /api/version ; POST /api/repos (create evalrepo) ; POST /api/files/evalup (multipart '
               'upload of a small .deb) ; POST /api/repos/evalrepo/file/evalup ; GET /api/repos/evalrepo/packages ; '
               'POST /api/publish/:. (publish the repo, signing skipped) ; GET /api/publish ; GET /api/missing',
        sent='HTTP/1.1 requests with JSON bodies and one multipart/form-data upload, aptly\'s JSON answers '
             '(version, repository, package references "Pall ghost-port-note 1.0 ...", the published list)',
        protocol='http', pname='HTTP', sent_needles=[b'/api/repos'], prepare=_aptly_prep,
        notes='aptly -config=<work>/aptly.conf api serve -listen=127.0.0.1:283 -no-lock; its root directory is '
              'in the work dir, signing and verification off; no mirror is created (nothing reaches past '
              'loopback).')
def fresh6_aptly_api_283(ctx):
    ctx.spawn(['aptly', '-config=' + ctx.path('aptly.conf'), 'api', 'serve', '-listen=127.0.0.1:283', '-no-lock'],
              'server-aptly', env={'HOME': ctx.tmp})
    ctx.wait_listen('tcp', 283, timeout=30)
    base = 'http://127.0.0.1:283/api/'
    j = ['-H', 'Content-Type: application/json']
    r = curl(ctx, base + 'version')
    if b'Version' not in r.stdout:
        raise ScenarioError('aptly: %r' % r.stdout[-300:])
    curl(ctx, '-X', 'POST', *j, '-d', '{"Name": "evalrepo", "Comment": "a repo behind a ghost port", '
         '"DefaultDistribution": "bookworm", "DefaultComponent": "main"}', base + 'repos')
    curl(ctx, '-X', 'POST', '-F', 'file=@' + ctx.path('ghost-port-note_1.0_all.deb'), base + 'files/evalup')
    curl(ctx, '-X', 'POST', base + 'repos/evalrepo/file/evalup')
    r = curl(ctx, base + 'repos/evalrepo/packages')
    if b'ghost-port-note' not in r.stdout:
        raise ScenarioError('aptly packages: %r' % r.stdout[-300:])
    curl(ctx, '-X', 'POST', *j, '-d', '{"SourceKind": "local", "Sources": [{"Name": "evalrepo"}], '
         '"Architectures": ["amd64", "all"], "Signing": {"Skip": true}}', base + 'publish/:.')
    curl(ctx, base + 'publish')
    curl(ctx, base + 'missing', check=False)


# ---------------------------------------------------------------- TLS (HTTPS): kore with a kodev-built application (TCP 403), curl

KORE_PAGE = r'''#include <kore/kore.h>
#include <kore/http.h>

int		page(struct http_request *);
int		echo(struct http_request *);

int
page(struct http_request *req)
{
	const char	*msg = "hello from a kore application behind a ghost port\n";

	http_response_header(req, "content-type", "text/plain");
	http_response(req, 200, msg, strlen(msg));
	return (KORE_RESULT_OK);
}

int
echo(struct http_request *req)
{
	struct kore_buf		*b;

	b = kore_buf_alloc(128);
	kore_buf_appendf(b, "method %s path %s\n", http_method_text(req->method), req->path);
	http_response(req, 200, b->data, b->offset);
	kore_buf_free(b);
	return (KORE_RESULT_OK);
}
'''

KORE_CONF = '''# evalapp configuration (kodev create; plain HTTP on loopback 403: see the notes)
server notls {
	bind 127.0.0.1 403
	tls no
}
load		./evalapp.so
workers		1
domain * {
	attach		notls
	route	/	page
	route	/echo	echo
}
'''


def _kore_prep(ctx):
    ctx.run(['kodev', 'create', 'evalapp'], timeout=120)
    ctx.write('evalapp/src/evalapp.c', KORE_PAGE)
    ctx.write('evalapp/conf/evalapp.conf', KORE_CONF)
    ctx.run(['kodev', 'build'], timeout=300, cwd=ctx.path('evalapp'))


@fresh6(name='fresh6_kore_403', service='http', transport='tcp', port=403, package='kore',
        program='kore (Kore 4.1 web application framework, an application made with kodev create / build)',
        client='curl http://127.0.0.1:403/ ; curl .../echo ; curl -d ... .../echo (POST) ; curl .../missing',
        sent='HTTP/1.1 GET / POST requests and kore\'s answers ("server: kore (4.1.0)", text bodies, a 404)',
        protocol='http', pname='HTTP', sent_needles=[b'GET /echo'], prepare=_kore_prep,
        announced={'product': 'kore', 'version': lambda pv, ctx: version_re('kore'),
                   'where': 'response header "server: kore (<v>)"'},
        notes='The application is the one "kodev create evalapp" generates, with two handlers (a page and an '
              'echo), built with kodev build (gcc) in the work dir; kore -c conf/evalapp.conf -f -n -r '
              '(foreground, no chroot, no privilege drop). The generated TLS server section failed every '
              'handshake here (the key manager answers with an internal-error alert, also for the unmodified '
              'generated application), so the server section is plain HTTP ("tls no") on 127.0.0.1:403.')
def fresh6_kore_403(ctx):
    app = ctx.path('evalapp')
    ctx.spawn(['kore', '-c', 'conf/evalapp.conf', '-f', '-n', '-r'], 'server-kore', cwd=app)
    ctx.wait_listen('tcp', 403, timeout=30)
    time.sleep(1)
    base = 'http://127.0.0.1:403/'
    r = curl(ctx, base)
    if b'ghost port' not in r.stdout:
        raise ScenarioError('kore: %r' % r.stdout[-300:])
    curl(ctx, base + 'echo')
    curl(ctx, '-d', 'note=a form field behind a ghost port', base + 'echo', check=False)
    curl(ctx, base + 'missing', check=False)


# ---------------------------------------------------------------- IRC through dircproxy (under inetd, TCP 283), sic

DIRC_PW = 'Dircproxy-s3cret'
DIRC_IRCD = 40668   # the loopback IRC server behind dircproxy (not captured)


def _dircproxy_prep(ctx):
    ctx.write('ngircd.conf', """[Global]
  Name = irc.eval.test
  Info = loopback IRC server behind a proxy
  Listen = 127.0.0.1
  Ports = %d
  PidFile = %s/ngircd.pid
[Limits]
  PingTimeout = 120
[Options]
  PAM = no
  Ident = no
  DNS = no
""" % (DIRC_IRCD, ctx.tmp))
    h = ctx.run(['dircproxy-crypt', DIRC_PW], timeout=20).stdout.decode().strip().split()[-1]
    ctx.write('dircproxyrc', 'server_retry 1\ndns_timeout 5\nconnection {\n  password "%s"\n  server "127.0.0.1:%d"\n'
              '  join "#eval"\n}\n' % (h, DIRC_IRCD))


@fresh6(name='fresh6_dircproxy_283', service='irc', transport='tcp', port=283, package='dircproxy',
        program='dircproxy (detachable IRC proxy 1.0, run by inetd with -I)',
        client='sic -h 127.0.0.1 -p 283 -n evalnick -k ... (the proxy password), typed at: :j #eval ; a line ; '
               ':m evalbot hi ; end of input',
        sent='IRC: PASS with the proxy password, NICK / USER, dircproxy\'s AUTH notices, the upstream server\'s '
             'welcome numerics relayed, JOIN #eval with its names list, PRIVMSG lines to the channel and to '
             'evalbot (a 401: no such nick)',
        protocol='irc', pname='IRC', sent_needles=[b'NICK evalnick'], prepare=_dircproxy_prep,
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'irc', 'detail': 'PASS %s' % DIRC_PW,
                    'frame_hint': 'client->server', 'password': DIRC_PW,
                    'needles': [b'PASS ' + DIRC_PW.encode()]}],
        notes='dircproxy has no listen address option (its listen_port binds every address), so it runs from '
              'openbsd-inetd on 127.0.0.1:283 as "dircproxy -I -f <work>/dircproxyrc" (user nobody), one '
              'connection class with a crypt()ed password (dircproxy-crypt) and a loopback ngircd on '
              '127.0.0.1:%d as its IRC server (not captured).' % DIRC_IRCD)
def fresh6_dircproxy_283(ctx):
    ctx.spawn(['/usr/sbin/ngircd', '-n', '-f', ctx.path('ngircd.conf')], 'server-ngircd')
    ctx.wait_listen('tcp', DIRC_IRCD, timeout=20)
    os.chmod(ctx.tmp, 0o755)
    ctx.write('inetd.conf', '127.0.0.1:283 stream tcp nowait nobody /usr/bin/dircproxy dircproxy -I -f %s\n'
              % ctx.path('dircproxyrc'))
    ctx.spawn(['/usr/sbin/inetd', '-d', ctx.path('inetd.conf')], 'server-inetd')
    ctx.wait_listen('tcp', 283, timeout=20)
    p = subprocess.Popen(['sic', '-h', LO, '-p', '283', '-n', 'evalnick', '-k', DIRC_PW], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        for line in (b':j #eval\n', b'hello from a ghost port\n', b':m evalbot hi\n'):
            time.sleep(2)
            p.stdin.write(line)
            p.stdin.flush()
        time.sleep(2)
        out = p.communicate(timeout=15)[0]
    finally:
        if p.poll() is None:
            p.kill()
    ctx._log('sic: %r' % out[-2000:])
    if b'366' not in out:
        raise ScenarioError('sic: %r' % out[-400:])


# ---------------------------------------------------------------- H2 TCP protocol: H2 server (TCP 403), H2 Shell

H2_JAR = '/usr/share/java/h2.jar'
H2_PW = 'H2-s3cret'
H2_SQL = ("CREATE TABLE notes(id INT PRIMARY KEY, body VARCHAR(200)); "
          "INSERT INTO notes VALUES(1, 'a row behind a ghost port'), (2, 'and a second one'); "
          "SELECT * FROM notes ORDER BY id; UPDATE notes SET body = 'changed' WHERE id = 2; "
          "SELECT COUNT(*) FROM notes; SELECT H2VERSION();")


@fresh6(name='fresh6_h2_server_403', service='h2', transport='tcp', port=403, package='libh2-java',
        program='H2 database server (org.h2.tools.Server -tcp, H2 2.1)',
        client='H2\'s own Shell tool: java -cp h2.jar org.h2.tools.Shell -url jdbc:h2:tcp://127.0.0.1:403/evaldb '
               '-user evaluser -password ... -sql "create table ; insert ; select ; update ; select count ; '
               'select H2VERSION()"; then a second Shell run with a wrong password (refused)',
        sent='H2\'s TCP client/server protocol: the session init (protocol versions, database name, user, the '
             'SHA-256 hash of user and password, connection properties), then prepare / execute / fetch '
             'commands with the SQL text, result columns and rows, an authentication error for the wrong password',
        protocol=None, pname='H2 TCP protocol', sent_needles=[b'n\x00o\x00t\x00e\x00s'],
        prepare=lambda ctx: ctx.mkdir('db'),
        notes='java -Dh2.bindAddress=127.0.0.1 -Djava.net.preferIPv4Stack=true -cp h2.jar org.h2.tools.Server -tcp '
              '-tcpPort 403 -ifNotExists -baseDir <work>/db; the password crosses only as a hash. Wireshark 4.0 '
              'has no H2 dissector (expected.protocol null).')
def fresh6_h2_server_403(ctx):
    ctx.spawn(['java', '-Dh2.bindAddress=127.0.0.1', '-Djava.net.preferIPv4Stack=true', '-cp', H2_JAR,
               'org.h2.tools.Server', '-tcp', '-tcpPort', '403', '-ifNotExists', '-baseDir', ctx.path('db')],
              'server-h2', env={'HOME': ctx.tmp})
    ctx.wait_listen('tcp', 403, timeout=40)
    shell = ['java', '-Djava.net.preferIPv4Stack=true', '-cp', H2_JAR, 'org.h2.tools.Shell', '-url',
             'jdbc:h2:tcp://127.0.0.1:403/evaldb', '-user', 'evaluser']
    r = ctx.run(shell + ['-password', H2_PW, '-sql', H2_SQL], timeout=60, env={'HOME': ctx.tmp})
    if b'ghost port' not in r.stdout:
        raise ScenarioError('h2 shell: %r' % r.stdout[-300:])
    ctx.run(shell + ['-password', 'wrong-one', '-sql', 'SELECT 1;'], timeout=60, env={'HOME': ctx.tmp}, check=False)


# ---------------------------------------------------------------- pgBackRest's TLS protocol: pgbackrest server (TCP 283), pgbackrest

def _pgbackrest_prep(ctx):
    t = ctx.tmp
    ctx.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', ctx.path('ca.key'), '-out',
             ctx.path('ca.crt'), '-days', '3', '-subj', '/CN=eval pgbackrest ca'], timeout=60)
    ctx.write('ext.cnf', 'subjectAltName=DNS:127.0.0.1,IP:127.0.0.1\n')
    for n, cn in (('server', '127.0.0.1'), ('client', 'evalclient')):
        ctx.run(['openssl', 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', ctx.path(n + '.key'), '-out',
                 ctx.path(n + '.csr'), '-subj', '/CN=' + cn], timeout=60)
        ctx.run(['openssl', 'x509', '-req', '-in', ctx.path(n + '.csr'), '-CA', ctx.path('ca.crt'), '-CAkey',
                 ctx.path('ca.key'), '-CAcreateserial', '-out', ctx.path(n + '.crt'), '-days', '3', '-extfile',
                 ctx.path('ext.cnf')], timeout=60)
        os.chmod(ctx.path(n + '.key'), 0o600)
    for d in ('repo/notes', 'log', 'lock', 'pgdata'):
        ctx.mkdir(d)
    ctx.write('repo/notes/evalnote.txt', 'a note kept in a pgBackRest repository behind a ghost port\n')
    common = 'repo1-path=%s/repo\nlog-path=%s/log\nlock-path=%s/lock\n' % (t, t, t)
    ctx.write('server.conf', '[global]\n' + common + 'tls-server-address=127.0.0.1\ntls-server-port=283\n'
              'tls-server-ca-file=%(t)s/ca.crt\ntls-server-cert-file=%(t)s/server.crt\n'
              'tls-server-key-file=%(t)s/server.key\ntls-server-auth=evalclient=*\n' % {'t': t})
    ctx.write('client.conf', '[global]\n' + common + 'repo1-host=127.0.0.1\nrepo1-host-type=tls\nrepo1-host-port=283\n'
              'repo1-host-ca-file=%(t)s/ca.crt\nrepo1-host-cert-file=%(t)s/client.crt\n'
              'repo1-host-key-file=%(t)s/client.key\n[eval]\npg1-path=%(t)s/pgdata\n' % {'t': t})


@fresh6(name='fresh6_pgbackrest_283', service='tls', transport='tcp', port=283, package='pgbackrest',
        program='pgbackrest server (pgBackRest 2.45 repository host, TLS server)',
        client='pgbackrest --stanza=eval with repo1-host=127.0.0.1 repo1-host-type=tls repo1-host-port=283 and a '
               'client certificate: info ; info --output=json ; repo-ls --recurse ; repo-get notes/evalnote.txt',
        sent='TLS 1.3 with mutual certificate authentication (a throw-away CA; the client\'s CN evalclient is the '
             'one the server authorises), inside it pgBackRest\'s remote protocol (greeting with name and version, '
             'commands and JSON-ish answers, file contents)',
        protocol='tls', pname='TLS (pgBackRest)', sent_needles=[b'\x16\x03\x01'], prepare=_pgbackrest_prep,
        notes='pgbackrest --config=<work>/server.conf server, tls-server-address 127.0.0.1, port 283, '
              'tls-server-auth evalclient=*, a repository directory in the work dir with one note file and no '
              'stanza (info reports "missing stanza path"); no PostgreSQL runs.')
def fresh6_pgbackrest_283(ctx):
    ctx.spawn(['pgbackrest', '--config=' + ctx.path('server.conf'), 'server'], 'server-pgbackrest')
    ctx.wait_listen('tcp', 283, timeout=30)
    cli = ['pgbackrest', '--config=' + ctx.path('client.conf'), '--stanza=eval']
    r = ctx.run(cli + ['info'], timeout=60, check=False)
    if b'stanza: eval' not in r.stdout:
        raise ScenarioError('pgbackrest info: %r' % (r.stdout + r.stderr)[-300:])
    ctx.run(cli + ['info', '--output=json'], timeout=60, check=False)
    ctx.run(cli + ['repo-ls', '--recurse'], timeout=60)
    r = ctx.run(cli + ['repo-get', 'notes/evalnote.txt'], timeout=60)
    if b'ghost port' not in r.stdout:
        raise ScenarioError('pgbackrest repo-get: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- HTTP: perlbal as a web server (TCP 403), curl

def _perlbal_prep(ctx):
    ctx.mkdir('docs')
    ctx.write('docs/index.html', '<html><body>a page served by perlbal behind a ghost port</body></html>\n')
    ctx.write('docs/notes/readme.txt', 'a directory perlbal indexes\n')
    ctx.write('perlbal.conf', """CREATE SERVICE web
  SET role = web_server
  SET listen = 127.0.0.1:403
  SET docroot = %s/docs
  SET dirindexing = on
  SET enable_put = on
  SET enable_delete = on
ENABLE web
""" % ctx.tmp)


@fresh6(name='fresh6_perlbal_403', service='http', transport='tcp', port=403, package='perlbal',
        program='perlbal (Perlbal 1.80, web_server role)',
        client='curl http://127.0.0.1:403/ ; curl .../notes/ (directory index) ; curl -T (PUT) .../upload.txt ; '
               'curl .../upload.txt ; curl -X DELETE .../upload.txt ; curl -I .../missing',
        sent='HTTP/1.1 requests (GET, PUT with a body, DELETE, HEAD) and perlbal\'s HTTP/1.0 answers '
             '("Server: Perlbal", the page, a directory listing, the stored file, a 404)',
        protocol='http', pname='HTTP', sent_needles=[b'PUT /upload.txt'], prepare=_perlbal_prep,
        announced={'product': 'Perlbal', 'version': None, 'where': 'response header "Server: Perlbal" (no version)'},
        notes='perlbal -c <work>/perlbal.conf: one service with role web_server, listen 127.0.0.1:403, a docroot '
              'in the work dir with directory indexing, PUT and DELETE enabled; no management service.')
def fresh6_perlbal_403(ctx):
    ctx.spawn(['perlbal', '-c', ctx.path('perlbal.conf')], 'server-perlbal')
    ctx.wait_listen('tcp', 403, timeout=30)
    base = 'http://127.0.0.1:403/'
    r = curl(ctx, base)
    if b'ghost port' not in r.stdout:
        raise ScenarioError('perlbal: %r' % r.stdout[-300:])
    curl(ctx, base + 'notes/')
    ctx.write('upload.txt', 'a file put into perlbal\'s docroot\n')
    curl(ctx, '-T', ctx.path('upload.txt'), base + 'upload.txt')
    curl(ctx, base + 'upload.txt')
    curl(ctx, '-X', 'DELETE', base + 'upload.txt', check=False)
    curl(ctx, '-I', base + 'missing', check=False)


# ---------------------------------------------------------------- POP3: solid-pop3d (under inetd, TCP 283), fetchmail

POP_MBOX = '/var/mail/' + EVAL_USER
POP_LETTER = ('From eval@example.invalid Mon Dec  7 12:00:00 2026\nFrom: eval@example.invalid\nTo: %s@localhost\n'
              'Subject: a letter behind a ghost port\n\nhello from a mailbox read over POP3\n\n' % EVAL_USER)


def _pop3_prep(ctx):
    import shutil
    from common import EVAL_PASS
    with open(POP_MBOX, 'w') as f:
        f.write(POP_LETTER)
    shutil.chown(POP_MBOX, EVAL_USER, 'mail')
    os.chmod(POP_MBOX, 0o660)
    ctx.write('fetchmailrc', 'set no syslog\npoll 127.0.0.1 service 283 protocol pop3 auth password user "%s" '
              'password "%s" keep sslproto "" mda "/usr/bin/tee -a %s/got.mbox"\n' % (EVAL_USER, EVAL_PASS, ctx.tmp),
              mode=0o600)


def _pop3_cleanup(ctx):
    if os.path.exists(POP_MBOX):
        os.remove(POP_MBOX)


@fresh6(name='fresh6_solid_pop3d_283', service='pop', transport='tcp', port=283, package='solid-pop3d',
        program='solid-pop3d (Solid POP3 server 0.15, run by inetd)',
        client='fetchmail -f <work>/fetchmailrc -v (poll 127.0.0.1 service 283 protocol pop3, auth password, '
               'user evaluser, keep; the letter goes to a file through an mda)',
        sent='POP3: the greeting with an APOP timestamp, CAPA (refused), USER / PASS in clear, STAT, LIST, UIDL, '
             'RETR 1 with the letter, QUIT',
        protocol='pop', pname='POP', sent_needles=[b'USER ' + EVAL_USER.encode()], prepare=_pop3_prep,
        cleanup=_pop3_cleanup,
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'pop', 'detail': 'USER / PASS',
                    'frame_hint': 'client->server', 'user': EVAL_USER, 'password': 'Ev4l-s3cret',
                    'needles': [b'PASS Ev4l-s3cret']}],
        notes='openbsd-inetd on 127.0.0.1:283 runs /usr/sbin/solid-pop3d as root (it authenticates through PAM '
              'and changes to the user); Debian\'s /etc/spop3d.conf (mailboxes /var/mail/%s); the temporary account '
              'evaluser gets one letter in /var/mail/evaluser, removed afterwards.')
def fresh6_solid_pop3d_283(ctx):
    ctx.write('inetd.conf', '127.0.0.1:283 stream tcp nowait root /usr/sbin/solid-pop3d solid-pop3d\n')
    ctx.spawn(['/usr/sbin/inetd', '-d', ctx.path('inetd.conf')], 'server-inetd')
    ctx.wait_listen('tcp', 283, timeout=20)
    ctx.run(['fetchmail', '-f', ctx.path('fetchmailrc'), '-v'], timeout=60, env={'HOME': ctx.tmp})
    got = ctx.path('got.mbox')
    if not os.path.exists(got) or 'ghost port' not in open(got).read():
        raise ScenarioError('fetchmail: no letter')


# ---------------------------------------------------------------- Virtuoso's SQL client protocol: virtuoso-t (TCP 403), isql-vt

def _virtuoso_prep(ctx):
    ctx.mkdir('db')
    ini = open('/etc/virtuoso-opensource-7/virtuoso.ini').read()
    ini = ini.replace('/var/lib/virtuoso-opensource-7/db', ctx.path('db'))
    out = []
    for line in ini.splitlines():
        if line.replace(' ', '').startswith('ServerPort=1111'):
            line = 'ServerPort               = 127.0.0.1:403'
        elif line.replace(' ', '').startswith('ServerPort=8890'):
            line = 'ServerPort                  = 127.0.0.1:40890'
        out.append(line)
    ctx.write('virtuoso.ini', '\n'.join(out) + '\n')


@fresh6(name='fresh6_virtuoso_403', service='virtuoso', transport='tcp', port=403, package='virtuoso-opensource',
        program='virtuoso-t (OpenLink Virtuoso Open Source 7.2 server, SQL port)',
        client='isql-vt 127.0.0.1:403 dba <password> with: select sys_stat(st_dbms_name / st_dbms_ver) ; create '
               'table ; insert ; select ; a SPARQL select over the built-in graphs',
        sent='Virtuoso\'s own client / server protocol (the one its ODBC driver and isql speak: serialised boxes, '
             'a login with user and password, SQL texts, result set descriptions and rows)',
        protocol=None, pname='Virtuoso SQL client protocol', sent_needles=[b'NOTES'], prepare=_virtuoso_prep,
        notes='virtuoso-t -f -c <work>/virtuoso.ini: Debian\'s virtuoso.ini with the database files in the work '
              'dir (a fresh database, made at the first start), the SQL port 127.0.0.1:403 and the HTTP port '
              '127.0.0.1:40890 (not captured); the stock dba account. Wireshark 4.0 has no dissector for it '
              '(expected.protocol null).')
def fresh6_virtuoso_403(ctx):
    ctx.spawn(['virtuoso-t', '-f', '-c', ctx.path('virtuoso.ini')], 'server-virtuoso', cwd=ctx.path('db'))
    ctx.wait_listen('tcp', 403, timeout=90)
    time.sleep(2)
    r = ctx.run(['isql-vt', '127.0.0.1:403', 'dba', 'dba',
                 "EXEC=SELECT sys_stat('st_dbms_name'), sys_stat('st_dbms_ver');",
                 'EXEC=CREATE TABLE DB.DBA.NOTES (ID INTEGER PRIMARY KEY, BODY VARCHAR);',
                 "EXEC=INSERT INTO DB.DBA.NOTES VALUES (1, 'a row behind a ghost port');",
                 'EXEC=SELECT * FROM DB.DBA.NOTES;',
                 'EXEC=SPARQL SELECT ?s WHERE { ?s ?p ?o } LIMIT 3;'], timeout=60)
    if b'ghost port' not in r.stdout:
        raise ScenarioError('isql-vt: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- milter: spamass-milter (TCP 283), miltertest

SAM_SPAMD = 40783   # the loopback spamd behind the milter (not captured)
GTUBE = 'XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X'
MILTER_LUA = """conn = mt.connect("inet:%(port)d@127.0.0.1")
if conn == nil then error("connect") end
mt.conninfo(conn, "client.example.invalid", "127.0.0.1")
mt.helo(conn, "client.example.invalid")
mt.mailfrom(conn, "<eval@example.invalid>")
mt.rcptto(conn, "<evaluser@localhost>")
mt.header(conn, "From", "eval@example.invalid")
mt.header(conn, "To", "evaluser@localhost")
mt.header(conn, "Subject", "%(subject)s")
mt.eoh(conn)
mt.bodystring(conn, "%(body)s\\r\\n")
mt.eom(conn)
print("reply", mt.getreply(conn))
mt.disconnect(conn)
"""


def milter_scripts(ctx, port):
    ctx.write('t1.lua', MILTER_LUA % {'port': port, 'subject': 'a letter checked behind a ghost port',
                                      'body': 'hello, this letter crosses a milter on a ghost port'})
    ctx.write('t2.lua', MILTER_LUA % {'port': port, 'subject': 'a second letter, the GTUBE string', 'body': GTUBE})


@fresh6(name='fresh6_spamass_milter_283', service='milter', transport='tcp', port=283, package='spamass-milter',
        program='spamass-milter (SpamAssassin milter 0.4)',
        client='miltertest -s <work>/t1.lua, then t2.lua (opendkim\'s milter test client): two SMTP transactions, '
               'one per run, replayed as milter commands (connect info, HELO, MAIL FROM, RCPT TO, headers, body, end of message), the '
               'second body the GTUBE test string',
        sent='The milter protocol (sendmail\'s libmilter wire format: 4-octet length, command letter; option '
             'negotiation, connect / helo / envelope / header / body / end-of-body commands, continue replies and '
             'the header changes spamass-milter asks for on the GTUBE message)',
        protocol=None, pname='milter', sent_needles=[b'client.example.invalid'],
        prepare=lambda ctx: milter_scripts(ctx, 283),
        notes='spamass-milter -p inet:283@127.0.0.1 -u nobody -m -- -d 127.0.0.1 -p %d (-m: it adds headers but '
              'does not rewrite body or subject): its spamc talks to a loopback spamd (-x -L, allowed 127.0.0.1, '
              'not captured). miltertest aborts ("stack smashing detected") on the replies to the GTUBE message '
              'in some runs; that run\'s exit status is not checked. Wireshark 4.0 has no milter dissector '
              '(expected.protocol null).' % SAM_SPAMD)
def fresh6_spamass_milter_283(ctx):
    ctx.spawn(['spamd', '-x', '-L', '--listen=127.0.0.1:%d' % SAM_SPAMD, '--allowed-ips=127.0.0.1', '-u', 'nobody',
               '--pidfile=' + ctx.path('spamd.pid')], 'server-spamd')
    ctx.wait_listen('tcp', SAM_SPAMD, timeout=90)
    ctx.spawn(['spamass-milter', '-p', 'inet:283@127.0.0.1', '-u', 'nobody', '-m', '--', '-d', '127.0.0.1', '-p',
               str(SAM_SPAMD)], 'server-spamass-milter')
    ctx.wait_listen('tcp', 283, timeout=30)
    r = ctx.run(['miltertest', '-s', ctx.path('t1.lua'), '-v'], timeout=120)
    if b'reply' not in r.stdout:
        raise ScenarioError('miltertest: %r' % (r.stdout + r.stderr)[-300:])
    # miltertest 2.11 may abort ("stack smashing detected") on the replies to a spam message: not checked
    ctx.run(['miltertest', '-s', ctx.path('t2.lua'), '-v'], timeout=120, check=False)


# ---------------------------------------------------------------- iSCSI: istgt (TCP 403), libiscsi's tools

ISTGT_IQN = 'iqn.2026-12.test.eval.istgt:evaldisk'


def _istgt_prep(ctx):
    t = ctx.tmp
    ctx.run(['truncate', '-s', '16M', ctx.path('disk1.img')])
    ctx.write('auth.conf', '')
    ctx.write('istgt.conf', """[Global]
  Comment "eval"
  NodeBase "iqn.2026-12.test.eval.istgt"
  PidFile %(t)s/istgt.pid
  AuthFile %(t)s/auth.conf
  MediaDirectory %(t)s
  LogFacility "local7"
  Timeout 30
  NopInInterval 20
  DiscoveryAuthMethod None
  MaxSessions 4
  MaxConnections 2
[UnitControl]
  Comment "Internal Logical Unit Controller"
  AuthMethod None
  Portal UC1 127.0.0.1:40261
  Netmask 127.0.0.1
[PortalGroup1]
  Comment "loopback"
  Portal DA1 127.0.0.1:403
[InitiatorGroup1]
  Comment "Initiator Group1"
  InitiatorName "ALL"
  Netmask 127.0.0.1
[LogicalUnit1]
  Comment "eval disk"
  TargetName evaldisk
  TargetAlias "Eval Disk"
  Mapping PortalGroup1 InitiatorGroup1
  AuthMethod None
  UseDigest Auto
  UnitType Disk
  LUN0 Storage %(t)s/disk1.img 16MB
""" % {'t': t})


@fresh6(name='fresh6_istgt_403', service='iscsi', transport='tcp', port=403, package='istgt',
        program='istgt (iSCSI target 0.4)',
        client='libiscsi-bin: iscsi-readcapacity16, iscsi-inq (standard inquiry) and iscsi-inq -e 1 -c 0x80 (unit '
               'serial VPD page) on iscsi://127.0.0.1:403/%s/0' % ISTGT_IQN,
        sent='iSCSI: Login Request / Response (security and operational negotiation in text keys: InitiatorName, '
             'TargetName, SessionType, HeaderDigest, MaxRecvDataSegmentLength...), SCSI Command PDUs (TEST UNIT '
             'READY, READ CAPACITY (16), INQUIRY and VPD pages, REPORT LUNS) with their Data-In and Responses, '
             'Logout',
        protocol='iscsi', pname='iSCSI', sent_needles=[b'InitiatorName='], prepare=_istgt_prep,
        notes='istgt -c <work>/istgt.conf -D (foreground): one portal 127.0.0.1:403, no authentication, one '
              'logical unit backed by a 16 MB sparse file in the work dir; its unit control portal is on '
              '127.0.0.1:40261 (not used, not captured). iscsi-ls was tried too and dropped: its discovery '
              'session hangs against istgt.')
def fresh6_istgt_403(ctx):
    ctx.spawn(['istgt', '-c', ctx.path('istgt.conf'), '-D'], 'server-istgt')
    ctx.wait_listen('tcp', 403, timeout=30)
    url = 'iscsi://127.0.0.1:403/%s/0' % ISTGT_IQN
    r = ctx.run(['iscsi-readcapacity16', url], timeout=30)
    if b'LOGICAL BLOCK LENGTH' not in r.stdout:
        raise ScenarioError('iscsi-readcapacity16: %r' % r.stdout[-300:])
    ctx.run(['iscsi-inq', url], timeout=30)
    ctx.run(['iscsi-inq', '-e', '1', '-c', '0x80', url], timeout=30, check=False)


# ---------------------------------------------------------------- Box Backup (TLS): bbstored (TCP 283), bbackupd / bbackupctl / bbackupquery

def _boxbackup_prep(ctx):
    import shutil
    t = ctx.tmp
    os.chmod(t, 0o755)
    for d in ('etc', 'store', 'cstate', 'data'):
        ctx.mkdir(d)
    ctx.write('data/note.txt', 'a file backed up over a ghost port\n' * 20)
    ctx.run(['raidfile-config', ctx.path('etc'), '2048', ctx.path('store')], timeout=30)
    shutil.chown(ctx.path('store'), 'nobody', 'nogroup')
    ctx.run(['bbstored-config', ctx.path('etc'), '127.0.0.1', 'nobody'], timeout=60)
    ctx.run(['bbstored-certs', ctx.path('ca'), 'init'], timeout=120)
    ctx.run(['bbstored-certs', ctx.path('ca'), 'sign-server', ctx.path('etc/bbstored/127.0.0.1-csr.pem')],
            input=b'yes\n', timeout=60)
    shutil.copy(ctx.path('ca/servers/127.0.0.1-cert.pem'), ctx.path('etc/bbstored/'))
    shutil.copy(ctx.path('ca/roots/clientCA.pem'), ctx.path('etc/bbstored/clientCA.pem'))
    conf = open(ctx.path('etc/bbstored.conf')).read()
    conf = conf.replace('ListenAddresses = inet:127.0.0.1', 'ListenAddresses = inet:127.0.0.1:283')
    conf = conf.replace('PidFile = /var/run/bbstored.pid', 'PidFile = %s/etc/bbstored.pid' % t)
    conf = conf.replace('\tUser = nobody\n', '')   # started as nobody (setpriv) with the right to bind 283
    ctx.write('etc/bbstored.conf', conf)
    ctx.write('etc/bbstored/accounts.txt', '')
    ctx.run(['chown', '-R', 'nobody:nogroup', ctx.path('store'), ctx.path('etc/bbstored')], timeout=30)
    ctx.run(['bbstoreaccounts', '-c', ctx.path('etc/bbstored.conf'), 'create', '1', '0', '1000M', '2000M'],
            timeout=60)
    ctx.run(['chown', '-R', 'nobody:nogroup', ctx.path('store'), ctx.path('etc/bbstored')], timeout=30)
    ctx.run(['bbackupd-config', ctx.path('client'), 'lazy', '1', '127.0.0.1', ctx.path('cstate'), ctx.path('data')],
            timeout=120)
    ctx.run(['bbstored-certs', ctx.path('ca'), 'sign', ctx.path('client/bbackupd/1-csr.pem')], input=b'yes\n',
            timeout=60)
    shutil.copy(ctx.path('ca/clients/1-cert.pem'), ctx.path('client/bbackupd/'))
    shutil.copy(ctx.path('ca/roots/serverCA.pem'), ctx.path('client/bbackupd/'))
    conf = open(ctx.path('client/bbackupd.conf')).read()
    conf = conf.replace('StoreHostname = 127.0.0.1', 'StoreHostname = 127.0.0.1\nStorePort = 283', 1)
    conf = conf.replace('MinimumFileAge = 21600', 'MinimumFileAge = 0')
    ctx.write('client/bbackupd.conf', conf)


@fresh6(name='fresh6_bbstored_283', service='tls', transport='tcp', port=283, package='boxbackup-server',
        program='bbstored (Box Backup store server 0.13)',
        client='boxbackup-client: bbackupquery "list" "usage" ; bbackupd -F in lazy mode with bbackupctl '
               'sync-and-wait (uploads a directory with one file) ; bbackupquery "list -r" "compare -a"',
        sent='TLS with mutual certificate authentication (certificates from bbstored-certs: the server\'s CN '
             '127.0.0.1, the client\'s account number), inside it Box Backup\'s store protocol (Version, Login, '
             'directory listings, encrypted file uploads, usage, Finished)',
        protocol='tls', pname='TLS (Box Backup)', sent_needles=[b'\x16\x03\x01'], prepare=_boxbackup_prep,
        notes='Made with the package\'s own tools in the work dir: raidfile-config, bbstored-config (user nobody), '
              'bbstored-certs init / sign-server / sign, bbstoreaccounts create 1, bbackupd-config (lazy, account 1, '
              'store 127.0.0.1); ListenAddresses inet:127.0.0.1:283 and StorePort 283 added; bbstored -F runs '
              'as nobody (setpriv, with only the capability to bind a port below 1024; its "User" line dropped: '
              'it would change user before binding).')
def fresh6_bbstored_283(ctx):
    from sc_misc import setpriv
    ctx.run(['chown', '-R', 'nobody:nogroup', ctx.path('etc')], timeout=30)
    ctx.spawn(setpriv('nobody', 'nogroup') + ['bbstored', '-F', ctx.path('etc/bbstored.conf')], 'server-bbstored')
    ctx.wait_listen('tcp', 283, timeout=30)
    conf = ctx.path('client/bbackupd.conf')
    r = ctx.run(['bbackupquery', '-c', conf, 'list', 'usage', 'quit'], timeout=60)
    if b'Soft limit' not in r.stdout:
        raise ScenarioError('bbackupquery: %r' % r.stdout[-300:])
    d = ctx.spawn(['bbackupd', '-F', '-c', conf], 'client-bbackupd')
    time.sleep(2)
    ctx.run(['bbackupctl', '-c', conf, 'sync-and-wait'], timeout=90, check=False)
    stop_spawned(d)
    ctx.run(['bbackupquery', '-c', conf, 'list -r', 'compare -a', 'quit'], timeout=60, check=False)


# ---------------------------------------------------------------- PowerMan's client protocol: powermand (TCP 403), pm

@fresh6(name='fresh6_powermand_403', service='powerman', transport='tcp', port=403, package='powerman',
        program='powermand (PowerMan 2.3 power control daemon, one simulated power controller)',
        client='pm -h 127.0.0.1:403 with: -q (query all) ; -1 evalnode3 (on) ; -q evalnode[2-4] ; -l (list) ; '
               '-T -c evalnode5 (cycle, with the device telemetry) ; -0 evalnode3 (off)',
        sent='PowerMan\'s client protocol: text commands (query, on, cycle, off, list, telemetry) and the '
             'daemon\'s numbered replies ("1xx" lines of node states, "103 Command completed successfully", the '
             'powerman> prompt), with the vpc device\'s telemetry lines relayed',
        protocol=None, pname='PowerMan', sent_needles=[b'evalnode3'],
        prepare=lambda ctx: ctx.write('powerman.conf', 'include "/etc/powerman/vpc.dev"\nlisten "127.0.0.1:403"\n'
                                      'device "vpc0" "vpc" "/usr/sbin/vpcd |&"\n'
                                      'node "evalnode[0-15]" "vpc0" "[0-15]"\n'),
        notes='powermand -f -c <work>/powerman.conf: listen 127.0.0.1:403, one device of the package\'s "vpc" '
              'specification driven through a pipe to /usr/sbin/vpcd (PowerMan\'s virtual power controller), '
              'sixteen nodes evalnode[0-15]. Wireshark 4.0 has no PowerMan dissector (expected.protocol null).')
def fresh6_powermand_403(ctx):
    ctx.spawn(['powermand', '-f', '-c', ctx.path('powerman.conf')], 'server-powermand')
    ctx.wait_listen('tcp', 403, timeout=30)
    pm = ['pm', '-h', '127.0.0.1:403']
    r = ctx.run(pm + ['-q'], timeout=30)
    if b'evalnode' not in r.stdout:
        raise ScenarioError('pm: %r' % r.stdout[-300:])
    ctx.run(pm + ['-1', 'evalnode3'], timeout=30)
    ctx.run(pm + ['-q', 'evalnode[2-4]'], timeout=30)
    ctx.run(pm + ['-l'], timeout=30)
    ctx.run(pm + ['-T', '-c', 'evalnode5'], timeout=30)
    ctx.run(pm + ['-0', 'evalnode3'], timeout=30)


# ---------------------------------------------------------------- Ice protocol: icegridregistry (TCP 283), icegridadmin

ICE_PW = 'Ice-s3cret'


def _icegrid_prep(ctx):
    ctx.mkdir('db')
    ctx.write('registry.cfg', """IceGrid.InstanceName=EvalGrid
IceGrid.Registry.Client.Endpoints=tcp -h 127.0.0.1 -p 283
IceGrid.Registry.Server.Endpoints=tcp -h 127.0.0.1
IceGrid.Registry.Internal.Endpoints=tcp -h 127.0.0.1
IceGrid.Registry.LMDB.Path=%s/db
IceGrid.Registry.LMDB.MapSize=10
IceGrid.Registry.PermissionsVerifier=EvalGrid/NullPermissionsVerifier
IceGrid.Registry.AdminPermissionsVerifier=EvalGrid/NullPermissionsVerifier
IceGrid.Registry.Discovery.Enabled=0
Ice.Default.Host=127.0.0.1
""" % ctx.tmp)
    ctx.write('app.xml', """<icegrid>
  <application name="EvalApp">
    <properties id="eval"><property name="Note" value="an application behind a ghost port"/></properties>
  </application>
</icegrid>
""")


@fresh6(name='fresh6_icegridregistry_283', service='ice', transport='tcp', port=283, package='zeroc-icegrid',
        program='icegridregistry (ZeroC IceGrid 3.7 registry, client endpoint)',
        client='icegridadmin (zeroc-ice-utils) --Ice.Default.Locator="EvalGrid/Locator:tcp -h 127.0.0.1 -p 283" '
               '-u evaluser -p ... -e "registry list" -e "application add app.xml" -e "application list" -e '
               '"application describe EvalApp" -e "server list" -e "application remove EvalApp"',
        sent='The Ice protocol 1.0 (encoding 1.1): validate-connection messages, requests to the Locator, the '
             'registry\'s admin session manager (createAdminSession with user and password), the Admin object '
             '(getAllRegistryNames, addApplication with the descriptor, getAllApplicationNames, getApplicationInfo, '
             'getAllServerIds, removeApplication), session keep-alives, replies, close-connection',
        protocol=None, pname='Ice protocol', sent_needles=[b'EvalApp'], prepare=_icegrid_prep,
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'ice',
                    'detail': 'createAdminSession(evaluser, password) in clear',
                    'frame_hint': 'client->server', 'user': EVAL_USER, 'password': ICE_PW,
                    'needles': [ICE_PW.encode()]}],
        notes='icegridregistry --Ice.Config=<work>/registry.cfg: instance EvalGrid, client endpoint tcp -h '
              '127.0.0.1 -p 283, server and internal endpoints on random loopback ports (not captured), LMDB '
              'database in the work dir, multicast discovery off, the null permissions verifiers (any password is '
              'accepted). Wireshark 4.0 has no Ice dissector (expected.protocol null).')
def fresh6_icegridregistry_283(ctx):
    ctx.spawn(['icegridregistry', '--Ice.Config=' + ctx.path('registry.cfg')], 'server-icegridregistry')
    ctx.wait_listen('tcp', 283, timeout=30)
    cmds = ['registry list', 'application add %s' % ctx.path('app.xml'), 'application list',
            'application describe EvalApp', 'server list', 'application remove EvalApp']
    argv = ['icegridadmin', '--Ice.Default.Locator=EvalGrid/Locator:tcp -h 127.0.0.1 -p 283', '-u', EVAL_USER,
            '-p', ICE_PW]
    for c in cmds:
        argv += ['-e', c]
    r = ctx.run(argv, timeout=60, env={'HOME': ctx.tmp})
    if b'ghost port' not in r.stdout:
        raise ScenarioError('icegridadmin: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- HTTP: prometheus-process-exporter (TCP 283), curl

@fresh6(name='fresh6_process_exporter_283', service='http', transport='tcp', port=283,
        package='prometheus-process-exporter',
        program='prometheus-process-exporter (Prometheus exporter of per-process-group metrics, 0.7)',
        client='curl http://127.0.0.1:283/ ; curl .../metrics ; curl -H "Accept-Encoding: gzip" .../metrics '
               '--compressed ; curl .../missing',
        sent='HTTP/1.1 GETs and the exporter\'s answers: its landing page and the Prometheus text exposition '
             'format (namedprocess_namegroup_* series for the process groups named in its config, go_* and '
             'process_* series), once gzip-compressed',
        protocol='http', pname='HTTP', sent_needles=[b'GET /metrics'],
        prepare=lambda ctx: ctx.write('procs.yml', 'process_names:\n  - name: "{{.Comm}}"\n    cmdline:\n'
                                      '    - \'.+\'\n'),
        notes='prometheus-process-exporter -web.listen-address 127.0.0.1:283 -config.path <work>/procs.yml (one '
              'group per command name of this machine\'s processes).')
def fresh6_process_exporter_283(ctx):
    ctx.spawn(['prometheus-process-exporter', '-web.listen-address', '127.0.0.1:283', '-config.path',
               ctx.path('procs.yml')], 'server-process-exporter')
    ctx.wait_listen('tcp', 283, timeout=30)
    time.sleep(1)
    base = 'http://127.0.0.1:283/'
    curl(ctx, base)
    r = curl(ctx, base + 'metrics')
    if b'namedprocess_namegroup' not in r.stdout:
        raise ScenarioError('process-exporter: %r' % r.stdout[-300:])
    curl(ctx, '--compressed', base + 'metrics', '-o', '/dev/null')
    curl(ctx, base + 'missing', check=False)


# ---------------------------------------------------------------- LMTP: Mailman 3's LMTP runner (TCP 403), swaks

MM_CFG = """[mailman]
layout: here
site_owner: postmaster@example.invalid
[paths.here]
var_dir: %(t)s/var
bin_dir: /usr/lib/mailman3/bin
[database]
class: mailman.database.sqlite.SQLiteDatabase
url: sqlite:///$DATA_DIR/mailman.db
[webservice]
hostname: 127.0.0.1
port: 40801
admin_user: restadmin
admin_pass: Rest-s3cret
[mta]
incoming: mailman.mta.null.NullMTA
outgoing: mailman.mta.deliver.deliver
smtp_host: 127.0.0.1
smtp_port: 40025
lmtp_host: 127.0.0.1
lmtp_port: 403
[archiver.prototype]
enable: no
[archiver.mhonarc]
enable: no
[archiver.mail_archive]
enable: no
"""


def _mailman_prep(ctx):
    ctx.write('mailman.cfg', MM_CFG % {'t': ctx.tmp})
    ctx.run(['mailman', '-C', ctx.path('mailman.cfg'), '--run-as-root', 'create', 'evallist@example.invalid'],
            timeout=120, env={'HOME': ctx.tmp})


@fresh6(name='fresh6_mailman_lmtp_403', service='lmtp', transport='tcp', port=403, package='mailman3',
        program='mailman (GNU Mailman 3.3 master and runners; the LMTP runner)',
        client='swaks --protocol LMTP --server 127.0.0.1 --port 403: a "help" to evallist-request@example.invalid, '
               'then a post to evallist@example.invalid and nolist@example.invalid (refused: no such list)',
        sent='LMTP: the runner\'s greeting, LHLO with its extensions, MAIL FROM, RCPT TO (250, and 550 for the '
             'unknown list), DATA with the letters, the per-recipient answers, QUIT',
        protocol='smtp', pname='LMTP', sent_needles=[b'LHLO'], prepare=_mailman_prep,
        announced={'product': 'GNU Mailman', 'version': None,
                   'where': 'LMTP greeting "220 localhost GNU Mailman LMTP runner 2.0" (the runner\'s own number, '
                            'not Mailman\'s version)'},
        notes='/usr/lib/mailman3/bin/master -C <work>/mailman.cfg --force (as root): a private configuration with '
              'its var dir in the work dir, SQLite, one list evallist@example.invalid made with "mailman create" '
              'first, the LMTP runner on 127.0.0.1:403, the REST runner on 127.0.0.1:40801 (not captured), the '
              'null MTA for incoming and outgoing SMTP to 127.0.0.1:40025 (nothing listens there: the '
              'replies Mailman tries to send stay queued), the archivers off. Wireshark 4.0 has no LMTP '
              'dissector; its SMTP dissector decodes LMTP\'s commands and replies (verified_with: decode as '
              'smtp), the service stays lmtp.')
def fresh6_mailman_lmtp_403(ctx):
    ctx.spawn(['/usr/lib/mailman3/bin/master', '-C', ctx.path('mailman.cfg'), '--force'], 'server-mailman',
              env={'HOME': ctx.tmp})
    ctx.wait_listen('tcp', 403, timeout=90)
    time.sleep(2)
    sw = ['swaks', '--protocol', 'LMTP', '--server', '127.0.0.1', '--port', '403', '--from', 'eval@example.invalid']
    ctx.run(sw + ['--to', 'evallist-request@example.invalid', '--header', 'Subject: help', '--body', 'help'],
            timeout=60)
    r = ctx.run(sw + ['--to', 'evallist@example.invalid,nolist@example.invalid', '--header',
                      'Subject: a post behind a ghost port', '--body', 'hello list, from a ghost port'],
                timeout=60, check=False)
    if b'GNU Mailman' not in r.stdout:
        raise ScenarioError('swaks: %r' % r.stdout[-300:])
    time.sleep(3)


# ---------------------------------------------------------------- FastCGI: fcgiwrap spawned by spawn-fcgi (TCP 403), cgi-fcgi

FCGI_SCRIPT = """#!/bin/sh
printf "Content-Type: text/plain\\r\\n\\r\\n"
echo "a CGI script run by fcgiwrap behind a ghost port"
echo "method=$REQUEST_METHOD query=$QUERY_STRING"
[ "$REQUEST_METHOD" = POST ] && cat
exit 0
"""


def _fcgi_prep(ctx):
    os.chmod(ctx.tmp, 0o755)
    ctx.write('hello.cgi', FCGI_SCRIPT, mode=0o755)


@fresh6(name='fresh6_fcgiwrap_403', service='fcgi', transport='tcp', port=403, package='fcgiwrap',
        program='fcgiwrap (FastCGI to CGI wrapper 1.1), on a TCP socket made by spawn-fcgi',
        client='cgi-fcgi -bind -connect 127.0.0.1:403 (libfcgi-bin) three times, the request in its environment: '
               'GET of hello.cgi with a query string, POST with a body on stdin, GET of a missing script',
        sent='FastCGI records: BEGIN_REQUEST (responder), PARAMS with the CGI environment (SCRIPT_FILENAME, '
             'REQUEST_METHOD, QUERY_STRING, CONTENT_LENGTH...), STDIN, then the script\'s STDOUT (CGI headers and '
             'body), STDERR for the missing script, END_REQUEST',
        protocol='fcgi', pname='FastCGI', sent_needles=[b'SCRIPT_FILENAME'], prepare=_fcgi_prep,
        notes='spawn-fcgi -a 127.0.0.1 -p 403 -u nobody -g nogroup -n -- /usr/sbin/fcgiwrap (spawn-fcgi binds the '
              'socket and execs fcgiwrap on it as nobody); the CGI script is a small shell script in the work dir.')
def fresh6_fcgiwrap_403(ctx):
    ctx.spawn(['spawn-fcgi', '-a', '127.0.0.1', '-p', '403', '-u', 'nobody', '-g', 'nogroup', '-n', '--',
               '/usr/sbin/fcgiwrap'], 'server-fcgiwrap')
    ctx.wait_listen('tcp', 403, timeout=20)
    cgi = ['cgi-fcgi', '-bind', '-connect', '127.0.0.1:403']
    base = {'SCRIPT_NAME': '/hello.cgi', 'SERVER_PROTOCOL': 'HTTP/1.1', 'SERVER_NAME': 'localhost',
            'GATEWAY_INTERFACE': 'CGI/1.1', 'PATH': '/usr/bin:/bin'}
    r = ctx.run(['env', '-i'] + ['%s=%s' % kv for kv in dict(base, SCRIPT_FILENAME=ctx.path('hello.cgi'),
                                                             REQUEST_METHOD='GET', QUERY_STRING='note=ghost').items()]
                + cgi, timeout=30)
    if b'ghost port' not in r.stdout:
        raise ScenarioError('cgi-fcgi: %r' % r.stdout[-300:])
    body = b'posted through FastCGI'
    ctx.run(['env', '-i'] + ['%s=%s' % kv for kv in dict(base, SCRIPT_FILENAME=ctx.path('hello.cgi'),
                                                             REQUEST_METHOD='POST', CONTENT_TYPE='text/plain',
                                                             CONTENT_LENGTH=str(len(body))).items()]
            + cgi, input=body, timeout=30)
    ctx.run(['env', '-i'] + ['%s=%s' % kv for kv in dict(base, SCRIPT_FILENAME=ctx.path('missing.cgi'),
                                                             REQUEST_METHOD='GET').items()]
            + cgi, timeout=30, check=False)


# ---------------------------------------------------------------- sccache's client / server protocol: sccache server (TCP 283), sccache

def _sccache_env(ctx):
    return {'SCCACHE_DIR': ctx.path('cache'), 'SCCACHE_SERVER_PORT': '283', 'SCCACHE_IDLE_TIMEOUT': '0',
            'SCCACHE_ERROR_LOG': ctx.path('sccache-error.log'), 'HOME': ctx.tmp}


@fresh6(name='fresh6_sccache_283', service='sccache', transport='tcp', port=283, package='sccache',
        program='sccache server (Mozilla\'s shared compilation cache 0.4, local disk cache)',
        client='sccache as a compiler wrapper: sccache gcc -c ghost.c twice (a miss, then a hit) ; sccache gcc of a '
               'file with an error ; sccache --show-stats ; sccache --zero-stats',
        sent='sccache\'s client / server protocol: length-prefixed bincode messages (Compile requests with the '
             'compiler path, arguments, working directory and environment, the server\'s CompileStarted and '
             'CompileFinished answers carrying the compiler\'s output and status, GetStats / ZeroStats and the '
             'statistics)',
        protocol=None, pname='sccache', sent_needles=[b'ghost.c'],
        prepare=lambda ctx: (ctx.write('ghost.c', 'int ghost(int x) { return x * 42; }\n'),
                             ctx.write('broken.c', 'int broken(int x) { return x * ; }\n')),
        notes='SCCACHE_NO_DAEMON=1 SCCACHE_START_SERVER=1 sccache (the server in the foreground) with '
              'SCCACHE_SERVER_PORT=283 (sccache binds 127.0.0.1) and its cache dir in the work dir. Wireshark 4.0 '
              'has no sccache dissector (expected.protocol null).')
def fresh6_sccache_283(ctx):
    env = _sccache_env(ctx)
    ctx.spawn(['sccache'], 'server-sccache', env=dict(env, SCCACHE_NO_DAEMON='1', SCCACHE_START_SERVER='1'))
    ctx.wait_listen('tcp', 283, timeout=30)
    ctx.run(['sccache', 'gcc', '-c', 'ghost.c', '-o', 'ghost.o'], timeout=60, env=env)
    ctx.run(['sccache', 'gcc', '-c', 'ghost.c', '-o', 'ghost2.o'], timeout=60, env=env)
    ctx.run(['sccache', 'gcc', '-c', 'broken.c', '-o', 'broken.o'], timeout=60, env=env, check=False)
    r = ctx.run(['sccache', '--show-stats'], timeout=30, env=env)
    if b'Cache hits' not in r.stdout:
        raise ScenarioError('sccache: %r' % r.stdout[-300:])
    ctx.run(['sccache', '--zero-stats'], timeout=30, env=env)


# ---------------------------------------------------------------- HTTP: prometheus-snmp-exporter (TCP 403), curl

SEXP_AGENT = 40161   # the loopback snmpsimd it queries (not captured)
SEXP_YML = """evalsys:
  walk:
  - 1.3.6.1.2.1.1
  metrics:
  - name: sysUpTime
    oid: 1.3.6.1.2.1.1.3
    type: gauge
    help: time since the agent started
  - name: sysDescr
    oid: 1.3.6.1.2.1.1.1
    type: DisplayString
    help: the agent's description
  version: 2
  auth:
    community: public
"""


def _sexp_prep(ctx):
    ctx.mkdir('data')
    ctx.write('data/public.snmprec', SIM_DATA)
    ctx.write('snmp.yml', SEXP_YML)


@fresh6(name='fresh6_snmp_exporter_403', service='http', transport='tcp', port=403, package='prometheus-snmp-exporter',
        program='prometheus-snmp-exporter (Prometheus SNMP exporter 0.21)',
        client='curl http://127.0.0.1:403/ ; curl ".../snmp?target=127.0.0.1:%d&module=evalsys" (twice) ; curl '
               '.../metrics ; curl ".../snmp?target=127.0.0.1:%d&module=nosuch" (an error) ; curl .../config'
               % (SEXP_AGENT, SEXP_AGENT),
        sent='HTTP/1.1 GETs and the exporter\'s answers: its landing page, the scraped SNMP values in the '
             'Prometheus text format (sysUpTime, sysDescr, snmp_scrape_* series), its own go_* metrics, a 400 for '
             'the unknown module, the loaded configuration',
        protocol='http', pname='HTTP', sent_needles=[b'module=evalsys'], prepare=_sexp_prep,
        notes='prometheus-snmp-exporter --config.file=<work>/snmp.yml (one hand-written module: Debian ships no '
              'generated snmp.yml) --web.listen-address=127.0.0.1:403; the SNMP agent it walks is a loopback '
              'snmpsimd on 127.0.0.1:%d (community public; not captured).' % SEXP_AGENT)
def fresh6_snmp_exporter_403(ctx):
    ctx.spawn(['snmpsimd', '--data-dir=' + ctx.path('data'), '--agent-udpv4-endpoint=127.0.0.1:%d' % SEXP_AGENT,
               '--process-user=nobody', '--process-group=nogroup', '--cache-dir=' + ctx.mkdir('cache', 0o777)],
              'server-snmpsimd', env={'HOME': ctx.tmp})
    ctx.wait_listen('udp', SEXP_AGENT, timeout=40)
    ctx.spawn(['prometheus-snmp-exporter', '--config.file=' + ctx.path('snmp.yml'),
               '--web.listen-address=127.0.0.1:403'], 'server-snmp-exporter')
    ctx.wait_listen('tcp', 403, timeout=30)
    base = 'http://127.0.0.1:403/'
    curl(ctx, base)
    q = 'snmp?target=127.0.0.1:%d&module=' % SEXP_AGENT
    r = curl(ctx, base + q + 'evalsys')
    if b'ghost port' not in r.stdout:
        raise ScenarioError('snmp-exporter: %r' % r.stdout[-300:])
    curl(ctx, base + q + 'evalsys', '-o', '/dev/null')
    curl(ctx, base + 'metrics', '-o', '/dev/null')
    curl(ctx, base + q + 'nosuch', check=False)
    curl(ctx, base + 'config', check=False)

