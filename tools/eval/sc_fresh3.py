# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh3 set (split "fresh3", names fresh3_*): a fourth held-out set.
Its programs were DRAWN: a pool of candidate server programs that are in none
of captures/ghost/, the tune / heldout half, the fresh and the fresh2 set was
written first, then shuffled with a seed from /dev/urandom, and recorded in
the drawn order (tools/eval/fresh3-pool.md; doc/evaluation.md, "Fresh3 set").
Same recorder, same manifest schema, same checks; only the split differs
(evallib.svc split=FRESH3_SPLIT). Ports alternate 283 / 403 in the order of
recording."""
import functools
import time

from evallib import FRESH3_SPLIT, LO, ScenarioError, svc, version_re
from common import EVAL_USER
from sc_web import ORIGIN_PORT, browse, curl
from sc_fresh import basic_exposure, with_origin, ORIGIN_NOTE

fresh3 = functools.partial(svc, split=FRESH3_SPLIT)


# ---------------------------------------------------------------- the web applications the app servers run

RACK_APP = """# a Rack application: a page, and a page behind HTTP Basic (checked here)
require 'base64'
run lambda { |env|
  if env['PATH_INFO'].start_with?('/private')
    want = 'Basic ' + Base64.strict_encode64('%(u)s:%(pw)s')
    next [401, {'content-type' => 'text/plain', 'www-authenticate' => 'Basic realm="eval"'}, ["who?\\n"]] \\
      unless env['HTTP_AUTHORIZATION'] == want
    next [200, {'content-type' => 'text/plain'}, ["private\\n"]]
  end
  next [404, {'content-type' => 'text/plain'}, ["missing\\n"]] if env['PATH_INFO'] == '/missing'
  [200, {'content-type' => 'text/html'}, ["<html><body>%(name)s on a ghost port</body></html>\\n"]]
}
"""

WSGI_APP = """# a WSGI application: a page, and a page behind HTTP Basic (checked here)
import base64


def app(environ, start_response):
    path = environ.get('PATH_INFO', '/')
    if path.startswith('/private'):
        want = 'Basic ' + base64.b64encode(b'%(u)s:%(pw)s').decode()
        if environ.get('HTTP_AUTHORIZATION') != want:
            start_response('401 Unauthorized', [('Content-Type', 'text/plain'),
                                                ('WWW-Authenticate', 'Basic realm="eval"')])
            return [b'who?\\n']
        start_response('200 OK', [('Content-Type', 'text/plain')])
        return [b'private\\n']
    if path == '/missing':
        start_response('404 Not Found', [('Content-Type', 'text/plain')])
        return [b'missing\\n']
    start_response('200 OK', [('Content-Type', 'text/html')])
    return [b'<html><body>%(name)s on a ghost port</body></html>\\n']
"""


def app_client(ctx, port, pw):
    """curl GET / ; GET /private/ without, then with HTTP Basic ; HEAD /missing."""
    base = 'http://127.0.0.1:%d' % port
    r = curl(ctx, base + '/')
    if b'ghost port' not in r.stdout:
        raise ScenarioError('GET /: %r' % r.stdout[-300:])
    curl(ctx, base + '/private/', check=False)
    r = curl(ctx, '-u', '%s:%s' % (EVAL_USER, pw), base + '/private/')
    if b'private' not in r.stdout:
        raise ScenarioError('GET /private/: %r' % r.stdout[-300:])
    curl(ctx, '-I', base + '/missing', check=False)


APP_CLIENT = ('curl http://127.0.0.1:%(p)d/ ; curl http://127.0.0.1:%(p)d/private/ (401) ; '
              'curl -u evaluser:... http://127.0.0.1:%(p)d/private/ ; curl -I http://127.0.0.1:%(p)d/missing')
APP_SENT = ('GET / (200, a small HTML page), GET /private/ without credentials (401 with WWW-Authenticate), '
            'the same with HTTP Basic evaluser / %s (200), HEAD /missing (404); the application checks the '
            'credentials itself')


# ---------------------------------------------------------------- HTTP: puma (TCP 283)

PUMA_PW = 'Puma-s3cret'


def _puma_prep(ctx):
    ctx.write('config.ru', RACK_APP % {'u': EVAL_USER, 'pw': PUMA_PW, 'name': 'puma'})


@fresh3(name='fresh3_puma_283', service='http', transport='tcp', port=283, package='puma', program='puma (Ruby)',
        client=APP_CLIENT % {'p': 283}, sent=APP_SENT % PUMA_PW, protocol='http', pname='HTTP',
        exposures=[basic_exposure('http', EVAL_USER, PUMA_PW)], prepare=_puma_prep,
        notes='puma -b tcp://127.0.0.1:283 running a small Rack application (config.ru in the work dir).')
def fresh3_puma_283(ctx):
    ctx.spawn(['puma', '-b', 'tcp://127.0.0.1:283', '-w', '0', '-t', '1:2', '-e', 'production',
               ctx.path('config.ru')], 'server-puma', cwd=ctx.tmp)
    ctx.wait_listen('tcp', 283, timeout=30)
    app_client(ctx, 283, PUMA_PW)


# ---------------------------------------------------------------- HTTP: thin (TCP 403)

THIN_PW = 'Thin-s3cret'


def _thin_prep(ctx):
    ctx.write('config.ru', RACK_APP % {'u': EVAL_USER, 'pw': THIN_PW, 'name': 'thin'})


@fresh3(name='fresh3_thin_403', service='http', transport='tcp', port=403, package='thin', program='thin (Ruby)',
        client=APP_CLIENT % {'p': 403}, sent=APP_SENT % THIN_PW, protocol='http', pname='HTTP',
        announced={'product': 'thin', 'version': None, 'where': 'Server header "thin" (no version)'},
        exposures=[basic_exposure('http', EVAL_USER, THIN_PW)], prepare=_thin_prep,
        notes='thin start -a 127.0.0.1 -p 403 running a small Rack application (config.ru in the work dir).')
def fresh3_thin_403(ctx):
    ctx.spawn(['thin', 'start', '-a', LO, '-p', '403', '-R', ctx.path('config.ru'), '-e', 'production',
               '--pid', ctx.path('thin.pid'), '--log', ctx.path('thin.log')], 'server-thin', cwd=ctx.tmp)
    ctx.wait_listen('tcp', 403, timeout=30)
    app_client(ctx, 403, THIN_PW)


# ---------------------------------------------------------------- HTTP: gunicorn (TCP 283)

GUNI_PW = 'Guni-s3cret'


def _guni_prep(ctx):
    ctx.write('evalapp.py', WSGI_APP % {'u': EVAL_USER, 'pw': GUNI_PW, 'name': 'gunicorn'})


@fresh3(name='fresh3_gunicorn_283', service='http', transport='tcp', port=283, package='gunicorn',
        program='gunicorn (Python WSGI server)', client=APP_CLIENT % {'p': 283}, sent=APP_SENT % GUNI_PW,
        protocol='http', pname='HTTP',
        announced={'product': 'gunicorn', 'version': None, 'where': 'Server header "gunicorn" (no version)'},
        exposures=[basic_exposure('http', EVAL_USER, GUNI_PW)], prepare=_guni_prep,
        notes='gunicorn -b 127.0.0.1:283 running a small WSGI application (evalapp.py in the work dir), one '
              'sync worker.')
def fresh3_gunicorn_283(ctx):
    ctx.spawn(['gunicorn', '-b', '127.0.0.1:283', '-w', '1', '--chdir', ctx.tmp, 'evalapp:app'], 'server-gunicorn',
              cwd=ctx.tmp)
    ctx.wait_listen('tcp', 283, timeout=30)
    app_client(ctx, 283, GUNI_PW)


# ---------------------------------------------------------------- aMule External Connections: amuled (TCP 403), amulecmd

AMULE_PW = 'Amule-s3cret'


def _amule_prep(ctx):
    import hashlib
    ctx.mkdir('amule/in')
    ctx.mkdir('amule/temp')
    ctx.write('amule/amule.conf', """[eMule]
