# SPDX-License-Identifier: GPL-2.0-or-later
"""scripts/rescap-ci-check with the build under test
(`--tshark scripts/tshark-with-plugin.sh`, RESCAP_PLUGIN in its environment).

Expected findings come from the manifests (experts of each message, located
in its frame through the transport layers) and doc/fields.md's expert table:
exit 0 and "OK" on clean captures, exit 1 with one line per expert at or above
the threshold, `--min-severity error` counting only errors, exit 2 when the
capture cannot be read.

Output payload bytes cannot forge (doc/ci-check.md, read through
cicheck_format.py): users and banners crafted to clear the terminal, forge
an inventory line or split columns print escaped, inside their own line, and
exactly in --json. Cleartext logins and shells fail the check. The script's
peak RSS does not grow with the packets of a capture.
"""
import base64
import collections
import json
import os
import random
import re
import subprocess

import pytest

import cicheck_format as CF
import ghostsynth as GS
import rescaptest as RT
import synth_pcap as SP

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


# ------------------------------------------------------------------ output that payload bytes cannot forge
# Users as the clients sent them: each conversation's cleartext login must be
# printed with this exact user (escaped in the human lines), and none may
# print a line of its own.
FORGED_LINE = "TCP 6.6.6.6:1 -> 7.7.7.7:283 (RESCAP): what=SSH"
HOSTILE_USERS = {
    40101: ("SMTP", "ev\x1b[2Jil\n" + FORGED_LINE),  # AUTH PLAIN: clears the terminal, forges an inventory line
    40102: ("FTP", "evil  user"),  # two spaces: split the stats tree's columns
    40103: ("Redis", "ad\r\nmin\\x22"),  # CR LF and a backslash that looks like an escape
}
SSH_VERSION_TAIL = b"\x1b[2J\x07"  # reaches the product/version through an nmap version group


def _hostile_conversations():
    smtp = GS.Conversation(40101, 403)
    smtp.send("s2c", b"220 ghost ESMTP Postfix\r\n").send("c2s", b"EHLO client\r\n")
    smtp.send("s2c", b"250-ghost\r\n250 AUTH PLAIN LOGIN\r\n")
    plain = base64.b64encode(b"\x00" + HOSTILE_USERS[40101][1].encode() + b"\x00pw1234")
    smtp.send("c2s", b"AUTH PLAIN " + plain + b"\r\n").send("s2c", b"235 2.7.0 Authentication successful\r\n")
    ftp = GS.Conversation(40102, 283)
    ftp.send("s2c", b"220 (vsFTPd 3.0.3)\r\n").send("c2s", b"USER " + HOSTILE_USERS[40102][1].encode() + b"\r\n")
    ftp.send("s2c", b"331 Please specify the password.\r\n").send("c2s", b"PASS hunter2\r\n")
    ftp.send("s2c", b"230 Login successful.\r\n")
    user = HOSTILE_USERS[40103][1].encode()
    redis = GS.Conversation(40103, 403)
    redis.send("c2s", b"*3\r\n$4\r\nAUTH\r\n$%d\r\n%s\r\n$6\r\nfoobar\r\n" % (len(user), user))
    redis.send("s2c", b"+OK\r\n")
    ssh = GS.Conversation(40104, 283)
    ssh.send("s2c", b"SSH-2.0-OpenSSH_8.4p1 Debian-5+deb11u1" + SSH_VERSION_TAIL + b"\r\n")
    ssh.send("c2s", b"SSH-2.0-OpenSSH_9.0\r\n")
    return [c.close() for c in (smtp, ftp, redis, ssh)]


@pytest.fixture(scope="module")
def hostile(tshark_env):
    d = tshark_env.tmp / "ci_check_hostile"
    d.mkdir(exist_ok=True)
    os.chmod(d, 0o755)
    conversations = _hostile_conversations()
    path = d / "hostile.pcap"
    GS.write(path, [p for c in conversations for p in c.packets])
    endpoints = {"TCP %s:%d -> %s:%d (%s)" % (GS.CLIENT, c.cport, GS.SERVER, c.sport, "RESCAP" if c.sport == 283 else
                                              "DECAP") for c in conversations}
    return str(path), endpoints


