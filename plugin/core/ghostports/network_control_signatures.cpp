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

namespace {

// --- RPKI-RTR -----------------------------------------------------------------------------

enum RtrType : unsigned {
    kSerialNotify = 0,
    kSerialQuery = 1,
    kResetQuery = 2,
    kCacheResponse = 3,
    kIpv4Prefix = 4,
    kIpv6Prefix = 6,
    kEndOfData = 7,
    kCacheReset = 8,
    kRouterKey = 9,
    kErrorReport = 10,
};

// A prefix PDU: flags announce / withdraw, prefix length <= maximum length <= the family's bits, a zero octet.
bool rtr_prefix(Payload p, std::size_t at, unsigned bits) {
    return be16(p, at + 2) == 0 && p[at + 8] <= 1 && p[at + 9] <= p[at + 10] && p[at + 10] <= bits && p[at + 11] == 0;
}

bool rtr_pdu(Payload p, std::size_t at, std::uint32_t length, unsigned version) {
    switch (p[at + 1]) {
        case kSerialNotify:
        case kSerialQuery: return length == 12;
        case kResetQuery:
        case kCacheReset: return length == 8 && be16(p, at + 2) == 0;
        case kCacheResponse: return length == 8;
        case kIpv4Prefix: return length == 20 && rtr_prefix(p, at, 32);
        case kIpv6Prefix: return length == 32 && rtr_prefix(p, at, 128);
        case kEndOfData: return length == (version == 0 ? 12u : 24u);
        case kRouterKey:  // flags, zero, SKI (20), ASN (4), the key
            return version >= 1 && length > 32 && p[at + 2] <= 1 && p[at + 3] == 0;
        case kErrorReport: {  // code, the erroneous PDU (length + octets), the text (length + octets)
            if (length < 16 || be16(p, at + 2) > 8) return false;
            const std::uint32_t pdu = be32(p, at + 8);
            if (pdu > length - 16) return false;
            return be32(p, at + 12 + pdu) == length - 16 - pdu;
        }
        default: return false;
    }
}

}  // namespace

bool rpki_rtr_pdus(Payload p) {
    if (p.size() < 8 || p[0] > 2) return false;
    const unsigned version = p[0];
    std::size_t at = 0, count = 0;
    for (; at < p.size(); ++count) {
        if (count == kMaxItems || p.size() - at < 8 || p[at] != version) return false;
        const std::uint32_t length = be32(p, at + 4);
        if (length < 8 || length > p.size() - at || !rtr_pdu(p, at, length, version)) return false;
        at += length;
    }
    // One PDU alone: the Reset Query a router opens with, or an error report; a lone serial notify / query or
    // cache response (8-12 octets of small numbers) is no evidence.
    return count > 1 || p[1] == kResetQuery || p[1] == kErrorReport;
}

namespace {

// --- IPA ----------------------------------------------------------------------------------

enum IpaStream : unsigned { kIpaOsmoExtension = 0xee, kIpaCcm = 0xfe };
enum IpaCcm : unsigned { kCcmPing = 0, kCcmPong = 1, kCcmIdGet = 4, kCcmIdResp = 5, kCcmIdAck = 6 };
enum OsmoExtension : unsigned { kOsmoCtrl = 0, kOsmoGsup = 5 };
constexpr unsigned kIpaLastIdTag = 0x0b;  // IPAC_IDTAG_SERNR ... IPAC_IDTAG_UNITNAME ... (libosmocore ipa.h)

bool ccm_message(Payload p, std::size_t at, std::size_t end) {
    const unsigned type = p[at];
    ++at;
    switch (type) {
        case kCcmPing:
        case kCcmPong:
        case kCcmIdAck: return at == end;
        case kCcmIdGet:  // (length 1, tag) pairs
            if (at == end) return false;
            for (; at < end; at += 2)
                if (at + 2 > end || p[at] != 1 || p[at + 1] > kIpaLastIdTag) return false;
            return true;
        case kCcmIdResp:  // (length (2), tag, value of length - 1)
            if (at == end) return false;
            for (std::size_t count = 0; at < end; ++count) {
                if (count == kMaxItems || at + 3 > end) return false;
                const std::size_t size = be16(p, at);
                if (size < 1 || p[at + 2] > kIpaLastIdTag || at + 2 + size > end) return false;
                at += 2 + size;
            }
            return true;
        default: return false;
    }
}

// Osmocom's CTRL protocol: "<verb> <id> <variable>[ <value>]".
bool osmo_ctrl_command(Payload p, std::size_t at, std::size_t end) {
    static constexpr std::string_view kVerbs[] = {"GET", "SET", "TRAP", "GET_REPLY", "SET_REPLY", "ERROR"};
    const std::string_view text = text_at(p, at, end - at);
    const auto space = text.find(' ');
    if (space == std::string_view::npos || !printable(p.subspan(at, end - at))) return false;
    if (std::find(std::begin(kVerbs), std::end(kVerbs), text.substr(0, space)) == std::end(kVerbs)) return false;
    const std::string_view rest = text.substr(space + 1);
    const auto id_end = rest.find(' ');
    const std::string_view id = rest.substr(0, id_end);
    return id_end != std::string_view::npos && !id.empty() && id.size() <= 10 &&
           std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }) && rest.size() > id_end + 1;
}

