# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh set (split "fresh", names fresh_*): programs that are in neither
captures/ghost/ nor the tune / heldout half of captures/eval/, recorded after
the tuning and measured once (doc/evaluation.md, "Fresh set"). Same
recorder, same manifest schema; only the split differs (evallib.svc
split=FRESH_SPLIT)."""
import base64
import functools
import os
import re
import time

from evallib import FRESH_SPLIT, LO, ScenarioError, svc, version_re, services_override
from common import EVAL_USER, EVAL_PASS, tcp_client_script
from sc_misc import setpriv, pexpect_session
from sc_web import ORIGIN_PORT, origin, curl

fresh = functools.partial(svc, split=FRESH_SPLIT)


def basic_exposure(proto, user, password, header='Authorization'):
    tok = base64.b64encode(('%s:%s' % (user, password)).encode())
    return {'kind': 'cleartext_credential', 'protocol': proto, 'detail': 'HTTP Basic %s:%s' % (user, password),
            'frame_hint': 'client->server', 'user': user, 'password': password,
            'needles': [header.encode() + b': Basic ' + tok]}


def with_origin(fn):
    """Runs fn(ctx) with the loopback HTTP origin of sc_web on 127.0.0.1:40480 (not captured)."""
    @functools.wraps(fn)
    def run(ctx):
        srv = origin()
        try:
            fn(ctx)
        finally:
            srv.shutdown()
            srv.server_close()
    return run


ORIGIN_NOTE = 'The origin is python http.server on 127.0.0.1:%d (not captured).' % ORIGIN_PORT


# ---------------------------------------------------------------- DICT: dictd (TCP 283)

def _dictd_prep(ctx):
    ctx.write('eval.txt', ':ghost:a service found on a port where another one was expected\n'
                          ':port:a number that names one end of a TCP or UDP conversation\n')
    ctx.mkdir('log', 0o777)   # dictd writes its log and pid as its own user
    ctx.run(['sh', '-c', 'dictfmt -j -s "Eval dictionary" --utf8 eval < eval.txt'], timeout=30)
    ctx.write('dictd.conf', 'access { allow 127.0.0.1 }\n'
                            'database eval { data "%(t)s/eval.dict" index "%(t)s/eval.index" }\n' % {'t': ctx.tmp})


@fresh(name='fresh_dictd_283', service='dict', transport='tcp', port=283, package='dictd', program='dictd',
       client='dict: dict -h 127.0.0.1 -p 283 -d eval ghost ; dict -h 127.0.0.1 -p 283 -I ; dict ... -D',
       sent='DICT (RFC 2229): client "dict <v>...", define eval "ghost" (one definition), show server, show db, quit',
       protocol=None, pname='DICT', sent_needles=[b'define eval "ghost"'],
       announced={'product': 'dictd', 'version': lambda pv, ctx: version_re('dictd'),
                  'where': 'banner "220 <host> dictd <v>/rf on Linux ..."'},
       prepare=_dictd_prep, notes='Wireshark 4.0 has no DICT dissector (expected.protocol null).')
def fresh_dictd_283(ctx):
    # dictd drops to its user before it binds: start it as that user, allowed to bind below 1024
    ctx.spawn(setpriv('dictd', 'dictd') + ['dictd', '-d', 'nodetach', '-c', ctx.path('dictd.conf'), '--listen-to',
                                           LO, '-p', '283', '--pid-file', ctx.path('log/dictd.pid'),
                                           '-L', ctx.path('log/dictd.log')], 'server-dictd')
    ctx.wait_listen('tcp', 283)
    r = ctx.run(['dict', '-h', LO, '-p', '283', '-d', 'eval', 'ghost'], timeout=20)
    if b'another one' not in r.stdout:
        raise ScenarioError('dict: %r' % r.stdout)
    ctx.run(['dict', '-h', LO, '-p', '283', '-I'], timeout=20)
    ctx.run(['dict', '-h', LO, '-p', '283', '-D'], timeout=20)


# ---------------------------------------------------------------- openbsd-inetd internal daytime (TCP 403)

def inetd_internal(ctx, service, port, socktype, proto):
    """openbsd-inetd's built-in service named `service` on `port`: inetd finds
    the port in /etc/services, so it runs in a private mount namespace with
    '<service> <port>/<proto>' bind-mounted over /etc/services."""
    ctx.write('inetd.conf', '127.0.0.1:%s %s %s %s root internal\n'
              % (service, socktype, proto, 'wait' if proto == 'udp' else 'nowait'))
    ctx.spawn(services_override(ctx, [(service, port, proto)]) + ['/usr/sbin/inetd', '-d', ctx.path('inetd.conf')],
              'server-inetd')
    ctx.wait_listen(proto, port)


@fresh(name='fresh_inetd_daytime_403', service='daytime', transport='tcp', port=403, package='openbsd-inetd',
       program='inetd (openbsd-inetd, internal daytime)',
       client='socat -u TCP:127.0.0.1:403 - (daytime is read-only: connect and read; Debian has no daytime client)',
       sent='Daytime (RFC 867): the client sends nothing, the server sends one date line and closes',
       protocol='daytime', pname='Daytime')
def fresh_inetd_daytime_403(ctx):
    inetd_internal(ctx, 'daytime', 403, 'stream', 'tcp')
    for _ in range(2):
        r = ctx.run(['socat', '-T', '5', '-u', 'TCP:127.0.0.1:403', '-'], timeout=15)
        if not re.search(rb'\d\d:\d\d:\d\d', r.stdout):
            raise ScenarioError('daytime: %r' % r.stdout)


# ---------------------------------------------------------------- openbsd-inetd internal time, rdate (TCP 283)
# (TCP: openbsd-inetd answers no datagram from 127.0.0.0/8 for its internal
# services (dg_badinput, against loops), so the UDP forms cannot run on loopback.)

@fresh(name='fresh_inetd_time_283', service='time', transport='tcp', port=283, package='openbsd-inetd',
       program='inetd (openbsd-inetd, internal time)',
       client='rdate: rdate -p -o 283 127.0.0.1 (print only, never sets the clock), twice',
       sent='Time protocol (RFC 868) over TCP: the client sends nothing, the server sends 4 octets (seconds '
            'since 1900) and closes', protocol='time', pname='Time')
def fresh_inetd_time_283(ctx):
    inetd_internal(ctx, 'time', 283, 'stream', 'tcp')
    for _ in range(2):
        ctx.run(['rdate', '-p', '-4', '-o', '283', LO], timeout=15)


# ---------------------------------------------------------------- openbsd-inetd internal echo (TCP 403)

@fresh(name='fresh_inetd_echo_403', service='echo', transport='tcp', port=403, package='openbsd-inetd',
       program='inetd (openbsd-inetd, internal echo)',
       client='socat -T 2 - TCP:127.0.0.1:403 (text typed in; echo has no dedicated Debian client), twice',
       sent='Echo (RFC 862) over TCP: two connections, each a text line echoed back unchanged',
       protocol='echo', pname='Echo', sent_needles=[b'hello echo one'])
def fresh_inetd_echo_403(ctx):
    inetd_internal(ctx, 'echo', 403, 'stream', 'tcp')
    for line in (b'hello echo one\n', b'hello echo two\n'):
        r = ctx.run(['socat', '-T', '2', '-', 'TCP:127.0.0.1:403'], input=line, timeout=15)
        if line not in r.stdout:
            raise ScenarioError('echo: %r' % r.stdout)


# ---------------------------------------------------------------- clamd (TCP 403)

EICAR = (b'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*')


def _clamd_prep(ctx):
    import hashlib
    db = ctx.mkdir('db', 0o755)
    ctx.write('db/eval.hdb', '%s:%d:Eval.Test.Signature\n' % (hashlib.md5(EICAR).hexdigest(), len(EICAR)))
    ctx.write('eicar.txt', EICAR)
    ctx.write('clean.txt', 'a clean file for clamd\n')
    ctx.write('clamd.conf', """TCPSocket 403
