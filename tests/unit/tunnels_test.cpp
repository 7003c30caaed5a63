// SPDX-License-Identifier: GPL-2.0-or-later
#include <gtest/gtest.h>

#include <functional>
#include <random>

#include "core/decap/tunnels.hpp"
#include "packets.hpp"

using namespace decap;
using namespace decap::test;
using rescap::test::text;
using rescap::test::u32;

namespace {

const Bytes kQuery = text("dns query bytes");

Bytes vxlan_header() {
    return Bytes{0x08, 0, 0, 0, 0x00, 0x01, 0x93, 0};
}
Bytes geneve_header(unsigned type, const Bytes &options = {}) {
    return Bytes{static_cast<std::uint8_t>(options.size() / 4), 0} + u16(type) + Bytes{0, 0, 42, 0} + options;
}
Bytes gre_header(unsigned type, std::uint8_t flags = 0) {
    Bytes h = Bytes{flags, 0} + u16(type);
    for (std::uint8_t flag : {0x80, 0x20, 0x10})
        if (flags & flag) h = h + u32(0x01020304);
    return h;
}
Bytes mpls_label(unsigned label, bool bottom) {
    return u32(label << 12 | (bottom ? 0x100u : 0u) | 64u);
}
// draft-ietf-nvo3-vxlan-gpe: flags I|P (0x0C), reserved, next protocol, VNI 0x000193, reserved.
Bytes vxlan_gpe_header(std::uint8_t next, std::uint8_t flags = 0x0C) {
    return Bytes{flags, 0, 0, next, 0x00, 0x01, 0x93, 0};
}
// RFC 8300 NSH, MD type 1 (length 6 words, 16 octets of fixed context): TTL 63, SPI 42, SI 255.
Bytes nsh_md1(std::uint8_t next) {
    return Bytes{0x0F, 0xC6, 0x01, next, 0, 0, 42, 255} + Bytes(16, 0xC0);
}
// RFC 8300 NSH, MD type 2 with one 5-octet TLV (padded to 8): length 5 words.
Bytes nsh_md2(std::uint8_t next) {
    return Bytes{0x0F, 0xC5, 0x02, next, 0, 0, 42, 255} + Bytes{0x01, 0x02, 0x03, 0x05, 1, 2, 3, 4, 5, 0, 0, 0};
}
// RFC 5586: the GAL (label 13, bottom of stack, TTL 1) and an ACH of `channel`.
Bytes gal_ach(unsigned channel) {
    return u32(13u << 12 | 0x100u | 1u) + Bytes{0x10, 0} + u16(channel);
}
Bytes gtp_u(const Bytes &inner, const Bytes &optional = {}, std::uint8_t flags = 0x30) {
    return Bytes{flags, 0xFF} + u16(static_cast<unsigned>(optional.size() + inner.size())) + u32(0xC0FFEE) + optional +
           inner;
}

}  // namespace

