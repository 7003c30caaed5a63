#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Records the evaluation set captures/eval/ (see record.sh, doc/evaluation.md).

    eval.py list                  scenario names (with service and split)
    eval.py record [NAME...]      record (all of tune / heldout when no name); exit 1 if one failed
    eval.py record --fresh        record the whole fresh set (split "fresh", names fresh_*)
    eval.py record --fresh2       record the whole fresh2 set (split "fresh2", names fresh2_*)
    eval.py record --fresh3       record the whole fresh3 set (split "fresh3", names fresh3_*)
    eval.py record --fresh4       record the whole fresh4 set (split "fresh4", names fresh4_*)
    eval.py record --fresh5       record the whole fresh5 set (split "fresh5", names fresh5_*)
    eval.py record --fresh6       record the whole fresh6 set (split "fresh6", names fresh6_*)
    eval.py record --fresh7       record the whole fresh7 set (split "fresh7", names fresh7_*)
    eval.py user-add | user-del   the temporary account evaluser
    eval.py readme                rewrite captures/eval/README.md and split.txt from the manifests
    eval.py programs [--fresh|--fresh2|--fresh3|--fresh4|--fresh5|--fresh6|--fresh7]  the programs table of doc/evaluation.md (Markdown)
"""
import fcntl
import glob
import json
import os
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import evallib  # noqa: E402
from evallib import (EVAL, FRESH, FRESH2, FRESH3, FRESH4, FRESH5, FRESH6, FRESH7, FRESH_SPLIT, FRESH2_SPLIT, FRESH3_SPLIT,  # noqa: E402
                     FRESH4_SPLIT, FRESH5_SPLIT, FRESH6_SPLIT, FRESH7_SPLIT, SEALED, OUT, split_of)
import ghostlib  # noqa: E402
# the scenario modules register their scenarios when imported
import sc_web  # noqa: E402,F401
import sc_net  # noqa: E402,F401
import sc_misc  # noqa: E402,F401
import sc_extra  # noqa: E402,F401
import sc_nearmiss  # noqa: E402,F401
import sc_fresh  # noqa: E402,F401
import sc_fresh_nearmiss  # noqa: E402,F401
import sc_fresh2  # noqa: E402,F401
import sc_fresh2_nearmiss  # noqa: E402,F401
import sc_fresh3  # noqa: E402,F401
import sc_fresh3_nearmiss  # noqa: E402,F401
import sc_fresh4  # noqa: E402,F401
import sc_fresh4_nearmiss  # noqa: E402,F401
import sc_fresh5  # noqa: E402,F401
import sc_fresh5_nearmiss  # noqa: E402,F401
import sc_fresh6  # noqa: E402,F401
import sc_fresh6_nearmiss  # noqa: E402,F401
import sc_fresh7  # noqa: E402,F401
import sc_fresh7_nearmiss  # noqa: E402,F401
from common import EVAL_USER, EVAL_PASS  # noqa: E402


def user_add():
    ghostlib.add_test_account(EVAL_USER, EVAL_PASS, 'rescap eval test account')


def user_del():
    ghostlib.remove_test_account(EVAL_USER)


def manifests():
    ms = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(OUT, '*.json')))]
    return [d for d in ms if 'pcap' in d and 'split' in d]


def esc(s):
    return str(s).replace('|', '\\|').replace('\n', ' ')


def index_row(d):
    """One row of captures/eval/README.md's index."""
    e = d['expected']
    ex = '; '.join('%s (%s)' % (x['kind'], x.get('user') or x.get('password') or x.get('detail', ''))
                   for x in e['exposures']) or '-'
    nm = d.get('anchors', {}).get('nmap', {})
    nms = '/'.join(x for x in (nm.get('name'), nm.get('product'), nm.get('version')) if x) or '-'
    srv = '%s %s' % (d['server']['package'], d['server']['version']) if d.get('server') else 'synthetic'
    return '| `%s` | %s | %s/%d | %s | %s | %s | %s / %s | %s | %s |' % (
        d['pcap'], d['service'], d['transport'].upper(), d['port'], esc(d.get('program')), esc(srv),
        d['split'], e.get('product') or '-', e.get('version') or '-', esc(ex), esc(nms))


