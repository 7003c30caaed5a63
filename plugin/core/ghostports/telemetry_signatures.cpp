// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/telemetry_signatures.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

#include "core/ghostports/text_grammar.hpp"
#include "core/ghostports/wire_reading.hpp"

namespace ghostports::framed {
namespace {

// A payload holds at most this many DLT messages; more is not read.
constexpr std::size_t kMaxDltMessages = 64;

using std::size_t;

// --- CoAP ---------------------------------------------------------------------

enum class CoapValue : std::uint8_t { Empty, Opaque, Uint, Text };
struct CoapOption {
    unsigned number;
    CoapValue value;
    unsigned min_length, max_length;
    bool repeatable;
};
// The CoAP Option Numbers registry (RFC 7252 12.2, 7641, 7959, 7967,
// 8613, 8768, 9175): number, format, length bounds, repeatable.
constexpr CoapOption kCoapOptions[] = {
    {1, CoapValue::Opaque, 0, 8, true},      // If-Match
    {3, CoapValue::Text, 1, 255, false},     // Uri-Host
    {4, CoapValue::Opaque, 1, 8, true},      // ETag
    {5, CoapValue::Empty, 0, 0, false},      // If-None-Match
    {6, CoapValue::Uint, 0, 3, false},       // Observe
    {7, CoapValue::Uint, 0, 2, false},       // Uri-Port
    {8, CoapValue::Text, 0, 255, true},      // Location-Path
    {9, CoapValue::Opaque, 0, 255, false},   // OSCORE
    {11, CoapValue::Text, 0, 255, true},     // Uri-Path
    {12, CoapValue::Uint, 0, 2, false},      // Content-Format
    {14, CoapValue::Uint, 0, 4, false},      // Max-Age
    {15, CoapValue::Text, 0, 255, true},     // Uri-Query
    {16, CoapValue::Uint, 1, 1, false},      // Hop-Limit
    {17, CoapValue::Uint, 0, 2, false},      // Accept
    {20, CoapValue::Text, 0, 255, true},     // Location-Query
    {23, CoapValue::Uint, 0, 3, false},      // Block2
    {27, CoapValue::Uint, 0, 3, false},      // Block1
    {28, CoapValue::Uint, 0, 4, false},      // Size2
    {35, CoapValue::Text, 1, 1034, false},   // Proxy-Uri
    {39, CoapValue::Text, 1, 255, false},    // Proxy-Scheme
    {60, CoapValue::Uint, 0, 4, false},      // Size1
    {252, CoapValue::Opaque, 1, 40, false},  // Echo
    {258, CoapValue::Uint, 0, 1, false},     // No-Response
    {292, CoapValue::Opaque, 0, 8, true},    // Request-Tag
};
constexpr unsigned kContentFormat = 12;
constexpr unsigned kLocationPath = 8, kLocationQuery = 20;
// Content-Formats whose payload is text (RFC 7252 12.3 and its registry):
// text/plain, link-format, xml, json, json-patch, merge-patch, senml+json,
// sensml+json, td+json.
constexpr unsigned kTextFormats[] = {0, 40, 41, 50, 51, 52, 110, 111, 432};
// A response without Content-Format is named from its payload only when
// that is this much text (a diagnostic or plain reading).
constexpr size_t kShortestBareText = 8;

const CoapOption *coap_option(unsigned number) {
    const auto *found = std::find_if(std::begin(kCoapOptions), std::end(kCoapOptions),
                                     [number](const CoapOption &o) { return o.number == number; });
    return found != std::end(kCoapOptions) ? found : nullptr;
}

// RFC 7252 3.1: a 4-bit delta or length, extended by one (13) or two (14) octets; 15 is reserved.
bool coap_extended(Payload p, size_t &at, unsigned nibble, unsigned &value) {
    if (nibble < 13) {
        value = nibble;
    } else if (nibble == 13 && at < p.size()) {
        value = 13u + p[at++];
    } else if (nibble == 14 && at + 2 <= p.size()) {
        value = 269u + be16(p, at);
        at += 2;
    } else {
        return false;
    }
    return true;
}

// UTF-8 text (RFC 7252 5.5.2 diagnostic payloads, text/plain, JSON, link-format).
bool text_payload(Payload p) {
    return utf8_text(p, true);
}

// A request names only when its Uri-/Proxy- text says this much
// (".well-known", "time", a host name): one character is too little.
constexpr size_t kShortestRequestText = 3;

struct CoapOptions {
    size_t text = 0;           // characters in Uri-/Proxy- text options
    bool location = false;     // Location-Path / Location-Query
    long content_format = -1;  // the Content-Format's value, or -1
    size_t payload_at = 0;     // where the payload starts (past 0xFF), or the size
};

// The options after the token, to the end or to the payload marker.
bool coap_options(Payload p, size_t at, CoapOptions &out) {
    unsigned number = 0;
    while (at < p.size()) {
        const std::uint8_t head = p[at++];
        if (head == 0xff) {
            if (at == p.size()) return false;  // a marker must be followed by a payload
            out.payload_at = at;
            return true;
        }
        unsigned delta = 0, length = 0;
        if (!coap_extended(p, at, head >> 4, delta) || !coap_extended(p, at, head & 0x0f, length)) return false;
        const CoapOption *option = coap_option(number + delta);
        if (option == nullptr || (delta == 0 && (number == 0 || !option->repeatable))) return false;
        number += delta;
        if (length < option->min_length || length > option->max_length || at + length > p.size()) return false;
        const Payload value = p.subspan(at, length);
        // Text as clients write it: printable, no space (a Uri-Host a host name).
        if (option->value == CoapValue::Text && !visible(value)) return false;
        if (option->value == CoapValue::Uint && length > 0 && value[0] == 0) return false;  // 3.2: shortest form
        const bool location = number == kLocationPath || number == kLocationQuery;
        if (option->value == CoapValue::Text && location) out.location = out.location || length > 0;
        if (option->value == CoapValue::Text && !location) out.text += length;
        if (number == kContentFormat) {
            long v = 0;
            for (std::uint8_t b : value) v = v << 8 | b;
            out.content_format = v;
        }
        at += length;
    }
    out.payload_at = p.size();
    return true;
}

bool is_text_format(long content_format) {
    return std::find(std::begin(kTextFormats), std::end(kTextFormats), content_format) != std::end(kTextFormats);
}
// The payload agrees with its Content-Format: text where the format is text.
bool coap_payload_fits(Payload payload, long content_format) {
    return !is_text_format(content_format) || text_payload(payload);
}

bool coap_request_code(unsigned code) {
    return in_range(code, 1, 7);  // GET POST PUT DELETE FETCH PATCH iPATCH
}
// The CoAP Response Codes registry (RFC 7252 12.1.2, 7959, 8132, 8516).
bool coap_response_code(unsigned code) {
    const unsigned cls = code >> 5, detail = code & 31;
    return (cls == 2 && (in_range(detail, 1, 5) || detail == 31)) ||
           (cls == 4 && (detail <= 6 || one_of(detail, {8, 9, 12, 13, 15, 22, 29}))) ||
           (cls == 5 && (detail <= 5 || detail == 8));
}
constexpr unsigned kCreated = 0x41;  // 2.01: the only response with a Location (5.10.7)

// --- NetFlow / IPFIX --------------------------------------------------------------

// RFC 3954 5.3 / RFC 7011 3.4.1: template records (id >= 256, field count
// >= 1, the fields; IPFIX's enterprise bit adds a 4-octet number) tiling
// the set, then at most 3 octets of zero padding.
bool template_records(Payload p, size_t at, size_t end, bool ipfix) {
    bool any = false;
    while (end - at >= 4) {
        const unsigned id = be16(p, at), fields = be16(p, at + 2);
        if (id == 0 && fields == 0) break;  // padding
        if (id < 256 || fields == 0) return false;
        at += 4;
        for (unsigned i = 0; i < fields; ++i) {
            if (at + 4 > end || be16(p, at + 2) == 0) return false;
            const bool enterprise = ipfix && (p[at] & 0x80) != 0;
            at += enterprise ? 8 : 4;
            if (at > end) return false;
        }
        any = true;
    }
    return any && all_zero(p.subspan(at, end - at));
}

// Sets (id, length >= 4) tiling [at, end): templates (v9: 0, IPFIX: 2),
// options templates (v9: 1, IPFIX: 3) and data sets (>= 256); the other ids are reserved.
bool flow_sets(Payload p, size_t at, size_t end, bool ipfix) {
    const unsigned templates = ipfix ? 2 : 0, options = ipfix ? 3 : 1;
    bool any = false;
    while (at < end) {
        if (end - at < 4) return false;
        const unsigned id = be16(p, at), length = be16(p, at + 2);
        if (length < 4 || at + length > end) return false;
        if (id == templates) {
            if (!template_records(p, at + 4, at + length, ipfix)) return false;
        } else if (id != options && id < 256) {
            return false;
        }
        at += length;
        any = true;
    }
    return any;
}

// Cisco NetFlow v5 flow record: pad1 (offset 36) and pad2 (46-47) zero,
// masks at most 32, at least one packet and no fewer octets than packets.
bool netflow_v5_record(Payload r) {
    return r[36] == 0 && be16(r, 46) == 0 && r[44] <= 32 && r[45] <= 32 && be32(r, 16) >= 1 &&
           be32(r, 20) >= be32(r, 16);
}

// --- sFlow ----------------------------------------------------------------------

// The fixed part of each sample format (enterprise 0): flow 1, counters 2,
// expanded flow 3, expanded counters 4; the record count is its last field.
constexpr size_t kSflowSampleFixed[] = {0, 32, 12, 44, 16};
constexpr unsigned kSflowMaxSamples = 64, kSflowMaxRecords = 64;

// Records (data format, length, data padded to 4) tiling [at, end), `count` of them.
bool sflow_records(Payload p, size_t at, size_t end, std::uint32_t count) {
    if (count == 0 || count > kSflowMaxRecords) return false;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (end - at < 8) return false;
        const std::uint32_t length = be32(p, at + 4);
        if (length % 4 != 0 || length > end - at - 8) return false;
        at += 8 + length;
    }
    return at == end;
}

// --- MPEG transport stream ------------------------------------------------------

constexpr size_t kTsPacket = 188;
constexpr std::uint8_t kTsSync = 0x47;

// ISO/IEC 13818-1 2.4.3.2-2.4.3.5: sync octet, transport_error_indicator
// clear, adaptation_field_control not the reserved 00; an adaptation field
// alone fills the packet (183 octets), before a payload it leaves one.
bool ts_packet(Payload t) {
    if (t[0] != kTsSync || (t[1] & 0x80) != 0) return false;
    const unsigned control = (t[3] >> 4) & 3;
    if (control == 0) return false;
    if (control == 1) return true;
    const unsigned adaptation = t[4];
    return control == 2 ? adaptation == 183 : adaptation <= 182;
}

}  // namespace

