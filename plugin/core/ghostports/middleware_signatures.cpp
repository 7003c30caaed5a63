// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/middleware_signatures.hpp"

#include <algorithm>
#include <string_view>

#include "core/ghostports/wire_reading.hpp"

namespace ghostports::framed {
namespace {

using std::string_view;

// A payload holds at most this many frames, entries or variables; more is not read.
constexpr std::size_t kMaxItems = 64;

// --- CQL ---------------------------------------------------------------------------------------

enum CqlOpcode : unsigned {
    kError = 0x00,
    kStartup = 0x01,
    kReady = 0x02,
    kAuthenticate = 0x03,
    kOptions = 0x05,
    kSupported = 0x06,
    kQuery = 0x07,
    kResult = 0x08,
    kPrepare = 0x09,
    kExecute = 0x0A,
    kRegister = 0x0B,
    kEvent = 0x0C,
    kBatch = 0x0D,
    kAuthChallenge = 0x0E,
    kAuthResponse = 0x0F,
    kAuthSuccess = 0x10,
};

// A [string] (2-octet length + UTF-8 text) at `at` inside [.., end); `at` moves past it.
bool cql_string(Payload p, std::size_t &at, std::size_t end, string_view *out = nullptr) {
    if (at + 2 > end || be16(p, at) > end - at - 2 || !utf8_text(p.subspan(at + 2, be16(p, at)))) return false;
    if (out != nullptr) *out = text_at(p, at + 2, be16(p, at));
    at += 2 + be16(p, at);
    return true;
}

// A [string map] (STARTUP) or [string multimap] (SUPPORTED) filling [at, end), one key CQL_VERSION or COMPRESSION.
bool cql_map(Payload p, std::size_t at, std::size_t end, bool multimap) {
    if (at + 2 > end || be16(p, at) == 0 || be16(p, at) > 16) return false;
    const unsigned pairs = be16(p, at);
    at += 2;
    bool known = false;
    for (unsigned i = 0; i < pairs; ++i) {
        string_view key;
        if (!cql_string(p, at, end, &key)) return false;
        known = known || key == "CQL_VERSION" || key == "COMPRESSION";
        if (!multimap) {
            if (!cql_string(p, at, end)) return false;
            continue;
        }
        if (at + 2 > end || be16(p, at) > 16) return false;
        const unsigned values = be16(p, at);
        at += 2;
        for (unsigned j = 0; j < values; ++j)
            if (!cql_string(p, at, end)) return false;
    }
    return known && at == end;
}

bool cql_error_code(std::uint32_t code) {
    return one_of(code, {0x0000, 0x000A, 0x0100, 0x1000, 0x1001, 0x1002, 0x1003, 0x1100, 0x1200, 0x1300, 0x1400, 0x1500,
                         0x1600, 0x2000, 0x2100, 0x2200, 0x2300, 0x2400, 0x2500});
}

// The first frame's body as its opcode lays it out, [at, end) whole.
bool cql_first(Payload p, unsigned opcode, std::size_t at, std::size_t end) {
    switch (opcode) {
        case kStartup: return cql_map(p, at, end, false);
        case kSupported: return cql_map(p, at, end, true);
        case kOptions:
        case kReady: return at == end;
        case kQuery: {  // [long string] query, [short] consistency 0-10, flags
            if (end - at < 7 || be32(p, at) == 0 || be32(p, at) > end - at - 7 ||
                !utf8_text(p.subspan(at + 4, be32(p, at)), true))
                return false;
            const std::size_t after = at + 4 + be32(p, at);
            return be16(p, after) <= 10;
        }
        case kError: {  // [int] code, [string] message
            std::size_t message = at + 4;
            return at + 4 <= end && cql_error_code(be32(p, at)) && cql_string(p, message, end) && message == end;
        }
        default: return false;
    }
}

// --- Firebird -----------------------------------------------------------------------------

// An XDR string / opaque: 4-octet length, the octets, zero padding to 4; `at` moves past it.
bool xdr_string(Payload p, std::size_t &at, std::size_t max) {
    if (at + 4 > p.size() || be32(p, at) > max) return false;
    const std::size_t size = be32(p, at), padded = (size + 3) / 4 * 4;
    if (at + 4 + padded > p.size() || !all_zero(p.subspan(at + 4 + size, padded - size))) return false;
    at += 4 + padded;
    return true;
}

// A protocol version 1-20, or with FB_PROTOCOL_FLAG (0x8000) as Firebird 2.1 on writes them.
bool firebird_version(std::uint32_t v) {
    const std::uint32_t number = v & ~0x8000u;
    return number >= 1 && number <= 20;
}

}  // namespace

bool openwire_wireformat(Payload p) {
    return p.size() >= 17 && be32(p, 0) >= 13 && be32(p, 0) <= (1u << 20) && be32(p, 0) >= p.size() - 4 && p[4] == 1 &&
           has_at(p, 5, "ActiveMQ") && in_range(be32(p, 13), 1, 12);
}

bool cql_frames(Payload p) {
    if (p.size() < 9) return false;
    const bool response = p[0] & 0x80;
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxItems || p.size() - at < 9) return false;
        const unsigned version = p[at] & 0x7F, opcode = p[at + 4];
        const bool is_response = p[at] & 0x80;
        if (!in_range(version, 3, 5) || is_response != response || (p[at + 1] & ~0x1Fu) != 0 || opcode > kAuthSuccess)
            return false;
        const bool response_opcode =
            one_of(opcode, {kError, kReady, kAuthenticate, kSupported, kResult, kEvent, kAuthChallenge, kAuthSuccess});
        if (response_opcode != response) return false;
        const std::uint32_t length = be32(p, at + 5);
        if (length > (1u << 24)) return false;
        if (count == 0 && (at + 9 + length > p.size() || !cql_first(p, opcode, at + 9, at + 9 + length))) return false;
        at += 9 + length;
    }
    return true;
}

