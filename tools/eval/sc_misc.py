# SPDX-License-Identifier: GPL-2.0-or-later
"""Login services, application daemons and line protocols: dropbear, proftpd,
rsh, rlogin, finger, CVS pserver, NUT, MPD, gearman, spamd, svnserve,
beanstalkd, ManageSieve, Modbus/TCP, EPMD, distcc."""
import base64
import crypt
import os
import time

from evallib import LO, ScenarioError, svc, services_override
from common import EVAL_USER, EVAL_PASS, tcp_client_script


def setpriv(user, group):
    """Runs a server as user:group with only the capability to bind a port below 1024."""
    return ['setpriv', '--reuid=' + user, '--regid=' + group, '--init-groups',
            '--inh-caps=+net_bind_service', '--ambient-caps=+net_bind_service']


def inetd(ctx, line, port):
    ctx.write('inetd.conf', line + '\n')
    ctx.spawn(['/usr/sbin/inetd', '-d', ctx.path('inetd.conf')], 'server-inetd')
    ctx.wait_listen('tcp', port)


def pexpect_session(argv, steps, timeout=20, env=None):
    import pexpect
    child = pexpect.spawn(argv[0], argv[1:], timeout=timeout,
                          env=env or {'PATH': '/usr/bin:/bin', 'TERM': 'dumb'})
    try:
        for op, arg in steps:
            if op == 'expect':
                child.expect(arg)
            else:
                child.sendline(arg)
        child.expect(pexpect.EOF)
    except (pexpect.TIMEOUT, pexpect.EOF) as ex:
        raise ScenarioError('%s: %s %r' % (argv[0], type(ex).__name__, child.before)) from ex
    finally:
        child.close(force=True)


SHELL_CMD = 'id; uname -a'
SHELL_EXPOSURE = {'kind': 'shell_session', 'detail': SHELL_CMD, 'frame_hint': 'client->server',
                  'needles': [SHELL_CMD.encode()]}


def _rhosts(ctx):
    home = os.path.expanduser('~' + EVAL_USER)
    p = os.path.join(home, '.rhosts')
    with open(p, 'w') as f:
        f.write('127.0.0.1 root\nlocalhost root\n')
    os.chmod(p, 0o600)
    os.chown(p, *(lambda s: (s.st_uid, s.st_gid))(os.stat(home)))


# ---------------------------------------------------------------- SSH: dropbear (TCP 403)

@svc(name='dropbear_ssh_403', service='ssh', transport='tcp', port=403, package='dropbear-bin',
     program='dropbear', client='openssh-client: ssh -p 403 evaluser@127.0.0.1 (password through a pty), then `%s`' % SHELL_CMD,
     sent='SSH-2.0 version exchange and key exchange, password login inside the encrypted transport, a command',
     protocol='ssh', pname='SSH',
     announced={'product': 'dropbear', 'version': True, 'where': 'SSH identification string "SSH-2.0-dropbear_<v>"'},
     notes='The password and the command travel inside the encrypted SSH transport: no cleartext exposure.')
def dropbear_ssh_403(ctx):
    key = ctx.path('dropbear_ed25519')
    ctx.run(['dropbearkey', '-t', 'ed25519', '-f', key])
    ctx.spawn(['dropbear', '-F', '-E', '-p', '127.0.0.1:403', '-r', key, '-P', ctx.path('dropbear.pid')],
              'server-dropbear')
    ctx.wait_listen('tcp', 403)
    pexpect_session(['ssh', '-p', '403', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null',
                     '-o', 'PubkeyAuthentication=no', '-o', 'PreferredAuthentications=password,keyboard-interactive',
                     '%s@127.0.0.1' % EVAL_USER, SHELL_CMD],
                    [('expect', 'assword:'), ('send', EVAL_PASS), ('expect', 'uid=')])


# ---------------------------------------------------------------- FTP: proftpd (TCP 283)

def _proftpd_prep(ctx):
    ctx.write('proftpd.conf', """ServerName "eval"
ServerType standalone
DefaultServer on
Port 283
DefaultAddress 127.0.0.1
SocketBindTight on
UseIPv6 off
User nobody
Group nogroup
PidFile %(t)s/proftpd.pid
ScoreboardFile %(t)s/proftpd.scoreboard
PassivePorts 40100 40110
DelayTable none
WtmpLog off
TransferLog none
RequireValidShell off
""" % {'t': ctx.tmp})


