# SPDX-License-Identifier: GPL-2.0-or-later
"""Network infrastructure services: DNS (bind9, unbound, knot), Kerberos,
RADIUS, syslog over TCP, SNMP traps, collectd, CoAP, BGP, SMB, VNC."""
import os
import shutil
import time

from evallib import LO, ScenarioError, svc, version_re
from common import EVAL_USER, EVAL_PASS

ZONE = """$TTL 300
@   IN SOA ns.eval.test. admin.eval.test. 1 3600 600 86400 300
@   IN NS  ns.eval.test.
ns  IN A   192.0.2.53
www IN A   192.0.2.20
"""


# ---------------------------------------------------------------- DNS: bind9 (UDP 283, TCP 403)

def _named_prep(port):
    def prep(ctx):
        d = ctx.mkdir('named', 0o777)
        ctx.write('named/eval.test.zone', ZONE)
        ctx.write('named.conf', """
options {
  directory "%(d)s";
  listen-on port %(p)d { 127.0.0.1; };
  listen-on-v6 { none; };
  pid-file "%(d)s/named.pid";
  session-keyfile "%(d)s/session.key";
  recursion no;
  dnssec-validation no;
};
controls { };
zone "eval.test" { type master; file "%(d)s/eval.test.zone"; };
""" % {'d': d, 'p': port})
    return prep


def _dig_named(ctx, port, tcp):
    ctx.spawn(['named', '-g', '-4', '-u', 'bind', '-c', ctx.path('named.conf')], 'server-named')
    ctx.wait_listen('udp' if not tcp else 'tcp', port, timeout=30)
    time.sleep(0.5)
    opt = ['+tcp'] if tcp else ['+notcp']
    for q in (['www.eval.test', 'A'], ['CH', 'TXT', 'version.bind']):
        r = ctx.run(['dig', '@127.0.0.1', '-p', str(port), '+tries=1', '+time=3'] + opt + q, timeout=20)
        if b'status: NOERROR' not in r.stdout:
            raise ScenarioError('dig: %r' % r.stdout[-300:])


BIND_ANN = {'product': 'BIND', 'version': lambda pv, ctx: version_re('bind9'),
            'where': 'CHAOS TXT version.bind answer "<v>-<debian revision>-Debian"'}


@svc(name='bind9_udp_283', service='dns', transport='udp', port=283, package='bind9', program='named (BIND 9)',
     client='bind9-dnsutils: dig @127.0.0.1 -p 283 www.eval.test A ; dig ... CH TXT version.bind',
     sent='Two DNS queries over UDP: A www.eval.test (192.0.2.20, authoritative) and CHAOS TXT version.bind',
     protocol='dns', pname='DNS', announced=BIND_ANN, prepare=_named_prep(283))
def bind9_udp_283(ctx):
    _dig_named(ctx, 283, False)


@svc(name='bind9_tcp_403', service='dns', transport='tcp', port=403, package='bind9', program='named (BIND 9)',
     client='bind9-dnsutils: dig +tcp @127.0.0.1 -p 403 www.eval.test A ; dig +tcp ... CH TXT version.bind',
     sent='Two DNS queries over TCP (2-octet length prefix): A www.eval.test and CHAOS TXT version.bind',
     protocol='dns', pname='DNS', announced=BIND_ANN, prepare=_named_prep(403))
def bind9_tcp_403(ctx):
    _dig_named(ctx, 403, True)


# ---------------------------------------------------------------- DNS: unbound (UDP 403), kdig

def _unbound_prep(ctx):
    ctx.write('unbound.conf', """server:
  interface: 127.0.0.1@403
  port: 403
  do-ip6: no
  username: ""
  chroot: ""
  directory: "%(t)s"
  pidfile: "%(t)s/unbound.pid"
  use-syslog: no
  verbosity: 1
  access-control: 127.0.0.0/8 allow
  hide-version: no
  module-config: "iterator"
  local-zone: "eval.test." static
  local-data: "www.eval.test. IN A 192.0.2.20"
remote-control:
  control-enable: no
""" % {'t': ctx.tmp})


