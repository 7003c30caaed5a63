# SPDX-License-Identifier: GPL-2.0-or-later
"""Every capture decodes cleanly (exit 0, no dissector bug, no exception
raised inside rescap/decap) in one-pass, -V and -2 -V modes; the field
glossary has every field the tests rely on and every expert a manifest names."""
import re

import pytest

import rescaptest as RT

PCAPS = sorted(p.stem for p in RT.CAPTURES.glob("*.pcap"))
MODES = {"plain": [], "V": ["-V"], "2V": ["-2", "-V"]}

# Field name -> required type (None: any type), from the brief's field list.
FIELDS = {
    "rescap": None,
    "rescap.response": "FT_BOOLEAN",
    "rescap.form": None,
    "rescap.response_in": "FT_FRAMENUM",
    "rescap.response_to": "FT_FRAMENUM",
    "rescap.time": "FT_RELATIVE_TIME",
    "rescap.item": None,
    "rescap.item.tag": "FT_UINT16",
    "rescap.item.continuation": None,
    "rescap.item.length": None,
    "rescap.fragment.count": None,
    "rescap.fragments": None,
    "rescap.fragment": None,
    "rescap.reassembled_length": None,
    "rescap.base_uri": "FT_STRING",
    "rescap.referral": "FT_STRING",
    "rescap.items_to_return": "FT_UINT16",
    "rescap.status.code": "FT_UINT16",
    "rescap.status.main": None,
    "rescap.status.secondary": None,
    "rescap.status.text": "FT_STRING",
    "rescap.ttl": "FT_UINT32",
    "rescap.expiration": "FT_ABSOLUTE_TIME",
    "rescap.date_of_change": "FT_ABSOLUTE_TIME",
    "rescap.auth_in_the_clear": "FT_BYTES",
    "rescap.auth_digest": "FT_BYTES",
    "rescap.auth_public_key": "FT_BYTES",
    "rescap.encrypted_blob": "FT_BYTES",
    "rescap.key_encryption_key": "FT_BYTES",
    "rescap.nonce": "FT_BYTES",
    "rescap.key_id": "FT_BYTES",
    "rescap.signature_value": "FT_BYTES",
    "rescap.signature": "FT_BYTES",
    "rescap.private_request": "FT_BYTES",
    "rescap.private_response": "FT_BYTES",
    "rescap.unknown": "FT_BYTES",
    "rescap.count": None,
    "rescap.ignored": None,
    "rescap.identified": "FT_STRING",
    "rescap.embedded": None,          # used by test_manifests for Referral URLs
    "rescap.expert.not_rescap": None,
}

FRAME_RE = re.compile(r"^Frame (\d+): ", re.M)
OUR_PROTOS = ("Resource Capabilities Discovery", "decap (IANA port 403")


def problems_in_text(out):
    """Dissector bugs and exceptions inside rescap/decap in tshark -V text."""
    bad = []
    starts = [(m.start(), int(m.group(1))) for m in FRAME_RE.finditer(out)] or [(0, 0)]
    for k, (pos, num) in enumerate(starts):
        text = out[pos:starts[k + 1][0] if k + 1 < len(starts) else len(out)]
        ours = any(p in text for p in OUR_PROTOS)
        for line in text.splitlines():
            if "Dissector bug" in line:
                bad.append("frame %d: %s" % (num, line.strip()))
            elif re.search(r"Malformed Packet: (RESCAP|DECAP|rescap|decap)", line):
                bad.append("frame %d: %s" % (num, line.strip()))
            elif ours and "Exception occurred" in line:
                bad.append("frame %d: %s" % (num, line.strip()))
    return bad


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("name", PCAPS)
def test_decodes_cleanly(tshark_env, name, mode):
    p = tshark_env.run("-r", tshark_env.capture(name), *MODES[mode])
    assert p.returncode == 0, "exit %d: %s" % (p.returncode, p.stderr[-2000:])
    RT.check_stderr(p.stderr, ("-r", name) + tuple(MODES[mode]))
    assert p.stdout.strip(), "no output"
    bad = problems_in_text(p.stdout)
    assert not bad, "\n".join(bad[:20])


@pytest.mark.parametrize("name", PCAPS)
def test_pdml_has_no_rescap_exception(tshark_env, name):
    cap = tshark_env.pdml(name)          # raises on any dissector bug
    bad = cap.rescap_exceptions()
    assert not bad, "\n".join(bad[:20])


@pytest.fixture(scope="module")
def glossary(tshark_env):
    out = tshark_env("-G", "fields")
    fields = {}
    for line in out.splitlines():
        cols = line.split("\t")
        if cols[0] == "F" and len(cols) >= 4:
            fields[cols[2]] = cols[3]
        elif cols[0] == "P" and len(cols) >= 3:
            fields[cols[2]] = "protocol"
    return fields


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_field_registered(glossary, field):
    assert field in glossary, "%s missing from tshark -G fields" % field
    want = FIELDS[field]
    if want:
        assert glossary[field] == want, "%s is %s, want %s" % (field, glossary[field], want)


def manifest_experts():
    out = set()
    for n in RT.manifest_names():
        for m in RT.load_manifest(n)["messages"]:
            out.update(m.get("experts") or [])
            if m.get("expected_expert"):
                out.add(m["expected_expert"])
    return sorted(out)


@pytest.mark.parametrize("expert", manifest_experts())
def test_manifest_expert_registered(glossary, expert):
    assert expert in glossary, "%s (named in a manifest) missing from tshark -G fields" % expert
