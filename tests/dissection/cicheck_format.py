# SPDX-License-Identifier: GPL-2.0-or-later
"""Reader of scripts/rescap-ci-check's human output for the tests, written
from the grammar in doc/ci-check.md (not from the script): a line that does
not match the grammar as a whole is a failure, so a value that escaped its
quotes cannot pass for a field or a line of its own.
"""
import re

# A value: a plain word, or double-quoted with " \ and non-printables escaped.
QUOTED = r'"(?:[^"\\\x00-\x1f\x7f]|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\U[0-9a-f]{8})*"'
PLAIN = r"[A-Za-z0-9._:/@+,-]+"
WORD = "(?:%s|%s)" % (QUOTED, PLAIN)
WORDS = r"%s(?: \| %s)*" % (WORD, WORD)
FINDING = r"%s(?: %s)*" % (WORD, WORD)
INVENTORY = re.compile(
    r"(?P<endpoints>(?:TCP|UDP) \S+ -> \S+ \((?:RESCAP|DECAP)\)): what=(?P<what>%s)(?: product=(?P<product>%s))?"
    r"(?: version=(?P<version>%s))? c2s=(?P<c2s>\d+) s2c=(?P<s2c>\d+) findings=(?P<findings>none|%s(?:; %s)*)"
    % (WORDS, WORDS, WORDS, FINDING, FINDING))
FINDING_LINE = re.compile(r"frame (?P<frame>\d+): \[(?P<level>[A-Za-z]+)\] "
                          r"(?P<name>(?:rescap|decap)\.expert\.\w+): (?P<text>.*)")
ESCAPE = re.compile(r"\\x([0-9a-f]{2})|\\u([0-9a-f]{4})|\\U([0-9a-f]{8})")


C_ESCAPES = {0x07: "\\a", 0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0B: "\\v", 0x0C: "\\f", 0x0D: "\\r"}


def wireshark_text(text):
    """A wire string as the plugin's fields carry it: escaped once where it
    enters the plugin by Wireshark's format_text (epan/strutil.h: control
    characters as C escapes (a b t n v f r after a backslash), others and DEL as three-digit
    octal; printable text unchanged)."""
    out = []
    for ch in text:
        code = ord(ch)
        if code in C_ESCAPES:
            out.append(C_ESCAPES[code])
        elif code < 0x20 or code == 0x7F:
            out.append("\\%03o" % code)
        else:
            out.append(ch)
    return "".join(out)


def unescape(text):
    """The exact string: \\xNN below 80 is that character, from 80 the octet
    NN that was not UTF-8 (as Python's surrogateescape decodes it)."""
    def one(m):
        if m.group(1):
            n = int(m.group(1), 16)
            return chr(n) if n < 0x80 else chr(0xDC00 + n)
        return chr(int(m.group(2) or m.group(3), 16))
    return ESCAPE.sub(one, text)


def escape(text, quote=False):
    """What the output must show for `text` (doc/ci-check.md, "Escaping")."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append("\\x%02x" % (code - 0xDC00))
        elif ch == "\\" or (quote and ch == '"') or not ch.isprintable():
            out.append("\\x%02x" % code if code < 0x80 else "\\u%04x" % code if code < 0x10000 else "\\U%08x" % code)
        else:
            out.append(ch)
    return "".join(out)


def words(text):
    return [unescape(w[1:-1]) if w.startswith('"') else w for w in re.findall(WORD, text)] if text else []


def no_control_characters(text):
    """The lines hold printable characters only (line breaks between them)."""
    return all(line.isprintable() for line in text.split("\n"))


def parse_inventory(line, capture):
    """{endpoints, what, product, version, c2s, s2c, findings: [[word, ...], ...]} or None."""
    prefix = escape(capture) + ": "
    if not line.startswith(prefix):
        return None
    m = INVENTORY.fullmatch(line[len(prefix):])
    if m is None:
        return None
    findings = [] if m["findings"] == "none" else [
        words(f) for f in re.findall(r"(%s)(?:; |$)" % FINDING, m["findings"])]
    return {"endpoints": m["endpoints"], "what": words(m["what"]), "product": words(m["product"]),
            "version": words(m["version"]), "c2s": int(m["c2s"]), "s2c": int(m["s2c"]), "findings": findings}


def parse_finding(line, capture):
    """{frame, level, name, text} of a finding line, or None."""
    prefix = escape(capture) + ": "
    m = FINDING_LINE.fullmatch(line[len(prefix):]) if line.startswith(prefix) else None
    return None if m is None else {"frame": int(m["frame"]), "level": m["level"], "name": m["name"],
                                   "text": m["text"]}
