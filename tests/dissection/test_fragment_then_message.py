# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 12, defect 5: a fragmented item followed by a FullRequest item. On UDP the
parser sees both in one datagram: the fragment's message gets
fragment_mismatch. On TCP rescap's framing ends the first message at the next
FullRequest header (doc/decisions.md decision 20), so the first message ends on its
continuation marker: fragment_unterminated. Either way the FullRequest starts
the next message, which decodes, with no exception."""
import pytest

import rescaptest as RT

REGRESSIONS = RT.REPO / "tests" / "fuzz" / "regressions"
# Both inputs hold: FullRequest count 1, BaseURI "abc" with the continuation
# marker, then FullRequest count 1, BaseURI "xyz" (26 octets, one frame).


@pytest.mark.parametrize("name, finding", [("udp-fragment-then-next-message", "fragment_mismatch"),
                                           ("tcp-fragment-then-next-message", "fragment_unterminated")])
def test_fragment_finding_then_next_message(tshark_env, name, finding):
    capture = REGRESSIONS / (name + ".pcap")
    capture.chmod(0o644)
    for passes in ((), ("-2",)):
        p = tshark_env.run("-nr", str(capture), *passes, "-T", "fields", "-E", "occurrence=a", "-E", "separator=|",
                           "-e", "rescap.base_uri", "-e", "rescap.expert." + finding, "-e", "_ws.expert.message")
        assert p.returncode == 0, p.stderr
        rows = [l.split("|") for l in p.stdout.splitlines() if l.strip()]
        assert len(rows) == 1
        uris, found, experts = rows[0]
        assert uris.split(",") == ["abc", "xyz"], rows
        assert found != "", "no %s: %s" % (finding, rows)
        # (_ws.malformed is no sign: our own malformed-group experts add it too)
        assert "Exception occurred" not in experts, "exception in rescap: %s" % rows
