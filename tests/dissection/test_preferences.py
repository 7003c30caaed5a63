# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 19: preferences that would silently change what the plugin shows are
validated. An nmap-service-probes path that cannot be read is reported (on
tshark's stderr; the GUI shows the same text in a dialog) instead of products
quietly disappearing; the default path and a readable file are accepted in
silence.
"""
import shutil

import rescaptest as RT

WARNING = "ghostid.nmap_service_probes: cannot read"


def stderr_for(tshark_env, *options):
    p = tshark_env.run("-r", tshark_env.capture("udp_basic"), "-q", *options)
    assert p.returncode == 0, p.stderr
    return p.stderr


def test_unreadable_nmap_file_is_reported(tshark_env):
    missing = tshark_env.tmp / "no-such-dir" / "nmap-service-probes"
    err = stderr_for(tshark_env, "-o", f"ghostid.nmap_service_probes:{missing}")
    assert WARNING in err and str(missing) in err, err


def test_default_and_readable_files_are_silent(tshark_env):
    assert WARNING not in stderr_for(tshark_env)
    copy = tshark_env.tmp / "probes-copy"
    shutil.copyfile("/usr/share/nmap/nmap-service-probes", copy)
    copy.chmod(0o644)
    assert WARNING not in stderr_for(tshark_env, "-o", f"ghostid.nmap_service_probes:{copy}")
