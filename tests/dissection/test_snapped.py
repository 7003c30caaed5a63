# SPDX-License-Identifier: GPL-2.0-or-later
"""Captures taken with a snap length (tcpdump -s, editcap -s): a message the
capture cut is not malformed. Wireshark's own dissectors end such a frame
with "Packet size limited during capture" (`_ws.short`, a BoundsError);
rescap does the same, after showing what was kept, and its TCP framing takes
a cut segment as evidence of nothing.

The bundled captures are cut at several snap lengths by editcap; the
expectations are Wireshark's convention and the uncut capture's frame and
payload lengths, never a snapshot of the plugin's output."""
import shutil
import subprocess

import pytest

import rescaptest as RT

CAPTURES = ["udp_basic", "tcp_large", "nested_1999", "auth"]
SNAPS = [60, 70, 100, 150]
ERROR = 0x800000  # PI_ERROR


def _snapped(synth_dir, name, snap):
    out = synth_dir / ("%s-s%d.pcap" % (name, snap))
    if not out.exists():
        editcap = shutil.which("editcap") or "/usr/bin/editcap"
        subprocess.run([editcap, "-s", str(snap), str(RT.CAPTURES / (name + ".pcap")), str(out)], check=True)
        out.chmod(0o644)
    return out


_FRAMES = {}


def _frames(tshark_env, path):
    """{frame number: what tshark -2 says of it}, once per file."""
    if str(path) not in _FRAMES:
        _FRAMES[str(path)] = _read_frames(tshark_env, path)
    return _FRAMES[str(path)]


def _read_frames(tshark_env, path):
    out = tshark_env("-r", str(path), "-2", "-T", "fields", "-E", "separator=|", "-E", "occurrence=a",
                     "-e", "frame.number", "-e", "frame.len", "-e", "frame.cap_len", "-e", "rescap",
                     "-e", "_ws.malformed", "-e", "_ws.short", "-e", "_ws.expert.severity", "-e", "_ws.col.Info",
                     "-e", "rescap.item")
    rows = {}
    for line in out.splitlines():
        if not line.strip():
            continue
        num, length, cap, rescap, malformed, short, severity, info, items = line.split("|")
        rows[int(num)] = dict(len=int(length), cap=int(cap), rescap=bool(rescap), malformed=bool(malformed),
                              short=bool(short), severities=[int(s, 0) for s in severity.split(",") if s],
                              info=info, items=items)
    return rows


@pytest.mark.parametrize("name", CAPTURES)
def test_snapped_capture_is_not_malformed(tshark_env, synth_dir, name):
    whole = _frames(tshark_env, RT.CAPTURES / (name + ".pcap"))
    assert all(not r["malformed"] and ERROR not in r["severities"] for r in whole.values())
    for snap in SNAPS:
        rows = _frames(tshark_env, _snapped(synth_dir, name, snap))
        assert set(rows) == set(whole)
        for num, r in rows.items():
            where = "%s -s %d frame %d: %s" % (name, snap, num, r["info"])
            assert not r["malformed"], where
            assert ERROR not in r["severities"], where
            assert "Malformed" not in r["info"], where
            if r["cap"] == r["len"]:
                continue
            # Cut, with rescap in it: Wireshark's "Packet size limited during capture".
            if r["rescap"]:
                assert r["short"], where


@pytest.mark.parametrize("name", ["udp_basic", "nested_1999", "auth"])
def test_datagrams_the_snap_length_did_not_cut_decode_as_before(tshark_env, synth_dir, name):
    whole = _frames(tshark_env, RT.CAPTURES / (name + ".pcap"))
    for snap in SNAPS:
        rows = _frames(tshark_env, _snapped(synth_dir, name, snap))
        for num, r in rows.items():
            if r["cap"] == r["len"]:
                assert (r["info"], r["items"]) == (whole[num]["info"], whole[num]["items"]), (snap, num)
            elif r["rescap"]:
                # What was kept is shown: the same items as far as they go, never more.
                assert r["items"] and whole[num]["items"].startswith(r["items"].split(",")[0]), (snap, num)


def test_cut_message_shows_what_was_kept(tshark_env, synth_dir):
    # udp_basic frame 1 cut at 70 octets: 28 of the 46 payload octets are kept, the
    # BaseURI's header and the start of its URI among them (manifest: the request sent).
    man = RT.load_manifest("udp_basic")
    uri = next(i for i in man["messages"][0]["items"] if i["tag"] == RT.BASE_URI)
    out = tshark_env("-r", str(_snapped(synth_dir, "udp_basic", 70)), "-Y", "frame.number == 1", "-T", "fields",
                     "-e", "rescap.base_uri", "-e", "_ws.short", "-e", "rescap.expert.truncated")
    base_uri, short, truncated = out.rstrip("\n").split("\t")
    assert short and not truncated
    assert base_uri and uri["uri"].startswith(base_uri) and base_uri != uri["uri"]
