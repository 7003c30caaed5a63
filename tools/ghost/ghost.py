#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Records the ghost-port captures (see record.sh and captures/ghost/README.md).

    ghost.py list                 names of all scenarios
    ghost.py record [NAME...]     record (all when no name); exit 1 if one failed
    ghost.py user-add | user-del  the temporary test account
    ghost.py readme               rewrite captures/ghost/README.md from the manifests
    ghost.py check                re-check every manifest against its pcap (frames, payload
                                  frames, evidence bytes, stock-tshark decode) without recording
"""
import os
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ghostlib  # noqa: E402
import services  # noqa: E402,F401  (registers scenarios)
import more_services  # noqa: E402,F401
import synthetic  # noqa: E402,F401
from services import TEST_USER, TEST_PASS  # noqa: E402


def user_add():
    ghostlib.add_test_account(TEST_USER, TEST_PASS, 'ghost capture test account')


def user_del():
    ghostlib.remove_test_account(TEST_USER)


def check_all():
    """Re-checks the committed manifests against their pcaps (no recording, no root needed)."""
    import glob
    import json
    import re
    import tempfile
    bad = 0
    tmp = tempfile.mkdtemp(prefix='ghost-check.')
    try:
        for jp in sorted(glob.glob(os.path.join(ghostlib.OUT, '*.json'))):
            d = json.load(open(jp))
            pcap = os.path.join(ghostlib.OUT, d['pcap'])
            errs = []
            frames = ghostlib.read_pcap(pcap)
            if len(frames) != d['frames'] or ghostlib.capinfos_count(pcap) != d['frames']:
                errs.append('frames')
            pay = [i + 1 for i, f in enumerate(frames) if f['payload']]
            if len(pay) != d['payload_frames']:
                errs.append('payload_frames')
            st = ghostlib.streams(frames, d['port'])
            c2s = b''.join(s['c2s'] for k, s in st.items() if k[2] == d['transport'])
            for ex in d['expected']['exposures']:
                for ev in ex.get('evidence', []):
                    if ev.encode('latin-1') not in c2s:
                        errs.append('evidence %r' % ev)
            if d.get('verified_with') and d['expected']['protocol'] and '-d ' in d['verified_with']:
                decode = re.findall(r'-d (\S+)', d['verified_with'])
                prot = ghostlib.tshark_protocols(pcap, decode, tmp)
                names = {d['expected']['protocol']}
                for i in pay:
                    pl, reass, _ = prot.get(i, ([], '', ''))
                    if not (names & set(pl) or reass or set(pl) & {'ftp-data', 'tls', 'http', 'sdp', 'imf', 'stat'}):
                        errs.append('frame %d: %s' % (i, ':'.join(pl)))
                        break
            print('%-36s %s' % (d['pcap'], 'ok' if not errs else 'BAD: ' + ', '.join(errs)))
            bad += bool(errs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print('%d manifests, %d bad' % (len(glob.glob(os.path.join(ghostlib.OUT, '*.json'))), bad))
    return 1 if bad else 0


def _terminate(signum, frame):
    # raise SystemExit in the main thread: the finally blocks stop every process the scenario started
    sys.exit(128 + signum)


def main(argv):
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _terminate)
    if not argv or argv[0] == 'list':
        print(' '.join(ghostlib.SCENARIOS))
        return 0
    cmd, args = argv[0], argv[1:]
    if cmd == 'user-add':
        user_add()
        return 0
    if cmd == 'user-del':
        user_del()
        return 0
    if cmd == 'check':
        return check_all()
    if cmd == 'readme':
        import readme
        readme.write()
        return 0
    if cmd == 'record':
        names = args or list(ghostlib.SCENARIOS)
        unknown = [n for n in names if n not in ghostlib.SCENARIOS]
        if unknown:
            print('unknown scenario(s): %s' % ' '.join(unknown), file=sys.stderr)
            return 2
        t0 = time.time()
        failed = []
        for n in names:
            for attempt in (1, 2, 3):
                if ghostlib.record(n):
                    for d in ghostlib.KEPT.pop(n, []):  # a retry worked: drop the failed attempts' dirs
                        shutil.rmtree(d, ignore_errors=True)
                    break
                ghostlib.log('%s: attempt %d failed' % (n, attempt))
                time.sleep(1)
            else:
                failed.append(n)
        ghostlib.log('recorded %d/%d in %.0fs' % (len(names) - len(failed), len(names), time.time() - t0))
        if failed:
            ghostlib.log('FAILED: %s' % ' '.join(failed))
            return 1
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
