// Strict recognition of a whole IP packet (or an Ethernet frame carrying
// one) inside a payload: the "decapsulation" the port's name promises.
#pragma once

#include <cstdint>
#include <span>

namespace decap {

enum class InnerKind : std::uint8_t { None, Ipv4, Ipv6, Ethernet };

// What the payload is, judged strictly: every length must agree with the
// payload's size and an IPv4 header checksum must be right, so that random
// octets are not mistaken for a packet.
InnerKind classify_payload(std::span<const std::uint8_t> payload);

bool is_ipv4_packet(std::span<const std::uint8_t> packet);
bool is_ipv6_packet(std::span<const std::uint8_t> packet);
bool is_ethernet_frame(std::span<const std::uint8_t> frame);

const char *inner_kind_name(InnerKind kind);

}  // namespace decap
