"""Issue 18/20: what the first pass found on a ghost port is shown on every
payload frame in every pass, and wire text is escaped before it reaches a
field.

- An HTTP request with `Authorization: Basic` on 283/403 whose body never
  completes (Content-Length larger than what is sent, over three segments):
  TCP keeps the segments in an unfinished reassembly, and with -2 never
  calls the port's dissector for them. Every payload frame the port's
  dissector was given on the first pass (the request line, then the
  headers) must carry the port's layer in every pass, and the login must be
  flagged in -2 as in one pass. (The body segment after the headers is
  withheld by TCP already on the first pass: the plugin never sees it.)
- A fake SSH banner whose version carries ESC sequences and CR: the product
  and version fields hold no control character.
"""
import base64

import pytest

import ghostsynth as GS
import rescaptest as RT

USER, PASSWORD = "alice", "s3cret"


def unfinished_basic_auth(port):
    c = GS.Conversation(41000, port)
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    head = (f"POST /upload HTTP/1.1\r\nHost: example\r\nAuthorization: Basic {token}\r\n"
            "Content-Length: 100000\r\n\r\n").encode()
    cut = head.index(b"\r\n") + 10  # the request line whole (HTTP is named), the headers not
    c.send("c2s", head[:cut]).send("c2s", head[cut:]).send("c2s", b"x" * 300)
    return c


def header_frames(packets):
    """The frames holding the request line and the headers (not the body)."""
    return [i + 1 for i, p in enumerate(packets) if p.haslayer(GS.Raw)][:2]


@pytest.fixture(scope="module")
def captures(tshark_env):
    d = tshark_env.tmp / "every_pass"
    d.mkdir(exist_ok=True)
    d.chmod(0o755)
    out = {}
    for port, layer in ((283, "rescap"), (403, "decap")):
        c = unfinished_basic_auth(port)
        path = d / f"unfinished_{port}.pcap"
        GS.write(path, c.packets)
        out[layer] = (str(path), header_frames(c.packets))
    return out


def layers_and_users(tshark_env, path, layer, *extra):
    """{frame: (has the layer, [exposure users])} from -T fields."""
    text = tshark_env("-r", path, *extra, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=|",
                      "-e", "frame.number", "-e", layer, "-e", f"{layer}.exposure.user")
    rows = {}
    for line in text.splitlines():
        number, present, users = (line.split("\t") + ["", ""])[:3]
        rows[int(number)] = (present != "", [u for u in users.split("|") if u])
    return rows


@pytest.mark.parametrize("layer", ["rescap", "decap"])
@pytest.mark.parametrize("passes", [(), ("-2",)], ids=["one pass", "two passes"])
def test_layer_and_login_on_every_frame_given_to_the_port(tshark_env, captures, layer, passes):
    path, frames = captures[layer]
    rows = layers_and_users(tshark_env, path, layer, *passes)
    for frame in frames:
        assert rows[frame][0], f"frame {frame} lost the {layer} layer ({' '.join(passes) or 'one pass'})"
    users = [u for frame in frames for u in rows[frame][1]]
    assert users == [USER], f"login flagged as {users} ({' '.join(passes) or 'one pass'})"


def test_wire_text_is_escaped(tshark_env):
    d = tshark_env.tmp / "every_pass"
    d.mkdir(exist_ok=True)
    c = GS.Conversation(41001, 283)
    c.send("s2c", b"SSH-2.0-OpenSSH_9.2p1\x1b[2J\x1b[31m PWNED\rDebian-2\r\n")
    c.send("c2s", b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")
    path = d / "ssh_escape.pcap"
    GS.write(path, c.packets)
    text = tshark_env("-r", str(path), "-2", "-T", "fields", "-e", "rescap.service.product",
                      "-e", "rescap.service.version", "-e", "rescap.service.protocol")
    assert "SSH" in text
    for ch in text:
        assert ch in "\t\n" or 0x20 <= ord(ch) < 0x7f, f"control character {ord(ch):#x} reached a field"