@svc(name='unbound_udp_403', service='dns', transport='udp', port=403, package='unbound', program='unbound',
     client='knot-dnsutils: kdig @127.0.0.1 -p 403 www.eval.test A ; kdig ... CH TXT version.bind',
     sent='Two DNS queries over UDP: A www.eval.test (local-data 192.0.2.20) and CHAOS TXT version.bind',
     protocol='dns', pname='DNS',
     announced={'product': 'unbound', 'version': True, 'where': 'CHAOS TXT version.bind answer "unbound <v>"'},
     prepare=_unbound_prep)
def unbound_udp_403(ctx):
    ctx.spawn(['unbound', '-d', '-c', ctx.path('unbound.conf')], 'server-unbound')
    ctx.wait_listen('udp', 403, timeout=20)
    for q in (['www.eval.test', 'A'], ['CH', 'TXT', 'version.bind']):
        ctx.run(['kdig', '@127.0.0.1', '-p', '403', '+notcp', '+retry=0', '+time=3'] + q, timeout=20)


# ---------------------------------------------------------------- DNS: knot (TCP 283)

def _knot_prep(ctx):
    ctx.mkdir('knot', 0o777)
    ctx.write('knot/eval.test.zone', ZONE)
    ctx.write('knot.conf', """server:
    rundir: "%(t)s/knot"
    listen: 127.0.0.1@283
    user: knot:knot
log:
  - target: stderr
    any: info
database:
    storage: "%(t)s/knot"
zone:
  - domain: eval.test
    storage: "%(t)s/knot"
    file: "eval.test.zone"
""" % {'t': ctx.tmp})


@svc(name='knot_tcp_283', service='dns', transport='tcp', port=283, package='knot', program='knotd (Knot DNS)',
     client='knot-dnsutils: kdig +tcp @127.0.0.1 -p 283 www.eval.test A ; kdig +tcp ... CH TXT version.bind',
     sent='Two DNS queries over TCP: A www.eval.test and CHAOS TXT version.bind',
     protocol='dns', pname='DNS',
     announced={'product': 'Knot DNS', 'version': True, 'where': 'CHAOS TXT version.bind answer "Knot DNS <v>"'},
     prepare=_knot_prep)
def knot_tcp_283(ctx):
    ctx.spawn(['knotd', '-c', ctx.path('knot.conf')], 'server-knotd')
    ctx.wait_listen('tcp', 283, timeout=20)
    time.sleep(0.5)
    for q in (['www.eval.test', 'A'], ['CH', 'TXT', 'version.bind']):
        ctx.run(['kdig', '@127.0.0.1', '-p', '283', '+tcp', '+retry=0', '+time=3'] + q, timeout=20)


# ---------------------------------------------------------------- Kerberos (krb5-kdc; UDP 283, TCP 403)

KRB_PW = 'Krb-s3cret'


def _kdc_prep(ctx):
    t = ctx.tmp
    ctx.write('krb5.conf', """[libdefaults]
  default_realm = EVAL.TEST
  dns_lookup_kdc = false
  dns_lookup_realm = false
  rdns = false
  udp_preference_limit = %(udp)s
[realms]
  EVAL.TEST = {
    kdc = %(kdc)s
  }
""" % {'udp': ctx.data['krb_udp_limit'], 'kdc': ctx.data['krb_kdc']})
    ctx.write('kdc.conf', """[kdcdefaults]
  kdc_listen = 127.0.0.1:%(port)d
  kdc_tcp_listen = 127.0.0.1:%(port)d
[realms]
  EVAL.TEST = {
    database_name = %(t)s/principal
    key_stash_file = %(t)s/stash
    acl_file = %(t)s/kadm5.acl
    default_principal_flags = +preauth
    kdc_listen = 127.0.0.1:%(port)d
    kdc_tcp_listen = 127.0.0.1:%(port)d
  }
[logging]
  kdc = FILE:%(t)s/kdc.log
""" % {'t': t, 'port': ctx.data['krb_port']})
    ctx.write('kadm5.acl', '')
    env = ctx.data['krb_env'] = {'KRB5_CONFIG': ctx.path('krb5.conf'), 'KRB5_KDC_PROFILE': ctx.path('kdc.conf'),
                                 'KRB5CCNAME': 'FILE:' + ctx.path('ccache')}
    ctx.run(['kdb5_util', '-r', 'EVAL.TEST', 'create', '-s', '-P', 'Master-s3cret'], env=env, timeout=60)
    ctx.run(['kadmin.local', '-r', 'EVAL.TEST', '-q', 'addprinc -pw %s %s' % (KRB_PW, EVAL_USER)], env=env)
    ctx.run(['kadmin.local', '-r', 'EVAL.TEST', '-q', 'addprinc -randkey host/eval.test'], env=env)


