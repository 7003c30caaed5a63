# SPDX-License-Identifier: GPL-2.0-or-later
"""Typed profile attributes (the `rescap_attributes` UAT) on private_use.pcap.

The table rows come from the example file captures/rescap_attributes (one
`-o uat:rescap_attributes:<row>` per non-comment line). The expected typed
values are decoded here from the manifest's content_hex according to the
declared type (doc/decoding.md "Typed profile attributes"; spec "Mail user agent
profile"): Boolean 1 octet, Integer 2 octets big-endian, List of strings
2-octet length + octets each, String UTF-8.
"""
import csv
import io

import pytest

import rescaptest as RT

CAPTURE = "private_use"
TABLE_FILE = RT.CAPTURES / "rescap_attributes"
ATTR_FIELDS = ("rescap.attr.name", "rescap.attr.type", "rescap.attr.bool", "rescap.attr.int",
               "rescap.attr.string", "rescap.attr.list_item", "rescap.attr.uri", "rescap.attr.octets")


def table_rows(path=TABLE_FILE):
    """[(text of the row, tag, name, type)] of a UAT file, comments skipped."""
    rows = []
    for line in path.read_text().splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        tag, name, typ = next(csv.reader(io.StringIO(s)))
        rows.append((s, int(tag, 16), name, typ))
    return rows


def uat_options(rows):
    out = []
    for r in rows:
        out += ["-o", "uat:rescap_attributes:" + (r if isinstance(r, str) else r[0])]
    return out


def located(tshark_env, options):
    man = RT.load_manifest(CAPTURE)
    cap = tshark_env.pdml(CAPTURE, *options)
    loc = RT.locate_messages(man, cap)
    out = []      # (manifest item, pdml Item, message index)
    for i in RT.rescap_message_indexes(man):
        r, frame, why = loc[i]
        assert r is not None, why
        items = man["messages"][i]["items"]
        assert [(it["tag"], it["depth"]) for it in items] == [(g.tag, g.depth) for g in r.items]
        out += [(it, g, r) for it, g in zip(items, r.items)]
    return out


def decode_list(b):
    out, at = [], 0
    while at < len(b):
        n = int.from_bytes(b[at:at + 2], "big")
        assert at + 2 + n <= len(b), "manifest content is not a List of strings"
        out.append(b[at + 2:at + 2 + n].decode("utf-8"))
        at += 2 + n
    return out


def check_typed(exp, got, name, typ):
    """Errors of a mapped item whose content fits its type."""
    e = []
    content = bytes.fromhex(exp["content_hex"])
    f = got.own_field("rescap.attr.name")
    if f is None or f.get("show") != name:
        e.append("rescap.attr.name %r, want %r" % (None if f is None else f.get("show"), name))
    f = got.own_field("rescap.attr.type")
    # the type by its name alone, no internal number ("List of strings", not "... (3)")
    if f is None or (f.get("showname") or "").split(": ", 1)[-1] != typ:
        e.append("rescap.attr.type shows %r, want the type %r" % (None if f is None else f.get("showname"), typ))
    if typ == "Boolean":
        assert len(content) == 1 and content[0] in (0, 1)
        f = got.own_field("rescap.attr.bool")
        want = bool(content[0])
        if f is None or (f.get("show") in ("1", "True", "true")) != want or (f.get("value") or "") != exp["content_hex"]:
            e.append("rescap.attr.bool %r, want %s" % (None if f is None else f.get("show"), want))
    elif typ == "Integer":
        assert len(content) == 2
        f = got.own_field("rescap.attr.int")
        want = int.from_bytes(content, "big")
        if f is None or RT.show_int(f) != want:
            e.append("rescap.attr.int %r, want %d" % (None if f is None else f.get("show"), want))
    elif typ == "List of strings":
        want = decode_list(content)
        shown = [f.get("show") for f in got.own_fields("rescap.attr.list_item")]
        if shown != want:
            e.append("rescap.attr.list_item %s, want %s" % (shown, want))
    elif typ == "String":
        text = content.decode("utf-8")
        f = got.own_field("rescap.attr.string")
        if f is None or (f.get("value") or "").lower() != exp["content_hex"].lower():
            e.append("rescap.attr.string value %r, want %r" % (None if f is None else f.get("value"), text))
        elif not f.get("show", "").startswith(text.split("\r")[0]):
            e.append("rescap.attr.string shows %r, want %r" % (f.get("show"), text))
    else:
        raise AssertionError("type %r not covered by this test" % typ)
    if got.own_fields("rescap.private_response") or got.own_fields("rescap.private_request"):
        e.append("a mapped item whose value fits still shows the raw private-use bytes field")
    return e


def check_unmapped(exp, got):
    e = []
    field = RT.opaque_field(exp["tag"])
    f = got.own_field(field)
    if f is None or (f.get("value") or "").lower() != exp["content_hex"].lower():
        e.append("%s %r, want %s" % (field, None if f is None else f.get("value"), exp["content_hex"]))
    present = [n for n in ATTR_FIELDS if got.own_fields(n)]
    if present:
        e.append("unmapped item shows %s" % present)
    return e


def test_table_file_parses():
    rows = table_rows()
    assert [(t, n, ty) for _, t, n, ty in rows] == [
        (0xFF01, "PlainTextOnly", "Boolean"), (0xFF02, "DisplayableMedia", "List of strings"),
        (0xFF03, "LineLength", "Integer"), (0xFF04, "GeneralInfo", "String")]