TCPAddr 127.0.0.1
Foreground yes
DatabaseDirectory %(db)s
LogFile %(t)s/clamd.log
PidFile %(t)s/clamd.pid
User root
""" % {'db': db, 't': ctx.tmp})


@fresh(name='fresh_clamd_403', service='clamd', transport='tcp', port=403, package='clamav-daemon',
       program='clamd (ClamAV)',
       client='clamdscan (clamav-daemon\'s client, same config): --ping 1 ; -V ; --stream eicar.txt clean.txt',
       sent='clamd commands: zPING (PONG), zVERSION ("ClamAV <v>/<db>/<date>"), zINSTREAM chunks of the EICAR '
            'test string (found, a one-signature private database) and of a clean file',
       protocol=None, pname='clamd', sent_needles=[b'PING', b'INSTREAM'],
       announced={'product': 'ClamAV', 'version': lambda pv, ctx: version_re('clamav-daemon'),
                  'where': 'VERSION reply "ClamAV <v>/<db version>/<date>"'},
       prepare=_clamd_prep,
       notes='Wireshark 4.0 has no clamd dissector. The signature database is one MD5 signature of the EICAR '
             'test string (no downloaded ClamAV database).')
def fresh_clamd_403(ctx):
    ctx.spawn(['clamd', '-c', ctx.path('clamd.conf')], 'server-clamd')
    ctx.wait_listen('tcp', 403, timeout=60)
    conf = '--config-file=' + ctx.path('clamd.conf')
    ctx.run(['clamdscan', conf, '--ping', '1'], timeout=20)
    ctx.run(['clamdscan', conf, '-V'], timeout=20)
    r = ctx.run(['clamdscan', conf, '--stream', '--no-summary', ctx.path('eicar.txt'), ctx.path('clean.txt')],
                timeout=30, check=False)
    if b'FOUND' not in r.stdout:
        raise ScenarioError('clamdscan: %r' % r.stdout)


# ---------------------------------------------------------------- FastCGI: php-fpm, cgi-fcgi (TCP 283)

def _fpm_prep(ctx):
    ctx.mkdir('www')
    ctx.write('www/index.php', '<?php header("Content-Type: text/plain"); echo "hello fastcgi ", $_GET["q"] ?? "", "\\n";\n')
    ctx.write('fpm.conf', """[global]