INDEX_HEAD = ('| pcap | service | transport/port | program | server package | split | announced product / version '
              '| exposures | nmap -sV (live) |\n|---|---|---|---|---|---|---|---|---|\n')


# The README's section of each sealed set: split, heading, what it is (its counts follow).
SEALED_SECTIONS = (
    (FRESH_SPLIT, 'Fresh set (recorded after tuning, measured once)',
     'Split `fresh` (names `fresh_*`), whatever the service: a second held-out set of programs\n'
     'that are in neither the set above nor `captures/ghost/`, recorded after the tuning to be\n'
     'measured once (`doc/evaluation.md`, "Fresh set").'),
    (FRESH2_SPLIT, 'Fresh2 set (a third held-out set, measured once)',
     'Split `fresh2` (names `fresh2_*`), whatever the service: programs that are in none of the\n'
     'sets above nor `captures/ghost/`, recorded after the fresh set had been measured, to be\n'
     'measured once (`doc/evaluation.md`, "Fresh2 set").'),
    (FRESH3_SPLIT, 'Fresh3 set (a fourth held-out set, drawn from a pool, measured once)',
     'Split `fresh3` (names `fresh3_*`), whatever the service: programs drawn at random from a pool of\n'
     'candidates that are in none of the sets above nor `captures/ghost/` (`tools/eval/fresh3-pool.md`),\n'
     'to be measured once (`doc/evaluation.md`, "Fresh3 set").'),
    (FRESH4_SPLIT, 'Fresh4 set (a fifth held-out set, drawn from a new pool, measured once)',
     'Split `fresh4` (names `fresh4_*`), whatever the service: programs drawn at random from a new pool of\n'
     'candidates that are in none of the sets above nor `captures/ghost/` nor fresh3\'s pool\n'
     '(`tools/eval/fresh4-pool.md`), to be measured once (`doc/evaluation.md`, "Fresh4 set").'),
    (FRESH5_SPLIT, 'Fresh5 set (a sixth held-out set, drawn from a new pool, measured once)',
     'Split `fresh5` (names `fresh5_*`), whatever the service: programs drawn at random from a new pool of\n'
     'candidates that are in none of the sets above nor `captures/ghost/` nor fresh3\'s and fresh4\'s pools\n'
     '(`tools/eval/fresh5-pool.md`), to be measured once (`doc/evaluation.md`, "Fresh5 set").'),
    (FRESH6_SPLIT, 'Fresh6 set (a seventh held-out set, drawn from a new pool, measured once)',
     'Split `fresh6` (names `fresh6_*`), whatever the service: programs drawn at random from a new pool of\n'
     'candidates that are in none of the sets above nor `captures/ghost/` nor fresh3\'s, fresh4\'s and fresh5\'s pools\n'
     '(`tools/eval/fresh6-pool.md`), to be measured once (`doc/evaluation.md`, "Fresh6 set").'),
    (FRESH7_SPLIT, 'Fresh7 set (an eighth held-out set, drawn from a new pool, measured once)',
     'Split `fresh7` (names `fresh7_*`), whatever the service: programs drawn at random from a new pool of\n'
     'candidates that are in none of the sets above nor `captures/ghost/` nor fresh3\'s to fresh6\'s pools\n'
     '(`tools/eval/fresh7-pool.md`), to be measured once (`doc/evaluation.md`, "Fresh7 set").'),
)


