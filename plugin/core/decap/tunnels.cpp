#include "core/decap/tunnels.hpp"

#include <algorithm>

namespace decap {
namespace {

constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
constexpr std::uint16_t kEtherTypeIpv6 = 0x86DD;
constexpr std::uint16_t kTransparentEthernet = 0x6558;
constexpr std::size_t kIpv6Header = 40;
constexpr std::size_t kEthernetHeader = 14;

using Bytes = std::span<const std::uint8_t>;

std::uint16_t read_u16(Bytes b, std::size_t at) {
    return static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]);
}

// What a protocol-type field (EtherType) says the inner packet is, checked.
InnerKind inner_of_type(std::uint16_t type, Bytes inner) {
    switch (type) {
        case kEtherTypeIpv4: return is_ipv4_packet(inner) ? InnerKind::Ipv4 : InnerKind::None;
        case kEtherTypeIpv6: return is_ipv6_packet(inner) ? InnerKind::Ipv6 : InnerKind::None;
        case kTransparentEthernet: return is_ethernet_frame(inner) ? InnerKind::Ethernet : InnerKind::None;
        default: return InnerKind::None;
    }
}

// An IP packet recognised by its version nibble (MPLS, GTP-U carry no type).
InnerKind inner_ip_by_nibble(Bytes inner) {
    if (inner.empty()) return InnerKind::None;
    if (inner[0] >> 4 == 4) return is_ipv4_packet(inner) ? InnerKind::Ipv4 : InnerKind::None;
    if (inner[0] >> 4 == 6) return is_ipv6_packet(inner) ? InnerKind::Ipv6 : InnerKind::None;
    return InnerKind::None;
}

// IPv6 has no header checksum, so where nothing else vouches for the packet
// (the unknown-header search) its upper layer must agree with it as well.
bool ipv6_upper_layer_consistent(Bytes packet) {
    const auto upper = packet.subspan(kIpv6Header);
    switch (packet[6]) {
        case 17: return upper.size() >= 8 && read_u16(upper, 4) == upper.size();
        case 6: {
            if (upper.size() < 20) return false;
            const std::size_t offset = static_cast<std::size_t>(upper[12] >> 4) * 4;
            return offset >= 20 && offset <= upper.size() && (upper[12] & 0x0F) == 0;
        }
        case 58: {
            static constexpr std::uint8_t kTypes[] = {1,   2,   3,   4,   128, 129, 130, 131,
                                                      132, 133, 134, 135, 136, 137, 143};
            return upper.size() >= 8 && std::find(std::begin(kTypes), std::end(kTypes), upper[0]) != std::end(kTypes);
        }
        default: return false;
    }
}

InnerKind vouched_inner(Bytes inner) {
    const InnerKind kind = classify_payload(inner);
    switch (kind) {
        case InnerKind::Ipv6: return ipv6_upper_layer_consistent(inner) ? kind : InnerKind::None;
        case InnerKind::Ethernet:
            return read_u16(inner, 12) != kEtherTypeIpv6 ||
                           ipv6_upper_layer_consistent(
                               inner.subspan(kEthernetHeader, kIpv6Header + read_u16(inner, kEthernetHeader + 4)))
                       ? kind
                       : InnerKind::None;
        default: return kind;
    }
}

// RFC 7348: flags 0x08 (I), every reserved bit zero, a 24-bit VNI; inner Ethernet.
Tunnel vxlan(Bytes p) {
    constexpr std::size_t kHeader = 8;
    if (p.size() <= kHeader || p[0] != 0x08 || p[1] != 0 || p[2] != 0 || p[3] != 0 || p[7] != 0) return {};
    return is_ethernet_frame(p.subspan(kHeader)) ? Tunnel{TunnelKind::Vxlan, kHeader, InnerKind::Ethernet} : Tunnel{};
}

// RFC 8926: version 0, reserved bits zero, options that add up exactly to
// the option length, protocol type Ethernet/IPv4/IPv6.
Tunnel geneve(Bytes p) {
    constexpr std::size_t kFixed = 8;
    if (p.size() <= kFixed || p[0] >> 6 != 0 || (p[1] & 0x3F) != 0 || p[7] != 0) return {};
    const std::size_t header = kFixed + static_cast<std::size_t>(p[0] & 0x3F) * 4;
    if (p.size() <= header) return {};
    for (std::size_t at = kFixed; at < header;) {
        if (at + 4 > header) return {};
        at += 4 + static_cast<std::size_t>(p[at + 3] & 0x1F) * 4;
        if (at > header) return {};
    }
    const InnerKind inner = inner_of_type(read_u16(p, 2), p.subspan(header));
    return inner != InnerKind::None ? Tunnel{TunnelKind::Geneve, header, inner} : Tunnel{};
}