pid = %(t)s/fpm.pid
error_log = %(t)s/fpm.log
daemonize = no
[eval]
user = www-data
group = www-data
listen = 127.0.0.1:283
pm = static
pm.max_children = 1
""" % {'t': ctx.tmp})


@fresh(name='fresh_phpfpm_fcgi_283', service='fcgi', transport='tcp', port=283, package='php8.2-fpm',
       program='php-fpm8.2 (PHP FastCGI Process Manager)',
       client='libfcgi-bin: cgi-fcgi -bind -connect 127.0.0.1:283 (CGI variables in its environment: '
              'SCRIPT_FILENAME=<tmp>/www/index.php, REQUEST_METHOD=GET, QUERY_STRING=q=one / q=two)',
       sent='FastCGI: BEGIN_REQUEST (responder), PARAMS (the CGI variables), empty STDIN; STDOUT back with the '
            'CGI headers (X-Powered-By: PHP/<v>) and "hello fastcgi one", END_REQUEST; twice',
       protocol='fcgi', pname='FastCGI', sent_needles=[b'SCRIPT_FILENAME'],
       announced={'product': 'PHP', 'version': True, 'where': 'CGI header "X-Powered-By: PHP/<v>" in FCGI_STDOUT'},
       prepare=_fpm_prep)
def fresh_phpfpm_fcgi_283(ctx):
    ctx.spawn(['php-fpm8.2', '-F', '-n', '-y', ctx.path('fpm.conf'), '-d', 'expose_php=On'], 'server-php-fpm')
    ctx.wait_listen('tcp', 283)
    for q in ('one', 'two'):
        env = {'SCRIPT_FILENAME': ctx.path('www/index.php'), 'SCRIPT_NAME': '/index.php',
               'REQUEST_METHOD': 'GET', 'QUERY_STRING': 'q=' + q, 'SERVER_PROTOCOL': 'HTTP/1.1',
               'GATEWAY_INTERFACE': 'CGI/1.1', 'REMOTE_ADDR': LO, 'SERVER_NAME': 'eval.test'}
        r = ctx.run(['cgi-fcgi', '-bind', '-connect', '127.0.0.1:283'], env=env, timeout=20)
        if b'hello fastcgi ' + q.encode() not in r.stdout:
            raise ScenarioError('cgi-fcgi: %r' % r.stdout)


# ---------------------------------------------------------------- NATS: nats-server (TCP 403, scripted client)

NATS_PW = 'Nats-s3cret'


@fresh(name='fresh_nats_403', service='nats', transport='tcp', port=403, package='nats-server', program='nats-server',
       client='scripted client (python socket; Debian packages no NATS command-line client): CONNECT with '
              'user/pass, SUB, PUB, PING',
       sent='NATS text protocol: INFO {..."version":"<v>"...} from the server; CONNECT {"user":"evaluser",'
            '"pass":...}, SUB eval.subject 1, PUB eval.subject 11 / "hello nats!", PING; MSG and PONG back',
       protocol=None, pname='NATS',
       announced={'product': 'nats-server', 'version': True, 'where': 'INFO JSON "version":"<v>"'},
       exposures=[{'kind': 'cleartext_credential', 'protocol': 'nats', 'detail': 'CONNECT user/pass',
                   'frame_hint': 'client->server', 'user': EVAL_USER, 'password': NATS_PW,
                   'needles': [('"pass":"%s"' % NATS_PW).encode()]}],
       notes='Wireshark 4.0 has no NATS dissector (expected.protocol null).')
def fresh_nats_403(ctx):
    ctx.spawn(['nats-server', '-a', LO, '-p', '403', '--user', EVAL_USER, '--pass', NATS_PW, '-l',
               ctx.path('nats.log'), '-P', ctx.path('nats.pid')], 'server-nats')
    ctx.wait_listen('tcp', 403)
    connect = ('CONNECT {"verbose":false,"pedantic":false,"user":"%s","pass":"%s","name":"eval","lang":"python",'
               '"version":"0.1","protocol":1}\r\n' % (EVAL_USER, NATS_PW)).encode()
    tcp_client_script(ctx, 403, [('expect', b'INFO '), ('send', connect), ('send', b'SUB eval.subject 1\r\n'),
                                 ('send', b'PUB eval.subject 11\r\nhello nats!\r\n'), ('send', b'PING\r\n'),
                                 ('expect', b'PONG'), ('expect', b'hello nats!')])


# ---------------------------------------------------------------- iperf3 (TCP 283)

@fresh(name='fresh_iperf3_283', service='iperf3', transport='tcp', port=283, package='iperf3', program='iperf3 -s',
       client='iperf3 -c 127.0.0.1 -p 283 -n 128K -l 16K (a 128 KiB test), then -R (reverse)',
       sent='iperf3 control connection (37-octet cookie, state octets, JSON parameters with "client_version", '
            'JSON results both ways) and the test stream (cookie, then 128 KiB of data); the reverse test',
       protocol=None, pname='iperf3', sent_needles=[b'client_version'],
       notes='Wireshark 4.0 has no iperf3 dissector (expected.protocol null; it has iperf2 only).')
def fresh_iperf3_283(ctx):
    ctx.spawn(['iperf3', '-s', '-B', LO, '-p', '283'], 'server-iperf3')
    ctx.wait_listen('tcp', 283)
    ctx.run(['iperf3', '-c', LO, '-p', '283', '-n', '128K', '-l', '16K'], timeout=30)
    ctx.run(['iperf3', '-c', LO, '-p', '283', '-n', '128K', '-l', '16K', '-R'], timeout=30)


# ---------------------------------------------------------------- PostgreSQL protocol: pgbouncer (TCP 403)

PGB_PW = 'Pgb-s3cret'


def _pgb_prep(ctx):
    ctx.write('users.txt', '"%s" "%s"\n' % (EVAL_USER, PGB_PW))
    ctx.write('pgbouncer.ini', """[databases]
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = 403
unix_socket_dir =
auth_type = plain
auth_file = %(t)s/users.txt
admin_users = %(u)s
pidfile = %(t)s/pgbouncer.pid
logfile = %(t)s/pgbouncer.log
""" % {'t': ctx.tmp, 'u': EVAL_USER})


@fresh(name='fresh_pgbouncer_403', service='pgsql', transport='tcp', port=403, package='pgbouncer',
       program='pgbouncer',
       client="postgresql-client: PGPASSWORD=... psql 'host=127.0.0.1 port=403 user=evaluser dbname=pgbouncer "
              "sslmode=disable' -c 'SHOW VERSION' (the admin console: no PostgreSQL server behind it)",
       sent='PostgreSQL v3: StartupMessage (user evaluser, database pgbouncer), AuthenticationCleartextPassword, '
            'PasswordMessage in the clear (auth_type plain), ParameterStatus (server_version "<v>/bouncer"), '
            'Query SHOW VERSION -> "PgBouncer <v>"; twice (SHOW VERSION, SHOW POOLS)',
       protocol='pgsql', pname='PostgreSQL',
       announced={'product': 'PgBouncer', 'version': True, 'where': 'SHOW VERSION row "PgBouncer <v>" and '
                  'ParameterStatus server_version "<v>/bouncer"'},
       exposures=[{'kind': 'cleartext_credential', 'protocol': 'pgsql', 'detail': 'PasswordMessage (cleartext)',
                   'frame_hint': 'client->server', 'user': EVAL_USER, 'password': PGB_PW,
                   'needles': [PGB_PW.encode() + b'\x00']}],
       prepare=_pgb_prep)
def fresh_pgbouncer_403(ctx):
    os.chmod(ctx.tmp, 0o777)   # pgbouncer (as postgres) writes its pid and log here
    ctx.spawn(setpriv('postgres', 'postgres') + ['pgbouncer', ctx.path('pgbouncer.ini')], 'server-pgbouncer')
    ctx.wait_listen('tcp', 403)
    dsn = 'host=127.0.0.1 port=403 user=%s dbname=pgbouncer sslmode=disable' % EVAL_USER
    for q in ('SHOW VERSION', 'SHOW POOLS'):
        ctx.run(['psql', dsn, '-c', q], env={'PGPASSWORD': PGB_PW}, timeout=20)


# ---------------------------------------------------------------- HTTP: varnish (TCP 283)

@fresh(name='fresh_varnish_283', service='http', transport='tcp', port=283, package='varnish', program='varnishd',
       client='curl http://127.0.0.1:283/ (twice: a miss, then a hit) ; curl -I http://127.0.0.1:283/missing',
       sent='GET / through the cache to the origin, GET / again (cache hit), HEAD /missing',
       protocol='http', pname='HTTP',
       announced={'product': 'Varnish', 'version': lambda pv, ctx: version_re('varnish', r'^[0-9]+\.[0-9]+'),
                  'where': 'Via header "1.1 <host> (Varnish/<major.minor>)"'},
       notes=ORIGIN_NOTE + ' Management interface off (-T none).')
@with_origin
def fresh_varnish_283(ctx):
    ctx.spawn(['varnishd', '-F', '-a', '127.0.0.1:283', '-b', '127.0.0.1:%d' % ORIGIN_PORT, '-n',
               ctx.path('varnish'), '-s', 'malloc,16m', '-T', 'none', '-S', 'none'], 'server-varnishd')
    ctx.wait_listen('tcp', 283, timeout=40)
    for _ in range(2):
        r = curl(ctx, 'http://127.0.0.1:283/')
        if b'origin' not in r.stdout:
            raise ScenarioError('varnish: %r' % r.stdout)
    curl(ctx, '-I', 'http://127.0.0.1:283/missing', check=False)


# ---------------------------------------------------------------- HTTP: haproxy (TCP 403)

HAP_PW = 'Hap-s3cret'


def _haproxy_prep(ctx):
    ctx.write('haproxy.cfg', """global
  pidfile %(t)s/haproxy.pid
