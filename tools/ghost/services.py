# SPDX-License-Identifier: GPL-2.0-or-later
"""Real Debian servers + their real clients on the ghost ports 283 / 403.

Each scenario's manifest data (what was sent, which credentials, which
banner) comes from what the scenario configured and sent below.
"""
import base64
import os
import shutil
import socket
import subprocess
import time

from ghostlib import ScenarioError, scenario, upstream

LO = '127.0.0.1'
# the test account created for the scenarios that log in through PAM/shadow
# (ssh password login, ftp, telnet, SOCKS5): removed again at the end
TEST_USER = 'ghostuser'
TEST_PASS = 'Gh0st-s3cret'


def BIND_CAP(user):
    """Runs a server as its own unprivileged user, with only the capability to bind a port below 1024."""
    return ['setpriv', '--reuid=' + user, '--regid=' + user, '--init-groups',
            '--inh-caps=+net_bind_service', '--ambient-caps=+net_bind_service']


def b64(s):
    return base64.b64encode(s.encode()).decode()


def tcp_client_script(ctx, port, steps, timeout=10, label='client'):
    """A small scripted TCP client: steps = list of ('send', bytes) /
    ('expect', bytes) / ('sleep', s). Returns everything received."""
    s = socket.create_connection((LO, port), timeout=timeout)
    got = b''
    end = time.time() + timeout
    try:
        for op, arg in steps:
            if op == 'send':
                s.sendall(arg)
            elif op == 'sleep':
                time.sleep(arg)
            elif op == 'expect':
                while arg not in got:
                    if time.time() > end:
                        raise ScenarioError('%s: no %r from the server; got %r' % (label, arg, got[-300:]))
                    s.settimeout(max(0.1, end - time.time()))
                    d = s.recv(65536)
                    if not d:
                        raise ScenarioError('%s: closed before %r; got %r' % (label, arg, got[-300:]))
                    got += d
        s.shutdown(socket.SHUT_WR)
        s.settimeout(3)
        try:
            while True:
                d = s.recv(65536)
                if not d:
                    break
                got += d
        except socket.timeout:
            pass
    finally:
        s.close()
    ctx._log('%s received: %r' % (label, got[:2000]))
    return got


def self_signed(ctx, cn='ghost.test', prefix='tls'):
    key, crt = ctx.path(prefix + '.key'), ctx.path(prefix + '.crt')
    ctx.run(['openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
             '-nodes', '-keyout', key, '-out', crt, '-days', '30', '-subj', '/CN=' + cn])
    os.chmod(key, 0o644)
    return key, crt


# ---------------------------------------------------------------- SSH

def _sshd(ctx, port, password):
    os.makedirs('/run/sshd', mode=0o755, exist_ok=True)
    ctx.run(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-f', ctx.path('hostkey')])
    cfg = ['Port %d' % port, 'ListenAddress %s' % LO, 'HostKey %s' % ctx.path('hostkey'),
           'PidFile %s' % ctx.path('sshd.pid'), 'UsePAM no', 'StrictModes no',
           'PermitRootLogin no', 'AllowUsers %s' % TEST_USER,
           'PasswordAuthentication %s' % ('yes' if password else 'no'),
           'KbdInteractiveAuthentication no', 'PubkeyAuthentication %s' % ('no' if password else 'yes'),
           'AuthorizedKeysFile %s' % ctx.path('authorized_keys'), 'UseDNS no',
           'PrintMotd no', 'PrintLastLog no', 'Subsystem sftp internal-sftp', 'LogLevel VERBOSE']
    ctx.write('sshd_config', '\n'.join(cfg) + '\n')
    ctx.run(['/usr/sbin/sshd', '-t', '-f', ctx.path('sshd_config')])


def _ssh_prepare_key(ctx):
    _sshd(ctx, 283, password=False)
    ctx.run(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-C', 'ghost-test', '-f', ctx.path('id_ed25519')])
    shutil.copyfile(ctx.path('id_ed25519.pub'), ctx.path('authorized_keys'))
    os.chmod(ctx.path('authorized_keys'), 0o644)


SSH_CLIENT_OPTS = ['-F', '/dev/null', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null',
                   '-o', 'ConnectTimeout=10', '-o', 'LogLevel=ERROR']


@scenario(name='ssh_pubkey_283', service='ssh', transport='tcp', port=283, package='openssh-server',
          client='openssh-client: ssh -i id_ed25519 -p 283 ghostuser@127.0.0.1 id',
          sent='SSH-2.0 key exchange, public-key login as ghostuser, remote command `id`, disconnect',
          protocol='ssh', pname='SSH', product='OpenSSH', version=lambda v, c: upstream(v).split('-')[0],
          banner=lambda v, c: ('SSH-2.0-OpenSSH_%s' % upstream(v)).encode(),
          exposures=[], prepare=_ssh_prepare_key,
          notes='Everything after the banners and KEXINIT is encrypted: no cleartext exposure.')
def ssh_pubkey_283(ctx):
    ctx.spawn(['/usr/sbin/sshd', '-D', '-e', '-f', ctx.path('sshd_config')], 'server-sshd')
    ctx.wait_listen('tcp', 283)
    r = ctx.run(['ssh'] + SSH_CLIENT_OPTS + ['-o', 'BatchMode=yes', '-i', ctx.path('id_ed25519'),
                                            '-p', '283', '%s@%s' % (TEST_USER, LO), 'id'], timeout=30)
    if b'uid=' not in r.stdout:
        raise ScenarioError('ssh: no id output')


def _ssh_prepare_pw(ctx):
    _sshd(ctx, 403, password=True)


@scenario(name='ssh_password_403', service='ssh', transport='tcp', port=403, package='openssh-server',
          client='openssh-client: ssh -p 403 ghostuser@127.0.0.1 (password typed through a pty), then `id; uname -a`',
          sent='SSH-2.0 key exchange, password login as ghostuser (inside the encrypted channel), remote command `id; uname -a`',
          protocol='ssh', pname='SSH', product='OpenSSH', version=lambda v, c: upstream(v).split('-')[0],
          banner=lambda v, c: ('SSH-2.0-OpenSSH_%s' % upstream(v)).encode(),
          exposures=[], prepare=_ssh_prepare_pw,
          notes='The password travels inside the encrypted SSH transport: no cleartext exposure.')
def ssh_password_403(ctx):
    import pexpect
    ctx.spawn(['/usr/sbin/sshd', '-D', '-e', '-f', ctx.path('sshd_config')], 'server-sshd')
    ctx.wait_listen('tcp', 403)
    child = pexpect.spawn('ssh', SSH_CLIENT_OPTS + ['-o', 'PreferredAuthentications=password',
                                                    '-o', 'PubkeyAuthentication=no', '-p', '403',
                                                    '%s@%s' % (TEST_USER, LO), 'id; uname -a'],
                          timeout=20, env={'PATH': '/usr/bin:/bin', 'HOME': ctx.tmp})
    try:
        child.expect('assword:')
        child.sendline(TEST_PASS)
        child.expect('uid=')
        child.expect(pexpect.EOF)
    except (pexpect.TIMEOUT, pexpect.EOF) as ex:
        raise ScenarioError('ssh password login: %s %r' % (type(ex).__name__, child.before)) from ex
    finally:
        child.close(force=True)


# ---------------------------------------------------------------- HTTP / TLS (nginx)

def _nginx_conf(ctx, server_block):
    for d in ('www', 'nginx-tmp'):
        ctx.mkdir(d)
    ctx.write('www/index.html', '<html><body>ghost port test page</body></html>\n')
    ctx.write('www/secret/index.html', 'members only\n')
    conf = """
worker_processes 1;
pid %(t)s/nginx.pid;
error_log %(t)s/nginx-error.log info;
daemon off;
events { worker_connections 64; }
http {
  access_log %(t)s/nginx-access.log;
  client_body_temp_path %(t)s/nginx-tmp/body;
  proxy_temp_path %(t)s/nginx-tmp/proxy;
  fastcgi_temp_path %(t)s/nginx-tmp/fastcgi;
  uwsgi_temp_path %(t)s/nginx-tmp/uwsgi;
  scgi_temp_path %(t)s/nginx-tmp/scgi;
  default_type text/html;
  %(srv)s
}
""" % {'t': ctx.tmp, 'srv': server_block}
    ctx.write('nginx.conf', conf)
    ctx.run(['/usr/sbin/nginx', '-t', '-c', ctx.path('nginx.conf')])


def _nginx_start(ctx, port):
    ctx.spawn(['/usr/sbin/nginx', '-c', ctx.path('nginx.conf')], 'server-nginx')
    ctx.pidfile('nginx', ctx.path('nginx.pid'))
    ctx.wait_listen('tcp', port)


def _http283_prep(ctx):
    _nginx_conf(ctx, 'server { listen 127.0.0.1:283; root %s/www; }' % ctx.tmp)


NGINX_BANNER = lambda v, c: ('Server: nginx/%s' % upstream(v)).encode()  # noqa: E731


@scenario(name='http_283', service='http', transport='tcp', port=283, package='nginx-light',
          client='curl -sS http://127.0.0.1:283/',
          sent='GET / HTTP/1.1; 200 OK with a small HTML page',
          protocol='http', pname='HTTP', product='nginx', version=True, banner=NGINX_BANNER,
          exposures=[], prepare=_http283_prep, sent_needles=[b'GET / HTTP/1.1\r\n'])
def http_283(ctx):
    _nginx_start(ctx, 283)
    r = ctx.run(['curl', '-sS', '--max-time', '10', 'http://127.0.0.1:283/'])
    if b'ghost port test page' not in r.stdout:
        raise ScenarioError('http: unexpected body')


def _http403_prep(ctx):
    ctx.write('htpasswd', 'alice:%s\n' % ctx.run(['openssl', 'passwd', '-apr1', 'wonderland']).stdout.decode().strip())
    _nginx_conf(ctx, """server { listen 127.0.0.1:403; root %s/www;
      location /secret/ { auth_basic "ghost"; auth_basic_user_file %s/htpasswd; } }""" % (ctx.tmp, ctx.tmp))


@scenario(name='http_basic_auth_403', service='http', transport='tcp', port=403, package='nginx-light',
          client='curl -sS -u alice:wonderland http://127.0.0.1:403/secret/ (twice: without and with credentials)',
          sent='GET /secret/ without credentials (401 + WWW-Authenticate: Basic), then GET /secret/ with '
               'Authorization: Basic YWxpY2U6d29uZGVybGFuZA== (alice:wonderland), 200 OK',
          protocol='http', pname='HTTP', product='nginx', version=True, banner=NGINX_BANNER,
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'http',
                      'detail': 'HTTP Basic auth alice / wonderland (Authorization: Basic %s)' % b64('alice:wonderland'),
                      'frame_hint': 'client->server', 'user': 'alice', 'password': 'wonderland',
                      'needles': [('Authorization: Basic %s' % b64('alice:wonderland')).encode()]}],
          prepare=_http403_prep)
