# SPDX-License-Identifier: GPL-2.0-or-later
"""The nmap prefilter (plugin/core/ghostports/nmap_prefilter.*) skips a
regular expression only where the expression cannot match: every line of
nmap-service-probes runs, compiled as the plugin compiles it, over every TCP
and UDP payload of the project's captures, and each line that matches must
have been kept by the prefilter (tests/unit/nmap_prefilter_soundness.cpp)."""
import os
import re
import subprocess

import rescaptest as RT


def test_the_prefilter_keeps_every_line_that_matches(tshark, synth_dir):
    checker = RT.plugin_path().parent / "nmap_prefilter_soundness"
    assert checker.exists(), "build the tests (RESCAP_BUILD_TESTS=ON): %s" % checker
    captures = sorted(str(p) for p in RT.REPO.glob("captures/**/*.pcap"))
    assert len(captures) > 100
    merged = synth_dir / "all-captures.pcapng"
    subprocess.run(["mergecap", "-a", "-w", str(merged)] + captures, check=True, timeout=300)
    os.chmod(merged, 0o644)
    fields = tshark("-n", "-r", str(merged), "-T", "fields", "-e", "tcp.payload", "-e", "udp.payload")
    # A frame may carry several (a tunnelled packet's inner TCP): comma-separated.
    payloads = sorted(set(re.split(r"[\t,\n]", fields)) - {""})
    assert len(payloads) > 2000
    result = subprocess.run([str(checker)], input="\n".join(payloads) + "\n", capture_output=True, text=True,
                            timeout=1200)
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    # The run must have exercised the expressions: thousands of real matches.
    payload_count, matches = int(summary.split()[0]), int(summary.split()[2])
    assert payload_count == len(payloads) and matches > 1000, summary
    print(summary)