TEST(Tunnels, RecogniseEachKindAndItsInnerPacket) {
    const Bytes frame = ethernet(0x0800, ipv4_udp(kQuery));
    const struct {
        Bytes payload;
        TunnelKind kind;
        std::size_t header;
        InnerKind inner;
    } cases[] = {
        {vxlan_header() + frame, TunnelKind::Vxlan, 8, InnerKind::Ethernet},
        {geneve_header(0x6558) + frame, TunnelKind::Geneve, 8, InnerKind::Ethernet},
        {geneve_header(0x0800, Bytes{0x01, 0x02, 0x03, 0x01, 9, 9, 9, 9}) + ipv4_udp(kQuery), TunnelKind::Geneve, 16,
         InnerKind::Ipv4},
        {geneve_header(0x86DD) + ipv6_udp(kQuery), TunnelKind::Geneve, 8, InnerKind::Ipv6},
        {gre_header(0x0800) + ipv4_udp(kQuery), TunnelKind::Gre, 4, InnerKind::Ipv4},
        {gre_header(0x86DD, 0x30) + ipv6_udp(kQuery), TunnelKind::Gre, 12, InnerKind::Ipv6},
        {gre_header(0x6558, 0x20) + frame, TunnelKind::Gre, 8, InnerKind::Ethernet},
        {mpls_label(100, true) + ipv4_udp(kQuery), TunnelKind::Mpls, 4, InnerKind::Ipv4},
        {mpls_label(100, false) + mpls_label(2, true) + ipv6_udp(kQuery), TunnelKind::Mpls, 8, InnerKind::Ipv6},
        {gtp_u(ipv4_udp(kQuery)), TunnelKind::GtpU, 8, InnerKind::Ipv4},
        {gtp_u(ipv6_udp(kQuery), Bytes{0, 1, 0, 0}, 0x32), TunnelKind::GtpU, 12, InnerKind::Ipv6},
        {gtp_u(ipv4_udp(kQuery), Bytes{0, 0, 0, 0x85, 1, 0x10, 0x05, 0}, 0x34), TunnelKind::GtpU, 16, InnerKind::Ipv4},
        {Bytes{0xDE, 0xAD, 0xBE, 0xEF, 0, 7} + ipv4_udp(kQuery), TunnelKind::UnknownHeader, 6, InnerKind::Ipv4},
        {Bytes(64, 0xA5) + ipv6_udp(kQuery), TunnelKind::UnknownHeader, 64, InnerKind::Ipv6},
        {Bytes(3, 0x11) + frame, TunnelKind::UnknownHeader, 3, InnerKind::Ethernet},
        {vxlan_gpe_header(1) + ipv4_udp(kQuery), TunnelKind::VxlanGpe, 8, InnerKind::Ipv4},
        {vxlan_gpe_header(2) + ipv6_udp(kQuery), TunnelKind::VxlanGpe, 8, InnerKind::Ipv6},
        {vxlan_gpe_header(3) + frame, TunnelKind::VxlanGpe, 8, InnerKind::Ethernet},
        {vxlan_gpe_header(3, 0x0D) + frame, TunnelKind::VxlanGpe, 8, InnerKind::Ethernet},  // O bit: OAM
        {vxlan_gpe_header(4) + nsh_md1(1) + ipv4_udp(kQuery), TunnelKind::VxlanGpe, 32, InnerKind::Ipv4},
        {vxlan_gpe_header(4) + nsh_md2(3) + frame, TunnelKind::VxlanGpe, 28, InnerKind::Ethernet},
        {mpls_label(100, false) + gal_ach(0x0021) + ipv4_udp(kQuery), TunnelKind::Mpls, 12, InnerKind::Ipv4},
        {gal_ach(0x0057) + ipv6_udp(kQuery), TunnelKind::Mpls, 8, InnerKind::Ipv6},
    };
    for (const auto &c : cases) {
        const Tunnel tunnel = find_tunnel(c.payload);
        EXPECT_EQ(tunnel.kind, c.kind) << tunnel_name(c.kind);
        EXPECT_EQ(tunnel.header_length, c.header) << tunnel_name(c.kind);
        EXPECT_EQ(tunnel.inner, c.inner) << tunnel_name(c.kind);
    }
}

TEST(Tunnels, BarePacketsAndNearMissesAreNotTunnels) {
    EXPECT_EQ(find_tunnel(ipv4_udp(kQuery)).kind, TunnelKind::None);  // bare packet: decap's plain case
    Bytes reserved = vxlan_header() + ethernet(0x0800, ipv4_udp(kQuery));
    reserved[7] = 1;  // a reserved octet set is not VXLAN; nor is the rest a packet at any offset
    EXPECT_NE(find_tunnel(reserved).kind, TunnelKind::Vxlan);
    Bytes gre_v1 = gre_header(0x0800) + ipv4_udp(kQuery);
    gre_v1[1] = 0x01;  // version 1 (PPTP) is not GRE over UDP
    EXPECT_NE(find_tunnel(gre_v1).kind, TunnelKind::Gre);
    Bytes gtp_bad_length = gtp_u(ipv4_udp(kQuery));
    gtp_bad_length[3] ^= 0x01;
    EXPECT_NE(find_tunnel(gtp_bad_length).kind, TunnelKind::GtpU);
    Bytes inner_bad = gtp_u(ipv4_udp(kQuery));
    inner_bad[8 + 10] ^= 0x01;  // inner IPv4 checksum
    EXPECT_EQ(find_tunnel(inner_bad).kind, TunnelKind::None);
    EXPECT_EQ(find_tunnel(Bytes(65, 0) + ipv4_udp(kQuery)).kind, TunnelKind::None);  // header beyond the search
    EXPECT_EQ(find_tunnel(Octets{}).kind, TunnelKind::None);
}

