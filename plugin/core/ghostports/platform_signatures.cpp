// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/platform_signatures.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "core/ghostports/bencode.hpp"
#include "core/ghostports/wire_reading.hpp"

namespace ghostports::framed {
namespace {

using std::string_view;

// A payload holds at most this many messages or values; more is not read.
constexpr std::size_t kMaxItems = 64;
// Nesting read at most this deep (msgpack, Thrift structs).
constexpr unsigned kMaxDepth = 8;

bool name_char(std::uint8_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// A method or member name: letters, digits, '_' and the separators `extra` allows, not starting with a digit.
bool identifier(Payload p, std::size_t at, std::size_t size, string_view extra) {
    if (size == 0 || size > 255 || at + size > p.size() || (p[at] >= '0' && p[at] <= '9')) return false;
    for (std::size_t i = at; i < at + size; ++i)
        if (!name_char(p[i]) && extra.find(static_cast<char>(p[i])) == string_view::npos) return false;
    return true;
}

// --- D-Bus ----------------------------------------------------------------------------

// A type signature: the type codes and their brackets ("sa{sv}").
bool signature_text(Payload p) {
    static constexpr string_view kCodes = "ybnqiuxtdsogavh(){}";
    return std::all_of(p.begin(), p.end(),
                       [](std::uint8_t c) { return kCodes.find(static_cast<char>(c)) != string_view::npos; });
}

enum DbusField : unsigned {
    kPath = 1,
    kInterface,
    kMember,
    kErrorName,
    kReplySerial,
    kDestination,
    kSender,
    kSignature,
    kUnixFds
};
constexpr char kDbusFieldType[] = {0, 'o', 's', 's', 's', 'u', 's', 's', 'g', 'u'};

struct DbusMessage {
    Payload p;
    std::size_t start;  // alignment is relative to the message's first octet
    bool little;

    std::size_t align(std::size_t at, std::size_t to) const { return start + (at - start + to - 1) / to * to; }
    std::uint32_t u32(std::size_t at) const { return little ? le32(p, at) : be32(p, at); }

    // One header field's value of `type` at `at` (before alignment); `at` moves past it.
    bool value(char type, unsigned code, std::size_t &at, std::size_t end) const {
        if (type == 'u') {
            at = align(at, 4);
            if (at + 4 > end) return false;
            const std::uint32_t v = u32(at);
            at += 4;
            return code != kReplySerial || v != 0;
        }
        std::size_t size = 0;
        if (type == 'g') {
            if (at >= end) return false;
            size = p[at++];
        } else {
            at = align(at, 4);
            if (at + 4 > end) return false;
            size = u32(at);
            at += 4;
        }
        if (size > 255 || at + size + 1 > end || p[at + size] != 0) return false;
        bool ok = size > 0 && visible(p.subspan(at, size));
        if (type == 'o') ok = ok && p[at] == '/' && (size == 1 || identifier(p, at + 1, size - 1, "/"));
        if (type == 'g') ok = size == 0 || signature_text(p.subspan(at, size));
        at += size + 1;
        return ok;
    }

    // The header at `start`; `next` is where the message ends. False unless every field is read.
    bool header(std::size_t &next) const {
        if (start + 16 > p.size() || (p[start] != 'l' && p[start] != 'B')) return false;
        const unsigned type = p[start + 1];
        if (type < 1 || type > 4 || (p[start + 2] & ~7u) != 0 || p[start + 3] != 1 || u32(start + 8) == 0) return false;
        const std::uint32_t body = u32(start + 4), fields = u32(start + 12);
        if (body > (1u << 26) || fields > 4096 || start + 16 + fields > p.size()) return false;
        const std::size_t end = start + 16 + fields;
        unsigned seen = 0;
        for (std::size_t at = start + 16, count = 0; at < end; ++count) {
            at = align(at, 8);
            if (count == 16 || at + 4 > end) return false;
            const unsigned code = p[at];
            if (code < kPath || code > kUnixFds || p[at + 1] != 1 ||
                p[at + 2] != static_cast<std::uint8_t>(kDbusFieldType[code]) || p[at + 3] != 0 || (seen & 1u << code))
                return false;
            seen |= 1u << code;
            at += 4;
            if (!value(kDbusFieldType[code], code, at, end) || at > end) return false;
        }
        // what each type requires (the specification's "Message Types")
        constexpr unsigned kRequired[] = {0, 1u << kPath | 1u << kMember, 1u << kReplySerial,
                                          1u << kErrorName | 1u << kReplySerial,
                                          1u << kPath | 1u << kInterface | 1u << kMember};
        if ((seen & kRequired[type]) != kRequired[type]) return false;
        next = align(end, 8) + body;
        return true;
    }
};

// --- Erlang distribution --------------------------------------------------------------

// "name@host", both parts non-empty, printable.
bool node_name(Payload p, std::size_t at, std::size_t size) {
    if (size < 3 || size > 255 || at + size > p.size() || !visible(p.subspan(at, size))) return false;
    const string_view name = text_at(p, at, size);
    const auto sign = name.find('@');
    return sign != string_view::npos && sign > 0 && sign + 1 < name.size() &&
           name.find('@', sign + 1) == string_view::npos;
}

constexpr std::uint32_t kDflagExtendedReferences = 0x4;  // "mandatory" since OTP R6 (the protocol's flags list)

// One handshake message (after its 2-octet length) of `size` octets at `at`;
// `named` says it is one that carries the name / status (strong evidence).
bool erlang_dist_message(Payload p, std::size_t at, std::size_t size, bool &named) {
    const unsigned tag = p[at];
    named = false;
    switch (tag) {
        case 'n':  // send_name (version 5) or recv_challenge (version 5): the name fills the rest
            if (size < 7 || be16(p, at + 1) != 5 || (be32(p, at + 3) & kDflagExtendedReferences) == 0) return false;
            named = node_name(p, at + 7, size - 7) || (size > 11 && node_name(p, at + 11, size - 11));
            return named;
        case 'N': {  // version 6: flags (8), [challenge (4),] creation (4), name length (2), name
            if (size < 15 || (be32(p, at + 5) & kDflagExtendedReferences) == 0) return false;
            for (std::size_t name_length_at : {at + 13, at + 17})  // send_name, then recv_challenge's layout
                if (name_length_at + 2 <= at + size && be16(p, name_length_at) == at + size - name_length_at - 2 &&
                    node_name(p, name_length_at + 2, be16(p, name_length_at)))
                    named = true;
            return named;
        }
        case 's': {  // recv_status
            const string_view status = text_at(p, at + 1, size - 1);
            named = status == "ok" || status == "ok_simultaneous" || status == "nok" || status == "not_allowed" ||
                    status == "alive" || status.starts_with("named:");
            return named;
        }
        case 'r': return size == 21;  // challenge (4) + digest (16)
        case 'a': return size == 17;  // digest
        case 'c': return size == 9;   // complement: flags high (4) + creation (4)
        default: return false;
    }
}

// --- Thrift ----------------------------------------------------------------------------

enum ThriftType : unsigned {
    kStop = 0,
    kBool = 2,
    kByte = 3,
    kDouble = 4,
    kI16 = 6,
    kI32 = 8,
    kI64 = 10,
    kString = 11,
    kStruct = 12,
    kMap = 13,
    kSet = 14,
    kList = 15
};

std::size_t thrift_fixed_size(unsigned type) {
    switch (type) {
        case kBool:
        case kByte: return 1;
        case kI16: return 2;
        case kI32: return 4;
        case kDouble:
        case kI64: return 8;
        default: return 0;
    }
}

// Reads values of the binary protocol, bounded in depth and count.
struct ThriftReader {
    Payload p;
    std::size_t end;
    std::size_t items = 0;

    bool value(unsigned type, std::size_t &at, unsigned depth) {
        if (++items > 4 * kMaxItems || depth > kMaxDepth) return false;
        if (const std::size_t fixed = thrift_fixed_size(type)) return (at += fixed) <= end;
        switch (type) {
            case kString:
                if (at + 4 > end || be32(p, at) > end - at - 4) return false;
                at += 4 + be32(p, at);
                return true;
            case kStruct: return fields(at, depth + 1);
            case kMap: {
                if (at + 6 > end) return false;
                const unsigned key = p[at], item = p[at + 1];
                const std::uint32_t count = be32(p, at + 2);
                at += 6;
                if (count > kMaxItems || (count > 0 && (!known(key) || !known(item)))) return false;
                for (std::uint32_t i = 0; i < count; ++i)
                    if (!value(key, at, depth + 1) || !value(item, at, depth + 1)) return false;
                return true;
            }
            case kSet:
            case kList: {
                if (at + 5 > end) return false;
                const unsigned item = p[at];
                const std::uint32_t count = be32(p, at + 1);
                at += 5;
                if (count > kMaxItems || (count > 0 && !known(item))) return false;
                for (std::uint32_t i = 0; i < count; ++i)
                    if (!value(item, at, depth + 1)) return false;
                return true;
            }
            default: return false;
        }
    }
    static bool known(unsigned type) {
        return one_of(type, {kBool, kByte, kDouble, kI16, kI32, kI64, kString, kStruct, kMap, kSet, kList});
    }
    // A struct's fields (type, 2-octet id, value) to its stop field.
    bool fields(std::size_t &at, unsigned depth) {
        while (at < end) {
            const unsigned type = p[at++];
            if (type == kStop) return true;
            if (!known(type) || at + 2 > end) return false;
            at += 2;
            if (!value(type, at, depth)) return false;
        }
        return false;
    }
};

// One strict binary message filling [at, end).
bool thrift_binary_message(Payload p, std::size_t at, std::size_t end) {
    if (at + 12 > end || p[at] != 0x80 || p[at + 1] != 0x01 || p[at + 2] != 0 || p[at + 3] < 1 || p[at + 3] > 4)
        return false;
    const std::uint32_t name = be32(p, at + 4);
    if (name == 0 || name > 255 || at + 8 + name + 4 > end || !identifier(p, at + 8, name, ".:")) return false;
    std::size_t body = at + 8 + name + 4;
    ThriftReader reader{p, end};
    return reader.fields(body, 0) && body == end;
}

// --- MessagePack -------------------------------------------------------------------------

// Reads one msgpack value at `at` (bounded in depth and count); false when it is not one inside the payload.
struct MsgpackReader {
    Payload p;
    std::size_t items = 0;

    bool length(std::size_t &at, std::size_t octets, std::size_t &out) const {
        if (at + octets > p.size()) return false;
        out = octets == 1 ? p[at] : octets == 2 ? be16(p, at) : be32(p, at);
        at += octets;
        return true;
    }
    bool skip(std::size_t &at, std::size_t size) const { return size <= p.size() - at && (at += size, true); }
    bool elements(std::size_t &at, std::size_t count, unsigned depth) {
        if (count > kMaxItems) return false;
        for (std::size_t i = 0; i < count; ++i)
            if (!value(at, depth + 1)) return false;
        return true;
    }
    bool value(std::size_t &at, unsigned depth = 0) {
        if (at >= p.size() || ++items > 4 * kMaxItems || depth > kMaxDepth) return false;
        const unsigned c = p[at++];
        std::size_t size = 0;
        if (c <= 0x7f || c >= 0xe0 || c == 0xc0 || c == 0xc2 || c == 0xc3) return true;  // fixints, nil, booleans
        if (c >= 0xa0 && c <= 0xbf) return skip(at, c & 0x1f);                           // fixstr
        if (c >= 0x90 && c <= 0x9f) return elements(at, c & 0x0f, depth);                // fixarray
        if (c >= 0x80 && c <= 0x8f) return elements(at, 2 * (c & 0x0f), depth);          // fixmap
        switch (c) {
            case 0xc4:
            case 0xd9: return length(at, 1, size) && skip(at, size);  // bin 8, str 8
            case 0xc5:
            case 0xda: return length(at, 2, size) && skip(at, size);
            case 0xc6:
            case 0xdb: return length(at, 4, size) && skip(at, size);
            case 0xcc:
            case 0xd0: return skip(at, 1);
            case 0xcd:
            case 0xd1: return skip(at, 2);
            case 0xca:
            case 0xce:
            case 0xd2: return skip(at, 4);
            case 0xcb:
            case 0xcf:
            case 0xd3: return skip(at, 8);
            case 0xdc: return length(at, 2, size) && elements(at, size, depth);
            case 0xdd: return length(at, 4, size) && elements(at, size, depth);
            case 0xde: return length(at, 2, size) && elements(at, 2 * size, depth);
            case 0xdf: return length(at, 4, size) && elements(at, 2 * size, depth);
            default: return false;  // 0xc1 is never used; ext types are not RPC's
        }
    }
    // An unsigned integer (the message id) at `at`.
    bool uint(std::size_t &at) const {
        if (at >= p.size()) return false;
        const unsigned c = p[at++];
        if (c <= 0x7f) return true;
        return (c == 0xcc && at + 1 <= p.size() && (at += 1)) || (c == 0xcd && at + 2 <= p.size() && (at += 2)) ||
               (c == 0xce && at + 4 <= p.size() && (at += 4));
    }
    // A method name: a str of an identifier (Neovim's nvim_..., "vim.api" style dots allowed).
    bool method(std::size_t &at) const {
        if (at >= p.size()) return false;
        const unsigned c = p[at++];
        std::size_t size = 0;
        if (c >= 0xa0 && c <= 0xbf)
            size = c & 0x1f;
        else if (c != 0xd9 || !length(at, 1, size))
            return false;
        const bool ok = identifier(p, at, size, ".");
        at += size;
        return ok;
    }
    // An array value (the params) at `at`.
    bool array(std::size_t &at) {
        if (at >= p.size()) return false;
        const unsigned c = p[at];
        return ((c >= 0x90 && c <= 0x9f) || c == 0xdc || c == 0xdd) && value(at);
    }
    bool nil_at(std::size_t at) const { return at < p.size() && p[at] == 0xc0; }
};

}  // namespace

bool dbus_messages(Payload p) {
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        std::size_t next = 0;
        if (count == kMaxItems || !DbusMessage{p, at, p[at] == 'l'}.header(next))
            return count > 0 && at + 16 > p.size();
        at = next;
    }
    return true;
}

bool erlang_dist_handshake(Payload p) {
    std::size_t at = 0;
    bool named = false;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxItems || at + 2 > p.size()) return false;
        const std::size_t size = be16(p, at);
        bool strong = false;
        if (size == 0 || at + 2 + size > p.size() || !erlang_dist_message(p, at + 2, size, strong)) return false;
        named = named || strong;
        at += 2 + size;
    }
    return named;
}

