// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/service_binary_signatures.hpp"

#include <algorithm>
#include <string_view>

#include "core/ghostports/bencode.hpp"
#include "core/ghostports/wire_reading.hpp"

namespace ghostports::framed {
namespace {

using std::string_view;

// A payload holds at most this many records or tokens; more is not read.
constexpr std::size_t kMaxRecords = 64;

// --- FastCGI --------------------------------------------------------------------

enum FcgiType : unsigned {
    kBeginRequest = 1,
    kAbortRequest,
    kEndRequest,
    kParams,
    kStdin,
    kStdout,
    kStderr,
    kData,
    kGetValues,
    kGetValuesResult,
    kUnknownType,
};

// One record's header and fixed body, at `at`; `whole` says it ends inside the payload.
bool fastcgi_record(Payload p, std::size_t at, std::size_t &next, bool &whole) {
    if (at + 8 > p.size() || p[at] != 1 || p[at + 7] != 0) return false;
    const unsigned type = p[at + 1], request = be16(p, at + 2), length = be16(p, at + 4);
    const bool management = type == kGetValues || type == kGetValuesResult || type == kUnknownType;
    if (type < kBeginRequest || type > kUnknownType || (request == 0) != management) return false;
    if ((type == kBeginRequest || type == kEndRequest || type == kUnknownType) && length != 8) return false;
    if (type == kAbortRequest && length != 0) return false;
    // padding only to the next multiple of 8 (the specification's
    // recommendation, what libfcgi and PHP-FPM send), or none
    const unsigned padding = p[at + 6];
    if (padding != 0 && (padding > 7 || (length + padding) % 8 != 0)) return false;
    next = at + 8 + length + padding;
    whole = next <= p.size();
    const std::size_t body = at + 8;
    if (type == kBeginRequest && body + 8 <= p.size())  // role 1-3, flags KEEP_CONN or 0, reserved zero
        return in_range(be16(p, body), 1, 3) && p[body + 2] <= 1 && all_zero(p.subspan(body + 3, 5));
    if (type == kEndRequest && body + 8 <= p.size())  // protocol status 0-3, reserved zero
        return p[body + 4] <= 3 && all_zero(p.subspan(body + 5, 3));
    return true;
}

// Records tiling the payload (the last maybe cut), at least one whole, the first of `first_types`.
bool fastcgi_records(Payload p, std::initializer_list<unsigned> first_types) {
    if (p.size() < 8 || !one_of(p[1], first_types)) return false;
    std::size_t at = 0, whole_records = 0;
    bool content = false;  // an empty record alone is 8 octets of little evidence
    for (std::size_t count = 0; at < p.size(); ++count) {
        std::size_t next = 0;
        bool whole = false;
        if (count == kMaxRecords || !fastcgi_record(p, at, next, whole)) return false;
        content = content || be16(p, at + 4) > 0;
        if (!whole) return whole_records > 0 && content;
        ++whole_records;
        at = next;
    }
    return content;
}

// --- distcc ---------------------------------------------------------------------------

struct DistccToken {
    string_view name;
    bool data;  // its value is the length of the data that follows
};
constexpr DistccToken kDistccTokens[] = {
    {"DIST", false}, {"ARGC", false}, {"ARGV", true}, {"DOTI", true}, {"CDIR", true},
    {"NFIL", false}, {"NAME", true},  {"FILE", true}, {"LINK", true}, {"DONE", false},
    {"STAT", false}, {"SERR", true},  {"SOUT", true}, {"DOTD", true}, {"DOTO", true},
};

bool lower_hex(std::uint8_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

// --- EPMD -------------------------------------------------------------------------------

bool node_name(Payload p, std::size_t at, std::size_t size) {
    return size > 0 && size <= 255 && printable(p.subspan(at, size)) && p[at] != ' ';
}

}  // namespace

bool fastcgi_client(Payload p) {
    return fastcgi_records(p, {kBeginRequest, kGetValues});
}

bool fastcgi_server(Payload p) {
    return fastcgi_records(p, {kStdout, kStderr, kEndRequest, kGetValuesResult, kUnknownType});
}

bool distcc_tokens(Payload p) {
    if (p.empty() || p[0] < 'A' || p[0] > 'Z') return false;  // tokens are capitals
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxRecords || at + 12 > p.size()) return false;
        const string_view name = text_at(p, at, 4);
        const auto *token = std::find_if(std::begin(kDistccTokens), std::end(kDistccTokens),
                                         [name](const DistccToken &t) { return t.name == name; });
        if (token == std::end(kDistccTokens) || !std::all_of(p.begin() + at + 4, p.begin() + at + 12, lower_hex))
            return false;
        std::uint32_t value = 0;
        for (std::size_t i = at + 4; i < at + 12; ++i)
            value = value * 16 + static_cast<std::uint32_t>(p[i] <= '9' ? p[i] - '0' : p[i] - 'a' + 10);
        if ((name == "DIST" || name == "DONE") && !in_range(value, 1, 3)) return false;
        at += 12;
        if (token->data) {
            if (value > p.size() - at) return true;  // the data goes on in the next segment
            at += value;
        }
    }
    return true;
}

