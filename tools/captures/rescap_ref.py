#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""rescap_ref - small, independent reference implementation of the rescap wire format.

Written from the protocol reference (doc/protocol.md) only (standard library,
Python 3.11).  It provides

  * an item model + encoder for both container generations
      - 2000 "count form": container content = [prefix] + 2-octet count, the
        counted items follow on the wire (preorder)
      - 1999 "nested form": container content = [prefix] + children
  * fragmentation with the continuation marker (automatic above 0x7FFF octets,
    or on request with explicit fragment sizes)
  * deliberately broken output (raw headers, wrong counts, continuation on the
    last item, ...)
  * a manifest describer (preorder list of logical items with typed values)
  * an independent checker ``check_message`` that decodes bytes and lists the
    expert infos a correct dissector should raise (used by the generator only
    as a cross-check of the hand-written expectations)
  * ``message_length`` for TCP framing (count tree aware)
  * a tiny UDP/TCP client and server (``query`` / ``serve`` sub-commands)

Nothing here was derived from the dissector plugin.
"""
import base64
import binascii
import datetime
import hashlib
import socket
import struct
import sys

# --------------------------------------------------------------------------
# registry
# --------------------------------------------------------------------------
REQ, RESP, DATA = "req", "resp", "data"
REGISTRY = {
    0x0001: ("FullRequest", REQ), 0x0002: ("BaseURI", REQ),
    0x0003: ("ItemsToReturn", REQ), 0x0004: ("AuthInfo", REQ),
    0x0005: ("AuthInTheClear", REQ), 0x0006: ("AuthDigest", REQ),
    0x0007: ("AuthPublicKey", REQ), 0x0008: ("AuthIP", REQ),
    0x0009: ("SigningPrefs", REQ), 0x000A: ("EncryptingPrefs", REQ),
    0x000B: ("SignedRequest", REQ), 0x000C: ("FullResponse", RESP),
    0x000D: ("Status", RESP), 0x000E: ("Referral", RESP),
    0x000F: ("SignedResponse", RESP), 0x0010: ("SignatureControlInfo", RESP),
    0x0011: ("DefaultKeyID", RESP), 0x0012: ("NonceReply", RESP),
    0x0013: ("EncryptedResponse", RESP), 0x0014: ("EncryptionControlInfo", RESP),
    0x0015: ("EncryptedBlob", RESP), 0x0016: ("KeyEncryptionKey", RESP),
    0x0017: ("TTLOfInfo", RESP), 0x0018: ("ExpirationOfInfo", RESP),
    0x0019: ("Nonce", DATA), 0x001A: ("KeyID", DATA),
    0x001B: ("SignatureValue", DATA), 0x001C: ("DateOfChange", RESP),
}
FULL_REQUEST, BASE_URI, ITEMS_TO_RETURN, AUTH_INFO = 0x01, 0x02, 0x03, 0x04
AUTH_IN_THE_CLEAR, AUTH_DIGEST, AUTH_PUBLIC_KEY, AUTH_IP = 0x05, 0x06, 0x07, 0x08
SIGNING_PREFS, ENCRYPTING_PREFS, SIGNED_REQUEST = 0x09, 0x0A, 0x0B
FULL_RESPONSE, STATUS, REFERRAL, SIGNED_RESPONSE = 0x0C, 0x0D, 0x0E, 0x0F
SIGNATURE_CONTROL_INFO, DEFAULT_KEY_ID, NONCE_REPLY = 0x10, 0x11, 0x12
ENCRYPTED_RESPONSE, ENCRYPTION_CONTROL_INFO, ENCRYPTED_BLOB = 0x13, 0x14, 0x15
KEY_ENCRYPTION_KEY, TTL_OF_INFO, EXPIRATION_OF_INFO = 0x16, 0x17, 0x18
NONCE, KEY_ID, SIGNATURE_VALUE, DATE_OF_CHANGE = 0x19, 0x1A, 0x1B, 0x1C

# 1999 items whose content is a plain sequence of items
NESTED_ONLY = {AUTH_INFO, SIGNING_PREFS, ENCRYPTING_PREFS, SIGNED_REQUEST,
               SIGNED_RESPONSE, DEFAULT_KEY_ID, NONCE_REPLY, ENCRYPTED_RESPONSE,
               ENCRYPTION_CONTROL_INFO}
# containers with two generations: tag -> prefix length
DUAL = {FULL_REQUEST: 0, FULL_RESPONSE: 0, TTL_OF_INFO: 4,
        EXPIRATION_OF_INFO: 14, DATE_OF_CHANGE: 14}
OPAQUE = {AUTH_IN_THE_CLEAR, NONCE, KEY_ID, SIGNATURE_VALUE, ENCRYPTED_BLOB,
          KEY_ENCRYPTION_KEY, AUTH_DIGEST, AUTH_PUBLIC_KEY}
STATUS_CODES = {
    0x0000: "request fully processable",
    0x0001: "authorized through AuthInTheClear",
    0x0002: "authorized through AuthDigest",
    0x0003: "authorized through AuthPublicKey",
    0x0004: "authorized through AuthIP",
    0x0005: "no valid KeyID in SigningPrefs",
    0x0006: "no valid KeyID in SignedRequest",
    0x0007: "SignedRequest content did not validate",
    0x0100: "too busy, retry whenever",
    0x0101: "too busy, retry after 10 s",
    0x0102: "too busy, retry after 60 s",
    0x0103: "too busy, the Referral leads to another authoritative server",
    0x0200: "request body longer than its length said",
    0x0201: "request body shorter than its length said",
    0x0202: "request held items that are not request-type",
    0x0203: "request held more than one BaseURI",
    0x0204: "not authoritative, no referral available",
    0x0205: "not authoritative, the Referral names the authoritative server",
    0x0206: "no valid KeyID in EncryptingPrefs",
    0x0300: "authorized through AuthInTheClear (2000)",
    0x0301: "authorized through AuthIP (2000)",
    0x0302: "some requested items withheld for lack of authorization",
}
CONT = 0x8000
MAXLEN = 0x7FFF


def item_type(tag):
    if tag in REGISTRY:
        return REGISTRY[tag][1]
    if 0xFE00 <= tag <= 0xFEFF:
        return REQ
    if 0xFF00 <= tag <= 0xFFFF:
        return RESP
    return None


def tag_name(tag):
    if tag in REGISTRY:
        return REGISTRY[tag][0]
    if 0xFE00 <= tag <= 0xFEFF:
        return "PrivUseRequest%02X" % (tag & 0xFF)
    if 0xFF00 <= tag <= 0xFFFF:
        return "PrivUseResponse%02X" % (tag & 0xFF)
    return "Unknown(0x%04X)" % tag


# --------------------------------------------------------------------------
# encoding
# --------------------------------------------------------------------------
def header(tag, length, cont=False):
    """Raw 4-octet item header; ``length`` is not checked (for broken output)."""
    return struct.pack("!HH", tag, (length & MAXLEN) | (CONT if cont else 0))


def emit(tag, content, frags=None, cont_last=False):
    """Encode one logical item, fragmenting when needed or requested.

    frags: None (automatic, 0x7FFF octet pieces), an int n (n nearly equal
    pieces) or a list of piece sizes summing to len(content).
    cont_last: set the continuation marker on the last fragment too (broken).
    """
    n = len(content)
    if frags is None:
        sizes = []
        rest = n
        while rest > MAXLEN:
            sizes.append(MAXLEN)
            rest -= MAXLEN
        sizes.append(rest)
    elif isinstance(frags, int):
        base, extra = divmod(n, frags)
        sizes = [base + (1 if i < extra else 0) for i in range(frags)]
    else:
        sizes = list(frags)
    if sum(sizes) != n or any(s > MAXLEN for s in sizes):
        raise ValueError("bad fragment sizes %r for %d octets" % (sizes, n))
    out = bytearray()
    pos = 0
    for i, s in enumerate(sizes):
        last = i == len(sizes) - 1
        out += header(tag, s, cont=(not last) or cont_last)
        out += content[pos:pos + s]
        pos += s
    return bytes(out)


class Item:
    """A logical item.

    tag, content (leaf) or children (container); form 'count' or 'nested' for
    the dual-generation containers (FullRequest/FullResponse/TTLOfInfo/
    ExpirationOfInfo/DateOfChange); prefix = TTL/timestamp octets; count =
    override of the announced count (broken output); frags = fragmentation
    request (see emit); raw_len = override of the length field for a single
    unfragmented item (broken output); cont_last = continuation marker on the
    last fragment (broken output); extra = typed values for the manifest that
    cannot be derived (e.g. embedded_request).
    """

    def __init__(self, tag, content=b"", children=None, form=None, prefix=b"",
                 count=None, frags=None, cont_last=False, extra=None, tail=b""):
        self.tag = tag
        self.content = bytes(content)
        self.children = list(children) if children is not None else None
        self.form = form
        self.prefix = bytes(prefix)
        self.count = count
        self.frags = frags
        self.cont_last = cont_last
        self.extra = dict(extra or {})
        self.tail = bytes(tail)      # raw octets after nested children (SignatureControlInfo)

    # content of this item as it goes into its own header(s)
    def own_content(self):
        if self.children is None:
            return self.content
        if self.form == "count":
            n = len(self.children) if self.count is None else self.count
            return self.prefix + struct.pack("!H", n)
        return self.prefix + b"".join(c.encode() for c in self.children) + self.tail

    def encode(self):
        out = emit(self.tag, self.own_content(), self.frags, self.cont_last)
        if self.children is not None and self.form == "count":
            out += b"".join(c.encode() for c in self.children)
        return out

    def nfrags(self):
        if self.frags is None:
            n = len(self.own_content())
            return max(1, -(-n // MAXLEN))
        if isinstance(self.frags, int):
            return self.frags
        return len(self.frags)

    # ---- manifest description -----------------------------------------
    def describe(self, depth=0, out=None):
        if out is None:
            out = []
        c = self.own_content()
        d = {"tag": self.tag, "depth": depth, "length": len(c),
             "fragments": self.nfrags()}
        t = self.tag
        if self.children is not None and self.form == "count":
            d["count"] = len(self.children) if self.count is None else self.count
        if t in (BASE_URI, REFERRAL):
            try:
                d["uri"] = c.decode("utf-8")
            except UnicodeDecodeError:
                d["uri"] = None
                d["uri_hex"] = c.hex()
        elif t == ITEMS_TO_RETURN:
            if len(c) % 2 == 0:
                d["tags"] = [struct.unpack_from("!H", c, i)[0] for i in range(0, len(c), 2)]
            else:
                d["tags"] = None
                d["content_hex"] = c.hex()
        elif t == STATUS:
            if len(c) >= 2:
                d["status"] = struct.unpack_from("!H", c)[0]
                txt = c[2:]
                if not txt:
                    d["text"] = None
                else:
                    try:
                        d["text"] = txt.decode("utf-8")
                    except UnicodeDecodeError:
                        d["text"] = None
                        d["text_hex"] = txt.hex()
            else:
                d["status"] = None
                d["text"] = None
                d["content_hex"] = c.hex()
        elif t == TTL_OF_INFO and len(c) >= 4:
            d["ttl"] = struct.unpack_from("!I", c)[0]
        elif t in (EXPIRATION_OF_INFO, DATE_OF_CHANGE) and len(c) >= 14:
            d["timestamp"] = c[:14].decode("latin-1")
        elif t == SIGNATURE_CONTROL_INFO:
            d["signature_hex"] = self.tail.hex() if self.children is not None else c.hex()
        elif (t in OPAQUE or item_type(t) is None or 0xFE00 <= t <= 0xFFFF
              or (t == AUTH_IP and c)):
            if len(c) > 64:
                d["content_sha256"] = hashlib.sha256(c).hexdigest()
            else:
                d["content_hex"] = c.hex()
        elif self.children is None and t not in (AUTH_IP,) and c:
            # leaf we have no typed view for (e.g. a container sent with a bad length)
            d["content_hex"] = c.hex()
        d.update(self.extra)
        out.append(d)
        for ch in self.children or []:
            ch.describe(depth + 1, out)
        return out


# convenience constructors ---------------------------------------------------
def full_request(children, form="count", **kw):
    return Item(FULL_REQUEST, children=children, form=form, **kw)


def full_response(children, form="count", **kw):
    return Item(FULL_RESPONSE, children=children, form=form, **kw)


def base_uri(uri, **kw):
    return Item(BASE_URI, uri.encode() if isinstance(uri, str) else uri, **kw)


def referral(uri, **kw):
    return Item(REFERRAL, uri.encode() if isinstance(uri, str) else uri, **kw)


def items_to_return(tags, **kw):
    return Item(ITEMS_TO_RETURN, b"".join(struct.pack("!H", t) for t in tags), **kw)


def status(code, text=None, **kw):
    if isinstance(text, str):
        text = text.encode("utf-8")
    return Item(STATUS, struct.pack("!H", code) + (text or b""), **kw)


def ttl_of_info(seconds, children, form="count", **kw):
    return Item(TTL_OF_INFO, children=children, form=form,
                prefix=struct.pack("!I", seconds), **kw)


def expiration_of_info(ts, children, form="count", **kw):
    return Item(EXPIRATION_OF_INFO, children=children, form=form, prefix=ts.encode(), **kw)


def date_of_change(ts, children, form="count", **kw):
    return Item(DATE_OF_CHANGE, children=children, form=form, prefix=ts.encode(), **kw)


def nested(tag, children, **kw):
    return Item(tag, children=children, form="nested", **kw)


def leaf(tag, content=b"", **kw):
    return Item(tag, content, **kw)


def key_id(material):
    """KeyID = first 8 octets of SHA-1 over key || algorithm id."""
    return Item(KEY_ID, hashlib.sha1(material).digest()[:8])


def signature_control_info(kid, signature):
    return Item(SIGNATURE_CONTROL_INFO, children=[kid] if kid else [], form="nested",
                tail=signature)


def request_for(uri, tags=None, form="count"):
    ch = [base_uri(uri)]
    if tags is not None:
        ch.append(items_to_return(tags))
    return full_request(ch, form=form)


# --------------------------------------------------------------------------
# decoding / checking (independent cross-check of expected experts)
# --------------------------------------------------------------------------
class Node:
    def __init__(self, tag, content, frags):
        self.tag, self.content, self.frags = tag, content, frags
        self.children = []
        self.count = None      # announced count (count form)
        self.kind = None       # 'count' / 'nested' / None


def tokenize(buf, experts):
    """Split buf into logical items (fragments merged)."""
    items = []
    pos = 0
    n = len(buf)
    while pos < n:
        if pos + 4 > n:
            experts.append("rescap.expert.truncated")
            break
        tag, lf = struct.unpack_from("!HH", buf, pos)
        ln = lf & MAXLEN
        if pos + 4 + ln > n:
            experts.append("rescap.expert.truncated")
            items.append(Node(tag, buf[pos + 4:], 1))
            break
        content = bytearray(buf[pos + 4:pos + 4 + ln])
        pos += 4 + ln
        frags = 1
        broken = False
        while lf & CONT:
            if pos >= n:
                experts.append("rescap.expert.fragment_unterminated")
                break
            if pos + 4 > n:
                experts.append("rescap.expert.truncated")
                broken = True
                break
            t2, lf = struct.unpack_from("!HH", buf, pos)
            if t2 != tag:
                experts.append("rescap.expert.fragment_mismatch")
                break          # the other item is read as the next item
            ln = lf & MAXLEN
            if pos + 4 + ln > n:
                experts.append("rescap.expert.truncated")
                content += buf[pos + 4:]
                pos = n
                broken = True
                break
            content += buf[pos + 4:pos + 4 + ln]
            pos += 4 + ln
            frags += 1
        items.append(Node(tag, bytes(content), frags))
        if broken:
            break
    return items


def counting(node):
    """Announced count if node is a count-form container, else None."""
    L = len(node.content)
    if node.tag in DUAL and L == DUAL[node.tag] + 2:
        return struct.unpack_from("!H", node.content, L - 2)[0]
    return None


def build(seq, experts, port):
    """Turn a flat sequence of logical items into a tree (counts in preorder,
    nested contents recursively).  Returns the list of top nodes."""
    it = iter(seq)
    top = []

    def expand(node):
        t, c = node.tag, node.content
        if t in DUAL:
            p = DUAL[t]
            L = len(c)
            if L == p + 2:
                node.kind = "count"
                node.count = struct.unpack_from("!H", c, p)[0]
                return
            if L >= p + 4:
                node.kind = "nested"
                node.children = build(tokenize(c[p:], experts), experts, port)
                return
            if t == TTL_OF_INFO and L < 4 or t != TTL_OF_INFO and t not in (FULL_REQUEST, FULL_RESPONSE) and L < 14:
                experts.append("rescap.expert.content_short")
            experts.append("rescap.expert.bad_container_length")
        elif t in NESTED_ONLY:
            node.kind = "nested"
            node.children = build(tokenize(c, experts), experts, port)
        elif t == SIGNATURE_CONTROL_INFO:
            node.kind = "nested"
            if len(c) >= 4 and struct.unpack_from("!H", c)[0] == KEY_ID:
                ln = struct.unpack_from("!H", c, 2)[0] & MAXLEN
                if 4 + ln <= len(c):
                    node.children = [Node(KEY_ID, c[4:4 + ln], 1)]

    def take(n, parent):
        got = 0
        for _ in range(n):
            try:
                node = next(it)
            except StopIteration:
                experts.append("rescap.expert.count_short")
                return
            expand(node)
            parent.append(node)
            got += 1
            if node.kind == "count":
                take(node.count, node.children)

    for node in it:
        expand(node)
        top.append(node)
        if node.kind == "count":
            take(node.count, node.children)
    return top


def _valid_ts(b):
    try:
        s = b.decode("ascii")
        if len(s) != 14 or not s.isdigit():
            return False
        datetime.datetime.strptime(s, "%Y%m%d%H%M%S")
        return True
    except (UnicodeDecodeError, ValueError):
        return False


MALFORMED = {"rescap.expert.truncated", "rescap.expert.fragment_mismatch", "rescap.expert.fragment_unterminated",
             "rescap.expert.count_short", "rescap.expert.bad_container_length", "rescap.expert.content_short",
             "rescap.expert.items_to_return_odd"}


def url_request_ok(text):
    """A rescap URL (rescap://host?<base64>, rescap-secure://..., 1999 rescap:host/<base64>) carries a
    whole request. None: not such a URL (or no request part); True/False: the request decodes or not."""
    for scheme in ("rescap-secure", "rescap-basic", "rescap"):
        if not text.lower().startswith(scheme + ":"):
            continue
        rest = text[len(scheme) + 1:]
        rest, sep = (rest[2:], "?") if rest.startswith("//") else (rest, "/")
        encoded = rest.split(sep, 1)[1] if sep in rest else ""
        if not encoded:
            return None
        padded = encoded.rstrip("=") + "=" * (-len(encoded.rstrip("=")) % 4)
        try:
            raw = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
        except (binascii.Error, ValueError):
            return False
        top, found = check_message(raw)
        return bool(top) and not (set(found) & (MALFORMED | {"rescap.expert.not_rescap"}))
    return None


def check_message(buf, port=283):
    """Decode a message; return (top nodes, list of experts)."""
    experts = []
    seq = tokenize(buf, experts)
    if not seq or seq[0].tag not in (FULL_REQUEST, FULL_RESPONSE):
        return [], ["rescap.expert.not_rescap"]
    # split off items beyond the top-level count
    top = build(seq, experts, port)
    if len(top) > 1 and top[0].kind == "count":
        experts.append("rescap.expert.beyond_count")
    root = top[0]
    dkid = []

    def walk(node, parent):
        t, c = node.tag, node.content
        ty = item_type(t)
        if ty is None:
            experts.append("rescap.expert.unknown_tag")
        if t == STATUS:
            if len(c) < 2:
                experts.append("rescap.expert.content_short")
            else:
                if struct.unpack_from("!H", c)[0] not in STATUS_CODES:
                    experts.append("rescap.expert.status_unknown")
                try:
                    c[2:].decode("utf-8")
                except UnicodeDecodeError:
                    experts.append("rescap.expert.text_not_utf8")
        elif t in (BASE_URI, REFERRAL):
            try:
                c.decode("utf-8")
            except UnicodeDecodeError:
                experts.append("rescap.expert.text_not_utf8")
            else:
                if url_request_ok(c.decode("utf-8")) is False:
                    experts.append("rescap.expert.bad_url")
        elif t == ITEMS_TO_RETURN and len(c) % 2:
            experts.append("rescap.expert.items_to_return_odd")
        elif t in (EXPIRATION_OF_INFO, DATE_OF_CHANGE) and len(c) >= 14:
            if not _valid_ts(c[:14]):
                experts.append("rescap.expert.bad_timestamp")
        elif t == KEY_ID and len(c) != 8:
            experts.append("rescap.expert.key_id_length")
        elif t == NONCE and len(c) < 8:
            experts.append("rescap.expert.nonce_short")
        elif t == AUTH_IN_THE_CLEAR and port == 283:
            experts.append("rescap.expert.cleartext_credential")
        elif t == AUTH_IP and c:
            experts.append("rescap.expert.auth_ip_content")
        elif t == DEFAULT_KEY_ID:
            dkid.append(node)
            if parent is None or parent.tag not in (FULL_RESPONSE, ENCRYPTED_RESPONSE):
                experts.append("rescap.expert.default_key_id")
        for ch in node.children:
            walk(ch, node)

    walk(root, None)
    if len(dkid) > 1:
        experts.extend(["rescap.expert.default_key_id"] * (len(dkid) - 1))
    kids = root.children
    if root.tag == FULL_REQUEST:
        seen = {}
        for ch in kids:
            ty = item_type(ch.tag)
            if ty is not None and (ty != REQ or ch.tag == FULL_REQUEST):
                experts.append("rescap.expert.wrong_item_type")
            seen[ch.tag] = seen.get(ch.tag, 0) + 1
        nb = seen.get(BASE_URI, 0)
        if nb == 0:
            experts.append("rescap.expert.base_uri_missing")
        elif nb > 1:
            experts.append("rescap.expert.base_uri_multiple")
        for t, k in seen.items():
            if t != BASE_URI and item_type(t) == REQ and k > 1:
                experts.extend(["rescap.expert.duplicate_item"] * (k - 1))
    else:
        tags = [ch.tag for ch in kids]
        for ch in kids:
            ty = item_type(ch.tag)
            if ty is not None and (ty != RESP or ch.tag == FULL_RESPONSE):
                experts.append("rescap.expert.wrong_item_type")
        nstat = tags.count(STATUS) + sum(
            [g.tag for g in ch.children].count(STATUS) for ch in kids if ch.tag == SIGNED_RESPONSE)
        if nstat == 0:
            experts.append("rescap.expert.status_missing")
        if REFERRAL in tags and any(t not in (STATUS, REFERRAL) for t in tags):
            experts.append("rescap.expert.referral_not_alone")
        if ENCRYPTED_RESPONSE in tags and any(t not in (STATUS, ENCRYPTED_RESPONSE) for t in tags):
            experts.append("rescap.expert.encrypted_not_alone")
    return top, experts


def message_length(buf):
    """Length of the complete rescap message at the start of buf, or None if
    more data is needed.  Follows fragments and the count tree."""
    def item_end(pos):
        # returns (end, tag, content) of the logical item at pos, or None
        content = b""
        tag0 = None
        while True:
            if pos + 4 > len(buf):
                return None
            tag, lf = struct.unpack_from("!HH", buf, pos)
            ln = lf & MAXLEN
            if pos + 4 + ln > len(buf):
                return None
            if tag0 is not None and tag != tag0:
                return pos, tag0, content
            tag0 = tag
            content += buf[pos + 4:pos + 4 + ln]
            pos += 4 + ln
            if not lf & CONT:
                return pos, tag0, content

    def walk(pos, n):
        for _ in range(n):
            r = item_end(pos)
            if r is None:
                return None
            pos, tag, c = r
            if tag in DUAL and len(c) == DUAL[tag] + 2:
                pos = walk(pos, struct.unpack_from("!H", c, len(c) - 2)[0])
                if pos is None:
                    return None
        return pos

    return walk(0, 1)


# --------------------------------------------------------------------------
# tiny client / server
# --------------------------------------------------------------------------
def recv_message_tcp(sock, limit=1 << 20):
    buf = b""
    while True:
        n = message_length(buf)
        if n is not None:
            return buf[:n]
        chunk = sock.recv(65536)
        if not chunk:
            return buf
        buf += chunk
        if len(buf) > limit:
            return buf


def recv_until_eof(sock):
    parts = []
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)


def query(host, port, req, transport="udp", src_port=0, timeout=3.0):
    """Send one request, return the response bytes."""
    if transport == "udp":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("0.0.0.0", src_port))
        s.settimeout(timeout)
        s.sendto(req, (host, port))
        data, _ = s.recvfrom(65535)
        s.close()
        return data
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("0.0.0.0", src_port))
    s.settimeout(timeout)
    s.connect((host, port))
    s.sendall(req)
    data = recv_until_eof(s)
    s.close()
    return data


def default_answer(req):
    top, _ = check_message(req)
    if not top or top[0].tag != FULL_REQUEST:
        return full_response([status(0x0202)]).encode()
    uris = [c.content for c in top[0].children if c.tag == BASE_URI]
    if len(uris) != 1:
        return full_response([status(0x0203 if uris else 0x0202)]).encode()
    return full_response([status(0x0000), ttl_of_info(3600, []),
                          leaf(0xFF04, b"about " + uris[0])]).encode()


def serve(port=283, host="127.0.0.1", once=False):
    """Serve UDP and TCP on one port with default_answer (demo server)."""
    import selectors
    sel = selectors.DefaultSelector()
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind((host, port))
    t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    t.bind((host, port))
    t.listen(8)
    sel.register(u, selectors.EVENT_READ, "udp")
    sel.register(t, selectors.EVENT_READ, "tcp")
    while True:
        for key, _ in sel.select():
            if key.data == "udp":
                data, peer = u.recvfrom(65535)
                u.sendto(default_answer(data), peer)
            else:
                c, _ = t.accept()
                c.settimeout(5)
                c.sendall(default_answer(recv_message_tcp(c)))
                c.close()
            if once:
                return


def dump(buf, port=283):
    top, experts = check_message(buf, port)

    def show(n, d):
        print("  " * d + "%s (0x%04X) len=%d frags=%d%s" % (
            tag_name(n.tag), n.tag, len(n.content), n.frags,
            " count=%d" % n.count if n.kind == "count" else ""))
        for ch in n.children:
            show(ch, d + 1)
    for n in top:
        show(n, 0)
    print("experts:", experts)


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    q = sub.add_parser("query", help="send one request")
    q.add_argument("uri")
    q.add_argument("--host", default="127.0.0.1")
    q.add_argument("--port", type=int, default=283)
    q.add_argument("--tcp", action="store_true")
    q.add_argument("--nested", action="store_true", help="1999 nested form")
    s = sub.add_parser("serve", help="demo server on UDP+TCP")
    s.add_argument("--port", type=int, default=283)
    s.add_argument("--once", action="store_true")
    d = sub.add_parser("decode", help="decode a hex message and list experts")
    d.add_argument("hex")
    d.add_argument("--port", type=int, default=283)
    a = ap.parse_args(argv)
    if a.cmd == "query":
        req = request_for(a.uri, form="nested" if a.nested else "count").encode()
        dump(query(a.host, a.port, req, "tcp" if a.tcp else "udp"), a.port)
    elif a.cmd == "serve":
        serve(a.port, once=a.once)
    else:
        dump(bytes.fromhex(a.hex), a.port)


if __name__ == "__main__":
    main(sys.argv[1:])