def _kdc_run(ctx, transport, port):
    env = ctx.data['krb_env']
    ctx.spawn(['krb5kdc', '-n', '-r', 'EVAL.TEST'], 'server-krb5kdc', env=env)
    ctx.wait_listen(transport, port, timeout=20)
    ctx.run(['kinit', '%s@EVAL.TEST' % EVAL_USER], input=(KRB_PW + '\n').encode(), env=env, timeout=20)
    ctx.run(['kvno', 'host/eval.test@EVAL.TEST'], env=env, timeout=20)


def _krb_prep(transport):
    def prep(ctx):
        if transport == 'udp':
            ctx.data.update(krb_udp_limit='65535', krb_kdc='127.0.0.1:283', krb_port=283)
        else:
            ctx.data.update(krb_udp_limit='1', krb_kdc='127.0.0.1:403', krb_port=403)
        _kdc_prep(ctx)
    return prep


KRB_SENT = ('kinit %s: AS-REQ without pre-authentication, KRB-ERROR PREAUTH_REQUIRED, AS-REQ with '
            'PA-ENC-TIMESTAMP, AS-REP; kvno host/eval.test: TGS-REQ / TGS-REP' % EVAL_USER)


@svc(name='kerberos_udp_283', service='kerberos', transport='udp', port=283, package='krb5-kdc', program='krb5kdc (MIT)',
     client='krb5-user: kinit evaluser@EVAL.TEST (password on stdin) ; kvno host/eval.test', sent=KRB_SENT,
     protocol='kerberos', pname='Kerberos', prepare=_krb_prep('udp'),
     notes='The password never travels (encrypted timestamp); the principal names are visible.')
def kerberos_udp_283(ctx):
    _kdc_run(ctx, 'udp', 283)


@svc(name='kerberos_tcp_403', service='kerberos', transport='tcp', port=403, package='krb5-kdc', program='krb5kdc (MIT)',
     client='krb5-user: kinit evaluser@EVAL.TEST (password on stdin) ; kvno host/eval.test (udp_preference_limit = 1: TCP)',
     sent=KRB_SENT + ' (TCP: 4-octet record mark before each message)',
     protocol='kerberos', pname='Kerberos', prepare=_krb_prep('tcp'),
     notes='The password never travels (encrypted timestamp); the principal names are visible.')
def kerberos_tcp_403(ctx):
    _kdc_run(ctx, 'tcp', 403)


# ---------------------------------------------------------------- RADIUS (freeradius, UDP 403)

RAD_SECRET = 'Rad-shared-s3cret'
RAD_PW = 'Rad-s3cret'


def _radius_prep(ctx):
    rd = ctx.path('raddb')
    shutil.copytree('/etc/freeradius/3.0', rd, symlinks=True)
    for sub in ('sites-enabled',):
        for f in os.listdir(os.path.join(rd, sub)):
            os.unlink(os.path.join(rd, sub, f))
    os.unlink(os.path.join(rd, 'mods-enabled', 'eap'))
    ctx.mkdir('radrun', 0o777)
    conf = open(os.path.join(rd, 'radiusd.conf')).read()
    conf = conf.replace('run_dir = ${localstatedir}/run/${name}', 'run_dir = %s/radrun' % ctx.tmp)
    conf = conf.replace('logdir = /var/log/freeradius', 'logdir = %s/radrun' % ctx.tmp)
    open(os.path.join(rd, 'radiusd.conf'), 'w').write(conf)
    ctx.write('raddb/clients.conf', 'client eval {\n  ipaddr = 127.0.0.1\n  secret = %s\n}\n' % RAD_SECRET)
    ctx.write('raddb/mods-config/files/authorize', '%s Cleartext-Password := "%s"\n' % (EVAL_USER, RAD_PW))
    ctx.write('raddb/sites-enabled/eval', """server eval {
  listen {
    type = auth
    ipaddr = 127.0.0.1
    port = 403
  }
  authorize {
    preprocess
    files
    pap
  }
  authenticate {
    Auth-Type PAP {
      pap
    }
  }
  post-auth {
  }
}
""")
    ctx.run(['chown', '-R', 'freerad:freerad', rd])


