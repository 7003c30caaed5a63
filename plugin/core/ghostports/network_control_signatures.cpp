// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/network_control_signatures.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "core/ghostports/bencode.hpp"
#include "core/ghostports/wire_reading.hpp"

namespace ghostports::framed {
namespace {

// A payload holds at most this many messages or elements; more is not read.
constexpr std::size_t kMaxItems = 64;

// --- OpenFlow ---------------------------------------------------------------------------------

enum OpenflowType : unsigned { kHello = 0, kError = 1, kFeaturesReply = 6 };

// The last message type each version defines (1.0: QUEUE_GET_CONFIG_REPLY ... 1.5: REQUESTFORWARD).
unsigned openflow_last_type(unsigned version) {
    constexpr unsigned kLast[] = {0, 21, 23, 25, 29, 33, 35};
    return kLast[version];
}

// HELLO of 1.3 and later with its elements (type 1 VERSIONBITMAP: length 4 + 4n, the bit of the header's
// version set) tiling the body, padded to 8. A bare 8-octet HELLO is four octets of evidence: not enough.
bool openflow_hello(Payload p, std::size_t at, std::size_t length, unsigned version) {
    if (version < 4 || length < 16 || at + length > p.size()) return false;
    if ((p[at + 15] >> version & 1) == 0) return false;  // the first bitmap word's low octet: bits 0-7
    std::size_t element = at + 8;
    const std::size_t end = at + length;
    for (std::size_t count = 0; element + 4 <= end; ++count) {
        const unsigned type = be16(p, element), size = be16(p, element + 2);
        if (count == 8 || type != 1 || size < 8 || size % 4 != 0 || element + size > end) return false;
        element += (size + 7) / 8 * 8;  // each element is padded to 8
    }
    return element >= end && element - end < 8;
}

// A port description's name: NUL-padded printable text, at least one character.
bool openflow_port_name(Payload p, std::size_t at) {
    std::size_t end = at;
    return p[at] != 0 && c_string(p, end, at + 16) && all_zero(p.subspan(end, at + 16 - end));
}

// FEATURES_REPLY, whole: pads zero; 1.0-1.2 list their ports (48 / 64 octets, a named port each).
bool openflow_features_reply(Payload p, std::size_t at, std::size_t length, unsigned version) {
    if (at + length > p.size() || length < 32) return false;
    if (version >= 4) return length == 32 && p[at + 22] == 0 && p[at + 23] == 0 && be32(p, at + 28) == 0;
    const std::size_t port = version == 1 ? 48 : 64, name = version == 1 ? 8 : 16;
    if ((length - 32) % port != 0 || p[at + 21] != 0 || p[at + 22] != 0 || p[at + 23] != 0) return false;
    for (std::size_t each = at + 32; each < at + length; each += port)
        if (!openflow_port_name(p, each + name)) return false;
    return true;
}

bool openflow_first(Payload p, std::size_t at, unsigned version, unsigned type, std::size_t length) {
    switch (type) {  // FEATURES_REQUEST is, like a bare HELLO, 8 octets of little evidence
        case kHello: return openflow_hello(p, at, length, version);
        case kFeaturesReply: return openflow_features_reply(p, at, length, version);
        default: return false;
    }
}

// --- GTPv1-C --------------------------------------------------------------------------------------

// The value sizes of the TV information elements (29.060 7.7), 0 for a type that is not one.
unsigned gtpv1_tv_size(unsigned type) {
    constexpr unsigned char kSizes[30] = {0, 1, 8, 6, 4, 4, 0, 0, 1, 28, 0, 1, 3, 1, 1,
                                          1, 4, 4, 5, 1, 1, 1, 9, 1, 1,  2, 2, 2, 2, 1};
    if (type < 30) return kSizes[type];
    return type == 126 ? 1 : type == 127 ? 4 : 0;
}

bool gtpv1_control_type(unsigned type) {
    return in_range(type, 1, 7) || in_range(type, 16, 25) || in_range(type, 27, 37) || in_range(type, 48, 63) ||
           type == 70 || type == 96 || type == 97 || type == 240 || type == 241;
}

bool gtpv2_type(unsigned type) {
    return in_range(type, 1, 3) || in_range(type, 32, 73) || in_range(type, 95, 122) || in_range(type, 128, 175) ||
           in_range(type, 200, 201) || in_range(type, 211, 236);
}

}  // namespace

bool openflow_messages(Payload p) {
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxItems || at + 8 > p.size()) return false;
        const unsigned version = p[at], type = p[at + 1], length = be16(p, at + 2);
        if (version < 1 || version > 6 || type > openflow_last_type(version) || length < 8) return false;
        if (count == 0 ? !openflow_first(p, at, version, type, length) : (type == kError && length < 12)) return false;
        if (count > 0 && p[at] != p[0]) return false;  // one version on a connection after the HELLO
        at += length;
    }
    return true;
}