@svc(name='proftpd_283', service='ftp', transport='tcp', port=283, package='proftpd-basic', program='proftpd',
     client='curl ftp://evaluser:...@127.0.0.1:283/ (directory listing, passive data port 40100-40110)',
     sent='FTP USER evaluser / PASS, PWD, EPSV, LIST on a data connection, QUIT',
     protocol='ftp', pname='FTP', also_ok=['ftp-data'],
     filter='tcp port 283 or tcp portrange 40100-40110',
     announced={'product': 'ProFTPD', 'version': None,
                'where': 'FTP greeting "220 ProFTPD Server (eval) [127.0.0.1]" (no version by default)'},
     exposures=[{'kind': 'cleartext_credential', 'protocol': 'ftp', 'detail': 'USER %s / PASS %s' % (EVAL_USER, EVAL_PASS),
                 'frame_hint': 'client->server', 'user': EVAL_USER, 'password': EVAL_PASS,
                 'needles': [b'USER ' + EVAL_USER.encode(), b'PASS ' + EVAL_PASS.encode()]}],
     prepare=_proftpd_prep)
def proftpd_283(ctx):
    ctx.spawn(['proftpd', '-n', '-c', ctx.path('proftpd.conf')], 'server-proftpd')
    ctx.wait_listen('tcp', 283)
    ctx.run(['curl', '-sS', '--max-time', '15', 'ftp://%s:%s@127.0.0.1:283/' % (EVAL_USER, EVAL_PASS)], timeout=20)


# ---------------------------------------------------------------- rsh / rlogin (rsh-redone under inetd)

@svc(name='rsh_403', service='rsh', transport='tcp', port=403, package='rsh-redone-server', program='in.rshd (rsh-redone)',
     client='rsh-redone-client: rsh -p 403 -l evaluser 127.0.0.1 "%s" (from a reserved port, .rhosts trust)' % SHELL_CMD,
     sent='rsh: stderr port, local user root, remote user evaluser, the command; the command output back',
     protocol='rsh', pname='rsh',
     exposures=[dict(SHELL_EXPOSURE, protocol='rsh')],
     notes='openbsd-inetd (private config, foreground) runs in.rshd; ~evaluser/.rhosts trusts root@127.0.0.1. '
           'The stderr back-connection goes to the client\'s reserved port (not captured).')
def rsh_403(ctx):
    _rhosts(ctx)
    inetd(ctx, '127.0.0.1:403 stream tcp nowait root /usr/sbin/in.rshd in.rshd', 403)
    r = ctx.run(['rsh', '-p', '403', '-l', EVAL_USER, LO, SHELL_CMD], timeout=20)
    if b'uid=' not in r.stdout:
        raise ScenarioError('rsh: %r' % (r.stdout + r.stderr))


@svc(name='rlogin_283', service='rlogin', transport='tcp', port=283, package='rsh-redone-server',
     program='in.rlogind (rsh-redone)',
     client='rsh-redone-client: rlogin -p 283 -l evaluser 127.0.0.1 (pty; .rhosts trust), types `%s`, exit' % SHELL_CMD,
     sent='rlogin: NUL, local user root, remote user evaluser, terminal type/speed, then an interactive shell session',
     protocol='rlogin', pname='rlogin',
     exposures=[dict(SHELL_EXPOSURE, protocol='rlogin')],
     notes='openbsd-inetd runs in.rlogind; ~evaluser/.rhosts trusts root@127.0.0.1, so no password is asked.')
def rlogin_283(ctx):
    _rhosts(ctx)
    inetd(ctx, '127.0.0.1:283 stream tcp nowait root /usr/sbin/in.rlogind in.rlogind', 283)
    pexpect_session(['rlogin', '-p', '283', '-l', EVAL_USER, LO],
                    [('expect', r'[$#] '), ('send', SHELL_CMD), ('expect', 'uid='), ('expect', r'[$#] '),
                     ('send', 'exit')])


# ---------------------------------------------------------------- finger (fingerd under inetd)