def test_example_table(tshark_env):
    rows = table_rows()
    table = {t: (n, ty) for _, t, n, ty in rows}
    errors, mapped = [], 0
    for exp, got, r in located(tshark_env, uat_options(rows)):
        if exp["depth"] == 0 or "content_hex" not in exp:
            continue
        tag = exp["tag"]
        if tag in table:
            mapped += 1
            errs = check_typed(exp, got, *table[tag])
        else:
            errs = check_unmapped(exp, got)
        errors += ["item 0x%04x: %s" % (tag, x) for x in errs]
    for _, _, r in located(tshark_env, uat_options(rows)):
        if "rescap.expert.attribute_value" in r.experts:
            errors.append("%s: attribute_value expert although every value fits" % r.where())
    assert mapped == 4, "the four MUA items of the response must be mapped"
    assert not errors, "\n  - ".join([""] + errors)


def test_partial_table_leaves_others_raw(tshark_env):
    rows = [r for r in table_rows() if r[1] == 0xFF02]
    errors = []
    for exp, got, r in located(tshark_env, uat_options(rows)):
        if exp["depth"] == 0 or "content_hex" not in exp:
            continue
        if exp["tag"] == 0xFF02:
            errs = check_typed(exp, got, "DisplayableMedia", "List of strings")
        else:
            errs = check_unmapped(exp, got)
        errors += ["item 0x%04x: %s" % (exp["tag"], x) for x in errs]
    assert not errors, "\n  - ".join([""] + errors)


def test_wrong_mapping_raises_attribute_value(tshark_env):
    rows = ['"0xff02","DisplayableMedia","Boolean"',      # 39 octets: not a Boolean
            '"0xff04","GeneralInfo","Integer"',            # 55 octets: not an Integer
            '"0xff01","PlainTextOnly","Boolean"']          # fits
    errors, seen = [], {}
    for exp, got, r in located(tshark_env, uat_options(rows)):
        if exp["depth"] == 0 or "content_hex" not in exp:
            continue
        tag = exp["tag"]
        experts = [e.get("name") for e in got.elem.iter() if e.get("name") == "rescap.expert.attribute_value"]
        seen[tag] = len(experts)
        if tag in (0xFF02, 0xFF04):
            if len(experts) != 1:
                errors.append("item 0x%04x declared with a type its value does not fit: %d attribute_value "
                              "experts, want 1" % (tag, len(experts)))
            f = got.own_field("rescap.private_response")
            if f is None or (f.get("value") or "").lower() != exp["content_hex"]:
                errors.append("item 0x%04x: raw bytes not shown as rescap.private_response" % tag)
            for n in ("rescap.attr.bool", "rescap.attr.int"):
                if got.own_fields(n):
                    errors.append("item 0x%04x: shows a typed %s although the value does not fit" % (tag, n))
        elif experts:
            errors.append("item 0x%04x: unexpected attribute_value expert" % tag)
        if tag == 0xFF01:
            errors += ["item 0xff01: " + x for x in check_typed(exp, got, "PlainTextOnly", "Boolean")]
    msgs = [r for _, _, r in located(tshark_env, uat_options(rows)) if r.response]
    n = sum(r.experts.count("rescap.expert.attribute_value") for r in set(msgs))
    if n != 2:
        errors.append("response carries %d attribute_value experts, want 2" % n)
    assert not errors, "\n  - ".join([""] + errors)


def test_last_row_wins(tshark_env):
    """A tag given twice is mapped by its last row (as a user editing the table expects)."""
    rows = ['"0xff03","Wrong","Boolean"', '"0xff03","LineLength","Integer"']
    for exp, got, r in located(tshark_env, uat_options(rows)):
        if exp["tag"] == 0xFF03:
            assert check_typed(exp, got, "LineLength", "Integer") == []


@pytest.mark.parametrize("name", RT.manifest_names())
def test_no_attr_fields_without_table(tshark_env, name):
    cap = tshark_env.pdml(name)
    found = sorted({(p.num, n) for p in cap.packets for n in ATTR_FIELDS if p.fields(n)})
    assert not found, "%s: rescap.attr.* fields without an attribute table: %s" % (name, found[:10])


# doc/decoding.md "Typed profile attributes": only private-use tags (0xFE00-0xFFFF),
# hexadecimal; one of the six types; a name. Each bad row is refused with a
# message saying why.
@pytest.mark.parametrize("row, why", [
    ('"hello","X","Boolean"', "hexadecimal"),
    ('"0x0002","BaseURIAgain","Boolean"', "private-use"),
    ('"0xfdff","JustBelow","Boolean"', "private-use"),
    ('"0x1ff02","TooWide","Boolean"', "hexadecimal"),
    ('"0xff02","X","Float"', "one of: Boolean, Integer, String, List of strings, URI, Octets"),
    ('"0xff02","","Boolean"', "needs a name"),
])
def test_table_rejects_bad_rows(tshark_env, row, why):
    p = tshark_env.run("-r", tshark_env.capture(CAPTURE), "-c", "1", "-o", "uat:rescap_attributes:" + row)
    assert p.returncode != 0, "row %s was accepted" % row
    assert why in p.stderr, "row %s: stderr %r does not say %r" % (row, p.stderr[-500:], why)


def test_table_accepts_private_use_rows(tshark_env):
    for row in ('"0xfe00","First","Octets"', '"ffff","Last","URI"', '"0xFF02","Upper","List of strings"'):
        p = tshark_env.run("-r", tshark_env.capture(CAPTURE), "-c", "1", "-o", "uat:rescap_attributes:" + row)
        assert p.returncode == 0, "row %s refused: %s" % (row, p.stderr[-500:])