Nick=evaluser
Port=40662
UDPPort=40672
UDPEnable=0
Address=127.0.0.1
Autoconnect=0
Reconnect=0
ConnectToKad=0
ConnectToED2K=0
AddServersFromServer=0
AddServersFromClient=0
UPnPEnabled=0
IncomingDir=%(t)s/amule/in
TempDir=%(t)s/amule/temp
[ExternalConnect]
AcceptExternalConnections=1
ECAddress=127.0.0.1
ECPort=403
ECPassword=%(h)s
UPnPECEnabled=0
[WebServer]
Enabled=0
""" % {'t': ctx.tmp, 'h': hashlib.md5(AMULE_PW.encode()).hexdigest()})


@fresh3(name='fresh3_amuled_403', service='amule-ec', transport='tcp', port=403, package='amule-daemon',
        program='amuled (aMule daemon, External Connections)',
        client='amule-utils: amulecmd -h 127.0.0.1 -p 403 -P <password> -c status ; ... -c "show servers" ; '
               '... -c statistics',
        sent='aMule EC protocol: the client\'s auth request (client name "aMulecmd", version, protocol version), '
             'the salted password-hash challenge and answer (the password itself is not sent), then '
             'status / server list / statistics requests and their tagged binary replies',
        protocol=None, pname='aMule EC', sent_needles=[b'aMulecmd'],
        announced={'product': 'aMule', 'version': lambda pv, ctx: version_re('amule-daemon'),
                   'where': 'EC auth reply, tag EC_TAG_SERVER_VERSION "<v>"'},
        prepare=_amule_prep,
        notes='eD2k and Kad are off (no autoconnect, no server list, no UPnP), the eD2k port is bound to '
              '127.0.0.1:40662: the daemon talks to nobody but amulecmd. Wireshark 4.0 has no dissector for '
              'aMule\'s External Connections protocol (expected.protocol null).')
def fresh3_amuled_403(ctx):
    ctx.spawn(['amuled', '--config-dir=' + ctx.path('amule')], 'server-amuled', env={'HOME': ctx.tmp})
    ctx.wait_listen('tcp', 403, timeout=40)
    base = ['amulecmd', '-h', LO, '-p', '403', '-P', AMULE_PW, '-c']
    r = ctx.run(base + ['status'], env={'HOME': ctx.tmp}, timeout=20)
    if b'Connection established' not in r.stdout:
        raise ScenarioError('amulecmd: %r' % r.stdout[-300:])
    ctx.run(base + ['show servers'], env={'HOME': ctx.tmp}, timeout=20)
    ctx.run(base + ['statistics'], env={'HOME': ctx.tmp}, timeout=20)


# ---------------------------------------------------------------- HTTP: micro_httpd under openbsd-inetd (TCP 403)

def _micro_prep(ctx):
    ctx.mkdir('www')
    ctx.write('www/index.html', '<html><body>micro_httpd on a ghost port</body></html>\n')
    ctx.write('www/notes.txt', 'plain text from micro_httpd\n')
    ctx.write('inetd.conf', '127.0.0.1:evalhttp stream tcp nowait nobody /usr/sbin/micro-httpd micro-httpd %s\n'
              % ctx.path('www'))


@fresh3(name='fresh3_micro_httpd_403', service='http', transport='tcp', port=403, package='micro-httpd',
        program="micro-httpd (under openbsd-inetd)",
        client='curl http://127.0.0.1:403/ ; curl http://127.0.0.1:403/notes.txt ; curl -I http://127.0.0.1:403/missing',
        sent='GET / (index.html), GET /notes.txt, HEAD /missing (404); one connection each, micro_httpd started '
             'by inetd per connection', protocol='http', pname='HTTP',
        announced={'product': 'micro_httpd', 'version': None, 'where': 'Server header "micro_httpd" (no version)'},
        prepare=_micro_prep,
        notes='inetd (openbsd-inetd) runs micro-httpd as nobody for each connection; it finds the port in '
              '/etc/services, so it runs in a private mount namespace with "evalhttp 403/tcp" bind-mounted '
              'over /etc/services.')
def fresh3_micro_httpd_403(ctx):
    from evallib import services_override
    ctx.spawn(services_override(ctx, [('evalhttp', 403, 'tcp')]) + ['/usr/sbin/inetd', '-d', ctx.path('inetd.conf')],
              'server-inetd')
    ctx.wait_listen('tcp', 403)
    browse(ctx, 403, b'micro_httpd on a ghost port', 'micro_httpd', '/notes.txt')


# ---------------------------------------------------------------- ADC: uhub (TCP 283), ncdc

def _uhub_prep(ctx):
    ctx.write('plugins.conf', '')
    ctx.write('uhub.conf', """server_port=283