bool ninep_version(Payload p) {
    // size[4] Tversion(100) / Rversion(101) tag[2]=NOTAG msize[4] version[s]
    if (p.size() < 13 || le32(p, 0) != p.size() || (p[4] != 100 && p[4] != 101) || le16(p, 5) != 0xFFFF) return false;
    const std::uint32_t msize = le32(p, 7);
    const std::size_t size = le16(p, 11);
    if (msize < 256 || 13 + size != p.size()) return false;
    const string_view version = text_at(p, 13, size);
    return version == "unknown" || version == "9P2000" ||
           (version.starts_with("9P2000.") && version.size() <= 12 && visible(p.subspan(13)));
}

bool usbip_operation(Payload p) {
    if (p.size() < 8 || be16(p, 0) != 0x0111) return false;
    const unsigned code = be16(p, 2);
    const std::uint32_t status = be32(p, 4);
    constexpr std::size_t kDevice = 312, kInterface = 4;
    switch (code) {
        case 0x8005: return p.size() == 8 && status == 0;  // OP_REQ_DEVLIST
        case 0x8003: {                                     // OP_REQ_IMPORT: a NUL-padded bus id "1-1" / "2-1.4"
            if (p.size() != 8 + 32 || status != 0) return false;
            std::size_t at = 8;
            return c_string(p, at, 40) && at > 9 && all_zero(p.subspan(at, 40 - at));
        }
        case 0x0003: return status <= 1 && p.size() == (status == 0 ? 8 + kDevice : 8);  // OP_REP_IMPORT
        case 0x0005: {  // OP_REP_DEVLIST: devices, each with its interfaces, to the end
            if (status > 1 || p.size() < 12 || be32(p, 8) > kMaxItems) return false;
            std::size_t at = 12;
            for (std::uint32_t i = be32(p, 8); i > 0; --i) {
                std::size_t path = at;
                if (at + kDevice > p.size() || !c_string(p, path, at + 256) || p[at] != '/') return false;
                at += kDevice;
                at += kInterface * p[at - 1];  // bNumInterfaces ends the device
            }
            return at == p.size();
        }
        default: return false;
    }
}

