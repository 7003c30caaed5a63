// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/quic_signatures.hpp"

#include "core/ghostports/wire_reading.hpp"

namespace ghostports::framed {
namespace {

// A datagram holds at most this many coalesced packets; more is not read.
constexpr std::size_t kMaxPackets = 8;
constexpr std::uint32_t kVersion1 = 0x00000001, kVersion2 = 0x6b3343cf;

bool known_version(std::uint32_t version) {
    return version == kVersion1 || version == kVersion2 || in_range(version, 0xff00001d, 0xff000022);
}

// A variable-length integer (RFC 9000 16) at `at`; `at` moves past it.
bool varint(Payload p, std::size_t &at, std::uint64_t &value) {
    if (at >= p.size()) return false;
    const std::size_t size = std::size_t{1} << (p[at] >> 6);
    if (at + size > p.size()) return false;
    value = p[at] & 0x3f;
    for (std::size_t i = 1; i < size; ++i) value = value << 8 | p[at + i];
    at += size;
    return true;
}

// The packet types of the long header, as each version numbers them.
enum class LongType : std::uint8_t { Initial, ZeroRtt, Handshake, Retry };
LongType long_type(std::uint8_t first, std::uint32_t version) {
    const unsigned bits = (first >> 4) & 3;
    // version 2 (RFC 9369 3.2) rotates them: Initial 1, 0-RTT 2, Handshake 3, Retry 0
    return static_cast<LongType>(version == kVersion2 ? (bits + 3) % 4 : bits);
}

// Connection ids: length (<= 20) + id, destination then source; `at` moves past them.
bool connection_ids(Payload p, std::size_t &at) {
    for (int i = 0; i < 2; ++i) {
        if (at >= p.size() || p[at] > 20 || at + 1 + p[at] > p.size()) return false;
        at += 1 + p[at];
    }
    return true;
}

// Version negotiation (RFC 9000 17.2.1): version 0, the ids, supported versions (4 octets each), one QUIC's.
bool version_negotiation(Payload p) {
    std::size_t at = 5;
    if (!connection_ids(p, at) || at == p.size() || (p.size() - at) % 4 != 0) return false;
    bool quic = false;
    for (; at < p.size(); at += 4) quic = quic || known_version(be32(p, at));
    return quic;
}

}  // namespace

bool quic_long_header(Payload p, bool from_client) {
    if (p.size() < 7 || (p[0] & 0x80) == 0) return false;
    if (be32(p, 1) == 0) return version_negotiation(p);
    std::size_t at = 0;
    bool initial = false;
    for (std::size_t count = 0; at < p.size() && (p[at] & 0x80) != 0; ++count) {
        // the fixed bit set, a version of QUIC's, the same on every coalesced packet (RFC 9000 12.2)
        if (count == kMaxPackets || p.size() - at < 7 || (p[at] & 0x40) == 0 || !known_version(be32(p, at + 1)) ||
            be32(p, at + 1) != be32(p, 1))
            return false;
        const LongType type = long_type(p[at], be32(p, at + 1));
        at += 5;
        if (!connection_ids(p, at)) return false;
        if (type == LongType::Retry) return count == 0 && !from_client && p.size() - at > 16;  // token + integrity tag
        std::uint64_t token = 0, length = 0;
        if (type == LongType::Initial) {
            initial = true;
            if (!varint(p, at, token) || token > p.size() - at) return false;
            at += token;
        }
        // the length covers the packet number (1-4) and a payload with its 16-octet AEAD tag
        if (!varint(p, at, length) || length < 20 || length > p.size() - at) return false;
        at += length;
    }
    if (from_client && initial && p.size() < 1200) return false;  // a client pads its Initial datagrams
    // after the last long-header packet: nothing, zero padding, or one short-header packet (fixed bit set)
    return at == p.size() || all_zero(p.subspan(at)) || (p[at] & 0xc0) == 0x40;
}

bool quic_client(Payload p) {
    return quic_long_header(p, true);
}
bool quic_server(Payload p) {
    return quic_long_header(p, false);
}

}  // namespace ghostports::framed