defaults
  mode http
  timeout connect 5s
  timeout client 10s
  timeout server 10s
frontend eval
  bind 127.0.0.1:403
  stats enable
  stats uri /stats
  stats auth admin:%(pw)s
  default_backend origin
backend origin
  server origin 127.0.0.1:%(o)d
""" % {'t': ctx.tmp, 'pw': HAP_PW, 'o': ORIGIN_PORT})


@fresh(name='fresh_haproxy_403', service='http', transport='tcp', port=403, package='haproxy', program='haproxy',
       client='curl http://127.0.0.1:403/ ; curl -u admin:... http://127.0.0.1:403/stats',
       sent='GET / proxied to the origin; GET /stats with HTTP Basic admin / Hap-s3cret (the stats page)',
       protocol='http', pname='HTTP',
       announced={'product': 'HAProxy', 'version': True, 'where': 'stats page "HAProxy version <v>-<revision>"'},
       exposures=[basic_exposure('http', 'admin', HAP_PW)], prepare=_haproxy_prep, notes=ORIGIN_NOTE)
@with_origin
def fresh_haproxy_403(ctx):
    ctx.spawn(['haproxy', '-db', '-f', ctx.path('haproxy.cfg')], 'server-haproxy')
    ctx.wait_listen('tcp', 403)
    curl(ctx, 'http://127.0.0.1:403/')
    r = curl(ctx, '-u', 'admin:' + HAP_PW, 'http://127.0.0.1:403/stats')
    if b'HAProxy' not in r.stdout:
        raise ScenarioError('haproxy stats: %r' % r.stdout[:300])


# ---------------------------------------------------------------- HTTP proxy: privoxy (TCP 283)

def _privoxy_prep(ctx):
    ctx.write('privoxy.conf', 'listen-address 127.0.0.1:283\nconfdir /etc/privoxy\nlogdir %s\n'
              'logfile privoxy.log\nenable-remote-toggle 0\n' % ctx.tmp)


@fresh(name='fresh_privoxy_283', service='http', transport='tcp', port=283, package='privoxy', program='privoxy',
       client='curl -x http://127.0.0.1:283 http://127.0.0.1:40480/ ; curl -x ... http://config.privoxy.org/ '
              '(privoxy answers this one itself, no upstream)',
       sent='Proxy requests GET http://127.0.0.1:40480/ (to the origin) and GET http://config.privoxy.org/ '
            '(privoxy\'s own page)', protocol='http', pname='HTTP',
       announced={'product': 'Privoxy', 'version': True, 'where': 'its own config page "Privoxy <v>"'},
       prepare=_privoxy_prep, notes=ORIGIN_NOTE)
@with_origin
def fresh_privoxy_283(ctx):
    ctx.spawn(['privoxy', '--no-daemon', ctx.path('privoxy.conf')], 'server-privoxy')
    ctx.wait_listen('tcp', 283)
    curl(ctx, '-x', 'http://127.0.0.1:283', 'http://127.0.0.1:%d/' % ORIGIN_PORT)
    r = curl(ctx, '-x', 'http://127.0.0.1:283', 'http://config.privoxy.org/')
    if b'Privoxy' not in r.stdout:
        raise ScenarioError('privoxy: %r' % r.stdout[:300])


# ---------------------------------------------------------------- HTTP: busybox httpd (TCP 403)

BB_PW = 'Bb-s3cret'


def _busybox_prep(ctx):
    ctx.mkdir('www/private')
    ctx.write('www/index.html', '<html><body>busybox httpd on a ghost port</body></html>\n')
    ctx.write('www/private/index.html', '<html><body>private</body></html>\n')
    ctx.write('httpd.conf', '/private:%s:%s\n' % (EVAL_USER, BB_PW))


@fresh(name='fresh_busybox_httpd_403', service='http', transport='tcp', port=403, package='busybox',
       program='busybox httpd',
       client='curl http://127.0.0.1:403/ ; curl -u evaluser:... http://127.0.0.1:403/private/',
       sent='GET / (200), GET /private/ with HTTP Basic evaluser / Bb-s3cret (200)', protocol='http', pname='HTTP',
       exposures=[basic_exposure('http', EVAL_USER, BB_PW)], prepare=_busybox_prep)
def fresh_busybox_httpd_403(ctx):
    ctx.spawn(['busybox', 'httpd', '-f', '-p', '127.0.0.1:403', '-h', ctx.path('www'), '-c', ctx.path('httpd.conf')],
              'server-busybox-httpd')
    ctx.wait_listen('tcp', 403)
    curl(ctx, 'http://127.0.0.1:403/')
    r = curl(ctx, '-u', '%s:%s' % (EVAL_USER, BB_PW), 'http://127.0.0.1:403/private/')
    if b'private' not in r.stdout:
        raise ScenarioError('busybox httpd: %r' % r.stdout)


# ---------------------------------------------------------------- FTP: pure-ftpd (TCP 403), lftp

@fresh(name='fresh_pureftpd_403', service='ftp', transport='tcp', port=403, package='pure-ftpd', program='pure-ftpd',
       client="lftp -u evaluser,... -p 403 127.0.0.1 -e 'set ftp:ssl-allow no; set ftp:passive-mode on; ls; quit'",
       sent='FTP USER evaluser / PASS, FEAT, PWD, PASV / EPSV, LIST on a data connection (40100-40110), QUIT',
       protocol='ftp', pname='FTP', also_ok=['ftp-data'],
       filter='tcp port 403 or tcp portrange 40100-40110',
       announced={'product': 'Pure-FTPd', 'version': None,
                  'where': 'FTP greeting "220---------- Welcome to Pure-FTPd ..." (no version)'},
       exposures=[{'kind': 'cleartext_credential', 'protocol': 'ftp', 'detail': 'USER %s / PASS %s' % (EVAL_USER, EVAL_PASS),
                   'frame_hint': 'client->server', 'user': EVAL_USER, 'password': EVAL_PASS,
                   'needles': [b'USER ' + EVAL_USER.encode(), b'PASS ' + EVAL_PASS.encode()]}])
def fresh_pureftpd_403(ctx):
    ctx.spawn(['pure-ftpd', '-S', '127.0.0.1,403', '-l', 'unix', '-E', '-p', '40100:40110', '-A', '-H'],
              'server-pure-ftpd')
    ctx.wait_listen('tcp', 403)
    ctx.run(['lftp', '-u', '%s,%s' % (EVAL_USER, EVAL_PASS), '-p', '403', LO, '-e',
             'set ftp:ssl-allow no; set ftp:passive-mode on; set net:max-retries 1; set net:timeout 10; ls; quit'],
            env={'HOME': ctx.tmp}, timeout=40)


# ---------------------------------------------------------------- Bazaar smart protocol: brz serve (TCP 403)

def _brz_env(ctx):
    return {'HOME': ctx.path('home'), 'BRZ_EMAIL': 'Eval <eval@eval.test>', 'BRZ_LOG': os.devnull}


def _brz_prep(ctx):
    ctx.mkdir('home')
    ctx.mkdir('repo')
    env = _brz_env(ctx)
    ctx.run(['brz', 'init', '-q', ctx.path('repo/trunk')], env=env, timeout=60)
    ctx.write('repo/trunk/hello.txt', 'hello bazaar\n')
    ctx.run(['brz', 'add', '-q', 'hello.txt'], env=env, cwd=ctx.path('repo/trunk'), timeout=60)
    ctx.run(['brz', 'commit', '-q', '-m', 'first'], env=env, cwd=ctx.path('repo/trunk'), timeout=60)


@fresh(name='fresh_brz_serve_403', service='bzr', transport='tcp', port=403, package='brz', program='brz serve (Breezy)',
       client='brz ls bzr://127.0.0.1:403/trunk ; brz log bzr://127.0.0.1:403/trunk',
       sent='Bazaar smart protocol 3 ("bzr message 3 (bzr 1.6)\\n" request / response headers), the '
            'requests of ls and log on a one-commit branch', protocol='bzr', pname='Bazaar',
       sent_needles=[b'bzr message 3'], prepare=_brz_prep)
def fresh_brz_serve_403(ctx):
    env = _brz_env(ctx)
    ctx.spawn(['brz', 'serve', '--listen=127.0.0.1', '--port=403', '--directory=' + ctx.path('repo')],
              'server-brz', env=env)
    ctx.wait_listen('tcp', 403, timeout=40)
    r = ctx.run(['brz', 'ls', 'bzr://127.0.0.1:403/trunk'], env=env, timeout=60)
    if b'hello.txt' not in r.stdout:
        raise ScenarioError('brz ls: %r' % r.stdout)
    ctx.run(['brz', 'log', 'bzr://127.0.0.1:403/trunk'], env=env, timeout=60)


# ---------------------------------------------------------------- gpsd (TCP 283)

@fresh(name='fresh_gpsd_283', service='gpsd', transport='tcp', port=283, package='gpsd', program='gpsd',
       client='gpsd-clients: gpspipe -w -n 3 -x 4 127.0.0.1:283 ; gpspipe -r -n 3 -x 4 127.0.0.1:283 '
              '(no GPS device attached: the daemon answers with its version and an empty device list)',
       sent='gpsd JSON: {"class":"VERSION","release":"<v>",...} from the server, ?WATCH={"enable":true,"json":true} '
            'from the client, DEVICES and WATCH back', protocol=None, pname='gpsd', sent_needles=[b'?WATCH='],
       announced={'product': 'gpsd', 'version': lambda pv, ctx: version_re('gpsd'),
                  'where': 'VERSION object "release":"<v>"'},
       notes='Wireshark 4.0 has no gpsd dissector (expected.protocol null).')
def fresh_gpsd_283(ctx):
    ctx.spawn(['gpsd', '-N', '-n', '-S', '283', '-F', ctx.path('gpsd.sock'), '-P', ctx.path('gpsd.pid')], 'server-gpsd')
    ctx.wait_listen('tcp', 283)
    for mode in ('-w', '-r'):
        ctx.run(['gpspipe', mode, '-n', '3', '-x', '4', '127.0.0.1:283'], timeout=20, check=False)


# ---------------------------------------------------------------- Shadowsocks: ss-server (TCP 283)

SS_KEY = 'Ss-s3cret'
SS_LOCAL = 40180


@fresh(name='fresh_shadowsocks_283', service='shadowsocks', transport='tcp', port=283, package='shadowsocks-libev',
       program='ss-server (shadowsocks-libev)',
       client='shadowsocks-libev: ss-local -s 127.0.0.1 -p 283 -l 40180 (chacha20-ietf-poly1305), then '
              'curl --socks5-hostname 127.0.0.1:40180 http://127.0.0.1:40480/ (twice)',
       sent='Shadowsocks AEAD streams (salt, then length-prefixed encrypted chunks) carrying two HTTP GETs to '
            'the origin', protocol=None, pname='Shadowsocks', notes=ORIGIN_NOTE +
       ' Wireshark 4.0 has no Shadowsocks dissector; the payload is encrypted from its first octet.')
@with_origin
def fresh_shadowsocks_283(ctx):
    common = ['-k', SS_KEY, '-m', 'chacha20-ietf-poly1305', '-t', '10']
    ctx.spawn(['ss-server', '-s', LO, '-p', '283'] + common, 'server-ss-server')
    ctx.wait_listen('tcp', 283)
    ctx.spawn(['ss-local', '-s', LO, '-p', '283', '-b', LO, '-l', str(SS_LOCAL)] + common, 'client-ss-local')
    ctx.wait_listen('tcp', SS_LOCAL)
    for _ in range(2):
        r = curl(ctx, '--socks5-hostname', '127.0.0.1:%d' % SS_LOCAL, 'http://127.0.0.1:%d/' % ORIGIN_PORT)
        if b'origin' not in r.stdout:
            raise ScenarioError('shadowsocks: %r' % r.stdout)


# ---------------------------------------------------------------- unison socket server (TCP 283)

def _unison_prep(ctx):
    ctx.mkdir('home/.unison')
    ctx.mkdir('server')
    ctx.write('server/a.txt', 'unison file a\n')
    ctx.mkdir('client')
    ctx.write('client/b.txt', 'unison file b\n')


@fresh(name='fresh_unison_283', service='unison', transport='tcp', port=283, package='unison',
       program='unison -socket (server mode)',
       client='unison <tmp>/client socket://127.0.0.1:283/<tmp>/server -batch -auto (one two-way sync)',
       sent='Unison\'s own RPC: the version handshake ("Unison 2.51 with OCaml ..."), the archive and update exchange, the two '
            'file transfers', protocol=None, pname='Unison',
       announced={'product': 'Unison', 'version': '2.51',
                  'where': 'connection header "Unison 2.51 with OCaml >= 4.01.2": the wire-compatibility version '
                           'that unison 2.52 announces (not the package version)'},
       prepare=_unison_prep, notes='Wireshark 4.0 has no Unison dissector (expected.protocol null).')
def fresh_unison_283(ctx):
    env = {'HOME': ctx.path('home'), 'UNISON': ctx.path('home/.unison')}
    ctx.spawn(['unison', '-socket', '283', '-listen', LO], 'server-unison', env=env)
    ctx.wait_listen('tcp', 283)
    ctx.run(['unison', ctx.path('client'), 'socket://127.0.0.1:283/' + ctx.path('server'), '-batch', '-auto',
             '-ui', 'text'], env=env, timeout=60)
    if not os.path.exists(ctx.path('server/b.txt')):
        raise ScenarioError('unison: b.txt not synced')


# ---------------------------------------------------------------- HTTP: prometheus-node-exporter (TCP 403)

@fresh(name='fresh_node_exporter_403', service='http', transport='tcp', port=403, package='prometheus-node-exporter',
       program='prometheus-node-exporter',
       client='curl http://127.0.0.1:403/ ; curl http://127.0.0.1:403/metrics',
       sent='GET / (the landing page), GET /metrics (Prometheus text format, loadavg and build info only)',
       protocol='http', pname='HTTP',
       announced={'product': 'node_exporter', 'version': True,
                  'where': '/metrics line node_exporter_build_info{...,version="<v>"}'})
def fresh_node_exporter_403(ctx):
    ctx.spawn(['prometheus-node-exporter', '--web.listen-address=127.0.0.1:403', '--collector.disable-defaults',
               '--collector.loadavg'], 'server-node-exporter')
    ctx.wait_listen('tcp', 403, timeout=30)
    curl(ctx, 'http://127.0.0.1:403/')
    r = curl(ctx, 'http://127.0.0.1:403/metrics')
    if b'node_exporter_build_info' not in r.stdout:
        raise ScenarioError('node exporter: %r' % r.stdout[:300])


# ---------------------------------------------------------------- TLS: stunnel4 (TCP 283)

def _stunnel_prep(ctx):
    ctx.run(['openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
             '-subj', '/CN=eval.test', '-keyout', ctx.path('key.pem'), '-out', ctx.path('cert.pem')], timeout=30)
    ctx.write('stunnel.conf', """foreground = yes
