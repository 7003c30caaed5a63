# SPDX-License-Identifier: GPL-2.0-or-later
"""The stats tree (`tshark -r X -q -z rescap,tree`) against figures computed
from the manifests (what the generator sent) and the spec's tables.

Expected figures, per doc/decoding.md (Statistics), doc/decisions.md (decision 14) and the brief:
messages by role and transport; responses by status class / full status code
(the FIRST Status item of the response in preorder, not counting items beyond
the count); BaseURI schemes of requests; ItemsToReturn tags by registry name
("(empty list: everything)" for an empty list); items returned by tag name
(every item of a response at any depth except the FullResponse itself and
except items beyond the count); referrals by target URI; draft generation per
message; "Malformed messages" (a manifest expert of error severity); "Not
rescap payloads" (>= 1 when the manifest has non-rescap payloads on 283);
"Response Time (microseconds)" count / min / max / average (whole microseconds) from frame times (a capture
fact, `-T fields -e frame.time_epoch`) of request/response pairs located from
the manifests through the transport layers only.
"""
import collections
import re
from decimal import Decimal

import pytest

import rescaptest as RT

# Item registry of doc/protocol.md ("Item registry"), tag -> name.
REGISTRY_NAMES = {
    0x0001: "FullRequest", 0x0002: "BaseURI", 0x0003: "ItemsToReturn", 0x0004: "AuthInfo",
    0x0005: "AuthInTheClear", 0x0006: "AuthDigest", 0x0007: "AuthPublicKey", 0x0008: "AuthIP",
    0x0009: "SigningPrefs", 0x000A: "EncryptingPrefs", 0x000B: "SignedRequest", 0x000C: "FullResponse",
    0x000D: "Status", 0x000E: "Referral", 0x000F: "SignedResponse", 0x0010: "SignatureControlInfo",
    0x0011: "DefaultKeyID", 0x0012: "NonceReply", 0x0013: "EncryptedResponse",
    0x0014: "EncryptionControlInfo", 0x0015: "EncryptedBlob", 0x0016: "KeyEncryptionKey",
    0x0017: "TTLOfInfo", 0x0018: "ExpirationOfInfo", 0x0019: "Nonce", 0x001A: "KeyID",
    0x001B: "SignatureValue", 0x001C: "DateOfChange",
}
STATUS_CLASS = {0x00: "positive completion", 0x01: "transient negative", 0x02: "permanent negative",
                0x03: "informational"}
# Error-severity experts (doc/fields.md expert table).
ERROR_EXPERTS = {"rescap.expert." + n for n in (
    "truncated", "fragment_mismatch", "fragment_unterminated", "count_short", "bad_container_length",
    "content_short", "items_to_return_odd", "too_deep")}

CAPTURES = ["udp_basic", "status_classes", "referral", "items_to_return", "nested_1999",
            "udp_then_tcp_retry", "malformed_rules", "not_rescap_283", "tcp_large"]

MESSAGES = "RESCAP Messages"
SECTIONS = {
    "status_class": "Responses by Status Class",
    "status_code": "Responses by Status Code",
    "schemes": "Requested URI Schemes",
    "asked": "Tags Asked For (ItemsToReturn)",
    "returned": "Items Returned",
    "referrals": "Referrals",
    "forms": "Draft Generation",
}
PROBLEMS = "Malformed or Not RESCAP"
RESPONSE_TIME = "Response Time (microseconds)"
FORM_NAME = {"count": "count form (2000 drafts)", "nested": "nested form (1999 draft)"}


def tag_name(tag):
    if tag in REGISTRY_NAMES:
        return REGISTRY_NAMES[tag]
    if 0xFE00 <= tag <= 0xFEFF:
        return "PrivUseRequest%02d" % (tag - 0xFE00)
    if 0xFF00 <= tag <= 0xFFFF:
        return "PrivUseResponse%02d" % (tag - 0xFF00)
    return None


def test_registry_names_match_reference():
    """REGISTRY_NAMES and the private-use ranges are those of doc/protocol.md."""
    rows = RT.reference_table("Item registry")
    assert {int(r[0], 16): r[1] for r in rows if "–" not in r[0]} == REGISTRY_NAMES
    assert ["0xFE00–0xFEFF", "PrivUseRequest00–255"] in [r[:2] for r in rows]
    assert ["0xFF00–0xFFFF", "PrivUseResponse00–255"] in [r[:2] for r in rows]


