// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/framed_signatures.hpp"
#include "core/ghostports/wire_reading.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <cstddef>
#include <initializer_list>
#include <string_view>

namespace ghostports::framed {
namespace {

using std::size_t;
using std::string_view;

// --- NetBIOS session service and SMB -----------------------------------------

// RFC 1002 4.3.1: type, flags (bit 0 extends the length to 17 bits, the others zero), length.
bool nbss_header(Payload p, size_t at, size_t &length) {
    if (at + 4 > p.size() || (p[at + 1] & 0xfe) != 0) return false;
    length = static_cast<size_t>(p[at + 1] & 1) << 16 | be16(p, at + 2);
    return true;
}
// Session messages (type 0x00) whose SMB passes `smb`, and keep-alives
// (0x85, empty) after the first, that tile the payload exactly.
bool nbss_messages(Payload p, bool (*smb)(Payload)) {
    size_t at = 0, length = 0;
    while (at < p.size()) {
        if (!nbss_header(p, at, length) || at + 4 + length > p.size()) return false;
        if (p[at] == 0x85) {
            if (length != 0 || at == 0) return false;
        } else if (p[at] != 0x00 || !smb(p.subspan(at + 4, length))) {
            return false;
        }
        at += 4 + length;
    }
    return true;
}

// [MS-CIFS] 2.2.3.1-2.2.3.3: the 32-octet header, WordCount, the words,
// ByteCount and the bytes end the message, or (an AndX command) reach the
// next command at AndXOffset inside it.
bool smb1_message(Payload m) {
    if (m.size() < 35 || !has_at(m, 0, "\xffSMB")) return false;
    const size_t words = m[32];
    const size_t count_at = 33 + 2 * words;
    if (count_at + 2 > m.size()) return false;
    const size_t end = count_at + 2 + le16(m, count_at);
    if (end == m.size()) return true;
    return end < m.size() && words >= 2 && m[33] != 0xff && m[34] == 0 && le16(m, 35) >= end && le16(m, 35) < m.size();
}

// [MS-SMB2] 2.2.3-2.2.39: each command's body StructureSize, request and response.
struct Smb2Body {
    unsigned request, response;
};
constexpr Smb2Body kSmb2Bodies[] = {{36, 65}, {25, 9},  {4, 4},   {9, 16}, {4, 4},   {57, 89}, {24, 60},
                                    {24, 4},  {49, 17}, {49, 17}, {48, 4}, {57, 49}, {4, 9},   {4, 4},
                                    {33, 9},  {32, 9},  {41, 9},  {33, 2}, {24, 24}};
// [MS-SMB2] 2.2.1: 64-octet header (StructureSize 64, Command 0-0x12,
// NextCommand 0 or 8-aligned inside the message), then a body whose
// StructureSize is the command's (9: an error response) and fits.
bool smb2_message(Payload m) {
    for (unsigned compound = 0; compound < 32; ++compound) {
        if (m.size() < 66 || !has_at(m, 0, "\xfeSMB") || le16(m, 4) != 64) return false;
        const unsigned command = le16(m, 12);
        if (command >= std::size(kSmb2Bodies)) return false;
        const bool response = (m[16] & 1) != 0;
        const std::uint32_t next = le32(m, 20);
        const size_t end = next == 0 ? m.size() : next;
        if (next % 8 != 0 || end > m.size() || end < 66) return false;
        const unsigned body = le16(m, 64);
        const Smb2Body &sizes = kSmb2Bodies[command];
        const bool known = response ? body == sizes.response || body == 9 || (command == 0x12 && body == 44)
                                    : body == sizes.request || (command == 0x12 && body == 36);
        if (!known || 64 + (body & ~1u) > end) return false;
        if (next == 0) return true;
        m = m.subspan(next);
    }
    return false;
}
// [MS-SMB2] 2.2.41: transform header (52 octets: OriginalMessageSize,
// Reserved 0, Flags 1 = encrypted), then exactly that many octets.
bool smb3_transform(Payload m) {
    return m.size() >= 52 + 64 && has_at(m, 0, "\xfdSMB") && 52 + static_cast<size_t>(le32(m, 36)) == m.size() &&
           le16(m, 40) == 0 && le16(m, 42) == 1;
}
bool smb2_or_transform(Payload m) {
    return smb2_message(m) || smb3_transform(m);
}

// RFC 1001 14.1 / RFC 1002 4.1: a first-level encoded name: length 32, 32
// octets 'A'-'P', the scope's labels, a zero octet.
bool netbios_name(Payload p, size_t &at) {
    if (at + 34 > p.size() || p[at] != 32) return false;
    for (size_t i = at + 1; i <= at + 32; ++i)
        if (p[i] < 'A' || p[i] > 'P') return false;
    at += 33;
    for (unsigned labels = 0; at < p.size() && labels < 64; ++labels) {
        const size_t n = p[at];
        if (n == 0) {
            ++at;
            return true;
        }
        if (n > 63 || at + 1 + n > p.size() || !printable(p.subspan(at + 1, n))) return false;
        at += 1 + n;
    }
    return false;
}

// --- DER (X.690 10) for Kerberos -----------------------------------------------

// A definite length in the fewest octets.
bool der_length(Payload p, size_t &at, size_t limit, size_t &length) {
    if (at >= limit) return false;
    const std::uint8_t first = p[at++];
    if (first < 0x80) {
        length = first;
        return true;
    }
    const size_t octets = first & 0x7f;
    if (octets == 0 || octets > 3 || at + octets > limit || p[at] == 0) return false;
    length = 0;
    for (size_t k = 0; k < octets; ++k) length = length << 8 | p[at++];
    return length >= 0x80;
}
// A TLV at `at` (with `tag`, or any low tag number when `tag` is 0) whose
// content [begin, end) fits in `limit`.
bool der_tlv(Payload p, size_t &at, std::uint8_t tag, size_t limit, size_t &begin, size_t &end) {
    if (at >= limit || (tag != 0 ? p[at] != tag : (p[at] & 0x1f) == 0x1f)) return false;
    ++at;
    size_t length = 0;
    if (!der_length(p, at, limit, length) || length > limit - at) return false;
    begin = at;
    end = at + length;
    at = end;
    return true;
}
// [n] { INTEGER value } with a one-octet value.
bool der_small_integer(Payload p, size_t &at, size_t limit, std::uint8_t tag, unsigned value) {
    size_t begin = 0, end = 0;
    return der_tlv(p, at, tag, limit, begin, end) && end - begin == 3 && p[begin] == 0x02 && p[begin + 1] == 1 &&
           p[begin + 2] == value;
}

// RFC 4120 5.4.1-5.9.1: [APPLICATION n] { SEQUENCE { fields } } that ends
// the payload, n one of AS-REQ 10, AS-REP 11, TGS-REQ 12, TGS-REP 13, AP-REQ
// 14, AP-REP 15, KRB-SAFE 20, KRB-PRIV 21, KRB-CRED 22, KRB-ERROR 30. The
// fields are context-tagged [k] in increasing order, each holding one TLV
// that fills it; the first two are pvno 5 and msg-type n ([1], [2] in a
// KDC-REQ; [0], [1] elsewhere), and more follow.
bool krb_message(Payload p) {
    if (p.size() < 16) return false;
    const std::uint8_t application = p[0];
    const unsigned type = application & 0x1f;
    if ((application & 0xe0) != 0x60 || !one_of(type, {10, 11, 12, 13, 14, 15, 20, 21, 22, 30})) return false;
    size_t at = 0, begin = 0, end = 0, seq_begin = 0, seq_end = 0;
    if (!der_tlv(p, at, application, p.size(), begin, end) || end != p.size()) return false;
    at = begin;
    if (!der_tlv(p, at, 0x30, end, seq_begin, seq_end) || seq_end != end) return false;
    at = seq_begin;
    const unsigned first = type == 10 || type == 12 ? 1 : 0;
    if (!der_small_integer(p, at, end, static_cast<std::uint8_t>(0xa0 | first), 5) ||
        !der_small_integer(p, at, end, static_cast<std::uint8_t>(0xa0 | (first + 1)), type))
        return false;
    unsigned last = first + 1;
    while (at < end) {
        const std::uint8_t tag = p[at];
        if ((tag & 0xe0) != 0xa0 || (tag & 0x1f) <= last || (tag & 0x1f) > 12) return false;
        last = tag & 0x1f;
        size_t field_begin = 0, field_end = 0, inner_begin = 0, inner_end = 0;
        if (!der_tlv(p, at, tag, end, field_begin, field_end)) return false;
        size_t inner = field_begin;
        if (!der_tlv(p, inner, 0, field_end, inner_begin, inner_end) || inner != field_end) return false;
    }
    return last > first + 1;
}

// --- RADIUS -----------------------------------------------------------------

// RFC 2865 5.x / 2866 5.x / 2869 5.14: attributes whose value is one
// 32-bit number or address (length 6), and Message-Authenticator (18).
unsigned radius_fixed_length(unsigned type) {
    if (one_of(type, {4,  5,  6,  7,  8,  9,  10, 12, 13, 14, 15, 16, 27, 28, 29, 37, 38, 40, 41,
                      42, 43, 45, 46, 47, 48, 49, 51, 52, 53, 55, 61, 62, 64, 65, 83, 85, 86, 101}))
        return 6;
    if (type == 96) return 10;                               // Framed-Interface-Id (RFC 3162)
    if (type == 3) return 19;                                // CHAP-Password (RFC 2865 5.3)
    return type == 80 || type == 95 || type == 98 ? 18 : 0;  // Message-Authenticator, IPv6 addresses
}
// The text attributes (RFC 2865 5, 2866 5, 2869 5, 3162 2): User-Name,
// Filter-Id, Reply-Message, Callback-Number / -Id, Framed-Route,
// Called/Calling-Station-Id, NAS-Identifier, Login-LAT-*, Acct-Session-Id,
// Acct-Multi-Session-Id, Connect-Info, NAS-Port-Id, Framed-Pool,
// Framed-IPv6-Route / -Pool, the Digest-* attributes (RFC 5090), SIP-AOR,
// Operator-Name: UTF-8 text.
bool radius_text(unsigned type, Payload value) {
    if (!one_of(type, {1, 11, 18, 19, 20, 22, 30, 31, 32, 34, 35, 44, 50, 63, 77, 87, 88, 99, 100, 122, 126}) &&
        !in_range(type, 103, 121))
        return true;
    return utf8_text(value);
}
// RFC 2865 5.44 (+ RFC 3579 3: EAP-Message, Message-Authenticator): the
// only attributes an Access-Reject and an Access-Challenge carry.
bool radius_reply_carries(unsigned code, unsigned type) {
    if (code == 3) return one_of(type, {18, 33, 79, 80});
    return code != 11 || one_of(type, {18, 24, 26, 27, 28, 33, 79, 80});
}
// What a request must carry (RFC 2865 4.1, 2866 4.1, 5997 3, 5176 3):
// Access-Request a NAS identity and a credential or State; Accounting-
// Request an Acct-Status-Type; Status-Server a Message-Authenticator; CoA /
// Disconnect-Request some session identification.
bool radius_request_complete(unsigned code, const std::bitset<256> &seen) {
    switch (code) {
        case 1: return (seen[4] || seen[32] || seen[95]) && (seen[2] || seen[3] || seen[24] || seen[79]);
        case 4: return seen[40];
        case 12: return seen[80];
        case 40:
        case 43: return seen[1] || seen[44] || seen[4] || seen[32] || seen[95] || seen[8];
        default: return true;
    }
}

// --- HTTP/2 -----------------------------------------------------------------

constexpr string_view kHttp2Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

// RFC 9113 6.5.1-6.5.2 (and RFC 8441, 9218): a SETTINGS frame's payload:
// the values of the assigned settings in range (unassigned ones are legal
// and ignored: gRPC C-core sends 0xFE03); `known` counts the assigned ones.
bool http2_settings(Payload p, size_t at, size_t length, std::uint8_t flags, std::uint32_t stream, size_t &known) {
    if (stream != 0 || (flags & ~1u) != 0) return false;
    if (flags & 1) return length == 0;  // ACK
    if (length % 6 != 0) return false;
    for (size_t i = at; i < at + length; i += 6) {
        const unsigned id = be16(p, i);
        const std::uint32_t value = be32(p, i + 2);
        if (id == 0 || ((id == 2 || id == 8 || id == 9) && value > 1)) return false;
        if (id == 4 && value > 0x7fffffffu) return false;
        if (id == 5 && (value < 16384 || value > 16777215)) return false;
        if (one_of(id, {1, 2, 3, 4, 5, 6, 8, 9})) ++known;
    }
    return true;
}
// RFC 9113 4.1, 6: frames (length <= 2^14, type 0-9, R bit clear, the
// type's stream and length rules) that tile the payload from `at`; the
// first a SETTINGS without flags (after the client's preface maybe empty;
// as the server's first octets, with an assigned setting); only a later
// frame may be cut.
bool http2_frames(Payload p, size_t at, bool after_preface) {
    for (bool first = true; at < p.size(); first = false) {
        if (at + 9 > p.size()) return false;
        const size_t length = be24(p, at);
        const std::uint8_t type = p[at + 3], flags = p[at + 4];
        const std::uint32_t stream = be32(p, at + 5);
        if (length > 16384 || type > 9 || (stream & 0x80000000u) != 0) return false;
        if (first && (type != 4 || flags != 0)) return false;
        const bool on_connection = type == 4 || type == 6 || type == 7;
        if (on_connection != (stream == 0) && type != 8) return false;
        if ((type == 3 || type == 8) && length != 4) return false;
        if ((type == 6 && length != 8) || (type == 2 && length != 5) || (type == 7 && length < 8)) return false;
        if (at + 9 + length > p.size()) return !first && type != 4;
        size_t known = 0;
        if (type == 4 && !http2_settings(p, at + 9, length, flags, stream, known)) return false;
        if (first && !after_preface && known == 0) return false;
        at += 9 + length;
    }
    return true;
}

// --- Modbus/TCP -------------------------------------------------------------

// Modbus Messaging on TCP/IP 3.1.3: MBAP header (transaction, protocol 0,
// length = unit + PDU = the rest, 2-254, unit); the PDU follows.
bool mbap(Payload p) {
    return p.size() >= 8 && be16(p, 2) == 0 && be16(p, 4) == p.size() - 6 && in_range(be16(p, 4), 2, 254);
}
// Modbus Application Protocol 1.1b3 6.1-6.17: a request's layout by function code.
bool modbus_request_pdu(Payload d) {
    const size_t n = d.size();
    switch (d[0]) {
        case 1:
        case 2: return n == 5 && in_range(be16(d, 3), 1, 2000);
        case 3:
        case 4: return n == 5 && in_range(be16(d, 3), 1, 125);
        case 5: return n == 5 && (be16(d, 3) == 0 || be16(d, 3) == 0xff00);
        case 6: return n == 5;
        // 7, 11, 12 and 17 are "serial line only" (Modbus application protocol 6): an 8-octet request of one
        // of them is a header and a function code, too little to name
        case 15: return n >= 7 && in_range(be16(d, 3), 1, 1968) && d[5] == (be16(d, 3) + 7) / 8 && n == 6u + d[5];
        case 16: return n >= 7 && in_range(be16(d, 3), 1, 123) && d[5] == 2 * be16(d, 3) && n == 6u + d[5];
        case 22: return n == 7;
        case 23:
            return n >= 11 && in_range(be16(d, 3), 1, 125) && in_range(be16(d, 7), 1, 121) && d[9] == 2 * be16(d, 7) &&
                   n == 10u + d[9];
        default: return false;
    }
}
// The same sections: a response's layout; an exception (function | 0x80)
// carries one code of 7 (1-6, 8, 0x0A, 0x0B).
bool modbus_response_pdu(Payload d) {
    const size_t n = d.size();
    const unsigned function = d[0] & 0x7f;
    if (d[0] & 0x80)
        return n == 2 && one_of(function, {1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 15, 16, 17, 20, 21, 22, 23, 24, 43}) &&
               one_of(d[1], {1, 2, 3, 4, 5, 6, 8, 10, 11});
    switch (function) {
        case 1:
        case 2:
        case 12:
        case 17: return n >= 3 && d[1] == n - 2;
        case 3:
        case 4:
        case 23: return n >= 4 && d[1] == n - 2 && d[1] % 2 == 0;
        case 5: return n == 5 && (be16(d, 3) == 0 || be16(d, 3) == 0xff00);
        case 6: return n == 5;
        case 7: return n == 2;
        case 11: return n == 5;
        case 15: return n == 5 && in_range(be16(d, 3), 1, 1968);
        case 16: return n == 5 && in_range(be16(d, 3), 1, 123);
        case 22: return n == 7;
        default: return false;
    }
}

// --- BGP --------------------------------------------------------------------

// RFC 4271 4.3: withdrawn routes / NLRI: prefixes (length <= 32, then
// the octets it needs) that fill [at, end).
bool bgp_prefixes(Payload b, size_t at, size_t end) {
    while (at < end) {
        if (b[at] > 32) return false;
        at += 1 + (b[at] + 7u) / 8;
    }
    return at == end;
}
// RFC 4271 4.2-4.5, RFC 2918 3: each message type's body.
bool bgp_body(std::uint8_t type, Payload b) {
    switch (type) {
        case 1: {  // OPEN: version 4, AS, hold time 0 or >= 3, identifier, optional parameters tiling
            if (b.size() < 10 || b[0] != 4 || be16(b, 1) == 0 || be16(b, 3) == 1 || be16(b, 3) == 2 || be32(b, 5) == 0)
                return false;
            if (10 + static_cast<size_t>(b[9]) != b.size()) return false;
            for (size_t at = 10; at < b.size();) {
                if (at + 2 > b.size() || b[at] != 2) return false;  // capabilities (RFC 5492 4)
                const size_t end = at + 2 + b[at + 1];
                if (end > b.size() || end == at + 2) return false;
                for (at += 2; at < end;) {
                    if (at + 2 > end || b[at] == 0) return false;
                    at += 2 + b[at + 1];
                }
                if (at != end) return false;
            }
            return true;
        }
        case 2: {  // UPDATE: withdrawn routes, path attributes (flags, type, 1- or 2-octet length), NLRI
            if (b.size() < 4) return false;
            const size_t withdrawn_end = 2 + be16(b, 0);
            if (withdrawn_end + 2 > b.size() || !bgp_prefixes(b, 2, withdrawn_end)) return false;
            const size_t attributes_end = withdrawn_end + 2 + be16(b, withdrawn_end);
            if (attributes_end > b.size()) return false;
            size_t at = withdrawn_end + 2;
            while (at < attributes_end) {
                if (at + 3 > attributes_end || (b[at] & 0x0f) != 0 || b[at + 1] == 0) return false;
                const bool extended = b[at] & 0x10;
                if (extended && at + 4 > attributes_end) return false;
                at += extended ? 4 + be16(b, at + 2) : 3 + b[at + 2];
            }
            return at == attributes_end && bgp_prefixes(b, attributes_end, b.size());
        }
        case 3: return b.size() >= 2 && in_range(b[0], 1, 7);  // NOTIFICATION: error code (RFC 4271 4.5, RFC 7313)
        case 4: return b.empty();                              // KEEPALIVE
        case 5: return b.size() == 4 && in_range(be16(b, 0), 1, 2) && b[2] <= 2;  // ROUTE-REFRESH: AFI, subtype
        default: return false;
    }
}

// --- TPKT / X.224 / RDP -----------------------------------------------------

// RFC 1006 6 (TPKT: version 3, reserved 0, length = the payload), then an
// X.224 TPDU (ITU-T X.224 13.3-13.4) of `code` whose length indicator
// covers the rest (RDP carries its data in the variable part), class 0.
bool x224_tpdu(Payload p, std::uint8_t code) {
    return p.size() >= 11 && p[0] == 3 && p[1] == 0 && be16(p, 2) == p.size() && p[4] == p.size() - 5 && p[5] == code &&
           p[10] == 0 && (code != 0xe0 || be16(p, 6) == 0);
}

// --- collectd -----------------------------------------------------------------

bool collectd_string(Payload body, bool utf8) {
    return !body.empty() && body.back() == 0 && std::all_of(body.begin(), body.end() - 1, [utf8](std::uint8_t c) {
        return (c >= 0x20 && c < 0x7f) || (utf8 && (c >= 0x80 || c == '\n'));
    });
}

// --- DTLS ---------------------------------------------------------------------

bool dtls_version(unsigned version) {
    return version == 0xfeff || version == 0xfefd;
}
// RFC 6347 4.2.1 / 4.2.2 (and RFC 5246 7.4.1.2-3): a whole hello body.
bool dtls_hello_body(Payload h, std::uint8_t type) {
    if (h.size() < 3 || !dtls_version(be16(h, 0))) return false;
    if (type == 3) return h.size() == 3 + static_cast<size_t>(h[2]);  // HelloVerifyRequest: cookie
    if (h.size() < 35 || h[34] > 32) return false;
    size_t at = 35 + h[34];
    if (type == 1) {  // ClientHello: cookie, cipher suites, compression methods
        if (at + 1 > h.size()) return false;
        at += 1 + h[at];
        if (at + 2 > h.size() || be16(h, at) == 0 || be16(h, at) % 2 != 0) return false;
        at += 2 + be16(h, at);
        if (at + 1 > h.size() || h[at] == 0) return false;
        at += 1 + h[at];
    } else {  // ServerHello: cipher suite, compression method
        at += 3;
        if (at > h.size() || h[at - 1] > 1) return false;
    }
    if (at == h.size()) return true;
    return at + 2 <= h.size() && at + 2 + be16(h, at) == h.size();
}

// --- MongoDB --------------------------------------------------------------------

// BSON (bsonspec.org): int32 length (>= 5, inside `end`), elements, a final
// zero; the first element's type is a defined one.
bool bson_document(Payload p, size_t &at, size_t end) {
    if (at + 5 > end) return false;
    const size_t length = le32(p, at);
    if (length < 5 || length > end - at || p[at + length - 1] != 0) return false;
    if (length > 5 && !(in_range(p[at + 4], 1, 0x13) || p[at + 4] == 0x7f || p[at + 4] == 0xff)) return false;
    at += length;
    return true;
}

// --- DNP3 -----------------------------------------------------------------------

// IEEE 1815-2012 9.2.1.2: CRC-16 (polynomial 0x3D65, reflected), complemented, sent low octet first.
bool dnp3_crc_ok(Payload p, size_t at, size_t length) {
    unsigned crc = 0;
    for (size_t i = at; i < at + length; ++i) {
        crc ^= p[i];
        for (int bit = 0; bit < 8; ++bit) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xa6bc : crc >> 1;
    }
    crc = ~crc & 0xffff;
    return le16(p, at + length) == crc;
}

}  // namespace

bool nbss_smb1(Payload p) {
    return nbss_messages(p, smb1_message);
}
bool nbss_smb2(Payload p) {
    return nbss_messages(p, smb2_or_transform);
}

// RFC 1002 4.3.2: type 0x81, the called and the calling name, exactly.
bool nbss_session_request(Payload p) {
    size_t length = 0, at = 4;
    return p.size() >= 4 + 68 && p[0] == 0x81 && nbss_header(p, 0, length) && 4 + length == p.size() &&
           netbios_name(p, at) && netbios_name(p, at) && at == p.size();
}
bool kerberos_udp(Payload p) {
    return krb_message(p);
}
// RFC 4120 7.2.2: a 4-octet length (high bit reserved, 0) = the message.
bool kerberos_tcp(Payload p) {
    return p.size() > 4 && be32(p, 0) == p.size() - 4 && krb_message(p.subspan(4));
}

// RFC 2865 3, RFC 2866 3, RFC 5176 2.3: code (1-5, 11-12, 40-45; RFC 5997
// leaves the experimental Status-Client 13 undefined),
// identifier, length = the datagram (20-4096), authenticator, attributes
// (type 1-191 or RFC 6929's extended 241-246, length >= 3, the fixed length of fixed-size ones, text
// as text, a User-Password of 16-128 octets in 16s) that tile
// the rest; a request carries what its code requires, only an Access-Request a password,
// an Access-Reject / -Challenge only what 5.44 allows.
bool radius_packet(Payload p) {
    if (p.size() < 20 || p.size() > 4096 || be16(p, 2) != p.size()) return false;
    const unsigned code = p[0];
    if (!one_of(code, {1, 2, 3, 4, 5, 11, 12, 40, 41, 42, 43, 44, 45})) return false;
    std::bitset<256> seen;
    for (size_t at = 20; at < p.size();) {
        if (at + 3 > p.size()) return false;
        const unsigned type = p[at], length = p[at + 1];
        if (type == 0 || (type >= 192 && !in_range(type, 241, 246)) || length < 3 || at + length > p.size())
            return false;
        const unsigned fixed = radius_fixed_length(type);
        if ((fixed != 0 && length != fixed) || !radius_text(type, p.subspan(at + 2, length - 2))) return false;
        if (type == 2 && (length < 18 || length > 130 || (length - 2) % 16 != 0)) return false;  // 5.2
        if (!radius_reply_carries(code, type)) return false;
        seen.set(type);
        at += length;
    }
    // A packet without attributes is only the common bare answers' (Access-Accept
    // / -Reject, Accounting-Response): four octets of structure are too little.
    if (seen.none() && !one_of(code, {2, 3, 5})) return false;
    // RFC 2865 5.44: the passwords only in an Access-Request.
    return (code == 1 || !(seen[2] || seen[3])) && radius_request_complete(code, seen);
}

// RFC 9113 3.4: the client preface, alone or followed by frames (a SETTINGS first).
bool http2_preface(Payload p) {
    return has_at(p, 0, kHttp2Preface) &&
           (p.size() == kHttp2Preface.size() || http2_frames(p, kHttp2Preface.size(), true));
}
// RFC 9113 3.4: the server's preface, a SETTINGS frame, then maybe more frames.
bool http2_server_settings(Payload p) {
    return p.size() >= 15 && http2_frames(p, 0, false);
}

bool modbus_request(Payload p) {
    return mbap(p) && modbus_request_pdu(p.subspan(7));
}
bool modbus_response(Payload p) {
    return mbap(p) && modbus_response_pdu(p.subspan(7));
}

// RFC 4271 4.1: marker (16 x 0xFF), length 19-4096, type 1-5; messages
// that tile the payload, each body as its type says.
bool bgp_messages(Payload p) {
    size_t at = 0;
    while (at < p.size()) {
        if (at + 19 > p.size()) return false;
        if (!std::all_of(p.begin() + static_cast<std::ptrdiff_t>(at), p.begin() + static_cast<std::ptrdiff_t>(at + 16),
                         [](std::uint8_t c) { return c == 0xff; }))
            return false;
        const size_t length = be16(p, at + 16);
        if (length < 19 || length > 4096 || at + length > p.size()) return false;
        if (!bgp_body(p[at + 18], p.subspan(at + 19, length - 19))) return false;
        at += length;
    }
    return true;
}

// [MS-RDPBCGR] 2.2.1.1: X.224 Connection Request whose variable part is a
// "Cookie: mstshash=<name>\r\n" (or routing token "Cookie: msts=") and/or
// RDP_NEG_REQ (type 1, flags 0x01/0x02/0x08, length 8, requested protocols
// 0-0x1F), then RDP_NEG_CORRELATION_INFO (type 6, length 36) when flagged.
bool rdp_connection_request(Payload p) {
    if (!x224_tpdu(p, 0xe0)) return false;
    size_t at = 11;
    bool rdp = false;
    for (const string_view cookie : {string_view("Cookie: mstshash="), string_view("Cookie: msts=")}) {
        if (!has_at(p, at, cookie)) continue;
        size_t end = at + cookie.size();
        while (end + 1 < p.size() && !(p[end] == '\r' && p[end + 1] == '\n')) ++end;
        if (end + 1 >= p.size() || end == at + cookie.size() ||
            !printable(p.subspan(at + cookie.size(), end - at - cookie.size())))
            return false;
        at = end + 2;
        rdp = true;
        break;
    }
    if (at < p.size()) {
        if (at + 8 > p.size() || p[at] != 1 || (p[at + 1] & ~0x0bu) != 0 || le16(p, at + 2) != 8 ||
            (le32(p, at + 4) & ~0x1fu) != 0)
            return false;
        const bool correlation = p[at + 1] & 0x08;
        at += 8;
        if (correlation) {
            if (at + 36 > p.size() || p[at] != 6 || p[at + 1] != 0 || le16(p, at + 2) != 36) return false;
            at += 36;
        }
        rdp = true;
    }
    return rdp && at == p.size();
}
// [MS-RDPBCGR] 2.2.1.2: X.224 Connection Confirm carrying RDP_NEG_RSP (type
// 2, flags 0-0x1F, length 8, one selected protocol) or RDP_NEG_FAILURE
// (type 3, flags 0, length 8, failure code 1-6). A bare confirm is any
// ISO transport's, and is not named.
bool rdp_connection_confirm(Payload p) {
    if (!x224_tpdu(p, 0xd0) || p.size() != 19 || le16(p, 13) != 8) return false;
    const std::uint32_t value = le32(p, 15);
    if (p[11] == 2) return (p[12] & ~0x1fu) == 0 && one_of(value, {0, 1, 2, 4, 8, 0x10});
    return p[11] == 3 && p[12] == 0 && in_range(value, 1, 6);
}

// RFC 1006 + X.224 13.7: a TPKT whose length is the payload carrying one
// DT TPDU (LI 2, code 0xF0, end of TSDU), carrying S7comm (Siemens; the
// layout of Wireshark's packet-s7comm.c): protocol id 0x32, ROSCTR job 1 /
// ack-data 3 / userdata 7, reserved 0, PDU reference, parameter and data
// lengths (ack-data: then error class and code) that fill the TPDU. A job
// or ack-data starts its parameters with a known function (setup
// communication 0xF0 with its 8 octets, read 0x04 / write 0x05 with their
// item count, block up/download 0x1A-0x1F, PI service 0x28, PLC stop
// 0x29); userdata's parameter head is 00 01 12.
bool s7comm_pdu(Payload p) {
    if (p.size() < 7 + 10 + 1 || p[0] != 3 || p[1] != 0 || be16(p, 2) != p.size() || p[4] != 2 || p[5] != 0xf0 ||
        p[6] != 0x80)
        return false;
    const Payload s = p.subspan(7);
    if (s[0] != 0x32 || !one_of(s[1], {1, 3, 7}) || be16(s, 2) != 0) return false;
    const size_t header = s[1] == 3 ? 12 : 10;
    if (s.size() < header + 1) return false;
    const size_t params = be16(s, 6), data = be16(s, 8);
    if (params == 0 || header + params + data != s.size()) return false;
    const Payload param = s.subspan(header, params);
    if (s[1] == 7) return params >= 8 && param[0] == 0x00 && param[1] == 0x01 && param[2] == 0x12;
    switch (param[0]) {
        case 0xf0: return params == 8 && param[1] == 0 && data == 0;
        case 0x04:
        case 0x05: return params >= 2 && param[1] >= 1 && params == (s[1] == 3 ? 2 : 2 + 12u * param[1]);
        case 0x1a:
        case 0x1b:
        case 0x1c:
        case 0x1d:
        case 0x1e:
        case 0x1f:
        case 0x28:
        case 0x29: return true;
        default: return false;
    }
}

// AMQP 0-9-1 4.2.2 / 0-9 / 1.0 2.2 (plain, TLS, SASL): the protocol header, alone.
bool amqp_protocol_header(Payload p) {
    static constexpr string_view kHeaders[] = {
        string_view("AMQP\x00\x00\x09\x01", 8), string_view("AMQP\x01\x01\x00\x09", 8),
        string_view("AMQP\x00\x01\x00\x00", 8), string_view("AMQP\x02\x01\x00\x00", 8),
        string_view("AMQP\x03\x01\x00\x00", 8)};
    return p.size() == 8 && std::any_of(std::begin(kHeaders), std::end(kHeaders),
                                        [p](string_view header) { return has_at(p, 0, header); });
}
// AMQP 0-9-1 2.3.5 / 4.2.3 / 1.4.2.1: a method frame (type 1, channel 0,
// size, frame-end 0xCE = the payload's last octet) carrying connection.start
// (class 10, method 10): version 0-9, server-properties (a field table of
// name, type, value entries that fill it), mechanisms and locales (long
// strings), ending at the frame's end.
bool amqp_connection_start(Payload p) {
    if (p.size() < 8 + 20 || p[0] != 1 || be16(p, 1) != 0) return false;
    const size_t end = 7 + static_cast<size_t>(be32(p, 3));
    if (end + 1 != p.size() || p[end] != 0xce) return false;
    if (be16(p, 7) != 10 || be16(p, 9) != 10 || p[11] != 0 || p[12] != 9) return false;
    size_t at = 13;
    const size_t table_end = at + 4 + static_cast<size_t>(be32(p, at));
    if (table_end > end) return false;
    for (at += 4; at < table_end;) {
        const size_t name = p[at];
        if (name == 0 || at + 1 + name + 1 > table_end || !printable(p.subspan(at + 1, name))) return false;
        at += 1 + name;
        const std::uint8_t kind = p[at++];
        size_t size = 0;
        switch (kind) {
            case 't':
            case 'b':
            case 'B': size = 1; break;
            case 's':
            case 'u': size = 2; break;
            case 'I':
            case 'i':
            case 'f': size = 4; break;
            case 'D': size = 5; break;
            case 'l':
            case 'L':
            case 'd':
            case 'T': size = 8; break;
            case 'V': size = 0; break;
            case 'S':
            case 'F':
            case 'A':
            case 'x':
                if (at + 4 > table_end) return false;
                size = 4 + static_cast<size_t>(be32(p, at));
                break;
            default: return false;
        }
        if (size > table_end - at) return false;
        at += size;
    }
    at = table_end;
    for (int strings = 0; strings < 2; ++strings) {
        if (at + 4 > end) return false;
        const size_t length = be32(p, at);
        if (length == 0 || length > end - at - 4 || !printable(p.subspan(at + 4, length))) return false;
        at += 4 + length;
    }
    return at == end;
}

// collectd's binary network protocol (collectd wiki "Binary protocol",
// src/network.c): parts of type, length (>= 4, with the header) that tile
// the datagram. Strings (host 0, plugin 2, plugin instance 3, type 4, type
// instance 5, message 0x100) end with NUL (only the host may not be empty); numbers (time 1, interval 7,
// time_hr 8, interval_hr 9, severity 0x101) are 8 octets; values (6) hold
// a count n >= 1, n types 0-3 and n 8-octet values. A plain packet has a
// host and a time; a signed one starts with its signature part (0x200,
// HMAC-SHA-256 + user name); an encrypted one is one part (0x210: user
// name, IV, then ciphertext).
bool collectd_packet(Payload p) {
    if (p.size() < 8) return false;
    if (be16(p, 0) == 0x0210) {
        const size_t user = be16(p, 4);
        return be16(p, 2) == p.size() && user > 0 && 6 + user + 16 + 20 <= p.size() && printable(p.subspan(6, user));
    }
    bool host = false, time = false;
    for (size_t at = 0; at < p.size();) {
        if (at + 4 > p.size()) return false;
        const unsigned type = be16(p, at);
        const size_t length = be16(p, at + 2);
        if (length < 4 || at + length > p.size()) return false;
        const Payload body = p.subspan(at + 4, length - 4);
        switch (type) {
            case 0x0000:
            case 0x0002:
            case 0x0003:
            case 0x0004:
            case 0x0005:
            case 0x0100:
                if (!collectd_string(body, type == 0x0100) || (type == 0 && body.size() < 2)) return false;
                host = host || type == 0;
                break;
            case 0x0001:
            case 0x0007:
            case 0x0008:
            case 0x0009:
            case 0x0101:
                if (body.size() != 8) return false;
                time = time || type == 0x0001 || type == 0x0008;
                break;
            case 0x0006: {
                const size_t n = body.size() >= 2 ? be16(body, 0) : 0;
                if (n == 0 || body.size() != 2 + 9 * n ||
                    !std::all_of(body.begin() + 2, body.begin() + 2 + static_cast<std::ptrdiff_t>(n),
                                 [](std::uint8_t t) { return t <= 3; }))
                    return false;
                break;
            }
            case 0x0200:
                if (at != 0 || body.size() < 32 + 1 || !printable(body.subspan(32))) return false;
                break;
            default: return false;
        }
        at += length;
    }
    return host && time;
}

// SANE standard 5.2 (network protocol) 5.2.5 SANE_NET_INIT: word opcode 0,
// word version code (major 1, build = network protocol version 3), then
// the user name as a SANE string: a word length (0: none) and that many
// octets, printable, the last NUL, ending the payload.
bool sane_net_init(Payload p) {
    if (p.size() < 12 || be32(p, 0) != 0) return false;
    const std::uint32_t version = be32(p, 4);
    if (version >> 24 != 1 || (version & 0xffff) != 3) return false;
    const size_t length = be32(p, 8);
    if (12 + length != p.size()) return false;
    return length == 0 || (length >= 2 && p.back() == 0 && printable(p.subspan(12, length - 1)));
}

// Gearman protocol (gearman.org/protocol, "Binary Protocol"): packets of
// magic "\0REQ" / "\0RES" (one kind per payload), type 1-42 (not 5), data
// size = what follows up to the next packet; the types without arguments
// have none. The packets tile the payload.
bool gearman_packets(Payload p) {
    const bool request = has_at(p, 0, string_view("\0REQ", 4));
    const string_view magic = request ? string_view("\0REQ", 4) : string_view("\0RES", 4);
    size_t at = 0;
    while (at < p.size()) {
        if (at + 12 > p.size() || !has_at(p, at, magic)) return false;
        const unsigned type = static_cast<unsigned>(be32(p, at + 4));
        const size_t size = be32(p, at + 8);
        if (!in_range(type, 1, 42) || type == 5 || size > p.size() - at - 12) return false;
        if (one_of(type, {3, 4, 6, 9, 10, 24, 26}) && size != 0) return false;
        at += 12 + size;
    }
    return true;
}

// NBD protocol (proto.md "Handshake"): "NBDMAGIC", then "IHAVEOPT" and the
// 16-bit handshake flags (bits 0-1) of the newstyle handshake (the flags
// may come in the next segment), or the oldstyle magic 0x00420281861253,
// export size, flags and 124 zeros.
bool nbd_server_greeting(Payload p) {
    if (!has_at(p, 0, "NBDMAGIC")) return false;
    if (p.size() == 16 || p.size() == 18)
        return has_at(p, 8, "IHAVEOPT") && (p.size() == 16 || (be16(p, 16) & ~3u) == 0);
    return p.size() == 152 && has_at(p, 8, string_view("\x00\x00\x42\x02\x81\x86\x12\x53", 8)) &&
           all_zero(p.subspan(28));
}
// The same section: the client's flags (bits 0-1; may come alone in an
// earlier segment), then options: "IHAVEOPT", option 1-10, data length =
// what follows up to the next option; the options tile the payload.
bool nbd_client_options(Payload p) {
    size_t at = p.size() >= 4 && be32(p, 0) <= 3 ? 4 : 0;
    if (!has_at(p, at, "IHAVEOPT")) return false;
    while (at < p.size()) {
        if (at + 16 > p.size() || !has_at(p, at, "IHAVEOPT") || !in_range(be32(p, at + 8), 1, 10) ||
            be32(p, at + 12) > p.size() - at - 16)
            return false;
        at += 16 + be32(p, at + 12);
    }
    return true;
}

// RFC 6347 4.1-4.2.2: a handshake record (type 22, DTLS 1.0/1.2, epoch 0,
// length inside the datagram) whose message (ClientHello 1, ServerHello 2,
// HelloVerifyRequest 3; message length, fragment offset 0, fragment length
// = the record's body - 12) is whole and whose fields fit; later records
// (types 20-23, same version) tile the datagram.
bool dtls_hello(Payload p) {
    if (p.size() < 13 + 12 + 3 || p[0] != 22 || !dtls_version(be16(p, 1)) || be16(p, 3) != 0) return false;
    const size_t record_end = 13 + be16(p, 11);
    if (record_end > p.size()) return false;
    const std::uint8_t type = p[13];
    const size_t length = be24(p, 14);
    if (!in_range(type, 1, 3) || be24(p, 19) != 0 || be24(p, 22) != length || 25 + length != record_end) return false;
    if (!dtls_hello_body(p.subspan(25, length), type)) return false;
    for (size_t at = record_end; at < p.size(); at += 13 + be16(p, at + 11)) {
        if (at + 13 > p.size() || !in_range(p[at], 20, 23) || be16(p, at + 1) != be16(p, 1) ||
            at + 13 + be16(p, at + 11) > p.size())
            return false;
    }
    return true;
}

// RFC 2131 2-3, RFC 2132 2-3, 9.6: op 1/2, a hardware address of at most
// 16 octets (0 on InfiniBand, RFC 4390), hops <= 16, flags only the broadcast bit, the magic cookie
// 99.130.83.99 at 236, options (code, length) up to END with one DHCP
// message type (53, 1-18), then only zero padding.
bool dhcp_message(Payload p) {
    if (p.size() < 244 || (p[0] != 1 && p[0] != 2) || p[1] == 0 || p[2] > 16 || p[3] > 16 ||
        (be16(p, 10) & 0x7fff) != 0 || be32(p, 236) != 0x63825363)
        return false;
    bool type = false;
    for (size_t at = 240; at < p.size();) {
        const unsigned code = p[at];
        if (code == 0) {
            ++at;
            continue;
        }
        if (code == 255) return type && all_zero(p.subspan(at + 1));
        if (at + 2 > p.size() || at + 2 + p[at + 1] > p.size()) return false;
        if (code == 53) {
            if (type || p[at + 1] != 1 || !in_range(p[at + 2], 1, 18)) return false;
            type = true;
        }
        at += 2 + p[at + 1];
    }
    return false;
}

// RFC 7296 3.1-3.2 (IKEv2) / RFC 2408 3.1-3.2 (ISAKMP, IKEv1): initiator
// SPI not zero, version 2.0 / 1.0, the version's exchange types and flags,
// length = the message; a chain of payloads (the version's types; reserved
// bits zero; length >= 4) that ends at the end with next payload 0, or
// with IKEv2's Encrypted payload. RFC
// 3948 2.2: a non-ESP marker (4 zero octets) may precede the header.
bool ike_message(Payload p) {
    if (p.size() >= 4 + 28 && be32(p, 0) == 0) p = p.subspan(4);
    if (p.size() < 28 + 4 || (be32(p, 0) == 0 && be32(p, 4) == 0) || be32(p, 24) != p.size()) return false;
    const std::uint8_t version = p[17], exchange = p[18], flags = p[19];
    const bool v2 = version == 0x20;
    if (v2 ? (!in_range(exchange, 34, 37) && exchange != 43) || (flags & ~0x38u) != 0
           : version != 0x10 || !one_of(exchange, {1, 2, 3, 4, 5, 32, 33}) || flags > 7)
        return false;
    const auto known = [v2](unsigned next) {
        return v2 ? in_range(next, 33, 48) || next == 53 : in_range(next, 1, 13) || next == 20 || next == 21;
    };
    unsigned next = p[16];
    size_t at = 28;
    if (next == 0) return false;
    // IKEv1 payloads after an encrypted header (flag E) are ciphertext.
    if (!v2 && (flags & 1)) return known(next);
    while (next != 0) {
        if (!known(next) || at + 4 > p.size() || (p[at + 1] & (v2 ? 0x7f : 0xff)) != 0) return false;
        const size_t length = be16(p, at + 2);
        if (length < 4 || at + length > p.size()) return false;
        // RFC 7296 3.14, RFC 7383 2.5: the Encrypted (Fragment) payload is the
        // last; its next payload names the first one inside the ciphertext.
        if (v2 && (next == 46 || next == 53)) return at + length == p.size();
        next = p[at];
        at += length;
    }
    return at == p.size();
}

// RFC 2637 2.1-2.16: length = the message, message type 1 (control), magic
// cookie 0x1A2B3C4D, control message type 1-15 with its fixed length,
// reserved 0; start-control-connection messages carry version 1.0.
bool pptp_control(Payload p) {
    static constexpr unsigned kLengths[] = {0, 156, 156, 16, 16, 16, 20, 168, 32, 220, 24, 28, 16, 148, 40, 24};
    if (p.size() < 16 || be16(p, 0) != p.size() || be16(p, 2) != 1 || be32(p, 4) != 0x1a2b3c4d) return false;
    const unsigned type = be16(p, 8);
    return in_range(type, 1, 15) && be16(p, 10) == 0 && p.size() == kLengths[type] &&
           (type > 2 || be16(p, 12) == 0x0100);
}

// [MS-TDS] 2.2.3.1, 2.2.6.5: packet header (PRELOGIN 0x12, or 0x04 for the
// server's answer; status end-of-message; length = the payload; window
// 0), then option tokens (VERSION 0 first, tokens ascending up to 8, each
// offset past the token list, each length inside the packet) ended by
// 0xFF; VERSION is 6 octets, ENCRYPTION 1 (0-3), MARS 1 (0-1).
bool tds_prelogin(Payload p) {
    if (p.size() < 8 + 6 + 6 || (p[0] != 0x12 && p[0] != 0x04) || p[1] != 0x01 || be16(p, 2) != p.size() || p[7] != 0)
        return false;
    const Payload d = p.subspan(8);
    size_t list_end = 0;
    while (list_end < d.size() && d[list_end] != 0xff) list_end += 5;
    if (list_end == 0 || list_end >= d.size()) return false;
    int last = -1;
    for (size_t t = 0; t < list_end; t += 5) {
        const unsigned token = d[t];
        const size_t offset = be16(d, t + 1), length = be16(d, t + 3);
        if (token > 8 || static_cast<int>(token) <= last || (t == 0 && token != 0)) return false;
        last = static_cast<int>(token);
        if (offset < list_end + 1 || offset + length > d.size()) return false;
        if (token == 0 && length != 6) return false;
        if (token == 1 && (length != 1 || d[offset] > 3)) return false;
        if (token == 4 && (length != 1 || d[offset] > 1)) return false;
    }
    return true;
}

// MongoDB wire protocol (docs "Legacy opcodes", "OP_MSG"): header
// (messageLength = the payload, requestID, responseTo, opCode) then
// OP_MSG (2013: flags 0, 1, 16 only; sections of kind 0, a document, or
// kind 1, size + identifier + documents, to the end, less a checksum with
// flag 0), OP_QUERY (2004: flags, "db.collection", skip, count, a query
// and maybe a field selector to the end) or OP_REPLY (1: flags 0-3,
// cursor, start, count, that many documents to the end).
bool mongodb_message(Payload p) {
    if (p.size() < 16 + 4 + 5 || le32(p, 0) != p.size()) return false;
    const std::uint32_t op = le32(p, 12), flags = le32(p, 16);
    size_t at = 20;
    switch (op) {
        case 2013: {
            if ((flags & ~0x10003u) != 0) return false;
            const size_t end = p.size() - ((flags & 1) != 0 ? 4 : 0);
            if (at >= end) return false;
            while (at < end) {
                const std::uint8_t kind = p[at++];
                if (kind == 0) {
                    if (!bson_document(p, at, end)) return false;
                    continue;
                }
                if (kind != 1 || at + 4 > end) return false;
                const size_t size = le32(p, at);
                if (size < 4 + 2 || size > end - at) return false;
                const size_t section_end = at + size;
                at += 4;
                if (!c_string(p, at, section_end)) return false;
                while (at < section_end)
                    if (!bson_document(p, at, section_end)) return false;
            }
            return true;
        }
        case 2004: {
            if ((flags & ~0xfeu) != 0) return false;
            const size_t name = at;
            if (!c_string(p, at, p.size()) || at - name < 4 ||
                std::find(p.begin() + static_cast<std::ptrdiff_t>(name), p.begin() + static_cast<std::ptrdiff_t>(at),
                          '.') == p.begin() + static_cast<std::ptrdiff_t>(at))
                return false;
            at += 8;
            if (at > p.size() || !bson_document(p, at, p.size())) return false;
            return at == p.size() || (bson_document(p, at, p.size()) && at == p.size());
        }
        case 1: {
            if ((flags & ~0xfu) != 0 || p.size() < 36) return false;
            const std::uint32_t count = le32(p, 32);
            at = 36;
            for (std::uint32_t k = 0; k < count; ++k)
                if (!bson_document(p, at, p.size())) return false;
            return at == p.size();
        }
        default: return false;
    }
}

// IEEE 1815-2012 9.2: frames of start 0x05 0x64, length 5-255 (control,
// addresses, user data), control (primary functions 0-4, 9; secondary 0,
// 1, 11, 15), destination, source, header CRC, then the user data in
// blocks of 16 octets each followed by its CRC; frames tile the payload.
bool dnp3_frames(Payload p) {
    size_t at = 0;
    while (at < p.size()) {
        if (at + 10 > p.size() || p[at] != 0x05 || p[at + 1] != 0x64 || p[at + 2] < 5) return false;
        const std::uint8_t control = p[at + 3];
        const unsigned function = control & 0x0f;
        if ((control & 0x40) != 0 ? !one_of(function, {0, 1, 2, 3, 4, 9}) : !one_of(function, {0, 1, 11, 15}))
            return false;
        if (!dnp3_crc_ok(p, at, 8)) return false;
        size_t data = p[at + 2] - 5u;
        at += 10;
        while (data > 0) {
            const size_t block = std::min<size_t>(data, 16);
            if (at + block + 2 > p.size() || !dnp3_crc_ok(p, at, block)) return false;
            at += block + 2;
            data -= block;
        }
    }
    return true;
}

}  // namespace ghostports::framed