@svc(name='freeradius_udp_403', service='radius', transport='udp', port=403, package='freeradius',
     program='freeradius', client='freeradius-utils: radclient -x 127.0.0.1:403 auth <secret> '
     '("User-Name = evaluser, User-Password = ..."), then radclient ... status',
     sent='Access-Request (User-Name evaluser, User-Password hidden with the shared secret) -> Access-Accept; '
          'Status-Server -> Access-Accept', protocol='radius', pname='RADIUS', prepare=_radius_prep,
     sent_needles=[EVAL_USER.encode()],
     notes='User-Password is obfuscated with the shared secret (RFC 2865 5.2), so no cleartext exposure is '
           'listed; the user name is in the clear.')
def freeradius_udp_403(ctx):
    ctx.spawn(['freeradius', '-X', '-d', ctx.path('raddb')], 'server-freeradius')
    ctx.wait_listen('udp', 403, timeout=40)
    r = ctx.run(['radclient', '-x', '-r', '1', '-t', '3', '127.0.0.1:403', 'auth', RAD_SECRET],
                input=('User-Name = %s, User-Password = %s\n' % (EVAL_USER, RAD_PW)).encode(), timeout=20)
    if b'Access-Accept' not in r.stdout:
        raise ScenarioError('radclient: %r' % r.stdout[-300:])
    ctx.run(['radclient', '-x', '-r', '1', '-t', '3', '127.0.0.1:403', 'status', RAD_SECRET],
            input=b'Message-Authenticator = 0x00\n', timeout=20, check=False)


# ---------------------------------------------------------------- syslog over TCP, octet counting (rsyslog)

def _rsyslog_prep(ctx):
    ctx.mkdir('rsyslog', 0o755)
    ctx.write('rsyslog.conf', """global(workDirectory="%(t)s/rsyslog")
module(load="imtcp")
input(type="imtcp" address="127.0.0.1" port="283")
*.* action(type="omfile" file="%(t)s/rsyslog/received.log")
""" % {'t': ctx.tmp})


SYSLOG_MSGS = ['eval message one from the ghost port', 'Failed password for evaluser from 192.0.2.7 port 5022 ssh2',
               'eval message three']


@svc(name='rsyslog_tcp_283', service='syslog', transport='tcp', port=283, package='rsyslog', program='rsyslogd',
     client='util-linux logger --tcp --octet-count --rfc5424 -n 127.0.0.1 -P 283 -t evaltag (three messages)',
     sent='Three RFC 5424 syslog messages over TCP with RFC 6587 octet-counting framing ("<len> <PRI>1 ...")',
     protocol='syslog', pname='Syslog', prepare=_rsyslog_prep, no_verify=True,
     sent_needles=[m.encode() for m in SYSLOG_MSGS],
     notes='Stock Wireshark 4.0 syslog does not take the octet-count prefix on TCP (decode-as shows the '
           'messages only partly), so the stock-tshark decode check is skipped.')
def rsyslog_tcp_283(ctx):
    ctx.spawn(['rsyslogd', '-n', '-f', ctx.path('rsyslog.conf'), '-i', ctx.path('rsyslog/pid')], 'server-rsyslogd')
    ctx.wait_listen('tcp', 283, timeout=20)
    for m in SYSLOG_MSGS:
        ctx.run(['logger', '--tcp', '--octet-count', '--rfc5424', '-n', LO, '-P', '283', '-t', 'evaltag',
                 '-p', 'auth.notice', m], timeout=20)
    time.sleep(0.5)


# ---------------------------------------------------------------- SNMP inform to snmptrapd (UDP 403)

TRAP_COMMUNITY = 'Tr4p-c0mmunity'


def _snmptrapd_prep(ctx):
    ctx.mkdir('snmp', 0o755)
    ctx.write('snmptrapd.conf', 'authCommunity log %s\n' % TRAP_COMMUNITY)


