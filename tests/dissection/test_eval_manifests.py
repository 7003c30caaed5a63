# SPDX-License-Identifier: GPL-2.0-or-later
"""The evaluation set captures/eval/: every manifest agrees with its pcap and
with the split rule decided before any recogniser was tuned (no plugin
needed: these check the data, not the dissector)."""
import glob
import hashlib
import json
import os
import struct

import pytest

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
CAPS = os.path.join(ROOT, 'captures', 'eval')
SALT = 'rescap-eval-v1/'   # tools/eval/evallib.py SPLIT_SALT
FRESH = 'fresh'            # tools/eval/evallib.py FRESH_SPLIT: recorded after the tuning, measured once
FRESH2 = 'fresh2'          # tools/eval/evallib.py FRESH2_SPLIT: a third held-out set, measured once
FRESH3 = 'fresh3'          # tools/eval/evallib.py FRESH3_SPLIT: a fourth, its programs drawn from a pool
FRESH4 = 'fresh4'          # tools/eval/evallib.py FRESH4_SPLIT: a fifth, drawn from a new pool
FRESH5 = 'fresh5'          # tools/eval/evallib.py FRESH5_SPLIT: a sixth, drawn from a new pool
FRESH6 = 'fresh6'          # tools/eval/evallib.py FRESH6_SPLIT: a seventh, drawn from a new pool
FRESH7 = 'fresh7'          # tools/eval/evallib.py FRESH7_SPLIT: an eighth, drawn from a new pool
SEALED = {FRESH: 'fresh_', FRESH2: 'fresh2_', FRESH3: 'fresh3_', FRESH4: 'fresh4_',
          FRESH5: 'fresh5_', FRESH6: 'fresh6_', FRESH7: 'fresh7_'}   # split -> name prefix


def manifests():
    out = []
    for p in sorted(glob.glob(os.path.join(CAPS, '*.json'))):
        d = json.load(open(p))
        if 'pcap' in d and 'split' in d:
            out.append(d)
    return out


MS = manifests()


def split_of(service):
    return 'tune' if hashlib.sha256((SALT + service).encode()).digest()[0] % 2 == 0 else 'heldout'


def frame_count(path):
    data = open(path, 'rb').read()
    e = '<' if data[:4] in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1') else '>'
    off, n = 24, 0
    while off + 16 <= len(data):
        incl = struct.unpack(e + 'I', data[off + 8:off + 12])[0]
        off += 16 + incl
        n += 1
    return n


def test_set_is_there():
    if not MS:
        pytest.skip('captures/eval not recorded')
    assert sum(1 for d in MS if d['near_miss'] and d['split'] not in SEALED) >= 8


def test_fresh_set():
    fresh = [d for d in MS if d['split'] == FRESH]
    if not fresh:
        pytest.skip('the fresh set is not recorded')
    real = [d for d in fresh if not d['near_miss']]
    assert len({d['server']['package'] + '/' + d['service'] for d in real}) >= 20
    assert sum(1 for d in real if d['transport'] == 'udp') >= 3
    assert sum(1 for d in fresh if d['near_miss']) >= 4


def test_fresh2_set():
    fresh2 = [d for d in MS if d['split'] == FRESH2]
    if not fresh2:
        pytest.skip('the fresh2 set is not recorded')
    real = [d for d in fresh2 if not d['near_miss']]
    assert len({d['server']['package'] for d in real}) >= 20
    assert sum(1 for d in real if d['transport'] == 'udp') >= 3
    assert sum(1 for d in fresh2 if d['near_miss']) >= 3
    # no program of fresh2 is in another set (package and service both new together)
    others = {(d['server']['package'], d['service']) for d in MS
              if d['split'] != FRESH2 and not d['near_miss']}
    assert not others & {(d['server']['package'], d['service']) for d in real}


def test_fresh3_set():
    fresh3 = [d for d in MS if d['split'] == FRESH3]
    if not fresh3:
        pytest.skip('the fresh3 set is not recorded')
    real = [d for d in fresh3 if not d['near_miss']]
    assert len({d['server']['package'] for d in real}) >= 20
    assert sum(1 for d in fresh3 if d['near_miss']) >= 4
    # no program of fresh3 is in another set (package and service both new together)
    others = {(d['server']['package'], d['service']) for d in MS
              if d['split'] != FRESH3 and not d['near_miss']}
    assert not others & {(d['server']['package'], d['service']) for d in real}


