# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh7 set (split "fresh7", names fresh7_*): an eighth held-out set.
Its programs were DRAWN from a new pool: candidate server programs that are
in none of captures/ghost/, the tune / heldout half, the fresh to fresh6
sets, nor named in fresh3's to fresh6's pool files, written first, shuffled
with a seed from /dev/urandom, and recorded in the drawn order
(tools/eval/fresh7-pool.md; doc/evaluation.md, "Fresh7 set"). Same
recorder, same manifest schema, same checks as fresh6; only the split
differs (evallib.svc split=FRESH7_SPLIT). Ports alternate 283 / 403 in the
order of recording."""
import functools
import os
import subprocess
import time

from evallib import FRESH7_SPLIT, LO, ScenarioError, svc, version_re  # noqa: F401
from common import EVAL_USER  # noqa: F401
from sc_web import curl  # noqa: F401
from sc_fresh3 import stop_spawned  # noqa: F401
from sc_fresh5 import wait_for  # noqa: F401

fresh7 = functools.partial(svc, split=FRESH7_SPLIT)


# ---------------------------------------------------------------- Z39.50: yaz-ztest (TCP 283), yaz-client

Z_USER, Z_PW = 'zreader', 'Z3950-s3cret'
Z_CMDS = """auth %s %s
open tcp:127.0.0.1:283
base Default
find computer
show 1
show 2+3
format xml
find @attr 1=4 "ghost port"
elements F
show 1
quit
""" % (Z_USER, Z_PW)


@fresh7(name='fresh7_yaz_ztest_283', service='z3950', transport='tcp', port=283, package='yaz',
        program='yaz-ztest (YAZ 5.34 Z39.50 / SRU test server)',
        client='yaz-client -f <work>/cmds: auth (user and password) ; open tcp:127.0.0.1:283 ; base Default ; '
               'find computer ; show 1 ; show 2+3 ; format xml ; find @attr 1=4 "ghost port" ; elements F ; show 1 ; '
               'quit',
        sent='Z39.50 (BER): initRequest with an idPass authentication (user %s and its password), initResponse '
             'naming the implementation, searchRequest / searchResponse with type-1 (RPN) queries, presentRequest / '
             'presentResponse with USMARC and XML records, close' % Z_USER,
        protocol='z3950', pname='Z39.50', sent_needles=[Z_PW.encode()],
        prepare=lambda ctx: ctx.write('cmds', Z_CMDS),
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'z3950',
                    'detail': 'Z39.50 initRequest idAuthentication idPass', 'frame_hint': 'client->server',
                    'user': Z_USER, 'password': Z_PW, 'needles': [Z_PW.encode()]}],
        announced={'product': 'YAZ', 'version': lambda pv, ctx: version_re('yaz'),
                   'where': 'initResponse implementationName / implementationVersion'},
        notes='yaz-ztest -l <work>/ztest.log tcp:127.0.0.1:283 (the YAZ toolkit\'s test target with its built-in '
              'dummy database: every search finds records of its canned USMARC set).')
def fresh7_yaz_ztest_283(ctx):
    ctx.spawn(['yaz-ztest', '-l', ctx.path('ztest.log'), 'tcp:127.0.0.1:283'], 'server-yaz-ztest', cwd=ctx.tmp)
    ctx.wait_listen('tcp', 283, timeout=20)
    r = ctx.run(['yaz-client', '-f', ctx.path('cmds')], timeout=60, cwd=ctx.tmp, check=False)
    if b'Number of hits' not in r.stdout:
        raise ScenarioError('yaz-client: %r' % r.stdout[-400:])


# ---------------------------------------------------------------- HTTP (calibre's content server): calibre-server (TCP 403), calibredb

CAL_USER, CAL_PW = 'evaluser', 'Calibre-s3cret'
CAL_BASIC = b'ZXZhbHVzZXI6Q2FsaWJyZS1zM2NyZXQ='   # base64 of user:password


def _calibre_prep(ctx):
    ctx.write('books/note.txt', 'a note kept in a calibre library behind a ghost port\n')
    ctx.write('books/second.txt', 'a second book, added over the network\n')
    env = {'HOME': ctx.tmp}
    ctx.run(['calibredb', '--library-path', ctx.path('lib'), 'add', ctx.path('books/note.txt')], timeout=180, env=env)
    ctx.run(['calibre-server', '--userdb', ctx.path('users.sqlite'), '--manage-users', '--', 'add', CAL_USER, CAL_PW],
            timeout=120, env=env)


@fresh7(name='fresh7_calibre_server_403', service='http', transport='tcp', port=403, package='calibre',
        program='calibre-server (calibre 6.13 content server)',
        client='calibredb --with-library http://127.0.0.1:403/#lib --username evaluser --password ...: list ; add '
               '(a second book) ; set_metadata 1 -f title:... ; search title:ghost ; show_metadata 1',
        sent='HTTP/1.1: calibredb\'s /cdb/cmd/... POST requests with JSON bodies, a 401 challenge and HTTP Basic '
             'authentication (user evaluser), the server\'s JSON answers ("Server: calibre 6.13.0")',
        protocol='http', pname='HTTP', sent_needles=[b'/cdb/'], prepare=_calibre_prep,
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'http', 'detail': 'HTTP Basic authorization',
                    'frame_hint': 'client->server', 'user': CAL_USER, 'password': CAL_PW,
                    'needles': [b'Basic ' + CAL_BASIC]}],
        announced={'product': 'calibre', 'version': lambda pv, ctx: version_re('calibre'),
                   'where': 'response header "Server: calibre <v>"'},
        notes='calibre-server --listen-on 127.0.0.1 --port 403 --disable-use-bonjour --enable-auth --auth-mode basic '
              '--userdb <work>/users.sqlite <work>/lib: a library made with calibredb add before the capture, one '
              'user made with --manage-users; BonJour advertising off (nothing leaves loopback).')
def fresh7_calibre_server_403(ctx):
    env = {'HOME': ctx.tmp}
    ctx.spawn(['calibre-server', '--listen-on', '127.0.0.1', '--port', '403', '--disable-use-bonjour', '--enable-auth',
               '--auth-mode', 'basic', '--userdb', ctx.path('users.sqlite'), ctx.path('lib')], 'server-calibre',
              env=env)
    ctx.wait_listen('tcp', 403, timeout=90)
    time.sleep(1)
    cdb = ['calibredb', '--with-library', 'http://127.0.0.1:403/#lib', '--username', CAL_USER, '--password', CAL_PW]
    r = ctx.run(cdb + ['list'], timeout=120, env=env)
    if b'note' not in r.stdout:
        raise ScenarioError('calibredb list: %r' % r.stdout[-300:])
    ctx.run(cdb + ['add', ctx.path('books/second.txt')], timeout=120, env=env)
    ctx.run(cdb + ['set_metadata', '1', '-f', 'title:A ghost note'], timeout=120, env=env)
    ctx.run(cdb + ['search', 'title:ghost'], timeout=120, env=env, check=False)
    ctx.run(cdb + ['show_metadata', '1'], timeout=120, env=env)


# ---------------------------------------------------------------- TLS (Taskwarrior sync): taskd (TCP 283), task sync

def _taskd_prep(ctx):
    env = {'TASKDDATA': ctx.path('data'), 'HOME': ctx.tmp}
    ctx.mkdir('data')
    ctx.run(['taskd', 'init'], env=env)
    ctx.run(['cp', '-r', '/usr/share/taskd/pki', ctx.path('pki')])
    v = open(ctx.path('pki/vars')).read().replace('BITS=4096', 'BITS=2048')
    v = '\n'.join('CN=127.0.0.1' if line.startswith('CN=') else line for line in v.splitlines()) + '\n'
    ctx.write('pki/vars', v)
    ctx.run(['./generate'], timeout=300, cwd=ctx.path('pki'), env=env)
    conf = {'client.cert': 'pki/client.cert.pem', 'client.key': 'pki/client.key.pem',
            'server.cert': 'pki/server.cert.pem', 'server.key': 'pki/server.key.pem',
            'server.crl': 'pki/server.crl.pem', 'ca.cert': 'pki/ca.cert.pem', 'log': 'taskd.log',
            'pid.file': 'taskd.pid'}
    for k, v in conf.items():
        ctx.run(['taskd', 'config', '--force', k, ctx.path(v)], env=env)
    ctx.run(['taskd', 'config', '--force', 'server', '127.0.0.1:283'], env=env)
    ctx.run(['taskd', 'add', 'org', 'Public'], env=env)
    out = ctx.run(['taskd', 'add', 'user', 'Public', 'Eval User'], env=env).stdout.decode()
    key = [w for w in out.split() if w.count('-') == 4][0]
    ctx.write('home/.taskrc', 'data.location=%(t)s/home/task\ntaskd.server=127.0.0.1:283\n'
              'taskd.credentials=Public/Eval User/%(k)s\ntaskd.certificate=%(t)s/pki/client.cert.pem\n'
              'taskd.key=%(t)s/pki/client.key.pem\ntaskd.ca=%(t)s/pki/ca.cert.pem\ntaskd.trust=ignore hostname\n'
              'confirmation=off\n' % {'t': ctx.tmp, 'k': key})


@fresh7(name='fresh7_taskd_283', service='tls', transport='tcp', port=283, package='taskd',
        program='taskd (Taskwarrior server 1.1)',
        client='task (taskwarrior 2.6) with taskd.server=127.0.0.1:283 and a client certificate: add two tasks ; '
               'sync init ; done 1 ; add a third ; sync ; sync (nothing new)',
        sent='TLS 1.3 with a client certificate (the certificates of taskd\'s own pki scripts, CN 127.0.0.1), '
             'inside it Taskwarrior\'s sync protocol (4-octet length, "type: sync" / "org" / "user" / "key" header '
             'lines, JSON task lines, the server\'s "code: 200" answers and sync keys)',
        protocol='tls', pname='TLS (Taskwarrior sync)', sent_needles=[b'\x16\x03\x01'], prepare=_taskd_prep,
        notes='taskd server --data <work>/data after taskd init / config (server 127.0.0.1:283, the certificates '
              'that /usr/share/taskd/pki/generate made with 2048-bit keys) / add org Public / add user; the client '
              'trusts the CA and ignores the host name (taskd.trust=ignore hostname). Wireshark 4.0 has no '
              'Taskwarrior dissector: TLS is the carrier.')
def fresh7_taskd_283(ctx):
    env = {'TASKDDATA': ctx.path('data'), 'HOME': ctx.tmp}
    ctx.spawn(['taskd', 'server', '--data', ctx.path('data')], 'server-taskd', env=env)
    ctx.wait_listen('tcp', 283, timeout=30)
    rc = 'rc:' + ctx.path('home/.taskrc')
    cenv = {'HOME': ctx.path('home')}
    ctx.run(['task', rc, 'add', 'a task kept behind a ghost port'], env=cenv)
    ctx.run(['task', rc, 'add', 'project:eval', 'a second task'], env=cenv)
    r = ctx.run(['task', rc, 'sync', 'init'], timeout=60, env=cenv, check=False)
    if b'Sync successful' not in r.stdout + r.stderr:
        raise ScenarioError('task sync init: %r' % (r.stdout + r.stderr)[-300:])
    ctx.run(['task', rc, '1', 'done'], env=cenv, check=False)
    ctx.run(['task', rc, 'add', 'a third task'], env=cenv)
    ctx.run(['task', rc, 'sync'], timeout=60, env=cenv, check=False)
    ctx.run(['task', rc, 'sync'], timeout=60, env=cenv, check=False)


# ---------------------------------------------------------------- Telnet COM port control (RFC 2217): sredird (under inetd, TCP 403), pyserial

SRED_CLIENT = r'''import serial, sys
s = serial.serial_for_url('rfc2217://127.0.0.1:403?ign_set_control', baudrate=9600, timeout=3)
s.write(b'hello from a serial line behind a ghost port\r\n')
print(s.read(47))
s.baudrate = 19200
s.write(b'AT+GHOST?\r\n')
print(s.read(11))
s.baudrate = 115200
print('cts', s.cts, 'dsr', s.dsr, 'cd', s.cd)
s.write(b'bye\r\n')
print(s.read(5))
s.close()
'''


@fresh7(name='fresh7_sredird_403', service='telnet', transport='tcp', port=403, package='sredird',
        program='sredird (RFC 2217 serial port redirector 2.2, run by inetd)',
        client='a python3 script with pyserial\'s RFC 2217 client (serial.serial_for_url("rfc2217://127.0.0.1:403'
               '?ign_set_control")): write a line and read its echo at 9600 baud, change to 19200 baud, '
               'write and read, change to 115200, read the modem lines, write and read, close',
        sent='Telnet with the COM-PORT-OPTION (RFC 2217, option 44): WILL / DO negotiation of binary, SGA and '
             'option 44, SET-BAUDRATE / SET-DATASIZE / SET-PARITY / SET-STOPSIZE / SET-CONTROL subnegotiations '
             'and their answers, NOTIFY-MODEMSTATE, the serial line\'s data both ways',
        protocol='telnet', pname='Telnet (RFC 2217 COM port control)', sent_needles=[b'\xff\xfa\x2c'],
        prepare=lambda ctx: ctx.write('cli.py', SRED_CLIENT),
        notes='openbsd-inetd on 127.0.0.1:403 runs "sredird 5 <work>/ttyS0 <work>/LCK..ttyS0" (root); the serial '
              'port is the slave side of a pty that socat makes ("socat pty,link=<work>/ttyS0,raw,echo=0 '
              'SYSTEM:cat"), so what the client writes comes back as its echo. A pty has no modem control lines, '
              'so sredird refuses the DTR / RTS settings and the client ignores those answers (ign_set_control).')
def fresh7_sredird_403(ctx):
    ctx.spawn(['socat', 'pty,link=%s,raw,echo=0' % ctx.path('ttyS0'), 'SYSTEM:cat'], 'server-socat-pty')
    wait_for(ctx, 'socat: the pty link', lambda: os.path.exists(ctx.path('ttyS0')))
    ctx.write('inetd.conf', '127.0.0.1:403 stream tcp nowait root /usr/sbin/sredird sredird 5 %s %s\n'
              % (ctx.path('ttyS0'), ctx.path('LCK..ttyS0')))
    ctx.spawn(['/usr/sbin/inetd', '-d', ctx.path('inetd.conf')], 'server-inetd')
    ctx.wait_listen('tcp', 403, timeout=20)
    r = ctx.run(['/usr/bin/python3', ctx.path('cli.py')], timeout=60)
    if b'ghost port' not in r.stdout:
        raise ScenarioError('rfc2217 client: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- Postfix policy delegation: postfwd (TCP 283), nc

PF_RULES = """id=BLOCK_GHOST; sender=~/ghost-spammer@/; action=REJECT spam from a ghost port is not welcome
id=RCPT_LIMIT; recipient_count>=5; action=DEFER_IF_PERMIT too many recipients
id=HELO_BARE; helo_name=!~/\\./; action=REJECT bare helo
id=OK_REST; action=DUNNO
"""


def policy_request(state, client, helo, sender, rcpt, count, qid=''):
    return ('request=smtpd_access_policy\nprotocol_state=%s\nprotocol_name=ESMTP\nclient_address=%s\n'
            'client_name=%s\nreverse_client_name=%s\nhelo_name=%s\nsender=%s\nrecipient=%s\nrecipient_count=%d\n'
            'queue_id=%s\ninstance=%x.%s\nsize=1200\nccert_subject=\nsasl_method=\nsasl_username=\n\n'
            % (state, client, helo, helo, helo, sender, rcpt, count, qid, len(sender) * 4099, count))


PF_REQS = (policy_request('RCPT', '192.0.2.10', 'mx.example.invalid', 'ghost-spammer@example.invalid',
                          'evaluser@localhost', 0)
           + policy_request('RCPT', '192.0.2.11', 'mail.example.invalid', 'friend@example.invalid',
                            'evaluser@localhost', 0)
           + policy_request('RCPT', '192.0.2.12', 'bare', 'someone@example.invalid', 'evaluser@localhost', 1)
           + policy_request('DATA', '192.0.2.11', 'mail.example.invalid', 'friend@example.invalid',
                            'evaluser@localhost', 7, 'A1B2C3D4E5'))


@fresh7(name='fresh7_postfwd_283', service='postfix-policy', transport='tcp', port=283, package='postfwd',
        program='postfwd2 (postfwd 1.35, Postfix policy server)',
        client='nc (netcat-openbsd) sending four Postfix smtpd_access_policy requests on one connection, as '
               'Postfix\'s check_policy_service does (attribute=value lines, a blank line after each)',
        sent='The Postfix policy delegation protocol: request=smtpd_access_policy with protocol_state, '
             'client_address, helo_name, sender, recipient, recipient_count, queue_id ...; postfwd\'s answers '
             '"action=REJECT spam from a ghost port ...", "action=DUNNO", "action=REJECT bare helo", '
             '"action=DEFER_IF_PERMIT too many recipients"',
        protocol=None, pname='Postfix policy delegation', sent_needles=[b'request=smtpd_access_policy'],
        prepare=lambda ctx: (ctx.write('rules.cf', PF_RULES), ctx.write('reqs.txt', PF_REQS)),
        notes='postfwd2 --file <work>/rules.cf --interface 127.0.0.1 --port 283 --user root --group root '
              '--nodns --pidfile <work>/postfwd.pid (it runs as a Net::Server pre-forking daemon; '
              'stopped through its pid file); four rules. With --user nobody it dropped privileges before binding '
              'and never listened on 283 (a port below 1024), so it keeps root here; no --stdout, because its log lines then went to the policy client\'s connection. Wireshark 4.0 has no dissector for the policy protocol '
              '(expected.protocol null).')
def fresh7_postfwd_283(ctx):
    pidf = ctx.path('postfwd.pid')
    ctx.pidfile('server-postfwd', pidf)
    ctx.run(['postfwd2', '--file', ctx.path('rules.cf'), '--interface', '127.0.0.1', '--port', '283', '--user',
             'root', '--group', 'root', '--nodns', '--pidfile', pidf], timeout=30)
    ctx.wait_listen('tcp', 283, timeout=30)
    time.sleep(1)
    with open(ctx.path('reqs.txt'), 'rb') as f:
        r = ctx.run(['nc', '-q', '3', '127.0.0.1', '283'], timeout=30, input=f.read())
    if b'ghost port' not in r.stdout or r.stdout.count(b'action=') < 4:
        raise ScenarioError('postfwd: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- milter: mailfromd (TCP 403), miltertest

MFL = 'require status\nprog connect\ndo\n  echo "connect from " . $1\ndone\nprog helo\ndo\n  if $1 == "localhost"\n    reject 550 5.7.1 "bad helo"\n  fi\ndone\nprog envfrom\ndo\n  if $f matches ".*ghost-spammer.*"\n    reject 550 5.7.1 "spam from a ghost port is not welcome"\n  fi\ndone\nprog envrcpt\ndo\n  echo "rcpt " . $1\ndone\nprog header\ndo\n  if $1 == "Subject" and $2 matches ".*GTUBE.*"\n    reject 554 5.7.1 "test string found"\n  fi\ndone\nprog eoh\ndo\n  echo "end of headers"\ndone\nprog body\ndo\n  echo "body chunk"\ndone\nprog eom\ndo\n  header_add("X-Mailfromd-Checked", "behind a ghost port")\ndone\n'


def _mailfromd_prep(ctx):
    from sc_fresh6 import milter_scripts
    ctx.write('filter.mfl', MFL)
    ctx.mkdir('state', 0o777)
    milter_scripts(ctx, 403)
    t3 = open(ctx.path('t1.lua')).read().replace('<eval@example.invalid>', '<ghost-spammer@example.invalid>')
    ctx.write('t3.lua', t3)


@fresh7(name='fresh7_mailfromd_403', service='milter', transport='tcp', port=403, package='mailfromd',
        program='mailfromd (GNU Mailfromd 8.15, milter mode)',
        client='miltertest -s <work>/t1.lua, t2.lua, t3.lua (opendkim\'s milter test client): three SMTP '
               'transactions replayed as milter commands (connect info, HELO, MAIL FROM, RCPT TO, headers, body, '
               'end of message); the second\'s subject carries "GTUBE", the third\'s sender is ghost-spammer@...',
        sent='The milter protocol (libmilter wire format: 4-octet length, command letter; option negotiation, '
             'connect / helo / envelope / header / body / end-of-body commands, continue replies, the header that '
             'mailfromd adds at end of message, the 5xx replies for the GTUBE subject and the ghost-spammer sender)',
        protocol=None, pname='milter', sent_needles=[b'client.example.invalid'], prepare=_mailfromd_prep,
        notes='mailfromd --foreground --port inet:403@127.0.0.1 --state-directory <work>/state <work>/filter.mfl, '
              'started as nobody through setpriv with the net_bind_service capability (it refuses to run as root '
              'and with --user it drops privileges before binding, which fails for 403): a filter in MFL with a handler for every stage (a milter that has no connect / '
              'helo handler asks the MTA to skip those stages, which miltertest treats as an error). Wireshark 4.0 '
              'has no milter dissector (expected.protocol null).')
def fresh7_mailfromd_403(ctx):
    ctx.spawn(['setpriv', '--reuid', 'nobody', '--regid', 'nogroup', '--clear-groups', '--inh-caps',
               '+net_bind_service', '--ambient-caps', '+net_bind_service', 'mailfromd', '--foreground', '--port',
               'inet:403@127.0.0.1', '--state-directory=' + ctx.path('state'), '--stderr', '--pidfile=' + ctx.path('state/mailfromd.pid'), ctx.path('filter.mfl')],
              'server-mailfromd')
    ctx.wait_listen('tcp', 403, timeout=30)
    for s in ('t1.lua', 't2.lua', 't3.lua'):
        r = ctx.run(['miltertest', '-s', ctx.path(s)], timeout=30, check=False)
        if s == 't1.lua' and b'reply' not in r.stdout:
            raise ScenarioError('miltertest: %r' % (r.stdout + r.stderr)[-300:])


# ---------------------------------------------------------------- HTTP (Janus' REST API): janus (TCP 283), curl

JANUS_LIB = '/usr/lib/x86_64-linux-gnu/janus'


def _janus_prep(ctx):
    for d in ('conf', 'plugins', 'transports', 'events', 'loggers'):
        ctx.mkdir(d)
    for kind, lib in (('plugins', 'libjanus_echotest.so'), ('plugins', 'libjanus_textroom.so'),
                      ('transports', 'libjanus_http.so')):
        os.symlink(os.path.join(JANUS_LIB, kind, lib), ctx.path(kind, lib))
    t = ctx.tmp
    ctx.write('conf/janus.jcfg', 'general: {\n\tconfigs_folder = "%(t)s/conf"\n\tplugins_folder = "%(t)s/plugins"\n'
              '\ttransports_folder = "%(t)s/transports"\n\tevents_folder = "%(t)s/events"\n'
              '\tloggers_folder = "%(t)s/loggers"\n\tdebug_level = 4\n\tserver_name = "EvalJanus"\n}\n'
              'nat: {\n\tice_enforce_list = "lo"\n}\nmedia: {\n}\ntransports: {\n}\nplugins: {\n}\n' % {'t': t})
    ctx.write('conf/janus.transport.http.jcfg', 'general: {\n\tjson = "indented"\n\tbase_path = "/janus"\n'
              '\thttp = true\n\tport = 283\n\tip = "127.0.0.1"\n\thttps = false\n}\nadmin: {\n\tadmin_http = false\n'
              '\tadmin_https = false\n}\n')
    for p in ('echotest', 'textroom'):
        ctx.write('conf/janus.plugin.%s.jcfg' % p, open('/etc/janus/janus.plugin.%s.jcfg' % p).read())


@fresh7(name='fresh7_janus_283', service='http', transport='tcp', port=283, package='janus',
        program='janus (Janus WebRTC Server 1.1, HTTP REST transport)',
        client='curl: GET /janus/info ; POST /janus {"janus": "create"} ; POST /janus/<session> attach '
               'janus.plugin.echotest and janus.plugin.textroom ; POST a message to each handle (echotest '
               'settings, textroom "list") ; GET /janus/<session>?maxev=1 (long poll for the events) ; POST '
               'keepalive ; POST detach / destroy',
        sent='HTTP/1.1 with Janus\' JSON API: server_info (name, version_string 1.1.2, plugins and transports), '
             'session and handle creation, plugin messages with transactions, "ack" / "success" / "event" answers, '
             'the textroom room list, detach / destroy',
        protocol='http', pname='HTTP', sent_needles=[b'janus.plugin.echotest'], prepare=_janus_prep,
        announced={'product': 'Janus WebRTC Server', 'version': lambda pv, ctx: version_re('janus'),
                   'where': 'JSON body of /janus/info ("name", "version_string")'},
        notes='janus -F <work>/conf -C <work>/conf/janus.jcfg: only the HTTP transport (127.0.0.1:283, admin API '
              'off) and the echotest / textroom plugins are in its folders; ICE limited to lo. No WebRTC '
              'media is set up (no SDP offer is sent), so nothing but the API crosses.')
def fresh7_janus_283(ctx):
    import json
    ctx.spawn(['janus', '-F', ctx.path('conf'), '-C', ctx.path('conf/janus.jcfg')], 'server-janus')
    ctx.wait_listen('tcp', 283, timeout=40)
    base = 'http://127.0.0.1:283/janus'
    j = ['-H', 'Content-Type: application/json', '-X', 'POST', '-d']

    def post(url, body):
        r = curl(ctx, *j, json.dumps(body), url)
        return json.loads(r.stdout.decode())
    r = curl(ctx, base + '/info')
    if b'Janus WebRTC Server' not in r.stdout:
        raise ScenarioError('janus info: %r' % r.stdout[-300:])
    sid = post(base, {'janus': 'create', 'transaction': 'evalcreate1'})['data']['id']
    surl = '%s/%d' % (base, sid)
    h1 = post(surl, {'janus': 'attach', 'plugin': 'janus.plugin.echotest', 'transaction': 'evalattach1'})['data']['id']
    h2 = post(surl, {'janus': 'attach', 'plugin': 'janus.plugin.textroom', 'transaction': 'evalattach2'})['data']['id']
    post('%s/%d' % (surl, h1), {'janus': 'message', 'transaction': 'evalmsg1',
                                'body': {'audio': True, 'video': False, 'bitrate': 64000}})
    post('%s/%d' % (surl, h2), {'janus': 'message', 'transaction': 'evalmsg2', 'body': {'request': 'list'}})
    curl(ctx, '-m', '10', surl + '?maxev=1', check=False)
    post(surl, {'janus': 'keepalive', 'transaction': 'evalkeep1'})
    post('%s/%d' % (surl, h1), {'janus': 'detach', 'transaction': 'evaldetach1'})
    post(surl, {'janus': 'destroy', 'transaction': 'evaldestroy1'})


# ---------------------------------------------------------------- Postfix policy delegation: mtpolicyd (TCP 403), nc

MTP_CONF = """user=nobody
group=nogroup
log_level=2
host=127.0.0.1
port="127.0.0.1:403"
min_servers=1
min_spare_servers=1
max_spare_servers=2
max_servers=4
keepalive_timeout=60
max_keepalive=10
request_timeout=20
pid_file="%(t)s/mtpolicyd.pid"
<SessionCache>
  module = "None"
