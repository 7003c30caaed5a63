# SPDX-License-Identifier: GPL-2.0-or-later
"""The fresh5 set (split "fresh5", names fresh5_*): a sixth held-out set.
Its programs were DRAWN from a new pool: candidate server programs that are
in none of captures/ghost/, the tune / heldout half, the fresh to fresh4
sets, nor among fresh3's and fresh4's pool candidates, written first,
shuffled with a seed from /dev/urandom, and recorded in the drawn order
(tools/eval/fresh5-pool.md; doc/evaluation.md, "Fresh5 set"). Same
recorder, same manifest schema, same checks as fresh4; only the split
differs (evallib.svc split=FRESH5_SPLIT). Ports alternate 283 / 403 in the
order of recording."""
import functools
import os
import time

from evallib import FRESH5_SPLIT, LO, ScenarioError, svc, version_re  # noqa: F401
from common import EVAL_USER  # noqa: F401
from sc_web import curl  # noqa: F401
from sc_fresh3 import stop_spawned  # noqa: F401

fresh5 = functools.partial(svc, split=FRESH5_SPLIT)


def wait_for(ctx, what, test, timeout=30, step=0.5):
    """Polls test() until it is true; ScenarioError after timeout."""
    end = time.time() + timeout
    while time.time() < end:
        if test():
            return
        ctx._check_alive()
        time.sleep(step)
    raise ScenarioError('%s: not within %ss' % (what, timeout))


# ---------------------------------------------------------------- Syncthing BEP over TLS: syncthing (TCP 283), a second syncthing

ST_OPTIONS = """ <options>
  <listenAddress>%(listen)s</listenAddress>
  <globalAnnounceEnabled>false</globalAnnounceEnabled>
  <localAnnounceEnabled>false</localAnnounceEnabled>
  <relaysEnabled>false</relaysEnabled>
  <natEnabled>false</natEnabled>
  <stunKeepaliveStartS>0</stunKeepaliveStartS>
  <stunKeepaliveMinS>0</stunKeepaliveMinS>
  <urAccepted>-1</urAccepted>
  <urSeen>3</urSeen>
  <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
  <crashReportingEnabled>false</crashReportingEnabled>
  <startBrowser>false</startBrowser>
  <announceLANAddresses>false</announceLANAddresses>
  <setLowPriority>false</setLowPriority>
 </options>
"""

ST_CONFIG = """<configuration version="36">
 <folder id="evalshare" label="evalshare" path="%(share)s" type="sendreceive" rescanIntervalS="5" fsWatcherEnabled="false">
  <device id="%(a)s"></device>
  <device id="%(b)s"></device>
 </folder>
 <device id="%(a)s" name="evalsrv" compression="metadata" introducer="false"><address>%(addr_a)s</address></device>
 <device id="%(b)s" name="evalcli" compression="metadata" introducer="false"><address>%(addr_b)s</address></device>
 <gui enabled="true" tls="false"><address>127.0.0.1:%(gui)d</address><apikey>evalkey%(gui)d</apikey></gui>
""" + ST_OPTIONS + "</configuration>\n"

ST_ENV = {'STNOUPGRADE': '1', 'STNORESTART': '1', 'STNODEFAULTFOLDER': '1'}


def _syncthing_prep(ctx):
    ids = {}
    for side in ('a', 'b'):
        home = ctx.mkdir('st-' + side)
        ctx.run(['syncthing', 'generate', '--home=' + home, '--no-default-folder'], timeout=60,
                env=dict(ST_ENV, HOME=ctx.tmp))
        r = ctx.run(['syncthing', '--home=' + home, '--device-id'], timeout=30, env=dict(ST_ENV, HOME=ctx.tmp))
        ids[side] = r.stdout.decode().strip().splitlines()[-1]
        ctx.mkdir('share-' + side)
    ctx.write('share-a/ghost-port-note.txt', 'a file that syncthing carries across a ghost port\n' * 20)
    ctx.write('st-a/config.xml', ST_CONFIG % {'share': ctx.path('share-a'), 'a': ids['a'], 'b': ids['b'],
                                              'addr_a': 'dynamic', 'addr_b': 'dynamic', 'gui': 40831,
                                              'listen': 'tcp://127.0.0.1:283'})
    ctx.write('st-b/config.xml', ST_CONFIG % {'share': ctx.path('share-b'), 'a': ids['a'], 'b': ids['b'],
                                              'addr_a': 'tcp://127.0.0.1:283', 'addr_b': 'dynamic', 'gui': 40832,
                                              'listen': 'tcp://127.0.0.1:40833'})