def test_fresh4_set():
    fresh4 = [d for d in MS if d['split'] == FRESH4]
    if not fresh4:
        pytest.skip('the fresh4 set is not recorded')
    real = [d for d in fresh4 if not d['near_miss']]
    assert len({d['server']['package'] for d in real}) >= 20
    nms = [d for d in fresh4 if d['near_miss']]
    assert len(nms) >= 4 and {d['transport'] for d in nms} == {'tcp', 'udp'}
    # no program of fresh4 is in another set (package and service both new together)
    others = {(d['server']['package'], d['service']) for d in MS
              if d['split'] != FRESH4 and not d['near_miss']}
    assert not others & {(d['server']['package'], d['service']) for d in real}


def test_fresh5_set():
    fresh5 = [d for d in MS if d['split'] == FRESH5]
    if not fresh5:
        pytest.skip('the fresh5 set is not recorded')
    real = [d for d in fresh5 if not d['near_miss']]
    assert len({d['server']['package'] for d in real}) >= 20
    nms = [d for d in fresh5 if d['near_miss']]
    assert len(nms) >= 4 and {d['transport'] for d in nms} == {'tcp', 'udp'}
    # no program of fresh5 is in another set (package and service both new together)
    others = {(d['server']['package'], d['service']) for d in MS
              if d['split'] != FRESH5 and not d['near_miss']}
    assert not others & {(d['server']['package'], d['service']) for d in real}


def test_fresh6_set():
    fresh6 = [d for d in MS if d['split'] == FRESH6]
    if not fresh6:
        pytest.skip('the fresh6 set is not recorded')
    real = [d for d in fresh6 if not d['near_miss']]
    assert len({d['server']['package'] for d in real}) >= 20
    nms = [d for d in fresh6 if d['near_miss']]
    assert len(nms) >= 4 and {d['transport'] for d in nms} == {'tcp', 'udp'}
    # no program of fresh6 is in another set (package and service both new together)
    others = {(d['server']['package'], d['service']) for d in MS
              if d['split'] != FRESH6 and not d['near_miss']}
    assert not others & {(d['server']['package'], d['service']) for d in real}


def test_fresh7_set():
    fresh7 = [d for d in MS if d['split'] == FRESH7]
    if not fresh7:
        pytest.skip('the fresh7 set is not recorded')
    real = [d for d in fresh7 if not d['near_miss']]
    assert len({d['server']['package'] for d in real}) >= 20
    nms = [d for d in fresh7 if d['near_miss']]
    assert len(nms) >= 4 and {d['transport'] for d in nms} == {'tcp', 'udp'}
    # no program of fresh7 is in another set (package and service both new together)
    others = {(d['server']['package'], d['service']) for d in MS
              if d['split'] != FRESH7 and not d['near_miss']}
    assert not others & {(d['server']['package'], d['service']) for d in real}


@pytest.mark.parametrize('d', MS, ids=[d['pcap'] for d in MS])
def test_manifest(d):
    assert d['port'] in (283, 403)
    assert d['transport'] in ('tcp', 'udp')
    for split, prefix in SEALED.items():
        # a sealed set is apart whatever its services' names, and says so in its names
        assert (d['split'] == split) == d['pcap'].startswith(prefix)
    if d['split'] not in SEALED:
        assert d['split'] == split_of(d['service'])
    assert frame_count(os.path.join(CAPS, d['pcap'])) == d['frames']
    assert d['near_miss'] == d['expected']['must_stay_unnamed']
    if d['near_miss']:
        assert d['expected']['protocol'] is None and d['expected']['product'] is None
        assert d['server'] is None
    else:
        assert d['server']['package'] and d['server']['version']
    for ex in d['expected']['exposures']:
        assert ex['kind'] in ('cleartext_credential', 'shell_session')


def test_split_file():
    if not MS:
        pytest.skip('captures/eval not recorded')
    lines = [ln.split('\t') for ln in open(os.path.join(CAPS, 'split.txt')).read().splitlines()
             if ln and not ln.startswith('#')]
    got = {s: sp for s, sp in lines}
    assert got == {d['service']: d['split'] for d in MS if d['split'] not in SEALED}
