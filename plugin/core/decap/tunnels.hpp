// Tunnel headers in front of an inner packet on a decap port: VXLAN,
// GENEVE, GRE over UDP, MPLS over UDP, GTP-U, and an unknown fixed-size
// header found by a strict search. Every header check is followed by the
// strict inner-packet check of inner_packet.hpp, so random octets do not
// pass.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "core/decap/inner_packet.hpp"

namespace decap {

enum class TunnelKind : std::uint8_t { None, Vxlan, Geneve, Gre, Mpls, GtpU, UnknownHeader };

struct Tunnel {
    TunnelKind kind = TunnelKind::None;
    std::size_t header_length = 0;  // octets in front of the inner packet
    InnerKind inner = InnerKind::None;
};

// Largest unknown header the search tries (offsets 1..kMaxUnknownHeader).
inline constexpr std::size_t kMaxUnknownHeader = 64;

// The tunnel the payload is, or kind None. A payload that is itself a bare
// packet is not a tunnel (classify_payload says so first).
Tunnel find_tunnel(std::span<const std::uint8_t> payload);

// Short name ("VXLAN") and the Wireshark dissector that decodes the whole
// payload, header included ("vxlan"; for an unknown header the inner
// packet's dissector is used instead, so nullptr).
const char *tunnel_name(TunnelKind kind);
const char *tunnel_dissector(TunnelKind kind);

}  // namespace decap
