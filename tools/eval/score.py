#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Scores the plugin on the evaluation set captures/eval/, per split.

    RESCAP_PLUGIN=build/rescap.so tools/eval/score.py [--json OUT.json] [--md OUT.md]

Runs scripts/tshark-with-plugin.sh over every capture, once in one pass and
once with -2, and reads the plugin's ghost-port fields of the capture's port
(283: rescap.*, 403: decap.*): service.protocol (the name), service.product,
service.version, exposure. A capture's answer is the most frequent
non-empty value over its frames. Prints a Markdown table (per pass and
split: named right / wrong / unnamed, product+version right, exposures
flagged on captures that carry one, exposures on captures without,
near-misses named) and writes the JSON (per capture details included).
The name -> service mapping is tools/eval/names.py (RESCAP).
"""
import argparse
import json
import os
import subprocess
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from scoring import CAPS, manifests, score, markdown  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
FIELDS = ('service.protocol', 'service.product', 'service.version', 'exposure')


def plugin_answer(pcap, port, plugin, two_pass):
    proto = 'rescap' if port == 283 else 'decap'
    args = [os.path.join(ROOT, 'scripts', 'tshark-with-plugin.sh'), '--plugin', plugin, '-n', '-r', pcap]
    if two_pass:
        args.append('-2')
    args += ['-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=f']
    for f in FIELDS:
        args += ['-e', '%s.%s' % (proto, f)]
    r = subprocess.run(args, capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise SystemExit('tshark failed on %s: %s' % (pcap, r.stderr[-500:]))
    counts = [Counter() for _ in FIELDS]
    for ln in r.stdout.splitlines():
        for i, v in enumerate(ln.split('\t')[:len(FIELDS)]):
            if v:
                counts[i][v] += 1

    def top(c):
        return c.most_common(1)[0][0] if c else None
    return {'name': top(counts[0]), 'product': top(counts[1]), 'version': top(counts[2]),
            'exposures': sorted(counts[3]), 'all_names': dict(counts[0])}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--plugin', default=os.environ.get('RESCAP_PLUGIN', os.path.join(ROOT, 'build', 'rescap.so')))
    ap.add_argument('--json', default=None, help='write the scores here (default: print only)')
    ap.add_argument('--md', default=None, help='write the Markdown table here too')
    ap.add_argument('--split', default=None,
                    help='score only this split and print each capture\'s answer (for tuning: --split tune)')
    a = ap.parse_args()
    plugin = os.path.abspath(a.plugin)
    ms = [m for m in manifests() if a.split is None or m['split'] == a.split]
    rows, out = [], {'plugin': plugin, 'captures': len(ms)}
    for label, two in (('plugin, one pass', False), ('plugin, -2', True)):
        answers = {d['pcap']: plugin_answer(os.path.join(CAPS, d['pcap']), d['port'], plugin, two) for d in ms}
        exposures = {p: bool(v['exposures']) for p, v in answers.items()}
        res, per = score('rescap', ms, answers, exposures)
        for p, v in per.items():
            v['exposure_values'] = answers[p]['exposures']
        rows.append((label, res))
        if a.split is not None:
            for p, v in sorted(per.items()):
                print('%-7s %-34s %-8s name=%s product=%s version=%s exposures=%s' % (
                    'two' if two else 'one', p, v['verdict'], v['answer'], v.get('product'), v.get('version'),
                    ','.join(v['exposure_values'])))
        out[label] = {'splits': res, 'captures': per}
    md = markdown(rows, with_exposures=True)
    print(md, end='')
    if a.json:
        with open(a.json, 'w') as f:
            json.dump(out, f, indent=1, sort_keys=True)
            f.write('\n')
    if a.md:
        with open(a.md, 'w') as f:
            f.write(md)


if __name__ == '__main__':
    main()