def http_basic_auth_403(ctx):
    _nginx_start(ctx, 403)
    r = ctx.run(['curl', '-sS', '--max-time', '10', '-o', '/dev/null', '-w', '%{http_code}',
                 'http://127.0.0.1:403/secret/'])
    if r.stdout != b'401':
        raise ScenarioError('expected 401, got %r' % r.stdout)
    r = ctx.run(['curl', '-sS', '--max-time', '10', '-u', 'alice:wonderland', 'http://127.0.0.1:403/secret/'])
    if b'members only' not in r.stdout:
        raise ScenarioError('basic auth failed: %r' % r.stdout)


def _https403_prep(ctx):
    key, crt = self_signed(ctx)
    _nginx_conf(ctx, """server { listen 127.0.0.1:403 ssl; root %s/www;
      ssl_certificate %s; ssl_certificate_key %s; ssl_protocols TLSv1.2 TLSv1.3; }""" % (ctx.tmp, crt, key))


@scenario(name='https_nginx_403', service='tls', transport='tcp', port=403, package='nginx-light',
          client='curl -sSk https://127.0.0.1:403/ (TLS 1.3, SNI none: IP literal)',
          sent='TLS 1.3 handshake (self-signed P-256 certificate CN=ghost.test), HTTP GET / inside',
          protocol='tls', pname='TLS', product=None, version=None, exposures=[], prepare=_https403_prep,
          sent_needles=[b'\x16\x03\x01'],
          notes='HTTPS: the HTTP request and the nginx Server header are encrypted; only TLS is visible.')
def https_nginx_403(ctx):
    _nginx_start(ctx, 403)
    r = ctx.run(['curl', '-sSk', '--max-time', '10', 'https://127.0.0.1:403/'])
    if b'ghost port test page' not in r.stdout:
        raise ScenarioError('https: unexpected body')


def _tls283_prep(ctx):
    self_signed(ctx)


@scenario(name='tls_openssl_283', service='tls', transport='tcp', port=283, package='openssl',
          client='openssl s_client -connect 127.0.0.1:283 -servername ghost.test -tls1_2, sends "GET / HTTP/1.0"',
          sent='TLS 1.2 handshake with SNI ghost.test (openssl s_server -www, self-signed P-256 cert), '
               'GET / HTTP/1.0 inside, s_server status page back',
          protocol='tls', pname='TLS', product=None, version=None, exposures=[], prepare=_tls283_prep,
          sent_needles=[b'ghost.test'],
          notes='The SNI ghost.test is visible in the ClientHello.')
def tls_openssl_283(ctx):
    ctx.spawn(['openssl', 's_server', '-accept', '127.0.0.1:283', '-cert', ctx.path('tls.crt'),
               '-key', ctx.path('tls.key'), '-www', '-naccept', '1', '-quiet'], 'server-s_server')
    ctx.wait_listen('tcp', 283)
    r = ctx.run(['openssl', 's_client', '-connect', '127.0.0.1:283', '-servername', 'ghost.test',
                 '-tls1_2', '-quiet', '-ign_eof'], input=b'GET / HTTP/1.0\r\n\r\n', timeout=20)
    if b'HTTP/1.0 200' not in r.stdout:
        raise ScenarioError('s_client: no answer: %r' % r.stdout[:300])


# ---------------------------------------------------------------- DNS (dnsmasq)

def _dnsmasq(ctx, port):
    ctx.spawn(['/usr/sbin/dnsmasq', '-k', '--conf-file=/dev/null', '--port=%d' % port,
               '--listen-address=127.0.0.1', '--bind-interfaces', '--no-resolv', '--no-hosts',
               '--no-dhcp-interface=lo', '--address=/ghost.test/192.0.2.10', '--txt-record=info.ghost.test,ghost port test',
               '--pid-file=%s' % ctx.path('dnsmasq.pid'), '--user=nobody', '--group=nogroup',
               '--log-queries', '--log-facility=-'], 'server-dnsmasq')
    ctx.wait_listen('udp', port)
    ctx.wait_listen('tcp', port)


DIG = ['dig', '@127.0.0.1', '+tries=1', '+time=3']


@scenario(name='dns_udp_283', service='dns', transport='udp', port=283, package='dnsmasq-base',
          client='bind9-dnsutils: dig @127.0.0.1 -p 283 www.ghost.test A; dig ... CH TXT version.bind',
          sent='Two DNS queries over UDP: A www.ghost.test (answer 192.0.2.10) and CHAOS TXT version.bind '
               '(answer "dnsmasq-<version>")',
          protocol='dns', pname='DNS', product='dnsmasq', version=True,
          banner=lambda v, c: ('dnsmasq-%s' % upstream(v)).encode(), exposures=[],
          notes='The product/version is on the wire only in the answer to the version.bind query.')
def dns_udp_283(ctx):
    _dnsmasq(ctx, 283)
    r = ctx.run(DIG + ['-p', '283', '+notcp', 'www.ghost.test', 'A', '+short'])
    if b'192.0.2.10' not in r.stdout:
        raise ScenarioError('dig: %r' % r.stdout)
    ctx.run(DIG + ['-p', '283', '+notcp', 'version.bind', 'TXT', 'CH', '+short'])


@scenario(name='dns_tcp_403', service='dns', transport='tcp', port=403, package='dnsmasq-base',
          client='bind9-dnsutils: dig +tcp @127.0.0.1 -p 403 info.ghost.test TXT; dig +tcp ... www.ghost.test A',
          sent='Two DNS queries over TCP (2-octet length prefix), one connection each: TXT info.ghost.test '
               '("ghost port test") and A www.ghost.test (192.0.2.10)',
          protocol='dns', pname='DNS', product=None, version=None, exposures=[])
def dns_tcp_403(ctx):
    _dnsmasq(ctx, 403)
    r = ctx.run(DIG + ['-p', '403', '+tcp', 'info.ghost.test', 'TXT', '+short'])
    if b'ghost port test' not in r.stdout:
        raise ScenarioError('dig: %r' % r.stdout)
    ctx.run(DIG + ['-p', '403', '+tcp', 'www.ghost.test', 'A', '+short'])


# ---------------------------------------------------------------- FTP (vsftpd)

