# SPDX-License-Identifier: GPL-2.0-or-later
"""The documentation cannot drift from the plugin or from itself.

* doc/fields.md is what tools/docs/fields.py writes from the plugin under test (`tshark -G fields`,
  `-G values`, `-G defaultprefs`): on the Wireshark version it was generated with, equal text; on
  another version (the matrix roots), the same names.
* Every field, expert info or preference name written in README.md or doc/*.md is registered (or a
  prefix of registered names, as in `rescap.service.*`).
* Every relative link in README.md and doc/*.md resolves, anchors included, and README.md links
  every doc/*.md page (it is where a newcomer finds them).
"""
import difflib
import re
import subprocess

import pytest

import rescaptest as RT

TOOL = RT.REPO / "tools" / "docs" / "fields.py"
FIELDS_MD = RT.REPO / "doc" / "fields.md"
REGENERATE = "run `/usr/bin/python3 tools/docs/fields.py` (after building the plugin) and commit doc/fields.md"
PAGES = [RT.REPO / "README.md"] + sorted((RT.REPO / "doc").glob("*.md"))
# Dotted names in the docs that are not fields, expert infos or preferences: the plugin file,
# the colouring rules file and the dissector handles (rescap.udp ...), which tshark does not list.
NOT_FIELDS = {"rescap.so", "rescap.dll", "rescap.colorfilters", "rescap.udp", "rescap.tcp", "decap.udp", "decap.tcp"}
NAME = re.compile(r"(?<![\w/.\-…])((?:rescap|decap|ghostid|ghostports)(?:\.\w+)+)(\.(?=[^\w]))?")
LINK = re.compile(r"\]\(([^)\s]+)\)")
TABLE_NAME = re.compile(r"^\| `([^`]+)` \|", re.M)


def tshark_version():
    out = subprocess.run(["tshark", "-v"], capture_output=True, text=True, timeout=60).stdout
    return re.search(r"TShark \(Wireshark\) (\d+\.\d+)\.", out).group(1)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("docs") / "fields.md"
    run = subprocess.run(["/usr/bin/python3", str(TOOL), "--plugin", str(RT.plugin_path()), "--output", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, "tools/docs/fields.py failed: %s" % (run.stderr or run.stdout)
    return out.read_text()


def test_fields_page_matches_the_registration(generated):
    committed = FIELDS_MD.read_text()
    made_with = re.search(r"registers in\s+Wireshark (\d+\.\d+)", committed)
    assert made_with, "doc/fields.md does not say which Wireshark it was generated with: " + REGENERATE
    if made_with.group(1) == tshark_version():
        if committed != generated:
            diff = difflib.unified_diff(committed.splitlines(), generated.splitlines(), "doc/fields.md",
                                        "generated", lineterm="", n=0)
            pytest.fail("doc/fields.md differs from the plugin's registration; %s\n%s"
                        % (REGENERATE, "\n".join(list(diff)[:60])))
    else:
        # Another Wireshark formats some columns differently; the names must still be the same.
        want, have = set(TABLE_NAME.findall(generated)), set(TABLE_NAME.findall(committed))
        assert want == have, ("doc/fields.md lists other names than the plugin registers (missing %s, "
                              "not registered %s); %s" % (sorted(want - have), sorted(have - want), REGENERATE))


def test_names_in_the_docs_are_registered(generated):
    registered = set(TABLE_NAME.findall(generated))
    unknown = []
    for page in PAGES:
        for match in NAME.finditer(page.read_text()):
            name, prefix = match.group(1), match.group(2)
            if name in registered or name in NOT_FIELDS:
                continue
            # `rescap.service.*`, `rescap.expert.<name>`, `rescap.expert.…`: a prefix of registered names.
            if prefix and any(r.startswith(name + ".") for r in registered):
                continue
            unknown.append("%s: %s" % (page.relative_to(RT.REPO), name))
    assert not unknown, "names in the docs that the plugin does not register: %s" % ", ".join(sorted(set(unknown)))


def slugs(page):
    """GitHub's anchors for the headings of a Markdown page."""
    seen, out = {}, set()
    in_code = False
    for line in page.read_text().splitlines():
        if line.startswith("```"):
            in_code = not in_code
        if in_code or not re.match(r"#{1,6} ", line):
            continue
        slug = re.sub(r"[^\w\- ]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else "%s-%d" % (slug, n))
    return out


def test_relative_links_resolve():
    broken = []
    for page in PAGES:
        for target in LINK.findall(page.read_text()):
            if re.match(r"[a-z][a-z0-9+.-]*:", target):   # http:, https:, mailto:
                continue
            path, _, anchor = target.partition("#")
            dest = (page.parent / path).resolve() if path else page
            where = "%s: %s" % (page.relative_to(RT.REPO), target)
            if not dest.exists():
                broken.append(where + " (no such file)")
            elif anchor and dest.suffix == ".md" and anchor not in slugs(dest):
                broken.append(where + " (no such heading)")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_readme_links_every_doc_page():
    readme = (RT.REPO / "README.md").read_text()
    linked = {(RT.REPO / t.partition("#")[0]).resolve() for t in LINK.findall(readme)}
    missing = [str(p.relative_to(RT.REPO)) for p in PAGES[1:] if p.resolve() not in linked]
    assert not missing, "README.md (\"Read more\") does not link %s" % ", ".join(missing)


COVERAGE_TOOL = RT.REPO / "tools" / "coverage" / "coverage.py"
COVERAGE_MD = RT.REPO / "doc" / "coverage.md"


def test_coverage_page_is_what_the_script_writes(tmp_path):
    """doc/coverage.md is tools/coverage/coverage.py's output now (the signature rows, nmap's ranking,
    `tshark -G decodes`); on another Wireshark version than the page names, only its rows are compared."""
    out = tmp_path / "coverage.md"
    run = subprocess.run(["/usr/bin/python3", str(COVERAGE_TOOL), "--output", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, "tools/coverage/coverage.py failed: %s" % (run.stderr or run.stdout)
    committed, generated = COVERAGE_MD.read_text(), out.read_text()
    regenerate = "run `/usr/bin/python3 tools/coverage/coverage.py` and commit doc/coverage.md"
    if "Wireshark %s dissector" % tshark_version() in committed:
        if committed != generated:
            diff = difflib.unified_diff(committed.splitlines(), generated.splitlines(), "doc/coverage.md",
                                        "generated", lineterm="", n=0)
            pytest.fail("doc/coverage.md is not what the script writes; %s\n%s" % (regenerate, "\n".join(diff)))
    else:
        assert set(TABLE_NAME.findall(committed)) == set(TABLE_NAME.findall(generated)), regenerate