bool sflow_datagram(Payload p) {
    if (p.size() < 28 || be32(p, 0) != 5) return false;
    const std::uint32_t address_type = be32(p, 4);
    if (address_type != 1 && address_type != 2) return false;
    size_t at = address_type == 1 ? 12 : 24;
    if (p.size() < at + 16) return false;
    const std::uint32_t samples = be32(p, at + 12);
    at += 16;
    if (samples == 0 || samples > kSflowMaxSamples) return false;
    for (std::uint32_t i = 0; i < samples; ++i) {
        if (p.size() - at < 8) return false;
        const std::uint32_t format = be32(p, at);  // enterprise (20 bits) 0, format 1-4
        const std::uint32_t length = be32(p, at + 4);
        if (!in_range(format, 1, 4) || length % 4 != 0 || length > p.size() - at - 8) return false;
        const size_t fixed = kSflowSampleFixed[format];
        if (length < fixed || !sflow_records(p, at + 8 + fixed, at + 8 + length, be32(p, at + 8 + fixed - 4)))
            return false;
        at += 8 + length;
    }
    return at == p.size();
}

bool mpeg_ts_packets(Payload p) {
    const size_t whole = p.size() / kTsPacket;
    if (whole < 2) return false;
    for (size_t i = 0; i < whole; ++i)
        if (!ts_packet(p.subspan(i * kTsPacket, kTsPacket))) return false;
    const size_t rest = p.size() % kTsPacket;
    return rest == 0 || p[whole * kTsPacket] == kTsSync;  // a packet cut by the segment's end
}