@svc(name='snmptrapd_udp_403', service='snmp', transport='udp', port=403, package='snmptrapd', program='snmptrapd',
     client='snmp: snmpinform -v 2c -c %s 127.0.0.1:403 "" 1.3.6.1.6.3.1.1.5.3 (linkDown, numeric OIDs)' % TRAP_COMMUNITY,
     sent='SNMPv2c InformRequest (community %s) with a linkDown notification; snmptrapd answers with a Response'
          % TRAP_COMMUNITY, protocol='snmp', pname='SNMP trap', prepare=_snmptrapd_prep,
     exposures=[{'kind': 'cleartext_credential', 'protocol': 'snmp', 'detail': 'SNMPv2c community %s' % TRAP_COMMUNITY,
                 'frame_hint': 'client->server', 'password': TRAP_COMMUNITY, 'needles': [TRAP_COMMUNITY.encode()]}])
def snmptrapd_udp_403(ctx):
    env = {'SNMP_PERSISTENT_DIR': ctx.path('snmp'), 'MIBS': ''}
    ctx.spawn(['snmptrapd', '-f', '-Lo', '-C', '-c', ctx.path('snmptrapd.conf'), 'udp:127.0.0.1:403'],
              'server-snmptrapd', env=env)
    ctx.wait_listen('udp', 403, timeout=20)
    ctx.run(['snmpinform', '-v', '2c', '-c', TRAP_COMMUNITY, '-r', '1', '-t', '3', '127.0.0.1:403', '',
             '1.3.6.1.6.3.1.1.5.3', '1.3.6.1.2.1.2.2.1.1.2', 'i', '2'], env=env, timeout=20)


# ---------------------------------------------------------------- collectd network plugin (UDP 283)

def _collectd_prep(ctx):
    for role, net in (('srv', 'Listen "127.0.0.1" "283"'), ('cli', 'Server "127.0.0.1" "283"')):
        ctx.mkdir(role, 0o755)
        ctx.write('%s.conf' % role, """Hostname "eval-%(role)s"
FQDNLookup false
BaseDir "%(t)s/%(role)s"
PIDFile "%(t)s/%(role)s/collectd.pid"
PluginDir "/usr/lib/collectd"
TypesDB "/usr/share/collectd/types.db"
Interval 1
%(plugins)s
LoadPlugin network
<Plugin network>
  %(net)s
</Plugin>
""" % {'t': ctx.tmp, 'role': role, 'net': net,
       'plugins': CD_PLUGINS if role == 'cli' else ''})


# many values per interval: the network plugin sends a datagram when its buffer is full
CD_PLUGINS = '\n'.join('LoadPlugin ' + p for p in ('cpu', 'load', 'memory', 'interface', 'processes', 'df', 'disk'))


@svc(name='collectd_udp_283', service='collectd', transport='udp', port=283, package='collectd-core', program='collectd',
     client='a second collectd (cpu, load, memory, interface, processes, df, disk plugins, Interval 1) sending to 127.0.0.1:283',
     sent='collectd binary network protocol: host eval-cli, the values of its plugins, unsigned (SecurityLevel None)',
     protocol='collectd', pname='collectd', prepare=_collectd_prep, sent_needles=[b'eval-cli'])
def collectd_udp_283(ctx):
    ctx.spawn(['collectd', '-f', '-C', ctx.path('srv.conf')], 'server-collectd')
    ctx.wait_listen('udp', 283, timeout=20)
    ctx.spawn(['collectd', '-f', '-C', ctx.path('cli.conf')], 'client-collectd')
    time.sleep(6)


# ---------------------------------------------------------------- CoAP (libcoap, UDP 403)

@svc(name='coap_udp_403', service='coap', transport='udp', port=403, package='libcoap3-bin', program='coap-server (libcoap)',
     client='libcoap3-bin: coap-client-notls -m get coap://127.0.0.1:403/ ; .../.well-known/core ; .../time',
     sent='CoAP confirmable GETs of /, /.well-known/core and /time, piggybacked ACK responses',
     protocol='coap', pname='CoAP', sent_needles=[b'well-known'])
def coap_udp_403(ctx):
    ctx.spawn(['coap-server-notls', '-A', LO, '-p', '403'], 'server-coap')
    ctx.wait_listen('udp', 403, timeout=20)
    for path in ('', '.well-known/core', 'time'):
        ctx.run(['coap-client-notls', '-m', 'get', '-B', '5', 'coap://127.0.0.1:403/' + path], timeout=20)


# ---------------------------------------------------------------- BGP (two bird2 instances, TCP 403)

