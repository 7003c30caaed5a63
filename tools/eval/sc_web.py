# SPDX-License-Identifier: GPL-2.0-or-later
"""HTTP-family servers: web servers, proxies, HTTP/2, gRPC, WebSocket, IPP, gopher."""
import base64
import http.server
import os
import socketserver
import threading

from evallib import LO, ScenarioError, svc, version_re
from common import EVAL_USER, EVAL_PASS

ORIGIN_PORT = 40480   # a loopback origin server for the proxies (not captured)


class _Origin(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = 'origin'
    sys_version = ''

    def do_GET(self):
        body = b'hello from the origin behind the proxy\n'
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


def origin():
    """A plain HTTP origin on 127.0.0.1:40480 (python http.server), off the captured port."""
    srv = _Origin((LO, ORIGIN_PORT), _Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def curl(ctx, *args, timeout=20, check=True):
    return ctx.run(['curl', '-sS', '--max-time', '15'] + list(args), timeout=timeout, check=check)


def browse(ctx, port, marker, name, second):
    """An HTTP client's visit: the front page (which must hold `marker`), `second`, a HEAD of a missing page."""
    base = 'http://127.0.0.1:%d' % port
    r = curl(ctx, base + '/')
    if marker not in r.stdout:
        raise ScenarioError('%s: %r' % (name, r.stdout[-300:]))
    curl(ctx, base + second)
    curl(ctx, '-I', base + '/missing', check=False)


# ---------------------------------------------------------------- lighttpd

def _lighttpd_prep(ctx):
    ctx.mkdir('www')
    ctx.write('www/index.html', '<html><body>lighttpd on a ghost port</body></html>\n')
    ctx.write('lighttpd.conf', """
server.document-root = "%(t)s/www"
server.port = 283
server.bind = "127.0.0.1"
server.pid-file = "%(t)s/lighttpd.pid"
server.username = "www-data"
server.groupname = "www-data"
index-file.names = ( "index.html" )
mimetype.assign = ( ".html" => "text/html" )
""" % {'t': ctx.tmp})


@svc(name='lighttpd_283', service='http', transport='tcp', port=283, package='lighttpd',
     program='lighttpd', client='curl -sS http://127.0.0.1:283/ ; curl -sS -I http://127.0.0.1:283/missing',
     sent='GET / (200, small HTML page) and HEAD /missing (404)', protocol='http', pname='HTTP',
     announced={'product': 'lighttpd', 'version': True, 'where': 'HTTP Server header'},
     prepare=_lighttpd_prep)
def lighttpd_283(ctx):
    ctx.spawn(['lighttpd', '-D', '-f', ctx.path('lighttpd.conf')], 'server-lighttpd')
    ctx.wait_listen('tcp', 283)
    curl(ctx, 'http://127.0.0.1:283/')
    curl(ctx, '-I', 'http://127.0.0.1:283/missing')


# ---------------------------------------------------------------- apache2 with Basic auth

def _apache_prep(ctx):
    ctx.mkdir('www/private')
    ctx.write('www/index.html', '<html><body>apache on a ghost port</body></html>\n')
    ctx.write('www/private/index.html', '<html><body>private</body></html>\n')
    ctx.run(['htpasswd', '-b', '-c', ctx.path('htpasswd'), EVAL_USER, EVAL_PASS])
    ctx.write('apache2.conf', """
ServerRoot /etc/apache2
ServerName eval.test
Listen 127.0.0.1:403
PidFile %(t)s/apache2.pid
ErrorLog %(t)s/apache-error.log
User www-data
Group www-data
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule authz_user_module /usr/lib/apache2/modules/mod_authz_user.so
LoadModule authn_core_module /usr/lib/apache2/modules/mod_authn_core.so
LoadModule authn_file_module /usr/lib/apache2/modules/mod_authn_file.so
LoadModule auth_basic_module /usr/lib/apache2/modules/mod_auth_basic.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
TypesConfig /etc/mime.types
DocumentRoot %(t)s/www
DirectoryIndex index.html
ServerTokens Full
<Directory %(t)s/www>
  Require all granted
</Directory>
<Directory %(t)s/www/private>
  AuthType Basic
  AuthName "eval"
  AuthUserFile %(t)s/htpasswd
  Require valid-user
</Directory>
""" % {'t': ctx.tmp})


@svc(name='apache2_basic_403', service='http', transport='tcp', port=403, package='apache2',
     program='apache2', client='curl http://127.0.0.1:403/ ; curl -u %s:%s http://127.0.0.1:403/private/' % (EVAL_USER, EVAL_PASS),
     sent='GET / (200); GET /private/ with Authorization: Basic (200)', protocol='http', pname='HTTP',
     announced={'product': 'Apache', 'version': True, 'where': 'HTTP Server header "Apache/<v> (Debian)"'},
     exposures=[{'kind': 'cleartext_credential', 'protocol': 'http',
                 'detail': 'Authorization: Basic %s (%s / %s)' % (
                     base64.b64encode(('%s:%s' % (EVAL_USER, EVAL_PASS)).encode()).decode(), EVAL_USER, EVAL_PASS),
                 'frame_hint': 'client->server', 'user': EVAL_USER, 'password': EVAL_PASS,
                 'needles': [b'Authorization: Basic ' + base64.b64encode(('%s:%s' % (EVAL_USER, EVAL_PASS)).encode())]}],
     prepare=_apache_prep,
     notes='apache2 -DFOREGROUND with a minimal private config (ServerTokens Full).')
def apache2_basic_403(ctx):
    ctx.spawn(['apache2', '-DFOREGROUND', '-f', ctx.path('apache2.conf')], 'server-apache2',
              env={'APACHE_RUN_DIR': ctx.tmp, 'APACHE_LOCK_DIR': ctx.tmp, 'APACHE_LOG_DIR': ctx.tmp})
    ctx.wait_listen('tcp', 403)
    curl(ctx, 'http://127.0.0.1:403/')
    r = curl(ctx, '-u', '%s:%s' % (EVAL_USER, EVAL_PASS), 'http://127.0.0.1:403/private/')
    if b'private' not in r.stdout:
        raise ScenarioError('apache: basic auth did not pass')


# ---------------------------------------------------------------- squid (forward proxy, Basic proxy auth)

def _squid_prep(ctx):
    ctx.run(['htpasswd', '-b', '-c', ctx.path('squid.passwd'), EVAL_USER, EVAL_PASS])
    os.chmod(ctx.path('squid.passwd'), 0o644)
    ctx.mkdir('squid', 0o777)
    ctx.write('squid.conf', """
http_port 127.0.0.1:403
auth_param basic program /usr/lib/squid/basic_ncsa_auth %(t)s/squid.passwd
auth_param basic realm eval
acl localhost src 127.0.0.1/32
acl authed proxy_auth REQUIRED
http_access deny !localhost
http_access allow authed
http_access deny all
cache deny all
cache_mem 8 MB
access_log stdio:%(t)s/squid/access.log
cache_log %(t)s/squid/cache.log
cache_store_log none
pid_filename %(t)s/squid/squid.pid
coredump_dir %(t)s/squid
cache_effective_user proxy
shutdown_lifetime 1 seconds
dns_nameservers 127.0.0.1
""" % {'t': ctx.tmp})


@svc(name='squid_proxy_403', service='http', transport='tcp', port=403, package='squid',
     program='squid', client='curl -x http://127.0.0.1:403 -U %s:%s http://127.0.0.1:%d/ (and to a closed port)'
     % (EVAL_USER, EVAL_PASS, ORIGIN_PORT),
     sent='Proxy requests GET http://127.0.0.1:40480/ with Proxy-Authorization: Basic (200 via squid), '
          'then GET http://127.0.0.1:40499/ (nothing listens: squid error page 503)',
     protocol='http', pname='HTTP proxy',
     announced={'product': 'squid', 'version': True, 'where': 'Via header / Server header of its error page "squid/<v>"'},
     exposures=[{'kind': 'cleartext_credential', 'protocol': 'http',
                 'detail': 'Proxy-Authorization: Basic (%s / %s)' % (EVAL_USER, EVAL_PASS),
                 'frame_hint': 'client->server', 'user': EVAL_USER, 'password': EVAL_PASS,
                 'needles': [b'Proxy-Authorization: Basic ' + base64.b64encode(('%s:%s' % (EVAL_USER, EVAL_PASS)).encode())]}],
     prepare=_squid_prep, notes='The origin is python http.server on 127.0.0.1:40480 (not captured).')
def squid_proxy_403(ctx):
    srv = origin()
    try:
        ctx.spawn(['squid', '-N', '-f', ctx.path('squid.conf')], 'server-squid')
        ctx.wait_listen('tcp', 403, timeout=40)
        r = curl(ctx, '-x', 'http://127.0.0.1:403', '-U', '%s:%s' % (EVAL_USER, EVAL_PASS),
                 'http://127.0.0.1:%d/' % ORIGIN_PORT)
        if b'origin' not in r.stdout:
            raise ScenarioError('squid: no origin page')
        curl(ctx, '-x', 'http://127.0.0.1:403', '-U', '%s:%s' % (EVAL_USER, EVAL_PASS),
             'http://127.0.0.1:40499/', check=False)
    finally:
        srv.shutdown()


# ---------------------------------------------------------------- tinyproxy

def _tinyproxy_prep(ctx):
    ctx.write('tinyproxy.conf', """
User nobody
Group nogroup
Port 283
Listen 127.0.0.1
Timeout 30
LogLevel Info
MaxClients 10
Allow 127.0.0.1
ViaProxyName "tinyproxy"
""")


@svc(name='tinyproxy_283', service='http', transport='tcp', port=283, package='tinyproxy',
     program='tinyproxy', client='curl -x http://127.0.0.1:283 http://127.0.0.1:%d/ (and to a closed port)' % ORIGIN_PORT,
     sent='Proxy requests GET http://127.0.0.1:40480/ (200 with Via: 1.1 tinyproxy (tinyproxy/<v>)), '
          'then GET http://127.0.0.1:40499/ (tinyproxy error page)',
     protocol='http', pname='HTTP proxy',
     announced={'product': 'tinyproxy', 'version': True, 'where': 'Via header and error-page Server header "tinyproxy/<v>"'},
     prepare=_tinyproxy_prep, notes='The origin is python http.server on 127.0.0.1:40480 (not captured).')
def tinyproxy_283(ctx):
    srv = origin()
    try:
        ctx.spawn(['tinyproxy', '-d', '-c', ctx.path('tinyproxy.conf')], 'server-tinyproxy')
        ctx.wait_listen('tcp', 283)
        curl(ctx, '-x', 'http://127.0.0.1:283', 'http://127.0.0.1:%d/' % ORIGIN_PORT)
        curl(ctx, '-x', 'http://127.0.0.1:283', 'http://127.0.0.1:40499/', check=False)
    finally:
        srv.shutdown()


# ---------------------------------------------------------------- icecast2 (admin with Basic auth)

ICE_PW = 'Ic3-s3cret'


def _icecast_prep(ctx):
    ctx.mkdir('ice', 0o777)
    ctx.write('icecast.xml', """<icecast>
  <location>eval</location><admin>eval@eval.test</admin>
  <limits><clients>10</clients><sources>2</sources></limits>
  <authentication>
    <source-password>%(pw)s</source-password><relay-password>%(pw)s</relay-password>
    <admin-user>admin</admin-user><admin-password>%(pw)s</admin-password>
  </authentication>
  <hostname>127.0.0.1</hostname>
  <listen-socket><port>403</port><bind-address>127.0.0.1</bind-address></listen-socket>
  <paths>
    <basedir>/usr/share/icecast2</basedir><logdir>%(t)s/ice</logdir>
    <webroot>/usr/share/icecast2/web</webroot><adminroot>/usr/share/icecast2/admin</adminroot>
    <pidfile>%(t)s/ice/icecast.pid</pidfile>
  </paths>
  <logging><accesslog>access.log</accesslog><errorlog>error.log</errorlog><loglevel>3</loglevel></logging>
  <security><chroot>0</chroot></security>
</icecast>
""" % {'t': ctx.tmp, 'pw': ICE_PW})


@svc(name='icecast2_403', service='http', transport='tcp', port=403, package='icecast2',
     program='icecast2', client='curl http://127.0.0.1:403/status-json.xsl ; curl -u admin:%s http://127.0.0.1:403/admin/stats' % ICE_PW,
     sent='GET /status-json.xsl (200 JSON with server_id "Icecast <v>"); GET /admin/stats with Basic admin / %s' % ICE_PW,
     protocol='http', pname='HTTP (Icecast)',
     announced={'product': 'Icecast', 'version': True, 'where': 'HTTP Server header "Icecast <v>"'},
     exposures=[{'kind': 'cleartext_credential', 'protocol': 'http',
                 'detail': 'Authorization: Basic (admin / %s)' % ICE_PW, 'frame_hint': 'client->server',
                 'user': 'admin', 'password': ICE_PW,
                 'needles': [b'Authorization: Basic ' + base64.b64encode(('admin:' + ICE_PW).encode())]}],
     prepare=_icecast_prep, notes='icecast2 runs as the icecast2 user (it refuses root).')
def icecast2_403(ctx):
    ctx.spawn(['setpriv', '--reuid=icecast2', '--regid=icecast', '--init-groups', '--inh-caps=+net_bind_service',
               '--ambient-caps=+net_bind_service', 'icecast2', '-c', ctx.path('icecast.xml')], 'server-icecast2')
    ctx.wait_listen('tcp', 403)
    curl(ctx, 'http://127.0.0.1:403/status-json.xsl')
    curl(ctx, '-u', 'admin:' + ICE_PW, 'http://127.0.0.1:403/admin/stats')


# ---------------------------------------------------------------- HTTP/2 prior knowledge (nghttpd)

def _nghttpd_prep(ctx):
    ctx.mkdir('www')
    ctx.write('www/index.html', '<html><body>HTTP/2 cleartext on a ghost port</body></html>\n')


@svc(name='nghttpd_h2c_283', service='http2', transport='tcp', port=283, package='nghttp2-server',
     program='nghttpd', client='nghttp2-client: nghttp -nv http://127.0.0.1:283/index.html (HTTP/2 prior knowledge)',
     sent='HTTP/2 connection preface PRI * HTTP/2.0, SETTINGS, HEADERS GET /index.html, DATA back',
     protocol='http2', pname='HTTP/2',
     announced={'product': 'nghttpd', 'version': True, 'encoded': True,
                'where': 'HTTP/2 server header "nghttpd nghttp2/<v>" (HPACK, Huffman-coded: not plain bytes)'},
     prepare=_nghttpd_prep,
     sent_needles=[b'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'])
def nghttpd_h2c_283(ctx):
    ctx.spawn(['nghttpd', '--no-tls', '-a', LO, '-d', ctx.path('www'), '283'], 'server-nghttpd')
    ctx.wait_listen('tcp', 283)
    ctx.run(['nghttp', '-nv', 'http://127.0.0.1:283/index.html'], timeout=20)


# ---------------------------------------------------------------- gRPC over h2c (etcd v3 API)

@svc(name='etcd_grpc_403', service='grpc', transport='tcp', port=403, package='etcd-server',
     program='etcd', client='etcd-client: ETCDCTL_API=3 etcdctl --endpoints=127.0.0.1:403 put/get/endpoint status',
     sent='gRPC over cleartext HTTP/2 (prior knowledge): etcdserverpb.KV/Put eval/key, KV/Range eval/key, '
          'Maintenance/Status', protocol='http2', pname='gRPC', also_ok=['grpc'],
     sent_needles=[b'PRI * HTTP/2.0'],
     announced={'product': 'etcd', 'version': True,
                'where': 'Maintenance/Status gRPC reply, protobuf field version (plain bytes inside a DATA frame)'},
     notes='expected.protocol is the stock decode-as (http2); gRPC messages show as grpc inside it. '
           'etcd answers Maintenance/Status with its version inside a protobuf message (not an HTTP header).')
def etcd_grpc_403(ctx):
    d = ctx.mkdir('etcd', 0o700)
    ctx.spawn(['etcd', '--name', 'eval', '--data-dir', d,
               '--listen-client-urls', 'http://127.0.0.1:403', '--advertise-client-urls', 'http://127.0.0.1:403',
               '--listen-peer-urls', 'http://127.0.0.1:40380', '--initial-advertise-peer-urls', 'http://127.0.0.1:40380',
               '--initial-cluster', 'eval=http://127.0.0.1:40380'], 'server-etcd')
    ctx.wait_listen('tcp', 403, timeout=40)
    env = {'ETCDCTL_API': '3'}
    ep = ['--endpoints=127.0.0.1:403']
    ctx.run(['etcdctl'] + ep + ['put', 'eval/key', 'hello-grpc'], env=env, timeout=20)
    ctx.run(['etcdctl'] + ep + ['get', 'eval/key'], env=env, timeout=20)
    ctx.run(['etcdctl'] + ep + ['endpoint', 'status'], env=env, timeout=20)


# ---------------------------------------------------------------- WebSocket (websocketd + python3-websockets)

@svc(name='websocketd_283', service='websocket', transport='tcp', port=283, package='websocketd',
     program='websocketd', client='python3-websockets client (websockets.sync-less asyncio client): '
     'connect ws://127.0.0.1:283/, send "hello websocket", read the echo',
     sent='HTTP/1.1 GET / with Upgrade: websocket, 101 Switching Protocols, masked text frame '
          '"hello websocket", the echo back (websocketd runs /bin/cat), close',
     protocol='http', pname='WebSocket', also_ok=['websocket'],
     sent_needles=[b'Upgrade: websocket'],
     notes='Stock decode-as is http; the frames after the 101 decode as websocket.')
def websocketd_283(ctx):
    ctx.spawn(['websocketd', '--address=127.0.0.1', '--port=283', '/bin/cat'], 'server-websocketd')
    ctx.wait_listen('tcp', 283)
    code = ('import asyncio, websockets\n'
            'async def main():\n'
            '    async with websockets.connect("ws://127.0.0.1:283/") as ws:\n'
            '        await ws.send("hello websocket")\n'
            '        print(await asyncio.wait_for(ws.recv(), 10))\n'
            'asyncio.run(main())\n')
    r = ctx.run(['/usr/bin/python3', '-c', code], timeout=30)
    if b'hello websocket' not in r.stdout:
        raise ScenarioError('websocket: no echo')


# ---------------------------------------------------------------- IPP (CUPS)

def _cups_prep(ctx):
    for d in ('cups', 'cups/spool', 'cups/cache', 'cups/state', 'cups/log'):
        ctx.mkdir(d, 0o755)
    ctx.write('cups/cupsd.conf', """
Listen 127.0.0.1:283
ServerName 127.0.0.1
LogLevel warn
Browsing Off
DefaultAuthType None
WebInterface No
<Location />
  Order allow,deny
  Allow 127.0.0.1
</Location>
""")
    ctx.write('cups/cups-files.conf', """
ServerRoot %(t)s/cups
RequestRoot %(t)s/cups/spool
CacheDir %(t)s/cups/cache
StateDir %(t)s/cups/state
AccessLog %(t)s/cups/log/access_log
ErrorLog %(t)s/cups/log/error_log
PageLog %(t)s/cups/log/page_log
User lp
Group lp
SystemGroup root
""" % {'t': ctx.tmp})


@svc(name='cups_ipp_283', service='ipp', transport='tcp', port=283, package='cups-daemon',
     program='cupsd', client='cups-ipp-utils: ipptool -tv ipp://127.0.0.1:283/ get-printers.test ; '
     'cups-client: lpstat -h 127.0.0.1:283 -r',
     sent='IPP over HTTP POST / (application/ipp): CUPS-Get-Printers, then lpstat\'s requests',
     protocol='http', pname='IPP', also_ok=['ipp'],
     announced={'product': 'CUPS', 'version': lambda pv, ctx: version_re('cups-daemon', r'^[0-9]+\.[0-9]+'),
                'where': 'HTTP Server header "CUPS/<major.minor> IPP/2.1"'},
     sent_needles=[b'application/ipp'], prepare=_cups_prep,
     notes='Stock decode-as is http; the bodies decode as ipp.')
def cups_ipp_283(ctx):
    ctx.spawn(['cupsd', '-f', '-c', ctx.path('cups/cupsd.conf'), '-s', ctx.path('cups/cups-files.conf')],
              'server-cupsd')
    ctx.wait_listen('tcp', 283, timeout=30)
    ctx.run(['ipptool', '-tv', 'ipp://127.0.0.1:283/', 'get-printers.test'], timeout=30, check=False)
    ctx.run(['lpstat', '-h', '127.0.0.1:283', '-r'], timeout=30, check=False)


# ---------------------------------------------------------------- gopher (gophernicus under inetd)

def _gopher_prep(ctx):
    ctx.mkdir('gopher', 0o755)
    ctx.write('gopher/hello.txt', 'a text file in gopherspace\n')
    ctx.write('gopher/gophermap', 'iWelcome to the eval gopher hole\t\t\t\n0hello\t/hello.txt\t127.0.0.1\t403\n')
    ctx.write('inetd.conf', '127.0.0.1:403 stream tcp nowait nobody /usr/sbin/gophernicus gophernicus '
              '-h 127.0.0.1 -p 403 -r %s/gopher\n' % ctx.tmp)


@svc(name='gophernicus_403', service='gopher', transport='tcp', port=403, package='gophernicus',
     program='gophernicus', client='curl gopher://127.0.0.1:403/1/ ; curl gopher://127.0.0.1:403/0/hello.txt',
     sent='Gopher selector "" (menu) and "/hello.txt" (text file)', protocol='gopher', pname='Gopher',
     announced={'product': 'Gophernicus', 'version': True, 'where': 'menu footer "Gophered by Gophernicus/<v>"'},
     prepare=_gopher_prep, notes='openbsd-inetd (private config, foreground -d) runs gophernicus per connection.')
def gophernicus_403(ctx):
    ctx.spawn(['/usr/sbin/inetd', '-d', ctx.path('inetd.conf')], 'server-inetd')
    ctx.wait_listen('tcp', 403)
    curl(ctx, 'gopher://127.0.0.1:403/1/')
    curl(ctx, 'gopher://127.0.0.1:403/0/hello.txt')
