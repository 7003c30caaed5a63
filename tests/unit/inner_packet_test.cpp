#include <gtest/gtest.h>

#include <random>

#include "builder.hpp"
#include "packets.hpp"
#include "core/decap/tunnels.hpp"
#include "core/decap/inner_packet.hpp"

using namespace decap;
using rescap::test::Bytes;
using rescap::test::text;

using namespace decap::test;

TEST(InnerPacket, RecognisesWellFormedPackets) {
    const Bytes query = text("dns query bytes");
    EXPECT_EQ(classify_payload(ipv4_udp(query)), InnerKind::Ipv4);
    EXPECT_EQ(classify_payload(ipv6_udp(query)), InnerKind::Ipv6);
    EXPECT_EQ(classify_payload(ethernet(0x0800, ipv4_udp(query))), InnerKind::Ethernet);
    EXPECT_EQ(classify_payload(ethernet(0x86DD, ipv6_udp(query))), InnerKind::Ethernet);
}

TEST(InnerPacket, AcceptsMinimumFramePaddingOnly) {
    const Bytes tiny = ethernet(0x0800, ipv4_udp({}));  // 14 + 28 = 42 octets
    EXPECT_TRUE(is_ethernet_frame(tiny + Bytes(60 - tiny.size(), 0)));
    EXPECT_FALSE(is_ethernet_frame(tiny + Bytes(3, 0)));
}

TEST(InnerPacket, RejectsInconsistentPackets) {
    Bytes bad_checksum = ipv4_udp(text("x"));
    bad_checksum[10] ^= 0x01;
    EXPECT_FALSE(is_ipv4_packet(bad_checksum));
    Bytes longer = ipv4_udp(text("x")) + Bytes{0};
    EXPECT_FALSE(is_ipv4_packet(longer));
    Bytes v6_wrong_length = ipv6_udp(text("x"));
    v6_wrong_length.pop_back();
    EXPECT_FALSE(is_ipv6_packet(v6_wrong_length));
    EXPECT_FALSE(is_ethernet_frame(ethernet(0x0806, ipv4_udp(text("x")))));
}

TEST(InnerPacket, RandomOctetsAreNotPackets) {
    // Even with the version nibble forced to 4 or 6, random octets must not pass.
    std::mt19937 random(403);
    std::uniform_int_distribution<int> octet(0, 255), size(20, 1500);
    for (int i = 0; i < 20000; ++i) {
        Bytes payload(static_cast<std::size_t>(size(random)));
        for (auto &b : payload) b = static_cast<std::uint8_t>(octet(random));
        payload[0] = static_cast<std::uint8_t>((i % 2 ? 0x40 : 0x60) | (payload[0] & 0x0F));
        ASSERT_EQ(classify_payload(payload), InnerKind::None) << "iteration " << i;
        ASSERT_EQ(find_tunnel(payload).kind, TunnelKind::None) << "iteration " << i;
    }
}
