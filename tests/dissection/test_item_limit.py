# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 12, defect 8: TCP responses of 300,000 empty items each (a Status,
then five count-form TTLOfInfo holding 60,000 empty items each) go past what Wireshark lets one packet hold
(gui.max_tree_items, 1,000,000 by default). The plugin stops adding items
before that with rescap.expert.too_many_items, each message is shown (no
exception in rescap), and nothing held while calling epan leaks through the
exception: twenty such messages need about the memory of one."""
import struct
import subprocess
import sys


from synth_pcap import item, tcp_frame, write_pcap

ITEMS, GROUPS = 30_000, 5
LIMIT = ("-o", "gui.max_tree_items:100000")
SEGMENT = 60_000


def huge_response():
    group = item(0x0017, struct.pack("!IH", 3600, ITEMS // GROUPS)) + item(0xFF01, b"") * (ITEMS // GROUPS)
    return item(0x000C, struct.pack("!H", 1 + GROUPS)) + item(0x000D, b"\x00\x00") + group * GROUPS


def write_huge(path, messages):
    """One request, then `messages` huge responses, each in its own run of
    segments of at most 60,000 octets (no segment holds two messages)."""
    req = item(0x0001, struct.pack("!H", 1)) + item(0x0002, b"mailto:alice@example.com")
    frames = [tcp_frame(40283, 283, 1, req)]
    message, seq = huge_response(), 1
    for _ in range(messages):
        for at in range(0, len(message), SEGMENT):
            piece = message[at:at + SEGMENT]
            frames.append(tcp_frame(283, 40283, seq, piece))
            seq += len(piece)
    write_pcap(path, frames)


def test_item_limit_is_an_expert_not_an_exception(tshark_env, synth_dir):
    path = synth_dir / "huge_2.pcap"
    write_huge(path, 2)
    p = tshark_env.run("-r", str(path), "-V", *LIMIT)
    assert p.returncode == 0, p.stderr[-2000:]
    assert "Malformed Packet" not in p.stdout and "more than" not in p.stdout, \
        [l for l in p.stdout.splitlines() if "Malformed" in l or "more than" in l][:5]
    assert p.stdout.count("Resource Capabilities Discovery, Response") == 2
    assert p.stdout.count("[Expert Info (Warning/Undecoded): ") >= 2
    out = tshark_env("-r", str(path), *LIMIT, "-Y", "rescap.expert.too_many_items", "-T", "fields", "-e", "frame.number")
    assert len([l for l in out.splitlines() if l.strip()]) == 2


# Runs a command and prints the peak RSS (KiB) of its process tree: a fresh
# parent, so that no other child's high-water mark is read.
PEAK = ("import resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "sys.stderr.buffer.write(p.stderr[-2000:])\n"
        "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")


def peak_rss_kib(tshark_env, path):
    p = subprocess.run([sys.executable, "-c", PEAK, *tshark_env.command(["-r", str(path), "-V", *LIMIT])],
                       capture_output=True, text=True, cwd=str(tshark_env.tmp))
    rc, kib = map(int, p.stdout.split())
    assert rc == 0, p.stderr
    return kib


def test_no_leak_through_the_exception(tshark_env, synth_dir):
    small, big = synth_dir / "huge_1.pcap", synth_dir / "huge_20.pcap"
    write_huge(small, 1)
    write_huge(big, 20)
    one, twenty = peak_rss_kib(tshark_env, small), peak_rss_kib(tshark_env, big)
    # 20 messages may add TCP's reassembly of 19 more (2.4 MB of capture) and
    # Wireshark's per-frame state, not 19 leaked parse results (~7 MB each).
    assert twenty - one < 40 * 1024, "peak RSS %d KiB for 1 message, %d KiB for 20" % (one, twenty)
