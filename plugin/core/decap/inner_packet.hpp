// SPDX-License-Identifier: GPL-2.0-or-later
// Strict recognition of a whole IP packet (or an Ethernet frame carrying
// one) inside a payload: the "decapsulation" the port's name promises.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>

namespace decap {

// A payload as the capture holds it: the octets at hand and the size it had
// on the wire (a snap length may have cut the capture short). Lengths in
// headers are checked against `size`, header octets must be `captured`.
struct Octets {
    std::span<const std::uint8_t> captured;
    std::size_t size = 0;  // reported size, never less than captured.size()

    Octets() = default;
    explicit Octets(std::span<const std::uint8_t> whole) : captured(whole), size(whole.size()) {}
    Octets(std::span<const std::uint8_t> at_hand, std::size_t reported);

    bool has(std::size_t octets) const { return captured.size() >= octets; }
    bool snapped() const { return captured.size() < size; }
    // The octets from `offset` on / the first `count` (both at most size).
    Octets from(std::size_t offset) const;
    Octets first(std::size_t count) const;
    // Needs has(at + 2).
    std::uint16_t u16(std::size_t at) const { return static_cast<std::uint16_t>(captured[at] << 8 | captured[at + 1]); }
    std::uint8_t operator[](std::size_t at) const { return captured[at]; }
};

enum class InnerKind : std::uint8_t { None, Ipv4, Ipv6, Ethernet };

// Each inner kind once: its words and the Wireshark dissector that decodes it.
struct InnerInfo {
    InnerKind kind;
    const char *name;       // "IPv4 packet"
    const char *dissector;  // registered Wireshark dissector name; nullptr for None
};
inline constexpr InnerInfo kInnerKinds[] = {
    {InnerKind::None, "none", nullptr},
    {InnerKind::Ipv4, "IPv4 packet", "ip"},
    {InnerKind::Ipv6, "IPv6 packet", "ipv6"},
    {InnerKind::Ethernet, "Ethernet frame", "eth_withoutfcs"},
};
static_assert(
    [] {
        for (std::size_t row = 0; row < std::size(kInnerKinds); ++row)
            if (static_cast<std::size_t>(kInnerKinds[row].kind) != row) return false;
        return true;
    }(),
    "kInnerKinds lists the kinds in enum order: code indexes it by kind");
const InnerInfo &inner_info(InnerKind kind);
inline const char *inner_kind_name(InnerKind kind) {
    return inner_info(kind).name;
}

// What the payload is, judged strictly: every length must agree with the
// payload's size and an IPv4 header checksum must be right, so that random
// octets are not mistaken for a packet. A snapped payload passes when its
// headers were captured and their lengths agree with the reported size.
InnerKind classify_payload(Octets payload);
inline InnerKind classify_payload(std::span<const std::uint8_t> payload) {
    return classify_payload(Octets{payload});
}

bool is_ipv4_packet(Octets packet);
bool is_ipv6_packet(Octets packet);
bool is_ethernet_frame(Octets frame);
inline bool is_ipv4_packet(std::span<const std::uint8_t> p) {
    return is_ipv4_packet(Octets{p});
}
inline bool is_ipv6_packet(std::span<const std::uint8_t> p) {
    return is_ipv6_packet(Octets{p});
}
inline bool is_ethernet_frame(std::span<const std::uint8_t> f) {
    return is_ethernet_frame(Octets{f});
}

// EtherTypes both the frame check and the tunnels read.
inline constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
inline constexpr std::uint16_t kEtherTypeIpv6 = 0x86DD;
inline constexpr std::size_t kIpv4MinHeader = 20;
inline constexpr std::size_t kIpv6Header = 40;
inline constexpr std::size_t kEthernetHeader = 14;

}  // namespace decap
