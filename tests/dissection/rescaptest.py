# SPDX-License-Identifier: GPL-2.0-or-later
"""Helpers for the tshark-based rescap tests.

* ``TShark``: runs the system tshark with the plugin under test installed as a
  personal plugin in a throw-away HOME (tshark ignores personal plugins when
  run as root, so as root it is run as nobody through setpriv).
* PDML model: ``Capture`` / ``Packet`` / ``RescapElem`` / ``Item`` wrap the
  xml.etree tree of ``tshark -r X -2 -T pdml``.
* Manifest helpers: expected frame of every manifest message, computed from
  the transport layers only (never from the rescap plugin's output), and the
  on-the-wire length of a message computed from its manifest items.
"""
import collections
import datetime
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CAPTURES = REPO / "captures"

ITEM = "rescap.item"
EMBEDDED = "rescap.embedded"     # a request decoded from a rescap:// URL (Referral)
EXPERT_PREFIX = "rescap.expert."

# Tags from the spec's item registry (rescap-wire-format.md).
FULL_REQUEST, BASE_URI, ITEMS_TO_RETURN = 0x0001, 0x0002, 0x0003
FULL_RESPONSE, STATUS, REFERRAL = 0x000C, 0x000D, 0x000E
SIGNATURE_CONTROL_INFO = 0x0010
TTL_OF_INFO, EXPIRATION_OF_INFO, DATE_OF_CHANGE = 0x0017, 0x0018, 0x001C
REGISTRY_TAGS = set(range(0x0001, 0x001D))

# Opaque items: the bytes field that must show their content.
OPAQUE_FIELD = {
    0x0005: "rescap.auth_in_the_clear",
    0x0006: "rescap.auth_digest",
    0x0007: "rescap.auth_public_key",
    0x0015: "rescap.encrypted_blob",
    0x0016: "rescap.key_encryption_key",
    0x0019: "rescap.nonce",
    0x001A: "rescap.key_id",
    0x001B: "rescap.signature_value",
}


def opaque_field(tag):
    if tag in OPAQUE_FIELD:
        return OPAQUE_FIELD[tag]
    if 0xFE00 <= tag <= 0xFEFF:
        return "rescap.private_request"
    if 0xFF00 <= tag <= 0xFFFF:
        return "rescap.private_response"
    if tag not in REGISTRY_TAGS:
        return "rescap.unknown"
    return None


# Status table of the spec ("Status codes"), code -> meaning: the capture
# generator's copy, written from the spec independently of the plugin.
sys.path.insert(0, str(REPO / "tools" / "captures"))
from rescap_ref import STATUS_CODES  # noqa: E402

# The generator marks the 2000-only meanings "(2000)"; the draft tag is not
# part of the meaning shown.
STATUS_MEANING = {code: re.sub(r" \((1999|2000)\)$", "", meaning) for code, meaning in STATUS_CODES.items()}


# The project's protocol reference (doc/protocol.md): its tables are parsed
# by the tests and compared with the generator's and the plugin's tables.
PROTOCOL_REFERENCE = REPO / "doc" / "protocol.md"


def reference_table(heading):
    """Rows (lists of cell texts) of the first table under `## heading` in
    doc/protocol.md, header and separator rows left out."""
    text = PROTOCOL_REFERENCE.read_text(encoding="utf-8")
    start = text.index("\n## %s\n" % heading)
    end = text.find("\n## ", start + 1)
    section = text[start:end if end >= 0 else len(text)]
    rows = [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in section.splitlines() if line.startswith("| 0x")]
    assert rows, "no table rows under '## %s' in %s" % (heading, PROTOCOL_REFERENCE)
    return rows


# --------------------------------------------------------------------------
# tshark runner
# --------------------------------------------------------------------------
def plugin_path():
    return Path(os.environ.get("RESCAP_PLUGIN") or (REPO / "build" / "rescap.so")).resolve()


def tshark_series():
    """(major, minor) of the tshark under test: a few tests state where the
    Wireshark versions the plugin supports differ (4.0 on the host, 4.4 and
    4.6 in the matrix roots)."""
    out = subprocess.run(["tshark", "-v"], capture_output=True, text=True, timeout=60).stdout
    major, minor = re.search(r"TShark \(Wireshark\) (\d+)\.(\d+)\.", out).groups()
    return int(major), int(minor)


