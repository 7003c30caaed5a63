"""scripts/rescap-ci-check with the build under test
(`--tshark scripts/tshark-with-plugin.sh`, RESCAP_PLUGIN in its environment).

Expected findings come from the manifests (experts of each message, located
in its frame through the transport layers) and doc/fields.md's expert table:
exit 0 and "OK" on clean captures, exit 1 with one line per expert at or above
the threshold, `--min-severity error` counting only errors, exit 2 when the
capture cannot be read.
"""
import collections
import os
import re
import subprocess

import pytest

import rescaptest as RT

SCRIPT = RT.REPO / "scripts" / "rescap-ci-check"
WRAPPER = RT.REPO / "scripts" / "tshark-with-plugin.sh"

# Severities of doc/fields.md's expert table.
ERROR = {"truncated", "fragment_mismatch", "fragment_unterminated", "count_short", "bad_container_length",
         "content_short", "items_to_return_odd", "too_deep"}
NOTE = {"beyond_count", "unknown_tag"}
WARNING = {"bad_timestamp", "key_id_length", "nonce_short", "status_unknown", "text_not_utf8",
           "cleartext_credential", "base_uri_missing", "base_uri_multiple", "duplicate_item", "wrong_item_type",
           "unexpected_child", "status_missing", "referral_not_alone", "encrypted_not_alone", "default_key_id",
           "auth_ip_content", "not_rescap", "bad_url", "attribute_value"}
RANK = {"note": 1, "warning": 2, "error": 3}
LEVEL = {"warning": "Warning", "error": "Error", "note": "Note"}
LINE = re.compile(r"^(?P<file>.+): frame (?P<frame>\d+): \[(?P<level>[A-Za-z]+)\] "
                  r"(?P<name>(?:rescap|decap)\.expert\.\w+): (?P<text>.*)$")


def severity(expert):
    short = expert.split(".")[-1]
    for sev, names in (("error", ERROR), ("warning", WARNING), ("note", NOTE)):
        if short in names:
            return sev
    raise AssertionError("expert %s is not in doc/fields.md's expert table" % expert)


def run_check(*args):
    env = dict(os.environ, RESCAP_PLUGIN=str(RT.plugin_path()))
    return subprocess.run(["/usr/bin/python3", str(SCRIPT), "--tshark", str(WRAPPER)] + list(args),
                          capture_output=True, text=True, env=env, timeout=600)


def expected_findings(tshark_env, name, threshold):
    man = RT.load_manifest(name)
    frames = RT.expected_frames(man, tshark_env.pdml(name))
    out = collections.Counter()
    for i in RT.rescap_message_indexes(man):
        for e in man["messages"][i]["experts"]:
            sev = severity(e)
            if RANK[sev] >= RANK[threshold]:
                f = frames[i]
                assert f is not None and f["last"] is not None, "cannot locate message #%d" % i
                out[(f["last"], e, LEVEL[sev])] += 1
    return out


def parse_output(stdout, path):
    lines = stdout.splitlines()
    assert lines, "no output"
    summary = lines[-1]
    found = collections.Counter()
    bad = []
    for line in lines[:-1]:
        m = LINE.match(line)
        if not m or m.group("file") != path:
            bad.append(line)
            continue
        found[(int(m.group("frame")), m.group("name"), m.group("level"))] += 1
    return found, summary, bad


@pytest.mark.parametrize("name", ["udp_basic", "nested_1999", "tcp_large"])
def test_clean_capture(tshark_env, name):
    assert not expected_findings(tshark_env, name, "note"), "manifest sanity: %s is clean" % name
    path = tshark_env.capture(name)
    p = run_check(path)
    assert p.returncode == 0, "exit %d\n%s\n%s" % (p.returncode, p.stdout, p.stderr)
    found, summary, bad = parse_output(p.stdout, path)
    assert not found and not bad, p.stdout
    assert "OK" in summary.split(": "), summary


@pytest.mark.parametrize("name", ["malformed_rules", "malformed_structure"])
@pytest.mark.parametrize("threshold", ["warning", "error", None])
def test_findings(tshark_env, name, threshold):
    want = expected_findings(tshark_env, name, threshold or "warning")
    path = tshark_env.capture(name)
    p = run_check(*(["--min-severity", threshold] if threshold else []), path)
    found, summary, bad = parse_output(p.stdout, path)
    errors = []
    if bad:
        errors.append("lines not of the form '<file>: frame N: [Level] name: message': %s" % bad)
    if found != want:
        errors.append("findings (frame, expert, level):\n      missing %s\n      extra   %s" % (
            sorted((want - found).elements()), sorted((found - want).elements())))
    want_rc = 1 if want else 0
    if p.returncode != want_rc:
        errors.append("exit %d, want %d" % (p.returncode, want_rc))
    if ("FAIL" if want else "OK") not in summary.split(": "):
        errors.append("summary %r" % summary)
    if want and ("%d finding" % sum(want.values())) not in summary:
        errors.append("summary %r does not count %d findings" % (summary, sum(want.values())))
    assert not errors, "%s (--min-severity %s):\n  - %s\nstdout:\n%s\nstderr:\n%s" % (
        name, threshold, "\n  - ".join(errors), p.stdout, p.stderr[-2000:])


def test_expected_counts_sanity(tshark_env):
    """The manifests' figures the findings test relies on (captures/README)."""
    assert sum(expected_findings(tshark_env, "malformed_rules", "warning").values()) == 15
    assert sum(expected_findings(tshark_env, "malformed_rules", "error").values()) == 0
    assert sum(expected_findings(tshark_env, "malformed_structure", "warning").values()) == 7
    assert sum(expected_findings(tshark_env, "malformed_structure", "error").values()) == 7
    assert sum(expected_findings(tshark_env, "malformed_structure", "note").values()) == 8


def test_note_threshold(tshark_env):
    want = expected_findings(tshark_env, "malformed_rules", "note")
    path = tshark_env.capture("malformed_rules")
    p = run_check("--min-severity", "note", path)
    found, summary, bad = parse_output(p.stdout, path)
    assert not bad and found == want and p.returncode == 1, p.stdout


def test_missing_capture(tshark_env):
    missing = str(tshark_env.tmp / "does-not-exist.pcap")
    p = run_check(missing)
    assert p.returncode == 2, "exit %d, want 2\n%s\n%s" % (p.returncode, p.stdout, p.stderr)
    assert "frame" not in p.stdout