def _ftp_prep(ctx):
    os.makedirs('/var/run/vsftpd/empty', mode=0o755, exist_ok=True)
    conf = """listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=283
background=NO
anonymous_enable=NO
local_enable=YES
write_enable=NO
pam_service_name=vsftpd
userlist_enable=NO
pasv_enable=YES
pasv_min_port=40100
pasv_max_port=40110
pasv_address=127.0.0.1
port_enable=NO
seccomp_sandbox=NO
secure_chroot_dir=/var/run/vsftpd/empty
xferlog_enable=YES
vsftpd_log_file=%s/vsftpd.log
dual_log_enable=NO
"""
    ctx.write('vsftpd.conf', conf % ctx.tmp, 0o600)


@scenario(name='ftp_283', service='ftp', transport='tcp', port=283, package='vsftpd',
          client='ftp (netkit) -n -p 127.0.0.1 283 with "user ghostuser Gh0st-s3cret", "ls", "quit"',
          sent='FTP login USER ghostuser / PASS Gh0st-s3cret, PASV + LIST (data connection on 40100-40110), QUIT',
          protocol='ftp', also_ok=['ftp-data'], pname='FTP', product='vsFTPd', version=True,
          banner=lambda v, c: ('220 (vsFTPd %s)' % upstream(v)).encode(),
          filter='tcp port 283 or tcp portrange 40100-40110',
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'ftp',
                      'detail': 'USER %s / PASS %s' % (TEST_USER, TEST_PASS), 'frame_hint': 'client->server',
                      'user': TEST_USER, 'password': TEST_PASS,
                      'needles': [('USER %s\r\n' % TEST_USER).encode(), ('PASS %s\r\n' % TEST_PASS).encode()]}],
          prepare=_ftp_prep,
          notes='The passive data connection (server port 40100-40110) is in the capture too; stock tshark '
                'decodes it as ftp-data once the control connection is decoded as ftp.')
def ftp_283(ctx):
    ctx.spawn(['/usr/sbin/vsftpd', ctx.path('vsftpd.conf')], 'server-vsftpd')
    ctx.wait_listen('tcp', 283)
    r = ctx.run(['ftp', '-n', '-v', '-p', LO, '283'],
                input=('user %s %s\nls\nquit\n' % (TEST_USER, TEST_PASS)).encode(), timeout=30)
    if b'230' not in r.stdout or b'226' not in r.stdout:
        raise ScenarioError('ftp: %r' % r.stdout[-500:])


# ---------------------------------------------------------------- telnet (inetutils-telnetd under openbsd-inetd)

def _telnet_prep(ctx):
    ctx.write('inetd.conf', '127.0.0.1:403 stream tcp nowait root /usr/sbin/telnetd telnetd\n')


@scenario(name='telnet_403', service='telnet', transport='tcp', port=403, package='inetutils-telnetd',
          client='inetutils-telnet: telnet 127.0.0.1 403, login ghostuser / Gh0st-s3cret typed through a pty, '
                 'then `id; uname -a`, `exit`',
          sent='Telnet option negotiation, login: ghostuser, Password: Gh0st-s3cret, shell command '
               '`id; uname -a`, exit',
          protocol='telnet', pname='Telnet', product=None, version=None,
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'telnet',
                      'detail': 'login %s / password %s typed in the clear' % (TEST_USER, TEST_PASS),
                      'frame_hint': 'client->server', 'user': TEST_USER, 'password': TEST_PASS,
                      'needles': [TEST_USER.encode(), TEST_PASS.encode()]},
                     {'kind': 'shell_session', 'protocol': 'telnet', 'detail': 'id; uname -a',
                      'frame_hint': 'client->server', 'needles': [b'id; uname -a']}],
          prepare=_telnet_prep, server_note='openbsd-inetd',
          notes='openbsd-inetd (temp config, foreground -d) runs inetutils telnetd, which runs login(1) '
                'through PAM for the temporary test account. The client sends keystrokes in line mode '
                'or character by character; the evidence strings are in the concatenated client stream.')
def telnet_403(ctx):
    import pexpect
    ctx.spawn(['/usr/sbin/inetd', '-d', ctx.path('inetd.conf')], 'server-inetd')
    ctx.wait_listen('tcp', 403)
    child = pexpect.spawn('telnet', [LO, '403'], timeout=20, env={'PATH': '/usr/bin:/bin', 'TERM': 'dumb'})
    try:
        child.expect('login: ')
        child.sendline(TEST_USER)
        child.expect('assword:')
        child.sendline(TEST_PASS)
        child.expect(r'[$#] ')
        child.sendline('id; uname -a')
        child.expect('uid=')
        child.expect(r'[$#] ')
        child.sendline('exit')
        child.expect(pexpect.EOF)
    except (pexpect.TIMEOUT, pexpect.EOF) as ex:
        raise ScenarioError('telnet: %s %r' % (type(ex).__name__, child.before)) from ex
    finally:
        child.close(force=True)


# ---------------------------------------------------------------- LDAP (slapd)

LDAP_DN = 'cn=admin,dc=ghost,dc=test'
LDAP_PW = 'Ld4p-s3cret'


def _ldap_prep(ctx):
    ctx.mkdir('ldapdb', 0o700)
    ctx.write('slapd.conf', """include /etc/ldap/schema/core.schema
pidfile %(t)s/slapd.pid
argsfile %(t)s/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
database mdb
maxsize 10485760
suffix "dc=ghost,dc=test"
rootdn "%(dn)s"
rootpw %(pw)s
directory %(t)s/ldapdb
""" % {'t': ctx.tmp, 'dn': LDAP_DN, 'pw': LDAP_PW})
    ctx.run(['/usr/sbin/slaptest', '-u', '-f', ctx.path('slapd.conf')])


@scenario(name='ldap_simple_bind_403', service='ldap', transport='tcp', port=403, package='slapd',
          client='ldap-utils: ldapsearch -x -H ldap://127.0.0.1:403 -D cn=admin,dc=ghost,dc=test -w Ld4p-s3cret '
                 '-b dc=ghost,dc=test -s base',
          sent='LDAPv3 simple bind cn=admin,dc=ghost,dc=test / Ld4p-s3cret (success), a base search '
               '(noSuchObject: the database is empty), unbind',
          protocol='ldap', pname='LDAP', product=None, version=None,
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'ldap',
                      'detail': 'simple bind %s / %s' % (LDAP_DN, LDAP_PW), 'frame_hint': 'client->server',
                      'user': LDAP_DN, 'password': LDAP_PW,
                      'needles': [LDAP_DN.encode(), LDAP_PW.encode()]}],
          prepare=_ldap_prep)
def ldap_simple_bind_403(ctx):
    ctx.spawn(['/usr/sbin/slapd', '-d', '256', '-h', 'ldap://127.0.0.1:403/', '-f', ctx.path('slapd.conf')],
              'server-slapd')
    ctx.wait_listen('tcp', 403)
    r = ctx.run(['ldapsearch', '-x', '-H', 'ldap://127.0.0.1:403', '-D', LDAP_DN, '-w', LDAP_PW,
                 '-b', 'dc=ghost,dc=test', '-s', 'base', '-o', 'nettimeout=10'], check=False)
    if b'result: 32' not in r.stdout:
        raise ScenarioError('ldapsearch: %r %r' % (r.stdout, r.stderr))


# ---------------------------------------------------------------- Redis

REDIS_PW = 'R3dis-s3cret'


@scenario(name='redis_auth_283', service='redis', transport='tcp', port=283, package='redis-server',
          client='redis-tools: redis-cli -h 127.0.0.1 -p 283 -a R3dis-s3cret CMD... (three invocations)',
          sent='RESP, three connections, each AUTH R3dis-s3cret first: SET ghost:key hello; GET ghost:key; INFO server',
          protocol='resp', pname='Redis', product='Redis', version=True,
          banner=lambda v, c: ('redis_version:%s' % upstream(v)).encode(),
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'redis',
                      'detail': 'AUTH %s' % REDIS_PW, 'frame_hint': 'client->server', 'password': REDIS_PW,
                      'needles': [b'AUTH', REDIS_PW.encode()]}],
          notes='Stock Wireshark 4.0 decodes Redis as "resp" (REdis Serialization Protocol). The version is on '
                'the wire only in the INFO server reply.')
