// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/decap/tunnels.hpp"

#include <algorithm>

namespace decap {
namespace {

constexpr std::uint16_t kTransparentEthernet = 0x6558;

// What a protocol-type field (EtherType) says the inner packet is, checked.
InnerKind inner_of_type(std::uint16_t type, const Octets &inner) {
    switch (type) {
        case kEtherTypeIpv4: return is_ipv4_packet(inner) ? InnerKind::Ipv4 : InnerKind::None;
        case kEtherTypeIpv6: return is_ipv6_packet(inner) ? InnerKind::Ipv6 : InnerKind::None;
        case kTransparentEthernet: return is_ethernet_frame(inner) ? InnerKind::Ethernet : InnerKind::None;
        default: return InnerKind::None;
    }
}

// An IP packet recognised by its version nibble (MPLS, GTP-U carry no type).
InnerKind inner_ip_by_nibble(const Octets &inner) {
    if (!inner.has(1)) return InnerKind::None;
    if (inner[0] >> 4 == 4) return is_ipv4_packet(inner) ? InnerKind::Ipv4 : InnerKind::None;
    if (inner[0] >> 4 == 6) return is_ipv6_packet(inner) ? InnerKind::Ipv6 : InnerKind::None;
    return InnerKind::None;
}

// IPv6 has no header checksum, so where nothing else vouches for the packet
// (the unknown-header search) its upper layer must agree with it as well.
bool ipv6_upper_layer_consistent(const Octets &packet) {
    const Octets upper = packet.from(kIpv6Header);
    switch (packet[6]) {
        case 17: return upper.has(8) && upper.u16(4) == upper.size;
        case 6: {
            if (!upper.has(20)) return false;
            const std::size_t offset = static_cast<std::size_t>(upper[12] >> 4) * 4;
            return offset >= 20 && offset <= upper.size && (upper[12] & 0x0F) == 0;
        }
        case 58: {
            static constexpr std::uint8_t kTypes[] = {1,   2,   3,   4,   128, 129, 130, 131,
                                                      132, 133, 134, 135, 136, 137, 143};
            return upper.has(8) && std::find(std::begin(kTypes), std::end(kTypes), upper[0]) != std::end(kTypes);
        }
        default: return false;
    }
}

InnerKind vouched_inner(const Octets &inner) {
    const InnerKind kind = classify_payload(inner);
    switch (kind) {
        case InnerKind::Ipv6: return ipv6_upper_layer_consistent(inner) ? kind : InnerKind::None;
        case InnerKind::Ethernet: {
            if (inner.u16(12) != kEtherTypeIpv6) return kind;
            const Octets packet = inner.from(kEthernetHeader);
            return ipv6_upper_layer_consistent(packet.first(kIpv6Header + packet.u16(4))) ? kind : InnerKind::None;
        }
        default: return kind;
    }
}

// RFC 7348: flags 0x08 (I), every reserved bit zero, a 24-bit VNI; inner Ethernet.
Tunnel vxlan(const Octets &p) {
    constexpr std::size_t kHeader = 8;
    if (p.size <= kHeader || !p.has(kHeader) || p[0] != 0x08 || p[1] != 0 || p[2] != 0 || p[3] != 0 || p[7] != 0)
        return {};
    return is_ethernet_frame(p.from(kHeader)) ? Tunnel{TunnelKind::Vxlan, kHeader, InnerKind::Ethernet} : Tunnel{};
}

// Next protocol numbers VXLAN-GPE and NSH share (draft-ietf-nvo3-vxlan-gpe, RFC 8300).
enum NextProtocol : std::uint8_t { kNextIpv4 = 1, kNextIpv6 = 2, kNextEthernet = 3, kNextNsh = 4 };

InnerKind inner_of_next_protocol(std::uint8_t next, const Octets &inner) {
    switch (next) {
        case kNextIpv4: return is_ipv4_packet(inner) ? InnerKind::Ipv4 : InnerKind::None;
        case kNextIpv6: return is_ipv6_packet(inner) ? InnerKind::Ipv6 : InnerKind::None;
        case kNextEthernet: return is_ethernet_frame(inner) ? InnerKind::Ethernet : InnerKind::None;
        default: return InnerKind::None;
    }
}

// RFC 8300 NSH: version 0, unused bits zero, a length (in words) that MD
// type 1 fixes at 6 and MD type 2 fills exactly with context TLVs; then an
// IPv4/IPv6/Ethernet next protocol. Returns the header length, 0: not NSH.
std::size_t nsh_length(const Octets &p) {
    constexpr std::size_t kBase = 8;
    if (!p.has(kBase) || (p[0] & 0xD0) != 0 || (p[2] & 0xF0) != 0) return 0;
    const std::size_t length = static_cast<std::size_t>(p[1] & 0x3F) * 4;
    const std::uint8_t md_type = p[2] & 0x0F;
    if (md_type == 1) return length == 24 && p.has(length) ? length : 0;
    if (md_type != 2 || length < kBase || !p.has(length)) return 0;
    for (std::size_t at = kBase; at < length;) {
        if (at + 4 > length) return 0;
        at += 4 + (static_cast<std::size_t>(p[at + 3] & 0x7F) + 3) / 4 * 4;
        if (at > length) return 0;
    }
    return length;
}

// draft-ietf-nvo3-vxlan-gpe: flags I and P set, version 0, the R bits and
// reserved octets zero (B and O may be set); the next protocol names the
// inner packet, possibly behind an NSH header.
Tunnel vxlan_gpe(const Octets &p) {
    constexpr std::size_t kHeader = 8;
    if (p.size <= kHeader || !p.has(kHeader) || (p[0] & 0xFC) != 0x0C || p[1] != 0 || p[2] != 0 || p[7] != 0) return {};
    std::size_t header = kHeader;
    std::uint8_t next = p[3];
    if (next == kNextNsh) {
        const Octets nsh = p.from(kHeader);
        const std::size_t length = nsh_length(nsh);
        if (length == 0) return {};
        next = nsh[3];
        header += length;
    }
    const InnerKind inner = inner_of_next_protocol(next, p.from(header));
    return inner != InnerKind::None ? Tunnel{TunnelKind::VxlanGpe, header, inner} : Tunnel{};
}

// RFC 8926: version 0, reserved bits zero, options that add up exactly to
// the option length, protocol type Ethernet/IPv4/IPv6.
Tunnel geneve(const Octets &p) {
    constexpr std::size_t kFixed = 8;
    if (p.size <= kFixed || !p.has(kFixed) || p[0] >> 6 != 0 || (p[1] & 0x3F) != 0 || p[7] != 0) return {};
    const std::size_t header = kFixed + static_cast<std::size_t>(p[0] & 0x3F) * 4;
    if (p.size <= header || !p.has(header)) return {};
    for (std::size_t at = kFixed; at < header;) {
        if (at + 4 > header) return {};
        at += 4 + static_cast<std::size_t>(p[at + 3] & 0x1F) * 4;
        if (at > header) return {};
    }
    const InnerKind inner = inner_of_type(p.u16(2), p.from(header));
    return inner != InnerKind::None ? Tunnel{TunnelKind::Geneve, header, inner} : Tunnel{};
}

// RFC 8086 (GRE in UDP) with RFC 2784/2890 headers: version 0, reserved bits
// zero, optional checksum/key/sequence words.
Tunnel gre(const Octets &p) {
    if (p.size <= 4 || !p.has(4) || (p[0] & 0x4F) != 0 || p[1] != 0) return {};
    std::size_t header = 4;
    for (std::uint8_t flag : {0x80, 0x20, 0x10})
        if (p[0] & flag) header += 4;
    if (p.size <= header) return {};
    const InnerKind inner = inner_of_type(p.u16(2), p.from(header));
    return inner != InnerKind::None ? Tunnel{TunnelKind::Gre, header, inner} : Tunnel{};
}

constexpr std::size_t kMaxLabels = 8;
constexpr std::uint32_t kGal = 13;  // RFC 5586 G-ACh Label

// The length of an MPLS label stack (up to its bottom-of-stack bit), 0: none.
std::size_t label_stack_length(const Octets &p) {
    for (std::size_t labels = 1; labels <= kMaxLabels && labels * 4 < p.size && p.has(labels * 4); ++labels)
        if (p[labels * 4 - 2] & 0x01) return labels * 4;
    return 0;
}

std::uint32_t label_at(const Octets &p, std::size_t entry) {
    return static_cast<std::uint32_t>(p[entry]) << 12 | static_cast<std::uint32_t>(p[entry + 1]) << 4 |
           static_cast<std::uint32_t>(p[entry + 2] >> 4);
}

// RFC 5586: the GAL is the bottom label and an Associated Channel Header
// follows it, not an IP packet.
bool ends_in_gal(const Octets &p, std::size_t stack) {
    return stack != 0 && label_at(p, stack - 4) == kGal;
}

// The ACH: first nibble 1, version 0, reserved octet zero.
bool ach_at(const Octets &p, std::size_t at) {
    return p.has(at + 4) && p[at] == 0x10 && p[at + 1] == 0;
}

// RFC 7510: a label stack ending with the bottom-of-stack bit, then an IP
// packet told by its version nibble, or after a GAL and its ACH an IP
// packet its channel type names (RFC 4385 channel types 0x0021, 0x0057).
Tunnel mpls(const Octets &p) {
    const std::size_t stack = label_stack_length(p);
    if (stack == 0) return {};
    if (ends_in_gal(p, stack)) {
        constexpr std::size_t kAch = 4;
        if (!ach_at(p, stack)) return {};
        const Octets packet = p.from(stack + kAch);
        InnerKind inner = InnerKind::None;
        switch (p.u16(stack + 2)) {
            case 0x0021: inner = is_ipv4_packet(packet) ? InnerKind::Ipv4 : InnerKind::None; break;
            case 0x0057: inner = is_ipv6_packet(packet) ? InnerKind::Ipv6 : InnerKind::None; break;
            default: break;
        }
        return inner != InnerKind::None ? Tunnel{TunnelKind::Mpls, stack + kAch, inner} : Tunnel{};
    }
    for (std::size_t entry = 0; entry < stack; entry += 4)
        if (label_at(p, entry) == kGal) return {};  // a GAL not at the bottom: not RFC 5586
    const InnerKind inner = inner_ip_by_nibble(p.from(stack));
    return inner != InnerKind::None ? Tunnel{TunnelKind::Mpls, stack, inner} : Tunnel{};
}

// 3GPP TS 29.281: version 1, PT 1, reserved bit 0, message type 0xFF
// (G-PDU), a length that covers exactly what follows the first 8 octets,
// optional sequence/N-PDU/extension headers; inner IP.
Tunnel gtp_u(const Octets &p) {
    constexpr std::size_t kFixed = 8;
    if (p.size <= kFixed || !p.has(kFixed) || (p[0] & 0xF8) != 0x30 || p[1] != 0xFF || p.u16(2) != p.size - kFixed)
        return {};
    std::size_t header = kFixed;
    if (p[0] & 0x07) {
        header += 4;
        if (p.size <= header || !p.has(header)) return {};
        std::uint8_t next = (p[0] & 0x04) ? p[header - 1] : 0;
        while (next != 0) {
            if (header >= p.size || !p.has(header + 1) || p[header] == 0) return {};
            const std::size_t length = static_cast<std::size_t>(p[header]) * 4;
            if (header + length >= p.size || !p.has(header + length)) return {};
            next = p[header + length - 1];
            header += length;
        }
    }
    const InnerKind inner = inner_ip_by_nibble(p.from(header));
    return inner != InnerKind::None ? Tunnel{TunnelKind::GtpU, header, inner} : Tunnel{};
}

// A packet behind a header nobody published: the first offset at which a
// whole, vouched-for packet ends exactly where the payload ends.
// What every inner packet has, checked before the whole header is: an IP
// version nibble of 4 or 6 first, or an IP EtherType at octet 12.
bool could_begin_inner(std::span<const std::uint8_t> at) {
    if (at.empty()) return false;
    if (at[0] >> 4 == 4 || at[0] >> 4 == 6) return true;
    if (at.size() < kEthernetHeader) return false;
    const auto type = static_cast<std::uint16_t>(at[12] << 8 | at[13]);
    return type == kEtherTypeIpv4 || type == kEtherTypeIpv6;
}

Tunnel unknown_header(const Octets &p) {
    const std::size_t last = std::min(kMaxUnknownHeader, p.size > 0 ? p.size - 1 : 0);
    for (std::size_t offset = 1; offset <= last; ++offset) {
        if (offset >= p.captured.size() || !could_begin_inner(p.captured.subspan(offset))) continue;
        const InnerKind inner = vouched_inner(p.from(offset));
        if (inner != InnerKind::None) return {TunnelKind::UnknownHeader, offset, inner};
    }
    return {};
}

}  // namespace

const TunnelInfo &tunnel_info(TunnelKind kind) {
    const auto row = static_cast<std::size_t>(kind);
    return row < std::size(kTunnelKinds) ? kTunnelKinds[row] : kTunnelKinds[0];
}

namespace {

// find_tunnel for a payload already known not to be a bare packet.
Tunnel tunnel_in(const Octets &payload) {
    // Strictest header check first: MPLS (one bottom-of-stack bit) says least, the search last.
    for (Tunnel (*check)(const Octets &) : {vxlan, vxlan_gpe, geneve, gtp_u, gre, mpls}) {
        const Tunnel tunnel = check(payload);
        if (tunnel.kind != TunnelKind::None) return tunnel;
    }
    // After a GAL comes an ACH and a G-ACh message, not a packet behind an unknown header.
    if (ends_in_gal(payload, label_stack_length(payload))) return {};
    return unknown_header(payload);
}

}  // namespace

Tunnel find_tunnel(Octets payload) {
    if (classify_payload(payload) != InnerKind::None) return {};
    return tunnel_in(payload);
}

Tunnel find_inner(Octets payload) {
    const InnerKind bare = classify_payload(payload);
    if (bare != InnerKind::None) return {TunnelKind::None, 0, bare};
    return tunnel_in(payload);  // classified once, not again by find_tunnel
}

}  // namespace decap