// RFC 8086 (GRE in UDP) with RFC 2784/2890 headers: version 0, reserved bits
// zero, optional checksum/key/sequence words.
Tunnel gre(Bytes p) {
    if (p.size() <= 4 || (p[0] & 0x4F) != 0 || p[1] != 0) return {};
    std::size_t header = 4;
    for (std::uint8_t flag : {0x80, 0x20, 0x10})
        if (p[0] & flag) header += 4;
    if (p.size() <= header) return {};
    const InnerKind inner = inner_of_type(read_u16(p, 2), p.subspan(header));
    return inner != InnerKind::None ? Tunnel{TunnelKind::Gre, header, inner} : Tunnel{};
}

// RFC 7510: a label stack ending with the bottom-of-stack bit, then an IP
// packet told by its version nibble.
Tunnel mpls(Bytes p) {
    constexpr std::size_t kMaxLabels = 8;
    for (std::size_t labels = 1; labels <= kMaxLabels && labels * 4 < p.size(); ++labels) {
        const std::size_t entry = (labels - 1) * 4;
        if ((p[entry + 2] & 0x01) == 0) continue;
        const InnerKind inner = inner_ip_by_nibble(p.subspan(labels * 4));
        return inner != InnerKind::None ? Tunnel{TunnelKind::Mpls, labels * 4, inner} : Tunnel{};
    }
    return {};
}

// 3GPP TS 29.281: version 1, PT 1, reserved bit 0, message type 0xFF
// (G-PDU), a length that covers exactly what follows the first 8 octets,
// optional sequence/N-PDU/extension headers; inner IP.
Tunnel gtp_u(Bytes p) {
    constexpr std::size_t kFixed = 8;
    if (p.size() <= kFixed || (p[0] & 0xF8) != 0x30 || p[1] != 0xFF || read_u16(p, 2) != p.size() - kFixed) return {};
    std::size_t header = kFixed;
    if (p[0] & 0x07) {
        header += 4;
        if (p.size() <= header) return {};
        std::uint8_t next = (p[0] & 0x04) ? p[header - 1] : 0;
        while (next != 0) {
            if (header >= p.size() || p[header] == 0) return {};
            const std::size_t length = static_cast<std::size_t>(p[header]) * 4;
            if (header + length >= p.size()) return {};
            next = p[header + length - 1];
            header += length;
        }
    }
    const InnerKind inner = inner_ip_by_nibble(p.subspan(header));
    return inner != InnerKind::None ? Tunnel{TunnelKind::GtpU, header, inner} : Tunnel{};
}

// A packet behind a header nobody published: the first offset at which a
// whole, vouched-for packet ends exactly where the payload ends.
Tunnel unknown_header(Bytes p) {
    const std::size_t last = std::min(kMaxUnknownHeader, p.size() > 0 ? p.size() - 1 : 0);
    for (std::size_t offset = 1; offset <= last; ++offset) {
        const InnerKind inner = vouched_inner(p.subspan(offset));
        if (inner != InnerKind::None) return {TunnelKind::UnknownHeader, offset, inner};
    }
    return {};
}

}  // namespace

Tunnel find_tunnel(Bytes payload) {
    if (classify_payload(payload) != InnerKind::None) return {};
    // Strictest header check first: MPLS (one bottom-of-stack bit) says least, the search last.
    for (Tunnel (*check)(Bytes) : {vxlan, geneve, gtp_u, gre, mpls, unknown_header}) {
        const Tunnel tunnel = check(payload);
        if (tunnel.kind != TunnelKind::None) return tunnel;
    }
    return {};
}

const char *tunnel_name(TunnelKind kind) {
    switch (kind) {
        case TunnelKind::Vxlan: return "VXLAN";
        case TunnelKind::Geneve: return "GENEVE";
        case TunnelKind::Gre: return "GRE";
        case TunnelKind::Mpls: return "MPLS";
        case TunnelKind::GtpU: return "GTP-U";
        case TunnelKind::UnknownHeader: return "unknown header";
        case TunnelKind::None: break;
    }
    return "none";
}

const char *tunnel_dissector(TunnelKind kind) {
    switch (kind) {
        case TunnelKind::Vxlan: return "vxlan";
        case TunnelKind::Geneve: return "geneve";
        case TunnelKind::Gre: return "gre";
        case TunnelKind::Mpls: return "mpls";
        case TunnelKind::GtpU: return "gtp";
        case TunnelKind::UnknownHeader:
        case TunnelKind::None: break;
    }
    return nullptr;
}

}  // namespace decap