server_bind_addr=127.0.0.1
hub_name=evalhub
hub_description=eval hub
max_users=20
registered_users_only=0
tls_enable=no
file_plugins=%s/plugins.conf
""" % ctx.tmp)
    ctx.mkdir('ncdc')


def ncdc_session(ctx, commands, settle=2.0):
    """ncdc (the ncurses Direct Connect client) in a pty (python3-pexpect),
    typed at: its commands one after another, a pause after each; returns
    its screen output with the terminal escapes turned into line breaks."""
    import re
    import pexpect
    c = pexpect.spawn('ncdc', ['-c', ctx.path('ncdc')], env={'TERM': 'xterm', 'HOME': ctx.tmp, 'PATH': '/usr/bin:/bin'},
                      dimensions=(40, 120), timeout=10)
    buf = b''

    def pump(t):
        nonlocal buf
        end = time.time() + t
        while time.time() < end:
            try:
                buf += c.read_nonblocking(100000, timeout=0.3)
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                return
    try:
        pump(settle)
        for cmd in commands:
            c.send(cmd + '\r')
            pump(settle)
    finally:
        c.terminate(force=True)
    return re.sub(rb'\x1b\[[0-9;?]*[a-zA-Z]', b'\n', buf).decode('utf-8', 'replace')


@fresh3(name='fresh3_uhub_283', service='adc', transport='tcp', port=283, package='uhub', program='uhub (ADC hub)',
        client='ncdc (typed at in a pty): /nick evalnick ; /open evalhub ; /connect adc://127.0.0.1:283/ ; '
               'a chat line ; /userlist ; /close ; /quit',
        sent='ADC (Advanced Direct Connect): HSUP with the client\'s features, the hub\'s ISUP / ISID / IINF, the '
             'client\'s BINF (nick, share, client ncdc <v>), the hub status message naming uhub/<v>, a BMSG '
             'chat line, the hub\'s echo', protocol=None, pname='ADC', sent_needles=[b'HSUP ', b'BINF '],
        announced={'product': 'uhub', 'version': lambda pv, ctx: version_re('uhub'),
                   'where': 'hub status message "Powered by uhub/<v>-release on Linux/AMD64" (and IINF VE)'},
        prepare=_uhub_prep,
        notes='Guests allowed, no TLS, no registered users (ADC passwords are never sent in the clear anyway). '
              'Wireshark 4.0 has no ADC dissector (expected.protocol null).')
def fresh3_uhub_283(ctx):
    ctx.spawn(['uhub', '-c', ctx.path('uhub.conf'), '-v'], 'server-uhub')
    ctx.wait_listen('tcp', 283)
    out = ncdc_session(ctx, ['/nick evalnick', '/open evalhub', '/connect adc://127.0.0.1:283/', '', 'hello from ncdc',
                             '/userlist', '/close', '/quit'])
    if 'Powered by uhub' not in out:
        raise ScenarioError('ncdc: %r' % out[-800:])


# ---------------------------------------------------------------- BitTorrent tracker over HTTP: opentracker (TCP 283)

def _ot_prep(ctx):
    ctx.mkdir('ot')
    ctx.write('ot/evalfile.txt', 'a small file for a torrent on a ghost port\n')
    ctx.run(['transmission-create', '-o', ctx.path('ot/eval.torrent'), '-t', 'http://127.0.0.1:283/announce',
             ctx.path('ot/evalfile.txt')], env={'HOME': ctx.tmp}, timeout=30)
    r = ctx.run(['transmission-show', ctx.path('ot/eval.torrent')], env={'HOME': ctx.tmp}, timeout=30)
    ih = [ln.split()[-1] for ln in r.stdout.decode().splitlines() if ln.strip().startswith('Hash:')][0]
    ctx.data['info_hash'] = ih
    ctx.write('ot/whitelist.txt', ih + '\n')


@fresh3(name='fresh3_opentracker_283', service='http', transport='tcp', port=283, package='opentracker',
        program='opentracker (BitTorrent tracker)',
        client='curl "http://127.0.0.1:283/announce?info_hash=...&peer_id=...&port=40999&...&event=started" (a seeder '
               'announces) ; transmission-cli: transmission-show --scrape <torrent> ; curl http://127.0.0.1:283/stats',
        sent='BitTorrent tracker protocol over HTTP (BEP 3 / BEP 48): GET /announce with info_hash, peer_id, port, '
             'left=0, compact=1 (a bencoded reply: complete, incomplete, interval, peers), GET /scrape by '
             'transmission-show (bencoded files dictionary), GET /stats (refused: not from the admin address)',
        protocol='http', pname='HTTP', sent_needles=[b'GET /announce?info_hash=', b'GET /scrape?info_hash='],
        prepare=_ot_prep,
        notes='The torrent (made by transmission-create, tracker http://127.0.0.1:283/announce) is the only '
              'info hash on opentracker\'s whitelist; opentracker runs as nobody, chrooted into the work dir; the '
              'announced peer (127.0.0.1:40999) is never contacted.')
def fresh3_opentracker_283(ctx):
    import urllib.parse
    ctx.spawn(['opentracker', '-i', LO, '-p', '283', '-P', '283', '-u', 'nobody', '-d', ctx.path('ot'),
               '-w', 'whitelist.txt'], 'server-opentracker')   # the whitelist is read inside the chroot
    ctx.wait_listen('tcp', 283)
    ih = urllib.parse.quote(bytes.fromhex(ctx.data['info_hash']))
    r = curl(ctx, 'http://127.0.0.1:283/announce?info_hash=%s&peer_id=-TR3000-evalpeer0001&port=40999'
             '&uploaded=0&downloaded=0&left=0&compact=1&event=started' % ih)
    if b'complete' not in r.stdout:
        raise ScenarioError('announce: %r' % r.stdout[-300:])
    r = ctx.run(['transmission-show', '--scrape', ctx.path('ot/eval.torrent')], env={'HOME': ctx.tmp}, timeout=30)
    if b'1 seeders' not in r.stdout:
        raise ScenarioError('transmission-show --scrape: %r' % r.stdout[-300:])
    curl(ctx, 'http://127.0.0.1:283/stats', check=False)


# ---------------------------------------------------------------- conserver (TCP 403), console

CONS_PW = 'Cons-s3cret'


def _cons_prep(ctx):
    import crypt
    ctx.write('conserver.passwd', '%s:%s\n' % (EVAL_USER, crypt.crypt(CONS_PW, crypt.mksalt(crypt.METHOD_SHA512))),
              mode=0o600)
    ctx.write('conserver.cf', """config * { primaryport 403; sslrequired no; }
