# SPDX-License-Identifier: GPL-2.0-or-later
"""What an analyst reads (doc/decoding.md), checked against what the
capture generator sent (the manifests) and the spec's item registry:

- every tag shows its registry name AND its number ("PrivUseResponse04 (0xff04)"),
  in the item's Tag field and in ItemsToReturn's list;
- opaque content that is printable UTF-8 (a vCard, a profile string) gets a
  text preview (rescap.text and the item line), other content none;
- KeyIDs show their 8 octets in hex in the item line;
- SignatureControlInfo's line gives the length its Length field says;
- the draft generation is said once, in the container's line (no visible
  rescap.form field);
- Info carries "[Malformed]" exactly for messages with an error-severity
  finding (doc/fields.md expert table);
- decap: "none" inner packets are not shown, counters say they count payload
  packets, and singular/plural agree.
"""
import re

import pytest

import rescaptest as RT
from test_stats import tag_name as registry_name


def tag_name(tag):
    """The spec's registry name; README: tags outside the registry show as "Unknown"."""
    return registry_name(tag) or "Unknown"

NAMES = RT.manifest_names()
# doc/fields.md, rescap expert table: the error-severity findings.
ERRORS = {"rescap.expert." + n for n in (
    "truncated", "fragment_mismatch", "fragment_unterminated", "count_short", "bad_container_length",
    "content_short", "items_to_return_odd", "too_deep")}


def printable(octets):
    try:
        text = octets.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text or any((ord(c) < 0x20 and c not in "\t\r\n") or ord(c) == 0x7F for c in text):
        return None
    return text


def located_items(tshark_env, name, *extra):
    man = RT.load_manifest(name)
    cap = tshark_env.pdml(name, *extra)
    out = []
    for i, (r, frame, why) in RT.locate_messages(man, cap).items():
        assert r is not None, why
        out += [(it, g, frame) for it, g in zip(man["messages"][i].get("items") or [], r.items)]
    return out


def visible(elem):
    return elem.get("hide") != "yes"


@pytest.mark.parametrize("name", NAMES)
def test_tags_keep_their_number(tshark_env, name):
    errors = []
    for exp, got, frame in located_items(tshark_env, name):
        tag = RT.first(got.elem, "rescap.item.tag")
        want = "Tag: %s (0x%04x)" % (tag_name(exp["tag"]), exp["tag"])
        if tag is None or tag.get("showname") != want:
            errors.append("frame %d: %r, want %r" % (frame, None if tag is None else tag.get("showname"), want))
        if exp.get("tags") is not None:
            shown = [e.get("showname") for e in got.own_fields("rescap.items_to_return")]
            want_list = ["ItemsToReturn: %s (0x%04x)" % (tag_name(t), t) for t in exp["tags"]]
            if shown != want_list:
                errors.append("frame %d: ItemsToReturn %s, want %s" % (frame, shown, want_list))
    assert not errors, "\n".join(errors[:20])


@pytest.mark.parametrize("name", NAMES)
def test_text_preview_exactly_for_printable_content(tshark_env, name):
    errors = []
    checked = 0
    for exp, got, frame in located_items(tshark_env, name):
        if "content_hex" not in exp or exp["tag"] < 0xFE00:
            continue
        checked += 1
        text = printable(bytes.fromhex(exp["content_hex"]))
        field = got.own_field("rescap.text")
        line = got.elem.get("showname") or ""
        if text is None:
            if field is not None:
                errors.append("frame %d 0x%04x: a text preview of non-text octets" % (frame, exp["tag"]))
            continue
        if field is None or field.get("value") != exp["content_hex"]:
            errors.append("frame %d 0x%04x: no rescap.text over the content" % (frame, exp["tag"]))
        first_words = text.split("\r")[0].split("\n")[0][:20]
        if '"' + first_words not in line:
            errors.append("frame %d 0x%04x: line %r does not preview %r" % (frame, exp["tag"], line, first_words))
    assert not errors, "\n".join(errors[:20])


def test_private_use_has_a_vcard_preview(tshark_env):
    """The capture's vCard (PrivUseResponse04) is text: the preview test above must bite on it."""
    items = located_items(tshark_env, "private_use")
    vcard = [g for e, g, f in items if e.get("content_hex", "").startswith("424547494e3a5643415244")]
    assert vcard and vcard[0].own_field("rescap.text") is not None
    assert '"BEGIN:VCARD' in vcard[0].elem.get("showname")


def test_key_ids_and_signature_lines(tshark_env):
    errors = []
    keys = sigs = 0
    for exp, got, frame in located_items(tshark_env, "nested_1999"):
        line = got.elem.get("showname") or ""
        if exp["tag"] == 0x001A and exp["length"] == 8:
            keys += 1
            if line != "KeyID: " + exp["content_hex"]:
                errors.append("frame %d: %r, want the KeyID in hex" % (frame, line))
        if exp["tag"] == 0x0010:
            sigs += 1
            if not line.startswith("SignatureControlInfo: %d octets" % exp["length"]):
                errors.append("frame %d: %r, want the Length field's %d octets" % (frame, line, exp["length"]))
    assert keys and sigs and not errors, "\n".join(errors)