@svc(name='fingerd_403', service='finger', transport='tcp', port=403, package='fingerd', program='in.fingerd (netkit)',
     client='finger evaluser@127.0.0.1 (netkit finger; its port comes from /etc/services, so it runs in a '
            'private mount namespace where "finger 403/tcp" is bind-mounted over /etc/services)',
     sent='finger query "evaluser\\r\\n" (after the "/W" long-format prefix if the client sends it); the user '
          'record back', protocol='finger', pname='Finger', sent_needles=[EVAL_USER.encode()])
def fingerd_403(ctx):
    inetd(ctx, '127.0.0.1:403 stream tcp nowait nobody /usr/sbin/in.fingerd in.fingerd', 403)
    r = ctx.run(services_override(ctx, [('finger', 403, 'tcp')]) + ['finger', '%s@127.0.0.1' % EVAL_USER], timeout=20)
    if EVAL_USER.encode() not in r.stdout:
        raise ScenarioError('finger: %r' % r.stdout)


# ---------------------------------------------------------------- CVS pserver (under inetd)

CVS_PW = 'Cvs-s3cret'
CVS_NEEDLES = []   # the scrambled password, read from the client's ~/.cvspass at run time


def _cvs_prep(ctx):
    root = ctx.path('cvsroot')
    ctx.run(['cvs', '-d', root, 'init'])
    ctx.mkdir('cvsroot/evalmod', 0o777)
    ctx.write('cvsroot/evalmod/readme.txt,v', '')
    os.unlink(ctx.path('cvsroot/evalmod/readme.txt,v'))
    ctx.write('cvsroot/CVSROOT/passwd', '%s:%s:%s\n' % (EVAL_USER, crypt.crypt(CVS_PW, crypt.mksalt(crypt.METHOD_SHA512)),
                                                       EVAL_USER))
    ctx.run(['chmod', '-R', 'a+rwX', root])
    ctx.mkdir('cvshome', 0o700)


@svc(name='cvs_pserver_283', service='cvspserver', transport='tcp', port=283, package='cvs', program='cvs pserver',
     client='cvs -d :pserver:evaluser:...@127.0.0.1:283<repo> login ; cvs -d ... rls -R evalmod',
     sent='BEGIN AUTH REQUEST (repository, user, password scrambled with the trivial pserver table) / I LOVE YOU, '
          'then BEGIN AUTH REQUEST again with Root / Valid-responses / rls requests',
     protocol='cvspserver', pname='CVS pserver',
     exposures=[{'kind': 'cleartext_credential', 'protocol': 'cvspserver',
                 'detail': 'pserver password (trivially scrambled, reversible) for %s' % EVAL_USER,
                 'frame_hint': 'client->server', 'user': EVAL_USER, 'password': CVS_PW,
                 'needles': CVS_NEEDLES}],
     prepare=_cvs_prep,
     notes='openbsd-inetd runs cvs pserver (--allow-root the temp repository); the password file maps evaluser '
           'to the system account. The evidence is the scrambled password as the client stored it in ~/.cvspass.')
def cvs_pserver_283(ctx):
    root = ctx.path('cvsroot')
    inetd(ctx, '127.0.0.1:283 stream tcp nowait root /usr/bin/cvs cvs -f --allow-root=%s pserver' % root, 283)
    cvsroot = ':pserver:%s:%s@127.0.0.1:283%s' % (EVAL_USER, CVS_PW, root)
    env = {'HOME': ctx.path('cvshome')}
    ctx.run(['cvs', '-d', cvsroot, 'login'], env=env, timeout=20)
    # ~/.cvspass: "/1 <cvsroot> A<scrambled>"; the scrambled password may hold spaces
    scr = open(ctx.path('cvshome/.cvspass')).read().rstrip('\n').split(' ', 2)[2]
    CVS_NEEDLES[:] = [b'BEGIN AUTH REQUEST', EVAL_USER.encode(), scr.encode()]
    ctx.run(['cvs', '-d', cvsroot, 'rls', '-R', 'evalmod'], env=env, timeout=20)


# ---------------------------------------------------------------- NUT upsd (dummy-ups driver, TCP 403)

NUT_PW = 'Nut-s3cret'