def test_status_classes_match_reference():
    text = " ".join(RT.PROTOCOL_REFERENCE.read_text(encoding="utf-8").split())
    for main, name in STATUS_CLASS.items():
        assert "0x%02x %s" % (main, name) in text


# --------------------------------------------------------------------------
# the printed stats tree
# --------------------------------------------------------------------------
class StatNode:
    def __init__(self, name, count, avg=None, vmin=None, vmax=None):
        self.name, self.count, self.avg, self.min, self.max = name, count, avg, vmin, vmax
        self.children = []

    def child(self, name):
        for c in self.children:
            if c.name == name:
                return c
        return None

    def child_counts(self):
        out = {}
        for c in self.children:
            assert c.name not in out, "node %r appears twice under %r" % (c.name, self.name)
            out[c.name] = c.count
        return out

    def __repr__(self):
        return "StatNode(%r, %d, %s)" % (self.name, self.count, [c.name for c in self.children])


def parse_stats_tree(text):
    """Top-level StatNodes of the 'RESCAP:' stats tree printed by -z rescap,tree."""
    lines = text.splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith("Topic / Item"))
    header = lines[start]
    cols = {k: header.index(k) for k in ("Count", "Average", "Min Val", "Max Val", "Rate (ms)")}
    assert lines[start + 1].startswith("---"), lines[start + 1]
    roots, stack = [], []
    for line in lines[start + 2:]:
        if not line.strip():
            continue
        if line.startswith("---") or line.startswith("==="):
            break
        name_part = line[:cols["Count"]]
        indent = len(name_part) - len(name_part.lstrip(" "))
        name = name_part.strip()

        def col(a, b):
            s = line[cols[a]:cols[b]].strip()
            return s or None
        count = int(col("Count", "Average"))
        avg, vmin, vmax = col("Average", "Min Val"), col("Min Val", "Max Val"), col("Max Val", "Rate (ms)")
        node = StatNode(name, count, *(Decimal(v) if v is not None else None for v in (avg, vmin, vmax)))
        del stack[indent:]
        assert len(stack) == indent, "cannot place %r (indent %d) in the tree" % (line, indent)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return {n.name: n for n in roots}


@pytest.fixture(scope="module")
def stats(tshark_env):
    cache = {}

    def get(name):
        if name not in cache:
            out = tshark_env("-r", tshark_env.capture(name), "-q", "-z", "rescap,tree")
            cache[name] = parse_stats_tree(out)
        return cache[name]
    return get


def frame_times(tshark_env, name):
    out = tshark_env("-r", tshark_env.capture(name), "-T", "fields", "-e", "frame.number", "-e", "frame.time_epoch")
    res = {}
    for line in out.splitlines():
        if line.strip():
            num, t = line.split("\t")
            res[int(num)] = Decimal(t)
    return res


# --------------------------------------------------------------------------
# expected figures from a manifest
# --------------------------------------------------------------------------
def counted_items(msg):
    """The message's items other than the root and other than beyond-count items."""
    items = msg.get("items") or []
    return [it for it in items[1:] if not it.get("beyond_count")]


def first_item(msg, tag):
    return next((it for it in counted_items(msg) if it["tag"] == tag), None)


def pairs(manifest):
    """(request index, response index): within a conversation a response answers
    the oldest unanswered request (doc/decisions.md decision 13)."""
    pending = collections.defaultdict(collections.deque)
    out = []
    for i in RT.rescap_message_indexes(manifest):
        m = manifest["messages"][i]
        key = (m["transport"], tuple(m["client"]), tuple(m["server"]))
        if m["role"] == "request":
            pending[key].append(i)
        elif pending[key]:
            out.append((pending[key].popleft(), i))
    return out