bool firebird_connect(Payload p) {
    // op_connect, then op_attach (19) / op_create (20) / op_service_attach (82), connect version 2-3, architecture
    if (p.size() < 40 || be32(p, 0) != 1 || !one_of(be32(p, 4), {19, 20, 82}) || !in_range(be32(p, 8), 2, 3) ||
        be32(p, 12) > 100)
        return false;
    std::size_t at = 16;
    if (!xdr_string(p, at, 1024) || at + 4 > p.size()) return false;  // the database path
    const std::uint32_t count = be32(p, at);
    at += 4;
    if (count == 0 || count > 10 || !xdr_string(p, at, 1024)) return false;  // the user identification
    if (p.size() - at != 20u * count) return false;
    for (; at < p.size(); at += 20)
        if (!firebird_version(be32(p, at)) || be32(p, at + 4) > 100 || be32(p, at + 8) > be32(p, at + 12) ||
            be32(p, at + 12) > 5 || be32(p, at + 16) > 10)
            return false;
    return true;
}

bool firebird_accept(Payload p) {
    // op_accept (3): version, architecture, type (ptype_rpc 2 ... ptype_lazy_send 5)
    return p.size() == 16 && be32(p, 0) == 3 && firebird_version(be32(p, 4)) && be32(p, 8) <= 100 &&
           in_range(be32(p, 12), 1, 5);
}

bool uwsgi_request(Payload p) {
    if (p.size() < 4 + 20 || p[0] > 32 || p[3] != 0) return false;
    const std::size_t size = le16(p, 1), end = 4 + size;
    if (size < 20 || end > p.size()) return false;
    bool method = false;
    std::size_t at = 4, count = 0;
    for (; at < end; ++count) {
        if (count == kMaxItems || at + 2 > end) return false;
        const std::size_t key = le16(p, at);
        if (key == 0 || at + 2 + key + 2 > end) return false;
        const string_view name = text_at(p, at + 2, key);
        if (!std::all_of(name.begin(), name.end(), [](char c) {
                return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
            }))
            return false;
        method = method || name == "REQUEST_METHOD";
        at += 2 + key;
        const std::size_t value = le16(p, at);
        if (at + 2 + value > end || !no_controls(p.subspan(at + 2, value))) return false;
        at += 2 + value;
    }
    return at == end && count >= 2 && method;
}

