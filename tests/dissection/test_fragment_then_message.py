"""Issue 12, defect 5: a fragmented item followed by a FullRequest item. The
fragment's message gets fragment_mismatch; the FullRequest starts the next
message, which decodes (UDP: same datagram; TCP: same segment)."""
import pytest

import rescaptest as RT

REGRESSIONS = RT.REPO / "tests" / "fuzz" / "regressions"
# Both inputs hold: FullRequest count 1, BaseURI "abc" with the continuation
# marker, then FullRequest count 1, BaseURI "xyz" (26 octets, one frame).


@pytest.mark.parametrize("name", ["udp-fragment-then-next-message", "tcp-fragment-then-next-message"])
def test_fragment_mismatch_then_next_message(tshark_env, name):
    capture = REGRESSIONS / (name + ".pcap")
    capture.chmod(0o644)
    for passes in ((), ("-2",)):
        p = tshark_env.run("-nr", str(capture), *passes, "-T", "fields", "-E", "occurrence=a", "-E", "separator=|",
                           "-e", "rescap.base_uri", "-e", "rescap.expert.fragment_mismatch", "-e", "_ws.expert.message")
        assert p.returncode == 0, p.stderr
        rows = [l.split("|") for l in p.stdout.splitlines() if l.strip()]
        assert len(rows) == 1
        uris, mismatch, experts = rows[0]
        assert uris.split(",") == ["abc", "xyz"], rows
        assert mismatch != "", "no fragment_mismatch: %s" % rows
        # (_ws.malformed is no sign: our own malformed-group experts add it too)
        assert "Exception occurred" not in experts, "exception in rescap: %s" % rows