bool coap_message(Payload p) {
    if (p.size() < 5 || (p[0] >> 6) != 1) return false;
    const unsigned type = (p[0] >> 4) & 3, token = p[0] & 0x0f, code = p[1];
    if (token > 8 || 4 + token > p.size()) return false;
    CoapOptions options;
    if (!coap_options(p, 4 + token, options)) return false;
    const Payload payload = p.subspan(options.payload_at);
    if (coap_request_code(code)) {
        // A request is sent confirmable or not (3); GET and DELETE carry no payload.
        const bool may_carry = code != 1 && code != 4;
        return type <= 1 && options.text >= kShortestRequestText && (payload.empty() || may_carry) &&
               coap_payload_fits(payload, options.content_format);
    }
    if (!coap_response_code(code) || type == 3) return false;
    // A response names only with a Location or with text: any octets after
    // a binary Content-Format (CBOR, octet-stream) are no evidence.
    if (options.location) return code == kCreated && payload.empty() && options.text == 0;
    if (payload.empty() || !text_payload(payload)) return false;
    return options.content_format >= 0 ? is_text_format(options.content_format) : payload.size() >= kShortestBareText;
}

bool netflow_v5(Payload p) {
    if (p.size() < 24 + 48 || be16(p, 0) != 5) return false;
    const unsigned count = be16(p, 2);
    // unix_nsecs below a second; sampling mode (top two bits) 0-2
    if (!in_range(count, 1, 30) || p.size() != 24 + 48 * size_t{count} || be32(p, 12) >= 1000000000u ||
        (p[22] >> 6) == 3)
        return false;
    for (size_t at = 24; at < p.size(); at += 48)
        if (!netflow_v5_record(p.subspan(at, 48))) return false;
    return true;
}