bool epmd_request(Payload p) {
    if (p.size() < 3 || be16(p, 0) != p.size() - 2) return false;
    const std::size_t size = p.size() - 2;
    // Not PORT_PLEASE2_REQ ('z' + a name): a length and any printable name
    // is a one-octet flip from other length-framed requests (apcupsd's
    // "\0\6status" becomes 'z' + "tatus").
    switch (p[2]) {
        case 'n':  // NAMES_REQ
        case 'd':  // DUMP_REQ
        case 'k':  // KILL_REQ
            return size == 1;
        case 'x': {  // ALIVE2_REQ port, node type, protocol, highest, lowest, name, extra
            if (size < 13) return false;
            const unsigned high = be16(p, 7), low = be16(p, 9), name = be16(p, 11);
            if (!one_of(p[5], {72, 77}) || p[6] != 0 || low > high || low < 5 || high > 6 || 13 + name + 2 > size + 2 ||
                !node_name(p, 13, name))
                return false;
            const std::size_t extra_at = 13 + name;
            return extra_at + 2 <= p.size() && extra_at + 2 + be16(p, extra_at) == p.size();
        }
        default: return false;
    }
}

bool epmd_names(Payload p) {
    // the 4-octet EPMD port, then "name <node> at port <port>" LF lines
    // (epmd writes the two apart: the lines may begin a segment)
    const std::size_t lines = has_at(p, 0, "name ") ? 0 : 4;
    if (p.size() < lines + 19 || (lines == 4 && be16(p, 0) != 0)) return false;
    const string_view s = text_at(p, lines, p.size() - lines);
    std::size_t at = 0;
    for (std::size_t count = 0; at < s.size(); ++count) {
        const auto end = s.find('\n', at);
        if (count == kMaxRecords || end == string_view::npos) return false;
        const string_view line = s.substr(at, end - at);
        const auto port_at = line.find(" at port ");
        if (!line.starts_with("name ") || port_at == string_view::npos || port_at <= 5) return false;
        const string_view port = line.substr(port_at + 9);
        if (port.empty() || port.size() > 5 ||
            !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        at = end + 1;
    }
    return true;
}

bool ntalk_message(Payload p) {
    // vers 1, type LEAVE_INVITE..ANNOUNCE (0-3)
    if ((p.size() != 84 && p.size() != 24) || p[0] != 1 || p[1] > 3) return false;
    const auto inet = [&p](std::size_t at) {  // osockaddr: AF_INET in network order, port, address, 8 zeros
        return be16(p, at) == 2 && all_zero(p.subspan(at + 8, 8));
    };
    if (p.size() == 24) return p[2] == 0 && inet(8);  // CTL_RESPONSE: SUCCESS with the address to reach
    // CTL_MSG: answer and pad zero, addr, ctl_addr, pid, l_name[12], r_name[12], r_tty[16]
    const auto name = [&p](std::size_t at, std::size_t size, bool may_be_empty) {
        std::size_t end = at;
        while (end < at + size && p[end] != 0) ++end;
        return (may_be_empty || end > at) && printable(p.subspan(at, end - at)) &&
               all_zero(p.subspan(end, at + size - end));
    };
    return p[2] == 0 && p[3] == 0 && inet(8) && inet(24) && name(44, 12, false) && name(56, 12, false) &&
           name(68, 16, true);
}

bool bacula_handshake(Payload p) {
    if (p.size() < 5) return false;
    const std::uint32_t length = be32(p, 0);
    if (length == 0 || length > 65536 || length > p.size() - 4) return false;
    string_view first = text_at(p, 4, length);
    if (!first.ends_with('\n')) return false;
    first.remove_suffix(1);
    if (!printable(Payload(p.data() + 4, first.size()))) return false;
    if (first == "1000 OK auth" || first == "1999 Authorization failed.") return true;
    if (first.starts_with("Hello ")) {  // "Hello *UserAgent* calling 100", "Hello Director <name> calling"
        const auto calling = first.find(" calling");
        if (calling == string_view::npos || calling <= 6) return false;
        const string_view version = first.substr(calling + 8);
        return version.empty() ||
               (version.size() <= 11 && version.front() == ' ' &&
                std::all_of(version.begin() + 1, version.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                version.size() > 1);
    }
    // "auth cram-md5 <challenge@host> ssl=<0-2>"
    if (!first.starts_with("auth cram-md5 <") || first.size() < 22) return false;
    const auto close = first.find("> ssl=");
    return close != string_view::npos && close > 15 && first.size() == close + 7 && first.back() >= '0' &&
           first.back() <= '2';
}

bool chrony_reply(Payload p) {
    // version 5/6, packet type 2 (reply), two reserved zeros, a command of candm.h, reply code, status,
    // pad1-3 (zero), sequence, pad4-5 (zero). Requests are not named: their 20-octet header is a RIP
    // entry's layout but for one octet.
    return p.size() >= 28 && p.size() <= 1024 && p.size() % 4 == 0 && in_range(p[0], 5, 6) && p[1] == 2 && p[2] == 0 &&
           p[3] == 0 && be16(p, 4) <= 80 && be16(p, 6) <= 80 && be16(p, 8) <= 32 && all_zero(p.subspan(10, 6)) &&
           all_zero(p.subspan(20, 8));
}

bool bzr_message(Payload p) {
    const string_view s = text_at(p, 0, p.size());
    if (s == "bzr request 2\n" || s == "bzr response 2\n") return true;
    static constexpr string_view kHeader = "bzr message 3 (bzr 1.6)\n";
    if (!s.starts_with(kHeader)) return false;
    if (s.size() == kHeader.size()) return true;
    const std::size_t at = kHeader.size();  // the headers: a 4-octet length and a bencoded dictionary
    if (s.size() < at + 6) return false;
    const std::uint32_t length = be32(p, at);
    return length >= 2 && length <= s.size() - at - 4 && s[at + 4] == 'd' && s[at + 3 + length] == 'e';
}

bool milter_packets(Payload p) {
    // SMFIC_OPTNEG first: length 13, 'O', version 2-6, actions (SMFIF_* <= 0x1FF), protocol (SMFIP_* < 2^22)
    if (p.size() < 17 || be32(p, 0) != 13 || p[4] != 'O' || !in_range(be32(p, 5), 2, 6) || be32(p, 9) > 0x1ff ||
        be32(p, 13) >= (1U << 22))
        return false;
    static constexpr std::string_view kCommands = "ABCDEHKLMNOQRTU+-2abcdefhilmpqrsty";
    std::size_t at = 17;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxRecords || p.size() - at < 5) return false;
        const std::uint32_t length = be32(p, at);
        if (length == 0 || length > (1U << 20) ||
            kCommands.find(static_cast<char>(p[at + 4])) == std::string_view::npos)
            return false;
        if (length > p.size() - at - 4) return true;  // goes on in the next segment
        at += 4 + length;
    }
    return true;
}

