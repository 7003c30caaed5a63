// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/routing_signatures.hpp"

#include <cstddef>
#include <iterator>

#include "core/ghostports/wire_reading.hpp"

namespace ghostports::framed {
namespace {

using std::size_t;

// --- RIP ------------------------------------------------------------------------

constexpr size_t kRipEntry = 20;
constexpr unsigned kRipAuthentication = 0xffff;

// A subnet mask is ones, then zeros.
bool contiguous_mask(std::uint32_t mask) {
    const std::uint32_t inverted = ~mask;
    return (inverted & (inverted + 1)) == 0;
}

// One route entry: AFI 2 (IP; 0 for a whole-table request), metric 1-16
// in its low octet; v1 keeps the tag, mask and next hop zero.
bool rip_route(Payload e, unsigned version, bool request) {
    const unsigned afi = be16(e, 0);
    const std::uint32_t metric = be32(e, 16);
    if (metric < 1 || metric > 16) return false;
    if (afi == 0) return request && metric == 16 && be32(e, 4) == 0;  // RFC 2453 3.9.1: the whole table
    if (afi != 2) return false;
    if (version == 1) return be16(e, 2) == 0 && be32(e, 8) == 0 && be32(e, 12) == 0;
    return contiguous_mask(be32(e, 8));
}

// --- Babel ----------------------------------------------------------------------

// RFC 8966 4.6 (and 8967 for MAC / PC / challenges): the shortest body of
// each TLV type, 0 for types Babel does not define.
constexpr unsigned kBabelShortest[] = {
    0,   // 0 Pad1 (no length octet: handled apart)
    0,   // 1 PadN
    6,   // 2 AckReq
    2,   // 3 Ack
    6,   // 4 Hello
    6,   // 5 IHU
    10,  // 6 Router-Id
    2,   // 7 Next Hop
    10,  // 8 Update
    2,   // 9 Route Request
    14,  // 10 Seqno Request
};
// RFC 8967: MAC (16), PC (17), Challenge Request (18) and Reply (19).
bool babel_security_tlv(unsigned type) {
    return in_range(type, 16, 19);
}

// TLVs tiling [at, end); `routing` set when one of them is Hello ... Seqno Request.
bool babel_tlvs(Payload p, size_t at, size_t end, bool &routing) {
    while (at < end) {
        const unsigned type = p[at];
        if (type == 0) {  // Pad1
            ++at;
            continue;
        }
        if (end - at < 2) return false;
        const unsigned length = p[at + 1];
        const bool known = type < std::size(kBabelShortest) || babel_security_tlv(type);
        const unsigned shortest = type < std::size(kBabelShortest) ? kBabelShortest[type] : 0;
        if (!known || length < shortest || at + 2 + length > end) return false;
        if (type == 5 || type == 7 || type == 8 || type == 9 || type == 10) {
            if (p[at + 2] > 4) return false;  // address encoding 0-4
        }
        routing = routing || in_range(type, 4, 10);
        at += 2 + length;
    }
    return true;
}

// --- DHCPv6 ---------------------------------------------------------------------

constexpr unsigned kClientId = 1, kServerId = 2, kElapsedTime = 8;
constexpr unsigned kLastAssignedOption = 150;  // the registry's last codes are in the 140s

// RFC 8415 11: a DUID of type 1 (LLT), 2 (EN), 3 (LL) or 4 (UUID) of its length.
bool duid(Payload d) {
    if (d.size() < 4 || d.size() > 130) return false;
    switch (be16(d, 0)) {
        case 1: return d.size() >= 10;
        case 2: return d.size() >= 7;
        case 3: return d.size() >= 6;
        case 4: return d.size() == 18;
        default: return false;
    }
}

// The fixed lengths RFC 8415 21 gives some options (0: any).
bool dhcpv6_option_length(unsigned code, size_t length) {
    switch (code) {
        case 3:                                          // IA_NA
        case 25: return length >= 12;                    // IA_PD
        case 4: return length >= 4;                      // IA_TA
        case 5: return length >= 24;                     // IA Address
        case 6: return length % 2 == 0 && length > 0;    // Option Request
        case 7: return length == 1;                      // Preference
        case 8: return length == 2;                      // Elapsed Time
        case 13: return length >= 2;                     // Status Code
        case 14:                                         // Rapid Commit
        case 20: return length == 0;                     // Reconfigure Accept
        case 23: return length % 16 == 0 && length > 0;  // DNS servers
        default: return true;
    }
}

}  // namespace

bool rip_message(Payload p) {
    if (p.size() < 4 + kRipEntry || (p.size() - 4) % kRipEntry != 0 || (p.size() - 4) / kRipEntry > 25) return false;
    const unsigned command = p[0], version = p[1];
    if ((command != 1 && command != 2) || (version != 1 && version != 2) || be16(p, 2) != 0) return false;
    for (size_t at = 4; at < p.size(); at += kRipEntry) {
        const Payload e = p.subspan(at, kRipEntry);
        if (version == 2 && be16(e, 0) == kRipAuthentication) {
            // RFC 2453 4.1 / RFC 4822: the first entry (a simple password or a keyed digest header)
            // or, after a digest header, the last (its authentication data).
            const bool first = at == 4 && one_of(be16(e, 2), {2, 3});
            const bool trailer = at + kRipEntry == p.size() && at > 4 && be16(e, 2) == 1 &&
                                 be16(p, 4) == kRipAuthentication && be16(p, 6) == 3;
            if (!first && !trailer) return false;
            continue;
        }
        if (!rip_route(e, version, command == 1)) return false;
    }
    return true;
}

bool babel_packet(Payload p) {
    if (p.size() < 4 + 2 || p[0] != 42 || p[1] != 2) return false;
    const size_t body = be16(p, 2);
    if (4 + body > p.size()) return false;
    bool routing = false;
    if (!babel_tlvs(p, 4, 4 + body, routing) || !routing) return false;
    // The packet trailer (RFC 8966 4.2) holds only MAC / PC / padding TLVs.
    for (size_t at = 4 + body; at < p.size();) {
        const unsigned type = p[at];
        if (type == 0) {
            ++at;
            continue;
        }
        if (p.size() - at < 2 || (type != 1 && !babel_security_tlv(type)) || at + 2 + p[at + 1] > p.size())
            return false;
        at += 2 + p[at + 1];
    }
    return true;
}

bool dhcpv6_message(Payload p) {
    if (p.size() < 4 + 4 || !in_range(p[0], 1, 11)) return false;
    bool client_id = false, server_id = false, elapsed = false;
    for (size_t at = 4; at < p.size();) {
        if (p.size() - at < 4) return false;
        const unsigned code = be16(p, at);
        const size_t length = be16(p, at + 2);
        if (code == 0 || code > kLastAssignedOption || at + 4 + length > p.size() ||
            !dhcpv6_option_length(code, length))
            return false;
        const Payload value = p.subspan(at + 4, length);
        if ((code == kClientId || code == kServerId) && !duid(value)) return false;
        client_id = client_id || code == kClientId;
        server_id = server_id || code == kServerId;
        elapsed = elapsed || code == kElapsedTime;
        at += 4 + length;
    }
    switch (p[0]) {
        case 2:   // ADVERTISE
        case 10:  // RECONFIGURE
            return server_id && client_id;
        case 7:  // REPLY
            return server_id;
        case 11:  // INFORMATION-REQUEST: the client identifier is optional
            return elapsed;
        default:  // the other client messages
            return elapsed && client_id;
    }
}

}  // namespace ghostports::framed