def _nut_prep(ctx):
    ctx.mkdir('nut', 0o755)
    ctx.mkdir('nutstate', 0o777)
    ctx.write('nut/nut.conf', 'MODE=netserver\n')
    ctx.write('nut/dummy.seq', 'ups.mfr: Eval\nups.model: GhostUPS 1000\nups.status: OL\nbattery.charge: 100\n'
                               'ups.delay.shutdown: 20\n')
    ctx.write('nut/ups.conf', '[dummy]\n  driver = dummy-ups\n  port = %s/nut/dummy.seq\n  desc = "eval ups"\n' % ctx.tmp)
    ctx.write('nut/upsd.conf', 'LISTEN 127.0.0.1 403\nSTATEPATH %s/nutstate\n' % ctx.tmp)
    ctx.write('nut/upsd.users', '[evaladmin]\n  password = %s\n  actions = SET\n  instcmds = ALL\n' % NUT_PW)
    ctx.run(['chown', '-R', 'root:nut', ctx.path('nut')])
    ctx.run(['chmod', '-R', 'g+r', ctx.path('nut')])


@svc(name='nut_upsd_403', service='nut', transport='tcp', port=403, package='nut-server', program='upsd (NUT)',
     client='nut-client: upsc dummy@127.0.0.1:403 ; upsrw -s ups.delay.shutdown=30 -u evaladmin -p ... dummy@127.0.0.1:403',
     sent='NUT text protocol: LIST VAR dummy (upsc), then USERNAME evaladmin / PASSWORD %s / SET VAR (upsrw)' % NUT_PW,
     protocol=None, pname='NUT (Network UPS Tools)',
     exposures=[{'kind': 'cleartext_credential', 'protocol': 'nut', 'detail': 'USERNAME evaladmin / PASSWORD %s' % NUT_PW,
                 'frame_hint': 'client->server', 'user': 'evaladmin', 'password': NUT_PW,
                 'needles': [b'USERNAME evaladmin', b'PASSWORD ' + NUT_PW.encode()]}],
     prepare=_nut_prep, sent_needles=[b'LIST VAR dummy'],
     notes='Wireshark 4.0 has no NUT dissector (expected.protocol null). dummy-ups driver and upsd run from a '
           'private NUT_CONFPATH / NUT_STATEPATH.')
def nut_upsd_403(ctx):
    env = {'NUT_CONFPATH': ctx.path('nut'), 'NUT_STATEPATH': ctx.path('nutstate')}
    ctx.spawn(['/lib/nut/dummy-ups', '-a', 'dummy', '-D', '-F'], 'server-dummy-ups', env=env)
    time.sleep(1.5)
    ctx.spawn(['/lib/nut/upsd', '-F'], 'server-upsd', env=env)  # /usr/sbin/upsd only wraps it (checks /etc/nut/nut.conf)
    ctx.wait_listen('tcp', 403, timeout=20)
    time.sleep(1)
    ctx.run(['upsc', 'dummy@127.0.0.1:403'], timeout=20, env=env)
    ctx.run(['upsrw', '-s', 'ups.delay.shutdown=30', '-u', 'evaladmin', '-p', NUT_PW, 'dummy@127.0.0.1:403'],
            timeout=20, env=env, check=False)


# ---------------------------------------------------------------- MPD (TCP 283)

MPD_PW = 'Mpd-s3cret'


def _mpd_prep(ctx):
    ctx.mkdir('music', 0o755)
    ctx.write('mpd.conf', """music_directory "%(t)s/music"
db_file "%(t)s/mpd.db"
pid_file "%(t)s/mpd.pid"
log_file "%(t)s/mpd.log"
bind_to_address "127.0.0.1"
port "283"
password "%(pw)s@read,add,control,admin"
default_permissions ""
audio_output {
  type "null"
  name "null"
}
""" % {'t': ctx.tmp, 'pw': MPD_PW})


