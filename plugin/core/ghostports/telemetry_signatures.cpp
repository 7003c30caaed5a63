// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/telemetry_signatures.hpp"

#include <algorithm>
#include <cstddef>

#include "core/ghostports/wire_reading.hpp"

namespace ghostports::framed {
namespace {

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

bool text_payload(Payload p) {
    return std::all_of(p.begin(), p.end(),
                       [](std::uint8_t c) { return (c >= 0x20 && c != 0x7f) || c == '\t' || c == '\r' || c == '\n'; });
}

bool visible_text(Payload p) {
    return std::all_of(p.begin(), p.end(), [](std::uint8_t c) { return c > 0x20 && c < 0x7f; });
}

struct CoapOptions {
    bool text = false;         // a Uri-/Proxy- text option with at least one character
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
        if (option->value == CoapValue::Text && !visible_text(value)) return false;
        if (option->value == CoapValue::Uint && length > 0 && value[0] == 0) return false;  // 3.2: shortest form
        const bool location = number == kLocationPath || number == kLocationQuery;
        if (option->value == CoapValue::Text && length > 0) (location ? out.location : out.text) = true;
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

}  // namespace

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
        return type <= 1 && options.text && (payload.empty() || may_carry) &&
               coap_payload_fits(payload, options.content_format);
    }
    if (!coap_response_code(code) || type == 3) return false;
    // A response names only with a Location or with text: any octets after
    // a binary Content-Format (CBOR, octet-stream) are no evidence.
    if (options.location) return code == kCreated && payload.empty() && !options.text;
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

}  // namespace ghostports::framed
