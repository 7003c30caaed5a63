# SPDX-License-Identifier: GPL-2.0-or-later
"""The mutation fuzzer's oracle (rescap_fuzz_verdict, scripts/lib/fuzz-verdict.sh):
an exception inside the rescap
layer ("[Malformed Packet: RESCAP]") is a failure, the plugin's own
malformed-structure expert infos are not."""
import subprocess

import rescaptest as RT

ORACLE = RT.REPO / "scripts" / "lib" / "fuzz-verdict.sh"
FIXTURES = RT.REPO / "tests" / "fuzz" / "oracle"


def verdict(tmp_path, stdout_text, stderr_text="", rc=0):
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    out.write_text(stdout_text)
    err.write_text(stderr_text)
    p = subprocess.run(["bash", "-c", 'set -euo pipefail; source "$1"; rescap_fuzz_verdict "$2" "$3" "$4" 60',
                        "_", str(ORACLE), str(rc), str(out), str(err)],
                       capture_output=True, text=True, check=True)
    return p.stdout.strip()


def test_exception_in_rescap_layer_fails(tmp_path):
    # What the plugin printed for tests/fuzz/regressions/udp-fragment-then-next-message.pcap
    # before the fix (issue 12, defect 5).
    v = verdict(tmp_path, (FIXTURES / "malformed-in-rescap.stdout").read_text())
    assert v.startswith("fail") and "Malformed Packet: RESCAP" in v, v


def test_other_exceptions_and_own_experts(tmp_path):
    text = ("    [Expert Info (Error/Malformed): Fragment of BaseURI followed by FullRequest]\n"
            "[Malformed Packet: TLS]\n[Packet size limited during capture: RESCAP truncated]\n")
    assert verdict(tmp_path, text).startswith("fail exception in the plugin: 1 [Packet size limited")
    v = verdict(tmp_path, text.splitlines()[0] + "\n[Malformed Packet: TLS]\n")
    assert v.startswith("pass") and "TLS" in v, v
    assert verdict(tmp_path, "", rc=139) == "fail killed by signal 11"
    assert verdict(tmp_path, "", "ERROR: AddressSanitizer: heap-use-after-free").startswith("fail sanitizer")