// GSUP (Osmocom's gsup.h): a message type of an even request / odd result / error range, then
// (tag, length, value) elements, the IMSI (tag 1) first.
bool osmo_gsup(Payload p, std::size_t at, std::size_t end) {
    if (end - at < 4 || p[at] < 0x04 || p[at] > 0x4f || p[at + 1] != 0x01) return false;
    at += 1;
    for (std::size_t count = 0; at < end; ++count) {
        if (count == kMaxItems || at + 2 > end || at + 2 + p[at + 1] > end) return false;
        at += 2 + p[at + 1];
    }
    return true;
}

}  // namespace

bool ipa_messages(Payload p) {
    std::size_t at = 0;
    bool evidence = false;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxItems || p.size() - at < 4) return false;
        const std::size_t length = be16(p, at);
        const unsigned stream = p[at + 2];
        const std::size_t body = at + 3, end = body + length;
        if (length == 0 || end > p.size()) return false;
        if (stream == kIpaCcm) {
            if (!ccm_message(p, body, end)) return false;
            evidence = true;
        } else if (stream == kIpaOsmoExtension) {
            const unsigned extension = p[body];
            if (extension == kOsmoCtrl ? !osmo_ctrl_command(p, body + 1, end)
                                       : extension != kOsmoGsup || !osmo_gsup(p, body + 1, end))
                return false;
            evidence = true;
        } else if (!one_of(stream, {0x00, 0xfd, 0xff})) {  // RSL, SCCP, OML: carried, not evidence alone
            return false;
        }
        at = end;
    }
    return evidence;
}

bool mactelnet_packet(Payload p) {
    constexpr std::size_t kHeader = 22;
    constexpr unsigned kClientType = 0x0015;
    // session start (0), ack (2) and end (255) are the bare header: 22 octets a mutated RIP request can match
    constexpr unsigned kData = 1;
    if (p.size() <= kHeader || p[0] != 1 || p[1] != kData) return false;  // data: one control packet at least
    // the client writes its type before the session key, the server after it
    if (be16(p, 14) != kClientType && be16(p, 16) != kClientType) return false;
    // two MAC addresses, neither zero, not the same
    const auto source = p.subspan(2, 6), destination = p.subspan(8, 6);
    if (all_zero(source) || all_zero(destination) || std::equal(source.begin(), source.end(), destination.begin()))
        return false;
    // data: control packets (a client's authentication, terminal size...); bare terminal octets are no evidence
    constexpr std::uint8_t kMagic[] = {0x56, 0x34, 0x12, 0xff};
    std::size_t at = kHeader;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxItems || p.size() - at < 9 ||
            !std::equal(std::begin(kMagic), std::end(kMagic), p.begin() + static_cast<std::ptrdiff_t>(at)))
            return false;
        const unsigned type = p[at + 4];
        const std::uint32_t length = be32(p, at + 5);
        if (type > 9 || type == 8 || length > p.size() - at - 9) return false;
        at += 9 + length;
    }
    return true;
}

bool sap_announcement(Payload p) {
    if (p.size() < 8 || (p[0] >> 5) != 1 || (p[0] & 0x0b) != 0) return false;  // version 1; reserved, E, C clear
    std::size_t at = 4 + ((p[0] & 0x10) ? 16u : 4u) + 4u * p[1];
    if (at >= p.size()) return false;
    if (!has_at(p, at, "v=0")) {  // a payload type: a MIME type ended by NUL
        const std::size_t begin = at;
        while (at < p.size() && at - begin < 64 && p[at] > 0x20 && p[at] < 0x7f) ++at;
        if (at == begin || at >= p.size() || p[at] != 0) return false;
        ++at;
    }
    if (!has_at(p, at, "v=0")) return false;
    at += 3;
    if (at < p.size() && p[at] == '\r') ++at;
    return at < p.size() && p[at] == '\n' && has_at(p, at + 1, "o=");
}

}  // namespace ghostports::framed