def _bird_prep(ctx):
    ctx.write('bird-a.conf', """router id 192.0.2.1;
protocol device { }
protocol static s4 { ipv4; route 198.51.100.0/24 blackhole; }
protocol bgp peer_b {
  local 127.0.0.1 port 403 as 65001;
  neighbor 127.0.0.2 port 40179 as 65002;
  passive on;
  multihop;
  hold time 30;
  ipv4 { import all; export all; };
}
""")
    ctx.write('bird-b.conf', """router id 192.0.2.2;
protocol device { }
protocol static s4 { ipv4; route 203.0.113.0/24 blackhole; }
protocol bgp peer_a {
  local 127.0.0.2 port 40179 as 65002;
  neighbor 127.0.0.1 port 403 as 65001;
  multihop;
  hold time 30;
  ipv4 { import all; export all; };
}
""")


@svc(name='bird2_bgp_403', service='bgp', transport='tcp', port=403, package='bird2', program='bird (BIRD 2)',
     client='a second bird (AS 65002, 127.0.0.2) peering with the passive bird on 127.0.0.1:403 (AS 65001)',
     sent='BGP-4 OPEN both ways (ASes 65001 / 65002, capabilities), KEEPALIVEs, UPDATEs for 198.51.100.0/24 and '
          '203.0.113.0/24; no kernel protocol: the host routing table is not touched',
     protocol='bgp', pname='BGP', prepare=_bird_prep)
def bird2_bgp_403(ctx):
    ctx.spawn(['bird', '-f', '-c', ctx.path('bird-a.conf'), '-s', ctx.path('bird-a.ctl'), '-P', ctx.path('a.pid')],
              'server-bird-a')
    ctx.wait_listen('tcp', 403, timeout=20)
    ctx.spawn(['bird', '-f', '-c', ctx.path('bird-b.conf'), '-s', ctx.path('bird-b.ctl'), '-P', ctx.path('b.pid')],
              'client-bird-b')
    end = time.time() + 30
    while time.time() < end:
        r = ctx.run(['birdc', '-s', ctx.path('bird-a.ctl'), 'show', 'protocols', 'peer_b'], timeout=10, check=False)
        if b'Established' in r.stdout:
            break
        time.sleep(0.5)
    else:
        raise ScenarioError('bgp: not established')
    time.sleep(2)


# ---------------------------------------------------------------- SMB2 / SMB1 (samba; TCP 403 / 283)

def _samba_prep(port, minproto):
    def prep(ctx):
        t = ctx.tmp
        for d in ('smb', 'smb/run', 'smb/lock', 'smb/state', 'smb/cache', 'smb/private', 'smb/ncalrpc', 'smb/bind'):
            ctx.mkdir(d, 0o755)
        share = ctx.mkdir('share', 0o777)
        ctx.write('share/readme.txt', 'a file on the eval share\n')
        ctx.write('smb.conf', """[global]
  workgroup = EVAL
  netbios name = EVALSRV
  server role = standalone server
  smb ports = %(p)d
  interfaces = 127.0.0.1
  bind interfaces only = yes
  disable netbios = yes
  server min protocol = %(mp)s
  pid directory = %(t)s/smb/run
  lock directory = %(t)s/smb/lock
  state directory = %(t)s/smb/state
  cache directory = %(t)s/smb/cache
  private dir = %(t)s/smb/private
  ncalrpc dir = %(t)s/smb/ncalrpc
  binddns dir = %(t)s/smb/bind
  log file = %(t)s/smb/log.%%m
  passdb backend = tdbsam:%(t)s/smb/private/passdb.tdb
  load printers = no
  printcap name = /dev/null
  disable spoolss = yes
  map to guest = never
[share]
  path = %(s)s
  read only = no
""" % {'t': t, 'p': port, 'mp': minproto, 's': share})
        ctx.run(['smbpasswd', '-c', ctx.path('smb.conf'), '-a', '-s', EVAL_USER],
                input=('%s\n%s\n' % (EVAL_PASS, EVAL_PASS)).encode())
    return prep