bool bolt_handshake(Payload p) {
    if (p.size() != 20 || be32(p, 0) != 0x6060b017) return false;
    // each proposal 00 <range> <minor> <major>; the first a version, the unused ones zero
    bool ended = false;
    for (std::size_t at = 4; at < 20; at += 4) {
        const bool zero = be32(p, at) == 0;
        if (at == 4 ? zero : (ended && !zero)) return false;
        ended = ended || zero;
        if (!zero && (p[at] != 0 || !in_range(p[at + 3], 1, 9) || p[at + 1] > p[at + 2])) return false;
    }
    return true;
}

bool java_rmi_header(Payload p) {
    if (p.size() < 7 || !has_at(p, 0, "JRMI") || be16(p, 4) != 2 || !in_range(p[6], 0x4b, 0x4d)) return false;
    // SingleOp carries its message at once: Call 0x50, Ping 0x52, DgcAck 0x54
    return p.size() == 7 || (p[6] == 0x4c && one_of(p[7], {0x50, 0x52, 0x54}));
}

bool java_rmi_ack(Payload p) {
    if (p.size() < 8 || p[0] != 0x4e) return false;
    const unsigned host = be16(p, 1);
    return host > 0 && p.size() == 1 + 2 + host + 4 && printable(p.subspan(3, host)) && be16(p, 3 + host) == 0;
}