bool thrift_message(Payload p) {
    if (p.size() >= 16 && be32(p, 0) == p.size() - 4) return thrift_binary_message(p, 4, p.size());  // framed
    return thrift_binary_message(p, 0, p.size());
}

bool msgpack_rpc(Payload p) {
    MsgpackReader reader{p};
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxItems) return false;
        const unsigned head = p[at], type = at + 1 < p.size() ? p[at + 1] : 0xff;
        at += 2;
        if (head == 0x94 && type == 0) {  // request: id, method, params
            if (!reader.uint(at) || !reader.method(at) || !reader.array(at)) return false;
        } else if (head == 0x94 && type == 1) {  // response: id, error, result; one of the two nil
            if (!reader.uint(at)) return false;
            const bool error_nil = reader.nil_at(at);
            if (!reader.value(at) || (!error_nil && !reader.nil_at(at)) || !reader.value(at)) return false;
        } else if (head == 0x93 && type == 2) {  // notification: method, params
            if (!reader.method(at) || !reader.array(at)) return false;
        } else {
            return false;
        }
    }
    return true;
}

bool nrepl_messages(Payload p) {
    // nREPL's built-in operations and the middleware ones its clients send first
    static constexpr string_view kOps[] = {
        "clone",           "describe",        "eval",        "load-file", "close", "interrupt",     "ls-sessions",
        "stdin",           "lookup",          "completions", "info",      "eldoc", "ls-middleware", "add-middleware",
        "swap-middleware", "sideloader-start"};
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        const std::size_t dict = at;
        if (count == kMaxItems || p[at] != 'd' || !bencode::value(p, at)) return false;
        const string_view op = bencode::string_at(p, dict, "op");
        if (!op.empty()) {
            if (std::find(std::begin(kOps), std::end(kOps), op) == std::end(kOps)) return false;
            continue;
        }
        // a response: its request's id or session, and what nREPL answers with
        const bool tagged = bencode::key_at(p, dict, "id") != 0 || bencode::key_at(p, dict, "session") != 0;
        const std::size_t status = bencode::key_at(p, dict, "status");
        const bool answer = (status != 0 && p[status] == 'l') || bencode::key_at(p, dict, "new-session") != 0 ||
                            bencode::key_at(p, dict, "value") != 0 || bencode::key_at(p, dict, "out") != 0;
        if (!tagged || !answer) return false;
    }
    return true;
}