bool netflow_v9(Payload p) {
    return p.size() >= 24 && be16(p, 0) == 9 && be16(p, 2) >= 1 && flow_sets(p, 20, p.size(), false);
}

bool ipfix_messages(Payload p) {
    size_t at = 0;
    while (at < p.size()) {
        if (p.size() - at < 20 || be16(p, at) != 10) return false;
        const size_t length = be16(p, at + 2);
        if (length < 20 || at + length > p.size() || !flow_sets(p, at + 16, at + length, true)) return false;
        at += length;
    }
    return at > 0;
}

bool carbon_pickle(Payload p) {
    if (p.size() < 4 + 5 || be32(p, 0) != p.size() - 4 || p[4] != 0x80 || p[5] < 2 || p[5] > 5 || p.back() != '.')
        return false;
    std::size_t at = 6;
    if (p[5] >= 4 && p[at] == 0x95) {  // FRAME: an 8-octet little-endian size = the rest
        if (p.size() - at < 9) return false;
        std::uint64_t frame = 0;
        for (int i = 8; i >= 1; --i) frame = frame << 8 | p[at + static_cast<std::size_t>(i)];
        if (frame != p.size() - at - 9) return false;
        at += 9;
    }
    return at < p.size() && (p[at] == ']' || p[at] == '(');  // EMPTY_LIST, MARK
}

bool rtl_tcp_greeting(Payload p) {
    return p.size() >= 12 && has_at(p, 0, "RTL0") && in_range(be32(p, 4), 1, 6) && be32(p, 8) <= 64;
}