bool tarantool_greeting(Payload p) {
    if (p.size() != 128 || !has_at(p, 0, "Tarantool ") || p[63] != '\n' || p[127] != '\n') return false;
    const Payload salt = p.subspan(64, 63);
    return printable(p.first(63)) && std::all_of(salt.begin(), salt.end(), [](std::uint8_t c) {
               return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                      c == '/' || c == '=' || c == ' ';
           });
}

bool apcupsd_request(Payload p) {
    return p.size() >= 8 && be16(p, 0) == p.size() - 2 &&
           (text_at(p, 2, p.size() - 2) == "status" || text_at(p, 2, p.size() - 2) == "events");
}

bool apcupsd_records(Payload p) {
    // 2-octet length + "KEY      : value" LF ("events": any text line), a zero length at the end
    std::size_t at = 0, records = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxRecords || p.size() - at < 2) return false;
        const unsigned length = be16(p, at);
        if (length == 0) return records > 0 && at + 2 == p.size();
        if (length > p.size() - at - 2) return records > 0;  // goes on in the next segment
        const string_view line = text_at(p, at + 2, length);
        const auto colon = line.find(": ");
        if (!line.ends_with('\n') || colon == string_view::npos || colon < 4 || colon > 12 ||
            !printable(p.subspan(at + 2, length - 1)) ||
            !std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon),
                         [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' '; }))
            return false;
        ++records;
        at += 2 + length;
    }
    return records > 0;
}