def readme():
    everything = manifests()
    ms = [d for d in everything if d['split'] not in SEALED]
    rows = [index_row(d) for d in ms]
    services = sorted({d['service'] for d in ms})
    with open(os.path.join(OUT, 'split.txt'), 'w') as f:
        f.write('# service<TAB>split; rule: first octet of SHA-256("%s" + service), even = tune, odd = heldout\n'
                % evallib.SPLIT_SALT)
        for s in services:
            f.write('%s\t%s\n' % (s, split_of(s)))
    n_tune = sum(1 for d in ms if d['split'] == 'tune')
    with open(os.path.join(OUT, 'README.md'), 'w') as f:
        f.write('# Evaluation set: real services on the ghost ports 283 / 403\n\n'
                'Recorded by `tools/eval/record.sh`; how, why and the scores: `doc/evaluation.md`.\n'
                'Manifest schema: the one of `captures/ghost/README.md`, plus `program`, `split`, `near_miss`,\n'
                '`announced` (product / version the server names on the wire, and where) and `anchors.nmap`\n'
                '(nmap -sV run live against the same server while recording; its traffic is not in the pcap).\n\n'
                '%d captures (%d services): %d tune, %d heldout. Split per service: `split.txt`.\n\n'
                % (len(ms), len(services), n_tune, len(ms) - n_tune) + INDEX_HEAD)
        f.write('\n'.join(rows) + '\n')
        for split, heading, about in SEALED_SECTIONS:
            sealed = [d for d in everything if d['split'] == split]
            if not sealed:
                continue
            n_nm = sum(1 for d in sealed if d['near_miss'])
            f.write('\n## %s\n\n%s %d captures: %d real services, %d near-misses.\n\n'
                    % (heading, about, len(sealed), len(sealed) - n_nm, n_nm) + INDEX_HEAD)
            f.write('\n'.join(index_row(d) for d in sealed) + '\n')

def _terminate(signum, frame):
    raise SystemExit('signal %d' % signum)


def programs_table(split=None):
    """Markdown: one row per capture with program, package version, client, port (for doc/evaluation.md);
    the tune / heldout set (split None), or a sealed set (split 'fresh' / 'fresh2' / 'fresh3' / 'fresh4' /
    'fresh5' / 'fresh6' / 'fresh7')."""
    print('| program | package (version) | service | port | client | split |')
    print('|---|---|---|---|---|---|')
    for d in manifests():
        if d['near_miss'] or (d['split'] if d['split'] in SEALED else None) != split:
            continue
        print('| %s | %s %s | %s | %s/%d | %s | %s |' % (
            esc(d['program']), d['server']['package'], d['server']['version'], d['service'],
            d['transport'].upper(), d['port'], esc(d['client']), d['split']))


def main(argv):
    if not argv or argv[0] == 'list':
        for n in EVAL + FRESH + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7:
            m = ghostlib.SCENARIOS[n]
            sealed = [sp for sp, (_, names) in SEALED.items() if n in names]
            print('%-34s %-14s %s' % (n, m['service'], sealed[0] if sealed else split_of(m['service'])))
        return 0
    if argv[0] == 'user-add':
        user_add()
        return 0
    if argv[0] == 'user-del':
        user_del()
        return 0
    if argv[0] == 'programs':
        sealed = {'--' + sp: sp for sp in SEALED}
        if argv[1:] and argv[1] not in sealed:
            print(__doc__, file=sys.stderr)
            return 2
        programs_table(sealed[argv[1]] if argv[1:] else None)
        return 0
    if argv[0] == 'readme':
        readme()
        return 0
    if argv[0] == 'record':
        # one recorder at a time (ports 283/403 and lo are shared); SIGTERM unwinds
        # through ghostlib's finally blocks, which stop what the scenario started
        lock = open('/tmp/rescap-eval-record.lock', 'w')
        fcntl.flock(lock, fcntl.LOCK_EX)
        signal.signal(signal.SIGTERM, _terminate)
        signal.signal(signal.SIGINT, _terminate)
        whole = {'--' + sp: names for sp, (_, names) in SEALED.items()}
        names = list(whole[argv[1]]) if argv[1:2] and argv[1] in whole else argv[1:] or list(EVAL)
        known = set(EVAL).union(*(ns for _, ns in SEALED.values()))
        bad = [n for n in names if n not in known]
        if bad:
            print('unknown: %s' % ' '.join(bad), file=sys.stderr)
            return 2
        failed = [n for n in names if not evallib.record(n)]
        if failed:
            print('FAILED: %s' % ' '.join(failed), file=sys.stderr)
            return 1
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