pid = %(t)s/stunnel.pid
[eval]
accept = 127.0.0.1:283
connect = 127.0.0.1:%(o)d
cert = %(t)s/cert.pem
key = %(t)s/key.pem
""" % {'t': ctx.tmp, 'o': ORIGIN_PORT})


@fresh(name='fresh_stunnel_283', service='tls', transport='tcp', port=283, package='stunnel4', program='stunnel4',
       client='curl -k https://127.0.0.1:283/ (TLS 1.3; then --tlsv1.2 --tls-max 1.2 for a TLS 1.2 handshake)',
       sent='Two TLS handshakes (1.3 and 1.2, self-signed P-256 certificate CN=eval.test) with an HTTP GET inside, '
            'forwarded by stunnel to the origin', protocol='tls', pname='TLS',
       prepare=_stunnel_prep, notes=ORIGIN_NOTE)
@with_origin
def fresh_stunnel_283(ctx):
    ctx.spawn(['stunnel4', ctx.path('stunnel.conf')], 'server-stunnel')
    ctx.wait_listen('tcp', 283)
    curl(ctx, '-k', 'https://127.0.0.1:283/')
    curl(ctx, '-k', '--tlsv1.2', '--tls-max', '1.2', 'https://127.0.0.1:283/')


# ---------------------------------------------------------------- DNS: pdns-recursor (UDP 403)

def _pdns_prep(ctx):
    ctx.write('eval.test.zone', """$TTL 300