@svc(name='mpd_283', service='mpd', transport='tcp', port=283, package='mpd', program='mpd',
     client='mpc -h %s@127.0.0.1 -p 283 status ; mpc ... stats' % MPD_PW,
     sent='MPD text protocol: greeting "OK MPD <protocol version>", password %s, status / stats commands' % MPD_PW,
     protocol=None, pname='MPD (Music Player Daemon)', banner=b'OK MPD ',
     announced={'product': 'MPD', 'version': None,
                'where': 'greeting "OK MPD <protocol version>" (the protocol version, not the program version)'},
     exposures=[{'kind': 'cleartext_credential', 'protocol': 'mpd', 'detail': 'password %s' % MPD_PW,
                 'frame_hint': 'client->server', 'password': MPD_PW, 'needles': [b'password "%s"' % MPD_PW.encode()]}],
     prepare=_mpd_prep, notes='Wireshark 4.0 has no MPD dissector (expected.protocol null).')
def mpd_283(ctx):
    ctx.spawn(['mpd', '--no-daemon', '--stderr', ctx.path('mpd.conf')], 'server-mpd')
    ctx.wait_listen('tcp', 283, timeout=20)
    for cmd in ('status', 'stats'):
        ctx.run(['mpc', '-h', '%s@127.0.0.1' % MPD_PW, '-p', '283', cmd], timeout=20)


# ---------------------------------------------------------------- gearman (TCP 403)

@svc(name='gearmand_403', service='gearman', transport='tcp', port=403, package='gearman-job-server', program='gearmand',
     client='gearman-tools: a worker (gearman -w -f reverse -c 1 -- rev), a client (gearman -f reverse "hello gearman"), '
            'gearadmin --server-version --status',
     sent='Gearman binary protocol (\\0REQ / \\0RES: CAN_DO, GRAB_JOB, SUBMIT_JOB, WORK_COMPLETE ...) and the text '
          'admin protocol (version, status)', protocol='gearman', pname='Gearman', no_verify=True,
     announced={'product': 'gearmand', 'version': True, 'where': 'admin "version" reply "OK <v>"'},
     sent_needles=[b'\x00REQ', b'hello gearman'],
     notes='The stock decode check is skipped: the admin text lines are not gearman PDUs for Wireshark.')
def gearmand_403(ctx):
    ctx.spawn(setpriv('gearman', 'gearman') + ['gearmand', '--listen=127.0.0.1', '--port=403',
                                               '--log-file=stderr', '--threads=1'], 'server-gearmand')
    ctx.wait_listen('tcp', 403, timeout=20)
    g = ['-h', LO, '-p', '403']
    ctx.spawn(['gearman'] + g + ['-w', '-f', 'reverse', '-c', '1', '--', 'rev'], 'client-worker')
    time.sleep(1)
    r = ctx.run(['gearman'] + g + ['-f', 'reverse', 'hello gearman'], timeout=20)
    if b'namraeg olleh' not in r.stdout:
        raise ScenarioError('gearman: %r' % r.stdout)
    ctx.run(['gearadmin'] + g + ['--server-version'], timeout=20)
    ctx.run(['gearadmin'] + g + ['--status'], timeout=20)


# ---------------------------------------------------------------- spamd (TCP 283)

MSG = ('From: someone@example.invalid\r\nTo: evaluser@eval.test\r\nSubject: eval message\r\n'
       'Message-ID: <eval-1@eval.test>\r\n\r\nA plain test message for spamd on a ghost port.\r\n')


@svc(name='spamd_283', service='spamd', transport='tcp', port=283, package='spamd', program='spamd (SpamAssassin)',
     client='spamc -d 127.0.0.1 -p 283 -K (PING) ; spamc -d 127.0.0.1 -p 283 -c < message',
     sent='SPAMC/1.5 PING -> SPAMD/1.5 0 PONG; CHECK SPAMC/1.5 with a small message -> SPAMD/1.1 0 EX_OK, Spam: ...',
     protocol=None, pname='spamd (SpamAssassin)', banner=b'SPAMD/1.',
     sent_needles=[b'SPAMC/1.'], notes='Wireshark 4.0 has no spamd dissector (expected.protocol null).')
def spamd_283(ctx):
    ctx.spawn(['spamd', '-x', '-i', '127.0.0.1', '-p', '283', '-A', '127.0.0.1', '--max-children=1', '-u', 'nobody',
               '-s', 'stderr', '-L'], 'server-spamd')
    ctx.wait_listen('tcp', 283, timeout=90)
    ctx.run(['spamc', '-d', LO, '-p', '283', '-K'], timeout=30)
    ctx.run(['spamc', '-d', LO, '-p', '283', '-c'], input=MSG.encode(), timeout=60, check=False)