def expected(manifest):
    msgs = manifest["messages"]
    roles = collections.Counter()
    transports = collections.defaultdict(collections.Counter)
    sec = {k: collections.Counter() for k in SECTIONS}
    malformed = asking = 0
    for i in RT.rescap_message_indexes(manifest):
        m = msgs[i]
        role = "Responses" if m["role"] == "response" else "Requests"
        roles[role] += 1
        transports[role][m["transport"].upper()] += 1
        sec["forms"][FORM_NAME[m["form"]]] += 1
        if ERROR_EXPERTS & set(m["experts"]):
            malformed += 1
        assert m.get("items") is not None, "manifest message #%d has no items: cannot compute figures" % i
        if m["role"] == "request":
            uri = first_item(m, RT.BASE_URI)
            if uri is not None and uri.get("uri") and ":" in uri["uri"]:
                sec["schemes"][uri["uri"].split(":", 1)[0]] += 1
            itr = first_item(m, RT.ITEMS_TO_RETURN)
            if itr is not None:
                asking += 1
                assert itr["tags"] is not None
                if not itr["tags"]:
                    sec["asked"]["(empty list: everything)"] += 1
                for t in itr["tags"]:
                    sec["asked"][tag_name(t)] += 1
            continue
        st = first_item(m, RT.STATUS)
        if st is not None and st.get("status") is not None:
            code = st["status"]
            sec["status_class"]["0x%02x %s" % (code >> 8, STATUS_CLASS[code >> 8])] += 1
            sec["status_code"][code] += 1
        for it in counted_items(m):
            sec["returned"][tag_name(it["tag"])] += 1
        ref = first_item(m, RT.REFERRAL)
        if ref is not None:
            sec["referrals"][ref["uri"]] += 1
    not_rescap = sum(1 for m in msgs if m.get("proto") == "not_rescap")
    return dict(roles=roles, transports=transports, sections=sec, malformed=malformed,
                not_rescap=not_rescap, pairs=pairs(manifest), asking_requests=asking)


def status_code_counts(node):
    """{code: count} of the 'Responses by status code' children; each known
    code's node name must be '0x%04x <meaning from the spec>'."""
    out, errors = {}, []
    for c in node.children:
        m = re.match(r"^0x([0-9a-f]{4})(?: (.*))?$", c.name)
        if not m:
            errors.append("status code node %r is not '0xNNNN meaning'" % c.name)
            continue
        code = int(m.group(1), 16)
        if code in RT.STATUS_MEANING and m.group(2) != RT.STATUS_MEANING[code]:
            errors.append("status code node %r, want %r" % (c.name, "0x%04x %s" % (code, RT.STATUS_MEANING[code])))
        out[code] = c.count
    return out, errors


def check_counts(errors, what, got, want):
    want = {k: v for k, v in want.items() if v}
    got = {k: v for k, v in got.items() if v}
    if got != want:
        errors.append("%s: got %s, want %s" % (what, dict(sorted(got.items(), key=str)),
                                               dict(sorted(want.items(), key=str))))


# --------------------------------------------------------------------------
@pytest.mark.parametrize("name", CAPTURES)
def test_stats_tree(tshark_env, stats, name):
    man = RT.load_manifest(name)
    exp = expected(man)
    tree = stats(name)
    errors = []
    for title in [MESSAGES, PROBLEMS, RESPONSE_TIME] + list(SECTIONS.values()):
        if title not in tree:
            errors.append("no top-level node %r (have %s)" % (title, sorted(tree)))
    assert not errors, "\n".join(errors)

    total = sum(exp["roles"].values())
    if tree[MESSAGES].count != total:
        errors.append("%s = %d, want %d" % (MESSAGES, tree[MESSAGES].count, total))
    check_counts(errors, "messages by role", tree[MESSAGES].child_counts(), exp["roles"])
    for role in ("Requests", "Responses"):
        node = tree[MESSAGES].child(role)
        got = node.child_counts() if node is not None else {}
        check_counts(errors, "%s by transport" % role, got, exp["transports"][role])

    sec = exp["sections"]
    for key, title in SECTIONS.items():
        node = tree[title]
        if key == "status_code":
            got, errs = status_code_counts(node)
            errors += errs
        else:
            got = node.child_counts()
        check_counts(errors, title, got, sec[key])
        # a topic counts what its children count: percentages are shares of it
        if node.count != sum(sec[key].values()):
            errors.append("%s total = %d, want %d" % (title, node.count, sum(sec[key].values())))
        over = [c.name for c in node.children if c.count > node.count]
        if over:
            errors.append("%s: children above 100%% of their topic: %s" % (title, over))

    probs = tree[PROBLEMS]
    mal = probs.child("Malformed messages")
    if (mal.count if mal else 0) != exp["malformed"]:
        errors.append("Malformed messages = %s, want %d" % (mal.count if mal else None, exp["malformed"]))
    nr = probs.child("Not rescap payloads")
    if exp["not_rescap"]:
        if nr is None or nr.count < 1:
            errors.append("Not rescap payloads = %s, want >= 1" % (nr.count if nr else None))
    elif nr is not None and nr.count:
        errors.append("Not rescap payloads = %d, want 0 (the capture has none)" % nr.count)

    # response time: frame time differences of the manifest's request/response pairs
    rt = tree[RESPONSE_TIME]
    if rt.count != len(exp["pairs"]):
        errors.append("%s count = %d, want %d (pairs %s)" % (RESPONSE_TIME, rt.count, len(exp["pairs"]), exp["pairs"]))
    if exp["pairs"]:
        cap = tshark_env.pdml(name)
        frames = RT.expected_frames(man, cap)
        times = frame_times(tshark_env, name)
        deltas = []
        for i, j in exp["pairs"]:
            fi, fj = frames[i]["last"], frames[j]["last"]
            assert fi is not None and fj is not None, "cannot locate pair %d/%d" % (i, j)
            deltas.append((times[fj] - times[fi]) * 1000000)
        want_min, want_max = min(deltas), max(deltas)
        want_avg = sum(deltas) / len(deltas)
        # whole microseconds: min and max printed as integers, the average with 2 decimals
        for label, got, want, tol in (("min", rt.min, want_min, Decimal("1")),
                                      ("max", rt.max, want_max, Decimal("1")),
                                      ("average", rt.avg, want_avg, Decimal("1"))):
            if label != "average" and got is not None and got != got.to_integral_value():
                errors.append("%s %s = %s: want whole microseconds" % (RESPONSE_TIME, label, got))
            if got is None or abs(got - want) > tol:
                errors.append("%s %s = %s us, want %.3f us (frame deltas %s)" % (
                    RESPONSE_TIME, label, got, want, [float(d) for d in deltas]))
    assert not errors, "%s: stats tree disagrees with the manifest:\n  - %s" % (name, "\n  - ".join(errors))


