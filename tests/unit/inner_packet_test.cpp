// SPDX-License-Identifier: GPL-2.0-or-later
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

// Cut by a capture's snap length: the header octets were captured and every
// length agrees with the size on the wire, so the packet is recognised
// (Wireshark then shows the cut as "Packet size limited during capture").
TEST(InnerPacket, SnappedPacketsAreJudgedByTheirReportedSize) {
    const Bytes v4 = ipv4_udp(text("a query long enough to be cut by the snap length"));
    const std::span<const std::uint8_t> whole{v4};
    EXPECT_EQ(classify_payload(Octets{whole.first(20), v4.size()}), InnerKind::Ipv4);
    EXPECT_EQ(classify_payload(Octets{whole.first(19), v4.size()}), InnerKind::None);      // header cut
    EXPECT_EQ(classify_payload(Octets{whole.first(30), v4.size() + 1}), InnerKind::None);  // length disagrees
    EXPECT_EQ(classify_payload(whole.first(30)), InnerKind::None);  // captured size taken for the real one
    const Bytes frame = ethernet(0x86DD, ipv6_udp(text("x")));
    EXPECT_EQ(classify_payload(Octets{std::span<const std::uint8_t>{frame}.first(54), frame.size()}),
              InnerKind::Ethernet);
    EXPECT_EQ(classify_payload(Octets{std::span<const std::uint8_t>{frame}.first(53), frame.size()}), InnerKind::None);
}

TEST(InnerPacket, OctetsNeverReachPastWhatWasCaptured) {
    const Bytes bytes(10, 1);
    const Octets cut{std::span<const std::uint8_t>{bytes}, 100};
    EXPECT_TRUE(cut.snapped());
    EXPECT_EQ(cut.from(4).captured.size(), 6u);
    EXPECT_EQ(cut.from(4).size, 96u);
    EXPECT_EQ(cut.from(40).captured.size(), 0u);
    EXPECT_EQ(cut.from(400).size, 0u);
    EXPECT_EQ(cut.first(5).captured.size(), 5u);
    EXPECT_FALSE(cut.first(5).snapped());
    EXPECT_EQ(Octets(std::span<const std::uint8_t>{bytes}, 4).captured.size(), 4u);  // never more than reported
}

TEST(InnerPacket, OneTableNamesEveryKind) {
    EXPECT_STREQ(inner_kind_name(InnerKind::Ethernet), "Ethernet frame");
    EXPECT_STREQ(inner_info(InnerKind::Ipv4).dissector, "ip");
    EXPECT_EQ(inner_info(InnerKind::None).dissector, nullptr);
}
