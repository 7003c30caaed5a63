#include "core/decap/inner_packet.hpp"

#include <algorithm>

namespace decap {
namespace {

constexpr std::size_t kIpv4MinHeader = 20;
constexpr std::size_t kIpv6Header = 40;
constexpr std::size_t kEthernetHeader = 14;
constexpr std::size_t kEthernetMinFrame = 60;  // without FCS; shorter frames are padded up to it
constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
constexpr std::uint16_t kEtherTypeIpv6 = 0x86DD;

std::uint16_t read_u16(std::span<const std::uint8_t> b, std::size_t at) {
    return static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]);
}

bool checksum_ok(std::span<const std::uint8_t> header) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < header.size(); i += 2) sum += read_u16(header, i);
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

std::size_t ipv4_length(std::span<const std::uint8_t> p) {
    return p.size() >= 4 ? read_u16(p, 2) : 0;
}
std::size_t ipv6_length(std::span<const std::uint8_t> p) {
    return p.size() >= 6 ? kIpv6Header + read_u16(p, 4) : 0;
}

}  // namespace

bool is_ipv4_packet(std::span<const std::uint8_t> p) {
    if (p.size() < kIpv4MinHeader || p[0] >> 4 != 4) return false;
    const std::size_t header = static_cast<std::size_t>(p[0] & 0x0F) * 4;
    const std::size_t total = read_u16(p, 2);
    const bool reserved_flag = (p[6] & 0x80) != 0;
    const std::uint8_t ttl = p[8];
    return header >= kIpv4MinHeader && total >= header && total == p.size() && !reserved_flag && ttl != 0 &&
           checksum_ok(p.first(header));
}

bool is_ipv6_packet(std::span<const std::uint8_t> p) {
    if (p.size() < kIpv6Header || p[0] >> 4 != 6) return false;
    const std::uint8_t hop_limit = p[7];
    return kIpv6Header + read_u16(p, 4) == p.size() && plausible_next_header(p[6]) && hop_limit != 0;
}

bool is_ethernet_frame(std::span<const std::uint8_t> f) {
    if (f.size() < kEthernetHeader + kIpv4MinHeader) return false;
    const auto inner = f.subspan(kEthernetHeader);
    switch (read_u16(f, 12)) {
        case kEtherTypeIpv4: {
            const std::size_t length = ipv4_length(inner);
            return fits_frame(f.size(), length) && length <= inner.size() && is_ipv4_packet(inner.first(length));
        }
        case kEtherTypeIpv6: {
            const std::size_t length = ipv6_length(inner);
            return fits_frame(f.size(), length) && length <= inner.size() && is_ipv6_packet(inner.first(length));
        }
        default: return false;
    }
}

InnerKind classify_payload(std::span<const std::uint8_t> payload) {
    if (is_ipv4_packet(payload)) return InnerKind::Ipv4;
    if (is_ipv6_packet(payload)) return InnerKind::Ipv6;
    if (is_ethernet_frame(payload)) return InnerKind::Ethernet;
    return InnerKind::None;
}

const char *inner_kind_name(InnerKind kind) {
    switch (kind) {
        case InnerKind::Ipv4: return "IPv4 packet";
        case InnerKind::Ipv6: return "IPv6 packet";
        case InnerKind::Ethernet: return "Ethernet frame";
        case InnerKind::None: break;
    }
    return "none";
}

}  // namespace decap