def _smb_run(ctx, port, client_opts):
    ctx.spawn(['smbd', '--foreground', '--no-process-group', '--debug-stdout',
               '--configfile=' + ctx.path('smb.conf')], 'server-smbd')
    ctx.wait_listen('tcp', port, timeout=30)
    ctx.write('upload.txt', 'uploaded over SMB to a ghost port\n')
    ctx.run(['smbclient', '//127.0.0.1/share', '-p', str(port), '-U', '%s%%%s' % (EVAL_USER, EVAL_PASS)]
            + client_opts + ['-c', 'ls; get readme.txt %s; put %s upload.txt' % (
                ctx.path('got.txt'), ctx.path('upload.txt'))], timeout=40)


@svc(name='samba_smb2_403', service='smb2', transport='tcp', port=403, package='samba', program='smbd (Samba)',
     client='smbclient //127.0.0.1/share -p 403 -U evaluser%... -c "ls; get readme.txt; put upload.txt"',
     sent='NetBIOS session service framing, SMB2/3 NEGOTIATE, SESSION_SETUP with NTLMSSP (NTLMv2; the '
          'password does not travel), TREE_CONNECT \\\\127.0.0.1\\share, directory listing, a read and a write',
     protocol='smb2', pname='SMB2', decode=['tcp.port==403,nbss'], also_ok=['nbss'],
     prepare=_samba_prep(403, 'SMB2_02'), sent_needles=[b'\xfeSMB'],
     notes='Stock decode-as: tcp.port==403 as nbss (NetBIOS session service), which carries smb2.')
def samba_smb2_403(ctx):
    _smb_run(ctx, 403, [])


@svc(name='samba_smb1_283', service='smb', transport='tcp', port=283, package='samba', program='smbd (Samba)',
     client='smbclient -m NT1 --option="client min protocol=NT1" //127.0.0.1/share -p 283 -U evaluser%... '
            '-c "ls; get readme.txt; put upload.txt"',
     sent='NetBIOS session service framing, SMB1 (NT LM 0.12) NEGOTIATE, SESSION_SETUP_ANDX with NTLMSSP, '
          'TREE_CONNECT_ANDX, TRANS2 listing, a read and a write',
     protocol='smb', pname='SMB', decode=['tcp.port==283,nbss'], also_ok=['nbss'],
     prepare=_samba_prep(283, 'NT1'), sent_needles=[b'\xffSMB'],
     announced={'product': 'Samba', 'version': lambda pv, ctx: version_re('samba'),
                'where': 'SMB1 SESSION_SETUP_ANDX response NativeLanMan "Samba <v>-Debian" (UTF-16)', 'encoded': True},
     notes='Stock decode-as: tcp.port==283 as nbss, which carries smb.')
def samba_smb1_283(ctx):
    _smb_run(ctx, 283, ['-m', 'NT1', '--option=client min protocol=NT1'])


# ---------------------------------------------------------------- VNC (TigerVNC Xvnc, TCP 283)

VNC_PW = 'Vnc-s3cr'


@svc(name='tigervnc_283', service='vnc', transport='tcp', port=283, package='tigervnc-standalone-server',
     program='Xvnc (TigerVNC)', client='vncsnapshot -passwd <vncpasswd file> 127.0.0.1::283 snapshot.jpg',
     sent='RFB 003.008 version exchange, security type 2 (VNC authentication, DES challenge-response), '
          'ClientInit, one framebuffer update', protocol='vnc', pname='VNC',
     sent_needles=[b'RFB 003.'],
     notes='Xvnc display :57, -localhost, geometry 320x200; the password never travels (DES challenge).')
def tigervnc_283(ctx):
    r = ctx.run(['vncpasswd', '-f'], input=(VNC_PW + '\n').encode(), timeout=10)
    ctx.write('vncpasswd', r.stdout, 0o600)
    ctx.spawn(['Xvnc', ':57', '-rfbport', '283', '-localhost', '-interface', LO, '-SecurityTypes', 'VncAuth',
               '-PasswordFile', ctx.path('vncpasswd'), '-nolisten', 'tcp', '-nolisten', 'unix',
               '-geometry', '320x200', '-depth', '24'], 'server-xvnc')
    ctx.wait_listen('tcp', 283, timeout=20)
    # vncsnapshot authenticates and asks for the framebuffer; an idle Xvnc may send no update
    # for a while, so the client is given 6 s and then stopped by pid with the server
    ctx.spawn(['vncsnapshot', '-passwd', ctx.path('vncpasswd'), '127.0.0.1::283', ctx.path('snap.jpg')],
              'client-vncsnapshot')
    time.sleep(6)