// RFC 5586: after the GAL comes an Associated Channel Header, never an IP
// packet; a G-ACh message (BFD, channel 0x0007) is not a packet either.
TEST(Tunnels, GalIsFollowedByAnAchNotByIp) {
    const Bytes gal = u32(13u << 12 | 0x100u | 1u);
    EXPECT_EQ(find_tunnel(gal + ipv4_udp(kQuery)).kind, TunnelKind::None);  // was MPLS carrying IPv4
    EXPECT_EQ(find_tunnel(mpls_label(100, false) + gal + ipv6_udp(kQuery)).kind, TunnelKind::None);
    EXPECT_EQ(find_tunnel(gal_ach(0x0007) + Bytes{0x20, 0x40, 0x03, 0x18} + Bytes(20, 1)).kind, TunnelKind::None);
    EXPECT_EQ(find_tunnel(gal_ach(0x0007) + ipv4_udp(kQuery)).kind, TunnelKind::None);  // channel says BFD
    EXPECT_EQ(find_tunnel(gal_ach(0x0057) + ipv4_udp(kQuery)).kind, TunnelKind::None);  // channel says IPv6
    // A GAL that is not the bottom label is not RFC 5586 MPLS either (the search may still find the packet).
    EXPECT_NE(find_tunnel(u32(13u << 12 | 1u) + mpls_label(100, true) + ipv4_udp(kQuery)).kind, TunnelKind::Mpls);
}

// Plain VXLAN's reserved octet 3 is GPE's next protocol: without the P flag
// it must stay zero, and with it the next protocol must name the packet.
TEST(Tunnels, VxlanGpeNeedsItsFlagsAndTheRightNextProtocol) {
    const Bytes packet = ipv4_udp(kQuery);
    // Not VXLAN-GPE; what else the header may pass for (an MPLS stack: VNI 0x000193 ends in a
    // bottom-of-stack bit; the unknown-header search) is another tunnel's business.
    EXPECT_NE(find_tunnel(vxlan_gpe_header(1, 0x08) + packet).kind, TunnelKind::VxlanGpe);  // no P flag
    EXPECT_NE(find_tunnel(vxlan_gpe_header(2) + packet).kind, TunnelKind::VxlanGpe);        // says IPv6
    EXPECT_NE(find_tunnel(vxlan_gpe_header(1, 0x1C) + packet).kind, TunnelKind::VxlanGpe);  // version 1
    EXPECT_NE(find_tunnel(vxlan_gpe_header(1, 0x4C) + packet).kind, TunnelKind::VxlanGpe);  // R bit
    EXPECT_NE(find_tunnel(vxlan_gpe_header(4) + packet).kind, TunnelKind::VxlanGpe);        // no NSH
    Bytes bad_nsh = vxlan_gpe_header(4) + nsh_md1(1) + packet;
    bad_nsh[9] = 0xC5;  // MD type 1 with 5 words instead of 6
    EXPECT_NE(find_tunnel(bad_nsh).kind, TunnelKind::VxlanGpe);
}

// Every single-octet change of a VXLAN-GPE header: VXLAN-GPE exactly when
// the draft still allows the header and its next protocol is IPv4.
TEST(Tunnels, MutatedVxlanGpeHeadersMatchOnlyWhenValid) {
    const Bytes packet = ipv4_udp(kQuery);
    std::mt19937 random(4790);
    std::uniform_int_distribution<int> octet(0, 255), position(0, 7);
    for (int i = 0; i < 20000; ++i) {
        Bytes header = vxlan_gpe_header(1);
        header[static_cast<std::size_t>(position(random))] = static_cast<std::uint8_t>(octet(random));
        const bool valid =
            (header[0] & 0xFC) == 0x0C && header[1] == 0 && header[2] == 0 && header[3] == 1 && header[7] == 0;
        ASSERT_EQ(find_tunnel(header + packet).kind == TunnelKind::VxlanGpe, valid) << "iteration " << i;
    }
}

TEST(Tunnels, OneTableNamesEveryKind) {
    for (const TunnelInfo &info : kTunnelKinds) {
        EXPECT_EQ(&tunnel_info(info.kind), &info);
        EXPECT_NE(info.name, nullptr);
        // Wireshark decodes every published tunnel; the unknown header is left to the inner packet's dissector.
        EXPECT_EQ(info.filter == nullptr, info.kind == TunnelKind::None || info.kind == TunnelKind::UnknownHeader)
            << info.name;
    }
    EXPECT_STREQ(tunnel_name(TunnelKind::GtpU), "GTP-U");
    EXPECT_STREQ(tunnel_name(TunnelKind::VxlanGpe), "VXLAN-GPE");
    for (const InnerInfo &info : kInnerKinds) EXPECT_EQ(&inner_info(info.kind), &info);
}