bool gqtp_messages(Payload p) {
    // GQTP's header is memcached's binary one but for its magic: the flags (memcached's data type, always 0)
    // must say where the message stands (MORE / TAIL / HEAD), the query type be 0, and the first body be a
    // command (a lower-case word) or its JSON answer.
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxItems || p.size() - at < 24 || p[at] != 0xC7 || p[at + 1] != 0 || be16(p, at + 2) != 0 ||
            p[at + 4] != 0 || (p[at + 5] & 0x07) == 0 || p[at + 5] > 0x1F || !all_zero(p.subspan(at + 16, 8)))
            return false;
        const std::uint32_t size = be32(p, at + 8);
        if (size == 0 || size > (1u << 24)) return false;
        const std::size_t body = at + 24;
        if (!no_controls(p.subspan(body, std::min<std::size_t>(size, p.size() - body)), true)) return false;
        if (count == 0 && body < p.size()) {
            const std::uint8_t first = p[body];
            if (first != '[' && first != '{' && (first < 'a' || first > 'z')) return false;
        }
        at = body + size;
    }
    return true;
}

bool h2_client_hello(Payload p) {
    if (p.size() < 8 + 4 + 4 + 2 * 8 || !in_range(be32(p, 0), 6, 20) || !in_range(be32(p, 4), be32(p, 0), 20))
        return false;
    // the database name, then the URL: an int32 character count and UTF-16BE characters (ASCII here)
    std::size_t at = 8;
    for (int field = 0; field < 2; ++field) {
        if (p.size() - at < 4 || be32(p, at) == 0 || be32(p, at) > 1024 || p.size() - at - 4 < 2 * be32(p, at))
            return false;
        const std::size_t chars = be32(p, at);
        at += 4;
        for (std::size_t i = 0; i < chars; ++i, at += 2)
            if (p[at] != 0 || p[at + 1] < 0x20 || p[at + 1] >= 0x7f) return false;
        if (field == 1) {  // "jdbc:h2:" in UTF-16
            static constexpr std::string_view kUrl = "jdbc:h2:";
            if (chars < kUrl.size()) return false;
            for (std::size_t i = 0; i < kUrl.size(); ++i)
                if (p[at - 2 * chars + 2 * i + 1] != static_cast<std::uint8_t>(kUrl[i])) return false;
        }
    }
    return true;
}

bool virtuoso_request(Payload p) {
    // C1 BC 05 (an array of 5), BC 01 (DA_FUTURE_REQUEST), the request number and ancestry (short BC / long BD
    // ints), the service name (B5 length name), then its arguments' array (C1)
    if (p.size() < 12 || p[0] != 0xC1 || p[1] != 0xBC || p[2] != 5 || p[3] != 0xBC || p[4] != 1) return false;
    std::size_t at = 5;
    for (int i = 0; i < 2; ++i) {  // request number, ancestry
        if (at >= p.size()) return false;
        if (p[at] == 0xBC)
            at += 2;
        else if (p[at] == 0xBD)
            at += 5;
        else
            return false;
    }
    if (p.size() - at < 3 || p[at] != 0xB5 || p[at + 1] == 0 || p.size() - at - 2 < p[at + 1]) return false;
    const std::string_view service = text_at(p, at + 2, p[at + 1]);
    at += 2 + p[at + 1];
    return std::all_of(service.begin(), service.end(),
                       [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }) &&
           at < p.size() && p[at] == 0xC1;
}

bool giop_messages(Payload p) {
    enum : unsigned { kCancelRequest = 2, kCloseConnection = 5, kMessageError = 6, kFragment = 7 };
    constexpr std::size_t kHeader = 12;
    constexpr std::uint32_t kMaxMessage = 1u << 24;
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxItems || p.size() - at < kHeader || !has_at(p, at, "GIOP") || p[at + 4] != 1 || p[at + 5] > 3)
            return false;
        const unsigned minor = p[at + 5], flags = p[at + 6], type = p[at + 7];
        if (flags > (minor == 0 ? 1u : 3u) || type > (minor == 0 ? 6u : kFragment)) return false;
        const std::uint32_t size = (flags & 1) ? le32(p, at + 8) : be32(p, at + 8);
        if (size > kMaxMessage) return false;
        if ((type == kCloseConnection || type == kMessageError) ? size != 0 : size < (type == kCancelRequest ? 4u : 8u))
            return false;
        if (type == kCancelRequest && size != 4) return false;
        at += kHeader + size;
    }
    return true;
}

}  // namespace ghostports::framed