default full { rw *; }
default * { logfile %(t)s/&.log; timestamp ""; include full; }
console evalconsole { master localhost; type exec; exec /bin/cat; }
access * { allowed 127.0.0.1; }
""" % {'t': ctx.tmp})


def console_run(ctx, args, typed=None):
    """console (conserver-client) in a pty: types the password at its prompt,
    then the lines of typed (console mode), then the escape ^Ec. to leave."""
    import pexpect
    c = pexpect.spawn('console', ['-M', LO, '-p', '403', '-l', EVAL_USER, '-E'] + args, env={'TERM': 'dumb'},
                      timeout=15)
    try:
        c.expect('password:')
        c.sendline(CONS_PW)
        if typed is not None:
            c.expect(r'\[Enter `\^Ec\?\' for help\]|attached|spy')
            for ln in typed:
                c.sendline(ln)
                time.sleep(1)
            c.send('\x05c.')
        c.expect(pexpect.EOF)
    finally:
        c.terminate(force=True)
    return (c.before or b'').decode('utf-8', 'replace')


@fresh3(name='fresh3_conserver_403', service='conserver', transport='tcp', port=403, package='conserver-server',
        program='conserver (console server)',
        client='conserver-client: console -M 127.0.0.1 -p 403 -l evaluser -E -x (the console list) ; console ... -w '
               '(who) ; console ... evalconsole (attach, type a line, ^Ec. to leave); the password typed at its prompt',
        sent='conserver\'s client protocol to the master (port 403): "login evaluser", the "passwd?" prompt, '
             '"pass <password>" in the clear, then commands (groups, master, call evalconsole) and the replies '
             '(the console group\'s own port, where the attached session goes, is not captured)',
        protocol=None, pname='conserver', sent_needles=[b'login evaluser'],
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'conserver', 'detail': 'login / pass',
                    'frame_hint': 'client->server', 'user': EVAL_USER, 'password': CONS_PW,
                    'needles': [b'login ' + EVAL_USER.encode(), CONS_PW.encode()]}],
        prepare=_cons_prep,
        notes='One console, evalconsole, running /bin/cat (type exec); conserver\'s own password file; encryption '
              'not required and turned off in the client (-E). Wireshark 4.0 has no conserver dissector '
              '(expected.protocol null).')
def fresh3_conserver_403(ctx):
    ctx.spawn(['conserver', '-C', ctx.path('conserver.cf'), '-P', ctx.path('conserver.passwd'), '-M', LO, '-p', '403',
               '-b', '40410'], 'server-conserver')
    ctx.wait_listen('tcp', 403, timeout=20)
    time.sleep(1)
    out = console_run(ctx, ['-x'])
    if 'evalconsole' not in out:
        raise ScenarioError('console -x: %r' % out[-300:])
    console_run(ctx, ['-w'])
    console_run(ctx, ['evalconsole'], typed=['hello from console'])


# ---------------------------------------------------------------- dopewars game server (TCP 283), its AI player

def _dw_prep(ctx):
    ctx.write('dopewars.conf', 'MetaServer.Active = FALSE\nBindAddress = "127.0.0.1"\n')


def stop_spawned(p):
    """Ends a long-running client that ctx.spawn started (its own session: its pid is its group)."""
    import os
    import signal
    try:
        os.killpg(p.pid, signal.SIGTERM)
        p.wait(timeout=10)
    except (OSError, ValueError):
        pass


@fresh3(name='fresh3_dopewars_283', service='dopewars', transport='tcp', port=283, package='dopewars',
        program='dopewars -S (private game server)',
        client='dopewars -c -o 127.0.0.1 -p 283 -P evalbot (the game\'s own computer player), stopped by pid after '
               '10 s of play',
        sent='dopewars\' network protocol: newline-terminated text messages (player name, game state, prices, '
             'buy / sell / jet commands of the computer player, the server\'s events) between the AI client and '
             'the server', protocol=None, pname='dopewars',
        announced={'product': 'dopewars', 'version': lambda pv, ctx: version_re('dopewars'),
                   'where': 'the server\'s first message to a client, "<v>" among its version fields'},
        prepare=_dw_prep,
        notes='A private server (no metaserver report) bound to 127.0.0.1 by its BindAddress setting; score file '
              'and log in the work dir. Wireshark 4.0 has no dopewars dissector (expected.protocol null).')
def fresh3_dopewars_283(ctx):
    conf, sco = ctx.path('dopewars.conf'), ctx.path('dopewars.sco')
    ctx.spawn(['/usr/games/dopewars', '-S', '-p', '283', '-g', conf, '-f', sco, '-l', ctx.path('dopewars.log'),
               '-r', ctx.path('dopewars.pid')], 'server-dopewars', stdin=__import__('subprocess').DEVNULL)
    ctx.wait_listen('tcp', 283)
    p = ctx.spawn(['/usr/games/dopewars', '-c', '-o', LO, '-p', '283', '-P', 'evalbot', '-g', conf, '-f', sco],
                  'client-dopewars')
    time.sleep(10)
    stop_spawned(p)
    if 'Jetting' not in ctx.logtext('client-dopewars'):
        raise ScenarioError('dopewars AI: %r' % ctx.logtext('client-dopewars')[-300:])


# ---------------------------------------------------------------- BGP: FRR bgpd (TCP 403), BIRD 2 as the peer

def _bgpd_prep(ctx):
    from sc_fresh2 import chown_tree
    ctx.mkdir('frr')
    ctx.write('frr/bgpd.conf', """hostname evalbgp
router bgp 65001
 bgp router-id 127.0.0.1
 no bgp ebgp-requires-policy
 no bgp network import-check
 neighbor 127.0.0.2 remote-as 65002
 neighbor 127.0.0.2 ebgp-multihop 2
 neighbor 127.0.0.2 passive
 address-family ipv4 unicast
  network 198.51.100.0/24
 exit-address-family
""")
    chown_tree(ctx.path('frr'), 'frr')
    ctx.write('bird.conf', """router id 127.0.0.2;