def redis_auth_283(ctx):
    ctx.spawn(['/usr/bin/redis-server', '--port', '283', '--bind', LO, '--requirepass', REDIS_PW,
               '--save', '', '--appendonly', 'no', '--dir', ctx.tmp, '--daemonize', 'no',
               '--protected-mode', 'yes', '--pidfile', ctx.path('redis.pid')], 'server-redis')
    ctx.wait_listen('tcp', 283)
    # one command per invocation: with commands on stdin redis-cli would also fetch COMMAND DOCS (170 KB)
    cli = ['redis-cli', '-h', LO, '-p', '283', '-a', REDIS_PW, '--no-auth-warning']
    ctx.run(cli + ['SET', 'ghost:key', 'hello'])
    r = ctx.run(cli + ['GET', 'ghost:key'])
    if b'hello' not in r.stdout:
        raise ScenarioError('redis-cli: %r' % r.stdout)
    ctx.run(cli + ['INFO', 'server'])


# ---------------------------------------------------------------- memcached

@scenario(name='memcached_tcp_403', service='memcached', transport='tcp', port=403, package='memcached',
          client='libmemcached-tools: memccp (set ghost.txt), memccat ghost.txt, memcstat --servers=127.0.0.1:403',
          sent='memcached text protocol: set ghost.txt (the file content "ghost memcached value"), get ghost.txt, '
               'stats (reply includes STAT version)',
          protocol='memcache', pname='memcached', product='memcached', version=True,
          banner=lambda v, c: ('STAT version %s' % upstream(v)).encode(), exposures=[])
def memcached_tcp_403(ctx):
    ctx.write('ghost.txt', 'ghost memcached value\n')
    ctx.spawn(['/usr/bin/memcached', '-u', 'root', '-l', LO, '-p', '403', '-U', '0', '-m', '16', '-v'],
              'server-memcached')
    ctx.wait_listen('tcp', 403)
    srv = '--servers=127.0.0.1:403'
    ctx.run(['memccp', srv, ctx.path('ghost.txt')], timeout=15)
    r = ctx.run(['memccat', srv, 'ghost.txt'], timeout=15)
    if b'ghost memcached value' not in r.stdout:
        raise ScenarioError('memccat: %r' % r.stdout)
    ctx.run(['memcstat', srv], timeout=15)


def _memcached_udp_client(ctx):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((LO, 40150))
    s.settimeout(5)
    got = []
    reqs = [(1, b'set ghost 0 0 5\r\nhello\r\n'), (2, b'get ghost\r\n'), (3, b'version\r\n')]
    for rid, body in reqs:
        frame = rid.to_bytes(2, 'big') + b'\x00\x00' + b'\x00\x01' + b'\x00\x00' + body
        s.sendto(frame, (LO, 283))
        d, _ = s.recvfrom(65536)
        got.append(d)
    s.close()
    ctx._log('memcached udp replies: %r' % got)
    if b'STORED' not in got[0] or b'hello' not in got[1]:
        raise ScenarioError('memcached udp: %r' % got)


@scenario(name='memcached_udp_283', service='memcached', transport='udp', port=283, package='memcached',
          client='scripted UDP client (libmemcached-tools cannot talk UDP) from 127.0.0.1:40150',
          sent='memcached UDP frames (8-octet frame header: request id 1/2/3, seq 0, 1 datagram, reserved 0 -> '
               'payloads start 00 01 / 00 02 / 00 03): set ghost hello, get ghost, version',
          protocol='memcache', pname='memcached', product='memcached', version=True, exposures=[],
          sent_needles=[b'\x00\x01\x00\x00\x00\x01\x00\x00set ghost'],
          notes='The first request starts with 00 01 (request id 1): the case where a rescap parser must not '
                'claim it. Stock tshark 4.0 puts every frame under memcache but shows it as "MEMCACHE '
                'Continuation" without parsing the frame header or the command (the same on its default port 11211).')
def memcached_udp_283(ctx):
    ctx.spawn(['/usr/bin/memcached', '-u', 'root', '-l', LO, '-p', '0', '-U', '283', '-m', '16', '-v'],
              'server-memcached')
    ctx.wait_listen('udp', 283)
    _memcached_udp_client(ctx)


# ---------------------------------------------------------------- TFTP (tftpd-hpa)

@scenario(name='tftp_rrq_283', service='tftp', transport='udp', port=283, package='tftpd-hpa',
          client='tftp-hpa: tftp -m octet 127.0.0.1 283 -c get ghost.txt',
          sent='TFTP RRQ "ghost.txt" mode octet (starts 00 01), then a 600-octet file as DATA block 1 (512 '
               'octets) and block 2 (88 octets) from the server transfer port 40200-40210, with the ACKs',
          protocol='tftp', pname='TFTP', product=None, version=None, exposures=[],
          filter='udp port 283 or udp portrange 40200-40210',
          sent_needles=[b'\x00\x01ghost.txt\x00octet\x00'],
          notes='The RRQ goes to 283; tftpd-hpa answers from a transfer port (-R 40200:40210), which the '
                'capture filter includes. Stock tshark follows the transfer from the RRQ.')
def tftp_rrq_283(ctx):
    root = ctx.mkdir('tftproot')
    content = ('ghost tftp file line\n' * 30)[:600]
    ctx.write('tftproot/ghost.txt', content)
    ctx.spawn(['/usr/sbin/in.tftpd', '-L', '-a', '127.0.0.1:283', '-R', '40200:40210', '-s', root,
               '-u', 'nobody', '-v'], 'server-tftpd')
    ctx.wait_listen('udp', 283)
    out = ctx.mkdir('tftpout')
    ctx.run(['tftp', '-m', 'octet', LO, '283', '-c', 'get', 'ghost.txt'], cwd=out, timeout=20)
    if open(os.path.join(out, 'ghost.txt')).read() != content:
        raise ScenarioError('tftp: content differs')


# ---------------------------------------------------------------- STUN (coturn)

@scenario(name='stun_binding_283', service='stun', transport='udp', port=283, package='coturn',
          client='coturn: turnutils_stunclient -p 283 127.0.0.1',
          sent='STUN Binding Request (starts 00 01, magic cookie 2112A442) and the Binding Success Response '
               'with XOR-MAPPED-ADDRESS and SOFTWARE "Coturn-<version>"',
          protocol='stun', pname='STUN', product='Coturn', version=True,
          banner=lambda v, c: ('Coturn-%s' % upstream(v)).encode(), exposures=[],
          notes='turnserver runs with --stun-only --no-auth on 127.0.0.1:283 (UDP and TCP; the client uses UDP).')
def stun_binding_283(ctx):
    ctx.spawn(['/usr/bin/turnserver', '-n', '--listening-ip', LO, '--listening-port', '283', '--stun-only',
               '--no-tls', '--no-dtls', '--no-cli', '--no-auth', '--log-file', 'stdout', '--simple-log',
               '--pidfile', ctx.path('turnserver.pid'), '--realm', 'ghost.test', '--no-tcp',
               '--relay-ip', LO], 'server-turnserver')
    ctx.pidfile('turnserver', ctx.path('turnserver.pid'))
    ctx.wait_listen('udp', 283)
    r = ctx.run(['turnutils_stunclient', '-p', '283', LO], timeout=20)
    ctx._log(r.stdout.decode('utf-8', 'replace'))


# ---------------------------------------------------------------- SMTP (exim4)

MAIL_USER, MAIL_PW = 'mailuser', 'M4il-s3cret'


def _exim_prep(ctx):
    for d in ('spool', 'spool/input', 'spool/db', 'spool/msglog', 'log'):
        ctx.mkdir(d, 0o750, owner='Debian-exim')
    conf = r"""
primary_hostname = ghost.test
qualify_domain = ghost.test
daemon_smtp_ports = 403
local_interfaces = 127.0.0.1
spool_directory = %(t)s/spool
log_file_path = %(t)s/log/%%slog
pid_file_path = %(t)s/exim.pid
exim_user = Debian-exim
exim_group = Debian-exim
never_users = root
host_lookup =
rfc1413_hosts =
tls_advertise_hosts =
auth_advertise_hosts = *
acl_smtp_rcpt = acl_check_rcpt
smtp_banner = $smtp_active_hostname ESMTP Exim $version_number $tod_full

begin acl
acl_check_rcpt:
  accept authenticated = *
  deny message = authentication required

begin routers
blackhole:
  driver = redirect
  data = :blackhole:

begin transports

begin authenticators
PLAIN:
  driver = plaintext
  public_name = PLAIN
  server_prompts = :
  server_condition = ${if and {{eq{$auth2}{%(u)s}}{eq{$auth3}{%(p)s}}}}
  server_set_id = $auth2

LOGIN:
  driver = plaintext
  public_name = LOGIN
  server_prompts = Username:: : Password::
  server_condition = ${if and {{eq{$auth1}{%(u)s}}{eq{$auth2}{%(p)s}}}}
  server_set_id = $auth1
""" % {'t': ctx.tmp, 'u': MAIL_USER, 'p': MAIL_PW}
    ctx.write('exim.conf', conf)