bool sp_header(Payload p) {
    // protocol ids: pair 0x10, pub / sub 0x20-21, req / rep 0x30-31, push / pull 0x50-51, surveyor /
    // respondent 0x62-63, bus 0x70 (nanomsg's sp.h, NNG's protocol headers)
    if (p.size() < 8 || p[0] != 0 || p[1] != 'S' || p[2] != 'P' || p[3] != 0 || p[4] != 0 || p[6] != 0 || p[7] != 0 ||
        !one_of(p[5], {0x10, 0x20, 0x21, 0x30, 0x31, 0x50, 0x51, 0x62, 0x63, 0x70}))
        return false;
    std::size_t at = 8;  // messages: an 8-octet big-endian length, then the body
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxItems || p.size() - at < 8 || be32(p, at) != 0) return false;
        at += 8 + be32(p, at + 4);
    }
    return true;
}

bool dbgp_engine(Payload p) {
    static constexpr string_view kElements[] = {"<init ", "<response ", "<stream ", "<notify "};
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        std::size_t digits = at;
        while (digits < p.size() && digits - at < 9 && p[digits] >= '0' && p[digits] <= '9') ++digits;
        if (count == kMaxItems || digits == at || digits >= p.size() || p[digits] != 0) return false;
        std::size_t length = 0;
        for (std::size_t i = at; i < digits; ++i) length = length * 10 + (p[i] - '0');
        const std::size_t xml = digits + 1;
        if (length < 40 || length + 1 > p.size() - xml || p[xml + length] != 0) return false;
        const string_view text = text_at(p, xml, length);
        if (!text.starts_with("<?xml ") || text.find("urn:debugger_protocol_v1") == string_view::npos ||
            std::none_of(std::begin(kElements), std::end(kElements),
                         [text](string_view e) { return text.find(e) != string_view::npos; }))
            return false;
        at = xml + length + 1;
    }
    return true;
}