protocol device { }
protocol static { ipv4; route 192.0.2.0/24 blackhole; }
protocol bgp evalpeer {
  local 127.0.0.2 port 40179 as 65002;
  neighbor 127.0.0.1 port 403 as 65001;
  multihop;
  ipv4 { import all; export all; next hop address 192.0.2.254; };
}
""")


@fresh3(name='fresh3_frr_bgpd_403', service='bgp', transport='tcp', port=403, package='frr', program='bgpd (FRR)',
        client='bird2: bird -f -c <bird.conf> (an eBGP peer, AS 65002, local 127.0.0.2, neighbor 127.0.0.1 port 403, '
               'exporting a static 192.0.2.0/24) ; birdc show protocols / show route ; bird stopped by pid after 8 s',
        sent='BGP-4: OPEN both ways (AS 65002 / 65001, capabilities incl. FRR\'s hostname capability), KEEPALIVE, '
             'UPDATE 192.0.2.0/24 from BIRD and 198.51.100.0/24 from bgpd, End-of-RIB markers',
        protocol='bgp', pname='BGP', sent_needles=[b'\xff' * 16], prepare=_bgpd_prep,
        notes='bgpd without zebra (-Z, no kernel routes), listening on 127.0.0.1:403 only, the neighbour passive so '
              'only BIRD\'s connection (from 127.0.0.2) carries the session; runs as frr.')
def fresh3_frr_bgpd_403(ctx):
    ctx.spawn(['/usr/lib/frr/bgpd', '-Z', '-f', ctx.path('frr/bgpd.conf'), '-p', '403', '-l', LO, '-u', 'frr',
               '-g', 'frr', '-i', ctx.path('frr/bgpd.pid'), '--vty_socket', ctx.path('frr'), '-A', LO, '-P', '0'],
              'server-bgpd')
    ctx.wait_listen('tcp', 403, timeout=20)
    p = ctx.spawn(['bird', '-f', '-c', ctx.path('bird.conf'), '-s', ctx.path('bird.ctl'), '-P', ctx.path('bird.pid')],
                  'client-bird')
    time.sleep(8)
    r = ctx.run(['birdc', '-s', ctx.path('bird.ctl'), 'show', 'protocols', 'evalpeer'], timeout=20)
    if b'Established' not in r.stdout:
        raise ScenarioError('birdc: %r' % r.stdout[-300:])
    ctx.run(['birdc', '-s', ctx.path('bird.ctl'), 'show', 'route'], timeout=20)
    stop_spawned(p)


# ---------------------------------------------------------------- glances server mode: XML-RPC over HTTP (TCP 283)

def pty_client(ctx, argv, seconds, env=None):
    """A curses client in a pty (python3-pexpect) for a few seconds, then
    stopped; returns its screen output."""
    import pexpect
    e = {'TERM': 'xterm', 'HOME': ctx.tmp, 'PATH': '/usr/bin:/bin:/usr/sbin:/sbin'}
    e.update(env or {})
    c = pexpect.spawn(argv[0], argv[1:], env=e, dimensions=(40, 140), timeout=5)
    buf = b''
    end = time.time() + seconds
    try:
        while time.time() < end:
            try:
                buf += c.read_nonblocking(100000, timeout=0.3)
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                break
    finally:
        c.terminate(force=True)
    return buf.decode('utf-8', 'replace')


@fresh3(name='fresh3_glances_283', service='http', transport='tcp', port=283, package='glances',
        program='glances -s (server mode)',
        client='glances -c 127.0.0.1 -p 283 --disable-autodiscover -t 1 (the curses client in a pty, 8 s, then stopped)',
        sent='XML-RPC over HTTP/1.1: POST /RPC2 with methodCall init, getAllPlugins, getAllLimits, getAll... '
             '(every refresh) and the methodResponse documents carrying JSON of the server\'s statistics',
        protocol='http', pname='HTTP (XML-RPC)', sent_needles=[b'POST /RPC2', b'<methodName>init</methodName>'],
        announced={'product': 'Glances', 'version': lambda pv, ctx: version_re('glances'),
                   'where': 'methodResponse of init: "<v>" (the server\'s Glances version)'},
        notes='No password (glances would send a hash of it, not the password); autodiscovery (Zeroconf) off '
              'on both sides.')
def fresh3_glances_283(ctx):
    ctx.spawn(['glances', '-s', '-B', LO, '-p', '283', '--disable-autodiscover'], 'server-glances',
              env={'HOME': ctx.tmp})
    ctx.wait_listen('tcp', 283, timeout=30)
    out = pty_client(ctx, ['glances', '-c', LO, '-p', '283', '--disable-autodiscover', '-t', '1'], 8)
    if 'Connected to' not in out:
        raise ScenarioError('glances client: %r' % out[-500:])


# ---------------------------------------------------------------- RDP: freerdp-shadow-cli (TCP 403), xfreerdp

@fresh3(name='fresh3_freerdp_shadow_403', service='rdp', transport='tcp', port=403, package='freerdp2-shadow-x11',
        program='freerdp-shadow-cli (FreeRDP shadow server, X11)',
        client='freerdp2-x11: xfreerdp +auth-only /v:127.0.0.1:403 /u:evaluser /p:... /cert:ignore /sec:tls ; then '
               'xfreerdp /v:127.0.0.1:403 ... (a session, 6 s, stopped by pid); DISPLAY: a private Xvfb :59',
        sent='TPKT / X.224 Connection Request with an RDP Negotiation Request (mstshash cookie evaluser), the '
             'Negotiation Response selecting TLS, then TLS (MCS, capabilities and the shadowed screen inside)',
        protocol='rdp', pname='RDP', decode=['tcp.port==403,tpkt'], also_ok=['tpkt', 'cotp', 'tls'], no_verify=True,
        sent_needles=[b'Cookie: mstshash=' + EVAL_USER.encode()],
        notes='The shadow server shares a private Xvfb :59 (no TCP listener), binds 127.0.0.1:403, '
              'authentication off (-auth), TLS security only; its self-signed certificate is made in the work '
              'dir. Stock decode-as is tcp.port==403 as tpkt (X.224 + RDP negotiation); after the negotiation the '
              'stream is TLS, so the per-frame stock decode check is skipped.')
def fresh3_freerdp_shadow_403(ctx):
    from common import EVAL_PASS
    env = {'HOME': ctx.tmp, 'DISPLAY': ':59'}
    ctx.spawn(['Xvfb', ':59', '-nolisten', 'tcp', '-screen', '0', '320x200x24'], 'server-xvfb')
    time.sleep(2)
    ctx.spawn(['freerdp-shadow-cli', '/port:403', '/bind-address:127.0.0.1', '-auth', '/sec:tls'], 'server-shadow',
              env=env)
    ctx.wait_listen('tcp', 403, timeout=20)
    args = ['/v:127.0.0.1:403', '/u:' + EVAL_USER, '/p:' + EVAL_PASS, '/cert:ignore', '/sec:tls']
    ctx.run(['xfreerdp', '+auth-only'] + args, timeout=40, env=env)
    p = ctx.spawn(['xfreerdp'] + args, 'client-xfreerdp', env=env)
    time.sleep(6)
    stop_spawned(p)


# ---------------------------------------------------------------- Deluge RPC over TLS: deluged (TCP 283), deluge-console

DELUGE_PW = 'Dlg-s3cret'


def _deluge_prep(ctx):
    import json
    ctx.mkdir('cfg')
    ctx.write('cfg/auth', '%s:%s:10\n' % (EVAL_USER, DELUGE_PW), mode=0o600)
    # deluge's config file: a format header object, then the settings (the rest are defaults)
    ctx.write('cfg/core.conf', json.dumps({'file': 1, 'format': 1}) + json.dumps({
        'dht': False, 'lsd': False, 'upnp': False, 'natpmp': False, 'utpex': False, 'new_release_check': False,
        'listen_interface': LO, 'listen_ports': [40681, 40681], 'random_port': False, 'outgoing_interface': 'lo',
        'allow_remote': False, 'send_info': False}))


@fresh3(name='fresh3_deluged_283', service='tls', transport='tcp', port=283, package='deluged',
        program='deluged (Deluge daemon, RPC)',
        client='deluge-console: deluge-console "connect 127.0.0.1:283 evaluser <password>; info; status; config '
               'listen_ports" ; the same once more with "plugin -l"',
        sent='Deluge RPC: a TLS handshake (deluged\'s self-signed certificate), then inside TLS the zlib-compressed '
             'rencoded RPC (daemon.login with the credentials, core.get_torrents_status, core.get_session_status, '
             'core.get_config_value ...)', protocol='tls', pname='TLS (Deluge RPC inside)',
        prepare=_deluge_prep,
        notes='DHT, LSD, UPnP, NAT-PMP and the release check are off and the torrent port is bound to '
              '127.0.0.1:40681: the daemon talks to nobody but its console. The login is inside TLS: no '
              'exposure is expected.')
def fresh3_deluged_283(ctx):
    env = {'HOME': ctx.tmp}
    ctx.spawn(['deluged', '-d', '-c', ctx.path('cfg'), '-p', '283', '-u', LO, '-L', 'info', '-l',
               ctx.path('deluged.log')], 'server-deluged', env=env)
    ctx.wait_listen('tcp', 283, timeout=40)
    conn = 'connect 127.0.0.1:283 %s %s; ' % (EVAL_USER, DELUGE_PW)
    r = ctx.run(['deluge-console', '-c', ctx.path('ccfg'), conn + 'info; status; config listen_ports'], env=env,
                timeout=40)
    if b'listen_ports' not in r.stdout:
        raise ScenarioError('deluge-console: %r' % r.stdout[-300:])
    ctx.run(['deluge-console', '-c', ctx.path('ccfg'), conn + 'plugin -l'], env=env, timeout=40)


# ---------------------------------------------------------------- HTTP: WEBrick, ruby -run -e httpd (TCP 403)

def _webrick_prep(ctx):
    ctx.mkdir('www')
    ctx.write('www/index.html', '<html><body>WEBrick on a ghost port</body></html>\n')
    ctx.write('www/notes.txt', 'plain text from WEBrick\n')


@fresh3(name='fresh3_webrick_403', service='http', transport='tcp', port=403, package='ruby-webrick',
        program='WEBrick (ruby -run -e httpd)',
        client='curl http://127.0.0.1:403/ ; curl http://127.0.0.1:403/notes.txt ; curl -I http://127.0.0.1:403/missing',
        sent='GET / (index.html), GET /notes.txt, HEAD /missing (404)', protocol='http', pname='HTTP',
        announced={'product': 'WEBrick', 'version': lambda pv, ctx: version_re('ruby-webrick'),
                   'where': 'Server header "WEBrick/<v> (Ruby/<ruby version>/<date>)"'},
        prepare=_webrick_prep,
        notes='ruby -run -e httpd -- --bind-address=127.0.0.1 --port=403 <www> (the un library\'s WEBrick file server).')
def fresh3_webrick_403(ctx):
    ctx.spawn(['ruby', '-run', '-e', 'httpd', '--', '--bind-address=127.0.0.1', '--port=403', ctx.path('www')],
              'server-webrick')
    ctx.wait_listen('tcp', 403, timeout=20)
    browse(ctx, 403, b'WEBrick on a ghost port', 'webrick', '/notes.txt')


# ---------------------------------------------------------------- NFSv3: nfs-ganesha (TCP 283), libnfs-utils

def _ganesha_prep(ctx):
    import subprocess
    from more_services import RPCBIND_FILES
    import os
    ctx.data['rpcbind_preexisting'] = [f for f in RPCBIND_FILES if os.path.exists(f)]
    if subprocess.run(['pgrep', '-x', 'rpcbind'], capture_output=True).returncode == 0:
        ctx.data['rpcbind_running'] = True  # use the one that runs; do not touch it
    ctx.mkdir('export')
    ctx.write('export/hello.txt', 'an NFS file on a ghost port\n')
    ctx.write('export/notes.txt', 'a second file\n')
    ctx.write('ganesha.conf', """NFS_CORE_PARAM { Bind_addr = 127.0.0.1; NFS_Port = 283; MNT_Port = 40290; NLM_Port = 40291;
  Rquota_Port = 40292; Enable_NLM = false; Enable_RQUOTA = false; Protocols = 3, 4; Enable_UDP = false; }