bool bfd_control(Payload p) {
    if (p.size() < 24 || (p[0] >> 5) != 1 || (p[0] & 0x1F) > 8 || (p[1] & 0x01) != 0 || p[2] == 0 || p[3] != p.size())
        return false;
    const unsigned state = p[1] >> 6;  // 0 AdminDown, 1 Down, 2 Init, 3 Up
    const bool authenticated = p[1] & 0x04;
    if (authenticated != (p.size() > 24) || be32(p, 4) == 0 || (be32(p, 8) == 0 && state >= 2)) return false;
    constexpr std::uint32_t kMinute = 60'000'000;  // microseconds
    if (be32(p, 12) > kMinute || be32(p, 16) > kMinute || be32(p, 20) > kMinute) return false;
    if (!authenticated) return true;
    // type 1-5 (simple password, keyed MD5 / SHA1 and their meticulous variants), its length = the rest
    return p.size() >= 27 && p[24] >= 1 && p[24] <= 5 && p[25] == p.size() - 24;
}

bool gtpv1_control(Payload p) {
    // flags: version 1, PT 1, spare 0, S set (control messages carry a sequence number)
    if (p.size() < 12 || (p[0] & 0xFA) != 0x32 || !gtpv1_control_type(p[1]) || be16(p, 2) != p.size() - 8) return false;
    if (p[1] <= 2 && be32(p, 4) != 0) return false;  // echo request / response: TEID 0
    std::size_t at = 12;
    if (p[0] & 0x04) {  // extension headers: length in 4-octet units, the last octet the next type
        for (unsigned next = p[11], count = 0; next != 0; ++count) {
            if (count == 4 || at >= p.size() || p[at] == 0 || at + 4u * p[at] > p.size()) return false;
            const std::size_t size = 4u * p[at];
            next = p[at + size - 1];
            at += size;
        }
    } else if (p[11] != 0) {
        return false;
    }
    for (std::size_t count = 0; at < p.size(); ++count) {
        const unsigned type = p[at];
        if (count == kMaxItems || type == 0) return false;
        if (type < 128) {
            const unsigned size = gtpv1_tv_size(type);
            if (size == 0) return false;
            at += 1 + size;
        } else {
            if (at + 3 > p.size()) return false;
            at += 3 + be16(p, at + 1);
        }
    }
    return at == p.size();
}

bool gtpv2_control(Payload p) {
    // version 2, spare bits zero, T as the type needs it (not on echo / version-not-supported)
    if (p.size() < 8 || (p[0] & 0xE3) != 0x40 || !gtpv2_type(p[1]) || be16(p, 2) != p.size() - 4) return false;
    const bool teid = p[0] & 0x08;
    if (teid == (p[1] <= 3)) return false;
    std::size_t at = teid ? 12 : 8;
    if (at > p.size() || p[at - 1] != 0) return false;  // the spare octet after the sequence number
    // every message has a mandatory IE (echo: Recovery; responses: Cause)
    if (at >= p.size()) return false;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxItems || at + 4 > p.size() || p[at] == 0 || (p[at + 3] & 0xF0) != 0) return false;
        at += 4 + be16(p, at + 1);
    }
    return at == p.size();
}

bool icp_message(Payload p) {
    if (p.size() < 21 || (p[1] != 2 && p[1] != 3) || be16(p, 2) != p.size()) return false;
    const unsigned opcode = p[0];
    if (!one_of(opcode, {1, 2, 3, 4, 10, 11, 21, 22, 23})) return false;
    if ((be32(p, 8) & 0x3FFFFFFF) != 0) return false;  // options: HIT_OBJ, SRC_RTT
    std::size_t at = opcode == 1 ? 24 : 20;            // a query carries the requester's address first
    const std::size_t url = at;
    if (!c_string(p, at, p.size()) || at - url < 2) return false;
    if (opcode == 23) return at + 2 <= p.size() && at + 2 + be16(p, at) == p.size();  // HIT_OBJ: size + object
    return at == p.size();
}

bool rtpengine_ng(Payload p) {
    static constexpr std::string_view kCommands[] = {"ping",
                                                     "offer",
                                                     "answer",
                                                     "delete",
                                                     "query",
                                                     "list",
                                                     "start recording",
                                                     "stop recording",
                                                     "pause recording",
                                                     "block DTMF",
                                                     "unblock DTMF",
                                                     "block media",
                                                     "unblock media",
                                                     "start forwarding",
                                                     "stop forwarding",
                                                     "play media",
                                                     "stop media",
                                                     "play DTMF",
                                                     "statistics",
                                                     "publish",
                                                     "subscribe request",
                                                     "subscribe answer",
                                                     "unsubscribe"};
    static constexpr std::string_view kResults[] = {"pong", "ok", "error", "load limit"};
    std::size_t cookie = 0;
    while (cookie < p.size() && cookie < 64 &&
           ((p[cookie] >= '0' && p[cookie] <= '9') || (p[cookie] >= 'a' && p[cookie] <= 'z') ||
            (p[cookie] >= 'A' && p[cookie] <= 'Z') || p[cookie] == '_' || p[cookie] == '-' || p[cookie] == '.'))
        ++cookie;
    if (cookie == 0 || cookie + 2 >= p.size() || p[cookie] != ' ' || p[cookie + 1] != 'd') return false;
    std::size_t at = cookie + 1;
    if (!bencode::value(p, at) || at != p.size()) return false;
    const std::string_view command = bencode::string_at(p, cookie + 1, "command"),
                           result = bencode::string_at(p, cookie + 1, "result");
    return std::find(std::begin(kCommands), std::end(kCommands), command) != std::end(kCommands) ||
           std::find(std::begin(kResults), std::end(kResults), result) != std::end(kResults);
}

}  // namespace ghostports::framed
