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
    EXPECT_EQ(find_tunnel({}).kind, TunnelKind::None);
}

TEST(Tunnels, NameAndDissectorOfEveryKind) {
    for (TunnelKind kind : {TunnelKind::Vxlan, TunnelKind::Geneve, TunnelKind::Gre, TunnelKind::Mpls, TunnelKind::GtpU})
        EXPECT_NE(tunnel_dissector(kind), nullptr) << tunnel_name(kind);
    EXPECT_EQ(tunnel_dissector(TunnelKind::UnknownHeader), nullptr);
    EXPECT_STREQ(tunnel_name(TunnelKind::GtpU), "GTP-U");
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