@   IN SOA ns.eval.test. admin.eval.test. 1 3600 600 86400 300
@   IN NS  ns.eval.test.
ns  IN A   192.0.2.53
www IN A   192.0.2.21
""")
    ctx.write('recursor.conf', """local-address=127.0.0.1
local-port=403
socket-dir=%(t)s
daemon=no
auth-zones=eval.test=%(t)s/eval.test.zone
allow-from=127.0.0.0/8
""" % {'t': ctx.tmp})


@fresh(name='fresh_pdns_recursor_udp_403', service='dns', transport='udp', port=403, package='pdns-recursor',
       program='pdns_recursor (PowerDNS Recursor)',
       client='bind9-dnsutils: dig @127.0.0.1 -p 403 www.eval.test A ; dig ... CH TXT version.bind',
       sent='Two DNS queries over UDP: A www.eval.test (auth-zones, 192.0.2.21) and CHAOS TXT version.bind',
       protocol='dns', pname='DNS',
       announced={'product': 'PowerDNS Recursor', 'version': True,
                  'where': 'CHAOS TXT version.bind answer "PowerDNS Recursor <v>"'},
       prepare=_pdns_prep)
def fresh_pdns_recursor_udp_403(ctx):
    ctx.spawn(['pdns_recursor', '--config-dir=' + ctx.tmp], 'server-pdns-recursor')
    ctx.wait_listen('udp', 403, timeout=30)
    time.sleep(0.5)
    for q in (['www.eval.test', 'A'], ['CH', 'TXT', 'version.bind']):
        r = ctx.run(['dig', '@127.0.0.1', '-p', '403', '+tries=1', '+time=3', '+notcp'] + q, timeout=20)
        if b'status: NOERROR' not in r.stdout:
            raise ScenarioError('dig: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- chrony command protocol (UDP 283)

def _chrony_prep(ctx):
    ctx.write('chrony.conf', """port 0