// ============================================================================
// Services of nmap's most frequently open ports (doc/coverage.md), each
// from its specification.

namespace ghostports::framed {
namespace {

// A 16-bit field in the byte order the message itself declares.
unsigned u16_in(Payload p, size_t at, bool little) {
    return little ? le16(p, at) : be16(p, at);
}

// --- DCE/RPC (C706 12) ---------------------------------------------------------

// 12.6.3.1 / 14.1: the data representation: integer (big / little endian)
// and character (ASCII / EBCDIC) in the first octet, floating point 0-3 in
// the second, the third zero.
bool dcerpc_drep(Payload p, size_t at) {
    return one_of(p[at], {0x00, 0x01, 0x10, 0x11}) && p[at + 1] <= 3 && p[at + 2] == 0;
}

// 12.6.4.3 bind / alter_context: max fragment sizes (>= 1432, the
// MustRecvFragSize of 12.6.3.1), association group, n >= 1 presentation
// contexts (id, n >= 1 transfer syntaxes, reserved, abstract syntax UUID +
// version, the transfer syntaxes). Returns where the body ends, or 0.
size_t dcerpc_bind_end(Payload p, size_t end, bool little) {
    if (28 > end || u16_in(p, 16, little) < 1432 || u16_in(p, 18, little) < 1432) return 0;
    const unsigned contexts = p[24];
    if (contexts == 0 || p[25] != 0 || be16(p, 26) != 0) return 0;
    size_t at = 28;
    for (unsigned c = 0; c < contexts; ++c) {
        if (at + 4 > end || p[at + 2] == 0 || p[at + 3] != 0) return 0;
        at += 4 + 20 + 20u * p[at + 2];
        if (at > end) return 0;
    }
    return at;
}
// 12.6.4.4 bind_ack / alter_context_resp: max fragment sizes, association
// group, the secondary address (length, then a NUL-ended string), padding
// to 4, n results (result 0-3, reason, transfer syntax). Returns the end, or 0.
size_t dcerpc_bind_ack_end(Payload p, size_t end, bool little) {
    if (28 > end) return 0;
    const size_t address = u16_in(p, 24, little);
    size_t at = 26 + address;
    if (address > 0 && (at > end || p[at - 1] != 0 || !printable(p.subspan(26, address - 1)))) return 0;
    at = (at + 3) & ~size_t{3};
    if (at + 4 > end || p[at] == 0 || p[at + 1] != 0 || be16(p, at + 2) != 0) return 0;
    const unsigned results = p[at];
    at += 4;
    for (unsigned r = 0; r < results; ++r, at += 24)
        if (at + 24 > end || u16_in(p, at, little) > 3) return 0;
    return at;
}
// 12.6.3.1 / 13.2.6.1: a PDU's authentication verifier: the sec_trailer
// (type, level 1-6, padding, reserved 0, context) and auth_length octets
// end the fragment, after `body_end` plus the stated padding (when the
// body's end is known; else anywhere after the fixed part `fixed`).
bool dcerpc_auth_fits(Payload p, size_t frag, size_t auth, size_t fixed, size_t body_end) {
    if (auth == 0) return body_end == 0 ? fixed <= frag : body_end == frag;
    if (fixed + 8 + auth > frag) return false;
    const size_t trailer = frag - 8 - auth;
    if (!in_range(p[trailer + 1], 1, 6) || p[trailer + 3] != 0) return false;
    return body_end == 0 || body_end + p[trailer + 2] == trailer;
}
// 12.6.3.1: a connection-oriented PDU at the start of `p` (version 5.0 /
// 5.1, an assigned type, the data representation, fragment length >= the
// header) whose body fits as its type lays it out.
bool dcerpc_co_pdu(Payload p) {
    if (p.size() < 16 || p[0] != 5 || p[1] > 1 || !dcerpc_drep(p, 4) || p[7] != 0) return false;
    const bool little = (p[4] & 0x10) != 0;
    const size_t frag = u16_in(p, 8, little), auth = u16_in(p, 10, little);
    if (frag < 16 || frag > p.size() || (auth != 0 && 24 + auth > frag)) return false;
    const Payload f = p.first(frag);
    switch (p[2]) {
        case 0: return dcerpc_auth_fits(f, frag, auth, (p[3] & 0x80) != 0 ? 40 : 24, 0);  // request (object UUID)
        case 2: return dcerpc_auth_fits(f, frag, auth, 24, 0);                            // response
        case 3: return dcerpc_auth_fits(f, frag, auth, 32, 0);                            // fault
        case 11:
        case 14: {  // bind, alter_context: first and last fragment
            const size_t end = dcerpc_bind_end(f, auth == 0 ? frag : frag - 8 - auth, little);
            return (p[3] & 3) == 3 && end != 0 && dcerpc_auth_fits(f, frag, auth, end, end);
        }
        case 12:
        case 15: {
            const size_t end = dcerpc_bind_ack_end(f, auth == 0 ? frag : frag - 8 - auth, little);
            return (p[3] & 3) == 3 && end != 0 && dcerpc_auth_fits(f, frag, auth, end, end);
        }
        case 13: return auth == 0 && frag >= 19 && frag >= 19 + 2u * p[18] && u16_in(p, 16, little) <= 9;  // bind_nak
        case 16: return auth > 0 && dcerpc_auth_fits(f, frag, auth, 20, 0);                                // auth3
        case 17:
        case 18:
        case 19: return dcerpc_auth_fits(f, frag, auth, 16, 0);  // shutdown, co_cancel, orphaned
        default: return false;
    }
}

// --- H.225.0 call signalling: Q.931 in TPKT ------------------------------------

// ITU-T Q.931 4 as H.225.0 7 profiles it: protocol discriminator 8, a
// 2-octet call reference, a message type H.225.0 uses, then information
// elements (single-octet ones with the top bit; others id, length) that end
// the message; the User-user element (0x7E) has a 2-octet length and holds
// the H.225.0 PDU (discriminator 5, X.208 coded).
bool q931_h225_message(Payload m) {
    if (m.size() < 5 || m[0] != 0x08 || m[1] != 2 ||
        !one_of(m[4], {0x01, 0x02, 0x03, 0x05, 0x07, 0x0d, 0x5a, 0x62, 0x6e, 0x75, 0x7b, 0x7d}))
        return false;
    bool user_user = false;
    for (size_t at = 5; at < m.size();) {
        const std::uint8_t ie = m[at];
        if (ie & 0x80) {
            ++at;
            continue;
        }
        if (ie == 0x7e) {
            if (at + 4 > m.size() || be16(m, at + 1) < 2 || at + 3 + be16(m, at + 1) > m.size() || m[at + 3] != 0x05)
                return false;
            user_user = true;
            at += 3 + be16(m, at + 1);
            continue;
        }
        if (at + 2 > m.size() || at + 2 + m[at + 1] > m.size()) return false;
        at += 2 + m[at + 1];
    }
    return user_user;
}

// --- SMUX (RFC 1227) -----------------------------------------------------------

// BER (X.690 8.1.3): a definite length, short or long form (net-snmp
// writes 0x82 + 2 octets whatever the value).
bool ber_tlv(Payload p, size_t &at, std::uint8_t tag, size_t limit, size_t &begin, size_t &end) {
    if (at + 2 > limit || p[at] != tag) return false;
    size_t length = p[at + 1];
    at += 2;
    if (length & 0x80) {
        const size_t octets = length & 0x7f;
        if (octets == 0 || octets > 3 || at + octets > limit) return false;
        length = 0;
        for (size_t k = 0; k < octets; ++k) length = length << 8 | p[at++];
    }
    if (length > limit - at) return false;
    begin = at;
    end = at + length;
    at = end;
    return true;
}
// An OBJECT IDENTIFIER's content: at least two arcs, each arc's last octet below 0x80.
bool ber_oid(Payload p, size_t begin, size_t end) {
    return end - begin >= 1 && end - begin <= 128 && p[end - 1] < 0x80;
}
// RFC 1227 3.1: SimpleOpen [APPLICATION 0] { version 0, identity OID,
// description DisplayString, password OCTET STRING }, filling it.
bool smux_open(Payload p, size_t &at) {
    size_t begin = 0, end = 0, b = 0, e = 0;
    if (!ber_tlv(p, at, 0x60, p.size(), begin, end)) return false;
    size_t in = begin;
    if (!ber_tlv(p, in, 0x02, end, b, e) || e - b != 1 || p[b] != 0) return false;
    if (!ber_tlv(p, in, 0x06, end, b, e) || !ber_oid(p, b, e)) return false;
    if (!ber_tlv(p, in, 0x04, end, b, e) || !printable(p.subspan(b, e - b))) return false;
    return ber_tlv(p, in, 0x04, end, b, e) && in == end;
}
// RFC 1227 3.2: RReqPDU [APPLICATION 2] { subtree OID, priority INTEGER
// (-1..2^31-1), operation 0-2 }; ClosePDU [APPLICATION 1] reason 0-5.
bool smux_follow_up(Payload p, size_t &at) {
    size_t begin = 0, end = 0, b = 0, e = 0;
    if (p[at] == 0x41) return ber_tlv(p, at, 0x41, p.size(), b, e) && e - b == 1 && p[b] <= 5;
    if (!ber_tlv(p, at, 0x62, p.size(), begin, end)) return false;
    size_t in = begin;
    if (!ber_tlv(p, in, 0x06, end, b, e) || !ber_oid(p, b, e)) return false;
    if (!ber_tlv(p, in, 0x02, end, b, e) || !in_range(static_cast<unsigned>(e - b), 1, 4)) return false;
    return ber_tlv(p, in, 0x02, end, b, e) && e - b == 1 && p[b] <= 2 && in == end;
}

// --- AJP13 (Tomcat "AJPv13" protocol reference) -----------------------------------

// A string: 2-octet length, the octets and a NUL; 0xFFFF is the null string.
bool ajp_string(Payload p, size_t &at, size_t end) {
    if (at + 2 > end) return false;
    const size_t length = be16(p, at);
    at += 2;
    if (length == 0xffff) return true;
    if (length > end - at || end - at - length < 1 || p[at + length] != 0) return false;
    at += length + 1;
    return true;
}
// Headers: a count, then each a name (a code 0xA0nn up to `last_code`, or a
// string) and a value string.
bool ajp_headers(Payload p, size_t &at, size_t end, unsigned last_code) {
    if (at + 2 > end) return false;
    const unsigned count = be16(p, at);
    at += 2;
    for (unsigned h = 0; h < count; ++h) {
        if (at + 2 > end) return false;
        if (p[at] == 0xa0) {
            if (!in_range(p[at + 1], 1, last_code)) return false;
            at += 2;
        } else if (!ajp_string(p, at, end)) {
            return false;
        }
        if (!ajp_string(p, at, end)) return false;
    }
    return true;
}
// Forward Request (prefix 2): method 1-27, protocol, URI, remote address,
// remote host, server name, port, is_ssl 0/1, headers (codes to 0xA00E),
// attributes (codes 1-13, req_attribute 10 a name and a value,
// ssl_key_size 11 an integer) up to the terminator 0xFF, which ends it.
bool ajp_forward_request(Payload p, size_t at, size_t end) {
    if (at + 2 > end || p[at] != 2 || !in_range(p[at + 1], 1, 27)) return false;
    at += 2;
    for (int s = 0; s < 5; ++s)
        if (!ajp_string(p, at, end)) return false;
    if (at + 3 > end || p[at + 2] > 1) return false;
    at += 3;
    if (!ajp_headers(p, at, end, 0x0e)) return false;
    while (at < end) {
        const std::uint8_t code = p[at++];
        if (code == 0xff) return at == end;
        if (!in_range(code, 1, 13)) return false;
        if (code == 11) {
            at += 2;
            continue;
        }
        if (!ajp_string(p, at, end) || (code == 10 && !ajp_string(p, at, end))) return false;
    }
    return false;
}
// The container's messages ("AB"): Send Body Chunk 3 (length, the octets,
// a NUL or not), Send Headers 4 (status, message, headers to 0xA00B), End
// Response 5 (reuse 0/1), Get Body Chunk 6 (a length), CPong 9.
bool ajp_container_message(Payload p, size_t at, size_t end) {
    const size_t length = end - at;
    switch (p[at]) {
        case 3:
            return length >= 3 &&
                   (be16(p, at + 1) + 3u == length || (be16(p, at + 1) + 4u == length && p[end - 1] == 0));
        case 4: {
            if (length < 3 || !in_range(be16(p, at + 1), 100, 599)) return false;
            at += 3;
            return ajp_string(p, at, end) && ajp_headers(p, at, end, 0x0b) && at == end;
        }
        case 5: return length == 2 && p[at + 1] <= 1;
        case 6: return length == 3;
        case 9: return length == 1;
        default: return false;
    }
}

// --- NetBIOS over TCP/IP (RFC 1002) ---------------------------------------------

// 4.2.1.3 / 4.2.1.4: a name (encoded, or a pointer to the question's at
// 12), type NB / NBSTAT / NULL / NS / A, class IN, TTL, RDATA of RDLENGTH
// (NB: 6-octet entries, or the 2 octets of a WACK; NBSTAT: a count and its
// 18-octet names inside).
bool nbns_record(Payload p, size_t &at, unsigned opcode) {
    if (at + 2 <= p.size() && be16(p, at) == 0xc00c) {
        at += 2;
    } else if (!netbios_name(p, at)) {
        return false;
    }
    if (at + 10 > p.size()) return false;
    const unsigned type = be16(p, at);
    const size_t length = be16(p, at + 8);
    if (be16(p, at + 2) != 1 || at + 10 + length > p.size()) return false;
    at += 10;
    bool fits = false;
    switch (type) {
        case 0x20: fits = length % 6 == 0 || (opcode == 7 && length == 2); break;
        case 0x21: fits = length >= 1 && length >= 1 + 18u * p[at]; break;
        case 0x0a:
        case 0x02:
        case 0x01: fits = true; break;
        default: fits = false;
    }
    at += length;
    return fits;
}

// --- SLP (RFC 2608) ---------------------------------------------------------------

// 4.3 / 9.2: a URL entry (reserved 0, lifetime, a URL string, its
// authentication blocks) and authentication blocks (count, then each a
// BSD, a length >= 10 covering it, a timestamp, an SPI string).
bool slp_auth_blocks(Payload p, size_t &at, size_t end) {
    if (at >= end) return false;
    const unsigned count = p[at++];
    for (unsigned k = 0; k < count; ++k) {
        if (at + 10 > end || be16(p, at + 2) < 10 || at + be16(p, at + 2) > end) return false;
        at += be16(p, at + 2);
    }
    return true;
}
bool slp_string(Payload p, size_t &at, size_t end) {
    if (at + 2 > end || be16(p, at) > end - at - 2) return false;
    at += 2 + be16(p, at);
    return true;
}
bool slp_url_entry(Payload p, size_t &at, size_t end) {
    if (at + 3 > end || p[at] != 0) return false;
    at += 3;
    return slp_string(p, at, end) && slp_auth_blocks(p, at, end);
}
// 8.1-10.x: each function's fields, in order: s string, e error code
// (0-15), t timestamp, u URL entry, c URL entry count and entries, a
// authentication blocks, n naming authority (0xFFFF: all).
constexpr std::array<string_view, 12> kSlpBodies = {"",      "sssss", "ec",      "usssa", "sus", "e",
                                                    "sssss", "esa",   "etssssa", "sns",   "es",  "sssa"};
bool slp_body(Payload p, size_t at, size_t end, unsigned function) {
    for (const char field : kSlpBodies[function]) {
        bool ok = true;
        switch (field) {
            case 's': ok = slp_string(p, at, end); break;
            case 'e':
                ok = at + 2 <= end && be16(p, at) <= 15;
                at += 2;
                break;
            case 't': at += 4; break;
            case 'u': ok = slp_url_entry(p, at, end); break;
            case 'a': ok = slp_auth_blocks(p, at, end); break;
            case 'n': {
                if (at + 2 > end) return false;
                const size_t n = be16(p, at);
                at += 2 + (n == 0xffff ? 0 : n);
                break;
            }
            default: {  // 'c'
                if (at + 2 > end) return false;
                const unsigned count = be16(p, at);
                at += 2;
                for (unsigned k = 0; k < count && ok; ++k) ok = slp_url_entry(p, at, end);
            }
        }
        if (!ok || at > end) return false;
    }
    return at == end;
}

// --- LDP (RFC 5036 3.5) -------------------------------------------------------------

// Messages (U bit + an assigned type, or an unknown one with U set; length
// = message id + parameters; parameters TLVs of length that tile it)
// that tile [at, end).
bool ldp_messages(Payload p, size_t at, size_t end) {
    for (bool first = true; at < end; first = false) {
        if (at + 8 > end) return false;
        const unsigned type = be16(p, at), length = be16(p, at + 2);
        const bool known = one_of(type & 0x7fff, {0x0001, 0x0100, 0x0200, 0x0201, 0x0202, 0x0300, 0x0301, 0x0400,
                                                  0x0401, 0x0402, 0x0403, 0x0404});
        if ((!known && (first || (type & 0x8000) == 0)) || length < 4 || at + 4 + length > end) return false;
        const size_t message_end = at + 4 + length;
        for (at += 8; at < message_end;) {
            if (at + 4 > message_end || at + 4 + be16(p, at + 2) > message_end) return false;
            at += 4 + be16(p, at + 2);
        }
    }
    return true;
}

// --- NRPE (nrpe's common.h / utils.c) -----------------------------------------------

// The CRC-32 of IEEE 802.3 (reflected 0xEDB88320) that calculate_crc32 computes.
std::uint32_t crc32_of(Payload p, size_t skip_at) {
    std::uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < p.size(); ++i) {
        crc ^= i >= skip_at && i < skip_at + 4 ? 0u : p[i];
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xffffffffu;
}

// --- XDMCP (X Display Manager Control Protocol 1.1) -----------------------------------

// Each opcode's fields (section "Protocol", 1-14): a ARRAY8, A
// ARRAYofARRAY8, s ARRAY16, 1/2/4 CARD8/16/32.
constexpr std::array<string_view, 15> kXdmcpBodies = {"",      "A",   "A",   "A", "aaA", "aaa", "aa", "2sAaaAa",
                                                      "4aaaa", "aaa", "42a", "4", "4a",  "24",  "14"};
bool xdmcp_array8(Payload p, size_t &at, size_t end) {
    if (at + 2 > end || be16(p, at) > end - at - 2) return false;
    at += 2 + be16(p, at);
    return true;
}
bool xdmcp_fields(Payload p, size_t at, size_t end, string_view fields) {
    for (const char field : fields) {
        switch (field) {
            case 'a':
                if (!xdmcp_array8(p, at, end)) return false;
                break;
            case 'A': {
                if (at >= end) return false;
                const unsigned count = p[at++];
                for (unsigned k = 0; k < count; ++k)
                    if (!xdmcp_array8(p, at, end)) return false;
                break;
            }
            case 's':
                if (at >= end) return false;
                at += 1 + 2u * p[at];
                break;
            default: at += static_cast<size_t>(field - '0');
        }
        if (at > end) return false;
    }
    return at == end;
}

// --- RMCP / IPMI (DMTF ASF 2.0 3.2.2; IPMI 2.0 13.6-13.8, 13.17-13.18) ----------------------

// An IPMI LAN message: responder / requester addresses and the netFn,
// then the command and data; the two checksums (two's complement: the
// octets with their checksum sum to zero) agree.
bool ipmi_message(Payload m) {
    if (m.size() < 7) return false;
    const auto sums_to_zero = [](Payload part) {
        unsigned sum = 0;
        for (const std::uint8_t b : part) sum += b;
        return (sum & 0xff) == 0;
    };
    return sums_to_zero(m.first(3)) && sums_to_zero(m.subspan(3));
}
// An RMCP+ algorithm payload (13.17): type, reserved, length 8, algorithm, reserved.
bool rmcp_plus_algorithm(Payload p, size_t at, unsigned type, unsigned highest) {
    return p[at] == type && be16(p, at + 1) == 0 && p[at + 3] == 8 && (p[at + 4] <= highest || p[at + 4] >= 0xc0) &&
           be24(p, at + 5) == 0;
}
// The RMCP+ session payloads this row reads: an unencrypted IPMI message,
// Open Session Request (32 octets: tag, privilege 0-5, reserved, console
// session id, the three algorithm payloads) and its response (36 octets,
// or 8 with an error status).
bool rmcp_plus_payload(Payload d, unsigned type) {
    switch (type) {
        case 0x00: return ipmi_message(d);
        case 0x10:
            return d.size() == 32 && d[1] <= 5 && be16(d, 2) == 0 && rmcp_plus_algorithm(d, 8, 0, 3) &&
                   rmcp_plus_algorithm(d, 16, 1, 4) && rmcp_plus_algorithm(d, 24, 2, 3);
        case 0x11:
            return (d.size() == 8 && d[1] != 0 && d[3] == 0) ||
                   (d.size() == 36 && d[1] == 0 && d[2] <= 5 && d[3] == 0 && rmcp_plus_algorithm(d, 12, 0, 3) &&
                    rmcp_plus_algorithm(d, 20, 1, 4) && rmcp_plus_algorithm(d, 28, 2, 3));
        default: return false;
    }
}

// --- iSCSI (RFC 7143) -----------------------------------------------------------------

// 6.1: a login's text: key=value pairs (keys of letters, digits and
// ".-+@_", values printable), each ended by NUL, at least one.
bool iscsi_text(Payload d) {
    size_t at = 0, pairs = 0;
    while (at < d.size()) {
        const size_t begin = at;
        while (at < d.size() && (std::isalnum(d[at]) != 0 || one_of(d[at], {'.', '-', '+', '@', '_'}))) ++at;
        if (at == begin || at >= d.size() || d[at] != '=') return false;
        const size_t value = ++at;
        while (at < d.size() && d[at] != 0) ++at;
        if (at >= d.size() || !printable(d.subspan(value, at - value))) return false;
        ++at;
        ++pairs;
    }
    return pairs > 0;
}

// --- Oracle TNS (the layout of Wireshark's packet-tns.c) ------------------------------------

// Connect data as Oracle Net writes it: a printable parenthesised
// NAME=value list, "(DESCRIPTION=(CONNECT_DATA=...", balanced to its end.
bool tns_connect_data(Payload d) {
    if (d.empty() || d[0] != '(' || !printable(d)) return false;
    int depth = 0;
    for (size_t i = 0; i < d.size(); ++i) {
        depth += d[i] == '(' ? 1 : d[i] == ')' ? -1 : 0;
        if (depth < 0 || (depth == 0 && i + 1 != d.size())) return false;
    }
    return depth == 0;
}

// --- Kerberos password change (RFC 3244 2) ------------------------------------------------

// Message length = the message, version 1 (RFC 1510's change password) /
// 0xFF80 (set password), the AP length, an AP-REQ (request) or AP-REP
// (reply), then a KRB-PRIV ending it; a reply with no AP-REP carries a
// KRB-ERROR instead.
bool kpasswd_message(Payload p) {
    if (p.size() < 6 + 16 || be16(p, 0) != p.size() || (be16(p, 2) != 1 && be16(p, 2) != 0xff80)) return false;
    const size_t ap = be16(p, 4);
    if (6 + ap >= p.size()) return false;
    const Payload rest = p.subspan(6 + ap);
    if (ap == 0) return rest[0] == 0x7e && krb_message(rest);
    const Payload request = p.subspan(6, ap);
    return (request[0] == 0x6e || request[0] == 0x6f) && krb_message(request) && rest[0] == 0x75 && krb_message(rest);
}

// --- DRDA (Open Group DRDA Vol. 3, DDM and DSS) ----------------------------------------------

// A request / reply DSS's DDM object: length = the DSS's less its header,
// a code point, then parameters (length >= 4, code point) that tile it.
bool drda_ddm(Payload p, size_t at, size_t end, bool parameters) {
    if (at + 4 > end || be16(p, at) != end - at || be16(p, at + 2) < 0x1000) return false;
    if (!parameters) return true;
    for (at += 4; at < end;) {
        if (at + 4 > end || be16(p, at) < 4 || at + be16(p, at) > end) return false;
        at += be16(p, at);
    }
    return true;
}
}  // namespace

// C706 12.6.3.1: connection-oriented PDUs (the first whole; a later one
// may be cut after its header) with one data representation, tiling the
// payload.
bool dcerpc_co(Payload p) {
    if (!dcerpc_co_pdu(p)) return false;
    for (size_t at = u16_in(p, 8, (p[4] & 0x10) != 0); at < p.size();) {
        const Payload rest = p.subspan(at);
        if (rest.size() < 16 || !std::equal(rest.begin(), rest.begin() + 2, p.begin()) ||
            !std::equal(rest.begin() + 4, rest.begin() + 8, p.begin() + 4))
            return false;
        const size_t frag = u16_in(rest, 8, (p[4] & 0x10) != 0);
        if (frag > rest.size()) return frag >= 16;
        if (!dcerpc_co_pdu(rest)) return false;
        at += frag;
    }
    return true;
}

// C706 12.5.3.1: the connectionless 80-octet header: version 4, type 0-10,
// flags (reserved bits 0x01/0x80 and all of flags2 but cancel-pending
// clear), the data representation, an activity UUID of the DCE variant,
// fragment length = the body (with no authentication; else inside it).
bool dcerpc_cl(Payload p) {
    if (p.size() < 80 || p[0] != 4 || p[1] > 10 || (p[2] & 0x81) != 0 || (p[3] & ~0x02u) != 0 || !dcerpc_drep(p, 4))
        return false;
    const size_t body = u16_in(p, 74, (p[4] & 0x10) != 0);
    // The interface (24-39) and activity (40-55) UUIDs are DCE variant UUIDs, not nil.
    if ((p[32] & 0xc0) != 0x80 || (p[48] & 0xc0) != 0x80 || all_zero(p.subspan(24, 16)) || all_zero(p.subspan(40, 16)))
        return false;
    if ((p[1] == 1 || p[1] == 4) && body != 0) return false;  // ping, working: no body
    return p[78] == 0 ? 80 + body == p.size() : 80 + body < p.size();
}

// RFC 1006 6 + Q.931 as H.225.0 profiles it: TPKT packets (version 3,
// length >= 4 + 5) tiling the payload, each one Q.931 message.
bool h225_q931(Payload p) {
    size_t at = 0;
    while (at < p.size()) {
        if (at + 9 > p.size() || p[at] != 3 || p[at + 1] != 0 || be16(p, at + 2) < 9 || at + be16(p, at + 2) > p.size())
            return false;
        if (!q931_h225_message(p.subspan(at + 4, be16(p, at + 2) - 4u))) return false;
        at += be16(p, at + 2);
    }
    return true;
}

// AFP over TCP, DSI (Apple "AFP Programming Guide", DSI header): flags 0
// request / 1 reply, command 1-6 / 8, request id, error code or write
// offset, data length = what follows, reserved 0; messages tile the
// payload. A request's fields fit its command: CloseSession and Tickle
// carry nothing, GetStatus nothing or FPGetSrvrInfo (0x0F 00), OpenSession
// options (type 0-2, a 4-octet value), Command an AFP command, Attention 2 octets.
bool dsi_messages(Payload p) {
    size_t at = 0;
    bool carries_data = false;  // a header alone (16 octets, mostly zero) is too little to name
    while (at < p.size()) {
        if (at + 16 > p.size() || p[at] > 1 || !one_of(p[at + 1], {1, 2, 3, 4, 5, 6, 8}) || be32(p, at + 12) != 0)
            return false;
        const bool reply = p[at] == 1;
        const std::uint32_t field = be32(p, at + 4);
        const size_t length = be32(p, at + 8);
        if (length > p.size() - at - 16) return false;
        const Payload data = p.subspan(at + 16, length);
        bool fits = false;
        switch (p[at + 1]) {
            case 1:
            case 5: fits = length == 0; break;
            case 3: fits = reply || length == 0 || (length == 2 && data[0] == 0x0f && data[1] == 0); break;
            case 4: {
                size_t o = 0;
                while (o + 6 <= length && data[o] <= 2 && data[o + 1] == 4) o += 6;
                fits = o == length;
                break;
            }
            case 2: fits = length >= 1; break;
            case 6: fits = length >= 1 && field <= length; break;
            default: fits = length == 2;  // 8
        }
        // A request's error field is zero (DSIWrite: its data offset); a
        // reply's 0 or an AFP / ASP error (-5120..-1).
        if (!fits || (!reply && p[at + 1] != 6 && field != 0) || (reply && field != 0 && field < 0xffffec00u))
            return false;
        carries_data = carries_data || length > 0;
        at += 16 + length;
    }
    return carries_data;
}

// X Window System Protocol, "Connection Setup": byte order 'B' / 'l',
// unused 0, protocol 11.0, the authorization name and data lengths, unused
// 0, then the name (printable) and data, each padded to 4, ending the
// payload.
bool x11_setup_request(Payload p) {
    if (p.size() < 12 || (p[0] != 'B' && p[0] != 'l') || p[1] != 0) return false;
    const bool little = p[0] == 'l';
    const size_t name = u16_in(p, 6, little), data = u16_in(p, 8, little);
    const auto padded = [](size_t n) { return (n + 3) & ~size_t{3}; };
    return u16_in(p, 2, little) == 11 && u16_in(p, 4, little) == 0 && be16(p, 10) == 0 &&
           12 + padded(name) + padded(data) == p.size() && printable(p.subspan(12, name));
}

// RFC 1227 3.1-3.2: a subagent's SMUX PDUs: its OpenPDU, then register
// requests or a close, tiling the payload.
bool smux_open_pdus(Payload p) {
    size_t at = 0;
    if (!smux_open(p, at)) return false;
    while (at < p.size())
        if (!smux_follow_up(p, at)) return false;
    return true;
}

// The web server's packets (0x12 0x34, length = what follows): a CPing
// (10) alone, or a Forward Request whose fields fill it, then its body
// packets (a chunk length = the rest, or empty).
bool ajp13_request(Payload p) {
    if (p.size() < 5 || be16(p, 0) != 0x1234 || 4 + be16(p, 2) > p.size()) return false;
    const size_t first_end = 4 + be16(p, 2);
    if (p[4] == 10) return first_end == 5 && p.size() == 5;
    if (!ajp_forward_request(p, 4, first_end)) return false;
    for (size_t at = first_end; at < p.size();) {
        if (at + 4 > p.size() || be16(p, at) != 0x1234 || at + 4 + be16(p, at + 2) > p.size()) return false;
        const size_t length = be16(p, at + 2);
        if (length != 0 && (length < 2 || be16(p, at + 4) != length - 2)) return false;
        at += 4 + length;
    }
    return true;
}
// The container's packets ("AB", length = what follows), tiling the payload.
bool ajp13_reply(Payload p) {
    if (p.size() < 5) return false;
    for (size_t at = 0; at < p.size();) {
        if (at + 5 > p.size() || p[at] != 'A' || p[at + 1] != 'B' || be16(p, at + 2) == 0 ||
            at + 4 + be16(p, at + 2) > p.size() || !ajp_container_message(p, at + 4, at + 4 + be16(p, at + 2)))
            return false;
        at += 4 + be16(p, at + 2);
    }
    return true;
}

// RFC 1002 4.2.1: header (opcode query 0 / registration 5 / release 6 /
// WACK 7 / refresh 8, the two reserved NM_FLAGS bits clear, a request's
// RCODE 0, each count 0 or 1), the question (an encoded name, NB or
// NBSTAT, class IN) and the resource records, to the end.
bool nbns_message(Payload p) {
    if (p.size() < 12 + 34 + 4) return false;
    const unsigned flags = be16(p, 2), opcode = (flags >> 11) & 0xf;
    const bool response = (flags & 0x8000) != 0;
    if (!one_of(opcode, {0, 5, 6, 7, 8}) || (flags & 0x0060) != 0 || (!response && (flags & 0xf) != 0)) return false;
    const unsigned questions = be16(p, 4), records = be16(p, 6) + be16(p, 8) + be16(p, 10);
    if (questions > 1 || be16(p, 6) > 1 || be16(p, 8) > 1 || be16(p, 10) > 1 || questions + records == 0) return false;
    size_t at = 12;
    if (questions == 1) {
        if (!netbios_name(p, at) || at + 4 > p.size() || !one_of(be16(p, at), {0x20, 0x21}) || be16(p, at + 2) != 1)
            return false;
        at += 4;
    }
    for (unsigned r = 0; r < records; ++r)
        if (!nbns_record(p, at, opcode)) return false;
    return at == p.size();
}

// RFC 1002 4.4.1-4.4.3: type 0x10-0x16, flags (reserved bits clear), id,
// source address and port; a direct / broadcast datagram's length = what
// follows, offset 0 (a later fragment is no evidence), source and
// destination names, then SMB; an error's code 0x82-0x84; a query's name.
bool nbdgm_message(Payload p) {
    if (p.size() < 11 || !in_range(p[0], 0x10, 0x16) || (p[1] & 0xf0) != 0) return false;
    size_t at = 10;
    switch (p[0]) {
        case 0x13: return p.size() == 11 && in_range(p[10], 0x82, 0x84);
        case 0x14:
        case 0x15:
        case 0x16: return netbios_name(p, at) && at == p.size();
        default:
            if (p.size() < 14 + 68 + 4 || be16(p, 10) + 14u != p.size() || be16(p, 12) != 0 || (p[1] & 0x02) == 0)
                return false;
            at = 14;
            return netbios_name(p, at) && netbios_name(p, at) && has_at(p, at, "\xffSMB");
    }
}

// RFC 3948 2.2: IKE on the NAT-T port behind its non-ESP marker (four zero octets).
bool ike_nat_t(Payload p) {
    return p.size() > 4 && be32(p, 0) == 0 && ike_message(p);
}

// RFC 2661 3.1 / RFC 3931 3.2.1, 4.1.2.1: a control message (T, L, S set,
// version 2 / 3), length = the datagram, tunnel / connection ids, Ns, Nr,
// then AVPs (M H reserved-zero length >= 6, vendor, type) tiling it, the
// first Message Type (M, length 8, vendor 0, type 0) with an assigned value.
bool l2tp_control(Payload p) {
    if (p.size() < 12 + 8 || (be16(p, 0) != 0xc802 && be16(p, 0) != 0xc803) || be16(p, 2) != p.size()) return false;
    const unsigned message = be16(p, 18);
    if (be16(p, 12) != 0x8008 || be32(p, 14) != 0 || !(in_range(message, 1, 16) || (p[1] == 3 && message == 20)))
        return false;
    for (size_t at = 12; at < p.size();) {
        if (at + 6 > p.size()) return false;
        const unsigned head = be16(p, at), length = head & 0x3ff;
        if ((head & 0x3c00) != 0 || length < 6 || at + length > p.size()) return false;
        at += length;
    }
    return true;
}

// RFC 2608 8: version 2, function 1-11, length (3 octets) = the message,
// flags O F R only, no extension, XID, a language tag (letters, digits,
// '-'), then the function's fields filling it.
bool slp_message(Payload p) {
    if (p.size() < 16 || p[0] != 2 || !in_range(p[1], 1, 11) || be24(p, 2) != p.size() || (be16(p, 5) & 0x1fff) != 0 ||
        be24(p, 7) != 0)
        return false;
    const size_t tag = be16(p, 12);
    if (tag == 0 || 14 + tag > p.size() ||
        !std::all_of(p.begin() + 14, p.begin() + 14 + static_cast<std::ptrdiff_t>(tag),
                     [](std::uint8_t c) { return std::isalnum(c) != 0 || c == '-'; }))
        return false;
    return slp_body(p, 14 + tag, p.size(), p[1]);
}

// RFC 5036 3.1, 3.5: PDUs (version 1, length = LDP id + messages, <= 4096,
// an LDP identifier) tiling the payload, each carrying messages that tile it.
bool ldp_pdus(Payload p) {
    size_t at = 0;
    while (at < p.size()) {
        if (at + 10 + 8 > p.size() || be16(p, at) != 1 || !in_range(be16(p, at + 2), 6 + 8, 4096) ||
            at + 4 + be16(p, at + 2) > p.size() || !ldp_messages(p, at + 10, at + 4 + be16(p, at + 2)))
            return false;
        at += 4 + be16(p, at + 2);
    }
    return true;
}

// nrpe common.h: a packet of version 2 (fixed 1036 octets: version, type
// query 1 / response 2, CRC-32, result code, a 1024-octet buffer) or 3 / 4
// (a 16-octet header with the buffer's length, the buffer, padding to the
// struct's size), its CRC-32 over the packet with the field zeroed
// agreeing (check_nrpe fills a v2 query's unused fields with random octets).
bool nrpe_packet(Payload p) {
    if (p.size() < 16 || be16(p, 0) < 2 || be16(p, 0) > 4 || !in_range(be16(p, 2), 1, 2)) return false;
    if (be16(p, 0) == 2 ? p.size() != 1036 : be32(p, 12) > p.size() - 16 || p.size() - 16 - be32(p, 12) > 4)
        return false;
    return crc32_of(p, 4) == be32(p, 4);
}

// XDMCP 1.1: version 1, opcode 2-14, length = what follows, the opcode's
// fields filling it. A BroadcastQuery (1) goes to a broadcast address, not
// to one service's port, and its 7 octets would be the only evidence.
bool xdmcp_message(Payload p) {
    // A Query or IndirectQuery without authentication names is 7 octets,
    // nearly all zero: too little to name (the manager's answer names).
    return p.size() > 7 && be16(p, 0) == 1 && in_range(be16(p, 2), 2, 14) && be16(p, 4) + 6u == p.size() &&
           xdmcp_fields(p, 6, p.size(), kXdmcpBodies[be16(p, 2)]);
}

// RMCP version 6, reserved 0, then: an ASF presence ping / pong (class 6,
// IANA 4542, type 0x80 / 0x40, reserved 0, data length = the rest, a
// ping's 0), an IPMI 1.5 session (class 7, authentication type none /
// MD2 / MD5 / password / OEM, its 16-octet code, message length = the
// rest) carrying an IPMI message whose checksums agree, or an RMCP+
// session (type 6, payload type and flags, session id, sequence, payload
// length) carrying one of the payloads above (an authenticated one: its
// trailer follows).
bool rmcp_message(Payload p) {
    if (p.size() < 12 || p[0] != 6 || p[1] != 0) return false;
    if (p[3] == 0x06)
        return be32(p, 4) == 4542 && (p[8] == 0x80 || p[8] == 0x40) && p[10] == 0 && p[11] + 12u == p.size() &&
               (p[8] == 0x40 || p[11] == 0);
    if (p[3] != 0x07) return false;
    const unsigned auth = p[4];
    if (auth == 6) {
        const unsigned type = p[5] & 0x3f;
        const bool encrypted = (p[5] & 0x80) != 0, authenticated = (p[5] & 0x40) != 0;
        if (p.size() < 16 || encrypted) return false;
        const size_t length = le16(p, 14), end = 16 + length;
        if (authenticated ? end > p.size() : end != p.size()) return false;
        return rmcp_plus_payload(p.subspan(16, length), type);
    }
    if (!one_of(auth, {0, 1, 2, 4, 5})) return false;
    const size_t at = 13 + (auth == 0 ? 0 : 16);
    return at + 1 <= p.size() && p[at] + at + 1 == p.size() && ipmi_message(p.subspan(at + 1));
}

// RFC 7143 11.12-11.13: a Login Request (immediate, opcode 3) or Response
// (0x23): T and C not both set, the stages (CSG 0/1/3; with T, NSG above
// CSG), versions 0-1, no AHS, an ISID of an assigned type, the reserved
// fields zero (a response's status class 0-3), then its text, padded to 4,
// ending the payload.
bool iscsi_login(Payload p) {
    if (p.size() < 48 + 4 || (p[0] != 0x43 && p[0] != 0x23)) return false;
    const std::uint8_t flags = p[1];
    const unsigned csg = (flags >> 2) & 3, nsg = flags & 3;
    const bool transit = (flags & 0x80) != 0, request = p[0] == 0x43;
    if ((transit && (flags & 0x40) != 0) || (flags & 0x30) != 0 || csg == 2 ||
        (transit ? nsg <= csg || nsg == 2 : nsg != 0))
        return false;
    if (p[2] > 1 || p[3] > 1 || p[4] != 0 || (p[8] & 0xc0) == 0xc0) return false;
    if (request ? p[3] > p[2] || be16(p, 22) != 0 || !all_zero(p.subspan(32, 16))
                : be32(p, 20) != 0 || p[36] > 3 || !all_zero(p.subspan(38, 10)))
        return false;
    const size_t length = be24(p, 5);
    if (48 + ((length + 3) & ~size_t{3}) != p.size() || !all_zero(p.subspan(48 + length))) return false;
    return iscsi_text(p.subspan(48, length));
}

// TNS: packet length = the payload, packet and header checksums 0,
// reserved 0; a Connect (type 1: version 300-399, compatible version 300
// up to it, "value of one in hardware" 0x0001 / 0x0100, connect data of
// its length at its offset past the fixed fields, ending the payload, or
// all sent in the next packet) or a Refuse (type 4: reasons, data length =
// the rest, the data).
bool tns_packet(Payload p) {
    if (p.size() < 12 || be16(p, 0) != p.size() || be16(p, 2) != 0 || p[5] != 0 || be16(p, 6) != 0) return false;
    if (p[4] == 4) return be16(p, 10) + 12u == p.size() && tns_connect_data(p.subspan(12));
    if (p[4] != 1 || p.size() < 34) return false;
    const unsigned version = be16(p, 8), compatible = be16(p, 10);
    const size_t length = be16(p, 24), offset = be16(p, 26);
    if (!in_range(version, 300, 399) || !in_range(compatible, 300, version) ||
        (be16(p, 22) != 0x0001 && be16(p, 22) != 0x0100) || offset < 34 || length == 0)
        return false;
    if (offset == p.size()) return true;  // the data follows in the next packet
    return offset + length == p.size() && tns_connect_data(p.subspan(offset, length));
}

// RFC 3244 2: a password change message in a datagram, or over TCP after
// a 4-octet length = the rest (as Kerberos frames it, RFC 4120 7.2.2).
bool kpasswd_udp(Payload p) {
    return kpasswd_message(p);
}
bool kpasswd_tcp(Payload p) {
    return p.size() > 4 && be32(p, 0) == p.size() - 4 && kpasswd_message(p.subspan(4));
}

// DRDA Vol. 3 DSS header: length (>= 10), magic 0xD0, format (reserved bit
// clear, type request 1 / reply 2 / object 3 / encrypted object 4), a
// correlation id, then one DDM object filling it; DSSs chained (the chain
// bit on all but the last) tile the payload, the first a request or reply.
bool drda_dss(Payload p) {
    size_t at = 0;
    for (bool chained = true; chained;) {
        if (at + 10 > p.size() || be16(p, at) < 10 || at + be16(p, at) > p.size() || p[at + 2] != 0xd0) return false;
        const std::uint8_t format = p[at + 3];
        const unsigned type = format & 0x0f;
        if ((format & 0x80) != 0 || !in_range(type, 1, 4) || (at == 0 && type > 2)) return false;
        const size_t end = at + be16(p, at);
        if (!drda_ddm(p, at + 6, end, type <= 2)) return false;
        chained = (format & 0x40) != 0;
        at = end;
    }
    return at == p.size();
}

// ZooKeeper's jute records (ZooKeeperServer / ClientCnxn): a length = the
// rest, then a ConnectRequest (protocol 0, last zxid, a timeout > 0, a
// session id, a 16-octet password, maybe readOnly 0/1) or a
// ConnectResponse (protocol 0, timeout, session id, password, maybe readOnly).
bool zookeeper_connect(Payload p) {
    if (p.size() < 40 || be32(p, 0) != p.size() - 4 || be32(p, 4) != 0) return false;
    const auto password_at = [&p](size_t at) {
        return be32(p, at) == 16 && (p.size() == at + 20 || (p.size() == at + 21 && p.back() <= 1));
    };
    if (p.size() == 48 || p.size() == 49)  // request
        return be32(p, 16) > 0 && be32(p, 16) < 0x80000000u && password_at(28);
    return (p.size() == 40 || p.size() == 41) && be32(p, 8) < 0x80000000u && password_at(20);
}

// Zabbix protocol ("Header and data length"): "ZBXD", flags (1 protocol,
// +2 compressed, +4 large), the data length and the reserved (uncompressed)
// length, 4 octets each (8 when large), little-endian; the data of that
// length ends the payload: zlib when compressed, else UTF-8 text.
bool zabbix_packet(Payload p) {
    if (p.size() < 14 || !has_at(p, 0, "ZBXD") || !one_of(p[4], {1, 3, 5, 7})) return false;
    const bool large = (p[4] & 4) != 0, compressed = (p[4] & 2) != 0;
    const size_t header = large ? 21 : 13;
    if (p.size() <= header) return false;
    const std::uint64_t length = large ? le32(p, 5) | std::uint64_t{le32(p, 9)} << 32 : le32(p, 5);
    const std::uint64_t reserved = large ? le32(p, 13) | std::uint64_t{le32(p, 17)} << 32 : le32(p, 9);
    if (length != p.size() - header || (compressed ? reserved == 0 || p[header] != 0x78 : reserved != 0)) return false;
    return compressed || std::all_of(p.begin() + static_cast<std::ptrdiff_t>(header), p.end(),
                                     [](std::uint8_t c) { return c >= 0x20 || c == '\n' || c == '\t' || c == '\r'; });
}

namespace {

// memcached binary protocol (protocol_binary.h, "Binary Protocol
// Revamped" 3-4): what a request of each opcode carries.
struct McBinaryRequest {
    std::uint8_t first, last;         // opcodes (the quiet variants too)
    std::uint8_t extras, alt_extras;  // extras length (an alternative, or the same)
    bool key, value;                  // needs a key, may carry a value
};
constexpr McBinaryRequest kMcBinaryRequests[] = {
    {0x00, 0x00, 0, 0, true, false},   {0x09, 0x09, 0, 0, true, false},   {0x0c, 0x0d, 0, 0, true, false},  // get
    {0x01, 0x03, 8, 8, true, true},    {0x11, 0x13, 8, 8, true, true},                                      // set...
    {0x04, 0x04, 0, 0, true, false},   {0x14, 0x14, 0, 0, true, false},                                     // delete
    {0x05, 0x06, 20, 20, true, false}, {0x15, 0x16, 20, 20, true, false},  // incr, decr
    {0x07, 0x07, 0, 0, false, false},  {0x17, 0x17, 0, 0, false, false},   // quit
    {0x08, 0x08, 0, 4, false, false},  {0x18, 0x18, 0, 4, false, false},   // flush
    {0x0a, 0x0b, 0, 0, false, false},                                      // noop, version
    {0x0e, 0x0f, 0, 0, true, true},    {0x19, 0x1a, 0, 0, true, true},     // append...
    {0x1b, 0x1b, 4, 4, false, false},  {0x1c, 0x1e, 4, 4, true, false},    // verbosity; touch, gat
    {0x20, 0x20, 0, 0, false, false},  {0x21, 0x22, 0, 0, true, true},     // SASL
};
constexpr std::uint8_t kMcBinaryStat = 0x10;  // a key optional

const McBinaryRequest *mc_binary_request(std::uint8_t opcode) {
    for (const auto &r : kMcBinaryRequests)
        if (opcode >= r.first && opcode <= r.last) return &r;
    return nullptr;
}
bool mc_binary_status(unsigned status) {
    return status <= 0x0a || status == 0x20 || status == 0x21 || in_range(status, 0x81, 0x86);
}
bool mc_key(Payload key) {
    return key.size() <= 250 && visible(key);
}

// One 24-octet header and its body [at, at + 24 + body): magic, a known
// opcode, data type 0, and a body whose extras and key agree with the opcode.
bool mc_binary_packet(Payload p, size_t at, std::uint8_t magic, size_t &end) {
    if (p.size() - at < 24 || p[at] != magic || p[at + 5] != 0) return false;
    const std::uint8_t opcode = p[at + 1];
    const size_t key = be16(p, at + 2), extras = p[at + 4], body = be32(p, at + 8);
    if (body > p.size() - at - 24 || extras + key > body) return false;
    end = at + 24 + body;
    if (!mc_key(p.subspan(at + 24 + extras, key))) return false;
    const size_t value = body - extras - key;
    if (magic == 0x81) {  // a response: the status; extras only on a hit (flags) or a counter
        const unsigned status = be16(p, at + 6);
        if (!mc_binary_status(status) || (opcode != kMcBinaryStat && mc_binary_request(opcode) == nullptr))
            return false;
        // a GET family hit carries its flags (4 extras): a "hit" without them is 24 octets of header alone
        if (status == 0 && one_of(opcode, {0x00, 0x09, 0x0c, 0x0d})) return extras == 4;
        return extras == 0 || (status == 0 && (extras == 4 || (extras == 8 && value == 0)));
    }
    if (opcode == kMcBinaryStat) return extras == 0 && value == 0;
    const McBinaryRequest *request = mc_binary_request(opcode);
    return request != nullptr && (extras == request->extras || extras == request->alt_extras) &&
           (key > 0) == request->key && (value == 0 || request->value);
}

}  // namespace

// memcached binary protocol: 24-octet headers (0x80 requests from the
// client, 0x81 responses) whose bodies tile the payload.
bool memcached_binary(Payload p) {
    if (p.empty() || (p[0] != 0x80 && p[0] != 0x81)) return false;
    size_t at = 0, end = 0;
    while (at < p.size()) {
        if (!mc_binary_packet(p, at, p[0], end)) return false;
        at = end;
    }
    return true;
}

}  // namespace ghostports::framed