namespace {

// An XDR string (RFC 4506 4.11): 4-octet length, the octets, zero padding
// to a multiple of 4; `at` moves past it.
bool xdr_string(Payload p, std::size_t &at, bool may_be_empty = true) {
    if (p.size() - at < 4) return false;
    const std::uint32_t length = be32(p, at);
    const std::size_t padded = (static_cast<std::size_t>(length) + 3) / 4 * 4;
    if (length > 1024 || padded > p.size() - at - 4 || (!may_be_empty && length == 0) ||
        !printable(p.subspan(at + 4, length)) || !all_zero(p.subspan(at + 4 + length, padded - length)))
        return false;
    at += 4 + padded;
    return true;
}

// OSC 1.0: a string NUL-terminated and padded to 4; `at` moves past it.
bool osc_string(Payload p, std::size_t &at) {
    std::size_t end = at;
    while (end < p.size() && p[end] != 0) ++end;
    const std::size_t padded = (end - at) / 4 * 4 + 4;
    if (end >= p.size() || padded > p.size() - at || !printable(p.subspan(at, end - at)) ||
        !all_zero(p.subspan(end, at + padded - end)))
        return false;
    at += padded;
    return true;
}
bool osc_message(Payload p) {
    std::size_t at = 0;
    if (p.empty() || p[0] != '/' || !osc_string(p, at) || at >= p.size() || p[at] != ',') return false;
    const std::size_t tags = at + 1;
    if (!osc_string(p, at)) return false;
    for (std::size_t t = tags; p[t] != 0; ++t) {
        switch (p[t]) {
            case 'i':
            case 'f':
            case 'c':
            case 'r':
            case 'm':
                if (p.size() - at < 4) return false;
                at += 4;
                break;
            case 'h':
            case 't':
            case 'd':
                if (p.size() - at < 8) return false;
                at += 8;
                break;
            case 's':
            case 'S':
                if (!osc_string(p, at)) return false;
                break;
            case 'b': {
                if (p.size() - at < 4) return false;
                const std::size_t size = be32(p, at), padded = (size + 3) / 4 * 4;
                if (padded > p.size() - at - 4) return false;
                at += 4 + padded;
                break;
            }
            case 'T':
            case 'F':
            case 'N':
            case 'I':
            case '[':
            case ']': break;
            default: return false;
        }
    }
    return at == p.size();
}

}  // namespace

bool pulseaudio_native(Payload p) {
    // descriptor: length, channel (-1: the command stream), offset high / low, flags
    if (p.size() < 20 || be32(p, 0) == 0 || be32(p, 0) > (1U << 24) || be32(p, 4) != 0xffffffff ||
        !all_zero(p.subspan(8, 12)))
        return false;
    if (p.size() == 20) return true;
    // the tagstruct: 'L' command (< 128), 'L' tag, maybe cut by the segment's end
    return p.size() >= 30 && be32(p, 0) >= 10 && p[20] == 'L' && be32(p, 21) < 128 && p[25] == 'L' &&
           p.size() - 20 <= be32(p, 0);
}

bool gmond_xdr(Payload p) {
    if (p.size() < 16) return false;
    const std::uint32_t id = be32(p, 0);
    std::size_t at = 4;
    if (!in_range(id, 128, 136) || !xdr_string(p, at, false) || !xdr_string(p, at, false) || p.size() - at < 4 ||
        be32(p, at) > 1)
        return false;
    at += 4;                               // spoof
    if (id == 136) return at == p.size();  // a metadata request
    if (id == 128) {
        // type, name, units, slope 0-4, tmax, dmax, extra pairs
        if (!xdr_string(p, at, false) || !xdr_string(p, at, false) || !xdr_string(p, at) || p.size() - at < 16 ||
            be32(p, at) > 4)
            return false;
        const std::uint32_t extras = be32(p, at + 12);
        at += 16;
        if (extras > 16) return false;
        for (std::uint32_t i = 0; i < 2 * extras; ++i)
            if (!xdr_string(p, at)) return false;
        return at == p.size();
    }
    // a value: its printf format, then the value of the message's type
    if (p.size() - at < 5 || p[at + 4] != '%' || !xdr_string(p, at, false)) return false;
    if (id == 133) return xdr_string(p, at) && at == p.size();
    return p.size() - at == (id == 135 ? 8U : 4U);
}

