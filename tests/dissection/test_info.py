"""Info column: "Request <BaseURI>" for requests, "Response: 0x%04x <meaning>"
for responses, the meaning taken from the spec's status table (hard-coded in
rescaptest.STATUS_MEANING, copied from rescap-wire-format.md without the
parenthesised draft references)."""
import re

import pytest

import rescaptest as RT

NAMES = [n for n in RT.manifest_names() if RT.rescap_message_indexes(RT.load_manifest(n))]


def test_status_table_complete():
    """The hard-coded table has exactly the codes of the spec's status table."""
    spec = RT.REPO.parent / "shared" / "spec" / "rescap-wire-format.md"
    if not spec.exists():
        pytest.skip("spec file not found at %s" % spec)
    text = spec.read_text()
    section = text[text.index("## Status codes"):]
    section = section[:section.index("\n## ", 1)] if "\n## " in section[1:] else section
    rows = re.findall(r"^\| (0x[0-9A-Fa-f]{4}) \| (.*) \|$", section, re.M)
    assert {int(c, 16) for c, _ in rows} == set(RT.STATUS_MEANING)
    for c, meaning in rows:
        assert meaning.startswith(RT.STATUS_MEANING[int(c, 16)]), (c, meaning)


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