cmdport 283
bindcmdaddress 127.0.0.1
bindcmdaddress %(t)s/chronyd.sock
cmdallow 127.0.0.1
pidfile %(t)s/chronyd.pid
local stratum 8
""" % {'t': ctx.tmp})


@fresh(name='fresh_chronyd_cmd_udp_283', service='chrony-cmd', transport='udp', port=283, package='chrony',
       program='chronyd (command port)',
       client='chrony: chronyc -h 127.0.0.1 -p 283 -n tracking ; ... sources ; ... activity',
       sent='chrony command protocol (cmdmon, version 6) over UDP: TRACKING, N_SOURCES / SOURCE_DATA, ACTIVITY '
            'requests and their replies', protocol=None, pname='chrony command protocol',
       prepare=_chrony_prep,
       notes='chronyd runs with -x (never touches the clock) and port 0 (no NTP service): only the command port '
             'is open. Wireshark 4.0 has no chrony command-protocol dissector (expected.protocol null).')
def fresh_chronyd_cmd_udp_283(ctx):
    ctx.spawn(['chronyd', '-d', '-x', '-f', ctx.path('chrony.conf')], 'server-chronyd')
    ctx.wait_listen('udp', 283)
    for cmd in ('tracking', 'sources', 'activity'):
        ctx.run(['chronyc', '-h', LO, '-p', '283', '-n', cmd], timeout=20)


# ---------------------------------------------------------------- TFTP: atftpd (UDP 403)

@fresh(name='fresh_atftpd_udp_403', service='tftp', transport='udp', port=403, package='atftpd', program='atftpd',
       client='atftp: atftp -g -r eval.txt -l <tmp>/out.txt 127.0.0.1 403',
       sent='TFTP RRQ "eval.txt" (octet) to 403, DATA blocks 1-2 from atftpd\'s transfer socket, ACKs',
       protocol='tftp', pname='TFTP', filter='udp and host 127.0.0.1 and (port 403 or portrange 32768-60999)',
       sent_needles=[b'eval.txt'], check_all_payload=False,
       notes='atftpd answers from a new ephemeral port (normal TFTP); the capture filter keeps loopback UDP on '
             'the ephemeral range too, and only the frames on port 403 must decode as TFTP.')
def fresh_atftpd_udp_403(ctx):
    root = ctx.mkdir('tftproot', 0o755)
    ctx.write('tftproot/eval.txt', ('fresh tftp line\n' * 40)[:600])
    ctx.spawn(['atftpd', '--daemon', '--no-fork', '--port', '403', '--bind-address', LO, '--user', 'nobody',
               '--group', 'nogroup', '--logfile', ctx.path('atftpd.log'), root], 'server-atftpd')
    ctx.wait_listen('udp', 403)
    ctx.run(['atftp', '-g', '-r', 'eval.txt', '-l', ctx.path('out.txt'), LO, '403'], timeout=20)
    if os.path.getsize(ctx.path('out.txt')) != 600:
        raise ScenarioError('atftp: short file')


# ---------------------------------------------------------------- mosh (UDP 403)

def _mosh_stop(ctx):
    pid = ctx.data.get('mosh_pid')
    if pid:
        ctx.write('mosh-server.pid', '%d\n' % pid)
        ctx.pidfile('server-mosh', ctx.path('mosh-server.pid'))


@fresh(name='fresh_mosh_udp_403', service='mosh', transport='udp', port=403, package='mosh', program='mosh-server',
       client='mosh: MOSH_KEY=<key> mosh-client 127.0.0.1 403 (through a pty), types `echo hello mosh`, `exit`',
       sent='Mosh SSP datagrams (AES-128-OCB, the key from "MOSH CONNECT 403 <key>"): the terminal session',
       protocol=None, pname='Mosh',
       notes='mosh-server started by hand (what mosh does over ssh): "mosh-server new -i 127.0.0.1 -p 403". '
             'Wireshark 4.0 has no Mosh dissector; the payload is encrypted after an 8-octet nonce.')
def fresh_mosh_udp_403(ctx):
    env = {'LANG': 'C.UTF-8', 'LC_ALL': 'C.UTF-8', 'HOME': ctx.tmp, 'PATH': '/usr/bin:/bin', 'SHELL': '/bin/sh'}
    r = ctx.run(['mosh-server', 'new', '-i', LO, '-p', '403', '--', '/bin/sh'], env=env, timeout=20)
    out = (r.stdout + r.stderr).decode('utf-8', 'replace')
    m = re.search(r'MOSH CONNECT 403 (\S+)', out)
    pm = re.search(r'detached, pid = (\d+)', out)
    if not m or not pm:
        raise ScenarioError('mosh-server: %r' % out)
    ctx.data['mosh_pid'] = int(pm.group(1))
    _mosh_stop(ctx)
    ctx.wait_listen('udp', 403)
    env = dict(env, MOSH_KEY=m.group(1), TERM='xterm')
    pexpect_session(['mosh-client', LO, '403'], [('expect', r'[#$] '), ('send', 'echo hello mosh'),
                                                 ('expect', 'hello mosh'), ('send', 'exit')], env=env)


# ---------------------------------------------------------------- IPMI over LAN: ipmi_sim (UDP 283), ipmitool

IPMI_PW = 'Ipmi-s3cret'


def _ipmi_prep(ctx):
    ctx.mkdir('ipmistate')
    ctx.write('lan.conf', """name "evalbmc"
set_working_mc 0x20
  startlan 1
    addr 127.0.0.1 283
    priv_limit admin
    allowed_auths_callback none md2 md5 straight
    allowed_auths_user none md2 md5 straight
    allowed_auths_operator none md2 md5 straight
    allowed_auths_admin none md2 md5 straight
    guid a123456789abcdefa123456789abcdef
  endlan
user 1 true  ""        "test" user     10       none md2 md5 straight
user 2 true  "%(u)s" "%(pw)s" admin    10       none md2 md5 straight
""" % {'u': EVAL_USER, 'pw': IPMI_PW})
    ctx.write('sim.emu', """mc_setbmc 0x20
mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr
sel_enable 0x20 1000 0x0a
mc_enable 0x20
""")


@fresh(name='fresh_ipmi_sim_udp_283', service='rmcp', transport='udp', port=283, package='openipmi',
       program='ipmi_sim (OpenIPMI BMC simulator)',
       client='ipmitool -I lanplus -H 127.0.0.1 -p 283 -U evaluser -P ... mc info ; ipmitool -I lan -A PASSWORD '
              '... mc info (IPMI 1.5 session, password in the clear)',
       sent='RMCP / IPMI over LAN: an RMCP+ session (Get Channel Authentication Capabilities, Open Session, RAKP '
            '1-4, Get Device ID, Close Session), then an IPMI 1.5 session with authentication type "password" '
            '(Get Session Challenge, Activate Session carrying the password, Get Device ID)',
       protocol='rmcp', pname='RMCP / IPMI', also_ok=['ipmi_session', 'ipmb'],
       exposures=[{'kind': 'cleartext_credential', 'protocol': 'ipmi', 'detail': 'IPMI 1.5 authentication type password',
                   'frame_hint': 'client->server', 'user': EVAL_USER, 'password': IPMI_PW,
                   'needles': [IPMI_PW.encode()]}],
       prepare=_ipmi_prep)
def fresh_ipmi_sim_udp_283(ctx):
    ctx.spawn(['ipmi_sim', '-n', '-c', ctx.path('lan.conf'), '-f', ctx.path('sim.emu'), '-s', ctx.path('ipmistate')],
              'server-ipmi_sim')
    ctx.wait_listen('udp', 283)
    base = ['ipmitool', '-H', LO, '-p', '283', '-U', EVAL_USER, '-P', IPMI_PW, '-N', '2', '-R', '2']
    ctx.run(base[:1] + ['-I', 'lanplus'] + base[1:] + ['mc', 'info'], timeout=30)
    ctx.run(base[:1] + ['-I', 'lan', '-A', 'PASSWORD'] + base[1:] + ['mc', 'info'], timeout=30)


# ---------------------------------------------------------------- Kerberos password change: kadmind (TCP 403), kpasswd

KPW_NEW = 'Krb-n3w-s3cret'


def _kpasswd_prep(ctx):
    from sc_net import _kdc_prep
    ctx.data.update(krb_udp_limit='65535', krb_kdc='127.0.0.1:40088', krb_port=40088)
    _kdc_prep(ctx)   # the realm EVAL.TEST with evaluser, its KDC on 40088 (not captured)
    for name, old, add in (('krb5.conf', '    kdc = 127.0.0.1:40088\n',
                            '    kpasswd_server = 127.0.0.1:403\n    admin_server = 127.0.0.1:40749\n'),
                           ('kdc.conf', '    kdc_tcp_listen = 127.0.0.1:40088\n  }',
                            '    kpasswd_listen = 127.0.0.1:403\n    kadmind_listen = 127.0.0.1:40749\n')):
        text = open(ctx.path(name)).read()
        if old not in text:
            raise ScenarioError('%s: no %r to extend' % (name, old))
        ctx.write(name, text.replace(old, old.rstrip(' }') + add + ('  }' if old.endswith('}') else ''), 1))


@fresh(name='fresh_kadmind_kpasswd_403', service='kpasswd', transport='tcp', port=403, package='krb5-admin-server',
       program='kadmind (MIT, kpasswd service)',
       client='krb5-user: kpasswd evaluser@EVAL.TEST (old and new password typed through a pty); the KDC it gets '
              'the kadmin/changepw ticket from listens on 127.0.0.1:40088 (not captured)',
       sent='Kerberos change password (RFC 3244) over TCP (MIT kpasswd\'s choice): a request with an AP-REQ for kadmin/changepw and a '
            'KRB-PRIV carrying the new password (encrypted), the reply with the result code',
       protocol='kpasswd', pname='Kerberos password change', prepare=_kpasswd_prep,
       notes='The new password travels encrypted (KRB-PRIV); the principal names are visible.')
def fresh_kadmind_kpasswd_403(ctx):
    from sc_net import KRB_PW
    env = ctx.data['krb_env']
    ctx.spawn(['krb5kdc', '-n', '-r', 'EVAL.TEST'], 'server-krb5kdc', env=env)
    ctx.spawn(['kadmind', '-nofork', '-r', 'EVAL.TEST', '-P', ctx.path('kadmind.pid')], 'server-kadmind', env=env)
    ctx.wait_listen('udp', 40088, timeout=20)
    ctx.wait_listen('tcp', 403, timeout=30)
    pexpect_session(['kpasswd', '%s@EVAL.TEST' % EVAL_USER],
                    [('expect', 'Password for'), ('send', KRB_PW), ('expect', 'Enter new password'),
                     ('send', KPW_NEW), ('expect', 'Enter it again'), ('send', KPW_NEW),
                     ('expect', 'Password changed')], env=dict(env, PATH='/usr/bin:/bin'))


# ---------------------------------------------------------------- LCDproc: LCDd (TCP 283), lcdproc

def _lcdd_prep(ctx):
    ctx.write('LCDd.conf', """[server]
DriverPath=/usr/lib/x86_64-linux-gnu/lcdproc/
Driver=text
Bind=127.0.0.1
Port=283
User=nobody
Foreground=yes
ReportToStderr=yes
WaitTime=1
[text]
Size=20x4
""")
    ctx.write('lcdproc.conf', '[lcdproc]\nServer=127.0.0.1\nPort=283\nForeground=yes\n')


@fresh(name='fresh_lcdd_283', service='lcdproc', transport='tcp', port=283, package='lcdproc',
       program='LCDd (LCDproc server, text driver)',
       client='lcdproc -c <conf> -s 127.0.0.1 -p 283 -f T M U (the LCDproc client: time, memory and uptime '
              'screens), stopped by pid after 4 s',
       sent='LCDproc text protocol: "hello" -> "connect LCDproc <v> protocol 0.3 lcd wid 20 hgt 4 ...", then '
            'client_set, screen_add, widget_add and widget_set lines for three screens, "success" / "listen" / '
            '"ignore" back', protocol=None, pname='LCDproc', sent_needles=[b'hello\n', b'screen_add'],
       announced={'product': 'LCDproc', 'version': lambda pv, ctx: version_re('lcdproc'),
                  'where': 'reply to hello "connect LCDproc <v> protocol 0.3 ..."'},
       prepare=_lcdd_prep, notes='Wireshark 4.0 has no LCDproc dissector (expected.protocol null).')
def fresh_lcdd_283(ctx):
    import signal
    ctx.spawn(['LCDd', '-c', ctx.path('LCDd.conf'), '-f'], 'server-LCDd')
    ctx.wait_listen('tcp', 283)
    p = ctx.spawn(['lcdproc', '-c', ctx.path('lcdproc.conf'), '-s', LO, '-p', '283', '-f', 'T', 'M', 'U'],
                  'client-lcdproc')
    time.sleep(4)
    if p.poll() is not None:
        raise ScenarioError('lcdproc exited early: %s' % ctx.logtext('client-lcdproc')[-500:])
    os.killpg(p.pid, signal.SIGTERM)
    p.wait(timeout=10)