bool amule_ec(Payload p) {
    // flags: 0x20 always, ZLIB 0x01 (not read), UTF8 numbers 0x02, the low byte only; length = the rest
    if (p.size() < 14 || (be32(p, 0) & 0xffffff00) != 0 || (p[3] & 0x21) != 0x20 || be32(p, 4) != p.size() - 8 ||
        !in_range(p[8], 0x01, 0x7f))
        return false;
    // numbers: UTF-8 encoded (flag 0x02: 1-3 octets) or fixed (2 / 4 octets)
    const bool utf8 = (p[3] & 0x02) != 0;
    std::size_t at = 9;
    const auto number = [&](std::size_t fixed, std::uint32_t &value) {
        if (!utf8) {
            if (p.size() - at < fixed) return false;
            value = fixed == 2 ? be16(p, at) : be32(p, at);
            at += fixed;
            return true;
        }
        if (at >= p.size()) return false;
        const std::uint8_t lead = p[at];
        const std::size_t size = lead < 0x80 ? 1 : (lead & 0xe0) == 0xc0 ? 2 : (lead & 0xf0) == 0xe0 ? 3 : 0;
        if (size == 0 || p.size() - at < size) return false;
        value = size == 1 ? lead : lead & (size == 2 ? 0x1f : 0x0f);
        for (std::size_t i = 1; i < size; ++i) {
            if ((p[at + i] & 0xc0) != 0x80) return false;
            value = value << 6 | (p[at + i] & 0x3f);
        }
        at += size;
        return true;
    };
    // the tag count, then the first tag: name, type (EC_TAGTYPE 1-10), length, a value of its type's size
    std::uint32_t tags = 0, name = 0, length = 0;
    if (!number(2, tags) || tags == 0 || !number(2, name) || at >= p.size()) return false;
    const std::uint8_t type = p[at++];
    if (!in_range(type, 1, 10) || !number(4, length) || (name & 1) != 0 || length > p.size() - at) return false;
    static constexpr std::uint32_t kSizes[] = {0, 0, 1, 2, 4, 8, 0, 0, 6, 16, 16};  // by type; 0: any
    if (kSizes[type] != 0 && length != kSizes[type]) return false;
    return type != 6 || (length > 0 && p[at + length - 1] == 0);  // a string ends with its NUL
}

bool bittorrent_udp_tracker(Payload p) {
    return p.size() == 16 && be32(p, 0) == 0x417 && be32(p, 4) == 0x27101980 && be32(p, 8) == 0;
}

bool bittorrent_dht(Payload p) {
    std::size_t at = 0;
    if (p.size() < 20 || p[0] != 'd' || !bencode::value(p, at) || at != p.size()) return false;
    // the top-level keys: y (q / r / e), t, and a query's q + a or a response's r, each with an id of 20 octets
    const auto key_at = [&p](std::string_view key) { return bencode::key_at(p, 0, key); };
    const std::size_t y = key_at("y"), t = key_at("t");
    if (y == 0 || t == 0 || p.size() - y < 3 || p[y] != '1' || p[y + 1] != ':') return false;
    const auto has_id = [&p](std::size_t dict) {
        return dict != 0 && p[dict] == 'd' &&
               text_at(p, dict + 1, std::min<std::size_t>(7, p.size() - dict - 1)) == "2:id20:";
    };
    switch (p[y + 2]) {
        case 'q': return key_at("q") != 0 && has_id(key_at("a"));
        case 'r': return has_id(key_at("r"));
        case 'e': return key_at("e") != 0 && p[key_at("e")] == 'l';
        default: return false;
    }
}

bool osc_packet(Payload p) {
    if (p.size() % 4 != 0 || p.size() < 8) return false;
    if (!has_at(p, 0, std::string_view("#bundle\0", 8))) return osc_message(p);
    // "#bundle", an 8-octet time tag, elements of a 4-octet size and a message each
    std::size_t at = 16, elements = 0;
    while (at < p.size()) {
        if (++elements > kMaxRecords || p.size() - at < 4) return false;
        const std::uint32_t size = be32(p, at);
        if (size < 8 || size % 4 != 0 || size > p.size() - at - 4 || !osc_message(p.subspan(at + 4, size)))
            return false;
        at += 4 + size;
    }
    return elements > 0;
}

