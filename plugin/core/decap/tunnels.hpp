// SPDX-License-Identifier: GPL-2.0-or-later
// Tunnel headers in front of an inner packet on a decap port: VXLAN,
// VXLAN-GPE, GENEVE, GRE over UDP, MPLS over UDP, GTP-U, and an unknown
// fixed-size header found by a strict search. Every header check is followed
// by the strict inner-packet check of inner_packet.hpp, so random octets do
// not pass.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "core/decap/inner_packet.hpp"

namespace decap {

// Values are decap.tunnel's (README): new kinds go at the end.
enum class TunnelKind : std::uint8_t { None, Vxlan, Geneve, Gre, Mpls, GtpU, UnknownHeader, VxlanGpe };

// Each tunnel kind once: its words, the filter name of the Wireshark
// protocol that decodes it, and its registered dissector name where
// Wireshark 4.0 registers one (else the glue finds the protocol's handle in
// the UDP port table by the filter name).
struct TunnelInfo {
    TunnelKind kind;
    const char *name;       // "VXLAN"
    const char *filter;     // "vxlan"; nullptr: the inner packet's dissector decodes (unknown header)
    const char *dissector;  // "gtp"; nullptr: none registered
};
inline constexpr TunnelInfo kTunnelKinds[] = {
    {TunnelKind::None, "none", nullptr, nullptr},
    {TunnelKind::Vxlan, "VXLAN", "vxlan", nullptr},
    {TunnelKind::Geneve, "GENEVE", "geneve", nullptr},
    {TunnelKind::Gre, "GRE", "gre", nullptr},
    {TunnelKind::Mpls, "MPLS", "mpls", "mpls"},
    {TunnelKind::GtpU, "GTP-U", "gtp", "gtp"},
    {TunnelKind::UnknownHeader, "unknown header", nullptr, nullptr},
    {TunnelKind::VxlanGpe, "VXLAN-GPE", "vxlan_gpe", "vxlan_gpe"},
};
static_assert(
    [] {
        for (std::size_t row = 0; row < std::size(kTunnelKinds); ++row)
            if (static_cast<std::size_t>(kTunnelKinds[row].kind) != row) return false;
        return true;
    }(),
    "kTunnelKinds lists the kinds in enum order: code indexes it by kind");
const TunnelInfo &tunnel_info(TunnelKind kind);
inline const char *tunnel_name(TunnelKind kind) {
    return tunnel_info(kind).name;
}

struct Tunnel {
    TunnelKind kind = TunnelKind::None;
    std::size_t header_length = 0;  // octets in front of the inner packet
    InnerKind inner = InnerKind::None;
};

// Largest unknown header the search tries (offsets 1..kMaxUnknownHeader).
inline constexpr std::size_t kMaxUnknownHeader = 64;

// The tunnel the payload is, or kind None. A payload that is itself a bare
// packet is not a tunnel (classify_payload says so first).
Tunnel find_tunnel(Octets payload);
inline Tunnel find_tunnel(std::span<const std::uint8_t> payload) {
    return find_tunnel(Octets{payload});
}

// What the payload carries: a bare packet (kind None, inner set, header 0),
// a tunnel, or nothing. The one decision decap (403) and rescap's non-rescap
// payloads (283) share.
Tunnel find_inner(Octets payload);

}  // namespace decap
