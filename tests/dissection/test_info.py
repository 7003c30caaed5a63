# SPDX-License-Identifier: GPL-2.0-or-later
"""Info column: "Request <BaseURI>" for requests, "Response: 0x%04x <meaning>"
for responses, the meaning taken from the status table of the capture
generator (rescaptest.STATUS_MEANING, without its parenthesised draft
references), itself checked against doc/protocol.md ("Status codes")."""

import pytest

import rescaptest as RT

NAMES = [n for n in RT.manifest_names() if RT.rescap_message_indexes(RT.load_manifest(n))]


def test_status_table_matches_reference():
    """The generator's status table (what the Info checks below expect) has
    exactly the codes and meanings of the project's reference, doc/protocol.md."""
    rows = {int(code, 16): meaning for code, meaning, _draft in RT.reference_table("Status codes")}
    assert rows == RT.STATUS_MEANING


def expected_info(m):
    """(exact-or-prefix text, description) for a manifest message."""
    items = m.get("items")
    if m["role"] == "request":
        if items is None:
            return "Request", "Request"
        uris = [i["uri"] for i in items if i["tag"] == RT.BASE_URI and i["depth"] == 1 and i.get("uri")]
        if len(uris) == 1:
            return "Request " + uris[0], "Request <BaseURI>"
        return "Request", "Request"
    status = None
    for i in items or []:
        if i["tag"] == RT.STATUS and i.get("status") is not None:
            status = i["status"]
            break
    if status is None:
        return "Response", "Response"
    if status in RT.STATUS_MEANING:
        return "Response: 0x%04x %s" % (status, RT.STATUS_MEANING[status]), "Response: 0x%04x <meaning>"
    return "Response: 0x%04x" % status, "Response: 0x%04x (not in the spec table)"


@pytest.mark.parametrize("name", NAMES)
def test_info_column(tshark_env, name):
    man = RT.load_manifest(name)
    cap = tshark_env.pdml(name)
    loc = RT.locate_messages(man, cap)
    info = tshark_env.info_column(name)
    frames = RT.expected_frames(man, cap)
    per_frame = {}
    for i in RT.rescap_message_indexes(man):
        if frames[i] and frames[i]["last"]:
            per_frame.setdefault(frames[i]["last"], []).append(i)
    errors = []
    for i in RT.rescap_message_indexes(man):
        m = man["messages"][i]
        if not frames[i] or frames[i]["last"] is None:
            errors.append("message #%d: frame not found" % i)
            continue
        f = frames[i]["last"]
        if len(per_frame[f]) != 1:
            continue    # several messages in one frame: Info is a concatenation
        want, what = expected_info(m)
        got = info.get(f, "")
        # requests: exactly "Request <BaseURI>", optionally followed by a
        # space-separated annotation; responses: prefix, then end or a space/comma
        ok = got == want or (got.startswith(want) and got[len(want)] in " ,:")
        if not ok:
            errors.append("frame %d (%s): Info %r, want %r (%s)" % (f, m["role"], got, want, what))
    assert not errors, name + ":\n  - " + "\n  - ".join(errors)