def test_stats_malformed_structure(stats):
    """malformed_structure: messages, transports, draft generation and the
    malformed count (error-severity manifest experts; beyond_count is a note)."""
    man = RT.load_manifest("malformed_structure")
    msgs = [man["messages"][i] for i in RT.rescap_message_indexes(man)]
    tree = stats("malformed_structure")
    errors = []
    want_mal = sum(1 for m in msgs if ERROR_EXPERTS & set(m["experts"]))
    assert want_mal == 7, "manifest sanity: 7 of the 8 faults are errors"
    mal = tree[PROBLEMS].child("Malformed messages")
    if (mal.count if mal else 0) != want_mal:
        errors.append("Malformed messages = %s, want %d" % (mal.count if mal else None, want_mal))
    if tree[MESSAGES].count != len(msgs):
        errors.append("%s = %d, want %d" % (MESSAGES, tree[MESSAGES].count, len(msgs)))
    roles = collections.Counter("Responses" if m["role"] == "response" else "Requests" for m in msgs)
    check_counts(errors, "messages by role", tree[MESSAGES].child_counts(), roles)
    forms = collections.Counter(FORM_NAME[m["form"]] for m in msgs)
    check_counts(errors, "Draft generation", tree[SECTIONS["forms"]].child_counts(), forms)
    nr = tree[PROBLEMS].child("Not rescap payloads")
    if nr is not None and nr.count:
        errors.append("Not rescap payloads = %d, want 0" % nr.count)
    assert not errors, "\n  - ".join(errors)


def test_parse_stats_tree_self_check():
    """The parser of the printed tree, on a hand-written sample."""
    sample = (
        "\n===\nRESCAP:\n"
        "Topic / Item        Count         Average       Min Val       Max Val       Rate (ms)     Percent\n"
        "-----------------------------------------------\n"
        "rescap messages     2                                                       1.1891        100%\n"
        " Responses          1                                                       0.5945        50.00%\n"
        "  UDP               1                                                       0.5945        100.00%\n"
        "Response time (ms)  1             1.68          1.682000      1.682000      0.5945        100%\n"
        "\n-----------------------------------------------\n")
    tree = parse_stats_tree(sample)
    assert tree["rescap messages"].count == 2
    assert tree["rescap messages"].child("Responses").child_counts() == {"UDP": 1}
    rt = tree["Response time (ms)"]
    assert (rt.count, rt.avg, rt.min, rt.max) == (1, Decimal("1.68"), Decimal("1.682000"), Decimal("1.682000"))
