// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/decap/inner_packet.hpp"

#include <algorithm>

namespace decap {
namespace {

constexpr std::size_t kEthernetMinFrame = 60;  // without FCS; shorter frames are padded up to it

bool checksum_ok(std::span<const std::uint8_t> header) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < header.size(); i += 2)
        sum += static_cast<std::uint32_t>(header[i] << 8 | header[i + 1]);
    while (sum >> 16) sum = (sum & 0xFFFF) + (sum >> 16);
    return sum == 0xFFFF;
}

// Next headers a real IPv6 packet starts its payload with.
bool plausible_next_header(std::uint8_t next) {
    static constexpr std::uint8_t kKnown[] = {0, 6, 17, 43, 44, 50, 51, 58, 59, 60, 132, 135};
    return std::find(std::begin(kKnown), std::end(kKnown), next) != std::end(kKnown);
}

// The IP packet a frame carries may be followed only by the padding that
// brings a short frame up to Ethernet's minimum size.
bool fits_frame(std::size_t frame_size, std::size_t packet_size) {
    const std::size_t used = kEthernetHeader + packet_size;
    return used == frame_size || (used < frame_size && frame_size == kEthernetMinFrame);
}

std::size_t ipv4_length(const Octets &p) {
    return p.has(4) ? p.u16(2) : 0;
}
std::size_t ipv6_length(const Octets &p) {
    return p.has(6) ? kIpv6Header + p.u16(4) : 0;
}

}  // namespace

Octets::Octets(std::span<const std::uint8_t> at_hand, std::size_t reported)
    : captured(at_hand.first(std::min(at_hand.size(), reported))), size(reported) {}

Octets Octets::from(std::size_t offset) const {
    const std::size_t at = std::min(offset, size);
    return Octets{captured.subspan(std::min(at, captured.size())), size - at};
}

Octets Octets::first(std::size_t count) const {
    return Octets{captured, std::min(count, size)};
}

const InnerInfo &inner_info(InnerKind kind) {
    const auto row = static_cast<std::size_t>(kind);
    return row < std::size(kInnerKinds) ? kInnerKinds[row] : kInnerKinds[0];
}

bool is_ipv4_packet(Octets p) {
    if (!p.has(kIpv4MinHeader) || p[0] >> 4 != 4) return false;
    const std::size_t header = static_cast<std::size_t>(p[0] & 0x0F) * 4;
    const std::size_t total = p.u16(2);
    const bool reserved_flag = (p[6] & 0x80) != 0;
    const std::uint8_t ttl = p[8];
    return header >= kIpv4MinHeader && p.has(header) && total >= header && total == p.size && !reserved_flag &&
           ttl != 0 && checksum_ok(p.captured.first(header));
}

bool is_ipv6_packet(Octets p) {
    if (!p.has(kIpv6Header) || p[0] >> 4 != 6) return false;
    const std::uint8_t hop_limit = p[7];
    return kIpv6Header + p.u16(4) == p.size && plausible_next_header(p[6]) && hop_limit != 0;
}

bool is_ethernet_frame(Octets f) {
    if (f.size < kEthernetHeader + kIpv4MinHeader || !f.has(kEthernetHeader)) return false;
    const Octets inner = f.from(kEthernetHeader);
    switch (f.u16(12)) {
        case kEtherTypeIpv4: {
            const std::size_t length = ipv4_length(inner);
            return fits_frame(f.size, length) && length <= inner.size && is_ipv4_packet(inner.first(length));
        }
        case kEtherTypeIpv6: {
            const std::size_t length = ipv6_length(inner);
            return fits_frame(f.size, length) && length <= inner.size && is_ipv6_packet(inner.first(length));
        }
        default: return false;
    }
}

InnerKind classify_payload(Octets payload) {
    if (is_ipv4_packet(payload)) return InnerKind::Ipv4;
    if (is_ipv6_packet(payload)) return InnerKind::Ipv6;
    if (is_ethernet_frame(payload)) return InnerKind::Ethernet;
    return InnerKind::None;
}

}  // namespace decap