@scenario(name='smtp_auth_403', service='smtp', transport='tcp', port=403, package='exim4-daemon-light',
          client='swaks --server 127.0.0.1:403 --auth PLAIN ... ; swaks ... --auth LOGIN (two sessions)',
          sent='Two SMTP sessions: EHLO, AUTH PLAIN <base64 \\0mailuser\\0M4il-s3cret>, MAIL/RCPT/DATA, QUIT; '
               'then EHLO, AUTH LOGIN, base64 mailuser, base64 M4il-s3cret, MAIL/RCPT/DATA, QUIT',
          protocol='smtp', also_ok=['imf'], pname='SMTP', product='Exim', version=lambda v, c: upstream(v).split('-')[0],
          banner=lambda v, c: ('ESMTP Exim %s' % upstream(v).split('-')[0]).encode(),
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'smtp',
                      'detail': 'AUTH PLAIN %s (%s / %s)' % (b64('\0%s\0%s' % (MAIL_USER, MAIL_PW)), MAIL_USER, MAIL_PW),
                      'frame_hint': 'client->server', 'user': MAIL_USER, 'password': MAIL_PW, 'mechanism': 'PLAIN',
                      'needles': [('AUTH PLAIN %s' % b64('\0%s\0%s' % (MAIL_USER, MAIL_PW))).encode()]},
                     {'kind': 'cleartext_credential', 'protocol': 'smtp',
                      'detail': 'AUTH LOGIN %s / %s (%s / %s)' % (b64(MAIL_USER), b64(MAIL_PW), MAIL_USER, MAIL_PW),
                      'frame_hint': 'client->server', 'user': MAIL_USER, 'password': MAIL_PW, 'mechanism': 'LOGIN',
                      'needles': [b'AUTH LOGIN', b64(MAIL_USER).encode(), b64(MAIL_PW).encode()]}],
          prepare=_exim_prep,
          notes='exim4 (-C temp config, -bdf foreground) advertises AUTH PLAIN/LOGIN without TLS; the mail '
                'is accepted and discarded (:blackhole: router).')
def smtp_auth_403(ctx):
    ctx.spawn(['/usr/sbin/exim4', '-C', ctx.path('exim.conf'), '-bdf', '-oX', '403'], 'server-exim')
    ctx.pidfile('exim', ctx.path('exim.pid'))
    ctx.wait_listen('tcp', 403)
    for mech in ('PLAIN', 'LOGIN'):
        r = ctx.run(['swaks', '--server', '127.0.0.1:403', '--auth', mech, '--auth-user', MAIL_USER,
                     '--auth-password', MAIL_PW, '--from', 'alice@ghost.test', '--to', 'bob@ghost.test',
                     '--helo', 'client.ghost.test', '--header', 'Subject: ghost %s' % mech,
                     '--body', 'ghost port test mail', '--timeout', '10', '--hide-informational'], timeout=30)
        if b'235' not in r.stdout:
            raise ScenarioError('swaks %s: %r' % (mech, r.stdout[-500:]))


# ---------------------------------------------------------------- SOCKS5 (dante)

def _socks_prep(ctx):
    ctx.write('danted.conf', """logoutput: stderr
internal: 127.0.0.1 port = 403
external: 127.0.0.1
socksmethod: username
clientmethod: none
user.privileged: root
user.unprivileged: nobody
client pass {
  from: 127.0.0.1/32 to: 0.0.0.0/0
}
socks pass {
  from: 127.0.0.1/32 to: 127.0.0.1/32
  command: connect
  socksmethod: username
}
socks block {
  from: 0.0.0.0/0 to: 0.0.0.0/0
}
""")
    ctx.mkdir('www')
    ctx.write('www/hello.txt', 'hello through socks\n')


@scenario(name='socks5_auth_403', service='socks', transport='tcp', port=403, package='dante-server',
          client='curl --socks5 ghostuser:Gh0st-s3cret@127.0.0.1:403 http://127.0.0.1:40300/hello.txt',
          sent='SOCKS5 greeting offering username/password, RFC 1929 auth ghostuser / Gh0st-s3cret, CONNECT '
               '127.0.0.1:40300, then HTTP GET /hello.txt through the tunnel (target: python3 http.server)',
          protocol='socks', also_ok=['http'], pname='SOCKS5', product=None, version=None,
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'socks',
                      'detail': 'RFC 1929 username/password %s / %s' % (TEST_USER, TEST_PASS),
                      'frame_hint': 'client->server', 'user': TEST_USER, 'password': TEST_PASS,
                      'needles': [bytes([1, len(TEST_USER)]) + TEST_USER.encode() + bytes([len(TEST_PASS)]) + TEST_PASS.encode()]}],
          prepare=_socks_prep,
          notes='danted checks the password against the temporary system account. Only port 403 is captured; '
                'the proxied connection to 127.0.0.1:40300 is not.')
def socks5_auth_403(ctx):
    ctx.spawn(['/usr/bin/python3', '-m', 'http.server', '--bind', LO, '--directory', ctx.path('www'), '40300'],
              'helper-http')
    ctx.wait_listen('tcp', 40300)
    ctx.spawn(['/usr/sbin/danted', '-f', ctx.path('danted.conf'), '-p', ctx.path('danted.pid'), '-N', '1'],
              'server-danted')
    ctx.pidfile('danted', ctx.path('danted.pid'))
    ctx.wait_listen('tcp', 403)
    r = ctx.run(['curl', '-sS', '--max-time', '10', '--socks5', '%s:%s@127.0.0.1:403' % (TEST_USER, TEST_PASS),
                 'http://127.0.0.1:40300/hello.txt'])
    if b'hello through socks' not in r.stdout:
        raise ScenarioError('socks: %r' % r.stdout)


# ---------------------------------------------------------------- IMAP / POP3 (dovecot)

def _dovecot_prep(ctx):
    ctx.mkdir('run', 0o755)
    ctx.mkdir('mail', 0o777)
    ctx.write('users', '%s:{PLAIN}%s::::::\n' % (MAIL_USER, MAIL_PW))
    ctx.write('dovecot.conf', """
base_dir = %(t)s/run
state_dir = %(t)s/state
log_path = %(t)s/dovecot.log
protocols = imap pop3
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
login_greeting = Dovecot ready.
mail_location = maildir:%(t)s/mail/%%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%%u %(t)s/users
}
userdb {
  driver = static
  args = uid=65534 gid=65534 home=%(t)s/mail/%%u
}
first_valid_uid = 1000
last_valid_uid = 0
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = 283
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = 403
  }
  inet_listener pop3s {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  chroot =
}
""" % {'t': ctx.tmp})
    ctx.mkdir('state', 0o755)


def _dovecot_start(ctx, port):
    ctx.spawn(['/usr/sbin/dovecot', '-F', '-c', ctx.path('dovecot.conf')], 'server-dovecot')
    ctx.wait_listen('tcp', port)


@scenario(name='imap_login_283', service='imap', transport='tcp', port=283, package='dovecot-imapd',
          client="curl -u mailuser:M4il-s3cret imap://127.0.0.1:283/INBOX -X 'EXAMINE INBOX'",
          sent='IMAP: greeting, CAPABILITY, AUTHENTICATE PLAIN with the initial response (SASL-IR) '
               'base64(\\0mailuser\\0M4il-s3cret), EXAMINE INBOX, LOGOUT',
          protocol='imap', pname='IMAP', product='Dovecot', version=None, banner=b'Dovecot ready.',
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'imap',
                      'detail': 'AUTHENTICATE PLAIN %s (%s / %s)' % (b64('\0%s\0%s' % (MAIL_USER, MAIL_PW)), MAIL_USER, MAIL_PW),
                      'frame_hint': 'client->server', 'user': MAIL_USER, 'password': MAIL_PW, 'mechanism': 'PLAIN',
                      'needles': [('AUTHENTICATE PLAIN %s' % b64('\0%s\0%s' % (MAIL_USER, MAIL_PW))).encode()]}],
          prepare=_dovecot_prep,
          notes='Dovecot (temp config, passwd-file, ssl = no, plaintext auth allowed). The greeting names '
                'Dovecot but no version. (curl 7.88 cannot be made to use the IMAP LOGIN command when the '
                'server offers SASL, so the credential is in AUTHENTICATE PLAIN.)')