NFSv4 { Graceless = true; }
EXPORT { Export_Id = 1; Path = %(t)s/export; Pseudo = /export; Access_Type = RO; Squash = No_Root_Squash;
  SecType = sys; Protocols = 3, 4; Transports = TCP; FSAL { Name = VFS; } }
LOG { Default_Log_Level = EVENT; }
""" % {'t': ctx.tmp})


def _ganesha_cleanup(ctx):
    from more_services import _rpc_cleanup
    _rpc_cleanup(ctx)


@fresh3(name='fresh3_ganesha_nfs_283', service='nfs', transport='tcp', port=283, package='nfs-ganesha',
        program='ganesha.nfsd (NFS-Ganesha, VFS backend)',
        client='libnfs-utils: nfs-ls "nfs://127.0.0.1<export>?nfsport=283&mountport=40290" ; nfs-cat .../hello.txt ; '
               'nfs-cat .../notes.txt',
        sent='NFSv3 over ONC-RPC (TCP record marking, AUTH_SYS): FSINFO, GETATTR, READDIRPLUS, LOOKUP, ACCESS, READ '
             'of the two files; the MOUNT exchange goes to port 40290 and is not captured', protocol='nfs',
        pname='NFS', decode=['tcp.port==283,rpc'], also_ok=['rpc'], prepare=_ganesha_prep, cleanup=_ganesha_cleanup,
        filter='tcp port 283',
        notes='A read-only export of a work-dir directory; NLM, RQUOTA and UDP off. ganesha registers with rpcbind, '
              'so the recorder starts rpcbind -f for the scenario when none runs (port 111 is not captured).')
def fresh3_ganesha_nfs_283(ctx):
    if not ctx.data.get('rpcbind_running'):
        ctx.spawn(['/usr/sbin/rpcbind', '-f'], 'server-rpcbind')
        ctx.wait_listen('udp', 111, addr='0.0.0.0')
    ctx.spawn(['ganesha.nfsd', '-F', '-f', ctx.path('ganesha.conf'), '-L', ctx.path('ganesha.log'),
               '-p', ctx.path('ganesha.pid')], 'server-ganesha')
    ctx.wait_listen('tcp', 283, timeout=30, addr='::ffff:127.0.0.1')
    time.sleep(1)
    url = 'nfs://127.0.0.1%s%%s?nfsport=283&mountport=40290' % ctx.path('export')
    r = ctx.run(['nfs-ls', url % ''], timeout=30)
    if b'hello.txt' not in r.stdout:
        raise ScenarioError('nfs-ls: %r' % r.stdout[-300:])
    ctx.run(['nfs-cat', url % '/hello.txt'], timeout=30)
    ctx.run(['nfs-cat', url % '/notes.txt'], timeout=30)


# ---------------------------------------------------------------- tinc VPN: tincd (TCP 403), a second tincd

def _tinc_prep(ctx):
    import shutil
    for d, name, port, subnet, extra in (('hub', 'evalhub', 403, '10.203.0.1/32', ''),
                                         ('node', 'evalnode', 40294, '10.203.0.2/32', 'ConnectTo = evalhub\n')):
        ctx.mkdir(d + '/hosts')
        ctx.write(d + '/tinc.conf', 'Name = %s\nDeviceType = dummy\n%sBindToAddress = 127.0.0.1\nPort = %d\n'
                  'AddressFamily = ipv4\n' % (name, extra, port))
        ctx.write('%s/hosts/%s' % (d, name), 'Address = 127.0.0.1 %d\nSubnet = %s\n' % (port, subnet))
        ctx.run(['tincd', '-c', ctx.path(d), '-K2048'], timeout=60, input=b'')
    shutil.copy(ctx.path('hub/hosts/evalhub'), ctx.path('node/hosts/evalhub'))
    shutil.copy(ctx.path('node/hosts/evalnode'), ctx.path('hub/hosts/evalnode'))


@fresh3(name='fresh3_tincd_403', service='tinc', transport='tcp', port=403, package='tinc', program='tincd (tinc 1.0)',
        client='a second tincd (node evalnode, ConnectTo = evalhub at 127.0.0.1 port 403), stopped by pid after 8 s',
        sent='tinc 1.0 meta protocol: the ID lines ("0 evalnode 17" / "0 evalhub 17") in the clear, then the RSA '
             'METAKEY exchange and the encrypted meta connection (CHALLENGE, CHAL_REPLY, ACK, ADD_SUBNET, PING)',
        protocol=None, pname='tinc', sent_needles=[b'0 evalnode 17'], prepare=_tinc_prep,
        notes='Both daemons use DeviceType = dummy (no tun device, no VPN traffic) and bind 127.0.0.1; RSA keys '
              'made for the run. Wireshark 4.0 has no tinc dissector (expected.protocol null).')
def fresh3_tincd_403(ctx):
    ctx.spawn(['tincd', '-c', ctx.path('hub'), '-D', '-d2', '--pidfile=' + ctx.path('hub.pid')], 'server-tincd')
    ctx.wait_listen('tcp', 403, timeout=20)
    p = ctx.spawn(['tincd', '-c', ctx.path('node'), '-D', '-d2', '--pidfile=' + ctx.path('node.pid')], 'client-tincd')
    time.sleep(8)
    stop_spawned(p)
    if 'activated' not in ctx.logtext('client-tincd'):
        raise ScenarioError('tincd node: %r' % ctx.logtext('client-tincd')[-400:])


# ---------------------------------------------------------------- NSCA-ng over TLS-PSK: nsca-ng (TCP 283), send_nsca

NSCA_PW = 'Nsca-s3cret'


def _nsca_prep(ctx):
    import os
    os.mkfifo(ctx.path('nagios.cmd'))
    ctx.write('nsca-ng.cfg', 'command_file = "%s"\nlisten = "127.0.0.1:283"\nauthorize "%s" {\n  password = "%s"\n'
              '  hosts = ".*"\n  services = ".*"\n}\n' % (ctx.path('nagios.cmd'), EVAL_USER, NSCA_PW), mode=0o600)
    ctx.write('send_nsca.cfg', 'server = "127.0.0.1"\nport = 283\nidentity = "%s"\npassword = "%s"\n'
              % (EVAL_USER, NSCA_PW), mode=0o600)


@fresh3(name='fresh3_nsca_ng_283', service='tls', transport='tcp', port=283, package='nsca-ng-server',
        program='nsca-ng (NSCA-ng server)',
        client='nsca-ng-client: printf "evalhost\\tevalservice\\t0\\tOK - all fine\\n" | send_nsca -c <send_nsca.cfg> ; '
               'the same for a host check result and a WARNING service result',
        sent='TLS 1.2 / 1.3 with a pre-shared key (PSK identity "evaluser" in the clear, no certificate); inside, '
             'NSCA-ng\'s MOIN / PUSH / OKAY lines carrying PROCESS_SERVICE_CHECK_RESULT and '
             'PROCESS_HOST_CHECK_RESULT commands', protocol='tls', pname='TLS (NSCA-ng inside, PSK)',
        prepare=_nsca_prep,
        notes='The command file is a FIFO in the work dir, read by cat (what Nagios would read). The password is '
              'the TLS pre-shared key and never crosses the wire: no exposure is expected.')
def fresh3_nsca_ng_283(ctx):
    ctx.spawn(['sh', '-c', 'exec cat "$0" > "$0.out"', ctx.path('nagios.cmd')], 'client-cmdreader')
    ctx.spawn(['nsca-ng', '-c', ctx.path('nsca-ng.cfg'), '-F', '-l', '2'], 'server-nsca-ng')
    ctx.wait_listen('tcp', 283, timeout=20)
    send = ['send_nsca', '-c', ctx.path('send_nsca.cfg')]
    ctx.run(send, input=b'evalhost\tevalservice\t0\tOK - all fine\n', timeout=20)
    ctx.run(send, input=b'evalhost\t0\tUP - host fine\n', timeout=20)
    ctx.run(send, input=b'evalhost\tdisk\t1\tWARNING - 81% used\n', timeout=20)


# ---------------------------------------------------------------- sslh protocol demultiplexer (TCP 403), curl

@fresh3(name='fresh3_sslh_403', service='http', transport='tcp', port=403, package='sslh',
        program='sslh (sslh-fork, protocol demultiplexer)',
        client='curl http://127.0.0.1:403/ ; curl http://127.0.0.1:403/a/b ; curl -I http://127.0.0.1:403/missing '
               '(sslh sees HTTP and forwards to the HTTP origin)',
        sent='HTTP/1.1 GET / , GET /a/b, HEAD /missing through sslh; the replies come from the origin behind it '
             '(python http.server on 127.0.0.1:40480, not captured), passed back unchanged',
        protocol='http', pname='HTTP', sent_needles=[b'GET /a/b'],
        notes='sslh -f -p 127.0.0.1:403 --http 127.0.0.1:40480 --ssh 127.0.0.1:40022 --user nobody (nothing '
              'listens on 40022; only HTTP is sent). The origin is python http.server on 127.0.0.1:40480 (not '
              'captured).')
@with_origin
def fresh3_sslh_403(ctx):
    ctx.spawn(['sslh', '-f', '-p', '127.0.0.1:403', '--http', '127.0.0.1:%d' % ORIGIN_PORT, '--ssh', '127.0.0.1:40022',
               '--user', 'nobody'], 'server-sslh')
    ctx.wait_listen('tcp', 403, timeout=20)
    browse(ctx, 403, b'origin', 'sslh', '/a/b')


# ---------------------------------------------------------------- webdis: Redis over HTTP (TCP 283), curl

WEBDIS_PW = 'Wbd-s3cret'


def _webdis_prep(ctx):
    import json
    ctx.write('redis.conf', 'bind 127.0.0.1\nport 40379\ndaemonize no\ndir %s\nsave ""\nappendonly no\n' % ctx.tmp)
    ctx.write('webdis.json', json.dumps({
        'redis_host': '127.0.0.1', 'redis_port': 40379, 'redis_auth': None, 'http_host': '127.0.0.1',
        'http_port': 283, 'threads': 2, 'daemonize': False, 'database': 0, 'verbosity': 3,
        'logfile': ctx.path('webdis.log'),
        'acl': [{'disabled': ['DEBUG', 'SET', 'DEL', 'FLUSHALL', 'FLUSHDB', 'CONFIG']},
                {'http_basic_auth': '%s:%s' % (EVAL_USER, WEBDIS_PW), 'enabled': ['SET', 'DEL']}]}, indent=1))


@fresh3(name='fresh3_webdis_283', service='http', transport='tcp', port=283, package='webdis',
        program='webdis (Redis over HTTP)',
        client='curl -u evaluser:... http://127.0.0.1:283/SET/evalkey/hello ; curl http://127.0.0.1:283/GET/evalkey ; '
               'curl http://127.0.0.1:283/INCR/evalcount.txt ; curl http://127.0.0.1:283/SET/x/y (403 without '
               'credentials)',
        sent='HTTP/1.1 GET /<COMMAND>/<args> requests (SET with HTTP Basic evaluser / Wbd-s3cret, GET, INCR with '
             'a .txt suffix, SET without credentials) and webdis\' JSON / plain-text replies',
        protocol='http', pname='HTTP', sent_needles=[b'GET /SET/evalkey/hello'],
        announced={'product': 'Webdis', 'version': None, 'where': 'Server header "Webdis" (no version)'},
        exposures=[basic_exposure('http', EVAL_USER, WEBDIS_PW)], prepare=_webdis_prep,
        notes='The Redis behind it (redis-server on 127.0.0.1:40379, no persistence) is not captured; the ACL '
              'allows SET / DEL only with HTTP Basic credentials.')
def fresh3_webdis_283(ctx):
    ctx.spawn(['redis-server', ctx.path('redis.conf')], 'server-redis')
    ctx.wait_listen('tcp', 40379, timeout=20)
    ctx.spawn(['webdis', ctx.path('webdis.json')], 'server-webdis')
    ctx.wait_listen('tcp', 283, timeout=20)
    r = curl(ctx, '-u', '%s:%s' % (EVAL_USER, WEBDIS_PW), 'http://127.0.0.1:283/SET/evalkey/hello')
    if b'OK' not in r.stdout:
        raise ScenarioError('webdis SET: %r' % r.stdout[-300:])
    r = curl(ctx, 'http://127.0.0.1:283/GET/evalkey')
    if b'hello' not in r.stdout:
        raise ScenarioError('webdis GET: %r' % r.stdout[-300:])
    curl(ctx, 'http://127.0.0.1:283/INCR/evalcount.txt')
    curl(ctx, 'http://127.0.0.1:283/SET/x/y', check=False)


# ---------------------------------------------------------------- ziproxy, a compressing HTTP proxy (TCP 403)

ZIP_PW = 'Zip-s3cret'


def _ziproxy_prep(ctx):
    ctx.write('http.passwd', '%s:%s\n' % (EVAL_USER, ZIP_PW), mode=0o644)
    ctx.write('ziproxy.conf', 'Port = 403\nAddress = "127.0.0.1"\nOnlyFrom = "127.0.0.1"\nAuthMode = 1\n'
              'AuthPasswdFile = "%s"\nDebugLog = "%s"\nErrorLog = "%s"\n'
              % (ctx.path('http.passwd'), ctx.path('debug.log'), ctx.path('error.log')))


@fresh3(name='fresh3_ziproxy_403', service='http', transport='tcp', port=403, package='ziproxy',
        program='ziproxy (compressing HTTP proxy)',
        client='curl -x http://127.0.0.1:403 http://127.0.0.1:40480/ (407) ; curl -x ... --proxy-user evaluser:... '
               'http://127.0.0.1:40480/ and .../page.html',
        sent='HTTP proxy requests in absolute form (GET http://127.0.0.1:40480/...), the 407 that asks for proxy '
             'credentials, then Proxy-Authorization: Basic evaluser / Zip-s3cret; the origin\'s replies passed back',
        protocol='http', pname='HTTP (proxy)', sent_needles=[b'GET http://127.0.0.1:40480/'],
        exposures=[basic_exposure('http', EVAL_USER, ZIP_PW, header='Proxy-Authorization')],
        prepare=_ziproxy_prep, notes=ORIGIN_NOTE)
@with_origin
def fresh3_ziproxy_403(ctx):
    # ziproxy -d forks into the background: stopped through its pid file
    ctx.pidfile('server-ziproxy', ctx.path('ziproxy.pid'))
    ctx.run(['ziproxy', '-d', '-c', ctx.path('ziproxy.conf'), '-u', 'nobody', '-g', 'nogroup', '-p',
             ctx.path('ziproxy.pid')], timeout=20)
    ctx.wait_listen('tcp', 403, timeout=20)
    origin = 'http://127.0.0.1:%d/' % ORIGIN_PORT
    curl(ctx, '-x', 'http://127.0.0.1:403', origin, check=False)
    auth = ['-x', 'http://127.0.0.1:403', '--proxy-user', '%s:%s' % (EVAL_USER, ZIP_PW)]
    r = curl(ctx, *auth, origin)
    if b'origin' not in r.stdout:
        raise ScenarioError('ziproxy: %r' % r.stdout[-300:])
    curl(ctx, *auth, origin + 'page.html', check=False)