// A capture's snap length cuts the payload: the headers were captured, the
// lengths agree with the size on the wire, so the tunnel is recognised.
TEST(Tunnels, SnappedPayloadsAreJudgedByTheirReportedSize) {
    const Bytes payload = vxlan_header() + ethernet(0x0800, ipv4_udp(kQuery));
    const std::span<const std::uint8_t> whole{payload};
    const Tunnel cut = find_tunnel(Octets{whole.first(8 + 14 + 20), payload.size()});
    EXPECT_EQ(cut.kind, TunnelKind::Vxlan);
    EXPECT_EQ(cut.inner, InnerKind::Ethernet);
    EXPECT_EQ(find_tunnel(Octets{whole.first(8 + 14 + 19), payload.size()}).kind, TunnelKind::None);  // IPv4 header cut
    const Bytes gtp = gtp_u(ipv6_udp(kQuery));
    EXPECT_EQ(find_tunnel(Octets{std::span<const std::uint8_t>{gtp}.first(8 + 40), gtp.size()}).kind, TunnelKind::GtpU);
    // The cut payload with its captured size as the real one is not a tunnel: lengths disagree.
    EXPECT_EQ(find_tunnel(whole.first(8 + 14 + 20)).kind, TunnelKind::None);
}

TEST(Tunnels, FindInnerTellsBarePacketsFromTunnels) {
    const Tunnel bare = find_inner(Octets{std::span<const std::uint8_t>{ipv6_udp(kQuery)}});
    EXPECT_EQ(bare.kind, TunnelKind::None);
    EXPECT_EQ(bare.inner, InnerKind::Ipv6);
    const Bytes gre = gre_header(0x0800) + ipv4_udp(kQuery);
    const Tunnel tunnel = find_inner(Octets{std::span<const std::uint8_t>{gre}});
    EXPECT_EQ(tunnel.kind, TunnelKind::Gre);
    EXPECT_EQ(tunnel.inner, InnerKind::Ipv4);
    EXPECT_EQ(find_inner(Octets{std::span<const std::uint8_t>{kQuery}}).inner, InnerKind::None);
}

// 20000 random payloads behind each valid tunnel header (and with no
// header): the inner check must turn every one of them down.
TEST(Tunnels, RandomPayloadsBehindEveryHeaderAreRejected) {
    const std::function<Bytes(const Bytes &)> wrappers[] = {
        [](const Bytes &inner) { return inner; },
        [](const Bytes &inner) { return vxlan_header() + inner; },
        [](const Bytes &inner) { return geneve_header(0x6558) + inner; },
        [](const Bytes &inner) { return geneve_header(0x0800) + inner; },
        [](const Bytes &inner) { return gre_header(0x86DD) + inner; },
        [](const Bytes &inner) { return gre_header(0x6558) + inner; },
        [](const Bytes &inner) { return mpls_label(16, true) + inner; },
        [](const Bytes &inner) { return gtp_u(inner); },
        [](const Bytes &inner) { return vxlan_gpe_header(1) + inner; },
        [](const Bytes &inner) { return vxlan_gpe_header(2) + inner; },
        [](const Bytes &inner) { return vxlan_gpe_header(3) + inner; },
        [](const Bytes &inner) { return vxlan_gpe_header(4) + nsh_md1(1) + inner; },
        [](const Bytes &inner) { return gal_ach(0x0021) + inner; },
        [](const Bytes &inner) { return gal_ach(0x0057) + inner; },
    };
    std::mt19937 random(8);
    std::uniform_int_distribution<int> octet(0, 255), size(1, 1500);
    for (std::size_t w = 0; w < std::size(wrappers); ++w) {
        for (int i = 0; i < 20000; ++i) {
            Bytes inner(static_cast<std::size_t>(size(random)));
            for (auto &b : inner) b = static_cast<std::uint8_t>(octet(random));
            inner[0] = static_cast<std::uint8_t>((i % 2 ? 0x40 : 0x60) | (inner[0] & 0x0F));  // look like IP
            ASSERT_EQ(find_tunnel(wrappers[w](inner)).kind, TunnelKind::None) << "wrapper " << w << " iteration " << i;
        }
    }
}