# rescap's heuristics (rescap on any port) are off by default, as Wireshark
# registers weak heuristics; a capture whose rescap server is on another
# port than 283 is read with them on, as a user would have to.
ENABLE_HEURISTICS = ("--enable-heuristic", "rescap_udp", "--enable-heuristic", "rescap_tcp")


def heuristics_for(name):
    path = CAPTURES / (name + ".json")
    if not path.exists():
        return ()
    ports = {m["server"][1] for m in load_manifest(name).get("messages", []) if "server" in m}
    return ENABLE_HEURISTICS if ports - {283} else ()


class TSharkError(AssertionError):
    pass


TSHARK_LIB = REPO / "scripts" / "lib" / "tshark.sh"


def _shell_helper(function, *args):
    """argv running `function args...` of scripts/lib/tshark.sh (the one
    private-HOME helper of scripts, benchmarks and tests)."""
    return ["bash", "-c", 'source "$0"; %s "$@"' % function, str(TSHARK_LIB)] + [str(a) for a in args]


class TShark:
    """tshark with the plugin under test as the only personal plugin of a
    private HOME (scripts/lib/tshark.sh: rescap_home, rescap_tshark; as root
    tshark runs as nobody), in a clean environment."""

    def __init__(self, plugin):
        self.plugin = Path(plugin)
        if not self.plugin.is_file():
            raise TSharkError("plugin not found: %s (build it, or set RESCAP_PLUGIN)" % self.plugin)
        # The first tshark on the caller's PATH (scripts/sanitize.sh puts a wrapper there).
        self.exe = shutil.which("tshark") or "/usr/bin/tshark"
        self.tmp = Path(tempfile.mkdtemp(prefix="rescap-tshark-"))
        self.home = self.tmp / "home"
        self.capdir = self.tmp / "captures"
        self.env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                    "TZ": "UTC", "RESCAP_TSHARK": self.exe}
        p = subprocess.run(_shell_helper("rescap_home", self.home, self.plugin), env=self.env,
                           capture_output=True, text=True)
        if p.returncode != 0:
            raise TSharkError("rescap_home failed: %s" % p.stderr)
        installed = sorted(self.home.glob(".local/lib/wireshark/plugins/*/epan/rescap.so"))
        if len(installed) != 1:
            raise TSharkError("rescap_home did not install the plugin once: %s" % installed)
        self.installed = installed[0]
        self.capdir.mkdir()
        os.chmod(self.capdir, 0o755)
        self._copied = {}
        self._pdml = {}

    def cleanup(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def command(self, args):
        return _shell_helper("rescap_tshark", self.home, *args)

    def run(self, *args):
        """Run tshark; return the CompletedProcess (no checks)."""
        return subprocess.run(self.command(args), capture_output=True, text=True,
                              errors="replace", cwd=str(self.tmp), env=self.env)

    def __call__(self, *args):
        """Run tshark, check exit status and stderr, return stdout."""
        p = self.run(*args)
        if p.returncode != 0:
            raise TSharkError("tshark %s exited %d:\n%s" % (" ".join(args), p.returncode, p.stderr[-3000:]))
        check_stderr(p.stderr, args)
        return p.stdout

    def capture(self, name):
        """Path of a world-readable private copy of captures/<name>.pcap."""
        if name not in self._copied:
            src = CAPTURES / (name + ".pcap")
            dst = self.capdir / (name + ".pcap")
            shutil.copyfile(src, dst)
            os.chmod(dst, 0o644)
            self._copied[name] = str(dst)
        return self._copied[name]

    def pdml(self, name, *extra):
        """Parsed ``tshark -r <capture> -2 -T pdml`` (cached)."""
        key = (name,) + extra
        if key not in self._pdml:
            out = self("-r", self.capture(name), "-2", "-T", "pdml", *heuristics_for(name), *extra)
            cap = Capture(name, ET.fromstring(out))
            bugs = cap.dissector_bugs()
            if bugs:
                raise TSharkError("%s: Dissector bug: %s" % (name, bugs[:5]))
            self._pdml[key] = cap
        return self._pdml[key]

    def info_column(self, name):
        """{frame number: Info column} from a two-pass run."""
        out = self("-r", self.capture(name), "-2", *heuristics_for(name), "-T", "fields",
                   "-e", "frame.number", "-e", "_ws.col.Info")
        res = {}
        for line in out.splitlines():
            if not line.strip():
                continue
            num, _, info = line.partition("\t")
            res[int(num)] = info
        return res


def check_stderr(stderr, args=()):
    bad = [l for l in stderr.splitlines()
           if "Dissector bug" in l or "Couldn't load plugin" in l or "Malformed" in l
           or "Exception" in l or "CRITICAL" in l or "WARNING **" in l]
    if bad:
        raise TSharkError("tshark %s wrote to stderr:\n%s" % (" ".join(args), "\n".join(bad[:20])))


# --------------------------------------------------------------------------
# PDML model
# --------------------------------------------------------------------------
def iter_fields(elem, name):
    return [e for e in elem.iter() if e.get("name") == name]


def first(elem, name):
    for e in elem.iter():
        if e.get("name") == name:
            return e
    return None


FRAGMENT_RE = re.compile(r"^Frame: (\d+), payload: (\d+)-(\d+) \((\d+) bytes?\)$")
SUMMARY_RE = re.compile(r"^(\d+) Item fragments \((\d+) bytes?\): (#\d+\(\d+\)(?:, #\d+\(\d+\))*)$")
# Wireshark cuts every label at ITEM_LABEL_LENGTH (240) octets: a long
# fragment list ends mid-entry (4.4 and 4.6 also put "[…] " in front). Then
# only the whole entries are compared.
SUMMARY_CUT_RE = re.compile(r"^(?:\[…\] )?(\d+) Item fragments \((\d+) bytes?\): (#\d+\(\d+\)(?:, #\d+\(\d+\))*)")
LABEL_CUT_AT = 230


def reassembly_summary_errors(item, n, length):
    """Wireshark's standard reassembly presentation (show_fragment_tree):
    "[n Item fragments (L bytes): #F(l1), #F(l2)]" with one "Frame: F,
    payload: a-b (c bytes)" per fragment, contiguous from 0 to L-1."""
    e = []
    summary = item.own_field("rescap.fragments")
    showname = (summary.get("showname") or "") if summary is not None else ""
    m = SUMMARY_RE.match(showname) or (SUMMARY_CUT_RE.match(showname) if len(showname) >= LABEL_CUT_AT else None)
    if m is None:
        return ["reassembly summary %r is not Wireshark's '[n Item fragments (L bytes): #F(l), ...]'"
                % (None if summary is None else summary.get("showname"))]
    if int(m.group(1)) != n or int(m.group(2)) != length:
        e.append("reassembly summary says %s fragments / %s bytes, want %d / %d" % (m.group(1), m.group(2), n, length))
    listed = [int(x) for x in re.findall(r"\((\d+)\)", m.group(3))]
    at = 0
    for k, f in enumerate(item.fragment_elems):
        fm = FRAGMENT_RE.match(f.get("showname") or "")
        if fm is None:
            e.append("fragment %d shows %r" % (k + 1, f.get("showname")))
            continue
        frame, first, last, size = map(int, fm.groups())
        if frame != int(f.get("show")) or first != at or last != at + size - 1:
            e.append("fragment %d: %r is not the next %d octets from %d" % (k + 1, f.get("showname"), size, at))
        if k < len(listed) and listed[k] != size:
            e.append("summary lists %d octets for fragment %d, the fragment says %d" % (listed[k], k + 1, size))
        at += size
    if at != length:
        e.append("fragments cover %d octets, want %d" % (at, length))
    return e


def show_int(e):
    s = e.get("show")
    return int(s, 16) if s.lower().startswith("0x") else int(s)


TS_RE = re.compile(r"^([A-Z][a-z]{2}) +(\d+), (\d+) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? UTC$")
TS_ISO_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z$")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def parse_abs_time_utc(show):
    """An absolute UTC time as PDML shows it -> aware datetime (UTC), None if
    it is neither form: 'Dec 31, 2000 23:59:59.000000000 UTC' (up to 4.4) or
    ISO 8601 '2000-12-31T23:59:59.000000000Z' (4.6 on)."""
    m = TS_RE.match(show or "")
    if m:
        mon, day, year, hh, mm, ss, frac = m.groups()
        month = MONTHS.index(mon) + 1
    else:
        m = TS_ISO_RE.match(show or "")
        if not m:
            return None
        year, month, day, hh, mm, ss, frac = m.groups()
    dt = datetime.datetime(int(year), int(month), int(day), int(hh), int(mm), int(ss),
                           tzinfo=datetime.timezone.utc)
    if frac and int(frac):
        dt = dt.replace(microsecond=int((frac + "000000")[:6]))
    return dt


class Item:
    """One logical rescap.item element."""

    STRUCTURAL = {"rescap.item.tag", "rescap.item.continuation", "rescap.item.length", "rescap.fragment_header",
                  "rescap.fragment.count", "rescap.fragments", "rescap.reassembled_length",
                  "rescap.form", "rescap.count"}

    def __init__(self, elem, depth, beyond, parent):
        self.elem, self.depth, self.beyond, self.parent = elem, depth, beyond, parent
        self.children = []
        self.direct = [c for c in elem if c.get("name") != ITEM]
        # fields of this item, not descending into child items
        self.own = []
        stack = list(self.direct)
        while stack:
            e = stack.pop(0)
            self.own.append(e)
            if e.get("name") != EMBEDDED:
                stack[:0] = [c for c in e if c.get("name") != ITEM]

    @property
    def embedded(self):
        """Requests decoded from a URL in this item, each as a RescapElem-like view."""
        return [EmbeddedView(e) for e in self.own_fields(EMBEDDED)]

    def direct_field(self, name):
        for c in self.direct:
            if c.get("name") == name:
                return c
        return None

    def own_fields(self, name):
        return [e for e in self.own if e.get("name") == name]

    def own_field(self, name):
        f = self.own_fields(name)
        return f[0] if f else None

    @property
    def tag(self):
        e = self.direct_field("rescap.item.tag")
        return show_int(e) if e is not None else None

    @property
    def fragment_count(self):
        """From Wireshark's reassembly summary (rescap.fragments subtree)."""
        e = self.own_field("rescap.fragment.count")
        return show_int(e) if e is not None else None

    @property
    def fragment_elems(self):
        """rescap.fragment elements (one per fragment in the reassembly summary)."""
        return self.own_fields("rescap.fragment")

    @property
    def fragment_headers(self):
        """rescap.fragment_header elements: each wire fragment's continuation marker and length."""
        return self.own_fields("rescap.fragment_header")

    @property
    def value_fields(self):
        """Own fields outside the fragment headers and the reassembly summary."""
        skip = set()
        for f in self.own_fields("rescap.fragment_header") + self.own_fields("rescap.fragments"):
            skip.update(id(x) for x in f.iter())
        return [e for e in self.own if id(e) not in skip]

    @property
    def length(self):
        e = self.own_field("rescap.reassembled_length")
        if e is None:
            e = self.direct_field("rescap.item.length")
        return show_int(e) if e is not None else None

    @property
    def count(self):
        e = self.direct_field("rescap.count")
        return show_int(e) if e is not None else None

    def describe(self):
        return "item %s depth %d (%s)" % (
            "0x%04x" % self.tag if self.tag is not None else "?", self.depth, self.elem.get("showname"))


class RescapElem:
    """One <proto name="rescap"> element of a packet."""

    def __init__(self, elem, packet, index):
        self.elem, self.packet, self.index = elem, packet, index
        self.items = []
        self._walk(elem, 0, False, None)
        self.top_items = [i for i in self.items if i.depth == 0]
        self.experts = sorted(e.get("name") for x in iter_fields(elem, "_ws.expert") for e in x
                              if (e.get("name") or "").startswith(EXPERT_PREFIX))
        self.expert_messages = [first(x, "_ws.expert.message").get("show") for x in iter_fields(elem, "_ws.expert")
                                if first(x, "_ws.expert.message") is not None]

    def _walk(self, elem, depth, beyond, parent):
        for c in elem:
            n = c.get("name")
            if n == ITEM:
                it = Item(c, depth, beyond, parent)
                self.items.append(it)
                if parent is not None:
                    parent.children.append(it)
                self._walk(c, depth + 1, beyond, it)
            elif n == EMBEDDED:
                continue        # not part of this message's item tree
            else:
                self._walk(c, depth, beyond or n == "rescap.ignored", parent)

    def direct(self, name):
        for c in self.elem:
            if c.get("name") == name:
                return c
        return None

    @property
    def is_message(self):
        return self.direct("rescap.response") is not None or bool(self.top_items)

    @property
    def is_not_rescap(self):
        return "rescap.expert.not_rescap" in self.experts or self.direct("rescap.identified") is not None

    @property
    def response(self):
        e = self.direct("rescap.response")
        return None if e is None else e.get("show") in ("1", "True", "true")

    @property
    def form(self):
        e = self.direct("rescap.form")
        return None if e is None else show_int(e)

    def link(self, name):
        e = first(self.elem, name)
        return None if e is None else e.get("show")

    def where(self):
        return "frame %d, rescap element #%d" % (self.packet.num, self.index)


class EmbeddedView(RescapElem):
    """The decoded request inside a rescap.embedded element."""

    def __init__(self, elem):
        self.elem, self.packet, self.index = elem, None, 0
        self.items = []
        self._walk(elem, 0, False, None)
        self.top_items = [i for i in self.items if i.depth == 0]
        self.experts = []
        self.expert_messages = []


class Packet:
    def __init__(self, elem):
        self.elem = elem
        self.num = int(first(elem, "num").get("show"))
        te = first(elem, "frame.time_epoch")
        self.time = Decimal(te.get("show")) if te is not None else None
        self.protos = [p.get("name") for p in elem.findall("proto")]
        self.transport = "tcp" if "tcp" in self.protos else "udp" if "udp" in self.protos else None
        self.sport = self.dport = None
        self.tcp_seq = self.tcp_len = self.tcp_stream = None
        self.payload_len = 0
        if self.transport == "tcp":
            tcp = elem.find("proto[@name='tcp']")
            self.sport = int(first(tcp, "tcp.srcport").get("show"))
            self.dport = int(first(tcp, "tcp.dstport").get("show"))
            self.tcp_seq = int(first(tcp, "tcp.seq").get("show"))
            self.tcp_len = int(first(tcp, "tcp.len").get("show"))
            self.tcp_stream = int(first(tcp, "tcp.stream").get("show"))
            self.payload_len = self.tcp_len
        elif self.transport == "udp":
            udp = elem.find("proto[@name='udp']")
            self.sport = int(first(udp, "udp.srcport").get("show"))
            self.dport = int(first(udp, "udp.dstport").get("show"))
            self.payload_len = int(first(udp, "udp.length").get("show")) - 8
        self.rescap = [RescapElem(p, self, i) for i, p in enumerate(elem.findall("proto[@name='rescap']"))]

    def fields(self, name):
        return iter_fields(self.elem, name)

    def field(self, name):
        return first(self.elem, name)

    def has_layer(self, name):
        if name in self.protos:
            return True
        return any(p.startswith(name) for p in self.protos) if name == "data" else False


class Capture:
    def __init__(self, name, root):
        self.name, self.root = name, root
        self.packets = [Packet(p) for p in root.findall("packet")]
        self.by_num = {p.num: p for p in self.packets}

    def rescap_elems(self):
        return [r for p in self.packets for r in p.rescap]

    def messages(self):
        """rescap message elements, in frame order (several per frame possible)."""
        return [r for r in self.rescap_elems() if r.is_message]

    def dissector_bugs(self):
        out = []
        for p in self.packets:
            for e in p.elem.iter():
                n, s = e.get("name") or "", (e.get("showname") or "") + (e.get("show") or "")
                if n == "_ws.malformed.dissector_bug" or "Dissector bug" in s:
                    out.append("frame %d: %s" % (p.num, s[:200]))
        return out

    def rescap_exceptions(self):
        """Malformed-packet exceptions raised while rescap was dissecting."""
        out = []
        for p in self.packets:
            for e in p.elem.iter():
                if e.get("name") == "_ws.malformed":
                    s = e.get("showname") or ""
                    if "rescap" in s.lower() or "exception" in s.lower() or "dissector bug" in s.lower():
                        out.append("frame %d: %s" % (p.num, s))
                elif e.get("name") == "_ws.malformed.expert" and any(
                        pr.get("name") == "rescap" for pr in p.elem.findall("proto")):
                    out.append("frame %d: %s" % (p.num, e.get("showname")))
        return out


# --------------------------------------------------------------------------
# manifests
# --------------------------------------------------------------------------
def manifest_names():
    return sorted(p.stem for p in CAPTURES.glob("*.json") if (CAPTURES / (p.stem + ".pcap")).exists())


@functools.lru_cache(maxsize=None)
def load_manifest(name):
    with open(CAPTURES / (name + ".json")) as f:
        return json.load(f)


def direction(msg):
    if msg.get("proto") == "rescap":
        return "c2s" if msg["role"] == "request" else "s2c"
    return msg.get("direction", "c2s")


def wire_length(items):
    """Octets of a message on the wire, from its manifest items (None if unknown)."""
    if items is None:
        return None
    total, stack = 0, []
    for it in items:
        del stack[it["depth"]:]
        if all(stack):
            total += 4 * it["fragments"] + it["length"]
        # a count-form container's children follow it on the wire; a nested
        # container's length already covers its children
        stack.append("count" in it)
    return total


def expected_frames(manifest, cap):
    """For every manifest message: dict(first=frame where its first octet is,
    last=frame where its last octet is) or None, from the transport layers."""
    msgs = manifest["messages"]
    res = [None] * len(msgs)
    udp_used = set()
    # UDP: the n-th message between two ports in a direction is the n-th datagram
    for i, m in enumerate(msgs):
        if m.get("transport") != "udp":
            continue
        c, s = m["client"][1], m["server"][1]
        src, dst = (c, s) if direction(m) != "s2c" else (s, c)
        for p in cap.packets:
            if p.transport == "udp" and p.sport == src and p.dport == dst and p.num not in udp_used:
                udp_used.add(p.num)
                res[i] = {"first": p.num, "last": p.num}
                break
    # TCP: walk each direction's byte stream
    offsets = collections.defaultdict(int)
    per_dir = collections.defaultdict(list)
    for i, m in enumerate(msgs):
        if m.get("transport") == "tcp":
            per_dir[(m["client"][1], m["server"][1], direction(m))].append(i)
    for (c, s, d), idxs in per_dir.items():
        if d == "both":
            segs = [p for p in cap.packets if p.transport == "tcp" and {p.sport, p.dport} == {c, s}
                    and p.payload_len > 0]
            for i in idxs:
                res[i] = {"first": segs[0].num, "last": None} if segs else None
            continue
        src, dst = (c, s) if d == "c2s" else (s, c)
        segs, seen = [], 0
        for p in cap.packets:
            if p.transport == "tcp" and p.sport == src and p.dport == dst and p.tcp_len > 0:
                start = p.tcp_seq - 1
                if start + p.tcp_len > seen:
                    segs.append((start, start + p.tcp_len, p.num))
                    seen = start + p.tcp_len
        total = seen
        for k, i in enumerate(idxs):
            m = msgs[i]
            n = wire_length(m.get("items")) if m.get("proto") == "rescap" else None
            begin = offsets[(c, s, d)]
            if n is None:
                n = total - begin if k == len(idxs) - 1 else None
            fst = next((num for a, b, num in segs if b > begin), None)
            lst = None if n is None else next((num for a, b, num in segs if b >= begin + n), None)
            res[i] = {"first": fst, "last": lst, "offset": begin, "length": n}
            if n is not None:
                offsets[(c, s, d)] = begin + n
    return res


def rescap_message_indexes(manifest):
    return [i for i, m in enumerate(manifest["messages"]) if m.get("proto") == "rescap"]


def locate_messages(manifest, cap):
    """Map every manifest rescap message to the rescap element expected for it:
    the k-th message expected to complete in frame F is the k-th rescap message
    element of frame F.  Returns {manifest index: (RescapElem or None, frame, why)}."""
    frames = expected_frames(manifest, cap)
    per_frame = collections.defaultdict(int)
    out = {}
    for i in rescap_message_indexes(manifest):
        f = frames[i]["last"] if frames[i] else None
        if f is None:
            out[i] = (None, None, "cannot find the frame of this message from the transport layer")
            continue
        k = per_frame[f]
        per_frame[f] += 1
        msgs = [r for r in cap.by_num[f].rescap if r.is_message]
        if k >= len(msgs):
            out[i] = (None, f, "frame %d holds %d rescap message element(s), message #%d expected there"
                      % (f, len(msgs), k + 1))
        else:
            out[i] = (msgs[k], f, None)
    return out


def valid_timestamp(ts):
    """'YYYYMMDDHHMMSS' (GMT) -> aware UTC datetime, None if not a valid time."""
    try:
        if len(ts) != 14 or not ts.isdigit():
            return None
        return datetime.datetime.strptime(ts, "%Y%m%d%H%M%S").replace(tzinfo=datetime.timezone.utc)
    except ValueError:
        return None
