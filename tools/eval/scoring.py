# SPDX-License-Identifier: GPL-2.0-or-later
"""One table for every tool: per split, how many captures the tool named
right / wrong / not at all, how many product+version pairs it got, and the
near-misses it named (all wrong). Used by anchors.py and score.py."""
import glob
import json
import os

from names import verdict, product_version_ok

HERE = os.path.dirname(os.path.abspath(__file__))
CAPS = os.path.normpath(os.path.join(HERE, '..', '..', 'captures', 'eval'))
SPLITS = ('tune', 'heldout', 'fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7')   # fresh*: recorded after the tuning, measured once


def manifests(caps=CAPS):
    out = []
    for p in sorted(glob.glob(os.path.join(caps, '*.json'))):
        d = json.load(open(p))
        if 'pcap' in d and 'split' in d:
            out.append(d)
    return out


def score(tool, ms, answers, exposures=None):
    """answers: pcap -> {'name', 'product', 'version'} (missing = no answer).
    exposures: pcap -> bool (the tool flagged an exposure), or None when the
    tool does not report exposures. Returns {split: counters} and per-capture
    verdicts."""
    res = {s: {'captures': 0, 'right': 0, 'wrong': 0, 'unnamed': 0, 'pv_expected': 0, 'pv_right': 0,
               'near_misses': 0, 'near_miss_named': 0, 'exp_expected': 0, 'exp_flagged': 0,
               'exp_false': 0} for s in SPLITS}
    per = {}
    for d in ms:
        a = answers.get(d['pcap']) or {}
        r = res[d['split']]
        v = verdict(tool, a.get('name'), d['service'], d['near_miss'])
        item = {'verdict': v, 'answer': a.get('name'), 'product': a.get('product'), 'version': a.get('version')}
        if d['near_miss']:
            r['near_misses'] += 1
            r['near_miss_named'] += v == 'wrong'
        else:
            r['captures'] += 1
            r[v] += 1
            e = d['expected']
            if e.get('product') and e.get('version'):
                r['pv_expected'] += 1
                ok = product_version_ok(e['product'], e['version'], a.get('product'), a.get('version'))
                r['pv_right'] += ok
                item['pv'] = ok
        if exposures is not None:
            flagged = bool(exposures.get(d['pcap']))
            if d['expected']['exposures']:
                r['exp_expected'] += 1
                r['exp_flagged'] += flagged
            elif flagged:
                r['exp_false'] += 1
            item['exposure'] = flagged
        per[d['pcap']] = item
    return res, per


def markdown(rows, with_exposures=False):
    """rows: list of (tool, {split: counters})."""
    head = ('| tool | split | captures | named right | wrong | unnamed | product+version right | '
            'near-misses named (wrong) |')
    sep = '|---|---|---|---|---|---|---|---|'
    if with_exposures:
        head += ' exposures flagged | exposures on captures without |'
        sep += '---|---|'
    out = [head, sep]
    for tool, res in rows:
        for s in SPLITS:
            r = res[s]
            line = '| %s | %s | %d | %d | %d | %d | %d / %d | %d / %d |' % (
                tool, s, r['captures'], r['right'], r['wrong'], r['unnamed'], r['pv_right'], r['pv_expected'],
                r['near_miss_named'], r['near_misses'])
            if with_exposures:
                line += ' %d / %d | %d |' % (r['exp_flagged'], r['exp_expected'], r['exp_false'])
            out.append(line)
    return '\n'.join(out) + '\n'