</SessionCache>
<VirtualHost 403>
	name="eval"
	<Plugin ghost-senders>
		module = "RegexList"
		key = "sender"
		regex = "^ghost-spammer@"
		action = "reject spam from a ghost port is not welcome"
	</Plugin>
	<Plugin many-recipients>
		module = "Condition"
		key = "recipient_count"
		gt_match = 4
		action = "defer_if_permit too many recipients"
	</Plugin>
	<Plugin default>
		module = "Action"
		action = "dunno"
	</Plugin>
</VirtualHost>
"""


@fresh7(name='fresh7_mtpolicyd_403', service='postfix-policy', transport='tcp', port=403, package='mtpolicyd',
        program='mtpolicyd (mtpolicyd 2.05, modular Postfix policy daemon)',
        client='nc (netcat-openbsd) sending four Postfix smtpd_access_policy requests on one connection, as '
               'Postfix\'s check_policy_service does (attribute=value lines, a blank line after each)',
        sent='The Postfix policy delegation protocol: request=smtpd_access_policy with protocol_state, '
             'client_address, helo_name, sender, recipient, recipient_count, queue_id ...; mtpolicyd\'s answers '
             '"action=reject spam from a ghost port ...", "action=dunno", "action=defer_if_permit too many '
             'recipients"',
        protocol=None, pname='Postfix policy delegation', sent_needles=[b'request=smtpd_access_policy'],
        prepare=lambda ctx: (ctx.write('mtpolicyd.conf', MTP_CONF % {'t': ctx.tmp}), ctx.write('reqs.txt', PF_REQS)),
        notes='mtpolicyd -c <work>/mtpolicyd.conf -f: one virtual host on 127.0.0.1:403 with a RegexList plugin on '
              'the sender, a Condition plugin on recipient_count and a default dunno, no session cache (module '
              'None, so no memcached). Its RegexList plugin needs File::Slurp, which the package does not pull in: '
              'libfile-slurp-perl is installed beside it. Wireshark 4.0 has no dissector for the policy protocol '
              '(expected.protocol null).')
def fresh7_mtpolicyd_403(ctx):
    ctx.pidfile('server-mtpolicyd', ctx.path('mtpolicyd.pid'))
    ctx.spawn(['mtpolicyd', '-c', ctx.path('mtpolicyd.conf'), '-f'], 'server-mtpolicyd')
    ctx.wait_listen('tcp', 403, timeout=40)
    time.sleep(1)
    with open(ctx.path('reqs.txt'), 'rb') as f:
        r = ctx.run(['nc', '-q', '3', '127.0.0.1', '403'], timeout=30, input=f.read())
    if b'ghost port' not in r.stdout or r.stdout.count(b'action=') < 4:
        raise ScenarioError('mtpolicyd: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- TLS (ACME over HTTPS): pebble (TCP 283), lego

def _pebble_prep(ctx):
    o = ['openssl']
    ctx.run(o + ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', ctx.path('ca.key'), '-out',
                 ctx.path('ca.pem'), '-days', '3', '-subj', '/CN=eval pebble ca'], timeout=60)
    ctx.run(o + ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', ctx.path('key.pem'), '-out', ctx.path('s.csr'),
                 '-subj', '/CN=127.0.0.1'], timeout=60)
    ctx.write('ext.cnf', 'subjectAltName=IP:127.0.0.1,DNS:localhost\n')
    ctx.run(o + ['x509', '-req', '-in', ctx.path('s.csr'), '-CA', ctx.path('ca.pem'), '-CAkey', ctx.path('ca.key'),
                 '-CAcreateserial', '-out', ctx.path('cert.pem'), '-days', '3', '-extfile', ctx.path('ext.cnf')],
            timeout=60)
    ctx.write('pebble.json', '{"pebble": {"listenAddress": "127.0.0.1:283", "managementListenAddress": '
              '"127.0.0.1:40415", "certificate": "%s", "privateKey": "%s", "httpPort": 40402, "tlsPort": 40401, '
              '"ocspResponderURL": "", "externalAccountBindingRequired": false}}\n'
              % (ctx.path('cert.pem'), ctx.path('key.pem')))


@fresh7(name='fresh7_pebble_283', service='tls', transport='tcp', port=283, package='pebble',
        program='pebble (Pebble 2.4, the small ACME test server)',
        client='lego 4.9 (ACME client) against https://127.0.0.1:283/dir with the throw-away CA trusted '
               '(LEGO_CA_CERTIFICATES): run (new account, order, HTTP-01 authorization, finalize, download) for '
               'ghost.test and www.ghost.test ; renew --days 90 ; revoke',
        sent='TLS 1.3 (the server certificate of a throw-away CA for 127.0.0.1), inside it HTTP/1.1 with the ACME '
             'JSON API: directory, newNonce, JWS-signed POSTs for newAccount / newOrder / authorizations / '
             'challenges / finalize / certificate download / revokeCert, Replay-Nonce headers',
        protocol='tls', pname='TLS (ACME over HTTPS)', sent_needles=[b'\x16\x03\x01'], prepare=_pebble_prep,
        notes='PEBBLE_VA_ALWAYS_VALID=1 PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 pebble -config '
              '<work>/pebble.json -dnsserver 127.0.0.1:40053: the ACME API on 127.0.0.1:283, the management API '
              'on 127.0.0.1:40415 (not used); every challenge is taken as valid, so the validation authority '
              'connects nowhere (lego\'s own HTTP-01 listener is on 127.0.0.1:40402, not captured). Wireshark 4.0 '
              'decodes the TLS records; ACME is HTTP inside them.')
def fresh7_pebble_283(ctx):
    env = {'PEBBLE_VA_ALWAYS_VALID': '1', 'PEBBLE_VA_NOSLEEP': '1', 'PEBBLE_WFE_NONCEREJECT': '0', 'HOME': ctx.tmp}
    ctx.spawn(['pebble', '-config', ctx.path('pebble.json'), '-dnsserver', '127.0.0.1:40053'], 'server-pebble',
              env=env)
    ctx.wait_listen('tcp', 283, timeout=30)
    lego = ['lego', '--server', 'https://127.0.0.1:283/dir', '--accept-tos', '--email', 'eval@example.invalid',
            '--domains', 'ghost.test', '--domains', 'www.ghost.test', '--http', '--http.port', '127.0.0.1:40402',
            '--path', ctx.path('lego')]
    lenv = {'LEGO_CA_CERTIFICATES': ctx.path('ca.pem'), 'HOME': ctx.tmp}
    ctx.run(lego + ['run'], timeout=90, env=lenv)
    if not os.path.exists(ctx.path('lego/certificates/ghost.test.crt')):
        raise ScenarioError('lego: no certificate')
    ctx.run(lego + ['renew', '--days', '90'], timeout=90, env=lenv, check=False)
    ctx.run(lego + ['revoke'], timeout=90, env=lenv, check=False)


# ---------------------------------------------------------------- HTTP (1-Wire web): owhttpd (TCP 403), curl

@fresh7(name='fresh7_owhttpd_403', service='http', transport='tcp', port=403, package='owhttpd',
        program='owhttpd (OWFS 3.2 1-Wire web server, a simulated bus)',
        client='curl http://127.0.0.1:403/ (the bus listing) ; each device page ; the temperature of the DS18B20 and '
               'DS18S20 ; /text/ of one device ; /json/ of one device ; /settings ; /statistics ; /structure/ ; a '
               'missing path',
        sent='HTTP/1.0 GET requests and owhttpd\'s answers ("Server: owhttpd", HTML directory pages of the fake '
             'bus: a DS18S20 (10.), DS18B20 (28.) and DS1822 (22.) with their properties and simulated values, a '
             'text and a JSON view, a 404)',
        protocol='http', pname='HTTP', sent_needles=[b'GET /'],
        announced={'product': 'owhttpd', 'version': None, 'where': 'response header "Server: owhttpd" (no version)'},
        notes='owhttpd --fake 10,28,22 -p 127.0.0.1:403 --foreground: OWFS\'s fake adapter simulates a 1-Wire bus '
              'with three temperature sensors (random addresses per run); no hardware and no owserver.')
def fresh7_owhttpd_403(ctx):
    import re
    ctx.spawn(['owhttpd', '--fake', '10,28,22', '-p', '127.0.0.1:403', '--foreground', '--error_level=1'],
              'server-owhttpd')
    ctx.wait_listen('tcp', 403, timeout=30)
    base = 'http://127.0.0.1:403'
    r = curl(ctx, base + '/')
    devs = sorted(set(re.findall(rb"HREF='/([0-9A-F]{2}\.[0-9A-F]{12})'", r.stdout)))
    if len(devs) < 3:
        raise ScenarioError('owhttpd: %r' % r.stdout[-300:])
    for d in devs:
        curl(ctx, base + '/' + d.decode())
        if not d.startswith(b'22'):
            curl(ctx, base + '/' + d.decode() + '/temperature', check=False)
    curl(ctx, base + '/text/' + devs[0].decode(), check=False)
    curl(ctx, base + '/json/' + devs[1].decode(), check=False)
    for p in ('/settings', '/statistics', '/structure/', '/missing'):
        curl(ctx, base + p, check=False)


# ---------------------------------------------------------------- HTTP proxy: ffproxy (TCP 283), curl -x (upstream a loopback web server)

FF_UPSTREAM = 40480   # the loopback web server behind the proxy (python3 -m http.server; not captured)


def _ffproxy_prep(ctx):
    import shutil
    shutil.copytree('/etc/ffproxy/db', ctx.path('db'))
    shutil.copytree('/etc/ffproxy/html', ctx.path('html'))
    with open(ctx.path('db/access.ip'), 'a') as f:
        f.write('^127\\.0\\.0\\.1$\n')
    ctx.write('ffproxy.conf', 'child_processes 4\nbind_ipv4 yes\nbind_ipv6 no\nbind_ipv4_host 127.0.0.1\nport 283\n'
              'use_ipv6 no\nuse_syslog no\nlog_all_requests yes\ndaemonize no\ndb_files_path %s\n'
              'use_keep_alive yes\ntimeout_connect 5\nbacklog_size 4\n' % ctx.tmp)
    ctx.write('www/index.html', '<html><body>a page fetched through ffproxy behind a ghost port</body></html>\n')
    ctx.write('www/notes/readme.txt', 'a second file behind the proxy\n')


@fresh7(name='fresh7_ffproxy_283', service='http', transport='tcp', port=283, package='ffproxy',
        program='ffproxy (ffproxy 1.6 filtering HTTP proxy)',
        client='curl -x http://127.0.0.1:283: GET http://127.0.0.1:40480/ ; GET .../notes/readme.txt ; HEAD .../ ; '
               'POST a form to .../form ; GET a missing page ; CONNECT 127.0.0.1:40480 (refused: unrestricted '
               'CONNECT is off)',
        sent='HTTP/1.1 proxy requests with absolute URIs (GET, HEAD, POST, CONNECT) and the answers relayed from '
             'the upstream server (SimpleHTTP pages, a 404, a 501 for the POST) or made by ffproxy (its refusal '
             'page for CONNECT)',
        protocol='http', pname='HTTP', sent_needles=[b'GET http://127.0.0.1:%d/' % FF_UPSTREAM],
        prepare=_ffproxy_prep,
        notes='ffproxy -f <work>/ffproxy.conf -D <work>: bound to 127.0.0.1:283 (bind_ipv4_host), IPv6 off, not a '
              'daemon, Debian\'s db and html files copied into the work dir with 127.0.0.1 allowed in '
              'db/access.ip; the upstream is python3 -m http.server on 127.0.0.1:%d (not captured).' % FF_UPSTREAM)
def fresh7_ffproxy_283(ctx):
    ctx.spawn(['/usr/bin/python3', '-m', 'http.server', str(FF_UPSTREAM), '--bind', '127.0.0.1', '--directory',
               ctx.path('www')], 'server-upstream-web')
    ctx.wait_listen('tcp', FF_UPSTREAM, timeout=20)
    ctx.spawn(['ffproxy', '-f', ctx.path('ffproxy.conf'), '-D', ctx.tmp], 'server-ffproxy')
    ctx.wait_listen('tcp', 283, timeout=20)
    x = ['-x', 'http://127.0.0.1:283']
    up = 'http://127.0.0.1:%d/' % FF_UPSTREAM
    r = curl(ctx, *x, up)
    if b'ghost port' not in r.stdout:
        raise ScenarioError('ffproxy: %r' % r.stdout[-300:])
    curl(ctx, *x, up + 'notes/readme.txt')
    curl(ctx, *x, '-I', up, check=False)
    curl(ctx, *x, '-d', 'note=a form field through a proxy', up + 'form', check=False)
    curl(ctx, *x, up + 'missing', check=False)
    curl(ctx, '-p', *x, 'http://127.0.0.1:%d/tunnel' % FF_UPSTREAM, check=False)


# ---------------------------------------------------------------- HTTP (WMS / TMS / WMTS): mapproxy-util serve-develop (TCP 403), curl

MAPPROXY_YAML = 'services:\n  demo:\n  tms:\n  wmts:\n  wms:\n    md:\n      title: MapProxy behind a ghost port\nlayers:\n  - name: debug\n    title: Debug tiles\n    sources: [debug_cache]\ncaches:\n  debug_cache:\n    grids: [GLOBAL_WEBMERCATOR]\n    sources: [debug_src]\n    cache:\n      type: file\n      directory: ./cache\nsources:\n  debug_src:\n    type: debug\nglobals:\n  cache:\n    base_dir: ./cache\n    lock_dir: ./cache/locks\n'


@fresh7(name='fresh7_mapproxy_403', service='http', transport='tcp', port=403, package='mapproxy',
        program='mapproxy-util serve-develop (MapProxy 1.15 tile cache and WMS)',
        client='curl: WMS GetCapabilities ; WMS GetMap (PNG, 256x256) ; WMS GetFeatureInfo (refused) ; TMS '
               'capabilities and two tiles ; WMTS GetCapabilities and a REST tile ; the demo page ; a missing layer',
        sent='HTTP/1.1 GET requests with OGC query strings and MapProxy\'s answers (capabilities XML, PNG images '
             'of its debug source, an OGC service exception, the demo HTML), from Werkzeug\'s development server',
        protocol='http', pname='HTTP', sent_needles=[b'REQUEST=GetMap'],
        prepare=lambda ctx: ctx.write('mapproxy.yaml', MAPPROXY_YAML),
        notes='mapproxy-util serve-develop -b 127.0.0.1:403 <work>/mapproxy.yaml: one layer whose source is '
              'MapProxy\'s built-in "debug" source (tiles drawn locally with their coordinates), a file cache in '
              'the work dir; no remote WMS / tile source, so nothing leaves loopback.')
def fresh7_mapproxy_403(ctx):
    ctx.spawn(['mapproxy-util', 'serve-develop', '-b', '127.0.0.1:403', ctx.path('mapproxy.yaml')], 'server-mapproxy',
              cwd=ctx.tmp, env={'HOME': ctx.tmp})
    ctx.wait_listen('tcp', 403, timeout=60)
    time.sleep(1)
    b = 'http://127.0.0.1:403'
    r = curl(ctx, b + '/service?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0')
    if b'WMS_Capabilities' not in r.stdout:
        raise ScenarioError('mapproxy: %r' % r.stdout[-300:])
    curl(ctx, '-o', ctx.path('map.png'), b + '/service?SERVICE=WMS&REQUEST=GetMap&VERSION=1.1.1&LAYERS=debug&STYLES='
         '&SRS=EPSG:3857&BBOX=-20037508,-20037508,20037508,20037508&WIDTH=256&HEIGHT=256&FORMAT=image/png')
    curl(ctx, b + '/service?SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.1.1&LAYERS=debug&QUERY_LAYERS=debug'
         '&SRS=EPSG:3857&BBOX=0,0,100,100&WIDTH=10&HEIGHT=10&X=1&Y=1', check=False)
    curl(ctx, b + '/tms/1.0.0/')
    for t in ('1/0/0', '2/1/1'):
        curl(ctx, '-o', ctx.path('t.png'), b + '/tms/1.0.0/debug/EPSG3857/%s.png' % t)
    curl(ctx, b + '/wmts/1.0.0/WMTSCapabilities.xml')
    curl(ctx, '-o', ctx.path('w.png'), b + '/wmts/debug/GLOBAL_WEBMERCATOR/1/1/0.png', check=False)
    curl(ctx, b + '/demo/')
    curl(ctx, b + '/tms/1.0.0/nosuchlayer/EPSG3857/0/0/0.png', check=False)


# ---------------------------------------------------------------- HTTP (PDUDaemon's listener): pdudaemon (TCP 283), curl

def _pdudaemon_prep(ctx):
    import json
    log = ctx.path('pdu-actions.log')
    ctx.write('pdudaemon.conf', json.dumps({
        'daemon': {'hostname': '127.0.0.1', 'port': 283, 'logging_level': 'DEBUG', 'listener': 'http'},
        'pdus': {'evalpdu': {'driver': 'localcmdline', 'cmd_on': "echo '%%s on' >> %s" % log,
                             'cmd_off': "echo '%%s off' >> %s" % log},
                 'labpdu': {'driver': 'localcmdline', 'cmd_on': "echo 'lab %%s on' >> %s" % log,
                            'cmd_off': "echo 'lab %%s off' >> %s" % log}}}, indent=1) + '\n')


@fresh7(name='fresh7_pdudaemon_283', service='http', transport='tcp', port=283, package='pdudaemon',
        program='pdudaemon (PDUDaemon 0.0.8, HTTP listener)',
        client='curl: GET /power/control/on?hostname=evalpdu&port=4 ; reboot of port 2 with a delay ; off of '
               'labpdu port 7 ; on of an unknown PDU (refused) ; a HEAD ; a path that is not a command (the same '
               'requests as pdudaemon-client\'s pduclient --http, whose daemon port is fixed at 16421)',
        sent='HTTP/1.1 GET requests /power/control/<command>?hostname=...&port=...&delay=... and PDUDaemon\'s '
             'text answers ("OK - accepted request", "Invalid request")',
        protocol='http', pname='HTTP', sent_needles=[b'/power/control/'], prepare=_pdudaemon_prep,
        notes='pdudaemon --conf <work>/pdudaemon.conf --logfile <work>/pdudaemon.log: listener http on 127.0.0.1:283, '
              'two PDUs with the localcmdline driver (the "switching" appends lines to a file in the work dir). '
              'pduclient cannot be pointed at another port than 16421, so curl sends its --http requests.')
def fresh7_pdudaemon_283(ctx):
    ctx.spawn(['pdudaemon', '--conf', ctx.path('pdudaemon.conf'), '--logfile', ctx.path('pdudaemon.log'),
               '--loglevel', 'DEBUG'], 'server-pdudaemon')
    ctx.wait_listen('tcp', 283, timeout=30)
    b = 'http://127.0.0.1:283/power/control/'
    r = curl(ctx, b + 'on?hostname=evalpdu&port=4')
    if b'accepted' not in r.stdout:
        raise ScenarioError('pdudaemon: %r' % r.stdout[-300:])
    curl(ctx, b + 'reboot?hostname=evalpdu&port=2&delay=1')
    curl(ctx, b + 'off?hostname=labpdu&port=7')
    curl(ctx, b + 'on?hostname=nosuchpdu&port=1', check=False)
    curl(ctx, '-I', b + 'on?hostname=evalpdu&port=5', check=False)
    curl(ctx, 'http://127.0.0.1:283/status', check=False)
    time.sleep(3)


# ---------------------------------------------------------------- lbcd (UDP 403): lbcd, lbcdclient

@fresh7(name='fresh7_lbcd_udp_403', service='lbcd', transport='udp', port=403, package='lbcd',
        program='lbcd (lbcd 3.5, the load balancer client daemon)',
        client='lbcdclient -p 403 127.0.0.1 (protocol 3, default service) ; lbcdclient -s http / -s smtp / -s '
               'ssh (service weights) ; lbcdclient -2 (protocol version 2) ; lbcdclient -s nosuchservice',
        sent='lbcd\'s UDP protocol (a 4-octet header: version, request id, operation, status; protocol 3 '
             'requests naming services): the answers with load averages, boot and current times, user counts, '
             '/tmp fullness and the weight and increment of each requested service',
        protocol=None, pname='lbcd', sent_needles=[b'http'],
        notes='lbcd -f -l -b 127.0.0.1 -p 403 (foreground, logging requests). Wireshark 4.0 has no lbcd dissector '
              '(expected.protocol null).')
def fresh7_lbcd_udp_403(ctx):
    ctx.spawn(['lbcd', '-f', '-l', '-b', '127.0.0.1', '-p', '403'], 'server-lbcd')
    ctx.wait_listen('udp', 403, timeout=20)
    c = ['lbcdclient', '-p', '403']
    r = ctx.run(c + ['127.0.0.1'], timeout=20)
    if b'MACHINE STATUS' not in r.stdout:
        raise ScenarioError('lbcdclient: %r' % r.stdout[-300:])
    for s in ('http', 'smtp', 'ssh'):
        ctx.run(c + ['-s', s, '127.0.0.1'], timeout=20, check=False)
    ctx.run(c + ['-2', '127.0.0.1'], timeout=20, check=False)
    ctx.run(c + ['-s', 'nosuchservice', '127.0.0.1'], timeout=20, check=False)


# ---------------------------------------------------------------- NNTP: snntpd (sn, under inetd, TCP 283), rpost / suck

SN_ART1 = ('From: eval <eval@example.invalid>\nNewsgroups: local.ghost\nSubject: a note behind a ghost port\n'
           'Message-ID: <ghost.1@eval.test>\n\nhello from an article posted over NNTP\n')
SN_ART2 = ('From: eval <eval@example.invalid>\nNewsgroups: local.ghost,local.notes\nSubject: Re: a note behind a ghost '
           'port\nReferences: <ghost.1@eval.test>\nMessage-ID: <ghost.2@eval.test>\n\na reply, cross-posted\n')


def _sn_prep(ctx):
    import shutil
    sp = ctx.mkdir('spool')
    shutil.chown(sp, 'news', 'news')
    for g in ('local.ghost', 'local.notes'):
        ctx.run(['su', 'news', '-s', '/bin/sh', '-c', 'SNROOT=%s snnewgroup %s' % (sp, g)], timeout=20)
    ctx.write('art1', SN_ART1)
    ctx.write('art2', SN_ART2)
    ctx.write('suck/sucknewsrc', 'local.ghost -1\nlocal.notes -1\n')


@fresh7(name='fresh7_snntpd_283', service='nntp', transport='tcp', port=283, package='sn',
        program='snntpd (sn 0.3.8 small news system, run by inetd)',
        client='rpost 127.0.0.1 -N 283 (suck package): an article to local.ghost, then a reply cross-posted to '
               'local.ghost and local.notes; suck 127.0.0.1 -N 283 -m -c (fetch both groups into files)',
        sent='NNTP: the greeting "200 Hi, you can post (sn version 0.3.8)", MODE READER, POST with the articles '
             '(340 / 240), GROUP, XHDR / ARTICLE / HEAD retrievals by suck, QUIT',
        protocol='nntp', pname='NNTP', sent_needles=[b'Message-ID: <ghost.1@eval.test>'], prepare=_sn_prep,
        announced={'product': 'sn', 'version': lambda pv, ctx: version_re('sn'),
                   'where': 'greeting "200 Hi, you can post (sn version <v>)"'},
        notes='openbsd-inetd on 127.0.0.1:283 runs snntpd.bin as user news with SNROOT=<work>/spool and '
              'POSTING_OK=1 (through env); two local groups made with snnewgroup before the capture.')
def fresh7_snntpd_283(ctx):
    ctx.write('inetd.conf', '127.0.0.1:283 stream tcp nowait news /usr/bin/env env SNROOT=%s POSTING_OK=1 '
              'PATH=/usr/sbin:/usr/bin:/bin /usr/sbin/snntpd.bin\n' % ctx.path('spool'))
    ctx.spawn(['/usr/sbin/inetd', '-d', ctx.path('inetd.conf')], 'server-inetd')
    ctx.wait_listen('tcp', 283, timeout=20)
    for a in ('art1', 'art2'):
        with open(ctx.path(a), 'rb') as f:
            r = ctx.run(['rpost', '127.0.0.1', '-N', '283'], timeout=30, input=f.read(), check=False)
        if b'240' not in r.stdout + r.stderr:
            raise ScenarioError('rpost: %r' % (r.stdout + r.stderr)[-300:])
        time.sleep(1)
    s = ctx.path('suck')
    ctx.run(['suck', '127.0.0.1', '-N', '283', '-dt', s, '-dm', s + '/msgs', '-dd', s, '-m', '-c'], timeout=60,
            cwd=s, check=False)
    if not os.path.isdir(s + '/msgs') or not os.listdir(s + '/msgs'):
        raise ScenarioError('suck: no articles')


# ---------------------------------------------------------------- FastCGI: fastcgi-mono-server4 (TCP 403), cgi-fcgi

MONO_PAGE = '''<%@ Page Language="C#" %>
<html><body>
<p>a page from a mono FastCGI application behind a ghost port</p>
<p>method <%= Request.HttpMethod %>, path <%= Request.Path %>, note <%= Request["note"] %></p>
</body></html>
'''


@fresh7(name='fresh7_mono_fastcgi_403', service='fcgi', transport='tcp', port=403, package='mono-fastcgi-server',
        program='fastcgi-mono-server4 (Mono\'s ASP.NET 4.5 FastCGI server, XSP 4.2)',
        client='cgi-fcgi -bind -connect 127.0.0.1:403 (libfcgi-bin) three times, the request in its environment: '
               'GET of /index.aspx with a query string, POST of a form body, GET of a missing page',
        sent='FastCGI records: BEGIN_REQUEST (responder), PARAMS with the CGI environment (SCRIPT_NAME, '
             'REQUEST_METHOD, QUERY_STRING, CONTENT_LENGTH...), STDIN, then ASP.NET\'s STDOUT ("Status: 200 OK", '
             '"X-AspNet-Version: 4.0.30319", a session cookie, the page; a 404 page), END_REQUEST',
        protocol='fcgi', pname='FastCGI', sent_needles=[b'SCRIPT_FILENAME'],
        prepare=lambda ctx: ctx.write('app/index.aspx', MONO_PAGE),
        announced={'product': 'ASP.NET (Mono)', 'version': '4.0.30319',
                   'where': 'response header "X-AspNet-Version: 4.0.30319" in the FastCGI STDOUT'},
        notes='fastcgi-mono-server4 /applications=/:<work>/app /socket=tcp:127.0.0.1:403: one ASP.NET page that '
              'prints the method, path and a form / query field.')
def fresh7_mono_fastcgi_403(ctx):
    ctx.spawn(['fastcgi-mono-server4', '/applications=/:' + ctx.path('app'), '/socket=tcp:127.0.0.1:403'],
              'server-mono-fastcgi', env={'HOME': ctx.tmp})
    ctx.wait_listen('tcp', 403, timeout=60)
    cgi = ['cgi-fcgi', '-bind', '-connect', '127.0.0.1:403']
    base = {'SERVER_PROTOCOL': 'HTTP/1.1', 'SERVER_NAME': 'localhost', 'SERVER_PORT': '80', 'HTTP_HOST': 'localhost',
            'GATEWAY_INTERFACE': 'CGI/1.1', 'REMOTE_ADDR': '127.0.0.1', 'DOCUMENT_ROOT': ctx.path('app'),
            'PATH_INFO': '', 'PATH': '/usr/bin:/bin'}

    def req(page, method, query='', body=None, check=True):
        env = dict(base, SCRIPT_NAME='/' + page, SCRIPT_FILENAME=ctx.path('app', page), REQUEST_METHOD=method,
                   QUERY_STRING=query, REQUEST_URI='/' + page + ('?' + query if query else ''))
        if body is not None:
            env.update(CONTENT_TYPE='application/x-www-form-urlencoded', CONTENT_LENGTH=str(len(body)))
        return ctx.run(['env', '-i'] + ['%s=%s' % kv for kv in env.items()] + cgi, input=body, timeout=60,
                       check=check)
    r = req('index.aspx', 'GET', 'note=hello')
    if b'ghost port' not in r.stdout:
        raise ScenarioError('cgi-fcgi: %r' % r.stdout[-300:])
    req('index.aspx', 'POST', body=b'note=posted+through+FastCGI')
    req('missing.aspx', 'GET', check=False)


# ---------------------------------------------------------------- Postfix policy delegation: sqlgrey (TCP 283), nc

def _sqlgrey_prep(ctx):
    import shutil
    shutil.copytree('/etc/sqlgrey', ctx.path('conf'))
    ctx.mkdir('db', 0o777)
    ctx.write('sqlgrey.conf', 'conf_dir = %(t)s/conf\nuser = nobody\ngroup = nogroup\ninet = 127.0.0.1:283\n'
              'pidfile = %(t)s/db/sqlgrey.pid\ndb_type = SQLite\ndb_name = %(t)s/db/sqlgrey.db\n'
              'reconnect_delay = 1\ndb_cleandelay = 3600\nlog_level = 3\n' % {'t': ctx.tmp})
    ctx.write('reqs.txt', PF_REQS + PF_REQS.split('\n\n')[1] + '\n\n')


@fresh7(name='fresh7_sqlgrey_283', service='postfix-policy', transport='tcp', port=283, package='sqlgrey',
        program='sqlgrey (SQLgrey 1.8 greylisting policy server, SQLite)',
        client='nc (netcat-openbsd) sending five Postfix smtpd_access_policy requests on one connection, as '
               'Postfix\'s check_policy_service does (attribute=value lines, a blank line after each; the fifth '
               'repeats the second triple)',
        sent='The Postfix policy delegation protocol: request=smtpd_access_policy with protocol_state, '
             'client_address, client_name, helo_name, sender, recipient ...; sqlgrey\'s answers '
             '"action=defer_if_permit Greylisted for 1 minutes" and "action=dunno"',
        protocol=None, pname='Postfix policy delegation', sent_needles=[b'request=smtpd_access_policy'],
        prepare=_sqlgrey_prep,
        notes='sqlgrey -f <work>/sqlgrey.conf: inet 127.0.0.1:283, running as nobody after binding, an SQLite '
              'database in the work dir, Debian\'s whitelists copied as conf_dir. Wireshark 4.0 has no dissector for '
              'the policy protocol (expected.protocol null).')
def fresh7_sqlgrey_283(ctx):
    ctx.pidfile('server-sqlgrey', ctx.path('db/sqlgrey.pid'))
    ctx.spawn(['sqlgrey', '-f', ctx.path('sqlgrey.conf')], 'server-sqlgrey')
    ctx.wait_listen('tcp', 283, timeout=40)
    time.sleep(1)
    with open(ctx.path('reqs.txt'), 'rb') as f:
        r = ctx.run(['nc', '-q', '3', '127.0.0.1', '283'], timeout=30, input=f.read())
    if b'Greylisted' not in r.stdout or r.stdout.count(b'action=') < 5:
        raise ScenarioError('sqlgrey: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- HTTP (ARA's REST API): ara-manage runserver (TCP 403), curl / ara

ARA_PLAYBOOK = ('{"ansible_version": "2.14.3", "status": "running", "path": "/eval/ghost-port.yml", "name": '
                '"a playbook behind a ghost port", "controller": "evalhost", "user": "evaluser", "arguments": {}}')


@fresh7(name='fresh7_ara_server_403', service='http', transport='tcp', port=403, package='ara-server',
        program='ara-manage runserver (ARA Records Ansible 1.5 API server, Django)',
        client='curl: GET /api/v1/ ; POST /api/v1/playbooks (JSON, as ARA\'s Ansible callback does) ; POST a play '
               'and a host of it ; PATCH the playbook to completed ; then the ara CLI (python3-ara): ara playbook '
               'list / playbook show 1 / host list --client http --server http://127.0.0.1:403',
        sent='HTTP/1.1 with JSON bodies: the API root, playbook / play / host creation (201), a PATCH, the list '
             'and detail answers of Django REST framework ("Server: WSGIServer/0.2 CPython/3.11")',
        protocol='http', pname='HTTP', sent_needles=[b'/api/v1/playbooks'],
        notes='ARA_BASE_DIR=<work>/ara: ara-manage migrate (an SQLite database in the work dir) before the '
              'capture, then ara-manage runserver 127.0.0.1:403 --noreload (Django\'s development server).')
def fresh7_ara_server_403(ctx):
    import json
    env = {'ARA_BASE_DIR': ctx.path('ara'), 'HOME': ctx.tmp}
    ctx.run(['ara-manage', 'migrate'], timeout=180, env=env)
    ctx.spawn(['ara-manage', 'runserver', '127.0.0.1:403', '--noreload'], 'server-ara', env=env)
    ctx.wait_listen('tcp', 403, timeout=60)
    b = 'http://127.0.0.1:403/api/v1/'
    j = ['-H', 'Content-Type: application/json']
    r = curl(ctx, b)
    if b'playbooks' not in r.stdout:
        raise ScenarioError('ara: %r' % r.stdout[-300:])
    pb = json.loads(curl(ctx, *j, '-d', ARA_PLAYBOOK, b + 'playbooks').stdout)['id']
    play = json.loads(curl(ctx, *j, '-d', json.dumps({'name': 'ghost play', 'playbook': pb, 'uuid':
                                                       '5b1c7d7e-0f7e-4b8a-9c1e-7a1d2c3b4a50', 'status': 'completed'}),
                           b + 'plays').stdout)['id']
    curl(ctx, *j, '-d', json.dumps({'name': 'evalhost', 'playbook': pb}), b + 'hosts', check=False)
    curl(ctx, *j, '-X', 'PATCH', '-d', '{"status": "completed"}', b + 'playbooks/%d' % pb)
    curl(ctx, b + 'plays/%d' % play, check=False)
    cli = ['--client', 'http', '--server', 'http://127.0.0.1:403']
    ctx.run(['ara', 'playbook', 'list'] + cli, timeout=60, env=env)
    ctx.run(['ara', 'playbook', 'show', str(pb)] + cli, timeout=60, env=env, check=False)
    ctx.run(['ara', 'host', 'list'] + cli, timeout=60, env=env, check=False)


# ---------------------------------------------------------------- poppassd (under inetd, TCP 283), nc

POPPASS_NEW = 'Ev4l-n3w-s3cret'


@fresh7(name='fresh7_poppassd_283', service='poppassd', transport='tcp', port=283, package='poppassd',
        program='poppassd (poppassd 1.8.5 password change server, run by inetd)',
        client='nc (netcat-openbsd), three sessions of the Eudora password-change dialogue: user / pass (the '
               'temporary account evaluser\'s password) / newpass / quit, a session with a wrong password, and '
               'the change back to the first password',
        sent='The poppassd protocol: "200 poppassd v1.8.5 hello, who are you?", user, "200 Your password please.", '
             'pass (in clear), newpass (in clear), "200 Password changed, thank-you.", a 500 for the wrong '
             'password, quit / "200 Bye."',
        protocol=None, pname='poppassd', sent_needles=[b'newpass '],
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'poppassd', 'detail': 'user / pass / newpass',
                    'frame_hint': 'client->server', 'user': EVAL_USER, 'password': 'Ev4l-s3cret',
                    'needles': [b'pass Ev4l-s3cret', b'newpass ' + POPPASS_NEW.encode()]}],
        announced={'product': 'poppassd', 'version': lambda pv, ctx: version_re('poppassd'),
                   'where': 'greeting "200 poppassd v<v> hello, who are you?"'},
        notes='openbsd-inetd on 127.0.0.1:283 runs /usr/sbin/poppassd as root (it checks the password through PAM '
              'and changes it); the account is the recorder\'s temporary evaluser, whose password is changed and '
              'then changed back. Wireshark 4.0 has no poppassd dissector (expected.protocol null).')
def fresh7_poppassd_283(ctx):
    from common import EVAL_PASS
    ctx.write('inetd.conf', '127.0.0.1:283 stream tcp nowait root /usr/sbin/poppassd poppassd\n')
    ctx.spawn(['/usr/sbin/inetd', '-d', ctx.path('inetd.conf')], 'server-inetd')
    ctx.wait_listen('tcp', 283, timeout=20)
    nc = ['nc', '-q', '3', '127.0.0.1', '283']
    dialogue = 'user %s\npass %s\nnewpass %s\nquit\n'
    r = ctx.run(nc, timeout=40, input=(dialogue % (EVAL_USER, EVAL_PASS, POPPASS_NEW)).encode())
    if b'Password changed' not in r.stdout:
        raise ScenarioError('poppassd: %r' % r.stdout[-300:])
    ctx.run(nc, timeout=40, input=(dialogue % (EVAL_USER, 'not-the-password', 'whatever-1')).encode(), check=False)
    r = ctx.run(nc, timeout=40, input=(dialogue % (EVAL_USER, POPPASS_NEW, EVAL_PASS)).encode())
    if b'Password changed' not in r.stdout:
        raise ScenarioError('poppassd (change back): %r' % r.stdout[-300:])


# ---------------------------------------------------------------- Gearman: gearmand (Perl Gearman::Server, TCP 403), gearman / gearadmin

@fresh7(name='fresh7_gearman_perl_403', service='gearman', transport='tcp', port=403, package='gearman-server',
        program='gearmand (Gearman::Server 1.130, the Perl job server)',
        client='gearman-tools: a worker (gearman -w -f reverse -c 3 -- rev), three client jobs (gearman -f reverse '
               'with text on stdin / as arguments, one in the background -b), gearadmin --status / --workers / '
               '--server-version',
        sent='Gearman\'s binary protocol ("\\0REQ" / "\\0RES" packets: CAN_DO, GRAB_JOB / NO_JOB / PRE_SLEEP / '
             'NOOP, SUBMIT_JOB / SUBMIT_JOB_BG, JOB_CREATED, JOB_ASSIGN, WORK_COMPLETE) and its text admin '
             'commands (status, workers, version) with their answers',
        protocol='gearman', pname='Gearman', sent_needles=[b'\x00REQ'],
        notes='gearmand -p 403 -L 127.0.0.1 (the Perl implementation of the Gearman job server; the C gearmand '
              'is another program).')
def fresh7_gearman_perl_403(ctx):
    ctx.spawn(['gearmand', '-p', '403', '-L', '127.0.0.1'], 'server-gearmand-perl')
    ctx.wait_listen('tcp', 403, timeout=20)
    g = ['gearman', '-h', '127.0.0.1', '-p', '403']
    w = ctx.spawn(g + ['-w', '-f', 'reverse', '-c', '3', '--', 'rev'], 'client-gearman-worker')
    time.sleep(1)
    r = ctx.run(g + ['-f', 'reverse'], timeout=20, input=b'a job behind a ghost port\n')
    if b'trop tsohg' not in r.stdout:
        raise ScenarioError('gearman: %r' % r.stdout[-300:])
    ctx.run(g + ['-f', 'reverse', 'a second job'], timeout=20)
    a = ['gearadmin', '-h', '127.0.0.1', '-p', '403']
    ctx.run(a + ['--status'], timeout=20, check=False)
    ctx.run(a + ['--workers'], timeout=20, check=False)
    ctx.run(g + ['-b', '-f', 'reverse', 'a background job'], timeout=20, check=False)
    time.sleep(1)
    ctx.run(a + ['--server-version'], timeout=20, check=False)
    stop_spawned(w)