@pytest.mark.parametrize("name", ["udp_basic", "nested_1999", "ttl_expiration"])
def test_form_said_once(tshark_env, name):
    errors = []
    for exp, got, frame in located_items(tshark_env, name):
        shown = [f for f in got.direct if f.get("name") == "rescap.form" and visible(f)]
        if shown:
            errors.append("frame %d: a visible rescap.form field under %s" % (frame, got.describe()))
        line = got.elem.get("showname") or ""
        if "count" in exp and "[count form, %d item" % exp["count"] not in line:
            errors.append("frame %d: %r does not say the count form" % (frame, line))
    cap = tshark_env.pdml(name)
    for p in cap.packets:
        for r in p.rescap:
            e = r.direct("rescap.form")
            if e is not None and visible(e):
                errors.append("frame %d: message-level rescap.form is shown" % p.num)
    assert not errors, "\n".join(errors[:20])


@pytest.mark.parametrize("name", ["malformed_structure", "malformed_rules", "udp_basic", "nested_1999"])
def test_info_marks_malformed_messages(tshark_env, name):
    man = RT.load_manifest(name)
    cap = tshark_env.pdml(name)
    frames = RT.expected_frames(man, cap)
    info = tshark_env.info_column(name)
    per_frame = {}
    for i in RT.rescap_message_indexes(man):
        per_frame.setdefault(frames[i]["last"], []).append(man["messages"][i])
    marked = 0
    errors = []
    for frame, msgs in per_frame.items():
        want = any(ERRORS & set(m["experts"]) for m in msgs)
        got = "[Malformed]" in info.get(frame, "")
        marked += got
        if got != want:
            errors.append("frame %d: Info %r, [Malformed] wanted: %s" % (frame, info.get(frame), want))
    assert not errors, "\n".join(errors)
    if name == "malformed_structure":
        assert marked >= 7, "the manifest has 7 malformed messages"


def test_decap_labels(tshark_env):
    errors = []
    text = tshark_env("-r", tshark_env.capture("decap_random"), "-2", "-O", "decap")
    if re.search(r"\b1 payload packets\b|\b1 packets\b", text):
        errors.append("'1 packets' in the decap tree")
    if "Inner packet: none" in text:
        errors.append("'Inner packet: none' is shown")
    if "Group: Sequence" in text:
        errors.append("a decap note in expert group Sequence")
    for label in ("Payload packets client to server", "Payload octets client to server"):
        if label not in text:
            errors.append("no %r counter" % label)
    assert not errors, errors


COLOR_RULE = re.compile(r"^@([^@]+)@([^@]+)@\[(\d+),(\d+),(\d+)\]\[(\d+),(\d+),(\d+)\]$")


def colour_rules():
    rules = {}
    for line in (RT.REPO / "doc" / "rescap.colorfilters").read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        m = COLOR_RULE.match(line)
        assert m, "not a Wireshark colorfilters line: %r" % line
        assert all(int(c) <= 65535 for c in m.groups()[2:])
        rules[m.group(1)] = m.group(2)
    return rules


@pytest.mark.parametrize("rule, name, want", [
    # malformed frames: those whose manifest messages carry an error-severity finding
    ("RESCAP malformed", "malformed_structure", "errors"),
    ("RESCAP malformed", "udp_basic", "errors"),
    ("RESCAP port, not rescap", "not_rescap_283", "not_rescap"),
    ("RESCAP port, not rescap", "udp_basic", "not_rescap"),
    ("DECAP (port 403)", "decap_random", "decap"),
])
def test_colour_rules_match_what_they_name(tshark_env, rule, name, want):
    """doc/rescap.colorfilters (README "Colouring rules"): each filter is
    valid and picks exactly the frames the manifest says."""
    man = RT.load_manifest(name)
    flt = colour_rules()[rule]
    out = tshark_env("-r", tshark_env.capture(name), "-2", "-Y", flt, "-T", "fields", "-e", "frame.number")
    got = {int(x) for x in out.split()}
    cap = tshark_env.pdml(name)
    if want == "errors":
        frames = RT.expected_frames(man, cap)
        expected = {frames[i]["last"] for i in RT.rescap_message_indexes(man)
                    if ERRORS & set(man["messages"][i]["experts"])}
    elif want == "not_rescap":
        # every payload on 283 in a capture whose manifest holds only non-rescap payloads
        only_other = all(m.get("proto") == "not_rescap" for m in man["messages"])
        expected = {p.num for p in cap.packets if p.payload_len > 0 and 283 in (p.sport, p.dport)} if only_other \
            else set()
    else:
        expected = {p.num for p in cap.packets if p.payload_len > 0 and 403 in (p.sport, p.dport)}
    assert got == expected, "%s on %s: frames %s, want %s" % (rule, name, sorted(got), sorted(expected))