def assert_unforgeable(stdout):
    assert CF.no_control_characters(stdout), [l for l in stdout.split("\n") if not l.isprintable()]
    assert not any(line.startswith(FORGED_LINE.split(":")[0]) for line in stdout.splitlines()), stdout


def test_hostile_findings_escaped(hostile):
    path, _ = hostile
    p = run_check(path)
    assert p.returncode == 1, "cleartext logins are Warning findings: exit %d\n%s" % (p.returncode, p.stdout)
    assert_unforgeable(p.stdout)
    lines = p.stdout.splitlines()
    parsed = [CF.parse_finding(l, path) for l in lines[:-1]]
    assert None not in parsed, [l for l, f in zip(lines, parsed) if f is None]
    logins = [f["text"] for f in parsed if f["name"].endswith(".expert.cleartext_login")]
    for protocol, user in HOSTILE_USERS.values():
        shown = CF.escape(CF.wireshark_text(user))
        assert any(('(%s' % protocol) in t and ('user "%s"' % shown) in t for t in logins), (user, logins)
    assert lines[-1].startswith("rescap-ci-check: FAIL: %d finding(s)" % len(parsed)), lines[-1]


def test_hostile_inventory_escaped(hostile):
    path, endpoints = hostile
    p = run_check("--inventory", path)
    assert p.returncode == 0, p.stderr
    assert_unforgeable(p.stdout)
    lines = p.stdout.splitlines()
    parsed = [CF.parse_inventory(l, path) for l in lines]
    assert None not in parsed, [l for l, c in zip(lines, parsed) if c is None]
    assert {c["endpoints"] for c in parsed} == endpoints, "one line per conversation sent, no forged one"
    for c in parsed:
        port = int(c["endpoints"].split(":")[1].split(" ")[0])
        if port in HOSTILE_USERS:
            protocol, user = HOSTILE_USERS[port]
            shown = CF.wireshark_text(user)
            assert c["findings"] == [["cleartext_login", protocol, "user", shown]], c
            assert ' user "%s"' % CF.escape(shown, quote=True) in lines[parsed.index(c)]
        else:
            assert c["findings"] == [] and c["what"] == ["SSH"], c
            assert any(CF.wireshark_text(SSH_VERSION_TAIL.decode()) in v for v in c["version"]), c


@pytest.mark.parametrize("inventory", [False, True], ids=["findings", "inventory"])
def test_hostile_json_exact(hostile, inventory):
    path, endpoints = hostile
    p = run_check("--json", *(["--inventory"] if inventory else []), path)
    assert p.returncode == (0 if inventory else 1), p.stderr
    assert p.stdout.isascii() and CF.no_control_characters(p.stdout)
    records = [json.loads(l) for l in p.stdout.splitlines()]
    assert records[-1]["type"] == "summary" and all(r["type"] != "summary" for r in records[:-1])
    users = collections.Counter()
    if inventory:
        assert {r["endpoints"] for r in records[:-1]} == endpoints
        for r in records[:-1]:
            users.update((f["protocol"], f["user"]) for f in r["findings"] if f["kind"] == "cleartext_login")
    else:
        assert records[-1]["findings"] == len(records) - 1
        for r in records[:-1]:
            assert r["type"] == "finding" and r["capture"] == path
            if r["expert"].endswith(".expert.cleartext_login"):
                assert r["severity"] == "Warning" and r["group"] == "Security", r
                users[(r["exposure"]["protocol"], r["exposure"]["user"])] += 1
    assert users == collections.Counter((p, CF.wireshark_text(u)) for p, u in HOSTILE_USERS.values())