# ---------------------------------------------------------------- svnserve (TCP 403)

SVN_PW = 'Svn-s3cret'


def _svn_prep(ctx):
    ctx.mkdir('repos', 0o755)
    ctx.run(['svnadmin', 'create', ctx.path('repos/eval')])
    ctx.write('repos/eval/conf/svnserve.conf', '[general]\nanon-access = read\nauth-access = write\npassword-db = passwd\n'
                                                 'realm = eval\n')
    ctx.write('repos/eval/conf/passwd', '[users]\n%s = %s\n' % (EVAL_USER, SVN_PW))
    ctx.mkdir('svncfg', 0o700)


@svc(name='svnserve_403', service='svn', transport='tcp', port=403, package='subversion', program='svnserve',
     client='svn ls svn://127.0.0.1:403/eval ; svn mkdir -m ... svn://127.0.0.1:403/eval/trunk --username evaluser',
     sent='svn:// protocol (parenthesised words): greeting, client capabilities, anonymous ls, then CRAM-MD5 '
          'authentication (the password does not travel) and a commit', protocol=None, pname='Subversion (svnserve)',
     banner=b'( success ( ', sent_needles=[b'svn://127.0.0.1:403/eval'], prepare=_svn_prep,
     notes='Wireshark 4.0 has no svn dissector (expected.protocol null). The client announces its own version '
           '(SVN/<v>); the server does not.')
def svnserve_403(ctx):
    ctx.spawn(['svnserve', '-d', '--foreground', '--listen-host', LO, '--listen-port', '403', '-r', ctx.path('repos'),
               '--log-file', ctx.path('svnserve.log')], 'server-svnserve')
    ctx.wait_listen('tcp', 403)
    cfg = ['--config-dir', ctx.path('svncfg'), '--non-interactive', '--no-auth-cache']
    ctx.run(['svn', 'ls', 'svn://127.0.0.1:403/eval'] + cfg, timeout=20)
    ctx.run(['svn', 'mkdir', '-m', 'eval trunk', 'svn://127.0.0.1:403/eval/trunk', '--username', EVAL_USER,
             '--password', SVN_PW] + cfg, timeout=20)


# ---------------------------------------------------------------- beanstalkd (TCP 283, scripted client)

@svc(name='beanstalkd_283', service='beanstalk', transport='tcp', port=283, package='beanstalkd', program='beanstalkd',
     client='scripted client (python socket; Debian has no beanstalk command-line client): put, reserve, delete, stats',
     sent='beanstalk text protocol: put 0 0 60 13 / "hello beanstalk" -> INSERTED 1; reserve-with-timeout 1 -> '
          'RESERVED; delete 1 -> DELETED; stats -> OK <n> with a YAML body (version: ...)',
     protocol=None, pname='beanstalk',
     announced={'product': 'beanstalkd', 'version': True, 'where': 'stats YAML body "version: <v>"'},
     notes='Wireshark 4.0 has no beanstalk dissector (expected.protocol null).')
def beanstalkd_283(ctx):
    ctx.spawn(['beanstalkd', '-l', LO, '-p', '283'], 'server-beanstalkd')
    ctx.wait_listen('tcp', 283)
    tcp_client_script(ctx, 283, [('send', b'put 0 0 60 15\r\nhello beanstalk\r\n'), ('expect', b'INSERTED'),
                                 ('send', b'reserve-with-timeout 1\r\n'), ('expect', b'hello beanstalk\r\n'),
                                 ('send', b'delete 1\r\n'), ('expect', b'DELETED'),
                                 ('send', b'stats\r\n'), ('expect', b'binlog-')])


# ---------------------------------------------------------------- ManageSieve (dovecot pigeonhole, TCP 403)

SIEVE_PW = 'Si3ve-s3cret'