def imap_login_283(ctx):
    _dovecot_start(ctx, 283)
    r = ctx.run(['curl', '-sS', '--max-time', '10', '-u', '%s:%s' % (MAIL_USER, MAIL_PW),
                 'imap://127.0.0.1:283/INBOX', '-X', 'EXAMINE INBOX'])
    ctx._log(r.stdout.decode())


@scenario(name='pop3_auth_login_403', service='pop3', transport='tcp', port=403, package='dovecot-pop3d',
          client="curl -u mailuser:M4il-s3cret --login-options 'AUTH=LOGIN' pop3://127.0.0.1:403/",
          sent='POP3: greeting, CAPA, AUTH LOGIN, base64(mailuser), base64(M4il-s3cret), LIST, QUIT',
          protocol='pop', pname='POP3', product='Dovecot', version=None, banner=b'Dovecot ready.',
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'pop',
                      'detail': 'AUTH LOGIN %s / %s (%s / %s)' % (b64(MAIL_USER), b64(MAIL_PW), MAIL_USER, MAIL_PW),
                      'frame_hint': 'client->server', 'user': MAIL_USER, 'password': MAIL_PW, 'mechanism': 'LOGIN',
                      'needles': [b'AUTH LOGIN', b64(MAIL_USER).encode(), b64(MAIL_PW).encode()]}],
          prepare=_dovecot_prep,
          notes='Stock Wireshark calls POP3 "pop". curl authenticates with SASL LOGIN (user name and password '
                'each base64-encoded on their own line).')
def pop3_auth_login_403(ctx):
    _dovecot_start(ctx, 403)
    ctx.run(['curl', '-sS', '--max-time', '10', '-u', '%s:%s' % (MAIL_USER, MAIL_PW),
             '--login-options', 'AUTH=LOGIN', 'pop3://127.0.0.1:403/'])


# ---------------------------------------------------------------- MariaDB

DB_USER, DB_PW = 'ghost', 'Db-s3cret'


def _mariadb_prep(ctx):
    ctx.mkdir('db', 0o750, owner='mysql')
    ctx.mkdir('dbrun', 0o755, owner='mysql')
    ctx.run(['mariadb-install-db', '--no-defaults', '--user=mysql', '--datadir=%s' % ctx.path('db'),
             '--skip-test-db', '--auth-root-authentication-method=socket'], timeout=120)
    ctx.write('init.sql', "CREATE USER IF NOT EXISTS '%s'@'127.0.0.1' IDENTIFIED BY '%s';\n"
              "GRANT SELECT ON *.* TO '%s'@'127.0.0.1';\n" % (DB_USER, DB_PW, DB_USER))


def _mariadb_version(v, ctx):
    return upstream(v).split('-')[0]


@scenario(name='mariadb_403', service='mysql', transport='tcp', port=403, package='mariadb-server',
          client="mariadb-client: mariadb -h 127.0.0.1 -P 403 -u ghost -pDb-s3cret --skip-ssl -e 'SELECT VERSION()'",
          sent='Server greeting (protocol 10, "5.5.5-<version>-MariaDB..."), login ghost with a '
               'mysql_native_password scramble, COM_QUERY SELECT VERSION() (plus the client\'s init query), COM_QUIT',
          protocol='mysql', pname='MySQL', product='MariaDB', version=_mariadb_version,
          banner=lambda v, c: ('5.5.5-%s-MariaDB' % _mariadb_version(v, c)).encode(),
          exposures=[], prepare=_mariadb_prep,
          sent_needles=[b'SELECT VERSION()', DB_USER.encode()],
          notes='The server speaks first. The password is sent as a mysql_native_password scramble, not in the '
                'clear; the user name "ghost" and the queries are cleartext.')
def mariadb_403(ctx):
    ctx.spawn(BIND_CAP('mysql') + ['/usr/sbin/mariadbd', '--no-defaults', '--datadir=%s' % ctx.path('db'),
               '--socket=%s' % ctx.path('dbrun/sock'), '--pid-file=%s' % ctx.path('dbrun/pid'),
               '--port=403', '--bind-address=127.0.0.1', '--skip-name-resolve', '--skip-log-bin',
               '--init-file=%s' % ctx.path('init.sql'), '--innodb-buffer-pool-size=16M',
               '--log-error=%s' % ctx.path('mariadb-error.log')], 'server-mariadbd')
    ctx.pidfile('mariadbd', ctx.path('dbrun/pid'))
    ctx.wait_listen('tcp', 403, timeout=60)
    r = ctx.run(['mariadb', '--no-defaults', '-h', LO, '-P', '403', '-u', DB_USER, '-p%s' % DB_PW,
                 '--skip-ssl', '-N', '-e', 'SELECT VERSION()'], timeout=30)
    ctx._log(r.stdout.decode())


# ---------------------------------------------------------------- PostgreSQL

PG_PW = 'Pg-s3cret'



PG_BIN = '/usr/lib/postgresql/15/bin'


def _pg_prep(ctx):
    d = ctx.mkdir('pg', 0o700, owner='postgres')
    ctx.mkdir('pgsock', 0o755, owner='postgres')
    ctx.write('pgpw', PG_PW + '\n', 0o644)
    ctx.run(['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups',
             PG_BIN + '/initdb', '-D', d, '-U', 'postgres', '--auth-local=trust', '--auth-host=password',
             '--pwfile=%s' % ctx.path('pgpw'), '-E', 'UTF8', '--locale=C'], timeout=120)


def _pg_version(v, ctx):
    # the upstream version of postgresql-15, as announced in ParameterStatus server_version
    return upstream(v).split('-')[0]


@scenario(name='postgres_password_283', service='postgresql', transport='tcp', port=283, package='postgresql-15',
          client="postgresql-client: PGPASSWORD=Pg-s3cret psql 'host=127.0.0.1 port=283 user=postgres sslmode=disable' -c 'SELECT 1'",
          sent='StartupMessage (user postgres), AuthenticationCleartextPassword, PasswordMessage Pg-s3cret, '
               'ParameterStatus (server_version ...), simple Query SELECT 1, Terminate',
          protocol='pgsql', pname='PostgreSQL', product='PostgreSQL', version=_pg_version,
          banner=lambda v, c: b'server_version\x00' + _pg_version(v, c).encode(),
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'pgsql',
                      'detail': 'PasswordMessage (cleartext) user postgres / %s' % PG_PW,
                      'frame_hint': 'client->server', 'user': 'postgres', 'password': PG_PW,
                      'needles': [b'p\x00\x00\x00\x0e' + PG_PW.encode() + b'\x00']}],
          prepare=_pg_prep, sent_needles=[b'SELECT 1'],
          notes='pg_hba "host all all 127.0.0.1/32 password": the server asks for the cleartext password. '
                'The client speaks first; the version appears only after login (ParameterStatus server_version).')
def postgres_password_283(ctx):
    ctx.spawn(BIND_CAP('postgres') + [PG_BIN + '/postgres',
               '-D', ctx.path('pg'), '-p', '283', '-k', ctx.path('pgsock'), '-c', 'listen_addresses=127.0.0.1',
               '-c', 'ssl=off', '-c', 'logging_collector=off'], 'server-postgres')
    ctx.wait_listen('tcp', 283, timeout=30)
    r = ctx.run(['psql', 'host=127.0.0.1 port=283 user=postgres dbname=postgres sslmode=disable gssencmode=disable',
                 '-X', '-At', '-c', 'SELECT 1'], env={'PGPASSWORD': PG_PW}, timeout=30)
    if r.stdout.strip() != b'1':
        raise ScenarioError('psql: %r' % r.stdout)


# ---------------------------------------------------------------- MQTT (mosquitto)

MQ_USER, MQ_PW = 'mqttuser', 'Mq-s3cret'


def _mqtt_prep(ctx):
    ctx.write('mosq.passwd', '')
    ctx.run(['mosquitto_passwd', '-b', ctx.path('mosq.passwd'), MQ_USER, MQ_PW])
    os.chmod(ctx.path('mosq.passwd'), 0o644)
    ctx.write('mosquitto.conf', """listener 283 127.0.0.1
allow_anonymous false
password_file %(t)s/mosq.passwd
persistence false
log_dest stdout
""" % {'t': ctx.tmp})


@scenario(name='mqtt_auth_283', service='mqtt', transport='tcp', port=283, package='mosquitto',
          client='mosquitto-clients: mosquitto_pub -h 127.0.0.1 -p 283 -V mqttv311 -u mqttuser -P Mq-s3cret '
                 '-t ghost/test -m "hello ghost" -q 1',
          sent='MQTT 3.1.1 CONNECT with username mqttuser / password Mq-s3cret, CONNACK, PUBLISH ghost/test '
               '"hello ghost" QoS 1, PUBACK, DISCONNECT',
          protocol='mqtt', pname='MQTT', product=None, version=None,
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'mqtt',
                      'detail': 'CONNECT username %s / password %s' % (MQ_USER, MQ_PW),
                      'frame_hint': 'client->server', 'user': MQ_USER, 'password': MQ_PW,
                      'needles': [MQ_USER.encode(), MQ_PW.encode()]}],
          prepare=_mqtt_prep)