bool knxnet_ip(Payload p) {
    static constexpr unsigned kServices[] = {0x0201, 0x0202, 0x0203, 0x0204, 0x0205, 0x0206, 0x0207, 0x0208, 0x0209,
                                             0x020a, 0x020b, 0x020e, 0x0310, 0x0311, 0x0420, 0x0421, 0x0530, 0x0531};
    if (p.size() < 6 || p[0] != 0x06 || p[1] != 0x10 || be16(p, 4) != p.size() ||
        std::find(std::begin(kServices), std::end(kServices), be16(p, 2)) == std::end(kServices))
        return false;
    // search, description, connect, connection state and disconnect requests begin with a HPAI
    const unsigned service = be16(p, 2);
    if (service == 0x0201 || service == 0x0203 || service == 0x0205)
        return p.size() >= 14 && p[6] == 0x08 && in_range(p[7], 1, 2);
    return p.size() > 6;
}

bool pyro_message(Payload p) {
    if (p.size() < 24 || !has_at(p, 0, "PYRO")) return false;
    const unsigned version = be16(p, 4), type = be16(p, 6), flags = be16(p, 8), sequence = be16(p, 10);
    const std::uint32_t data = be32(p, 12);
    const unsigned serializer = be16(p, 16), annotations = be16(p, 18), checksum = be16(p, 22);
    const auto sum = (type + version + data + annotations + serializer + flags + sequence + 0x34e9) & 0xffff;
    return in_range(version, 40, 60) && in_range(type, 1, 6) && be16(p, 20) == 0 && checksum == sum &&
           serializer <= 8 && annotations + data <= (1U << 26) && p.size() - 24 <= annotations + data;
}

bool libvirt_rpc(Payload p) {
    // length, program, version, procedure, type, serial, status
    if (p.size() < 28 || be32(p, 0) != p.size() || be32(p, 8) != 1 || be32(p, 16) > 5 || be32(p, 24) > 2) return false;
    const std::uint32_t program = be32(p, 4);
    return in_range(program, 0x20008086, 0x20008088) || program == 0x6b656570;  // remote, qemu, lxc; "keep"
}

bool binkp_frames(Payload p) {
    static constexpr std::string_view kKeywords[] = {"SYS ",  "ZYZ ", "LOC ", "VER ", "OPT ", "NDL ",
                                                     "TIME ", "PHN ", "TRF ", "FREQ", "CRYPT"};
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxRecords || p.size() - at < 2) return false;
        const bool command = (p[at] & 0x80) != 0;
        const std::size_t length = be16(p, at) & 0x7fff;
        if (length == 0 || (count == 0 && !command)) return false;
        if (length > p.size() - at - 2) return count > 0;  // goes on in the next segment
        if (command) {                                     // M_NUL .. M_SKIP, then printable arguments
            const Payload arguments = p.subspan(at + 3, length - 1);
            if (p[at + 2] > 10 || !printable(arguments)) return false;
            const std::string_view text = text_at(p, at + 3, length - 1);
            if (count == 0 && !(p[at + 2] == 1 && !text.empty()) &&
                !(p[at + 2] == 0 && std::any_of(std::begin(kKeywords), std::end(kKeywords),
                                                [text](std::string_view k) { return text.starts_with(k); })))
                return false;
        }
        at += 2 + length;
    }
    return true;
}

bool dask_frames(Payload p) {
    // little-endian: the total after it, the number of frames, each frame's length, then the frames
    const auto le64 = [&p](std::size_t at) { return static_cast<std::uint64_t>(le32(p, at + 4)) << 32 | le32(p, at); };
    if (p.size() < 25 || le64(0) != p.size() - 8) return false;
    const std::uint64_t frames = le64(8);
    if (frames == 0 || frames > 64 || 16 + 8 * frames >= p.size()) return false;
    std::uint64_t lengths = 0;
    for (std::uint64_t i = 0; i < frames; ++i) lengths += le64(16 + 8 * i);
    const std::size_t first = 16 + 8 * frames;
    const std::uint8_t map = p[first];
    return lengths == p.size() - first && ((map >= 0x80 && map <= 0x8f) || map == 0xde || map == 0xdf);
}