def _sieve_prep(ctx):
    ctx.mkdir('run', 0o755)
    ctx.mkdir('state', 0o755)
    ctx.mkdir('mail', 0o777)
    ctx.write('users', '%s:{PLAIN}%s::::::\n' % (EVAL_USER, SIEVE_PW))
    ctx.write('dovecot.conf', """base_dir = %(t)s/run
state_dir = %(t)s/state
log_path = %(t)s/dovecot.log
protocols = sieve
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
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
service managesieve-login {
  inet_listener sieve {
    address = 127.0.0.1
    port = 403
  }
}
service anvil {
  chroot =
}
service stats {
  chroot =
}
""" % {'t': ctx.tmp})


@svc(name='managesieve_403', service='managesieve', transport='tcp', port=403, package='dovecot-managesieved',
     program='dovecot managesieve (Pigeonhole)',
     client='sieve-connect --server 127.0.0.1 --port 403 --user evaluser --passwordfd 0 --list (password on stdin; no TLS offered)',
     sent='ManageSieve greeting with capabilities ("IMPLEMENTATION" "Dovecot Pigeonhole"), AUTHENTICATE "PLAIN" '
          'with base64(\\0evaluser\\0%s), LISTSCRIPTS, LOGOUT' % SIEVE_PW,
     protocol=None, pname='ManageSieve', banner=b'"IMPLEMENTATION" "Dovecot (Debian) Pigeonhole"',
     announced={'product': 'Dovecot Pigeonhole', 'version': None, 'where': 'greeting capability "IMPLEMENTATION"'},
     exposures=[{'kind': 'cleartext_credential', 'protocol': 'managesieve', 'mechanism': 'PLAIN',
                 'detail': 'AUTHENTICATE "PLAIN" (%s / %s)' % (EVAL_USER, SIEVE_PW), 'frame_hint': 'client->server',
                 'user': EVAL_USER, 'password': SIEVE_PW,
                 'needles': [base64.b64encode(('\0%s\0%s' % (EVAL_USER, SIEVE_PW)).encode())]}],
     prepare=_sieve_prep, notes='Wireshark 4.0 has no ManageSieve dissector (expected.protocol null).')
def managesieve_403(ctx):
    ctx.spawn(['/usr/sbin/dovecot', '-F', '-c', ctx.path('dovecot.conf')], 'server-dovecot')
    ctx.wait_listen('tcp', 403)
    ctx.run(['sieve-connect', '--server', LO, '--port', '403', '--user', EVAL_USER, '--passwordfd', '0',
             '--notlsverify', '--list'], input=(SIEVE_PW + '\n').encode(), timeout=30)


# ---------------------------------------------------------------- Modbus/TCP (pymodbus, TCP 403)

MODBUS_SERVER = r'''
import logging
from pymodbus.server import StartTcpServer
from pymodbus.datastore import ModbusSequentialDataBlock, ModbusSlaveContext, ModbusServerContext
from pymodbus.device import ModbusDeviceIdentification
store = ModbusSlaveContext(hr=ModbusSequentialDataBlock(0, list(range(100, 200))),
                           co=ModbusSequentialDataBlock(0, [0] * 100))
ident = ModbusDeviceIdentification(info_name={'VendorName': 'Eval', 'ProductCode': 'GP', 'ProductName': 'GhostPLC',
                                              'MajorMinorRevision': '1.0'})
StartTcpServer(context=ModbusServerContext(slaves=store, single=True), identity=ident, address=('127.0.0.1', 403))
'''

MODBUS_CLIENT = r'''
from pymodbus.client import ModbusTcpClient
c = ModbusTcpClient('127.0.0.1', port=403)
assert c.connect()
r = c.read_holding_registers(0, 8, slave=1)
print(r.registers)
c.write_register(3, 4242, slave=1)
print(c.read_holding_registers(3, 1, slave=1).registers)
c.write_coil(1, True, slave=1)
print(c.read_coils(0, 8, slave=1).bits)
c.close()
'''


@svc(name='pymodbus_403', service='mbtcp', transport='tcp', port=403, package='python3-pymodbus',
     program='pymodbus StartTcpServer (library server)',
     client='python3-pymodbus ModbusTcpClient: read holding registers, write register, write / read coils',
     sent='Modbus/TCP (MBAP header, unit 1): FC 3 read 8 holding registers, FC 6 write register 3 = 4242, FC 3, '
          'FC 5 write coil 1, FC 1 read coils', protocol='mbtcp', pname='Modbus/TCP', also_ok=['modbus'],
     notes='Debian has no stand-alone Modbus server program; the server is the pymodbus library\'s TCP server '
           'in a small script (run as its own process).')