def mqtt_auth_283(ctx):
    ctx.spawn(BIND_CAP('mosquitto') + ['/usr/sbin/mosquitto', '-c', ctx.path('mosquitto.conf')], 'server-mosquitto')
    ctx.wait_listen('tcp', 283)
    ctx.run(['mosquitto_pub', '-h', LO, '-p', '283', '-V', 'mqttv311', '-u', MQ_USER, '-P', MQ_PW,
             '-t', 'ghost/test', '-m', 'hello ghost', '-q', '1', '-i', 'ghost-client'], timeout=15)


# ---------------------------------------------------------------- SNMP (snmpd)

SNMP_COMMUNITY = 'Sn3mp-c0mmunity'


def _snmp_prep(ctx):
    ctx.write('snmpd.conf', """agentaddress udp:127.0.0.1:403
rocommunity %s 127.0.0.1
sysDescr ghost-port snmpd test agent
sysName ghost.test
sysLocation loopback
sysContact nobody@ghost.test
""" % SNMP_COMMUNITY)


@scenario(name='snmp_get_403', service='snmp', transport='udp', port=403, package='snmpd',
          client='snmp: snmpget -v2c -c Sn3mp-c0mmunity -On 127.0.0.1:403 sysDescr.0 sysName.0 (numeric OIDs)',
          sent='SNMPv2c GetRequest with community Sn3mp-c0mmunity for 1.3.6.1.2.1.1.1.0 and 1.3.6.1.2.1.1.5.0, '
               'GetResponse ("ghost-port snmpd test agent", "ghost.test")',
          protocol='snmp', pname='SNMP', product=None, version=None,
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'snmp',
                      'detail': 'SNMPv2c community %s' % SNMP_COMMUNITY, 'frame_hint': 'client->server',
                      'password': SNMP_COMMUNITY, 'needles': [SNMP_COMMUNITY.encode()]}],
          prepare=_snmp_prep)
def snmp_get_403(ctx):
    ctx.spawn(['/usr/sbin/snmpd', '-f', '-Lo', '-C', '-c', ctx.path('snmpd.conf'), '-p', ctx.path('snmpd.pid'),
               '-M', '/dev/null', '-m', '', '-I', 'system_mib,vacm_conf,snmpNotifyFilterTable',
               ], 'server-snmpd',
              env={'MIBS': '', 'MIBDIRS': '/dev/null', 'SNMP_PERSISTENT_DIR': ctx.mkdir('snmp-persist')})
    ctx.wait_listen('udp', 403)
    r = ctx.run(['snmpget', '-v2c', '-c', SNMP_COMMUNITY, '-On', '-m', '', '-M', '/dev/null', '-t', '3', '-r', '0',
                 '127.0.0.1:403', '.1.3.6.1.2.1.1.1.0', '.1.3.6.1.2.1.1.5.0'], timeout=15)
    if b'ghost-port snmpd' not in r.stdout:
        raise ScenarioError('snmpget: %r' % r.stdout)


# ---------------------------------------------------------------- NTP (chrony)

def _ntp_prep(ctx):
    ctx.write('chrony-server.conf', """port 283
bindaddress 127.0.0.1
allow 127.0.0.1
local stratum 8
cmdport 0
pidfile %(t)s/chronyd-server.pid
driftfile %(t)s/drift
""" % {'t': ctx.tmp})
    ctx.write('chrony-client.conf', """server 127.0.0.1 port 283 iburst minpoll 0 maxpoll 0
port 0
cmdport 0
pidfile %(t)s/chronyd-client.pid
""" % {'t': ctx.tmp})


@scenario(name='ntp_283', service='ntp', transport='udp', port=283, package='chrony',
          client="chrony: chronyd -Q -f client.conf ('server 127.0.0.1 port 283 iburst'; -Q only measures, never sets the clock)",
          sent='NTPv4 client (mode 3) requests and server (mode 4) replies, stratum 8 local reference',
          protocol='ntp', pname='NTP', product=None, version=None, exposures=[], prepare=_ntp_prep, settle=0.3,
          notes='Both sides are chronyd: the server with "local stratum 8" and -x (never touches the clock), '
                'the client in -Q (query-only) mode.')
def ntp_283(ctx):
    ctx.spawn(['/usr/sbin/chronyd', '-d', '-x', '-U', '-u', '_chrony', '-f', ctx.path('chrony-server.conf')],
              'server-chronyd')
    ctx.wait_listen('udp', 283)
    time.sleep(0.5)
    ctx.run(['/usr/sbin/chronyd', '-Q', '-U', '-u', '_chrony', '-t', '12', '-f', ctx.path('chrony-client.conf')],
            timeout=20, check=False)


# ---------------------------------------------------------------- syslog (rsyslog)

@scenario(name='syslog_udp_403', service='syslog', transport='udp', port=403, package='rsyslog',
          client='bsdutils: logger -n 127.0.0.1 -P 403 -d --rfc3164 -t ghosttest -p user.notice "ghost port syslog test"',
          sent='Two syslog datagrams: RFC 3164 "<13>... ghosttest: ghost port syslog test" and RFC 5424 '
               '"<13>1 ... ghosttest ... ghost port syslog 5424"',
          protocol='syslog', pname='Syslog', product=None, version=None, exposures=[],
          sent_needles=[b'<13>', b'ghost port syslog test'])
def syslog_udp_403(ctx):
    ctx.write('rsyslog.conf', """global(workDirectory="%(t)s")
module(load="imudp")
input(type="imudp" address="127.0.0.1" port="403")
*.* action(type="omfile" file="%(t)s/messages")
""" % {'t': ctx.tmp})
    ctx.spawn(['/usr/sbin/rsyslogd', '-n', '-f', ctx.path('rsyslog.conf'), '-i', ctx.path('rsyslogd.pid')],
              'server-rsyslogd')
    ctx.wait_listen('udp', 403)
    ctx.run(['logger', '-n', LO, '-P', '403', '-d', '--rfc3164', '-t', 'ghosttest', '-p', 'user.notice',
             'ghost port syslog test'])
    ctx.run(['logger', '-n', LO, '-P', '403', '-d', '--rfc5424', '-t', 'ghosttest', '-p', 'user.notice',
             'ghost port syslog 5424'])
    for _ in range(30):
        if os.path.exists(ctx.path('messages')) and b'5424' in open(ctx.path('messages'), 'rb').read():
            break
        time.sleep(0.1)
    else:
        raise ScenarioError('rsyslog did not log the messages')


# ---------------------------------------------------------------- SIP (sipp)

@scenario(name='sip_invite_403', service='sip', transport='udp', port=403, package='sip-tester',
          client='sip-tester: sipp -sn uac 127.0.0.1:403 -i 127.0.0.1 -p 40400 -m 1',
          sent='One SIP call with the sipp built-in scenarios: INVITE, 180 Ringing, 200 OK, ACK, BYE, 200 OK '
               '(server: sipp -sn uas on 127.0.0.1:403)',
          protocol='sip', also_ok=['sdp'], pname='SIP', product=None, version=None, exposures=[],
          sent_needles=[b'INVITE sip:', b'BYE sip:'],
          notes='No RTP: the built-in scenarios only signal.')
def sip_invite_403(ctx):
    ctx.spawn(['sipp', '-sn', 'uas', '-i', LO, '-p', '403', '-m', '1', '-nostdin', '-bind_local',
               '-timeout', '30s'], 'server-sipp')
    ctx.wait_listen('udp', 403)
    ctx.run(['sipp', '-sn', 'uac', '127.0.0.1:403', '-i', LO, '-p', '40400', '-m', '1', '-nostdin',
             '-timeout', '20s', '-timeout_error', '-bind_local'], timeout=30)


# ---------------------------------------------------------------- rsync daemon

def _rsync_prep(ctx):
    ctx.mkdir('share')
    ctx.write('share/ghost.txt', 'ghost rsync file\n')
    ctx.write('rsyncd.secrets', 'syncuser:Rs-s3cret\n', 0o600)
    ctx.write('rsyncd.conf', """pid file = %(t)s/rsyncd.pid
use chroot = no
uid = nobody
gid = nogroup
[ghost]
  path = %(t)s/share
  read only = yes
  auth users = syncuser
  secrets file = %(t)s/rsyncd.secrets
""" % {'t': ctx.tmp})


