# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 19: the plugin links GPL libwireshark and ships a package, so the
project says its licence: LICENSE holds the GPL version 2 text (Wireshark's
licence, taken "or later"), and every source, build and script file the
repository tracks carries the SPDX line in its first lines.
"""
import os
import subprocess

import rescaptest as RT

SPDX = "SPDX-License-Identifier: GPL-2.0-or-later"
SOURCE_SUFFIXES = (".cpp", ".hpp", ".c", ".h", ".py", ".sh", ".cmake")
SCRIPTS = ("CMakeLists.txt", "scripts/rescap-ci-check", ".ci/run")


def tracked_sources():
    out = subprocess.run(["git", "-C", str(RT.REPO), "ls-files"], capture_output=True, text=True, check=True).stdout
    for path in out.splitlines():
        if path.startswith(("captures/", "tests/unit/fixtures/")):
            continue
        if path.endswith(SOURCE_SUFFIXES) or path in SCRIPTS:
            yield path


def test_licence_file_is_the_gpl_2():
    text = (RT.REPO / "LICENSE").read_text()
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 2, June 1991" in text


def test_every_source_file_has_its_spdx_line():
    paths = list(tracked_sources())
    assert len(paths) > 100, "premise: git lists the sources (%d)" % len(paths)
    missing = [p for p in paths if SPDX not in "\n".join((RT.REPO / p).read_text(errors="replace").splitlines()[:3])]
    assert not missing, "no SPDX line in the first three lines of: %s" % missing