bool nebula_packet(Payload p) {
    // only the handshake names: version 1, type 0, subtype 0 (ix_psk0), reserved zero, then stage 1 (remote
    // index 0, counter 1) or stage 2 (the initiator's index, counter 2), Noise IX messages of 80+ octets.
    // Its other messages have WireGuard's header layout but for their first octet.
    if (p.size() < 16 + 80 || p[0] != 0x10 || p[1] != 0 || p[2] != 0 || p[3] != 0 || be32(p, 8) != 0) return false;
    const std::uint32_t counter = be32(p, 12);
    return (counter == 1 && be32(p, 4) == 0) || (counter == 2 && be32(p, 4) != 0);
}

bool xrootd_handshake(Payload p) {
    if (p.size() < 20 || !all_zero(p.first(12)) || be32(p, 12) != 4 || be32(p, 16) != 2012) return false;
    std::size_t at = 20;  // requests (kXR_protocol, kXR_login...) may follow in the same segment
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxRecords || p.size() - at < 24 || !in_range(be16(p, at + 2), 3000, 3031)) return false;
        at += 24 + be32(p, at + 20);
    }
    return at == p.size();
}

bool xrootd_handshake_answer(Payload p) {
    // stream id 0, status 0 (kXR_ok), length 8, protocol version (>= 2.0), kXR_LBalServer 0 / kXR_DataServer 1
    if (p.size() < 16 || !all_zero(p.first(7)) || p[7] != 8 || be32(p, 8) < 0x200 || be32(p, 8) >= 0x10000 ||
        be32(p, 12) > 1)
        return false;
    std::size_t at = 16;  // responses after it: stream id, status kXR_ok (0) or 4000-4007, data length tiling the rest
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxRecords || p.size() - at < 8 ||
            (be16(p, at + 2) != 0 && !in_range(be16(p, at + 2), 4000, 4007)))
            return false;
        at += 8 + be32(p, at + 4);
    }
    return at == p.size();
}

bool snapcast_messages(Payload p) {
    constexpr std::size_t kHeader = 26;
    enum : unsigned { kCodecHeader = 1, kServerSettings = 3, kHello = 5, kClientInfo = 7 };
    static constexpr std::string_view kKeys[] = {"\"ClientName\"", "\"HostName\"", "\"bufferMs\"", "\"MAC\"",
                                                 "\"volume\""};
    static constexpr std::string_view kCodecs[] = {"flac", "ogg", "opus", "pcm"};
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxRecords || p.size() - at < kHeader) return false;
        const unsigned type = le16(p, at);
        const std::uint32_t size = le32(p, at + 22);
        if (type > 8 || le32(p, at + 10) >= 1000000 || le32(p, at + 18) >= 1000000 || size > (1u << 24)) return false;
        const std::size_t body = at + kHeader;
        if (count == 0) {  // the first: its body whole, of its type's layout
            if (body + size > p.size() || size < 4 || le32(p, body) > size - 4) return false;
            const std::string_view text = text_at(p, body + 4, le32(p, body));
            if (type == kCodecHeader) {
                if (std::find(std::begin(kCodecs), std::end(kCodecs), text) == std::end(kCodecs)) return false;
            } else if (type == kHello || type == kClientInfo || type == kServerSettings) {
                if (!text.starts_with('{') ||
                    std::none_of(std::begin(kKeys), std::end(kKeys),
                                 [text](std::string_view k) { return text.find(k) != std::string_view::npos; }))
                    return false;
            } else {
                return false;
            }
        }
        at = body + size;
    }
    return true;
}

}  // namespace ghostports::framed