@scenario(name='rsync_daemon_283', service='rsync', transport='tcp', port=283, package='rsync',
          client='rsync -a rsync://syncuser@127.0.0.1:283/ghost/ out/ (RSYNC_PASSWORD=Rs-s3cret)',
          sent='"@RSYNCD: <protocol>" greetings both ways, module "ghost", challenge-response auth for '
               'syncuser, file list and one small file',
          protocol='rsync', pname='rsync', product=None, version=None, banner=b'@RSYNCD: ', exposures=[],
          prepare=_rsync_prep, sent_needles=[b'ghost\n', b'syncuser '],
          notes='The daemon greeting carries the rsync protocol version (e.g. 31.0), not the package version. The '
                'password is answered as an MD4/MD5 challenge response, not in the clear (user name is clear).')
def rsync_daemon_283(ctx):
    ctx.spawn(['rsync', '--daemon', '--no-detach', '--config=%s' % ctx.path('rsyncd.conf'), '--port=283',
               '--address=127.0.0.1', '--log-file=%s' % ctx.path('rsyncd.log')], 'server-rsyncd')
    ctx.wait_listen('tcp', 283)
    out = ctx.mkdir('out')
    ctx.run(['rsync', '-a', '--timeout=10', 'rsync://syncuser@127.0.0.1:283/ghost/', out + '/'],
            env={'RSYNC_PASSWORD': 'Rs-s3cret'}, timeout=30)
    if not os.path.exists(os.path.join(out, 'ghost.txt')):
        raise ScenarioError('rsync: file not copied')


# ---------------------------------------------------------------- git daemon

def _git_prep(ctx):
    src = ctx.mkdir('src')
    env = {'GIT_AUTHOR_NAME': 'Ghost', 'GIT_AUTHOR_EMAIL': 'ghost@ghost.test', 'GIT_COMMITTER_NAME': 'Ghost',
           'GIT_COMMITTER_EMAIL': 'ghost@ghost.test', 'GIT_AUTHOR_DATE': '2024-01-01T00:00:00Z',
           'GIT_COMMITTER_DATE': '2024-01-01T00:00:00Z', 'HOME': ctx.tmp}
    ctx.run(['git', 'init', '-q', '-b', 'main', src], env=env)
    ctx.write('src/README', 'ghost git repo\n')
    ctx.run(['git', '-C', src, 'add', 'README'], env=env)
    ctx.run(['git', '-C', src, 'commit', '-q', '-m', 'ghost'], env=env)
    ctx.mkdir('git')
    ctx.run(['git', 'clone', '-q', '--bare', src, ctx.path('git', 'ghost.git')], env=env)


@scenario(name='git_daemon_403', service='git', transport='tcp', port=403, package='git',
          client='git ls-remote git://127.0.0.1:403/ghost.git ; git clone git://127.0.0.1:403/ghost.git',
          sent='git:// protocol v2: "git-upload-pack /ghost.git\\0host=127.0.0.1:403\\0\\0version=2\\0", capability '
               'advertisement (agent=git/<version>), ls-refs; then a clone (ls-refs + fetch, packfile)',
          protocol='git', pname='Git', product='git', version=lambda v, c: upstream(v).split('+')[0],
          banner=lambda v, c: ('agent=git/%s' % upstream(v).split('+')[0]).encode(), exposures=[],
          prepare=_git_prep, sent_needles=[b'git-upload-pack /ghost.git\x00host=127.0.0.1:403\x00'],
          notes='git daemon (from the git package) with --export-all on a temp base path.')
def git_daemon_403(ctx):
    ctx.spawn(['git', 'daemon', '--reuseaddr', '--listen=127.0.0.1', '--port=403',
               '--base-path=%s' % ctx.path('git'), '--export-all', '--informative-errors', ctx.path('git')],
              'server-gitdaemon', env={'HOME': ctx.tmp})
    ctx.wait_listen('tcp', 403)
    env = {'HOME': ctx.tmp, 'GIT_CONFIG_NOSYSTEM': '1'}
    ctx.run(['git', 'ls-remote', 'git://127.0.0.1:403/ghost.git'], env=env, timeout=20)
    ctx.run(['git', 'clone', '-q', 'git://127.0.0.1:403/ghost.git', ctx.path('clone')], env=env, timeout=30)


# ---------------------------------------------------------------- IRC (ngircd)

IRC_PW = 'Irc-s3cret'


def _irc_prep(ctx):
    ctx.write('ngircd.motd', 'ghost port irc test\n')
    ctx.write('ngircd.conf', """[Global]
Name = irc.ghost.test
Info = ghost port test server
Listen = 127.0.0.1
Ports = 403
Password = %(pw)s
MotdFile = %(t)s/ngircd.motd
AdminInfo1 = ghost port test
AdminInfo2 = loopback
AdminEMail = nobody@ghost.test
[Limits]
PingTimeout = 120
[Options]
DNS = no
Ident = no
PAM = no
SyslogFacility = local1
""" % {'t': ctx.tmp, 'pw': IRC_PW})
    os.chmod(ctx.tmp, 0o755)
    ctx.run(['/usr/sbin/ngircd', '--configtest', '-f', ctx.path('ngircd.conf')], check=False)


@scenario(name='irc_403', service='irc', transport='tcp', port=403, package='ngircd',
          client='scripted IRC client (python socket): PASS, NICK, USER, JOIN, PRIVMSG, QUIT',
          sent='PASS Irc-s3cret, NICK ghostnick, USER ghost 0 * :Ghost Test, welcome burst (001-004 with '
               '"ngircd-<version>", MOTD), JOIN #ghost, PRIVMSG #ghost :hello from the ghost port, QUIT :bye',
          protocol='irc', pname='IRC', product='ngIRCd', version=lambda v, c: upstream(v).split('-')[0].split('+')[0],
          banner=lambda v, c: ('ngircd-%s' % upstream(v).split('-')[0].split('+')[0]).encode(),
          exposures=[{'kind': 'cleartext_credential', 'protocol': 'irc', 'detail': 'PASS %s' % IRC_PW,
                      'frame_hint': 'client->server', 'password': IRC_PW,
                      'needles': [('PASS %s\r\n' % IRC_PW).encode()]}],
          prepare=_irc_prep)
def irc_403(ctx):
    ctx.spawn(BIND_CAP('irc') + ['/usr/sbin/ngircd', '-n', '-f', ctx.path('ngircd.conf')], 'server-ngircd')
    ctx.wait_listen('tcp', 403)
    tcp_client_script(ctx, 403, [
        ('send', ('PASS %s\r\nNICK ghostnick\r\nUSER ghost 0 * :Ghost Test\r\n' % IRC_PW).encode()),
        ('expect', b' 376 '),
        ('send', b'JOIN #ghost\r\n'), ('expect', b' 366 '),
        ('send', b'PRIVMSG #ghost :hello from the ghost port\r\n'), ('sleep', 0.3),
        ('send', b'QUIT :bye\r\n'), ('expect', b'ERROR'),
    ])


# ---------------------------------------------------------------- bind shell (socat)

@scenario(name='bindshell_403', service='shell', transport='tcp', port=403, package='socat',
          client="socat: printf 'id; uname -a\\nexit\\n' | socat -t 3 - TCP:127.0.0.1:403",
          sent='A bind shell: socat TCP-LISTEN:403,bind=127.0.0.1,reuseaddr EXEC:/bin/sh; the client sends '
               '"id; uname -a" and "exit" and reads the output (uid=..., Linux ...)',
          protocol=None, pname='Shell session (bind shell)', product=None, version=None,
          exposures=[{'kind': 'shell_session', 'protocol': 'shell', 'detail': 'id; uname -a',
                      'frame_hint': 'client->server', 'needles': [b'id; uname -a\n']}],
          banner=b'uid=0(root)', verify_none=True,
          notes='No stock Wireshark dissector: protocol is null. The shell runs as root (the recorder is root); '
                'the server->client stream carries the command output.')
def bindshell_403(ctx):
    ctx.spawn(['socat', 'TCP-LISTEN:403,bind=127.0.0.1,reuseaddr', 'EXEC:/bin/sh'], 'server-socat')
    ctx.wait_listen('tcp', 403)
    r = ctx.run(['socat', '-t', '3', '-', 'TCP:127.0.0.1:403'], input=b'id; uname -a\nexit\n', timeout=15)
    if b'uid=' not in r.stdout:
        raise ScenarioError('bind shell: %r' % r.stdout)