bool dbgp_commands(Payload p) {
    static constexpr string_view kCommands[] = {"status",
                                                "feature_get",
                                                "feature_set",
                                                "run",
                                                "step_into",
                                                "step_over",
                                                "step_out",
                                                "stop",
                                                "detach",
                                                "breakpoint_set",
                                                "breakpoint_get",
                                                "breakpoint_update",
                                                "breakpoint_remove",
                                                "breakpoint_list",
                                                "stack_depth",
                                                "stack_get",
                                                "context_names",
                                                "context_get",
                                                "typemap_get",
                                                "property_get",
                                                "property_set",
                                                "property_value",
                                                "source",
                                                "stdout",
                                                "stderr",
                                                "eval",
                                                "expr",
                                                "exec",
                                                "break",
                                                "interact"};
    if (p.empty() || p[0] < 'a' || p[0] > 'z') return false;  // commands are lower case
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        std::size_t end = at;
        if (count == kMaxItems || !c_string(p, end, p.size())) return false;
        const string_view line = text_at(p, at, end - 1 - at);
        const auto space = line.find(' ');
        const string_view command = line.substr(0, space);
        if (space == string_view::npos ||
            std::find(std::begin(kCommands), std::end(kCommands), command) == std::end(kCommands))
            return false;
        // the transaction id: "-i <digits>" among the options
        const auto id = line.find(" -i ");
        if (id == string_view::npos || id + 4 >= line.size() || line[id + 4] < '0' || line[id + 4] > '9') return false;
        at = end;
    }
    return true;
}

