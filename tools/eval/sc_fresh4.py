# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh4 set (split "fresh4", names fresh4_*): a fifth held-out set.
Its programs were DRAWN from a new pool: candidate server programs that are
in none of captures/ghost/, the tune / heldout half, the fresh, fresh2 and
fresh3 sets, nor among fresh3's pool candidates, written first, shuffled with
a seed from /dev/urandom, and recorded in the drawn order
(tools/eval/fresh4-pool.md; doc/evaluation.md, "Fresh4 set"). Same
recorder, same manifest schema, same checks; only the split differs
(evallib.svc split=FRESH4_SPLIT). Ports alternate 283 / 403 in the order of
recording."""
import functools
import time

from evallib import FRESH4_SPLIT, LO, ScenarioError, svc, version_re
from common import EVAL_USER
from sc_web import ORIGIN_PORT, curl
from sc_fresh import ORIGIN_NOTE, basic_exposure, with_origin
from sc_fresh3 import APP_CLIENT, APP_SENT, app_client, stop_spawned

fresh4 = functools.partial(svc, split=FRESH4_SPLIT)


MARK = 'RESCAP_EVAL_SCENARIO'   # set in an inetd's environment: its children (and theirs) carry it


def stop_marked(ctx):
    """Cleanup: stops, by pid, the processes that inherited this scenario's
    marker from its inetd (a "wait" datagram server such as in.ntalkd, or a
    server started for nmap's probe, can outlive the inetd that started it)."""
    import os
    import signal
    want = ('%s=%s' % (MARK, ctx.name)).encode()
    for pid in os.listdir('/proc'):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open('/proc/%s/environ' % pid, 'rb') as f:
                if want in f.read().split(b'\0'):
                    os.kill(int(pid), signal.SIGTERM)
        except OSError:
            continue


def marked_inetd(ctx, line, transport, port):
    """openbsd-inetd with one service line, its environment marked for stop_marked()."""
    ctx.write('inetd.conf', line + '\n')
    ctx.spawn(['/usr/sbin/inetd', '-d', ctx.path('inetd.conf')], 'server-inetd', env={MARK: ctx.name})
    ctx.wait_listen(transport, port)


# ---------------------------------------------------------------- L2TP: xl2tpd as LNS (UDP 283), a second xl2tpd as LAC

L2TP_COMMON = """length bit = yes
require authentication = no
pppoptfile = %(t)s/ppp.opts
"""


def _xl2tpd_prep(ctx):
    t = {'t': ctx.tmp}
    ctx.write('ppp.opts', 'noauth\n')
    ctx.write('lns.conf', """[global]
listen-addr = 127.0.0.1
port = 283
access control = no
[lns default]
ip range = 10.99.0.10-10.99.0.20
local ip = 10.99.0.1
name = evallns
""" + L2TP_COMMON % t)
    ctx.write('lac.conf', """[global]
listen-addr = 127.0.0.1
port = 40283
access control = no
[lac eval]
lns = 127.0.0.1:283
name = evallac
autodial = yes
redial = no
""" + L2TP_COMMON % t)


@fresh4(name='fresh4_xl2tpd_283', service='l2tp', transport='udp', port=283, package='xl2tpd',
        program='xl2tpd (L2TP network server)',
        client='xl2tpd (a second instance as LAC: lns = 127.0.0.1:283, autodial, from 127.0.0.1:40283)',
        sent='L2TPv2 control connection over UDP: SCCRQ (host name of this machine, vendor xelerance.com), SCCRP, SCCCN, '
             'ZLB acknowledgements, ICRQ / ICRP / ICCN for one call, then CDN and StopCCN when pppd (started by '
             'both ends for the call) cannot open /dev/ppp and exits',
        protocol='l2tp', pname='L2TP', sent_needles=[b'xelerance.com'], prepare=_xl2tpd_prep,
        notes='Both ends bound to 127.0.0.1; no authentication; this machine has no /dev/ppp, so the PPP session '
              'inside the call never starts (the capture holds the L2TP control exchange only).')
def fresh4_xl2tpd_283(ctx):
    ctx.spawn(['xl2tpd', '-D', '-c', ctx.path('lns.conf'), '-p', ctx.path('lns.pid'), '-C', ctx.path('lns.ctl')],
              'server-xl2tpd')
    ctx.wait_listen('udp', 283)
    p = ctx.spawn(['xl2tpd', '-D', '-c', ctx.path('lac.conf'), '-p', ctx.path('lac.pid'), '-C', ctx.path('lac.ctl')],
                  'client-xl2tpd')
    ctx.wait_log('server-xl2tpd', 'Call established', timeout=20)
    time.sleep(4)
    stop_spawned(p)


def self_signed(ctx, cn='eval.test'):
    """A throw-away P-256 key and self-signed certificate in the work dir."""
    ctx.run(['openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
             '-subj', '/CN=' + cn, '-keyout', ctx.path('key.pem'), '-out', ctx.path('cert.pem')], timeout=30)


# ---------------------------------------------------------------- DNS: stubby (UDP 403), an unbound DoT upstream

DOT_PORT = 40853   # the upstream's DNS-over-TLS port (not captured)


def unbound_zone(ctx, port, tls=False):
    """unbound as a loopback upstream serving the static zone eval.test on
    127.0.0.1:port (over TLS with the work dir's key when tls), nothing else."""
    tls_lines = ('  tls-port: %(p)d\n  tls-service-key: "%(t)s/key.pem"\n  tls-service-pem: "%(t)s/cert.pem"\n'
                 if tls else '')
    ctx.write('unbound.conf', ("""server:
  interface: 127.0.0.1@%(p)d
""" + tls_lines + """  do-ip6: no
  username: ""
  chroot: ""
  directory: "%(t)s"
  pidfile: "%(t)s/unbound.pid"
  use-syslog: no
  access-control: 127.0.0.0/8 allow
  local-zone: "eval.test." static
  local-data: "www.eval.test. 300 IN A 192.0.2.80"
  local-data: "mail.eval.test. 300 IN A 192.0.2.25"
  local-data: "eval.test. 300 IN MX 10 mail.eval.test."
  local-data: 'eval.test. 300 IN TXT "a zone behind a ghost port"'
remote-control:
  control-enable: no
""") % {'p': port, 't': ctx.tmp})


def dig_eval_zone(ctx, port):
    """dig: A, MX, TXT of eval.test and A of a missing name; the first must be answered."""
    for q in (['www.eval.test', 'A'], ['eval.test', 'MX'], ['eval.test', 'TXT'], ['missing.eval.test', 'A']):
        r = ctx.run(['dig', '@127.0.0.1', '-p', str(port), '+tries=1', '+time=5'] + q, timeout=20)
        if q[0] == 'www.eval.test' and b'192.0.2.80' not in r.stdout:
            raise ScenarioError('dig: %r' % r.stdout[-400:])


DIG_CLIENT = ('bind9-dnsutils: dig @127.0.0.1 -p %(p)d www.eval.test A ; ... eval.test MX ; ... eval.test TXT ; '
              '... missing.eval.test A')


def _stubby_prep(ctx):
    self_signed(ctx, 'dns.eval.test')
    unbound_zone(ctx, DOT_PORT, tls=True)
    ctx.write('stubby.yml', """resolution_type: GETDNS_RESOLUTION_STUB
dns_transport_list:
  - GETDNS_TRANSPORT_TLS
tls_authentication: GETDNS_AUTHENTICATION_NONE
tls_query_padding_blocksize: 128
edns_client_subnet_private: 1
idle_timeout: 10000
listen_addresses:
  - 127.0.0.1@403
round_robin_upstreams: 0
upstream_recursive_servers:
  - address_data: 127.0.0.1
    tls_port: %d
    tls_auth_name: "dns.eval.test"
""" % DOT_PORT)


@fresh4(name='fresh4_stubby_403', service='dns', transport='udp', port=403, package='stubby',
        program='stubby (DNS-over-TLS stub resolver)',
        client=DIG_CLIENT % {'p': 403},
        sent='DNS over UDP: four queries (A, MX, TXT, A of a missing name) with EDNS, and stubby\'s answers (the '
             'records of eval.test, NXDOMAIN for the missing name), which it got from its upstream over TLS',
        protocol='dns', pname='DNS', sent_needles=[b'\x03www\x04eval\x04test\x00'], prepare=_stubby_prep,
        notes='stubby listens on 127.0.0.1:403; its only upstream is unbound on 127.0.0.1:%d over DNS-over-TLS '
              '(throw-away self-signed certificate, not authenticated), serving the static zone eval.test; '
              'the TLS leg is not captured.' % DOT_PORT)
def fresh4_stubby_403(ctx):
    ctx.spawn(['unbound', '-d', '-c', ctx.path('unbound.conf')], 'server-unbound')
    ctx.wait_listen('tcp', DOT_PORT)
    ctx.spawn(['stubby', '-C', ctx.path('stubby.yml'), '-l'], 'server-stubby')
    ctx.wait_listen('udp', 403)
    dig_eval_zone(ctx, 403)


# ---------------------------------------------------------------- HTTP: webhook (TCP 283)

HOOK_TOKEN = 'Hook-s3cret'


def _webhook_prep(ctx):
    import json
    ctx.write('hooks.json', json.dumps([{
        'id': 'deploy', 'execute-command': '/bin/echo', 'command-working-directory': ctx.tmp,
        'pass-arguments-to-command': [{'source': 'payload', 'name': 'ref'}],
        'response-message': 'deploy queued\n', 'include-command-output-in-response': False,
        'trigger-rule': {'match': {'type': 'value', 'value': HOOK_TOKEN,
                                   'parameter': {'source': 'header', 'name': 'X-Eval-Token'}}}}], indent=1))


@fresh4(name='fresh4_webhook_283', service='http', transport='tcp', port=283, package='webhook',
        program='webhook (adnanh/webhook)',
        client='curl -X POST -H "X-Eval-Token: ..." -H "Content-Type: application/json" -d \'{"ref": ...}\' '
               'http://127.0.0.1:283/hooks/deploy ; the same without the token ; curl http://127.0.0.1:283/hooks/missing',
        sent='POST /hooks/deploy with a JSON body and the hook\'s token header (200 "deploy queued", the hook runs '
             '/bin/echo with the ref), the same POST without the token (rules not satisfied), GET of an unknown '
             'hook (404)',
        protocol='http', pname='HTTP', sent_needles=[b'POST /hooks/deploy'], prepare=_webhook_prep,
        notes='webhook -ip 127.0.0.1 -port 283 with one hook whose trigger rule is a header token (a throw-away '
              'value, sent in the clear in a custom header: not an HTTP authentication scheme, so not listed as an '
              'exposure).')
def fresh4_webhook_283(ctx):
    ctx.spawn(['webhook', '-hooks', ctx.path('hooks.json'), '-ip', LO, '-port', '283', '-verbose'], 'server-webhook')
    ctx.wait_listen('tcp', 283)
    base = 'http://127.0.0.1:283/hooks/'
    body = '{"ref": "refs/heads/main", "repository": "eval"}'
    r = curl(ctx, '-X', 'POST', '-H', 'X-Eval-Token: ' + HOOK_TOKEN, '-H', 'Content-Type: application/json',
             '-d', body, base + 'deploy')
    if b'deploy queued' not in r.stdout:
        raise ScenarioError('webhook: %r' % r.stdout[-300:])
    curl(ctx, '-X', 'POST', '-H', 'Content-Type: application/json', '-d', body, base + 'deploy', check=False)
    curl(ctx, base + 'missing', check=False)


# ---------------------------------------------------------------- Finger: cfingerd under openbsd-inetd (TCP 403)

@fresh4(name='fresh4_cfingerd_403', service='finger', transport='tcp', port=403, package='cfingerd',
        program='cfingerd (configurable finger daemon, under openbsd-inetd)',
        client='finger evaluser@127.0.0.1 ; finger @127.0.0.1 ; finger nosuchuser@127.0.0.1 (netkit finger; its '
               'port comes from /etc/services, so it runs in a private mount namespace where "finger 403/tcp" is '
               'bind-mounted over /etc/services)',
        sent='three finger queries, one connection each: "evaluser" (the user record back), an empty query (user '
             'list, or cfingerd\'s refusal), "nosuchuser" (cfingerd\'s no-such-user banner)',
        protocol='finger', pname='Finger', sent_needles=[EVAL_USER.encode() + b'\r\n'],
        notes='inetd (openbsd-inetd) runs cfingerd as root per connection (cfingerd drops to nobody itself) with '
              'Debian\'s default /etc/cfingerd/cfingerd.conf; the temporary account evaluser is the one fingered.',
        cleanup=stop_marked)
def fresh4_cfingerd_403(ctx):
    from evallib import services_override
    marked_inetd(ctx, '127.0.0.1:403 stream tcp nowait root /usr/sbin/cfingerd cfingerd', 'tcp', 403)
    fin = services_override(ctx, [('finger', 403, 'tcp')]) + ['finger']
    r = ctx.run(fin + ['%s@127.0.0.1' % EVAL_USER], timeout=20)
    if EVAL_USER.encode() not in r.stdout:
        raise ScenarioError('finger: %r' % r.stdout[-300:])
    ctx.run(fin + ['@127.0.0.1'], timeout=20, check=False)
    ctx.run(fin + ['nosuchuser@127.0.0.1'], timeout=20, check=False)


# ---------------------------------------------------------------- HTTP: Mojolicious' own server (TCP 283)

MOJO_PW = 'Mojo-s3cret'

MOJO_APP = """use Mojolicious::Lite;
use Mojo::Util qw(b64_encode);
# a page, and a page behind HTTP Basic (checked here)
my $want = 'Basic ' . b64_encode('%(u)s:%(pw)s', '');
any '/*whatever' => {whatever => ''} => sub {
  my $c = shift;
  my $p = $c->req->url->path->to_string;
  if ($p =~ m{^/private}) {
    if (($c->req->headers->authorization // '') ne $want) {
      $c->res->headers->www_authenticate('Basic realm="eval"');
      return $c->render(text => "who?\\n", status => 401, format => 'txt');
    }
    return $c->render(text => "private\\n", format => 'txt');
  }
  return $c->render(text => "missing\\n", status => 404, format => 'txt') if $p eq '/missing';
  $c->render(text => "<html><body>mojolicious on a ghost port</body></html>\\n", format => 'html');
};
app->start;
"""


def _mojo_prep(ctx):
    ctx.write('evalapp.pl', MOJO_APP % {'u': EVAL_USER, 'pw': MOJO_PW})


@fresh4(name='fresh4_mojo_daemon_283', service='http', transport='tcp', port=283, package='libmojolicious-perl',
        program='Mojolicious daemon (Perl, Mojo::Server::Daemon)', client=APP_CLIENT % {'p': 283},
        sent=APP_SENT % MOJO_PW, protocol='http', pname='HTTP',
        announced={'product': 'Mojolicious', 'version': None, 'where': 'Server header "Mojolicious (Perl)" (no version)'},
        exposures=[basic_exposure('http', EVAL_USER, MOJO_PW)], prepare=_mojo_prep,
        notes='perl evalapp.pl daemon -m production -l http://127.0.0.1:283: a Mojolicious::Lite application '
              '(evalapp.pl in the work dir).')
def fresh4_mojo_daemon_283(ctx):
    ctx.spawn(['perl', ctx.path('evalapp.pl'), 'daemon', '-m', 'production', '-l', 'http://127.0.0.1:283'],
              'server-mojo', cwd=ctx.tmp)
    ctx.wait_listen('tcp', 283, timeout=30)
    app_client(ctx, 283, MOJO_PW)


# ---------------------------------------------------------------- HTTP: ocsigenserver (TCP 403)

def _ocsigen_prep(ctx):
    for d in ('www', 'log', 'data'):
        ctx.mkdir(d, 0o777)
    ctx.write('www/index.html', '<html><body>ocsigenserver on a ghost port</body></html>\n')
    ctx.write('www/notes.txt', 'plain text from ocsigenserver\n')
    ctx.write('ocsigen.conf', """<ocsigen>
  <server>
    <port>127.0.0.1:403</port>
    <logdir>%(t)s/log</logdir>
    <datadir>%(t)s/data</datadir>
    <charset>utf-8</charset>
    <commandpipe>%(t)s/ocsigen.cmd</commandpipe>
    <extension findlib-package="ocsigenserver.ext.staticmod"/>
    <host hostfilter="*" defaulthostname="eval.test">
      <static dir="%(t)s/www" />
    </host>
  </server>
</ocsigen>
""" % {'t': ctx.tmp})


@fresh4(name='fresh4_ocsigenserver_403', service='http', transport='tcp', port=403, package='ocsigenserver',
        program='ocsigenserver (OCaml web server, staticmod)',
        client='curl http://127.0.0.1:403/ ; curl http://127.0.0.1:403/notes.txt ; curl -I http://127.0.0.1:403/missing',
        sent='GET / (index.html), GET /notes.txt, HEAD /missing (404)', protocol='http', pname='HTTP',
        announced={'product': 'Ocsigen', 'version': None, 'where': 'server header "Ocsigen" (no version)'},
        prepare=_ocsigen_prep,
        notes='ocsigenserver -c ocsigen.conf: one host serving a static directory with staticmod, listening on '
              '127.0.0.1:403, running as root (with <user> nobody it drops privileges before it binds, and cannot bind 403). '
              'Its findlib packages need libre-ocaml-dev and libssl-ocaml-dev '
              'installed next to it.')
def fresh4_ocsigenserver_403(ctx):
    from sc_web import browse
    ctx.spawn(['ocsigenserver', '-c', ctx.path('ocsigen.conf')], 'server-ocsigen', cwd=ctx.tmp)
    ctx.wait_listen('tcp', 403, timeout=30)
    browse(ctx, 403, b'ocsigenserver on a ghost port', 'ocsigenserver', '/notes.txt')


# ---------------------------------------------------------------- BGP: ExaBGP (TCP 283), BIRD 2 as the peer

def _exabgp_prep(ctx):
    ctx.mkdir('run')
    ctx.write('exabgp.conf', """neighbor 127.0.0.2 {
  router-id 127.0.0.1;
  local-address 127.0.0.1;
  local-as 65001;
  peer-as 65002;
  passive true;
  family { ipv4 unicast; }
  static {
    route 198.51.100.0/24 next-hop 127.0.0.1;
  }
}
""")
    ctx.write('bird.conf', """router id 127.0.0.2;
protocol device { }
protocol static { ipv4; route 192.0.2.0/24 blackhole; }
protocol bgp evalpeer {
  local 127.0.0.2 port 40179 as 65002;
  neighbor 127.0.0.1 port 283 as 65001;
  multihop;
  ipv4 { import all; export all; next hop address 192.0.2.254; };
}
""")


@fresh4(name='fresh4_exabgp_283', service='bgp', transport='tcp', port=283, package='exabgp', program='exabgp',
        client='bird2: bird -f -c <bird.conf> (an eBGP peer, AS 65002, local 127.0.0.2, neighbor 127.0.0.1 port 283, '
               'exporting a static 192.0.2.0/24) ; birdc show protocols / show route ; bird stopped by pid after 8 s',
        sent='BGP-4: OPEN both ways (AS 65002 / 65001 and their capabilities), KEEPALIVE, UPDATE 192.0.2.0/24 from '
             'BIRD and 198.51.100.0/24 from ExaBGP, End-of-RIB markers, BIRD\'s NOTIFICATION (Cease) when stopped',
        protocol='bgp', pname='BGP', sent_needles=[b'\xff' * 16], prepare=_exabgp_prep,
        notes='ExaBGP listens on 127.0.0.1:283 (exabgp.tcp.bind / exabgp.tcp.port in its environment), one passive '
              'neighbour 127.0.0.2 with a static route; it never touches the kernel\'s routes.')
def fresh4_exabgp_283(ctx):
    ctx.spawn(['exabgp', ctx.path('exabgp.conf')], 'server-exabgp',
              env={'exabgp.tcp.bind': LO, 'exabgp.tcp.port': '283', 'exabgp.daemon.user': 'root',
                   'exabgp.log.destination': 'stdout'})
    ctx.wait_listen('tcp', 283, timeout=30)
    p = ctx.spawn(['bird', '-f', '-c', ctx.path('bird.conf'), '-s', ctx.path('bird.ctl'), '-P', ctx.path('bird.pid')],
                  'client-bird')
    time.sleep(8)
    r = ctx.run(['birdc', '-s', ctx.path('bird.ctl'), 'show', 'protocols', 'evalpeer'], timeout=20)
    if b'Established' not in r.stdout:
        raise ScenarioError('birdc: %r' % r.stdout[-300:])
    ctx.run(['birdc', '-s', ctx.path('bird.ctl'), 'show', 'route'], timeout=20)
    stop_spawned(p)


# ---------------------------------------------------------------- DNS: dnsproxy (UDP 403), unbound behind it

DNS_BACK = 40530   # the plain-DNS upstream behind the proxy (not captured)


def _dnsproxy_prep(ctx):
    unbound_zone(ctx, DNS_BACK)
    ctx.mkdir('chroot')
    ctx.write('dnsproxy.conf', """authoritative 127.0.0.1
authoritative-port %(b)d
authoritative-timeout 10
recursive 127.0.0.1
recursive-port %(b)d
recursive-timeout 10
listen 127.0.0.1
port 403
chroot %(t)s/chroot
user nobody
internal 127.0.0.1
""" % {'b': DNS_BACK, 't': ctx.tmp})


@fresh4(name='fresh4_dnsproxy_403', service='dns', transport='udp', port=403, package='dnsproxy',
        program='dnsproxy (Armin Wolfermann\'s DNS proxy)', client=DIG_CLIENT % {'p': 403},
        sent='DNS over UDP: four queries (A, MX, TXT, A of a missing name) with EDNS, and the answers dnsproxy '
             'relays from its upstream (the records of eval.test, NXDOMAIN for the missing name)',
        protocol='dns', pname='DNS', sent_needles=[b'\x03www\x04eval\x04test\x00'], prepare=_dnsproxy_prep,
        notes='dnsproxy listens on 127.0.0.1:403 (chrooted into the work dir, as nobody); 127.0.0.1 is "internal", so '
              'its queries go to the recursive upstream: unbound on 127.0.0.1:%d serving the static zone eval.test '
              '(not captured).' % DNS_BACK)
def fresh4_dnsproxy_403(ctx):
    ctx.spawn(['unbound', '-d', '-c', ctx.path('unbound.conf')], 'server-unbound')
    ctx.wait_listen('udp', DNS_BACK)
    ctx.spawn(['dnsproxy', '-c', ctx.path('dnsproxy.conf')], 'server-dnsproxy')
    ctx.wait_listen('udp', 403)
    dig_eval_zone(ctx, 403)


# ---------------------------------------------------------------- GDB remote serial protocol: lldb-server (TCP 283), lldb

@fresh4(name='fresh4_lldb_server_283', service='gdb', transport='tcp', port=283, package='lldb-14',
        program='lldb-server gdbserver (LLVM 14)',
        client='lldb: lldb -b -o "gdb-remote 127.0.0.1:283" -o "register read rip" -o "image list" -o "kill"',
        sent='GDB remote serial protocol with LLDB\'s extensions: $QStartNoAckMode, qSupported, qHostInfo, '
             'qProcessInfo, register and memory reads ($p / $x / $m packets), qXfer library lists, the thread\'s '
             'stop reply, then $k (kill) for the debugged /bin/sleep',
        protocol='gdb', pname='GDB remote', sent_needles=[b'$qSupported'],
        notes='lldb-server gdbserver 127.0.0.1:283 -- /bin/sleep 30: the server launches sleep stopped at its first '
              'instruction; lldb attaches over TCP, reads a register and the image list, kills the process.')
def fresh4_lldb_server_283(ctx):
    ctx.spawn(['lldb-server', 'gdbserver', '127.0.0.1:283', '--', '/bin/sleep', '30'], 'server-lldb')
    ctx.wait_listen('tcp', 283)
    r = ctx.run(['lldb', '-b', '-o', 'gdb-remote 127.0.0.1:283', '-o', 'register read rip', '-o', 'image list',
                 '-o', 'kill'], timeout=60, env={'HOME': ctx.tmp})
    if b'rip = ' not in r.stdout:
        raise ScenarioError('lldb: %r' % r.stdout[-400:])


# ---------------------------------------------------------------- ntalk: netkit talkd under openbsd-inetd (UDP 403), talk

def pty_screen(ctx, argv, seconds, env=None):
    """A curses client in a pty (python3-pexpect) for `seconds`; its screen
    output with the terminal escapes blanked."""
    import re
    import pexpect
    c = pexpect.spawn(argv[0], argv[1:], env=env or {'TERM': 'xterm', 'HOME': ctx.tmp, 'PATH': '/usr/bin:/bin'},
                      dimensions=(24, 80), timeout=10)
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
    ctx._log('pty %s: %r' % (argv[-1], buf[-2000:]))
    return re.sub(rb'\x1b[\[(][0-9;?]*[a-zA-Z]?', b' ', buf).decode('utf-8', 'replace')


@fresh4(name='fresh4_talkd_403', service='ntalk', transport='udp', port=403, package='talkd',
        program='in.ntalkd (netkit talkd, under openbsd-inetd)',
        client='talk (netkit-ntalk) evaluser@localhost, in a pty for 6 s; its daemon port comes from /etc/services, '
               'so it runs in a private mount namespace where "ntalk 403/udp" is bind-mounted over /etc/services',
        sent='talk protocol (ntalk, version 1) control messages over UDP: LOOK_UP and ANNOUNCE requests for user '
             'evaluser from the caller, the daemon\'s replies (NOT_HERE: the user is not logged on), DELETE of the '
             'invitation',
        protocol=None, pname='ntalk', sent_needles=[EVAL_USER.encode()],
        notes='inetd (openbsd-inetd) runs in.ntalkd as root for the datagrams on 127.0.0.1:403; the temporary account '
              'evaluser has no terminal, so the call ends with "Your party is not logged on". Wireshark 4.0 has no '
              'talk dissector (expected.protocol null).',
        cleanup=stop_marked)
def fresh4_talkd_403(ctx):
    from evallib import services_override
    marked_inetd(ctx, '127.0.0.1:403 dgram udp wait root /usr/sbin/in.ntalkd in.ntalkd', 'udp', 403)
    out = pty_screen(ctx, services_override(ctx, [('ntalk', 403, 'udp')]) + ['talk', '%s@localhost' % EVAL_USER], 6)
    if 'not logged on' not in out:
        raise ScenarioError('talk: %r' % out[-400:])


# ---------------------------------------------------------------- SphinxQL (MySQL protocol): searchd (TCP 283), mariadb

def _sphinx_prep(ctx):
    ctx.mkdir('data')
    ctx.mkdir('binlog')
    ctx.write('sphinx.conf', """index evalrt {
  type = rt
  path = %(t)s/data/evalrt
  rt_field = title
  rt_attr_uint = gid
}
searchd {
  listen = 127.0.0.1:283:mysql41
  log = %(t)s/searchd.log
  query_log = %(t)s/query.log
  pid_file = %(t)s/searchd.pid
  binlog_path = %(t)s/binlog
}
""" % {'t': ctx.tmp})


@fresh4(name='fresh4_sphinx_searchd_283', service='mysql', transport='tcp', port=283, package='sphinxsearch',
        program='searchd (Sphinx 2.2, SphinxQL listener)',
        client='mariadb-client: mariadb -h 127.0.0.1 -P 283 --skip-ssl -e "INSERT INTO evalrt ...; SELECT * FROM evalrt '
               'WHERE MATCH(\'ghost\'); SHOW TABLES; SHOW STATUS LIKE \'uptime\'"',
        sent='MySQL protocol 4.1 (SphinxQL): the server greeting with searchd\'s version, the client\'s login (no '
             'password), the client\'s init query, COM_QUERY INSERT into a real-time index, a full-text SELECT, SHOW '
             'TABLES, SHOW STATUS, COM_QUIT',
        protocol='mysql', pname='MySQL', sent_needles=[b'MATCH(\'ghost\')'],
        announced={'product': 'Sphinx', 'version': lambda pv, ctx: version_re('sphinxsearch'),
                   'where': 'MySQL server greeting, server version "<v>-id64-release (<v>)"'},
        prepare=_sphinx_prep,
        notes='searchd --nodetach with one real-time index (evalrt) in the work dir, listening with the mysql41 '
              'protocol on 127.0.0.1:283 only.')
def fresh4_sphinx_searchd_283(ctx):
    ctx.spawn(['searchd', '--config', ctx.path('sphinx.conf'), '--nodetach'], 'server-searchd')
    ctx.wait_listen('tcp', 283, timeout=30)
    r = ctx.run(['mariadb', '-h', LO, '-P', '283', '--skip-ssl', '-e',
                 "INSERT INTO evalrt (id, title, gid) VALUES (1, 'a ghost port', 7); "
                 "SELECT * FROM evalrt WHERE MATCH('ghost'); SHOW TABLES; SHOW STATUS LIKE 'uptime'"],
                timeout=30, env={'HOME': ctx.tmp})
    if b'evalrt' not in r.stdout:
        raise ScenarioError('mariadb: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- KCP: kcptun-server (UDP 403), kcptun-client

KCP_KEY = 'Kcp-s3cret'
KCP_LOCAL = 40301   # kcptun-client's local TCP port (not captured)


@fresh4(name='fresh4_kcptun_403', service='kcptun', transport='udp', port=403, package='kcptun',
        program='kcptun-server (KCP tunnel, smux inside)',
        client='kcptun-client -l 127.0.0.1:%d -r 127.0.0.1:403 --key ... --crypt aes ; curl three times through '
               'it (http://127.0.0.1:%d/ , /a , /b)' % (KCP_LOCAL, KCP_LOCAL),
        sent='KCP segments over UDP (kcptun\'s defaults: AES-encrypted with a key derived from the shared secret, '
             'with its nonce and checksum, FEC shards), carrying smux streams for three HTTP requests to the '
             'origin and their answers',
        protocol=None, pname='KCP (kcptun)',
        notes='kcptun-server -l 127.0.0.1:403 -t <origin> with a throw-away key; the tunnel\'s far end is the '
              'recorder\'s loopback HTTP origin, its near end kcptun-client on 127.0.0.1:%d. Wireshark 4.0 has no '
              'KCP dissector (expected.protocol null). ' % KCP_LOCAL + ORIGIN_NOTE)
@with_origin
def fresh4_kcptun_403(ctx):
    common = ['--key', KCP_KEY, '--crypt', 'aes']
    ctx.spawn(['kcptun-server', '-l', '127.0.0.1:403', '-t', '127.0.0.1:%d' % ORIGIN_PORT] + common, 'server-kcptun')
    ctx.wait_listen('udp', 403)
    ctx.spawn(['kcptun-client', '-l', '127.0.0.1:%d' % KCP_LOCAL, '-r', '127.0.0.1:403'] + common, 'client-kcptun')
    ctx.wait_listen('tcp', KCP_LOCAL)
    for path in ('/', '/a', '/b'):
        r = curl(ctx, 'http://127.0.0.1:%d%s' % (KCP_LOCAL, path))
        if b'hello from the origin' not in r.stdout:
            raise ScenarioError('curl through kcptun: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- rspamd's HTTP protocol: rspamd (TCP 283), rspamc

EVAL_MAIL = ('From: Eval Sender <sender@eval.test>\nTo: evaluser@eval.test\nSubject: a message about a ghost port\n'
             'Message-Id: <%d@eval.test>\nDate: Mon, 07 Dec 2026 00:00:00 +0000\n\nhello from the evaluation\n')


def _rspamd_prep(ctx):
    for d in ('run', 'db', 'log'):
        ctx.mkdir(d, 0o777)
    ctx.write('rspamd.conf', """# a minimal configuration of its own (not /etc/rspamd/rspamd.conf, whose modules fetch maps from the
# Internet): no modules, no maps, DNS only to a loopback port where nothing answers
options {
  pidfile = "%(t)s/run/rspamd.pid";
  dbdir = "%(t)s/db";
  hs_cache_dir = "%(t)s/db";
  dns { nameserver = ["127.0.0.1:40530"]; timeout = 1s; retransmits = 1; }
  disable_monitoring = true;
}
logging { type = "file"; filename = "%(t)s/log/rspamd.log"; level = "info"; }
actions { reject = 15; add_header = 6; greylist = 4; }
worker "normal" { bind_socket = "127.0.0.1:283"; count = 1; }
""" % {'t': ctx.tmp})
    for i in (1, 2):
        ctx.write('mail%d.eml' % i, EVAL_MAIL % i)


@fresh4(name='fresh4_rspamd_283', service='http', transport='tcp', port=283, package='rspamd',
        program='rspamd (normal worker)',
        client='rspamc -h 127.0.0.1:283 symbols mail1.eml ; rspamc -h 127.0.0.1:283 '
               '-j symbols mail2.eml',
        sent='rspamd\'s protocol over HTTP: POST /checkv2 with rspamc\'s headers and a small message (twice), the '
             'JSON verdicts (score, action, symbols) back',
        protocol='http', pname='HTTP', sent_needles=[b'/checkv2'], prepare=_rspamd_prep,
        notes='rspamd -f -u nobody -g nogroup with a minimal configuration of its own (no modules, no maps fetched '
              'over the network, DNS pointed at a loopback port where nothing answers), its normal worker on '
              '127.0.0.1:283. The verdicts are empty of symbols: nothing but the protocol is exercised.')
def fresh4_rspamd_283(ctx):
    ctx.spawn(['rspamd', '-f', '-u', 'nobody', '-g', 'nogroup', '-c', ctx.path('rspamd.conf')], 'server-rspamd')
    ctx.wait_listen('tcp', 283, timeout=60)
    r = ctx.run(['rspamc', '-h', '127.0.0.1:283', 'symbols', ctx.path('mail1.eml')], timeout=30)
    if b'Action:' not in r.stdout:
        raise ScenarioError('rspamc: %r' % r.stdout[-300:])
    ctx.run(['rspamc', '-h', '127.0.0.1:283', '-j', 'symbols', ctx.path('mail2.eml')], timeout=30)


# ---------------------------------------------------------------- UUCP over TCP: uucico under openbsd-inetd (TCP 403)

UUCP_PW = 'Uucp-s3cret'


def _uucp_prep(ctx):
    import os
    import pwd
    uid = pwd.getpwnam('uucp').pw_uid
    os.chmod(ctx.tmp, 0o755)
    for side, node in (('srv', 'evalsrv'), ('cli', 'evalcli')):
        for d in ('spool', 'pub', 'log'):
            ctx.mkdir('%s/%s' % (side, d), 0o755)
        ctx.write('%s/config' % side, ''.join('%s %s/%s/%s\n' % (k, ctx.tmp, side, v) for k, v in (
            ('spool', 'spool'), ('pubdir', 'pub'), ('logfile', 'log/Log'), ('statfile', 'log/Stats'),
            ('debugfile', 'log/Debug'), ('sysfile', 'sys'), ('portfile', 'port'), ('passwdfile', 'passwd')))
            + 'nodename %s\n' % node)
    ctx.write('srv/sys', 'system evalcli\ncalled-login Uevalcli\nprotocol t\nremote-send /\nremote-receive /\n'
                         'local-send /\nlocal-receive /\n')
    ctx.write('srv/passwd', 'Uevalcli %s\n' % UUCP_PW)
    ctx.write('srv/port', '')
    ctx.write('cli/port', 'port evaltcp\ntype tcp\nservice 403\n')
    ctx.write('cli/sys', 'system evalsrv\ntime any\nport evaltcp\naddress 127.0.0.1\ncall-login Uevalcli\n'
                         'call-password %s\nchat ogin: \\L assword: \\P\nprotocol t\n' % UUCP_PW)
    ctx.write('cli/passwd', '')
    ctx.write('cli/pub/evalnote.txt', 'a file sent over UUCP to a ghost port\n')
    for root, dirs, files in os.walk(ctx.tmp):
        for n in dirs + files:
            if root != ctx.tmp or n in ('srv', 'cli'):
                os.chown(os.path.join(root, n), uid, -1)
    for side in ('srv', 'cli'):
        os.chown(ctx.path(side), uid, -1)


@fresh4(name='fresh4_uucico_403', service='uucp', transport='tcp', port=403, package='uucp',
        program='uucico -l (Taylor UUCP, under openbsd-inetd)',
        client='uucp (Taylor UUCP): uucp -r <note> evalsrv!<pubdir>/ (queued), then uucico -S evalsrv (as user uucp, '
               'its own configuration: system evalsrv at 127.0.0.1, TCP port 403, chat "ogin: <login> assword: '
               '<password>")',
        sent='the login prompt and the cleartext login Uevalcli / Uucp-s3cret typed by the chat script, the UUCP '
             'handshake (Shere=evalsrv, Sevalcli, ROK, Pt / Ut: protocol t), one file transfer (S command, the '
             'file, CY), hang-up (H / HY / OOOOOO)',
        protocol=None, pname='UUCP', sent_needles=[b'Uevalcli'],
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'uucp',
                    'detail': 'login Uevalcli / %s typed at uucico\'s login prompt' % UUCP_PW,
                    'frame_hint': 'client->server', 'user': 'Uevalcli', 'password': UUCP_PW,
                    'needles': [b'Uevalcli', UUCP_PW.encode()]}],
        prepare=_uucp_prep,
        notes='inetd (openbsd-inetd) runs uucico -l as uucp with a configuration of its own in the work dir (node '
              'evalsrv, one known system evalcli, its UUCP password file); the calling side is a second uucico with '
              'its own configuration. Wireshark 4.0 has no UUCP dissector (expected.protocol null).',
        cleanup=stop_marked)
def fresh4_uucico_403(ctx):
    marked_inetd(ctx, '127.0.0.1:403 stream tcp nowait uucp /usr/sbin/uucico uucico -l -I %s'
                 % ctx.path('srv/config'), 'tcp', 403)
    cfg = ctx.path('cli/config')
    ctx.run(['su', '-s', '/bin/sh', 'uucp', '-c', 'uucp -I %s -r %s "evalsrv!%s/"'
             % (cfg, ctx.path('cli/pub/evalnote.txt'), ctx.path('srv/pub'))], timeout=20)
    ctx.run(['su', '-s', '/bin/sh', 'uucp', '-c', '/usr/sbin/uucico -I %s -S evalsrv' % cfg], timeout=40)
    log = open(ctx.path('cli/log/Log')).read()
    if 'Call complete' not in log:
        raise ScenarioError('uucico: %r' % log[-400:])


# ---------------------------------------------------------------- IMAP: Cyrus imapd (TCP 283), curl

CYRUS_PW = 'Cyrus-s3cret'


def _cyrus_prep(ctx):
    import os
    import pwd
    t = ctx.tmp
    os.chmod(t, 0o755)
    for d in ('lib', 'spool', 'run'):
        ctx.mkdir(d)
    ctx.write('imapd.conf', """configdirectory: %(t)s/lib
partition-default: %(t)s/spool
admins: cyrus
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: %(t)s/sasldb2
allowplaintext: yes
sasl_mech_list: PLAIN LOGIN
unixhierarchysep: yes
autocreate_quota: 0
autocreate_inbox_folders: Sent | Drafts
autocreate_subscribe_folder: Sent | Drafts
idlesocket: %(t)s/run/idle
lmtpsocket: %(t)s/run/lmtp
notifysocket: %(t)s/run/notify
syslog_prefix: evalcyrus
""" % {'t': t})
    ctx.write('cyrus.conf', """START {
  recover cmd="ctl_cyrusdb -r -C %(t)s/imapd.conf"
}
SERVICES {
  imap cmd="imapd -C %(t)s/imapd.conf" listen="127.0.0.1:283" prefork=0
}
EVENTS {
}
""" % {'t': t})
    ctx.run(['saslpasswd2', '-p', '-c', '-f', ctx.path('sasldb2'), EVAL_USER], input=CYRUS_PW.encode(), timeout=20)
    ctx.write('note.eml', (EVAL_MAIL % 3).replace('\n', '\r\n'))   # Cyrus refuses bare newlines in APPEND
    pw = pwd.getpwnam('cyrus')
    for root, dirs, files in os.walk(t):
        for n in dirs + files:
            os.chown(os.path.join(root, n), pw.pw_uid, pw.pw_gid)


def _sasl_plain(user, pw):
    import base64
    return base64.b64encode(b'\0' + user.encode() + b'\0' + pw.encode())


@fresh4(name='fresh4_cyrus_imapd_283', service='imap', transport='tcp', port=283, package='cyrus-imapd',
        program='imapd (Cyrus IMAP, under its master process)',
        client='curl -u evaluser:... imap://127.0.0.1:283/ -X \'LIST "" "*"\' ; curl -T note.eml '
               'imap://127.0.0.1:283/INBOX (APPEND) ; curl "imap://127.0.0.1:283/INBOX;UID=1" (FETCH)',
        sent='three IMAP sessions: the greeting with capabilities, AUTHENTICATE PLAIN with an initial response '
             '(evaluser / Cyrus-s3cret, base64), LIST (INBOX, Drafts, Sent: autocreated at first login), APPEND of a '
             'small message, SELECT and UID FETCH of it, LOGOUT',
        protocol='imap', pname='IMAP', sent_needles=[b'AUTHENTICATE PLAIN'],
        announced={'product': 'Cyrus IMAP', 'version': lambda pv, ctx: version_re('cyrus-imapd'),
                   'where': 'greeting "* OK [...] <host> Cyrus IMAP <v>-Debian-<dpkg version> server ready"'},
        exposures=[{'kind': 'cleartext_credential', 'protocol': 'imap',
                    'detail': 'AUTHENTICATE PLAIN %s (evaluser / %s)' % (_sasl_plain(EVAL_USER, CYRUS_PW).decode(),
                                                                         CYRUS_PW),
                    'frame_hint': 'client->server', 'user': EVAL_USER, 'password': CYRUS_PW,
                    'needles': [b'AUTHENTICATE PLAIN ' + _sasl_plain(EVAL_USER, CYRUS_PW)]}],
        prepare=_cyrus_prep,
        notes='cyrus master -D with its own imapd.conf / cyrus.conf in the work dir (one imap service on '
              '127.0.0.1:283, users in a SASL sasldb of the work dir, plaintext logins allowed, INBOX autocreated); '
              'master drops to the cyrus user.')
def fresh4_cyrus_imapd_283(ctx):
    ctx.spawn(['/usr/lib/cyrus/bin/master', '-C', ctx.path('imapd.conf'), '-M', ctx.path('cyrus.conf'), '-D',
               '-p', ctx.path('run/master.pid')], 'server-cyrus')
    ctx.wait_listen('tcp', 283, timeout=30)
    base = 'imap://127.0.0.1:283/'
    auth = ['-u', '%s:%s' % (EVAL_USER, CYRUS_PW)]
    r = curl(ctx, *auth, base, '-X', 'LIST "" "*"')
    if b'INBOX' not in r.stdout:
        raise ScenarioError('curl imap: %r' % r.stdout[-300:])
    curl(ctx, *auth, '-T', ctx.path('note.eml'), base + 'INBOX')
    curl(ctx, *auth, base + 'INBOX;UID=1')


# ---------------------------------------------------------------- vtun: vtund server (TCP 403), vtund client

VTUN_PW = 'Vtun-s3cret'

VTUN_SESSION = """evalsess {
  passwd %(pw)s;
  type pipe;%(extra)s
  up { program /bin/sh "-c 'echo %(side)s end of a vtun pipe; sleep 3'" wait; };
}
"""


def _vtun_prep(ctx):
    ctx.write('server.conf', 'options {\n  port 403;\n  bindaddr { addr 127.0.0.1; };\n  timeout 10;\n}\n'
              + VTUN_SESSION % {'pw': VTUN_PW, 'side': 'the server', 'extra': (
                  '\n  proto tcp;\n  compress no;\n  encrypt no;\n  keepalive yes;')})
    ctx.write('client.conf', 'options {\n  port 403;\n  timeout 10;\n}\n'
              + VTUN_SESSION % {'pw': VTUN_PW, 'side': 'the client', 'extra': ''})


@fresh4(name='fresh4_vtund_403', service='vtun', transport='tcp', port=403, package='vtun',
        program='vtund -s (VTun server)',
        client='vtund -n -f client.conf evalsess 127.0.0.1 (the VTun client, same package), stopped after 6 s',
        sent='VTun\'s handshake: the server\'s "VTUN server ver 3.X ..." greeting, the client\'s host name line '
             '(evalsess), the challenge ("Use SSL-aware challenge/response") and its keyed answer (the password '
             'itself is not sent), the server\'s flags <TpK>, then framed pipe data both ways (a line from the '
             'program at each end) and the frames closing the session',
        protocol=None, pname='VTun', sent_needles=[b'evalsess'],
        announced={'product': 'VTUN', 'version': None, 'where': 'server greeting "VTUN server ver 3.X <date>"'},
        prepare=_vtun_prep,
        notes='A pipe session (type pipe: no tun device, no interface or address is made on the host): each end runs '
              '/bin/sh printing one line. No compression or encryption. Wireshark 4.0 has no VTun dissector '
              '(expected.protocol null).')
def fresh4_vtund_403(ctx):
    ctx.spawn(['vtund', '-n', '-s', '-f', ctx.path('server.conf')], 'server-vtund')
    ctx.wait_listen('tcp', 403)
    p = ctx.spawn(['vtund', '-n', '-f', ctx.path('client.conf'), 'evalsess', LO], 'client-vtund')
    time.sleep(6)
    stop_spawned(p)
    if 'opened' not in ctx.logtext('server-vtund'):
        raise ScenarioError('vtund: %r' % ctx.logtext('server-vtund')[-400:])


# ---------------------------------------------------------------- HTTP: unicorn (TCP 283)

UNICORN_PW = 'Unicorn-s3cret'


def _unicorn_prep(ctx):
    from sc_fresh3 import RACK_APP
    ctx.write('config.ru', RACK_APP % {'u': EVAL_USER, 'pw': UNICORN_PW, 'name': 'unicorn'})


@fresh4(name='fresh4_unicorn_283', service='http', transport='tcp', port=283, package='unicorn',
        program='unicorn (Ruby Rack HTTP server)', client=APP_CLIENT % {'p': 283}, sent=APP_SENT % UNICORN_PW,
        protocol='http', pname='HTTP', exposures=[basic_exposure('http', EVAL_USER, UNICORN_PW)],
        prepare=_unicorn_prep,
        notes='unicorn -l 127.0.0.1:283 -E production running a small Rack application (config.ru in the work '
              'dir), one worker.')
def fresh4_unicorn_283(ctx):
    ctx.spawn(['unicorn', '-l', '127.0.0.1:283', '-E', 'production', ctx.path('config.ru')], 'server-unicorn',
              cwd=ctx.tmp)
    ctx.wait_listen('tcp', 283, timeout=30)
    app_client(ctx, 283, UNICORN_PW)


# ---------------------------------------------------------------- Bacula: bacula-dir (TCP 403), bconsole

BACULA_PW = 'Bacula-s3cret'


def _bacula_prep(ctx):
    import shutil
    shutil.copy('/var/lib/bacula/bacula.db', ctx.path('bacula.db'))   # the empty catalog the package made
    ctx.write('bacula-dir.conf', """Director {
  Name = evaldir
  DIRport = 403
  DirAddress = 127.0.0.1
  QueryFile = "/etc/bacula/scripts/query.sql"
  WorkingDirectory = "%(t)s"
  PidDirectory = "%(t)s"
  Maximum Concurrent Jobs = 1
  Password = "%(pw)s"
  Messages = Daemon
}
Catalog {
  Name = evalcat
  dbname = "bacula"; dbuser = ""; dbpassword = ""
}
Messages {
  Name = Daemon
  console = all, !skipped, !saved
}
Messages {
  Name = Standard
  console = all, !skipped, !saved
}
Client {
  Name = evalfd
  Address = 127.0.0.1
  FDPort = 40982
  Catalog = evalcat
  Password = "Fd-s3cret"
}
Storage {
  Name = evalsd
  Address = 127.0.0.1
  SDPort = 40981
  Password = "Sd-s3cret"
  Device = FileStorage
  Media Type = File
}
Pool {
  Name = Default
  Pool Type = Backup
}
FileSet {
  Name = evalset
  Include { File = /etc/hostname }
}
Job {
  Name = evaljob
  Type = Backup
  Client = evalfd
  FileSet = evalset
  Storage = evalsd
  Pool = Default
  Messages = Standard
}
""" % {'t': ctx.tmp, 'pw': BACULA_PW})
    ctx.write('bconsole.conf', 'Director {\n  Name = evaldir\n  DIRport = 403\n  address = 127.0.0.1\n'
                               '  Password = "%s"\n}\n' % BACULA_PW)


@fresh4(name='fresh4_bacula_dir_403', service='bacula', transport='tcp', port=403, package='bacula-director',
        program='bacula-dir (Bacula director, SQLite catalog)',
        client='bacula-console: bconsole -c bconsole.conf, typed at: status dir ; show jobs ; list jobs ; quit',
        sent='Bacula\'s network protocol (length-prefixed packets): "Hello *UserAgent* calling", the CRAM-MD5 '
             'challenge / response both ways (the password itself is not sent), "1000 OK: ... Version: <v>", then '
             'the console commands and the director\'s text answers, the end-of-data signals',
        protocol=None, pname='Bacula', sent_needles=[b'Hello *UserAgent* calling'],
        announced={'product': 'Bacula', 'version': lambda pv, ctx: version_re('bacula-director'),
                   'where': 'director\'s "1000 OK: <n> evaldir Version: <v> (<date>)" after authentication'},
        prepare=_bacula_prep,
        notes='bacula-dir -f with a configuration of its own (director on 127.0.0.1:403, a copy of the package\'s '
              'empty SQLite catalog, one job whose file and storage daemons are never contacted); runs as root. '
              'Wireshark 4.0 has no Bacula dissector (expected.protocol null).')
def fresh4_bacula_dir_403(ctx):
    ctx.spawn(['/usr/sbin/bacula-dir', '-f', '-c', ctx.path('bacula-dir.conf')], 'server-bacula-dir')
    ctx.wait_listen('tcp', 403, timeout=30)
    r = ctx.run(['bconsole', '-c', ctx.path('bconsole.conf')], input=b'status dir\nshow jobs\nlist jobs\nquit\n',
                timeout=30)
    if b'evaldir Version' not in r.stdout:
        raise ScenarioError('bconsole: %r' % r.stdout[-300:])


# ---------------------------------------------------------------- Quake III: openarena-server (UDP 283), quakestat

@fresh4(name='fresh4_openarena_283', service='quake3', transport='udp', port=283, package='openarena-server',
        program='openarena-server (ioquake3 dedicated server, ioq3ded)',
        client='qstat: quakestat -openarenas 127.0.0.1:283 -P -R ; quakestat -q3s 127.0.0.1:283 -R ; quakestat -q3s '
               '127.0.0.1:283 -P',
        sent='Quake III connectionless packets (four 0xff octets, then text): getstatus / getinfo queries and the '
             'server\'s statusResponse / infoResponse (server info string with sv_hostname evalarena, the ioq3 '
             'version, map oa_dm1, no players)',
        protocol='quake3', pname='QUAKE3', sent_needles=[b'\xff\xff\xff\xffgetstatus'],
        announced={'product': 'ioq3', 'version': lambda pv, ctx: version_re('ioquake3-server', r'^[0-9.]+'),
                   'where': 'statusResponse, version "ioq3 <v>+u<date>.<commit>+dfsg-<n>/Debian ..."'},
        notes='+set dedicated 1 (LAN: no heartbeat) and every sv_master<n> emptied, so the server never reports to a '
              'master server; bound by net_ip 127.0.0.1 / net_port 283, IPv6 off; map oa_dm1, no bots.')
def fresh4_openarena_283(ctx):
    masters = sum((['+set', 'sv_master%d' % i, ''] for i in range(1, 6)), [])
    ctx.spawn(['/usr/games/openarena-server'] + masters + [
        '+set', 'dedicated', '1', '+set', 'net_enabled', '1', '+set', 'net_ip', LO, '+set', 'net_port', '283',
        '+set', 'sv_hostname', 'evalarena', '+map', 'oa_dm1'], 'server-openarena', env={'HOME': ctx.tmp})
    ctx.wait_listen('udp', 283, timeout=40)
    time.sleep(3)
    r = ctx.run(['quakestat', '-openarenas', '127.0.0.1:283', '-P', '-R'], timeout=30, env={'HOME': ctx.tmp})
    if b'evalarena' not in r.stdout:
        raise ScenarioError('quakestat: %r' % r.stdout[-300:])
    ctx.run(['quakestat', '-q3s', '127.0.0.1:283', '-R'], timeout=30, env={'HOME': ctx.tmp})
    ctx.run(['quakestat', '-q3s', '127.0.0.1:283', '-P'], timeout=30, env={'HOME': ctx.tmp})


# ---------------------------------------------------------------- Docker-compatible REST API: podman (TCP 403)

def podman_root(ctx):
    return ['--root', ctx.path('s'), '--runroot', ctx.path('rr')]   # podman wants a runroot under 50 characters


def _podman_cleanup(ctx):
    """podman's overlay driver leaves its storage directory bind-mounted on itself: unmount it so that the
    work dir can be removed."""
    import subprocess
    where = ctx.path('s', 'overlay')
    with open('/proc/self/mounts') as f:   # a bind mount onto itself: os.path.ismount cannot tell
        mounted = any(ln.split()[1] == where for ln in f if len(ln.split()) > 1)
    if mounted:
        subprocess.run(['umount', where], timeout=30, check=False)


@fresh4(name='fresh4_podman_service_403', service='http', transport='tcp', port=403, package='podman',
        program='podman system service (libpod / Docker-compatible REST API)',
        client='podman --url tcp://127.0.0.1:403 version ; ... info ; ... images ; ... ps -a (podman\'s remote client)',
        sent='HTTP/1.1: podman\'s remote client calls GET /_ping, GET /v4.3.1/libpod/version, /libpod/info, '
             '/libpod/images/json, /libpod/containers/json?all=true; JSON answers with Libpod-API-Version headers',
        protocol='http', pname='HTTP', sent_needles=[b'/libpod/'], cleanup=_podman_cleanup,
        announced={'product': 'Libpod', 'version': lambda pv, ctx: version_re('podman'),
                   'where': 'response headers "Libpod-Api-Version: <v>" and "Server: Libpod/<v> (linux)"'},
        notes='podman --root / --runroot in the work dir (no images, no containers), system service --time=60 '
              'tcp://127.0.0.1:403: the API listens on loopback without TLS or authentication, as documented for '
              'tcp:// URLs.')
def fresh4_podman_service_403(ctx):
    ctx.spawn(['podman'] + podman_root(ctx) + ['system', 'service', '--time=60', 'tcp://127.0.0.1:403'],
              'server-podman')
    ctx.wait_listen('tcp', 403, timeout=30)
    cli = ['podman', '--url', 'tcp://127.0.0.1:403']
    r = ctx.run(cli + ['version'], timeout=30)
    if b'Server:' not in r.stdout:
        raise ScenarioError('podman version: %r' % r.stdout[-300:])
    for sub in (['info'], ['images'], ['ps', '-a']):
        ctx.run(cli + sub, timeout=30)