namespace {
using text::is_digits;
using text::is_hex_digits;
// yyyy/mm/dd and hh:mm:ss.mmm
bool sbs_date(std::string_view s) {
    return s.size() == 10 && s[4] == '/' && s[7] == '/' && is_digits(s.substr(0, 4)) && is_digits(s.substr(5, 2)) &&
           is_digits(s.substr(8, 2));
}
bool sbs_time(std::string_view s) {
    return s.size() == 12 && s[2] == ':' && s[5] == ':' && s[8] == '.' && is_digits(s.substr(0, 2)) &&
           is_digits(s.substr(3, 2)) && is_digits(s.substr(6, 2)) && is_digits(s.substr(9, 3));
}
// One feed line without its end.
bool adsb_line(std::string_view line) {
    if (line.starts_with('*') && line.ends_with(';'))
        return (line.size() == 16 || line.size() == 30) && is_hex_digits(line.substr(1, line.size() - 2));
    if (!line.starts_with("MSG,")) return false;
    std::array<std::string_view, 22> f{};
    std::size_t n = 0;
    for (std::size_t begin = 0; n < 22;) {
        const auto comma = line.find(',', begin);
        f[n++] = line.substr(begin, comma == std::string_view::npos ? std::string_view::npos : comma - begin);
        if (comma == std::string_view::npos) break;
        begin = comma + 1;
    }
    return n == 22 && f[1].size() == 1 && f[1][0] >= '1' && f[1][0] <= '8' && f[4].size() == 6 && is_hex_digits(f[4]) &&
           sbs_date(f[6]) && sbs_time(f[7]) && sbs_date(f[8]) && sbs_time(f[9]);
}
}  // namespace

bool adsb_feed(Payload p) {
    if (p.empty() || (p[0] != '*' && p[0] != 'M')) return false;
    const std::string_view s(reinterpret_cast<const char *>(p.data()), p.size());
    std::size_t at = 0, lines = 0;
    while (at < s.size()) {
        const auto end = s.find('\n', at);
        if (end == std::string_view::npos || ++lines > 256) return false;
        std::string_view line = s.substr(at, end - at);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (!adsb_line(line)) return false;
        at = end + 1;
    }
    return lines > 0;
}

namespace {

// A DLT id (ECU, application, context): up to four printable octets, NUL-padded.
bool dlt_id(Payload p, std::size_t at) {
    std::size_t length = 0;
    while (length < 4 && p[at + length] != 0) ++length;
    if (length == 0) return false;
    for (std::size_t i = 0; i < 4; ++i) {
        const std::uint8_t c = p[at + i];
        if (i < length ? (c <= 0x20 || c >= 0x7f) : c != 0) return false;
    }
    return true;
}

// The subtypes each message type defines: log (fatal ... verbose), application trace, network trace, control.
bool dlt_message_info(std::uint8_t info) {
    constexpr unsigned kLastSubtype[] = {6, 5, 4, 3};
    const unsigned type = info >> 1 & 7, subtype = info >> 4;
    return type < 4 && subtype >= 1 && subtype <= kLastSubtype[type];
}

}  // namespace