def pymodbus_403(ctx):
    ctx.write('mbserver.py', MODBUS_SERVER)
    ctx.spawn(['/usr/bin/python3', ctx.path('mbserver.py')], 'server-pymodbus')
    ctx.wait_listen('tcp', 403, timeout=20)
    r = ctx.run(['/usr/bin/python3', '-c', MODBUS_CLIENT], timeout=30)
    if b'4242' not in r.stdout:
        raise ScenarioError('modbus: %r' % r.stdout)


# ---------------------------------------------------------------- EPMD (erlang-base, TCP 283)

@svc(name='epmd_283', service='epmd', transport='tcp', port=283, package='erlang-base', program='epmd (Erlang)',
     client='erl -sname evalnode (ERL_EPMD_PORT=283: registers itself), then epmd -port 283 -names',
     sent='EPMD ALIVE2_REQ from the node (name evalnode, its distribution port), ALIVE2_RESP; NAMES_REQ / reply '
          '"name evalnode at port ..."', protocol='epmd', pname='EPMD', sent_needles=[b'evalnode'], no_verify=True,
     notes='Stock Wireshark 4.0 decodes the EPMD requests (-d tcp.port==283,epmd) but shows some replies as '
           'data, so the per-frame stock decode check is skipped. epmd -names talks to epmd over ::1 (IPv6 '
           'loopback), the node over 127.0.0.1.')
def epmd_283(ctx):
    env = {'ERL_EPMD_PORT': '283', 'HOME': ctx.tmp}
    ctx.spawn(['epmd', '-port', '283', '-address', LO], 'server-epmd', env=env)
    ctx.wait_listen('tcp', 283)
    ctx.spawn(['erl', '-sname', 'evalnode', '-noshell', '-kernel', 'inet_dist_use_interface', '{127,0,0,1}',
               '-eval', 'timer:sleep(20000), halt().'], 'client-erl', env=env)
    end = time.time() + 20
    while time.time() < end:
        r = ctx.run(['epmd', '-port', '283', '-names'], env=env, timeout=10, check=False)
        if b'evalnode' in r.stdout:
            break
        time.sleep(0.5)
    else:
        raise ScenarioError('epmd: node not registered')


# ---------------------------------------------------------------- distcc (TCP 403)

@svc(name='distccd_403', service='distcc', transport='tcp', port=403, package='distcc', program='distccd',
     client='DISTCC_HOSTS=127.0.0.1:403/1 distcc gcc -c hello.c -o hello.o',
     sent='distcc protocol: DIST 1, ARGC / ARGV (gcc -c hello.c -o hello.o), DOTI (the preprocessed source); '
          'DONE, STAT, SERR, SOUT, DOTO (the object file) back', protocol='distcc', pname='distcc',
     sent_needles=[b'DIST0000', b'hello.c'],
     notes='distccd runs as nobody with --allow 127.0.0.1. Remote compilation is remote command execution by '
           'design (the compiler and its arguments come from the client).')
def distccd_403(ctx):
    ctx.write('hello.c', 'int eval_answer(void) { return 42; }\n')
    ctx.mkdir('distcc-tmp', 0o777)
    ctx.mkdir('distcc', 0o700)
    ctx.spawn(setpriv('nobody', 'nogroup') + ['distccd', '--no-detach', '--daemon', '--listen', LO, '--port', '403',
                                              '--allow', '127.0.0.1', '--log-stderr', '--jobs', '1'],
              'server-distccd', env={'HOME': ctx.tmp, 'TMPDIR': ctx.path('distcc-tmp')})
    ctx.wait_listen('tcp', 403)
    ctx.run(['distcc', 'gcc', '-c', 'hello.c', '-o', 'hello.o'], timeout=60,
            env={'DISTCC_HOSTS': '127.0.0.1:403/1', 'DISTCC_FALLBACK': '0', 'DISTCC_DIR': ctx.path('distcc'),
                 'DISTCC_SKIP_LOCAL_RETRY': '1'})