# ------------------------------------------------------------------ security findings fail the check
def _http_basic(port):
    c = GS.Conversation(40110, port)
    c.send("c2s", b"GET /admin HTTP/1.1\r\nHost: ghost\r\nAuthorization: Basic ZGF2ZTpvcGVu\r\n\r\n")  # dave:open
    c.send("s2c", b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
    return c.close(), {("cleartext_login", "HTTP", "dave")}


def _http_basic_split_body(port):
    c = GS.Conversation(40111, port)
    c.send("c2s", b"POST /admin HTTP/1.1\r\nHost: ghost\r\nAuthorization: Basic ZGF2ZTpvcGVu\r\n"
                  b"Content-Length: 10\r\n\r\n12345")
    c.send("c2s", b"67890")  # the body's end in a second segment: HTTP reassembles the request
    c.send("s2c", b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
    return c.close(), {("cleartext_login", "HTTP", "dave")}


def _bind_shell(port):
    c, _ = GS.EXPOSURE_SCENARIOS["bind_shell"]()
    assert c.sport == port
    return c, {("shell_session", "shell", "root")}


SECURITY_CASES = {
    "http_basic_283": (_http_basic, 283), "http_basic_403": (_http_basic, 403),
    "bind_shell_403": (_bind_shell, 403),
    **{"http_basic_split_body_%d" % port: (_http_basic_split_body, port) for port in (283, 403)},
}


@pytest.mark.parametrize("build,port", SECURITY_CASES.values(), ids=SECURITY_CASES.keys())
def test_security_findings_fail(tshark_env, build, port):
    """A cleartext login or shell on a ghost port is a Warning (group Security): exit 1."""
    conversation, want = build(port)
    path = tshark_env.tmp / ("security_%s_%d.pcap" % (build.__name__, port))
    GS.write(path, conversation.packets)
    p = run_check("--json", str(path))
    records = [json.loads(l) for l in p.stdout.splitlines()]
    found = {(r["exposure"]["kind"], r["exposure"]["protocol"], r["exposure"].get("user", ""))
             for r in records if "exposure" in r and r["severity"] == "Warning" and r["group"] == "Security"}
    assert want <= found and p.returncode == 1, (p.returncode, p.stdout, p.stderr[-2000:])


# ------------------------------------------------------------------ memory
RSS_HARNESS = """
import json, resource, runpy, sys
sys.argv = sys.argv[1:]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
except SystemExit as e:
    code = e.code
sys.stdout.flush()
print(json.dumps({"exit": code, "script_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "tshark_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}), file=sys.stderr)
"""
RSS_PACKETS = 1500  # and 4 times as many
RSS_BOUND_KIB = 8 * 1024  # the PDML reader took ~160 KiB per payload packet: 700 MiB here


def peak_rss(*args):
    """Peak RSS of the script's own process (it runs in a fresh interpreter,
    tshark is its child and counted apart) and the exit status."""
    env = dict(os.environ, RESCAP_PLUGIN=str(RT.plugin_path()))
    p = subprocess.run(["/usr/bin/python3", "-c", RSS_HARNESS, str(SCRIPT), "--tshark", str(WRAPPER), *args],
                       capture_output=True, text=True, env=env, timeout=600)
    return json.loads(p.stderr.strip().splitlines()[-1]), p.stdout


@pytest.mark.parametrize("mode", [[], ["--inventory"], ["--json"]], ids=["findings", "inventory", "json"])
def test_memory_independent_of_packets(tshark_env, mode):
    rng = random.Random(403)
    sizes = {}
    for n in (RSS_PACKETS, 4 * RSS_PACKETS):
        path = tshark_env.tmp / ("rss_%d.pcap" % n)
        if not path.exists():
            payloads = [b"\xee" + bytes(rng.randrange(256) for _ in range(599)) for _ in range(n)]
            SP.write_pcap(path, [SP.udp_frame(41000 if i % 2 == 0 else 403, 403 if i % 2 == 0 else 41000, payload)
                                 for i, payload in enumerate(payloads)])
        rss, stdout = peak_rss(*mode, str(path))
        assert rss["exit"] in (0, 1), stdout
        if mode == ["--inventory"]:
            assert "c2s=%d s2c=%d" % (300 * n, 300 * n) in stdout, stdout  # every packet was read
        sizes[n] = rss["script_kib"]
    grew = sizes[4 * RSS_PACKETS] - sizes[RSS_PACKETS]
    assert grew < RSS_BOUND_KIB, "peak RSS %s KiB for %s packets: grew by %d KiB" % (
        sizes, list(sizes), grew)