namespace {

enum DltHeaderFlag : unsigned {
    kExtended = 0x01,
    kBigEndian = 0x02,
    kEcuId = 0x04,
    kSessionId = 0x08,
    kTimestamp = 0x10
};

std::uint32_t dlt_u32(Payload p, std::size_t at, bool big_endian) {
    return big_endian ? be32(p, at) : le32(p, at);
}
unsigned dlt_u16(Payload p, std::size_t at, bool big_endian) {
    return big_endian ? be16(p, at) : le16(p, at);
}

// A verbose message's arguments (PRS DLT "Verbose Mode"): `count` type infos, each one kind (bool, signed,
// unsigned, float of its length; string or raw with a 16-bit length), tiling [at, end). Arrays, fixed
// point, trace info, structs and named (VARI) arguments are not read.
bool dlt_arguments(Payload p, std::size_t at, std::size_t end, unsigned count, bool big_endian) {
    enum : std::uint32_t {
        kBool = 0x10,
        kSigned = 0x20,
        kUnsigned = 0x40,
        kFloat = 0x80,
        kString = 0x200,
        kRaw = 0x400
    };
    constexpr std::size_t kLengths[] = {0, 1, 2, 4, 8, 16};
    for (unsigned i = 0; i < count; ++i) {
        if (end - at < 4) return false;
        const std::uint32_t info = dlt_u32(p, at, big_endian);
        const unsigned kind = info & 0xfff0u, type_length = info & 0x0f;
        at += 4;
        std::size_t size = 0;
        if (kind == kBool || kind == kSigned || kind == kUnsigned || kind == kFloat) {
            if (type_length == 0 || type_length > 5 || (kind == kBool && type_length != 1) ||
                (kind == kFloat && (type_length < 2 || type_length > 4)))
                return false;
            size = kLengths[type_length];
        } else if ((kind & ~0x38000u) == kString || kind == kRaw) {  // a string's coding (ASCII / UTF-8) in 15-17
            if (type_length != 0 || end - at < 2) return false;
            size = 2 + dlt_u16(p, at, big_endian);
        } else {
            return false;
        }
        if (size > end - at) return false;
        at += size;
    }
    return at == end;
}

// The payload after an extended header: a verbose message's arguments tiling it, or a control message's
// service id (0x01-0x26, 0xF01-0xF0F); a non-verbose log or trace is only its message id: no evidence.
bool dlt_payload_evidence(Payload p, std::size_t at, std::size_t end, std::uint8_t info, unsigned arguments,
                          bool big_endian) {
    const bool verbose = info & 1;
    const unsigned type = info >> 1 & 7;
    if (verbose) return arguments > 0 && dlt_arguments(p, at, end, arguments, big_endian);
    if (type != 3 || end - at < 4) return false;
    const std::uint32_t service = dlt_u32(p, at, big_endian);
    return (service >= 0x01 && service <= 0x26) || (service >= 0xf01 && service <= 0xf0f);
}

}  // namespace

bool dlt_messages(Payload p) {
    std::size_t at = 0;
    bool evidence = false;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxDltMessages) return false;
        if (has_at(p, at, "DLS\x01")) at += 4;
        if (p.size() - at < 4) return false;
        const unsigned flags = p[at], length = be16(p, at + 2);
        if (flags >> 5 != 1 || length > p.size() - at) return false;
        std::size_t field = at + 4;
        const std::size_t need = 4 + (flags & kEcuId ? 4u : 0u) + (flags & kSessionId ? 4u : 0u) +
                                 (flags & kTimestamp ? 4u : 0u) + (flags & kExtended ? 10u : 0u);
        if (length < need) return false;
        if (flags & kEcuId) {
            if (!dlt_id(p, field)) return false;
            field += 4;
        }
        field += (flags & kSessionId ? 4u : 0u) + (flags & kTimestamp ? 4u : 0u);
        if (flags & kExtended) {  // message info, argument count, application id, context id, then the payload
            if (!dlt_message_info(p[field]) || !dlt_id(p, field + 2) || !dlt_id(p, field + 6)) return false;
            if (dlt_payload_evidence(p, field + 10, at + length, p[field], p[field + 1], flags & kBigEndian))
                evidence = true;
        }
        at += length;
    }
    return evidence;
}

bool lbcd_reply(Payload p) {
    constexpr std::size_t kFixed = 36;  // header, three times, three loads, two user counts, six octets
    constexpr std::uint32_t kYear2000 = 946684800;
    if (p.size() < kFixed + 8 || !one_of(be16(p, 0), {2, 3}) || be16(p, 4) != 1 || be16(p, 6) != 1) return false;
    const std::uint32_t boot = be32(p, 8), now = be32(p, 12), user_time = be32(p, 16);
    const unsigned total = be16(p, 26), unique = be16(p, 28), on_console = p[30];
    const unsigned tmp_full = p[32], tmpdir_full = p[33], pad = p[34], services = p[35];
    return now >= kYear2000 && boot <= now && boot >= kYear2000 / 2 && user_time <= now && unique <= total &&
           on_console <= total && tmp_full <= 100 && tmpdir_full <= 100 && pad == 0 && services <= 5 &&
           p.size() == kFixed + 8 * (services + 1);
}

}  // namespace ghostports::framed