@fresh5(name='fresh5_syncthing_283', service='tls', transport='tcp', port=283, package='syncthing',
        program='syncthing (Block Exchange Protocol over TLS)',
        client='a second syncthing (its own home and device key, device "evalsrv" at tcp://127.0.0.1:283) sharing '
               'the folder evalshare, until the server\'s file has arrived',
        sent='TLS 1.3 with ALPN bep/1.0 both ways (the syncthing device certificates, mutual authentication), '
             'inside it BEP: Hello, ClusterConfig, Index of the shared folder, Request / Response for the file\'s '
             'blocks, DownloadProgress and Ping',
        protocol='tls', pname='TLS (Syncthing BEP)', sent_needles=[b'bep/1.0'], prepare=_syncthing_prep,
        notes='Both syncthing instances run "serve --no-browser --no-restart" with homes in the work dir; global '
              'and local discovery, relays, NAT traversal, STUN, usage reporting, crash reporting and upgrades are '
              'off, so nothing reaches past loopback; the GUI / REST listeners are on other loopback ports (not '
              'captured). BEP\'s Hello (device name, client name and version) travels inside TLS.')
def fresh5_syncthing_283(ctx):
    for side in ('a', 'b'):
        ctx.spawn(['syncthing', 'serve', '--home=' + ctx.path('st-' + side), '--no-browser', '--no-restart',
                   '--logflags=0'], ('server-syncthing' if side == 'a' else 'client-syncthing'), env=dict(ST_ENV, HOME=ctx.tmp))
        if side == 'a':
            ctx.wait_listen('tcp', 283, timeout=40)
    got = ctx.path('share-b', 'ghost-port-note.txt')
    wait_for(ctx, 'syncthing: the file in the second share', lambda: os.path.exists(got), timeout=60)
    time.sleep(2)


# ---------------------------------------------------------------- Dask distributed: dask-scheduler (TCP 403), dask-worker and a Client

DASK_JOB = """from dask.distributed import Client
c = Client('tcp://127.0.0.1:403', timeout=30)
print('sum', c.submit(sum, [1, 2, 3, 36]).result())
print('squares', c.gather(c.map(lambda x: x * x, range(5))))
c.close()
"""


@fresh5(name='fresh5_dask_scheduler_403', service='dask', transport='tcp', port=403, package='python3-distributed',
        program='dask-scheduler (Dask distributed)',
        client='dask-worker tcp://127.0.0.1:403 --nworkers 1 --nthreads 1 (a worker that registers), then a '
               'dask.distributed Client (python3) that submits sum() and maps a square over range(5)',
        sent='Dask\'s TCP comm: length-framed msgpack messages (handshake with protocol versions, register-worker '
             'and register-client, heartbeats, update-graph with the pickled tasks, task-finished / key-in-memory '
             'reports, gather, close)',
        protocol=None, pname='Dask', sent_needles=[b'register-client'], prepare=lambda ctx: ctx.write('job.py', DASK_JOB),
        notes='dask-scheduler --host 127.0.0.1 --port 403 --no-dashboard; the worker listens on a loopback port of '
              'its own (the Client fetches results from it there, not captured). Wireshark 4.0 has no Dask '
              'dissector (expected.protocol null).')
def fresh5_dask_scheduler_403(ctx):
    env = {'HOME': ctx.tmp, 'DASK_DISTRIBUTED__WORKER__DAEMON': 'False'}
    ctx.spawn(['dask-scheduler', '--host', LO, '--port', '403', '--no-dashboard', '--no-show'], 'server-dask', env=env)
    ctx.wait_listen('tcp', 403, timeout=60)
    w = ctx.spawn(['dask-worker', 'tcp://127.0.0.1:403', '--host', LO, '--nworkers', '1', '--nthreads', '1',
                   '--no-dashboard', '--local-directory', ctx.path('w')], 'client-dask-worker', env=env)
    ctx.wait_log('server-dask', 'Register worker', timeout=60)
    r = ctx.run(['/usr/bin/python3', ctx.path('job.py')], timeout=90, env=env)
    if b'sum 42' not in r.stdout:
        raise ScenarioError('dask client: %r' % r.stdout[-300:])
    stop_spawned(w)