bool spice_link(Payload p) {
    if (p.size() < 16 || !has_at(p, 0, "REDQ") || le32(p, 4) != 2 || (le32(p, 8) != 1 && le32(p, 8) != 2) ||
        le32(p, 12) != p.size() - 16)
        return false;
    const std::size_t body = 16, size = p.size() - 16;
    // a link message: connection id, channel type, channel id, two caps counts, caps offset 18
    if (size >= 18 && in_range(p[body + 4], 1, 11) && le32(p, body + 14) == 18)
        return le32(p, body + 6) <= 8 && le32(p, body + 10) <= 8 &&
               size == 18 + 4 * (le32(p, body + 6) + le32(p, body + 10));
    // a link reply: error, the RSA public key (162 octets), two caps counts, caps offset 178
    if (size >= 178 && le32(p, body) <= 9 && le32(p, body + 174) == 178)
        return le32(p, body + 166) <= 8 && le32(p, body + 170) <= 8 &&
               size == 178 + 4 * (le32(p, body + 166) + le32(p, body + 170));
    return false;
}

bool sccache_compile(Payload p) {
    if (p.size() < 8 + 2 * 9 || be32(p, 0) != p.size() - 4 || le32(p, 4) != 4) return false;
    std::size_t at = 8;
    // the compiler's path and the working directory: an OsString (variant 0, Unix), a u64 length, the octets
    for (int path = 0; path < 2; ++path) {
        if (p.size() - at < 12 || le32(p, at) != 0 || le32(p, at + 8) != 0 || le32(p, at + 4) < 2 ||
            le32(p, at + 4) > 4096 || p.size() - at - 12 < le32(p, at + 4))
            return false;
        const std::size_t size = le32(p, at + 4);
        if (p[at + 12] != '/' || !visible(p.subspan(at + 12, size))) return false;
        at += 12 + size;
    }
    return true;
}

}  // namespace ghostports::framed
