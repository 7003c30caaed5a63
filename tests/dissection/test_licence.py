# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 19: the plugin links GPL libwireshark and ships a package, so the
project says its licence: LICENSE holds the GPL version 2 text (Wireshark's
licence, taken "or later"), and every source, build and script file the
repository tracks carries the SPDX line in its first lines.
"""
import rescaptest as RT

SPDX = "SPDX-License-Identifier: GPL-2.0-or-later"
SOURCE_SUFFIXES = (".cpp", ".hpp", ".c", ".h", ".py", ".sh", ".cmake")
SCRIPTS = ("CMakeLists.txt", "scripts/rescap-ci-check", ".ci/run")


SOURCE_DIRS = ("plugin", "tests", "scripts", "tools", "bench", "cmake", ".ci")


def tracked_sources():
    """The project's source, build and script files (walked, so a copy
    without git, as in the version matrix's roots, is checked too)."""
    yield "CMakeLists.txt"
    for top in SOURCE_DIRS:
        for path in sorted((RT.REPO / top).rglob("*")):
            rel = path.relative_to(RT.REPO).as_posix()
            if not path.is_file() or rel.startswith("tests/unit/fixtures/") or "/__pycache__/" in rel:
                continue
            if rel.endswith(SOURCE_SUFFIXES) or rel in SCRIPTS:
                yield rel


def test_licence_file_is_the_gpl_2():
    text = (RT.REPO / "LICENSE").read_text()
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 2, June 1991" in text


def test_every_source_file_has_its_spdx_line():
    paths = list(tracked_sources())
    assert len(paths) > 100, "premise: git lists the sources (%d)" % len(paths)
    missing = [p for p in paths if SPDX not in "\n".join((RT.REPO / p).read_text(errors="replace").splitlines()[:3])]
    assert not missing, "no SPDX line in the first three lines of: %s" % missing
